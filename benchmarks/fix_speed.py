"""`--fix` on a text with thousands of fixes, against a plain lint of it: the cost of fixing
must grow with the number of fixes, not with its square.

The text: the seed 78/167 with short preambular paragraphs added, each ending with a
semicolon (P001, a safe fix: a preambular paragraph ends with a comma). Prints figures;
asserts nothing. Run: python benchmarks/fix_speed.py [--copies N ...]
"""

from __future__ import annotations

import argparse

from timing import SEED_78, seconds


def text_with_fixes(copies: int) -> str:
    seed = SEED_78.read_text(encoding="utf-8")
    head, organ, rest = seed.partition("L'Assemblée générale,\n")
    return head + organ + "\nNotant avec satisfaction le rapport ;\n" * copies + rest


def main() -> None:
    from drafter.config import Settings
    from drafter.lint import fix_text, lint_text

    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--copies", type=int, nargs="+", default=[2000, 4000, 8000])
    settings = Settings()
    lint_text(text_with_fixes(1), settings)  # warm-up: grammars loaded
    for copies in options.parse_args().copies:
        text = text_with_fixes(copies)
        findings = lint_text(text, settings)[1]
        fixes = sum(1 for f in findings if f.fix and f.fix.safe)
        lint = seconds(lambda text=text: lint_text(text, settings))
        fix = seconds(lambda text=text, found=findings: fix_text(text, found, settings, "-", False))
        print(
            f"{len(text) // 1024:5} KiB, {fixes:5} fixes: lint {lint:.2f} s, "
            f"--fix {fix:.2f} s ({fix / lint:.1f} lints)"
        )


if __name__ == "__main__":
    main()
