"""The options of lint, parse and rules read without Typer (drafter.arguments) are exactly
Typer's, and give the same results."""

from __future__ import annotations

import enum
import typing

import pytest
import typer
from conftest import SEED_78, drafter

from drafter import arguments
from drafter.cli import app


def _command(name: str):
    """The command as Typer builds it (with its own copy of click)."""
    return typer.main.get_command(app).commands[name]  # type: ignore[attr-defined]


def _choices(parameter) -> tuple:
    """The values an option takes, whichever way this version of Typer records them."""
    if hasattr(parameter, "type"):  # click's own Choice
        return tuple(getattr(parameter.type, "choices", ()))
    annotation = parameter.type_descriptor.annotation
    for candidate in (annotation, *typing.get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, enum.Enum):
            return tuple(member.value for member in candidate)
    return ()


def _typer_options(command: str) -> dict[str, tuple]:
    found = {}
    for parameter in _command(command).params:
        if parameter.param_type_name == "option":
            choices = _choices(parameter)
            found[parameter.name] = (
                tuple(sorted(parameter.opts)),
                tuple(sorted(parameter.secondary_opts)),
                tuple(str(c) for c in choices),
                parameter.multiple,
                parameter.is_flag,
            )
    return found


def _table_options(command: str) -> dict[str, tuple]:
    return {
        option.parameter: (
            tuple(sorted(option.names)),
            tuple(sorted(option.off)),
            option.choices,
            option.takes in ("list", "pairs"),
            option.takes == "flag",
        )
        for option in arguments.COMMANDS[command]
    }


@pytest.mark.parametrize("command", sorted(arguments.COMMANDS))
def test_the_table_declares_the_options_typer_has(command):
    assert _table_options(command) == _typer_options(command)


@pytest.mark.parametrize("command", sorted(arguments.COMMANDS))
def test_the_defaults_are_typer_s(command):
    defaults = {p.name: p.default for p in _command(command).params}
    for option in arguments.COMMANDS[command]:
        default = defaults[option.parameter]
        assert option.default == (getattr(default, "value", default)), option.parameter


def test_a_call_is_read_as_typer_reads_it():
    read = arguments.read(
        "lint",
        [
            "a.txt",
            "--select=P,V",
            "--select",
            "Y001",
            "-f",
            "json",
            "--no-fix",
            "-q",
            "-",
            "--jobs",
            "2",
        ],
    )
    assert read is not None
    assert read["paths"] == ["a.txt", "-"] and read["select"] == ["P,V", "Y001"]
    assert read["output_format"] == "json" and read["quiet"] and not read["fix"]
    assert read["jobs"] == 2 and read["ignore"] is None
    assert arguments.selectors(read["select"]) == ("P", "V", "Y001")


@pytest.mark.parametrize(
    "args",
    [
        ["lint", "a.txt", "--help"],
        ["lint", "a.txt", "--format", "yaml"],
        ["lint", "a.txt", "--jobs", "0"],
        ["lint", "a.txt", "--selct", "P"],
        ["lint", "a.txt", "-qv"],
        ["parse"],
        ["parse", "a.txt", "b.txt"],
        ["new"],
        ["new", "a.txt", "--set", "number"],
        ["new", "a.txt", "--set", "=7"],
        ["new", "a.txt", "--session", "0"],
    ],
)
def test_what_it_cannot_take_is_left_to_typer(args):
    assert arguments.read(args[0], args[1:]) is None


def test_typer_says_what_is_wrong_with_a_call_it_is_left():
    result = drafter("lint", str(SEED_78), "--format", "yaml")
    assert result.returncode == 2 and "yaml" in result.stderr and "Usage" in result.stderr
    assert "--format" in drafter("lint", "--help").stdout


def test_new_read_without_typer_drafts_what_typer_s_reading_does(tmp_path):
    from typer.testing import CliRunner

    args = ["new", str(SEED_78), "--session", "80", "--set", "number=212", "--set=meeting=52"]
    assert arguments.read(args[0], args[1:]) is not None  # the fast path takes it
    fast = drafter(*args, "-o", str(tmp_path / "fast.txt"))
    typer_run = CliRunner().invoke(app, [*args, "-o", str(tmp_path / "typer.txt")])
    assert fast.returncode == typer_run.exit_code == 0
    drafted = (tmp_path / "fast.txt").read_text(encoding="utf-8")
    assert drafted == (tmp_path / "typer.txt").read_text(encoding="utf-8")
    assert "80/212." in drafted and "52^e séance plénière" in drafted
