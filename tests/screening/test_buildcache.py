"""The build cache saves compiling at start-up and changes nothing that is screened."""

from __future__ import annotations

import json
import marshal
import re
from pathlib import Path

import pytest

from smpolicy.screening import Screener, ScreeningConfig, prefilter
from smpolicy.screening.buildcache import ENV_VAR, build_cache, cache_path, cached

PATTERNS = [
    (r"(?<![a-z])(?P<who>manager|councillor)s? (?:is|are) (?:a )?(?P<insult>liar|fraud)(?![a-z])", 0),
    (r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b", re.IGNORECASE),
    (r"""(?x) (?:https?://)? [a-z0-9.\-]+ \.(?:com|org|uk)  # a host""", 0),
    (r"(a)(b)?(?:c|d)+\1", re.MULTILINE | re.DOTALL),
]


@pytest.fixture
def cache_folder(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    return tmp_path


def compiled_in_cache(patterns) -> list[re.Pattern[str]]:
    re.purge()  # re's own in-memory cache would answer before the build cache is asked
    with build_cache():
        return [re.compile(pattern, flags) for pattern, flags in patterns]


def test_a_regex_read_back_from_the_cache_is_the_pattern_re_compiles(cache_folder):
    first = compiled_in_cache(PATTERNS)
    assert cache_path() is not None and cache_path().exists()
    again = compiled_in_cache(PATTERNS)
    for pattern, read_back, fresh in zip(PATTERNS, again, first, strict=True):
        expected = re.compile(*pattern)
        assert read_back == expected == fresh  # equal patterns have equal flags and matching code
        assert read_back.groupindex == expected.groupindex and read_back.groups == expected.groups
    text = "My Manager is a liar, see www.example.com; SP7 8AA. abdcda"
    assert [m.span() for p in again for m in p.finditer(text)] == \
        [m.span() for p in PATTERNS for m in re.compile(*p).finditer(text)]


def test_a_prefilter_condition_read_back_is_the_one_computed(cache_folder):
    pattern = PATTERNS[0][0]
    for _ in range(2):
        with build_cache():
            literals = prefilter.required_literals(pattern)
            conjunctions = prefilter.required_conjunctions(pattern)
    assert literals == prefilter.required_literals(pattern)
    assert conjunctions == prefilter.required_conjunctions(pattern)


def test_the_cache_holds_only_what_the_last_run_that_compiled_anything_used(cache_folder):
    compiled_in_cache(PATTERNS[:2])
    compiled_in_cache(PATTERNS[2:])
    assert set(marshal.loads(cache_path().read_bytes())["regex"]) == {(p, int(f)) for p, f in PATTERNS[2:]}


def test_a_corrupt_cache_file_is_ignored_and_replaced(cache_folder):
    path = cache_path()
    path.write_bytes(b"\x00 not a cache")
    assert compiled_in_cache(PATTERNS[:1]) == [re.compile(*PATTERNS[0])]
    assert path.read_bytes() != b"\x00 not a cache"


def test_an_empty_cache_folder_setting_turns_the_cache_off(monkeypatch, tmp_path):
    monkeypatch.setenv(ENV_VAR, "")
    monkeypatch.chdir(tmp_path)
    assert cache_path() is None
    assert compiled_in_cache(PATTERNS[:1]) == [re.compile(*PATTERNS[0])]
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_cache_folder_only_means_no_cache(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    monkeypatch.setenv(ENV_VAR, str(blocker / "cache"))
    assert compiled_in_cache(PATTERNS[:1]) == [re.compile(*PATTERNS[0])]


def test_re_is_itself_again_outside_the_cache(cache_folder):
    from re import _compiler  # type: ignore[attr-defined]

    names = ("required_literals", "required_conjunctions", "split_alternatives", "letter_first")
    before = [_compiler.compile, *(getattr(prefilter, name) for name in names)]
    with pytest.raises(ValueError), build_cache():
        assert prefilter.letter_first is not before[-1]  # swapped while open
        raise ValueError("a detector failed to build")
    assert [_compiler.compile, *(getattr(prefilter, name) for name in names)] == before


def test_a_screener_built_from_the_cache_finds_exactly_what_a_fresh_one_finds(cache_folder):
    dev = Path(__file__).parents[2] / "data" / "devset" / "dev.jsonl"
    texts = [json.loads(line)["text"] for line in dev.read_text(encoding="utf-8").splitlines()][:60]
    fresh = Screener(config=ScreeningConfig(use_model=False)).check_batch(texts)
    re.purge()
    with build_cache():  # stores the screener's regexes
        Screener(config=ScreeningConfig(use_model=False)).warm_up()
    re.purge()
    with build_cache():  # reads them back
        cached = Screener(config=ScreeningConfig(use_model=False))
        cached.warm_up()
    assert cached.check_batch(texts) == fresh


def test_a_lexicon_read_back_from_the_cache_is_the_yaml_document(cache_folder):
    import yaml

    from smpolicy.screening.lexicon import LEXICON_DIR, load_lexicon

    documents = []
    for _ in range(2):
        load_lexicon.cache_clear()
        with build_cache():
            documents.append(load_lexicon("disrepute"))
    parsed = yaml.safe_load((LEXICON_DIR / "disrepute.yaml").read_text(encoding="utf-8"))
    assert documents[0] == documents[1] == parsed
    assert "yaml" in marshal.loads(cache_path().read_bytes())


def test_a_value_that_is_not_plain_data_is_computed_every_time(cache_folder):
    import datetime

    calls = []

    def today() -> datetime.date:
        calls.append(1)
        return datetime.date(2017, 6, 1)

    for _ in range(2):
        with build_cache():
            assert cached("date", "policy", today) == datetime.date(2017, 6, 1)
    assert calls == [1, 1]
    assert cached("date", "policy", today) == datetime.date(2017, 6, 1)  # no cache open: computed


def test_a_factored_word_list_read_back_from_the_cache_is_the_one_computed(cache_folder):
    from smpolicy.screening.lexicon import words_trie

    words = ["idiot", "idiots", "useless idiot", "moron", "muppet", "waste of space", "wanker"]
    outside = words_trie(words)
    for _ in range(2):
        with build_cache():
            assert words_trie(reversed(words)) == outside
    assert "words_trie" in marshal.loads(cache_path().read_bytes())


def test_a_python_whose_re_internals_differ_still_compiles_through_re(cache_folder, monkeypatch):
    from smpolicy.screening import buildcache

    def changed_internals(pattern: str, flags: int):
        raise AttributeError("re._compiler has no _code here")

    monkeypatch.setattr(buildcache, "_regex_parts", changed_internals)
    assert compiled_in_cache(PATTERNS) == [re.compile(*pattern) for pattern in PATTERNS]


def test_an_invalid_pattern_raises_re_error_inside_the_cache_too(cache_folder):
    with pytest.raises(re.error), build_cache():
        re.compile("(unclosed")


def test_a_file_another_version_left_a_month_ago_is_removed_when_the_cache_is_written(cache_folder):
    import os
    import time

    old, recent = cache_folder / "build-cpython-311-0000000000000000.marshal", cache_folder / "build-x.marshal"
    for leftover in (old, recent):
        leftover.write_bytes(marshal.dumps({}))
    os.utime(old, (time.time() - 40 * 24 * 3600,) * 2)
    compiled_in_cache(PATTERNS[:1])
    assert not old.exists() and recent.exists() and cache_path().exists()


def test_the_public_suffix_trie_and_the_ut1_index_read_back_are_the_ones_built(cache_folder):
    from smpolicy.screening import links, suffixes

    built_trie = suffixes._build_trie(suffixes.public_suffixes())
    built_index = links._build_index(links.DATA_DIR / "ut1", links.SHIPPED_CATEGORIES)
    for _ in range(2):  # the first run writes them, the second reads them back
        suffixes._trie.cache_clear()
        links._shipped_index.cache_clear()
        with build_cache():
            assert suffixes._trie() == built_trie
            assert links._shipped_index(links.SHIPPED_CATEGORIES) == built_index
    stored = marshal.loads(cache_path().read_bytes())
    assert "public_suffix_trie" in stored and "ut1_index" in stored
    suffixes._trie.cache_clear()
    links._shipped_index.cache_clear()
