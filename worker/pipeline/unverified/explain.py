"""Plain-words explanations: one sentence per reason, naming the cue, for readers and editors."""

from __future__ import annotations

_TEMPLATES = {
    # unconfirmed
    "cannot_confirm": 'The article itself says this cannot be checked: "{cue}".',
    "not_confirmed": 'The article says this has not been confirmed: "{cue}".',
    "disputed": '"{cue}": the article says this is disputed, so it is not established.',
    "unconfirmed_label": 'The article calls this "{cue}": it has not been checked.',
    # reported
    "reportedly": (
        '"{cue}": the article passes on a report without saying whose, or standing behind it.'
    ),
    "allegedly": '"{cue}": this is an allegation, not an established fact.',
    "purportedly": '"{cue}": the article repeats what is claimed without vouching for it.',
    "supposedly": '"{cue}": the article repeats what is claimed without vouching for it.',
    "rumour": '"{cue}": the statement rests on rumour, not on a source the reader can check.',
    "speculation": '"{cue}": the statement rests on speculation, not on a named source.',
    "reports_of": (
        '"{cue}": these are second-hand reports; the article does not say who made them'
        " or that they are true."
    ),
    "unnamed_report": '"{cue}": the report is not identified, so the reader cannot check it.',
    "said_to": '"{cue}": the article says it is said, without saying by whom.',
    "claimed": '"{cue}": this is a claim by an interested party, not an established fact.',
    # anonymous
    "anonymous_source": 'The source, "{cue}", is not named, so readers cannot judge or check it.',
    "it_is_understood": '"{cue}": the information comes from a source the article does not name.',
    "attribution_anonymous": (
        'The source, "{cue}", is not named, so readers cannot judge or check it.'
    ),
    # hedged
    "modal_perfect": (
        '"{cue}": the article presents this as a possibility, not as an established fact.'
    ),
    "passive_belief": (
        '"{cue}": the article says it is believed, without saying by whom or on what evidence.'
    ),
    "appears_to_have": '"{cue}": the article only says it appears so.',
    "unclear": '"{cue}": the article says the facts are not known.',
    "hedge_adverb": '"{cue}": the article does not commit to this; it only says it seems so.',
    "possible": '"{cue}": the article offers this as a possibility, not as a fact.',
    # weasel
    "vague_source": (
        '"{cue}": the opinion is given to an unnamed group, so nobody stands behind it.'
    ),
    "agentless_passive": '"{cue}": the article does not say who holds this view.',
    "unattributed_concern": '"{cue}": the article does not say whose concern this is.',
    # unsourced figures
    "harm": '"{cue}": a casualty figure with no source in the sentence or its paragraph.',
    "arrest": (
        '"{cue}": an arrest or detention figure with no source in the sentence or its paragraph.'
    ),
    "crowd": '"{cue}": a crowd size with no source in the sentence or its paragraph.',
    "money": '"{cue}": a sum of money with no source in the sentence or its paragraph.',
}


def explain(code: str, cue_text: str, speaker: str | None = None) -> str:
    """The explanation for reason ``code`` with cue ``cue_text``; ``speaker`` names who made the
    statement when a named source carries it ("as the spokesman put it")."""
    cue = " ".join(cue_text.split())
    text = _TEMPLATES.get(code, '"{cue}": the article does not establish this.').format(cue=cue)
    if speaker and code in ("cannot_confirm", "not_confirmed"):
        text = text[:-1] + f", as {speaker} puts it."
    return text
