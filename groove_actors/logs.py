"""Structured logging: one JSON object per line and per event, never payload contents."""

from __future__ import annotations

import logging
import sys
import time
from typing import Any

import orjson

LOGGER_NAME = "groove"
DEFAULT_LEVEL = "INFO"


class JsonLineFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "ts": round(record.created, 3),
            "level": record.levelname.lower(),
            "event": record.getMessage(),
        }
        fields = getattr(record, "fields", None)
        if fields:
            line.update(fields)
        if record.exc_info and record.exc_info[1] is not None:
            line["error"] = f"{type(record.exc_info[1]).__name__}: {record.exc_info[1]}"
        try:
            return orjson.dumps(line, default=str).decode()
        except TypeError:  # text that is not UTF-8 (a lone surrogate): the line must stay one JSON object
            return orjson.dumps(_printable(line), default=str).decode()


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
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonLineFormatter())
    root = logging.getLogger(LOGGER_NAME)
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False


def event(name: str, *, level: int = logging.INFO, **fields: Any) -> None:
    """Log one event with its fields; callers pass identifiers and sizes, never envelope contents."""
    logging.getLogger(LOGGER_NAME).log(level, name, extra={"fields": fields})


def elapsed_ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 2)
