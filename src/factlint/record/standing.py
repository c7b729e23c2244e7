"""What kind of source a reference fact cites first: the publisher of record, a recognized archive's
copy of it, a labelled relay (a news report of an official figure, where no official copy exists), or
another work. `factlint reference stats` counts them; issue 16 asks for ≥ 90% official or archive."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlparse

from ..models import Reference, Source
from .kinds import KINDS, entities

Standing = Literal["official", "archive", "relay", "secondary"]
STANDINGS: tuple[Standing, ...] = ("official", "archive", "relay", "secondary")

# Hosts of governments and intergovernmental bodies, by the end of their name: the publisher of record.
_OFFICIAL_SUFFIXES = (".gov", ".mil", ".int", ".go.kr", ".go.jp", ".gov.cn", ".gov.uk", ".gc.ca", ".gouv.fr",
                      ".gov.au", ".govt.nz", ".gov.sg", ".gov.tw")
_OFFICIAL_HOSTS = frozenset({"un.org", "iaea.org", "ctbto.org", "europa.eu", "korea.net", "kcna.kp",
                             "kcna.co.jp", "japan.go.jp", "unikorea.go.kr"})
# Recognized archives of official documents: a copy there stands for the original.
_ARCHIVE_HOSTS = frozenset({"web.archive.org", "webarchive.library.unt.edu", "replay.waybackmachine.org",
                            "presidency.ucsb.edu", "everycrsreport.com", "govtrack.us", "sice.oas.org"})


def standing(source: Source) -> Standing:
    """The source's standing: as the reference labels it (`standing:`), else read from its address."""
    if source.standing is not None:
        return source.standing
    host = (urlparse(source.url).hostname or "").lower().removeprefix("www.").removeprefix("m.")
    # A presidential library's copy of an administration's site ("obamawhitehouse.archives.gov").
    if host.endswith("whitehouse.archives.gov") or _matches(host, _ARCHIVE_HOSTS):
        return "archive"
    if host.endswith(_OFFICIAL_SUFFIXES) or _matches(host, _OFFICIAL_HOSTS):
        return "official"
    return "secondary"


def _matches(host: str, hosts: frozenset[str]) -> bool:
    return host in hosts or any(host.endswith("." + h) for h in hosts)


@dataclass(frozen=True)
class Fact:
    """One fact of the reference and the source it cites first: an entity (a person's record, an
    agreement, a figure), or an item an entity lists with its own source (an office, an event)."""

    kind: str  # "person", "office", "agreement", "event", ...
    entity_id: str
    source: Source


_ITEM_KINDS = {"offices": "office", "events": "event"}


def facts(reference: Reference) -> list[Fact]:
    out: list[Fact] = []
    for kind in KINDS:
        for entity_id, entity in entities(reference, kind).items():
            cited = getattr(entity, kind.sources)
            first = cited[0] if isinstance(cited, list) else cited
            if first in reference.sources:
                out.append(Fact(kind.name, entity_id, reference.sources[first]))
            for field in kind.sourced_items:
                for item in getattr(entity, field):
                    if item.source in reference.sources:
                        out.append(Fact(_ITEM_KINDS.get(field, field), entity_id, reference.sources[item.source]))
    return out


@dataclass(frozen=True)
class Stats:
    by_kind: dict[str, Counter[Standing]]  # kind -> standing -> facts
    by_publisher: Counter[tuple[str, Standing]]  # (publisher, standing) -> facts citing it first

    @property
    def total(self) -> Counter[Standing]:
        out: Counter[Standing] = Counter()
        for counts in self.by_kind.values():
            out.update(counts)
        return out

    @property
    def official_share(self) -> float:
        """The share of facts whose first source is official or an archive copy of an official one."""
        total = self.total
        n = sum(total.values())
        return (total["official"] + total["archive"]) / n if n else 0.0


def reference_stats(reference: Reference) -> Stats:
    by_kind: dict[str, Counter[Standing]] = {}
    by_publisher: Counter[tuple[str, Standing]] = Counter()
    for fact in facts(reference):
        s = standing(fact.source)
        by_kind.setdefault(fact.kind, Counter())[s] += 1
        by_publisher[(fact.source.publisher, s)] += 1
    return Stats(by_kind, by_publisher)
