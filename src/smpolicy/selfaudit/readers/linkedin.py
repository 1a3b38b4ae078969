"""LinkedIn's "Get a copy of your data" export: CSV files at the top of the zip.

Read: ``Profile.csv`` (Headline, Summary, Industry, Geo Location), ``Positions.csv`` (Company
Name, Title, Location, Finished On), ``Connections.csv`` (a few lines of notes, then First
Name, Last Name, ..., Connected On), ``Shares.csv`` (Date, ShareLink, ShareCommentary) and
``Comments.csv`` (Date, Link, Message). The export does not include the profile photo.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from smpolicy.selfaudit.archive import ExportArchive
from smpolicy.selfaudit.model import Export, FieldKind, Platform, Post, ProfileField
from smpolicy.selfaudit.readers.common import basename, find, load_csv

PROFILE = "Profile.csv"


def recognises(names: Iterable[str]) -> bool:
    return any(basename(n) in (PROFILE, "Connections.csv") for n in names)


def read(archive: ExportArchive) -> Export:
    names = archive.names
    profile = _rows(archive, names, PROFILE, "First Name")
    positions = _rows(archive, names, "Positions.csv", "Company Name")
    connections = _rows(archive, names, "Connections.csv", "First Name")
    people = [f"{_get(r, 'First Name')} {_get(r, 'Last Name')}".strip() for r in connections]
    people = [p for p in people if p]
    posts = [
        Post(
            _get(r, "ShareCommentary"),
            _date(_get(r, "Date")),
            "share",
            _get(r, "ShareLink") or None,
        )
        for r in _rows(archive, names, "Shares.csv", "Date")
        if _get(r, "ShareCommentary")
    ] + [
        Post(_get(r, "Message"), _date(_get(r, "Date")), "comment", _get(r, "Link") or None)
        for r in _rows(archive, names, "Comments.csv", "Date")
        if _get(r, "Message")
    ]
    first = profile[0] if profile else {}
    account = f"{_get(first, 'First Name')} {_get(first, 'Last Name')}".strip() or None
    return Export(
        platform=Platform.LINKEDIN,
        account=account,
        fields=tuple(_fields(first, positions)),
        has_photo=None,
        connection_names=tuple(people),
        connection_count=len(people),
        posts=tuple(posts),
    )


def _rows(
    archive: ExportArchive, names: Iterable[str], file: str, header: str
) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for name in find(names, file):
        rows.extend(load_csv(archive, name, header))
    return rows


def _get(row: dict[str, str], column: str) -> str:
    value = row.get(column)
    return value.strip() if isinstance(value, str) else ""


def _fields(profile: dict[str, str], positions: list[dict[str, str]]) -> list[ProfileField]:
    fields: list[ProfileField] = []
    if value := _get(profile, "Headline"):
        fields.append(ProfileField(FieldKind.OCCUPATION, "Headline", value))
    if value := _get(profile, "Summary"):
        fields.append(ProfileField(FieldKind.BIO, "About (summary)", value))
    if value := _get(profile, "Geo Location"):
        fields.append(ProfileField(FieldKind.LOCATION, "Location", value))
    for job in positions:
        current = not _get(job, "Finished On")
        for kind, column, label in (
            (FieldKind.EMPLOYER, "Company Name", "Experience: company"),
            (FieldKind.OCCUPATION, "Title", "Experience: title"),
            (FieldKind.WORK_LOCATION, "Location", "Experience: location"),
        ):
            if value := _get(job, column):
                fields.append(ProfileField(kind, label, value, current=current))
    return fields


def _date(value: str) -> dt.datetime | None:
    for pattern in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d", "%d %b %Y"):
        try:
            return dt.datetime.strptime(value, pattern).replace(tzinfo=dt.UTC)
        except ValueError:
            continue
    return None
