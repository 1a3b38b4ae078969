"""``load_demo``: fill an empty register with the demo council and print one login per role."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from smpolicy.web.people.demo import load_demo
from smpolicy.web.people.models import Person
from smpolicy.web.secrets import config_dir, key_from_env_or_file


class Command(BaseCommand):
    help = "Load the demo council (~40 people across every scope category) into an empty register."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--people", type=int, default=40, help="How many people (default 40).")
        parser.add_argument("--if-empty", action="store_true",
                            help="Do nothing (and succeed) when the register already has people.")

    def handle(self, *args: Any, people: int, if_empty: bool, **options: Any) -> None:
        if people < 12:
            raise CommandError("--people must be at least 12 (one of each role and category)")
        password = key_from_env_or_file("SMPOLICY_DEMO_PASSWORD", "demo_password")[:16]
        if Person.objects.exists():
            if if_empty:
                self.stdout.write("The register already has people; demo data not loaded.")
                self._print_logins(password, None)
                return
            raise CommandError("the register already has people; use an empty database")
        logins = load_demo(password, people=people)
        self.stdout.write(self.style.SUCCESS(f"Loaded the demo council: {people} people."))
        self._print_logins(password, logins.usernames)

    def _print_logins(self, password: str, usernames: dict[str, str] | None) -> None:
        if usernames:
            for role, username in usernames.items():
                self.stdout.write(f"  {role:<15} {username}")
        self.stdout.write(
            f"Demo password (all demo accounts): {password}\n"
            f"(kept in {config_dir() / 'demo_password'} unless SMPOLICY_DEMO_PASSWORD is set)"
        )
