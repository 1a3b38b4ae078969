"""Concern pages: raise one (staff or public), acknowledge it promptly, close it or open a case."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from smpolicy.exceptions import InputError, WorkflowError
from smpolicy.registers import name_tokens
from smpolicy.web import access
from smpolicy.web.casework import audit_read
from smpolicy.web.concerns.forms import CloseForm, ConcernForm, PublicConcernForm
from smpolicy.web.concerns.models import Concern, ConcernSource
from smpolicy.web.people.models import Person
from smpolicy.web.throttle import over_limit, too_many


def _me(request: HttpRequest) -> Person:
    person = access.person_of(request.user)
    assert person is not None
    return person


@access.registered
def concern_list(request: HttpRequest) -> HttpResponse:
    me = _me(request)
    return render(request, "concerns/list.html", {
        "concerns": Concern.objects.visible_to(me).select_related("subject", "manager")[:200],
        "mine": Concern.objects.filter(raised_by=me)[:50],
    })


@access.registered
def concern_new(request: HttpRequest) -> HttpResponse:
    form = ConcernForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            Concern.raise_concern(post_text=data["post_text"], link=data["link"],
                                  details=data["details"], subject=data["subject"],
                                  source=ConcernSource.STAFF, raised_by=_me(request))
        except InputError as error:
            form.add_error("post_text", str(error))
        else:
            messages.success(request, "Thank you. The concern has gone to the member of staff's "
                             "manager, who must acknowledge it promptly.")
            return redirect("concerns:list")
    return render(request, "concerns/new.html", {"form": form, "public": False})


def concern_public(request: HttpRequest) -> HttpResponse:
    """For members of the public: no sign-in; the name is matched to the register if unique."""
    if request.method == "POST" and over_limit(request, "public-concern", settings.PUBLIC_CONCERN_RATE):
        return too_many(request, "concerns")
    form = PublicConcernForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        wanted = _first_and_last(data["subject_name"])
        matches = [p for p in Person.objects.active().only("id", "name", "line_manager_id")
                   if wanted is not None and _first_and_last(p.name) == wanted]
        try:
            Concern.raise_concern(
                post_text=data["post_text"], link=data["link"], source=ConcernSource.PUBLIC,
                subject=matches[0] if len(matches) == 1 else None,
                subject_name=data["subject_name"], raiser_name=data["raiser_name"],
                raiser_contact=data["raiser_contact"])
        except InputError as error:
            form.add_error("post_text", str(error))
        else:
            return render(request, "concerns/thanks.html")
    return render(request, "concerns/new.html", {"form": form, "public": True})


def _first_and_last(name: str) -> tuple[str, ...] | None:
    """Names compared as the registers fold them: "Mrs JÓNES, Jean" is Jean Jones; middle
    names are ignored; a one-word name must match a one-word name."""
    tokens = name_tokens(name)
    return None if not tokens else (tokens[0], tokens[-1]) if len(tokens) > 1 else tokens


@access.registered
def concern_detail(request: HttpRequest, pk: int) -> HttpResponse:
    me = _me(request)
    concern = get_object_or_404(Concern.objects.visible_to(me), pk=pk)
    audit_read(request, concern.ref)
    return render(request, "concerns/detail.html", {
        "concern": concern, "can_handle": concern.can_handle(me), "close_form": CloseForm(),
        "findings": concern.screening.get("findings", []),
    })


@require_POST
@access.registered
def concern_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    me = _me(request)
    concern = get_object_or_404(Concern.objects.visible_to(me), pk=pk)
    try:
        if action == "acknowledge":
            concern.acknowledge(me)
        elif action == "close":
            concern.close_without_case(me, request.POST.get("reason", ""))
        else:
            return render(request, "404.html", status=404)
    except WorkflowError as error:
        messages.error(request, str(error))
    return redirect("concerns:detail", concern.pk)
