"""The site's service-user register, made and read with ``smpolicy.registers``: one way to hash.

Each person is one ``ServiceUser`` row holding the hashes ``registers.person_hashes`` makes, under
the one register key (``SMPOLICY_REGISTER_SALT``, or ``register_salt`` in the engine's
configuration). ``service_user_register()`` joins the rows into the ``HashedRegister`` that the
engine's ``register_match`` detector reads, so the site and ``smpolicy check --service-users``
find the same people with the same nickname, typo and sound tolerance.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max, Q

from smpolicy.registers import (
    SCHEME_VERSION,
    HashedRegister,
    RegisterKey,
    RowError,
    person_hashes,
    resolve_key,
)
from smpolicy.web.people.models import ServiceUser


def register_key() -> RegisterKey:
    """The engine configuration's ``register_salt`` if set, else the site's one key."""
    from smpolicy.web.screening.engine import web_config

    return resolve_key(web_config().register_salt or settings.REGISTER_SALT)


def entry_id(hashes: Iterable[str]) -> str:
    """Identifies a person by their hash set: the same name written two ways gives one entry."""
    return hashlib.sha256(",".join(sorted(hashes)).encode("ascii")).hexdigest()


@dataclass(frozen=True, slots=True)
class Added:
    """What adding names did; errors give line numbers only, never the names."""

    added: int
    already: int
    errors: tuple[RowError, ...] = ()


def add_service_users(names: Iterable[tuple[int, str]]) -> Added:
    """Hash and store (line, name) pairs; names without a first and a last name are reported."""
    key = register_key()
    rows: dict[str, ServiceUser] = {}
    errors = []
    for line, name in names:
        hashes = person_hashes(name, key)
        if hashes is None:
            errors.append(RowError(line, "needs a first and a last name"))
            continue
        entry = entry_id(hashes)
        rows[entry] = ServiceUser(entry=entry, hashes=sorted(hashes), scheme=SCHEME_VERSION,
                                  key_check=key.check)
    with transaction.atomic():
        existing = set(ServiceUser.objects.filter(entry__in=rows).values_list("entry", flat=True))
        ServiceUser.objects.bulk_create([r for e, r in rows.items() if e not in existing],
                                        ignore_conflicts=True)
    return Added(added=len(rows) - len(existing), already=len(existing), errors=tuple(errors))


def _usable(key: RegisterKey) -> Q:
    return Q(key_check=key.check, scheme=SCHEME_VERSION)


def stale_count() -> int:
    """Rows made under another key or scheme: they match nobody until re-imported."""
    return ServiceUser.objects.exclude(_usable(register_key())).count()


def register_version() -> tuple[object, ...]:
    """Changes whenever a row is added or removed: cheap enough to ask on every check."""
    stamp = ServiceUser.objects.aggregate(rows=Count("id"), last=Max("id"), at=Max("added_at"))
    return stamp["rows"], stamp["last"], stamp["at"]


def service_user_register() -> HashedRegister | None:
    """Everyone on the site's register as one ``HashedRegister``, or None when it is empty."""
    key = register_key()
    entries = ServiceUser.objects.filter(_usable(key)).values_list("hashes", flat=True)
    register = HashedRegister.from_entries(entries.iterator(), key)
    return register if register.people else None
