"""The one-file HTML session report: no script, no network, inline CSS and SVG.

Built from a session's events and the model's summary (the same facts every reader reads).
Every value that came from a peer (candidate strings, messages, user agents) is escaped; IP
addresses are replaced by stable pseudonyms unless ``keep_addresses`` is set; configuration
credentials are never written.
"""

from __future__ import annotations

import json
import platform
import sys
from html import escape
from typing import TYPE_CHECKING, Any, Final

from ..events import (
    IceRestart,
    Impairment,
    Notice,
    RemoteChannel,
    SelectedPairChanged,
    StateChanged,
    StatsSample,
    selected_pair_stats,
)
from ..export import anonymize_text
from ..model.history import STALE
from ..states import Machine
from . import svg

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..events import SessionEvent

CSS: Final = (
    "body{font:14px system-ui,sans-serif;margin:2em;color:#212121}"
    "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:2px 6px;"
    "text-align:left;vertical-align:top}th{background:#eceff1}h2{margin-top:1.5em}"
    ".bad{color:#c62828;font-weight:bold}.good{color:#2e7d32;font-weight:bold}code{font-size:12px}"
)
SECRET_KEYS: Final = frozenset({"credential", "password", "username", "secret", "token"})


def versions() -> dict[str, str]:
    """IceScope, Python, aiortc, aioice, Qt (when loaded), DTLS's OpenSSL and the OS."""
    import icescope

    from ..about import _dist_version, cryptography_openssl

    out = {
        "IceScope": icescope.__version__,
        "Python": platform.python_version(),
        "aiortc": _dist_version("aiortc"),
        "aioice": _dist_version("aioice"),
    }
    qt = sys.modules.get("PySide6.QtCore")
    if qt is not None:
        out["Qt"] = str(qt.qVersion())
    out["OpenSSL (DTLS, via cryptography)"] = cryptography_openssl()
    out["Operating system"] = platform.platform()
    return out


def strip_credentials(config: Any) -> Any:
    """A copy of a configuration without credentials (any depth)."""
    if isinstance(config, dict):
        return {
            k: strip_credentials(v) for k, v in config.items() if str(k).lower() not in SECRET_KEYS
        }
    if isinstance(config, list):
        return [strip_credentials(v) for v in config]
    return config


def session_config(settings: Any) -> dict[str, Any]:
    """The RTCConfiguration-like view of a session's settings, without credentials."""
    servers = [{"urls": list(server.urls)} for server in getattr(settings, "ice_servers", ())]
    return {
        "iceServers": servers,
        "iceTransportPolicy": "relay" if getattr(settings, "relay_only", False) else "all",
        "mode": str(getattr(settings, "mode", "")),
    }


class _Text:
    def __init__(self, keep_addresses: bool) -> None:
        self.keep = keep_addresses

    def __call__(self, value: object) -> str:
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        return escape(text if self.keep else anonymize_text(text))


