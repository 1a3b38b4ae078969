"""People register pages: list, record, CSV import, service users, API token."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from smpolicy.exceptions import InputError, SmpolicyError
from smpolicy.registers import RowError, read_names
from smpolicy.web import access
from smpolicy.web.audit.models import record
from smpolicy.web.people.csv_import import OPTIONAL_COLUMNS, REQUIRED_COLUMNS, import_people
from smpolicy.web.people.forms import ImportForm, PeopleFilterForm, ServiceUsersForm
from smpolicy.web.people.models import ApiToken, Person, ServiceUser
from smpolicy.web.people.register import add_service_users, stale_count
from smpolicy.web.policies.services import scope_choices

PAGE_SIZE = 50


@access.role_required(access.SEE_PEOPLE)
def people_list(request: HttpRequest) -> HttpResponse:
    form = PeopleFilterForm(request.GET or None)
    people = access.visible_people(request.user).select_related("line_manager")
    if form.is_valid():
        if q := form.cleaned_data["q"]:
            people = people.filter(Q(name__icontains=q) | Q(email__icontains=q))
        if category := form.cleaned_data["category"]:
            people = people.filter(scope_category=category)
        if role := form.cleaned_data["role"]:
            people = people.filter(role=role)
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "people/list.html", {
        "form": form, "page": page, "query": query.urlencode(),
        "labels": dict(scope_choices()),
    })


@access.registered
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(Person.objects.select_related("line_manager"), pk=pk)
    if not access.can_view_person(request.user, person):
        # Same answer as a missing record: a refused page does not confirm who exists.
        return render(request, "404.html", status=404)
    return render(request, "people/detail.html", {
        "person": person, "labels": dict(scope_choices()),
        "reports": access.visible_people(request.user).filter(line_manager=person)
        if access.can_view_person(request.user, person) else [],
        "acknowledgements": person.acknowledgements.select_related("version")[:10],
    })


@access.role_required(access.MANAGE_REGISTER)
def import_view(request: HttpRequest) -> HttpResponse:
    report = None
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            report = import_people(form.cleaned_data["file"])
        except InputError as error:
            form.add_error("file", str(error))
        else:
            record(request.user, "people.import", form.cleaned_data["file"].name[:200],
                   created=report.created, updated=report.updated, refused=len(report.errors))
    return render(request, "people/import.html", {
        "form": form, "report": report,
        "required": REQUIRED_COLUMNS, "optional": OPTIONAL_COLUMNS,
        "categories": scope_choices(),
    })


@access.role_required(access.MANAGE_REGISTER)
def service_users(request: HttpRequest) -> HttpResponse:
    form = ServiceUsersForm(request.POST or None, request.FILES or None)
    errors: tuple[RowError, ...] = ()
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        bad: list[RowError] = []
        try:
            if upload:
                found, bad, _ = read_names(upload.read(), source=upload.name or "CSV")
                names = [(0, name) for name in found]  # read_names has checked each of them
            else:
                lines = enumerate(form.cleaned_data["names"].splitlines(), start=1)
                names = [(number, line.strip()) for number, line in lines if line.strip()]
            result = add_service_users(names)
        except SmpolicyError as error:
            form.add_error("file" if upload else "names", str(error))
        else:
            errors = (*bad, *result.errors)
            record(request.user, "service_users.add", "", added=result.added,
                   already=result.already, refused=len(errors))
            messages.success(request, f"{result.added} name(s) added to the service-user "
                             f"register ({result.already} already on it).")
            if not errors:
                return redirect("people:service_users")
    return render(request, "people/service_users.html", {
        "form": form, "count": ServiceUser.objects.count(), "stale": stale_count(),
        "errors": errors,
    })


@access.registered
def api_token(request: HttpRequest) -> HttpResponse:
    return render(request, "people/token.html", {
        "tokens": request.user.api_tokens.all(), "token": None,  # type: ignore[union-attr]
    })


@require_POST
@access.registered
def issue_token(request: HttpRequest) -> HttpResponse:
    token = ApiToken.issue(request.user, label="issued on the web")
    record(request.user, "api_token.issue", request.user.get_username())
    return render(request, "people/token.html", {
        "tokens": request.user.api_tokens.all(), "token": token,  # type: ignore[union-attr]
    })
