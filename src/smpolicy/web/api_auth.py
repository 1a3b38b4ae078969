"""API authentication (bearer token or the site's session with CSRF) and the registered check."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.errors import HttpError
from ninja.security import HttpBearer, django_auth

from smpolicy.web import access
from smpolicy.web.people.models import ApiToken, Person


class TokenAuth(HttpBearer):
    """``Authorization: Bearer smp_...``; only the token's SHA-256 is stored."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found = (
            ApiToken.objects.select_related("user")
            .filter(key_hash=ApiToken.digest(token), user__is_active=True)
            .first()
        )
        if found is None:
            return None
        request.user = found.user
        return found.user


AUTH = [TokenAuth(), django_auth]


def registered_person(request: HttpRequest) -> Person:
    person = access.person_of(request.user)
    if person is None:
        raise HttpError(403, "your account is not on the people register")
    return person


def require_role(request: HttpRequest, roles: frozenset[str]) -> Person:
    person = registered_person(request)
    if person.role not in roles:
        raise HttpError(403, "your role does not allow this")
    return person
