"""Parse speed of the 78/167 seed: warm time per document, and cold start of `drafter parse`;
then paragraphs made of one piece of markup repeated, at two sizes: parsing must stay linear
(the second figure about four times the first), however the markup is left unclosed.

Prints figures; it asserts nothing (timings belong here, not in the tests).
Run: python benchmarks/parse_speed.py [--runs N]
"""

from __future__ import annotations

import argparse
import time

from timing import SEED_78 as SEED
from timing import cold_against_lark


def warm_ms_per_document(runs: int) -> float:
    from drafter.parser import parse_text

    text = SEED.read_text(encoding="utf-8")
    for _ in range(5):  # warm-up: grammars compiled or loaded, caches filled
        parse_text(text)
    start = time.perf_counter()
    for _ in range(runs):
        parse_text(text)
    return (time.perf_counter() - start) / runs * 1000


# Markup opened and never closed: a regex that read each to the end of the line would be
# quadratic on these.
ADVERSARIAL = ["[", "[[x", "[x](", "A/[[", "*a", "résolution [7/1 ", "¹²", "sa résolution 7/1, "]


def adversarial_ms(piece: str, size: int) -> float:
    from drafter.parser import parse_text

    paragraph = (piece * (size // len(piece)))[:size]
    text = f"L'Assemblée générale,\n\n1. *Décide* {paragraph}.\n"
    start = time.perf_counter()
    parse_text(text)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--runs", type=int, default=20)
    runs = options.parse_args().runs
    print(f"seed: {SEED.name} ({SEED.stat().st_size // 1024} KiB)")
    print(f"warm parse: {warm_ms_per_document(runs * 5):.2f} ms per document (aim: < 10 ms)")
    cold_against_lark(["parse", str(SEED)], runs)
    print("one paragraph of repeated markup, 25 KB and 100 KB:")
    for piece in ADVERSARIAL:
        small, large = adversarial_ms(piece, 25_000), adversarial_ms(piece, 100_000)
        print(f"  {piece!r:22} {small:7.1f} ms {large:8.1f} ms")


if __name__ == "__main__":
    main()
