"""IceScope's ICE engine on top of aiortc/aioice (see docs/ice-engine.md).

Everything that touches aiortc/aioice internals lives in this package, behind
:func:`icescope.core.ice.compat.install`, so it is easy to drop once upstream catches up.
"""
