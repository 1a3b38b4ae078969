from __future__ import annotations

import io
import json
import stat
import zipfile

import pytest
from fixture_exports import facebook_files, linkedin_files, make_zip

from smpolicy.exceptions import ExportError, UnsafeArchive
from smpolicy.selfaudit import ArchiveLimits, audit_export, open_archive, read_export

MIB = 1024 * 1024


def zip_with(entries: list[tuple[zipfile.ZipInfo | str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in entries:
            archive.writestr(info, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/cron.d/evil",
        "/etc/passwd",
        "posts/../../../x.json",
        "C:\\Windows\\x.dll",
        "..\\..\\evil.bat",
        "./../evil.sh",
    ],
)
def test_a_name_that_leaves_the_export_folder_is_refused(name):
    data = zip_with([("Profile.csv", b"First Name\r\nJane\r\n"), (name, b"x")])
    with pytest.raises(UnsafeArchive, match="path traversal"):
        open_archive(data)


def test_a_zip_bomb_is_refused_before_anything_is_inflated():
    data = zip_with([("your_posts_1.json", b"\0" * (8 * MIB))])
    assert len(data) < 100_000
    with pytest.raises(UnsafeArchive, match="zip bomb"):
        open_archive(data)


def test_the_ratio_limit_is_configurable():
    data = zip_with([("Profile.csv", b"First Name," + b"a" * (2 * MIB))])
    with pytest.raises(UnsafeArchive, match="zip bomb"):
        open_archive(data)
    assert open_archive(data, ArchiveLimits(max_ratio=100_000)).names == ("Profile.csv",)


def test_too_many_entries_are_refused():
    data = zip_with([(f"media/{i}.jpg", b"x") for i in range(11)])
    with pytest.raises(UnsafeArchive, match="11 entries; the limit is 10"):
        open_archive(data, ArchiveLimits(max_entries=10))


def test_a_huge_entry_is_refused_when_read():
    files = linkedin_files() | {
        "Shares.csv": "Date,ShareCommentary\r\n" + "2024-01-01,hi\r\n" * 5000
    }
    archive = open_archive(make_zip(files), ArchiveLimits(max_entry_bytes=50_000))
    with pytest.raises(UnsafeArchive, match="limit for one file"):
        read_export(archive)


def test_an_archive_that_unpacks_too_large_is_refused():
    data = zip_with([(f"media/{i}.bin", bytes(range(256)) * 4096) for i in range(3)])
    with pytest.raises(UnsafeArchive, match="unpacks to more than 2 MiB"):
        open_archive(data, ArchiveLimits(max_total_bytes=2 * MIB))


def test_a_too_large_archive_is_refused_from_a_stream_without_reading_it_all():
    stream = io.BytesIO(make_zip(facebook_files()))
    with pytest.raises(UnsafeArchive, match="the archive is"):
        open_archive(stream, ArchiveLimits(max_archive_bytes=100))


def test_a_symbolic_link_entry_is_refused():
    link = zipfile.ZipInfo("Profile.csv")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    with pytest.raises(UnsafeArchive, match="symbolic link"):
        open_archive(zip_with([(link, b"/etc/passwd")]))


def test_an_encrypted_entry_is_refused():
    data = bytearray(zip_with([("Profile.csv", b"First Name\r\nJane\r\n")]))
    # set the "encrypted" flag in both the local and the central directory headers
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature) + offset
        data[at] |= 0x1
    with pytest.raises(UnsafeArchive, match="encrypted"):
        open_archive(bytes(data))


@pytest.mark.parametrize(
    "data",
    [b"", b"hello, this is not a zip", b"%PDF-1.7\n" + b"0" * 200, b"PK\x03\x04truncated"],
)
def test_something_that_is_not_a_zip_is_refused_clearly(data):
    with pytest.raises(ExportError, match="not a zip archive"):
        open_archive(data)


def test_a_zip_that_is_no_known_export_says_which_files_it_looked_for():
    with pytest.raises(ExportError, match=r"not a Facebook .* LinkedIn data export"):
        audit_export(zip_with([("holiday/photo1.jpg", b"x"), ("notes.txt", b"hi")]))


def test_a_truncated_json_file_names_the_file_and_line():
    files = facebook_files()
    name = next(n for n in files if n.endswith("your_friends.json"))
    files[name] = json.dumps({"friends_v2": [{"name": "A B"}]})[:-5]
    with pytest.raises(ExportError, match=r"your_friends.json is not valid JSON \(line 1"):
        read_export(open_archive(make_zip(files)))


def test_a_corrupted_entry_is_reported_as_damage():
    data = bytearray(make_zip(linkedin_files()))
    start = data.find(b"PK\x03\x04") + 30 + len(b"Profile.csv")
    data[start : start + 40] = b"\xff" * 40
    with pytest.raises(ExportError, match="damaged"):
        read_export(open_archive(bytes(data)))


def test_a_seekable_file_object_is_accepted_like_bytes(tmp_path):
    path = tmp_path / "linkedin.zip"
    path.write_bytes(make_zip(linkedin_files()))
    with path.open("rb") as stream:
        assert read_export(open_archive(stream)).connection_count == 2
    assert read_export(open_archive(path)).connection_count == 2
