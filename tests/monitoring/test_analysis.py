"""Working-time minutes, breaks, exemptions and background use against generated truth."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from smpolicy.monitoring import analyse, connect, detect, load_catalogue
from smpolicy.monitoring.analysis import Analysis
from smpolicy.monitoring.formats import CsvMapping
from smpolicy.monitoring.generate import Truth, write_log

CSV_MAP = CsvMapping.parse("ts=Time,client_ip=Source IP,url=URL,username=User")


def run(world, fmt: str, engine: str = "duckdb",
        malformed_rate: float = 0.0) -> tuple[Analysis, Truth]:
    truth = dataclasses.replace(world.truth, malformed={}, lines=0)
    log = world.directory / f"access.{fmt}.{engine}.gz"
    write_log(log, fmt, world.requests, truth, malformed_rate=malformed_rate)
    backend = connect(engine)
    mapping = CSV_MAP if fmt == "csv" else None
    return analyse(backend, [(log, detect(log, mapping))], load_catalogue(), world.register), truth


def by_key(analysis: Analysis) -> dict[tuple[str, str], object]:
    return {(r.person_id, r.date): r for r in analysis.rows}


@pytest.fixture(scope="module")
def squid(world):
    return run(world, "squid", malformed_rate=0.003)


def test_working_time_minutes_match_the_truth_within_one_minute(squid) -> None:
    analysis, truth = squid
    rows = by_key(analysis)
    keys = set(rows) | set(truth.personal)
    assert keys, "the scenario must produce some personal use"
    for key in keys:
        got = rows[key].personal_minutes if key in rows else 0
        assert abs(got - len(truth.personal.get(key, ()))) <= 1, key


def test_background_polling_is_found(squid) -> None:
    analysis, truth = squid
    rows = by_key(analysis)
    expected = {(pid, date) for (pid, date) in truth.background}
    found = {key for key in expected if key in rows and rows[key].background_minutes > 0}
    assert len(truth.runs) >= 10
    assert len(found) / len(expected) >= 0.95
    for key, minutes in truth.background.items():
        assert abs(rows[key].background_minutes - len(minutes)) <= 1, key


def test_business_users_get_no_rows(squid, world) -> None:
    analysis, _ = squid
    exempt = {p for p in world.register.people if world.register.is_exempt(p)}
    assert exempt
    assert not exempt & {r.person_id for r in analysis.rows}


def test_use_on_bank_holidays_and_weekends_is_never_counted(squid) -> None:
    analysis, _ = squid
    # Breaks and out-of-hours use are in the generated logs and left out of the truth, which the
    # minutes test compares against; here: nothing on Good Friday or Easter Monday 2024.
    dates = {r.date for r in analysis.rows}
    assert "2024-03-29" not in dates and "2024-04-01" not in dates
    assert not {"2024-03-30", "2024-03-31"} & dates  # weekend


def test_malformed_lines_are_counted_by_reason_and_the_rest_still_counts(squid) -> None:
    analysis, truth = squid
    assert truth.malformed and analysis.malformed == truth.malformed
    assert analysis.lines_read == truth.lines


@pytest.mark.parametrize("fmt", ["combined", "w3c", "csv"])
def test_every_log_format_gives_the_same_report(world, squid, fmt: str) -> None:
    analysis, truth = run(world, fmt)
    assert analysis.rows == squid[0].rows
    assert analysis.lines_read == truth.lines
    assert analysis.malformed == {}


def test_an_unknown_host_or_person_is_not_reported(tmp_path: Path, world) -> None:
    log = tmp_path / "a.log"
    log.write_text(
        "1711357200.000 5 10.0.0.10 TCP_MISS/200 10 GET https://www.bbc.co.uk/ - HIER_NONE/- -\n"
        "1711357200.000 5 10.99.0.1 TCP_MISS/200 10 GET https://www.facebook.com/ - HIER_NONE/- -\n"
    )
    analysis = analyse(connect("duckdb"), [(log, detect(log))], load_catalogue(), world.register)
    assert analysis.rows == ()
    assert (analysis.lines_read, analysis.lines_matched) == (2, 1)


def test_a_log_without_social_media_gives_no_rows_and_still_counts_every_line(
        tmp_path: Path, world) -> None:
    log = tmp_path / "quiet.log"
    log.write_text(
        "1711357200.000 5 10.0.0.10 TCP_MISS/200 10 GET https://www.bbc.co.uk/ - HIER_NONE/- -\n"
        "1711357201.000 5 10.0.0.10 TCP_MISS/200\n"
    )
    analysis = analyse(connect("duckdb"), [(log, detect(log))], load_catalogue(), world.register)
    assert analysis.rows == ()
    assert (analysis.lines_read, analysis.lines_matched) == (2, 0)
    assert analysis.malformed == {"too_few_fields": 1}


def test_urls_with_a_scheme_user_or_port_give_their_host_and_an_empty_host_is_malformed(
        tmp_path: Path, world) -> None:
    line = "1711357200.000 5 10.99.0.1 TCP_MISS/200 10 GET {} - HIER_NONE/- -\n"
    urls = ["https://user:pw@WWW.Facebook.com:443/x", "www.facebook.com:443",
            "http://a.b@/x", "http:///x"]
    log = tmp_path / "c.log"
    log.write_text("".join(line.format(u) for u in urls) + "   \n")  # the last line is blank
    analysis = analyse(connect("duckdb"), [(log, detect(log))], load_catalogue(), world.register)
    assert analysis.lines_matched == 2
    assert analysis.malformed == {"no_host": 2}
    assert analysis.lines_read == 4


def test_undecodable_bytes_are_counted_not_fatal(tmp_path: Path, world) -> None:
    log = tmp_path / "b.log"
    good = (b"1711357200.000 5 10.0.0.10 TCP_MISS/200 10 GET https://www.facebook.com/ - "
            b"HIER_NONE/- -\n")
    log.write_bytes(good + b"1711357201.000 5 10.0.0.10 \xff\xfe broken\n" + good)
    analysis = analyse(connect("duckdb"), [(log, detect(log))], load_catalogue(), world.register)
    assert analysis.malformed == {"undecodable": 1}
    assert analysis.lines_read == 3 and analysis.lines_matched == 2


@pytest.mark.parametrize("stamp", ["99999999999999999999", "171135720000000000", "-5", "12.5"])
def test_a_clock_far_out_of_range_is_a_bad_timestamp_not_a_crash(
        tmp_path: Path, world, stamp: str) -> None:
    good = "1711357200.000 5 10.0.0.10 TCP_MISS/200 10 GET https://www.facebook.com/ - HIER_NONE/- -"
    log = tmp_path / "clock.log"
    log.write_text(f"{good}\n{good.replace('1711357200.000', stamp, 1)}\n{good}\n")
    analysis = analyse(connect("duckdb"), [(log, detect(log))], load_catalogue(), world.register)
    assert analysis.malformed == {"bad_timestamp": 1}
    assert (analysis.lines_read, analysis.lines_matched) == (3, 2)


@pytest.mark.parametrize("stamp", ["99999999999999999999", "-5", "0001-01-01T09:00:00"])
def test_a_csv_clock_out_of_range_is_a_bad_timestamp(tmp_path: Path, world, stamp: str) -> None:
    fmt = "epoch" if stamp[-1].isdigit() and "T" not in stamp else "iso"
    mapping = CsvMapping.parse(f"ts=Time,client_ip=IP,url=URL,ts_format={fmt}")
    good = "1711357200" if fmt == "epoch" else "2024-03-25T09:00:00"
    log = tmp_path / "clock.csv"
    log.write_text(f"Time,IP,URL\n{good},10.0.0.10,https://www.facebook.com/\n"
                   f"{stamp},10.0.0.10,https://www.facebook.com/\n")
    analysis = analyse(connect("duckdb"), [(log, detect(log, mapping))], load_catalogue(),
                       world.register)
    assert analysis.malformed == {"bad_timestamp": 1}
    assert analysis.lines_matched == 1
