"""Every aiortc/aioice internal the ICE engine relies on, and the fallback when they change.

Run on every dependency bump: a failure here names the contract that broke (docs/ice-engine.md
lists what each one is used for).
"""

from __future__ import annotations

import asyncio
import importlib.metadata
import inspect
import sys
import textwrap
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING

import aioice
import aioice.ice
import aioice.stun
import aiortc.rtcdtlstransport
import aiortc.rtcicetransport
import aiortc.rtcpeerconnection
import aiortc.rtcsctptransport
import pytest
from aiohttp import web
from aiortc import RTCCertificate, RTCDtlsTransport, RTCSctpTransport, sdp

from icescope.core.errors import CompatibilityError, ConfigError
from icescope.core.events import Impairment, Notice, Peer, StateChanged
from icescope.core.ice import compat
from icescope.core.ice.pins import ENGINE_PACKAGES, pins_from_requirements, read_pins
from icescope.core.ice.private_names import PRIVATE_NAMES, PrivateName
from icescope.core.states import Machine, Provenance

from .conftest import Pair

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

ROOT = Path(__file__).resolve().parents[3]
PC = aiortc.rtcpeerconnection.RTCPeerConnection
ICE = aiortc.rtcicetransport


def src(obj: object) -> str:
    """Source of ``obj`` without indentation or blank-line noise."""
    return textwrap.dedent(inspect.getsource(obj))  # type: ignore[arg-type]


def params(func: object) -> list[str]:
    """Parameter names of ``func``."""
    return list(inspect.signature(func).parameters)  # type: ignore[arg-type]


# ---------------------------------------------------------------- versions
def test_installed_versions_are_the_pins() -> None:
    assert set(compat.PINS) == set(ENGINE_PACKAGES) and compat.PINS_UNKNOWN is None
    for name, pinned in compat.PINS.items():
        assert importlib.metadata.version(name) == pinned
    compat.check_versions()


def test_pins_are_pyprojects() -> None:
    with (ROOT / "pyproject.toml").open("rb") as f:
        project = tomllib.load(f)["project"]
    assert pins_from_requirements(project["dependencies"]) == compat.PINS


def test_pins_without_metadata(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def missing(name: str) -> list[str]:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "requires", missing)
    assert read_pins() == (compat.PINS, None)  # an uninstalled checkout: pyproject.toml
    pins, why = read_pins(tmp_path / "pyproject.toml")  # a bundle without metadata
    assert pins == {} and why is not None and "no installed metadata for icescope" in why


def test_bundle_metadata_carries_the_pins(tmp_path: Path) -> None:
    # What packaging/icescope.spec writes when the build venv has no installed IceScope.
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        from bundle_metadata import metadata_text
    finally:
        sys.path.remove(str(ROOT / "packaging"))
    with (ROOT / "pyproject.toml").open("rb") as f:
        project = tomllib.load(f)["project"]
    dist = tmp_path / f"icescope-{project['version']}.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(metadata_text(project), encoding="utf-8")
    requires = importlib.metadata.PathDistribution(dist).requires
    assert requires is not None and pins_from_requirements(requires) == compat.PINS


# ---------------------------------------------------------------- the table of private names
def _resolve(path: str) -> object:
    parts = path.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj: object = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for part in parts[cut:]:
            obj = getattr(obj, part)
        return obj
    raise ImportError(path)


@pytest.fixture
async def instances() -> AsyncIterator[dict[str, object]]:
    """A fresh instance of every class that owns instance attributes in the table."""
    conn = aioice.Connection(ice_controlling=True)
    gatherer = ICE.RTCIceGatherer(iceServers=[])
    loop = asyncio.get_running_loop()
    transport, protocol = await loop.create_datagram_endpoint(
        lambda: aioice.ice.StunProtocol(conn), local_addr=("127.0.0.1", 0)
    )
    candidate = aioice.Candidate("1", 1, "udp", 1, "127.0.0.1", 9, "host")
    protocol.local_candidate = candidate
    runner = web.AppRunner(web.Application())
    await runner.setup()
    dtls = RTCDtlsTransport(ICE.RTCIceTransport(gatherer), [RTCCertificate.generateCertificate()])
    pc = PC()
    try:
        yield {
            "aiortc.rtcpeerconnection.RTCPeerConnection": pc,
            "aiortc.rtcsctptransport.RTCSctpTransport": RTCSctpTransport(dtls),
            "aioice.Connection": conn,
            "aiortc.rtcicetransport.RTCIceGatherer": gatherer,
            "aiortc.rtcicetransport.RTCIceTransport": ICE.RTCIceTransport(gatherer),
            "aioice.ice.StunProtocol": protocol,
            "aioice.ice.CandidatePair": aioice.ice.CandidatePair(protocol, candidate),
            "aiohttp.web_runner.BaseSite": web.TCPSite(runner, "127.0.0.1", 0),
        }
    finally:
        await pc.close()
        await runner.cleanup()
        transport.close()


