"""Find every access to a library-private name in IceScope's source (an ``ast`` scan).

An access is one of:

* ``obj._name`` on anything but ``self``/``cls`` (``nonself``), or on ``self``/``cls`` when
  ``_name`` is a row of the table (``self``: a subclass using its base's private state);
* ``getattr/setattr/hasattr(obj, "_name")``, the string given literally or as a module
  constant (``nonself``);
* ``from aiortc.x import name`` / ``from aioice.x import name`` and ``alias.name`` on an
  imported aiortc/aioice module, where ``name`` is not in the package's ``__all__``
  (``import``).
"""

from __future__ import annotations

import ast
import importlib
from dataclasses import dataclass
from pathlib import Path

LIBRARIES = ("aiortc", "aioice")
SRC = Path(__file__).resolve().parents[3] / "src"


@dataclass(frozen=True)
class Access:
    module: str  # dotted, below "icescope."
    line: int
    name: str
    owner: str | None  # the aiortc/aioice module for imports, else unknown
    kind: str  # "nonself", "self" or "import"


def _public(module: str, name: str) -> bool:
    package = importlib.import_module(module.split(".")[0])
    return name in getattr(package, "__all__", ())


def _is_module(dotted: str) -> bool:
    try:
        importlib.import_module(dotted)
    except ImportError:
        return False
    return True


def module_name(path: Path) -> str:
    rel = path.relative_to(SRC / "icescope").with_suffix("")
    return ".".join(rel.parts)


def scan(path: Path, table_names: set[str], module: str | None = None) -> list[Access]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    module = module or module_name(path)
    constants: dict[str, str] = {}
    aliases: dict[str, str] = {}
    found: list[Access] = []
    for node in tree.body:
        targets = [node.target] if isinstance(node, ast.AnnAssign) else getattr(node, "targets", [])
        value = getattr(node, "value", None)
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            for target in targets:
                if isinstance(target, ast.Name):
                    constants[target.id] = value.value
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in LIBRARIES:
                    if alias.asname:
                        aliases[alias.asname] = alias.name
                    else:
                        top = alias.name.split(".")[0]
                        aliases[top] = top
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module.split(".")[0] not in LIBRARIES:
                continue
            for alias in node.names:
                if _is_module(f"{node.module}.{alias.name}"):
                    aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
                if not _public(node.module, alias.name):
                    found.append(Access(module, node.lineno, alias.name, node.module, "import"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            base = node.value
            name = node.attr
            if isinstance(base, ast.Name) and base.id in aliases:
                owner = aliases[base.id]
                if not _public(owner, name) and not _is_module(f"{owner}.{name}"):
                    found.append(Access(module, node.lineno, name, owner, "import"))
                continue
            if not name.startswith("_") or name.startswith("__"):
                continue
            own = isinstance(base, ast.Name) and base.id in ("self", "cls")
            if not own:
                found.append(Access(module, node.lineno, name, None, "nonself"))
            elif name in table_names:
                found.append(Access(module, node.lineno, name, None, "self"))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("getattr", "setattr", "hasattr")
            and len(node.args) >= 2
        ):
            arg = node.args[1]
            text = None
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                text = arg.value
            elif isinstance(arg, ast.Name):
                text = constants.get(arg.id)
            if text is not None and text.startswith("_") and not text.startswith("__"):
                found.append(Access(module, node.lineno, text, None, "nonself"))
    return found


def scan_tree(root: Path, table_names: set[str]) -> list[Access]:
    out: list[Access] = []
    for path in sorted(root.rglob("*.py")):
        out.extend(scan(path, table_names))
    return out
