"""Linting an official PDF against linting the text drafter reads from it (aim: within 2
times for a 7-page resolution; under 1 s for a long one), the first time (PDFium reads the
PDF) and again (its text comes from the cache folder). Prints figures; asserts nothing.
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
    from drafter.readers.pdf import _read_text_layer

    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--runs", type=int, default=5)
    runs = options.parse_args().runs
    settings = Settings()
    lint_file(str(PDFS / "A_RES_80_96.pdf"), settings)  # warm-up: grammars loaded, pdfium too
    for path in sorted(PDFS.glob("*.pdf")):
        pages = len(pypdfium2.PdfDocument(path))
        text = read_source(path).text
        data = path.read_bytes()

        def first(data: bytes = data) -> None:
            lint_text(_read_text_layer(data).text, settings)

        first_s = min(seconds(first) for _ in range(runs))
        again_s = min(seconds(lambda p=path: lint_file(str(p), settings)) for _ in range(runs))
        text_s = min(seconds(lambda t=text: lint_text(t, settings)) for _ in range(runs))
        print(
            f"{Path(path).name:20} {pages:3} pages: lint of its text {text_s * 1000:5.1f} ms; "
            f"of the PDF first {first_s * 1000:6.1f} ms ({first_s / text_s:4.1f} times), "
            f"again {again_s * 1000:5.1f} ms ({again_s / text_s:.1f} times)"
        )


if __name__ == "__main__":
    main()