def _table(head: Sequence[str], rows: list[list[str]]) -> str:
    cells = "".join(f"<th>{escape(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><tr>{cells}</tr>{body}</table>"


def _moments(events: list[SessionEvent]) -> list[tuple[float, str, str]]:
    """(ts, peer, what) for first connected, each restart and each failure."""
    out, seen = [], set()
    for e in events:
        if isinstance(e, StateChanged) and e.machine is Machine.ICE:
            if e.state in ("connected", "completed") and e.peer not in seen:
                seen.add(e.peer)
                out.append((e.ts, e.peer.value, "first connected"))
            elif e.state == "failed":
                out.append((e.ts, e.peer.value, "failed"))
        elif isinstance(e, IceRestart) and e.phase in ("complete", "abandoned"):
            out.append((e.ts, e.peer.value, f"ICE restart {e.phase}"))
    return out


def _endpoint(entry: dict[str, Any]) -> str:
    kind, address = entry.get("candidateType", "?"), entry.get("address", "?")
    return f"{kind} {address}:{entry.get('port', '?')}"


def _pairs_at(events: list[StatsSample], ts: float, peer: str, t: _Text) -> str:
    sample = None
    for s in events:
        if s.peer.value == peer and s.ts <= ts + 2.0:
            sample = s
    if sample is None:
        return "<p>no statistics sample of this peer at that moment (unknown)</p>"
    by_id = {e.get("id"): e for e in sample.report}
    chosen = selected_pair_stats(sample.report)
    rows = []
    for e in sample.report:
        if e.get("type") != "candidate-pair":
            continue
        local, remote = (
            by_id.get(e.get("localCandidateId"), {}),
            by_id.get(e.get("remoteCandidateId"), {}),
        )
        rtt = e.get("currentRoundTripTime")
        rows.append(
            [
                "selected" if e is chosen else "",
                t(_endpoint(local)),
                t(_endpoint(remote)),
                t(str(e.get("state", "unknown"))),
                t(str(e.get("nominated", "unknown"))),
                "unknown" if not isinstance(rtt, int | float) else f"{rtt * 1000:.1f}",
                t(str(e.get("requestsSent", "unknown"))),
                t(str(e.get("responsesReceived", "unknown"))),
            ]
        )
    head = ["", "local", "remote", "state", "nominated", "RTT ms", "requests", "responses"]
    return f"<p>statistics of {sample.ts:.3f} s</p>" + _table(head, rows)


def render(
    events: Sequence[SessionEvent],
    summary: dict[str, Any],
    *,
    keep_addresses: bool = False,
    config: Any = None,
    title: str = "IceScope session report",
    trimmed: str | None = None,
) -> str:
    """The report as one HTML document (``trimmed``: why statistics samples are missing)."""
    t = _Text(keep_addresses)
    chosen = list(events)
    end = max([e.ts for e in chosen] + [float(summary.get("ts") or 0.0), 0.001])
    verdict = summary.get("verdict", {})
    ok = verdict.get("connected") and not verdict.get("failed_seen")
    parts = [
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; "
        f"style-src 'unsafe-inline'; img-src data:\"><title>{escape(title)}</title>"
        f"<style>{CSS}</style></head><body><h1>{escape(title)}</h1>"
    ]
    parts.append(
        f"<h2>Verdict</h2><p class='{'good' if ok else 'bad'}'>"
        f"connected: {t(str(verdict.get('connected')))} · failed seen: "
        f"{t(str(verdict.get('failed_seen')))} · loss: {t(str(verdict.get('loss')))}</p>"
    )
    if verdict.get("loss_detail"):
        parts.append(f"<p>{t(verdict['loss_detail'])}</p>")
    rows = [
        [t(k), f"<code>{t(v)}</code>"] for k, v in summary.items() if k not in ("type", "verdict")
    ]
    parts.append("<h2>Summary</h2>" + _table(["field", "value"], rows))
    lanes: dict[str, list[tuple[float, str]]] = {}
    marks, bands, open_bands = [], [], {}
    for e in chosen:
        if isinstance(e, StateChanged) and e.machine is Machine.ICE:
            lane = lanes.setdefault(e.peer.value, [(0.0, e.previous)])
            lane.append((e.ts, e.state))
        elif isinstance(e, RemoteChannel) and not e.alive and e.peer.value in lanes:
            lane = lanes[e.peer.value]  # its reports stopped: not known from here on
            if lane[-1][1] not in (STALE, "closed"):
                lane.append((e.ts, STALE))
        elif isinstance(e, IceRestart):
            marks.append((e.ts, e.peer.value, f"ICE restart {e.phase}: {e.summary()}"))
        elif isinstance(e, Impairment):
            key = (e.peer.value, e.kind, e.direction)
            if e.active and e.kind != "clear":
                open_bands[key] = e
            else:
                for k in [
                    k
                    for k in open_bands
                    if k[0] == e.peer.value and (e.kind == "clear" or k == key)
                ]:
                    start = open_bands.pop(k)
                    bands.append((k[0], start.ts, e.ts, start.summary()))
    for k, start in open_bands.items():
        bands.append((k[0], start.ts, end, start.summary()))
    parts.append("<h2>Timeline</h2>" + svg.timeline(lanes, marks, bands, end))
    parts.append(
        "<p>Colours: "
        + " ".join(f"<span style='color:{c}'>■</span> {s}" for s, c in svg.COLOURS.items())
        + "; blue lines: ICE restarts; grey bands: impairments.</p>"
    )
    notices = [e for e in chosen if isinstance(e, Notice | IceRestart | Impairment)]
    if notices:
        parts.append(
            "<h2>Causes, restarts and impairments</h2>"
            + _table(
                ["time", "peer", "type", "what"],
                [[f"{e.ts:.3f} s", t(e.peer.value), t(e.type), t(e.summary())] for e in notices],
            )
        )
    state_rows = [
        [
            f"{e.ts:.3f} s",
            t(e.peer.value),
            t(e.type),
            t(f"{e.previous} → {e.state}"),
            t(e.provenance.value),
            t(e.detail),
        ]
        for e in chosen
        if isinstance(e, StateChanged)
    ]
    parts.append(
        "<h2>State events</h2>"
        + _table(["time", "peer", "event", "change", "provenance", "detail"], state_rows)
    )
    samples = [e for e in chosen if isinstance(e, StatsSample)]
    moments = _moments(chosen)
    parts.append("<h2>Candidate pairs at key moments</h2>")
    if not moments:
        parts.append("<p>no key moment (never connected, no restart, no failure)</p>")
    for ts, peer, what in moments:
        parts.append(
            f"<h3>{t(peer)}: {t(what)} at {ts:.3f} s</h3>" + _pairs_at(samples, ts, peer, t)
        )
    pairs = [e for e in chosen if isinstance(e, SelectedPairChanged)]
    if pairs:
        parts.append(
            "<h3>Selected pair changes</h3>"
            + _table(
                ["time", "peer", "pair"],
                [[f"{e.ts:.3f} s", t(e.peer.value), t(e.summary())] for e in pairs],
            )
        )
    rtt: dict[str, list[tuple[float, float]]] = {}
    for s in samples:
        pair = selected_pair_stats(s.report)
        value = pair.get("currentRoundTripTime") if pair else None
        if isinstance(value, int | float) and not isinstance(value, bool):
            rtt.setdefault(s.peer.value, []).append((s.ts, value * 1000.0))
    parts.append("<h2>Round-trip time of the selected pair</h2>")
    parts.append(svg.graph(rtt, end, "ms") if rtt else "<p>no RTT measured (unknown)</p>")
    if trimmed:
        parts.append(f"<p>{escape(trimmed)}</p>")
    parts.append("<h2>Configuration</h2>")
    parts.append(
        f"<pre>{t(json.dumps(strip_credentials(config), indent=1))}</pre>"
        if config is not None
        else "<p>not recorded</p>"
    )
    parts.append(
        "<h2>Versions</h2>"
        + _table(["component", "version"], [[escape(k), escape(v)] for k, v in versions().items()])
    )
    parts.append(
        "<p>IP addresses: "
        + (
            "kept"
            if keep_addresses
            else "replaced by stable pseudonyms (198.18.0.0/15, 2001:db8::/32); loopback kept"
        )
        + "</p></body></html>\n"
    )
    return "".join(parts)
