"""Qt view layer: the only package that imports PySide6 or qasync.

Import :func:`icescope.qt.app.run_gui` lazily (the probe must never load Qt).

Loading this package first makes PySide6's import hook cheap (:mod:`.feature_scan`), before
any of the modules below import anything.
"""

from . import feature_scan

feature_scan.install()
