"""QtStateIndicator: one peer's ``iceConnectionState``, large, exactly as known.

It draws a colour AND a distinct shape (:mod:`icescope.qt.state_style`) so the state reads at a
glance and without colour vision. It renders a model value it is given: the state, the session
time it was entered and who says so; "for N s" is the session's ``now`` minus that entry time,
so an event that reached the window late still shows its true age. A stale value (the remote's
report channel is gone) is greyed and hatched with the word *stale* and its age; an unknown
one is a grey question mark with why. It knows nothing about sessions or aiortc.
"""

from __future__ import annotations

import time
from collections import deque
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...core.states import IceConnectionState, Provenance
from ..core_texts import liveness_text
from ..i18n import translate
from ..peer_view import PeerView, ago, format_duration, provenance_text, provenance_tooltip
from ..state_style import NOT_KNOWN, look_of
from ..texts import meaning
from .indicator_paint import paint_indicator

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QFocusEvent, QPaintEvent, QShowEvent

    from ...core.liveness import Liveness
    from ...core.model import StateValue

TICK_MS = 1000
"""Repaint period of the elapsed-time text (rendering the same value at a new ``now``)."""
RING_TICK_MS = 200
"""Repaint period while the checking ring rotates."""
MIN_REPAINT_S = 1 / 60
"""Synchronous repaints of state changes are spaced at least one frame apart."""
FLOOD_CHANGES = 10
FLOOD_WINDOW_S = 0.1
"""More than 100 state changes a second is a flood, not something a person watches live."""

__all__ = ["QtStateIndicator", "format_duration", "spoken_duration"]


def spoken_duration(seconds: float) -> str:
    """A duration as a screen reader should say it: "3 seconds", "2 minutes 5 seconds"."""
    whole = int(max(0.0, seconds))
    if whole < 60:
        return _seconds(whole)
    if whole < 3600:
        minutes, secs = divmod(whole, 60)
        return f"{_minutes(minutes)} {_seconds(secs)}"
    hours, rest = divmod(whole, 3600)
    hour_text = (
        translate("StateIndicator", "1 hour")
        if hours == 1
        else translate("StateIndicator", "{0} hours").format(hours)
    )
    return f"{hour_text} {_minutes(rest // 60)}"


def _seconds(n: int) -> str:
    # English and German both have one singular and one plural form.
    if n == 1:
        return translate("StateIndicator", "1 second")
    return translate("StateIndicator", "{0} seconds").format(n)


def _minutes(n: int) -> str:
    if n == 1:
        return translate("StateIndicator", "1 minute")
    return translate("StateIndicator", "{0} minutes").format(n)


