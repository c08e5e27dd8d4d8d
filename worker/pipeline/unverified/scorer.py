"""The learned scorer: which rule-flagged sentences become findings, and how sure to be of them.

The rules find candidates and give the reasons a reader sees; this logistic model over the
rules' codes and the sentence's parse (``features``) gives each candidate the probability that
the labelling rules call it unverifiable. A candidate below its type's threshold is dropped; a
kept one gets that probability as its confidence (calibrated: one scale and one offset per type,
fitted out of fold, are folded into the weights). A candidate with a reason code registered
after the last fit passes as the rules made it, until the scorer is refit. The weights are data
(``scorer.json`` beside this module, loaded once at import), written by
``python -m benchmarks.claims_scorer --fit`` from text that may be redistributed only (never
PolNeAR); scoring is a sum over a dict, so it is deterministic and costs microseconds per
flagged sentence.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

DATA = "scorer.json"


@dataclass(frozen=True)
class Scorer:
    """A linear model: ``bias`` plus the weights of the features present, through a sigmoid.
    ``codes``: the reason codes seen in training. ``threshold`` is the keep threshold of a
    finding type ``thresholds`` does not name: a type whose flags are mostly wrong gets a
    higher one of its own, so precision is set where the flags are weak."""

    weights: dict[str, float]
    bias: float
    threshold: float
    codes: frozenset[str] = frozenset()
    about: dict[str, Any] = field(default_factory=dict)
    thresholds: dict[str, float] = field(default_factory=dict)

    def knows(self, codes: list[str]) -> bool:
        """Were all these reason codes seen in training?"""
        return self.codes.issuperset(codes)

    def probability(self, feats: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in feats.items())
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def keeps(self, probability: float, ftype: str | None = None) -> bool:
        """Is a candidate of type ``ftype`` with this probability kept?"""
        return probability >= self.thresholds.get(ftype or "", self.threshold)

    def to_json(self) -> str:
        per_type = {k: round(v, 6) for k, v in sorted(self.thresholds.items())}
        weights = ",\n".join(
            f"    {json.dumps(k)}: {round(v, 6)!r}" for k, v in sorted(self.weights.items())
        )
        return (
            "{\n"
            f'  "about": {json.dumps(self.about, sort_keys=True)},\n'
            f'  "bias": {round(self.bias, 6)!r},\n'
            f'  "threshold": {round(self.threshold, 6)!r},\n'
            f'  "thresholds": {json.dumps(per_type)},\n'
            f'  "codes": {json.dumps(sorted(self.codes))},\n'
            f'  "weights": {{\n{weights}\n  }}\n'
            "}\n"
        )


def parse_scorer(text: str) -> Scorer:
    """A scorer from its JSON; a clear error when the file is not one."""
    raw = json.loads(text)
    try:
        weights = {str(k): float(v) for k, v in raw["weights"].items()}
        codes = frozenset(str(c) for c in raw["codes"])
        thresholds = {str(k): float(v) for k, v in raw.get("thresholds", {}).items()}
        return Scorer(
            weights, float(raw["bias"]), float(raw["threshold"]), codes, raw["about"], thresholds
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ValueError(
            f"{DATA} is not a scorer (about, bias, threshold, codes, weights): {exc}"
        ) from exc


def load_scorer() -> Scorer:
    """The shipped scorer (``scorer.json`` in this package)."""
    return parse_scorer(files(__package__).joinpath(DATA).read_text(encoding="utf-8"))


def write_scorer(scorer: Scorer, path: Path | None = None) -> Path:
    target = path or Path(str(files(__package__).joinpath(DATA)))
    target.write_text(scorer.to_json(), encoding="utf-8")
    return target


SCORER: Scorer = load_scorer()
