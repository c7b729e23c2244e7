"""Dates, figures, titles, descriptions and consistency (FL2xx-FL5xx): each rule fires on the error
and stays silent on the same fact stated correctly in other words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import EXAMPLES, brief

import factlint
from factlint.document import parse_document, soft_wrapped
from factlint.extract.figures import _METRICS
from factlint.models import DateMention, EventClaim, FigureClaim, TitleClaim

MAY_2023 = dt.date(2023, 5, 15)


def check(reference, text, as_of=MAY_2023, **kwargs):
    return brief(factlint.check_text(text, reference=reference, kind="text", as_of=as_of, **kwargs))


def test_clean_example_is_silent_alone(reference):
    assert factlint.check_paths([EXAMPLES / "treaty-dates-clean.md"], reference=reference, select=["ALL"],
                                ignore=["FL103"]).findings == []


@pytest.mark.parametrize("text, precision, value", [
    ("It was signed on June 30, 2007.", "day", "2007-06-30"),
    ("It was signed on 30 June 2007.", "day", "2007-06-30"),
    ("It was signed 2007-06-30.", "day", "2007-06-30"),
    ("It was signed in June 2007.", "month", "2007-06"),
    ("It was signed in 2007.", "year", "2007"),
    ("Tension peaked in the 1950s.", "decade", "1950"),
    ("Trade grew last year.", "year", "2022"),
    ("It happened two years ago.", "year", "2021"),
    ("It happened earlier this month.", "month", "2023-05"),
    ("It was announced in late April.", "month", "2023-04"),
])
def test_dates(text, precision, value):
    dates = [c for c in factlint.extract(parse_document(text, kind="text", as_of=MAY_2023), factlint.load_reference())
             if isinstance(c, DateMention)]
    assert [(d.precision, str(d.value)) for d in dates] == [(precision, value)]


def test_relative_dates_stay_unresolved_without_an_article_date(reference):
    dates = [c for c in factlint.extract(parse_document("Trade grew last year.", kind="text"), reference)
             if isinstance(c, DateMention)]
    assert [(d.text, d.value) for d in dates] == [("last year", None)]


@pytest.mark.parametrize("text", [
    "KORUS took effect in 2012 after being signed in 2007.",
    "The Korea-US free trade deal, inked on June 30, 2007, entered into force on March 15, 2012.",
    "In March 2012, the US-Korea Free Trade Agreement went into effect.",
    "South Korea's National Assembly ratified KORUS in November 2011.",
    "The 1953 Mutual Defense Treaty, signed in October 1953, took effect in 1954.",
    "The armistice agreement was signed on July 27, 1953.",
    "The Washington Declaration was adopted in April 2023.",
    "The Hanoi summit, held in February 2019, ended without a deal.",
    # The date of the proclamation, not of the agreement's entry into force (issue 15).
    "Presidential Proclamation 8783 of March 6, 2012, implemented the KORUS agreement.",
])
def test_correct_dates_are_silent(reference, text):
    assert check(reference, text) == []


@pytest.mark.parametrize("text, expected", [
    ("KORUS took effect in 2011.", [("FL201", 1, 22, "2012")]),
    ("KORUS entered into force on 2012-03-16.", [("FL201", 1, 29, "2012-03-15")]),
    ("The Mutual Defense Treaty, signed in 1954, endures.", [("FL202", 1, 38, "1953")]),
    ("KORUS was signed in 2012.", [("FL202", 1, 21, "2007")]),
    ("The 1955 Mutual Defense Treaty endures.", [("FL201", 1, 5, None)]),
    ("In 2011, the United States implemented the KORUS agreement.", [("FL201", 1, 4, "2012")]),
])
def test_wrong_dates(reference, text, expected):
    assert check(reference, text) == expected


def test_event_claims_carry_agreement_cue_and_date(reference):
    doc = parse_document("KORUS became effective in 2012 and had been signed in 2007.", kind="text")
    events = [c for c in factlint.extract(doc, reference) if isinstance(c, EventClaim)]
    assert [(c.entity_id, c.cue, c.text, c.event_types) for c in events] == [
        ("korus-fta", "became effective", "2012", ["entered_into_force"]),
        ("korus-fta", "signed", "2007", ["signed", "adopted"]),
    ]


@pytest.mark.parametrize("text", [
    "Two-way goods and services trade between the US and South Korea reached $227.4 billion in 2022.",
    "South Korea's exports to the US were $109.8 billion in 2022.",
    "US goods exports to South Korea were $71.5 billion in 2022.",
    "The US goods trade deficit with South Korea was about $44 billion in 2022.",
    "Bilateral trade between the US and Korea topped $200 billion in 2022.",
    "Goods trade between the two allies, the US and South Korea, came to about $190 billion last year.",
    "The US pledged $2 billion for Ukraine in 2022.",  # not US-Korea trade: not checked
])
def test_correct_or_unchecked_figures_are_silent(reference, text):
    assert [c for c in check(reference, text) if c[0] != "FL302"] == []


def test_figure_that_matches_no_series(reference):
    findings = factlint.check_text("Two-way trade between the US and South Korea came to $146.7 billion last year.",
                                   reference=reference, kind="text", as_of=MAY_2023)
    assert brief(findings) == [("FL301", 1, 54, None)]
    assert findings[0].message.startswith("bilateral trade of $146.7 billion in 2022 matches no recorded series")


def test_figure_claim_fields(reference):
    doc = parse_document("South Korea's exports to the US reached US$109.8bn last year.", kind="text", as_of=MAY_2023)
    figure = next(c for c in factlint.extract(doc, reference) if isinstance(c, FigureClaim))
    assert (figure.value, figure.unit, figure.step, figure.metric, figure.exporter, figure.importer,
            str(figure.period)) == (109.8e9, "USD", 0.1e9, "exports", "Republic of Korea", "United States", "2022")



def test_troops_cue_is_a_whole_word():
    # Each alternative bounded on both sides: "troopships" or "nonpersonnel" is no cue.
    troops = dict(_METRICS)["troops"]
    assert [m.group() for m in troops.finditer("troops, soldiers, service members, personnel")] == [
        "troops", "soldiers", "service members", "personnel"]
    assert not troops.search("troopships, supersoldiers, nonpersonnel")

def test_a_figure_near_the_one_countrys_statistics_held_is_a_note(reference):
    # 2016: the reference holds US statistics of this flow only; $66.5 billion is 4.9% from them and
    # is in fact Korea's own count of its exports. Far from them, it is still wrong.
    assert check(reference, "In 2016, South Korean exports to the United States were $66.5 billion.",
                 select=["FL301", "FL302"]) == [("FL302", 1, 57, None)]
    assert check(reference, "In 2016, South Korean exports to the United States were $50.5 billion.",
                 select=["FL301", "FL302"]) == [("FL301", 1, 57, "$69.9 billion")]


def test_figure_not_covered_is_info(reference):
    assert check(reference, "Trade between the US and South Korea reached $100 billion in 2003.",
                 select=["FL302"]) == [("FL302", 1, 46, None)]
    assert check(reference, "Trade between the US and South Korea reached $150 billion.", as_of=None,
                 select=["FL302"]) == [("FL302", 1, 46, None)]


@pytest.mark.parametrize("text", [
    "South Korean President Yoon Suk Yeol met Secretary of State Antony Blinken.",
    "In 2019, President Moon Jae-in met Donald Trump at Panmunjom.",
    "Former president Donald Trump met Kim in 2018.",  # "former" as of the article's date
    "Choe Son Hui, North Korea's foreign minister, spoke.",
    "First Vice Foreign Minister Cho Hyun-dong spoke.",  # a vice minister: not checked
    "A potential President Harris was discussed.",
    "President Biden, who as vice president in 2011 visited Seoul, returned.",
])
def test_correct_titles_are_silent(reference, text):
    assert check(reference, text) == []


@pytest.mark.parametrize("text, expected", [
    ("In 2023, President Moon Jae-in met Biden.", [("FL401", 1, 10, "former President")]),
    ("Defense Secretary Antony Blinken spoke.", [("FL401", 1, 1, "Secretary of State")]),
    ("Former President Joe Biden spoke.", [("FL401", 1, 1, "President")]),
])
def test_wrong_titles(reference, text, expected):
    assert check(reference, text) == expected


def test_title_claim_fields(reference):
    doc = parse_document("In 2019, former South Korean President Moon Jae-in spoke.", kind="text")
    title = next(c for c in factlint.extract(doc, reference) if isinstance(c, TitleClaim))
    assert (title.entity_id, title.role, title.country, title.former, str(title.when)) == (
        "moon-jae-in", "president", "Republic of Korea", True, "2019")


@pytest.mark.parametrize("text, expected", [
    ("The statement ran on the Korean Central News Agency, a state-owned radio station.",
     [("FL402", 1, 56, "state news agency")]),
    ("She spoke to a state radio station, the Korean Central News Agency, on Monday.",
     [("FL402", 1, 16, "state news agency")]),
    ("KCNA is a radio station.", [("FL402", 1, 11, "state news agency")]),
    ("KCNA, the North's state news agency, carried it.", []),
    ("The Korean Central News Agency, a state-run news agency, carried it.", []),
])
def test_descriptions(reference, text, expected):
    assert check(reference, text) == expected


def test_inconsistent_dates_within_a_document(reference):
    text = "The Agreed Framework collapsed in 2002. Others say the Agreed Framework collapsed in 2003."
    findings = factlint.check_text(text, reference=reference, kind="text", select=["FL501"])
    assert brief(findings) == [("FL501", 1, 35, None), ("FL501", 1, 86, None)]
    assert findings[0].message == "Agreed Framework collapsed: 2002 here, but 2003 at line 1, column 86"


def test_consistent_statements_in_other_words_are_silent(reference):
    text = "KORUS took effect in 2012. KORUS entered into force in March 2012."
    assert check(reference, text, select=["FL501"]) == []


def test_inconsistency_across_files_points_at_the_other_file(reference, tmp_path):
    (tmp_path / "a.md").write_text("KORUS took effect in 2011.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("KORUS entered into force in 2012.\n", encoding="utf-8")
    findings = factlint.check_paths([tmp_path], reference=reference, select=["FL501"]).findings
    # The statement the record confirms (2012) is not flagged; the other one points at it.
    assert [(f.path, f.code, f.message) for f in findings] == [
        (str(tmp_path / "a.md"), "FL501", f"KORUS took effect: 2011 here, but 2012 at {tmp_path / 'b.md'}:1:29")]


# --- hard-wrapped prose (issue 15): a line break inside a paragraph reads as a space ---------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The KORUS FTA took\neffect on March 15, 2011.\n", [("FL201", 2, 11, "March 15, 2012")]),
    ("The Korean Central News Agency, a state-owned\nradio station, reported it.\n",
     [("FL402", 1, 35, "state news agency")]),
])
def test_hard_wrapped_claims_are_read_as_on_one_line(reference, text, expected):
    findings = factlint.check_text(text, reference=reference, kind="markdown")
    assert [(f.code, f.span.line, f.span.column, f.suggestion) for f in findings] == expected


def test_a_title_wrapped_across_lines_is_read(reference):
    doc = parse_document("National Security\nAdviser Jake Sullivan spoke.\n", kind="markdown")
    titles = [c for c in factlint.extract(doc, reference) if isinstance(c, TitleClaim)]
    assert [(t.text, t.entity_id, t.role) for t in titles] == [
        ("National Security\nAdviser", "jake-sullivan", "national_security_adviser")]


def test_blocks_stay_apart_when_lines_are_joined():
    text = "KORUS took\neffect.\n\n# 2011\nText\n- a list item\n- another, wrapped\nhere\n1. one\n"
    assert soft_wrapped(text) == ("KORUS took effect.\n\n# 2011\nText\n- a list item\n- another, wrapped here\n"
                                  "1. one\n")
    assert len(soft_wrapped(text)) == len(text)


# --- claims as real prose states them (issue 15) -----------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # The agent stands between the opening date and the cue.
    ("On June 30, 2009, negotiators for both governments signed the historic United States-Korea Free "
     "Trade Agreement.", [("FL201", 1, 4, "June 30, 2007")]),
    # A date that opens a long sentence, far from the cue.
    ("Yet, on July 27, 1950, after three years of fighting and many more months of talks at the front, "
     "the commanders signed the Korean Armistice Agreement.", [("FL201", 1, 9, "July 27, 1953")]),
    # A common noun, with the agreement's country named in the sentence.
    ("In 1954, an armistice was signed that halted the fighting in Korea.", [("FL201", 1, 4, "1953")]),
    ("The two allies have a mutual defense treaty that dates back to 1950, and South Korea sent troops "
     "to Vietnam.", [("FL201", 1, 64, None)]),
    ("The leaders of Japan and South Korea gathered at Camp David in June 2023.",
     [("FL201", 1, 64, "August 2023")]),
    ("Japan and South Korea joined the Trilateral Leaders' Summit at Camp David in August 2021.",
     [("FL201", 1, 78, "August 2023")]),
    ("Trump met Kim Jong Un of North Korea at the 2017 Singapore summit.", [("FL201", 1, 45, "2018")]),
    # "Announcement" and "host" are cues too.
    ("They met to mark their announcement of the US-ROK Washington Declaration in April 2021.",
     [("FL201", 1, 77, "April 2023")]),
])
def test_facts_in_the_phrasing_of_real_prose(reference, text, expected):
    assert check(reference, text) == expected


@pytest.mark.parametrize("text", [
    # Another agreement of the kind, named by its country: not KORUS.
    "South Korea waited while the Peru free trade agreement was signed in April of 2006.",
    # No country of the agreement nearby: a free trade agreement is not KORUS.
    "In 2004 the United States concluded a free trade agreement with a partner in Latin America.",
    "The leaders met at Camp David in 2024 to discuss the budget.",
    # Correct, in the same phrasings.
    "On June 30, 2007, representatives of both governments signed the historic United States-Korea Free "
    "Trade Agreement.",
    "The United States and Korea have a mutual defense treaty that dates back to 1953.",
    "In 1953, an armistice was signed by the commanders in Korea.",
    "Japan and South Korea joined the Trilateral Leaders' Summit at Camp David in August 2023.",
    # An export figure about a third country is not a US-Korea series.
    "Automakers lose $13.5 billion in annual exports to Japan, while the deficit with Korea grew in 2019.",
])
def test_real_prose_phrasings_stated_correctly_are_silent(reference, text):
    assert check(reference, text) == []


@pytest.mark.parametrize(("text", "as_of", "expected"), [
    # "Former" with an office the person never held.
    ("Former Vice President Donald Trump spoke in Ohio.", dt.date(2023, 5, 1), [("FL401", 1, 1, None)]),
    # "Today" places the sentence at the article's date: Pence had left office.
    ("Vice President Mike Pence was at the Ukrainian border today.", dt.date(2022, 3, 10),
     [("FL401", 1, 1, "former Vice President")]),
    # A date in an opening phrase, the title right after its comma.
    ("In 2015, after a long campaign, Secretary of State Hillary Clinton met Korean officials.", MAY_2023,
     [("FL401", 1, 33, "former Secretary of State")]),
    # The full name is written: another Clinton's presidency does not excuse the title.
    ("In 2012, President Hillary Clinton appointed him.", MAY_2023, [("FL401", 1, 10, "Secretary of State")]),
])
def test_titles_in_the_phrasing_of_real_prose(reference, text, as_of, expected):
    assert check(reference, text, as_of=as_of) == expected


@pytest.mark.parametrize(("text", "as_of"), [
    ("Former Vice President Mike Pence was at the Ukrainian border today.", dt.date(2022, 3, 10)),
    ("In 2009, just months after the election, then-Vice President Joe Biden visited the plant.", MAY_2023),
    ("Biden met Moon in 2019, and President Yoon Suk Yeol later visited Washington.", MAY_2023),
])
def test_titles_in_real_prose_stated_correctly_are_silent(reference, text, as_of):
    assert check(reference, text, as_of=as_of) == []


@pytest.mark.parametrize(("text", "expected"), [
    # Present tense, no year: the latest statistics at the article's date (2022 or 2021 here).
    ("Two-way trade with Korea now runs at almost $80 billion a year.", [("FL301", 1, 45, None)]),
    # The parties named in the sentence before.
    ("South Korea and the United States are close partners. Bilateral trade between the two countries "
     "reached $150 billion last year.", [("FL301", 1, 105, None)]),
    # "U.S.-Korea" names both parties.
    ("In 2011, U.S.-Korea trade totaled $90 billion.", [("FL301", 1, 35, None)]),
])
def test_figures_in_the_phrasing_of_real_prose(reference, text, expected):
    assert check(reference, text) == expected


@pytest.mark.parametrize("text", [
    "In 2011, U.S.-Korea trade totaled $100 billion.",
    "Two-way trade between the United States and Korea is about $190 billion a year.",
    # Another pair of countries.
    "Japan's two-way trade with Korea now runs at almost $80 billion a year.",
    "Japan and Korea are neighbours. Bilateral trade between the two countries reached $170 billion last year.",
])
def test_figures_in_real_prose_stated_correctly_or_of_others_are_silent(reference, text):
    assert check(reference, text) == []


def test_present_tense_figure_names_both_years_it_was_compared_with(reference):
    findings = factlint.check_text("Two-way trade with Korea now runs at almost $80 billion a year.",
                                   reference=reference, kind="text", as_of=MAY_2023)
    assert "in 2022 or 2021 (no year is written" in findings[0].message


@pytest.mark.parametrize(("text", "as_of", "expected"), [
    # A count of years from the event, counted from the sentence's present or its written year.
    ("This year marks the 65th anniversary of the armistice that ended the fighting in Korea.",
     dt.date(2023, 7, 26), [("FL201", 1, 21, "70th")]),
    ("Today, 71 years after the Korean War armistice was signed, veterans gathered.",
     dt.date(2023, 7, 26), [("FL201", 1, 8, "70")]),
    ("In 2013, Korea celebrated the fiftieth anniversary of the armistice.", MAY_2023, [("FL201", 1, 31, "60")]),
    # "It" refers back to the agreement named in the sentence.
    ("KORUS has grown trade since it came into effect 15 years ago.", MAY_2023, [("FL201", 1, 49, "2012")]),
])
def test_counts_of_years_and_pronouns(reference, text, as_of, expected):
    assert check(reference, text, as_of=as_of) == expected


@pytest.mark.parametrize(("text", "as_of"), [
    ("This year marks the 70th anniversary of the armistice that ended the fighting in Korea.", dt.date(2023, 7, 26)),
    ("Today, 70 years after the Korean War armistice was signed, veterans gathered.", dt.date(2023, 7, 26)),
    # A hedged count gives no year to compare.
    ("Nearly 80 years since the Korean armistice, the peninsula is divided.", dt.date(2023, 7, 26)),
    # The date the count is counted from is not the event's date.
    ("Today - 70 years after the armistice was signed in Korea - we honor them.", dt.date(2023, 7, 26)),
    # A name the reference's agreement shares with another, with another country named and not Korea.
    ("The leaders of the United States and New Zealand reaffirmed the partnership expressed in the 2010 "
     "Wellington Declaration and the 2012 Washington Declaration.", MAY_2023),
    # A comma that ends a phrase does not open an appositive.
    ("After a meeting with the prime minister of South Korea, Xi Jinping expressed support.", MAY_2023),
    # "Today" belongs to its own clause.
    ("What President Clinton did then and President Obama is doing today is similar.", dt.date(2009, 4, 24)),
    # A title quoted as someone's slip is mentioned, not used.
    ("You referred to Vice President Harris as \u201cVice President Trump.\u201d", dt.date(2024, 7, 11)),
])
def test_counts_shared_names_and_quotes_stay_silent(reference, text, as_of):
    assert check(reference, text, as_of=as_of) == []


def test_struck_out_text_is_not_read(reference):
    text = "Vice President <s>Trump</s> Harris spoke. Vice President ~~Trump~~ Harris spoke again.\n"
    findings = factlint.check_text(text, reference=reference, kind="markdown", as_of=dt.date(2024, 7, 11))
    assert findings == []


@pytest.mark.parametrize(("text", "as_of", "expected"), [
    # "Former" dropped where the sentence speaks of the article's present: a verb in the present
    # tense after the name, or words of the days around the article's date.
    ("Secretary of State Condoleezza Rice explains why it matters.", dt.date(2010, 12, 17),
     [("FL401", 1, 1, "former Secretary of State")]),
    ("President Donald Trump says the tariffs will stay.", dt.date(2021, 4, 21),
     [("FL401", 1, 1, "former President")]),
    ("Asked about it, Secretary of State Mike Pompeo recently held a press conference.", dt.date(2021, 4, 21),
     [("FL401", 1, 17, "former Secretary of State")]),
])
def test_former_dropped_where_the_sentence_speaks_of_now(reference, text, as_of, expected):
    assert check(reference, text, as_of=as_of) == expected


@pytest.mark.parametrize(("text", "as_of"), [
    # Past-tense narrative is accepted retrospective usage.
    ("President Bush announced the program in 2003.", dt.date(2021, 4, 21)),
    ("President Donald Trump imposed the tariffs.", dt.date(2021, 4, 21)),
    ("Former Secretary of State Condoleezza Rice explains why it matters.", dt.date(2010, 12, 17)),
    # The transcript marks the slip itself.
    ("It is the same as it was under former President Biden [sic].", dt.date(2021, 3, 1)),
])
def test_retrospective_titles_and_marked_slips_stay_silent(reference, text, as_of):
    assert check(reference, text, as_of=as_of) == []


@pytest.mark.parametrize(("text", "expected"), [
    # A title and a family name alone, no full name in the document.
    ("In 2011, Vice President Obama appointed her.", [("FL401", 1, 10, "President")]),
    ("In 2012, South Korean President Moon visited Pyongyang.", [("FL401", 1, 23, None)]),
    # "then-" puts the person in that office at that date.
    ("In 2016, then-President Biden hosted the summit.", [("FL401", 1, 10, "then-Vice President")]),
    # A date opening the sentence, the title-holder acting in it: a title gained later is wrong.
    ("In 2017, Secretary of State Mike Pompeo made his first trip to Seoul.", [("FL401", 1, 10, None)]),
    ("In 2019, President Yoon Suk Yeol met Kim Jong Un.", [("FL401", 1, 10, None)]),
])
def test_titles_by_family_name_then_and_opening_dates(reference, text, expected):
    assert check(reference, text) == expected


@pytest.mark.parametrize("text", [
    "President Obama met Prime Minister Abe in 2014.",
    "In 2015, Prime Minister Abe spoke in Tokyo.",
    # The head of another body.
    "President Sohn of Dongguk University spoke in 2009.",
    # A title gained later, told as an aside: accepted retrospective usage.
    "President Joe Biden, in 2011, visited Seoul.",
    "In 2011, when he visited Seoul, President Joe Biden was vice president.",
    "In 2009, then-Vice President Joe Biden visited the plant.",
])
def test_titles_by_family_name_and_retrospective_usage_stay_silent(reference, text):
    assert check(reference, text) == []


@pytest.mark.parametrize(("text", "as_of"), [
    # A common family name after a title may be anyone's: "President Carter" is not Ashton Carter.
    ("President Carter spoke to him last night.", dt.date(2021, 1, 20)),
    ("In 2022, Prime Minister Lee came to the White House.", dt.date(2022, 3, 29)),
    # A family name alone in an undated sentence is not read.
    ("President Obama has been here a couple of times.", dt.date(2023, 6, 2)),
    # The transcript corrects the title or the name itself.
    ("The documents of former Trump and former [Vice] President Pence were found.", dt.date(2023, 4, 11)),
    # The sentence says which office the person held then.
    ("In 2015, President Biden, as Vice President, met them.", dt.date(2021, 7, 9)),
])
def test_family_names_and_transcript_corrections_stay_silent(reference, text, as_of):
    assert check(reference, text, as_of=as_of) == []


@pytest.mark.parametrize(("text", "expected"), [
    # A possessive opens the description; the media taxonomy names the kind in other words.
    ("KCNA, North Korea's main radio station, reported the launch.",
     [("FL402", 1, 21, "state news agency")]),
    ("The Korean Central News Agency, the North's official radio broadcaster, said so.",
     [("FL402", 1, 37, "state news agency")]),
    ("KCNA is the North's main radio station.", [("FL402", 1, 13, "state news agency")]),
    # Not among the reference's not_kinds for the newspaper: the taxonomy tells the kinds apart.
    ("Rodong Sinmun, the ruling party's wire service, reported it.", [("FL402", 1, 20, "newspaper")]),
])
def test_descriptions_in_other_words(reference, text, expected):
    assert check(reference, text) == expected


@pytest.mark.parametrize("text", [
    "KCNA, North Korea's state news agency, reported it.",
    "KCNA, the regime's mouthpiece, reported it.",
    "KCNA, the North's official wire service, reported it.",
])
def test_descriptions_naming_the_right_kind_or_none_are_silent(reference, text):
    assert check(reference, text) == []


def test_a_summit_dated_by_its_name_is_compared_across_files(reference, tmp_path):
    (tmp_path / "a.md").write_text("Trump met Kim Jong Un of North Korea at the 2017 Singapore summit.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("Trump met Kim Jong Un of North Korea at the 2018 Singapore summit.\n", encoding="utf-8")
    findings = factlint.check_paths([tmp_path], reference=reference, select=["FL501"]).findings
    assert [(Path(f.path).name, f.code, f.span.column, f.message) for f in findings] == [
        ("a.md", "FL501", 45, f"2018 Singapore summit: 2017 here, but 2018 at {tmp_path / 'b.md'}:1:45")]


@pytest.mark.parametrize(("text", "as_of", "expected"), [
    # The amendment's own date, not the agreement's entry into force.
    ("The 2018 protocol amending KORUS took effect in 2020.", MAY_2023, [("FL201", 1, 49, "2019")]),
    # A date without a year takes the dated article's year for a title.
    ("On May 21, President Moon Jae-in met Biden at the White House.", dt.date(2023, 6, 1),
     [("FL401", 1, 12, "former President")]),
    # A list marker before the opening date.
    ("- In 2017, Secretary of State Mike Pompeo made his first trip to Seoul.\n", MAY_2023,
     [("FL401", 1, 12, None)]),
])
def test_amendments_dates_without_a_year_and_list_markers(reference, text, as_of, expected):
    findings = factlint.check_text(text, reference=reference, kind="markdown", as_of=as_of)
    assert brief(findings) == expected


@pytest.mark.parametrize("text", [
    "The 2018 protocol amending KORUS took effect in 2019.",
    "The revised KORUS was signed in September 2018.",
])
def test_amendments_dated_right_are_silent(reference, text):
    assert check(reference, text) == []


def test_a_date_without_a_year_inside_a_name_does_not_place_the_sentence(reference):
    # "the January 6th riot" is 2021's, whatever the article's date.
    text = "Reporters asked about the responsibility of President Trump for the January 6th riot."
    assert check(reference, text, as_of=dt.date(2022, 1, 6)) == []


MAY_2025 = dt.date(2025, 5, 1)


@pytest.mark.parametrize(("text", "expected"), [
    # A factor between two written years: goods exports went from $56.9 to $71.47 billion (+26%).
    ("U.S. exports to South Korea doubled between 2019 and 2022.", [("FL303", 1, 29, None)]),
    ("U.S. exports to South Korea fell 20 percent between 2019 and 2022.", [("FL303", 1, 29, None)]),
    # Every balance series grew 3.2 (US) or 4.9 (Korean) times from 2019 to 2024.
    ("The U.S. trade deficit with South Korea grew sixfold from 2019 to 2024.", [("FL303", 1, 41, None)]),
    # "The U.S. trade deficit" is the United States' statistics (3.2 times), not Korea's (4.9).
    ("The U.S. trade deficit with South Korea more than quadrupled from 2019 to 2024.", [("FL303", 1, 41, None)]),
    # A bare "deficit" is the trade balance where the sentences before speak of trade with Korea;
    # "since 2019" runs to the latest statistics at the article's date (2024 or 2023).
    ("Trade with South Korea has changed a great deal. Since 2019, the deficit has halved.",
     [("FL303", 1, 78, None)]),
    # A change the reference has no series for in both years is a note.
    ("U.S. exports to South Korea doubled from 2001 to 2005.", [("FL302", 1, 29, None)]),
])
def test_changes_between_two_years(reference, text, expected):
    assert check(reference, text, as_of=MAY_2025) == expected


@pytest.mark.parametrize("text", [
    # The issue's example: 20.6 to 66.0 billion dollars is 3.2 times.
    "The U.S. trade deficit with South Korea more than tripled from 2019 to 2024.",
    # Korea's own statistics: a surplus of 11.4 to 55.7 billion dollars, 4.9 times.
    "South Korea's trade surplus with the United States more than quadrupled from 2019 to 2024.",
    "U.S. exports to South Korea rose 25 percent between 2019 and 2022.",
    "Bilateral trade between the United States and South Korea rose by nearly 40 percent from 2019 to 2022.",
    "Trade with South Korea has changed a great deal. Since 2019, the deficit has more than tripled.",
    # Not trade, not a change, or no years.
    "Since 2019, the budget deficit has doubled.",
    "From 2019 to 2024, Kim Jong Un doubled down on his threats against South Korea.",
    "U.S. exports to South Korea have doubled.",
    "U.S. exports to China doubled from 2019 to 2022.",
])
def test_changes_that_agree_or_are_not_trade_are_silent(reference, text):
    assert check(reference, text, as_of=MAY_2025) == []


def test_change_claim_fields_and_message(reference):
    doc = parse_document("The U.S. trade deficit with South Korea more than tripled from 2019 to 2024.", kind="text")
    changes = [c for c in factlint.extract(doc, reference) if c.kind == "change"]
    assert [(c.text, c.factor, c.hedge, c.metric, c.parties, c.start.year, c.end.year) for c in changes] == [
        ("more than tripled", 3.0, "more", "balance", ["United States", "Republic of Korea"], 2019, 2024)]
    findings = factlint.check_text("U.S. exports to South Korea doubled between 2019 and 2022.", reference=reference,
                                   kind="text", as_of=MAY_2025)
    assert findings[0].message == (
        "exports 'doubled' from 2019 to 2022 matches no recorded series: $56.9 billion in 2019 to $71.47 billion "
        "in 2022, +26% (US Census basis, goods only, US exports to South Korea)")


@pytest.mark.parametrize(("text", "expected"), [
    # The issue's examples, each as written there.
    ("Leaders of Japan and South Korea met at the trilateral summit at Camp David in July 2023.",
     [("FL201", 1, 80, "August 2023")]),
    ("Korea remembers the armistice, signed in 1954, that ended the fighting.", [("FL201", 1, 42, "1953")]),
    ("- In March 2022, President Yoon Suk Yeol visited Washington.", [("FL401", 1, 18, None)]),
    # "Roughly" widens agreement by 5%, not by a third: 2022 goods exports were $71.47 billion.
    ("In 2022, U.S. goods exports to South Korea were roughly $55 billion.", [("FL301", 1, 57, "$71.47 billion")]),
])
def test_the_issues_examples_are_caught(reference, text, expected):
    assert check(reference, text, as_of=MAY_2025) == expected


@pytest.mark.parametrize("text", [
    # Unspecified "exports" are compared with goods series too: 2017 goods exports were $48.3 billion.
    "Figures show U.S. exports to South Korea of $48.3 billion in 2017.",
    "In 2022, U.S. goods exports to South Korea were roughly $70 billion.",
])
def test_the_issues_correct_figures_are_silent(reference, text):
    assert check(reference, text, as_of=MAY_2025) == []


def test_an_agreement_the_reference_lacks_is_compared_across_files(reference, tmp_path):
    (tmp_path / "a.md").write_text("The Treaty of Amity between the two kingdoms was signed in 2003.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("Officials recalled that the Treaty of Amity was signed in 2004.\n", encoding="utf-8")
    findings = factlint.check_paths([tmp_path], reference=reference).findings
    assert [(Path(f.path).name, f.code, f.span.line, f.span.column, f.message) for f in findings] == [
        ("a.md", "FL501", 1, 60, f"Treaty of Amity signed: 2003 here, but 2004 at {tmp_path / 'b.md'}:1:59"),
        ("b.md", "FL501", 1, 59, f"Treaty of Amity signed: 2004 here, but 2003 at {tmp_path / 'a.md'}:1:60")]


@pytest.mark.parametrize(("a", "b"), [
    # The same date at two precisions, and two different events.
    ("The U.S.-Jordan Free Trade Agreement entered into force in 2001.",
     "The U.S.-Jordan Free Trade Agreement entered into force in December 2001."),
    ("The Oslo Accords were signed in 1993.", "The Oslo Accords took effect in 1994."),
    # A name that says no more than its kind may be any of many agreements.
    ("The Free Trade Agreement was signed in 2004.", "The Free Trade Agreement was signed in 2007."),
    # A meeting recurs under one name.
    ("The Republican National Convention was held in 2008.", "The Republican National Convention was held in 2012."),
])
def test_agreements_the_reference_lacks_stay_silent_when_consistent_or_unnamed(reference, tmp_path, a, b):
    (tmp_path / "a.md").write_text(a + "\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(b + "\n", encoding="utf-8")
    assert factlint.check_paths([tmp_path], reference=reference).findings == []


def test_an_agreement_the_reference_lacks_is_a_claim_marked_unlisted(reference):
    doc = parse_document("Under the Paris Agreement, signed in 2016, countries set targets.", kind="text")
    claims = [c for c in factlint.extract(doc, reference) if c.kind in ("agreement", "event")]
    assert [(c.kind, c.entity_id, c.listed, getattr(c, "cue", None), c.text) for c in claims] == [
        ("agreement", "paris agreement", False, None, "Paris Agreement"),
        ("event", "paris agreement", False, "signed", "2016")]
    # Two names joined by "and the" are two names; years and openers are not part of a name.
    doc = parse_document("In 1989, the USSR and the Warsaw Pact faced Under the 1966 Outer Space Treaty.", kind="text")
    assert [c.entity_id for c in factlint.extract(doc, reference) if c.kind == "agreement"] == [
        "warsaw pact", "outer space treaty"]


@pytest.mark.parametrize(("text", "kind", "why"), [
    ("Korea remembers the armistice, signed in 1954, that ended the fighting.", "event", [
        "“armistice” is a common noun: the agreement's countries are named in the sentence or the two before",
        "the cue “signed” speaks of “armistice”", "the nearest date after the cue"]),
    ("On June 30, 2007, negotiators for both governments signed the KORUS FTA.", "event", [
        "the cue “signed” speaks of “KORUS”", "no date near the cue: the date that opens the clause"]),
    ("South Korea and the United States are close. Bilateral trade between the two countries reached "
     "$170 billion last year.", "figure", [
         "“between the two countries” or “bilateral”: the countries named in the two sentences before",
         "the year written nearest the figure (“last year”)"]),
    ("In 2017, Secretary of State Mike Pompeo made his first trip to Seoul.", "title", [
        "the date that opens the sentence (“2017”) places it in time",
        "the title and name follow the opening date's comma: the office is claimed for that time"]),
])
def test_extract_explains_each_decision(reference, text, kind, why):
    doc = parse_document(text, kind="text", as_of=MAY_2023)
    assert [c.why for c in factlint.extract(doc, reference) if c.kind == kind] == [why]


@pytest.mark.parametrize(("text", "expected"), [
    # The issue's example: no summit at Panmunjom was held in 2017 (April 2018, June 2019).
    ("In Korea, the Panmunjom summit of June 2017 brought Moon Jae-in and Kim Jong Un together.",
     [("FL201", 1, 35, None)]),
    ("North Korea and South Korea held the summit at Panmunjom in 2016.", [("FL201", 1, 61, None)]),
    # A year one of them holds: the second inter-Korean summit there (May 2018) is not recorded.
    ("In Korea, the Panmunjom summit of May 2018 brought Moon Jae-in and Kim Jong Un together again.", []),
    ("Trump met Kim at the Panmunjom summit in June 2019, with North Korea's leader on the line.", []),
])
def test_a_noun_several_recorded_events_share(reference, text, expected):
    assert check(reference, text) == expected


def test_a_noun_several_recorded_events_share_names_them_all(reference):
    findings = factlint.check_text("In Korea, the Panmunjom summit of June 2017 was held.", reference=reference,
                                   kind="text", as_of=MAY_2023)
    assert findings[0].message == (
        "“Panmunjom summit” names 2 recorded events, none in 2017: 2019 DMZ summit: it was held on June 30, 2019; "
        "Panmunjom Declaration: it was held on April 27, 2018")


@pytest.mark.parametrize("text", [
    # Read by a second reader of the change: each of these drew a false FL303 or FL501, or crashed.
    "U.S. exports to South Korea grew 0-fold from 2019 to 2022.",
    "From 2019 to 2022, U.S. exports to South Korea rose 26 percent, then fell 5 percent in 2023.",
    "U.S. exports to South Korea rose 8 percent a year from 2019 to 2022.",
    "U.S. exports to South Korea grew 8 percent annually between 2019 and 2022.",
    "Korea's share of U.S. imports rose 20 percent from 2019 to 2022.",
    "Korean tariffs on U.S. exports fell 50 percent from 2012 to 2016.",
    "U.S. beef exports to South Korea doubled from 2012 to 2019.",
    "China's trade surplus with the United States doubled from 2019 to 2024, while South Korea's also grew.",
    "The Paris Agreement was adopted in December 2015 and signed in April 2016.",
])
def test_changes_and_unlisted_agreements_a_second_reader_tried_stay_silent(reference, text):
    assert check(reference, text, as_of=MAY_2025) == []


def test_an_amount_written_against_its_currency_code_is_read(reference):
    assert check(reference, "Bilateral trade between the US and South Korea reached USD150bn in 2022.",
                 as_of=MAY_2025) == [("FL301", 1, 56, None)]


def test_a_sentence_opening_the_starts_an_unlisted_name(reference):
    doc = parse_document("Climate Policy\nThe Paris Agreement was signed in 2016.", kind="md")
    assert [c.entity_id for c in factlint.extract(doc, reference) if c.kind == "agreement"] == ["paris agreement"]
