"""Hostile documents against drafter's limits: each is built as the tests build them
(tests/test_hostile.py) and linted three times; prints the wall time and the peak memory of
the drafter process (the kernel's count), and what drafter said. Aim: under 2 s and 200 MB
each for the zip cases. Asserts nothing. Run: python benchmarks/hostile_speed.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from timing import SEEDS

sys.path.insert(0, str(SEEDS.parent / "tests"))


def main() -> None:
    import test_hostile as hostile  # type: ignore[import-not-found]

    cases = {
        "zip bomb, document part (900 MB)": lambda p: hostile._word_package(
            p / "bomb.docx", {"word/document.xml": (" ", 900)}
        ),
        "lying size header (300 MB)": lambda p: hostile._lying(p / "lying.docx"),
        "XML entities (billion laughs)": lambda p: hostile._word_package(
            p / "entities.docx", {"word/document.xml": hostile.LAUGHS}
        ),
        "PDF of 10,000 pages": lambda p: _written(p / "pages.pdf", hostile._pages(10_000)),
        "PDF stream of 900 MB": lambda p: _written(p / "stream.pdf", hostile._stream_bomb()),
    }
    with tempfile.TemporaryDirectory() as folder:
        for name, make in cases.items():
            path = make(Path(folder))
            runs = []
            for _ in range(3):
                started = time.perf_counter()
                run = hostile.measured("lint", str(path))
                runs.append((time.perf_counter() - started, run["peak"] / hostile.MB))
            wall = sorted(seconds for seconds, _ in runs)[1]
            peak = max(megabytes for _, megabytes in runs)
            said = run["stderr"].strip().split(": ", 2)[-1]
            print(f"{name:36} {wall:5.2f} s  {peak:5.0f} MB  exit {run['code']}  {said}")


def _written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


if __name__ == "__main__":
    main()
