"""Acknowledgements and coverage over the API."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from ninja import Router, Schema, Status

from smpolicy.web import access
from smpolicy.web.acknowledgements.coverage import coverage
from smpolicy.web.acknowledgements.models import Acknowledgement
from smpolicy.web.acknowledgements.services import acknowledge
from smpolicy.web.api_auth import registered_person, require_role
from smpolicy.web.policies.models import PolicyVersion
from smpolicy.web.policies.services import scope_choices

router = Router(tags=["acknowledgements"])


class AcknowledgementOut(Schema):
    id: int
    person_id: int
    policy_id: str
    version: str
    acknowledged_at: dt.datetime

    @staticmethod
    def resolve_policy_id(ack: Acknowledgement) -> str:
        return ack.version.policy_id

    @staticmethod
    def resolve_version(ack: Acknowledgement) -> str:
        return ack.version.version


class CoverageRowOut(Schema):
    key: str
    label: str
    total: int
    acknowledged: int
    pending: int


class PendingOut(Schema):
    person_id: int
    name: str
    team: str
    scope_category: str
    reminder_due: bool


class CoverageOut(Schema):
    policy_id: str
    version: str
    published_at: dt.datetime
    reminders_from: dt.date
    overall: CoverageRowOut
    by_category: list[CoverageRowOut]
    by_team: list[CoverageRowOut]
    pending: list[PendingOut]


class Message(Schema):
    detail: str


@router.get("/acknowledgements", response=list[AcknowledgementOut],
            summary="Your own acknowledgements, newest first")
def my_acknowledgements(request: HttpRequest) -> list[Acknowledgement]:
    person = registered_person(request)
    return list(person.acknowledgements.select_related("version"))


@router.post("/acknowledgements", response={201: AcknowledgementOut, 409: Message},
             summary="Acknowledge the policy version in force (8.1)")
def create_acknowledgement(request: HttpRequest) -> Status:
    person = registered_person(request)
    return Status(201, acknowledge(person))  # WorkflowError -> 409, see api.py


@router.get("/coverage", response={200: CoverageOut, 409: Message},
            summary="Who has acknowledged the version in force, among people you may see")
def coverage_report(request: HttpRequest) -> Status:
    require_role(request, access.SEE_PEOPLE)
    version = PolicyVersion.current()
    if version is None:
        return Status(409, {"detail": "no policy version has been published yet"})
    report = coverage(access.visible_people(request.user), version, dict(scope_choices()))
    row = lambda r: {"key": r.key, "label": r.label, "total": r.total,  # noqa: E731
                     "acknowledged": r.acknowledged, "pending": r.pending}
    return Status(200, {
        "policy_id": version.policy_id, "version": version.version,
        "published_at": version.published_at, "reminders_from": report.reminders_from,
        "overall": row(report.overall),
        "by_category": [row(r) for r in report.by_category],
        "by_team": [row(r) for r in report.by_team],
        "pending": list(report.pending),
    })
