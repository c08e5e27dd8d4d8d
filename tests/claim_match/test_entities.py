"""Names compare across spellings; the speaker is the subject of a speech verb."""

from __future__ import annotations

from worker.pipeline.claim_match.entities import doc_words, entities, present_in, speaker
from worker.pipeline.nlp import get_nlp


def ents(text: str):
    return entities(get_nlp()(text))


def named(a: str, b: str) -> bool:
    """Is every entity of a present in b?"""
    doc_b = get_nlp()(b)
    return all(present_in(e, entities(doc_b), doc_words(doc_b)) for e in ents(a))


def test_acronyms_surnames_and_demonyms_are_the_same_entity():
    assert named("The United Nations met.", "The UN met.")
    assert named("The European Union acted.", "The EU acted.")
    assert named("Barack Obama spoke.", "Obama spoke.")
    assert named("A quake struck off Chile.", "A quake struck off the Chilean coast.")


def test_other_names_are_not():
    assert not named("A quake struck off Chile.", "A quake struck off Peru.")
    assert not named(
        "The European Union imposed sanctions.", "The United States imposed sanctions."
    )


def test_days_and_months_are_temporal():
    days = [e for e in ents("Police arrested 23 people on Saturday night.") if e.temporal]
    assert [e.text for e in days] == ["Saturday"]


def test_speaker_of_said_told_and_according_to():
    nlp = get_nlp()
    assert speaker(nlp('"No evidence," the Pentagon spokesman said.')).words == {
        "pentagon",
        "spokesman",
    }
    assert speaker(nlp("The UN said it could not confirm it.")).words == {"un"}
    assert speaker(nlp("According to the company, the vaccine works.")).words == {"company"}
    assert speaker(nlp("It could not be confirmed by the Red Cross, it said.")).words == {
        "red",
        "cross",
    }


def test_a_pronoun_speaker_is_unnamed_and_no_attribution_is_none():
    nlp = get_nlp()
    she = speaker(nlp("The economy is shrinking, she said."))
    assert she is not None and not she.named
    assert speaker(nlp("The economy is shrinking.")) is None


def test_speakers_compare_by_name():
    nlp = get_nlp()
    un = speaker(nlp("The United Nations said it could not confirm it."))
    assert un.same_as(speaker(nlp("The UN said it was unable to confirm it.")))
    assert not un.same_as(speaker(nlp("The Red Cross said it could not confirm it.")))


def test_a_name_with_and_without_its_accent_is_one_speaker():
    nlp = get_nlp()
    a = speaker(nlp("“We will not pay for such a wall,” Calderon told CNBC."))
    b = speaker(nlp("“We will not pay for such a wall,” Calderón said in an interview."))
    assert a is not None and b is not None and a.same_as(b)


def test_abbreviated_months_and_states_are_the_names():
    assert named("The vote is on December 15.", "The vote is on Dec. 15.")
    assert named("He spoke in Jupiter, Fla.", "He spoke in Jupiter, Florida.")
    assert named("Kelly Ayotte of New Hampshire spoke.", "Sen. Kelly Ayotte, R-N.H., spoke.")


def test_a_word_is_not_an_abbreviation_without_its_full_stop():
    # "miss" the verb is not "Miss." the state
    assert "mississippi" not in doc_words(get_nlp()("They will miss the vote."))


def test_a_shared_middle_initial_is_not_the_same_person():
    a = ents("The ruling came from U.S. District Judge Michael W.")
    b = ents("The ruling came from U.S. District Judge Carlton W.")
    person_a = next(e for e in a if "michael" in e.words)
    person_b = next(e for e in b if "carlton" in e.words)
    assert not person_a.same_as(person_b)


def test_lowercase_words_lone_titles_and_named_days_are_no_names():
    # branch match-relax (issue 16): the tagger sometimes calls these proper nouns
    assert [e.text for e in ents("Governor vows new budget cuts for the harbour district.")] == []
    texts = [e.text for e in ents("Jones mocked Patel as an upstart who read from notes.")]
    assert "upstart" not in texts and "Patel" in texts
    found = ents("Kowalski added to her Super Tuesday wins in Maine and Ohio.")
    assert "Super" not in [e.text for e in found]
    assert {"Maine", "Ohio"} <= {e.text for e in found}
    # a title with a name is the name
    titled = ents("Senator Ada Brennan voted against the bill.")
    assert titled and all("senator" not in e.words for e in titled)
