from __future__ import annotations

import io
import json

import pytest

from smpolicy.exceptions import RegisterError
from smpolicy.registers import HashedRegister, MatchKind, RegisterKey, load_register


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("William Smith", MatchKind.NAME),
        ("Bill Smith", MatchKind.NAME),
        ("Mr W. Smith", None),
        ("SMITH, Billy", MatchKind.NAME),
        ("Sian O'Connor", MatchKind.NAME),
        ("Siân Oconnor", MatchKind.NAME),
        ("Kate Jones", MatchKind.NAME),
        ("Kathrine Jones", MatchKind.SPELLING),
        ("Katherine Joness", MatchKind.SPELLING),
        ("Catherine Jones", MatchKind.SPELLING),
        ("Willaim Smith", MatchKind.SPELLING),
        ("Mary Brown", MatchKind.NAME),
        ("Sandy Turner", MatchKind.NAME),
        ("Katharine Jonas", MatchKind.SOUNDS_LIKE),
        ("Robert Smith", None),
        ("Lu Wu", None),
        ("Jane Doe", None),
    ],
)
def test_names_match_through_nicknames_typos_and_sound(register, name, kind):
    assert register.match_name(name) is kind


def test_the_register_file_holds_no_plain_name(register, tmp_path):
    path = tmp_path / "service-users.json"
    register.save(path)
    text = path.read_text().lower()
    for word in ("smith", "william", "oconnor", "connor", "jones", "katherine", "turner"):
        assert word not in text
    assert json.loads(text)["people"] == 6


def test_a_saved_register_loads_and_matches_the_same(register, key, tmp_path):
    path = tmp_path / "register.json"
    register.save(path)
    loaded = load_register(path, key)
    assert loaded == register
    assert loaded.match_name("Billy Smith") is MatchKind.NAME


def test_a_register_opened_with_another_key_is_refused(register, tmp_path):
    path = tmp_path / "register.json"
    register.save(path)
    with pytest.raises(RegisterError, match="different key"):
        load_register(path, RegisterKey(b"another-key-entirely"))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"format": "something-else"}, "not a hashed register"),
        ({"scheme": 99}, "hash the CSV again"),
        ({"hashes": ["not hex"]}, "32-character hex"),
        ({"people": -1}, "non-negative"),
    ],
)
def test_a_damaged_register_file_is_refused_with_the_reason(register, key, change, message):
    document = register.to_json() | change
    with pytest.raises(RegisterError, match=message):
        load_register(json.dumps(document).encode(), key)


def test_a_csv_register_is_hashed_on_load(key):
    loaded = load_register(io.BytesIO(b"name\nRobert Brown\n"), key)
    assert loaded.match_name("Bob Brown") is MatchKind.NAME


def test_a_missing_register_file_is_a_clear_error(key, tmp_path):
    with pytest.raises(RegisterError, match="cannot read register"):
        load_register(tmp_path / "nowhere.csv", key)


def test_hashes_do_not_reveal_the_order_of_the_csv(key):
    one = HashedRegister.from_names(["Ann Lee", "Bob Ray"], key)
    two = HashedRegister.from_names(["Bob Ray", "Ann Lee"], key)
    assert one.to_json() == two.to_json()


def test_a_register_kept_person_by_person_is_the_same_register(key):
    from smpolicy.registers import person_hashes

    names = ["Ann Lee", "Bill Smith", "Mrs Siân O'Connor"]
    whole = HashedRegister.from_names(names, key)
    rows = HashedRegister.from_entries([person_hashes(name, key) for name in names], key)
    assert (rows.hashes, rows.people) == (whole.hashes, whole.people)
    assert rows.match_name("William Smith") is MatchKind.NAME
    assert person_hashes("Cher", key) is None


def test_csv_names_are_read_row_by_row_with_bad_rows_by_line(key):
    from smpolicy.registers import read_names

    names, errors, rows = read_names(b"name\nAnn Lee\nCher\n\nBob Ray\n")
    assert names == ["Ann Lee", "Bob Ray"] and rows == 3
    assert [str(e) for e in errors] == ["line 3: needs a first and a last name"]
