"""Run a self-audit: vet the archive, read it, check it, report; keep nothing.

The archive is read in memory member by member (never extracted to disk), and only the report
leaves this function. ``audit_export`` takes bytes, a binary file object or a path, so the web
app can pass an upload straight through.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

from smpolicy.policy import Policy
from smpolicy.registers import HashedRegister
from smpolicy.screening import Screener, ScreeningConfig
from smpolicy.screening.parallel import default_workers
from smpolicy.selfaudit.archive import ArchiveLimits, open_archive
from smpolicy.selfaudit.checks import (
    connection_points,
    exposure_point,
    post_points,
    profile_points,
)
from smpolicy.selfaudit.readers import read_export
from smpolicy.selfaudit.report import AuditReport


def audit_export(
    source: bytes | IO[bytes] | str | Path,
    *,
    service_users: HashedRegister | None = None,
    screener: Screener | None = None,
    limits: ArchiveLimits | None = None,
    workers: int | None = None,
) -> AuditReport:
    """Audit one platform's data export; raises ExportError (or UnsafeArchive) if it cannot."""
    archive = open_archive(source, limits)
    try:
        export = read_export(archive)
    finally:
        archive.close()
    # Thousands of past posts: the rules alone by default (the classifier reads ~100 posts/s).
    screener = screener or Screener(config=ScreeningConfig(use_model=False))
    policy: Policy = screener.policy
    points = [*profile_points(export, policy)]
    matches = connection_points(export, service_users)
    posts, tally = post_points(export, screener, default_workers(screener) if workers is None else workers)
    points += matches + posts + [exposure_point(export)]
    points.sort(key=lambda p: p.severity.rank)  # stable: posts stay newest first
    checked = service_users is not None and export.connections_named
    return AuditReport(
        platform=export.platform,
        account=export.account,
        points=tuple(points),
        posts=tally,
        connections=export.connection_count,
        connections_checked=checked,
        connections_matched=sum(1 for p in matches if p.evidence) if checked else 0,
    )
