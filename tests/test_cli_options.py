"""Both command lines: --version, bad configuration refused in one line (exit 2), --help naming the variables.

Most checks call `main` in-process (argparse exits before anything starts); two run the real commands, to see
that what reaches the terminal is one error line and no traceback.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from client_actors import cli as capture_cli
from groove_actors import __version__
from groove_actors import cli as central_cli
from groove_actors.server.supervisor import ServerConfig

VARIABLES = (
    "GROOVE_CENTRAL_HOST", "GROOVE_CENTRAL_PORT", "GROOVE_DATA_DIR", "GROOVE_LOG_LEVEL", "GROOVE_QUOTA_GB",
    "GROOVE_ADMIN_TOKEN", "GROOVE_CENTRAL_URL", "GROOVE_CONSENT_CHECK_S",
)  # fmt: skip
Main = Callable[[list[str]], int]


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GROOVE_HOME", str(tmp_path / "home"))


def refused(main: Main, argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """The error line of a command line argparse refuses (exit status 2)."""
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    *_, line = capsys.readouterr().err.strip().splitlines()
    return line


@pytest.mark.parametrize(
    ("main", "name"), [(central_cli.main, "groove-central"), (capture_cli.main, "groove-capture")]
)
def test_version(main: Main, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"{name} {__version__}\n"


@pytest.mark.parametrize(
    ("argv", "accepts"),
    [
        (["--port", "99999"], "a port number from 0 (any free port) to 65535"),
        (["--port", "-1"], "a port number from 0 (any free port) to 65535"),
        (["--port", "abc"], "a port number from 0 (any free port) to 65535"),
        (["--log-level", "verbose"], "one of DEBUG, INFO, WARNING, ERROR, CRITICAL"),
        (["--quota-gb", "0"], "a number above 0"),
        (["--quota-gb", "-5"], "a number above 0"),
        (["--quota-gb", "nan"], "a number above 0"),
        (["--quota-gb", "inf"], "a number above 0"),
        (["--segment-mb", "0"], "a number above 0"),
        (["--max-session-mb", "-1"], "a number above 0"),
        (["--bodies-mb", "0"], "a number above 0"),
        (["--idle-timeout", "0"], "a number above 0"),
        (["--close-grace", "-1"], "a number, 0 or more"),
        (["--feedback-window", "-1"], "a number, 0 or more"),
        (["--rate-per-minute", "-1"], "a whole number, 0 or more (0 turns the limit off)"),
        (["--rate-per-hour", "1.5"], "a whole number, 0 or more (0 turns the limit off)"),
        (["--opens-per-hour", "-20"], "a whole number, 0 or more (0 turns the limit off)"),
    ],
)
def test_serve_refuses_values_that_make_no_sense(
    argv: list[str], accepts: str, capsys: pytest.CaptureFixture[str]
) -> None:
    line = refused(central_cli.main, ["serve", *argv], capsys)
    assert line == f"groove-central serve: error: argument {argv[0]}: {argv[1]!r}: expected {accepts}"


def test_serve_refuses_a_data_dir_whose_parent_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "no-such-dir" / "data"
    line = refused(central_cli.main, ["serve", "--data-dir", str(missing)], capsys)
    assert f"argument --data-dir: {str(missing)!r}: expected a directory inside an existing one" in line
    assert not missing.parent.exists()
    a_file = tmp_path / "file"
    a_file.write_text("")
    line = refused(central_cli.main, ["serve", "--data-dir", str(a_file)], capsys)
    assert line.endswith("expected a directory (this is a file)")


@pytest.mark.parametrize(
    ("variable", "value", "argv", "option"),
    [
        ("GROOVE_CENTRAL_PORT", "abc", ["serve"], "--port"),
        ("GROOVE_CENTRAL_PORT", "abc", ["watch"], "--url"),
        ("GROOVE_LOG_LEVEL", "verbose", ["serve"], "--log-level"),
        ("GROOVE_QUOTA_GB", "-1", ["serve"], "--quota-gb"),
    ],
)
def test_a_bad_variable_is_named(
    variable: str, value: str, argv: list[str], option: str,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv(variable, value)
    line = refused(central_cli.main, argv, capsys)
    assert line.startswith(f"groove-central {argv[0]}: error: argument {option}: ")
    assert f"(from {variable}): expected" in line


def test_a_bad_variable_troubles_only_the_commands_that_read_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GROOVE_CENTRAL_PORT", "abc")
    assert central_cli.build_parser().parse_args(["check", "--data-dir", "d"]).data_dir == Path("d")
    assert central_cli.build_parser().parse_args(["serve", "--port", "9000"]).port == 9000  # the option wins


def test_variables_and_meaningful_zeros_are_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GROOVE_CENTRAL_PORT", "9000")
    monkeypatch.setenv("GROOVE_LOG_LEVEL", "warning")
    monkeypatch.setenv("GROOVE_QUOTA_GB", "0.5")
    args = central_cli.build_parser().parse_args(
        [
            "serve",
            "--rate-per-minute",
            "0",
            "--opens-per-hour",
            "0",
            "--close-grace",
            "0",
            "--feedback-window",
            "0",
        ]
    )
    assert (args.port, args.log_level, args.quota_gb) == (9000, "WARNING", 0.5)
    assert (args.rate_per_minute, args.opens_per_hour, args.close_grace, args.feedback_window) == (0, 0, 0, 0)
    assert central_cli.build_parser().parse_args(["serve", "--port", "0"]).port == 0  # any free port
    assert central_cli.build_parser().parse_args(["watch"]).url == "http://127.0.0.1:9000"


def test_the_command_line_defaults_are_the_servers() -> None:
    """The defaults are defined once: what `serve` with no options runs is ServerConfig's own defaults."""
    assert central_cli.config_from(central_cli.build_parser().parse_args(["serve"])) == ServerConfig()


