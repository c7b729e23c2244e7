"""The public entry points. The CLI calls exactly these; so can anyone else.

    >>> import factlint
    >>> ref = factlint.load_reference()
    >>> [f.code for f in factlint.check_text("Kim Yo-Long said.", reference=ref)]
    ['FL101']
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from .claimfile import is_claim_file, load_claim_file
from .config import LoadedConfig
from .discover import iter_files
from .document import Document, parse_document, read_document
from .extract import extract_claims
from .markup import Kind, kind_for
from .models import CheckedDocument, CheckResult, Claim, Finding, Reference
from .read import MAX_FILE_BYTES, InputError, decode
from .record import index_for, load_reference
from .report.notes import claim_notes
from .rules import RULES_BY_CODE, Rule, RuleContext, enabled_codes
from .rules.inputs import InvalidClaimFile, InvalidFrontMatter, UnreadableFile, UnusedSuppression
from .settings import Options, Settings, load_settings, resolve
from .spans import contains, merge


def extract(doc: Document, reference: Reference, *, max_edits: int = 2) -> list[Claim]:
    """The claims an article makes."""
    return extract_claims(doc, reference, max_edits=max_edits)


def check_document(doc: Document, reference: Reference, codes: Iterable[str] | None = None, *,
                   claims: list[Claim] | None = None, figure_tolerance: float = 0.0) -> list[Finding]:
    """Findings of the per-document rules for one parsed document, sorted by position then code.
    (Rules that compare documents, FL501, run in check_text and check_paths.)"""
    active = frozenset(codes) if codes is not None else enabled_codes()
    ctx = RuleContext(path=doc.path, reference=reference, as_of=doc.as_of, figure_tolerance=figure_tolerance)
    findings: list[Finding] = []
    if InvalidFrontMatter.code in active:
        findings.extend(InvalidFrontMatter().check_document(doc, ctx))
    claims = claims if claims is not None else extract(doc, reference)
    findings.extend(_claim_findings(claims, ctx, active))
    return _sorted(_suppress(doc, findings, ctx, active))


def _claim_findings(claims: Sequence[Claim], ctx: RuleContext, codes: frozenset[str]) -> list[Finding]:
    """What every active per-document rule says of these claims (an article's or a claim file's)."""
    return [f for code in sorted(codes) for f in RULES_BY_CODE[code]().check(claims, ctx)]


def verified_claims(claims: Sequence[Claim], ctx: RuleContext, codes: Iterable[str]) -> frozenset[int]:
    """Positions in `claims` of those an active rule compared with a record and found right: the
    review page's "verified". Any other claim without a finding was not checked."""
    rules = [RULES_BY_CODE[code]() for code in sorted(codes) if not RULES_BY_CODE[code].run_level]
    return frozenset(n for n, claim in enumerate(claims) if any(rule.agrees(claim, ctx) for rule in rules))


def _suppress(doc: Document, findings: list[Finding], ctx: RuleContext, active: frozenset[str]) -> list[Finding]:
    """Drop findings under inline suppressions; report the suppressions that dropped nothing (FL904)."""
    if not doc.suppressions:
        return findings
    # Per rule code, the union of what the suppressions cover and where its findings are, so each
    # finding and each directive is one bisection: a file of thousands of directives stays linear.
    by_code: dict[str, list[int]] = {}
    for f in findings:
        by_code.setdefault(f.code, []).append(f.span.start)
    covered = {code: merge([(s.start, s.end) for s in doc.suppressions if s.applies(code)]) for code in by_code}
    kept = [f for f in findings if not contains(covered[f.code], f.span.start)]
    for starts in by_code.values():
        starts.sort()
    used = {s.directive for s in doc.suppressions
            if any(s.applies(code) and bisect.bisect_left(starts, s.start) < bisect.bisect_left(starts, s.end)
                   for code, starts in by_code.items())}
    if UnusedSuppression.code in active:
        kept.extend(UnusedSuppression().unused(doc, ctx, used))
    return kept


