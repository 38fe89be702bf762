"""Command line: ``icescope`` opens the window, ``icescope probe`` runs headless.

Qt is imported only on the GUI path (inside :func:`run_gui_from_args`), so the probe works on
machines without a display or without Qt at all.
"""

from __future__ import annotations

import argparse
import gc
import logging
import math
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from .core import ranges
from .core.config import IceTimings, Settings
from .core.errors import ConfigError
from .core.probeflags import add_automation_flags, apply_automation
from .core.remotes.flags import add_remote_flags, remote_changes

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from .core.probe import Blackout, ProbePlan
    from .core.settings_store import SettingsStore

# The probe and the session pull in aiortc (~0.4 s of imports): they are imported where used,
# so the window path shows its window first.
EXIT_USAGE = 2
"""Usage error (same value as icescope.core.probe.EXIT_USAGE)."""


class _VersionAction(argparse.Action):
    """``--version``, with the version looked up only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from . import __version__

        sys.stdout.write(f"icescope {__version__}\n")
        parser.exit(0)


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one readable line and exit code 2."""

    def error(self, message: str) -> NoReturn:
        from .core.argparse_texts import argparse_phrase
        from .core.probe_texts import language, say

        english = f"{message} (see --help)"
        lang = language(os.environ)
        words = argparse_phrase(message) if lang == "de" else message
        said = say("error:see-help", {"message": words}, english, lang)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {said}\n")


def _number(flag: str) -> Callable[[str], float]:
    """An argparse type: a finite number within ``flag``'s documented range."""

    def parse(text: str) -> float:
        try:
            return ranges.parse(flag, text, named=False)  # argparse names the flag
        except ConfigError as exc:
            raise argparse.ArgumentTypeError(_said(exc)) from None

    return parse


def _said(exc: ConfigError) -> str:
    """A usage error in the messages locale's language (German or English)."""
    from .core.probe_texts import error_line

    return error_line(exc, os.environ)


