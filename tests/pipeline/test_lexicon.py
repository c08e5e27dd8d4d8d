"""The lexicon: one list per concept, read by both detectors, so a cue word is one edit.

The first test edits ``lexicon.py``'s text the way a maintainer would (one word added to one list)
and runs the whole claim finder on it in a fresh interpreter: the attribution detector and the
unverified-claim detector both react. The others keep the lists honest: every list is read
somewhere, named parts stay inside their base list, and the base lists of one family do not
overlap except where the overlap is the point.
"""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from itertools import combinations
from pathlib import Path

import pytest

from worker.pipeline import lexicon

ROOT = Path(__file__).resolve().parents[2]
LEXICON = ROOT / "worker" / "pipeline" / "lexicon.py"
SENTENCE = "Officials grumbled that the bridge was unsafe and would close for a year."

# Run in a fresh interpreter: load lexicon.py from its text with one word added to one list
# (nothing else changed), then find claims in SENTENCE and print them as JSON.
_PROGRAM = r"""
import json, sys, types
path, listname, word, sentence = sys.argv[1:5]
text = open(path, encoding="utf-8").read()
if word:
    opening = "\n" + listname + " = words(\n    " + '"' * 3 + "\n"
    assert text.count(opening) == 1, f"{listname} is not written as words(...)"
    text = text.replace(opening, opening + f"    {word}\n")
module = types.ModuleType("worker.pipeline.lexicon")
module.__file__ = path
import worker
sys.modules["worker.pipeline.lexicon"] = module
exec(compile(text, path, "exec"), module.__dict__)
from worker.pipeline import find_claims
print(json.dumps([f.to_dict() for f in find_claims(sentence)]))
"""


def _claims_with(listname: str, word: str) -> list[dict]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "0"}
    done = subprocess.run(
        [sys.executable, "-c", _PROGRAM, str(LEXICON), listname, word, SENTENCE],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_cue_word_added_to_one_list_reaches_both_detectors() -> None:
    assert "grumble" not in lexicon.REPORTING_VERBS
    before = _claims_with("SAY_VERBS", "")
    assert before == []  # no cue, no source: nothing to say about the sentence
    after = _claims_with("SAY_VERBS", "grumble")
    kinds = {(f["kind"], f["type"]) for f in after}
    assert ("attribution", "indirect") in kinds
    assert ("unverified", "anonymous_source") in kinds
    (said,) = [f for f in after if f["kind"] == "attribution"]
    assert said["cue"]["text"] == "grumbled" and said["speaker"]["text"] == "Officials"


def _lists() -> dict[str, frozenset[str]]:
    return {
        name: value
        for name, value in vars(lexicon).items()
        if name.isupper() and isinstance(value, frozenset)
    }


def test_every_list_is_read_somewhere() -> None:
    sources = [p.read_text("utf-8") for p in (ROOT / "worker").rglob("*.py") if p != LEXICON]
    own = LEXICON.read_text("utf-8")
    names = [n for n, v in vars(lexicon).items() if n.isupper() and not callable(v)]
    dead = []
    for name in names:
        pattern = re.compile(rf"\b{name}\b")
        elsewhere = any(pattern.search(text) for text in sources)
        derived_from = len(pattern.findall(own)) > 1  # its definition, and a list built on it
        if not (elsewhere or derived_from):
            dead.append(name)
    assert dead == []


def test_a_named_part_must_lie_inside_its_base_list() -> None:
    assert lexicon.subset(lexicon.SAY_VERBS, "say tell") == {"say", "tell"}
    with pytest.raises(ValueError, match="grumble"):
        lexicon.subset(lexicon.SAY_VERBS, "say grumble")


# The base lists of one concept family, as written (a derived list is no base). Two of them may
# share a word only where listed in OVERLAPS, with the reason.
FAMILIES = {
    "reporting verbs": {
        "SAY_VERBS": lexicon.SAY_VERBS,
        "SPEECH_VERBS beyond SAY_VERBS": lexicon.SPEECH_VERBS - lexicon.SAY_VERBS,
        "FINDING_VERBS": lexicon.FINDING_VERBS,
        "SPEECH_ACT_VERBS": lexicon.SPEECH_ACT_VERBS,
        "BELIEF_VERBS": lexicon.BELIEF_VERBS,
        "VIEW_VERBS": lexicon.VIEW_VERBS,
        "TAIL_ONLY_VERBS": lexicon.TAIL_ONLY_VERBS,
    },
    "determiners": {
        "POINTING_DETERMINERS": lexicon.POINTING_DETERMINERS,
        "FIRST_MENTION_OF_ONE": lexicon.FIRST_MENTION_OF_ONE,
        "QUANTIFIERS": lexicon.QUANTIFIERS,
    },
    "people by function": {
        "FUNCTION_NOUNS": lexicon.FUNCTION_NOUNS,
        "PERSON_NOUNS": lexicon.PERSON_NOUNS,
    },
}
OVERLAPS = {
    # Verbs both of saying and of a finding ("the mayor concluded", "the study concluded"): the
    # reported-speech finder treats a finding-only verb's subject differently.
    ("SAY_VERBS", "FINDING_VERBS"): {"conclude", "confirm", "estimate", "reveal"},
    ("SPEECH_VERBS beyond SAY_VERBS", "FINDING_VERBS"): {"indicate", "suggest"},
}


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_base_lists_of_a_family_do_not_overlap(family: str) -> None:
    for (a, words_a), (b, words_b) in combinations(FAMILIES[family].items(), 2):
        assert words_a & words_b == OVERLAPS.get((a, b), set()), (a, b)


# Lists compared with ``token.text`` rather than a lowercased form keep their capitals.
CASED = {"NAME_SUFFIXES", "CURRENCY_SIGNS"}


def test_every_list_holds_trimmed_words_lowercased_unless_compared_as_written() -> None:
    for name, value in _lists().items():
        assert value, name
        assert all(w and w.strip() == w for w in value), name
        if name not in CASED:
            assert all(w == w.lower() for w in value), name


def _rebinds_only_to_widen(node: ast.Assign, name: str) -> bool:
    """``NAME = NAME | words(...)``: a later block widening a list, which every reader sees."""
    value = node.value
    while isinstance(value, ast.BinOp) and isinstance(value.op, ast.BitOr):
        if isinstance(value.left, ast.Name) and value.left.id == name:
            return True
        value = value.left
    return False


def test_no_list_is_silently_replaced_by_a_later_one_of_the_same_name() -> None:
    # Helpers append their lists at the end of the module; a second plain ``NAME = words(...)``
    # replaced the unverified detector's refusal verbs with attribution's for a whole stop.
    tree = ast.parse(LEXICON.read_text(encoding="utf-8"))
    seen: set[str] = set()
    replaced = []
    for node in tree.body:
        if not isinstance(node, ast.Assign):
            continue
        for target in node.targets:
            if not isinstance(target, ast.Name):
                continue
            if target.id in seen and not _rebinds_only_to_widen(node, target.id):
                replaced.append(f"{target.id} (line {node.lineno})")
            seen.add(target.id)
    assert not replaced, f"bound again without widening the earlier list: {replaced}"
