"""Open an evidence file: gzip sniffed by its magic bytes, size and line limits, one-line errors.

Nothing here trusts the file: a gzip stream that is cut or corrupt, text that is not UTF-8, a
line longer than :data:`MAX_LINE` or a file that inflates beyond :data:`MAX_BYTES` becomes a
:class:`FormatError` whose message names the file and the problem.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import zlib
from typing import TYPE_CHECKING, Any, Final

from .errors import FormatError

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

GZIP_MAGIC: Final = b"\x1f\x8b"
MAX_BYTES: Final = 4 * 1024**3
"""A file (after inflating) larger than this is refused (a 24-hour dump is ~150 MB)."""
MAX_LINE: Final = 64 * 1024**2
"""A JSON line longer than this is refused (a getStats line is a few kB)."""
MAX_DOCUMENT: Final = 1024**3
"""A single JSON document (webrtc-internals) larger than this is refused."""
_ERRORS: Final = (OSError, EOFError, zlib.error, gzip.BadGzipFile, UnicodeDecodeError)


def head(path: Path, size: int = 64) -> bytes:
    """The first ``size`` bytes of the file, inflated when it is gzip.

    Raises:
        FormatError: it cannot be opened or its gzip header is damaged.
    """
    try:
        with path.open("rb") as raw:
            start = raw.read(2)
            raw.seek(0)
            if start != GZIP_MAGIC:
                return raw.read(size)
            with gzip.GzipFile(fileobj=raw) as inflated:
                return inflated.read(size)
    except _ERRORS as exc:
        raise FormatError(f"cannot read {path.name}: {_why(exc)}") from None


def is_gzip(path: Path) -> bool:
    """True when the file starts with the gzip magic bytes."""
    with contextlib.suppress(OSError), path.open("rb") as raw:
        return raw.read(2) == GZIP_MAGIC
    return False


def _why(exc: BaseException) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return "the text is not UTF-8"
    if isinstance(exc, EOFError | zlib.error | gzip.BadGzipFile):
        return f"the gzip data is damaged or cut short ({exc})"
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)


def _open_text(path: Path) -> io.TextIOBase:
    raw: Any = gzip.open(path, "rb") if is_gzip(path) else path.open("rb")  # noqa: SIM115 (the wrapper owns it)
    return io.TextIOWrapper(raw, encoding="utf-8", newline="\n")


def read_document(path: Path) -> Any:
    """Parse the whole file as one JSON document.

    Raises:
        FormatError: unreadable, too large, not UTF-8, or not JSON (with the position).
    """
    try:
        with _open_text(path) as text:
            data = text.read(MAX_DOCUMENT + 1)
    except _ERRORS as exc:
        raise FormatError(f"cannot read {path.name}: {_why(exc)}") from None
    if len(data) > MAX_DOCUMENT:
        raise FormatError(f"{path.name} is larger than {MAX_DOCUMENT // 1024**2} MiB of JSON")
    try:
        return loads(data)
    except FormatError as exc:
        raise FormatError(f"{path.name}: {exc}") from None
    finally:
        del data


def loads(text: str) -> Any:
    """``json.loads`` whose every failure is a :class:`FormatError` (never a traceback).

    Raises:
        FormatError: not JSON, nested too deep, or a number too long to read.
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(f"not JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise FormatError("JSON nested too deeply") from None
    except ValueError as exc:  # e.g. an integer with more digits than Python converts
        raise FormatError(f"unreadable JSON value: {str(exc)[:80]}") from None


def lines(path: Path) -> Iterator[tuple[int, str]]:
    """``(number, text)`` for every non-blank line, streamed (constant memory).

    Raises:
        FormatError: unreadable, damaged gzip, not UTF-8, a line over :data:`MAX_LINE`, or
            more than :data:`MAX_BYTES` in all.
    """
    total = 0
    number = 0
    try:
        with _open_text(path) as text:
            while True:
                line = text.readline(MAX_LINE + 1)
                if not line:
                    return
                number += 1
                total += len(line)
                if len(line) > MAX_LINE:
                    raise FormatError(
                        f"{path.name}:{number}: line longer than {MAX_LINE // 1024**2} MiB"
                    )
                if total > MAX_BYTES:
                    raise FormatError(f"{path.name} is larger than {MAX_BYTES // 1024**3} GiB")
                if line.strip():
                    yield number, line
    except _ERRORS as exc:
        raise FormatError(f"cannot read {path.name}: {_why(exc)}") from None
