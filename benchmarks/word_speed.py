"""Reading a resolution from a Word document against reading it from its text: the model
(read and parse, what every command starts with; aim: within 2 times for a 25 KB resolution),
a whole lint, and the first read of a document whose styles drafter has not met yet (they are
summarized once per template and kept in the cache folder). The documents are built as the
tests build them (tests/word_documents.py, python-docx's template: 350 KB of styles). Prints
figures; asserts nothing. Run: python benchmarks/word_speed.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from timing import ENGLISH, SEEDS, seconds

sys.path.insert(0, str(SEEDS.parent / "tests"))


def main() -> None:
    from word_documents import build, text_paragraphs  # type: ignore[import-not-found]

    from drafter.cache import cache_dir
    from drafter.config import Settings
    from drafter.lint import lint_file
    from drafter.parser import parse_text
    from drafter.reader import read_source

    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--runs", type=int, default=7)
    runs = options.parse_args().runs
    settings = Settings()

    def best(work) -> float:
        return min(seconds(work) for _ in range(runs)) * 1000

    def model(path: Path) -> None:
        parse_text(read_source(path).text)

    def cold_read(path: Path) -> float:
        """A read with an empty cache folder: the styles are summarized anew."""
        with tempfile.TemporaryDirectory() as cache:
            os.environ["XDG_CACHE_HOME"] = cache
            cache_dir.cache_clear()
            taken = seconds(lambda: read_source(path))
        del os.environ["XDG_CACHE_HOME"]
        cache_dir.cache_clear()
        return taken * 1000

    with tempfile.TemporaryDirectory() as folder:
        for source in (*sorted(ENGLISH.glob("*.txt")), *sorted(SEEDS.glob("*.txt"))):
            text = source.read_text(encoding="utf-8")
            word = Path(folder) / f"{source.stem}.docx"
            word.write_bytes(build(text_paragraphs(text)))
            model(word)  # warm-up: lxml imported, grammar loaded, styles summarized
            cold = min(cold_read(word) for _ in range(runs))
            read = best(lambda w=word: read_source(w)), best(lambda s=source: read_source(s))
            parsed = best(lambda w=word: model(w)), best(lambda s=source: model(s))
            linted = (
                best(lambda w=word: lint_file(str(w), settings)),
                best(lambda s=source: lint_file(str(s), settings)),
            )
            size = len(text.encode()) // 1024
            print(
                f"{source.stem:30} {size:3} KB: read {read[0]:4.1f} ms (first {cold:4.1f})"
                f" against {read[1]:3.1f}; model {parsed[0]:4.1f} against {parsed[1]:4.1f} ms"
                f" ({parsed[0] / parsed[1]:.1f} times); lint {linted[0]:4.1f} against"
                f" {linted[1]:4.1f} ms ({linted[0] / linted[1]:.1f} times)"
            )


if __name__ == "__main__":
    main()