@pytest.mark.parametrize("row", PRIVATE_NAMES, ids=lambda r: f"{r.owner}.{r.name}")
async def test_private_name_has_the_shape_relied_on(
    row: PrivateName, instances: dict[str, object]
) -> None:
    check_shape(row, instances)


@pytest.mark.parametrize(
    ("owner", "name", "shape"),
    [
        ("aioice.Connection", "_nominated", "attribute: list"),
        ("aioice.Connection", "_gone", "attribute"),
        ("aioice.Connection", "check_complete", "method(self, pair, extra)"),
        ("aiortc.sdp", "candidate_from_sdp", "class"),
        ("aioice", "stun", "function(x)"),
    ],
)
async def test_a_changed_name_fails_the_check(
    owner: str, name: str, shape: str, instances: dict[str, object]
) -> None:
    with pytest.raises((AssertionError, AttributeError)):
        check_shape(PrivateName(owner, name, shape, ("core.ice.compat",), "x"), instances)


def check_shape(row: PrivateName, instances: dict[str, object]) -> None:
    """Assert that ``row`` still exists in the installed library with the shape relied on."""
    owner = _resolve(row.owner)
    kind, _, rest = row.shape.partition("(")
    kind, _, type_name = kind.partition(":")
    kind, type_name = kind.strip(), type_name.strip()
    if kind in ("method", "function"):
        found = getattr(owner, row.name)
        assert inspect.isfunction(found), f"{row.owner}.{row.name} is no longer a function"
        assert params(found) == [p.strip() for p in rest.rstrip(")").split(",")]
    elif kind == "class":
        assert inspect.isclass(getattr(owner, row.name))
    elif kind == "module":
        assert inspect.ismodule(getattr(owner, row.name))
    elif kind == "property":
        assert isinstance(inspect.getattr_static(owner, row.name), property)
    elif kind == "annotated":
        # declared on the class, set by the library while it uses the object
        annotations = inspect.get_annotations(owner)
        assert row.name in annotations, f"{row.owner}.{row.name} is gone"
        declared = annotations[row.name]
        assert getattr(declared, "__name__", declared) == type_name
    elif kind in ("attribute", "constant"):
        holder = instances[row.owner] if kind == "attribute" else owner
        assert hasattr(holder, row.name), f"{row.owner} has no {row.name} any more"
        if type_name:
            assert type(getattr(holder, row.name)).__name__ == type_name
    else:
        pytest.fail(f"unknown shape {row.shape!r} in private_names.py")


# ---------------------------------------------------------------- aiortc: injection
def test_pc_builds_ice_classes_by_module_global_name() -> None:
    assert hasattr(aiortc.rtcpeerconnection, "RTCIceGatherer")
    assert hasattr(aiortc.rtcpeerconnection, "RTCIceTransport")
    body = src(PC._RTCPeerConnection__createDtlsTransport)
    assert "iceGatherer = RTCIceGatherer(" in body
    assert "iceTransport = RTCIceTransport(iceGatherer)" in body
    assert 'iceTransport.on("statechange", self.__updateIceConnectionState)' in body


def test_gatherer_internals() -> None:
    init = src(ICE.RTCIceGatherer.__init__)
    assert "self._connection = Connection(" in init
    gatherer = ICE.RTCIceGatherer(iceServers=[])
    assert gatherer._RTCIceGatherer__state == "new"
    assert isinstance(gatherer._connection, aioice.Connection)
    assert 'if self.__state == "new":' in src(ICE.RTCIceGatherer.gather)


def test_sdp_writer_reads_credentials_and_candidates_from_the_gatherer() -> None:
    body = src(aiortc.rtcpeerconnection.add_transport_description)
    assert "iceGatherer.getLocalCandidates()" in body
    assert 'iceGatherer.state == "completed"' in body
    assert "iceGatherer.getLocalParameters()" in body


