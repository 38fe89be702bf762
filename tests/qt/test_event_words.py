"""The event log in German: IceScope's words translated, its numbers German, the API's kept."""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING

from icescope.core.config import Settings
from icescope.core.events import (
    CallStarted,
    ConnectivityWait,
    HeartbeatCount,
    IceRestart,
    Peer,
    SessionMarker,
    StateChanged,
)
from icescope.core.states import Machine, Provenance
from icescope.qt.models.formatting import row_texts, summary_text
from icescope.qt.models.session_words import WAITING, session_detail

if TYPE_CHECKING:
    from icescope.core.events import SessionEvent

# IceScope's own English words in the log; none may be left in the German window.
ENGLISH = (
    "after ", "derived", "ICE transport", "ICE role", "sent ", "received ", "queued",
    "(final)", "data channel", "report channel", "mode=", "timings=", "loopback only",
    "local close", "connectivity found", "restart:", "all impairments", "(both)", " on",
)  # fmt: skip


def _transport(**fields: object) -> StateChanged:
    values: dict[str, object] = {
        "ts": 9.0,
        "wall": time.time(),
        "peer": Peer.REMOTE,
        "machine": Machine.TRANSPORT,
        "previous": "completed",
        "state": "disconnected",
        "provenance": Provenance.DERIVED,
        "in_previous": 3.597,
        "generation": "2t11",
        "detail": "ICE transport T01",
    }
    values.update(fields)
    return StateChanged(**values)  # type: ignore[arg-type]


def test_a_state_change_reads_german_with_german_decimals(german) -> None:
    peer, event, change, detail = row_texts(_transport())[2:]
    assert (peer, event, change) == (
        "entfernt",
        "icetransportstatechange",
        "completed → disconnected",
    )
    assert detail == "nach 3,597 s in completed · abgeleitet · ICE-Transport T01 · ufrag 2t11"
    assert row_texts(_transport(ts=1234.5))[1] == "+1234,500 s"  # no digit grouping


def test_the_english_window_keeps_the_core_words(qapp) -> None:
    assert row_texts(_transport())[2:] == (
        "remote",
        "icetransportstatechange",
        "completed → disconnected",
        "after 3.597 s in completed · derived · ICE transport T01 · ufrag 2t11",
    )
    waiting, imported, restart, _call = _life_cycle()
    assert row_texts(waiting)[5] == WAITING
    assert row_texts(imported)[5] == "imported from dump.txt: peer connection 3"
    assert row_texts(restart)[5] == restart.summary()


def _life_cycle() -> list[SessionEvent]:
    stamp = {"ts": 1.0, "wall": time.time(), "peer": Peer.LOCAL}
    return [
        SessionMarker(**stamp, phase="waiting", detail=WAITING),
        SessionMarker(**stamp, phase="start", detail="imported from dump.txt: peer connection 3"),
        IceRestart(
            **stamp,
            phase="abandoned",
            old_ufrag="a",
            new_ufrag="b",
            initiator="local",
            duration=0.25,
            detail="connection closed",
        ),
        CallStarted(
            **stamp,
            number=2,
            reason="redialed",
            detail="the listener 127.0.0.1:9 answered again (after 2 rounds)",
        ),
    ]


def test_the_words_around_a_session_read_german(german) -> None:
    waiting, imported, restart, call = (row_texts(e)[4:] for e in _life_cycle())
    assert waiting == (
        "wartet",
        "der Anruf ist beendet; es wird gewartet, bis die Gegenseite als neuer Anruf zurückkommt",
    )
    assert imported == ("Beginn", "importiert aus dump.txt: Peer-Verbindung 3")
    assert restart == (
        "abgebrochen",
        "abgebrochen: a → b (lokal) in 250 ms — Verbindung geschlossen",
    )
    assert (
        call[1] == "Anruf 2 begann: der Lauschende 127.0.0.1:9 hat wieder geantwortet (Runden: 2)"
    )
    assert session_detail("a library's own words") == "a library's own words"
    stamp = {"ts": 1.0, "wall": time.time(), "peer": Peer.REMOTE}
    pac = ConnectivityWait(**stamp, phase="expired", deadline=1.0, timeout=39.5, restart=True)
    assert row_texts(pac)[4:] == (
        "abgelaufen",
        "Neustart: kein Kandidatenpaar war innerhalb von Tpac (39,5 s) erfolgreich: "
        "kein Weg zur Gegenseite",
    )
    counted = HeartbeatCount(
        **stamp, sent=3, received=None, queued=2, final=True, source="reported"
    )
    assert (
        row_texts(counted)[5]
        == "gesendet 3 · empfangen ? · in der Warteschlange 2 (endgültig) (gemeldet)"
    )


