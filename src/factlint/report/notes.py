"""What the reference says about a claim, in a few lines of Markdown: the editor's hover
(`factlint server`). The entity a name resolves to (a person's office at the article's date, a
place's kind), an agreement's or event's recorded dates, and the source each comes from."""

from __future__ import annotations

import datetime as dt

from ..models import (AgreementMention, Claim, EventClaim, NameMention, PartialDate, PartyClaim, Person, Place,
                      Reference, Source, TitleClaim)
from ..record import covers, dated, named, relevant_events, sources_of


def claim_notes(claim: Claim, reference: Reference, as_of: dt.date | None, verified: bool) -> list[str]:
    """Markdown lines for a claim; [] when the reference has nothing to say about it."""
    lines: list[str] = []
    if isinstance(claim, (NameMention, TitleClaim)) and claim.entity_id:
        entity = named(reference, claim.entity_id)
        if isinstance(entity, Person):
            lines.append(f"**{entity.name}**" + (f" ({entity.country})" if entity.country else ""))
            now = PartialDate(year=as_of.year, month=as_of.month, day=as_of.day) if as_of else None
            held = [o for o in entity.offices if now is not None and covers(o, now)]
            for office in held or entity.offices[:3]:
                span = f"{office.start or '?'} to {office.end or 'present'}"
                lines.append(f"- {office.title} ({span})" + (" — at the article's date" if office in held else ""))
        elif isinstance(entity, Place):
            lines.append(f"**{entity.name}**: {entity.kind}" + (f", {entity.country}" if entity.country else ""))
        elif entity is not None:
            lines.append(f"**{entity.name}**")
        lines.extend(_sources(sources_of(reference, claim.entity_id)))
    elif isinstance(claim, (AgreementMention, EventClaim, PartyClaim)):
        agreement = dated(reference, claim.entity_id)
        if agreement is None:
            return ["Not in the reference: compared only with other statements of it (FL501)."] \
                if isinstance(claim, (AgreementMention, EventClaim)) else []
        lines.append(f"**{agreement.name}**" + (f" ({', '.join(agreement.parties)})" if agreement.parties else ""))
        events = relevant_events(claim, agreement) if isinstance(claim, EventClaim) else agreement.events
        for event in events[:6]:
            party = f" ({event.party})" if event.party else ""
            lines.append(f"- {event.type.replace('_', ' ')}: {event.date}{party}")
        lines.extend(_sources([reference.sources[e.source] for e in events[:1] if e.source in reference.sources]
                              or sources_of(reference, agreement.id)))
    if lines:
        lines.insert(0, "factlint: " + ("the reference agrees" if verified else "what the reference holds"))
    return lines


def _sources(sources: list[Source]) -> list[str]:
    return [f"Source: [{s.publisher}, “{s.title}”]({s.url})" for s in sources[:1]]
