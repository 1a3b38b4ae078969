"""The cases a fair 6.4(c) classifier must get right (posts written for these tests)."""

from __future__ import annotations

from smpolicy.screening.findings import Category


def test_dehumanising_a_religious_group_is_discrimination(discrimination):
    findings = discrimination("Muslims are vermin and should be driven out of this town")
    assert findings
    assert findings[0].clause == "6.4(c)"
    assert findings[0].target == "religion_or_belief"


def test_a_plain_post_about_the_weekend_is_ok(discrimination):
    assert not discrimination("Lovely walk up the hill with the dog this morning")


def test_saying_you_are_gay_is_not_discrimination(discrimination):
    assert not discrimination("I'm a gay man and I've worked for the council for years")


def test_condemning_a_dehumanising_remark_is_not_discrimination(discrimination):
    text = "Someone called Muslims vermin on our page. That is disgusting and I have reported it."
    assert not discrimination(text)


def test_denying_a_stereotype_is_not_discrimination(discrimination):
    assert not discrimination("Disabled people are not a burden on anyone")


def test_abusing_a_manager_is_disrepute_not_discrimination(screener):
    result = screener.check("My manager is a useless idiot and everyone in the office knows it")
    protected = {"sex", "gender_reassignment", "race", "disability", "sexual_orientation", "religion_or_belief", "age"}
    assert not [f for f in result.findings if f.category is Category.DISCRIMINATION and f.target in protected]
    assert any(f.clause == "6.4(a)" for f in result.findings)
    # 6.4(a) comes from the rule detectors: the classifier's disrepute head is not used
    assert not [f for f in result.findings if f.detector == "classifier" and f.clause == "6.4(a)"]


def test_thanking_council_staff_is_not_flagged(screener):
    result = screener.check("Thanks to the bin crews who worked through the snow, you're stars")
    assert not [f for f in result.findings if f.detector == "classifier"]


def test_hostility_the_lexicon_has_no_words_for_is_discrimination(discrimination):
    # the rules alone pass both of these (no slur, no listed phrase)
    for text, target in (
        ("Immigrants are ruining this town", "race"),
        ("Gay people shouldn't be allowed to adopt children", "sexual_orientation"),
    ):
        findings = discrimination(text)
        assert findings, text
        assert findings[0].detector == "classifier"
        assert findings[0].target == target


def test_a_stereotype_told_as_a_fact_about_market_day_is_discrimination(discrimination):
    assert discrimination("Romanians only come here to pick pockets on market day")


def test_denying_an_insult_without_a_lexicon_word_is_not_discrimination(discrimination):
    # the cue gate cannot help here (no lexicon hit): the fine-tuned encoder must read the "not"
    assert not discrimination(
        "Nobody on our street thinks the Polish families are lazy or dishonest."
    )


def test_speaking_warmly_of_a_group_is_not_discrimination(discrimination):
    assert not discrimination("The deaf club has made the Arts Centre a better place.")


def test_hate_carried_by_a_pronoun_in_the_next_sentence_is_discrimination(discrimination):
    text = "A Somali family has moved in at number 9. They are filthy and I want them gone."
    findings = discrimination(text)
    assert findings
    assert findings[0].target == "race"


def test_wishing_pensioners_gone_is_discrimination_on_age(discrimination):
    findings = discrimination(
        "Pensioners have had their turn, the sooner they're pushed off the pier the better"
    )
    assert findings
    assert findings[0].target == "age"


def test_the_same_insult_aimed_at_cyclists_is_not_protected_characteristic_hate(screener):
    result = screener.check("Cyclists on the High Street are vermin, every last one of them")
    protected = {"sex", "gender_reassignment", "race", "disability", "sexual_orientation",
                 "religion_or_belief", "age"}
    assert not [f for f in result.findings
                if f.category is Category.DISCRIMINATION and f.target in protected]


def test_asking_a_plain_question_about_a_group_is_not_discrimination(discrimination):
    assert not discrimination(
        "Do the Sikh families on Fore Street want a stall at the summer fair?"
    )
