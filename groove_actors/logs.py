"""Structured logging: one JSON object per line and per event, never payload contents.

Events go through the `groove` logger, so anything that listens to logging (tests, an embedding program)
sees them. When the logger's one handler is the one `configure` installs, an event is written straight to it
as one line: every request logs a line, and a LogRecord, its filters and its formatter cost more than the
line itself (bench/RESULTS.md, "Per-request overhead").
"""

from __future__ import annotations

import logging
import sys
import time
from typing import Any

import orjson

LOGGER_NAME = "groove"
DEFAULT_LEVEL = "INFO"
_LOGGER = logging.getLogger(LOGGER_NAME)


def json_line(created: float, level: int, name: str, fields: dict[str, Any] | None) -> str:
    """One event as one JSON object: its time, level and name, then its fields."""
    line: dict[str, Any] = {"ts": round(created, 3), "level": _level_name(level), "event": name}
    if fields:
        line.update(fields)
    try:
        return orjson.dumps(line, default=str).decode()
    except TypeError:  # text that is not UTF-8 (a lone surrogate): the line must stay one JSON object
        return orjson.dumps(_printable(line), default=str).decode()


def _level_name(level: int) -> str:
    return logging.getLevelName(level).lower()


class JsonLineFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        fields = dict(getattr(record, "fields", None) or {})
        if record.exc_info and record.exc_info[1] is not None:
            fields["error"] = f"{type(record.exc_info[1]).__name__}: {record.exc_info[1]}"
        return json_line(record.created, record.levelno, record.getMessage(), fields)


class JsonLineHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """The handler `configure` installs; `write_event` writes an event without making a LogRecord."""

    def write_event(self, name: str, level: int, fields: dict[str, Any]) -> None:
        line = json_line(time.time(), level, name, fields) + "\n"
        try:
            with self.lock:  # type: ignore[union-attr]  # created with the handler
                self.stream.write(line)
                self.stream.flush()
        except Exception:  # as `emit` does: a log line that cannot be written never fails its caller
            self.handleError(logging.LogRecord(LOGGER_NAME, level, "", 0, name, None, None))


def _printable(value: Any) -> Any:
    """The value with every string made encodable: a lone surrogate becomes the text `\\udXXX`."""
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, dict):
        return {_printable(k): _printable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_printable(v) for v in value]
    return value


def configure(level: str = DEFAULT_LEVEL) -> None:
    """Send the project's events to stderr as JSON lines (call once, from a CLI entry point)."""
    handler = JsonLineHandler(sys.stderr)
    handler.setFormatter(JsonLineFormatter())
    _LOGGER.handlers[:] = [handler]
    _LOGGER.setLevel(level)
    _LOGGER.propagate = False


def event(name: str, *, level: int = logging.INFO, **fields: Any) -> None:
    """Log one event with its fields; callers pass identifiers and sizes, never envelope contents."""
    if not _LOGGER.isEnabledFor(level):
        return
    handlers = _LOGGER.handlers
    if len(handlers) == 1 and not _LOGGER.filters and not _LOGGER.propagate:
        handler = handlers[0]
        if type(handler) is JsonLineHandler and not handler.filters and level >= handler.level:
            handler.write_event(name, level, fields)
            return
    _LOGGER.log(level, name, extra={"fields": fields})


def elapsed_ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 2)
