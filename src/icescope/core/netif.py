"""Network interface and address selection for host candidates.

aioice offers every interface address except loopback and link-local IPv6, with no way to
choose. Testers need to pick Wi-Fi vs VPN vs Ethernet, and the embedded loopback peer needs
exactly ``127.0.0.1``; :func:`resolve_host_addresses` is what the ICE engine gathers from.
"""

from __future__ import annotations

import contextlib
import ipaddress
from dataclasses import dataclass

from .errors import ConfigError

LOOPBACK_V4 = "127.0.0.1"


@dataclass(frozen=True, slots=True)
class Interface:
    """One network interface and its usable addresses."""

    name: str
    addresses: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AddressSelection:
    """Which local addresses may become host candidates.

    The default (all fields empty/false) is aioice's own behaviour: every non-loopback address.
    """

    loopback_only: bool = False
    """Gather ``127.0.0.1`` only (the embedded loopback peer, offline test machines)."""
    interfaces: tuple[str, ...] = ()
    """Only addresses of these interface names (``eth0``, ``wlan0``)."""
    addresses: tuple[str, ...] = ()
    """Only these exact addresses."""

    def __post_init__(self) -> None:
        for address in self.addresses:
            try:
                ipaddress.ip_address(address)
            except ValueError:
                raise ConfigError.of("error:ip-address", value=repr(address)) from None

    @property
    def is_default(self) -> bool:
        """True when nothing is restricted (aioice's stock choice applies)."""
        return not (self.loopback_only or self.interfaces or self.addresses)

    def describe(self) -> str:
        """A short human description for the UI and logs."""
        if self.loopback_only:
            return "loopback only (127.0.0.1)"
        parts = []
        if self.interfaces:
            parts.append("interfaces " + ", ".join(self.interfaces))
        if self.addresses:
            parts.append("addresses " + ", ".join(self.addresses))
        return "; ".join(parts) or "all interfaces"


def list_interfaces() -> list[Interface]:
    """All interfaces with their IPv4 and global/ULA IPv6 addresses (link-local skipped)."""
    import ifaddr  # ~20 ms, needed only when gathering or listing interfaces

    result = []
    for adapter in ifaddr.get_adapters():
        addresses: list[str] = []
        for ip in adapter.ips:
            if isinstance(ip.ip, str):
                addresses.append(ip.ip)
            elif ip.ip[2] == 0:  # scope id 0: not link-local
                addresses.append(ip.ip[0])
        result.append(Interface(name=adapter.nice_name, addresses=tuple(addresses)))
    return result


def check_local_addresses(addresses: list[str] | tuple[str, ...]) -> None:
    """Refuse an ``--address`` that no interface of this machine has.

    Raises:
        ConfigError: naming the address and the addresses there are.
    """
    known = [a for interface in list_interfaces() for a in interface.addresses]
    have = set()
    for address in known:
        with contextlib.suppress(ValueError):
            have.add(ipaddress.ip_address(address.split("%")[0]))
    for address in addresses:
        try:
            wanted = ipaddress.ip_address(address)
        except ValueError:
            raise ConfigError.of("error:address-not-ip", value=repr(address)) from None
        if wanted not in have:
            none = {"key": "error:address-absent.none", "args": {}}
            raise ConfigError.of(
                "error:address-absent", value=address, known=", ".join(known) or none
            )


def resolve_host_addresses(
    selection: AddressSelection, *, use_ipv4: bool = True, use_ipv6: bool = True
) -> list[str]:
    """The addresses to bind host candidates on, for ``selection``.

    Args:
        selection: what the user chose.
        use_ipv4: include IPv4 addresses.
        use_ipv6: include IPv6 addresses.

    Returns:
        Addresses in interface order. Loopback appears only when asked for explicitly
        (``loopback_only`` or listed in ``addresses``/an interface named in ``interfaces``).
    """
    if selection.loopback_only:
        return [LOOPBACK_V4] if use_ipv4 else []
    chosen: list[str] = []
    for interface in list_interfaces():
        for address in interface.addresses:
            version = ipaddress.ip_address(address).version
            if (version == 4 and not use_ipv4) or (version == 6 and not use_ipv6):
                continue
            explicit = address in selection.addresses or interface.name in selection.interfaces
            if selection.is_default:
                if ipaddress.ip_address(address).is_loopback:
                    continue
            elif not explicit:
                continue
            if address not in chosen:
                chosen.append(address)
    return chosen
