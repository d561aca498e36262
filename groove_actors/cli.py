"""`groove-central`: run Central Command."""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import trio

from groove_actors import logs
from groove_actors.errors import ConfigError, StoreCorrupt
from groove_actors.http.app import DEFAULT_BODY_BUDGET_BYTES
from groove_actors.protocol.policy import load_policy
from groove_actors.server.ratelimit import OPENS_PER_HOUR
from groove_actors.server.reaper import FEEDBACK_WINDOW_S
from groove_actors.server.sessions import DEFAULT_MAX_SESSION_BYTES
from groove_actors.server.supervisor import DEFAULT_QUOTA_BYTES, ServerConfig, serve

if TYPE_CHECKING:
    from groove_actors.store.check import CheckResult


def _env(name: str, default: str) -> str:
    return os.environ.get(name, default)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="groove-central", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("serve", help="serve the HTTP API until SIGINT/SIGTERM")
    run.add_argument("--host", default=_env("GROOVE_CENTRAL_HOST", "127.0.0.1"))
    run.add_argument("--port", type=int, default=int(_env("GROOVE_CENTRAL_PORT", "8443")))
    run.add_argument("--data-dir", type=Path, default=Path(_env("GROOVE_DATA_DIR", "data")))
    run.add_argument("--log-level", default=_env("GROOVE_LOG_LEVEL", "INFO"))
    run.add_argument(
        "--quota-gb", type=float, default=float(_env("GROOVE_QUOTA_GB", str(DEFAULT_QUOTA_BYTES / 1000**3))),
        help="envelope storage quota in GB; past it, ingest answers 507 (default 50)",
    )  # fmt: skip
    run.add_argument("--segment-mb", type=float, default=256.0, help="roll envelope files at this size")
    run.add_argument(
        "--close-grace", type=float, default=60.0,
        help="seconds a full session whose close was requested still takes its SESSION_CLOSE",
    )  # fmt: skip
    run.add_argument(
        "--idle-timeout", type=float, default=24 * 3600.0, help="seconds before a silent session"
    )
    run.add_argument("--rate-per-minute", type=int, default=100, help="requests per client address (0: off)")
    run.add_argument("--rate-per-hour", type=int, default=1000, help="requests per client address (0: off)")
    run.add_argument(
        "--max-session-mb", type=float, default=DEFAULT_MAX_SESSION_BYTES / (1024 * 1024),
        help="the most one session's envelopes may take, in MiB (stitching holds a session in memory)",
    )  # fmt: skip
    run.add_argument(
        "--bodies-mb", type=float, default=DEFAULT_BODY_BUDGET_BYTES / (1024 * 1024),
        help="request bodies held at once, in MiB; more waits, then gets 503 (bounds memory)",
    )  # fmt: skip
    run.add_argument(
        "--opens-per-hour", type=int, default=OPENS_PER_HOUR,
        help=f"session opens per machine fingerprint and hour, 0 = off (default {OPENS_PER_HOUR})",
    )  # fmt: skip
    run.add_argument(
        "--feedback-window", type=float, default=FEEDBACK_WINDOW_S,
        help="seconds a closed session still takes USER_FEEDBACK (default 3600); its secret is dropped then",
    )  # fmt: skip
    run.add_argument(
        "--trusted-proxy", action="append", default=[], help="address whose X-Forwarded-For is believed"
    )
    run.add_argument(
        "--policy", type=Path, default=None, help="scoring policy TOML (default: the packaged one)"
    )
    run.add_argument(
        "--admin-token-file", type=Path, default=None,
        help="file holding the admin token for /metrics (default: the GROOVE_ADMIN_TOKEN variable)",
    )  # fmt: skip
    check = commands.add_parser(
        "check", help="hold the logs, the catalog and the ledger against each other (server stopped)"
    )
    check.add_argument("--data-dir", type=Path, default=Path(_env("GROOVE_DATA_DIR", "data")))
    rebuild = commands.add_parser(
        "rebuild", help="rebuild the catalog from the logs, moving the old one aside (server stopped)"
    )
    rebuild.add_argument("--data-dir", type=Path, default=Path(_env("GROOVE_DATA_DIR", "data")))
    requeue = commands.add_parser(
        "requeue", help="check refused (kept aside) envelopes again and take those that pass (server stopped)"
    )
    requeue.add_argument("--data-dir", type=Path, default=Path(_env("GROOVE_DATA_DIR", "data")))
    requeue.add_argument("--session", default=None, help="only this session's refused envelopes")
    requeue.add_argument(
        "--policy", type=Path, default=None, help="the scoring policy the server runs with (its step types)"
    )
    _add_export(commands)
    view = commands.add_parser("watch", help="follow the admin dashboard's live numbers in this terminal")
    view.add_argument("--url", default=f"http://127.0.0.1:{_env('GROOVE_CENTRAL_PORT', '8443')}")
    view.add_argument("--admin-token-file", type=Path, default=None)
    view.add_argument("--updates", type=int, default=None, help="stop after this many updates")
    return parser


