from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from smpolicy.exceptions import InvalidPolicy, PolicyNotFound
from smpolicy.policy import DEFAULT_POLICY_PATH, load_policy, parse_policy


def test_the_shipped_policy_has_every_numbered_clause_of_the_text():
    policy = load_policy()
    ids = {clause.id for clause in policy.clauses}
    expected = {"1.1", "2.2", "3.1", "5.2", "5.3", "6.1.v", "6.1.viii", "6.2.i", "6.3.i", "6.3.ii",
                "6.4(a)", "6.4(b)", "6.4(c)", "6.4(d)", "6.4(e)", "7.2", "8.1", "8.2", "8.3", "9.2",
                "App1.1", "App1.4", "App1.13"}
    assert expected <= ids
    assert policy.organisation == "Shaftesbury Town Council"


def test_clause_text_is_verbatim_from_the_policy():
    source = Path(__file__).parents[3].joinpath(
        "shared/policy/shaftesbury-2017-acceptable-use-of-social-media.txt")
    if not source.exists():
        pytest.skip("shared policy text not beside the checkout")
    text = source.read_text(encoding="utf-8")
    for clause_id in ("5.3", "6.3.i", "7.2", "App1.4"):
        assert load_policy().clause(clause_id).text in text


def test_scope_covers_every_category_of_2_1_and_2_2():
    scope = {s.id for s in load_policy().scope}
    assert scope == {"employee", "contractor", "agency_worker", "volunteer", "apprentice", "student"}


def test_unknown_clause_names_the_clauses_of_that_section():
    with pytest.raises(PolicyNotFound, match=r"6\.4\(a\)"):
        load_policy().clause("6.4(z)")


def _document() -> dict:
    return yaml.safe_load(DEFAULT_POLICY_PATH.read_text(encoding="utf-8"))


def test_a_missing_field_is_named_by_its_path():
    document = _document()
    del document["clauses"][3]["id"]
    with pytest.raises(InvalidPolicy, match=r"clauses\.3\.id: Field required"):
        parse_policy(document)


def test_a_malformed_clause_id_is_refused():
    document = _document()
    document["clauses"][0]["id"] = "six point four"
    with pytest.raises(InvalidPolicy, match=r"clauses\.0\.id"):
        parse_policy(document)


def test_duplicate_clause_ids_are_refused():
    document = _document()
    document["clauses"][1]["id"] = document["clauses"][0]["id"]
    with pytest.raises(InvalidPolicy, match="duplicate clause id"):
        parse_policy(document)


def test_a_council_can_add_protected_characteristics(tmp_path: Path):
    document = _document()
    document["organisation"] = "Anytown Parish Council"
    document["protected_characteristics"].append({"id": "pregnancy_maternity", "label": "pregnancy and maternity"})
    path = tmp_path / "anytown.yaml"
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    policy = load_policy(path)
    assert policy.organisation == "Anytown Parish Council"
    assert "pregnancy_maternity" in {c.id for c in policy.protected_characteristics}


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"clauses: [unclosed", "not valid YAML"), (b"\xff\xfe bad", "not UTF-8"), (b"- a list", "a mapping")],
)
def test_unreadable_policy_files_get_a_clear_error(tmp_path: Path, content: bytes, message: str):
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    with pytest.raises(InvalidPolicy, match=message):
        load_policy(path)


def test_a_missing_policy_file_is_reported():
    with pytest.raises(PolicyNotFound, match="no policy file"):
        load_policy("/nonexistent/policy.yaml")
