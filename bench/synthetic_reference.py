"""A deterministic synthetic reference of N extra people (Korean, Chinese, Japanese, Arabic, Russian and
English names, with variants), to measure how reference size affects checking. Each person cites one
synthetic source, as the schema requires; none of it is fact.

    python bench/synthetic_reference.py OUT_DIR --people 10000
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import yaml

SYLLABLES_KO = "min jae seo yeon hyun woo ji hoon su bin eun young jun ho dong hee kyung sung tae won chul".split()
FAMILY = {
    "ko": "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Hong".split(),
    "zh": "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo".split(),
    "ja": "Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida".split(),
    "other": "Haddad Mansour Nasser Khalil Saleh Ivanov Smirnov Kuznetsov Popov Sokolov Volkov".split(),
    "en": "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore".split(),
}
GIVEN = {
    "zh": "Wei Fang Lei Jun Jie Hui Ming Qiang Yan Ling Tao Bo Xin Hao Yu Peng".split(),
    "ja": "Hiroshi Takeshi Yuki Haruto Sakura Kenji Akira Naoko Daiki Emi Ren Sota".split(),
    "other": "Ahmed Omar Layla Yusuf Fatima Dmitri Olga Sergei Irina Pavel Nikolai".split(),
    "en": "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William".split(),
}


def person(rng: random.Random, n: int) -> dict:
    language = rng.choice(list(FAMILY))
    family = rng.choice(FAMILY[language])
    if language == "ko":
        a, b = rng.sample(SYLLABLES_KO, 2)
        given = f"{a.capitalize()}-{b}"
        name, variants, order = f"{family} {given}", [f"{family} {a.capitalize()} {b.capitalize()}"], "family-first"
    elif language == "zh":
        given = rng.choice(GIVEN["zh"]) + rng.choice(GIVEN["zh"]).lower()
        name, variants, order = f"{family} {given}", [], "family-first"
    else:
        given = rng.choice(GIVEN[language])
        name, variants, order = f"{given} {family}", [f"{given[0]}. {family}"], "given-first"
    # A suffix keeps every synthetic name unique (the reference forbids two people sharing a form).
    tag = f"Synth{n}"
    return {"id": f"synthetic-{n}", "name": f"{name} {tag}", "variants": [f"{v} {tag}" for v in variants],
            "family": family, "given": given, "order": order,
            "language": language if language in ("ko", "zh", "ja", "en") else "other",
            "sources": ["synthetic-benchmark"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--people", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    data = {"sources": [{"id": "synthetic-benchmark", "publisher": "factlint benchmark", "title": "Synthetic people",
                         "url": "https://example.org/synthetic", "accessed": "2026-11-23"}],
            "people": [person(rng, n) for n in range(args.people)]}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "synthetic.yaml").write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    print(f"{args.people} synthetic people written to {args.out / 'synthetic.yaml'}")


if __name__ == "__main__":
    main()
