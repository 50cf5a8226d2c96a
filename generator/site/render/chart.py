"""Small line charts drawn at build time as inline SVG (no chart library, no script).

``line_chart(title, years, series)`` draws one line per series over a continuous year
axis; a value of ``None`` (the region has no report that year) breaks the line. Axes
and labels use ``currentColor``; series colours come from classes ``chart-s0`` …
(docs_src/stylesheets/extra.css, Material's colour variables), and each series also
has its own dash pattern and marker, so the chart reads in dark mode and in greyscale.
The SVG is ``aria-hidden``: every chart comes with ``data_table`` (a text table in a
``<details>``) that screen readers read instead.

Both functions return one HTML block without blank lines, which Python-Markdown
passes through untouched.
"""

from __future__ import annotations

from html import escape
from typing import Optional, Sequence

WIDTH, HEIGHT = 640, 200
LEFT, RIGHT, TOP, BOTTOM = 40, 24, 12, 26
LEGEND_ROW = 24
MAX_SERIES = 5  # classes chart-s0 … chart-s4 exist
DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 2")

Series = tuple[str, dict[int, Optional[float]]]  # label, year -> value (None: no report)


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if value <= step:
            return float(step)
    return float(value)


def _fmt(value: float, percent: bool) -> str:
    if percent:
        return f"{value:.0f}%" if value >= 10 or value == int(value) else f"{value:.1f}%"
    return f"{value:g}"


def line_chart(title: str, years: Sequence[int], series: Sequence[Series], percent: bool = False) -> str:
    """An SVG line chart of ``series`` over ``years`` (sorted, at least two); at most
    MAX_SERIES series. ``percent`` labels the axis in per cent."""
    series = list(series)[:MAX_SERIES]
    lo, hi = years[0], years[-1]
    span = max(hi - lo, 1)
    top = max((v for _, values in series for v in values.values() if v is not None), default=0)
    ymax = _nice_max(top)
    legend = LEGEND_ROW * ((len(series) + 2) // 3) if len(series) > 1 else 0
    height = HEIGHT + legend
    plot_h = HEIGHT - TOP - BOTTOM
    plot_w = WIDTH - LEFT - RIGHT

    def x(year: int) -> float:
        return LEFT + plot_w * (year - lo) / span

    def y(value: float) -> float:
        return TOP + plot_h * (1 - value / ymax)

    parts = [f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" aria-hidden="true" '
             f'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMinYMin meet">']
    for frac in (0, 0.5, 1):
        level = ymax * frac
        parts.append(f'<line class="chart-grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(level):.1f}" '
                     f'y2="{y(level):.1f}"/>')
        parts.append(f'<text class="chart-label" x="{LEFT - 4}" y="{y(level) + 4:.1f}" text-anchor="end">'
                     f'{_fmt(level, percent)}</text>')
    step = 1 if span <= 10 else 2 if span <= 20 else 5
    for year in range(lo, hi + 1):
        if (year - lo) % step == 0 or year == hi:
            if year == hi and 0 < (hi - lo) % step < step / 2:
                continue  # the last tick would overlap the previous one
            parts.append(f'<text class="chart-label" x="{x(year):.1f}" y="{HEIGHT - 8}" '
                         f'text-anchor="middle">{year}</text>')
    xs = {year: f"{x(year):.1f}" for year in range(lo, hi + 1)}  # formatted once, not per series
    ys: dict[float, str] = {}
    for i, (label, values) in enumerate(series):
        cls = f"chart-s{i}"
        runs: list[list[tuple[str, str]]] = [[]]
        for year in range(lo, hi + 1):
            value = values.get(year)
            if value is None:
                if runs[-1]:
                    runs.append([])
                continue
            py = ys.get(value)
            if py is None:
                py = ys[value] = f"{y(value):.1f}"
            runs[-1].append((xs[year], py))
        dash = f' stroke-dasharray="{DASHES[i]}"' if DASHES[i] else ""
        dot = f'<circle class="chart-dot {cls}" cx="'
        for run in runs:
            if len(run) > 1:
                points = " ".join(f"{px},{py}" for px, py in run)
                parts.append(f'<polyline class="chart-line {cls}" points="{points}"{dash}/>')
            parts.extend(f'{dot}{px}" cy="{py}" r="2.5"/>' for px, py in run)
        if legend:
            lx = LEFT + (i % 3) * 200
            ly = HEIGHT + LEGEND_ROW * (i // 3) + 10
            parts.append(f'<line class="chart-line {cls}" x1="{lx}" x2="{lx + 22}" y1="{ly}" y2="{ly}"{dash}/>')
            parts.append(f'<text class="chart-label" x="{lx + 28}" y="{ly + 4}">{escape(label)}</text>')
    parts.append("</svg>")
    caption = f'<p class="chart-title">{escape(title)}</p>'
    return f'<figure class="chart-figure">{caption}{"".join(parts)}</figure>'


def data_table(summary: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """The chart's numbers as an HTML table inside ``<details>`` (cells are plain text)."""
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return (f'<details class="chart-data"><summary>{escape(summary)}</summary>'
            f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></details>")
