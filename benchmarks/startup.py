"""Cold start of the commands that run on every commit, options included, and of the other
calls issue 31 names, next to a bare `python -c "import lark"` (aims: each within 1.5 times;
`drafter new` within 2).

    python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import sys

from timing import SEED_78, SEEDS, cold_ms, drafter_command

SEED = str(SEED_78)
OLDER = str(SEEDS / "fr_62-209_cooperation-sud-sud.txt")
NEW_AIM = 2.0  # `drafter new` renders a template too: Jinja2 is part of its work
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
    ["diff", OLDER, SEED],
    ["new", SEED, "--quiet"],
    ["--help"],
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
        names = {SEED: "SEED", OLDER: "OLDER"}
        shown = " ".join(names.get(a, a) for a in args)
        aim = NEW_AIM if args[0] == "new" else 1.5
        print(f"{elapsed / lark:5.2f}  {elapsed:4.0f} ms  drafter {shown}  (aim {aim})")
        worst = max(worst, elapsed / lark / aim * 1.5)
    print(f"worst ratio, against an aim of 1.5: {worst:.2f}")


if __name__ == "__main__":
    main()
