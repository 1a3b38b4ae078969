"""Private profile self-audit from a Facebook, X or LinkedIn data export (section 5, App. 1).

``audit_export(zip_bytes_or_path, service_users=register)`` returns an ``AuditReport``;
``render_text``/``render_html``/``report.to_dict()`` present it. Pure library: no click, no
Django; nothing from the export is written anywhere.
"""

from __future__ import annotations

from smpolicy.selfaudit.archive import ArchiveLimits, open_archive
from smpolicy.selfaudit.audit import audit_export
from smpolicy.selfaudit.checks import Point, PostTally, Severity
from smpolicy.selfaudit.model import Export, FieldKind, Platform, Post, ProfileField
from smpolicy.selfaudit.readers import read_export
from smpolicy.selfaudit.report import AuditReport, render_html, render_text

__all__ = [
    "ArchiveLimits",
    "AuditReport",
    "Export",
    "FieldKind",
    "Platform",
    "Point",
    "Post",
    "PostTally",
    "ProfileField",
    "Severity",
    "audit_export",
    "open_archive",
    "read_export",
    "render_html",
    "render_text",
]
