"""Open a data-export zip without trusting it.

The archive is never extracted: members are read one at a time into memory, so there is no
file to clean up and a hostile name cannot point anywhere. Still, an archive that *would* be
dangerous to extract (names leaving the folder, links, bombs) is refused outright, so that the
person learns their file is not what they think it is. Declared sizes are checked before any
byte is inflated, and every read is capped again, because headers can lie.
"""

from __future__ import annotations

import io
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from smpolicy.exceptions import ExportError, UnsafeArchive

MIB = 1024 * 1024
_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass(frozen=True, slots=True)
class ArchiveLimits:
    """What an export may be; generous for real exports, far below what hurts a small server."""

    max_archive_bytes: int = 2048 * MIB  # the zip file itself
    max_entries: int = 100_000
    max_total_bytes: int = 16 * 1024 * MIB  # all entries, uncompressed, as declared (media too)
    max_entry_bytes: int = 512 * MIB  # one entry that is read (JSON, JS, CSV)
    max_read_bytes: int = 2048 * MIB  # everything read in one audit
    max_ratio: int = 200  # uncompressed/compressed, for entries over 1 MiB


@dataclass(slots=True)
class ExportArchive:
    """A vetted zip; ``read`` returns one member's bytes within the limits."""

    zipped: zipfile.ZipFile
    limits: ArchiveLimits
    names: tuple[str, ...] = ()
    _read_so_far: int = field(default=0)

    def read(self, name: str) -> bytes:
        info = self.zipped.getinfo(name)
        if info.file_size > self.limits.max_entry_bytes:
            raise UnsafeArchive(
                f"refused: {_show(name)} is {info.file_size // MIB} MiB uncompressed; "
                f"the limit for one file is {self.limits.max_entry_bytes // MIB} MiB"
            )
        try:
            with self.zipped.open(info) as stream:
                data = stream.read(self.limits.max_entry_bytes + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
            raise ExportError(f"the archive is damaged at {_show(name)}: {error}") from None
        if len(data) > self.limits.max_entry_bytes:
            raise UnsafeArchive(f"refused: {_show(name)} inflates beyond its declared size")
        self._read_so_far += len(data)
        if self._read_so_far > self.limits.max_read_bytes:
            raise UnsafeArchive(
                f"refused: the export holds more than {self.limits.max_read_bytes // MIB} MiB "
                "of profile, friends and posts"
            )
        return data

    def close(self) -> None:
        self.zipped.close()


def open_archive(
    source: bytes | IO[bytes] | str | Path, limits: ArchiveLimits | None = None
) -> ExportArchive:
    """Open and vet an export given as bytes, a binary file object or a path."""
    limits = limits or ArchiveLimits()
    stream = _as_stream(source, limits)
    try:
        zipped = zipfile.ZipFile(stream)
    except OSError as error:
        raise ExportError(f"cannot read {source}: {error.strerror}") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError):
        raise ExportError(
            "not a zip archive: give the .zip file that Facebook, X or LinkedIn sent you"
        ) from None
    try:
        names = _vet(zipped.infolist(), limits)
    except ExportError:
        zipped.close()
        raise
    return ExportArchive(zipped=zipped, limits=limits, names=names)


def _as_stream(source: bytes | IO[bytes] | str | Path, limits: ArchiveLimits) -> IO[bytes] | str:
    """Something ``ZipFile`` can open; a path stays a path so the zip is read, not loaded."""
    if isinstance(source, bytes | bytearray | memoryview):
        _check_archive_size(len(source), limits)
        return io.BytesIO(bytes(source))
    if isinstance(source, str | Path):
        path = Path(source)
        try:
            size = path.stat().st_size
        except OSError as error:
            raise ExportError(f"cannot read {path}: {error.strerror}") from None
        _check_archive_size(size, limits)
        return str(path)
    if source.seekable():
        size = source.seek(0, io.SEEK_END)
        source.seek(0)
        _check_archive_size(size, limits)
        return source
    data = source.read(limits.max_archive_bytes + 1)
    _check_archive_size(len(data), limits)
    return io.BytesIO(data)


def _check_archive_size(size: int, limits: ArchiveLimits) -> None:
    if size > limits.max_archive_bytes:
        raise UnsafeArchive(
            f"refused: the archive is {size // MIB} MiB; the limit is "
            f"{limits.max_archive_bytes // MIB} MiB"
        )


def _vet(infos: list[zipfile.ZipInfo], limits: ArchiveLimits) -> tuple[str, ...]:
    if len(infos) > limits.max_entries:
        raise UnsafeArchive(
            f"refused: the archive has {len(infos):,} entries; the limit is {limits.max_entries:,}"
        )
    total = 0
    for info in infos:
        name = info.filename
        parts = re.split(r"[\\/]", name)
        if name.startswith(("/", "\\")) or _DRIVE.match(name) or ".." in parts or "\x00" in name:
            raise UnsafeArchive(
                f"refused: entry {_show(name)} would be written outside the export folder "
                "(path traversal); this is not an export as the sites produce them"
            )
        if stat.S_ISLNK(info.external_attr >> 16):
            raise UnsafeArchive(f"refused: entry {_show(name)} is a symbolic link")
        if info.flag_bits & 0x1:
            raise UnsafeArchive(f"refused: entry {_show(name)} is encrypted")
        if info.file_size > MIB and (
            info.compress_size == 0 or info.file_size / info.compress_size > limits.max_ratio
        ):
            raise UnsafeArchive(
                f"refused: entry {_show(name)} expands more than {limits.max_ratio} times "
                "(a zip bomb)"
            )
        total += info.file_size
        if total > limits.max_total_bytes:
            raise UnsafeArchive(
                f"refused: the archive unpacks to more than {limits.max_total_bytes // MIB} MiB"
            )
    return tuple(info.filename for info in infos if not info.is_dir())


def _show(name: str) -> str:
    """A member name safe to print: control characters escaped, long names cut."""
    shown = ascii(name)
    return shown if len(shown) <= 120 else shown[:117] + "...'"
