"""Names: slips that the old vetoes excused, caught by weighing evidence (issue 14), and the real
people one letter from a reference person who must stay silent. Each case is an article of ours."""

from __future__ import annotations

import pytest

import factlint
from factlint.record import typing_slip
from conftest import run_cli

CAUGHT = [
    # Romanization: the same sounds spelled another way is the person's name, not someone else's.
    ("Lee Myong-bak visited Tokyo.", "Lee Myong-bak", "Lee Myung-bak"),
    ("Lee Myung-Back visited Tokyo.", "Lee Myung-Back", "Lee Myung-bak"),
    ("Kim Yu-jong, the sister of Kim Jong Un, issued a statement.", "Kim Yu-jong", "Kim Yo Jong"),
    ("Gim Jong Un spoke.", "Gim Jong Un", "Kim Jong Un"),
    ("Yun Suk Yeol spoke.", "Yun Suk Yeol", "Yoon Suk Yeol"),
    # A given name the person's forms use, or a nickname the name holds, beside a slip.
    ("Secretary of State Tony Blinkin spoke.", "Tony Blinkin", "Tony Blinken"),
    ("President Josehp R. Biden spoke.", "Josehp R. Biden", "Joseph R. Biden"),
    ("The minister met A. Blinjken.", "A. Blinjken", "A. Blinken"),
    # The office just before the name is evidence of who is meant, even for a word-like slip.
    ("US Trade Representative Katherine Tie spoke.", "Katherine Tie", "Katherine Tai"),
    ("President Jo Biden spoke.", "Jo Biden", "Joe Biden"),
    # So is the person named in full elsewhere in the document.
    ("Jake Sullivan arrived. Later Jqke Sullivan spoke.", "Jqke Sullivan", "Jake Sullivan"),
    ("Moon Jae-in arrived. Mono Jae-in spoke.", "Mono Jae-in", "Moon Jae-in"),
    ("Wang Yi arrived. Then Wagn Yi spoke.", "Wagn Yi", "Wang Yi"),
    # A slip that makes a word or a real Korean name is still one beside the person named in full...
    ("Ambassador Sung Kim landed. Later Sun Kim met reporters.", "Sun Kim", "Sung Kim"),
    ("Kim Jong Un inspected the site; Kim Jon Un then spoke.", "Kim Jon Un", "Kim Jong Un"),
    # ...or after a title the person held, capitalized or not.
    ("Special Representative for North Korea Policy Sung Kiim arrived.", "Sung Kiim", "Sung Kim"),
    ("The North Korean leader KI JONG-UN spoke.", "KI JONG-UN", "Kim Jong Un"),
    # A nickname of the given name that the person's forms do not hold, beside a slip.
    ("Susan Rice arrived. Later Sue Ricce spoke.", "Sue Ricce", "Susan Rice"),
    # One slip in a long name part is enough, even beside a two-letter family name.
    ("Xi Jinpig spoke at the summit.", "Xi Jinpig", "Xi Jinping"),
    # A family name alone, weighed the same way: the person named in full elsewhere, a title before it.
    ("Antony Blinken arrived. Later Bliken spoke.", "Bliken", "Blinken"),
    ("President Yoon Suk Yeol arrived. PRESIDENT YONO: Thank you.", "YONO", "Yoon"),
    ("Donald Trump spoke. Then Strump left.", "Strump", "Trump"),
    # A name written family first although the reference has it given first.
    ("Kishida Fuimo spoke.", "Kishida Fuimo", "Kishida Fumio"),
]

