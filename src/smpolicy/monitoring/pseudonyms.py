"""Pseudonyms by keyed HMAC, and the log of every re-identification.

A report names people as ``p-3f9c2a41d0`` by default: HMAC-SHA256 of the person id under a
secret key, so the same person keeps the same pseudonym across reports (trends stay visible)
while nobody without the key can link a pseudonym to a person by trying ids.

There is no built-in key: a hard-coded one would make every pseudonym reversible by anyone
with the source, and a key generated silently would change all pseudonyms the day it is lost.
The key comes from ``SMPOLICY_PSEUDONYM_KEY`` or a key file; without one the run stops and
says how to make one.

Showing real ids needs a reason, and each time is appended to a JSON-lines log whose entries
are hash-chained, so deleting or editing an entry is detectable (``verify_reveal_log``).
"""

from __future__ import annotations

import getpass
import hashlib
import hmac
import json
import os
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from smpolicy.exceptions import ConfigError

KEY_ENV = "SMPOLICY_PSEUDONYM_KEY"
KEY_FILE_ENV = "SMPOLICY_PSEUDONYM_KEY_FILE"
REVEAL_LOG_ENV = "SMPOLICY_REVEAL_LOG"
MIN_KEY_BYTES = 16
GENESIS = "0" * 64


def load_key(key_file: str | Path | None = None) -> bytes:
    """The pseudonym key from a file (first line) or the environment; refuses to run without."""
    path = key_file or os.environ.get(KEY_FILE_ENV)
    if path:
        try:
            text = Path(path).read_text(encoding="utf-8").strip()
        except OSError as error:
            raise ConfigError(f"cannot read pseudonym key file {path}: {error}") from None
    else:
        text = os.environ.get(KEY_ENV, "").strip()
    if not text:
        raise ConfigError(
            "no pseudonym key: set SMPOLICY_PSEUDONYM_KEY or pass --key-file. Make one once and "
            "keep it safe (losing it changes every pseudonym): "
            "python -c 'import secrets; print(secrets.token_hex(32))' > monitor.key"
        )
    key = text.encode("utf-8")
    if len(key) < MIN_KEY_BYTES:
        raise ConfigError(f"pseudonym key is too short: use at least {MIN_KEY_BYTES} characters")
    return key


def pseudonym(key: bytes, person_id: str) -> str:
    digest = hmac.new(key, person_id.encode("utf-8"), hashlib.sha256).hexdigest()
    return f"p-{digest[:10]}"


def default_reveal_log() -> Path:
    configured = os.environ.get(REVEAL_LOG_ENV)
    if configured:
        return Path(configured)
    state = Path(os.environ.get("XDG_STATE_HOME", Path.home() / ".local" / "state"))
    return state / "smpolicy" / "reveals.jsonl"


def _last_hash(path: Path) -> str:
    if not path.exists():
        return GENESIS
    last = ""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                last = line
    return json.loads(last)["hash"] if last else GENESIS


def log_reveal(path: Path, reason: str, people: Iterable[str], sources: Iterable[str]) -> dict:
    """Append one entry before any real id is shown; no entry, no reveal."""
    reason = reason.strip()
    if len(reason) < 10:
        raise ConfigError("--reason must say why re-identification is needed (10+ characters)")
    path.parent.mkdir(parents=True, exist_ok=True)
    entry = {
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "by": getpass.getuser(),
        "reason": reason,
        "people": sorted(set(people)),
        "sources": list(sources),
        "prev": _last_hash(path),
    }
    body = json.dumps(entry, sort_keys=True, ensure_ascii=False)
    entry["hash"] = hashlib.sha256(body.encode("utf-8")).hexdigest()
    try:
        with path.open("a", encoding="utf-8") as log:
            log.write(json.dumps(entry, sort_keys=True, ensure_ascii=False) + "\n")
            log.flush()
            os.fsync(log.fileno())
    except OSError as error:
        raise ConfigError(f"cannot write the reveal log {path}: {error}") from None
    return entry


def verify_reveal_log(path: Path) -> int:
    """Number of entries; raises ConfigError at the first entry that was changed or removed."""
    previous, count = GENESIS, 0
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            entry = json.loads(line)
            claimed = entry.pop("hash")
            body = json.dumps(entry, sort_keys=True, ensure_ascii=False)
            if entry["prev"] != previous or hashlib.sha256(body.encode()).hexdigest() != claimed:
                raise ConfigError(f"{path}:{number}: reveal log entry altered or out of chain")
            previous, count = claimed, count + 1
    return count
