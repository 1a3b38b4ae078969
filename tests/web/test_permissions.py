"""The permission matrix (access.py), proved through the pages and the API alike."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

ROLES = ("employee", "manager", "town_clerk", "hr", "communications", "auditor")
PEOPLE_ROLES = {"manager", "town_clerk", "hr", "auditor"}
REGISTER_ROLES = {"town_clerk", "hr"}
POLICY_OWNER = {"town_clerk"}

PAGES = [
    ("/", set(ROLES)),
    ("/policy/", set(ROLES)),
    ("/policy/versions/", set(ROLES)),
    ("/screen/", set(ROLES)),
    ("/screen/saved/", set(ROLES)),
    ("/people/token/", set(ROLES)),
    ("/people/", PEOPLE_ROLES),
    ("/coverage/", PEOPLE_ROLES),
    ("/people/import/", REGISTER_ROLES),
    ("/people/service-users/", REGISTER_ROLES),
    ("/policy/upload/", POLICY_OWNER),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("url", "allowed"), PAGES)
def test_each_role_opens_only_the_pages_it_should(personas, published, login, role, url, allowed):
    response = login(personas.by_role()[role]).get(url)
    assert response.status_code == (200 if role in allowed else 403), url


API = [
    ("get", "/api/people", PEOPLE_ROLES),
    ("get", "/api/coverage", PEOPLE_ROLES),
    ("get", "/api/me", set(ROLES)),
    ("get", "/api/policy", set(ROLES)),
    ("get", "/api/acknowledgements", set(ROLES)),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "url", "allowed"), API)
def test_each_role_calls_only_the_api_it_should(personas, published, bearer, role, method,
                                                url, allowed):
    response = getattr(Client(), method)(url, headers=bearer(personas.by_role()[role]))
    assert response.status_code == (200 if role in allowed else 403), url
    if role not in allowed:
        assert response.json()["detail"]


@pytest.mark.parametrize("role", ROLES)
def test_every_role_may_screen_a_post(personas, bearer, role):
    response = Client().post("/api/check", {"text": "Lovely day at the market"},
                             content_type="application/json",
                             headers=bearer(personas.by_role()[role]))
    assert response.status_code == 200


VIEWERS_OF_REPORT = {"manager", "town_clerk", "hr", "auditor", "employee"}  # employee = self


@pytest.mark.parametrize("role", ROLES)
def test_a_record_is_seen_by_self_line_manager_and_register_roles(personas, login, bearer, role):
    person = personas.by_role()[role]
    page = login(person).get(f"/people/{personas.report.pk}/")
    api = Client().get(f"/api/people/{personas.report.pk}", headers=bearer(person))
    expected = 200 if role in VIEWERS_OF_REPORT else 404
    assert (page.status_code, api.status_code) == (expected, expected)


def test_a_manager_sees_own_reports_only(personas, login, bearer):
    page = login(personas.manager).get("/people/")
    assert personas.report.name in page.content.decode()
    assert personas.outsider.name not in page.content.decode()
    api = Client().get("/api/people", headers=bearer(personas.manager)).json()
    assert [p["id"] for p in api["items"]] == [personas.report.pk]
    outsider = Client().get(f"/api/people/{personas.outsider.pk}", headers=bearer(personas.manager))
    assert outsider.status_code == 404


def test_the_town_clerk_sees_everyone(personas, bearer):
    api = Client().get("/api/people?limit=500", headers=bearer(personas.clerk)).json()
    assert api["count"] == 8


@pytest.mark.parametrize("role", sorted(set(ROLES) - POLICY_OWNER))
def test_only_the_town_clerk_publishes_a_policy(personas, published, login, role):
    published.published_at = None
    published.save()
    response = login(personas.by_role()[role]).post(f"/policy/versions/{published.pk}/publish/")
    assert response.status_code == 403
    published.refresh_from_db()
    assert published.published_at is None


def test_signed_out_visitors_are_sent_to_sign_in_and_refused_by_the_api(db):
    assert Client().get("/people/").status_code == 302
    assert Client().get("/api/people").status_code == 401
    assert Client().post("/api/check", {"text": "hi"}, content_type="application/json"
                         ).status_code == 401


def test_an_account_off_the_register_is_refused(db):
    user = User.objects.create_user("stranger", password="x-long-password-1")
    client = Client()
    client.force_login(user)
    assert client.get("/").status_code == 403
    assert client.get("/api/me").status_code == 403


def test_a_wrong_token_is_refused(db):
    assert Client().get("/api/me", headers={"Authorization": "Bearer smp_nope"}).status_code == 401


def test_session_api_writes_need_the_csrf_token(personas, published):
    client = Client(enforce_csrf_checks=True)
    client.force_login(personas.report.user)
    assert client.post("/api/acknowledgements").status_code == 403
    client.get("/")  # sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    response = client.post("/api/acknowledgements", headers={"X-CSRFToken": token})
    assert response.status_code == 201
