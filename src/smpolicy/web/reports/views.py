"""Abuse report pages: the employee reports, the manager they chose supports and tracks."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from smpolicy.exceptions import WorkflowError
from smpolicy.web import access
from smpolicy.web.casework import audit_read
from smpolicy.web.people.models import Person
from smpolicy.web.reports.forms import ReportForm, SupportForm, TakedownForm
from smpolicy.web.reports.models import AbuseItem, AbuseReport


def _me(request: HttpRequest) -> Person:
    person = access.person_of(request.user)
    assert person is not None  # guaranteed by @access.registered
    return person


def _report(request: HttpRequest, pk: int) -> AbuseReport:
    # A report you may not see answers 404, so a refusal does not confirm it exists.
    return get_object_or_404(AbuseReport.objects.visible_to(_me(request)), pk=pk)


@access.registered
def report_list(request: HttpRequest) -> HttpResponse:
    reports = AbuseReport.objects.visible_to(_me(request)).select_related("reporter", "recipient")
    return render(request, "reports/list.html", {"reports": reports[:200]})


@access.registered
def report_new(request: HttpRequest) -> HttpResponse:
    me = _me(request)
    form = ReportForm(request.POST or None, request.FILES or None, reporter=me)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report = AbuseReport.submit(
                me, data["recipient"], where=data["where"], abuser=data["abuser"],
                description=data["description"], effect_on_work=data["effect_on_work"])
            upload = data["screenshot"]
            if data["link"] or upload:
                report.add_item(me, link=data["link"], screenshot=upload.read() if upload else None,
                                screenshot_name=upload.name if upload else "")
        except WorkflowError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Your report has been sent to {report.recipient.name}.")
            return redirect("reports:detail", report.pk)
    return render(request, "reports/new.html", {"form": form})


@access.registered
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    audit_read(request, report.ref)
    return render(request, "reports/detail.html", {
        "report": report, "items": report.items.all(), "support": report.support_actions.all(),
        "support_form": SupportForm(), "is_recipient": report.recipient_id == _me(request).pk,
        "takedown_forms": [(item, TakedownForm(instance=item, prefix=f"i{item.pk}"))
                           for item in report.items.all()],
    })


@require_POST
@access.registered
def report_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    report, me = _report(request, pk), _me(request)
    try:
        if action == "support":
            form = SupportForm(request.POST)
            if not form.is_valid():
                raise WorkflowError("describe the support given")
            report.add_support(me, form.cleaned_data["action"])
        elif action == "close":
            report.close(me)
        elif action == "item":
            upload = request.FILES.get("screenshot")
            report.add_item(me, link=request.POST.get("link", "")[:2000],
                            description=request.POST.get("description", "")[:5000],
                            screenshot=upload.read() if upload else None,
                            screenshot_name=upload.name if upload else "")
        else:
            raise Http404
    except WorkflowError as error:
        messages.error(request, str(error))
    return redirect("reports:detail", report.pk)


@require_POST
@access.registered
def takedown(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    report = _report(request, pk)
    item = get_object_or_404(AbuseItem, pk=item_pk, report=report)
    form = TakedownForm(request.POST, instance=AbuseItem.objects.get(pk=item.pk),
                        prefix=f"i{item.pk}")
    if form.is_valid():
        try:
            item.update_takedown(_me(request), **form.cleaned_data)
            messages.success(request, "Takedown progress saved.")
        except WorkflowError as error:
            messages.error(request, str(error))
    else:
        messages.error(request, "Check the takedown details: " + "; ".join(
            f"{k}: {' '.join(v)}" for k, v in form.errors.items()))
    return redirect("reports:detail", report.pk)
