"""Views of an evaluation result: text for a terminal, JSON for machines (and, later, more)."""
