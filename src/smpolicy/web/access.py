"""Who may see and do what: the one place the permission matrix lives (least privilege).

| capability                        | employee | comms | manager     | Town Clerk | HR  | auditor |
| --------------------------------- | -------- | ----- | ----------- | ---------- | --- | ------- |
| own record, screen, acknowledge   | yes      | yes   | yes         | yes        | yes | yes     |
| people register, coverage         | -        | -     | own reports | all        | all | all     |
| import people, service-user names | -        | -     | -           | yes        | yes | -       |
| upload and publish policy version | -        | -     | -           | yes        | -   | -       |

Pages and API operations both call these functions; ``tests/web/test_permissions.py`` checks
the matrix through both.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from smpolicy.web.people.models import Person, PersonQuerySet, Role

SEE_EVERYONE = frozenset({Role.TOWN_CLERK, Role.HR, Role.AUDITOR})
SEE_PEOPLE = SEE_EVERYONE | {Role.MANAGER}
MANAGE_REGISTER = frozenset({Role.TOWN_CLERK, Role.HR})
OWN_POLICY = frozenset({Role.TOWN_CLERK})


def person_of(user: Any) -> Person | None:
    """The register entry of a signed-in user; None for anonymous or unregistered accounts."""
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.person
    except Person.DoesNotExist:
        return None


def role_of(user: Any) -> str | None:
    person = person_of(user)
    return person.role if person else None


def has_role(user: Any, roles: frozenset[str]) -> bool:
    return role_of(user) in roles


def visible_people(user: Any) -> PersonQuerySet:
    """The people this user may list: everyone, their direct reports, or nobody."""
    person = person_of(user)
    if person is None:
        return Person.objects.none()
    if person.role in SEE_EVERYONE:
        return Person.objects.all()
    if person.role == Role.MANAGER:
        return Person.objects.filter(line_manager=person)
    return Person.objects.none()


def can_view_person(user: Any, other: Person) -> bool:
    me = person_of(user)
    if me is None:
        return False
    return me.pk == other.pk or visible_people(user).filter(pk=other.pk).exists()


ViewFunc = Callable[..., HttpResponse]


def registered(view: ViewFunc) -> ViewFunc:
    """Signed in and on the people register (an account alone grants nothing)."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if person_of(request.user) is None:
            raise PermissionDenied("Your account is not on the people register.")
        return view(request, *args, **kwargs)

    return wrapper


def role_required(roles: frozenset[str]) -> Callable[[ViewFunc], ViewFunc]:
    def decorator(view: ViewFunc) -> ViewFunc:
        @registered
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not has_role(request.user, roles):
                raise PermissionDenied("Your role does not allow this page.")
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
