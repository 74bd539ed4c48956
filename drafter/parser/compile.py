"""Compile the grammars of grammar/ for one language, once, and keep the result on disk.

The compiled form is one generated module: Lark's stand-alone parser (its parsing runtime and
the LALR tables of the structure), and the regexes that read the inline grammar, whose units
are flat sequences of terminals. A run loads it without importing lark: lark's grammar
compiler, most of what its import costs, is needed only by the first run after a change.
"""

from __future__ import annotations

import marshal
import re
import sys
from contextlib import suppress
from functools import cache
from pathlib import Path
from types import CodeType, ModuleType
from typing import TYPE_CHECKING, Any, TypeGuard

from drafter import lexicon, package_data
from drafter.cache import cache_dir, checksum, mark_used, prune
from drafter.files import write_file

if TYPE_CHECKING:  # the runtime's classes are copies of these: the same code, other classes
    from lark import Lark, Token, Tree

PARSED = "resolution"  # the grammar read by Lark's LALR parser
# Read by one regex of their terminals (`token_patterns`): a grammar whose start rule is a
# repetition of terminals, and nothing else, is a regular language; Lark's parser would read it
# at five times the cost, for the same tokens.
SCANNED = ("inline",)
GRAMMARS = (PARSED, *SCANNED)
# Lark's runtime sets its logger to CRITICAL and logs nothing at that level while parsing, so
# the generated module gets a silent stand-in: importing logging cost 5 ms of every run.
_IMPORT_LOGGING = "\nimport logging\n"
_SILENT_LOGGING = "\nfrom drafter.parser.compile import SILENT_LOGGING as logging\n"
# The module would import the `regex` package where one is installed (20 ms), for patterns
# with Unicode categories, which drafter's grammars do not have.
_IMPORT_REGEX = (
    "try:\n    import regex\n    _has_regex = True\nexcept ImportError:\n    _has_regex = False\n"
)
_NO_REGEX = "_has_regex = False\n"
_PLACEHOLDER = re.compile(r"@([a-z_]+)(:initials)?@")


def fill(template: str, language: str) -> str:
    """Replace each @name@ of a grammar with the lexicon's phrases for `name`, as a regex
    alternation, and each @name:initials@ with their first letters, for a character class."""
    words = lexicon.load(language)

    def phrases(match: re.Match[str]) -> str:
        listed = words.phrases(match.group(1))
        if match.group(2):
            return "".join(sorted({re.escape(phrase[0]) for phrase in listed}))
        return lexicon.alternation(listed).replace("/", r"\/")

    return _PLACEHOLDER.sub(phrases, template)


@cache
def grammar_parser(name: str, language: str) -> Lark:
    """The LALR parser (contextual lexer: linear time) of grammar/<name>.lark, PARSED."""
    return runtime(language).load(name)


