"""The JSON API: the check contract, and 4xx with a message (never 500) for bad payloads."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from django.test import Client

from smpolicy.cli import cli

POST = "Councillor Smith is a liar and a fraud, everyone knows he fiddles his expenses"


def test_check_returns_the_same_object_as_the_cli(personas, bearer):
    response = Client().post("/api/check", {"text": POST}, content_type="application/json",
                             headers=bearer(personas.report))
    cli_output = CliRunner().invoke(cli, ["check", "--json", POST]).output
    assert response.status_code == 200
    assert response.json() == json.loads(cli_output)


def test_check_keeps_a_findings_target_as_the_cli_does(personas, bearer):
    text = "My manager is a useless idiot"
    response = Client().post("/api/check", {"text": text}, content_type="application/json",
                             headers=bearer(personas.report))
    cli_output = CliRunner().invoke(cli, ["check", "--json", text]).output
    assert any("target" in finding for finding in json.loads(cli_output)["findings"])
    assert response.json() == json.loads(cli_output)


def test_check_echoes_an_id_like_jsonl(personas, bearer):
    response = Client().post("/api/check", {"text": "hello", "id": "post-7"},
                             content_type="application/json", headers=bearer(personas.report))
    assert response.json()["id"] == "post-7"


BAD_BODIES = [
    (b"not json", "application/json"),
    (b"\xff\xfe\x00garbage", "application/json"),
    (b"[1, 2]", "application/json"),
    (b'{"text": 42}', "application/json"),
    (b'{"txt": "hello"}', "application/json"),
    (b'{"text": "   "}', "application/json"),
    (b'{"text": "\\ud800 lone surrogate"}', "application/json"),
    (b"", "application/json"),
]


@pytest.mark.parametrize(("body", "content_type"), BAD_BODIES)
def test_a_bad_check_payload_gets_a_4xx_with_a_message(personas, bearer, body, content_type):
    response = Client().post("/api/check", body, content_type=content_type,
                             headers=bearer(personas.report))
    assert 400 <= response.status_code < 500, response.content
    assert response.json()["detail"]


def test_a_post_over_the_engine_limit_is_refused_with_the_limit(personas, bearer, settings):
    from smpolicy.web.screening.engine import get_screener

    limit = get_screener().config.max_chars
    body = json.dumps({"text": "a" * (limit + 1)})
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = len(body) + 10
    response = Client().post("/api/check", body, content_type="application/json",
                             headers=bearer(personas.report))
    assert response.status_code == 400
    assert "limit" in response.json()["detail"]


def test_a_body_over_the_upload_limit_is_a_4xx(personas, bearer, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100
    response = Client().post("/api/check", json.dumps({"text": "a" * 500}),
                             content_type="application/json", headers=bearer(personas.report))
    assert 400 <= response.status_code < 500


@pytest.mark.parametrize("url", ["/api/people/0", "/api/people/99999999999999999999999",
                                 "/api/people/abc", "/api/people?limit=0",
                                 "/api/people?offset=99999999999999999999", "/api/people?limit=x"])
def test_bad_people_queries_get_a_4xx(personas, bearer, url):
    response = Client().get(url, headers=bearer(personas.clerk))
    assert 400 <= response.status_code < 500


def test_acknowledging_through_the_api_is_idempotent(personas, published, bearer):
    headers = bearer(personas.report)
    first = Client().post("/api/acknowledgements", headers=headers)
    second = Client().post("/api/acknowledgements", headers=headers)
    assert first.status_code == second.status_code == 201
    assert first.json()["id"] == second.json()["id"]
    mine = Client().get("/api/acknowledgements", headers=headers).json()
    assert [a["version"] for a in mine] == ["2017.1"]


def test_acknowledging_before_any_publication_is_a_conflict(personas, bearer):
    response = Client().post("/api/acknowledgements", headers=bearer(personas.report))
    assert response.status_code == 409
    assert "published" in response.json()["detail"]


def test_coverage_api_counts_the_managers_team(personas, published, bearer):
    Client().post("/api/acknowledgements", headers=bearer(personas.report))
    report = Client().get("/api/coverage", headers=bearer(personas.manager)).json()
    assert report["overall"] == {"key": "all", "label": "Everyone", "total": 1,
                                 "acknowledged": 1, "pending": 0}


def test_the_schema_is_served(db):
    schema = Client().get("/api/openapi.json").json()
    assert {"/api/check", "/api/people", "/api/coverage"} <= set(schema["paths"])


@pytest.mark.parametrize(
    ("method", "url", "body"),
    [
        ("get", "/api/people?q=smi%00th", None),
        ("get", "/api/people?q%00=x", None),
        ("post", "/api/check", {"text": "hello\x00there"}),
        ("post", "/api/check", {"text": "hello", "id": ["a\x00"]}),
    ],
)
def test_a_nul_character_anywhere_is_a_400_not_a_database_error(personas, bearer, method, url,
                                                                 body):
    """PostgreSQL cannot store or search NUL; schemathesis found /api/people?q=...%00 gave a 500."""
    client = Client()
    if method == "get":
        response = client.get(url, headers=bearer(personas.manager))
    else:
        response = client.post(url, json.dumps(body), content_type="application/json",
                               headers=bearer(personas.report))
    assert response.status_code == 400
    assert "NUL" in response.json()["detail"]


def test_a_page_query_with_a_nul_character_is_a_400(personas, login):
    response = login(personas.manager).get("/people/?q=a%00b")
    assert response.status_code == 400
