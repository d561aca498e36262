"""Argument types for groove-central and groove-capture: a bad value is refused in one line, exit status 2.

argparse turns an `argparse.ArgumentTypeError` into its usage and one error line naming the option. A default
read from an environment variable goes through the same type (argparse converts string defaults only when the
option is not given), and its message names the variable, since that is what the operator has to fix.
Only the standard library is imported here: `groove-capture` loads this before it knows whether capture may run.
"""

from __future__ import annotations

import argparse
import math
import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

T = TypeVar("T")

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class FromEnvironment(str):
    """A default taken from an environment variable: a bad value's message names the variable."""

    variable: str


def env_default(variable: str, fallback: str | None, template: str = "{}") -> str | None:
    """An option's default: `template` filled with the variable's value, or `fallback` if it is unset or empty."""
    value = os.environ.get(variable)
    if not value:
        return fallback
    default = FromEnvironment(template.format(value))
    default.variable = variable
    return default


def _refuse(text: str, accepts: str) -> argparse.ArgumentTypeError:
    source = f" (from {text.variable})" if isinstance(text, FromEnvironment) else ""
    return argparse.ArgumentTypeError(f"{str(text)!r}{source}: expected {accepts}")


def _argument_type(
    name: str, convert: Callable[[str], T], accept: Callable[[T], bool], accepts: str
) -> Callable[[str], T]:
    """An argparse `type=`: `convert`, then `accept`, else one line saying what the option `accepts`."""

    def parse(text: str) -> T:
        try:
            value = convert(text)
        except ValueError:
            raise _refuse(text, accepts) from None
        if not accept(value):
            raise _refuse(text, accepts)
        return value

    parse.__name__ = name
    return parse


port = _argument_type("port", int, lambda n: 0 <= n <= 65535, "a port number from 0 (any free port) to 65535")
positive_int = _argument_type("positive_int", int, lambda n: n > 0, "a whole number above 0")
limit = _argument_type("limit", int, lambda n: n >= 0, "a whole number, 0 or more (0 turns the limit off)")
positive = _argument_type("positive", float, lambda x: math.isfinite(x) and x > 0, "a number above 0")
non_negative = _argument_type(
    "non_negative", float, lambda x: math.isfinite(x) and x >= 0, "a number, 0 or more"
)
log_level = _argument_type(
    "log_level", str.upper, lambda name: name in LOG_LEVELS, f"one of {', '.join(LOG_LEVELS)}"
)


def _url(text: str) -> str:
    _ = urlsplit(text).port  # a port that is not a number, or out of range, raises ValueError
    return text


def _is_http_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


http_url = _argument_type(
    "http_url", _url, _is_http_url, "an http:// or https:// URL, such as http://127.0.0.1:8443"
)


def store_url(text: str) -> str:
    """A PostgreSQL URL; refused without repeating it, since it may hold a password."""
    try:
        parts = urlsplit(text)
        _ = parts.port  # a port that is not a number, or out of range, raises ValueError
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("postgresql", "postgres") or not parts.path.strip("/"):
        source = f" (from {text.variable})" if isinstance(text, FromEnvironment) else ""
        raise argparse.ArgumentTypeError(
            f"the URL given{source} is not one: expected postgresql://USER@HOST:PORT/DB (not repeated here, since"
            " it may hold a password)"
        )
    return text


def data_dir_to_create(text: str) -> Path:
    """A data directory `serve` may create, in a directory that exists: a mistyped parent is refused, not made."""
    path = Path(text)
    if path.exists() and not path.is_dir():
        raise _refuse(text, "a directory (this is a file)")
    if not path.absolute().parent.is_dir():
        raise _refuse(text, f"a directory inside an existing one ({path.absolute().parent} does not exist)")
    return path
