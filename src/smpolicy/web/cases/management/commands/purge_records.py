"""Remove closed records past their retention period and report what went."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from smpolicy.web.records import purge


class Command(BaseCommand):
    help = "Delete closed reports, concerns, cases and saved checks past their retention period."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Report only; delete nothing.")

    def handle(self, *args: Any, **options: Any) -> None:
        removed = purge(dry_run=options["dry_run"])
        verb = "would remove" if options["dry_run"] else "removed"
        for kind, ids in removed.items():
            shown = ", ".join(map(str, ids[:20])) + (" ..." if len(ids) > 20 else "")
            self.stdout.write(f"{kind}: {verb} {len(ids)}" + (f" ({shown})" if ids else ""))
