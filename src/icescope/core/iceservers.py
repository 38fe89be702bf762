"""STUN/TURN diagnoses: what aiortc silently ignores, and why no relay candidate appeared.

aiortc uses only the first STUN and the first TURN URL, and aioice drops every STUN/TURN
error during gathering without a word (``get_component_candidates`` keeps only successful
tasks). IceScope says so from the configuration alone when a session starts, and when an
expected candidate is missing after gathering it asks the server itself (the probes live in
the ICE engine: :mod:`icescope.core.ice.servers`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .ice.servers import (
    PROBE_TIMEOUT,
    Diagnosis,
    ServerUse,
    effective_servers,
    probe_stun,
    probe_turn,
)
from .texts import phrase

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .config import Settings

__all__ = [
    "PROBE_TIMEOUT",
    "Diagnosis",
    "ServerUse",
    "config_diagnoses",
    "effective_servers",
    "gathering_diagnoses",
    "probe_stun",
    "probe_turn",
]


def config_diagnoses(settings: Settings) -> list[Diagnosis]:
    """Findings that follow from the configuration alone (published when a session starts)."""
    use = effective_servers(settings.ice_servers)
    found: list[Diagnosis] = []
    for url in use.ignored:
        if url.startswith("stuns:"):
            why = phrase("phrase:ignored-stuns")
        elif url.startswith("stun"):
            why = phrase("phrase:ignored-stun", url=use.stun)
        elif use.turn is not None:
            why = phrase("phrase:ignored-turn", url=use.turn)
        else:
            why = phrase("phrase:ignored-turns")
        found.append(Diagnosis.of("warning", "ice-server-ignored", url=url, why=why))
    if settings.relay_only and use.turn is None:
        found.append(Diagnosis.of("error", "relay-without-turn"))
    return found


async def gathering_diagnoses(
    settings: Settings, candidate_types: Iterable[str], *, timeout: float | None = None
) -> list[Diagnosis]:
    """Explain missing candidates after gathering finished.

    Args:
        settings: the session settings (servers, policy).
        candidate_types: the types of every local candidate gathered (``host``, ``relay`` ...).
        timeout: how long each probe of a server may take (default :data:`PROBE_TIMEOUT`).

    Returns:
        Findings, in the order: TURN, STUN, "nothing at all".
    """
    timeout = PROBE_TIMEOUT if timeout is None else timeout
    types = set(candidate_types)
    use = effective_servers(settings.ice_servers)
    found: list[Diagnosis] = []
    if use.turn and use.turn_server is not None and "relay" not in types:
        found.append(await probe_turn(use.turn, use.turn_server, timeout=timeout))
    if use.stun and "srflx" not in types and not settings.relay_only:
        finding = await probe_stun(use.stun, timeout=timeout)
        if finding is not None:
            found.append(finding)
    if not types:
        why = phrase(
            "phrase:no-relay-candidate" if settings.relay_only else "phrase:no-usable-address"
        )
        found.append(Diagnosis.of("error", "no-candidates", why=why))
    return found
