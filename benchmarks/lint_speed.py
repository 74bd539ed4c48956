"""Lint throughput on one core over a corpus it builds, the warm lint of a French and an
English resolution of about the same size, and cold start of `drafter lint`.

The corpus: 1,000 resolution-sized texts made from the two seeds, each with a few random
paragraphs dropped, duplicated or broken (a verb out of italics, a wrong end, a year
shifted), so that the rules have findings to report. It is linted in several passes, and the
best pass is the figure (as `timeit` takes the best of its repeats: the one a busy machine
slowed least); the median is printed beside it. Prints figures; asserts nothing.
Run: python benchmarks/lint_speed.py [--documents N] [--passes N] [--runs N]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

from timing import ENGLISH, SEED_78, SEEDS, cold_against_lark, seconds


def corpus(size: int) -> list[str]:
    seeds = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    texts = []
    for number in range(size):
        chance = random.Random(number)
        blocks = seeds[number % len(seeds)].split("\n\n")
        for _ in range(chance.randint(0, 6)):
            at = chance.randrange(len(blocks))
            action = chance.choice(["drop", "duplicate", "roman", "end", "year"])
            if action == "drop":
                del blocks[at]
            elif action == "duplicate":
                blocks.insert(at, blocks[at])
            elif action == "roman":
                blocks[at] = blocks[at].replace("*", "", 2)
            elif action == "end":
                blocks[at] = blocks[at].rstrip(";,.") + "."
            else:
                blocks[at] = blocks[at].replace("20", "19", 1)
        texts.append("\n\n".join(blocks))
    return texts


def lint_pass(texts: list[str]) -> tuple[float, int, int]:
    """Lint every text once: seconds taken, findings, and texts refused as no resolution."""
    from drafter.config import Settings
    from drafter.lint import lint_text
    from drafter.parser import NotAResolution

    settings = Settings()
    findings = refused = 0
    start = time.perf_counter()
    for text in texts:
        try:
            findings += len(lint_text(text, settings)[1])
        except NotAResolution:
            refused += 1
    return time.perf_counter() - start, findings, refused


def warm_ms(path: Path, runs: int) -> float:
    """Warm lint time of one file, in milliseconds: the best of `runs` rounds of 50."""
    from drafter.config import Settings
    from drafter.lint import lint_text

    text, settings = path.read_text(encoding="utf-8"), Settings()
    lint_text(text, settings)  # warm-up: grammars loaded
    return (
        min(seconds(lambda: [lint_text(text, settings) for _ in range(50)]) for _ in range(runs))
        * 20
    )


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--documents", type=int, default=1000)
    options.add_argument("--passes", type=int, default=5)
    options.add_argument("--runs", type=int, default=20)
    arguments = options.parse_args()

    texts = corpus(arguments.documents)
    lint_pass(texts[:1])  # warm-up: grammars loaded
    passes = [lint_pass(texts) for _ in range(arguments.passes)]
    _, findings, refused = passes[0]
    rates = [len(texts) / elapsed for elapsed, _, _ in passes]
    size = sum(map(len, texts)) / len(texts) / 1024
    print(f"corpus: {len(texts)} texts of {size:.0f} KiB on average; {findings} findings")
    if refused:
        print(f"  ({refused} texts were no longer resolutions)")
    print(
        f"lint, one core: {max(rates):.0f} documents per second, best of {len(rates)} passes "
        f"(median {statistics.median(rates):.0f}; aim: >= 300)"
    )
    # Two real resolutions of about the same size, one in each language.
    for path in (SEEDS / "fr_62-209_cooperation-sud-sud.txt", ENGLISH / "en_ES-11-1.txt"):
        size = path.stat().st_size / 1024
        print(f"lint of {path.name} ({size:.1f} KiB), warm: {warm_ms(path, 10):.2f} ms")
    cold_against_lark(["lint", str(SEED_78)], arguments.runs)


if __name__ == "__main__":
    main()
