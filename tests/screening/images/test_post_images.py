"""Posts with images: memes read by OCR, location in EXIF (5.2), bad files refused one by one."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from imagegen import encode, meme, photo_with_gps

from smpolicy.screening import Category, Screener, ScreeningConfig, Verdict
from smpolicy.screening.config import Workplace
from smpolicy.screening.images import checks, models
from smpolicy.screening.posts import Post

pytest.importorskip("rapidocr")
from PIL import Image

# Shaftesbury Town Hall, roughly; the photo below is taken a few metres away.
TOWN_HALL = Workplace("Town Hall", 51.00503, -2.19833, 200)
NEAR_TOWN_HALL = ((51.0, 0.0, 18.1), "N", (2.0, 11.0, 53.9), "W")
FAR_AWAY = ((53.0, 28.0, 0.0), "N", (2.0, 14.0, 0.0), "W")


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(config=replace(ScreeningConfig(), workplaces=(TOWN_HALL,)))


@pytest.mark.slow
def test_a_meme_linking_to_a_hate_site_is_discrimination_with_the_ocr_words(
    screener: Screener,
) -> None:
    result = screener.check_post(Post.of("lol", [meme("JOIN THE LADS AT", "14WORDS.COM")]))
    assert result.verdict is Verdict.BREACH
    finding = result.findings[0]
    assert (finding.category, finding.clause, finding.image) == (
        Category.DISCRIMINATION, "6.4(c)", 0)
    assert finding.evidence.lower() == "14words.com"
    left, top, right, bottom = finding.box
    assert top > 800 and bottom <= 1080 and left < right  # the bottom line of the meme
    assert "14WORDS.COM" in result.images[0].text


@pytest.mark.slow
def test_a_meme_with_hateful_words_is_discrimination_with_the_ocr_evidence(
    screener: Screener,
) -> None:
    post = Post.of("Friday mood", [meme("ALL IMMIGRANTS ARE VERMIN", "SEND THEM BACK")])
    result = screener.check_post(post)
    assert result.verdict is Verdict.BREACH
    finding = next(f for f in result.findings if f.category is Category.DISCRIMINATION)
    assert finding.clause == "6.4(c)" and finding.image == 0 and finding.box is not None
    assert "vermin" in finding.evidence.lower()
    assert "read by OCR" in finding.explanation


@pytest.mark.slow
def test_a_meme_with_neutral_text_is_ok(screener: Screener) -> None:
    result = screener.check_post(Post.of("", [meme("WHEN THE BINS", "GO OUT ON TIME")]))
    assert result.verdict is Verdict.OK
    assert "BINS" in result.images[0].text


def test_a_photo_taken_at_a_council_workplace_gives_away_the_work_location(
    screener: Screener,
) -> None:
    result = screener.check_post(Post.of("Lovely day", [photo_with_gps(*NEAR_TOWN_HALL)]))
    finding = next(f for f in result.findings if f.clause == "5.2")
    assert finding.category is Category.PROFILE_DETAILS and finding.image == 0
    assert "Town Hall" in finding.explanation and "Strip" in finding.explanation
    assert result.verdict is Verdict.REVIEW


def test_any_gps_position_in_a_photo_is_flagged_with_advice_to_strip_it(
    screener: Screener,
) -> None:
    result = screener.check_post(Post.of("Holiday", [photo_with_gps(*FAR_AWAY)]))
    finding = next(f for f in result.findings if f.clause == "5.2")
    assert "Town Hall" not in finding.explanation and "iPhone 15" in finding.explanation


def test_a_photo_without_location_data_has_no_location_finding(screener: Screener) -> None:
    plain = encode(Image.new("RGB", (640, 480), "grey"), "JPEG")
    assert not [f for f in screener.check_post(Post.of("x", [plain])).findings if f.clause == "5.2"]


def pixel_bomb() -> bytes:
    return encode(Image.new("1", (20_000, 20_000)), "PNG", optimize=True)  # 400 MP, tiny file


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (pixel_bomb(), "bomb"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "corrupt"),
        (encode(Image.new("RGB", (400, 400), "red"), "JPEG")[:300], "truncated"),
        (b"\x00\x00\x00\x18ftypheic" + b"\x00" * 40, "HEIC"),
        (b"", "empty"),
    ],
    ids=["pixel bomb", "corrupt", "truncated", "heic", "empty"],
)
def test_a_bad_image_is_refused_clearly_and_the_rest_of_the_post_is_screened(
    screener: Screener, data: bytes, message: str
) -> None:
    result = screener.check_post(Post.of("Visit www.bet365.com", [data]))
    assert message in result.images[0].error
    assert [f.clause for f in result.findings] == ["6.4(a)"]  # the text was still screened


def test_an_animated_gif_is_screened_on_its_first_frame_with_a_note(screener: Screener) -> None:
    frames = [Image.new("RGB", (200, 200), colour) for colour in ("red", "blue", "green")]
    gif = encode(frames[0], "GIF", save_all=True, append_images=frames[1:])
    report = screener.check_post(Post.of("x", [gif])).images[0]
    assert report.error is None and "3 frames" in report.note


def test_webp_images_are_accepted(screener: Screener) -> None:
    webp = encode(Image.new("RGB", (300, 200), "white"), "WEBP")
    assert screener.check_post(Post.of("", [webp])).images[0].error is None


def test_links_given_apart_from_the_text_are_classified_by_index(screener: Screener) -> None:
    result = screener.check_post(Post.of("", links=["https://example.org", "bit.ly/abc"]))
    assert [(f.link, f.clause) for f in result.findings] == [(1, "6.4(a)")]
    assert result.findings[0].to_dict()["span"] is None


def test_nudity_above_its_threshold_is_a_6_4_a_breach(
    screener: Screener, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(models, "find_nudity", lambda rgb: [
        models.Detection("FEMALE_BREAST_EXPOSED", (10, 10, 90, 90), 0.8),
        models.Detection("BELLY_EXPOSED", (0, 0, 5, 5), 0.99),
        models.Detection("MALE_GENITALIA_EXPOSED", (0, 0, 5, 5), 0.2),
    ])
    result = screener.check_post(Post.of("", [encode(Image.new("RGB", (99, 99)), "PNG")]))
    assert result.verdict is Verdict.BREACH
    assert [(f.clause, f.box) for f in result.findings] == [("6.4(a)", (10, 10, 90, 90))]


def test_the_nudity_model_finds_nothing_in_a_meme() -> None:
    import numpy as np

    image = Image.open(__import__("io").BytesIO(meme("MONDAY", "AGAIN"))).convert("RGB")
    labels = [d for d in models.find_nudity(np.asarray(image)) if d.label in checks.EXPOSED]
    assert all(d.score < checks.EXPOSED[d.label] for d in labels)


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("Great session with the under-10s swimming class today", True),
        ("Our service users loved the trip", True),
        ("Me and the lads at the pub", False),
    ],
)
def test_faces_ask_for_review_only_when_the_post_mentions_people_we_serve(
    screener: Screener, monkeypatch: pytest.MonkeyPatch, text: str, asks: bool
) -> None:
    face = models.Detection("face", (1, 2, 30, 40), 1.0)
    monkeypatch.setattr(models, "find_faces", lambda rgb: [face])
    result = screener.check_post(Post.of(text, [encode(Image.new("RGB", (99, 99)), "PNG")]))
    faces = [f for f in result.findings if f.clause == "5.3"]
    assert bool(faces) is asks
    if asks:
        assert result.verdict is Verdict.REVIEW and "safeguarding" in faces[0].explanation


def test_checking_text_alone_imports_no_image_library() -> None:
    code = ("import sys; from smpolicy.screening import Screener; Screener().check('hello there');"
            "from smpolicy.commands import check;"
            "print(sorted(m for m in ('PIL', 'cv2', 'onnxruntime', 'rapidocr', 'nudenet') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_cli_screens_images_from_jsonl_relative_to_the_file(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from smpolicy.cli import cli

    (tmp_path / "pics").mkdir()
    (tmp_path / "pics" / "gps.jpg").write_bytes(photo_with_gps(*FAR_AWAY))
    lines = [{"id": "a", "text": "hi", "images": ["pics/gps.jpg", "pics/missing.png"]},
             {"id": "b", "text": "plain"}, {"id": "c", "images": "pics/gps.jpg"}]
    source = tmp_path / "posts.jsonl"
    source.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    out = CliRunner().invoke(cli, ["check", "--jsonl", str(source)]).stdout
    first, second, third = (json.loads(line) for line in out.splitlines())
    assert first["findings"][0]["clause"] == "5.2" and first["findings"][0]["image"] == 0
    assert "No such file" in first["images"][1]["error"]
    assert second["verdict"] == "ok" and "images" not in second
    assert third == {"id": "c", "line": 3, "error": "field 'images' must be a list of strings"}
