"""What one image of a post tells under the policy: OCR text, nudity, faces, EXIF location."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from smpolicy.screening.config import ScreeningConfig
from smpolicy.screening.findings import Category, Finding
from smpolicy.screening.images import exif, models

if TYPE_CHECKING:
    from smpolicy.screening.engine import Screener
    from smpolicy.screening.images.loading import LoadedImage

DETECTOR = "images"

# NudeNet labels that make an image sexual content, with the score (of NudeNet's own confidence)
# at which it is a clear breach. Covered parts, bellies, feet and armpits are ordinary photos.
# Thresholds were checked against generated non-sexual images only (no sexual test set is used in
# this project): at 0.45 none of the benchmark's 500 memes and photos-like images raised a label.
EXPOSED = {
    "FEMALE_GENITALIA_EXPOSED": 0.45,
    "MALE_GENITALIA_EXPOSED": 0.45,
    "ANUS_EXPOSED": 0.45,
    "FEMALE_BREAST_EXPOSED": 0.5,
    "BUTTOCKS_EXPOSED": 0.55,
}
# Words that make a photo of people a safeguarding question (5.3, 5.4: "service users and their
# families", sports coaching).
SAFEGUARDING = re.compile(
    r"\b(service users?|clients?|child(ren)?|kids|pupils?|class(es)?|sessions?|"
    r"families|participants|swim(ming)? (lesson|squad)s?|junior squad)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ImageOutcome:
    findings: tuple[Finding, ...]
    ocr_text: str


def check_image(
    screener: Screener, index: int, loaded: LoadedImage, post_text: str
) -> ImageOutcome:
    findings: list[Finding] = []
    lines = models.read_text(loaded.image)
    text = "\n".join(line.text for line in lines)
    if text.strip():
        findings.extend(_text_findings(screener, index, lines, text))
    findings.extend(_nudity(index, loaded))
    if SAFEGUARDING.search(post_text) or SAFEGUARDING.search(text):
        findings.extend(_faces(index, loaded))
    findings.extend(_location(index, loaded, screener.config))
    return ImageOutcome(tuple(findings), text)


def _text_findings(screener: Screener, index: int, lines: list[models.TextLine], text: str
                   ) -> list[Finding]:
    """Words in the image go through the same detectors as the post's own text."""
    starts, position = [], 0
    for line in lines:
        starts.append(position)
        position += len(line.text) + 1
    found = []
    for finding in screener.check(text).findings:
        hit = [line.box for line, start in zip(lines, starts, strict=True)
               if start < finding.end and finding.start < start + len(line.text)]
        box = _union(hit) if hit else None
        found.append(replace(
            finding, image=index, box=box,
            explanation=f"Image {index + 1} contains the words {finding.evidence!r} (read by OCR). "
            + finding.explanation,
        ))
    return found


def _nudity(index: int, loaded: LoadedImage) -> list[Finding]:
    found = []
    for item in models.find_nudity(_array(loaded)):
        threshold = EXPOSED.get(item.label)
        if threshold is None or item.score < threshold:
            continue
        score = min(1.0, 0.75 + (item.score - threshold))  # at the threshold: the breach line
        found.append(Finding(
            DETECTOR, Category.DISREPUTE, "6.4(a)", score, 0, 0,
            evidence=item.label.lower().replace("_", " "),
            explanation=f"Image {index + 1} appears to show nudity ({item.label.lower()}, "
            f"confidence {item.score:.2f}); posting inappropriate images can bring the council "
            "into disrepute (6.4(a)).",
            image=index, box=item.box,
        ))
    return found


def _faces(index: int, loaded: LoadedImage) -> list[Finding]:
    faces = models.find_faces(_array(loaded))
    if not faces:
        return []
    return [Finding(
        DETECTOR, Category.CONFIDENTIALITY, "5.3", 0.5, 0, 0,
        evidence=f"{len(faces)} face(s)",
        explanation=f"Image {index + 1} shows {len(faces)} face(s) and the post mentions people "
        "the council works with: photos of service users, children or their families raise "
        "safeguarding and confidentiality questions (5.3, 5.4); check consent before it stays up.",
        image=index, box=_union([face.box for face in faces]),
    )]


def _location(index: int, loaded: LoadedImage, config: ScreeningConfig) -> list[Finding]:
    meta = exif.read_metadata(loaded.exif)
    if not meta.has_gps:
        return []
    place = exif.nearest_workplace(meta, config.workplaces)
    where = f"{meta.lat:.5f}, {meta.lon:.5f}"
    camera = f" and the camera ({meta.camera})" if meta.camera else ""
    if place:
        explanation = (f"Image {index + 1} records where it was taken ({where}), at {place.name}"
                       f"{camera}: it gives away your work location (5.2). Strip the location "
                       "data (or turn off location for the camera) before posting.")
        score = 0.6
    else:
        explanation = (f"Image {index + 1} records where it was taken ({where}){camera}; anyone "
                       "can read it. Strip the location data before posting (5.2).")
        score = 0.45
    return [Finding(DETECTOR, Category.PROFILE_DETAILS, "5.2", score, 0, 0,
                    evidence=f"GPS {where}", explanation=explanation, image=index)]


def _array(loaded: LoadedImage) -> object:
    import numpy as np

    return np.asarray(loaded.image)


def _union(boxes: list[tuple[int, int, int, int]]) -> tuple[int, int, int, int]:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))
