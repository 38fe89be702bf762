"""Command-line flags choosing the remote peer and the ICE servers (shared by GUI and probe).

Kept beside the remotes so ``cli.py`` stays small: :func:`add_remote_flags` adds them,
:func:`remote_changes` turns the parsed values into :class:`~icescope.core.config.Settings`
fields.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from ..config import IceServer
from ..errors import ConfigError, quote

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence


class _ServerAction(argparse.Action):
    """``--ice-server URL`` starts an entry; ``--username``/``--credential`` fill the last one."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        entries: list[dict[str, str]] = list(getattr(namespace, "ice_server_entries", None) or [])
        if self.dest == "ice_server_url":
            entries.append({"url": str(values)})
        else:
            if not entries:
                parser.error(f"{option_string} must follow the --ice-server it belongs to")
            entries[-1][self.dest] = str(values)
        namespace.ice_server_entries = entries


def add_remote_flags(parser: argparse.ArgumentParser) -> None:
    """Add the remote-peer and ICE server flags to ``parser``."""
    g = parser.add_argument_group("remote peer (default: the embedded loopback peer)")
    g.add_argument(
        "--browser-peer",
        action="store_true",
        help="serve a browser peer page and print its URL; open it in any browser",
    )
    g.add_argument("--port", type=int, metavar="N", help="browser peer page port (free port)")
    g.add_argument(
        "--listen-browser",
        metavar="ADDR",
        help="serve the browser peer page on ADDR instead of 127.0.0.1 (token-protected)",
    )
    g.add_argument(
        "--browser-offers", action="store_true", help="the browser sends the offer (default: we do)"
    )
    g.add_argument("--listen", metavar="HOST:PORT", help="wait for another IceScope (it offers)")
    g.add_argument("--connect", metavar="HOST:PORT", help="connect to a listening IceScope")
    g.add_argument("--offer-file", type=Path, metavar="PATH", help="manual: the offer (SDP)")
    g.add_argument("--answer-file", type=Path, metavar="PATH", help="manual: the answer (SDP)")
    g.add_argument(
        "--address",
        action="append",
        default=[],
        metavar="IP",
        help="gather host candidates only on this local address (repeatable; 127.0.0.1 allowed)",
    )
    s = parser.add_argument_group("ICE servers (none by default)")
    s.add_argument(
        "--ice-server",
        dest="ice_server_url",
        action=_ServerAction,
        metavar="URL",
        help="stun:HOST[:PORT] or turn[s]:HOST[:PORT][?transport=udp|tcp] (repeatable)",
    )
    s.add_argument(
        "--username",
        dest="username",
        action=_ServerAction,
        metavar="U",
        help="TURN username of the preceding --ice-server",
    )
    s.add_argument(
        "--credential",
        dest="credential",
        action=_ServerAction,
        metavar="C",
        help="TURN password of the preceding --ice-server (visible in the process list: "
        f"prefer --credential-file or ${CREDENTIAL_ENV})",
    )
    s.add_argument(
        "--credential-file",
        dest="credential_file",
        action=_ServerAction,
        metavar="PATH",
        help="read the TURN password of the preceding --ice-server from PATH (one line)",
    )
    s.add_argument("--relay-only", action="store_true", help="iceTransportPolicy=relay: TURN only")


def remote_changes(
    args: argparse.Namespace, environ: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """The :class:`Settings` fields the remote flags set.

    Args:
        args: the parsed flags.
        environ: where ``ICESCOPE_TURN_CREDENTIAL`` is looked up (default: the environment).

    Raises:
        ConfigError: conflicting remote kinds, or a bad server/address value.
    """
    from ..netif import AddressSelection

    kinds = [
        name
        for name, given in (
            ("--browser-peer", args.browser_peer),
            ("--listen", args.listen),
            ("--connect", args.connect),
            ("--offer-file/--answer-file", args.offer_file or args.answer_file),
        )
        if given
    ]
    if len(kinds) > 1:
        listed: Any = kinds[0]
        for kind in kinds[1:]:
            listed = {"key": "error:and", "args": {"first": listed, "second": kind}}
        raise ConfigError.of("error:one-remote", kinds=listed)
    changes: dict[str, Any] = {"mode": "loopback"}
    if args.browser_peer:
        changes.update(mode="browser", browser_offers=args.browser_offers)
        if args.port is not None:
            changes["browser_port"] = args.port
        if args.listen_browser:
            changes["browser_host"] = args.listen_browser
    elif args.port is not None or args.listen_browser or args.browser_offers:
        raise ConfigError.of("error:browser-flags")
    elif args.listen:
        changes.update(mode="tcp-listen", remote_address=args.listen)
    elif args.connect:
        changes.update(mode="tcp-connect", remote_address=args.connect)
    elif args.offer_file or args.answer_file:
        changes.update(mode="manual", offer_file=args.offer_file, answer_file=args.answer_file)
    servers = []
    env = os.environ if environ is None else environ
    for entry in getattr(args, "ice_server_entries", None) or []:
        servers.append(
            IceServer(
                urls=(entry["url"],),
                username=entry.get("username"),
                credential=_credential(entry, env),
            )
        )
    changes["ice_servers"] = tuple(servers)
    changes["relay_only"] = bool(args.relay_only)
    if args.address:
        changes["addresses"] = AddressSelection(addresses=tuple(args.address))
    return changes


CREDENTIAL_ENV: Final = "ICESCOPE_TURN_CREDENTIAL"
"""The TURN password of every ``turn:`` server given a ``--username`` and no credential flag."""
MAX_CREDENTIAL_FILE: Final = 4096
"""Bytes a ``--credential-file`` may hold."""


def _credential(entry: dict[str, str], env: Mapping[str, str]) -> str | None:
    """The entry's credential: ``--credential``, ``--credential-file``, or the environment.

    Raises:
        ConfigError: both flags given, or an unreadable file; the value is never repeated.
    """
    given = [f for f in ("credential", "credential_file") if f in entry]
    if len(given) > 1:
        raise ConfigError.of("error:credential-both", url=entry["url"])
    if "credential_file" in entry:
        return read_credential_file(Path(entry["credential_file"]))
    if "credential" in entry:
        return entry["credential"]
    if entry["url"].startswith("turn") and "username" in entry and CREDENTIAL_ENV in env:
        return env[CREDENTIAL_ENV]
    return None


def read_credential_file(path: Path) -> str:
    """The one line of ``path`` (a final newline dropped), checked like any credential.

    Raises:
        ConfigError: missing, unreadable, too large, not UTF-8, empty or more than one line.
    """
    try:
        with path.open("rb") as f:
            raw = f.read(MAX_CREDENTIAL_FILE + 1)
    except OSError as exc:
        raise ConfigError.of(
            "error:credential-file", path=quote(str(path)), error=str(exc.strerror or exc)
        ) from None
    if len(raw) > MAX_CREDENTIAL_FILE:
        raise ConfigError.of(
            "error:credential-file.large", path=quote(str(path)), limit=str(MAX_CREDENTIAL_FILE)
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError.of("error:credential-file.utf8", path=quote(str(path))) from None
    text = text.removesuffix("\n").removesuffix("\r")
    if not text:
        raise ConfigError.of("error:credential-file.empty", path=quote(str(path)))
    if "\n" in text:
        raise ConfigError.of("error:credential-file.lines", path=quote(str(path)))
    return text
