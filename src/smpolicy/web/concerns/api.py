"""Concerns over the API: raise one (staff), read and acknowledge (its manager, Town Clerk, HR)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Path, Router, Schema
from pydantic import Field, HttpUrl

from smpolicy.web.api_auth import registered_person
from smpolicy.web.casework import audit_read
from smpolicy.web.concerns.models import Concern, ConcernSource
from smpolicy.web.people.models import Person

router = Router(tags=["concerns"])
MAX_ID = 2**63 - 1


class ConcernOut(Schema):
    id: int
    subject_id: int | None
    manager_id: int | None
    source: str
    post_text: str
    link: str
    status: str
    created_at: dt.datetime
    due_by: dt.datetime
    acknowledged_at: dt.datetime | None
    escalated_to_id: int | None
    screening: dict[str, Any] = Field(description="The engine's findings: a starting point, "
                                      "never a decision")


class ConcernIn(Schema):
    subject_id: int = Field(ge=1, le=MAX_ID)
    post_text: str = Field(min_length=1, max_length=100_000)
    link: HttpUrl | None = None
    details: str = Field("", max_length=5_000)


@router.get("/concerns", response=list[ConcernOut], summary="Concerns you may act on or read")
def list_concerns(request: HttpRequest) -> Any:
    return list(Concern.objects.visible_to(registered_person(request))[:200])


@router.get("/concerns/{concern_id}", response=ConcernOut, summary="One concern")
def get_concern(request: HttpRequest, concern_id: int = Path(..., ge=1, le=MAX_ID)) -> Any:
    concern = get_object_or_404(Concern.objects.visible_to(registered_person(request)),
                                pk=concern_id)
    audit_read(request, concern.ref)
    return concern


@router.post("/concerns", response={201: ConcernOut}, summary="Raise a concern about a post")
def create_concern(request: HttpRequest, payload: ConcernIn) -> Any:
    me = registered_person(request)
    subject = get_object_or_404(Person, pk=payload.subject_id)
    concern = Concern.raise_concern(post_text=payload.post_text, subject=subject,
                                    link=str(payload.link or ""), details=payload.details,
                                    source=ConcernSource.STAFF, raised_by=me)
    # The raiser gets a receipt, not the manager's view of the concern.
    return 201, concern


@router.post("/concerns/{concern_id}/acknowledge", response=ConcernOut,
             summary="Acknowledge a concern (8.2 prompt action)")
def acknowledge(request: HttpRequest, concern_id: int = Path(..., ge=1, le=MAX_ID)) -> Any:
    me = registered_person(request)
    concern = get_object_or_404(Concern.objects.visible_to(me), pk=concern_id)
    concern.acknowledge(me)
    return concern
