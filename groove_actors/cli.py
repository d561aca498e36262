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

from groove_actors import __version__, logs, options
from groove_actors.compose import serve
from groove_actors.errors import ConfigError, StoreCorrupt
from groove_actors.http.admin import MIN_TOKEN_CHARS, read_token_file
from groove_actors.logs import DEFAULT_LEVEL as DEFAULT_LOG_LEVEL
from groove_actors.options import env_default
from groove_actors.protocol.policy import load_policy
from groove_actors.server.ratelimit import OPENS_PER_HOUR, PER_HOUR, PER_MINUTE
from groove_actors.server.reaper import CLOSE_GRACE_S, FEEDBACK_WINDOW_S, IDLE_TIMEOUT_S
from groove_actors.server.sessions import DEFAULT_MAX_SESSION_BYTES
from groove_actors.server.supervisor import (
    DEFAULT_BODY_BUDGET_BYTES,
    DEFAULT_DATA_DIR,
    DEFAULT_HOST,
    DEFAULT_PORT,
    DEFAULT_QUOTA_BYTES,
    ServerConfig,
)
from groove_actors.store.segments import DEFAULT_MAX_SEGMENT_BYTES

if TYPE_CHECKING:
    from groove_actors.store.check import CheckResult


DEFAULT_QUOTA_GB = f"{DEFAULT_QUOTA_BYTES / 1000**3:g}"
DESCRIPTION = "Central Command: verifies, stores, stitches, scores and credits agent trajectories."
ADMIN_TOKEN_ENV = "the admin token (16 characters or more) when --admin-token-file is not given"
# The variables each subcommand reads, listed in its --help.
SERVE_ENVIRONMENT = {
    "GROOVE_CENTRAL_HOST": f"--host (default {DEFAULT_HOST})",
    "GROOVE_CENTRAL_PORT": f"--port (default {DEFAULT_PORT})",
    "GROOVE_DATA_DIR": f"--data-dir (default {DEFAULT_DATA_DIR})",
    "GROOVE_LOG_LEVEL": f"--log-level (default {DEFAULT_LOG_LEVEL})",
    "GROOVE_QUOTA_GB": f"--quota-gb (default {DEFAULT_QUOTA_GB})",
    "GROOVE_ADMIN_TOKEN": ADMIN_TOKEN_ENV,
}
DATA_DIR_ENVIRONMENT = {"GROOVE_DATA_DIR": SERVE_ENVIRONMENT["GROOVE_DATA_DIR"]}
WATCH_ENVIRONMENT = {
    "GROOVE_CENTRAL_PORT": f"the port in --url's default (default {DEFAULT_PORT})",
    "GROOVE_ADMIN_TOKEN": ADMIN_TOKEN_ENV,
}
MIB = 1024 * 1024


