"""Instructions a lint takes per document, counted by valgrind's callgrind: a figure a busy
shared machine does not move (the same inputs give the same count to a few in ten thousand),
where wall times wander by a third from one hour to the next. Compares this checkout with the
first release (202f956, checked out and installed as batch_vs_first.py does, on first use)
or any other checkout.

Each count is that of `lint_text` over N documents of benchmarks/lint_speed.py's corpus (or
the English samples), less that of a run over none: start-up, imports and the grammar's first
use drop out. Needs valgrind (Debian's package); slow (about 50 times the work's own time).
Prints figures; asserts nothing.
Run: python benchmarks/instructions.py [--documents N] [--against CHECKOUT [PYTHON]]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from batch_vs_first import FIRST_FOLDER, REPOSITORY, first_release
from lint_speed import corpus
from timing import ENGLISH

# What runs under valgrind: read the texts, lint three (warm-up), then the N measured.
_WORK = """
import sys
from pathlib import Path
from drafter.config import Settings
from drafter.lint import lint_text
count, folder = int(sys.argv[1]), Path(sys.argv[2])
texts = [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]
settings = Settings()

def lint(text):
    try:
        lint_text(text, settings)
    except ValueError:  # the first release knew no English: it gets through it, not reads it
        pass

for text in texts[:3]:
    lint(text)
for text in texts[3 : 3 + count]:
    lint(text)
"""


def instructions(python: str, checkout: Path, count: int, folder: Path) -> int:
    environment = {**os.environ, "PYTHONPATH": str(checkout), "PYTHONHASHSEED": "0"}
    valgrind = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    run = subprocess.run(
        [*valgrind, python, "-c", _WORK, str(count), str(folder)],
        capture_output=True,
        text=True,
        env=environment,
        cwd=checkout,  # (`python -c` puts the working folder first on the path)
        check=False,
    )
    found = re.search(r"Collected : (\d+)", run.stderr)
    if run.returncode or found is None:
        sys.exit(f"no count from valgrind:\n{run.stderr[-2000:]}")
    return int(found.group(1))


def per_document(python: str, checkout: Path, count: int, folder: Path) -> float:
    return (
        instructions(python, checkout, count, folder) - instructions(python, checkout, 0, folder)
    ) / count


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--documents", type=int, default=20)
    options.add_argument("--against", nargs="+", metavar=("CHECKOUT", "PYTHON"))
    arguments = options.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (apt-get install valgrind)")
    if arguments.against:
        other = Path(arguments.against[0])
        other_python = arguments.against[1] if len(arguments.against) > 1 else sys.executable
    else:  # the first release, checked out and installed as batch_vs_first.py does
        other = FIRST_FOLDER
        other_python = str(first_release(FIRST_FOLDER).with_name("python"))
    count = arguments.documents
    with tempfile.TemporaryDirectory() as folder:
        french = Path(folder) / "fr"
        french.mkdir()
        for number, text in enumerate(corpus(count + 3)):
            (french / f"{number:04}.txt").write_text(text, encoding="utf-8")
        english = Path(folder) / "en"
        english.mkdir()
        samples = sorted(ENGLISH.glob("*.txt"))
        for number in range(count + 3):
            shutil.copy(samples[number % len(samples)], english / f"{number:04}.txt")
        for name, texts in (("French (seed-sized)", french), ("English (samples)", english)):
            ours = per_document(sys.executable, REPOSITORY, count, texts)
            print(f"{name}, {count} documents: this checkout {ours / 1e6:.2f} M instructions each")
            if other.exists():  # (a checkout given by --against may be missing)
                theirs = per_document(other_python, other, count, texts)
                print(f"  {other}: {theirs / 1e6:.2f} M; ratio {theirs / ours:.2f}")


if __name__ == "__main__":
    main()
