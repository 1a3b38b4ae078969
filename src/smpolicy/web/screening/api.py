"""``POST /api/check``: the same object as ``smpolicy check --json``."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from pydantic import ConfigDict, Field

from smpolicy.web.api_auth import registered_person
from smpolicy.web.screening.engine import screen

router = Router(tags=["screening"])


class CheckIn(Schema):
    text: str = Field(description="The post to screen.")
    id: str | int | None = Field(None, description="Echoed back, as in `check --jsonl`.")


class FindingOut(Schema):
    model_config = ConfigDict(extra="allow")  # optional keys such as "target" pass through
    category: str
    clause: str
    score: float
    span: list[int]
    evidence: str
    explanation: str
    detector: str


class CheckOut(Schema):
    id: str | int | None
    verdict: str = Field(description="ok, review or breach")
    findings: list[FindingOut]


@router.post("/check", response=CheckOut, summary="Screen one post against the policy")
def check(request: HttpRequest, payload: CheckIn) -> dict[str, Any]:
    registered_person(request)
    result = screen(payload.text)  # InputError -> 400, see api.py
    result["id"] = payload.id
    return result
