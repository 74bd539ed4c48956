"""Helpers shared by the benchmarks."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_78 = SEEDS / "fr_78-167_cooperation-sud-sud.txt"
ENGLISH = SEEDS.parent / "tests" / "fixtures" / "en"  # real English resolutions


# An installed package has its modules compiled (pip compiles them; an editable install does
# on first import). With PYTHONDONTWRITEBYTECODE set, as on some CI machines, drafter would be
# compiled from source at every run while lark, installed by pip, would not: not a fair race.
ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def seconds(work) -> float:
    """How long `work()` takes, in seconds."""
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def cold_ms(commands: list[list[str]], runs: int) -> list[float]:
    """Median wall time of each command run afresh, in milliseconds. The commands take turns,
    so that a slow spell of a shared machine weighs on all of them alike."""
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for command, measured in zip(commands, times, strict=True):
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, env=ENVIRONMENT, check=False)
            measured.append(time.perf_counter() - start)
    return [statistics.median(measured) * 1000 for measured in times]


def drafter_command(*args: str) -> list[str]:
    drafter = shutil.which("drafter")
    return [drafter, *args] if drafter else [sys.executable, "-m", "drafter", *args]


def cold_against_lark(args: list[str], runs: int) -> None:
    """Print the cold time of a drafter command next to that of a bare `import lark`."""
    command = drafter_command(*args)
    cold_ms([command], 1)  # the first run may compile the grammar and the modules
    lark_ms, drafter_ms = cold_ms([[sys.executable, "-c", "import lark"], command], runs)
    print(f"cold `python -c 'import lark'`: {lark_ms:.0f} ms (median of {runs})")
    print(f"cold `drafter {' '.join(args[:1])} …`: {drafter_ms:.0f} ms (median of {runs})")
    print(f"ratio: {drafter_ms / lark_ms:.2f} (aim: <= 1.5)")
