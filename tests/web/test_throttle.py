"""Burst limits on the two forms anyone can post to: sign-in and the public concern form."""

from __future__ import annotations

from django.test import Client

from smpolicy.web.concerns.models import Concern

from .conftest import PASSWORD


def _concern(client: Client, text: str):
    return client.post("/concerns/public/", {"subject_name": "Nobody Known", "post_text": text})


def test_a_flood_of_public_concerns_is_refused_after_the_limit_and_the_rest_are_kept(
        personas, settings):
    settings.PUBLIC_CONCERN_RATE = "3/h"
    client = Client()
    statuses = [_concern(client, f"Post number {n}").status_code for n in range(5)]
    assert statuses == [200, 200, 200, 429, 429]
    assert sorted(Concern.objects.values_list("post_text", flat=True)) == [
        "Post number 0", "Post number 1", "Post number 2"]


def test_the_refusal_says_why_in_plain_english(personas, settings):
    settings.PUBLIC_CONCERN_RATE = "1/h"
    client = Client()
    _concern(client, "First post")
    page = _concern(client, "Second post").content.decode()
    assert "Too many concerns from your connection" in page and "Town Clerk" in page


def test_other_addresses_are_not_held_back_by_one_address(personas, settings):
    settings.PUBLIC_CONCERN_RATE = "1/h"
    assert _concern(Client(REMOTE_ADDR="10.0.0.1"), "From one").status_code == 200
    assert _concern(Client(REMOTE_ADDR="10.0.0.1"), "Again").status_code == 429
    assert _concern(Client(REMOTE_ADDR="10.0.0.2"), "From another").status_code == 200


def test_reading_the_public_form_is_never_limited(personas, settings):
    settings.PUBLIC_CONCERN_RATE = "1/h"
    client = Client()
    _concern(client, "First post")
    assert client.get("/concerns/public/").status_code == 200


def test_password_guessing_is_refused_after_the_limit_even_with_the_right_password(
        personas, settings):
    settings.LOGIN_RATE = "3/15m"
    client = Client()
    wrong = [client.post("/login/", {"username": "report", "password": "guess"}).status_code
             for _ in range(3)]
    right = client.post("/login/", {"username": "report", "password": PASSWORD})
    assert wrong == [200, 200, 200] and right.status_code == 429
    assert "_auth_user_id" not in client.session


def test_signing_in_within_the_limit_works(personas, settings):
    settings.LOGIN_RATE = "3/15m"
    response = Client().post("/login/", {"username": "report", "password": PASSWORD})
    assert response.status_code == 302
