"""Settings of a lint run: `[tool.drafter]` in pyproject.toml or a drafter.toml, found by walking
up from the linted file, with the command line's options on top."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from fnmatch import fnmatch
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any

from drafter.cache import toml_data


class ConfigError(ValueError):
    """A configuration file or option drafter cannot use; the message says which and why."""


@dataclass(frozen=True)
class Settings:
    """What a lint run checks and how: a configuration file's keys, then the command line's."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    profile: str = "auto"
    language: str = "auto"
    # Grammar and spelling through LanguageTool (drafter.languagetool); off unless asked for.
    language_check: bool = False
    language_server: str | None = None
    disabled_language_rules: tuple[str, ...] = ()
    fix_language: bool = False  # a match's single replacement becomes a safe fix
    language_cache: bool = True
    language_timeout: float = 20
    revisions: str = "accepted"  # a Word document's tracked changes, read "accepted" or "rejected"
    author: str = "drafter"  # of the tracked changes --fix writes into a Word document
    # A Word document's parts, at most: so large unpacked, so much smaller packed (zip bombs).
    max_unpacked_mb: int = 100
    max_compression_ratio: int = 100
    corpus: str | None = None  # the agreed-language corpus (drafter precedents), from `root`
    root: Path | None = field(default=None, compare=False)  # where the configuration file is

    def ignored_for(self, path: str) -> tuple[str, ...]:
        """The codes that per-file-ignores switch off for `path`."""
        if not self.per_file_ignores or path == "-":
            return ()
        target = Path(path).resolve()
        try:
            relative = PurePosixPath(target.relative_to(self.root or Path.cwd()).as_posix())
        except ValueError:
            relative = PurePosixPath(target.as_posix())
        codes: list[str] = []
        for pattern, ignored in self.per_file_ignores:
            if fnmatch(str(relative), pattern) or fnmatch(relative.name, pattern):
                codes.extend(ignored)
        return tuple(codes)


_KEYS = {f.name.replace("_", "-"): f.name for f in fields(Settings) if f.name != "root"}
_FLAGS = {"language-check", "fix-language", "language-cache"}


LANGUAGETOOL_URL_VARIABLE = "DRAFTER_LANGUAGETOOL_URL"
# Two servers are named, not given by URL:
PUBLIC = "public"  # LanguageTool's public API: used only when named
LOCAL = "local"  # a local LanguageTool that language-tool-python runs (see its LTP_PATH)


PROFILES = ("auto", "adopted", "draft", "extract")
REVISIONS = ("accepted", "rejected")


def choices(key: str) -> tuple[str, ...] | None:
    """The values a setting may take, where they are a fixed list."""
    if key == "profile":
        return PROFILES
    if key == "revisions":
        return REVISIONS
    if key == "language":
        from drafter import lexicon  # a file listing: only for a run that names a language

        return ("auto", *lexicon.available())
    return None


def check_choice(key: str, value: str, where: str) -> str:
    """`value` if `key` may take it, else ConfigError naming `where` it was given."""
    allowed = choices(key)
    if allowed is not None and value not in allowed:
        raise ConfigError(f"{where}: {key} must be one of {', '.join(allowed)}, not {value!r}")
    return value


def language_server(option: str | None) -> str | None:
    """The LanguageTool server named on the command line, else in the environment; when
    neither names one, the configuration's (if any) applies. None of them: nothing is sent."""
    return option or os.environ.get(LANGUAGETOOL_URL_VARIABLE) or None


def settings_for(path: str, overrides: dict[str, Any]) -> Settings:
    """The settings that apply to `path`: its configuration file's, then the command line's."""
    return settings_in(folder_of(path), overrides)


def settings_in(folder: Path, overrides: dict[str, Any]) -> Settings:
    """The settings of the files in `folder`."""
    return replace(_file_settings(_config_file(folder)), **overrides)


def folder_of(path: str) -> Path:
    """Where the search for a linted file's own files (configuration, word list) starts:
    its folder, or the current one for standard input."""
    if path == "-":
        return Path.cwd()
    try:
        return Path(path).resolve().parent
    except (OSError, RuntimeError):  # a loop of symbolic links: the reader says so
        return Path(path).absolute().parent


@cache
def _config_file(folder: Path) -> Path | None:
    for candidate in (folder, *folder.parents):
        drafter_toml = candidate / "drafter.toml"
        if drafter_toml.is_file():
            return drafter_toml
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and "drafter" in _read(pyproject).get("tool", {}):
            return pyproject
    return None


@cache
def _file_settings(path: Path | None) -> Settings:
    if path is None:
        return Settings()
    data = _read(path)
    table = data.get("tool", {}).get("drafter", {}) if path.name == "pyproject.toml" else data
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.drafter] must be a table")
    values: dict[str, Any] = {"root": path.parent}
    for written, value in table.items():
        key = written.replace("_", "-")  # language_check as well as language-check
        if key not in _KEYS:
            known = ", ".join(sorted(_KEYS))
            raise ConfigError(f"{path}: unknown key {written!r} (known: {known})")
        values[_KEYS[key]] = _value(path, key, value)
    return Settings(**values)


def _value(path: Path, key: str, value: Any) -> Any:
    if key == "per-file-ignores":
        if not isinstance(value, dict):
            raise ConfigError(f"{path}: per-file-ignores is a table of glob = [codes]")
        return tuple((glob, tuple(_codes(path, key, codes))) for glob, codes in value.items())
    if key == "corpus":
        if not isinstance(value, str) or not value:
            raise ConfigError(f"{path}: corpus is the path of a corpus file")
        return value
    if key in {"profile", "language", "language-server", "revisions", "author"}:
        if not isinstance(value, str):
            raise ConfigError(f"{path}: {key} is a string")
        return check_choice(key, value, str(path))
    if key in _FLAGS:
        if not isinstance(value, bool):
            raise ConfigError(f"{path}: {key} is true or false")
        return value
    if key in {"max-unpacked-mb", "max-compression-ratio"}:
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise ConfigError(f"{path}: {key} is a whole number above 0")
        return value
    if key == "language-timeout":
        if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
            raise ConfigError(f"{path}: {key} is a number of seconds")
        return float(value)
    codes = tuple(_codes(path, key, value))
    if key == "select" and not codes:
        raise ConfigError(f"{path}: {NO_SELECTION}")
    return codes


NO_SELECTION = "select names no rule, so nothing would be checked (ALL selects every rule)"


def _codes(path: Path, key: str, value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: {key} is a list of rule codes")
    return [v.strip().upper() for v in value]


def _read(path: Path) -> dict[str, Any]:
    try:
        return toml_data(path.read_text(encoding="utf-8"), "config")
    except (OSError, ValueError) as error:  # ValueError: UnicodeDecodeError, TOMLDecodeError
        raise ConfigError(f"{path}: {error}") from None
    except RecursionError:
        raise ConfigError(f"{path}: nested too deeply to be a configuration") from None
