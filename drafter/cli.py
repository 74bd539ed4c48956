"""The command line (Typer). Each command reads its options and hands over to drafter.commands;
modules are imported inside the commands, so `drafter --help` stays quick. The console script
is drafter.main, which runs the commonest calls without building this app."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from drafter import __version__
from drafter.arguments import is_pair
from drafter.commands import error

app = typer.Typer(
    name="drafter",
    help="Drafting assistant and linter for United Nations General Assembly resolutions.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    # A docstring's paragraphs are rewrapped to the terminal's width; its examples, indented
    # as Markdown's code, keep their lines.
    rich_markup_mode="markdown",
)


class ParseFormat(StrEnum):
    json = "json"
    text = "text"


class DiffFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"
    html = "html"
    docx = "docx"


class Revisions(StrEnum):
    accepted = "accepted"
    rejected = "rejected"


_REVISIONS_HELP = "A Word document's tracked changes: read accepted or rejected."


class LintFormat(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"


class Profile(StrEnum):
    auto = "auto"
    adopted = "adopted"
    draft = "draft"
    extract = "extract"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"drafter {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Drafting assistant and linter for United Nations General Assembly resolutions."""


def fail(path: str | Path, reason: str) -> typer.Exit:
    """One clear line on standard error, and the exit status of a tool that could not work."""
    return typer.Exit(error(f"{path}: {reason}"))


@app.command()
def parse(
    path: Annotated[str, typer.Argument(help="A resolution text, or - for standard input.")],
    output_format: Annotated[
        ParseFormat, typer.Option("--format", "-f", help="json (the model) or text (a summary).")
    ] = ParseFormat.json,
    language: Annotated[str, typer.Option(help="Language of the text: auto, fr or en.")] = "auto",
    revisions: Annotated[Revisions, typer.Option(help=_REVISIONS_HELP)] = Revisions.accepted,
) -> None:
    """Print the document model of a resolution.

    Example:

    ```
    drafter parse seeds/fr_78-167_cooperation-sud-sud.txt --format json
    ```
    """
    from drafter.commands.parse import run

    raise typer.Exit(run(path, output_format.value, language, revisions.value))


@app.command()
def text(
    path: Annotated[
        str, typer.Argument(help="A resolution: text, PDF, Word, or - for standard input.")
    ],
    revisions: Annotated[Revisions, typer.Option(help=_REVISIONS_HELP)] = Revisions.accepted,
) -> None:
    r"""Print the text drafter reads from a file, in drafter's text form.

    For a PDF, what drafter made of its pages (italics as \*…\*, calls as superscripts,
    footnotes after their paragraph): keep it, edit it, lint it.

    Example:

    ```
    drafter text A_RES_80_96.pdf > 80-96.txt
    ```
    """
    from drafter.commands.text import run

    raise typer.Exit(run(path, revisions.value))


Codes = Annotated[
    list[str] | None,
    typer.Option(help="Rule codes or prefixes, comma-separated (S, P001, ALL); repeatable."),
]


