"""The name rules on the shipped examples and on small texts: exact findings, and silence where the
text is right."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES, brief

import factlint


def check(reference, path, **kwargs):
    return factlint.check_paths([EXAMPLES / path], reference=reference, **kwargs).findings


def test_names_errors_example(reference):
    assert brief(check(reference, "names-errors.md")) == [
        ("FL101", 8, 34, "Kim Yo Jong"),  # Kim Yo-Long
        ("FL102", 9, 8, "Kim"),  # Yo Long said
        ("FL102", 11, 22, "Yoon"),  # Pres. Suk-yeol
        ("FL101", 13, 20, "Antony Blinken"),  # Antony Blinkin
        ("FL101", 13, 76, "Blinken"),  # Blinkin said (partial reference)
        ("FL101", 16, 26, "Korean Central News Agency"),  # ... Agancy
    ]


def test_finding_carries_span_text_and_source(reference):
    first = check(reference, "names-errors.md")[0]
    assert first.text == "Kim Yo-Long"
    assert (first.span.end_line, first.span.end_column) == (8, 45)
    assert first.entity_id == "kim-yo-jong"
    assert first.source is not None and first.source.url.startswith("https://")
    assert first.message == '"Kim Yo-Long" looks like a misspelling of Kim Yo Jong'


def test_clean_example_is_silent_even_with_house_style_off(reference):
    assert check(reference, "alliance-clean.md") == []


def test_house_style_is_opt_in(reference):
    assert brief(check(reference, "house-style.txt")) == [
        ("FL101", 7, 23, "Antony Blinken"),
        ("FL102", 10, 79, "Xi"),
    ]
    assert brief(check(reference, "house-style.txt", select=["FL103"])) == [
        ("FL103", 3, 1, "Kim Jong Un"),
        ("FL103", 3, 53, "Yoon Suk Yeol"),
    ]


def test_html_example_skips_comments_and_scripts(reference):
    assert brief(check(reference, "statement.html")) == [("FL101", 7, 44, "Kim Yo Jong")]


@pytest.mark.parametrize("text", [
    "Kim Jong Un, Kim Jong Il and Kim Yo Jong are three people.",
    "Kim Jong-un met Moon Jae-in; Yoon Suk-yeol met Kim Yo-jong's envoy.",
    "KIM JONG UN and kim jong un are the same name in capitals and lower case.",
    "John Kelly, not John Kerry, was chief of staff.",  # a different real person, one letter away
    "Lee Jae-yong runs Samsung; Lee Jae-myung runs the country.",  # Korean syllables: another person
    "Kim Jong Nam was the half-brother of Kim Jong Un.",
    "Jong Yong Nam is a DPRK representative, not Kim Yong Nam.",  # given name inside another name
    "The Putin-Kim Jong Un meeting and the Moon-Biden summit drew notice.",
    "Vice President Harris met Susan Rice.",  # "Vice" is a word, not a misspelled "Rice"
    "Park Avenue, Moon River and Kim's Convenience are not people in the reference.",
    "Wang Yi met Yi Sun-sin's statue in Seoul.",
    "In Sichuan, Qiang villages were rebuilt.",  # a given name alone, its owner never named
    "The Taro root and Sanae, a Japanese pop singer.",
    "Mariya Putina, daughter of Vladimir Putin.",  # a feminine surname, not a misspelling
    "The Bidens and Joe Biden; the Departments of Defense and State.",  # plurals
    "Xi Jinping spoke. Later, Jinping, who leads China, said so.",  # set off by commas: an appositive
    "Well, Fumio, welcome back.",  # addressing someone by given name
    "# KIM JONG UN MEETS ANTONY BLINKEN",
])
def test_correct_text_is_silent(reference, text):
    assert factlint.check_text(text, reference=reference, kind="text") == []


@pytest.mark.parametrize("text, expected", [
    ("Anthony Blinken visited.", [("FL101", 1, 1, "Antony Blinken")]),
    ("Condoleeza Rice spoke.", [("FL101", 1, 1, "Condoleezza Rice")]),
    ("Kim Jong-Um spoke.", []),  # "Jong Um" is made of Korean syllables: could be someone else
    ("Kim Yo Long spoke.", [("FL101", 1, 1, "Kim Yo Jong")]),
    ("President Jae-in met Biden.", [("FL102", 1, 11, "Moon")]),
    ("Jae-in Moon met Biden.", []),  # reversed order is not a given name used as surname
    ("Mike Pompeo met Kim Jong Un. Jong Un smiled.", [("FL102", 1, 30, "Kim")]),
    ("Xi Jinping arrived. But Jinping said so.", [("FL102", 1, 25, "Xi")]),
    ("Yoon Suk Yeol met Biden. Biden and Suk-yeol met.", [("FL102", 1, 36, "Yoon")]),
    ("Pres. Suk-yeol spoke.", [("FL102", 1, 7, "Yoon")]),  # a title, though Yoon is not named
    ("Moon Jea-in spoke.", [("FL101", 1, 1, "Moon Jae-in")]),  # "Jea" is no Korean syllable
    ("Fumio Kishda spoke.", [("FL101", 1, 1, "Fumio Kishida")]),
    ("Antony J. Blinkin spoke.", [("FL101", 1, 1, "Antony Blinken")]),
    ("The U.S. Departmnet of State said.", [("FL101", 1, 5, "U.S. Department of State")]),
    ("United States Forces Koreaa", [("FL101", 1, 1, "United States Forces Korea")]),
])
def test_small_texts(reference, text, expected):
    assert brief(factlint.check_text(text, reference=reference, kind="text")) == expected


def test_ambiguous_candidates_stay_silent(reference):
    # Two people in the reference are each one edit away: saying nothing beats guessing.
    from factlint.models import Reference

    people = {p.id: p for p in reference.people.values() if p.id in {"kim-jong-un", "kim-jong-il"}}
    small = Reference(people=people, sources=reference.sources)
    assert factlint.check_text("Kim Jong Ul spoke.", reference=small, kind="text") == []


def test_fuzzy_claim_scores_compare_like_with_like(reference):
    from factlint.document import parse_document

    claims = factlint.extract(parse_document("Antony Blinkin spoke.", kind="text"), reference)
    assert [(c.kind, c.method, c.score) for c in claims] == [("name", "fuzzy", 92.3)]


def test_house_style_skips_all_capitals(reference):
    assert factlint.check_text("KIM JONG-UN AND Kim Jong-un", reference=reference, kind="text",
                               select=["FL103"])[0].span.column == 17


def test_index_is_rebuilt_for_a_changed_copy_of_the_reference(reference):
    assert factlint.check_text("Antony Blinkin spoke.", reference=reference, kind="text")
    people = {k: v for k, v in reference.people.items() if k != "antony-blinken"}
    smaller = reference.model_copy(update={"people": people})
    assert factlint.check_text("Antony Blinkin spoke.", reference=smaller, kind="text") == []