def _run_findings(documents: list[tuple[str, list[Claim]]], reference: Reference, active: frozenset[str]) -> list[Finding]:
    """Findings of the rules that compare claims across documents (FL501)."""
    out: list[Finding] = []
    for code in sorted(active):
        rule = RULES_BY_CODE[code]()
        if rule.run_level:
            out.extend(rule.check_run(documents, reference))
    return out


def across(documents: list[tuple[str, list[Claim]]], reference: Reference, codes: Iterable[str]) -> list[Finding]:
    """The findings of the rules that compare claims across documents (FL501), for `documents`:
    (path, claims) each, as an editor's workspace holds them."""
    return _sorted(_run_findings(documents, reference, frozenset(codes)))


def file_claims(path: Path, reference: Reference, *, as_of: dt.date | None = None, max_edits: int = 2) -> list[Claim]:
    """The claims of an article on disk (InputError when it cannot be read as one)."""
    return extract(read_document(path, as_of=as_of), reference, max_edits=max_edits)


def _sorted(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.path, f.span.line, f.span.column, f.span.end_line, f.span.end_column,
                                           f.code))


def check_text(text: str, *, reference: Reference | None = None, path: str = "<text>",
               kind: Kind = "markdown", as_of: dt.date | None = None,
               select: Sequence[str] | None = None, ignore: Sequence[str] = (),
               figure_tolerance: float = 0.0) -> list[Finding]:
    """Check an article given as a string."""
    reference = reference if reference is not None else load_reference()
    doc = parse_document(text, path=path, kind=kind, as_of=as_of)
    codes = enabled_codes(select, ignore)
    claims = extract(doc, reference)
    findings = check_document(doc, reference, codes, claims=claims, figure_tolerance=figure_tolerance)
    return _sorted(findings + _run_findings([(doc.path, claims)], reference, codes))


def check_paths(paths: Iterable[str | Path], *, reference: Reference | None = None,
                as_of: dt.date | None = None, select: Sequence[str] | None = None, ignore: Sequence[str] | None = None,
                include: Sequence[str] | None = None, exclude: Sequence[str] = (),
                codes: Iterable[str] | None = None, figure_tolerance: float | None = None,
                respect_gitignore: bool | None = None, config: str | Path | None | bool = True) -> CheckResult:
    """Check files and folders (recursively), as `factlint check` does: the nearest configuration file
    at or above the first path applies (`config=PATH` names one, `config=False` ignores them), and the
    options given here win over it. A file that cannot be read becomes an FL901 finding; the other
    files are still checked. `codes`, when given, is the exact set of rules to run. `figure_tolerance`
    is a fraction (0.01 is 1%). A `reference` given is used as it is, without the file's layers."""
    paths = list(paths)
    options = Options(select=select, ignore=ignore, include=include, exclude=exclude, as_of=as_of,
                      figure_tolerance=figure_tolerance,
                      respect_gitignore=respect_gitignore)
    if config is False:
        settings = resolve(options, LoadedConfig())
    else:
        settings = load_settings(paths, options, config_path=None if config is True else config)
    if codes is not None:
        settings = replace(settings, codes=frozenset(codes))
    if reference is None:
        reference = load_reference(settings.reference_layers, bundled=settings.default_reference)
    return run(paths, settings, reference)[0]


def run(paths: Iterable[str | Path], settings: Settings, reference: Reference, *,
        stdin: tuple[bytes, str, Kind | None] | None = None, jobs: int = 1,
        progress: Callable[[int, int, int], None] | None = None,
        keep_documents: bool = False) -> tuple[CheckResult, list[CheckedDocument]]:
    """One run under `settings` (see settings.py): the findings, with the configuration's per-file
    ignores and severities applied, and (`keep_documents`) each document's text and claims."""
    result, documents = review_paths(
        paths, reference=reference, as_of=settings.as_of, codes=settings.codes, include=settings.include,
        exclude=settings.exclude, figure_tolerance=settings.figure_tolerance, max_edits=settings.max_edits,
        progress=progress, jobs=jobs, keep_documents=keep_documents,
        respect_gitignore=settings.respect_gitignore, stdin=stdin)
    return settings.finish(result), documents