def test_ice_transport_internals() -> None:
    init = src(ICE.RTCIceTransport.__init__)
    assert "self._connection = gatherer._connection" in init
    assert "self._recv = self._connection.recv" in init
    assert "self._send = self._connection.send" in init
    start = src(ICE.RTCIceTransport.start)
    assert "if self.__start is not None:" in start
    assert "self.__monitor_task = asyncio.ensure_future(self._monitor())" in start
    assert "await self._connection.connect()" in start
    assert 'self.__setState("failed")' in start
    set_state = src(ICE.RTCIceTransport._RTCIceTransport__setState)
    assert 'self.emit("statechange")' in set_state
    assert "self.remove_all_listeners()" in set_state
    assert params(ICE.RTCIceTransport.addRemoteCandidate) == ["self", "candidate"]
    assert params(ICE.RTCIceTransport.start) == ["self", "remoteParameters"]
    for name in ("_RTCIceTransport__state", "_RTCIceTransport__monitor_task"):
        transport = ICE.RTCIceTransport(ICE.RTCIceGatherer(iceServers=[]))
        assert hasattr(transport, name)


def test_dtls_only_uses_the_transport_recv_send_contract() -> None:
    body = inspect.getsource(aiortc.rtcdtlstransport.RTCDtlsTransport)
    assert "self.transport._recv()" in body
    assert "self.transport._send(" in body
    assert "self.transport._connection" not in body


def test_connect_step_passes_remote_params_then_starts_dtls() -> None:
    body = src(PC._RTCPeerConnection__connect)
    assert "await iceTransport.start(self.__remoteIce[" in body
    assert 'if dtlsTransport.state == "new":' in body
    assert body.index("iceTransport.start(") < body.index("dtlsTransport.start(")


def test_set_remote_description_adds_candidates_before_connecting() -> None:
    body = src(PC.setRemoteDescription)
    assert "sdp.SessionDescription.parse(" in body
    assert body.index("add_remote_candidates(") < body.index("self.__connect()")


def test_pc_states_are_emitted_through_self_emit() -> None:
    assert 'self.emit("iceconnectionstatechange")' in src(
        PC._RTCPeerConnection__updateIceConnectionState
    )
    assert 'self.emit("connectionstatechange")' in src(PC._RTCPeerConnection__updateConnectionState)
    assert "self.__updateIceConnectionState()" in src(PC.close)


def test_utilities_exist() -> None:
    assert callable(ICE.candidate_to_aioice) and callable(ICE.candidate_from_aioice)
    assert callable(ICE.connection_kwargs)
    assert set(ICE.ICE_TRANSPORT_POLICIES) == set(aiortc.RTCIceTransportPolicy)
    assert callable(sdp.SessionDescription.parse)
    assert {"usernameFragment", "password", "iceLite"} <= set(
        inspect.signature(ICE.RTCIceParameters).parameters
    )
    assert issubclass(aiortc.exceptions.OperationError, Exception)


def test_sctp_t3_expiry_does_not_abort_the_association() -> None:
    body = src(aiortc.rtcsctptransport.RTCSctpTransport._t3_expired)
    assert "_set_state" not in body and "abort" not in body.lower()


# ---------------------------------------------------------------- aioice
def test_aioice_overridden_methods_keep_their_signatures() -> None:
    c = aioice.Connection
    assert params(c.query_consent) == ["self"]
    assert params(c.check_complete) == ["self", "pair"]
    assert params(c.connect) == ["self"]
    assert params(c.close) == ["self"]
    assert params(c.data_received) == ["self", "data", "component"]
    assert params(c.request_received) == ["self", "message", "addr", "protocol"]
    assert params(c.protocol_lost) == ["self", "protocol"]
    assert params(c.sendto) == ["self", "data", "component"]
    assert params(c.build_request) == ["self", "pair", "nominate"]
    assert params(c.get_component_candidates) == ["self", "component", "addresses", "timeout"]
    assert "retransmissions" in params(aioice.ice.StunProtocol.request)


