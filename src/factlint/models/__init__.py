"""Every data model factlint passes between its steps, in one place.

The flow is: reference (what the record says) and document (what the file says) → claims (what the
article asserts) → findings (a rule's verdict on a claim). All models are immutable pydantic models
with unknown fields forbidden, so a typo in reference YAML or in a claim file is an error rather than
silently ignored.
"""

from .base import DateValue, Id, Model, NonEmpty, PartialDate, Severity, Span
from .claims import (
    ROK,
    US,
    AgreementMention,
    ChangeClaim,
    Claim,
    ClaimBase,
    ClaimFile,
    DateMention,
    DatePrecision,
    DescriptionClaim,
    EventClaim,
    FigureClaim,
    FigureMetric,
    MatchMethod,
    MentionKind,
    NameMention,
    PartyClaim,
    Review,
    TitleClaim,
)
from .findings import (
    CheckedDocument,
    CheckResult,
    Finding,
    Location,
    Problem,
    Report,
    ReportFinding,
    ReportLocation,
    SourceRef,
)
from .reference import (
    Agreement,
    AgreementEvent,
    Event,
    EventType,
    Figure,
    NameOrder,
    Office,
    Organization,
    Person,
    Place,
    Reference,
    ReferenceFile,
    Source,
)

__all__ = [
    "ROK", "US", "Agreement", "AgreementEvent", "AgreementMention", "CheckedDocument", "CheckResult", "Claim", "ClaimBase", "ClaimFile", "Review", "DateMention",
    "ChangeClaim", "DatePrecision", "DateValue", "DescriptionClaim", "Event", "EventClaim", "EventType", "Figure", "FigureClaim",
    "FigureMetric", "Finding", "Id", "Location", "MatchMethod", "MentionKind", "Model", "NameMention", "NameOrder", "NonEmpty", "Office", "PartyClaim",
    "Organization", "PartialDate", "Person", "Place", "Problem", "Reference", "Report", "ReportFinding", "ReportLocation", "ReferenceFile", "Severity", "Source",
    "SourceRef", "Span", "TitleClaim",
]
