"""Images with a post, on the screening page and POST /api/check/upload.

Images are screened in memory and never kept; a bad image gets its own error while the words
are still screened; too big or too many is refused with a 413 that says which limit.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.test import Client

from smpolicy.cli import cli
from smpolicy.web.screening.models import SavedCheck

pytest.importorskip("PIL")
from tests.web.screening.pictures import HATEFUL, meme

INSULT = "My manager is a useless idiot"


def png(data: bytes, name: str = "meme.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="image/png")


CORRUPT = b"\x89PNG\r\n\x1a\n" + b"this is not really a picture" * 20


@pytest.mark.slow
def test_a_hateful_meme_on_the_page_is_discrimination_with_the_words_read_from_it(
    personas, login
):
    page = login(personas.report).post(
        "/screen/", {"text": "Friday mood", "images": [png(meme(HATEFUL))]})
    body = page.content.decode()
    assert page.status_code == 200
    assert "Likely to break the policy" in body
    assert "Clause 6.4(c)" in body and "in image 1 (meme.png), the area from (" in body
    assert "VERMIN" in body and "words read from it" in body


@pytest.mark.slow
def test_the_upload_api_gives_image_findings_as_the_cli_does(personas, bearer, tmp_path):
    data = meme(HATEFUL)
    response = Client().post(
        "/api/check/upload", {"text": "Friday mood", "id": "p1", "images": [png(data)]},
        headers=bearer(personas.report))
    assert response.status_code == 200, response.content
    result = response.json()
    finding = next(f for f in result["findings"] if f["clause"] == "6.4(c)")
    assert result["verdict"] == "breach" and result["id"] == "p1"
    assert finding["span"] is None and finding["image"] == 0 and len(finding["box"]) == 4
    assert "vermin" in finding["evidence"].lower()
    assert result["images"][0]["name"] == "meme.png"

    (tmp_path / "meme.png").write_bytes(data)
    cli_output = CliRunner().invoke(
        cli, ["check", "--json", "--image", str(tmp_path / "meme.png"), "Friday mood"]).output
    expected = json.loads(cli_output)
    expected["id"] = "p1"
    expected["images"][0]["name"] = "meme.png"
    assert result == expected


def test_a_corrupt_image_gets_its_own_error_and_the_words_are_still_screened(personas, login):
    page = login(personas.report).post(
        "/screen/", {"text": INSULT, "images": [png(CORRUPT, "broken.png")]})
    body = page.content.decode()
    assert page.status_code == 200
    assert "Image 1 (broken.png): <strong" in body and "Not checked" in body
    assert 'class="app-mark"' in body  # the insult in the words is still marked


def test_the_upload_api_reports_a_corrupt_image_and_screens_the_rest(personas, bearer):
    response = Client().post(
        "/api/check/upload", {"text": INSULT, "images": [png(CORRUPT, "broken.png")]},
        headers=bearer(personas.report))
    assert response.status_code == 200
    result = response.json()
    assert result["images"] == [{"index": 0, "name": "broken.png",
                                 "error": result["images"][0]["error"]}]
    assert "image" in result["images"][0]["error"]
    assert result["verdict"] != "ok" and all(f["span"] for f in result["findings"])


def test_the_upload_api_without_images_answers_as_the_json_api(personas, bearer):
    headers = bearer(personas.report)
    plain = Client().post("/api/check", {"text": INSULT}, content_type="application/json",
                          headers=headers).json()
    upload = Client().post("/api/check/upload", {"text": INSULT}, headers=headers).json()
    assert upload == plain


def test_the_upload_api_refuses_a_post_with_nothing_to_screen(personas, bearer):
    response = Client().post("/api/check/upload", {"text": "  "}, headers=bearer(personas.report))
    assert response.status_code == 400 and response.json()["detail"]


def test_an_image_over_the_size_limit_is_refused_on_the_page_with_the_limit(
    personas, login, settings
):
    settings.SCREEN_MAX_IMAGE_BYTES = 1_000
    page = login(personas.report).post(
        "/screen/", {"text": INSULT, "images": [png(b"x" * 5_000, "huge.png")]})
    body = page.content.decode()
    assert page.status_code == 413
    assert "There is a problem" in body and "larger than the limit of 0.001 MB" in body


@pytest.mark.parametrize(("limit", "count", "message"), [
    ("SCREEN_MAX_IMAGE_BYTES", 1, "larger than the limit"),
    ("SCREEN_MAX_IMAGES", 3, "at most 2 images"),
])
def test_too_big_or_too_many_images_get_a_413_from_the_api(
    personas, bearer, settings, limit, count, message
):
    setattr(settings, limit, 1_000 if limit == "SCREEN_MAX_IMAGE_BYTES" else 2)
    files = [png(b"x" * (5_000 if count == 1 else 10), f"{n}.png") for n in range(count)]
    response = Client().post("/api/check/upload", {"text": INSULT, "images": files},
                             headers=bearer(personas.report))
    assert response.status_code == 413
    assert message in response.json()["detail"]


def test_uploaded_images_never_go_to_a_temporary_file(personas, login, monkeypatch):
    def on_disk(*args, **kwargs):
        raise AssertionError("an upload was written to disk")

    monkeypatch.setattr(TemporaryUploadedFile, "__init__", on_disk)
    big = CORRUPT + b"\0" * 3_000_000  # over Django's 2.5 MB in-memory threshold
    page = login(personas.report).post("/screen/", {"text": INSULT, "images": [png(big)]})
    assert page.status_code == 200 and "Not checked" in page.content.decode()


def test_the_page_needs_the_csrf_token_for_an_upload(personas):
    client = Client(enforce_csrf_checks=True)
    client.force_login(personas.report.user)
    client.get("/screen/")
    token = client.cookies["csrftoken"].value
    fields = {"text": INSULT, "images": [png(CORRUPT)]}
    assert client.post("/screen/", fields).status_code == 403
    fields = {"text": INSULT, "images": [png(CORRUPT)], "csrfmiddlewaretoken": token}
    assert client.post("/screen/", fields).status_code == 200


def test_a_saved_check_keeps_the_findings_but_not_the_image_or_its_words(
    personas, login, monkeypatch
):
    from smpolicy.web.screening import views

    finding = {"category": "discrimination", "clause": "6.4(c)", "score": 0.9, "span": None,
               "evidence": "VERMIN", "explanation": "Dehumanising.", "detector": "x",
               "image": 0, "box": [1, 2, 3, 4]}
    fake = {"id": None, "verdict": "breach", "findings": [finding],
            "images": [{"index": 0, "name": "meme.png", "ocr_text": "ALL ... VERMIN"}]}
    monkeypatch.setattr(views, "screen_post", lambda text, images: fake)
    login(personas.report).post(
        "/screen/", {"text": "Friday", "images": [png(b"any bytes")], "save": "on"})
    saved = SavedCheck.objects.get()
    assert saved.result["findings"] == [finding]
    assert saved.result["images"] == [{"index": 0, "name": "meme.png"}]
    assert "any bytes" not in json.dumps(saved.result) and saved.text == "Friday"


def test_an_image_alone_can_be_checked_without_words(personas, login, monkeypatch):
    from smpolicy.web.screening import views

    seen = {}

    def fake(text, images):
        seen.update(text=text, images=images)
        return {"id": None, "verdict": "ok", "findings": [],
                "images": [{"index": 0, "name": "cat.png", "ocr_text": ""}]}

    monkeypatch.setattr(views, "screen_post", fake)
    page = login(personas.report).post("/screen/", {"text": "", "images": [png(b"cat", "cat.png")]})
    assert page.status_code == 200 and "No problems found" in page.content.decode()
    assert seen == {"text": "", "images": [("cat.png", b"cat")]}


def test_the_upload_operation_is_documented_as_multipart(db):
    schema = Client().get("/api/openapi.json").json()
    operation = schema["paths"]["/api/check/upload"]["post"]
    assert "multipart/form-data" in operation["requestBody"]["content"]
    assert "413" in operation["description"]
