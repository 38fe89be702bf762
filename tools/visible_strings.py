"""Find user-visible strings in the Qt layer that do not go through ``translate()``.

Used by ``tests/qt/test_translations.py`` and by hand (``python tools/visible_strings.py``): a
literal or f-string passed straight to a call that shows text (``setText``, ``QLabel``,
``addAction``…) is reported with its file and line.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

QT_DIR = Path(__file__).resolve().parents[1] / "src" / "icescope" / "qt"
SHOWS_TEXT = frozenset(
    {
        "setText", "setToolTip", "setWindowTitle", "setPlaceholderText", "setTitle",
        "setInformativeText", "setStatusTip", "setAccessibleName", "setAccessibleDescription",
        "setSpecialValueText", "addAction", "addMenu", "addItem", "addItems", "addRow", "QLabel",
        "QPushButton", "QCheckBox", "QGroupBox", "QAction", "QRadioButton", "setWhatsThis",
        "addTab", "setHorizontalHeaderLabels", "show_notice", "report", "setLabelText",
        "getSaveFileName", "getOpenFileName", "_hint_label", "setPlainText", "setHtml",
    }
)  # fmt: skip
"""Calls whose string arguments reach the screen."""
NOT_TEXT = frozenset({"translate", "QT_TRANSLATE_NOOP", "QKeySequence", "setObjectName"})


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else None


def _words(node: ast.AST) -> bool:
    """True when ``node`` has literal text with letters outside a translate() call."""
    if isinstance(node, ast.Call) and _name(node.func) in NOT_TEXT:
        return False
    if isinstance(node, ast.Constant):
        text = re.sub(r"</?\w+>", "", node.value) if isinstance(node.value, str) else ""
        return any(c.isalpha() for c in text)  # markup such as <b> is not text
    if isinstance(node, ast.JoinedStr):
        return any(_words(v) for v in node.values)
    if isinstance(node, ast.Call):  # "...".format() on an untranslated literal, str.join
        return _words(node.func) if isinstance(node.func, ast.Attribute) else False
    if isinstance(node, ast.Attribute):
        return _words(node.value)
    if isinstance(node, ast.Subscript):  # TABLE["key"]: the key is not shown
        return _words(node.value)
    return any(_words(child) for child in ast.iter_child_nodes(node))


def untranslated(path: Path) -> list[str]:
    """``file:line: text`` for each visible literal in ``path`` outside translate()."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) in SHOWS_TEXT:
            args = node.args
            if _name(node.func) in ("report",):
                args = args[2:]  # report(level, code, message)
            elif _name(node.func) == "show_notice":
                args = args[1:]  # show_notice(level, message)
            elif _name(node.func) in ("getSaveFileName", "getOpenFileName"):
                args = args[1:2]  # (parent, caption, file name, filter): the caption
            elif _name(node.func) == "addItem":
                args = args[:1]  # addItem(text, data)
            for arg in args:
                if _words(arg):
                    found.append(f"{path}:{arg.lineno}: {ast.unparse(arg)[:80]}")
    return found


def scan(directory: Path = QT_DIR) -> list[str]:
    """Every untranslated visible literal under ``directory``."""
    return [line for p in sorted(directory.rglob("*.py")) for line in untranslated(p)]


if __name__ == "__main__":
    problems = scan()
    sys.stdout.write("".join(f"{line}\n" for line in problems))
    sys.exit(1 if problems else 0)
