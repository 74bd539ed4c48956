"""The agreed-language corpus at scale (issue 33's aims; prints figures, asserts nothing):

- adding 1,000 seed-sized resolutions with `drafter corpus add` against `drafter lint` of the
  same files, both with a process per core, and lint on one (aim: at most 1.5 times);
- `drafter precedents` on a 40-paragraph draft against a corpus of 20,000 resolutions (aim:
  under 1 s), and the corpus file's size against the text it holds (aim: at most 2 times).
  The 20,000 are the seeds and the English samples, parsed once and varied (years, numbers,
  symbols, a word here and there), stored through drafter's own store.

Run: python benchmarks/corpus_speed.py [--documents N] [--runs N]
"""

from __future__ import annotations

import argparse
import random
import re
import shlex
import tempfile
import time
from pathlib import Path

from lint_speed import corpus as seed_texts
from timing import ENGLISH, SEEDS, cold_ms, drafter_command

WORDS = ("also", "further", "strongly", "fully", "effectively", "urgently", "duly", "notably")


def varied(paragraphs: list, seed: int) -> list:
    """The paragraphs of a resolution of another year: figures moved, a word added here and
    there."""
    from drafter.corpus.texts import Paragraph

    rng = random.Random(seed)
    shift = rng.randint(1, 60)

    def moved(match: re.Match[str]) -> str:
        return str(int(match.group()) + shift)

    found = []
    for paragraph in paragraphs:
        text = re.sub(r"\b\d{2,4}\b", moved, paragraph.text)
        if rng.random() < 0.3:
            words = text.split()
            words.insert(rng.randrange(len(words) + 1), rng.choice(WORDS))
            text = " ".join(words)
        found.append(Paragraph(paragraph.part, paragraph.number, paragraph.label, text))
    return found


def build(path: Path, documents: int) -> int:
    """A corpus of `documents` resolutions at `path`; the characters of text it holds."""
    from drafter.corpus.store import open_corpus
    from drafter.corpus.texts import Text, text_of
    from drafter.parser import parse_text

    sources = [*SEEDS.glob("*.txt"), *ENGLISH.glob("*.txt")]
    models = [text_of(parse_text(p.read_text(encoding="utf-8")), p.name) for p in sources]
    corpus = open_corpus(path, create=True)
    held = 0
    for number in range(documents):
        model = models[number % len(models)]
        paragraphs = varied(model.paragraphs, number)
        held += sum(len(p.text) for p in paragraphs)
        symbol = f"A/RES/{1 + number // 400}/{number % 400 + 1}"
        text = Text(symbol, model.language, 1 + number // 400, "2000-01-01", paragraphs)
        corpus.add(text, f"synthetic/{number}", f"{number:016x}")
    corpus.close()
    return held


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--documents", type=int, default=20_000)
    options.add_argument("--runs", type=int, default=3)
    arguments = options.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        files = folder / "files"
        files.mkdir()
        for number, text in enumerate(seed_texts(1000)):  # each a resolution of its own
            text = re.sub(r"(?m)^(\d+)/\d+\. ", rf"\g<1>/{1000 + number}. ", text, count=1)
            (files / f"{number:04}.txt").write_text(text, encoding="utf-8")
        added = folder / "added.sqlite"
        add_command = drafter_command("corpus", "add", str(files), "--corpus", str(added))
        add = ["sh", "-c", f"rm -f {shlex.quote(str(added))}* && exec {shlex.join(add_command)}"]
        lint = drafter_command("lint", str(files), "--format", "json")
        one = [*lint, "--jobs", "1"]
        lint_ms, one_ms, add_ms = cold_ms([lint, one, add], arguments.runs)  # each add afresh
        print(
            f"1,000 files, median of {arguments.runs}: corpus add {add_ms / 1000:.1f} s;"
            f" lint {lint_ms / 1000:.1f} s ({add_ms / lint_ms:.2f} times), on one core"
            f" {one_ms / 1000:.1f} s ({add_ms / one_ms:.2f} times); aim: <= 1.5"
        )

        path = folder / "corpus.sqlite"
        start = time.perf_counter()
        held = build(path, arguments.documents)
        built = time.perf_counter() - start
        size = path.stat().st_size
        print(
            f"{arguments.documents:,} resolutions built in {built:.0f} s; file {size / 2**20:.0f}"
            f" MiB for {held / 2**20:.0f} MiB of text: {size / held:.2f} times (aim: <= 2)"
        )
        draft = SEEDS / "fr_78-167_cooperation-sud-sud.txt"  # 44 paragraphs
        command = drafter_command("precedents", str(draft), "--corpus", str(path))
        cold_ms([command], 1)
        (elapsed,) = cold_ms([command], arguments.runs)
        print(f"drafter precedents, 44 paragraphs: {elapsed / 1000:.2f} s (aim: < 1 s)")


if __name__ == "__main__":
    main()
