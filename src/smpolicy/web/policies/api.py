"""The policy in force, clause by clause."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from smpolicy.web.api_auth import registered_person
from smpolicy.web.policies.services import policy_in_force

router = Router(tags=["policy"])


class ClauseOut(Schema):
    id: str
    heading: str
    text: str
    enforced_by: list[str]


class PolicyOut(Schema):
    id: str
    title: str
    organisation: str
    version: str
    published: bool
    scope: list[dict[str, str]]
    clauses: list[ClauseOut]


@router.get("/policy", response=PolicyOut, summary="The policy in force")
def policy(request: HttpRequest) -> dict[str, Any]:
    registered_person(request)
    version, current = policy_in_force()
    data = current.model_dump(mode="json", include={"id", "title", "organisation", "version",
                                                    "scope", "clauses"})
    data["published"] = version is not None
    return data
