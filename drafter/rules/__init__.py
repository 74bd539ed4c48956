"""The catalogue of rules, one module per family; importing this package registers them all.

Codes: S structure, N numbering, P punctuation, V verbs and openings, F footnotes, C closing,
H heading, R resolutions cited, T time, Y typography, X placeholders (L is LanguageTool's);
A the conventions of an amendment document.
"""

from drafter.rules import (  # noqa: F401  (each module registers its rules)
    amendments,
    citations,
    closing,
    footnotes,
    heading,
    numbering,
    placeholders,
    punctuation,
    structure,
    time,
    typography,
    verbs,
)
from drafter.rules.base import REGISTRY, Document, Edit, Finding, Fix, Rule, Severity

__all__ = ["REGISTRY", "Document", "Edit", "Finding", "Fix", "Rule", "Severity"]
