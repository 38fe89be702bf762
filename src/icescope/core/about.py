"""Component versions and build diagnostics, for the About dialog and ``--self-test``.

Qt-free on purpose: the probe and the packaging checks use it without a display, and the Qt
layer adds Qt's own version on top.
"""

from __future__ import annotations

import platform
import sys

import icescope

# ssl and importlib.metadata are imported inside the functions: together ~60 ms that the
# window would otherwise pay at start-up for a dialog that is rarely opened.

_DISTRIBUTIONS = ("aiortc", "aioice", "pyee", "qasync", "PySide6-Essentials")


def _dist_version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        # Frozen bundles may ship a module without its dist-info; ask the module itself.
        module = sys.modules.get(name.split("-")[0].lower())
        found = getattr(module, "__version__", None)
        return str(found) if found else "not installed"


def component_versions() -> dict[str, str]:
    """Versions of IceScope and the components whose behaviour it depends on.

    Returns:
        Ordered ``name -> version`` pairs: ``IceScope``, ``Python``, then the pinned ICE
        libraries and the GUI bindings as installed distributions (``not installed`` if absent).
    """
    out = {
        "IceScope": icescope.__version__,
        "Python": f"{platform.python_version()} ({platform.python_implementation()})",
    }
    import ssl

    for name in _DISTRIBUTIONS:
        out[name] = _dist_version(name)
    out["OpenSSL (ssl module)"] = ssl.OPENSSL_VERSION
    out["Operating system"] = operating_system()
    return out


def operating_system() -> str:
    """The OS in words: the distribution's name where it says one, then kernel and machine."""
    try:
        name = platform.freedesktop_os_release().get("PRETTY_NAME", "")
    except OSError:  # not Linux, or no os-release file
        name = ""
    base = f"{platform.system()} {platform.release()} ({platform.machine()})"
    return f"{name}; {base}" if name else base


def crc32c_implementation() -> str:
    """``c`` or ``python``: which google-crc32c backend SCTP uses (python is ~100x slower)."""
    try:
        import google_crc32c
    except ImportError:
        return "missing"
    return str(getattr(google_crc32c, "implementation", "unknown"))


def cryptography_openssl() -> str:
    """The OpenSSL that ``cryptography`` (hence DTLS) is linked against."""
    try:
        from cryptography.hazmat.backends.openssl import backend
    except ImportError:
        return "missing"
    return str(backend.openssl_version_text())


def diagnostics_line() -> str:
    """One line for ``--self-test``: frozen flag, crc32c backend and OpenSSL versions.

    A silent fallback to a pure-Python crc32c, or a bundle picking up the wrong OpenSSL, shows
    up here in CI logs (packaging notes §4.1).
    """
    import ssl

    frozen = bool(getattr(sys, "frozen", False))
    return (
        f"icescope {icescope.__version__} diagnostics: frozen={frozen} "
        f"crc32c={crc32c_implementation()} "
        f"openssl(ssl)={ssl.OPENSSL_VERSION!r} openssl(cryptography)={cryptography_openssl()!r} "
        f"python={platform.python_version()}"
    )
