"""`factlint reference stats`: the reference's facts by kind and by the standing of the source each
cites first (issue 16: at least 90% official or an archive copy of an official source)."""

from __future__ import annotations

import json
import textwrap

from conftest import run_cli as run

import factlint
from factlint.models import Source
from factlint.record import KINDS, reference_stats, standing

REFERENCE = textwrap.dedent("""\
    sources:
      - {id: state, publisher: U.S. Department of State, title: T, url: "https://www.state.gov/a", accessed: 2026-11-30}
      - {id: mofa, publisher: Ministry of Foreign Affairs, title: T, url: "https://www.mofa.go.kr/eng/b", accessed: 2026-11-30}
      - {id: unt, publisher: UNT web archive copy of USTR, title: T, url: "https://webarchive.library.unt.edu/web/2012/http://www.ustr.gov/k", accessed: 2026-11-30}
      - {id: yonhap, publisher: Yonhap News Agency, title: T, url: "https://en.yna.co.kr/view/1", accessed: 2026-11-30}
      - {id: relay, publisher: Naeil Shinmun, title: T, url: "http://www.naeil.com/n", accessed: 2026-11-30, standing: relay}
    people:
      - id: park-jin
        name: Park Jin
        family: Park
        given: Jin
        order: family-first
        country: Republic of Korea
        offices:
          - {title: Minister of Foreign Affairs, start: 2022-05-12, end: 2024-01-10, source: mofa}
          - {title: Member of the National Assembly, source: yonhap}
        sources: [yonhap, mofa]
      - id: antony-blinken
        name: Antony Blinken
        family: Blinken
        given: Antony
        order: given-first
        country: United States
        offices:
          - {title: Secretary of State, start: 2021-01-26, end: 2025-01-20, source: state}
        sources: [state]
    figures:
      - {id: us-exports-2011, metric: goods_exports, reporter: United States, parties: [United States, Republic of Korea], period: 2011, value: 43.5, unit: USD, scale: 1000000000, definition: "US goods exports", source: unt}
      - {id: kr-total-2011, metric: goods_trade_total, reporter: Republic of Korea, parties: [United States, Republic of Korea], period: 2011, value: 100.8, unit: USD, scale: 1000000000, definition: "Korean goods trade", source: relay}
    """)


def test_standing_is_read_from_the_label_or_the_host():
    def source(url: str, label: str | None = None) -> Source:
        return Source(id="s", publisher="P", title="T", url=url, accessed="2026-11-30", standing=label)
    assert [standing(source(u)) for u in (
        "https://www.state.gov/x", "https://history.defense.gov/x", "https://www.usfk.mil/x", "https://eng.president.go.kr/x",
        "https://news.un.org/x", "https://www.korea.net/x", "https://obamawhitehouse.archives.gov/x",
        "https://web.archive.org/web/2010/http://x.gov", "https://www.presidency.ucsb.edu/x", "https://en.yna.co.kr/x",
        "https://en.wikipedia.org/x", "https://gov.example.com/x")] == [
        "official", "official", "official", "official", "official", "official", "archive", "archive", "archive",
        "secondary", "secondary", "secondary"]
    assert standing(source("https://www.naeil.com/x", "relay")) == "relay"


def test_stats_count_each_fact_by_its_first_source(tmp_path):
    (tmp_path / "ref.yaml").write_text(REFERENCE, encoding="utf-8")
    proc = run("reference", "stats", "--no-default-reference", "ref.yaml", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == textwrap.dedent("""\
        kind     facts   official    archive      relay  secondary
        person       2          1          0          0          1
        office       3          2          0          0          1
        figure       2          0          1          1          0
        all          7          3          1          1          2

        First source official or an archive copy: 57.1% (below the target of 90%)

        First-cited publishers (5 of 5):
             2  official   U.S. Department of State
             2  secondary  Yonhap News Agency
             1  official   Ministry of Foreign Affairs
             1  relay      Naeil Shinmun
             1  archive    UNT web archive copy of USTR
        """)
    data = json.loads(run("reference", "stats", "--no-default-reference", "ref.yaml", "--format", "json",
                          cwd=tmp_path).stdout)
    assert data["total"] == {"official": 3, "archive": 1, "relay": 1, "secondary": 2}
    assert data["official_share"] == 0.5714


def test_stats_refuse_a_broken_reference_with_its_problems(tmp_path):
    (tmp_path / "ref.yaml").write_text("sources:\n  - {id: x}\n", encoding="utf-8")
    proc = run("reference", "stats", "--no-default-reference", "ref.yaml", cwd=tmp_path)
    assert proc.returncode == 2
    assert "ref.yaml:2" in proc.stderr and "run `factlint reference validate`" in proc.stderr


def test_bundled_stats_cover_every_fact():
    reference = factlint.load_reference()
    stats = reference_stats(reference)
    entities = sum(len(getattr(reference, kind.section)) for kind in KINDS)
    items = (sum(len(p.offices) for p in reference.people.values())
             + sum(len(a.events) for a in [*reference.agreements.values(), *reference.events.values()]))
    assert sum(stats.total.values()) == entities + items
