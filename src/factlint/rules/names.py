"""FL1xx: names of officials and organizations."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from typing import ClassVar

from ..models import Claim, Finding, NameMention, Person, Severity
from ..normalize import CONFUSABLES, latin_lookalike
from ..record import named
from .base import FixSafety, Rule, RuleContext


class MisspelledName(Rule):
    """Likely misspelling of a known name.

    What it catches
        A name a letter or two away from a person, organization, place or named system in the
        reference, in no accepted spelling: "Kim Yo-Long" for Kim Yo Jong, "Antony Blinkin" for Antony
        Blinken, "Blinkin said" after the article has named Antony Blinken, "Korean Central News
        Agancy", "Yongbyong" for Yongbyon, "the ROKS Cheonon".

    Why it matters
        A misspelled name is the error readers notice first and forgive least, and the one a spell
        checker cannot see: every part of "Kim Yo-Long" is a real word.

    How it decides
        A candidate is compared only with reference names that share one part exactly (the family
        name, a given name or nickname, an initial), or with the family names of the people the
        article names in full when it stands alone. The evidence is weighed in points and the name is
        flagged at 3: one slip +3; a word, a common name or a real Korean name it could also be -2 (a
        Korean name that is no typing slip -4); a different first letter -3; a short name -1; the
        person named in full elsewhere +2; the office or title just before it, one they held, +3 or
        +2; a rare part written right +2. Another reference person's family name, a plural ("the
        Bidens") and accepted romanizations are never flagged; when two people are read equally
        strongly, it says nothing. `factlint lookup NAME --context TEXT` prints every point. A place or
        system is compared word by word: one word within an edit (two past eight letters) of the
        same word of one of its forms, the others right; a lone word only for names of seven letters
        or more. A word of the word list, a common or family name, or, for a Korean name, another
        romanization of the same sounds ("Yonpyong" for Yeonpyeong) is never read as a slip.

    Example
        Kim Yo-Long said ...          →  Kim Yo Jong said ...

    Fix safety
        The suggestion is the reference's canonical form of the one person the finding names; read
        the sentence first if the article may mean someone outside the reference.
    """

    code = "FL101"
    fix: ClassVar[FixSafety] = "safe"
    name = "misspelled-name"
    summary = "Likely misspelling of a known person, organization, place or named system"

    def check(self, claims: Sequence[Claim], ctx: RuleContext) -> Iterator[Finding]:
        for claim in claims:
            if isinstance(claim, NameMention) and claim.method == "fuzzy" and claim.entity_id:
                entity = named(ctx.reference, claim.entity_id)
                if entity is None:
                    continue
                # The form it was matched against: the full name, a family name ("Blinkin said"),
                # or for organizations the variant that was misspelled.
                target = claim.matched_form or entity.name
                partial = isinstance(entity, Person) and target == entity.family != entity.name
                what = f"the family name of {entity.name}" if partial else target
                yield self.finding(ctx, claim.span, claim.text,
                                   f'"{claim.normalized}" looks like a misspelling of {what}',
                                   suggestion=target, entity_id=entity.id)

    def agrees(self, claim: Claim, ctx: RuleContext) -> bool:
        # Spelled as the reference spells it: a canonical form, an accepted variant, or on second
        # reference the family name of the person the document named in full.
        return (isinstance(claim, NameMention) and claim.method in ("exact", "variant", "partial")
                and claim.entity_id is not None and named(ctx.reference, claim.entity_id) is not None)


class GivenNameAsSurname(Rule):
    """Given name used as a family name.

    What it catches
        For people whose family name comes first (Korean, Chinese and often Japanese names), the given
        name standing alone where a surname belongs: "Pres. Suk-yeol" for President Yoon Suk Yeol,
        "Yo Long said" for Kim Yo Jong (misspelled too), "Jinping said" for Xi Jinping.

    Why it matters
        "Yoon Suk Yeol" is family name Yoon, given name Suk Yeol. Calling him "Suk-yeol" on second
        reference is like calling Joe Biden "Mr. Joe": wrong, and a sign the writer does not know who
        they are writing about.

    How it decides
        A lone one- or two-word given name of a family-first person in the reference, written exactly or
        (when the article names that person) a letter away, not itself a common name or anyone's
        family name. Short given names (under four letters, like Wang Yi's "Yi") are left alone.

    Example
        Pres. Suk-yeol said ...       →  Pres. Yoon said ...

    Fix safety
        The suggestion is the family name of the person the document names in full.
    """

    code = "FL102"
    fix: ClassVar[FixSafety] = "safe"
    name = "given-name-as-surname"
    summary = "A family-name-first person's given name used as their surname"

    def check(self, claims: Sequence[Claim], ctx: RuleContext) -> Iterator[Finding]:
        for claim in claims:
            if isinstance(claim, NameMention) and claim.method == "given-as-surname" and claim.entity_id:
                person = ctx.reference.people.get(claim.entity_id)
                if person is None:
                    continue
                written = claim.normalized
                if claim.score < 100:
                    message = (f'"{written}" looks like {person.name}\'s given name, misspelled, used as a '
                               f"surname; the family name is {person.family}")
                else:
                    message = f'"{written}" is {person.name}\'s given name, not a surname; the family name is {person.family}'
                yield self.finding(ctx, claim.span, claim.text, message, suggestion=person.family,
                                   entity_id=person.id)


class NotHouseStyle(Rule):
    """Accepted spelling that is not the house style.

    What it catches
        A correct, accepted form of a name that differs from the reference's canonical form: "Kim
        Jong-un" where the house style is "Kim Jong Un", "Yoon Suk-yeol" for "Yoon Suk Yeol".

    Why it matters
        Consistency. A briefing that writes one name three ways looks careless even when every
        spelling is defensible. Off by default: select it (--select FL103) where a house style applies.

    Example
        Kim Jong-un                   →  Kim Jong Un

    Fix safety
        The suggestion is the canonical form of the same entity.
    """

    code = "FL103"
    fix: ClassVar[FixSafety] = "safe"
    name = "not-house-style"
    summary = "An accepted variant of a name that is not the house style (off by default)"
    severity = Severity.INFO
    enabled_by_default = False

    def check(self, claims: Sequence[Claim], ctx: RuleContext) -> Iterator[Finding]:
        for claim in claims:
            # An all-capitals headline or label cannot follow a house style of mixed case.
            if (isinstance(claim, NameMention) and claim.method == "variant" and claim.entity_id
                    and not claim.text.isupper()):
                entity = named(ctx.reference, claim.entity_id)
                if entity is None:
                    continue
                yield self.finding(ctx, claim.span, claim.text,
                                   f'"{claim.normalized}" is an accepted spelling; house style is "{entity.name}"',
                                   suggestion=entity.name, entity_id=entity.id)


class LookalikeCharacters(Rule):
    """Known name written with look-alike letters from another script.

    What it catches
        A name from the reference in which a Cyrillic or Greek letter stands in for the Latin one it
        looks exactly like: "Kim Yo Jоng" with a Cyrillic "о" (U+043E). The text reads correctly, but
        search, spelling checks, indexes and copy-editing all miss it.

    Why it matters
        Look-alike letters come from spoofed or machine-garbled sources and from typing on the wrong
        keyboard layout. A name that cannot be found by searching for it is a name readers and
        archives lose; text built to slip past filters uses exactly this trick.

    How it decides
        While reading, a Cyrillic or Greek letter that is drawn like a Latin one is read as that Latin
        letter when every other letter of its word is Latin, so the name still matches the
        reference. A word written in Cyrillic or Greek alone ("Путин") is left as it is and is not
        flagged. Misspellings are FL101's: a name both misspelled and spoofed gets FL101 only.

    Example
        Kim Yo Jоng (Cyrillic о)      →  Kim Yo Jong

    Fix safety
        The suggestion replaces only the look-alike letters with the Latin ones they imitate.
    """

    code = "FL104"
    fix: ClassVar[FixSafety] = "safe"
    name = "lookalike-characters"
    summary = "A known name written with look-alike Cyrillic or Greek letters"
    severity = Severity.WARNING

    def check(self, claims: Sequence[Claim], ctx: RuleContext) -> Iterator[Finding]:
        for claim in claims:
            if not isinstance(claim, NameMention) or claim.method == "fuzzy" or not claim.entity_id:
                continue
            text = claim.text
            spoofed = [i for i, c in enumerate(text) if c in CONFUSABLES and latin_lookalike(text, i, i + 1)]
            if not spoofed:
                continue
            letters = ", ".join(f'"{text[i]}" ({unicodedata.name(text[i], "?").title()}, U+{ord(text[i]):04X})'
                                for i in spoofed[:3]) + (" and more" if len(spoofed) > 3 else "")
            clean = "".join(CONFUSABLES[c] if i in spoofed else c for i, c in enumerate(text))
            yield self.finding(ctx, claim.span, text,
                               f'"{claim.normalized}" is written with look-alike letters from another script: {letters}',
                               suggestion=clean, entity_id=claim.entity_id)