@cache
def token_patterns(name: str, language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The regexes of grammar/<name>.lark, one of SCANNED. The first is its terminals, as named
    groups, in the order Lark's lexer tries them: matched at a position, it gives the token
    Lark would (the first alternative that matches wins, in `re` as in Lark). The second is the
    named terminals no rule uses, the parts of those made of others (a citation's numbers and
    dates), to find in such a token."""
    tokens, parts = runtime(language).SCANNERS[name]
    return re.compile(tokens), re.compile(parts)


@cache
def runtime(language: str) -> Any:
    """The generated module: `load(name)` gives the parser of PARSED; `Token`, `Tree`
    and the exceptions are its copies of lark's classes, which parse results and errors are
    made of; `SCANNERS` holds the sources of the `token_patterns`."""
    templates = {
        name: package_data.read_text("drafter.grammar", f"{name}.lark") for name in GRAMMARS
    }
    # The module follows from the grammars, the lexicon, the code that fills the one with the
    # other (`fill` here, `lexicon.alternation`) and this generator: the key is made of those,
    # so that a run which finds the module does not fill the grammars. Compiled code is only
    # valid for the Python that compiled it.
    generators = _source(lexicon) + _source(sys.modules[__name__])
    inputs = repr((templates, lexicon.load(language).data)) + generators
    stem = f"parsers-{language}-{checksum(inputs)}-py{sys.hexversion:x}"
    folder = cache_dir()
    code = _load_code(folder / f"{stem}.marshal") if folder else None
    if code is None:
        sources = {name: fill(template, language) for name, template in templates.items()}
        code = _compile(sources, folder / f"{stem}.py" if folder else None)
        if folder:
            _prune(language)
    module = ModuleType(f"drafter_parsers_{language}")
    sys.modules[module.__name__] = module  # its dataclasses look themselves up there
    exec(code, module.__dict__)
    return module


class _Silent:
    """Whatever is asked of it (a logger, a level, a handler), it is a silent callable."""

    def __getattr__(self, name: str) -> _Silent:
        return self

    def __call__(self, *args: object, **kwargs: object) -> _Silent:
        return self


SILENT_LOGGING = _Silent()


def _source(module: ModuleType) -> str:
    return Path(str(module.__file__)).read_text(encoding="utf-8")


def is_token(node: Tree | Token) -> TypeGuard[Token]:
    """Whether a child of a parse tree is a token (a string) rather than a subtree."""
    return isinstance(node, str)


def _load_code(path: Path) -> CodeType | None:
    try:
        code = marshal.loads(path.read_bytes())
        mark_used(path)
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return code if isinstance(code, CodeType) else None


def _prune(language: str) -> None:
    """Delete the compiled modules of `language` that no run has loaded for a month: each
    change of drafter or of its lexicon leaves one behind (half a megabyte). Another install
    of drafter sharing the folder keeps its own in use, so they do not take turns compiling."""
    for compiled in prune(f"parsers-{language}-*.marshal"):
        with suppress(OSError):
            compiled.with_suffix(".py").unlink(missing_ok=True)


def _compile(sources: dict[str, str], path: Path | None) -> CodeType:
    """Generate the module of `sources`, compile it, and keep both (the source for a reader
    of tracebacks, the code for the next run) when there is a cache folder."""
    text = _generate(sources)
    code = compile(text, str(path or "<drafter parsers>"), "exec")
    if path is not None:
        try:
            write_file(path, text.encode("utf-8"), overwrite=True)
            write_file(path.with_suffix(".marshal"), marshal.dumps(code), overwrite=True)
        except OSError:
            pass  # no cache is no failure: the next run generates the module again
    return code


def _generate(sources: dict[str, str]) -> str:
    """Lark's stand-alone module of the parsed grammar, plus the patterns of the scanned ones."""
    from lark import Lark
    from lark.tools.standalone import gen_standalone

    lines: list[str] = []

    def output(*parts: object) -> None:  # gen_standalone writes as print() would
        lines.append(" ".join(map(str, parts)))

    parser = Lark(sources[PARSED], parser="lalr", lexer="contextual", maybe_placeholders=False)
    gen_standalone(parser, output=output)
    if "import pickle, zlib, base64" in lines:  # for a compressed module only, and a cost
        lines.remove("import pickle, zlib, base64")
    lines.append(f"TABLES = {{{PARSED!r}: (DATA, MEMO)}}")
    lines.append("def load(name):\n    return Lark._load_from_dict(*TABLES[name])")
    scanners = {name: _scanner(sources[name]) for name in SCANNED}
    lines.append(f"SCANNERS = {scanners!r}")
    text = ("\n".join(lines) + "\n").replace(_IMPORT_LOGGING, _SILENT_LOGGING, 1)
    return text.replace(_IMPORT_REGEX, _NO_REGEX, 1)


def _scanner(source: str) -> tuple[str, str]:
    """The sources of a scanned grammar's `token_patterns`."""
    from lark import Lark

    grammar = Lark(source, parser="lalr", lexer="basic")  # also checks the grammar
    tokens = grammar.parser.lexer.terminals  # sorted as the lexer tries them
    used = {terminal.name for terminal in tokens}
    named = {name for name, _ in grammar.grammar.term_defs if not name.startswith("_")}
    every, _, _ = grammar.grammar.compile(grammar.options.start, named)  # kept, used or not
    parts = [terminal for terminal in every if terminal.name in named - used]
    return _alternation(tokens), _alternation(parts)


def _alternation(terminals: list[Any]) -> str:
    return "|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in terminals)
