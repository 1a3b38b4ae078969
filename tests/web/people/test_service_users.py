"""The service-user register keeps only keyed hashes of names (6.4(b))."""

from __future__ import annotations

from smpolicy.web.people.models import ServiceUser


def test_names_are_stored_only_as_hashes_and_still_match(personas, login):
    login(personas.clerk).post("/people/service-users/", {"names": "Mrs Jean Jones\nBrian Cole\n"})
    stored = list(ServiceUser.objects.values_list("name_hash", flat=True))
    assert len(stored) == 2
    assert all("jones" not in h.lower() and len(h) == 64 for h in stored)
    assert ServiceUser.is_registered("  mrs  JEAN jones ")
    assert not ServiceUser.is_registered("Jean Smith")


def test_adding_a_name_twice_keeps_one_entry(personas, login):
    client = login(personas.hr)
    client.post("/people/service-users/", {"names": "Brian Cole"})
    client.post("/people/service-users/", {"names": "brian cole"})
    assert ServiceUser.objects.count() == 1
