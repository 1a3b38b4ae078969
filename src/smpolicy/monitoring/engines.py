"""Where the analysis runs: DuckDB embedded (default) or Spark (local or a cluster).

Only reading files differs between engines; everything after ``lines()`` / ``csv()`` is the
same Ibis expression on both. DuckDB streams each file (gzip too) and spills to disk when a
query outgrows memory; Spark splits the work across its executors.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path
from typing import Any, Protocol

import ibis
import ibis.expr.types as ir
import pandas as pd

from smpolicy.exceptions import ConfigError, MonitoringError

ENGINES = ("duckdb", "spark")
_names = itertools.count()


class Engine(Protocol):
    name: str
    con: Any

    def lines(self, paths: list[Path]) -> ir.Table:
        """One string column ``line`` per physical line; blank lines dropped."""

    def csv(self, paths: list[Path]) -> ir.Table:
        """CSV with a header, every column as text."""

    def small(self, frame: pd.DataFrame) -> ir.Table:
        """A small lookup table (catalogue, register) registered in the engine."""

    def undecodable(self) -> int:
        """Lines the reader had to reject (invalid UTF-8 and the like) since the last call."""

    def close(self) -> None: ...


def _sql_list(paths: list[Path]) -> str:
    quoted = ", ".join("'" + str(p).replace("'", "''") + "'" for p in paths)
    return f"[{quoted}]"


class DuckDBEngine:
    name = "duckdb"

    def __init__(self, threads: int | None = None, memory_limit: str | None = None) -> None:
        self.con = ibis.duckdb.connect()
        # Nothing here depends on row order (every result is grouped, then sorted in Python);
        # keeping file order made peak memory creep up with the log size.
        self.con.raw_sql("SET preserve_insertion_order = false")
        settings = {"threads": threads, "memory_limit": memory_limit}
        for key, value in settings.items():
            if value is not None:
                self.con.raw_sql(f"SET {key} = '{value}'")
        self._rejects: list[str] = []

    def lines(self, paths: list[Path]) -> ir.Table:
        number = next(_names)
        view, rejects = f"smp_lines_{number}", f"smp_rejects_{number}"
        # A delimiter that never appears and no quoting: each line is one column, verbatim.
        self.con.raw_sql(
            f"CREATE OR REPLACE TEMP VIEW {view} AS SELECT line FROM read_csv({_sql_list(paths)}, "
            "columns={'line': 'VARCHAR'}, delim='\\x1e', quote='', escape='', header=false, "
            "auto_detect=false, strict_mode=false, max_line_size=1048576, "
            f"store_rejects=true, rejects_table='{rejects}', rejects_scan='{rejects}_scan') "
            # A line of spaces only is blank (as trim() says), without copying every line.
            "WHERE regexp_matches(line, '[^ ]')"
        )
        self._rejects.append(rejects)
        return self.con.table(view)

    def csv(self, paths: list[Path]) -> ir.Table:
        view = f"smp_csv_{next(_names)}"
        self.con.raw_sql(
            f"CREATE OR REPLACE TEMP VIEW {view} AS SELECT * FROM read_csv({_sql_list(paths)}, "
            "header=true, all_varchar=true, null_padding=true, strict_mode=false)"
        )
        return self.con.table(view)

    def small(self, frame: pd.DataFrame) -> ir.Table:
        return self.con.create_table(f"smp_small_{next(_names)}", frame, temp=True)

    def undecodable(self) -> int:
        total = 0
        for table in self._rejects:
            try:
                total += self.con.raw_sql(f"SELECT count(*) FROM {table}").fetchone()[0]
            except Exception:
                continue
        self._rejects = []
        return int(total)

    def close(self) -> None:
        self.con.disconnect()


class SparkEngine:
    name = "spark"

    def __init__(self, master: str | None = None) -> None:
        try:
            from pyspark.sql import SparkSession
        except ImportError:
            raise ConfigError(
                "--engine spark needs PySpark: pip install 'smpolicy[spark]' (and Java 17)"
            ) from None
        builder = (
            SparkSession.builder.master(master or os.environ.get("SMPOLICY_SPARK_MASTER",
                                                                 "local[*]"))
            .appName("smpolicy-monitor")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.shuffle.partitions", "4")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.ansi.enabled", "false")
        )
        try:
            self.session = builder.getOrCreate()
        except Exception as error:
            raise MonitoringError(f"cannot start Spark: {error}") from None
        self.session.sparkContext.setLogLevel("ERROR")
        self.con = ibis.pyspark.connect(self.session)

    def lines(self, paths: list[Path]) -> ir.Table:
        view = f"smp_lines_{next(_names)}"
        frame = self.session.read.text([str(p) for p in paths]).withColumnRenamed("value", "line")
        frame.filter("trim(line) <> ''").createOrReplaceTempView(view)
        return self.con.table(view)

    def csv(self, paths: list[Path]) -> ir.Table:
        view = f"smp_csv_{next(_names)}"
        self.session.read.csv([str(p) for p in paths], header=True).createOrReplaceTempView(view)
        return self.con.table(view)

    def small(self, frame: pd.DataFrame) -> ir.Table:
        view = f"smp_small_{next(_names)}"
        self.session.createDataFrame(frame).createOrReplaceTempView(view)
        return self.con.table(view)

    def undecodable(self) -> int:
        return 0  # Spark decodes invalid UTF-8 as U+FFFD and parses the line as usual

    def close(self) -> None:
        """Leave the session running: a SparkSession is per process and slow to restart."""


def connect(name: str, **options: Any) -> Engine:
    if name == "duckdb":
        return DuckDBEngine(**options)
    if name == "spark":
        return SparkEngine(**options)
    raise ConfigError(f"unknown engine {name!r}; choose one of {', '.join(ENGINES)}")
