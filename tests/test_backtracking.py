"""No catastrophic backtracking and no quadratic passes: on adversarial input (long runs of capitals,
hyphens, digits, spaces, punctuation, backticks, brackets, directives, one endless sentence of
figures...) checking takes time in proportion to the size, within a bound of ordinary prose of the
same size. Each input is checked at two sizes; a quadratic path shows as 16× for 4× the text."""

from __future__ import annotations

import time

import pytest
from conftest import EXAMPLES

import factlint

SMALL, LARGE = 8_000, 32_000
# Ordinary prose takes t; an adversarial input of the same size may take at most RATIO × t (dense
# input is slower: every word a candidate name; the worst measured is about 8×), and 4× the input at
# most GROWTH × the time: linear is 4, quadratic 16, and a busy machine adds noise in between.
RATIO, GROWTH = 25.0, 10.0


def rep(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def widening_backticks(n: int) -> str:
    out, k = [], 1
    while sum(map(len, out)) < n:
        out.append("`" * k + " x ")
        k += 1
    return "".join(out)[:n]


CASES = {
    "capitals": lambda n: rep("A ", n),
    "one capital word": lambda n: rep("A", n),
    "name-hyphen run": lambda n: rep("Kim-", n),
    "one endless name run": lambda n: rep("Kim Yo Long ", n),
    "misspelled names": lambda n: rep("Antony Blinkin ", n),
    "titles": lambda n: rep("Mr. ", n),
    "hyphens": lambda n: rep("-", n),
    "digits": lambda n: rep("1", n),
    "thousands": lambda n: "1" + rep(",000", n - 1),
    "money in one sentence": lambda n: rep("$1 ", n),
    "money and commas": lambda n: rep("$1,", n),
    "percentages in one sentence": lambda n: rep("3% ", n),
    "troops": lambda n: rep("1 troops ", n),
    "trade sentence": lambda n: rep("exports to the US of $1 ", n),
    # Found by a second reader of issue 15: every initial of a long run walked to the run's end.
    "a run of initials": lambda n: rep("U.S. ", n),
    "changes in one sentence": lambda n: rep("U.S. exports to Korea rose 5 percent ", n),
    "agreement names": lambda n: rep("the Foo Treaty and the Bar Agreement ", n),
    "spaces": lambda n: rep(" ", n),
    "dots then a letter": lambda n: rep(".", n - 1) + "x",
    "bangs then a letter": lambda n: rep("!", n - 1) + "x",
    "punctuation": lambda n: rep(".,;:!?'\"", n),
    "backticks": lambda n: rep("`", n),
    "widening backticks": widening_backticks,
    "brackets on every line": lambda n: rep("[a\n", n),
    "parentheses": lambda n: rep("(", n),
    "link openers": lambda n: rep("](", n),
    "tag then spaces": lambda n: "<a" + rep(" ", n - 3) + "x",
    "unclosed script tags": lambda n: rep("<script ", n),
    "unclosed comments": lambda n: rep("<!-- ", n),
    "unclosed directives": lambda n: rep("<!-- factlint: ignore ", n),
    "directives on every line": lambda n: rep("<!-- factlint: ignore -->\n", n),
    "directives on one line": lambda n: rep("Kim Yo-Long <!-- factlint: ignore --> ", n),
    "years": lambda n: rep("2012 ", n),
    "agreement sentences": lambda n: rep("KORUS took effect in 2012. ", n),
    "title sentences": lambda n: rep("President Yoon Suk Yeol said in 2019. ", n),
    "urls": lambda n: rep("www.", n),
    "dotted words": lambda n: rep("a.", n),
    "at signs": lambda n: rep("a", n - 1) + "@",
    "entities": lambda n: rep("&amp;", n),
    "combining marks": lambda n: "a" + rep("\u0301", n - 1),
    "full-width names": lambda n: rep("Ｋｉｍ Ｙｏ Ｊｏｎｇ ", n),
    "line breaks": lambda n: rep("\n", n),
    "fence openers": lambda n: rep("```a\n", n),
    "list items": lambda n: rep("- Kim Yo-Long\n", n),
}


def prose(n: int) -> str:
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.md")))
    return rep(text, n)


def seconds(reference, text: str, kind: str = "markdown") -> float:
    best = float("inf")
    for _ in range(3):  # the best of three: machines here are noisy
        start = time.perf_counter()
        factlint.check_text(text, reference=reference, kind=kind)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.fixture(scope="module")
def baseline(reference) -> dict[int, float]:
    return {n: seconds(reference, prose(n)) for n in (SMALL, LARGE)}


@pytest.mark.slow
@pytest.mark.parametrize("case", list(CASES))
def test_adversarial_input_costs_time_in_proportion_to_its_size(reference, baseline, case):
    small = seconds(reference, CASES[case](SMALL))
    large = seconds(reference, CASES[case](LARGE))
    assert large <= RATIO * baseline[LARGE], f"{case}: {large:.3f} s against {baseline[LARGE]:.3f} s for prose"
    # Growth is judged only above timer noise: a few milliseconds at both sizes says nothing.
    if large > 0.05:
        assert large / small <= GROWTH, f"{case}: {small:.3f} s → {large:.3f} s for 4× the text"


@pytest.mark.slow
@pytest.mark.parametrize("kind, case", [
    # .txt files take `factlint: ignore` directives as whole lines: a pattern of their own.
    ("text", "capitals"), ("text", "spaces"), ("text", "directives on every line"), ("text", "dotted words"),
    # HTML files have their own skips: hidden elements, tags and entities.
    ("html", "unclosed script tags"), ("html", "tag then spaces"), ("html", "entities"), ("html", "unclosed comments"),
    ("html", "parentheses"),
])
def test_plain_text_and_html_files_too(reference, baseline, kind, case):
    assert seconds(reference, CASES[case](LARGE), kind=kind) <= RATIO * baseline[LARGE]
