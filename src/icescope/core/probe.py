"""The headless probe: one session, one JSON line per event, a verdict as the exit code.

Exit codes (also in the README):

* 0 — the local peer reached ``connected``/``completed`` and the session ended cleanly;
* 1 — the session failed (ICE was ``failed`` when it ended, no restart brought it back), or
  it never connected: ICE failed first (ends at once), checking did not start within
  ``connect_timeout``, or the checks did not connect within ``connect_timeout`` of their
  start; or the session could not start; long-running (``--duration 0``): its last call
  failed or never connected;
* 2 — usage error (bad flag or value), raised before a session starts;
* 3 — connected, but an expectation failed (``--expect-no-failed``, ``--expect-no-loss``).
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import json
import signal
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, TextIO

from . import ranges
from .errors import ConfigError, IceScopeError, quote
from .events import Listening, Peer, is_periodic
from .events.base import DEFAULT_IMPAIR_PEER
from .export import anonymize_record, anonymize_text, to_markdown, to_rtcstats
from .lineout import EXIT_BROKEN_PIPE, LineOutput
from .model import verdict
from .probe_watch import Progress
from .recorded import recorded_events
from .session import Session
from .states import Provenance

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from .config import Settings
    from .events import SessionEvent
    from .probehooks import ProbeHook

EXIT_OK = 0
EXIT_NOT_CONNECTED = 1
EXIT_USAGE = 2
EXIT_EXPECTATION = 3


@dataclass(frozen=True, slots=True)
class Blackout:
    """``--blackout AT+LENGTH[:peer][:direction]``."""

    at: float
    length: float
    peer: Peer = DEFAULT_IMPAIR_PEER
    direction: str = "both"

    def describe(self) -> str:
        """The flag as it would be written (``--blackout 12+3:remote``)."""
        text = f"--blackout {self.at:g}+{self.length:g}"
        if self.peer is not DEFAULT_IMPAIR_PEER:
            text += f":{self.peer.value}"
        return text if self.direction == "both" else f"{text}:{self.direction}"

    @classmethod
    def parse(cls, text: str) -> Blackout:
        """Parse ``AT+LENGTH[:local|remote][:in|out|both]``.

        Raises:
            ConfigError: with the expected form and what was wrong.
        """
        shown = quote(text)
        head, *rest = text.split(":")
        at_text, plus, length_text = head.partition("+")
        try:
            at, length = float(at_text), float(length_text)
        except ValueError:
            raise ConfigError.of("error:blackout-form", value=shown) from None
        if not plus:
            raise ConfigError.of("error:blackout-form", value=shown)
        try:
            ranges.check("--blackout AT", at)
            ranges.check("--blackout LEN", length)
        except ConfigError as exc:
            raise ConfigError.of("error:blackout", value=shown, error=exc.said()) from None
        peer, direction = DEFAULT_IMPAIR_PEER, "both"
        for part in rest:
            if part in ("local", "remote"):
                peer = Peer(part)
            elif part in ("in", "out", "both"):
                direction = part
            else:
                raise ConfigError.of("error:blackout-part", value=shown, part=quote(part, 20))
        return cls(at=at, length=length, peer=peer, direction=direction)


@dataclass(frozen=True, slots=True)
class ProbePlan:
    """What the probe does to the session and how long it watches."""

    duration: float | None = 10.0
    """End (drain, close) after this many seconds; None waits for the remote or a signal."""
    close_at: float | None = None
    """Close the local peer abruptly at this time and watch the aftermath."""
    connect_timeout: float = 10.0
    """Give up (exit 1) if checking has not started this many seconds after the session
    started, or not connected this many seconds after checking started."""
    restart_at: tuple[float, ...] = ()
    """Times at which to restart ICE from the local peer."""
    blackouts: tuple[Blackout, ...] = ()
    loss: float | None = None
    """Random loss in percent on ``impair_peer``'s sockets (both directions)."""
    delay: float | None = None
    """Added delay in ms on ``impair_peer``'s sockets (both directions)."""
    impair_peer: Peer = DEFAULT_IMPAIR_PEER
    """Whose sockets ``loss`` and ``delay`` act on."""
    expect_no_failed: bool = False
    expect_no_loss: bool = False
    anonymize: bool = False
    """Replace non-loopback IP addresses in the printed lines and exports."""
    report: Path | None = None
    """Write a report here at the end: HTML for ``.html``/``.htm``, Markdown otherwise."""
    keep_addresses: bool = False
    """Keep IP addresses in an HTML report (it replaces them by pseudonyms by default)."""
    rtcstats: Path | None = None
    """Write an rtcstats v3 dump here at the end."""
    stats: bool = False
    """Print the periodic telemetry lines (``stats``, non-final ``heartbeat``); the journal
    always gets them."""
    hooks: tuple[ProbeHook, ...] = ()
    """Scenario, JUnit and metrics features, called around the session (see probehooks)."""

    def __post_init__(self) -> None:
        for name in ("duration", "close_at", "connect_timeout", "loss", "delay"):
            value = getattr(self, name)
            if value is not None:
                ranges.check(f"--{name.replace('_', '-')}", value)
        for at in self.restart_at:
            ranges.check("--restart-at", at)
        self._refuse_after_end()

    def _refuse_after_end(self) -> None:
        """An action at or after ``duration`` would never be performed: refuse it."""
        if self.duration is None:
            return
        actions = [(b.describe(), b.at) for b in self.blackouts if b.at > 0]
        actions += [(f"--restart-at {at:g}", at) for at in self.restart_at]
        if self.close_at is not None:
            actions.append((f"--close-at {self.close_at:g}", self.close_at))
        for flag, at in actions:
            if at >= self.duration:
                raise ConfigError.of(
                    "error:after-end", flag=flag, at=f"{at:g}", duration=f"{self.duration:g}"
                )

    def refuse_remote_impairment(self, remote_in_process: bool) -> None:
        """Refuse impairing a remote that runs in another process (it cannot be reached).

        Raises:
            ConfigError: naming the flag.
        """
        if remote_in_process:
            return
        flags: list[Any] = [b.describe() for b in self.blackouts if b.peer is Peer.REMOTE]
        if self.impair_peer is Peer.REMOTE and (self.loss is not None or self.delay is not None):
            flags.append({"key": "error:loss-delay-remote", "args": {}})
        if flags:
            raise ConfigError.of("error:remote-not-impairable", flag=flags[0])


