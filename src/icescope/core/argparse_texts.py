"""argparse's own English error frames as core text phrases, so the probe can say them in German.

argparse builds its messages from fixed English frames ("argument --loss: ...", "the following
arguments are required: ...", "unrecognized arguments: ..."); :func:`argparse_phrase` reads
the frame back into an ``error:argparse.*`` phrase whose arguments are the flags and values
argparse named. A message no frame matches stays as it is (it is then the words of one of our
own argument types, already in the user's language).
"""

from __future__ import annotations

import re
from typing import Any, Final

_FRAMES: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (re.compile(r"the following arguments are required: (?P<flags>.+)"), "required"),
    (re.compile(r"unrecognized arguments: (?P<flags>.+)"), "unrecognized"),
    (re.compile(r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)"), "ambiguous"),
    (re.compile(r"(?P<option>\S+) must follow the --ice-server it belongs to"), "follow"),
)
_REASONS: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (re.compile(r"expected one argument"), "one-value"),
    (re.compile(r"expected at least one argument"), "some-values"),
    (re.compile(r"invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)"), "choice"),
    (re.compile(r"invalid (?P<type>\w+) value: (?P<value>.+)"), "type"),
    (re.compile(r"not allowed with argument (?P<flag>.+)"), "not-allowed"),
)
_ARGUMENT: Final = re.compile(r"argument (?P<flag>[^:]+): (?P<error>.+)", re.DOTALL)


def _match(text: str, frames: tuple[tuple[re.Pattern[str], str], ...]) -> Any:
    for pattern, code in frames:
        found = pattern.fullmatch(text)
        if found:
            return {"key": f"error:argparse.{code}", "args": found.groupdict()}
    return None


def argparse_phrase(message: str) -> Any:
    """The argparse ``message`` as a nested phrase, or ``message`` itself when no frame fits."""
    found = _ARGUMENT.fullmatch(message)
    if found:
        reason = _match(found["error"], _REASONS) or found["error"]
        return {"key": "error:argparse.argument", "args": {"flag": found["flag"], "error": reason}}
    return _match(message, _FRAMES) or message
