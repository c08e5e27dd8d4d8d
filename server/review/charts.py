"""Charts as SVG geometry computed on the server: no chart library, no script, no inline style.

Each function returns plain dataclasses; the templates draw them with <rect>, <polyline> and
<text> elements using presentation attributes (allowed by the strict CSP, unlike style="").
"""

from __future__ import annotations

from dataclasses import dataclass, field

PALETTE = (
    "#2563eb",
    "#d97706",
    "#059669",
    "#dc2626",
    "#7c3aed",
    "#0891b2",
    "#be185d",
    "#4d7c0f",
    "#9a3412",
    "#475569",
)


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    x: float
    y: float
    width: float
    height: float
    color: str
    caption: str = ""


@dataclass(frozen=True)
class Series:
    label: str
    color: str
    points: str  # "x,y x,y" for <polyline>
    total: int
    dots: tuple[tuple[float, float, str], ...] = ()


@dataclass
class LineChart:
    width: int
    height: int
    series: list[Series] = field(default_factory=list)
    # (x, text, text-anchor): the first label starts at its day and the last ends at its day,
    # so neither is cut off at the chart's edge.
    x_labels: list[tuple[float, str, str]] = field(default_factory=list)
    y_ticks: list[tuple[float, str]] = field(default_factory=list)


def hbars(
    rows: list[tuple[str, float]],
    *,
    width: int = 560,
    row_height: int = 26,
    label_width: int = 200,
    percent: bool = False,
) -> list[Bar]:
    """Horizontal bars, longest = full width; ``percent`` captions values as shares."""
    top = max((v for _, v in rows), default=0) or 1
    span = width - label_width - 60
    bars = []
    for i, (label, value) in enumerate(rows):
        caption = f"{value * 100:.0f}%" if percent else f"{value:g}"
        bars.append(
            Bar(
                label=label,
                value=value,
                x=label_width,
                y=i * row_height + 4,
                width=max(1.0, span * value / top),
                height=row_height - 8,
                color=PALETTE[0],
                caption=caption,
            )
        )
    return bars


def lines(
    days: list[str], series: dict[str, dict[str, int]], *, width: int = 560, height: int = 220
) -> LineChart:
    """One line per series over ``days`` (ISO dates, in order); missing days count 0."""
    left, bottom, top_pad, right = 36, 24, 10, 10
    chart = LineChart(width=width, height=height)
    if not days:
        return chart
    top = max((n for per_day in series.values() for n in per_day.values()), default=0) or 1
    inner_w, inner_h = width - left - right, height - bottom - top_pad

    def x(i: int) -> float:
        return left + (inner_w * i / (len(days) - 1) if len(days) > 1 else inner_w / 2)

    def y(n: int) -> float:
        return top_pad + inner_h * (1 - n / top)

    ordered = sorted(series.items(), key=lambda kv: -sum(kv[1].values()))
    for k, (label, per_day) in enumerate(ordered[: len(PALETTE)]):
        values = [per_day.get(day, 0) for day in days]
        coords = [(round(x(i), 1), round(y(n), 1)) for i, n in enumerate(values)]
        chart.series.append(
            Series(
                label=label,
                color=PALETTE[k],
                total=sum(values),
                points=" ".join(f"{a},{b}" for a, b in coords),
                dots=tuple(
                    (a, b, f"{label}: {n} on {day}")
                    for (a, b), n, day in zip(coords, values, days, strict=True)
                ),
            )
        )
    step = max(1, len(days) // 6)
    last = len(days) - 1
    shown = list(range(0, len(days), step))
    if shown[-1] != last:  # the latest day is always labelled
        if len(shown) > 1 and last - shown[-1] < step / 2:
            shown[-1] = last  # a label too close to it gives way
        else:
            shown.append(last)

    def anchor(i: int) -> str:
        if len(days) == 1:
            return "middle"
        return "start" if i == 0 else "end" if i == last else "middle"

    chart.x_labels = [(round(x(i), 1), days[i][5:], anchor(i)) for i in shown]
    chart.y_ticks = [(round(y(n), 1), str(n)) for n in sorted({0, top // 2, top})]
    return chart
