"""Frozen entry point of IceScope.

PyInstaller runs this file as a top-level script, so it must not be the package's ``__main__``
(relative imports would fail); it only hands over to the real command line.
"""

from icescope.cli import main

raise SystemExit(main())
