"""The figures a claim states, normalised so that paraphrases compare equal.

"40", "forty" and "Forty" are one value; "$1.9 trillion" and "1.9 trillion dollars" are one value
in one currency; "at least 40" and "no fewer than 40" both bound the count from below; "dozens" is
vague and equals no exact figure. Works on the raw text, so it needs no parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_FRACTIONS = {"half": 0.5, "quarter": 0.25}
# Verbs and adverbs of a multiple: "prices doubled" is "rose twofold", and "tripled" is another
# figure. Only the inflected verbs and "-fold" words: bare "double" is mostly an adjective
# ("a double standard", "double-digit").
_MULTIPLES = {
    "doubled": 2, "doubling": 2, "doubles": 2, "twofold": 2, "tripled": 3, "tripling": 3,
    "triples": 3, "threefold": 3, "quadrupled": 4, "quadrupling": 4, "fourfold": 4,
    "fivefold": 5, "tenfold": 10, "halved": 0.5, "halving": 0.5,
}  # fmt: skip
# their lemmas, which the wording checks leave to the figures
MULTIPLE_VERBS = frozenset({"double", "triple", "quadruple", "halve"})
# Plural scale words and quantity words that name no figure ("dozens of protesters").
_VAGUE = {
    "dozens", "scores", "hundreds", "thousands", "millions", "billions", "several", "numerous",
    "handful", "countless", "multiple",
}  # fmt: skip
_LOWER = (
    "at least",
    "no fewer than",
    "no less than",
    "not less than",
    "more than",
    "over",
    "upwards of",
    "in excess of",
    "above",
    "exceeding",
    "or more",
    "and more",
    "plus",
)
_UPPER = (
    "at most",
    "no more than",
    "fewer than",
    "less than",
    "under",
    "below",
    "up to",
    "not more than",
    "or fewer",
    "or less",
)
_APPROX = (
    "about",
    "around",
    "roughly",
    "some",
    "approximately",
    "nearly",
    "almost",
    "close to",
    "an estimated",
    "estimated",
    "approx",
    "circa",
    "or so",
)
_UNITS = {
    "percent": "percent", "per cent": "percent", "%": "percent", "pct": "percent",
    "percentage point": "point", "percentage points": "point", "point": "point",
    "points": "point", "$": "usd", "dollar": "usd", "dollars": "usd", "usd": "usd",
    "€": "eur", "euro": "eur", "euros": "eur", "£": "gbp", "pound": "gbp", "pounds": "gbp",
    "hour": "hour", "hours": "hour", "day": "day", "days": "day", "week": "week",
    "weeks": "week",
}  # fmt: skip
# Durations in hours: "a 72-hour ceasefire" is "a three-day ceasefire".
_HOURS = {"hour": 1, "day": 24, "week": 168}
# Longer spans in years: "two decades" is "20 years", "a decade in prison" "10 years" (branch
# match-para; without a unit "two decades" read as 2 and contradicted "20 years").
_UNITS = _UNITS | {
    "year": "year", "years": "year", "decade": "decade", "decades": "decade",
    "century": "century", "centuries": "century",
}  # fmt: skip
_YEARS = {"year": 1, "decade": 10, "century": 100}
# Words that are a figure's unit of time, compared with the figure ("10 years" / "a decade").
SPAN_WORDS = frozenset(_HOURS) | frozenset(_YEARS)
# Spans that "a" counts as one ("a decade ago"); "a year" and "a day" mostly say how often
# ("twice a year") or date ("a day after"), which no figure of the claim states.
_ONE_SPAN = frozenset({"decade", "century"})
# "Both sides" are "the two sides"; "both" states no figure the other side must repeat, so it
# pairs with a 2 there and is never missing.
OPTIONAL = frozenset({"both"})
_TOKEN = re.compile(
    r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)(?P<ord>st|nd|rd|th)?"
    r"|(?P<word>[A-Za-z]+)|(?P<sym>[$€£%])"
)
_WORDS_BEFORE = 3
# "dozens" and "scores" are one vague amount.
_DOZENS = frozenset({"dozens", "scores"})
# Signs written before the amount ("$5"), so the words before it are read before the sign.
_CURRENCY_SIGNS = frozenset({"$", "€", "£"})
# Bound cues that follow the number ("5,000 or more") rather than precede it.
_TRAILING_CUES = frozenset({"or more", "and more", "or fewer", "or less", "or so", "plus"})


@dataclass(frozen=True)
class Quantity:
    """One figure: ``value`` is None for a vague quantity (``vague`` then names it)."""

    value: float | None
    bound: str = "="  # "=", ">" (a lower bound), "<" (an upper bound) or "~" (approximately)
    unit: str | None = None
    vague: str | None = None
    text: str = ""
    start: int = 0  # character offset in the sentence

    def describe(self) -> str:
        return self.text or (self.vague or "")


def quantities(text: str) -> list[Quantity]:
    """Every figure in ``text``, in order of appearance."""
    tokens = [(m.group(0), m) for m in _TOKEN.finditer(text)]
    words = [t.lower() for t, _ in tokens]
    found: list[Quantity] = []
    i = 0
    while i < len(tokens):
        m = tokens[i][1]
        start = i
        value: float | None = None
        vague: str | None = None
        if m.group("num"):
            value = float(m.group("num").replace(",", ""))
            i += 1
        elif words[i] in _VAGUE:
            vague = "dozens" if words[i] in _DOZENS else words[i]
            i += 1
        elif words[i] == "a" and i + 1 < len(words) and words[i + 1] == "dozen":
            value, i = 12.0, i + 2
        elif words[i] == "a" and i + 1 < len(words) and words[i + 1] in _ONE_SPAN:
            value, i = 1.0, i + 1  # the span word after it is the unit
        elif words[i] in OPTIONAL:
            found.append(Quantity(2.0, "=", None, None, tokens[i][0], m.start()))
            i += 1
            continue
        elif words[i] in _MULTIPLES:
            found.append(_multiple(text, tokens[i][1], words[i]))
            i += 1
            continue
        elif words[i] == "dozen" and i > 0 and found and found[-1].text.endswith(words[i - 1]):
            i += 1
            continue
        else:
            value, i = _number_words(words, i)
            if value is None:
                i += 1
                continue
        if value is not None:
            value, i = _scale(words, i, value)
        unit, after = _unit(words, start, i)
        bound = _bound(words, start, after)
        raw = text[tokens[start][1].start() : tokens[max(i, after) - 1][1].end()]
        found.append(Quantity(value, bound, unit, vague, raw, tokens[start][1].start()))
        i = max(i, after)
    return found


def _multiple(text: str, m: re.Match[str], word: str) -> Quantity:
    """ "doubled", "threefold": a multiple, its own unit so it meets no plain count."""
    return Quantity(float(_MULTIPLES[word]), "=", "times", None, m.group(0), m.start())


def _number_words(words: list[str], i: int) -> tuple[float | None, int]:
    """A number written in words from position i ("twenty-three" is split by the tokenizer)."""
    w = words[i]
    # "one" alone is mostly a pronoun ("the only one"); it counts before a scale word only.
    if w == "one" and not (
        i + 1 < len(words) and (words[i + 1] in _SCALES or words[i + 1] == "and")
    ):
        return None, i
    if w in _FRACTIONS and i + 2 < len(words) and words[i + 1] == "a" and words[i + 2] in _SCALES:
        return _FRACTIONS[w] * _SCALES[words[i + 2]], i + 3  # "half a billion"
    if w in _FRACTIONS:
        # "a quarter of a percentage point" is 0.25 points, "half a day" 12 hours
        for lead in (("a",), ("of", "a")):
            j = i + 1 + len(lead)
            if tuple(words[i + 1 : j]) == lead and _unit(words, j, j)[0] is not None:
                return _FRACTIONS[w], j
    total = 0.0
    current = 0.0
    j = i
    if w == "a" and i + 1 < len(words) and words[i + 1] in _SCALES:
        current, j = 1.0, i + 1  # "a hundred and twelve", "a million"
    elif w not in _SMALL and w not in _TENS:
        return None, i
    while j < len(words):
        w = words[j]
        if w in _SMALL:
            current += _SMALL[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif (
            w == "and"
            and j + 1 < len(words)
            and (words[j + 1] in _SMALL or words[j + 1] in _TENS)
            and current >= 100
        ):
            pass
        elif w == "and" and j + 3 < len(words) and words[j + 1] == "a" and words[j + 2] == "half":
            current += 0.5  # "one and a half million"
            j += 2
        else:
            break
        j += 1
    return total + current, j


def _scale(words: list[str], i: int, value: float) -> tuple[float, int]:
    while i < len(words) and words[i] in _SCALES:
        value *= _SCALES[words[i]]
        i += 1
    return value, i


def _unit(words: list[str], start: int, end: int) -> tuple[str | None, int]:
    if start > 0 and words[start - 1] in _CURRENCY_SIGNS:
        return _UNITS[words[start - 1]], end
    for n in (2, 1):
        phrase = " ".join(words[end : end + n])
        if len(words[end : end + n]) == n and phrase in _UNITS:
            return _UNITS[phrase], end + n
    return None, end


def _bound(words: list[str], start: int, end: int) -> str:
    first = start - 1 if start > 0 and words[start - 1] in _CURRENCY_SIGNS else start
    before = " ".join(words[max(0, first - _WORDS_BEFORE) : first])
    after = " ".join(words[end : end + 2])
    for cues, bound in ((_LOWER, ">"), (_UPPER, "<"), (_APPROX, "~")):
        for cue in cues:
            if cue in _TRAILING_CUES:
                if after.startswith(cue):
                    return bound
            elif before == cue or before.endswith(" " + cue):
                return bound
    return "="


@dataclass(frozen=True)
class NumberCheck:
    """How the figures of two claims compare: each list holds what the other side lacks."""

    only_a: tuple[Quantity, ...]
    only_b: tuple[Quantity, ...]
    bound_differs: tuple[tuple[Quantity, Quantity], ...]
    bound_opposite: tuple[tuple[Quantity, Quantity], ...] = ()
    reordered: bool = False  # the same figures in another order ("2 killed, 5 hurt" / "5 ... 2")
    matched: int = 0

    @property
    def mismatch(self) -> bool:
        """Both sides state a figure the other does not: a different figure for the same thing."""
        return bool(self.only_a) and bool(self.only_b)

    @property
    def missing(self) -> bool:
        return bool(self.only_a) != bool(self.only_b)


def same_value(a: Quantity, b: Quantity) -> bool:
    if a.vague or b.vague:
        return a.vague is not None and a.vague == b.vague
    assert a.value is not None and b.value is not None
    x, y = a.value, b.value
    if {a.unit, b.unit} == {"times", "percent"}:
        # "doubled" is "up 100 percent", "halved" is "down 50 percent": a multiple and the
        # change in percent it makes
        k, pct = (x, y) if a.unit == "times" else (y, x)
        return abs(abs(k - 1) * 100 - pct) <= 1e-6
    if a.unit in _HOURS and b.unit in _HOURS:
        x, y = x * _HOURS[a.unit], y * _HOURS[b.unit]
    elif a.unit in _YEARS and b.unit in _YEARS:
        x, y = x * _YEARS[a.unit], y * _YEARS[b.unit]
    elif a.unit and b.unit and a.unit != b.unit:
        return False
    return abs(x - y) <= 1e-9 * max(1.0, abs(x))


def is_year(q: Quantity) -> bool:
    """A year written as one ("2015", "the 1960s"): it dates the claim, like a named day."""
    return (
        q.value is not None
        and q.unit is None
        and q.bound == "="
        and q.value.is_integer()
        and 1900 <= q.value <= 2099
        and q.text[:4].isdigit()
    )


def compare(qa: list[Quantity], qb: list[Quantity]) -> NumberCheck:
    """Pair each figure with an equal one on the other side; report what is left over. Years
    count only when both sides give years and none agree ("in 2015" / "last year" is one date;
    "from 1991 to 2007" only dates a career the other side also describes)."""
    ya, yb = [q for q in qa if is_year(q)], [q for q in qb if is_year(q)]
    if not (ya and yb and not {q.value for q in ya} & {q.value for q in yb}):
        shared = len({q.value for q in ya} & {q.value for q in yb})
        check = _compare([q for q in qa if not is_year(q)], [q for q in qb if not is_year(q)])
        return replace(check, matched=check.matched + shared)
    return _compare(qa, qb)


def _compare(qa: list[Quantity], qb: list[Quantity]) -> NumberCheck:
    """Figures paired, then each optional one ("both") with an optional one or a leftover 2 on
    the other side; an optional one left over is no figure missing."""
    opt_a = [q for q in qa if q.text.lower() in OPTIONAL]
    opt_b = [q for q in qb if q.text.lower() in OPTIONAL]
    check = _pair(
        [q for q in qa if q.text.lower() not in OPTIONAL],
        [q for q in qb if q.text.lower() not in OPTIONAL],
    )
    only_a, only_b, matched = list(check.only_a), list(check.only_b), check.matched
    for mine, theirs, left in ((opt_a, opt_b, only_b), (opt_b, opt_a, only_a)):
        for q in mine:
            two = next((x for x in left if same_value(q, x)), None)
            if two is not None:
                left.remove(two)
                matched += 1
            elif theirs and mine is opt_a:
                theirs.pop()  # "both" on each side, counted once
                matched += 1
    return replace(check, only_a=tuple(only_a), only_b=tuple(only_b), matched=matched)


def _pair(qa: list[Quantity], qb: list[Quantity]) -> NumberCheck:
    used: set[int] = set()
    only_a: list[Quantity] = []
    differs: list[tuple[Quantity, Quantity]] = []
    opposite: list[tuple[Quantity, Quantity]] = []
    order: list[int] = []
    for a in qa:
        match = next((j for j, b in enumerate(qb) if j not in used and same_value(a, b)), None)
        if match is None:
            # the same figure mentioned twice on one side pairs with one on the other
            if any(same_value(a, b) for b in qb):
                continue
            only_a.append(a)
            continue
        used.add(match)
        b = qb[match]
        order.append(match)
        if {a.bound, b.bound} == {">", "<"}:
            opposite.append((a, b))
        elif a.bound != b.bound and not {a.bound, b.bound} <= {"=", "~"}:
            differs.append((a, b))
    only_b = [
        b for j, b in enumerate(qb) if j not in used and not any(same_value(a, b) for a in qa)
    ]
    distinct = len({q.value for q in qa if q.value is not None}) >= 2
    reordered = distinct and not only_a and not only_b and order != sorted(order)
    return NumberCheck(
        tuple(only_a), tuple(only_b), tuple(differs), tuple(opposite), reordered, len(order)
    )
