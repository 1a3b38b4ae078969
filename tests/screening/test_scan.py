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


def test_a_word_edge_gate_opens_only_where_no_letter_touches_the_word():
    from smpolicy.screening.scan import LEFT, RIGHT, scan

    shared = _Shared()
    whole = shared.add_gate(frozenset({LEFT + "rat" + RIGHT}))
    starts = shared.add_gate(frozenset({LEFT + "act"}))
    anywhere = shared.add_gate(frozenset({"cow"}))
    automaton = shared.build()
    assert automaton is not None
    import smpolicy.screening.scan as module

    saved = module.SHARED
    module.SHARED = shared
    scan.cache_clear()
    try:
        assert scan("separate rates, a scow").gates == anywhere
        assert scan("rat, then acts 9rat").gates == whole | starts
        assert scan("contact").gates == 0
    finally:
        module.SHARED = saved
        scan.cache_clear()


def test_the_first_build_takes_in_every_marked_builder_so_the_automaton_is_made_once():
    builders = []
    shared = _Shared(builders)
    builders.extend(lambda step=step: _register(shared, step) for step in range(3))
    automaton = shared.build()
    assert automaton is not None and shared.lexicons == 2 and shared.gates == 2
    assert all(automaton.exists(word) for word in ("idiot", "manager", "corrupt", "lot"))
    assert shared.build() is automaton  # nothing new: the builders are not run again
    assert shared.lexicons == 2


def test_the_shipped_builders_register_words_before_the_automaton_is_made():
    from smpolicy.screening import Screener
    from smpolicy.screening.scan import _BUILDERS, SHARED

    Screener().check("Our manager is a useless idiot.")
    assert len(_BUILDERS) >= 8  # lexicons and gates of the detectors, cues and spelling
    assert SHARED.automaton is not None
    assert SHARED._built == len(_BUILDERS)  # all run before it was made


def test_an_inside_gate_opens_only_where_the_word_is_part_of_a_longer_word():
    import smpolicy.screening.scan as module
    from smpolicy.screening.scan import INSIDE, scan

    shared = _Shared()
    inside = shared.add_gate(frozenset({INSIDE + "rat" + INSIDE}))
    after = shared.add_gate(frozenset({INSIDE + "cow"}))
    assert shared.build() is not None
    saved = module.SHARED
    module.SHARED = shared
    scan.cache_clear()
    try:
        assert scan("a rat, the rat's tail, a cow").gates == 0
        assert scan("dirtyrats").gates == inside
        assert scan("rats").gates == inside
        assert scan("pirate").gates == inside
        assert scan("stupidcow").gates == after
        assert scan("cows, cowards").gates == 0
    finally:
        module.SHARED = saved
        scan.cache_clear()
