"""Parse speed of the 78/167 seed: warm time per document, and cold start of `drafter parse`.

Prints figures; it asserts nothing (timings belong here, not in the tests).
Run: python benchmarks/parse_speed.py [--runs N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "seeds" / "fr_78-167_cooperation-sud-sud.txt"


def warm_ms_per_document(runs: int) -> float:
    from drafter.parser import parse_text

    text = SEED.read_text(encoding="utf-8")
    for _ in range(5):  # warm-up: grammars compiled or loaded, caches filled
        parse_text(text)
    start = time.perf_counter()
    for _ in range(runs):
        parse_text(text)
    return (time.perf_counter() - start) / runs * 1000


def cold_ms(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--runs", type=int, default=20)
    runs = options.parse_args().runs
    drafter = shutil.which("drafter")
    parse = [drafter] if drafter else [sys.executable, "-m", "drafter"]
    parse += ["parse", str(SEED), "--format", "json"]
    cold_ms(parse, 1)  # the first run may compile the grammar into the cache
    lark_ms = cold_ms([sys.executable, "-c", "import lark"], runs)
    drafter_ms = cold_ms(parse, runs)
    print(f"seed: {SEED.name} ({SEED.stat().st_size // 1024} KiB)")
    print(f"warm parse: {warm_ms_per_document(runs * 5):.2f} ms per document (aim: < 10 ms)")
    print(f"cold `python -c 'import lark'`: {lark_ms:.0f} ms (median of {runs})")
    print(f"cold `drafter parse --format json`: {drafter_ms:.0f} ms (median of {runs})")
    print(f"ratio: {drafter_ms / lark_ms:.2f} (aim: <= 1.5)")


if __name__ == "__main__":
    main()
