"""Facebook's "Download your information" export, JSON format.

Layout (2023 on; older exports lack the ``your_facebook_activity``/``connections`` level and
are read too): ``personal_information/profile_information/profile_information.json``
(``profile_v2``: name, work_experiences, current_city, intro_bio...),
``connections/friends/your_friends.json`` (``friends_v2``: name, timestamp),
``your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json`` (a list of
``{timestamp, data: [{post}], title}``), ``.../comments_and_reactions/comments.json`` and
profile pictures under ``posts/media/ProfilePictures_*`` or an album named "Profile pictures".

Facebook writes text as UTF-8 bytes escaped one by one ("Si\\u00c3\\u00a2n" for "Siân");
``unmangle`` puts it right.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from smpolicy.selfaudit.archive import ExportArchive
from smpolicy.selfaudit.model import Export, FieldKind, Platform, Post, ProfileField
from smpolicy.selfaudit.readers.common import basename, decode, find, load_json, text

PROFILE = "profile_information.json"
FRIENDS = ("your_friends.json", "friends.json")
_POSTS = re.compile(r"^your_posts.*\.json$")
_ESCAPED_BYTE = re.compile(r"\\u00[89a-f][0-9a-f]", re.IGNORECASE)
_PROFILE_PICTURES = re.compile(r"profile_?pictures", re.IGNORECASE)


def recognises(names: Iterable[str]) -> bool:
    return any(basename(n) == PROFILE or "your_facebook_activity/" in n for n in names)


def read(archive: ExportArchive) -> Export:
    names = archive.names
    profile: dict[str, Any] = {}
    for name in find(names, PROFILE):
        document = _load(archive, name)
        profile = document.get("profile_v2") or document.get("profile") or {}
    friends = _friends(archive, names)
    posts = [*_posts(archive, names), *_comments(archive, names)]
    return Export(
        platform=Platform.FACEBOOK,
        account=text((profile.get("name") or {}).get("full_name")) or None,
        fields=tuple(_fields(profile)),
        has_photo=_has_photo(archive, names),
        connection_names=tuple(friends),
        connection_count=len(friends),
        posts=tuple(posts),
    )


def unmangle(value: Any) -> Any:
    """Undo Facebook's byte-per-character escaping in every string of a JSON document."""
    if isinstance(value, str):
        if value.isascii() or any(ord(c) > 0xFF for c in value):
            return value
        try:
            return value.encode("latin-1").decode("utf-8")
        except UnicodeDecodeError:
            return value
    if isinstance(value, list):
        return [unmangle(item) for item in value]
    if isinstance(value, dict):
        return {key: unmangle(item) for key, item in value.items()}
    return value


def _load(archive: ExportArchive, name: str) -> Any:
    """Parse a member; repair escaped text only where the raw file shows some (it is slow)."""
    raw = decode(archive, name)
    document = load_json(archive, name, raw)
    return unmangle(document) if _ESCAPED_BYTE.search(raw) else document


def _fields(profile: dict[str, Any]) -> list[ProfileField]:
    fields: list[ProfileField] = []
    for job in profile.get("work_experiences") or profile.get("work") or []:
        if not isinstance(job, dict):
            continue
        current = not job.get("end_timestamp")
        for kind, key, label in (
            (FieldKind.EMPLOYER, "employer", "Work: employer"),
            (FieldKind.OCCUPATION, "title", "Work: position"),
            (FieldKind.WORK_LOCATION, "location", "Work: location"),
        ):
            if value := text(job.get(key)):
                fields.append(ProfileField(kind, label, value, current=current))
    city = profile.get("current_city") or {}
    if isinstance(city, dict) and (value := text(city.get("name"))):
        fields.append(ProfileField(FieldKind.LOCATION, "Current town/city", value))
    bio = profile.get("intro_bio") or {}
    if isinstance(bio, dict) and (value := text(bio.get("name") or bio.get("value"))):
        fields.append(ProfileField(FieldKind.BIO, "Intro/bio", value))
    return fields


def _friends(archive: ExportArchive, names: Iterable[str]) -> list[str]:
    friends: list[str] = []
    for name in find(names, *FRIENDS):
        document = _load(archive, name)
        entries = document.get("friends_v2") or document.get("friends") or []
        friends.extend(
            text(e.get("name")) for e in entries if isinstance(e, dict) and e.get("name")
        )
    return friends


def _posts(archive: ExportArchive, names: Iterable[str]) -> list[Post]:
    posts: list[Post] = []
    for name in (n for n in names if _POSTS.match(basename(n))):
        document = _load(archive, name)
        for entry in document if isinstance(document, list) else []:
            if not isinstance(entry, dict):
                continue
            body = "\n".join(
                text(d.get("post"))
                for d in entry.get("data") or []
                if isinstance(d, dict) and d.get("post")
            )
            if body:
                posts.append(Post(body, _when(entry.get("timestamp")), "post"))
    return posts


def _comments(archive: ExportArchive, names: Iterable[str]) -> list[Post]:
    comments: list[Post] = []
    for name in find(names, "comments.json"):
        document = _load(archive, name)
        for entry in (document.get("comments_v2") or []) if isinstance(document, dict) else []:
            for item in entry.get("data") or [] if isinstance(entry, dict) else []:
                comment = item.get("comment") if isinstance(item, dict) else None
                if isinstance(comment, dict) and (body := text(comment.get("comment"))):
                    when = _when(comment.get("timestamp") or entry.get("timestamp"))
                    comments.append(Post(body, when, "comment"))
    return comments


def _has_photo(archive: ExportArchive, names: Iterable[str]) -> bool:
    names = list(names)
    if any(_PROFILE_PICTURES.search(n) for n in names):
        return True
    for name in (n for n in names if "/album/" in n and n.endswith(".json")):
        album = _load(archive, name)
        if isinstance(album, dict) and _PROFILE_PICTURES.search(
            text(album.get("name")).replace(" ", "_")
        ):
            return True
    return False


def _when(timestamp: Any) -> dt.datetime | None:
    if isinstance(timestamp, int | float) and timestamp > 0:
        return dt.datetime.fromtimestamp(timestamp, tz=dt.UTC)
    return None
