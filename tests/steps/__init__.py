"""Step definitions shared by the feature tests (`tests/test_features.py`)."""
