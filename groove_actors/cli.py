"""`groove-central`: run Central Command."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import trio

from groove_actors import logs
from groove_actors.server.supervisor import ServerConfig, serve


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="groove-central", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("serve", help="serve the HTTP API until SIGINT/SIGTERM")
    run.add_argument("--host", default=os.environ.get("GROOVE_CENTRAL_HOST", "127.0.0.1"))
    run.add_argument("--port", type=int, default=int(os.environ.get("GROOVE_CENTRAL_PORT", "8443")))
    run.add_argument("--data-dir", type=Path, default=Path(os.environ.get("GROOVE_DATA_DIR", "data")))
    run.add_argument("--log-level", default=os.environ.get("GROOVE_LOG_LEVEL", "INFO"))
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logs.configure(args.log_level)
    if args.command == "serve":
        config = ServerConfig(host=args.host, port=args.port, data_dir=args.data_dir)
        failures: list[BaseException] = []
        try:
            trio.run(serve, config)
        except* OSError as group:
            failures.extend(_leaves(group))
        if failures:
            first = failures[0]
            reason = (first.strerror if isinstance(first, OSError) else None) or str(first)
            logs.event("server.failed", error=reason)
            print(f"groove-central: cannot serve on {args.host}:{args.port}: {reason}", file=sys.stderr)
            return 1
    return 0


def _leaves(error: BaseException) -> list[BaseException]:
    """The exceptions inside (nested) exception groups, in order."""
    if isinstance(error, BaseExceptionGroup):
        return [leaf for inner in error.exceptions for leaf in _leaves(inner)]
    return [error]


if __name__ == "__main__":
    sys.exit(main())