@app.command()
def lint(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files, directories (*.txt and *.md inside), or - for standard input."),
    ] = None,
    output_format: Annotated[
        LintFormat, typer.Option("--format", "-f", help="text, json, sarif or github.")
    ] = LintFormat.text,
    select: Codes = None,
    ignore: Codes = None,
    extend_select: Codes = None,
    fix: Annotated[bool, typer.Option(help="Apply the safe fixes to the files.")] = False,
    unsafe_fixes: Annotated[
        bool, typer.Option(help="Apply unsafe fixes too (they may change meaning).")
    ] = False,
    diff: Annotated[bool, typer.Option(help="Show the fixes as a diff; write nothing.")] = False,
    profile: Annotated[
        Profile | None,
        typer.Option(
            help="auto (from the text), adopted, draft, or extract (an adopted text "
            "without its heading and closing, as corpora give it)."
        ),
    ] = None,
    language: Annotated[
        str | None, typer.Option(help="Language of the texts: auto, fr or en.")
    ] = None,
    statistics: Annotated[bool, typer.Option(help="Count findings per rule.")] = False,
    strict: Annotated[bool, typer.Option(help="Warnings fail the run too.")] = False,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Processes to lint with (default: one per core)."),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print the findings only: no summary.")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Say what is linted, on standard error.")
    ] = False,
    language_check: Annotated[
        bool | None,
        typer.Option(
            "--language-check/--no-language-check",
            help="Grammar and spelling through a LanguageTool server (codes L…).",
        ),
    ] = None,
    language_server: Annotated[
        str | None,
        typer.Option(
            help="LanguageTool server URL; `public` for LanguageTool's public API (the text "
            "is sent there), `local` for language-tool-python's own. Default: "
            "$DRAFTER_LANGUAGETOOL_URL, then the configuration; none: nothing is sent."
        ),
    ] = None,
    fix_language: Annotated[
        bool, typer.Option(help="Let --fix apply LanguageTool's single suggestions.")
    ] = False,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Ask LanguageTool again, even for known text.")
    ] = False,
    revisions: Annotated[Revisions | None, typer.Option(help=_REVISIONS_HELP)] = None,
) -> None:
    """Check resolution texts against the drafting conventions.

    Examples:

    ```
    drafter lint draft.txt
    drafter lint drafts/ --select P,V --ignore V005
    drafter lint draft.txt --fix
    drafter lint draft.txt --format sarif > drafter.sarif
    drafter lint drafts/ --jobs 4 --quiet
    drafter lint draft.txt --language-check --language-server http://localhost:8010
    ```
    """
    from drafter.commands.lint import command

    raise typer.Exit(
        command(
            paths=paths,
            output_format=output_format.value,
            select=select,
            ignore=ignore,
            extend_select=extend_select,
            fix=fix,
            unsafe_fixes=unsafe_fixes,
            diff=diff,
            profile=profile.value if profile else None,
            language=language,
            statistics=statistics,
            strict=strict,
            jobs=jobs,
            quiet=quiet,
            verbose=verbose,
            language_check=language_check,
            language_server=language_server,
            fix_language=fix_language,
            no_cache=no_cache,
            revisions=revisions.value if revisions else None,
        )
    )


@app.command()
def new(
    previous: Annotated[str, typer.Argument(help="The previous resolution of the series.")],
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="Write the draft here (else stdout).")
    ] = None,
    session: Annotated[
        int | None,
        typer.Option(help="The new session (default: the one the previous text names).", min=1),
    ] = None,
    values: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            help="Fill a placeholder: number, adopted_on, issued_on, meeting, agenda_item.",
            metavar="KEY=VALUE",
        ),
    ] = None,
    template: Annotated[
        str | None, typer.Option(help="A Jinja2 template of your own (default: templates/).")
    ] = None,
    force: Annotated[bool, typer.Option(help="Overwrite the output file.")] = False,
    language: Annotated[
        str, typer.Option(help="Language of the previous text: auto, en or fr.")
    ] = "auto",
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No summary on standard error.")
    ] = False,
    revisions: Annotated[Revisions, typer.Option(help=_REVISIONS_HELP)] = Revisions.accepted,
) -> None:
    r"""Draft next session's resolution from the previous one.

    Sessions move on, the recall list gains the previous resolution, what only a human can
    know becomes a \[\[placeholder]] (drafter lint reports each one), and events now past
    are marked. A summary and the placeholders left go to standard error.

    Examples:

    ```
    drafter new seeds/fr_78-167_cooperation-sud-sud.txt -o draft-79.txt
    drafter new previous.txt --session 80 --set number=212 --set meeting=52
    drafter new A_RES_79_236.pdf -o draft-80.docx   (every change a tracked change)
    ```
    """
    from drafter.commands.new import NewOptions, given_values, run

    for value in values or []:
        if not is_pair(value):
            raise fail("--set", f"{value!r} is not KEY=VALUE")
    options = NewOptions(
        previous,
        output,
        session,
        given_values(values),
        template,
        force,
        quiet,
        language,
        revisions.value,
    )
    raise typer.Exit(run(options))