@dataclass(frozen=True)
class _Settings:
    """What checking one file needs besides the file: passed to worker processes once."""

    reference: Reference
    codes: frozenset[str]
    as_of: dt.date | None
    figure_tolerance: float
    max_edits: int
    keep_documents: bool = True  # the text and claims of every document, for the HTML review page

    @cached_property  # asked for every document
    def run_rules(self) -> list[type[Rule]]:
        return [RULES_BY_CODE[code] for code in sorted(self.codes) if RULES_BY_CODE[code].run_level]



@dataclass(frozen=True)
class _Checked:
    findings: list[Finding]
    document: CheckedDocument | None  # None when the file could not be read as an article
    claims: tuple[str, list[Claim]] | None  # for the cross-document rules


def _check_one(path: Path, s: _Settings) -> _Checked:
    try:
        return _check_file(path, s)
    except Exception as exc:  # noqa: BLE001 - one file's failure must not lose the whole run
        return _failed(str(path), exc, s)


def _failed(path: str, exc: Exception, s: _Settings) -> _Checked:
    # Reported whatever rules are selected: a file nobody checked must never pass silently.
    return _Checked([UnreadableFile().failure(path, exc, s.reference)], None, None)


def _check_one_text(data: bytes, path: str, kind: Kind | None, s: _Settings) -> _Checked:
    """An article read from standard input, reported under `path`."""
    try:
        if len(data) > MAX_FILE_BYTES:
            raise InputError(f"input too large to check: over {MAX_FILE_BYTES:,} bytes")
        doc = parse_document(decode(data), path=path, kind=kind or kind_for(Path(path)), as_of=s.as_of)
        return _check_parsed(doc, s)
    except InputError as exc:
        return _unreadable(path, exc, s)
    except Exception as exc:  # noqa: BLE001 - as in _check_one
        return _failed(path, exc, s)


def _check_file(path: Path, s: _Settings) -> _Checked:
    if is_claim_file(path):
        claim_path, claim_findings, claims = check_claim_file(path, s.reference, s.codes, s.figure_tolerance)
        return _Checked(claim_findings, None, (claim_path, claims) if claims is not None else None)
    try:
        doc = read_document(path, as_of=s.as_of)
    except InputError as exc:
        return _unreadable(str(path), exc, s)
    return _check_parsed(doc, s)


def _unreadable(path: str, exc: InputError, s: _Settings) -> _Checked:
    found = [UnreadableFile().file_finding(path, str(exc), s.reference)] if UnreadableFile.code in s.codes else []
    return _Checked(found, None, None)


def _check_parsed(doc: Document, s: _Settings) -> _Checked:
    claims = extract(doc, s.reference, max_edits=s.max_edits)
    findings = check_document(doc, s.reference, s.codes, claims=claims, figure_tolerance=s.figure_tolerance)
    # Only what the run needs goes back (from a worker, pickled): the claims the cross-document
    # rules compare, and the document itself only for the review page.
    compared = [c for c in claims if any(rule.compares(c) for rule in s.run_rules)]
    if not s.keep_documents:
        return _Checked(findings, None, (doc.path, compared))
    ctx = RuleContext(path=doc.path, reference=s.reference, as_of=doc.as_of, figure_tolerance=s.figure_tolerance)
    verified = verified_claims(claims, ctx, s.codes)
    notes = [claim_notes(c, s.reference, doc.as_of, n in verified) for n, c in enumerate(claims)]
    document = CheckedDocument(path=doc.path, text=doc.original, claims=claims, verified=verified, notes=notes)
    return _Checked(findings, document, (doc.path, compared))


# Worker processes receive the settings once, through the pool's initializer, rather than with
# every file: the reference is by far the largest thing sent.
_worker_settings: _Settings | None = None


def _init_worker(settings: _Settings | None) -> None:
    global _worker_settings
    _worker_settings = settings


