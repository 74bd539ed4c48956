"""Linting an official PDF against linting the text drafter reads from it (aim: within 2
times for a 7-page resolution; under 1 s for a long one). Prints figures; asserts nothing.
Run: python benchmarks/pdf_speed.py [--runs N]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from timing import SEEDS, seconds

PDFS = SEEDS.parent / "tests" / "fixtures" / "pdf"


def main() -> None:
    import pypdfium2  # type: ignore[import-untyped]

    from drafter.config import Settings
    from drafter.lint import lint_file, lint_text
    from drafter.reader import read_source

    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--runs", type=int, default=5)
    runs = options.parse_args().runs
    settings = Settings()
    lint_file(str(PDFS / "A_RES_80_96.pdf"), settings)  # warm-up: grammars loaded, pdfium too
    for path in sorted(PDFS.glob("*.pdf")):
        pages = len(pypdfium2.PdfDocument(path))
        text = read_source(path).text
        pdf_s = min(seconds(lambda p=path: lint_file(str(p), settings)) for _ in range(runs))
        text_s = min(seconds(lambda t=text: lint_text(t, settings)) for _ in range(runs))
        print(
            f"{Path(path).name:20} {pages:3} pages: lint of the PDF {pdf_s * 1000:6.1f} ms, "
            f"of its text {text_s * 1000:6.1f} ms ({pdf_s / text_s:.1f} times)"
        )


if __name__ == "__main__":
    main()
