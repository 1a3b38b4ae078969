"""The X (Twitter) archive: ``data/*.js`` files, each ``window.YTD.<name>.part<N> = [...]``.

Read: ``account.js`` (username, display name), ``profile.js`` (bio, website, location,
avatar), ``tweets.js``/``tweet.js`` and their ``-partN`` continuations, ``follower.js`` and
``following.js``. X lists followers by account number only, so they are counted but cannot be
compared with a register.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from smpolicy.exceptions import ExportError
from smpolicy.selfaudit.archive import ExportArchive
from smpolicy.selfaudit.model import Export, FieldKind, Platform, Post, ProfileField
from smpolicy.selfaudit.readers.common import basename, decode, load_json, text

_PREFIX = re.compile(r"^\s*window\.YTD\.[\w.]+\s*=\s*")
_TWEETS = re.compile(r"^tweets?(-part\d+)?\.js$")
_FOLLOWS = re.compile(r"^(follower|following)(-part\d+)?\.js$")


def recognises(names: Iterable[str]) -> bool:
    return any(n.endswith(("data/account.js", "data/manifest.js")) for n in names)


def read(archive: ExportArchive) -> Export:
    data_files = {basename(n): n for n in archive.names if "data/" in n and n.endswith(".js")}
    account = _records(archive, data_files.get("account.js"), "account")
    profile = _records(archive, data_files.get("profile.js"), "profile")
    posts: list[Post] = []
    follows = 0
    for base, name in sorted(data_files.items()):
        if _TWEETS.match(base):
            posts.extend(_tweet(t) for t in _records(archive, name, "tweet") if t.get("full_text"))
        elif _FOLLOWS.match(base) and base.startswith("follower"):
            follows += len(_records(archive, name, "follower"))
    first_account = account[0] if account else {}
    first_profile = profile[0] if profile else {}
    return Export(
        platform=Platform.X,
        account=text(first_account.get("username")) or None,
        fields=tuple(_fields(first_account, first_profile)),
        has_photo=_has_photo(first_profile) if profile else None,
        connection_count=follows,
        connections_named=False,
        posts=tuple(posts),
    )


def _records(archive: ExportArchive, name: str | None, key: str) -> list[dict[str, Any]]:
    """The objects under ``key`` in each element of a ``window.YTD`` file."""
    if name is None:
        return []
    body = decode(archive, name)
    prefix = _PREFIX.match(body)
    if prefix is None:
        raise ExportError(f"{name} does not start with 'window.YTD.…' as X archives do")
    document = load_json(archive, name, body[prefix.end() :])
    if not isinstance(document, list):
        raise ExportError(f"{name} should hold a list")
    return [
        item[key] for item in document if isinstance(item, dict) and isinstance(item.get(key), dict)
    ]


def _fields(account: dict[str, Any], profile: dict[str, Any]) -> list[ProfileField]:
    fields: list[ProfileField] = []
    description = profile.get("description") or {}
    if value := text(description.get("bio")):
        fields.append(ProfileField(FieldKind.BIO, "Bio", value))
    if value := text(description.get("location")):
        fields.append(ProfileField(FieldKind.LOCATION, "Location", value))
    if value := text(description.get("website")):
        fields.append(ProfileField(FieldKind.BIO, "Website", value))
    if value := text(account.get("accountDisplayName")):
        fields.append(ProfileField(FieldKind.BIO, "Display name", value))
    return fields


def _has_photo(profile: dict[str, Any]) -> bool:
    avatar = text(profile.get("avatarMediaUrl"))
    return bool(avatar) and "default_profile" not in avatar


def _tweet(tweet: dict[str, Any]) -> Post:
    created = None
    with contextlib.suppress(ValueError):
        created = dt.datetime.strptime(text(tweet.get("created_at")), "%a %b %d %H:%M:%S %z %Y")
    link = f"https://x.com/i/status/{tweet['id_str']}" if tweet.get("id_str") else None
    return Post(text(tweet.get("full_text")), created, "tweet", link)
