from __future__ import annotations

import pytest

from smpolicy.exceptions import RegisterError
from smpolicy.registers import MatchKind, import_csv, load_register


def test_rows_are_hashed_and_bad_rows_named_by_line_not_by_name(key):
    data = b"id,Name,team\n1,William Smith,a\n2,,b\n3,Madonna,c\n4,Ann Lee,d\n"
    result = import_csv(data, key, source="users.csv")
    assert result.register.people == 2
    assert [(e.line, e.message) for e in result.errors] == [
        (3, "the name is empty"),
        (4, "needs a first and a last name"),
    ]
    assert "Madonna" not in result.describe_errors()
    assert result.register.match_name("Ann Lee") is MatchKind.NAME


def test_a_register_with_bad_rows_is_refused_as_a_whole_so_nobody_is_left_off(key):
    with pytest.raises(RegisterError, match="1 of 2 rows unusable: line 3"):
        load_register(b"name\nAnn Lee\nCher\n", key)


def test_a_spreadsheet_byte_order_mark_is_accepted(key):
    result = import_csv("\ufeffname\r\nAnn Lee\r\n".encode(), key)
    assert result.register.people == 1 and not result.errors


def test_a_csv_without_a_name_column_says_what_it_found(key):
    with pytest.raises(RegisterError, match=r"needs a 'name' column.*'first', 'last'"):
        import_csv(b"first,last\nAnn,Lee\n", key)


def test_a_csv_that_is_not_utf8_names_the_line(key):
    with pytest.raises(RegisterError, match="line 3 is not UTF-8"):
        import_csv(b"name\nAnn Lee\nZo\xeb Smith\n", key)


def test_a_csv_with_no_rows_is_refused(key):
    with pytest.raises(RegisterError, match="no rows"):
        import_csv(b"name\n", key)
