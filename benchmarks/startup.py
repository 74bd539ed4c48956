"""Cold start of the commands that run on every commit, options included, next to a bare
`python -c "import lark"` (aim: each within 1.5 times).

    python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import sys

from timing import SEED_78, cold_ms, drafter_command

SEED = str(SEED_78)
INVOCATIONS = [
    ["lint", SEED],
    ["lint", SEED, "--format", "json", "--quiet"],
    ["lint", SEED, "--select", "ALL", "--ignore", "V005", "--statistics", "--strict"],
    ["lint", SEED, "--format", "github", "--jobs", "2", "--profile", "adopted"],
    ["lint", SEED, "--diff"],
    ["parse", SEED, "--format", "text"],
    ["parse", SEED, "--language", "fr"],
    ["rules"],
    ["rules", "P002"],
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("PYTHONDONTWRITEBYTECODE is set: every run compiles drafter's modules anew, and")
        print("the figures below are not those of an installed drafter (unset it)")
    commands = [drafter_command(*args) for args in INVOCATIONS]
    cold_ms(commands, 1)  # the first run may compile the grammar and the modules
    lark, *times = cold_ms([[sys.executable, "-c", "import lark"], *commands], runs)
    print(f"cold `python -c 'import lark'`: {lark:.0f} ms (median of {runs})")
    worst = 0.0
    for args, elapsed in zip(INVOCATIONS, times, strict=True):
        shown = " ".join("SEED" if a == SEED else a for a in args)
        print(f"{elapsed / lark:5.2f}  {elapsed:4.0f} ms  drafter {shown}")
        worst = max(worst, elapsed / lark)
    print(f"worst ratio: {worst:.2f} (aim: <= 1.5)")


if __name__ == "__main__":
    main()