def test_a_short_admin_token_variable_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GROOVE_ADMIN_TOKEN", "short")
    assert central_cli.main(["watch", "--updates", "1"]) == 2
    assert (
        capsys.readouterr().err
        == "groove-central: the admin token in GROOVE_ADMIN_TOKEN is shorter than 16 characters\n"
    )


@pytest.mark.parametrize(
    ("argv", "option", "accepts"),
    [
        (["watch", "--updates", "0"], "--updates", "a whole number above 0"),
        (["watch", "--url", "localhost:8443"], "--url", "an http:// or https:// URL"),
        (["watch", "--url", "http://127.0.0.1:99999"], "--url", "an http:// or https:// URL"),
        (["export", "--out", "o", "--shard-rows", "0"], "--shard-rows", "a whole number above 0"),
    ],
)
def test_other_central_commands_refuse_values_that_make_no_sense(
    argv: list[str], option: str, accepts: str, capsys: pytest.CaptureFixture[str]
) -> None:
    line = refused(central_cli.main, argv, capsys)
    assert line.startswith(f"groove-central {argv[0]}: error: argument {option}: ")
    assert f": expected {accepts}" in line


@pytest.mark.parametrize(
    ("argv", "option", "accepts"),
    [
        (["run", "--provider", "codex", "--wait", "-1", "--", "true"], "--wait", "a number, 0 or more"),
        (["import", "--provider", "codex", "--wait", "nan", "f"], "--wait", "a number, 0 or more"),
        (["flush", "--wait", "-0.5"], "--wait", "a number, 0 or more"),
        (["flush", "--server", "ftp://example.com"], "--server", "an http:// or https:// URL"),
        (
            ["import", "--provider", "codex", "--server", "example.com", "f"],
            "--server",
            "an http:// or https:// URL",
        ),
    ],
)
def test_capture_refuses_values_that_make_no_sense(
    argv: list[str], option: str, accepts: str, capsys: pytest.CaptureFixture[str]
) -> None:
    line = refused(capture_cli.main, argv, capsys)
    assert line.startswith(f"groove-capture {argv[0]}: error: argument {option}: ")
    assert f": expected {accepts}" in line


