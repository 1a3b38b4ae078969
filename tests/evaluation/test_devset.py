"""Scoring the screener on labelled posts: the arithmetic, checked against a scripted screener."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from smpolicy.evaluation import LabelledPost, evaluate, load_labelled
from smpolicy.exceptions import InputError
from smpolicy.screening import Category, Finding, Result, Verdict

D, C, X = Category.DISREPUTE, Category.CONFIDENTIALITY, Category.DISCRIMINATION
W, P = Category.WORK_MATTERS, Category.PROFILE_DETAILS


class ScriptedScreener:
    """Answers each text with the verdict and finding categories scripted for it."""

    batch_size = 256

    def __init__(self, script: dict[str, tuple[Verdict, set[Category]]]) -> None:
        self.script = script
        self.batches: list[int] = []

    def check_batch(self, texts: Sequence[str]) -> list[Result]:
        self.batches.append(len(texts))
        results = []
        for text in texts:
            verdict, categories = self.script.get(text, (Verdict.OK, set()))
            findings = tuple(
                Finding(detector="scripted", category=c, clause="x", score=0.9, start=0,
                        end=1, evidence=text[:1], explanation="scripted")
                for c in sorted(categories)
            )
            results.append(Result(verdict=verdict, findings=findings))
        return results


def post(post_id: str, *labels: Category) -> LabelledPost:
    return LabelledPost(id=post_id, text=f"text of {post_id}", labels=frozenset(labels))


def scripted(**answers: tuple[Verdict, set[Category]]) -> ScriptedScreener:
    return ScriptedScreener({f"text of {key}": value for key, value in answers.items()})


def test_per_category_precision_recall_f1_and_support_are_exact() -> None:
    posts = [
        post("a", D, W),  # D and W found
        post("b", D),  # D missed, X false alarm
        post("c", C),  # C found
        post("d"),  # fine post, D false alarm
        post("e"),  # fine post, left alone
        post("f", D),  # D found
    ]
    screener = scripted(
        a=(Verdict.BREACH, {D, W}),
        b=(Verdict.REVIEW, {X}),
        c=(Verdict.REVIEW, {C}),
        d=(Verdict.REVIEW, {D}),
        f=(Verdict.BREACH, {D}),
    )
    scores = {s.category: s for s in evaluate(screener, posts).categories}
    disrepute = scores[D]
    counts = (disrepute.true_positives, disrepute.false_positives, disrepute.false_negatives)
    assert counts == (2, 1, 1)
    assert disrepute.support == 3
    assert disrepute.precision == pytest.approx(2 / 3)
    assert disrepute.recall == pytest.approx(2 / 3)
    assert disrepute.f1 == pytest.approx(2 / 3)
    assert scores[C].precision == scores[C].recall == 1.0
    assert scores[X].precision == 0.0
    assert scores[X].recall is None  # no post is labelled discrimination
    assert scores[X].f1 == 0.0
    assert scores[P].support == 0 and scores[P].precision is None and scores[P].f1 is None


def test_violation_recall_counts_any_flag_and_ok_share_counts_fine_posts_flagged() -> None:
    posts = [post("a", D), post("b", C), post("c", X), post("d"), post("e"), post("f"), post("g")]
    screener = scripted(
        a=(Verdict.BREACH, {D}),
        b=(Verdict.REVIEW, {W}),  # flagged, for the wrong reason: still a violation caught
        d=(Verdict.REVIEW, {P}),
    )
    evaluation = evaluate(screener, posts)
    assert (evaluation.violations, evaluation.violations_flagged) == (3, 2)
    assert evaluation.violation_recall == pytest.approx(2 / 3)
    assert (evaluation.ok_posts, evaluation.ok_flagged) == (4, 1)
    assert evaluation.ok_flagged_share == pytest.approx(0.25)


def test_findings_on_an_ok_verdict_do_not_count_as_flags() -> None:
    evaluation = evaluate(scripted(a=(Verdict.OK, {D})), [post("a", D)])
    assert evaluation.violation_recall == 0.0
    assert evaluation.categories[0].false_negatives == 1


def test_errors_list_misses_and_false_alarms_but_not_correct_posts() -> None:
    posts = [post("a", D), post("b", C), post("c")]
    screener = scripted(a=(Verdict.BREACH, {D}), b=(Verdict.REVIEW, {W}))
    errors = evaluate(screener, posts).errors
    assert [e.post.id for e in errors] == ["b"]
    assert errors[0].missed == {C} and errors[0].false_alarms == {W}


def test_other_policies_is_reported_only_when_used() -> None:
    plain = evaluate(scripted(), [post("a", D)])
    assert Category.OTHER_POLICIES not in {s.category for s in plain.categories}
    used = evaluate(scripted(a=(Verdict.REVIEW, {Category.OTHER_POLICIES})), [post("a")])
    assert Category.OTHER_POLICIES in {s.category for s in used.categories}


def test_posts_are_screened_in_batches_and_results_kept_in_order() -> None:
    posts = [post(f"p{i}", D) if i % 2 else post(f"p{i}") for i in range(600)]
    screener = scripted(**{f"p{i}": (Verdict.BREACH, {D}) for i in range(1, 600, 2)})
    evaluation = evaluate(screener, posts)
    assert screener.batches == [256, 256, 88]
    assert evaluation.violation_recall == 1.0 and evaluation.ok_flagged_share == 0.0
    assert [o.post.id for o in evaluation.outcomes] == [p.id for p in posts]


def test_to_dict_is_json_and_carries_the_headline_figures() -> None:
    evaluation = evaluate(scripted(a=(Verdict.BREACH, {D})), [post("a", D), post("b")])
    data = json.loads(json.dumps(evaluation.to_dict()))
    assert data["violation_recall"] == 1.0 and data["ok_flagged_share"] == 0.0
    assert data["categories"]["disrepute"]["support"] == 1
    assert data["errors"] == []


# Loading labelled files.

def write(tmp_path: Path, *lines: str | bytes) -> Path:
    path = tmp_path / "posts.jsonl"
    encoded = [line if isinstance(line, bytes) else line.encode() for line in lines]
    path.write_bytes(b"\n".join(encoded))
    return path


GOOD = '{"id": "a", "text": "Bins are out", "labels": []}'


def test_loads_labels_as_categories_and_skips_blank_lines(tmp_path: Path) -> None:
    second = '{"id": "b", "text": "x", "labels": ["disrepute"], "note": "n"}'
    path = write(tmp_path, GOOD, "", second)
    posts = load_labelled(path)
    assert [p.id for p in posts] == ["a", "b"]
    assert posts[1].labels == {D} and posts[1].note == "n"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "posts.jsonl:2: not valid JSON"),
        (b'{"id": "b", "text": "\xff", "labels": []}', "posts.jsonl:2: not valid UTF-8"),
        ('["a list"]', "posts.jsonl:2: each line must be a JSON object"),
        ('{"id": "b", "labels": []}', "posts.jsonl:2: missing field 'text'"),
        ('{"id": "b", "text": "  ", "labels": []}', "'text' must be a non-empty string"),
        ('{"id": 7, "text": "x", "labels": []}', "'id' must be a non-empty string"),
        ('{"id": "b", "text": "x", "labels": "disrepute"}', "'labels' must be a list"),
        ('{"id": "b", "text": "x", "labels": ["rudeness"]}', "unknown label 'rudeness'"),
        ('{"id": "a", "text": "x", "labels": []}', "posts.jsonl:2: duplicate id 'a'"),
    ],
)
def test_a_bad_line_stops_the_load_naming_the_line(
    tmp_path: Path, line: str | bytes, message: str
) -> None:
    with pytest.raises(InputError) as error:
        load_labelled(write(tmp_path, GOOD, line))
    assert message in str(error.value)


def test_an_empty_or_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no labelled posts"):
        load_labelled(write(tmp_path, "", ""))
    with pytest.raises(InputError, match="cannot read"):
        load_labelled(tmp_path / "absent.jsonl")
