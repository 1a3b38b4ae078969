"""Local clock time inside the engine without time-zone functions.

DuckDB needs its ICU extension for zone conversion and Spark has its own functions; a
``CASE`` over the zone's transitions, computed here from the standard ``zoneinfo`` database,
gives both engines the same answer. Only the transitions within the data's span are used.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import ibis
import ibis.expr.types as ir


def _offset(zone: ZoneInfo, instant: int) -> int:
    moment = datetime.fromtimestamp(instant, UTC).astimezone(zone)
    delta = moment.utcoffset() or timedelta(0)
    return int(delta.total_seconds())


def transitions(zone: ZoneInfo, first: int, last: int) -> list[tuple[int, int]]:
    """``(from_instant, offset_seconds)`` pairs covering [first, last], oldest first."""
    changes = [(first, _offset(zone, first))]
    hour = 3600
    instant = first - first % hour + hour
    while instant <= last:
        offset = _offset(zone, instant)
        if offset != changes[-1][1]:
            low = instant - hour  # zones change on whole minutes at most; find the minute
            while _offset(zone, low + 60) != offset:
                low += 60
            changes.append((low + 60, offset))
        instant += hour
    return changes


def utc_offset(ts: ir.IntegerValue, zone: ZoneInfo, first: int, last: int) -> ir.IntegerValue:
    """Seconds to add to a UTC epoch ``ts`` to get local clock time, for ``first <= ts <= last``."""
    changes = transitions(zone, first, last)
    if len(changes) == 1:
        return ibis.literal(changes[0][1], type="int64")
    branches = [(ts < start, offset) for (_, offset), (start, _) in pairwise(changes)]
    return ibis.cases(*branches, else_=changes[-1][1]).cast("int64")
