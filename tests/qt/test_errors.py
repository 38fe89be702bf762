"""ErrorHooks: unexpected exceptions become one readable line, or a fatal exit on request."""

from __future__ import annotations

import asyncio
import sys

import pytest

from icescope.qt.errors import EXIT_ON_ERROR_ENV, ErrorHooks


def _boom() -> None:
    raise RuntimeError("socket went away")


def test_excepthook_reports_without_traceback(monkeypatch) -> None:
    monkeypatch.delenv(EXIT_ON_ERROR_ENV, raising=False)
    reports: list[str] = []
    fatal: list[BaseException] = []
    hooks = ErrorHooks(reports.append, fatal.append)
    original = sys.excepthook
    hooks.install(None)
    try:
        assert sys.excepthook is not original
        try:
            _boom()
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    finally:
        hooks.uninstall()
    assert sys.excepthook is original
    assert reports == [
        "Unexpected error: RuntimeError: socket went away. Details are in the log output."
    ]
    assert "Traceback" not in reports[0]
    assert fatal == []
    assert hooks.errors == 1


def test_loop_exception_handler_reports() -> None:
    reports: list[str] = []
    hooks = ErrorHooks(reports.append, lambda _e: None)

    async def scenario() -> None:
        hooks.install(asyncio.get_running_loop())
        asyncio.get_running_loop().call_soon(_boom)
        await asyncio.sleep(0.01)
        hooks.uninstall()

    asyncio.run(scenario())
    assert reports
    assert "RuntimeError: socket went away" in reports[0]


def test_exit_on_error_calls_fatal(monkeypatch, capsys) -> None:
    monkeypatch.setenv(EXIT_ON_ERROR_ENV, "1")
    reports: list[str] = []
    fatal: list[BaseException] = []
    hooks = ErrorHooks(reports.append, fatal.append)
    with pytest.raises(RuntimeError) as info:
        _boom()
    hooks.handle(info.value, info.value.__traceback__)
    assert reports == []
    assert fatal == [info.value]
    assert "Traceback" in capsys.readouterr().err


def test_a_failing_report_never_raises(monkeypatch) -> None:
    monkeypatch.delenv(EXIT_ON_ERROR_ENV, raising=False)

    def bad_report(_text: str) -> None:
        raise ValueError("widget gone")

    hooks = ErrorHooks(bad_report, lambda _e: None)
    hooks.handle(RuntimeError("x"), None)  # must not raise
    assert hooks.errors == 1
