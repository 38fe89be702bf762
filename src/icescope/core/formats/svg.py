"""Inline SVG pictures for the report, built as text: the two-peer timeline and a line graph.

Every label goes through ``html.escape``; no script, no external reference.
"""

from __future__ import annotations

from html import escape
from typing import Final

COLOURS: Final = {
    "new": "#9e9e9e",
    "checking": "#f9a825",
    "connected": "#43a047",
    "completed": "#1b5e20",
    "disconnected": "#ef6c00",
    "failed": "#c62828",
    "closed": "#455a64",
}
WIDTH: Final = 900
LEFT: Final = 70


def _x(ts: float, end: float) -> float:
    return LEFT + (WIDTH - LEFT - 10) * (ts / end if end > 0 else 0.0)


def timeline(
    lanes: dict[str, list[tuple[float, str]]],
    marks: list[tuple[float, str, str]],
    bands: list[tuple[str, float, float, str]],
    end: float,
) -> str:
    """ICE states per peer as coloured segments; restarts as lines; impairments as bands.

    Args:
        lanes: peer -> ``[(ts, state)]`` in order.
        marks: ``(ts, peer, label)`` vertical markers (restarts, failures).
        bands: ``(peer, start, stop, label)`` shaded intervals (impairments).
        end: session time of the right edge.
    """
    rows = list(lanes)
    height = 30 + 40 * len(rows)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        'role="img" aria-label="ICE connection state timeline">'
    ]
    for i, peer in enumerate(rows):
        y = 10 + 40 * i
        out.append(f'<text x="4" y="{y + 17}" font-size="12">{escape(peer)}</text>')
        for peer_band, start, stop, label in bands:
            if peer_band == peer:
                x0, x1 = _x(start, end), _x(stop, end)
                out.append(
                    f'<rect x="{x0:.1f}" y="{y - 4}" width="{max(x1 - x0, 1):.1f}" '
                    f'height="32" fill="#000" fill-opacity="0.12"><title>{escape(label)}'
                    "</title></rect>"
                )
        points = lanes[peer]
        for j, (ts, state) in enumerate(points):
            stop = points[j + 1][0] if j + 1 < len(points) else end
            x0, x1 = _x(ts, end), _x(stop, end)
            colour = COLOURS.get(state, "#bdbdbd")
            out.append(
                f'<rect x="{x0:.1f}" y="{y}" width="{max(x1 - x0, 1):.1f}" height="24" '
                f'fill="{colour}"><title>{escape(state)} from {ts:.3f} s</title></rect>'
            )
    for ts, peer, label in marks:
        if peer not in rows:
            continue
        y = 10 + 40 * rows.index(peer)
        x = _x(ts, end)
        out.append(
            f'<line x1="{x:.1f}" y1="{y - 6}" x2="{x:.1f}" y2="{y + 30}" stroke="#1a237e" '
            f'stroke-width="2"><title>{escape(label)}</title></line>'
        )
    axis = 10 + 40 * len(rows)
    for k in range(6):
        ts = end * k / 5
        out.append(
            f'<text x="{_x(ts, end):.1f}" y="{axis + 12}" font-size="10" '
            f'text-anchor="middle">{ts:.1f} s</text>'
        )
    out.append("</svg>")
    return "".join(out)


def graph(series: dict[str, list[tuple[float, float]]], end: float, unit: str) -> str:
    """A line per series (e.g. RTT in ms per peer) over session time."""
    height = 200
    peak = max((v for points in series.values() for _, v in points), default=0.0) or 1.0
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height + 20}" '
        f'role="img" aria-label="{escape(unit)} over time">'
    ]
    out.append(f'<text x="4" y="12" font-size="10">{peak:.1f} {escape(unit)}</text>')
    out.append(f'<text x="4" y="{height}" font-size="10">0</text>')
    for colour, (name, points) in zip(("#1565c0", "#ad1457"), series.items(), strict=False):
        coords = " ".join(
            f"{_x(ts, end):.1f},{height - (height - 10) * v / peak:.1f}" for ts, v in points
        )
        out.append(
            f'<polyline fill="none" stroke="{colour}" stroke-width="1.5" points="{coords}">'
            f"<title>{escape(name)}</title></polyline>"
        )
    out.append("</svg>")
    return "".join(out)
