"""Policy versions: upload YAML, publish, and the clause-by-clause viewer."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.text import slugify

from smpolicy.policy import DEFAULT_POLICY_PATH
from smpolicy.web.policies.models import PolicyVersion


def yaml_with_version(version: str) -> bytes:
    text = DEFAULT_POLICY_PATH.read_text(encoding="utf-8")
    return text.replace("version: '2017.1'", f"version: '{version}'").encode()


def test_the_town_clerk_uploads_and_publishes_a_new_version(personas, published, login):
    client = login(personas.clerk)
    upload = SimpleUploadedFile("policy.yaml", yaml_with_version("2025.1"))
    assert client.post("/policy/upload/", {"file": upload}).status_code == 302
    new = PolicyVersion.objects.get(version="2025.1")
    assert new.published_at is None and PolicyVersion.current() == published
    client.post(f"/policy/versions/{new.pk}/publish/")
    assert PolicyVersion.current() == new


def test_publishing_a_version_asks_everyone_to_acknowledge_again(personas, published, login):
    client = login(personas.report)
    client.post("/acknowledge/")
    assert "You have acknowledged" in client.get("/").content.decode()
    new = PolicyVersion.objects.create(policy_id=published.policy_id, version="2025.1",
                                       title="t", document=yaml_with_version("2025.1").decode())
    new.publish()
    assert "Please read and acknowledge" in client.get("/").content.decode()


def test_an_invalid_policy_file_is_refused_naming_the_bad_field(personas, login):
    bad = DEFAULT_POLICY_PATH.read_text(encoding="utf-8").replace("title:", "titel:", 1)
    page = login(personas.clerk).post(
        "/policy/upload/", {"file": SimpleUploadedFile("p.yaml", bad.encode())})
    body = page.content.decode()
    assert page.status_code == 200 and "There is a problem" in body and "title" in body
    assert not PolicyVersion.objects.exists()


def test_a_file_that_is_not_yaml_is_refused(personas, login):
    page = login(personas.clerk).post(
        "/policy/upload/", {"file": SimpleUploadedFile("p.yaml", b"a: [unclosed")})
    assert "not valid YAML" in page.content.decode()


def test_the_same_version_cannot_be_uploaded_twice(personas, published, login):
    page = login(personas.clerk).post(
        "/policy/upload/", {"file": SimpleUploadedFile("p.yaml", yaml_with_version("2017.1"))})
    assert "already uploaded" in page.content.decode()


def test_the_viewer_shows_every_clause_with_its_id(personas, published, login):
    body = login(personas.report).get("/policy/").content.decode()
    for clause in published.policy.clauses:
        assert f'id="clause-{slugify(clause.id)}"' in body
