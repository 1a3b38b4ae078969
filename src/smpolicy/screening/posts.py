"""A post as people publish it: text plus images and links, screened together.

``Screener.check(text)`` stays the fast text-only path. ``check_post`` adds images (each loaded,
read by OCR and checked for nudity, faces and location, with its own error if it cannot be) and
links given apart from the text. One bad image never loses the rest of the post.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smpolicy.exceptions import ImageError
from smpolicy.screening.findings import Finding, Result, Verdict
from smpolicy.screening.images.loading import ImageSource

if TYPE_CHECKING:
    from smpolicy.screening.engine import Screener


@dataclass(frozen=True, slots=True)
class Post:
    """Text (may be empty when there are images or links), images and extra links."""

    text: str = ""
    images: tuple[ImageSource, ...] = ()
    links: tuple[str, ...] = ()

    @classmethod
    def of(cls, text: str = "", images: Sequence[str | Path | bytes | ImageSource] = (),
           links: Sequence[str] = ()) -> Post:
        return cls(text=text, images=tuple(_source(i) for i in images), links=tuple(links))


@dataclass(frozen=True, slots=True)
class ImageReport:
    """What happened to one image: its OCR text, or why it could not be screened."""

    index: int
    name: str
    text: str = ""
    error: str | None = None
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"index": self.index, "name": self.name}
        data.update({"error": self.error} if self.error else {"ocr_text": self.text})
        if self.note:
            data["note"] = self.note
        return data


@dataclass(frozen=True, slots=True)
class PostResult:
    """The verdict on a whole post; ``images`` reports every image, screened or not."""

    verdict: Verdict
    findings: tuple[Finding, ...] = ()
    images: tuple[ImageReport, ...] = field(default=())

    def to_dict(self, post_id: Any = None) -> dict[str, Any]:
        data = Result(self.verdict, self.findings).to_dict(post_id)
        if self.images:
            data["images"] = [image.to_dict() for image in self.images]
        return data


def check_post(screener: Screener, post: Post) -> PostResult:
    """Screen text, images and links; raises InputError only when nothing can be screened."""
    findings: list[Finding] = []
    if post.text.strip() or not (post.images or post.links):
        findings.extend(screener.check(post.text).findings)
    findings.extend(_link_findings(screener, post.links))
    reports = []
    for index, source in enumerate(post.images):
        report, found = _screen_image(screener, index, source, post.text)
        reports.append(report)
        findings.extend(found)
    judged = screener.judge(findings)
    return PostResult(judged.verdict, judged.findings, tuple(reports))


def _screen_image(screener: Screener, index: int, source: ImageSource, post_text: str
                  ) -> tuple[ImageReport, tuple[Finding, ...]]:
    from smpolicy.screening.images.checks import check_image
    from smpolicy.screening.images.loading import load_image

    config = screener.config
    try:
        loaded = load_image(source, max_pixels=config.max_image_pixels,
                            max_bytes=config.max_image_bytes)
        outcome = check_image(screener, index, loaded, post_text)
    except ImageError as error:
        return ImageReport(index, source.name, error=str(error)), ()
    note = None
    if loaded.frames > 1:
        note = f"animated ({loaded.frames} frames): only the first frame was screened"
    return ImageReport(index, source.name, text=outcome.ocr_text, note=note), outcome.findings


def _link_findings(screener: Screener, links: tuple[str, ...]) -> list[Finding]:
    if not links or "links" not in screener.registry.names():
        return []
    from dataclasses import replace

    from smpolicy.screening.links import parse_link

    detector = screener.registry.get("links")
    found = []
    for index, url in enumerate(links):
        link = parse_link(url) if isinstance(url, str) else None
        if link is None:
            continue
        found.extend(replace(f, start=0, end=0, link=index)
                     for f in detector.judge(link))  # type: ignore[attr-defined]
    return found


def _source(item: str | Path | bytes | ImageSource) -> ImageSource:
    if isinstance(item, ImageSource):
        return item
    if isinstance(item, bytes):
        return ImageSource.from_bytes(item)
    return ImageSource.from_path(item)
