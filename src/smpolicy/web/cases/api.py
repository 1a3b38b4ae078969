"""Cases over the API: the same steps and checks as the pages (services.apply_step)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Prefetch
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Body, Path, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from smpolicy.web import access
from smpolicy.web.api_auth import registered_person, require_role
from smpolicy.web.cases.consistency import comparables, usual_outcome
from smpolicy.web.cases.dashboard import summary
from smpolicy.web.cases.models import Case, Evidence, Severity
from smpolicy.web.cases.services import FORMS, apply_step, validate
from smpolicy.web.casework import READERS, audit_read
from smpolicy.web.concerns.models import Concern
from smpolicy.web.people.models import Person

router = Router(tags=["cases"])
MAX_ID = 2**63 - 1


class EvidenceOut(Schema):
    id: int
    description: str
    sha256: str
    disclosed: bool


class LetterOut(Schema):
    id: int
    kind: str
    sha256: str
    written_at: dt.datetime


class CaseOut(Schema):
    id: int
    subject_id: int
    clause: str
    severity: str
    stage: str
    allegation: str
    stage_since: dt.datetime
    meeting_at: dt.datetime | None
    companion_right_given: bool
    outcome: str
    outcome_reason: str
    appeal_deadline: dt.datetime | None
    appeal_result: str
    other_procedure: str
    other_procedure_link: str
    evidence: list[EvidenceOut]
    letters: list[LetterOut]
    notes: list[str] | None = Field(None, description="Investigation notes; not for the accused")


class CaseIn(Schema):
    subject_id: int = Field(ge=1, le=MAX_ID)
    clause: str = Field(min_length=1, max_length=20)
    severity: Severity = Severity.CONDUCT
    allegation: str = Field(min_length=1, max_length=10_000)
    concern_id: int | None = Field(None, ge=1, le=MAX_ID)


class ComparableOut(Schema):
    pseudonym: str
    clause: str
    severity: str
    categories: list[str]
    similarity: float
    outcome: str


class ComparablesOut(Schema):
    usual_outcome: str
    cases: list[ComparableOut]


def _out(case: Case, me: Person) -> dict[str, Any]:
    accused = case.is_accused(me)
    data = {f: getattr(case, f) for f in CaseOut.model_fields
            if f not in ("evidence", "letters", "notes")}
    data["evidence"] = [e for e in case.evidence.all() if e.disclosed or not accused]
    data["letters"] = list(case.letters.all())
    data["notes"] = None if accused else [n.text for n in case.notes.all()]
    return data


def _visible(request: HttpRequest, case_id: int) -> tuple[Case, Person]:
    me = registered_person(request)
    return get_object_or_404(Case.objects.visible_to(me), pk=case_id), me


@router.get("/cases", response=list[CaseOut], summary="Cases your role may see")
def list_cases(request: HttpRequest) -> Any:
    me = registered_person(request)
    cases = Case.objects.visible_to(me).prefetch_related(
        Prefetch("evidence", queryset=Evidence.objects.defer("content")), "letters", "notes")
    return [_out(c, me) for c in cases[:200]]


@router.get("/cases/{case_id}", response=CaseOut, summary="One case")
def get_case(request: HttpRequest, case_id: int = Path(..., ge=1, le=MAX_ID)) -> Any:
    case, me = _visible(request, case_id)
    audit_read(request, case.ref)
    return _out(case, me)


@router.post("/cases", response={201: CaseOut}, summary="Open a case (establish the facts)")
def open_case(request: HttpRequest, payload: CaseIn) -> Any:
    me = registered_person(request)
    subject = get_object_or_404(Person, pk=payload.subject_id)
    concern = (get_object_or_404(Concern.objects.visible_to(me), pk=payload.concern_id)
               if payload.concern_id else None)
    case = Case.open_case(me, subject=subject, clause=payload.clause, severity=payload.severity,
                          allegation=payload.allegation, concern=concern)
    return 201, _out(case, me)


@router.post("/cases/{case_id}/steps/{step}", response=CaseOut,
             summary="Take one step: " + ", ".join(FORMS))
def take_step(request: HttpRequest, body: Body[dict[str, Any]],
              step: str = Path(..., max_length=30),
              case_id: int = Path(..., ge=1, le=MAX_ID)) -> Any:
    case, me = _visible(request, case_id)
    apply_step(case, me, step, validate(step, {k: v for k, v in body.items()
                                               if isinstance(v, str | int | bool)}))
    return _out(case, me)


@router.get("/cases/{case_id}/comparables", response=ComparablesOut,
            summary="Comparable decided cases, pseudonymised (7.2)")
def case_comparables(request: HttpRequest, case_id: int = Path(..., ge=1, le=MAX_ID)) -> Any:
    case, me = _visible(request, case_id)
    if case.is_accused(me) or not (case.can_handle(me) or me.role in READERS):
        raise HttpError(403, "only case handlers see comparable cases")
    found = comparables(case)
    return {"usual_outcome": usual_outcome(found),
            "cases": [{"pseudonym": c.pseudonym, "clause": c.clause, "severity": c.severity,
                       "categories": list(c.categories), "similarity": c.similarity,
                       "outcome": c.outcome} for c in found]}


@router.get("/dashboard", summary="Open cases by stage and age, overdue actions, outcomes")
def dashboard(request: HttpRequest) -> dict[str, Any]:
    require_role(request, access.SEE_EVERYONE)
    data = summary()
    return {"by_stage": data["by_stage"],
            "overdue_concerns": [c.pk for c in data["overdue"]],
            "outcomes_by_clause": {clause: dict(zip([v for v, _ in data["outcome_labels"]],
                                                    counts, strict=True))
                                   for clause, counts in data["outcomes"]}}
