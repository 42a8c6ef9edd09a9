"""The local rules' feature files (one per local document), run through the real engine.

Steps: the shared vocabulary (engine/steps/common.py, loaded for every test by conftest.py) and the
local additions (engine/steps/local.py: agency name and programmes, source order, refused input,
portfolios), imported here so that pytest-bdd finds them for these scenarios only.
"""

from pytest_bdd import scenarios

from engine.steps.local import *  # noqa: F403  (step definitions are fixtures found by name)

scenarios("hl641_2017.feature")
scenarios("ls174_2017.feature")
scenarios("tth_kh52_2022.feature")
scenarios("md907_2021.feature")
scenarios("hm83_2023.feature")
