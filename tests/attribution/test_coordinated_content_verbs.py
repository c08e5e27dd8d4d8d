"""A verb coordinated with the reported one that the finders used to cut off as the source's
next act (issue 13, att-bound2): one that is no verb of speech and reports no clause of its own
(`said she was relieved but still feared the court`), or one that carries the reported clause's
negation or contrast on (`never called`, `instead blamed`), is more of what was said; a verb of
speech after it (`and added that …`, `and called on …`) still starts the source's next
statement."""

from __future__ import annotations

from tests.attribution.found import attributions


def _contents(text: str) -> list[str]:
    return [content for _, _, content in attributions(text)]


def test_a_belief_coordinated_with_the_reported_clause_stays_content() -> None:
    text = "The farmer said she was relieved but still feared the new court."
    assert "she was relieved but still feared the new court" in _contents(text)


def test_a_negated_coordinated_verb_stays_content() -> None:
    text = "The treasurer said he had not hosted any dinners and never called a donor for money."
    assert "he had not hosted any dinners and never called a donor for money" in _contents(text)


def test_a_coordinated_verb_of_speech_is_the_next_statement() -> None:
    text = "The governor said she had released her tax returns and called on her rival to do so."
    assert "she had released her tax returns" in _contents(text)
