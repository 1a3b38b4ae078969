"""Case pages: handlers see everything; the accused sees letters and disclosed evidence."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from smpolicy.exceptions import InvalidTransition, WorkflowError
from smpolicy.web import access
from smpolicy.web.cases import forms
from smpolicy.web.cases.consistency import comparables, reidentify, usual_outcome
from smpolicy.web.cases.models import Case, Letter, Outcome, Stage
from smpolicy.web.cases.services import apply_step, validate
from smpolicy.web.casework import HANDLERS, audit_read
from smpolicy.web.concerns.models import Concern
from smpolicy.web.people.models import Person


def _me(request: HttpRequest) -> Person:
    person = access.person_of(request.user)
    assert person is not None
    return person


def _case(request: HttpRequest, pk: int) -> Case:
    return get_object_or_404(Case.objects.visible_to(_me(request)).select_related("subject"),
                             pk=pk)


@access.registered
def case_list(request: HttpRequest) -> HttpResponse:
    cases = Case.objects.visible_to(_me(request)).select_related("subject")
    return render(request, "cases/list.html", {"cases": cases[:200]})


@access.registered
def case_new(request: HttpRequest) -> HttpResponse:
    me = _me(request)
    concern = None
    if concern_id := request.GET.get("concern") or request.POST.get("concern"):
        concern = get_object_or_404(Concern.objects.visible_to(me), pk=int(concern_id)
                                    if str(concern_id).isdigit() else 0)
    form = forms.OpenCaseForm(request.POST or None, initial={
        "subject": concern.subject_id if concern else None,
        "clause": (concern.screening.get("findings") or [{}])[0].get("clause", "")
        if concern else "",
    })
    subjects = Person.objects.active().exclude(pk=me.pk)
    if me.role not in HANDLERS:
        subjects = subjects.filter(line_manager=me)
    form.fields["subject"].queryset = subjects  # type: ignore[attr-defined]
    if not (me.role in HANDLERS or subjects.exists()):
        raise Http404
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = Case.open_case(me, subject=data["subject"], clause=data["clause"],
                                  severity=data["severity"], allegation=data["allegation"],
                                  concern=concern)
        except WorkflowError as error:
            form.add_error(None, str(error))
        else:
            return redirect("cases:detail", case.pk)
    return render(request, "cases/new.html", {"form": form, "concern": concern})


@access.registered
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case, me = _case(request, pk), _me(request)
    audit_read(request, case.ref)
    handler = case.can_handle(me) and not case.is_accused(me)
    reader = handler or (me.role in access.SEE_EVERYONE and not case.is_accused(me))
    context = {"case": case, "handler": handler, "reader": reader,
               "accused": case.is_accused(me), "letters": case.letters.all(),
               "evidence": case.evidence.all() if reader else case.evidence.filter(disclosed=True)}
    if reader:
        context["notes"] = case.notes.select_related("author")
    if handler and case.stage == Stage.MEETING:
        found = comparables(case)
        usual = usual_outcome(found)
        context.update(comparables=found, usual=Outcome(usual).label if usual else "")
    if handler:
        context["step_forms"] = {
            "note": forms.NoteForm(), "evidence": forms.EvidenceForm(),
            "proceed": forms.ProceedForm(), "meeting": forms.MeetingForm(),
            "outcome": forms.OutcomeForm(), "appeal_outcome": forms.AppealOutcomeForm(),
            "exclude": forms.ExcludeForm(),
        }
    if case.is_accused(me) and case.stage == Stage.OUTCOME:
        context["appeal_form"] = forms.AppealForm()
    return render(request, "cases/detail.html", context)


@require_POST
@access.registered
def case_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    case, me = _case(request, pk), _me(request)
    try:
        if step == "evidence":
            upload = request.FILES.get("file")
            if upload is None:
                raise InvalidTransition("choose a file")
            case.add_evidence(me, description=request.POST.get("description", "")[:300] or
                              upload.name, content=upload.read(), filename=upload.name)
        else:
            apply_step(case, me, step, validate(step, request.POST))
    except WorkflowError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Saved.")
    return redirect("cases:detail", case.pk)


@access.registered
def letter(request: HttpRequest, pk: int, letter_pk: int) -> HttpResponse:
    case = _case(request, pk)
    found = get_object_or_404(Letter, pk=letter_pk, case=case)
    audit_read(request, case.ref, letter=found.pk)
    return HttpResponse(found.html)


@access.registered
def evidence_file(request: HttpRequest, pk: int, evidence_pk: int) -> HttpResponse:
    case, me = _case(request, pk), _me(request)
    items = case.evidence.all() if not case.is_accused(me) else case.evidence.filter(disclosed=True)
    item = get_object_or_404(items, pk=evidence_pk)
    audit_read(request, case.ref, evidence=item.pk)
    response = HttpResponse(bytes(item.content), content_type="application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="evidence-{item.pk}"'
    response["X-Content-SHA256"] = item.sha256
    return response


@access.role_required(HANDLERS)
def reidentify_view(request: HttpRequest) -> HttpResponse:
    form = forms.ReidentifyForm(request.POST or None)
    found = None
    if request.method == "POST" and form.is_valid():
        found = reidentify(_me(request), form.cleaned_data["pseudonym"],
                           form.cleaned_data["reason"])
        if found is None:
            form.add_error("pseudonym", "No decided case has that pseudonym.")
    return render(request, "cases/reidentify.html", {"form": form, "found": found})

