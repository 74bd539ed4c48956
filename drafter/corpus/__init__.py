"""Agreed language: a local corpus of adopted texts, paragraph by paragraph (one SQLite file,
its words indexed with FTS5), and, for each paragraph of a draft, where its words were adopted
before (`drafter corpus`, `drafter precedents`).

store.py keeps the corpus; texts.py turns a resolution into the paragraphs it stores;
precedents.py finds and judges a draft's precedents. Nothing leaves the machine.
"""

from __future__ import annotations

import os
from pathlib import Path

FILE_NAME = "corpus.sqlite"


def default_corpus() -> Path:
    """The user's corpus: in the data folder ($XDG_DATA_HOME, else ~/.local/share)."""
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "drafter" / FILE_NAME
