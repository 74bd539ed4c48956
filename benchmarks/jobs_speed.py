"""`drafter lint DIR` over 1,000 resolution-sized files: wall time with --jobs 1 and --jobs 2,
and whether both print the same report. Prints figures; asserts nothing.
Run: python benchmarks/jobs_speed.py [--documents N] [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from lint_speed import corpus
from timing import drafter_command


def timed(command: list[str]) -> tuple[float, bytes]:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=False)
    return time.perf_counter() - start, done.stdout


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--documents", type=int, default=1000)
    options.add_argument("--runs", type=int, default=3)
    arguments = options.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for number, text in enumerate(corpus(arguments.documents)):
            Path(folder, f"draft-{number:04}.txt").write_text(text, encoding="utf-8")
        reports: dict[int, set[bytes]] = {1: set(), 2: set()}
        times: dict[int, list[float]] = {1: [], 2: []}
        for _ in range(arguments.runs):
            for jobs in (1, 2):
                seconds, report = timed(drafter_command("lint", folder, "--jobs", str(jobs)))
                times[jobs].append(seconds)
                reports[jobs].add(report)
    print(f"{arguments.documents} files, median of {arguments.runs} runs:")
    for jobs in (1, 2):
        print(f"  --jobs {jobs}: {statistics.median(times[jobs]):.2f} s")
    same = len(reports[1] | reports[2]) == 1
    print(f"  same report with 1 and 2 jobs: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