class QtStateIndicator(QWidget):
    """``iceConnectionState`` of one peer, large: shape, word, provenance, time in state.

    The tooltip is the W3C meaning of the state (webrtc-pc §4.3.4).

    Args:
        title: small caption above the state word.
        parent: the owning widget.
    """

    def __init__(
        self, title: str = "iceConnectionState", parent: QWidget | None = None, *, subject: str = ""
    ) -> None:
        super().__init__(parent)
        self._title = title
        self._subject = subject or translate("StateIndicator", "ICE connection state")
        """What a screen reader names it, e.g. "ICE connection state of the local peer"."""
        self._spoken = ""
        self._state: IceConnectionState | None = IceConnectionState.NEW
        self._provenance = Provenance.REPORTED
        self._since: float | None = None
        self._view = PeerView(True)
        self._value_text = translate("PeerView", "initial value (nothing reported yet)")
        self._now: Callable[[], float] = lambda: 0.0
        self._liveness: Liveness | None = None
        self._cause = ""
        self._phase = 0.0
        self.last_paint = 0.0
        """``time.perf_counter()`` at the end of the last paint (for latency benchmarks)."""
        self._recent_changes: deque[float] = deque(maxlen=FLOOD_CHANGES)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(96)
        # We paint every pixel (background first), so Qt need not repaint the parents below.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        # Reachable with Tab, so a screen reader (or a keyboard user) can land on it and hear it.
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._update_texts()

    # ------------------------------------------------------------------ reading
    @property
    def state(self) -> IceConnectionState | None:
        """The state shown (None: unknown)."""
        return self._state

    @property
    def provenance(self) -> Provenance:
        """Where the shown state came from."""
        return self._provenance

    @property
    def phase(self) -> float:
        """The checking ring's rotation, 0..1 (for the painter)."""
        return self._phase

    @property
    def title(self) -> str:
        """The caption (for the painter)."""
        return self._title

    @property
    def stale(self) -> bool:
        """True while the shown value is a stale report."""
        return self._view.stale is not None

    @property
    def shape_id(self) -> str:
        """The shape drawn for the current state (see ``state_style.SHAPES``)."""
        return NOT_KNOWN.shape if self._state is None else look_of(self._state.value).shape

    @property
    def ticking(self) -> bool:
        """True while the elapsed-time text is repainted."""
        return self._timer.isActive()

    def time_in_state(self) -> float | None:
        """Session seconds since the shown state was entered (None: entry unknown)."""
        return None if self._since is None else max(0.0, self._now() - self._since)

    def time_text(self) -> str:
        """The elapsed-time text as shown."""
        if self._state is None:
            return ""
        if self._view.stale is not None:
            last = self._view.last_report
            age = (
                translate("StateIndicator", "never")
                if last is None
                else translate("StateIndicator", "{0} ago").format(ago(self._now() - last))
            )
            return translate("StateIndicator", "stale · last reported {0} · {1}").format(
                age, self._view.stale
            )
        elapsed = self.time_in_state()
        if elapsed is None:
            return ""
        return translate("StateIndicator", "for {0}").format(format_duration(elapsed))

    def spoken_text(self) -> str:
        """What a screen reader says: subject, state and how long, in words.

        E.g. "ICE connection state of the local peer: disconnected, for 3 seconds".
        """
        if self._state is None:
            return translate("StateIndicator", "{0}: unknown").format(self._subject)
        word = self._state.value
        if self.stale:
            last = self._view.last_report
            if last is None:
                return translate("StateIndicator", "{0}: stale {1}").format(self._subject, word)
            return translate("StateIndicator", "{0}: stale {1}, last reported {2} ago").format(
                self._subject, word, spoken_duration(self._now() - last)
            )
        elapsed = self.time_in_state()
        if elapsed is None:
            return f"{self._subject}: {word}"
        return translate("StateIndicator", "{0}: {1}, for {2}").format(
            self._subject, word, spoken_duration(elapsed)
        )

    def liveness_text(self) -> str:
        """Time since the last packet and the countdown to the next verdict, now."""
        if self._liveness is None or self._state is None or self.stale:
            return ""
        return liveness_text(self._liveness, self._now())

    def liveness_urgent(self) -> bool:
        """True while the liveness line is a countdown or silence (shown in the caption's place)."""
        if self._liveness is None or self._state is None or self.stale:
            return False
        return self._liveness.urgent(self._now())

    def set_liveness(self, liveness: Liveness | None) -> None:
        """Show ``liveness`` (re-read at every tick against the session's ``now``)."""
        self._liveness = liveness
        self.update()

    def provenance_text(self) -> str:
        """Who says so (or why nothing is known), as worded under the state."""
        return self._value_text

    def status_text(self) -> str:
        """The whole line under the state word."""
        if self.stale:
            return self.time_text()  # who reported it is in the tooltip
        parts = [self.provenance_text(), self.time_text()]
        return "  ·  ".join(p for p in parts if p)

    # ------------------------------------------------------------------ API
    def set_clock(self, now: Callable[[], float]) -> None:
        """Read the session's time from ``now`` (session seconds, as event ``ts``)."""
        self._now = now
        self.update()

    def show_value(self, value: StateValue, view: PeerView | None = None, cause: str = "") -> None:
        """Show the model's ``iceConnectionState`` value, as known per ``view``.

        ``cause`` explains the value (``disconnected``, ``failed``, ``closed``) in the tooltip.

        Raises:
            ValueError: ``value.value`` is not a W3C ``iceConnectionState`` value.
        """
        view = view or PeerView(True)
        if not view.known:
            self.show_unknown(view.why)
            return
        new = IceConnectionState(value.value)
        text = provenance_text(value, view)
        key = (new, value.provenance, view.stale, text, cause)
        old = (self._state, self._provenance, self._view.stale, self._value_text, self._cause)
        changed = key != old
        self._cause = cause
        if new != self._state:
            self._phase = 0.0
        self._state, self._provenance, self._since, self._view = (
            new,
            value.provenance,
            value.since,
            view,
        )
        self._value_text = text
        why = f"<b>Why:</b> {cause}" if cause else provenance_tooltip(value)
        self._changed(changed, why)

    def show_unknown(self, why: str) -> None:
        """Show that the state is not known, and why."""
        changed = self._state is not None or self._value_text != why
        self._state, self._since = None, None
        self._provenance = Provenance.REPORTED
        self._view = PeerView(False, why=why)
        self._value_text = why
        self._changed(changed, "")

    def _changed(self, changed: bool, cause: str) -> None:
        if changed:
            self._update_texts(cause)
            self._retime()
        if changed and self.isVisible():
            self._paint_soon()
        else:
            self.update()

    def _paint_soon(self) -> None:
        """Paint a state change now, ahead of the rest of the window.

        In a flood (more than :data:`FLOOD_CHANGES` changes within :data:`FLOOD_WINDOW_S`)
        changes fall back to the coalesced ``update()``, as do changes closer than
        :data:`MIN_REPAINT_S` to the previous paint.
        """
        now = time.perf_counter()
        self._recent_changes.append(now)
        flooding = (
            len(self._recent_changes) == FLOOD_CHANGES
            and now - self._recent_changes[0] < FLOOD_WINDOW_S
        )
        if not flooding and now - self.last_paint >= MIN_REPAINT_S:
            self.repaint()
        else:
            self.update()

    # ------------------------------------------------------------------ Qt
    def sizeHint(self) -> QSize:
        """Room for the shape and a long word (``disconnected``)."""
        return QSize(340, 104)

    def showEvent(self, event: QShowEvent) -> None:
        """Tick only while visible: a hidden window costs no timer wake-ups."""
        self._retime()
        self._timer.start()
        super().showEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Show the focus ring."""
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Hide the focus ring."""
        self.update()
        super().focusOutEvent(event)

    def hideEvent(self, event: object) -> None:
        """Stop ticking when hidden or closed."""
        self._timer.stop()
        super().hideEvent(event)  # type: ignore[arg-type]

    def _rotating(self) -> bool:
        return self._view.stale is None and self.shape_id == "ring"

    def _retime(self) -> None:
        interval = RING_TICK_MS if self._rotating() else TICK_MS
        if self._timer.interval() != interval:
            self._timer.setInterval(interval)

    def _tick(self) -> None:
        if self._rotating():
            self._phase = (self._phase + RING_TICK_MS / 1200) % 1.0
        self._speak()
        self.update()

    def _speak(self) -> None:
        spoken = self.spoken_text()
        if spoken != self._spoken:  # whole seconds: at most one change a second
            self._spoken = spoken
            self.setAccessibleName(spoken)

    def _update_texts(self, cause: str = "") -> None:
        if self._state is None:
            unknown = translate("StateIndicator", "unknown")
            self.setToolTip(f"<b>{unknown}</b>: {self._value_text}")
            self._speak()
            self.setAccessibleDescription(self._value_text)
            return
        said = meaning(self._state)
        word = (
            translate("StateIndicator", "stale {0}").format(self._state.value)
            if self.stale
            else self._state.value
        )
        tip = f"<b>{word}</b>: {said}<br><i>{self._value_text}</i>"
        if self.stale:
            tip += "<br>" + translate(
                "StateIndicator", "Stale ({0}): the last reported value, not a live one."
            ).format(self._view.stale)
        if cause:
            tip += f"<br>{cause}"
        self.setToolTip(tip)
        self._speak()
        self.setAccessibleDescription(f"{said} {self._value_text}")

    def paintEvent(self, event: QPaintEvent) -> None:
        """Shape on the left; caption, state word and provenance/time on the right."""
        p = QPainter(self)
        try:
            paint_indicator(self, p)
        finally:
            p.end()
        self.last_paint = time.perf_counter()
