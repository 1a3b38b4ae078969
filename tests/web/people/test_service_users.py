"""The service-user register (6.4(b)) is made with ``smpolicy.registers``: one way to hash names.

Only the registers' keyed hashes are stored, one row per person; screening on the site uses the
engine's ``register_match`` detector with that register, so it finds the people the CLI finds.
"""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from django.core.exceptions import ImproperlyConfigured
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from smpolicy.cli import cli
from smpolicy.registers import ENV_VAR, SCHEME_VERSION, RegisterKey, person_hashes
from smpolicy.web.concerns.models import Concern
from smpolicy.web.people.models import ServiceUser
from smpolicy.web.people.register import entry_id
from smpolicy.web.screening.engine import screen

HEX32 = re.compile(r"^[0-9a-f]{32}$")
POST = "Saw Jean Jones at the pool again, she looked awful"


def register(client: Client, names: str) -> str:
    return client.post("/people/service-users/", {"names": names}, follow=True).content.decode()


def service_user_findings(result: dict) -> list[dict]:
    return [f for f in result["findings"] if f["detector"] == "register_match"]


def test_service_users_are_stored_only_as_register_hashes(personas, login):
    register(login(personas.clerk), "Mrs Jean Jones\nBrian Cole\n")
    rows = list(ServiceUser.objects.all())
    assert len(rows) == 2
    stored = json.dumps([[r.entry, r.hashes] for r in rows]).lower()
    assert "jean" not in stored and "jones" not in stored and "brian" not in stored
    assert all(HEX32.match(h) for row in rows for h in row.hashes)
    assert {row.scheme for row in rows} == {SCHEME_VERSION}


def test_the_same_person_written_two_ways_is_one_entry(personas, login):
    client = login(personas.hr)
    register(client, "Mrs Jean Jones")
    page = register(client, "JONES, jean")
    assert ServiceUser.objects.count() == 1
    assert "0 name(s) added to the service-user register (1 already on it)" in page


def test_a_post_naming_a_service_user_gets_6_4_b_on_the_site_exactly_as_in_the_cli(
    personas, login, bearer, settings, tmp_path, monkeypatch
):
    register(login(personas.clerk), "Jean Jones")
    response = Client().post("/api/check", {"text": POST}, content_type="application/json",
                             headers=bearer(personas.report))
    site = response.json()
    assert [f["clause"] for f in service_user_findings(site)] == ["6.4(b)"]

    (tmp_path / "service-users.csv").write_text("name\nJean Jones\n", encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, settings.REGISTER_SALT)
    cli_output = CliRunner().invoke(cli, [
        "check", "--json", "--service-users", str(tmp_path / "service-users.csv"), POST]).output
    assert site == json.loads(cli_output)


@pytest.mark.parametrize(("written", "score"), [
    ("Saw Bill Smith at the food bank", 0.85),  # a nickname of William
    ("Saw Wiliam Smith at the food bank", 0.65),  # one letter missing
])
def test_nicknames_and_typos_of_a_service_user_are_found_on_the_site(
    personas, login, written, score
):
    register(login(personas.clerk), "William Smith")
    findings = service_user_findings(screen(written))
    assert [(f["clause"], f["score"], f["evidence"]) for f in findings] == [
        ("6.4(b)", score, written.removeprefix("Saw ").split(" at ")[0])]


def test_a_new_service_user_is_found_without_restarting_the_site(personas, login):
    assert service_user_findings(screen(POST)) == []
    register(login(personas.clerk), "Jean Jones")
    assert service_user_findings(screen(POST))


def test_a_concern_about_a_post_naming_a_service_user_carries_the_finding(personas, login):
    register(login(personas.clerk), "Jean Jones")
    Client().post("/concerns/public/", {
        "subject_name": "Report", "post_text": POST,
        "raiser_name": "A Resident", "raiser_contact": "a@example.com"})
    concern = Concern.objects.get()
    assert [f["clause"] for f in service_user_findings(concern.screening)] == ["6.4(b)"]


def test_a_name_without_a_surname_is_refused_by_line_number_and_the_rest_kept(personas, login):
    page = register(login(personas.clerk), "Jean Jones\nMadonna\nBrian Cole")
    assert ServiceUser.objects.count() == 2
    assert "<li>line 2: needs a first and a last name</li>" in page


def test_a_csv_of_service_users_is_hashed_row_by_row(personas, login):
    csv = "\ufeffname,notes\r\nJean Jones,x\r\nBrian Cole,y\r\nCher,z\r\n".encode()
    page = login(personas.hr).post("/people/service-users/", {
        "file": SimpleUploadedFile("users.csv", csv, content_type="text/csv")}).content.decode()
    assert ServiceUser.objects.count() == 2
    assert "<li>line 4: needs a first and a last name</li>" in page and "Cher" not in page


def test_a_csv_without_a_name_column_is_refused_with_a_message(personas, login):
    page = login(personas.hr).post("/people/service-users/", {
        "file": SimpleUploadedFile("users.csv", b"first,last\nJean,Jones\n")}).content.decode()
    assert "needs a &#x27;name&#x27; column" in page
    assert not ServiceUser.objects.exists()


def test_entries_hashed_with_another_key_match_nobody_and_are_flagged(personas, login):
    other = RegisterKey(b"a-key-from-another-install")
    hashes = person_hashes("Jean Jones", other)
    ServiceUser.objects.create(entry=entry_id(hashes), hashes=sorted(hashes),
                               scheme=SCHEME_VERSION, key_check=other.check)
    assert service_user_findings(screen(POST)) == []
    page = login(personas.clerk).get("/people/service-users/").content.decode()
    assert "1 entry was hashed with another register key" in page


def test_the_demo_council_has_its_service_users_hashed_like_any_register(db):
    from smpolicy.web.people.demo import load_demo

    load_demo("a-demo-password-17", people=12)
    assert ServiceUser.objects.count() == 2
    assert service_user_findings(screen("Mrs Jones was in again today"))


def test_the_old_register_key_variable_is_refused_with_a_pointer(monkeypatch):
    from smpolicy.web.secrets import register_salt

    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setenv("SMPOLICY_REGISTER_KEY", "an-old-web-register-key")
    with pytest.raises(ImproperlyConfigured, match=ENV_VAR):
        register_salt()
    monkeypatch.setenv(ENV_VAR, "the-one-register-key-for-all")
    assert register_salt() == "the-one-register-key-for-all"
