"""A deterministic corpus of briefing-style articles for benchmarks: names, titles, dates and figures
from the bundled reference, a few planted errors, and ordinary prose. Written by us; same seed, same
bytes.

    python bench/corpus.py OUT_DIR [--articles 2000] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import factlint

OPENERS = [
    "Officials in {city} spent the week weighing what the latest statement means for the alliance.",
    "The meeting in {city} was short, and its communique said less than either side had hoped.",
    "Analysts who follow the peninsula closely expect the coming months to test both governments.",
    "Markets barely moved on the news, though shipping insurers raised their rates for a second time.",
    "Lawmakers asked for a closed briefing before the budget vote scheduled for later in the month.",
]
SENTENCES = [
    "{title} {person} met {other} in {city} on {date} to discuss export controls and shipbuilding.",
    "According to {org}, the talks covered supply chains, missile launches and humanitarian access.",
    "{person} told reporters that the door to dialogue remained open, but that deterrence came first.",
    "Bilateral trade between the United States and South Korea reached {figure} in {year}.",
    "KORUS, which entered into force in 2012, remains the framework for most of that trade.",
    "The 1953 Mutual Defense Treaty still anchors the alliance seventy years on.",
    "Earlier statements carried by {org} struck a harsher tone than the one issued on {date}.",
    "The delegation also visited {city}, where local officials described the economic outlook.",
    "A spokesman for {org} declined to comment on the details of the schedule.",
    "Several think-tank researchers noted that the language had changed little since {year}.",
    "Weather delayed the flight by two hours, and the press conference started late.",
    "The ministry published a summary of the discussion the following morning.",
]
ERRORS = [
    "Kim Yo-Long said the drills were a rehearsal for invasion.",
    "Pres. Suk-yeol promised a response within days.",
    "KORUS took effect in 2011, the spokesman said.",
    "Defense Secretary Antony Blinken joined by video.",
    "Antony Blinkin later said the talks were useful.",
]
CITIES = ["Seoul", "Washington", "Pyongyang", "Tokyo", "Busan", "Beijing", "Geneva", "Incheon", "Honolulu"]
MONTHS = ["January", "March", "April", "June", "August", "October", "November"]


def article(rng: random.Random, people: list[tuple[str, str]], orgs: list[str]) -> str:
    lines = [f"# {rng.choice(CITIES)} briefing {rng.randrange(1, 999)}", "", rng.choice(OPENERS).format(city=rng.choice(CITIES)), ""]
    size = 0
    while size < 2700:
        title, person = rng.choice(people)
        _, other = rng.choice(people)
        template = rng.choice(ERRORS) if rng.random() < 0.02 else rng.choice(SENTENCES)
        def fill(template: str) -> str:
            return template.format(
                title=title, person=person, other=other, city=rng.choice(CITIES), org=rng.choice(orgs),
                date=f"{rng.choice(MONTHS)} {rng.randrange(1, 28)}, {rng.randrange(2015, 2025)}",
                year=rng.randrange(2015, 2025), figure=f"${rng.randrange(120, 240)}.{rng.randrange(10)} billion")

        paragraph = [fill(template)] + [fill(rng.choice(SENTENCES[9:])) for _ in range(rng.randrange(1, 4))]
        text = " ".join(paragraph)
        lines += [text, ""]
        size += len(text)
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    reference = factlint.load_reference()
    people = [("President" if any("President of" in o.title for o in p.offices) else "Minister"
               if any("Minister" in o.title for o in p.offices) else "", p.name)
              for p in sorted(reference.people.values(), key=lambda p: p.id)]
    orgs = sorted(o.name for o in reference.organizations.values())
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    for n in range(args.articles):
        (args.out / f"article-{n:05d}.md").write_text(article(rng, people, orgs) + "\n", encoding="utf-8")
    print(f"{args.articles} articles written to {args.out}")


if __name__ == "__main__":
    main()
