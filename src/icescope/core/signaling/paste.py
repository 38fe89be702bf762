"""Paste signaling: the user carries the offer and answer by hand (copy and paste).

IceScope's own description is handed to a callback as soon as it exists (the GUI shows it in a
text box); the remote's description arrives through :meth:`PasteSignaling.paste`, which checks
it *before* anything is applied, so a malformed paste changes nothing and can be corrected.
aiortc puts every gathered candidate in the SDP (half trickle, spec-notes.md §9), so offer and
answer are all that has to cross. Candidates, byes and restart requests have no way across and
are dropped, as in :mod:`.files`.

Pasted text may be bare SDP or the ``{"type": ..., "sdp": ...}`` JSON of
``JSON.stringify(pc.localDescription)``.
"""

from __future__ import annotations

import asyncio
import json
import re
from typing import TYPE_CHECKING, Final

from ..errors import SdpError, SignalingError, quote
from ..sdp import validate_sdp

if TYPE_CHECKING:
    from collections.abc import Callable

    from .base import Message

_LINE_REF: Final = re.compile(r"\bSDP line (\d+)")
_UFRAG: Final = re.compile(r"^a=ice-ufrag:(\S+)", re.MULTILINE)
_SETUP: Final = re.compile(r"^a=setup:(\S+)", re.MULTILINE)


class PastedSdpError(SdpError):
    """A pasted description was refused; ``line`` is its line in the pasted text, if known.

    Args:
        message: what is wrong, for the user.
        line: 1-based line of the pasted text at fault, or None.
    """

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def split_pasted(text: str) -> tuple[str | None, str, int]:
    """Split pasted text into ``(type or None, sdp, leading lines dropped)``.

    The third value is -1 for JSON, whose SDP lines are not lines of the pasted text.

    Bare SDP is tidied the way editors and chat clients damage it: surrounding blank lines and
    per-line whitespace go, and line endings become CRLF (RFC 8866 §5). JSON keeps its ``sdp``.

    Raises:
        PastedSdpError: JSON that is not a description object.
    """
    stripped = text.strip()
    if stripped.startswith("{"):
        try:
            data = json.loads(stripped)
        except RecursionError:
            raise PastedSdpError("pasted text looks like JSON but is nested too deeply") from None
        except ValueError as exc:  # JSONDecodeError, an over-long integer
            raise PastedSdpError(f"pasted text looks like JSON but is not: {exc}") from None
        if not isinstance(data, dict) or not isinstance(data.get("sdp"), str):
            raise PastedSdpError("pasted JSON has no 'sdp' string")
        kind = data.get("type")
        if kind not in (None, "offer", "answer"):
            shown = quote(kind, 40) if isinstance(kind, str) else type(kind).__name__
            raise PastedSdpError(f"pasted JSON has type {shown}; want an offer or an answer")
        return kind, data["sdp"], -1
    if "\n" not in stripped and "\\r\\n" in stripped:
        # A JavaScript string literal copied from a console: the line breaks are escaped.
        stripped = stripped.replace("\\r\\n", "\n")
        text = stripped
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    leading = 0
    while leading < len(lines) and not lines[leading]:
        leading += 1
    body = lines[leading:]
    while body and not body[-1]:
        body.pop()
    return None, "\r\n".join(body) + "\r\n" if body else "", leading


def pasted_kind(sdp: str) -> str | None:
    """Tell an offer from an answer by its DTLS role, or None if it has none.

    RFC 8842 §5.2: an offer carries ``a=setup:actpass``; an answer ``active`` or ``passive``.
    """
    roles = set(_SETUP.findall(sdp.replace("\r\n", "\n")))
    if "actpass" in roles:
        return "offer"
    if roles & {"active", "passive"}:
        return "answer"
    return None


