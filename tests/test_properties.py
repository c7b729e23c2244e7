"""Properties that hold for any text: extraction and checking never raise, every span lies inside the
text and names exactly the characters it claims, line and column agree with the offsets, and a run's
result does not depend on --jobs or on file order.

The suite runs a short session; a long one is

    FACTLINT_FUZZ_EXAMPLES=20000 pytest tests/test_properties.py --hypothesis-show-statistics
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factlint
from factlint.document import parse_document

EXAMPLES = int(os.environ.get("FACTLINT_FUZZ_EXAMPLES", "150"))
EVERY_RULE = ["FL1", "FL2", "FL3", "FL4", "FL5", "FL9"]

# Pieces that reach every extractor and every Markdown/HTML path, mixed with arbitrary text.
FRAGMENTS = [
    "Kim Yo Jong", "Kim Yo-Long", "Yo Long said", "Pres. Suk-yeol", "Yoon Suk Yeol", "Yoon Suk-yeol",
    "Antony Blinkin", "Secretary of State Antony Blinken", "Defense Secretary Antony Blinken", "President Biden",
    "former President Trump", "KCNA, a radio station,", "the Korean Central News Agancy", "KORUS", "KORUS FTA",
    " took effect on March 15, 2012", " was signed in 2011", "the 1953 Mutual Defense Treaty", "in 2019",
    "last year", "two years ago", "the 1990s", "early March", "$146.7 billion", "US$12bn", "₩1.2 trillion",
    "28,500 troops", "3.5%", "exports to the US", "imports from Korea", "trade deficit with", "about ",
    ". ", "! ", "? ", "\n", "\n\n", "\r\n", "\r", "\t", "    ", "- ", "1. ", "# ", "> ", "`", "``", "```\n", "~~~\n",
    "---\n", "+++\n", "date: 2023-05-15\n", "<!-- factlint: ignore FL101 -->", "<!-- factlint: disable -->",
    "<!-- factlint: enable FL101 -->", "factlint: ignore", "<!--", "-->", "<b>", "</b>", "<code>", "</code>",
    "<script>", "</script>", "&amp;", "&nbsp;", "&#8209;", "&bogus;", "[link](https://example.org/Kim-Yo-Long)",
    "[id]: https://example.org", "https://state.gov/Kim-Yo-Long", "www.example.com", "kim@example.org",
    "\u200b", "\u200d", "\u00ad", "\u202e", "\ufeff", "\u0301", "\u1161", "김여정", "Ｋｉｍ", "J\u043eng", "😀", "👋🏽",
    "שלום", "مرحبا", "\u2028", "\x0c", "\x00",
]
texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=60).map("".join),
)
kinds = st.sampled_from(["markdown", "text", "html"])


@lru_cache(maxsize=1)
def ref():  # not a fixture: hypothesis would print the whole reference with every failing example
    return factlint.load_reference()


fuzz = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def position(text: str, offset: int) -> tuple[int, int]:
    """Line and column (1-based, code points) of an offset, counted independently of factlint."""
    before = text[:offset]
    breaks = list(re.finditer(r"\r\n|\r|\n", before))
    return len(breaks) + 1, offset - (breaks[-1].end() if breaks else 0) + 1


@fuzz
@given(text=texts, kind=kinds)
def test_checking_any_text_never_raises_and_every_span_round_trips(text, kind):
    for f in factlint.check_text(text, reference=ref(), kind=kind, select=EVERY_RULE):
        span = f.span
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start:span.end] == f.text
        assert (span.line, span.column) == position(text, span.start)
        assert (span.end_line, span.end_column) == position(text, span.end)
        if f.suggestion is not None:
            assert f.suggestion.strip()


@fuzz
@given(text=texts, kind=kinds)
def test_every_claim_names_exactly_its_text(text, kind):
    for claim in factlint.extract(parse_document(text, kind=kind), ref()):
        assert 0 <= claim.span.start <= claim.span.end <= len(text)
        assert text[claim.span.start:claim.span.end] == claim.text
        assert (claim.span.line, claim.span.column) == position(text, claim.span.start)


@settings(max_examples=max(5, EXAMPLES // 15), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents=st.lists(texts, min_size=2, max_size=6))
def test_a_run_does_not_depend_on_jobs_or_file_order(tmp_path_factory, documents):
    from factlint.api import review_paths

    folder = tmp_path_factory.mktemp("run")
    paths = []
    for n, text in enumerate(documents):
        path = folder / f"doc{n}.md"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        paths.append(path)

    def run(order: list, jobs: int) -> list:
        result, _ = review_paths(order, reference=ref(), select=EVERY_RULE, jobs=jobs, keep_documents=False)
        return [f.model_dump() for f in result.findings]

    first = run(paths, 1)
    assert run(paths, 2) == first
    assert run(list(reversed(paths)), 1) == first
    assert run(list(reversed(paths)), 2) == first
