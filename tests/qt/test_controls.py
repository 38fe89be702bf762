"""QtControls: clicks and shortcuts emit requests; commands are enabled only when meaningful."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from icescope.qt.widgets.controls import RESTART_UNAVAILABLE, QtControls


@pytest.fixture
def controls(qtbot):
    w = QtControls()
    qtbot.addWidget(w)
    w.show()
    return w


def _enabled(c: QtControls) -> dict[str, bool]:
    return {k: b.isEnabled() for k, b in c.buttons.items()}


def test_buttons_emit_their_signals(controls, qtbot) -> None:
    controls.set_session_state(active=True, closed=False, can_restart=True, busy=False)
    for key, signal in (
        ("restart", controls.restart_requested),
        ("close", controls.close_requested),
        ("new", controls.new_session_requested),
        ("repeat", controls.repeat_session_requested),
    ):
        with qtbot.waitSignal(signal, timeout=1000):
            qtbot.mouseClick(controls.buttons[key], Qt.MouseButton.LeftButton)


def test_disabled_buttons_emit_nothing(controls, qtbot) -> None:
    controls.set_session_state(active=True, closed=True, can_restart=False, busy=False)
    with qtbot.assertNotEmitted(controls.close_requested, wait=50):
        qtbot.mouseClick(controls.buttons["close"], Qt.MouseButton.LeftButton)
    with qtbot.assertNotEmitted(controls.restart_requested, wait=50):
        qtbot.mouseClick(controls.buttons["restart"], Qt.MouseButton.LeftButton)


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (
            {"active": False, "closed": False, "can_restart": False, "busy": False},
            {"restart": False, "close": False, "new": True, "repeat": True},
        ),
        (
            {"active": True, "closed": False, "can_restart": False, "busy": False},
            {"restart": False, "close": True, "new": True, "repeat": True},
        ),
        (
            {"active": True, "closed": False, "can_restart": True, "busy": False},
            {"restart": True, "close": True, "new": True, "repeat": True},
        ),
        (
            {"active": True, "closed": True, "can_restart": True, "busy": False},
            {"restart": False, "close": False, "new": True, "repeat": True},
        ),
        (
            {"active": True, "closed": False, "can_restart": True, "busy": True},
            {"restart": False, "close": False, "new": False, "repeat": False},
        ),
    ],
)
def test_enabled_only_when_meaningful(controls, state, expected) -> None:
    controls.set_session_state(**state)
    assert _enabled(controls) == expected


def test_restart_unavailable_says_why(controls) -> None:
    controls.set_session_state(active=True, closed=False, can_restart=False, busy=False)
    assert controls.buttons["restart"].toolTip() == RESTART_UNAVAILABLE
    assert "unavailable" in controls.hint.text()
    controls.set_session_state(active=True, closed=False, can_restart=True, busy=False)
    assert controls.hint.text() == ""
    assert "Ctrl+R" in controls.buttons["restart"].toolTip()


def test_keyboard_shortcuts(qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    controls = QtControls(window)
    window.setCentralWidget(controls)
    controls.set_session_state(active=True, closed=False, can_restart=True, busy=False)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    for key, signal in (
        (Qt.Key.Key_R, controls.restart_requested),
        (Qt.Key.Key_W, controls.close_requested),
        (Qt.Key.Key_N, controls.new_session_requested),
    ):
        with qtbot.waitSignal(signal, timeout=1000):
            qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    with qtbot.waitSignal(controls.repeat_session_requested, timeout=1000):
        qtbot.keyClick(window, Qt.Key.Key_N, shift_ctrl)