def _add_export(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from groove_actors.export.files import DEFAULT_SHARD_ROWS, parse_day

    export = commands.add_parser(
        "export", help="write credited trajectories as a dataset (Parquet or JSONL); safe while serving"
    )
    export.add_argument("--data-dir", type=Path, default=Path(_env("GROOVE_DATA_DIR", "data")))
    export.add_argument("--out", type=Path, required=True, help="the dataset's directory (shards, watermark)")
    export.add_argument("--format", choices=("parquet", "jsonl"), default="parquet")
    export.add_argument("--since", type=parse_day, default=None, help="credited on or after this UTC date")
    export.add_argument("--until", type=parse_day, default=None, help="credited on or before this UTC date")
    export.add_argument("--provider", default=None, help="only this provider's sessions")
    export.add_argument("--model", default=None, help="only this model's sessions")
    export.add_argument(
        "--eligible-only", action="store_true", help="only sessions fit for training (docs/EXPORT.md)"
    )
    export.add_argument(
        "--min-tier",
        choices=("A", "B", "C"),
        default=None,
        help="only sessions of this quality tier or better",
    )
    export.add_argument(
        "--resume", action="store_true", help="add what was credited since the last export into new shards"
    )
    export.add_argument(
        "--shard-rows", type=_positive, default=DEFAULT_SHARD_ROWS, help="rows per shard at most"
    )


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number, got {text}")
    return value


def config_from(args: argparse.Namespace) -> ServerConfig:
    return ServerConfig(
        host=args.host,
        port=args.port,
        data_dir=args.data_dir,
        quota_bytes=int(args.quota_gb * 1000**3),
        max_segment_bytes=int(args.segment_mb * 1024 * 1024),
        max_session_bytes=int(args.max_session_mb * 1024 * 1024),
        body_budget_bytes=int(args.bodies_mb * 1024 * 1024),
        close_grace_s=args.close_grace,
        idle_timeout_s=args.idle_timeout,
        feedback_window_s=args.feedback_window,
        rate_per_minute=args.rate_per_minute,
        rate_per_hour=args.rate_per_hour,
        opens_per_hour=args.opens_per_hour,
        trusted_proxies=frozenset(args.trusted_proxy),
        policy_path=args.policy,
        admin_token=_admin_token(args.admin_token_file),
    )


def _admin_token(path: Path | None) -> str | None:
    """The admin token from a file (preferred: it stays out of process listings) or the environment."""
    if path is not None:
        try:
            token = path.read_text("utf-8").strip()
        except OSError as exc:
            raise ConfigError(f"cannot read admin token file {path}: {exc.strerror}") from exc
        if len(token) < 16:
            raise ConfigError(f"admin token in {path} is shorter than 16 characters")
        return token
    return os.environ.get("GROOVE_ADMIN_TOKEN") or None


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logs.configure(getattr(args, "log_level", "INFO"))
    if args.command == "serve":
        try:
            config = config_from(args)
        except ConfigError as exc:
            print(f"groove-central: {exc}", file=sys.stderr)
            return 2
        return _serve(config)
    if args.command in ("check", "rebuild", "requeue"):
        return _maintain(args)
    if args.command == "export":
        return _export(args)
    if args.command == "watch":
        from groove_actors import watch

        try:
            token = _admin_token(args.admin_token_file)
        except ConfigError as exc:
            print(f"groove-central: {exc}", file=sys.stderr)
            return 2
        if not token:
            print("groove-central watch: give --admin-token-file or set GROOVE_ADMIN_TOKEN", file=sys.stderr)
            return 2
        return watch.main(args.url, token, args.updates)
    return 0


def _maintain(args: argparse.Namespace) -> int:
    """check, rebuild or requeue a data dir, with the server stopped; progress and findings on stderr."""
    from groove_actors.store import check as maintenance
    from groove_actors.store.lock import hold_data_dir
    from groove_actors.store.requeue import requeue_data_dir

    command, data_dir = args.command, args.data_dir

    def say(line: str) -> None:
        print(f"groove-central {command}: {line}", file=sys.stderr, flush=True)

    if not data_dir.is_dir():
        say(f"{data_dir} is not a directory")
        return 2
    try:
        with hold_data_dir(data_dir):
            if command == "check":
                return _report_check(maintenance.check_data_dir(data_dir, say=say), say)
            if command == "requeue":
                step_types = load_policy(args.policy).step_types
                requeued = requeue_data_dir(data_dir, say=say, session_id=args.session, step_types=step_types)
                for name in requeued.taken:
                    say(f"taken: {name}")
                for still in requeued.still_refused:
                    say(f"still refused: {still}")
                say(requeued.summary())
                return 0
            report = maintenance.rebuild_data_dir(data_dir, say=say)
    except (ConfigError, StoreCorrupt, OSError, sqlite3.Error) as exc:
        say(str(exc))
        return 1
    counts = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in report.replayed.items() if v)
    say(f"rebuilt the catalog from the logs: {counts or 'nothing to replay'}")
    if report.keys_lost:
        say(
            f"{report.keys_lost} open session(s) had no key left and were closed (credited with what they hold)"
        )
    for problem in report.unplaced:
        say(f"could not place: {problem}")
    if report.unplaced:
        say(
            f"{len(report.unplaced)} record(s) could not be placed (above); the server can start without them"
        )
        return 1
    return 0


