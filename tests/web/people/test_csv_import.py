"""CSV import of the register (2.1-2.2): good rows kept, bad rows listed with reasons."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from smpolicy.exceptions import InputError
from smpolicy.web.audit.models import AuditEvent
from smpolicy.web.people.csv_import import import_people, parse_working_days
from smpolicy.web.people.models import Person

HEADER = "name,email,scope_category,role,team,line_manager_email,working_days,start_time,end_time\n"


def run(text: str):
    return import_people(io.BytesIO(text.encode("utf-8")))


def test_good_rows_are_kept_and_bad_rows_are_listed_with_reasons(db):
    report = run(HEADER
                 + "Ann Lee,ann@example.org,employee,manager,Parks,,Mon-Fri,09:00,17:00\n"
                 + 'Bob Ray,bob@example.org,volunteer,,Parks,ann@example.org,"Tue,Thu",10:00,13:00\n'
                 + "Cy Dee,not-an-email,employee,,,,,,\n"
                 + "Di Fox,di@example.org,astronaut,,,,,,\n"
                 + "Ed Go,ed@example.org,student,,,nobody@example.org,,,\n"
                 + "Flo Ho,flo@example.org,apprentice,,,,Mon-Fri,17:00,09:00\n")
    assert (report.created, report.updated) == (2, 0)
    reasons = {error.line: " ".join(error.reasons) for error in report.errors}
    assert set(reasons) == {4, 5, 6, 7}
    assert "email" in reasons[4]
    assert "scope_category" in reasons[5]
    assert "nobody@example.org" in reasons[6]
    assert "end time" in reasons[7]
    bob = Person.objects.get(email="bob@example.org")
    assert bob.line_manager.email == "ann@example.org"
    assert (bob.working_days, bob.scope_category) == ("13", "volunteer")


def test_importing_again_updates_people_by_email(db):
    run(HEADER + "Ann Lee,ann@example.org,employee,manager,Parks,,,,\n")
    report = run(HEADER + "Ann Lee-Smith,ANN@example.org,employee,,Finance,,,,\n")
    ann = Person.objects.get()
    assert (report.created, report.updated) == (0, 1)
    assert (ann.name, ann.team, ann.role) == ("Ann Lee-Smith", "Finance", "manager")


def test_a_manager_row_refused_takes_its_reports_with_it(db):
    report = run(HEADER + "Ann Lee,ann@example.org,nonsense,,,,,,\n"
                 + "Bob Ray,bob@example.org,employee,,,ann@example.org,,,\n")
    assert [e.line for e in report.errors] == [2, 3]
    assert not Person.objects.exists()


def test_a_duplicate_email_in_the_file_is_refused(db):
    report = run(HEADER + "Ann Lee,ann@example.org,employee,,,,,,\n"
                 + "Ann Again,ann@example.org,employee,,,,,,\n")
    assert report.created == 1
    assert "line 2" in report.errors[0].reasons[0]


@pytest.mark.parametrize(("text", "message"), [
    ("email,name\nx@example.org,X\n", "missing: scope_category"),
    ("", "missing: name, email, scope_category"),
])
def test_a_file_without_the_columns_is_refused_whole(db, text, message):
    with pytest.raises(InputError, match=message):
        run(text)


def test_a_file_that_is_not_utf8_is_refused(db):
    with pytest.raises(InputError, match="UTF-8"):
        import_people(io.BytesIO(b"name,email,scope_category\n\xff\xfe,x,y\n"))


@pytest.mark.parametrize(("value", "expected"), [
    ("Mon-Fri", "01234"), ("mon, wed, FRI", "024"), ("Sat-Sun", "56"), ("135", "135"),
    ("", "01234"),
])
def test_working_days_are_read_as_written_by_people(value, expected):
    assert parse_working_days(value) == expected


def test_the_import_page_reports_rows_and_is_audited(personas, login):
    upload = SimpleUploadedFile("staff.csv", (HEADER + "Zed,zed@example.org,employee,,,,,,\n"
                                              "Bad,bad,employee,,,,,,\n").encode())
    page = login(personas.hr).post("/people/import/", {"file": upload})
    body = page.content.decode()
    assert "1 added, 0 updated, 1 row(s) not imported" in body
    assert "Enter a valid email address" in body
    assert AuditEvent.objects.filter(action="people.import").exists()


def test_the_import_page_explains_an_unreadable_file(personas, login):
    upload = SimpleUploadedFile("staff.csv", b"just,some,columns\n")
    body = login(personas.clerk).post("/people/import/", {"file": upload}).content.decode()
    assert "There is a problem" in body and "missing: name, email, scope_category" in body
