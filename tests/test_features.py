"""Every scenario of the feature files, run through the real engine (steps: engine/steps/common.py)."""

import pytest
from pytest_bdd import scenarios

pytestmark = pytest.mark.smoke  # also run on every other supported Python (scripts/dev.py smoke)

scenarios("qd19_2014.feature")
scenarios("bkhcn_419_2018.feature")