def _export(args: argparse.Namespace) -> int:
    """Export credited trajectories; progress and a one-line summary on stderr. Never takes the lock."""
    from groove_actors.export.files import ExportError, ExportUsageError, export
    from groove_actors.export.rows import Filters

    def say(line: str) -> None:
        print(f"groove-central export: {line}", file=sys.stderr, flush=True)

    if args.since and args.until and args.since > args.until:
        say(f"--since {args.since} is after --until {args.until}")
        return 2
    filters = Filters(args.since, args.until, args.provider, args.model, args.eligible_only, args.min_tier)
    try:
        summary = export(
            args.data_dir, args.out, fmt=args.format, filters=filters, resume=args.resume,
            shard_rows=args.shard_rows, say=say,
        )  # fmt: skip
    except ExportUsageError as exc:
        say(str(exc))
        return 2
    except (ExportError, OSError, sqlite3.Error) as exc:
        say(str(exc))
        return 1
    say(summary.line())
    return 0


def _report_check(result: CheckResult, say: Callable[[str], None]) -> int:
    for note in result.notes:
        say(f"note: {note}")
    for problem in result.problems:
        say(f"INCONSISTENT: {problem}")
    if result.problems:
        say(f"{len(result.problems)} inconsistency(ies) found")
        return 1
    say("the logs, the catalog and the ledger agree")
    return 0


def _serve(config: ServerConfig) -> int:
    failures: list[BaseException] = []
    try:
        trio.run(serve, config)
    except* (OSError, ConfigError, StoreCorrupt) as group:
        failures.extend(_leaves(group))
    if failures:
        first = failures[0]
        reason = (first.strerror if isinstance(first, OSError) else None) or str(first)
        logs.event("server.failed", level=40, error=reason)
        where = f" on {config.host}:{config.port}" if isinstance(first, OSError) else ""
        print(f"groove-central: cannot serve{where}: {reason}", file=sys.stderr)
        return 1
    return 0


def _leaves(error: BaseException) -> list[BaseException]:
    """The exceptions inside (nested) exception groups, in order."""
    if isinstance(error, BaseExceptionGroup):
        return [leaf for inner in error.exceptions for leaf in _leaves(inner)]
    return [error]


if __name__ == "__main__":
    sys.exit(main())
