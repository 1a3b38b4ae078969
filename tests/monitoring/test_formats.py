"""The Squid shortcut: skipping the field split of ordinary lines must not change any count."""

from __future__ import annotations

import ibis
import pandas as pd
import pytest

from smpolicy.monitoring import load_catalogue
from smpolicy.monitoring.formats import OK, parse_squid

ORDINARY = ("1711357200.123    812 10.0.0.1 TCP_MISS/200 5120 GET https://www.bbc.co.uk/news - "
            "HIER_DIRECT/1.2.3.4 text/html")


@pytest.fixture(scope="module")
def parsed(odd_squid_lines) -> tuple[list[str], pd.DataFrame, pd.DataFrame]:
    lines = [ORDINARY, ORDINARY.replace("www.bbc.co.uk", "WWW.FaceBook.com")]
    lines += odd_squid_lines(3000)
    con = ibis.duckdb.connect()
    con.raw_sql("SET threads = 1")  # one thread: a projection keeps the input order
    table = con.create_table("lines", pd.DataFrame({"line": lines}))
    full = con.execute(parse_squid(table))
    fast = con.execute(parse_squid(table, wanted=load_catalogue().domains()))
    return lines, full, fast


def test_an_ordinary_line_skips_the_split_and_a_social_media_line_does_not(parsed) -> None:
    _, full, fast = parsed
    assert fast.reason[0] == OK and pd.isna(fast.host[0]) and full.host[0] == "www.bbc.co.uk"
    assert fast.host[1] == full.host[1] == "www.facebook.com"


def test_the_shortcut_changes_no_reason_and_drops_only_hosts_nobody_wants(parsed) -> None:
    lines, full, fast = parsed
    catalogue = load_catalogue()
    assert len(full) == len(fast) == len(lines)
    skipped = 0
    for i, line in enumerate(lines):
        before, after = full.iloc[i], fast.iloc[i]
        assert after.reason == before.reason, line
        if after.reason == OK and pd.isna(after.host):
            skipped += 1
            assert catalogue.match(before.host) is None, line
            assert after.isna()[["ts", "client_ip", "username"]].all(), line
        else:
            assert after.equals(before), line
    reasons = full.reason.value_counts()
    # the sample holds every outcome, and ok lines both with and without the shortcut
    assert {OK, "too_few_fields", "bad_timestamp", "no_host"} <= set(reasons.index)
    assert 0 < skipped < reasons[OK]
