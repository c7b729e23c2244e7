"""The rule registry. Codes are stable and never reused; families by prefix: FL1xx names, FL2xx dates,
FL3xx figures, FL4xx titles and descriptions, FL5xx consistency, FL9xx input problems."""

from __future__ import annotations

from collections.abc import Iterable

from ..models import Finding
from .base import Rule, RuleContext
from .consistency import InconsistentStatements
from .dates import ContradictedEventDate, DateOfAnotherEvent, WrongParty
from .figures import ChangeMatchesNoSeries, FigureMatchesNoSeries, FigureNotCovered, RecordedCountContradicted
from .inputs import InvalidClaimFile, InvalidFrontMatter, UnreadableFile, UnusedSuppression
from .names import GivenNameAsSurname, LookalikeCharacters, MisspelledName, NotHouseStyle
from .titles import WrongDescription, WrongTitle

ALL_RULES: tuple[type[Rule], ...] = (
    MisspelledName,
    GivenNameAsSurname,
    NotHouseStyle,
    LookalikeCharacters,
    ContradictedEventDate,
    DateOfAnotherEvent,
    WrongParty,
    FigureMatchesNoSeries,
    ChangeMatchesNoSeries,
    FigureNotCovered,
    RecordedCountContradicted,
    WrongTitle,
    WrongDescription,
    InconsistentStatements,
    UnreadableFile,
    InvalidFrontMatter,
    InvalidClaimFile,
    UnusedSuppression,
)
RULES_BY_CODE: dict[str, type[Rule]] = {rule.code: rule for rule in ALL_RULES}
# The rules whose suggestion --fix applies (each rule's `fix` attribute says).
SAFE_FIXES = frozenset(rule.code for rule in ALL_RULES if rule.fix == "safe")


def unchecked(finding: Finding) -> bool:
    """Whether the finding says its input could not be checked at all (the run then exits 2)."""
    rule = RULES_BY_CODE.get(finding.code)
    return rule is not None and rule.unchecked


def input_problem(finding: Finding) -> bool:
    """Whether the finding is about the input rather than a claim in it (never in a baseline)."""
    rule = RULES_BY_CODE.get(finding.code)
    return rule is None or rule.input_problem


class UnknownRuleError(ValueError):
    pass


def _expand(patterns: Iterable[str]) -> set[str]:
    """Codes or prefixes ("FL1", "FL10", "ALL") to the codes they name."""
    codes: set[str] = set()
    for raw in patterns:
        pattern = raw.strip().upper()
        if not pattern:
            continue
        if pattern == "ALL":
            codes.update(RULES_BY_CODE)
            continue
        matched = {code for code in RULES_BY_CODE if code.startswith(pattern)}
        if not matched:
            raise UnknownRuleError(f"unknown rule code or prefix: {raw}")
        codes |= matched
    return codes


def enabled_codes(select: Iterable[str] | None = None, ignore: Iterable[str] = (),
                  extend_select: Iterable[str] = ()) -> frozenset[str]:
    """The codes a run reports: `select` replaces the default set, `extend_select` adds to it."""
    base = _expand(select) if select is not None else {r.code for r in ALL_RULES if r.enabled_by_default}
    return frozenset((base | _expand(extend_select)) - _expand(ignore))


__all__ = ["ALL_RULES", "RULES_BY_CODE", "SAFE_FIXES", "Rule", "RuleContext", "UnknownRuleError", "enabled_codes", "input_problem",
           "unchecked"]