def test_aioice_connect_starts_our_consent_loop_and_close_stops_it() -> None:
    connect = src(aioice.Connection.connect)
    assert "self._query_consent_task = asyncio.create_task(self.query_consent())" in connect
    assert "raise ConnectionError" in connect
    close = src(aioice.Connection.close)
    assert "self._query_consent_task.cancel()" in close
    assert "self._nominated.clear()" in close
    assert close.index("self._nominated.clear()") < close.index("await protocol.close()")


def test_aioice_socket_paths() -> None:
    proto = aioice.ice.StunProtocol
    received = src(proto.datagram_received)
    assert "self.receiver.data_received(" in received
    assert "self.receiver.request_received(" in received
    assert "transaction.response_received(" in received
    assert "self.transport.sendto(bytes(message), addr)" in src(proto.send_stun)
    assert "self.transport.sendto(data, addr)" in src(proto.send_data)
    assert "self.__protocol.send_stun(" in src(aioice.stun.Transaction._Transaction__retry)
    assert "StunProtocol(self)" in src(aioice.Connection.get_component_candidates)
    assert isinstance(aioice.stun.RETRY_MAX, int) and isinstance(aioice.stun.RETRY_RTO, float)
    assert hasattr(aioice.stun.TransactionError, "response")
    assert isinstance(aioice.stun.Message.error_code, property)
    pair_attrs = src(aioice.ice.CandidatePair)
    assert "def remote_addr" in pair_attrs and "self.protocol = protocol" in pair_attrs


# ---------------------------------------------------------------- fallback
@pytest.fixture
def wrong_versions(monkeypatch: pytest.MonkeyPatch):
    real = importlib.metadata.version
    monkeypatch.setattr(
        importlib.metadata,
        "version",
        lambda name: "9.9.9" if name == "aioice" else real(name),
    )
    compat.uninstall()
    yield
    monkeypatch.undo()
    compat.uninstall()
    compat.install()


def test_strict_mode_refuses_other_versions(wrong_versions: None) -> None:
    with pytest.raises(CompatibilityError, match=r"aioice 9\.9\.9 \(IceScope needs 0\.13\.0\)"):
        compat.install("strict")
    assert not compat.installed()


async def test_fallback_runs_stock_classes_with_a_visible_warning(wrong_versions: None) -> None:
    compat.install()
    reason = compat.degraded_reason()
    assert reason is not None and "Degraded ICE state reporting" in reason
    assert not compat.engine_active()
    from icescope.core.config import Settings
    from icescope.core.session import Session

    session = Session(Settings(journal_enabled=False, drain=0.1))
    before = session.capabilities
    assert before.restart and before.impair and before.stats
    assert "aioice 9.9.9 (IceScope needs 0.13.0)" in before.impair
    async with asyncio.timeout(10):
        await session.start()
        assert await session.wait_connected(5)
        assert not session.can_restart
        assert session.capabilities == before
        with pytest.raises(NotImplementedError, match="not available: IceScope runs on stock"):
            await session.restart_ice()
        # Impairment cannot act on stock sockets: refused, with the reason, and no event.
        with pytest.raises(ConfigError, match=r"impairment is not available.*aioice 9\.9\.9"):
            session.impair(Peer.LOCAL, "blackout", value=0.5)
        with pytest.raises(ConfigError, match="impairment is not available"):
            session.impair(Peer.REMOTE, "loss", value=10)
        await session.close()
    assert not [e for e in session.log if isinstance(e, Impairment)]
    notices = [e for e in session.log if isinstance(e, Notice) and e.code == "degraded-ice"]
    assert len(notices) == 1 and notices[0].level == "warning"
    said = [e for e in session.log if isinstance(e, Notice) and "egraded" in e.message]
    assert said == notices  # one notice, not a second copy through the log handler
    for peer in (Peer.LOCAL, Peer.REMOTE):
        ice = [
            e
            for e in session.log
            if isinstance(e, StateChanged) and e.machine is Machine.ICE and e.peer is peer
        ]
        assert [e.state for e in ice] == ["checking", "completed", "closed"]
        assert ice[0].provenance is Provenance.REPORTED
        # Stock classes still name their generation (read through aiortc's public getter).
        assert ice[0].generation and len({e.generation for e in ice}) == 1


async def test_stock_block_builds_a_stock_peer() -> None:
    p = Pair(stock_remote=True)
    assert p.local.pc.managed and not p.remote.pc.managed
    assert compat.engine_active()
    await p.close()


