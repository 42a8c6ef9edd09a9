#!/usr/bin/env python3
"""The checkout's entry point: `python cli.py …` is the installed `htqlcl …` command, run from the
repository without installing it (the program itself is `engine/cli.py`)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from engine.cli import main  # after the path is set

if __name__ == "__main__":
    sys.exit(main())
