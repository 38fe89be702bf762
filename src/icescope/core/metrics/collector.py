"""The metric families of one session, read from its model at scrape time.

Labels are only ``peer`` (local/remote), ``probe`` (``--probe-name``) and ``remote`` (the remote
kind), plus the state name a state set and the per-state seconds need: never addresses, ids or
ufrags, so a fleet's series count is bounded by probes × peers × states.

A value IceScope does not know is left out, never made up: a remote that reports no states has
no state series, a round-trip time appears only while the latest statistics sample is fresh,
and ``lost`` only once both final heartbeat counts arrived.

A long-running session outlives its remote (``--duration 0``): its counters (seconds per
state, restarts, heartbeats) add every finished call's figures to the current call's, so they
never go back; ``icescope_calls`` counts the calls, and the state sets show the current call.
A finished call whose loss is not known adds nothing to ``lost``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from prometheus_client.core import (
    CounterMetricFamily,
    GaugeMetricFamily,
    StateSetMetricFamily,
)

from ..events.telemetry import selected_pair_stats
from ..model import delivery
from ..states import ConnectionState, IceConnectionState, Machine

if TYPE_CHECKING:
    from collections.abc import Iterator

    from prometheus_client.metrics_core import Metric

    from ..session import Session

LABELS: Final = ("peer", "probe", "remote")
STALE_SAMPLES: Final = 3.0
"""A statistics sample older than this many sampling intervals (at least 5 s) is stale."""


class SessionCollector:
    """A ``prometheus_client`` collector over one session's model.

    Args:
        session: the session whose model is read.
        probe: the ``probe`` label.
        remote: the ``remote`` label (the remote kind, e.g. ``loopback``, ``tcp-connect``).
    """

    def __init__(self, session: Session, probe: str, remote: str) -> None:
        self.session = session
        self.probe = probe
        self.remote = remote

    def describe(self) -> list[Metric]:
        """Nothing up front (the families depend on what the model knows)."""
        return []

    def collect(self) -> Iterator[Metric]:
        """The families, as the model knows them now."""
        model, now = self.session.model, self.session.clock.ts()
        ice = StateSetMetricFamily(
            "icescope_ice_connection_state", "RTCPeerConnection.iceConnectionState", labels=LABELS
        )
        conn = StateSetMetricFamily(
            "icescope_connection_state", "RTCPeerConnection.connectionState", labels=LABELS
        )
        seconds = CounterMetricFamily(
            "icescope_ice_state_seconds",
            "Seconds spent in each iceConnectionState",
            labels=(*LABELS, "state"),
        )
        stale = GaugeMetricFamily(
            "icescope_peer_stale",
            "1 when the peer's last reported states may be out of date",
            labels=LABELS,
        )
        restarts = CounterMetricFamily(
            "icescope_ice_restarts", "Completed ICE restarts", labels=LABELS
        )
        rtt = GaugeMetricFamily(
            "icescope_consent_rtt_seconds",
            "currentRoundTripTime of the selected candidate pair (latest fresh sample)",
            labels=LABELS,
        )
        sent = CounterMetricFamily(
            "icescope_heartbeat_sent", "Heartbeat messages sent", labels=LABELS
        )
        received = CounterMetricFamily(
            "icescope_heartbeat_received", "Heartbeat messages received", labels=LABELS
        )
        lost = CounterMetricFamily(
            "icescope_heartbeat_lost",
            "Heartbeats the other side sent that never arrived (known once both stopped)",
            labels=LABELS,
        )
        connect = GaugeMetricFamily(
            "icescope_time_to_connect_seconds",
            "Seconds from the start of checking to the first connected",
            labels=LABELS,
        )
        up = GaugeMetricFamily(
            "icescope_session_up", "1 while the probe's session runs", labels=("probe", "remote")
        )
        up.add_metric([self.probe, self.remote], 0.0 if model.ended else 1.0)
        calls = CounterMetricFamily(
            "icescope_calls",
            "Calls in the session: one more each time the remote came back as a new peer",
            labels=("probe", "remote"),
        )
        calls.add_metric([self.probe, self.remote], float(model.call))
        interval = self.session.settings.stats_interval
        for peer in model.peers.values():
            if peer.peer.value == "remote" and not peer.observed:
                continue  # a remote that reports nothing has no states to show
            labels = [peer.peer.value, self.probe, self.remote]
            ice.add_metric(labels, {s.value: s.value == peer.ice.value for s in IceConnectionState})
            current = peer.state(Machine.CONNECTION).value
            conn.add_metric(labels, {s.value: s.value == current for s in ConnectionState})
            earlier = model.earlier[peer.peer]
            for state, spent in sorted(model.time_in_state_total(peer.peer, now).items()):
                seconds.add_metric([*labels, state], spent)
            stale.add_metric(labels, 0.0 if peer.staleness() is None else 1.0)
            restarts.add_metric(labels, float(earlier.restarts + peer.restarts_completed))
            taken = peer.time_to_connect()
            if taken is not None:
                connect.add_metric(labels, taken)
            sample = peer.stats
            if (
                sample is not None
                and interval > 0
                and now - sample.ts <= max(5.0, STALE_SAMPLES * interval)
            ):
                pair = selected_pair_stats(sample.report)
                value = pair.get("currentRoundTripTime") if pair else None
                if isinstance(value, int | float) and not isinstance(value, bool):
                    rtt.add_metric(labels, float(value))
            beat, first = peer.heartbeat, model.call == 1
            if beat is not None or not first:
                sent.add_metric(labels, float(earlier.heartbeats_sent + (beat.sent if beat else 0)))
            if (beat is not None and beat.received is not None) or not first:
                got = (beat.received if beat is not None else None) or 0
                received.add_metric(labels, float(earlier.heartbeats_received + got))
            other = model.remote if peer is model.local else model.local
            missing = delivery(peer, other).lost
            if missing is not None or not first:
                lost.add_metric(labels, float(earlier.heartbeats_lost + (missing or 0)))
        yield from (
            *(up, calls, ice, conn, seconds, stale, restarts),
            *(rtt, sent, received, lost, connect),
        )
