"""Write a person's subject-access export (everything held about them) to a zip file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from smpolicy.web.people.models import Person
from smpolicy.web.records import subject_access_zip


class Command(BaseCommand):
    help = "Export everything held about one person as a zip (subject access request)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("email", help="The person's email address on the register.")
        parser.add_argument("output", help="Zip file to write.")

    def handle(self, *args: Any, **options: Any) -> None:
        person = Person.objects.filter(email__iexact=options["email"]).first()
        if person is None:
            raise CommandError(f"no person with email {options['email']!r}")
        Path(options["output"]).write_bytes(subject_access_zip(person))
        self.stdout.write(f"wrote {options['output']}")
