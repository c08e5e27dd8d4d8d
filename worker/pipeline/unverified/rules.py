"""The registry: every rule of the unverified-claims detector, in the order they run.

Adding a rule is one entry here (or in its family's tuple): a ``Rule`` with its code, type,
explanation and ``detect``; give it calibration counts with ``benchmarks/claims.py --fit``.
The order matters only where a rule defers to the ones before it (``attribution_anonymous``
runs after every rule that can find an anonymous source); supporting rules run last, and only
on a sentence another rule has flagged.
"""

from __future__ import annotations

from worker.pipeline.unverified.appearance import APPEARANCE_RULES
from worker.pipeline.unverified.background import BACKGROUND_RULES
from worker.pipeline.unverified.figures import FIGURE_RULES
from worker.pipeline.unverified.group_mood import GROUP_MOOD_RULES
from worker.pipeline.unverified.groups import GROUP_ANONYMOUS_RULES, GROUP_WEASEL_RULES
from worker.pipeline.unverified.one_person import ONE_PERSON_RULES
from worker.pipeline.unverified.place_population import PLACE_POPULATION_RULES
from worker.pipeline.unverified.reduced_view import REDUCED_VIEW_RULES
from worker.pipeline.unverified.rule import Rule
from worker.pipeline.unverified.secondhand import (
    ANONYMOUS_RULES,
    FROM_ATTRIBUTION_RULES,
    REPORTED_RULES,
    SUPPORTING_RULES,
    WEASEL_RULES,
)
from worker.pipeline.unverified.uncertainty import HEDGED_RULES, UNCONFIRMED_RULES

RULES: tuple[Rule, ...] = (
    *UNCONFIRMED_RULES,
    *ANONYMOUS_RULES,
    *GROUP_ANONYMOUS_RULES,
    *ONE_PERSON_RULES,
    *REPORTED_RULES,
    *HEDGED_RULES,
    *APPEARANCE_RULES,
    *WEASEL_RULES,
    *GROUP_WEASEL_RULES,
    *GROUP_MOOD_RULES,
    *REDUCED_VIEW_RULES,
    *FIGURE_RULES,
    *PLACE_POPULATION_RULES,
    *BACKGROUND_RULES,
    *FROM_ATTRIBUTION_RULES,
    *SUPPORTING_RULES,
)


def by_code(rules: tuple[Rule, ...] = RULES) -> dict[str, Rule]:
    """The rules keyed by reason code (each code is registered once)."""
    table = {rule.code: rule for rule in rules}
    if len(table) != len(rules):
        raise ValueError("a reason code is registered twice")
    return table
