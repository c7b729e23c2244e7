"""The offices factlint can recognise in prose and in the reference: "Defense Secretary", "Secretary
of Defense" and "Pentagon chief" are one role. Deputies, vice ministers and special envoys have no role
here: their titles vary too much to check."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import Office, Person

# Most specific first: "Vice President" before "President", deputies before the office they deputise.
_ROLES: list[tuple[str | None, str]] = [
    ("vice_president", r"vice[- ]president"),
    (None, r"\b(?:deputy|assistant|under|vice|principal|special|acting secretary|chief of staff|senior)\b"),
    ("secretary_general", r"secretary[- ]general|\bUN chief\b"),
    ("national_security_adviser", r"national security advis[eo]r"),
    ("secretary_of_state", r"secretary of state|\bstate secretary"),
    ("defense_secretary", r"defen[cs]e secretary|secretary of defen[cs]e|pentagon chief|secretary of war\b|war secretary"),
    ("commerce_secretary", r"commerce secretary|secretary of commerce"),
    ("trade_representative", r"trade representative|\bUSTR\b"),
    ("foreign_minister", r"foreign minister|minister (?:of|for) foreign affairs|foreign affairs minister"),
    ("defense_minister", r"defen[cs]e minister|minister of (?:national )?defen[cs]e|armed forces minister|"
                         r"minister of (?:the )?people's armed forces"),
    ("unification_minister", r"unification minister|minister of unification"),
    ("trade_minister", r"trade minister|minister (?:of|for) trade|industry minister|minister of trade, industry"),
    ("prime_minister", r"prime minister|premier"),
    ("president", r"\bpresident\b|\bpres\b\.?"),
]
_COMPILED = [(role, re.compile(pattern, re.I)) for role, pattern in _ROLES]

ROLE_WORDS = {
    "vice_president": "vice president", "secretary_general": "UN secretary-general",
    "national_security_adviser": "national security adviser", "secretary_of_state": "secretary of state",
    "defense_secretary": "defense secretary", "commerce_secretary": "commerce secretary",
    "trade_representative": "trade representative", "foreign_minister": "foreign minister",
    "defense_minister": "defense minister", "unification_minister": "unification minister",
    "trade_minister": "trade minister", "prime_minister": "prime minister", "president": "president",
}

# A pattern matching any title phrase, for finding titles in prose.
TITLE_PATTERN = "|".join(f"(?:{p})" for role, p in _ROLES if role)


def role_of(title: str) -> str | None:
    """The role a title names, or None for titles factlint does not check."""
    for role, pattern in _COMPILED:
        if pattern.search(title):
            return role
    return None


def office_country(office: Office, person: Person) -> str | None:
    """The country an office belongs to: its own, else its holder's."""
    return office.country or person.country
