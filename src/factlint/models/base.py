"""The building blocks every other model uses: immutable models, dates with a precision, spans."""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_serializer, model_validator


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --------------------------------------------------------------------------------------------------
# Dates with a stated precision ("2014", "2014-11", "2014-11-20")
# --------------------------------------------------------------------------------------------------

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class PartialDate(Model):
    """A calendar date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @model_validator(mode="before")
    @classmethod
    def _parse(cls, value: Any) -> Any:
        # YAML gives `2014` as int, `2014-11-20` as date and `2014-11` as str: accept all three.
        if isinstance(value, dt.date):
            return {"year": value.year, "month": value.month, "day": value.day}
        if isinstance(value, int) and not isinstance(value, bool):
            return {"year": value}
        if isinstance(value, str):
            m = _PARTIAL_DATE.match(value.strip())
            if not m:
                raise ValueError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
            y, mo, d = m.groups()
            return {"year": int(y), "month": mo and int(mo), "day": d and int(d)}
        return value

    @model_validator(mode="after")
    def _check(self) -> PartialDate:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        dt.date(self.year, self.month or 1, self.day or 1)  # raises ValueError on 2023-02-30
        return self

    @model_serializer
    def _as_text(self) -> str:
        # Written as in the reference YAML: "2014", "2014-11", "2014-11-20".
        return str(self)

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> dict[str, Any]:
        return {"anyOf": [{"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
                          {"type": "integer", "minimum": 1000, "maximum": 9999}],
                "description": "A date known to the year, the month or the day: 2014, 2014-11, 2014-11-20"}

    @property
    def precision(self) -> Literal["year", "month", "day"]:
        return "day" if self.day else "month" if self.month else "year"

    def earliest(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        if self.day:
            return self.earliest()
        if self.month:
            nxt = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(self.year, 12, 31)

    def describe(self) -> str:
        """"2012", "March 2012", "March 15, 2012"."""
        if self.month is None:
            return str(self.year)
        month = dt.date(2000, self.month, 1).strftime("%B")
        return f"{month} {self.year}" if self.day is None else f"{month} {self.day}, {self.year}"

    def __str__(self) -> str:
        out = f"{self.year:04d}"
        if self.month:
            out += f"-{self.month:02d}"
        if self.day:
            out += f"-{self.day:02d}"
        return out


def _date_or_partial(value: Any) -> Any:
    return value if isinstance(value, PartialDate) else PartialDate.model_validate(value)


DateValue = Annotated[PartialDate, BeforeValidator(_date_or_partial)]

Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._-]*$", min_length=1, max_length=120)]
NonEmpty = Annotated[str, Field(min_length=1)]


# --------------------------------------------------------------------------------------------------
# The reference dataset
# --------------------------------------------------------------------------------------------------


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Span(Model):
    """A range of characters in the original file: 0-based offsets, 1-based line and column, end
    exclusive (the character at end_line:end_column is not part of the span)."""

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