def epilog(environment: dict[str, str]) -> str:
    """The lines of --help that name the environment variables a command reads (the option, when given, wins)."""
    width = max(map(len, environment))
    lines = [f"  {name:<{width}}  {meaning}" for name, meaning in environment.items()]
    return "\n".join(["environment (an option given on the command line overrides its variable):", *lines])


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    summary: str,
    environment: dict[str, str] | None = None,
) -> argparse.ArgumentParser:
    """A subcommand whose --help says what it does and which environment variables it reads."""
    return commands.add_parser(
        name, help=summary, description=f"{summary[0].upper()}{summary[1:]}.",
        epilog=epilog(environment) if environment else None, formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip


def _data_dir(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--data-dir", metavar="DIR", type=Path, default=env_default("GROOVE_DATA_DIR", DEFAULT_DATA_DIR),
        help="the data directory (default %(default)s)",
    )  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="groove-central", description=DESCRIPTION, epilog=epilog(SERVE_ENVIRONMENT),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    _add_serve(commands)
    check = _command(
        commands, "check", "hold the logs, the catalog and the ledger against each other (server stopped)",
        DATA_DIR_ENVIRONMENT,
    )  # fmt: skip
    _data_dir(check)
    check.add_argument(
        "--store", metavar="URL", type=options.store_url, default=None,
        help="postgresql://USER@HOST:PORT/DB: check that PostgreSQL store instead of --data-dir (it may be serving)",
    )  # fmt: skip
    _add_migrate(commands)
    rebuild = _command(
        commands, "rebuild", "rebuild the catalog from the logs, moving the old one aside (server stopped)",
        DATA_DIR_ENVIRONMENT,
    )  # fmt: skip
    _data_dir(rebuild)
    requeue = _command(
        commands, "requeue", "check refused (kept aside) envelopes again and take those that pass (server stopped)",
        DATA_DIR_ENVIRONMENT,
    )  # fmt: skip
    _data_dir(requeue)
    requeue.add_argument(
        "--session", metavar="ID", default=None, help="only this session's refused envelopes"
    )
    requeue.add_argument(
        "--policy", metavar="FILE", type=Path, default=None,
        help="the scoring policy TOML the server runs with, for its step types (default: the packaged one)",
    )  # fmt: skip
    _add_export(commands)
    view = _command(
        commands, "watch", "follow the admin dashboard's live numbers in this terminal", WATCH_ENVIRONMENT
    )
    view.add_argument(
        "--url", metavar="URL", type=options.http_url,
        default=env_default("GROOVE_CENTRAL_PORT", f"http://127.0.0.1:{DEFAULT_PORT}", "http://127.0.0.1:{}"),
        help="the server's URL (default %(default)s)",
    )  # fmt: skip
    view.add_argument(
        "--admin-token-file", metavar="FILE", type=Path, default=None,
        help="file holding the admin token (default: the GROOVE_ADMIN_TOKEN variable)",
    )  # fmt: skip
    view.add_argument(
        "--updates",
        metavar="N",
        type=options.positive_int,
        default=None,
        help="stop after this many updates (default: never)",
    )
    return parser


def _add_serve(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    run = _command(commands, "serve", "serve the HTTP API until SIGINT or SIGTERM", SERVE_ENVIRONMENT)
    run.add_argument(
        "--host", default=env_default("GROOVE_CENTRAL_HOST", DEFAULT_HOST),
        help="address to listen on (default %(default)s)",
    )  # fmt: skip
    run.add_argument(
        "--port", type=options.port, default=env_default("GROOVE_CENTRAL_PORT", str(DEFAULT_PORT)),
        help="port to listen on, 0 for any free one (default %(default)s)",
    )  # fmt: skip
    run.add_argument(
        "--data-dir", metavar="DIR", type=options.data_dir_to_create,
        default=env_default("GROOVE_DATA_DIR", DEFAULT_DATA_DIR),
        help="the data directory, created if missing; its parent must exist (default %(default)s)",
    )  # fmt: skip
    run.add_argument(
        "--store", metavar="URL", type=options.store_url, default=None,
        help="postgresql://USER@HOST:PORT/DB: keep everything in PostgreSQL, shared by several serve processes,"
        " instead of the data directory; a password goes in ~/.pgpass or PGPASSWORD, not here (default: the"
        " embedded store in --data-dir)",
    )  # fmt: skip
    run.add_argument(
        "--log-level", metavar="LEVEL", type=options.log_level,
        default=env_default("GROOVE_LOG_LEVEL", DEFAULT_LOG_LEVEL),
        help=f"least level of the events logged: {', '.join(options.LOG_LEVELS)} (default %(default)s)",
    )  # fmt: skip
    run.add_argument(
        "--quota-gb", metavar="GB", type=options.positive, default=env_default("GROOVE_QUOTA_GB", DEFAULT_QUOTA_GB),
        help="envelope storage quota in GB (10^9 bytes); past it, ingest answers 507 (default %(default)s)",
    )  # fmt: skip
    run.add_argument(
        "--segment-mb", metavar="MIB", type=options.positive, default=DEFAULT_MAX_SEGMENT_BYTES / MIB,
        help="envelope files roll over at this size in MiB, and every UTC day (default %(default)g)",
    )  # fmt: skip
    run.add_argument(
        "--close-grace", metavar="SECONDS", type=options.non_negative, default=CLOSE_GRACE_S,
        help="seconds a full session whose close was requested still takes its SESSION_CLOSE (default %(default)g)",
    )  # fmt: skip
    run.add_argument(
        "--idle-timeout", metavar="SECONDS", type=options.positive, default=IDLE_TIMEOUT_S,
        help="seconds after which a silent session is closed as a CRASH and credited (default %(default)g)",
    )  # fmt: skip
    run.add_argument(
        "--rate-per-minute", metavar="N", type=options.limit, default=PER_MINUTE,
        help="requests per client address and minute, 0 = off (default %(default)s)",
    )  # fmt: skip
    run.add_argument(
        "--rate-per-hour", metavar="N", type=options.limit, default=PER_HOUR,
        help="requests per client address and hour, 0 = off (default %(default)s)",
    )  # fmt: skip
    run.add_argument(
        "--max-session-mb", metavar="MIB", type=options.positive, default=DEFAULT_MAX_SESSION_BYTES / MIB,
        help="the most one session's envelopes may take, in MiB; crediting holds a session in memory at about 5x"
        " this (default %(default)g)",
    )  # fmt: skip
    run.add_argument(
        "--bodies-mb", metavar="MIB", type=options.positive, default=DEFAULT_BODY_BUDGET_BYTES / MIB,
        help="request bodies held at once, in MiB; a request that finds no room waits, then gets 503 (default"
        " %(default)g)",
    )  # fmt: skip
    run.add_argument(
        "--opens-per-hour", metavar="N", type=options.limit, default=OPENS_PER_HOUR,
        help="session opens per machine fingerprint and hour, 0 = off (default %(default)s)",
    )  # fmt: skip
    run.add_argument(
        "--feedback-window", metavar="SECONDS", type=options.non_negative, default=FEEDBACK_WINDOW_S,
        help="seconds a closed session still takes USER_FEEDBACK; its secret is dropped then (default %(default)g)",
    )  # fmt: skip
    run.add_argument(
        "--trusted-proxy", action="append", default=[], metavar="ADDR",
        help="a proxy whose X-Forwarded-For is believed (repeatable)",
    )  # fmt: skip
    run.add_argument(
        "--policy",
        metavar="FILE",
        type=Path,
        default=None,
        help="scoring policy TOML (default: the packaged one)",
    )
    run.add_argument(
        "--admin-token-file", metavar="FILE", type=Path, default=None,
        help="file holding the admin token for /metrics and the dashboard (default: the GROOVE_ADMIN_TOKEN"
        " variable)",
    )  # fmt: skip


MIGRATE_RESUME = (
    "Run it with the server stopped (it holds the data dir's lock), into an empty database, or one holding only the"
    " server's schema. Each table moves in batches, one transaction each, recording how far it got in the target's"
    " groove_migration table: if it is interrupted, run the same command again and it resumes where it stopped,"
    " moving nothing twice (as long as no server ran on the data dir in between). Then check the result with"
    " `groove-central check --store URL` and serve with `groove-central serve --store URL`."
)


def _add_migrate(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    migrate = commands.add_parser(
        "migrate", help="move an embedded store (a data dir) into an empty PostgreSQL database (server stopped)",
        description="Move an embedded store (a data dir) into an empty PostgreSQL database. " + MIGRATE_RESUME,
    )  # fmt: skip
    migrate.add_argument(
        "--from", dest="source", metavar="DIR", type=Path, required=True, help="the data directory to move"
    )
    migrate.add_argument(
        "--to", dest="target", metavar="URL", type=options.store_url, required=True,
        help="postgresql://USER@HOST:PORT/DB; a password goes in ~/.pgpass or PGPASSWORD, not here",
    )  # fmt: skip


def _add_export(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from groove_actors.export.files import DEFAULT_SHARD_ROWS, parse_day

    export = _command(
        commands, "export", "write credited trajectories as a dataset (Parquet or JSONL); safe while serving",
        DATA_DIR_ENVIRONMENT,
    )  # fmt: skip
    _data_dir(export)
    export.add_argument(
        "--out", metavar="DIR", type=Path, required=True, help="the dataset's directory (shards in DIR/data)"
    )
    export.add_argument(
        "--format", choices=("parquet", "jsonl"), default="parquet", help="(default %(default)s)"
    )
    export.add_argument(
        "--since", metavar="DATE", type=parse_day, default=None, help="credited on or after this UTC date"
    )
    export.add_argument(
        "--until", metavar="DATE", type=parse_day, default=None, help="credited on or before this UTC date"
    )
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
        "--shard-rows", metavar="N", type=options.positive_int, default=DEFAULT_SHARD_ROWS,
        help="rows per shard at most (default %(default)s)",
    )  # fmt: skip


def config_from(args: argparse.Namespace) -> ServerConfig:
    return ServerConfig(
        host=args.host,
        port=args.port,
        data_dir=args.data_dir,
        quota_bytes=_bytes(args.quota_gb, 1000**3),
        max_segment_bytes=_bytes(args.segment_mb, MIB),
        max_session_bytes=_bytes(args.max_session_mb, MIB),
        body_budget_bytes=_bytes(args.bodies_mb, MIB),
        close_grace_s=args.close_grace,
        idle_timeout_s=args.idle_timeout,
        feedback_window_s=args.feedback_window,
        rate_per_minute=args.rate_per_minute,
        rate_per_hour=args.rate_per_hour,
        opens_per_hour=args.opens_per_hour,
        trusted_proxies=frozenset(args.trusted_proxy),
        policy_path=args.policy,
        admin_token=_admin_token(args.admin_token_file),
        admin_token_file=args.admin_token_file,
        store_url=args.store,
    )


def _bytes(amount: float, unit: int) -> int:
    """A size given in GB or MiB (above 0, as argparse checked) in bytes: never 0, which would mean no room."""
    return max(1, int(amount * unit))


def _admin_token(path: Path | None) -> str | None:
    """The admin token from a file (preferred: it stays out of process listings) or the environment."""
    if path is not None:
        return read_token_file(path)
    variable = os.environ.get("GROOVE_ADMIN_TOKEN") or None
    if variable is not None and len(variable) < MIN_TOKEN_CHARS:
        raise ConfigError(
            f"the admin token in GROOVE_ADMIN_TOKEN is shorter than {MIN_TOKEN_CHARS} characters"
        )
    return variable


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logs.configure(getattr(args, "log_level", DEFAULT_LOG_LEVEL))
    if args.command == "serve":
        try:
            config = config_from(args)
            # A policy that cannot be read or parsed is bad configuration too: said before anything starts.
            load_policy(config.policy_path)
        except ConfigError as exc:
            print(f"groove-central: {exc}", file=sys.stderr)
            return 2
        return _serve(config)
    if args.command == "check" and args.store is not None:
        return _check_postgres(args.store)
    if args.command in ("check", "rebuild", "requeue"):
        return _maintain(args)
    if args.command == "migrate":
        return _migrate(args.source, args.target)
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


def _check_postgres(url: str) -> int:
    """check on the PostgreSQL store: its tables against each other, in one snapshot (servers may run)."""
    import psycopg

    from groove_actors.store.postgres.check import CheckUnavailable, check_database
    from groove_actors.store.postgres.url import StoreUrl

    def say(line: str) -> None:
        print(f"groove-central check: {line}", file=sys.stderr, flush=True)

    try:
        result = check_database(StoreUrl.parse(url), say=say)
        return _report_check(result, say, "the store's tables and its ledger agree")
    except ValueError as exc:
        say(f"--store: {exc}")
        return 2
    except (CheckUnavailable, OSError) as exc:
        say(str(exc))
        return 1
    except psycopg.Error as exc:
        say(f"the database failed ({type(exc).__name__}: {_first_line(exc)}); nothing was checked")
        return 1


def _first_line(exc: BaseException) -> str:
    """The first line of a database error (later ones may quote rows)."""
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _migrate(source: Path, target: str) -> int:
    """migrate a data dir into PostgreSQL; progress on a terminal and a summary on stderr."""
    import psycopg

    from groove_actors.store.postgres.migrate import migrate_data_dir
    from groove_actors.store.postgres.url import StoreUrl

    def say(line: str) -> None:
        print(f"groove-central migrate: {line}", file=sys.stderr, flush=True)

    from groove_actors.store.embedded import CATALOG_FILE

    if not (source / CATALOG_FILE).is_file():
        say(f"--from: {source} is not a Central Command data dir (no {CATALOG_FILE} in it)")
        return 2
    try:
        url = StoreUrl.parse(target)
    except ValueError as exc:
        say(f"--to: {exc}")
        return 2
    try:
        report = migrate_data_dir(source, url, say=say)
    except (ConfigError, StoreCorrupt, OSError, sqlite3.Error) as exc:
        say(str(exc))
        return 1
    except psycopg.Error as exc:
        say(
            f"the database failed ({type(exc).__name__}: {_first_line(exc)}); run the same command again to resume"
        )
        return 1
    except KeyboardInterrupt:
        say("interrupted: what was moved stays; run the same command again to resume")
        return 130
    say(report.line(url.shown))
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


def _report_check(
    result: CheckResult,
    say: Callable[[str], None],
    agreed: str = "the logs, the catalog and the ledger agree",
) -> int:
    for note in result.notes:
        say(f"note: {note}")
    for problem in result.problems:
        say(f"INCONSISTENT: {problem}")
    if result.problems:
        say(f"{len(result.problems)} inconsistency(ies) found")
        return 1
    say(agreed)
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
