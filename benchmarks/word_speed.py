"""Reading a resolution from a Word document against reading its text (aim: within 2 times,
for a 25 KB resolution), and linting both. The documents are built as the tests build them
(tests/word_documents.py): one paragraph per paragraph, italics as italic runs. Prints figures;
asserts nothing. Run: python benchmarks/word_speed.py [--runs N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from timing import ENGLISH, SEEDS, seconds

sys.path.insert(0, str(SEEDS.parent / "tests"))


def main() -> None:
    from word_documents import build, text_paragraphs  # type: ignore[import-not-found]

    from drafter.config import Settings
    from drafter.lint import lint_file
    from drafter.reader import read_source

    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--runs", type=int, default=7)
    runs = options.parse_args().runs
    settings = Settings()
    with tempfile.TemporaryDirectory() as folder:
        for source in (*sorted(ENGLISH.glob("*.txt")), *sorted(SEEDS.glob("*.txt"))):
            text = source.read_text(encoding="utf-8")
            word = Path(folder) / f"{source.stem}.docx"
            word.write_bytes(build(text_paragraphs(text)))
            read_source(word)  # warm-up: python-docx imported
            text_read = min(seconds(lambda s=source: read_source(s)) for _ in range(runs))
            word_read = min(seconds(lambda w=word: read_source(w)) for _ in range(runs))
            text_lint = min(
                seconds(lambda s=source: lint_file(str(s), settings)) for _ in range(runs)
            )
            word_lint = min(
                seconds(lambda w=word: lint_file(str(w), settings)) for _ in range(runs)
            )
            size = len(text.encode()) // 1024
            print(
                f"{source.stem:34} {size:3} KB: read {word_read * 1000:5.1f} ms from Word,"
                f" {text_read * 1000:4.1f} ms from text; lint {word_lint * 1000:5.1f} ms"
                f" against {text_lint * 1000:5.1f} ms ({word_lint / text_lint:.1f} times)"
            )


if __name__ == "__main__":
    main()
