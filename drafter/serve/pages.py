"""The pages' answers, one function a form: each calls what the command line calls
(`lint_file`, the fixes' writer, `compare` and the diff's formats, `next_draft`, the amendment
and precedents functions) on the uploads, as files for the time of the request."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.datastructures import FormData
from starlette.responses import Response

from drafter.model import PLACEHOLDER
from drafter.serve.forms import (
    DOWNLOADS,
    KNOWN,
    Problem,
    Upload,
    all_sent_back,
    as_files,
    choices_in,
    download,
    download_name,
    known_in,
    named_in,
    pair,
    sent_back,
    session_in,
    upload_in,
    uploads_in,
    wanted_download,
)
from drafter.serve.render import page

LANGUAGE_NAMES = {"en": "English", "fr": "French"}


def check(form: FormData) -> Response:
    upload = upload_in(form, "file", pasted="text")
    language, profile = choices_in(form)
    result, text = _linted(upload, language, profile, fix=False)
    if result.error:
        return page("result.html.j2", name=upload.name, error=result.error)
    fixable = sum(1 for f in result.findings if f.fix is not None and f.fix.safe)
    return page(
        "result.html.j2",
        name=upload.name,
        error=None,
        lines=_lines(text, result.findings),
        findings=result.findings,
        read_as=_read_as(result.resolution, profile),
        fixable=fixable,
        explanations=_explanations(result.findings),
        upload=upload,
        language=language,
        profile=profile,
    )


def fix(form: FormData) -> Response:
    """The file with its safe fixes, as `drafter lint --fix` writes it; a Word document with
    them as tracked changes, a PDF's text as drafter's text form."""
    from drafter.writers.fixed import fixed_file

    upload = sent_back(form, "document", "name")
    language, profile = choices_in(form)
    result, _ = _linted(upload, language, profile, fix=True)
    if result.error:
        raise Problem(f"{upload.name}: {result.error}")
    if not result.changed:
        raise Problem(f"{upload.name}: there is nothing drafter can fix safely")
    fixed = fixed_file(result)
    return download(fixed.data, download_name(upload.name, "fixed", fixed.suffix))


def compare_versions(form: FormData) -> Response:
    """Both versions side by side, as `drafter diff --format html` shows them; or, asked for
    with `download`, the summary table (Markdown) or the redline (Word) of `drafter diff`."""
    from drafter.diff.compare import CannotCompare, compare
    from drafter.diff.redline import CannotRedline

    old, new = pair(form, "old", "new")
    wanted = wanted_download(form, ("markdown", "docx"))
    with as_files(old, new) as (old_path, new_path):
        (old_source, old_model), (_, new_model) = (
            _resolution(old, old_path),
            _resolution(new, new_path),
        )
        try:
            comparison = compare(old_model, new_model)
            if wanted == "docx":
                from drafter.commands.diff import redline_document

                data = redline_document(comparison, old_source, str(old_path))
            elif wanted == "markdown":
                from drafter.diff.formats import to_markdown

                data = to_markdown(comparison, old.name, new.name).encode("utf-8") + b"\n"
            else:
                from drafter.diff.html import STYLE, side_by_side

                table = side_by_side(comparison, old.name, new.name)
                return page("compared.html.j2", old=old, new=new, table=table, style=STYLE)
        except (CannotCompare, CannotRedline) as problem:
            raise Problem(str(problem)) from None
    suffix = DOWNLOADS[wanted][0]
    return download(
        data, download_name(new.name, "redline" if wanted == "docx" else "changes", suffix)
    )


def next_year(form: FormData) -> Response:
    """Next session's draft, as `drafter new` makes it: the page with its placeholders marked,
    or, asked for with `download`, the text or the Word document with every change tracked."""
    from drafter.commands.new import next_draft, word_document

    if form.get("document"):
        previous = sent_back(form, "document", "name")
    else:
        previous = upload_in(form, "previous")
    session, known = session_in(form), known_in(form)
    wanted = wanted_download(form, ("text", "docx"))
    with as_files(previous) as [path]:
        made = next_draft(str(path), session=session, values=known)
        if isinstance(made, str):
            raise Problem(named_in(made, (path, previous)))
        if wanted == "docx":
            data = word_document(made)
    if not wanted:
        lines = [_placeholders(line) for line in made.text.split("\n")]
        return page(
            "drafted.html.j2",
            previous=previous,
            session=session or "",
            known=known,
            fields=KNOWN,
            summary=[_said_for_the_page(line) for line in made.planned.summary],
            lines=lines,
            placeholders=sum(marked for pieces in lines for _, marked in pieces),
        )
    if wanted == "text":
        data = made.text.encode("utf-8")
    return download(data, download_name(previous.name, "next", DOWNLOADS[wanted][0]))


def _said_for_the_page(line: str) -> str:
    """A line of `drafter new`'s summary, its command-line option named as the page's field."""
    return line.replace("--set adopted_on=… to change it", "“Adopted on” changes it")


def amend(form: FormData) -> Response:
    """The amendments that turn the draft into the text wanted, in the UN's form, as `drafter
    amend` writes them: on the page, or downloaded as text or as a Word document."""
    from drafter.amendments.write import document_text
    from drafter.commands.amend import amendments_between

    old, new = pair(form, "old", "new")
    sponsors = str(form.get("sponsors") or "").strip() or None
    wanted = wanted_download(form, ("text", "docx"))
    with as_files(old, new) as (old_path, new_path):
        written = amendments_between(str(old_path), str(new_path), sponsors)
    if isinstance(written, str):
        raise Problem(named_in(written, (old_path, old), (new_path, new)))
    text = document_text(written.document)
    if wanted == "docx":
        from drafter.writers.amendment_word import amendment_docx

        return download(amendment_docx(text), download_name(new.name, "amendments", ".docx"))
    if wanted == "text":
        return download(text.encode("utf-8"), download_name(new.name, "amendments", ".txt"))
    return page(
        "amended.html.j2",
        old=old,
        new=new,
        sponsors=sponsors or "",
        text=text,
        count=len(written.document.amendments),
        left_out=written.left_out,
    )


def apply(form: FormData) -> Response:
    """The draft with the amendments carried out, as `drafter apply` does: both side by side
    on the page, or the amended text, or the draft with the changes tracked (Word)."""
    from drafter.commands.amend import amended_draft, tracked_amendments

    if form.get("document_draft"):
        draft = sent_back(form, "document_draft", "name_draft")
        amendments = all_sent_back(form, "document_amendment", "name_amendment")
    else:
        draft = upload_in(form, "draft")
        amendments = uploads_in(form, "amendments")
    if not amendments:
        raise Problem("choose the draft and at least one amendment document")
    wanted = wanted_download(form, ("text", "docx"))
    with as_files(draft, *amendments) as [draft_path, *paths]:
        amended = amended_draft(str(draft_path), [str(path) for path in paths])
        named = [(draft_path, draft), *zip(paths, amendments, strict=True)]
        if isinstance(amended, str):
            raise Problem(named_in(amended, *named))
        if wanted == "docx":
            tracked = tracked_amendments(amended, str(draft_path))
            if isinstance(tracked, str):
                raise Problem(named_in(tracked, *named))
            return download(tracked, download_name(draft.name, "amended", ".docx"))
    if wanted == "text":
        return download(amended.text.encode("utf-8"), download_name(draft.name, "amended", ".txt"))
    from drafter.diff.compare import compare
    from drafter.diff.html import STYLE, side_by_side
    from drafter.parser import parse_text

    result = parse_text(amended.text, amended.draft.language)
    table = side_by_side(compare(amended.draft, result), draft.name, "amended")
    notes = [named_in(note, *named) for note in amended.notes]
    return page(
        "applied.html.j2",
        draft=draft,
        amendments=amendments,
        notes=notes,
        table=table,
        style=STYLE,
    )


def precedents(corpus: str | None, form: FormData) -> Response:
    """Where each paragraph of the draft was adopted before, as `drafter precedents` says."""
    from drafter.commands.corpus import precedents_of
    from drafter.corpus.precedents import summary
    from drafter.corpus.report import STYLE, precedents_table

    draft = upload_in(form, "draft")
    with as_files(draft) as [path]:
        found = precedents_of(str(path), corpus)
    if isinstance(found, str):
        raise Problem(named_in(found, (path, draft)))
    judged, _ = found
    table = precedents_table(judged, summary(judged))
    return page("precedented.html.j2", draft=draft, table=table, style=STYLE)


def _linted(upload: Upload, language: str, profile: str, *, fix: bool) -> tuple[Any, str]:
    """`lint_file`'s result for the upload, and the text it read."""
    from drafter.config import Settings
    from drafter.lint import lint_file

    with as_files(upload) as [path]:
        result = lint_file(str(path), Settings(language=language, profile=profile), fix=fix)
    return result, result.source.text if result.source else ""


def _resolution(upload: Upload, path: Path) -> tuple[Any, Any]:
    from drafter.commands import read_resolution

    read = read_resolution(str(path))
    if isinstance(read, str):
        raise Problem(f"{upload.name}: {read}")
    return read


def _read_as(resolution: Any, profile: str) -> tuple[str, str] | None:
    """The language the text was read in and the profile it was checked for, for the page."""
    if resolution is None:
        return None
    chosen = resolution.profile if profile == "auto" else profile
    return LANGUAGE_NAMES.get(resolution.language, resolution.language), chosen


def _explanations(findings: list[Any]) -> dict[str, str]:
    """What `drafter rules CODE` prints, for each rule with a finding: shown on a click."""
    from drafter.rules import REGISTRY

    return {
        code: REGISTRY[code].explanation() if code in REGISTRY else ""
        for code in {finding.code for finding in findings}
    }


def _lines(text: str, findings: list[Any]) -> list[tuple[int, str, list[Any]]]:
    """Each line of the text with its number and the findings that begin on it."""
    by_line: dict[int, list[Any]] = {}
    for finding in findings:
        by_line.setdefault(finding.span.line, []).append(finding)
    return [
        (number, line, by_line.get(number, []))
        for number, line in enumerate(text.split("\n"), start=1)
    ]


def _placeholders(line: str) -> list[tuple[str, bool]]:
    """A line in pieces, each a placeholder left to fill or not, for the page to mark."""
    pieces, done = [], 0
    for match in PLACEHOLDER.finditer(line):
        pieces += [(line[done : match.start()], False), (match.group(), True)]
        done = match.end()
    return [*pieces, (line[done:], False)]
