"""Qt view layer: the only package that imports PySide6 or qasync.

Import :func:`icescope.qt.app.run_gui` lazily (the probe must never load Qt).
"""
