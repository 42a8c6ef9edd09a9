"""HTQLCL compliance engine: rules as code for the quality management systems of Vietnamese state
administrative agencies (Quyết định 19/2014/QĐ-TTg and local directives)."""

__version__ = "0.2.0"
"""The engine's version: the package's (pyproject.toml reads it from here) and every JSON result's."""

CONTRACT_VERSION = "1.1"
"""The version of the public contracts this engine implements (docs/facts.md, docs/report.md)."""
