"""`drafter diff` speed: 78/167 (24 KB) against the draft `drafter new` makes of it (aim: under
100 ms), and texts of 125, 250 and 500 KB built from the seeds' paragraphs, each paragraph
made unique, with a change every few paragraphs (an insertion, an amended word, a swap, a
deletion): the time should grow with the size, not with its square. Prints figures; asserts
nothing. Run: python benchmarks/diff_speed.py [--runs N]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import SEED_78, SEEDS, seconds

from drafter.diff.compare import compare
from drafter.parser import parse_text


def _paragraphs() -> tuple[list[str], list[str]]:
    """The seeds' preambular and operative paragraphs (numbers taken off)."""
    preamble, operative = [], []
    for seed in sorted(SEEDS.glob("fr_*.txt")):
        model = parse_text(seed.read_text(encoding="utf-8"))
        preamble += [p.content.text for p in model.preamble]
        operative += [p.content.text for p in model.operative]
    return preamble, operative


def _text(preamble: list[str], operative: list[str]) -> str:
    frame = SEED_78.read_text(encoding="utf-8")
    head = frame[: frame.index("L'Assemblée générale,")]
    body = "\n\n".join(
        [
            "L'Assemblée générale,",
            *preamble,
            *(f"{n}. {p}" for n, p in enumerate(operative, 1)),
            "49^e séance plénière\n19 décembre 2023",
        ]
    )
    return re.sub(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]", "", head + body) + "\n"


def _versions(size: int) -> tuple[str, str]:
    """Two texts of about `size` bytes: the old, and the new with its changes."""
    preamble, operative = _paragraphs()
    old_pre, old_op, n = [], [], 0
    while len(_text(old_pre, old_op).encode()) < size:
        n += 1
        old_pre += [f"{p.rstrip(',')} (série {n}),".replace(",,", ",") for p in preamble]
        old_op += [f"{p.rstrip(' ;.')} (série {n}) ;" for p in operative]
    old_op[-1] = old_op[-1].rstrip(" ;") + "."
    new_op = list(old_op)
    for i in range(0, len(new_op) - 4, 7):
        if i % 4 == 0:
            new_op.insert(i, f"Décide d'examiner la question numéro {i} à sa prochaine session ;")
        elif i % 4 == 1:
            new_op[i] = new_op[i].replace(" de ", " des ", 1)
        elif i % 4 == 2:
            new_op[i], new_op[i + 1] = new_op[i + 1], new_op[i]
        else:
            del new_op[i]
    return _text(old_pre, old_op), _text(old_pre, new_op)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--runs", type=int, default=5)
    runs = options.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        draft = Path(folder) / "draft.txt"
        subprocess.run(
            [sys.executable, "-m", "drafter", "new", str(SEED_78), "-o", str(draft), "-q"],
            check=True,
        )
        old = parse_text(SEED_78.read_text(encoding="utf-8"))
        new = parse_text(draft.read_text(encoding="utf-8"))
        taken = min(seconds(lambda: compare(old, new)) for _ in range(runs)) * 1000
        print(f"78/167 against its next draft: compared in {taken:.1f} ms (aim: under 100)")
    for size in (125_000, 250_000, 500_000):
        before, after = _versions(size)
        old, new = parse_text(before), parse_text(after)
        taken = min(seconds(lambda o=old, n=new: compare(o, n)) for _ in range(runs))
        count = len(old.paragraphs)
        print(
            f"{len(before.encode()) // 1000:4} KB, {count} paragraphs: compared in"
            f" {taken * 1000:6.0f} ms ({taken * 1e6 / len(before):.2f} µs a character)"
        )


if __name__ == "__main__":
    main()
