from __future__ import annotations

import pytest
from audit_screeners import screener_for
from fixture_exports import make_zip, x_files

from smpolicy.exceptions import ExportError
from smpolicy.selfaudit import Platform, Severity, audit_export, open_archive, read_export


def audit(service_users, files=None):
    data = make_zip(files or x_files())
    return audit_export(data, service_users=service_users, screener=screener_for(service_users))


def test_a_bio_and_location_naming_the_workplace_are_flagged(service_users):
    report = audit(service_users)
    flagged = {p.evidence: p.severity for p in report.points if p.clause == "5.2"}
    assert flagged["Shaftesbury"] is Severity.CONSIDER
    assert flagged["Swim coach at Shaftesbury leisure centre. Views my own."] is Severity.CONSIDER


def test_the_window_ytd_prefix_is_stripped_and_every_tweet_part_read():
    export = read_export(open_archive(make_zip(x_files())))
    assert export.platform is Platform.X and export.account == "janedoe_coach"
    assert len(export.posts) == 3 and export.has_photo is True


def test_followers_cannot_be_matched_and_the_report_says_so(service_users):
    report = audit(service_users)
    (point,) = [p for p in report.points if p.clause == "5.3"]
    assert point.severity is Severity.INFO and "account number" in point.title
    assert report.connections == 2 and not report.connections_checked


def test_tweets_naming_service_users_are_flagged_with_a_link(service_users):
    report = audit(service_users)
    (flagged,) = [p for p in report.points if p.clause == "6.4(b)"]
    assert flagged.evidence == "Katherine Jones"
    assert flagged.link == "https://x.com/i/status/1002"
    assert flagged.when.year == 2024


def test_a_default_avatar_is_not_a_photo():
    files = x_files()
    files["data/profile.js"] = files["data/profile.js"].replace(
        "profile_images/1/abc.jpg", "sticky/default_profile_images/default_profile.png"
    )
    assert read_export(open_archive(make_zip(files))).has_photo is False


def test_a_js_file_without_the_window_ytd_prefix_is_a_clear_error():
    files = x_files() | {"data/tweets.js": "[]"}
    with pytest.raises(ExportError, match=r"window\.YTD"):
        read_export(open_archive(make_zip(files)))
