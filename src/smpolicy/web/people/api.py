"""People register over the API: the caller sees only whom their role allows."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Path, Query, Router, Schema
from pydantic import Field

from smpolicy.web import access
from smpolicy.web.api_auth import registered_person, require_role
from smpolicy.web.people.models import Person

router = Router(tags=["people"])
MAX_ID = 2**63 - 1


class PersonOut(Schema):
    id: int
    name: str
    email: str
    scope_category: str
    role: str
    job_title: str
    team: str
    line_manager_id: int | None
    working_days: str = Field(description="Weekdays as digits, Monday = 0")
    start_time: dt.time
    end_time: dt.time
    break_minutes: int
    active_from: dt.date
    active_until: dt.date | None


class PeoplePage(Schema):
    count: int
    items: list[PersonOut]


class PeopleQuery(Schema):
    q: str | None = Field(None, max_length=100)
    category: str | None = Field(None, max_length=50)
    limit: int = Field(50, ge=1, le=500)
    offset: int = Field(0, ge=0, le=10_000_000)


@router.get("/me", response=PersonOut, summary="Your own register entry")
def me(request: HttpRequest) -> Person:
    return registered_person(request)


@router.get("/people", response=PeoplePage, summary="People your role may see")
def people(request: HttpRequest, filters: Query[PeopleQuery]) -> dict[str, object]:
    require_role(request, access.SEE_PEOPLE)
    found = access.visible_people(request.user)
    if filters.q:
        found = found.filter(Q(name__icontains=filters.q) | Q(email__icontains=filters.q))
    if filters.category:
        found = found.filter(scope_category=filters.category)
    return {
        "count": found.count(),
        "items": list(found[filters.offset : filters.offset + filters.limit]),
    }


@router.get("/people/{person_id}", response=PersonOut, summary="One person, if you may see them")
def person(request: HttpRequest, person_id: int = Path(..., ge=1, le=MAX_ID)) -> Person:
    registered_person(request)
    found = get_object_or_404(Person, pk=person_id)
    if not access.can_view_person(request.user, found):
        raise Http404  # not 403: a refusal must not confirm who is on the register
    return found