def test_capture_names_a_bad_variable(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GROOVE_CENTRAL_URL", "127.0.0.1:8443")
    line = refused(capture_cli.main, ["flush"], capsys)
    assert line.startswith(
        "groove-capture flush: error: argument --server: '127.0.0.1:8443' (from GROOVE_CENTRAL_URL)"
    )
    # `run` takes what the environment holds as it is and runs the agent (tests/test_capture_cli.py); a bad
    # option on its own command line is still a usage error.
    line = refused(
        capture_cli.main, ["run", "--provider", "codex", "--server", "ftp://x", "--", "true"], capsys
    )
    assert line.startswith("groove-capture run: error: argument --server: 'ftp://x': expected")


def test_a_home_that_is_a_file_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    home.write_text("")
    monkeypatch.setenv("GROOVE_HOME", str(home))
    line = refused(capture_cli.main, ["consent", "on"], capsys)
    assert (
        line == f"groove-capture: error: GROOVE_HOME is {str(home)!r}: expected a directory (this is a file)"
    )


def test_serve_refuses_a_policy_it_cannot_read_before_it_starts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "policy.toml"
    assert central_cli.main(["serve", "--data-dir", str(tmp_path / "d"), "--policy", str(missing)]) == 2
    assert (
        capsys.readouterr().err
        == f"groove-central: cannot read scoring policy {missing}: No such file or directory\n"
    )
    assert not (tmp_path / "d").exists()


def subcommand_help(parser: argparse.ArgumentParser) -> dict[str, str]:
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {name: command.format_help() for name, command in commands.choices.items()}


CENTRAL_READS = {
    "serve": VARIABLES[:6],
    "check": ("GROOVE_DATA_DIR",),
    "rebuild": ("GROOVE_DATA_DIR",),
    "requeue": ("GROOVE_DATA_DIR",),
    "migrate": (),  # --from and --to are always given
    "export": ("GROOVE_DATA_DIR",),
    "watch": ("GROOVE_CENTRAL_PORT", "GROOVE_ADMIN_TOKEN"),
}
CAPTURE_READS = {
    "consent": ("GROOVE_HOME",),
    "run": ("GROOVE_HOME", "GROOVE_CENTRAL_URL", "GROOVE_CONSENT_CHECK_S"),
    "import": ("GROOVE_HOME", "GROOVE_CENTRAL_URL"),
    "parse": (),
    "scrub": (),
    "status": ("GROOVE_HOME",),
    "retry": ("GROOVE_HOME",),
    "flush": ("GROOVE_HOME", "GROOVE_CENTRAL_URL"),
}


@pytest.mark.parametrize(
    ("parser", "reads"),
    [(central_cli.build_parser, CENTRAL_READS), (capture_cli.build_parser, CAPTURE_READS)],
)
def test_help_names_the_variables_each_command_reads(
    parser: Callable[[], argparse.ArgumentParser], reads: dict[str, tuple[str, ...]]
) -> None:
    helps = subcommand_help(parser())
    assert helps.keys() == reads.keys()
    for name, text in helps.items():
        environment = text.partition("\nenvironment")[2]
        named = {word for word in environment.split() if word.startswith("GROOVE_")}
        assert named == set(reads[name]), name
        assert text.split("\n\n")[1].endswith("."), f"{name}: the description is a sentence"
    whole = parser().format_help()
    assert {variable for names in reads.values() for variable in names} <= set(whole.split())


@pytest.mark.slow
def test_the_real_commands_say_one_line_and_no_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "GROOVE_CENTRAL_PORT": "abc", "GROOVE_HOME": str(tmp_path)}
    served = subprocess.run(
        [sys.executable, "-m", "groove_actors.cli", "serve", "--data-dir", str(tmp_path / "data")],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert served.returncode == 2 and "Traceback" not in served.stderr
    assert served.stderr.splitlines()[-1].startswith(
        "groove-central serve: error: argument --port: 'abc' (from"
    )
    assert not (tmp_path / "data").exists()
    version = subprocess.run(
        [sys.executable, "-m", "client_actors.cli", "--version"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (version.returncode, version.stdout) == (0, f"groove-capture {__version__}\n")


REPO = Path(__file__).resolve().parents[1]


def documented_defaults() -> list[tuple[str, str, str]]:
    """(where, option, default) for each option whose default README's tables or the env file give."""
    found = []
    for line in (REPO / "README.md").read_text().splitlines():
        cells = [cell.strip() for cell in line.split("|")[1:-1]]
        options_cell = cells[0].replace("`", "").split(", ") if len(cells) == 3 else []
        defaults = cells[1].split(", ") if options_cell else []
        if len(defaults) == len(options_cell) and all(o.startswith("--") for o in options_cell):
            found += [("README.md", o.split()[0], d) for o, d in zip(options_cell, defaults, strict=True)]
    for line in (REPO / "deploy" / "groove-central.env").read_text().splitlines():
        words = line.removeprefix("#").split()
        if words and words[0].startswith("--") and line.rstrip().endswith(")") and "(default " in line:
            found.append(("deploy/groove-central.env", words[0], line.rpartition("(default ")[2].rstrip(")")))
    return found


def test_documented_defaults_are_the_command_lines() -> None:
    """README's option table and the env file repeat the defaults: they must say what `serve` runs with."""
    commands = next(
        a for a in central_cli.build_parser()._actions if isinstance(a, argparse._SubParsersAction)
    )
    serve = {
        option: action for action in commands.choices["serve"]._actions for option in action.option_strings
    }
    checked = 0
    for where, option, default in documented_defaults():
        value = serve[option].default if option in serve else None  # README's other table: groove-capture's
        if isinstance(value, int | float | str) and default[:1].isdigit():
            assert float(default) == float(value), (
                f"{where} gives {option} the default {default}, serve {value}"
            )
            checked += 1
    assert checked >= 15


def test_the_version_printed_is_the_packages() -> None:
    """pyproject.toml's version is what pip installs; --version prints `__version__`: the two must agree."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    assert project["version"] == __version__
