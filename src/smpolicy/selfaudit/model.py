"""What the readers take from an export: profile fields, connections and posts, in memory only."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Platform(StrEnum):
    FACEBOOK = "facebook"
    X = "x"
    LINKEDIN = "linkedin"

    @property
    def label(self) -> str:
        return {"facebook": "Facebook", "x": "X (Twitter)", "linkedin": "LinkedIn"}[self.value]


class FieldKind(StrEnum):
    """The profile details clause 5.2 asks staff to think about."""

    EMPLOYER = "employer"
    OCCUPATION = "occupation"
    WORK_LOCATION = "work_location"
    LOCATION = "location"
    BIO = "bio"


@dataclass(frozen=True, slots=True)
class ProfileField:
    """One thing the profile shows, as the export names it (``label``) and what it says."""

    kind: FieldKind
    label: str
    value: str
    current: bool = True


@dataclass(frozen=True, slots=True)
class Post:
    """Something the person wrote: a post, tweet, share or comment."""

    text: str
    created: dt.datetime | None
    kind: str = "post"
    link: str | None = None


@dataclass(frozen=True, slots=True)
class Export:
    """One platform's export, reduced to what the checks read.

    ``connection_names`` is empty with ``connections_named`` False where the platform lists
    connections by account number only (X), so they cannot be compared with a register.
    ``has_photo`` is None where the export does not say.
    """

    platform: Platform
    account: str | None = None
    fields: tuple[ProfileField, ...] = ()
    has_photo: bool | None = None
    connection_names: tuple[str, ...] = ()
    connection_count: int = 0
    connections_named: bool = True
    posts: tuple[Post, ...] = field(default=())