# ---------------------------------------------------------------- statistics (core/ice/stats.py,
# meters.py, channels.py, stats_entries.py)
def test_stats_read_aioice_pairs_and_candidates() -> None:
    conn = aioice.Connection(ice_controlling=True)
    assert isinstance(conn._check_list, list) and isinstance(conn._nominated, dict)
    assert isinstance(conn.local_candidates, list) and isinstance(conn.remote_candidates, list)
    states = {s.name for s in aioice.ice.CandidatePair.State}
    assert states == {"FROZEN", "WAITING", "IN_PROGRESS", "SUCCEEDED", "FAILED"}
    pair_src = src(aioice.ice.CandidatePair)
    for attr in ("self.nominated", "self.state", "self.protocol", "self.remote_candidate"):
        assert f"{attr} =" in pair_src, attr
    assert "return self.protocol.local_candidate" in pair_src
    cand = aioice.Candidate(
        foundation="f", component=1, transport="udp", priority=1, host="h", port=1, type="host"
    )
    for attr in ("related_address", "related_port", "tcptype", "generation"):
        assert hasattr(cand, attr), attr
    # close() forgets local candidates but keeps the check list and remote candidates
    close = src(aioice.Connection.close)
    assert "self._local_candidates.clear()" in close
    assert "_check_list.clear()" not in close and "_remote_candidates.clear()" not in close


def test_stats_socket_hooks() -> None:
    proto = aioice.ice.StunProtocol
    assert params(proto.request) == ["self", "request", "addr", "integrity_key", "retransmissions"]
    assert params(proto.send_stun) == ["self", "message", "addr"]
    assert params(proto.send_data) == ["self", "data", "addr"]
    assert params(proto.datagram_received) == ["self", "data", "addr"]
    # every (re)transmission of a transaction goes through send_stun with the same message
    assert "self.__protocol.send_stun(self.__request, self.__addr)" in src(
        aioice.stun.Transaction._Transaction__retry
    )
    # a response is only accepted when authenticated with the request's key
    assert "check_message_integrity" in src(aioice.stun.Transaction)
    # checks and consent go through the pair's protocol.request(); data through send_data
    assert "await pair.protocol.request(" in src(aioice.Connection.check_start)
    assert "active_pair.protocol.send_data(data, active_pair.remote_addr)" in src(
        aioice.Connection.sendto
    )
    assert "protocol.send_stun(response, addr)" in src(aioice.Connection.request_received)
    message = aioice.stun.Message(
        message_method=aioice.stun.Method.BINDING, message_class=aioice.stun.Class.REQUEST
    )
    assert isinstance(message.transaction_id, bytes)
    assert {c.name for c in aioice.stun.Class} >= {"REQUEST", "RESPONSE", "ERROR"}


def test_stats_read_the_ice_role_and_sctp_queues() -> None:
    transport = ICE.RTCIceTransport(ICE.RTCIceGatherer(iceServers=[]))
    assert transport._role_set is False and transport.role in ("controlling", "controlled")
    assert "_role_set = True" in src(PC.setLocalDescription)
    sctp = aiortc.rtcsctptransport
    assert sctp.SCTP_DATA_LAST_FRAG == 0x01 and sctp.WEBRTC_DCEP == 50
    init = src(sctp.RTCSctpTransport.__init__)
    for name in ("_data_channel_queue", "_outbound_queue", "_sent_queue"):
        assert f"self.{name}" in init, name
    send = src(sctp.RTCSctpTransport._send)
    for line in ("chunk.stream_id = stream_id", "chunk.protocol = pp_id", "chunk._acked = False"):
        assert line in send, line
    assert "chunk._abandoned = False" in send and "self._outbound_queue.append(chunk)" in send
    assert "self._sent_queue.append(chunk)" in src(sctp.RTCSctpTransport._transmit)
    assert "channel, protocol, user_data = self._data_channel_queue.popleft()" in src(
        sctp.RTCSctpTransport._data_channel_flush
    )


def test_stats_meter_data_channels() -> None:
    channel_cls = aiortc.RTCDataChannel
    assert "__slots__" not in vars(channel_cls)  # the class switch keeps the instance layout
    assert "self.transport._data_channel_send(self, data)" in src(channel_cls.send)
    assert "return RTCDataChannel(self.__sctp, parameters)" in src(PC.createDataChannel)
    assert 'self.emit("datachannel", channel)' in inspect.getsource(PC)