@app.command()
def diff(
    old_path: Annotated[
        str, typer.Argument(metavar="OLD", help="The earlier version: text, PDF or Word.")
    ],
    new_path: Annotated[
        str, typer.Argument(metavar="NEW", help="The later version: text, PDF or Word.")
    ],
    output_format: Annotated[
        DiffFormat,
        typer.Option(
            "--format", "-f", help="text, markdown (a table), json, html or docx (a redline)."
        ),
    ] = DiffFormat.text,
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="Write it here (else stdout).")
    ] = None,
    force: Annotated[bool, typer.Option(help="Overwrite the output file.")] = False,
    language: Annotated[str, typer.Option(help="Language of both texts: auto, en or fr.")] = "auto",
    revisions: Annotated[Revisions, typer.Option(help=_REVISIONS_HELP)] = Revisions.accepted,
    corpus: Annotated[
        str | None,
        typer.Option(help="A corpus (drafter corpus): show where the new words were adopted."),
    ] = None,
) -> None:
    """Show what changed from one version of a resolution to another, paragraph by paragraph.

    Paragraphs are paired by their content, not their number: one inserted early does not
    make every later one "changed", and a paragraph that moved is reported as moved. Each is
    unchanged, amended (the words shown), new, deleted or moved, and technical (sessions,
    dates, symbols, the recall list, placeholders) or substantive. Exit status as diff's:
    0 no change, 1 changes, 2 trouble.

    Examples:

    ```
    drafter diff 78-167.txt draft-79.txt
    drafter diff A_RES_78_167.pdf draft.docx --format markdown > changes.md
    drafter diff old.txt new.txt --format html -o changes.html
    ```
    """
    from drafter.commands.diff import run

    raise typer.Exit(
        run(
            old_path,
            new_path,
            output_format.value,
            output,
            force,
            language,
            revisions.value,
            corpus,
        )
    )


class AmendFormat(StrEnum):
    text = "text"
    json = "json"
    docx = "docx"


@app.command()
def amend(
    old_path: Annotated[
        str, typer.Argument(metavar="OLD", help="The draft as tabled: text, PDF or Word.")
    ],
    new_path: Annotated[
        str, typer.Argument(metavar="NEW", help="The draft as you want it: text, PDF or Word.")
    ],
    sponsors: Annotated[
        str | None, typer.Option("--by", help='Who submits it: "Sweden", "Denmark, Norway".')
    ] = None,
    output_format: Annotated[
        AmendFormat,
        typer.Option("--format", "-f", help="text (the document), json, or docx (in Word)."),
    ] = AmendFormat.text,
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="Write it here (else stdout).")
    ] = None,
    force: Annotated[bool, typer.Option(help="Overwrite the output file.")] = False,
    language: Annotated[str, typer.Option(help="Language of both texts: auto, en or fr.")] = "auto",
) -> None:
    """Write the amendment document that turns OLD into NEW, in the General Assembly's form.

    Numbered amendments in the order of the draft, each quoting the draft's words exactly,
    as few as name one place: "In operative paragraph 5, replace “encourages” with “calls
    upon”.", "Delete the third preambular paragraph.", "After operative paragraph 3, insert a
    new paragraph reading: …". Paragraph numbers are always OLD's; `drafter apply`
    renumbers. Changes to the heading, footnotes or closing are named on standard error, not
    written.

    Examples:

    ```
    drafter amend L.20.txt L.20-ours.txt --by Sweden -o amendment.txt
    drafter apply L.20.txt amendment.txt
    ```
    """
    from drafter.commands.amend import run_amend

    raise typer.Exit(
        run_amend(old_path, new_path, sponsors, output_format.value, output, force, language)
    )


@app.command(name="apply")
def apply_command(
    draft_path: Annotated[
        str, typer.Argument(metavar="DRAFT", help="The draft: text, PDF or Word.")
    ],
    amendment_paths: Annotated[
        list[str],
        typer.Argument(metavar="AMENDMENT...", help="Amendment documents, applied together."),
    ],
    only: Annotated[
        str | None,
        typer.Option(help="Apply only these amendments of each document: --only 1,3."),
    ] = None,
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="Write it here (else stdout).")
    ] = None,
    force: Annotated[bool, typer.Option(help="Overwrite the output file.")] = False,
    language: Annotated[str, typer.Option(help="Language of the draft: auto, en or fr.")] = "auto",
) -> None:
    """Carry out amendments on a draft: the amended text, its operative paragraphs renumbered.

    Each amendment names paragraphs by the draft's own numbers, as the UN's do; references
    to renumbered paragraphs ("paragraph 5 above") follow them. Words an amendment quotes
    that are not in the paragraph it names, a paragraph the draft does not have, or two
    amendments that change the same words stop it: the message names the amendment and
    what the paragraph says, nothing is written, and the exit status is 2.

    Examples:

    ```
    drafter apply L.20.txt L.70.pdf -o L.20-amended.txt
    drafter apply L.20.txt L.70.txt L.71.txt --only 1,3
    ```
    """
    from drafter.commands.amend import run_apply

    raise typer.Exit(run_apply(draft_path, amendment_paths, only, output, force, language))


