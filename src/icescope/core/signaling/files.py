"""File signaling: a non-trickle offer and answer exchanged as files (copy-and-paste flow).

The offerer writes ``offer_file`` and waits for ``answer_file``; the answerer reads
``offer_file`` and writes ``answer_file``. A file may hold the bare SDP or aiortc's
copy-and-paste JSON (``{"type": "offer", "sdp": "..."}``). Candidates, byes and restart
requests have no way across and are dropped: aiortc puts every candidate in the SDP anyway
(half trickle, spec-notes.md §9).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from typing import TYPE_CHECKING, Final

from ..errors import SignalingError
from ..limits import MAX_DESCRIPTION_BYTES
from .paste import PastedSdpError, split_pasted

if TYPE_CHECKING:
    from pathlib import Path

    from .base import Message

POLL_INTERVAL: Final = 0.1
"""Seconds between checks for the answer file."""


def read_description(path: Path, kind: str) -> str:
    """Return the SDP in ``path`` (bare SDP or ``{"type", "sdp"}`` JSON).

    Raises:
        SignalingError: unreadable, or JSON of the wrong type.
    """
    try:
        if path.stat().st_size > MAX_DESCRIPTION_BYTES:
            raise SignalingError(
                f"the {kind} file {path} is larger than {MAX_DESCRIPTION_BYTES >> 20} MiB: "
                "not a session description"
            )
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SignalingError(f"cannot read the {kind} file {path}: {exc}") from None
    # Same forms as a paste: bare SDP (CRLF restored) or the {"type", "sdp"} JSON.
    try:
        declared, sdp, _ = split_pasted(text)
    except PastedSdpError as exc:
        raise SignalingError(f"{kind} file {path}: {exc}") from None
    if declared not in (None, kind):
        raise SignalingError(f"{kind} file {path} holds an {declared!r}, not an {kind}")
    return sdp


def _write_atomically(path: Path, text: str) -> None:
    # Write then rename, so a peer polling for the file never reads half of it.
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


class FileSignaling:
    """Offer/answer through two files.

    Args:
        offer_file: the offer's path.
        answer_file: the answer's path.
        offerer: True to write the offer and wait for the answer.
        wait: seconds to wait for the answer file (offerer only).
    """

    def __init__(self, offer_file: Path, answer_file: Path, *, offerer: bool, wait: float) -> None:
        self._offer_file = offer_file
        self._answer_file = answer_file
        self._offerer = offerer
        self._wait = wait
        self._delivered = False
        self._offer_sent = asyncio.Event()
        self._closed = asyncio.Event()

    async def connect(self) -> None:
        """Nothing to connect."""

    async def send(self, message: Message) -> None:
        """Write an offer (offerer) or answer (answerer); drop everything else."""
        kind = message.get("type")
        if kind == "offer" and self._offerer:
            _write_atomically(self._offer_file, message["sdp"])
            self._offer_sent.set()
        elif kind == "answer" and not self._offerer:
            _write_atomically(self._answer_file, message["sdp"])

    async def receive(self) -> Message | None:
        """The offer (answerer) or, once it appears, the answer (offerer); then None at close.

        Raises:
            SignalingError: the file is unreadable or malformed, or the answer never came.
        """
        if self._delivered or self._closed.is_set():
            await self._closed.wait()
            return None
        self._delivered = True
        if not self._offerer:
            return {"type": "offer", "sdp": read_description(self._offer_file, "offer")}
        await self._offer_sent.wait()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self._wait
        # Bounded by `wait`: one stat per POLL_INTERVAL.
        while not self._answer_file.exists():
            if loop.time() >= deadline:
                raise SignalingError(
                    f"no answer appeared in {self._answer_file} within {self._wait:g} s"
                )
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(POLL_INTERVAL):
                    await self._closed.wait()
            if self._closed.is_set():
                return None
        return {"type": "answer", "sdp": read_description(self._answer_file, "answer")}

    async def close(self) -> None:
        """Stop waiting."""
        self._closed.set()
