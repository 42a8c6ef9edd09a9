"""`python -m engine …` is the `htqlcl …` command."""

import sys

from engine.cli import main

sys.exit(main())
