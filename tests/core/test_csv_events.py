"""CSV export keeps every field of every event and writes ISO 8601 times with the time zone."""

from __future__ import annotations

import csv
import dataclasses
import io
import typing
from datetime import datetime
from typing import Any

import pytest

from icescope.core.csv_events import COLUMNS, FIELDS, iso_time, read_csv, to_csv
from icescope.core.eventlog import EventLog
from icescope.core.events import Peer, SessionEvent, StateChanged
from icescope.core.formats import FormatError
from icescope.core.states import Machine, Provenance
from tests.formats.helpers import events_of
from tests.subproc import run_python

TRICKY = 'a, "quoted"\nnew line; ünïcode ✓'


def _value(name: str, hint: str, n: int) -> Any:
    """A value of the field's type that is not its default (so a dropped field shows)."""
    if name == "provenance":
        return Provenance.DERIVED
    if name == "report":
        return ({"id": "CP1", "type": "candidate-pair", "currentRoundTripTime": 0.012},)
    if hint.startswith("tuple[str"):  # a scenario's actions, an expectation's observations
        return (f"{name} {TRICKY}", "second")
    if hint.startswith("dict"):  # a core text's arguments
        return {"n": n, "text": TRICKY}
    if hint.startswith("<class 'bool'>"):
        return True
    if hint.startswith("<class 'int'>") or hint.startswith("int"):
        return 40 + n
    if hint.startswith("<class 'float'>") or hint.startswith("float"):
        return 1.25 + n
    return f"{name} {TRICKY}"


def every_event_type() -> list[SessionEvent]:
    """One event of each type (every machine's state change), every field set."""
    out: list[SessionEvent] = []
    for n, cls in enumerate(typing.get_args(SessionEvent)):
        hints = typing.get_type_hints(cls)
        machines = list(Machine) if cls is StateChanged else [None]
        for machine in machines:
            kwargs: dict[str, Any] = {"ts": 3.5 + n, "wall": 1_795_940_010.717607 + n}
            kwargs["peer"] = Peer.REMOTE
            for f in dataclasses.fields(cls):
                if f.name in kwargs:
                    continue
                kwargs[f.name] = (
                    machine if f.name == "machine" else _value(f.name, str(hints[f.name]), n)
                )
            out.append(cls(**kwargs))
    return out


def test_every_field_of_every_event_type_round_trips() -> None:
    events = every_event_type()
    text = EventLog(maxlen=1).to_csv(events)
    assert read_csv(text) == events
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(events)
    # Every field a type has is a column, and is filled in that type's rows.
    for event, row in zip(events, rows, strict=True):
        for name in event.to_dict():
            if name not in ("ts", "wall", "peer", "type"):
                assert name in FIELDS and row[name] != "", (event.type, name)
        assert row["summary"] == event.summary()


def test_times_are_iso_8601_with_the_time_zone() -> None:
    text = to_csv(every_event_type()[:1])
    row = next(csv.DictReader(io.StringIO(text)))
    stamp = datetime.fromisoformat(row["time"])
    assert stamp.tzinfo is not None and stamp.utcoffset() is not None
    assert row["time"][-6] in "+-" and row["time"][-3] == ":"  # ±HH:MM offset
    assert abs(stamp.timestamp() - 1_795_940_010.717607) < 1e-6
    assert iso_time(0.0).endswith(datetime.fromtimestamp(0).astimezone().isoformat()[-6:])


def test_a_real_probe_session_round_trips(tmp_path) -> None:
    journal = tmp_path / "j.jsonl"
    result = run_python(
        # The blackout well after the restart (a loaded machine may take longer to restart).
        "-m", "icescope", "probe", "--duration", "5", "--restart-at", "1",
        "--blackout", "2.5+1:remote:both", "--stats-interval", "0.5",
        "--journal", str(journal), timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, (result.returncode, result.stderr, result.stdout[-2000:])
    events = events_of(journal)
    assert {"stats", "icerestart", "impairment", "cause", "iceconnectionstatechange"} <= {
        e.type for e in events
    }
    text = to_csv(events)
    assert read_csv(text) == events
    assert text.splitlines()[0] == ",".join(COLUMNS)


def test_a_csv_of_something_else_is_refused_in_one_line() -> None:
    with pytest.raises(FormatError, match="not an IceScope events CSV"):
        read_csv("wall,ts,peer\n1,2,local\n")
