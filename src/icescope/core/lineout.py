"""The probe's standard output: JSON lines that stop quietly when the reader goes away.

``icescope probe | head -1`` closes the pipe after one line. Every later write would raise
``BrokenPipeError``; instead output stops, ``on_broken`` is called once (the probe then ends
its session the way Close does, journal summary included) and the probe exits with 141, the
status a shell shows for a process ended by SIGPIPE.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import TextIO

EXIT_BROKEN_PIPE: Final = 128 + 13
"""128 + SIGPIPE: what ``$?`` / ``PIPESTATUS`` show for a writer whose reader left."""


class LineOutput:
    """Write whole lines to ``stream``, flushing each; stop at the first broken pipe.

    Args:
        stream: where lines go (stdout).
        on_broken: called once when the reader has gone.
    """

    def __init__(self, stream: TextIO, on_broken: Callable[[], None] | None = None) -> None:
        self._stream = stream
        self._on_broken = on_broken
        self.broken = False
        """True once the reader went away; later lines are dropped."""

    def line(self, text: str) -> None:
        """Write ``text`` and a newline, unless the reader is gone."""
        if self.broken:
            return
        try:
            self._stream.write(text + "\n")
            self._stream.flush()
        except OSError as exc:
            if not isinstance(exc, BrokenPipeError) and exc.errno != errno.EPIPE:
                raise
            self.broken = True
            if self._on_broken is not None:
                self._on_broken()


def silence_stdout() -> None:
    """Point the stdout file descriptor at /dev/null after the reader left.

    The interpreter's final flush then prints nothing (the recipe of the Python docs' "Note on
    SIGPIPE").
    """
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