def json_line(record: dict[str, Any]) -> str:
    """One compact JSON line (no trailing newline)."""
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": "))


SIGNALS: Final = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)
"""Signals that end a probe the way Close does: drain, close, summary last."""


async def run_probe(settings: Settings, plan: ProbePlan, out: TextIO) -> int:
    """Run one probe session, printing JSON lines to ``out``; return the exit code.

    SIGINT, SIGTERM, SIGHUP and a reader that leaves (``| head -1``) end the session the way
    Close does; a broken pipe then exits with 141.
    """
    session = Session(settings, reconnect=plan.duration is None)
    stop = asyncio.Event()
    output = LineOutput(out, on_broken=stop.set)

    def emit(event: SessionEvent) -> None:
        if not plan.stats and is_periodic(event):
            return
        record = event.to_dict()
        if plan.anonymize:
            record = anonymize_record(record)
        if isinstance(event, Listening):
            record["url"] = event.url  # the one place the token must be: where to connect
        output.line(json_line(record))

    session.hub.subscribe(emit)
    progress = Progress(session)
    loop = asyncio.get_running_loop()
    for sig in SIGNALS:
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    tasks: list[asyncio.Task[None]] = []
    exit_code = EXIT_OK
    try:
        try:
            for hook in plan.hooks:
                await hook.start(session)
            started = await _unless_stopped(
                session.start(prepare=lambda s: _impair_from_start(s, plan)), stop
            )
        except IceScopeError as exc:
            session.notice("error", "start-failed", error=str(exc))
            started = False
        reason: str | bool | None = None
        if started:
            # None once connected; else why not (True: stopped by a signal or a closed pipe).
            reason = await _first(progress.until_connected(plan.connect_timeout), stop)
        connected = started and reason is None
        if started and isinstance(reason, str):
            session.notice("error", "not-connected", reason=reason)
        # Long-running: a call that failed or never connected waits for the remote's next peer.
        if connected or (started and session.reconnect and reason is not True):
            if connected:
                tasks = _schedule(session, plan)
                for hook in plan.hooks:
                    tasks += hook.connected(session)
            ends: list[asyncio.Future[Any]] = [
                asyncio.ensure_future(stop.wait()),
                asyncio.ensure_future(session.wait_ended()),
            ]
            if not session.reconnect:
                ends.append(asyncio.ensure_future(progress.final_failure(tasks)))
            if plan.duration is not None:
                ends.append(asyncio.ensure_future(_sleep_until(session, plan.duration)))
            try:
                await asyncio.wait(ends, return_when=asyncio.FIRST_COMPLETED)
            finally:
                for fut in ends:
                    fut.cancel()
        else:
            exit_code = EXIT_NOT_CONNECTED
        # A signal or a reader that left ends the process: the closed events say so.
        cause = Provenance.PROCESS_EXIT if stop.is_set() else Provenance.LOCAL_CLOSE
        summary = await session.close(cause)
    finally:
        for task in tasks:
            task.cancel()
        for sig in SIGNALS:
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.remove_signal_handler(sig)
    result = verdict(session.model)
    if connected or any(call.connected for call in session.model.calls(session.clock.ts())):
        _write_exports(session, plan, summary)
    if exit_code == EXIT_OK and not result.connected:
        exit_code = EXIT_NOT_CONNECTED  # long-running: the last call never connected
    if exit_code == EXIT_OK and result.ended_failed:
        exit_code = EXIT_NOT_CONNECTED  # connected once, but ICE had failed when it ended
    if exit_code == EXIT_OK and (
        (plan.expect_no_failed and result.failed_seen)
        or (plan.expect_no_loss and not result.loss_clean)
    ):
        exit_code = EXIT_EXPECTATION
    for hook in plan.hooks:
        exit_code = await hook.finish(session, exit_code, lambda r: output.line(json_line(r)))
    output.line(json_line(summary))
    if output.broken:
        return EXIT_BROKEN_PIPE
    return exit_code