def test_the_cores_waiting_marker_reads_german(german) -> None:
    from icescope.core.events.session import WAITING_DETAIL

    shown = session_detail(WAITING_DETAIL)  # the detail the core publishes, as it is
    assert shown != WAITING_DETAIL and "wartet" in shown, shown


async def test_a_real_session_leaves_no_english_of_icescope_in_the_german_log(german) -> None:
    # A loopback session with a delay, a cleared impairment, an ICE restart, a blackout
    # (disconnected, a cause) and the close: every row the window would show.
    from icescope.core.session import Session

    session = Session(Settings(journal_enabled=False))
    events: list[SessionEvent] = []
    session.hub.subscribe(events.append)
    try:
        await session.start()
        assert await session.wait_connected(15)
        session.impair(Peer.LOCAL, "delay", value=50)
        session.impair(Peer.LOCAL, "clear")
        await session.restart_ice()
        async with asyncio.timeout(15):  # the restart done, then the blackout
            while not any(getattr(e, "phase", "") == "complete" for e in events):  # noqa: ASYNC110
                await asyncio.sleep(0.05)
        session.impair(Peer.REMOTE, "blackout", direction="both")
        async with asyncio.timeout(20):
            while session.model.local.ice.value != "disconnected":  # noqa: ASYNC110
                await asyncio.sleep(0.05)
    finally:
        await session.close()
    types = {e.type for e in events}
    assert {"session", "icerole", "datachannel", "heartbeat", "icerestart", "cause"} <= types
    left = [
        (text, word)
        for event in events
        for text in (row_texts(event)[4], row_texts(event)[5], summary_text(event))
        for word in ENGLISH
        if word in text
    ]
    assert left == []
    start = row_texts(events[0])[5]
    assert start.startswith("Modus loopback · Adressen: nur Loopback (127.0.0.1) · Zeiten:")
    assert "disconnected nach 2,5 s" in start
    closed = [row_texts(e)[5] for e in events if getattr(e, "state", "") == "closed"]
    assert any("lokal geschlossen: close() wurde hier aufgerufen" in d for d in closed)


def test_the_end_summary_and_the_tables_speak_german(german, fed) -> None:
    from PySide6.QtCore import Qt

    from icescope.qt.models.pairs_model import StatsTableModel
    from icescope.qt.widgets.session_summary import summary_text

    fed.start()
    summary = {
        "verdict": {"connected": True, "loss": "none"},
        "time_to_connect": {"local": 12.5},
        "peers": {
            "local": {
                "received": 3,
                "unknown": "the remote peer never reported how many heartbeats it sent",
            }
        },
        "closed_by": {"remote": "local-close"},
    }
    lines = summary_text(summary, fed.model).splitlines()
    assert lines[1:] == [
        "Zeit bis zur Verbindung: lokal 12,5 s",
        "Heartbeats: lokal empfing 3 (der Peer (entfernt) hat nie gemeldet, wie viele "
        "Heartbeats er gesendet hat)",
        "Geschlossen: entfernt: lokal geschlossen: close() wurde hier aufgerufen "
        "(webrtc-pc löst kein Ereignis aus)",
    ]
    pairs = StatsTableModel("pairs")
    titles = [pairs.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert titles == ["Peer", "Gen.", "Lokal", "Entfernt", "Zustand"]
