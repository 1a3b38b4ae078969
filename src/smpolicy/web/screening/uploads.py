"""Image uploads for screening: held in memory only, and refused whole when too big or too many.

Django's default handlers spill uploads over 2.5 MB into a temporary file; a post's images must
never touch the disk, so the screening page and ``POST /api/check/upload`` get this handler
instead (``ImageUploadMiddleware`` swaps it in before CSRF reads the body). Over a limit, the
handler stops reading, drains the rest of the body and leaves a message on the request
(``upload_refused``), which the page and the API answer with a 413 that says which limit.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest, HttpResponse

# Views whose POST bodies are screened and dropped (resolver view names), and what they carry.
IMAGE_UPLOAD_VIEWS = frozenset({"screening:screen", "api:check_upload"})
EXPORT_UPLOAD_VIEWS = frozenset({"screening:selfaudit"})


def upload_limits() -> tuple[int, int]:
    """(images per check, bytes per image): the site's settings, never above the engine's limit."""
    from smpolicy.web.screening.engine import web_config

    per_image = min(settings.SCREEN_MAX_IMAGE_BYTES, web_config().max_image_bytes)
    return settings.SCREEN_MAX_IMAGES, per_image


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:g} MB"


class InMemoryImageUploadHandler(FileUploadHandler):
    """Keeps each uploaded file in memory, up to ``max_files`` files of ``max_bytes`` each."""

    def __init__(self, request: HttpRequest, max_files: int, max_bytes: int, what: str = "image") -> None:
        super().__init__(request)
        self.max_files = max_files
        self.max_bytes = max_bytes
        self.what = what
        self.files = 0
        self.buffer = io.BytesIO()

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.files += 1
        if self.files > self.max_files:
            self._refuse(f"at most {self.max_files} images can be checked at once")
        if self.content_length is not None and self.content_length > self.max_bytes:
            self._refuse(self._too_big())
        self.buffer = io.BytesIO()

    def receive_data_chunk(self, raw_data: bytes, start: int) -> None:
        if start + len(raw_data) > self.max_bytes:
            self._refuse(self._too_big())
        self.buffer.write(raw_data)

    def file_complete(self, file_size: int) -> InMemoryUploadedFile:
        self.buffer.seek(0)
        return InMemoryUploadedFile(
            file=self.buffer, field_name=self.field_name, name=self.file_name,
            content_type=self.content_type, size=file_size, charset=self.charset,
            content_type_extra=self.content_type_extra,
        )

    def _too_big(self) -> str:
        return (f"{self.what} {self.file_name!r} is larger than the limit of "
                f"{megabytes(self.max_bytes)} per {self.what}")

    def _refuse(self, message: str) -> None:
        self.request.upload_refused = message  # type: ignore[union-attr]
        self.buffer = io.BytesIO()
        raise StopUpload(connection_reset=False)  # Django drains the rest of the body


class ImageUploadMiddleware:
    """Gives the image-screening views the in-memory handler; other uploads keep Django's."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, *_: object) -> None:
        match = request.resolver_match
        if request.method != "POST" or match is None:
            return
        if match.view_name in IMAGE_UPLOAD_VIEWS:
            max_files, max_bytes = upload_limits()
            request.upload_handlers = [InMemoryImageUploadHandler(request, max_files, max_bytes)]
        elif match.view_name in EXPORT_UPLOAD_VIEWS:
            request.upload_handlers = [
                InMemoryImageUploadHandler(request, 1, settings.SELFAUDIT_MAX_BYTES, what="export")
            ]
