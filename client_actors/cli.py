"""`groove-capture`: consent, capture around an agent command, import, parse, scrub, status, flush.

Only `consent` is imported up front. Commands that capture or send import the capture modules after checking
consent, so a person who has not opted in runs their agent with none of them loaded.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import BinaryIO

from client_actors import consent
from groove_actors import __version__, options
from groove_actors.protocol.limits import MAX_SESSION_ID_CHARS, PROVIDERS

DEFAULT_SERVER_ENV = "GROOVE_CENTRAL_URL"
RUN_WAIT_S = 5.0  # the agent has ended and its person waits: deliver what is quick, the spool keeps the rest
DELIVERY_WAIT_S = 30.0  # import and flush exist to deliver
CONSENT_CHECK_S = 2.0
DESCRIPTION = (
    "Capture an AI coding agent's trajectories, scrubbed and signed, and deliver them to Central Command.\n"
    "Nothing is captured before `groove-capture consent on`."
)
HOME_ENV = "GROOVE_HOME", "where consent, the spool and the install id live (default ~/.groove)"
SERVER_ENV = DEFAULT_SERVER_ENV, "--server (Central Command's URL)"
CONSENT_CHECK_ENV = (
    "GROOVE_CONSENT_CHECK_S",
    f"seconds between checks that consent still holds (default {CONSENT_CHECK_S:g})",
)


def epilog(*environment: tuple[str, str]) -> str:
    """The lines of --help that name the environment variables a command reads."""
    width = max(len(name) for name, _ in environment)
    lines = [f"  {name:<{width}}  {meaning}" for name, meaning in environment]
    return "\n".join(["environment (an option given on the command line overrides its variable):", *lines])


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    summary: str,
    *environment: tuple[str, str],
) -> argparse.ArgumentParser:
    """A subcommand whose --help says what it does and which environment variables it reads."""
    return commands.add_parser(
        name,
        help=summary,
        description=f"{summary[0].upper()}{summary[1:]}.",
        epilog=epilog(*environment) if environment else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="groove-capture",
        description=DESCRIPTION,
        epilog=epilog(HOME_ENV, SERVER_ENV, CONSENT_CHECK_ENV),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    agree = _command(
        commands, "consent", "opt in or out of sharing trajectories, or show the state", HOME_ENV
    )
    agree.add_argument(
        "action", choices=("on", "off", "status"), help="on: opt in; off: opt out; status: show"
    )

    run = _command(
        commands,
        "run",
        "run an agent command and capture its output stream",
        HOME_ENV,
        SERVER_ENV,
        CONSENT_CHECK_ENV,
    )
    _capture_options(run, wait=RUN_WAIT_S, passenger=True)
    run.add_argument("agent", nargs=argparse.REMAINDER, help="-- then the agent command and its arguments")

    imported = _command(
        commands, "import", "capture an existing stream or transcript file", HOME_ENV, SERVER_ENV
    )
    _capture_options(imported, wait=DELIVERY_WAIT_S, passenger=False)
    imported.add_argument("file", type=Path, help="the stream or transcript (a pipe works too)")

    parse = _command(commands, "parse", "print a stream's typed steps as JSON lines (no network)")
    parse.add_argument("--provider", required=True, choices=PROVIDERS, help="which parser reads the stream")
    parse.add_argument("file", type=Path, help="the stream or transcript")

    _command(commands, "scrub", "filter: JSON lines with a `text` field in, the same lines scrubbed out")
    _command(
        commands, "status", "show the spool, the last delivery, refused (quarantined) and lost data", HOME_ENV
    )

    retry = _command(commands, "retry", "queue envelopes the server refused (quarantined) again", HOME_ENV)
    retry.add_argument(
        "--session", default=None, help="only this session's envelopes (its id as `status` shows it)"
    )

    flush = _command(
        commands, "flush", "deliver the spool now: to --server, else each session to the server it records",
        HOME_ENV, SERVER_ENV,
    )  # fmt: skip
    _server_option(flush)
    flush.add_argument(
        "--wait", metavar="SECONDS", type=options.non_negative, default=DELIVERY_WAIT_S,
        help="give up after this many seconds; what is left waits in the spool (default %(default)g)",
    )  # fmt: skip
    return parser


def _server_option(command: argparse.ArgumentParser, *, passenger: bool = False) -> None:
    """--server, by default $GROOVE_CENTRAL_URL. For a `passenger` command (`run`) a bad variable is not an
    error: the agent must run whatever the environment holds, so capture goes on without a server and says so.
    """
    default = options.env_default(DEFAULT_SERVER_ENV, None)
    if passenger and default is not None:
        try:
            options.http_url(default)
        except argparse.ArgumentTypeError as exc:
            command.set_defaults(
                environment_problems=[f"{exc}; ignored: what is captured waits in the spool"]
            )
            default = None
    command.add_argument(
        "--server", metavar="URL", type=options.http_url, default=default,
        help=f"Central Command's URL (default: ${DEFAULT_SERVER_ENV})",
    )  # fmt: skip


def _capture_options(command: argparse.ArgumentParser, *, wait: float, passenger: bool) -> None:
    command.add_argument("--provider", required=True, choices=PROVIDERS, help="which parser reads the stream")
    _server_option(command, passenger=passenger)
    command.add_argument(
        "--model",
        default=None,
        help="the model, for streams that do not name it (a model the stream names wins)",
    )
    command.add_argument(
        "--role", default="agent", help="the agent's role, recorded in the metadata (default %(default)s)"
    )
    command.add_argument(
        "--wait", metavar="SECONDS", type=options.non_negative, default=wait,
        help="seconds to wait for delivery at the end; what is left waits in the spool (default %(default)g)",
    )  # fmt: skip
    command.add_argument(
        "--continues", metavar="SESSION_ID", type=session_id, default=None,
        help="the session this agent continues from a handoff (context rotation): the server links the two"
        " when both are yours",
    )  # fmt: skip


def session_id(text: str) -> str:
    """A session id as --continues takes it: 1 to 200 characters of text (argparse's type)."""
    if not text or len(text) > MAX_SESSION_ID_CHARS:
        raise argparse.ArgumentTypeError(
            f"expected a session id of 1 to {MAX_SESSION_ID_CHARS} characters, got {len(text)}"
        )
    if not text.isprintable():  # control characters, and bytes that are not UTF-8 (lone surrogates)
        raise argparse.ArgumentTypeError("expected a session id in printable text (as `status` shows it)")
    return text


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    home = consent.groove_home()
    home_problem = (
        f"GROOVE_HOME is {str(home)!r}: expected a directory (this is a file)"
        if args.command not in ("parse", "scrub") and home.exists() and not home.is_dir()
        else None
    )
    if args.command == "run" and args.agent[:1] == ["--"]:
        args.agent = args.agent[1:]
    if args.command == "run" and not args.agent:
        print("groove-capture run: give the agent command after --", file=sys.stderr)
        return 2
    if args.command == "run":
        # The agent runs whatever the environment holds (capture is a passenger): each problem with it is
        # said in one line, and capture goes on without what it concerns, or not at all.
        problems: list[str] = list(getattr(args, "environment_problems", []))
        args.consent_check_s = _consent_check_interval(problems)
        for problem in problems:
            print(f"groove-capture run: {problem}", file=sys.stderr)
        if home_problem is not None:
            print(f"groove-capture run: {home_problem}; the agent runs uncaptured", file=sys.stderr)
            return _run_uncaptured(args)
    elif home_problem is not None:
        parser.error(home_problem)
    source = None
    if args.command in ("parse", "import"):  # a usage error, said before anything else
        source = _open_input(args.command, args.file)
        if source is None:
            return 2
    match args.command:
        case "consent":
            return _consent(home, args.action)
        case "parse":
            from client_actors import tools

            assert source is not None
            return tools.parse_command(args.provider, args.file, source)
        case "scrub":
            from client_actors import tools

            return tools.scrub_command(sys.stdin.buffer, sys.stdout.buffer)
        case "status":
            from client_actors import tools

            return tools.status_command(home)
        case "retry":
            from client_actors import tools

            return tools.retry_command(home, args.session)
    if not consent.is_opted_in(home):
        if source is not None:
            source.close()
        return _without_consent(args)
    if args.command == "run":
        say_no_server(args.server)  # `import` says it once it has something to capture
    from client_actors import runner  # only now: the person has opted in

    return runner.command(args, home, source)


def _consent_check_interval(problems: list[str]) -> float:
    """GROOVE_CONSENT_CHECK_S, or the default with the variable's problem added to `problems`."""
    text = options.env_default(CONSENT_CHECK_ENV[0], str(CONSENT_CHECK_S))
    try:
        return options.positive(text or str(CONSENT_CHECK_S))
    except argparse.ArgumentTypeError as exc:
        problems.append(f"{exc}; ignored: consent is checked every {CONSENT_CHECK_S:g} s")
        return CONSENT_CHECK_S


def _open_input(command: str, path: Path) -> BinaryIO | None:
    """The file to parse or import, open; None (said in one line) if it cannot be read."""
    try:
        return path.open("rb")
    except OSError as exc:
        print(f"groove-capture {command}: cannot read {path}: {exc.strerror or exc}", file=sys.stderr)
        return None


def say_no_server(server: str | None) -> None:
    if not server:
        print(
            f"groove-capture: no server given (--server URL or {DEFAULT_SERVER_ENV}); what is captured waits"
            " in the spool for `groove-capture flush --server URL`",
            file=sys.stderr,
        )


def _consent(home: Path, action: str) -> int:
    if action == "on":
        consent.opt_in(home, now=time.time())
        print(f"Opted in to sharing trajectories (consent {consent.CONSENT_VERSION}); "
              f"anonymous install id {consent.install_id(home)}.")  # fmt: skip
    elif action == "off":
        consent.opt_out(home, now=time.time())
        print("Opted out: nothing more is captured or sent.")
    else:
        try:
            state = consent.load_consent(home)
        except consent.ConsentDamaged as exc:
            print(f"opted in: no ({exc}; run `groove-capture consent on` or `off` to record a choice anew)")
            return 0
        current = state.current
        print(
            f"opted in: {'yes' if state.opted_in() else 'no'} (current consent version {consent.CONSENT_VERSION})"
        )
        if current is not None:
            print(f"last change: {current.action} of version {current.version} at {_when(current.at)}")
        print(f"history: {len(state.history)} change(s); home: {home}")
    return 0


def _without_consent(args: argparse.Namespace) -> int:
    """Not opted in: run the agent untouched, capture nothing, load nothing that captures."""
    if args.command != "run":
        print("groove-capture: not opted in; run `groove-capture consent on` first", file=sys.stderr)
        return 2
    return _run_uncaptured(args)


def _run_uncaptured(args: argparse.Namespace) -> int:
    """The agent, run as if capture were not there; its exit status."""
    import subprocess

    try:
        code = subprocess.call(args.agent)
    except OSError as exc:  # as a shell says it: 127 not found, 126 found but not runnable
        print(f"groove-capture run: {args.agent[0]}: {exc.strerror or exc}", file=sys.stderr)
        return 127 if isinstance(exc, FileNotFoundError) else 126
    return 128 - code if code < 0 else code  # killed by a signal: the shell's convention


def _when(timestamp: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(timestamp))


if __name__ == "__main__":
    sys.exit(main())
