"""Write an amendment document (drafter's text form of it) as a Word document: one Word
paragraph per line, its *italics* italic, the heading line bold, the numbered amendments with
the UN's first-line indent (python-docx, loaded only here)."""

from __future__ import annotations

import io
import re

_ITALIC = re.compile(r"\*([^*\n]+)\*")
_INDENT_CM = 2.2  # the UN's first-line indent


def amendment_docx(text: str) -> bytes:
    """The .docx of an amendment document's text, which drafter's Word reader reads back
    line for line."""
    import docx  # type: ignore[import-untyped]
    from docx.shared import Cm  # type: ignore[import-untyped]

    document = docx.Document()
    blocks = text.strip("\n").split("\n\n")
    for at, block in enumerate(blocks):
        for line in block.split("\n"):
            paragraph = document.add_paragraph()
            if at == 0:  # "Denmark: amendments to draft resolution …"
                paragraph.add_run(line).bold = True
                continue
            paragraph.paragraph_format.first_line_indent = Cm(_INDENT_CM)
            last = 0
            for italic in _ITALIC.finditer(line):
                paragraph.add_run(line[last : italic.start()])
                paragraph.add_run(italic.group(1)).italic = True
                last = italic.end()
            paragraph.add_run(line[last:])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
