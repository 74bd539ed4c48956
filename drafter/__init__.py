"""drafter: a drafting assistant and linter for United Nations General Assembly resolutions."""

__version__ = "0.2.0"
