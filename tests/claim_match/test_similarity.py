"""Wording: content words, folded synonyms, and words swapped in the same grammatical place."""

from __future__ import annotations

from worker.pipeline import match_claims
from worker.pipeline.claim_match.decision import claim
from worker.pipeline.claim_match.similarity import (
    added_verbs,
    containment,
    content_words,
    dice,
    family_pairs,
    family_stem,
    shared,
    slots,
    substitutions,
)
from worker.pipeline.nlp import get_nlp


def bag(text: str):
    return content_words(get_nlp()(text))


def swaps(a: str, b: str) -> list[tuple[str, str, bool]]:
    nlp = get_nlp()
    da, db = nlp(a), nlp(b)
    return substitutions(slots(da), content_words(da), slots(db), content_words(db))


def test_news_synonyms_fold_and_frame_verbs_drop():
    assert (
        bag("Two protesters died, police said.").words
        == bag("Police said two protesters were killed.").words
    )
    assert "say" not in bag("Police said it.").words


def test_dice_and_containment():
    a, b = bag("Floods killed people in the province."), bag("Floods killed people.")
    assert containment(a, b) == 1.0
    assert 0 < dice(a, b) < 1
    assert dice(bag("..."), bag("Floods killed people.")) == 0.0


def test_a_word_swapped_as_subject_is_a_substitution():
    found = swaps(
        "Unemployment fell to 4.2 percent in March.", "Inflation fell to 4.2 percent in March."
    )
    assert ("unemployment", "inflation", True) in found


def test_a_rewording_with_synonyms_is_not():
    assert swaps("Unemployment fell to 4.2 percent.", "The jobless rate dropped to 4.2%.") == []
    assert swaps("Anna Berg resigned on Tuesday.", "Anna Berg stepped down on Tuesday.") == []


def test_spelling_variants_are_not_substitutions():
    assert swaps("They let non-members play.", "They let nonmembers play.") == []


def test_an_added_verb_is_a_further_assertion():
    a = bag("Trump is a liar who pledged to ban Muslims.")
    b = bag("Trump regularly incites violence and is a liar who pledged to ban Muslims.")
    assert added_verbs(a, b) == {"incite"}
    # light verbs assert nothing new
    assert (
        added_verbs(bag("The airline will cut jobs."), bag("The airline plans to cut jobs."))
        == frozenset()
    )


def test_a_verb_in_a_clause_that_modifies_is_no_further_assertion():
    short = claim(
        "It is the losses that stand out, in the mirror image of the Tea Party Republicans."
    )
    longer = claim(
        "It is the losses that stand out, in the mirror image of the Tea Party Republicans "
        "who oppose large-scale legislation."
    )
    assert not added_verbs(short.bag, longer.bag)
    # a verb of the main clause is one
    more = claim(
        "It is the losses that stand out, and he regrets them, in the mirror image of the Tea "
        "Party Republicans."
    )
    assert added_verbs(short.bag, more.bag) == {"regret"}


def test_a_word_family_shares_one_stem():
    assert family_stem("mayoral") == family_stem("mayor")
    assert family_stem("allegedly") == family_stem("allege")
    assert family_stem("opposition") == family_stem("oppose")
    # four letters stay: "cases" is not "cas"
    assert family_stem("cases") == "case"


def test_family_pairs_count_each_word_once_and_skip_names_with_marks():
    assert family_pairs(frozenset({"mayoral", "race"}), frozenset({"mayor"})) == [
        ("mayoral", "mayor")
    ]
    assert family_pairs(frozenset({"u.s."}), frozenset({"us"})) == []
    a, b = bag("Lopez won the mayoral race."), bag("Lopez became mayor.")
    assert shared(a, b) == 2  # "lopez", and "mayoral" / "mayor"


def test_a_concession_is_no_further_assertion():
    # branch match (issue 16): "even though ..." grants something; the claim is the main clause
    short = claim("The Rovers have won five of their last six away games.")
    conceded = claim(
        "The Rovers have won five of their last six away games, although they still trail the "
        "league leaders."
    )
    assert not added_verbs(short.bag, conceded.bag)
    assert match_claims(short.text, conceded.text).same
    # "because" gives a reason, which is a claim of its own
    reason = claim(
        "The Rovers have won five of their last six away games because their coach rested "
        "the captain."
    )
    assert added_verbs(short.bag, reason.bag) == {"rest"}


def test_a_subjectless_gerund_clause_is_no_further_assertion():
    # branch match-relax (issue 16): ", carrying Maine" says how the main clause came about
    short = claim("Ms. Okafor won Maine, Vermont and Delaware.")
    how = claim("Ms. Okafor swept the small states, carrying Maine, Vermont and Delaware.")
    assert "carry" in how.bag.modifier_verbs and "carry" not in how.bag.verbs
    assert "carry" not in added_verbs(short.bag, how.bag)
    # a clause with a subject of its own is another event
    other = claim("Ms. Okafor won Maine, while her rival was carrying Vermont and Delaware.")
    assert "carry" in other.bag.verbs


def test_a_verb_that_holds_the_other_claims_verb_frames_it():
    # branch match-relax (issue 16): "found ways to widen" frames "widened"; it adds no event
    plain = claim("The council widens the coastal road through buying small plots.")
    framed = claim(
        "Over six years the council has found ways to widen the coastal road through buying "
        "small plots from farmers."
    )
    assert "find" in framed.bag.verbs
    assert not added_verbs(plain.bag, framed.bag, plain.slots, framed.slots)
    assert added_verbs(plain.bag, framed.bag) == {"find"}  # without the slots, as before
    # a verb beside the claim, not holding it, is a further assertion
    short = claim("The council widens the coastal road.")
    beside = claim("The council widens the coastal road and sells small plots to farmers.")
    assert added_verbs(short.bag, beside.bag, short.slots, beside.slots) == {"sell"}
    managed = claim("The council managed to widen the coastal road.")
    assert not added_verbs(short.bag, managed.bag, short.slots, managed.slots)