def _check_in_worker(path: Path) -> _Checked:
    assert _worker_settings is not None
    return _check_one(path, _worker_settings)


def review_paths(paths: Iterable[str | Path], *, reference: Reference | None = None,
                 as_of: dt.date | None = None, select: Sequence[str] | None = None, ignore: Sequence[str] = (),
                 include: Sequence[str] = (), exclude: Sequence[str] = (),
                 codes: Iterable[str] | None = None, figure_tolerance: float = 0.0, max_edits: int = 2,
                 progress: Callable[[int, int, int], None] | None = None, jobs: int = 1,
                 keep_documents: bool = True, respect_gitignore: bool = True,
                 stdin: tuple[bytes, str, Kind | None] | None = None) -> tuple[CheckResult, list[CheckedDocument]]:
    """check_paths, also returning each document's text and claims (for the HTML review page;
    `keep_documents=False` returns none). `jobs` > 1 checks files in that many processes; the result is
    the same, in the same order. `stdin` is an article given as bytes, with the path to report it
    under (`factlint check - --stdin-filename PATH`) and how to read it (None: as its suffix says)."""
    settings = _Settings(reference if reference is not None else load_reference(),
                         frozenset(codes) if codes is not None else enabled_codes(select, ignore),
                         as_of, figure_tolerance, max_edits, keep_documents)
    files = list(iter_files(paths, include=include, exclude=exclude, respect_gitignore=respect_gitignore))
    if jobs > 1 and len(files) > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        chunks = max(1, min(32, len(files) // (jobs * 8)))
        if "fork" in multiprocessing.get_all_start_methods():
            # Forked workers inherit the settings (and the built name index) from this process's memory:
            # nothing is pickled but the paths and the results.
            index_for(settings.reference, settings.max_edits)  # built once, before the fork
            _init_worker(settings)
            try:
                with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
                    results = list(pool.map(_check_in_worker, files, chunksize=chunks))
            finally:
                _init_worker(None)
        else:  # pragma: no cover - platforms without fork
            context = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker, initargs=(settings,)) as pool:
                results = list(pool.map(_check_in_worker, files, chunksize=chunks))
    else:
        results = []
        found = 0
        for n, path in enumerate(files):
            if progress is not None:
                progress(n, len(files), found)
            results.append(_check_one(path, settings))
            found += len(results[-1].findings)
    if stdin is not None:
        results.append(_check_one_text(*stdin, settings))
    findings = [f for r in results for f in r.findings]
    documents = [r.claims for r in results if r.claims is not None]
    findings.extend(_run_findings(documents, settings.reference, settings.codes))
    checked = [r.document for r in results if r.document is not None]
    return CheckResult(findings=_sorted(findings), files_checked=len(files) + (stdin is not None)), checked


def check_claim_file(path: Path, reference: Reference, codes: frozenset[str], figure_tolerance: float = 0.0
                     ) -> tuple[str, list[Finding], list[Claim] | None]:
    """Check the claims of a claim file with the same rules as an article; findings point at the claim
    file's lines. Claims an editor accepted (`reviewed: {verdict: accepted}`) draw nothing while their
    text is the text reviewed."""
    loaded, problems = load_claim_file(path, reference)
    if loaded is None:
        rule = InvalidClaimFile()
        return str(path), [rule.problem_finding(p, reference) for p in problems if rule.code in codes], None
    claims = [c for c in loaded.claims if not _accepted(c)]
    ctx = RuleContext(path=str(path), reference=reference, as_of=loaded.as_of, figure_tolerance=figure_tolerance)
    return str(path), _claim_findings(claims, ctx, codes), claims


def _accepted(claim: Claim) -> bool:
    review = claim.reviewed
    return review is not None and review.verdict == "accepted" and review.text in (None, claim.text)


__all__ = ["CheckedDocument", "check_document", "check_paths", "check_text", "extract", "iter_files", "load_reference",
           "review_paths", "run", "verified_claims"]
