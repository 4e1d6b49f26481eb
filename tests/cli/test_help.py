"""Every sub-command the parser has, found by walking it (not from a list that could miss one), has help;
and every one is in the one registry with a handler."""

from __future__ import annotations

import argparse

import pytest

from diary.cli import COMMANDS, GROUPS, build_parser, main


def _subcommands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.append((*prefix, name))
                found += _subcommands(sub, (*prefix, name))
    return found


SUBCOMMANDS = _subcommands(build_parser())


def test_the_walk_finds_every_command_and_action():
    top = {path[0] for path in SUBCOMMANDS}
    assert top == set(COMMANDS) and len(top) == 19
    assert {"instrument", "report", "research-export", "pwa"} <= top
    assert ("goal", "rate") in SUBCOMMANDS and ("instrument", "schedule") in SUBCOMMANDS
    assert ("pwa", "build") in SUBCOMMANDS and ("pwa", "serve") in SUBCOMMANDS


@pytest.mark.parametrize("path", SUBCOMMANDS, ids=" ".join)
def test_every_subcommand_has_help(path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([*path, "--help"])
    out = capsys.readouterr().out
    assert exit_.value.code == 0 and out.startswith(f"usage: diary {' '.join(path)}")
    assert len(out.splitlines()) > 2


def test_each_command_has_one_group():
    names = [name for group in GROUPS for name in group.COMMANDS]
    assert len(names) == len(set(names)) == len(COMMANDS)
