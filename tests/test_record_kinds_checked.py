"""Places, named systems, dated events and counts beyond trade (issue 16): each kind of error written
in several phrasings, caught at its exact place, and the accepted spellings and right dates silent.
Checked against the bundled reference."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import brief, run_cli

import factlint


def check(reference, text: str, as_of: dt.date | None = dt.date(2026, 5, 1)) -> list[tuple[str, int, int, str | None]]:
    return brief(factlint.check_text(text, reference=reference, as_of=as_of, select=["ALL"], ignore=["FL103"]))


@pytest.mark.parametrize(("text", "expected"), [
    # A misspelled facility, warship and missile: one slip each.
    ("Satellite images of Yongbyong show a new reactor.", [("FL101", 1, 21, "Yongbyon")]),
    ("Tunnels at Pungye-ri were rebuilt.", [("FL101", 1, 12, "Punggye-ri")]),
    ("The ROKS Cheonon sank in 2010.", [("FL101", 1, 5, "ROKS Cheonan")]),
    ("North Korea tested a Hwasonf-15 in 2017.", [("FL101", 1, 22, "Hwasong")]),
    # People the bigger record holds: an ambassador to the UN, a USFK commander, a defense secretary.
    ("Former ambassador Jean Kirkpatrick spoke.", [("FL101", 1, 19, "Jeane Kirkpatrick")]),
    ("Former defense secretary Jim Schlessinger spoke.", [("FL101", 1, 26, "James Schlesinger")]),
    # Misspelled US commanders in Korea.
    ("Gen. Paul LaCamara, who commands U.S. Forces Korea, spoke.", [("FL101", 1, 6, "Paul LaCamera")]),
    ("Gen. Curtis Scaparotti spoke.", [("FL101", 1, 6, "Curtis Scaparrotti")]),
])
def test_misspelled_places_and_systems(reference, text, expected):
    assert check(reference, text) == expected


@pytest.mark.parametrize("text", [
    "Yongbyon and Nyongbyon are one complex.",  # an accepted variant
    "Yeonpyeong Island and Yonpyong Island were shelled.",  # another romanization of the same sounds
    "The Hwaseong-15 and the Hwasung-15 are one missile.",
    "Troops at Camp Humphreys trained near Pyeongtaek.",
    "The family: Kim Jong Chol, the late Kim Jong Nam, and Jong Yong Su.",  # a name part, not a slip
    # Strangers beside the bigger record: a consonant moved makes another name, and a given name
    # after an honorific is no family name.
    "Kenya's President William Ruto met William Burck.",
    "Susan Rice spoke. Guests: Mr. Chan Ho Park & Mrs. Rie Park.",
    # A title before a family name no holder of it bears: a namesake (JFK), not Caroline Kennedy.
    "When President Kennedy was elected, he could not travel.",
    "Caroline Kennedy spoke. When President Kennedy was elected, he could not travel.",
])
def test_accepted_spellings_stay_silent(reference, text):
    assert check(reference, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    # A nuclear test dated wrongly, three ways of saying it.
    ("North Korea conducted its sixth nuclear test in September 2016.", [("FL201", 1, 49, "September 2017")]),
    ("In 2016, North Korea carried out its sixth nuclear test.", [("FL201", 1, 4, "2017")]),
    ("North Korea carried out its first nuclear test in October 2007.", [("FL201", 1, 51, "October 2006")]),
    # An incident and a resolution.
    ("The sinking of the Cheonan in March 2011 killed 46 sailors.", [("FL201", 1, 31, "March 2010")]),
    ("Resolution 2397, adopted in December 2016, capped oil imports.", [("FL201", 1, 29, "December 2017")]),
    # A wrong resolution number shows as the date of another resolution.
    ("Resolution 1874, adopted in October 2006 after the first test, imposed sanctions.",
     [("FL201", 1, 29, "June 2009")]),
    # A treaty withdrawal dated to its announcement.
    ("North Korea withdrew from the NPT in 1993.", [("FL202", 1, 38, "2003")]),
])
def test_event_dates_contradicted(reference, text, expected):
    assert check(reference, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # The wrong China, the wrong era of Russia, among the parties of the Six-Party Talks.
    ("The Six-Party Talks brought together the two Koreas, the United States, Japan, Russia and the Republic of China.",
     [("FL203", 1, 95, "People's Republic of China")]),
    ("Taiwan, the two Koreas, Japan, Russia and the United States sat at the Six-Party Talks.",
     [("FL203", 1, 1, "China")]),
    ("The Six-Party Talks began in 2003 with the Soviet Union at the table.", [("FL203", 1, 40, "Russia")]),
])
def test_a_confused_state_among_the_parties(reference, text, expected):
    assert check(reference, text) == expected


@pytest.mark.parametrize("text", [
    "The Six-Party Talks brought together the People's Republic of China, the two Koreas, Japan, Russia and the US.",
    "The Six-Party Talks left out Taiwan, which was not invited.",
    "Beijing hosted the Six-Party Talks while tensions rose in the Taiwan Strait.",
])
def test_parties_right_or_said_absent_stay_silent(reference, text):
    assert check(reference, text) == []


@pytest.mark.parametrize("text", [
    "North Korea conducted its sixth nuclear test on September 3, 2017.",
    "North Korea announced its withdrawal from the NPT in 1993.",
    "The sinking of the Cheonan in March 2010 killed 46 sailors.",
    "India's first nuclear test was in 1974.",  # another country's: the noun needs North Korea near
    "Today, 70 years after the Korean War armistice was signed, veterans gathered.",
])
def test_event_dates_right_or_elsewhere_stay_silent(reference, text):
    assert check(reference, text, as_of=dt.date(2023, 7, 27)) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Some 54,246 Americans died in the Korean War.", [("FL304", 1, 6, "36,574")]),
    ("More than 54,246 American servicemen were killed in the Korean War.", [("FL304", 1, 11, "36,574")]),
    ("Seoul agreed to pay 1.4 trillion won in 2026 under the new cost-sharing deal.",
     [("FL304", 1, 21, "1.5192 trillion won")]),
])
def test_recorded_counts_contradicted(reference, text, expected):
    assert check(reference, text) == expected


@pytest.mark.parametrize("text", [
    "More than 36,000 Americans died in the Korean War.",
    "Seoul will pay 1.5192 trillion won in 2026 under the Special Measures Agreement.",
    "About 28,500 U.S. troops were in South Korea in 2022.",
])
def test_recorded_counts_right_stay_silent(reference, text):
    assert check(reference, text) == []


def test_cli_reports_a_place_and_an_event(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("---\ndate: 2026-05-01\n---\n# Brief\n\nImages of Yongbyong show a reactor.\n"
                       "North Korea conducted its sixth nuclear test in September 2016.\n", encoding="utf-8")
    proc = run_cli("check", str(article), "--format", "concise")
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == f'{article}:6:11: FL101 "Yongbyong" looks like a misspelling of Yongbyon (suggestion: Yongbyon)'
    assert lines[1].startswith(f"{article}:7:49: FL201 ") and lines[1].endswith("(suggestion: September 2017)")
