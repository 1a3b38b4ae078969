"""Small, realistic data exports of made-up people, built in memory for the tests."""

from __future__ import annotations

import io
import json
import zipfile

from smpolicy.registers import RegisterKey

KEY = RegisterKey(b"council-secret-for-tests")
FB_ROOT = "facebook-janedoe10-2025-01-12-AbCdEf12/"
ACTIVITY = "your_facebook_activity/"
JPEG = b"\xff\xd8\xff\xe0 not really a jpeg"
# 2024-03-01, 2024-06-01, 2023-01-15 (UTC)
MARCH, JUNE, JAN_2023 = 1709251200, 1717200000, 1673740800


def mangle(text: str) -> str:
    """Facebook's escaping: each UTF-8 byte written as its own \\u00XX character."""
    return text.encode("utf-8").decode("latin-1")


def make_zip(files: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return buffer.getvalue()


def facebook_files() -> dict[str, bytes | str]:
    profile = {
        "profile_v2": {
            "name": {"full_name": "Jane Doe", "first_name": "Jane", "last_name": "Doe"},
            "current_city": {"name": "Gillingham, Dorset", "timestamp": 1500000000},
            "work_experiences": [
                {
                    "employer": "Shaftesbury Town Council",
                    "title": "Sports Coach",
                    "location": "Shaftesbury, Dorset",
                    "start_timestamp": 1420070400,
                },
                {
                    "employer": "Tesco",
                    "title": "Cashier",
                    "start_timestamp": 1262304000,
                    "end_timestamp": 1420070400,
                },
            ],
            "profile_uri": "https://www.facebook.com/jane.doe.10",
        }
    }
    friends = {
        "friends_v2": [
            {"name": "Billy Smith", "timestamp": 1600000000},
            {"name": "Sam Carter", "timestamp": 1600000100},
            {"name": mangle("Siân O'Connor"), "timestamp": 1600000200},
            {"name": "Chloe Baker", "timestamp": 1600000300},
        ]
    }
    posts = [
        {
            "timestamp": MARCH,
            "data": [{"post": "Lovely swim session at the leisure centre today"}],
            "title": "Jane Doe updated her status.",
        },
        {
            "timestamp": JUNE,
            "data": [{"post": "Coached Bill Smith again, he still can't swim"}],
            "title": "Jane Doe updated her status.",
        },
        {"timestamp": JAN_2023, "data": [{"post": "My manager is an idiot"}]},
        {"timestamp": 1690000000, "attachments": [{"data": [{"media": {"uri": "x.jpg"}}]}]},
    ]
    comments = {
        "comments_v2": [
            {
                "timestamp": 1700000000,
                "data": [
                    {
                        "comment": {
                            "timestamp": 1700000000,
                            "comment": mangle("Café was great"),
                            "author": "Jane Doe",
                        }
                    }
                ],
                "title": "Jane Doe commented on Sam Carter's post.",
            }
        ]
    }
    return {
        FB_ROOT + "personal_information/profile_information/profile_information.json": json.dumps(
            profile, ensure_ascii=True
        ),
        FB_ROOT + "connections/friends/your_friends.json": json.dumps(friends, ensure_ascii=True),
        FB_ROOT + ACTIVITY + "posts/your_posts__check_ins__photos_and_videos_1.json": json.dumps(
            posts, ensure_ascii=True
        ),
        FB_ROOT + ACTIVITY + "comments_and_reactions/comments.json": json.dumps(
            comments, ensure_ascii=True
        ),
        FB_ROOT + ACTIVITY + "posts/media/ProfilePictures_1a2b3c/1234_n.jpg": JPEG,
    }


def ytd(name: str, records: list[dict]) -> str:
    return f"window.YTD.{name}.part0 = " + json.dumps(records, indent=2)


def x_files() -> dict[str, bytes | str]:
    return {
        "data/manifest.js": "window.__THAR_CONFIG = {}",
        "data/account.js": ytd(
            "account",
            [
                {
                    "account": {
                        "email": "jd@example.org",
                        "username": "janedoe_coach",
                        "accountId": "1234567890",
                        "createdAt": "2015-02-01T10:00:00.000Z",
                        "accountDisplayName": "Jane Doe",
                    }
                }
            ],
        ),
        "data/profile.js": ytd(
            "profile",
            [
                {
                    "profile": {
                        "description": {
                            "bio": "Swim coach at Shaftesbury leisure centre. Views my own.",
                            "website": "",
                            "location": "Shaftesbury",
                        },
                        "avatarMediaUrl": "https://pbs.twimg.com/profile_images/1/abc.jpg",
                    }
                }
            ],
        ),
        "data/tweets.js": ytd(
            "tweets",
            [
                {
                    "tweet": {
                        "id_str": "1001",
                        "full_text": "Great gala at the pool this weekend",
                        "created_at": "Sat Mar 02 10:00:00 +0000 2024",
                    }
                },
                {
                    "tweet": {
                        "id_str": "1002",
                        "full_text": "Mrs Smith and Katherine Jones at the pool again",
                        "created_at": "Mon Jun 03 18:30:00 +0000 2024",
                    }
                },
            ],
        ),
        "data/tweets-part1.js": ytd(
            "tweets",
            [
                {
                    "tweet": {
                        "id_str": "999",
                        "full_text": "First tweet!",
                        "created_at": "Wed Oct 10 20:19:24 +0000 2018",
                    }
                }
            ],
        ).replace("part0", "part1"),
        "data/follower.js": ytd(
            "follower",
            [
                {
                    "follower": {
                        "accountId": "42",
                        "userLink": "https://twitter.com/intent/user?user_id=42",
                    }
                },
                {
                    "follower": {
                        "accountId": "43",
                        "userLink": "https://twitter.com/intent/user?user_id=43",
                    }
                },
            ],
        ),
    }


def linkedin_files() -> dict[str, bytes | str]:
    return {
        "Profile.csv": (
            "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,"
            "Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\r\n"
            "Jane,Doe,,,,Leisure Services Officer at Shaftesbury Town Council,"
            '"Coaching, swimming and community sport.",Government Administration,,'
            '"Shaftesbury, England, United Kingdom",,,\r\n'
        ),
        "Positions.csv": (
            "Company Name,Title,Description,Location,Started On,Finished On\r\n"
            'Shaftesbury Town Council,Leisure Services Officer,,"Shaftesbury, Dorset",Jan 2015,\r\n'
            "Tesco,Cashier,,Gillingham,Jan 2010,Dec 2014\r\n"
        ),
        "Connections.csv": (
            'Notes:\r\n"When exporting your connection data, you may notice that some of the '
            'email addresses are missing."\r\n\r\n'
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
            "Katherine,Jones,https://www.linkedin.com/in/kjones,,Acme,Analyst,04 Mar 2021\r\n"
            "Omar,Farouk,https://www.linkedin.com/in/ofarouk,,Dorset Council,Planner,"
            "12 Jan 2020\r\n"
        ),
        "Shares.csv": (
            "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\r\n"
            "2024-05-01 09:00:00,https://www.linkedin.com/feed/update/urn:li:share:1,"
            '"Proud of our junior swim squad!",,,MEMBER_NETWORK\r\n'
            "2024-07-01 09:00:00,https://www.linkedin.com/feed/update/urn:li:share:2,"
            '"Bill Smith finally passed his badge",,,MEMBER_NETWORK\r\n'
        ),
    }
