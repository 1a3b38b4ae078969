"""Acknowledge the policy (8.1) and see who has (8.2)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from smpolicy.exceptions import WorkflowError
from smpolicy.web import access
from smpolicy.web.acknowledgements.coverage import coverage
from smpolicy.web.acknowledgements.services import acknowledge
from smpolicy.web.policies.models import PolicyVersion
from smpolicy.web.policies.services import scope_choices


@require_POST
@access.registered
def acknowledge_view(request: HttpRequest) -> HttpResponse:
    person = access.person_of(request.user)
    assert person is not None
    try:
        ack = acknowledge(person)
    except WorkflowError as error:
        messages.error(request, f"Cannot acknowledge: {error}.")
    else:
        messages.success(request, f"Thank you. You acknowledged {ack.version}.")
    return redirect("home")


@access.role_required(access.SEE_PEOPLE)
def coverage_view(request: HttpRequest) -> HttpResponse:
    version = PolicyVersion.current()
    report = None
    if version is not None:
        report = coverage(access.visible_people(request.user), version, dict(scope_choices()))
    return render(request, "acknowledgements/coverage.html", {"report": report})
