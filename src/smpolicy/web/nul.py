"""Refuse a request that carries a NUL character (U+0000) in its query or its form/JSON fields.

PostgreSQL text cannot hold NUL, so such a value fails inside the database, as a 500, wherever a
view stores or searches it (``/api/people?q=%00`` did). No real input needs one. Django's form
fields already refuse it; this covers the query strings and the JSON API in one place, before
any view runs, with a 400 that says why.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse

MESSAGE = "the request contains a NUL character (U+0000), which no field accepts"


class RejectNulCharacters:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if any("\x00" in text for text in _texts(request)):
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": MESSAGE}, status=400)
            return HttpResponseBadRequest(MESSAGE)
        return self.get_response(request)


def _texts(request: HttpRequest) -> Iterator[str]:
    """The field names and values a view could read as text, from the query and the body."""
    for key, values in request.GET.lists():
        yield key
        yield from values
    if request.method not in {"POST", "PUT", "PATCH"}:
        return
    if request.content_type == "application/json":
        # JSON can only carry NUL as the escape \u0000 (a raw control character is invalid), so
        # the body is parsed here, a second time, only when that escape is in it.
        if b"\\u0000" not in request.body:
            return
        try:
            yield from _json_strings(json.loads(request.body))
        except (ValueError, UnicodeDecodeError):
            return  # not JSON: the view answers that with its own 4xx
    elif request.content_type == "application/x-www-form-urlencoded":
        # Not multipart: reading it here would parse the uploads before a view can choose their
        # handlers; its text fields go through Django forms, which refuse NUL themselves.
        for key, values in request.POST.lists():
            yield key
            yield from values


def _json_strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)