SILENT = [
    "Secretary of State John Kerry met John Kelly, the White House chief of staff.",
    "Representative Young Kim spoke with Ambassador Sung Kim.",
    "Prime Minister Kishida Fumio and his son Kishida Fumitake attended.",
    "General James L. Jones and James P. Jones, a reporter, were there.",
    "Kim Yong Nam greeted Kim Song Nam, director of the department.",
    "Kim Jong Un and his half-brother Kim Jong Nam.",
    "Lee Jae-myung met Samsung's Lee Jae-yong.",
    "President Moon Jae-in and his adviser Moon Chung-in.",
    "Barry Harris met Admiral Harry Harris.",
    # Korean given names one letter apart that are not typing slips: another spelling, another person.
    "Defense Minister Lee Jong-seop met Lee Jong-seok, a former unification minister.",
    "Kim Sung-han, the security adviser, and Kim Sung-hwan, a former foreign minister.",
    "Kim Jong Il and the former prime minister Kim Jong-pil.",
    "Sung Kim met Sun Kim-Lee, a reporter.",
    "Kate Tay, a student, asked the first question.",
    # Words alone beside a person named in full: an acronym, a place, other people's names.
    "Roh Moo-hyun visited the ROK Army headquarters.",
    "John Kerry landed in Korea on Monday.",
    "Prime Minister Fumio Kishida met Foreign Minister Kono.",
    "Kamala Harris thanked Hersh for the introduction.",
    "Choe Son Hui met Kim Yong Chol; Chol spoke first.",
    "I met the Vice President. I thanked Xi Jinping.",
    # A plural or a feminine form is never a slip, even when it sounds the same.
    "Vladimir Putin and his cousin Mariya Putina.",
]


@pytest.mark.parametrize(("written", "target", "slip"), [
    ("binken", "blinken", True),     # a letter dropped
    ("blinnken", "blinken", True),   # a letter doubled
    ("bliknen", "blinken", True),    # two letters swapped
    ("blinjen", "blinken", True),    # a neighbouring key
    ("blinpen", "blinken", False),   # a key far away
    ("sunghwan", "sunghan", False),  # a letter from nowhere
    ("blinken", "blinken", False),
    ("blnkn", "blinken", False),     # two slips
])
def test_typing_slips(written, target, slip):
    assert typing_slip(written, target) is slip


@pytest.mark.parametrize(("text", "written", "suggestion"), CAUGHT)
def test_slips_are_caught_with_the_nearest_form_of_the_person(reference, text, written, suggestion):
    findings = factlint.check_text(text, reference=reference, kind="text")
    assert [(f.code, f.span.column, f.text, f.suggestion) for f in findings] == [
        ("FL101", text.index(written) + 1, written, suggestion)]


@pytest.mark.parametrize("text", SILENT)
def test_real_people_a_letter_from_a_reference_person_stay_silent(reference, text):
    assert factlint.check_text(text, reference=reference, kind="text", select=["ALL"], ignore=["FL103"]) == []


@pytest.mark.slow
def test_through_the_command_line_with_a_line_break_inside_the_name(tmp_path):
    (tmp_path / "a.md").write_text("National Security Adviser Jake\nSulivan spoke with Lee Myong-bak.\n", encoding="utf-8")
    proc = run_cli("check", "a.md", "--format", "concise", "--quiet", cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (1, (
        'a.md:1:27: FL101 "Jake Sulivan" looks like a misspelling of Jake Sullivan (suggestion: Jake Sullivan)\n'
        'a.md:2:20: FL101 "Lee Myong-bak" looks like a misspelling of Lee Myung-bak (suggestion: Lee Myung-bak)\n'))


@pytest.mark.slow
def test_lookup_says_whether_check_flags_the_name_and_why(tmp_path):
    flagged = run_cli("lookup", "Katherine", "Tie", "--limit", "1", "--context", "US Trade Representative Katherine Tie said.",
                      cwd=tmp_path)
    assert flagged.stdout == (
        " 91.7  person        katherine-tai                 Katherine Tai\n"
        'check: FL101 "Katherine Tie" looks like a misspelling of Katherine Tai (suggestion: Katherine Tai)\n'
        "  as Katherine Tai: +3 points (enough: +3 are needed)\n"
        "    +3  it sounds like 'Tai': the same letters but for a vowel or two\n"
        "    -1  'Tai' is short: most one-letter changes of it are other names\n"
        "    -2  'Tie' is also an English word\n"
        "    +3  the office just before it (trade representative) is one Katherine Tai held\n")
    silent = run_cli("lookup", "Katherine", "Tie", "--limit", "1", cwd=tmp_path)
    assert silent.stdout.splitlines()[1:] == [
        "check: silent", "  as Katherine Tai: +0 points (not enough: +3 are needed)",
        "    +3  it sounds like 'Tai': the same letters but for a vowel or two",
        "    -1  'Tai' is short: most one-letter changes of it are other names",
        "    -2  'Tie' is also an English word"]
