"""DuckDB and Spark run the same Ibis expressions and must give identical reports."""

from __future__ import annotations

import shutil

import pytest

from smpolicy.monitoring import analyse, connect, detect, load_catalogue
from smpolicy.monitoring.generate import Scenario, write_log

pytest.importorskip("pyspark")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java 17")
def test_duckdb_and_spark_give_identical_results(tmp_path, new_world, odd_squid_lines) -> None:
    world = new_world(Scenario(people=6, days=4, noise_per_hour=5))
    log, odd = tmp_path / "access.log.gz", tmp_path / "odd.log"
    write_log(log, "squid", world.requests, world.truth, malformed_rate=0.01)
    odd.write_text("\n".join(odd_squid_lines(400)) + "\n", encoding="utf-8")
    files = [(log, detect(log)), (odd, detect(log))]  # odd lines, with the parsing shortcut
    duck = analyse(connect("duckdb"), files, load_catalogue(), world.register)
    spark = analyse(connect("spark", master="local[2]"), files, load_catalogue(), world.register)
    assert duck.rows and duck.malformed
    assert spark == duck
