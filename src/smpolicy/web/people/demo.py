"""A small demo council: every scope category, managers, a Town Clerk, communications, an auditor.

Deterministic (seeded) so screenshots and benchmarks are repeatable. One password hash is shared
by all demo accounts: hashing it once keeps loading 1,000 people fast.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from smpolicy.policy import DEFAULT_POLICY_PATH
from smpolicy.web.acknowledgements.models import Acknowledgement
from smpolicy.web.people.models import Person, Role
from smpolicy.web.people.register import add_service_users
from smpolicy.web.policies.models import PolicyVersion

FIRST = ["Alex", "Sam", "Priya", "Tom", "Grace", "Mohammed", "Ellie", "Jack", "Aisha", "Owen",
         "Ruth", "Daniel", "Chloe", "Ben", "Fatima", "Harry", "Zoe", "Lewis", "Megan", "Ravi",
         "Hannah", "George", "Amy", "Ibrahim", "Lucy", "Josh", "Sian", "Callum", "Nadia", "Peter"]
LAST = ["Morgan", "Hughes", "Patel", "Baker", "Evans", "Khan", "Turner", "Wright", "Ali", "Price",
        "Cooper", "Shaw", "Fletcher", "Hill", "Begum", "Walsh", "Reid", "Dixon", "Lloyd", "Shah",
        "Parry", "Marsh", "Doyle", "Hussain", "Green", "Webb", "Rees", "Stone", "Ahmed", "Cole"]
# Made-up service users of the demo council (hashed on load, like any register).
DEMO_SERVICE_USERS = ("Mrs Jean Jones", "Mr Brian Cole")
TEAMS = ["Operations", "Finance", "Tourist Information Centre", "Events and Community"]
# (scope category, share of the general staff): the rest are employees.
CATEGORY_MIX = [("contractor", 0.08), ("agency_worker", 0.08), ("volunteer", 0.12),
                ("apprentice", 0.06), ("student", 0.06)]


@dataclass(frozen=True, slots=True)
class DemoLogins:
    password: str
    usernames: dict[str, str]  # role -> a username with that role


def load_demo(password: str, people: int = 40, seed: int = 2017) -> DemoLogins:
    """Create the demo council in an empty register; returns one login per role."""
    rng = random.Random(seed)
    hashed = make_password(password)
    names = _names(people, rng)
    today = timezone.localdate()
    with transaction.atomic():
        version = PolicyVersion.objects.create(
            policy_id="shaftesbury-2017-acceptable-use-of-social-media", version="2017.1",
            title="Acceptable use of social media policy",
            document=DEFAULT_POLICY_PATH.read_text(encoding="utf-8"),
        )
        version.published_at = timezone.now() - dt.timedelta(days=30)
        version.save(update_fields=["published_at"])
        made: list[Person] = []

        def add(role: str, category: str, title: str, team: str,
                manager: Person | None, days: str = "01234") -> Person:
            name = names[len(made)]
            username = name.lower().replace(" ", ".") + (f"{len(made)}" if len(made) >= 900 else "")
            user = get_user_model().objects.create(username=username, password=hashed,
                                                   first_name=name.split()[0],
                                                   last_name=name.split()[-1])
            person = Person.objects.create(
                user=user, name=name, email=f"{username}@example.org", scope_category=category,
                role=role, job_title=title, team=team, line_manager=manager, working_days=days,
                start_time=dt.time(9 if category != "volunteer" else 10, 0),
                end_time=dt.time(17 if category == "employee" else 13, 0),
                break_minutes=30 if category == "employee" else 0,
                active_from=today - dt.timedelta(days=rng.randint(40, 3000)),
            )
            made.append(person)
            return person

        clerk = add(Role.TOWN_CLERK, "employee", "Town Clerk", "Management", None)
        add(Role.HR, "employee", "Deputy Town Clerk (HR)", "Management", clerk)
        add(Role.AUDITOR, "contractor", "Internal auditor", "Management", clerk, days="2")
        for _ in range(2):
            add(Role.COMMUNICATIONS, "employee", "Communications officer", "Communications", clerk)
        managers = [add(Role.MANAGER, "employee", f"{team} manager", team, clerk) for team in TEAMS]
        while len(made) < people:
            index = len(made)
            manager = managers[index % len(managers)]
            category = _category(rng)
            full_time = category in ("employee", "agency_worker", "apprentice")
            days = "01234" if full_time else "".join(sorted(rng.sample("01234", rng.randint(1, 3))))
            title = _title(category, manager.team)
            add(Role.EMPLOYEE, category, title, manager.team, manager, days)
        Acknowledgement.objects.bulk_create(
            Acknowledgement(person=p, version=version) for p in made if rng.random() < 0.65
        )
        add_service_users(enumerate(DEMO_SERVICE_USERS, start=1))
    by_role: dict[str, str] = {}
    for person in made:
        if person.user is not None:
            by_role.setdefault(person.role, person.user.get_username())
    return DemoLogins(password, by_role)


def _names(count: int, rng: random.Random) -> list[str]:
    pairs = [f"{first} {last}" for first in FIRST for last in LAST]
    rng.shuffle(pairs)
    while len(pairs) < count:
        pairs += pairs[: count - len(pairs)]
    return pairs[:count]


def _category(rng: random.Random) -> str:
    roll = rng.random()
    for category, share in CATEGORY_MIX:
        if roll < share:
            return category
        roll -= share
    return "employee"


def _title(category: str, team: str) -> str:
    return {
        "contractor": "Grounds maintenance contractor",
        "agency_worker": "Agency administrator",
        "volunteer": "Volunteer",
        "apprentice": "Apprentice",
        "student": "Work experience student",
    }.get(category, f"{team} officer")
