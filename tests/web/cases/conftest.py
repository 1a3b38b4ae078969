"""Case personas: ``accused`` reports to ``manager``; helpers to walk a case through."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from smpolicy.web.cases.models import Case, Outcome, Severity
from smpolicy.web.people.models import Role

from ..conftest import make_person


@pytest.fixture
def accused(personas):
    return make_person("accused", Role.EMPLOYEE, manager=personas.manager, team="Finance")


def new_case(personas, accused, *, clause: str = "6.4(a)", severity: str = Severity.CONDUCT,
             categories: list[str] | None = None) -> Case:
    case = Case.open_case(personas.hr, subject=accused, clause=clause, severity=severity,
                          allegation="Posted that the Town Clerk fiddles the accounts.")
    if categories is not None:
        case.categories = categories
        case.save(update_fields=["categories"])
    return case


def to_meeting(case: Case, actor) -> Case:
    case.add_evidence(actor, description="Screenshot of the post", content=b"png bytes",
                      filename="post.png")
    case.decide_to_proceed(actor, True, "The post is public and names a colleague.")
    case.notify(actor)
    case.schedule_meeting(actor, at=timezone.now() + dt.timedelta(days=3), place="Room 1",
                          companion_right_given=True, companion_name="A. Rep")
    return case


def decided(personas, accused, outcome: str = Outcome.FIRST_WRITTEN, **kw) -> Case:
    case = to_meeting(new_case(personas, accused, **kw), personas.hr)
    case.decide_outcome(personas.hr, outcome, "Admitted the post.", consistency_reason="test")
    return case


@pytest.fixture
def meeting_case(personas, accused):
    return to_meeting(new_case(personas, accused), personas.hr)
