"""The New session dialog's values as plain data, and the Settings they make (no widgets).

:class:`SessionForm` mirrors the dialog's fields as strings/numbers; :func:`check_form` turns it
into :class:`~icescope.core.config.Settings` or per-section error messages (the core's own
:class:`~icescope.core.errors.ConfigError` texts, so the GUI and the CLI say the same thing).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Final

from ...core.config import (
    DEFAULT_DISCONNECTED_TIMEOUT,
    DEFAULT_FAILED_TIMEOUT,
    DEFAULT_KEEPALIVE_INTERVAL,
    DEFAULT_PAC_TIMEOUT,
    DEFAULT_STATS_INTERVAL,
    IceServer,
    IceTimings,
    Settings,
    validate_stats_interval,
)
from ...core.errors import ConfigError
from ...core.netif import AddressSelection
from ...core.tcpaddress import LOOPBACK_HOSTS, exposed, parse_tcp_address
from ..core_texts import error_text
from ..i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ...core.iceservers import ServerUse

MODE_LABELS: Final = {
    "loopback": QT_TRANSLATE_NOOP("SessionForm", "Embedded loopback peer (both peers in this app)"),
    "browser": QT_TRANSLATE_NOOP("SessionForm", "Browser peer (open a web page in any browser)"),
    "tcp-listen": QT_TRANSLATE_NOOP(
        "SessionForm", "Another IceScope: wait for it to connect (TCP)"
    ),
    "tcp-connect": QT_TRANSLATE_NOOP("SessionForm", "Another IceScope: connect to it (TCP)"),
    "paste": QT_TRANSLATE_NOOP("SessionForm", "Copy && paste SDP (any WebRTC peer)"),
    "manual": QT_TRANSLATE_NOOP("SessionForm", "Offer/answer files (any WebRTC peer)"),
}
"""The remote-peer choices, in the order the dialog lists them (``&&`` is a literal ``&``)."""

DEFAULT_TCP_ADDRESS: Final = "127.0.0.1:7400"

SECTIONS: Final = ("remote", "servers", "timings", "hosts", "settings")
"""Where an error is shown: under the remote peer, the server table, the timings, the host
candidates, or (anything else) at the bottom of the dialog."""


@dataclass(slots=True)
class ServerRow:
    """One row of the STUN/TURN table."""

    url: str = ""
    username: str = ""
    credential: str = ""


@dataclass(slots=True)
class SessionForm:
    """Every field of the New session dialog."""

    mode: str = "loopback"
    listen_address: str = "127.0.0.1:0"
    """``tcp-listen``: where to wait (port 0 picks a free one, shown once listening)."""
    connect_address: str = DEFAULT_TCP_ADDRESS
    browser_host: str = "127.0.0.1"
    browser_port: int = 0
    browser_offers: bool = False
    paste_offers: bool = True
    offer_file: str = ""
    answer_file: str = ""
    servers: list[ServerRow] = field(default_factory=list)
    relay_only: bool = False
    keepalive: float = DEFAULT_KEEPALIVE_INTERVAL
    disconnected: float = DEFAULT_DISCONNECTED_TIMEOUT
    failed: float = DEFAULT_FAILED_TIMEOUT
    pac: float = DEFAULT_PAC_TIMEOUT
    """Tpac (RFC 8863): the longest a path that never worked is checked before failed."""
    stats_interval: float = DEFAULT_STATS_INTERVAL
    """Seconds between statistics samples (0: off)."""
    hosts: str = "all"
    """``all`` (aioice's choice), ``loopback`` (127.0.0.1 only) or ``selected``."""
    interfaces: list[str] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class FormCheck:
    """The outcome of :func:`check_form`."""

    settings: Settings | None
    """The settings to start with; None while any error remains."""
    errors: dict[str, str]
    """Error text per section (see :data:`SECTIONS`)."""
    warnings: dict[str, str]
    """Warnings per section: valid, but probably not what was meant."""


def form_from_settings(settings: Settings) -> SessionForm:
    """The dialog's fields pre-filled from ``settings``."""
    form = SessionForm(
        mode=settings.mode,
        browser_host=settings.browser_host,
        browser_port=settings.browser_port,
        browser_offers=settings.browser_offers,
        paste_offers=settings.paste_offers,
        offer_file=str(settings.offer_file or ""),
        answer_file=str(settings.answer_file or ""),
        relay_only=settings.relay_only,
        keepalive=settings.timings.keepalive_interval,
        disconnected=settings.timings.disconnected_timeout,
        failed=settings.timings.failed_timeout,
        pac=settings.timings.pac_timeout,
        stats_interval=settings.stats_interval,
    )
    if settings.mode == "tcp-listen" and settings.remote_address:
        form.listen_address = settings.remote_address
    if settings.mode == "tcp-connect" and settings.remote_address:
        form.connect_address = settings.remote_address
    for server in settings.ice_servers:
        for url in server.urls:
            form.servers.append(ServerRow(url, server.username or "", server.credential or ""))
    selection = settings.addresses
    if selection.loopback_only:
        form.hosts = "loopback"
    elif not selection.is_default:
        form.hosts = "selected"
        form.interfaces = list(selection.interfaces)
        form.addresses = list(selection.addresses)
    return form


def who_offers(form: SessionForm) -> str:
    """Which side sends the offer in ``form.mode``, in words (shown under the mode)."""
    return {
        "loopback": translate(
            "SessionForm", "IceScope's local peer offers; the embedded remote answers."
        ),
        "browser": (
            translate("SessionForm", "The browser offers; IceScope answers.")
            if form.browser_offers
            else translate("SessionForm", "IceScope offers; the browser answers.")
        ),
        "tcp-listen": translate("SessionForm", "The connecting IceScope offers; this one answers."),
        "tcp-connect": translate("SessionForm", "This IceScope offers; the listening one answers."),
        "paste": (
            translate(
                "SessionForm",
                "IceScope offers; you copy its offer, then paste the remote's answer.",
            )
            if form.paste_offers
            else translate(
                "SessionForm",
                "The remote offers; you paste its offer, then copy IceScope's answer.",
            )
        ),
        "manual": translate(
            "SessionForm",
            "IceScope answers if the offer file exists at start, else it writes the offer.",
        ),
    }.get(form.mode, "")


def _servers(rows: Sequence[ServerRow]) -> tuple[IceServer, ...]:
    servers = []
    for number, row in enumerate(rows, start=1):
        url = row.url.strip()
        if not url and not row.username and not row.credential:
            continue  # an empty row left by "Add server"
        try:
            if url.startswith("turn") and not (row.username and row.credential):
                raise ConfigError(
                    translate(
                        "SessionForm", "TURN server {0} needs a username and a credential"
                    ).format(url)
                )
            servers.append(
                IceServer(
                    urls=(url,),
                    username=row.username or None,
                    credential=row.credential or None,
                )
            )
        except ConfigError as exc:
            raise ConfigError(
                translate("SessionForm", "server {0}: {1}").format(number, error_text(exc))
            ) from None
    return tuple(servers)


def _effective(servers: Sequence[IceServer]) -> ServerUse:
    # Imported on use: iceservers pulls in aiortc (~0.4 s), which the window must not pay for
    # before it is shown.
    from ...core.iceservers import effective_servers

    return effective_servers(servers)


def server_warning(servers: Sequence[IceServer]) -> str:
    """Say which URLs aiortc will ignore (it uses only the first STUN and first TURN)."""
    use = _effective(servers)
    if not use.ignored:
        return ""
    used = ", ".join(u for u in (use.stun, use.turn) if u)
    text = (
        translate(
            "SessionForm",
            "aiortc uses only the first STUN and the first TURN server ({0}); not used: {1}",
        )
        if used
        else translate(
            "SessionForm",
            "aiortc uses only the first STUN and the first TURN server; not used: {1}",
        )
    ).format(used, ", ".join(use.ignored))
    if any(u.startswith("stuns:") for u in use.ignored):
        text += translate("SessionForm", " (stuns: is not supported)")
    return text


def _remote_changes(form: SessionForm) -> dict[str, object]:
    changes: dict[str, object] = {"mode": form.mode, "remote_address": None}
    if form.mode in ("tcp-listen", "tcp-connect"):
        text = (form.listen_address if form.mode == "tcp-listen" else form.connect_address).strip()
        listen = form.mode == "tcp-listen"
        what = (
            translate("SessionForm", "listen address")
            if listen
            else translate("SessionForm", "URL to connect to")
        )
        parse_tcp_address(text, flag=what, need_token=not listen)
        changes["remote_address"] = text
    elif form.mode == "browser":
        if not form.browser_host.strip():
            raise ConfigError(
                translate(
                    "SessionForm", "the browser page needs an address to listen on, e.g. 127.0.0.1"
                )
            )
        changes.update(
            browser_host=form.browser_host.strip(),
            browser_port=form.browser_port,
            browser_offers=form.browser_offers,
        )
    elif form.mode == "paste":
        changes["paste_offers"] = form.paste_offers
    elif form.mode == "manual":
        if not form.offer_file.strip() or not form.answer_file.strip():
            raise ConfigError(
                translate("SessionForm", "choose both an offer file and an answer file")
            )
        changes.update(
            offer_file=Path(form.offer_file.strip()), answer_file=Path(form.answer_file.strip())
        )
    return changes


def _selection(form: SessionForm) -> AddressSelection:
    if form.hosts == "loopback":
        return AddressSelection(loopback_only=True)
    if form.hosts == "selected":
        if not form.interfaces and not form.addresses:
            raise ConfigError(
                translate(
                    "SessionForm",
                    "tick at least one interface or address, or choose all interfaces",
                )
            )
        return AddressSelection(interfaces=tuple(form.interfaces), addresses=tuple(form.addresses))
    return AddressSelection()


def _section_changes(section: str, form: SessionForm) -> dict[str, object]:
    if section == "remote":
        return _remote_changes(form)
    if section == "servers":
        return {"ice_servers": _servers(form.servers)}
    if section == "timings":
        timings = IceTimings(form.keepalive, form.disconnected, form.failed, form.pac)
        validate_stats_interval(form.stats_interval)
        return {"timings": timings, "stats_interval": form.stats_interval}
    return {"addresses": _selection(form)}


def check_form(form: SessionForm, base: Settings) -> FormCheck:
    """Build the session settings from ``form``; other fields (journal...) come from ``base``.

    Every section is checked, so all errors show at once, each next to its own fields.
    """
    errors: dict[str, str] = {}
    warnings: dict[str, str] = {}
    changes: dict[str, object] = {"relay_only": form.relay_only}
    for section in ("remote", "servers", "timings", "hosts"):
        try:
            changes.update(_section_changes(section, form))
        except ConfigError as exc:
            errors[section] = error_text(exc)
    servers = changes.get("ice_servers")
    if isinstance(servers, tuple):
        warnings["servers"] = server_warning(servers)
        if form.relay_only and _effective(servers).turn is None:
            warnings["servers"] = (
                translate(
                    "SessionForm",
                    "relay-only without a TURN server: nothing can be gathered, ICE cannot "
                    "connect.",
                )
                + " "
                + warnings["servers"]
            ).strip()
    if form.mode == "browser" and form.browser_host.strip() not in LOOPBACK_HOSTS:
        warnings["remote"] = translate(
            "SessionForm",
            "the page on {0} is reachable from the network (protected by a random token in its "
            "URL)",
        ).format(form.browser_host.strip())
    if form.mode == "tcp-listen":
        with contextlib.suppress(ConfigError):  # the error is shown as such
            where = parse_tcp_address(form.listen_address.strip(), flag="", need_token=False)
            if exposed(where.host):
                warnings["remote"] = translate(
                    "SessionForm",
                    "listening on {0} is reachable from the network (protected by a random "
                    "token in the URL it shows)",
                ).format(where.shown)
    if form.mode == "loopback" and form.hosts != "loopback":
        warnings["hosts"] = translate(
            "SessionForm", "the embedded loopback peer always gathers 127.0.0.1 only"
        )
    settings = None
    if not errors:
        try:
            settings = base.replace(**changes)
        except ConfigError as exc:
            errors["settings"] = error_text(exc)
    return FormCheck(settings, errors, {key: text for key, text in warnings.items() if text})
