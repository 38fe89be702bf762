"""Unexpected exceptions become Notices, not traceback dialogs (unless told to crash).

Both ``sys.excepthook`` (qasync's ``@asyncSlot`` sends slot exceptions there) and the asyncio
loop's exception handler are redirected. With ``ICESCOPE_EXIT_ON_ERROR=1`` the first error
stops the app with a non-zero exit code instead, for automation.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from typing import TYPE_CHECKING, Any

from .i18n import translate

if TYPE_CHECKING:
    import asyncio
    from collections.abc import Callable
    from types import TracebackType

logger = logging.getLogger(__name__)

EXIT_ON_ERROR_ENV = "ICESCOPE_EXIT_ON_ERROR"


def exit_on_error() -> bool:
    """True when ``ICESCOPE_EXIT_ON_ERROR=1``."""
    return os.environ.get(EXIT_ON_ERROR_ENV) == "1"


def describe(exc: BaseException) -> str:
    """``TypeName: message`` without a traceback."""
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class ErrorHooks:
    """Installs and removes the hooks.

    Args:
        report: called with a one-line description of each unexpected error.
        fatal: called instead when ``ICESCOPE_EXIT_ON_ERROR=1`` (after printing the traceback).
    """

    def __init__(
        self, report: Callable[[str], None], fatal: Callable[[BaseException], None]
    ) -> None:
        self._report = report
        self._fatal = fatal
        self._old_hook: Any = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self.errors = 0
        """Unexpected errors seen so far."""

    def install(self, loop: asyncio.AbstractEventLoop | None) -> None:
        """Redirect ``sys.excepthook`` and ``loop``'s exception handler."""
        self._old_hook = sys.excepthook
        sys.excepthook = self._excepthook
        if loop is not None:
            self._loop = loop
            loop.set_exception_handler(self._loop_handler)

    def uninstall(self) -> None:
        """Restore the previous hooks."""
        if self._old_hook is not None:
            sys.excepthook = self._old_hook
            self._old_hook = None
        if self._loop is not None:
            self._loop.set_exception_handler(None)
            self._loop = None

    def _excepthook(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        self.handle(exc if exc is not None else exc_type(), tb)

    def _loop_handler(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        if exc is None:
            # Not an exception (e.g. "Task was destroyed but it is pending"): developer log only.
            logger.warning("asyncio: %s", context.get("message"))
            return
        self.handle(exc, exc.__traceback__, context.get("message", ""))

    def handle(self, exc: BaseException, tb: TracebackType | None, where: str = "") -> None:
        """Report one unexpected exception (never raises)."""
        self.errors += 1
        if exit_on_error():
            traceback.print_exception(type(exc), exc, tb, file=sys.stderr)
            self._fatal(exc)
            return
        # The full traceback is for developers (log); users get one readable line.
        logger.error("unexpected error %s", where, exc_info=(type(exc), exc, tb))
        try:
            self._report(
                translate("Errors", "Unexpected error: {0}. Details are in the log output.").format(
                    describe(exc)
                )
            )
        except Exception:
            logger.exception("could not report an unexpected error")
