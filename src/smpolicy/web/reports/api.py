"""Abuse reports over the API: only the reporter and the manager they chose see one."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Path, Router, Schema
from pydantic import Field, HttpUrl

from smpolicy.web.api_auth import registered_person
from smpolicy.web.casework import audit_read
from smpolicy.web.people.models import Person
from smpolicy.web.reports.models import AbuseItem, AbuseReport, TakedownOutcome

router = Router(tags=["abuse reports"])
MAX_ID = 2**63 - 1


class ItemOut(Schema):
    id: int
    link: str
    description: str
    screenshot_sha256: str
    reported_to_platform: bool
    platform_mechanism: str
    platform_reported_on: dt.date | None
    platform_reference: str
    asked_poster: bool
    asked_poster_on: dt.date | None
    outcome: str


class ReportOut(Schema):
    id: int
    reporter_id: int
    recipient_id: int
    where: str
    abuser: str
    description: str
    effect_on_work: str
    status: str
    created_at: dt.datetime
    items: list[ItemOut]
    support: list[str]


class ReportIn(Schema):
    recipient_id: int = Field(ge=1, le=MAX_ID)
    where: str = Field(min_length=1, max_length=200)
    abuser: str = Field("", max_length=200)
    description: str = Field(min_length=1, max_length=20_000)
    effect_on_work: str = Field("", max_length=5_000)
    links: list[HttpUrl] = Field(default_factory=list, max_length=50)


class TakedownIn(Schema):
    reported_to_platform: bool | None = None
    platform_mechanism: str | None = Field(None, max_length=200)
    platform_reported_on: dt.date | None = None
    platform_reference: str | None = Field(None, max_length=200)
    asked_poster: bool | None = None
    asked_poster_on: dt.date | None = None
    outcome: TakedownOutcome | None = None


class SupportIn(Schema):
    action: str = Field(min_length=1, max_length=5_000)


def _out(report: AbuseReport) -> dict[str, Any]:
    return {**{f: getattr(report, f) for f in ReportOut.model_fields
               if f not in ("items", "support")},
            "items": list(report.items.all()),
            "support": [s.action for s in report.support_actions.all()]}


def _visible(request: HttpRequest, report_id: int) -> tuple[AbuseReport, Person]:
    me = registered_person(request)
    return get_object_or_404(AbuseReport.objects.visible_to(me), pk=report_id), me


@router.get("/reports", response=list[ReportOut], summary="Abuse reports you made or were sent")
def list_reports(request: HttpRequest) -> list[dict[str, Any]]:
    me = registered_person(request)
    return [_out(r) for r in AbuseReport.objects.visible_to(me)[:200]]


@router.get("/reports/{report_id}", response=ReportOut, summary="One abuse report")
def get_report(request: HttpRequest, report_id: int = Path(..., ge=1, le=MAX_ID)) -> Any:
    report, _ = _visible(request, report_id)
    audit_read(request, report.ref)
    return _out(report)


@router.post("/reports", response={201: ReportOut}, summary="Report abuse you received (8.1)")
def create_report(request: HttpRequest, payload: ReportIn) -> Any:
    me = registered_person(request)
    recipient = get_object_or_404(Person, pk=payload.recipient_id)
    report = AbuseReport.submit(me, recipient, where=payload.where, abuser=payload.abuser,
                                description=payload.description,
                                effect_on_work=payload.effect_on_work)
    for link in payload.links:
        report.add_item(me, link=str(link))
    return 201, _out(report)


@router.patch("/reports/{report_id}/items/{item_id}", response=ItemOut,
              summary="Record takedown progress for one item")
def update_takedown(request: HttpRequest, payload: TakedownIn,
                    report_id: int = Path(..., ge=1, le=MAX_ID),
                    item_id: int = Path(..., ge=1, le=MAX_ID)) -> AbuseItem:
    report, me = _visible(request, report_id)
    item = get_object_or_404(AbuseItem, pk=item_id, report=report)
    item.update_takedown(me, **payload.model_dump(exclude_none=True))
    return item


@router.post("/reports/{report_id}/support", response=ReportOut, summary="Record support given")
def add_support(request: HttpRequest, payload: SupportIn,
                report_id: int = Path(..., ge=1, le=MAX_ID)) -> Any:
    report, me = _visible(request, report_id)
    report.add_support(me, payload.action)
    return _out(report)
