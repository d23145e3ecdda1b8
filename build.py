#!/usr/bin/env python3
"""``python build.py ...``: the toolkit's command line from a checkout (the same as ``stm``).

The command lives in ``toolkit/cli.py``; this file stays so that every command in the README,
the ``dev`` script and the pre-commit hooks keeps working without installing the package.
"""

import sys

from toolkit.cli import CONFIG, README, ROOT, SECTIONS, _parser, find_section, main

__all__ = ["CONFIG", "README", "ROOT", "SECTIONS", "_parser", "find_section", "main"]

if __name__ == "__main__":
    sys.exit(main())
