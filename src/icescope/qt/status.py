"""Read a session's live status (roles, pair, heartbeats, journal) into plain values.

This is the one place in the Qt layer that reads peer internals; widgets get the snapshot.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from .widgets.status_line import PeerStatus, StatusSnapshot

if TYPE_CHECKING:
    from ..core.events import Peer
    from ..core.session import Session


def session_status(session: Session | None) -> StatusSnapshot:
    """Snapshot of ``session`` for the status line (empty when there is no session)."""
    if session is None:
        return StatusSnapshot()
    peers: list[PeerStatus] = []
    for agent in session.peers():
        roles: tuple[str, ...] = ()
        # The ICE role (RFC 8445 §6.1.1) lives on the transports; a closed PC may lack them.
        with contextlib.suppress(Exception):
            roles = tuple(dict.fromkeys(str(t.role) for t in agent.pc.ice_transports()))
        peers.append(
            PeerStatus(
                name=agent.peer.value,
                roles=roles,
                selected=_selected(session, agent.peer),
                sent=agent.heartbeat.sent,
                received=agent.heartbeat.received,
            )
        )
    journal = session.journal
    return StatusSnapshot(
        peers=tuple(peers),
        journal=str(journal.path) if journal is not None else None,
        journal_error=journal.error if journal is not None else None,
    )


def _selected(session: Session, peer: Peer) -> tuple[str, str] | None:
    pair = session.model.peers[peer].selected
    return None if pair is None else (pair.local, pair.remote)
