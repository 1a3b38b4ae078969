"""The start page: what the signed-in person needs to do next."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from smpolicy.web import access
from smpolicy.web.acknowledgements.services import has_acknowledged
from smpolicy.web.policies.models import PolicyVersion


@access.registered
def home(request: HttpRequest) -> HttpResponse:
    person = access.person_of(request.user)
    assert person is not None
    version = PolicyVersion.current()
    return render(request, "home.html", {
        "version": version,
        "acknowledged": has_acknowledged(person, version),
    })


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", {"reason": str(exception or "")}, status=403)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "500.html", status=500)
