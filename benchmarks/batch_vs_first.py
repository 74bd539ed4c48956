"""Batch throughput against the first release (commit 202f956), side by side: `drafter lint DIR
--format json --jobs 1` over the same 1,000 seed-sized French texts and over the real English
samples (repeated to 1,000 files), each command installed in its own virtual environment, the
two run in turn. Aim (issue 31): 1.5 times the first release's documents per second.

The first release is checked out with `git worktree add` into a folder of its own (by default
next to the system's temporary files) and installed there once, with pip, in its own venv.
It knew no English: on the English texts its figure is how fast it got through them, not the
same work. Prints figures; asserts nothing.
Run: python benchmarks/batch_vs_first.py [--runs N] [--first DIR]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lint_speed import corpus
from timing import ENGLISH

FIRST_RELEASE = "202f956"
FIRST_FOLDER = Path(tempfile.gettempdir()) / "drafter-first"  # its checkout and venv
REPOSITORY = Path(__file__).resolve().parent.parent


def first_release(folder: Path) -> Path:
    """The `drafter` command of the first release, checked out and installed in `folder`."""
    command = folder / ".venv" / "bin" / "drafter"
    if command.exists():
        return command
    if not folder.exists():
        subprocess.run(
            [
                "git",
                "-C",
                str(REPOSITORY),
                "worktree",
                "add",
                "--detach",
                str(folder),
                FIRST_RELEASE,
            ],
            check=True,
        )
    subprocess.run([sys.executable, "-m", "venv", str(folder / ".venv")], check=True)
    pip = folder / ".venv" / "bin" / "pip"
    subprocess.run([str(pip), "install", "--quiet", "-e", str(folder)], check=True)
    return command


def files(folder: Path, texts: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number, text in enumerate(texts):
        (folder / f"{number:04}.txt").write_text(text, encoding="utf-8")
    return folder


def seconds(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def compare(name: str, folder: Path, ours: str, first: str, runs: int) -> None:
    count = len(list(folder.glob("*.txt")))
    arguments = ["lint", str(folder), "--format", "json", "--jobs", "1"]
    times: dict[str, list[float]] = {ours: [], first: []}
    seconds([ours, *arguments])  # warm-up: grammars compiled and cached
    seconds([first, *arguments])
    for _ in range(runs):  # in turn, so that a slow spell of the machine weighs on both
        for command in (ours, first):
            times[command].append(seconds([command, *arguments]))
    now, then = statistics.median(times[ours]), statistics.median(times[first])
    print(f"{name}: {count} files, median of {runs} runs, one core")
    print(f"  this checkout: {now:.2f} s, {count / now:.0f} documents per second")
    print(f"  first release: {then:.2f} s, {count / then:.0f} documents per second")
    print(f"  ratio of throughputs: {then / now:.2f} (aim: >= 1.5)")


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--runs", type=int, default=3)
    options.add_argument("--first", type=Path, default=FIRST_FOLDER)
    arguments = options.parse_args()
    ours = shutil.which("drafter")
    if ours is None:
        sys.exit("install this checkout first (pip install -e .): no drafter command on PATH")
    first = str(first_release(arguments.first))
    with tempfile.TemporaryDirectory() as folder:
        french = files(Path(folder) / "fr", corpus(1000))
        samples = [path.read_text(encoding="utf-8") for path in sorted(ENGLISH.glob("*.txt"))]
        english = files(Path(folder) / "en", [samples[n % len(samples)] for n in range(1000)])
        compare("French (seed-sized)", french, ours, first, arguments.runs)
        compare("English (real samples)", english, ours, first, arguments.runs)


if __name__ == "__main__":
    main()
