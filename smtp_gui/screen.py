"""Whether the window can open a screen, checked before Qt is started."""

from __future__ import annotations

import os
import sys


def lacks_display() -> bool:
    """Return True on Linux when there is no X11 or Wayland display and no Qt platform is chosen.

    Qt aborts the whole process (a core dump, exit status 134) when its
    platform plugin finds no display, so this is checked before Qt starts.
    """
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
