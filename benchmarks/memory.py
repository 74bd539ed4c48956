"""Peak memory of `drafter lint` on a 10 MB text (aim, issue 31: under 20 times the text's
size): the seed's operative paragraphs repeated and numbered on, to 10 MB, linted in a process
of its own, whose peak resident size the kernel reports. Prints figures; asserts nothing.
Run: python benchmarks/memory.py
"""

from __future__ import annotations

import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timing import ENVIRONMENT, SEED_78, drafter_command

SIZE = 10 * 1024 * 1024 - 200_000  # just under drafter's limit of 10 MiB
_NUMBERED = re.compile(r"\d+\. ")


def long_text(size: int = SIZE) -> str:
    """A resolution of `size` bytes or so: the seed's heading and closing, around its operative
    paragraphs over and over."""
    lines = SEED_78.read_text(encoding="utf-8").split("\n")
    numbered = [i for i, line in enumerate(lines) if _NUMBERED.match(line)]
    head, tail = lines[: numbered[0]], lines[numbered[-1] + 1 :]
    paragraphs = [lines[i].split(" ", 1)[1] for i in numbered]
    body, total, number = [], sum(len(line) for line in head + tail), 0
    while total < size:
        number += 1
        body.append(f"{number}. {paragraphs[number % len(paragraphs)]}")
        total += len(body[-1].encode("utf-8")) + 2
    return "\n".join([*head, "\n\n".join(body), *tail])


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "long.txt"
        path.write_text(long_text(), encoding="utf-8")
        size = path.stat().st_size
        command = drafter_command("lint", str(path), "--format", "json", "--quiet")
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, env=ENVIRONMENT, check=False)
        elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024  # kilobytes on Linux
    print(f"text: {size / 2**20:.1f} MiB; lint: {elapsed:.1f} s, peak {peak / 2**20:.0f} MiB")
    print(f"peak / text size: {peak / size:.1f} (aim: < 20)")


if __name__ == "__main__":
    if sys.platform != "linux":
        sys.exit("the peak is read from the kernel's count, as Linux gives it")
    main()