def _seconds(text: str) -> float:
    """A finite, non-negative number of seconds (NaN, infinity and negatives are refused)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _said(ConfigError.of("error:seconds", value=repr(text)))
        ) from None
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(
            _said(ConfigError.of("error:seconds.finite", value=repr(text)))
        )
    return value


def _blackout(text: str) -> Blackout:
    from .core.probe import Blackout

    try:
        return Blackout.parse(text)
    except ConfigError as exc:
        raise argparse.ArgumentTypeError(_said(exc)) from None


def _session_flags() -> _Parser:
    """Flags shared by the GUI and the probe (they become :class:`Settings`)."""
    p = _Parser(add_help=False)
    g = p.add_argument_group("session")
    g.add_argument("--loopback", action="store_true", help="embedded loopback peer (default)")
    g.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="read session defaults from this settings file (e.g. the window's "
        "~/.config/icescope/settings.json); flags override it. The window reads its own file "
        "without it; the probe reads none unless given",
    )
    g.add_argument("--journal", type=Path, metavar="PATH", help="write the event journal here")
    g.add_argument("--no-journal", action="store_true", help="do not write a journal file")
    g.add_argument(
        "--keepalive-interval",
        type=_number("--keepalive-interval"),
        metavar="S",
        help="consent check period (1.0)",
    )
    g.add_argument(
        "--disconnected-timeout",
        type=_number("--disconnected-timeout"),
        metavar="S",
        help="no consent response for S seconds -> disconnected (2.5)",
    )
    g.add_argument(
        "--failed-timeout",
        type=_number("--failed-timeout"),
        metavar="S",
        help="no consent response for S seconds -> failed (30)",
    )
    g.add_argument(
        "--pac-timeout",
        type=_number("--pac-timeout"),
        metavar="S",
        help="ICE PAC (RFC 8863): never failed sooner after checks start; a path that never "
        "worked fails at S (1-600, default 39.5)",
    )
    g.add_argument("-v", "--verbose", action="count", default=0, help="-v info, -vv debug")
    add_remote_flags(p)
    return p


def build_parser() -> argparse.ArgumentParser:
    """The full command-line parser."""
    common = [_session_flags()]
    parser = _Parser(
        prog="icescope",
        description="Watch a WebRTC connection's ICE state live. Without a command, opens the "
        "window on the embedded loopback peer.",
        parents=common,
    )
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="open the window, connect a loopback session, close, exit 0 (non-zero on failure)",
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    probe = sub.add_parser(
        "probe",
        parents=common,
        help="headless: one JSON line per event, verdict as exit code",
        description="Run a session without a window. Prints one JSON object per event; the "
        "last line is a summary. Exit 0 connected and ended cleanly, 1 never connected, "
        "2 usage error, 3 an --expect-* check failed.",
    )
    probe.add_argument(
        "--duration", type=_number("--duration"), metavar="S", help="(10; 0 = until stopped)"
    )
    probe.add_argument(
        "--close-at", type=_number("--close-at"), metavar="S", help="close the local peer at S"
    )
    probe.add_argument(
        "--connect-timeout",
        type=_number("--connect-timeout"),
        metavar="S",
        help="(10)",
    )
    probe.add_argument(
        "--restart-at",
        type=_number("--restart-at"),
        action="append",
        default=[],
        metavar="S",
        help="restart ICE at S seconds (repeatable)",
    )
    probe.add_argument(
        "--blackout",
        type=_blackout,
        action="append",
        default=[],
        metavar="AT+LEN[:local|remote][:in|out|both]",
        help="drop traffic on a peer's ICE sockets (the local peer's unless :remote) from AT "
        "for LEN seconds (repeatable)",
    )
    probe.add_argument(
        "--loss",
        type=_number("--loss"),
        metavar="PERCENT",
        help="random packet loss on the local peer's ICE sockets",
    )
    probe.add_argument(
        "--delay",
        type=_number("--delay"),
        metavar="MS",
        help="added one-way delay on the local peer's ICE sockets",
    )
    probe.add_argument("--expect-no-failed", action="store_true", help="exit 3 if ICE failed")
    probe.add_argument("--expect-no-loss", action="store_true", help="exit 3 on heartbeat loss")
    probe.add_argument(
        "--anonymize", action="store_true", help="replace non-loopback IP addresses in the output"
    )
    probe.add_argument(
        "--report",
        type=Path,
        metavar="PATH",
        help="write a report: one self-contained HTML file for .html, Markdown otherwise",
    )
    probe.add_argument(
        "--keep-addresses",
        action="store_true",
        help="keep IP addresses in the HTML report (pseudonyms by default)",
    )
    probe.add_argument("--rtcstats", type=Path, metavar="PATH", help="write an rtcstats v3 dump")
    probe.add_argument(
        "--stats",
        action="store_true",
        help="also print the statistics lines (type stats, heartbeat); the journal always has them",
    )
    probe.add_argument(
        "--stats-interval",
        type=_seconds,
        metavar="S",
        help="seconds between statistics samples of each peer, 0 = off (1.0)",
    )
    add_automation_flags(probe, _number)
    imp = sub.add_parser(
        "import",
        help="print a journal, rtcstats dump or webrtc-internals dump as the probe's JSON lines",
        description="Read an IceScope journal, an rtcstats v3 dump or a chrome://webrtc-internals "
        "dump (.txt or .gz) and print its events as the probe prints them, each tagged with its "
        "peer connection (pc) when the file holds several. Exit 0, or 2 for a file it cannot read.",
    )
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--pc", metavar="ID", help="only this peer connection of a browser dump")
    return parser


def settings_from_args(args: argparse.Namespace, store: SettingsStore | None = None) -> Settings:
    """Build :class:`Settings` from the environment, the settings file, then the flags.

    Args:
        args: the parsed command line.
        store: the settings file whose ``session`` section gives the defaults, if any.

    Raises:
        ConfigError: a value is out of range or inconsistent.
    """
    base = Settings.from_env()
    stored = store is not None and bool(store.stored_session())
    if store is not None:
        from .core.credentials import load_credential

        base, _notes = store.session(base, load_credential)
    t = base.timings

    def given(value: float | None, default: float) -> float:
        return default if value is None else value  # 0 is a value, not "use the default"

    timings = IceTimings(
        keepalive_interval=given(args.keepalive_interval, t.keepalive_interval),
        disconnected_timeout=given(args.disconnected_timeout, t.disconnected_timeout),
        failed_timeout=given(args.failed_timeout, t.failed_timeout),
        pac_timeout=given(args.pac_timeout, t.pac_timeout),
    )
    changes = remote_changes(args)
    if stored:
        _keep_stored(args, changes)
    if args.address:
        from .core.netif import check_local_addresses

        check_local_addresses(args.address)
    stats_interval = getattr(args, "stats_interval", None)
    if stats_interval is not None:
        changes["stats_interval"] = stats_interval
    return base.replace(
        **changes,
        timings=timings,
        journal_path=args.journal,
        journal_enabled=not args.no_journal,
    )


def _keep_stored(args: argparse.Namespace, changes: dict[str, object]) -> None:
    """Drop the remote flags' defaults from ``changes`` so the settings file's values stay."""
    kinds = (args.browser_peer, args.listen, args.connect, args.offer_file, args.answer_file)
    if not args.loopback and not any(kinds):
        changes.pop("mode", None)
    if not changes.get("ice_servers"):
        changes.pop("ice_servers", None)
    if not changes.get("relay_only"):
        changes.pop("relay_only", None)


def open_store(args: argparse.Namespace) -> SettingsStore | None:
    """The settings file the command reads: ``--config FILE``, or the window's default file.

    The probe reads one only when ``--config`` is given (a run is reproducible from its flags).

    Raises:
        ConfigError: the probe's ``--config`` file cannot be used.
    """
    from .core.settings_store import SettingsStore

    if args.config is None:
        return None if args.command == "probe" else SettingsStore()
    if not args.config.is_file():
        raise ConfigError.of("error:config-missing", path=str(args.config))
    store = SettingsStore(args.config)
    if store.errors and args.command == "probe":
        said = store.errors[0].said()
        for more in store.errors[1:]:
            said = {"key": "error:then", "args": {"first": said, "second": more.said()}}
        raise ConfigError.from_said(said)
    return store


def _configure_logging(verbosity: int) -> None:
    from .core.logsetup import OneLineFormatter, wants_tracebacks

    level = {0: logging.WARNING, 1: logging.INFO}.get(verbosity, logging.DEBUG)
    fmt = "%(asctime)s %(levelname)s %(name)s: %(message)s"
    handler = logging.StreamHandler()
    quiet = not wants_tracebacks(verbosity, os.environ)
    handler.setFormatter(OneLineFormatter(fmt) if quiet else logging.Formatter(fmt))
    logging.basicConfig(level=level, handlers=[handler])
    if verbosity < 2:
        # aioice/aiortc log every failed STUN transaction at INFO; keep -v readable.
        logging.getLogger("aioice").setLevel(max(level, logging.WARNING))


def plan_from_args(args: argparse.Namespace, settings: Settings) -> tuple[Settings, ProbePlan]:
    """Build the probe's :class:`ProbePlan` from its flags (and ``--scenario``'s file).

    Raises:
        ConfigError: a value is out of range, or the scenario file is bad.
    """
    from .core.probe import ProbePlan

    duration = 10.0 if args.duration is None else args.duration
    plan = dict(
        duration=None if duration == 0 else duration,
        close_at=args.close_at,
        connect_timeout=10.0 if args.connect_timeout is None else args.connect_timeout,
        restart_at=tuple(args.restart_at),
        blackouts=tuple(args.blackout),
        loss=args.loss,
        delay=args.delay,
        expect_no_failed=args.expect_no_failed,
        expect_no_loss=args.expect_no_loss,
        anonymize=args.anonymize,
        report=args.report,
        keep_addresses=args.keep_addresses,
        rtcstats=args.rtcstats,
        stats=args.stats,
    )
    settings, plan = apply_automation(args, settings, plan)
    return settings, ProbePlan(**plan)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``icescope`` command; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    _configure_logging(args.verbose)
    if args.command == "import":
        from .core.formats.printout import EXIT_BROKEN_PIPE, print_import
        from .core.lineout import silence_stdout

        code = print_import(args.file, args.pc, sys.stdout, sys.stderr)
        if code == EXIT_BROKEN_PIPE:
            silence_stdout()
        return code
    try:
        store = open_store(args)
        settings = settings_from_args(args, store)
        if args.command == "probe":
            from .core.probe import run_probe

            settings, plan = plan_from_args(args, settings)
            plan.refuse_remote_impairment(settings.mode == "loopback")
        if settings.mode == "manual":
            from .core.remotes.manual import check_offer_file  # loads aiortc's SDP parser

            check_offer_file(settings)
    except ConfigError as exc:
        sys.stderr.write(f"icescope: error: {_said(exc)}\n")
        return EXIT_USAGE
    if args.command == "probe":
        import asyncio

        from .core.lineout import EXIT_BROKEN_PIPE, silence_stdout

        try:
            code = asyncio.run(run_probe(settings, plan, sys.stdout))
        except KeyboardInterrupt:
            return 130
        if code == EXIT_BROKEN_PIPE:
            silence_stdout()
        return code
    return run_gui_from_args(settings, self_test=args.self_test, store=store)


def run_gui_from_args(
    settings: Settings, *, self_test: bool, store: SettingsStore | None = None
) -> int:
    """Import Qt lazily and run the window."""
    if _no_display():
        # Without this Qt aborts (core dump) with a message about platform plugins.
        sys.stderr.write(
            "icescope: error: no display to open the window on (DISPLAY and WAYLAND_DISPLAY "
            "are unset). Run it in a desktop session, use `icescope probe` for headless runs, "
            "or set QT_QPA_PLATFORM=offscreen.\n"
        )
        return EXIT_USAGE
    if os.environ.get("QT_QPA_PLATFORM"):
        from .qt.platforms import platform_problem

        problem = platform_problem(os.environ)
        if problem is not None:  # Qt would abort (SIGABRT) with a paragraph on stderr
            sys.stderr.write(f"icescope: error: {problem}\n")
            return EXIT_USAGE
    # Start-up creates ~30k long-lived objects (modules, classes, Qt's enums) and no garbage:
    # the cyclic collector would traverse them over and over (~6 ms of a ~160 ms start). It is
    # paused until the first frame is drawn (qt.startup.first_frame_drawn resumes it).
    gc.disable()
    try:
        from .qt.app import run_gui

        return int(run_gui(settings, self_test=self_test, store=store))
    finally:
        gc.enable()


def _no_display() -> bool:
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def gui_main() -> int:
    """Entry point of the ``icescope-gui`` launcher (no console on Windows)."""
    return main()
