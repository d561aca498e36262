"""`groove-capture`: consent, capture around an agent command, import, parse, scrub, status, flush.

Only `consent` is imported up front. Commands that capture or send import the capture modules after checking
consent, so a person who has not opted in runs their agent with none of them loaded.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import BinaryIO

from client_actors import consent

DEFAULT_SERVER_ENV = "GROOVE_CENTRAL_URL"
# The parsers' providers, spelled out so that an opted-out run imports nothing else (a test holds them equal).
PROVIDERS = ("claude-code", "codex", "gemini", "grok")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="groove-capture", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    agree = commands.add_parser("consent", help="opt in or out of sharing trajectories, or show the state")
    agree.add_argument("action", choices=("on", "off", "status"))

    run = commands.add_parser("run", help="run an agent command and capture its output stream")
    _capture_options(run, wait=5.0)
    run.add_argument("agent", nargs=argparse.REMAINDER, help="-- then the agent command and its arguments")

    imported = commands.add_parser("import", help="capture an existing stream or transcript file")
    _capture_options(imported, wait=30.0)
    imported.add_argument("file", type=Path)

    parse = commands.add_parser("parse", help="print a stream's typed steps as JSON lines (no network)")
    parse.add_argument("--provider", required=True, choices=PROVIDERS)
    parse.add_argument("file", type=Path)

    commands.add_parser(
        "scrub", help="filter: JSON lines with a `text` field in, the same lines scrubbed out"
    )

    commands.add_parser("status", help="spool, last delivery, refused (quarantined) and lost data")

    retry = commands.add_parser("retry", help="queue envelopes the server refused (quarantined) again")
    retry.add_argument("--session", default=None, help="only this session's (as `status` names them)")

    flush = commands.add_parser(
        "flush", help="deliver the spool now: to --server, else each session to the server it records"
    )
    flush.add_argument(
        "--server",
        default=os.environ.get(DEFAULT_SERVER_ENV),
        help=f"Central Command URL (${DEFAULT_SERVER_ENV})",
    )
    flush.add_argument(
        "--wait", type=float, default=30.0, help="give up after this many seconds (default 30)"
    )
    return parser


def _capture_options(command: argparse.ArgumentParser, *, wait: float) -> None:
    command.add_argument("--provider", required=True, choices=PROVIDERS)
    command.add_argument(
        "--server",
        default=os.environ.get(DEFAULT_SERVER_ENV),
        help=f"Central Command URL (${DEFAULT_SERVER_ENV})",
    )
    command.add_argument(
        "--model",
        default=None,
        help="the model, for streams that do not name it (a model the stream names wins)",
    )
    command.add_argument(
        "--role", default="agent", help="the agent's role, recorded in the metadata (default agent)"
    )
    command.add_argument(
        "--wait", type=float, default=wait,
        help=f"seconds to wait for delivery at the end; what is left waits in the spool (default {wait:g})",
    )  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    home = consent.groove_home()
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
    if args.command == "run" and args.agent[:1] == ["--"]:
        args.agent = args.agent[1:]
    if args.command == "run" and not args.agent:
        print("groove-capture run: give the agent command after --", file=sys.stderr)
        return 2
    if not consent.is_opted_in(home):
        if source is not None:
            source.close()
        return _without_consent(args)
    if args.command == "run":
        say_no_server(args.server)  # `import` says it once it has something to capture
    from client_actors import runner  # only now: the person has opted in

    return runner.command(args, home, source)


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
    import subprocess

    code = subprocess.call(args.agent)
    return 128 - code if code < 0 else code  # killed by a signal: the shell's convention


def _when(timestamp: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(timestamp))


if __name__ == "__main__":
    sys.exit(main())
