"""A session's :class:`Settings` as a plain dictionary for the settings file, and back.

Only the choices a tester makes are kept (remote kind, ICE servers, relay-only, timings incl.
PAC, host addresses, statistics interval, where to listen/connect); journal paths and offer/answer
files are per-run and stay out. Credentials never enter the dictionary: a TURN server's password
comes from the operating system's keyring through ``credential_of`` or is asked for again, and a
listener's token is cut from a ``tcp://`` URL (a hand-written file for ``probe --config`` may carry
one; a stored connection without it is not restored, with a note saying why).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from .config import IceServer, IceTimings, Settings
from .errors import ConfigError, quote
from .netif import AddressSelection
from .tcpaddress import SCHEME, without_token

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

SESSION_KEYS: Final = (
    "mode",
    "ice_servers",
    "relay_only",
    "timings",
    "addresses",
    "stats_interval",
    "remote_address",
    "browser_host",
    "browser_port",
    "browser_offers",
    "paste_offers",
)
"""The keys of a session section, in the order they are written."""

STORED_MODES: Final = ("loopback", "browser", "tcp-listen", "tcp-connect", "paste")
"""Remote kinds that can be a default (``manual`` needs files given on each run)."""

TIMING_KEYS: Final = ("keepalive_interval", "disconnected_timeout", "failed_timeout", "pac_timeout")


def session_to_dict(settings: Settings) -> dict[str, Any]:
    """The stored form of ``settings`` (no credentials, no per-run paths)."""
    servers = [
        {"urls": list(s.urls), **({"username": s.username} if s.username else {})}
        for s in settings.ice_servers
    ]
    selection = settings.addresses
    return {
        "mode": settings.mode if settings.mode in STORED_MODES else "loopback",
        "ice_servers": servers,
        "relay_only": settings.relay_only,
        "timings": {key: getattr(settings.timings, key) for key in TIMING_KEYS},
        "addresses": {
            "loopback_only": selection.loopback_only,
            "interfaces": list(selection.interfaces),
            "addresses": list(selection.addresses),
        },
        "stats_interval": settings.stats_interval,
        "remote_address": (
            None if settings.remote_address is None else without_token(settings.remote_address)
        ),
        "browser_host": settings.browser_host,
        "browser_port": settings.browser_port,
        "browser_offers": settings.browser_offers,
        "paste_offers": settings.paste_offers,
    }


def session_from_dict(
    data: object,
    base: Settings,
    credential_of: Callable[[str, str], str | None] = lambda _url, _user: None,
) -> tuple[Settings, list[str]]:
    """``base`` with the stored choices in ``data`` applied.

    A TURN server whose password is not available (not in the keyring) is left out, and the
    returned notes say so; everything else that is wrong raises.

    Args:
        data: the ``session`` section as read from the file.
        base: settings supplying every field the section lacks.
        credential_of: looks up the password of ``(url, username)``; None when not stored.

    Returns:
        The settings and notes about servers left out.

    Raises:
        ConfigError: a key is unknown, a value has the wrong type or is out of range.
    """
    section = _mapping(data, "session")
    unknown = sorted(set(section) - set(SESSION_KEYS))
    if unknown:
        raise ConfigError.of(
            "error:unknown-keys", where="[session]", keys=", ".join(map(quote, unknown))
        )
    changes: dict[str, Any] = {}
    for key in ("mode", "remote_address", "browser_host"):
        if key in section:
            changes[key] = _typed(section[key], str, key, none_ok=key == "remote_address")
    if changes.get("mode", "loopback") not in STORED_MODES:
        raise ConfigError.of(
            "error:mode-not-stored", mode=quote(changes["mode"]), choices=", ".join(STORED_MODES)
        )
    for key in ("relay_only", "browser_offers", "paste_offers"):
        if key in section:
            changes[key] = _typed(section[key], bool, key)
    if "browser_port" in section:
        changes["browser_port"] = _typed(section["browser_port"], int, "browser_port")
    if "stats_interval" in section:
        changes["stats_interval"] = _number(section["stats_interval"], "stats_interval")
    if "timings" in section:
        timings = _mapping(section["timings"], "session.timings")
        extra = sorted(set(timings) - set(TIMING_KEYS))
        if extra:
            raise ConfigError.of(
                "error:unknown-keys", where="timings", keys=", ".join(map(quote, extra))
            )
        values = {k: _number(v, f"timings.{k}") for k, v in timings.items()}
        changes["timings"] = IceTimings(**{**_timings_of(base.timings), **values})
    if "addresses" in section:
        changes["addresses"] = _addresses(section["addresses"])
    notes: list[str] = []
    if changes.get("mode") == "tcp-connect" and not str(
        changes.get("remote_address") or ""
    ).startswith(SCHEME):
        where = changes.pop("remote_address", None) or "?"
        del changes["mode"]
        notes.append(
            f"the connection to {where} was not restored: a listener's token is never stored; "
            "paste the URL the listening IceScope shows in New session"
        )
    if "ice_servers" in section:
        changes["ice_servers"] = _servers(section["ice_servers"], credential_of, notes)
    return base.replace(**changes), notes


def _timings_of(timings: IceTimings) -> dict[str, float]:
    return {key: getattr(timings, key) for key in TIMING_KEYS}


def _addresses(data: object) -> AddressSelection:
    section = _mapping(data, "session.addresses")
    extra = sorted(set(section) - {"loopback_only", "interfaces", "addresses"})
    if extra:
        raise ConfigError.of(
            "error:unknown-keys", where="addresses", keys=", ".join(map(quote, extra))
        )
    return AddressSelection(
        loopback_only=_typed(section.get("loopback_only", False), bool, "loopback_only"),
        interfaces=tuple(_strings(section.get("interfaces", []), "addresses.interfaces")),
        addresses=tuple(_strings(section.get("addresses", []), "addresses.addresses")),
    )


def _servers(
    data: object, credential_of: Callable[[str, str], str | None], notes: list[str]
) -> tuple[IceServer, ...]:
    if not isinstance(data, list):
        raise ConfigError.of("error:not-a-list", name="ice_servers", kind=type(data).__name__)
    servers = []
    for index, entry in enumerate(data[:64]):
        item = _mapping(entry, f"ice_servers[{index}]")
        if "credential" in item:
            raise ConfigError.of("error:password-in-file", where=f"ice_servers[{index}]")
        extra = sorted(set(item) - {"urls", "username"})
        if extra:
            raise ConfigError.of(
                "error:unknown-keys", where=f"ice_servers[{index}]", keys=", ".join(extra)
            )
        urls = tuple(_strings(item.get("urls", []), f"ice_servers[{index}].urls"))
        username = item.get("username")
        username = None if username is None else _typed(username, str, "username")
        credential = None
        if any(u.startswith("turn") for u in urls):
            credential = credential_of(urls[0], username or "")
            if credential is None:
                notes.append(
                    f"TURN server {urls[0]} left out: its password is not stored "
                    "(enter it in New session)"
                )
                continue
        servers.append(IceServer(urls=urls, username=username, credential=credential))
    return tuple(servers)


def _mapping(data: object, where: str) -> Mapping[str, object]:
    if not isinstance(data, dict):
        raise ConfigError.of("error:not-a-table", where=where, kind=type(data).__name__)
    return data


def _typed(value: object, kind: type, name: str, *, none_ok: bool = False) -> Any:
    if value is None and none_ok:
        return None
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ConfigError.of(
            "error:wrong-type", name=name, kind=kind.__name__, value=quote(value, 40)
        )
    return value


def _number(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConfigError.of("error:not-a-number", name=name, value=quote(value, 40))
    return float(value)


def _strings(value: object, name: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError.of("error:not-strings", name=name, value=quote(value, 40))
    return list(value[:256])
