"""Template context shared by every page: the site name and what the signed-in role may open."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from smpolicy.web import access
from smpolicy.web.policies.services import policy_in_force


def site(request: HttpRequest) -> dict[str, Any]:
    role = access.role_of(getattr(request, "user", None))
    return {
        "service_name": settings.SERVICE_NAME,
        "policy_organisation": policy_in_force()[1].organisation,
        "me": access.person_of(getattr(request, "user", None)),
        "can_see_people": role in access.SEE_PEOPLE,
        "can_manage_register": role in access.MANAGE_REGISTER,
        "can_own_policy": role in access.OWN_POLICY,
        "can_handle_cases": role in access.SEE_PEOPLE and role != "auditor",
        "can_read_casework": role in access.SEE_EVERYONE,
    }
