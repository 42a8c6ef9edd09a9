"""The step vocabulary of the feature files: the Vietnamese sentences a legal reviewer writes scenarios
with, bound to the real engine. Product code, not test code: `htqlcl report` runs the scenarios with
these steps to build the living documentation, and so do the project's own tests."""
