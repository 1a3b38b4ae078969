"""The shipped labelled sets: well formed, big enough, balanced, and dev kept apart from test."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from smpolicy.evaluation import LabelledPost, load_labelled
from smpolicy.evaluation.devset import LABELLED_CATEGORIES

DEVSET = Path(__file__).resolve().parents[2] / "data" / "devset"
MINIMUM = {"dev": 200, "test": 80}


def posts(name: str) -> list[LabelledPost]:
    return load_labelled(DEVSET / f"{name}.jsonl")


@pytest.mark.parametrize("name", ["dev", "test"])
def test_each_set_is_big_enough_and_about_45_percent_fine_posts(name: str) -> None:
    loaded = posts(name)
    assert len(loaded) >= MINIMUM[name]
    fine = sum(1 for post in loaded if not post.labels)
    assert 0.40 <= fine / len(loaded) <= 0.50


@pytest.mark.parametrize("name", ["dev", "test"])
def test_every_category_has_posts_and_every_post_says_why(name: str) -> None:
    loaded = posts(name)
    assert {label for post in loaded for label in post.labels} >= LABELLED_CATEGORIES
    assert all(post.note for post in loaded)
    assert all(post.id.startswith(f"{name}-") for post in loaded)


def test_no_post_is_in_both_dev_and_test() -> None:
    dev = {post.text.casefold() for post in posts("dev")}
    test = {post.text.casefold() for post in posts("test")}
    assert not dev & test
    assert len(dev) == len(posts("dev")) and len(test) == len(posts("test"))


def nhs_checksum_ok(digits: str) -> bool:
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    return check != 10 and (check % 11) == int(digits[9])


def test_fake_nhs_numbers_pass_the_modulus_11_check() -> None:
    found = [
        re.sub(r"\s", "", number)
        for name in ("dev", "test")
        for post in posts(name)
        for number in re.findall(r"\b\d{3} \d{3} \d{4}\b", post.text)
    ]
    assert found, "the sets should hold NHS numbers for the confidentiality detector"
    assert all(nhs_checksum_ok(number) for number in found)
