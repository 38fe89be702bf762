"""run_gui: the Qt application on a qasync event loop, and the ``--self-test`` smoke test.

Start-up order matters for how soon the tester sees a window: the window is built, shown and
painted first; asyncio and qasync (~80 ms of imports) load after that, and aiortc (~0.4 s)
only when the session starts.
"""

from __future__ import annotations

import signal
import sys
import time
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

import icescope

from .errors import ErrorHooks
from .main_window import MainWindow
from .startup import app_icon, first_frame_drawn

if TYPE_CHECKING:
    from ..core.config import Settings
    from ..core.settings_store import SettingsStore

SELF_TEST_TIMEOUT = 10.0
"""Seconds the self-test waits for ICE to connect."""
EXPOSE_TIMEOUT = 2.0
"""Seconds to wait for the window to reach the screen before the event loop starts anyway."""


def run_gui(
    settings: Settings, *, self_test: bool = False, store: SettingsStore | None = None
) -> int:
    """Show the IceScope window and run until it is closed.

    Args:
        settings: settings of every session the window starts.
        self_test: open the window, run a loopback session to connected, close, exit.
        store: the settings file the window remembers its choices in (not in a self-test).

    Returns:
        The process exit code: 0 on a normal close or a passed self-test.
    """
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("IceScope")
    app.setWindowIcon(app_icon())
    # German or English: the Settings choice, else the system locale (before any widget).
    from .i18n import install_translators, pick_language

    choice = store.section("ui").get("language", "system") if store is not None else "system"
    install_translators(app, pick_language(str(choice)))
    # Closing the last window must not stop the qasync loop under our feet: the window's close
    # handler still has to finish closing the session, and run_gui returns when it has.
    app.setQuitOnLastWindowClosed(False)
    if self_test:
        from ..core.about import diagnostics_line

        print(diagnostics_line(), flush=True)  # noqa: T201 - CLI output
        settings = _self_test_settings(settings)
    window = MainWindow(settings, store=None if self_test else store)
    window.show()
    show_until_exposed(app, window)
    first_frame_drawn()
    if store is not None and not self_test:
        from .recovery_prompt import offer_recovery  # after the first frame: it reads files

        offer_recovery(window)

    import asyncio

    from .eventloop import PreciseEventLoop

    try:
        # Python 3.11: asyncio.run() has no loop_factory, asyncio.Runner does.
        with asyncio.Runner(loop_factory=PreciseEventLoop) as runner:
            if self_test:
                return runner.run(_self_test(window))
            return runner.run(_main(window))
    finally:
        window.deleteLater()


def show_until_exposed(app: QApplication, window: MainWindow) -> bool:
    """Process events until ``window`` is on screen and painted (bounded by EXPOSE_TIMEOUT).

    Qt paints a widget window synchronously while handling its expose event, so when this
    returns True the first frame is drawn.
    """
    deadline = time.monotonic() + EXPOSE_TIMEOUT
    while True:
        app.processEvents()
        handle = window.windowHandle()
        if handle is not None and handle.isExposed():
            app.processEvents()  # the paint and flush queued by the expose
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.001)


async def _main(window: MainWindow) -> int:
    import asyncio

    loop = asyncio.get_running_loop()
    exit_code: asyncio.Future[int] = loop.create_future()

    def finish(code: int) -> None:
        if not exit_code.done():
            exit_code.set_result(code)

    hooks = ErrorHooks(
        lambda text: window.report("error", "unexpected", text), lambda _e: finish(1)
    )
    hooks.install(loop)
    window.shut_down.connect(lambda: finish(0))
    # Every signal that ends the process ends the session the way Close does (summary last).
    ending = [signal.SIGINT, signal.SIGTERM]
    if hasattr(signal, "SIGHUP"):
        ending.append(signal.SIGHUP)
    previous = {
        sig: signal.signal(
            sig, lambda *_a: loop.call_soon_threadsafe(window.quit_guard.close_without_asking)
        )
        for sig in ending
    }
    try:
        await window.start_session()
        # The version lookup (importlib.metadata, ~40 ms) waits until the window is up.
        QApplication.setApplicationVersion(icescope.__version__)
        return await exit_code
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        hooks.uninstall()


def _self_test_settings(settings: Settings) -> Settings:
    # Loopback only, and no journal file in the user's data dir unless one was asked for.
    return settings.replace(mode="loopback", journal_enabled=settings.journal_path is not None)


async def _self_test(window: MainWindow) -> int:
    import asyncio

    loop = asyncio.get_running_loop()
    failures: list[str] = []
    hooks = ErrorHooks(failures.append, lambda exc: failures.append(repr(exc)))
    hooks.install(loop)
    try:
        session = await window.start_session()
        connected = await session.wait_connected(SELF_TEST_TIMEOUT)
        if not connected:
            failures.append(
                f"ICE did not connect within {SELF_TEST_TIMEOUT:g} s "
                f"(iceConnectionState={session.model.local.ice.value})"
            )
        await window.close_session()
        window.log_model.flush()
        state = window.panels[next(iter(window.panels))].indicator.state
        shown = "unknown" if state is None else state.value
        if connected and shown != "closed":
            failures.append(f"the indicator shows {shown!r} after close, expected 'closed'")
        window.close()
    except Exception as exc:  # noqa: BLE001 - report any failure as a reason, exit non-zero
        failures.append(f"{type(exc).__name__}: {exc}")
    finally:
        hooks.uninstall()
    if failures:
        for reason in failures:
            print(f"self-test FAILED: {reason}", file=sys.stderr)  # noqa: T201
        return 1
    print("self-test passed: window shown, loopback ICE connected, session closed")  # noqa: T201
    return 0
