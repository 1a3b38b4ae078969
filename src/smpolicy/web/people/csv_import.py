"""CSV import of the people register: bad rows are reported with reasons, good rows are kept.

Rows are matched to existing people by email, so re-importing an HR export updates the register.
A row whose line manager is neither registered nor a good row of the same file is refused.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from typing import IO

from django import forms
from django.db import transaction

from smpolicy.exceptions import InputError
from smpolicy.web.people.models import WEEKDAYS, Person
from smpolicy.web.policies.services import scope_choices

REQUIRED_COLUMNS = ("name", "email", "scope_category")
OPTIONAL_COLUMNS = (
    "role", "job_title", "team", "line_manager_email", "working_days",
    "start_time", "end_time", "break_minutes", "active_from", "active_until",
)
MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class RowError:
    line: int
    email: str
    reasons: tuple[str, ...]


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)


def parse_working_days(value: str) -> str:
    """"Mon-Fri", "Mon,Wed,Thu" or digits "024" (Monday = 0) -> "024"."""
    value = value.strip()
    if not value:
        return "01234"
    if re.fullmatch(r"[0-6]{1,7}", value):
        return "".join(sorted(set(value)))
    names = [name.lower() for name in WEEKDAYS]
    days: set[int] = set()
    for part in re.split(r"[,\s;]+", value):
        if not part:
            continue
        ends = part.lower().split("-")
        try:
            index = [names.index(end[:3]) for end in ends]
        except ValueError:
            raise forms.ValidationError(
                f"working days {value!r}: use day names like Mon-Fri or Mon,Wed,Thu"
            ) from None
        if len(index) == 1:
            days.add(index[0])
        elif len(index) == 2 and index[0] <= index[1]:
            days.update(range(index[0], index[1] + 1))
        else:
            raise forms.ValidationError(f"working days {value!r}: a range runs forwards, Mon-Fri")
    return "".join(str(day) for day in sorted(days))


class PersonRowForm(forms.ModelForm):
    working_days = forms.CharField(required=False)

    class Meta:
        model = Person
        fields = ["name", "email", "scope_category", "role", "job_title", "team", "working_days",
                  "start_time", "end_time", "break_minutes", "active_from", "active_until"]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["scope_category"] = forms.ChoiceField(choices=scope_choices())
        for name in ("role", "start_time", "end_time", "break_minutes", "active_from"):
            self.fields[name].required = False

    def clean_working_days(self) -> str:
        return parse_working_days(self.cleaned_data.get("working_days") or "")

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        for name in ("role", "start_time", "end_time", "break_minutes", "active_from"):
            if data.get(name) in (None, ""):  # a blank cell keeps the current value
                data[name] = (getattr(self.instance, name) if self.instance.pk
                              else Person._meta.get_field(name).get_default())
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and start >= end:
            self.add_error("end_time", "end time must be after start time")
        until = data.get("active_until")
        if until and data.get("active_from") and until < data["active_from"]:
            self.add_error("active_until", "active until must not be before active from")
        return data


def read_rows(upload: IO[bytes]) -> list[dict[str, str]]:
    raw = upload.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise InputError(f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"the file is not UTF-8 text (byte {error.start})") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    headers = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in REQUIRED_COLUMNS if c not in headers]
    if missing:
        raise InputError(f"the first row must name the columns; missing: {', '.join(missing)}")
    reader.fieldnames = headers
    try:
        return [
            {k: (v or "").strip() for k, v in row.items() if isinstance(k, str)} for row in reader
        ]
    except csv.Error as error:
        raise InputError(f"not a readable CSV file: {error}") from None


def import_people(upload: IO[bytes]) -> ImportReport:
    """Validate every row, keep the good ones, and list the bad ones with their reasons."""
    rows = read_rows(upload)
    report = ImportReport()
    valid: dict[int, tuple[PersonRowForm, str]] = {}
    seen: dict[str, int] = {}
    for line, row in enumerate(rows, start=2):
        email = row.get("email", "").lower()
        row["email"] = email
        instance = Person.objects.filter(email__iexact=email).first() if email else None
        form = PersonRowForm(row, instance=instance)
        reasons = [] if form.is_valid() else [
            f"{name}: {msg}" if name != "__all__" else msg
            for name, msgs in form.errors.items() for msg in msgs
        ]
        if email and email in seen:
            reasons.append(f"email: {email} is already on line {seen[email]}")
        if reasons:
            report.errors.append(RowError(line, email, tuple(reasons)))
            continue
        seen[email] = line
        valid[line] = (form, row.get("line_manager_email", "").lower())

    registered = set(Person.objects.values_list("email", flat=True))
    changed = True
    while changed:  # drop rows whose manager is unknown, until every remaining one resolves
        changed = False
        known = registered | {form.cleaned_data["email"] for form, _ in valid.values()}
        for line, (form, manager) in list(valid.items()):
            reason = None
            if manager and manager == form.cleaned_data["email"]:
                reason = "line_manager_email: a person cannot be their own line manager"
            elif manager and manager not in known:
                reason = f"line_manager_email: {manager} is not on the register or in this file"
            if reason:
                report.errors.append(RowError(line, form.cleaned_data["email"], (reason,)))
                del valid[line]
                changed = True

    with transaction.atomic():
        saved: list[tuple[Person, str]] = []
        for form, manager in valid.values():
            is_new = form.instance.pk is None
            person = form.save()
            report.created += is_new
            report.updated += not is_new
            saved.append((person, manager))
        by_email = {p.email: p for p in Person.objects.filter(email__in={m for _, m in saved if m})}
        for person, manager in saved:
            person.line_manager = by_email.get(manager) if manager else None
            person.save(update_fields=["line_manager"])
    report.errors.sort(key=lambda error: error.line)
    return report
