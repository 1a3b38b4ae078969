"""Typed policy objects.

Pydantic validates the YAML so that an invalid file fails with the path of the bad field
(``clauses.12.id: Field required``) rather than a KeyError deep in a detector.
"""

from __future__ import annotations

import datetime as dt
import re

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from smpolicy.exceptions import PolicyNotFound

CLAUSE_ID = re.compile(r"^(\d+(\.\d+)*(\.[ivx]+)?(\([a-z]\))?(\.note)?|App\d+\.\d+)$")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Clause(_Frozen):
    """One numbered clause, with the detectors or workflows that enforce it."""

    id: str
    heading: str
    text: str = Field(min_length=1)
    enforced_by: tuple[str, ...] = ()

    @field_validator("id")
    @classmethod
    def _id_is_numbered_like_the_text(cls, value: str) -> str:
        if not CLAUSE_ID.match(value):
            raise ValueError(f"{value!r} is not a clause id such as 6.4(c), 6.1.v or App1.4")
        return value


class ScopeCategory(_Frozen):
    """A category of people the policy applies to (2.1-2.2)."""

    id: str
    label: str
    clause: str


class ProtectedCharacteristic(_Frozen):
    """A characteristic named by 6.4(c); a council may add those of the Equality Act 2010."""

    id: str
    label: str


class WorkingPeriod(_Frozen):
    """Default working hours (6.3), overridden per person by the staff register."""

    weekdays: tuple[int, ...]
    start: dt.time
    end: dt.time


class WorkingTime(_Frozen):
    timezone: str = "Europe/London"
    default_hours: tuple[WorkingPeriod, ...] = ()


class Policy(_Frozen):
    """A versioned policy document."""

    id: str
    title: str
    organisation: str
    version: str
    effective: dt.date
    source: str = ""
    policy_owner_role: str = "town_clerk"
    scope: tuple[ScopeCategory, ...] = Field(min_length=1)
    protected_characteristics: tuple[ProtectedCharacteristic, ...] = Field(min_length=1)
    working_time: WorkingTime = WorkingTime()
    clauses: tuple[Clause, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _clause_ids_are_unique(self) -> Policy:
        seen: set[str] = set()
        for index, clause in enumerate(self.clauses):
            if clause.id in seen:
                raise ValueError(f"clauses.{index}.id: duplicate clause id {clause.id!r}")
            seen.add(clause.id)
        return self

    def clause(self, clause_id: str) -> Clause:
        """The clause with this id; raises PolicyNotFound naming the close ids."""
        for clause in self.clauses:
            if clause.id.lower() == clause_id.lower():
                return clause
        near = [c.id for c in self.clauses if c.id.startswith(clause_id.split("(")[0].split(".")[0])]
        hint = f" (clauses in that section: {', '.join(near)})" if near else ""
        raise PolicyNotFound(f"policy {self.id!r} has no clause {clause_id!r}{hint}")

    def enforced_by(self, name: str) -> tuple[Clause, ...]:
        """Clauses that name this detector or workflow."""
        return tuple(c for c in self.clauses if name in c.enforced_by)