async def _unless_stopped(coro: Any, stop: asyncio.Event) -> bool:
    """Await ``coro`` unless ``stop`` is set first (then cancel it and return False).

    Raises:
        IceScopeError: whatever ``coro`` raised.
    """
    main = asyncio.ensure_future(coro)
    stopper = asyncio.ensure_future(stop.wait())
    await asyncio.wait({main, stopper}, return_when=asyncio.FIRST_COMPLETED)
    stopper.cancel()
    if not main.done():
        main.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await main
        return False
    main.result()
    return True


async def _first(coro: Any, stop: asyncio.Event) -> Any:
    """Await ``coro`` unless ``stop`` is set first (then True)."""
    main = asyncio.ensure_future(coro)
    stopper = asyncio.ensure_future(stop.wait())
    done, _ = await asyncio.wait({main, stopper}, return_when=asyncio.FIRST_COMPLETED)
    stopper.cancel()
    if main not in done:
        main.cancel()
        return True
    return main.result()


def _impair_from_start(session: Session, plan: ProbePlan) -> None:
    """Apply the blackouts at 0 s before the first connectivity check.

    A path cut from the very start gives the no-path verdict without network namespaces.
    """
    for b in plan.blackouts:
        if b.at == 0:
            try:
                session.impair(b.peer, "blackout", direction=b.direction, value=b.length)
            except IceScopeError as exc:
                session.notice("error", "action-failed", error=str(exc))


async def _sleep_until(session: Session, at: float) -> None:
    await asyncio.sleep(max(0.0, at - session.clock.ts()))


def _schedule(session: Session, plan: ProbePlan) -> list[asyncio.Task[None]]:
    """Start one task per timed action of ``plan``."""
    loop = asyncio.get_running_loop()
    actions: list[tuple[float, Callable[[], Any]]] = []
    for at in plan.restart_at:
        actions.append((at, session.restart_ice))
    impair = getattr(session, "impair", None)
    wants_impairment = plan.blackouts or plan.loss is not None or plan.delay is not None
    if wants_impairment and impair is None:
        session.notice("error", "no-impairment")
    elif impair is not None:
        for b in plan.blackouts:
            if b.at == 0:
                continue  # applied before negotiation (_impair_from_start)
            actions.append(
                (b.at, _bind(impair, b.peer, "blackout", direction=b.direction, value=b.length))
            )
        if plan.loss is not None:
            actions.append((0.0, _bind(impair, plan.impair_peer, "loss", value=plan.loss)))
        if plan.delay is not None:
            actions.append((0.0, _bind(impair, plan.impair_peer, "delay", value=plan.delay)))
    if plan.close_at is not None and session.local is not None:
        actions.append((plan.close_at, session.local.close))
    return [loop.create_task(_at(session, at, action)) for at, action in actions]


def _bind(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Callable[[], Any]:
    return lambda: func(*args, **kwargs)


async def _at(session: Session, at: float, action: Callable[[], Any]) -> None:
    await _sleep_until(session, at)
    try:
        result = action()
        if asyncio.iscoroutine(result):
            await result
    except (IceScopeError, NotImplementedError) as exc:
        session.notice("error", "action-failed", error=str(exc))


def _write_exports(session: Session, plan: ProbePlan, summary: dict[str, Any]) -> None:
    """Write the requested report/dump files; a write error becomes a notice, not a crash."""
    from .. import __version__

    outputs = []
    if plan.report is None and plan.rtcstats is None:
        return
    events, trimmed = recorded_events(session.log, session.journal)
    if plan.report is not None and plan.report.suffix.lower() in (".html", ".htm"):
        from .formats.report_html import render, session_config

        html = render(
            events,
            summary,
            keep_addresses=plan.keep_addresses and not plan.anonymize,
            config=session_config(session.settings),
            trimmed=trimmed,
        )
        outputs.append((plan.report, html))
    elif plan.report is not None:
        outputs.append((plan.report, to_markdown(events, summary)))
    if plan.rtcstats is not None:
        dump = to_rtcstats(
            events, start_wall=session.clock.started_wall, user_agent=f"IceScope/{__version__}"
        )
        outputs.append((plan.rtcstats, dump))
    for path, text in outputs:
        text = anonymize_text(text) if plan.anonymize else text
        try:
            data = text.encode("utf-8", "backslashreplace")
            path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)
        except OSError as exc:
            session.notice("error", "export", path=str(path), error=str(exc.strerror or exc))
