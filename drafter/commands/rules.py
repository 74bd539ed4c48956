"""`drafter rules`: the catalogue, or one rule explained (as `ruff rule CODE` does)."""

from __future__ import annotations

import json
import sys

from drafter.commands import EXIT_CLEAN, error
from drafter.rules import REGISTRY, Rule


def run(code: str | None, output_format: str = "text") -> int:
    """The catalogue, or the rule `code` explained."""
    text = listing(output_format) if code is None else explain(code, output_format)
    if text is None:
        return error(f"{code}: no such rule (run `drafter rules` for the list)")
    sys.stdout.write(text)
    return EXIT_CLEAN


def _find(code: str) -> type[Rule] | None:
    wanted = code.strip()
    return REGISTRY.get(wanted.upper()) or next(
        (rule for rule in REGISTRY.values() if rule.name == wanted.lower()), None
    )


def _fields(rule: type[Rule]) -> dict[str, str]:
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": str(rule.severity),
        "fixable": rule.fixable or "no",
        "summary": rule.summary,
        "profiles": ", ".join(rule.profiles),
        "languages": ", ".join(rule.languages()),
    }


LANGUAGETOOL = """\
L… (LanguageTool's rules)

With `drafter lint --language-check`, a LanguageTool server checks the grammar and spelling
of each paragraph and footnote; each of its matches is a warning whose code is "L" and the
id of LanguageTool's rule: LFR_SPELLING_RULE, LCOMMA_PARENTHESIS_WHITESPACE, … Select or
ignore them as any other code (`--ignore LFR_SPELLING_RULE`, `--select L`). The server's own
documentation explains each rule. Nothing is sent unless a server is configured.
"""


def listing(output_format: str) -> str:
    rules = [REGISTRY[code] for code in sorted(REGISTRY)]
    if output_format == "json":
        return json.dumps([_fields(rule) for rule in rules], ensure_ascii=False, indent=2) + "\n"
    width = max(len(rule.name) for rule in rules)
    lines = [f"{'code':5} {'name':{width}} {'severity':8} {'fix':6} summary"]
    for rule in rules:
        f = _fields(rule)
        lines.append(
            f"{f['code']:5} {f['name']:{width}} {f['severity']:8} {f['fixable']:6} {f['summary']}"
        )
    lines.append(
        f"{'L…':5} {'languagetool':{width}} {'warning':8} {'opt-in':6} "
        "Grammar and spelling, with --language-check (drafter rules L)."
    )
    return "\n".join(lines) + "\n"


def explain(code: str, output_format: str) -> str | None:
    rule = _find(code)
    if rule is None and code.strip().upper().startswith("L"):
        text = LANGUAGETOOL
        return (
            json.dumps({"code": code, "explanation": text}) + "\n"
            if output_format == "json"
            else text
        )
    if rule is None:
        return None
    if output_format == "json":
        return (
            json.dumps(
                {**_fields(rule), "explanation": rule.explanation()}, ensure_ascii=False, indent=2
            )
            + "\n"
        )
    f = _fields(rule)
    head = f"{f['code']} ({f['name']})\n\nSeverity: {f['severity']}. Fix: {f['fixable']}. "
    head += f"Profiles: {f['profiles']}. Languages: {f['languages']}.\n\n"
    return head + rule.explanation() + "\n"
