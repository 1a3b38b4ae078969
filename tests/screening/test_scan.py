from __future__ import annotations

from smpolicy.screening.scan import _Shared

TEXT = "the manager is a useless idiot and the council is corrupt, an idiotic useless lot"


def _register(shared: _Shared, step: int) -> None:
    if step == 0:
        shared.add_lexicon({"idiot": ("idiot", 0.8), "useless": ("useless", 0.6)})
    elif step == 1:
        shared.add_gate(frozenset({"manager", "council"}))
    else:
        shared.add_lexicon({"useless": ("useless", "strong"), "corrupt": ("corrupt", True)})
        shared.add_gate(frozenset({"idiot", "lot"}))


def test_words_added_after_a_scan_are_found_as_if_built_at_once():
    growing, whole = _Shared(), _Shared()
    for step in range(3):
        _register(growing, step)
        growing_automaton = growing.build()  # a scan in between, as detectors build lazily
        assert growing_automaton is not None
        found_so_far = list(growing_automaton.iter(TEXT))
    for step in range(3):
        _register(whole, step)
    whole_automaton = whole.build()
    assert whole_automaton is not None
    assert found_so_far == list(whole_automaton.iter(TEXT))
    assert {value for _, value in found_so_far} >= {
        (0b10, 5, ((0, "idiot", 0.8),)),  # the second gate's bit, the first lexicon's entry
        (0, 7, ((0, "useless", 0.6), (1, "useless", "strong"))),  # one word, two lexicons
    }
