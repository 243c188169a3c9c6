"""Every command's --help prints its usage (argparse formats help strings with %, so a bare %
in one of them breaks that command's help)."""

from __future__ import annotations

import argparse

import pytest

from pipelines.cli import build_parser


def commands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sorted(sub.choices)


@pytest.mark.parametrize("command", commands())
def test_help_of_every_command(command, capsys):
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args([command, "--help"])
    assert stop.value.code == 0
    assert f"usage: chanjiao {command}" in capsys.readouterr().out


def test_the_program_help_lists_every_command(capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--help"])
    out = capsys.readouterr().out
    assert all(c in out for c in commands())
