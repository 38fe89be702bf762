"""``python -m icescope``."""

from icescope.cli import main

raise SystemExit(main())
