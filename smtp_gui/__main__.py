"""``python -m smtp_gui``: the same as the ``smtp-gui`` command."""

import sys

from smtp_gui.app import main

sys.exit(main())
