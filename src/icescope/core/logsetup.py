"""Copy WARNING+ log records of the ICE stack into a session's event stream.

Developer logging (``logging``) and the event log (for users and automation) are separate, but a
warning from aioice or aiortc (a TURN allocation error, a failed STUN transaction) is evidence a
tester needs next to the state changes, so it is copied in as a ``notice`` event.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

LOGGERS: Final = ("aioice", "aiortc", "icescope")
"""Loggers whose WARNING+ records become notices."""


class NoticeHandler(logging.Handler):
    """A logging handler that hands each record to ``emit_notice(level, code, message)``.

    Re-entrant records (a subscriber that logs while a notice is being published) are dropped
    rather than looping.
    """

    def __init__(self, emit_notice: Callable[[str, str, str], None]) -> None:
        super().__init__(level=logging.WARNING)
        self._emit_notice = emit_notice
        self._busy = False

    def emit(self, record: logging.LogRecord) -> None:
        """Publish ``record`` as a notice (``warning`` or ``error``)."""
        if self._busy:
            return
        self._busy = True
        try:
            level = "error" if record.levelno >= logging.ERROR else "warning"
            message = record.getMessage()
            if record.exc_info and record.exc_info[1] is not None:
                exc = record.exc_info[1]
                message += f": {type(exc).__name__}: {exc}"
            self._emit_notice(level, f"log:{record.name}", message)
        except Exception:  # noqa: BLE001 - a logging handler must never raise
            self.handleError(record)
        finally:
            self._busy = False


def attach(emit_notice: Callable[[str, str, str], None]) -> Callable[[], None]:
    """Attach a :class:`NoticeHandler` to the ICE stack's loggers; return the detach function."""
    handler = NoticeHandler(emit_notice)
    for name in LOGGERS:
        logging.getLogger(name).addHandler(handler)

    def detach() -> None:
        for name in LOGGERS:
            logging.getLogger(name).removeHandler(handler)

    return detach


class OneLineFormatter(logging.Formatter):
    """Log records on one line each: an exception is shown as ``Type: message``, no traceback.

    The README promises no tracebacks for handled errors; ``-vv`` and
    ``ICESCOPE_EXIT_ON_ERROR=1`` use the plain :class:`logging.Formatter` instead.
    """

    def format(self, record: logging.LogRecord) -> str:
        """Format ``record`` without its traceback (the exception's type and text stay)."""
        exc = record.exc_info[1] if record.exc_info else None
        saved = record.exc_info, record.exc_text, record.stack_info
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        try:
            text = super().format(record)
        finally:
            record.exc_info, record.exc_text, record.stack_info = saved
        if exc is not None:
            text += f" ({type(exc).__name__}: {exc}; -vv shows the traceback)"
        return " ".join(text.splitlines())


def wants_tracebacks(verbosity: int, environ: Mapping[str, str]) -> bool:
    """True with ``-vv`` or ``ICESCOPE_EXIT_ON_ERROR=1``: then tracebacks are printed."""
    return verbosity >= 2 or environ.get("ICESCOPE_EXIT_ON_ERROR") == "1"
