"""The one error an importer raises: a file it cannot read, said in one line."""

from __future__ import annotations

from ..errors import IceScopeError


class FormatError(IceScopeError, ValueError):
    """The file is not in a format IceScope reads, or is damaged; the message says which."""
