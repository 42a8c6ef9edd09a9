"""Every scenario of the feature files, run through the real engine (steps: engine/steps/common.py)."""

from pytest_bdd import scenarios

scenarios("qd19_2014.feature")
scenarios("bkhcn_419_2018.feature")
