"""Personas for the web tests: one person per role, a manager with a report and an outsider.

    clerk (Town Clerk) ── manager ── report
                      └─ other_manager ── outsider
    hr, auditor, comms report to the clerk.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from smpolicy.policy import DEFAULT_POLICY_PATH
from smpolicy.web.people.models import ApiToken, Person, Role
from smpolicy.web.policies.models import PolicyVersion

PASSWORD = "a-test-password-17"


def make_person(username: str, role: str, *, category: str = "employee",
                manager: Person | None = None, team: str = "") -> Person:
    user = User.objects.create_user(username, password=PASSWORD)
    return Person.objects.create(
        user=user, name=username.replace("_", " ").title(), email=f"{username}@example.org",
        scope_category=category, role=role, team=team, line_manager=manager,
        active_from=dt.date(2020, 1, 1),
    )


class Personas:
    def __init__(self) -> None:
        self.clerk = make_person("clerk", Role.TOWN_CLERK, team="Management")
        self.hr = make_person("hr", Role.HR, manager=self.clerk, team="Management")
        self.auditor = make_person("auditor", Role.AUDITOR, category="contractor",
                                   manager=self.clerk, team="Management")
        self.comms = make_person("comms", Role.COMMUNICATIONS, manager=self.clerk,
                                 team="Communications")
        self.manager = make_person("manager", Role.MANAGER, manager=self.clerk, team="Finance")
        self.report = make_person("report", Role.EMPLOYEE, category="volunteer",
                                  manager=self.manager, team="Finance")
        self.other_manager = make_person("other_manager", Role.MANAGER, manager=self.clerk,
                                         team="Operations")
        self.outsider = make_person("outsider", Role.EMPLOYEE, category="apprentice",
                                    manager=self.other_manager, team="Operations")

    def by_role(self) -> dict[str, Person]:
        return {
            "employee": self.report, "manager": self.manager, "town_clerk": self.clerk,
            "hr": self.hr, "communications": self.comms, "auditor": self.auditor,
        }


@pytest.fixture(autouse=True)
def fast_password_hashing(settings) -> None:
    """Test accounts need no brute-force resistance; the real hasher costs ~0.3 s a user."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def fresh_rate_limits() -> None:
    """Each test starts with no sign-in or concern attempts counted against 127.0.0.1."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def personas(db: None) -> Personas:
    return Personas()


@pytest.fixture
def published(db: None) -> PolicyVersion:
    """The shipped policy, published 20 days ago (so reminders are due after 14 days)."""
    version = PolicyVersion.objects.create(
        policy_id="shaftesbury-2017-acceptable-use-of-social-media", version="2017.1",
        title="Acceptable use of social media policy",
        document=DEFAULT_POLICY_PATH.read_text(encoding="utf-8"),
        published_at=timezone.now() - dt.timedelta(days=20),
    )
    return version


@pytest.fixture
def login() -> Callable[[Person], Client]:
    def _login(person: Person) -> Client:
        client = Client()
        assert person.user is not None
        client.force_login(person.user)
        return client

    return _login


@pytest.fixture
def bearer() -> Callable[[Person], dict[str, str]]:
    """Headers carrying a fresh API token for a person."""

    def _bearer(person: Person) -> dict[str, str]:
        return {"Authorization": f"Bearer {ApiToken.issue(person.user)}"}

    return _bearer