corpus_app = typer.Typer(
    help="A local corpus of adopted texts, for `drafter precedents`.", no_args_is_help=True
)
app.add_typer(corpus_app, name="corpus")
_CORPUS_HELP = "The corpus file (default: `corpus` in the configuration, else the user's)."


@corpus_app.command("add")
def corpus_add(
    paths: Annotated[
        list[str], typer.Argument(metavar="PATH...", help="Resolutions, or folders of them.")
    ],
    corpus: Annotated[str | None, typer.Option(help=_CORPUS_HELP)] = None,
) -> None:
    """Add resolutions (text, Markdown, PDF, Word; folders read through) to the corpus.

    The same file again changes nothing; another file of a symbol already there replaces it.
    Files that cannot be read are named, with the reason, and the others are added (exit 2).
    """
    from drafter.commands.corpus import run_add

    raise typer.Exit(run_add(paths, corpus))


@corpus_app.command("list")
def corpus_list(corpus: Annotated[str | None, typer.Option(help=_CORPUS_HELP)] = None) -> None:
    """The documents of the corpus: symbol, language, date, paragraphs, file."""
    from drafter.commands.corpus import run_list

    raise typer.Exit(run_list(corpus))


@corpus_app.command("remove")
def corpus_remove(
    symbols: Annotated[list[str], typer.Argument(metavar="SYMBOL...", help="As `list` shows.")],
    corpus: Annotated[str | None, typer.Option(help=_CORPUS_HELP)] = None,
) -> None:
    """Remove documents from the corpus, by symbol."""
    from drafter.commands.corpus import run_remove

    raise typer.Exit(run_remove(symbols, corpus))


@corpus_app.command("stats")
def corpus_stats(corpus: Annotated[str | None, typer.Option(help=_CORPUS_HELP)] = None) -> None:
    """How many documents and paragraphs, by language, and the file's size."""
    from drafter.commands.corpus import run_stats

    raise typer.Exit(run_stats(corpus))


class PrecedentsFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"
    html = "html"


@app.command()
def precedents(
    draft_path: Annotated[
        str, typer.Argument(metavar="DRAFT", help="The draft: text, PDF or Word.")
    ],
    corpus: Annotated[str | None, typer.Option(help=_CORPUS_HELP)] = None,
    output_format: Annotated[
        PrecedentsFormat, typer.Option("--format", "-f", help="text, markdown, json or html.")
    ] = PrecedentsFormat.text,
) -> None:
    """Where each paragraph of a draft was adopted before: agreed language, or new.

    For each preambular and operative paragraph (and subparagraph), the closest earlier
    paragraphs of the corpus, best first, and a verdict: verbatim, technical (only years,
    numbers, symbols, sessions, dates differ), modified (the words changed shown) or new.
    A paragraph's own document and later ones never count.

    Examples:

    ```
    drafter corpus add resolutions/
    drafter precedents draft.docx
    ```
    """
    from drafter.commands.corpus import run_precedents

    raise typer.Exit(run_precedents(draft_path, corpus, output_format.value))


@app.command()
def serve(
    port: Annotated[int, typer.Option(help="The port.")] = 8765,
    host: Annotated[
        str, typer.Option(help="The address; another than 127.0.0.1 opens it to the network.")
    ] = "127.0.0.1",
    open_browser: Annotated[bool, typer.Option("--open", help="Open it in the browser.")] = False,
    limit_mb: Annotated[int, typer.Option("--limit-mb", help="The largest upload, in MB.")] = 20,
    corpus: Annotated[
        str | None,
        typer.Option(help="The corpus of the Agreed language page (default: as precedents)."),
    ] = None,
) -> None:
    """A local web page: check a draft (and download it fixed), compare two versions, make
    next year's draft, write and apply amendments, find the agreed language.

    It runs on this computer only (127.0.0.1) and keeps nothing: drafts under negotiation
    stay here. Ctrl-C stops it.
    """
    from drafter.commands.serve import run

    raise typer.Exit(run(host, port, open_browser, limit_mb, corpus))


@app.command()
def rules(
    code: Annotated[str | None, typer.Argument(help="A rule code (or name) to explain.")] = None,
    output_format: Annotated[
        ParseFormat, typer.Option("--format", "-f", help="text or json.")
    ] = ParseFormat.text,
) -> None:
    """List the rules, or explain one.

    Examples:

    ```
    drafter rules
    drafter rules P002
    ```
    """
    from drafter.commands.rules import run

    raise typer.Exit(run(code, output_format.value))
