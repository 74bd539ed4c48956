"""Helpers shared by the benchmarks."""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_78 = SEEDS / "fr_78-167_cooperation-sud-sud.txt"


def cold_ms(command: list[str], runs: int) -> float:
    """Median wall time of a command run afresh, in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def drafter_command(*args: str) -> list[str]:
    drafter = shutil.which("drafter")
    return [drafter, *args] if drafter else [sys.executable, "-m", "drafter", *args]


def cold_against_lark(args: list[str], runs: int) -> None:
    """Print the cold time of a drafter command next to that of a bare `import lark`."""
    command = drafter_command(*args)
    cold_ms(command, 1)  # the first run may compile the grammar into the cache
    lark_ms = cold_ms([sys.executable, "-c", "import lark"], runs)
    drafter_ms = cold_ms(command, runs)
    print(f"cold `python -c 'import lark'`: {lark_ms:.0f} ms (median of {runs})")
    print(f"cold `drafter {' '.join(args[:1])} …`: {drafter_ms:.0f} ms (median of {runs})")
    print(f"ratio: {drafter_ms / lark_ms:.2f} (aim: <= 1.5)")