def check_pasted(text: str, expected: str) -> tuple[str, str]:
    """Validate a pasted description; ``expected`` is its type when nothing else tells.

    The type is taken from the JSON ``type``, else from ``a=setup`` (:func:`pasted_kind`),
    else ``expected``.

    Returns:
        ``(kind, sdp)`` ready to apply.

    Raises:
        PastedSdpError: the first problem, with the line number *of the pasted text*.
    """
    kind, sdp, leading = split_pasted(text)
    kind = kind or pasted_kind(sdp) or expected
    try:
        validate_sdp(sdp, kind)
    except SdpError as exc:
        message = str(exc)
        match = _LINE_REF.search(message)
        if match is None:
            raise PastedSdpError(message) from None
        if leading < 0:  # JSON: the number counts lines of the "sdp" string
            raise PastedSdpError(message.replace("SDP line", "SDP (in the JSON) line", 1)) from None
        line = int(match.group(1)) + leading
        message = message[: match.start(1)] + str(line) + message[match.end(1) :]
        raise PastedSdpError(message, line) from None
    return kind, sdp


class PasteSignaling:
    """Offer/answer carried by the user.

    Args:
        offerer: True when IceScope sends the first offer (the user pastes the answer).
        on_local: called with ``(kind, sdp)`` each time IceScope has a description to copy.
    """

    def __init__(self, *, offerer: bool, on_local: Callable[[str, str], None]) -> None:
        self._offerer = offerer
        self._on_local = on_local
        self._inbox: asyncio.Queue[Message | None] = asyncio.Queue()
        self._awaiting_answer = False
        self._local_ufrag: str | None = None
        self.local_sdp: str | None = None
        """IceScope's latest description, once there is one."""
        self.local_kind: str | None = None
        """``offer`` or ``answer``: the type of :attr:`local_sdp`."""
        self._closed = False

    @property
    def expected(self) -> str | None:
        """What the user should paste next (``offer`` / ``answer``), or None (nothing yet)."""
        if self._closed or (self._offerer and self.local_sdp is None):
            return None  # our offer is still being gathered; an answer cannot come first
        return "answer" if self.local_kind == "offer" else "offer"

    def _refusal(self, kind: str) -> str | None:
        """Why a pasted ``kind`` cannot be taken now, or None if it can."""
        if kind == "answer" and self.local_kind != "offer":
            return "this is an answer, but IceScope has sent no offer: paste the remote's offer"
        if kind == "offer" and self._awaiting_answer:
            # aiortc has no rollback (ice-engine.md §3.8): an offer now would be glare.
            return "this is an offer, but IceScope is waiting for the answer to its own offer"
        return None

    async def connect(self) -> None:
        """Nothing to connect."""

    async def send(self, message: Message) -> None:
        """Hand an offer or answer to the user; drop everything else."""
        kind = message.get("type")
        if kind not in ("offer", "answer") or self._closed:
            return
        sdp = str(message["sdp"])
        self.local_sdp, self.local_kind = sdp, kind
        found = _UFRAG.search(sdp.replace("\r\n", "\n"))
        self._local_ufrag = found.group(1) if found else None
        self._awaiting_answer = kind == "offer"
        self._on_local(kind, sdp)

    def paste(self, text: str) -> str:
        """Check pasted text and queue it for the peer; return its type.

        Nothing is queued unless the text is a valid description of the expected type.

        Raises:
            SignalingError: nothing can be pasted now (closed, or the offer is not ready).
            PastedSdpError: the text is not a usable description; the message names the line.
        """
        expected = self.expected
        if expected is None:
            if self._closed:
                raise SignalingError("the session is closed: start a new one to paste again")
            raise SignalingError("IceScope's offer is not ready yet: wait for it, then paste")
        kind, sdp = check_pasted(text, expected)
        refusal = self._refusal(kind)
        if refusal is not None:
            raise PastedSdpError(refusal)
        ufrags = _UFRAG.findall(sdp.replace("\r\n", "\n"))
        if self._local_ufrag is not None and self._local_ufrag in ufrags:
            raise PastedSdpError(
                f"this is IceScope's own {self.local_kind} (same ice-ufrag): paste the "
                f"remote peer's {expected} instead"
            )
        if kind == "answer":
            self._awaiting_answer = False
        self._inbox.put_nowait({"type": kind, "sdp": sdp})
        return kind

    async def receive(self) -> Message | None:
        """The next pasted description, or None once closed."""
        if self._closed:
            return None
        message = await self._inbox.get()
        if message is None:
            self._closed = True
        return message

    async def close(self) -> None:
        """Stop; a pending :meth:`receive` returns None."""
        if not self._closed:
            self._closed = True
            self._inbox.put_nowait(None)
