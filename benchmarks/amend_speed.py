"""`drafter amend` and `drafter apply` against `drafter diff` on the same two texts, cold, side by
side (aim, issue 32: each within 1.5 times the diff): the seed 78/167 (24 KB) and the draft
`drafter new` makes of it (a few changes), and 62/209 against 78/167 (sixteen years apart:
dozens of amendments), each with the amendment document that turns one into the other.
Prints figures; asserts nothing. Run: python benchmarks/amend_speed.py [--runs N]
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from pathlib import Path

from timing import SEED_78, SEEDS, cold_ms, drafter_command

SEED_62 = SEEDS / "fr_62-209_cooperation-sud-sud.txt"


def compare(name: str, old: Path, new: Path, folder: Path, runs: int) -> None:
    amendment = folder / "amendment.txt"
    made = subprocess.run(
        drafter_command("amend", str(old), str(new)), capture_output=True, text=True
    )
    amendment.write_text(made.stdout, encoding="utf-8")
    count = sum(1 for block in made.stdout.split("\n\n") if block[:1].isdigit())
    commands = {
        "diff": drafter_command("diff", str(old), str(new)),
        "amend": drafter_command("amend", str(old), str(new)),
        "apply": drafter_command("apply", str(old), str(amendment)),
    }
    cold_ms(list(commands.values()), 1)  # grammars compiled, caches filled
    times = dict(zip(commands, cold_ms(list(commands.values()), runs), strict=True))
    print(f"{name}: {count} amendments")
    print(f"  cold `drafter diff`: {times['diff']:.0f} ms (median of {runs})")
    for command in ("amend", "apply"):
        ratio = times[command] / times["diff"]
        shown = f"{times[command]:.0f} ms, {ratio:.2f} times the diff"
        print(f"  cold `drafter {command}`: {shown} (aim: <= 1.5)")


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--runs", type=int, default=10)
    runs = options.parse_args().runs
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        draft = folder / "draft.txt"
        subprocess.run(drafter_command("new", str(SEED_78), "-q", "-o", str(draft)), check=True)
        compare("78/167 (24 KB) and its next draft", SEED_78, draft, folder, runs)
        compare("62/209 and 78/167", SEED_62, SEED_78, folder, runs)


if __name__ == "__main__":
    main()
