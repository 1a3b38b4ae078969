from __future__ import annotations

import datetime as dt

from audit_screeners import screener_for
from fixture_exports import FB_ROOT, JUNE, facebook_files, make_zip

from smpolicy.policy import load_policy
from smpolicy.selfaudit import Platform, Severity, audit_export, open_archive, read_export


def audit(service_users, files=None):
    data = make_zip(files or facebook_files())
    return audit_export(data, service_users=service_users, screener=screener_for(service_users))


def titles(report, clause):
    return [p.title for p in report.points if p.clause == clause]


def test_a_current_employer_job_and_workplace_on_facebook_are_flagged_under_5_2(service_users):
    report = audit(service_users)
    flagged = {(p.evidence, p.severity) for p in report.points if p.clause == "5.2"}
    assert ("Shaftesbury Town Council", Severity.CHANGE) in flagged
    assert ("Sports Coach", Severity.CHANGE) in flagged
    assert ("Shaftesbury, Dorset", Severity.CHANGE) in flagged


def test_a_past_employer_elsewhere_and_a_home_town_are_not_flagged(service_users):
    evidence = {p.evidence for p in audit(service_users).points}
    assert "Tesco" not in evidence and "Cashier" not in evidence
    assert "Gillingham, Dorset" not in evidence


def test_a_profile_picture_is_advice_only(service_users):
    report = audit(service_users)
    assert "Your profile has a photo" in titles(report, "5.2")
    without = {n: d for n, d in facebook_files().items() if "ProfilePictures" not in n}
    assert "Your profile has a photo" not in titles(audit(service_users, without), "5.2")


def test_friends_who_are_service_users_are_named_with_steps_to_unfriend(service_users):
    report = audit(service_users)
    matched = [p for p in report.points if p.clause == "5.3"]
    assert sorted(p.evidence for p in matched) == ["Billy Smith", "Siân O'Connor"]
    assert all(p.severity is Severity.CHANGE for p in matched)
    assert any("Unfriend" in step for step in matched[0].steps)
    assert report.connections == 4 and report.connections_matched == 2


def test_without_a_register_friends_are_left_to_the_person_to_check(service_users):
    report = audit_export(make_zip(facebook_files()), screener=screener_for(service_users))
    (point,) = [p for p in report.points if p.clause == "5.3"]
    assert point.severity is Severity.INFO and "no service-user register" in point.title
    assert not report.connections_checked


def test_past_posts_are_screened_and_listed_newest_first(service_users):
    report = audit(service_users)
    flagged = [p for p in report.points if p.clause.startswith("6.4")]
    assert [p.clause for p in flagged] == ["6.4(b)", "6.4(a)"]
    assert flagged[0].when == dt.datetime.fromtimestamp(JUNE, tz=dt.UTC)
    assert flagged[0].evidence == "Bill Smith"
    assert report.posts.posts == 4 and report.posts.screened == 4 and report.posts.flagged == 2


def test_the_friends_of_friends_note_is_always_given(service_users):
    report = audit(service_users)
    (note,) = [p for p in report.points if p.clause == "5.6"]
    assert "4 connections" in note.title and note.steps


def test_every_point_cites_a_clause_of_the_policy_and_has_steps(service_users):
    policy = load_policy()
    for point in audit(service_users).points:
        assert policy.clause(point.clause)
        assert point.steps


def test_points_come_most_urgent_first(service_users):
    ranks = [p.severity.rank for p in audit(service_users).points]
    assert ranks == sorted(ranks)


def test_facebooks_escaped_accents_are_read_as_written():
    export = read_export(open_archive(make_zip(facebook_files())))
    assert export.platform is Platform.FACEBOOK
    assert "Siân O'Connor" in export.connection_names
    assert any(post.text == "Café was great" for post in export.posts)


def test_an_older_export_without_the_activity_folder_is_read(service_users):
    files = {
        name.replace(FB_ROOT, "")
        .replace("your_facebook_activity/", "")
        .replace("personal_information/", "")
        .replace(
            "connections/friends/your_friends.json", "friends_and_followers/friends.json"
        ): data
        for name, data in facebook_files().items()
    }
    report = audit(service_users, files)
    assert report.connections == 4 and report.posts.posts == 4
