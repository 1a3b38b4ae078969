"""The three image models, each loaded once per process and only when first needed.

All weights ship inside their wheels (RapidOCR's PP-OCR ONNX models, NudeNet's 320n.onnx,
OpenCV's Haar cascade XML), so nothing is downloaded at run time.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from smpolicy.exceptions import ImageError

_INSTALL = "pip install 'smpolicy[images]'"


@dataclass(frozen=True, slots=True)
class TextLine:
    text: str
    box: tuple[int, int, int, int]
    score: float


@dataclass(frozen=True, slots=True)
class Detection:
    label: str
    box: tuple[int, int, int, int]
    score: float


def read_text(image: Any) -> list[TextLine]:
    """Lines of text in a Pillow RGB image, top to bottom."""
    result = _ocr()(image)
    if result.txts is None:
        return []
    lines = []
    for text, box, score in zip(result.txts, result.boxes, result.scores, strict=True):
        xs, ys = [int(p[0]) for p in box], [int(p[1]) for p in box]
        lines.append(TextLine(str(text), (min(xs), min(ys), max(xs), max(ys)), float(score)))
    return sorted(lines, key=lambda line: (line.box[1], line.box[0]))


def find_nudity(rgb: Any) -> list[Detection]:
    bgr = rgb[:, :, ::-1].copy()
    found = []
    for item in _nudenet().detect(bgr):
        x, y, w, h = (int(v) for v in item["box"])
        found.append(Detection(item["class"], (x, y, x + w, y + h), float(item["score"])))
    return found


def find_faces(rgb: Any) -> list[Detection]:
    import cv2

    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    scale = min(1.0, 640 / max(grey.shape))  # faces in a post are large; 640 px is plenty
    if scale < 1.0:
        grey = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    faces = _haar().detectMultiScale(grey, scaleFactor=1.1, minNeighbors=6, minSize=(24, 24))
    return [
        Detection("face", (int(x / scale), int(y / scale), int((x + w) / scale),
                           int((y + h) / scale)), 1.0)
        for x, y, w, h in faces
    ]


@cache
def _ocr() -> Any:
    try:
        from rapidocr import RapidOCR
    except ImportError:
        raise ImageError(f"OCR is not installed: {_INSTALL}") from None
    return RapidOCR(params={"Global.log_level": "error"})


@cache
def _nudenet() -> Any:
    try:
        from nudenet import NudeDetector
    except ImportError:
        raise ImageError(f"nudity detection is not installed: {_INSTALL}") from None
    return NudeDetector()


@cache
def _haar() -> Any:
    try:
        import cv2
    except ImportError:
        raise ImageError(f"face detection is not installed: {_INSTALL}") from None
    return cv2.CascadeClassifier(cv2.data.haarcascades + "haarcascade_frontalface_default.xml")
