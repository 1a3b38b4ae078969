"""Readers for the standard personal data exports; ``read_export`` picks the right one."""

from __future__ import annotations

from smpolicy.exceptions import ExportError
from smpolicy.selfaudit.archive import ExportArchive
from smpolicy.selfaudit.model import Export
from smpolicy.selfaudit.readers import facebook, linkedin, twitter

READERS = (facebook, twitter, linkedin)


def read_export(archive: ExportArchive) -> Export:
    """The export read by the first reader that recognises the archive's layout."""
    for reader in READERS:
        if reader.recognises(archive.names):
            return reader.read(archive)
    raise ExportError(
        "this zip is not a Facebook (JSON), X/Twitter or LinkedIn data export: found none of "
        "profile_information.json, data/account.js or Profile.csv. Download your data again; "
        "for Facebook choose the JSON format"
    )
