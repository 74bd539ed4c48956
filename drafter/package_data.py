"""Files shipped inside the package: the grammars, the lexicons, the templates.

They are read from the folder of their package. importlib.resources would find them too, and
inside a zip file as well, but its readers cost more start-up time than linting a short text,
and pip always installs drafter as plain files.
"""

from __future__ import annotations

import importlib
from pathlib import Path


def folder(package: str) -> Path:
    """The folder of a package of drafter's (`drafter.grammar` is grammar/ in a checkout)."""
    return Path(importlib.import_module(package).__file__ or "").parent


def read_text(package: str, name: str) -> str:
    return (folder(package) / name).read_text(encoding="utf-8")
