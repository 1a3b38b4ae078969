"""``POST /api/check`` (JSON text) and ``POST /api/check/upload`` (multipart, text and images).

Both answer with the same object as ``smpolicy check --json``; the upload variant adds the
``images`` report and image findings (``"span": null``, ``image``, ``box``) exactly as
``smpolicy check --json --image FILE`` does. Images are read in memory and never stored.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import File, Form, Router, Schema, UploadedFile
from ninja.errors import HttpError
from pydantic import ConfigDict, Field

from smpolicy.web.api_auth import registered_person
from smpolicy.web.screening.engine import screen, screen_post

router = Router(tags=["screening"])


class CheckIn(Schema):
    text: str = Field(description="The post to screen.")
    id: str | int | None = Field(None, description="Echoed back, as in `check --jsonl`.")


class FindingOut(Schema):
    # Optional keys are declared and answers leave out unset ones (exclude_unset), so a finding
    # reads exactly as in the CLI; pydantic would drop undeclared extras.
    model_config = ConfigDict(extra="allow")
    category: str
    clause: str
    score: float
    span: list[int]
    evidence: str
    explanation: str
    detector: str
    target: str | None = Field(None, description="Who a finding is about (e.g. colleague, "
                                                 "race); only when a detector says.")


class CheckOut(Schema):
    id: str | int | None
    verdict: str = Field(description="ok, review or breach")
    findings: list[FindingOut]


class PostFindingOut(FindingOut):
    link: int | None = Field(None, description="Index of the link, for a finding in a link.")
    span: list[int] | None = Field(  # type: ignore[assignment]
        description="[start, end) in the text; null for a finding in an image")
    image: int | None = Field(None, description="Index (from 0) of the image it was found in; "
                                                "only on image findings.")
    box: list[int] | None = Field(None, description="left, top, right, bottom in the image's "
                                                    "pixels; only on image findings.")


class ImageOut(Schema):
    model_config = ConfigDict(extra="allow")
    index: int = Field(description="Position of the image in the upload, from 0.")
    name: str = Field(description="The uploaded file's name.")
    ocr_text: str | None = Field(None, description="Words read from the image by OCR "
                                                   "(absent when the image could not be read).")
    error: str | None = Field(None, description="Why this image could not be screened; the "
                                                "rest of the post still was.")
    note: str | None = Field(None, description="E.g. only the first frame of an animation.")


class PostCheckOut(CheckOut):
    findings: list[PostFindingOut]  # type: ignore[assignment]
    images: list[ImageOut] | None = Field(None, description="One entry per uploaded image.")


@router.post("/check", response=CheckOut, exclude_unset=True,
             summary="Screen one post against the policy")
def check(request: HttpRequest, payload: CheckIn) -> dict[str, Any]:
    registered_person(request)
    result = screen(payload.text)  # InputError -> 400, see api.py
    result["id"] = payload.id
    return result


@router.post(
    "/check/upload", response=PostCheckOut, exclude_unset=True, url_name="check_upload",
    summary="Screen a post with images (multipart/form-data)",
    description=(
        "Fields: `text` (may be empty when there are images), `id` (echoed back) and `images` "
        "(one or more files: PNG, JPEG, GIF, WebP, BMP or TIFF). Images are screened in memory "
        "(OCR through the same detectors, nudity, faces, location) and never stored. Too many "
        "images, or one over the per-image limit, gets 413 with a `detail`; an image that "
        "cannot be read gets its own `error` in `images` and the rest is still screened."
    ),
)
def check_upload(
    request: HttpRequest,
    text: Form[str] = "",
    id: Form[str | None] = None,  # as in check --jsonl
    images: File[list[UploadedFile]] = None,  # type: ignore[assignment]
) -> dict[str, Any]:
    registered_person(request)
    refused = getattr(request, "upload_refused", None)
    if refused:
        raise HttpError(413, refused)
    files = [(upload.name or "image", upload.read()) for upload in images or ()]
    result = screen_post(text, files)  # InputError -> 400, see api.py
    result["id"] = id
    return result
