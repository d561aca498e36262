"""Provider parsers: an agent CLI's machine-readable output in, typed trajectory steps out.

Pure code: no I/O, no clock, no trio. Timestamps come from the streams themselves. One parser object reads
one stream, in the manner of `h11.Connection`:

    parser = new_parser("codex")
    steps = []
    for line in lines:                 # the caller reads the agent's stdout or a file
        steps += parser.feed_line(line)
    steps += parser.finish()           # end of stream: e.g. the resolution
    report(parser.malformed_lines)     # lines that were not JSON objects, skipped

Each parser detects its provider's sub-format (stream-json, transcript, rollout, ...) from the first line
that shows one and reports it as `detected_format`. `parse_lines` and `parse_file_text` do the loop above.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Protocol

from client_actors.parsers.claude_code import ClaudeCodeParser
from client_actors.parsers.codex import CodexParser
from client_actors.parsers.common import split_lines
from client_actors.parsers.gemini import GeminiParser, parse_document
from client_actors.parsers.grok import GrokParser
from client_actors.parsers.model import (
    FrozenJson,
    ParsedStep,
    ParsedStepType,
    ParserFinishedError,
    estimate_tokens,
    thaw_json,
    truncate_output,
)
from groove_actors.protocol.limits import PROVIDERS


class Parser(Protocol):
    """One stream's parser. `feed_line` and `finish` never raise on stream content."""

    @property
    def malformed_lines(self) -> int:
        """How many non-blank lines were skipped because they were not a JSON object."""

    @property
    def detected_format(self) -> str | None:
        """The sub-format seen so far (e.g. "stream-json", "rollout"), or None before any was seen."""

    @property
    def reported_tokens(self) -> int | None:
        """The session's token total as the stream reports it so far, or None if it reports none."""

    def feed_line(self, line: str) -> list[ParsedStep]:
        """Return the steps this line completes. Raises ParserFinishedError after `finish`."""

    def finish(self) -> list[ParsedStep]:
        """Return the steps the end of the stream completes; an empty list on later calls."""


_FACTORIES: Mapping[str, Callable[[], Parser]] = MappingProxyType(
    {"claude-code": ClaudeCodeParser, "codex": CodexParser, "gemini": GeminiParser, "grok": GrokParser}
)


def new_parser(provider: str) -> Parser:
    """Return a new parser for one stream of `provider` (one of PROVIDERS).

    Raises:
        ValueError: `provider` is not one of PROVIDERS.
    """
    factory = _FACTORIES.get(provider)
    if factory is None:
        raise ValueError(f"unknown provider {provider!r}: expected one of {', '.join(PROVIDERS)}")
    return factory()


def parse_lines(provider: str, lines: Iterable[str]) -> list[ParsedStep]:
    """Return the steps of a whole stream given as lines (malformed lines are skipped).

    Raises:
        ValueError: `provider` is not one of PROVIDERS.
    """
    parser = new_parser(provider)
    steps: list[ParsedStep] = []
    for line in lines:
        steps += parser.feed_line(line)
    return [*steps, *parser.finish()]


def parse_file_text(provider: str, text: str) -> list[ParsedStep]:
    """Return the steps of a whole file: JSONL, or one JSON document (Gemini json output and sessions).

    Lines are split on newlines only. Raises ValueError for an unknown provider.
    """
    return parse_lines(provider, split_lines(text))


__all__ = [
    "PROVIDERS",
    "FrozenJson",
    "ParsedStep",
    "ParsedStepType",
    "Parser",
    "ParserFinishedError",
    "estimate_tokens",
    "new_parser",
    "parse_document",
    "parse_file_text",
    "parse_lines",
    "thaw_json",
    "truncate_output",
]
