"""Shared parser behaviour: truncation, token estimates, lenient decoding, malformed lines, the step value.

Also holds the fixture helpers the per-provider test files import (`parse_fixture`, `tally`).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from client_actors import cli
from client_actors.parsers import (
    PROVIDERS,
    ParsedStep,
    Parser,
    ParserFinishedError,
    estimate_tokens,
    new_parser,
    parse_file_text,
    parse_lines,
    thaw_json,
    truncate_output,
)
from client_actors.parsers.assembly import StepAssembler
from client_actors.parsers.common import decode_object, parse_timestamp, split_lines
from groove_actors.protocol import limits
from tests.conftest import AGENT_STREAMS
from tests.support.shared import agent_stream, needs, shared_cases


class Tally(NamedTuple):
    """The README's columns: tool calls (actions), tool results (observations + errors of a call), errors."""

    tool_calls: int
    tool_results: int
    errors: int


def tally(steps: list[ParsedStep]) -> Tally:
    """Count steps the way the fixtures README counts a file."""
    actions = sum(step.type == "action" for step in steps)
    results = sum(step.type in ("observation", "error") and step.tool_call_id is not None for step in steps)
    errors = sum(step.type == "error" for step in steps)
    return Tally(actions, results, errors)


def feed_all(provider: str, text: str) -> tuple[list[ParsedStep], Parser]:
    """Feed `text` line by line, each line with its newline as a stdout reader would deliver it."""
    parser = new_parser(provider)
    steps: list[ParsedStep] = []
    for line in split_lines(text):
        steps += parser.feed_line(line + "\n")
    return [*steps, *parser.finish()], parser


def parse_fixture(provider: str, relative: str) -> tuple[list[ParsedStep], Parser]:
    """Parse one corpus file whole and line by line; assert both give the same steps; return them."""
    text = agent_stream(relative).read_text(encoding="utf-8")
    whole = parse_file_text(provider, text)
    by_line, parser = feed_all(provider, text)
    assert whole == by_line
    assert parser.malformed_lines == 0
    return whole, parser


def corpus_files(provider_dir: str) -> set[str]:
    """Return every file of one provider's corpus folder, relative to that folder."""
    root = agent_stream(provider_dir)
    return {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()}


@needs(AGENT_STREAMS)
def test_corpus_is_where_the_tests_expect_it() -> None:
    assert (AGENT_STREAMS / "README.md").is_file()
    assert {p.name for p in AGENT_STREAMS.iterdir() if p.is_dir()} == {"claude-code", "codex", "gemini"}


# --- truncate_output ------------------------------------------------------------------------------


def numbered(count: int) -> str:
    return "\n".join(f"line {n}" for n in range(1, count + 1))


def test_output_of_70_lines_is_kept_whole() -> None:
    text = numbered(70)
    assert truncate_output(text) == (text, False)
    assert truncate_output(text + "\n") == (text + "\n", False)


def test_output_of_71_lines_keeps_first_50_and_last_20() -> None:
    content, truncated = truncate_output(numbered(71))
    lines = content.split("\n")
    assert truncated
    assert lines[:50] == [f"line {n}" for n in range(1, 51)]
    assert lines[50] == "[... 1 lines omitted ...]"
    assert lines[51:] == [f"line {n}" for n in range(52, 72)]


def test_omission_marker_counts_the_dropped_lines() -> None:
    content, truncated = truncate_output(numbered(1000) + "\n")
    assert truncated
    assert "[... 930 lines omitted ...]" in content
    assert content.endswith("line 1000")


@given(st.lists(st.text(alphabet=st.characters(blacklist_characters="\n"), max_size=5), max_size=200))
def test_truncation_keeps_head_and_tail_exactly(lines: list[str]) -> None:
    text = "\n".join(lines)
    content, truncated = truncate_output(text)
    count = len(text.split("\n"))
    assert truncated == (count > 70)
    if truncated:
        kept = content.split("\n")
        assert kept[:50] == text.split("\n")[:50]
        assert kept[51:] == text.split("\n")[-20:]
        assert len(kept) == 71
    else:
        assert content == text


# --- estimate_tokens ------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "tokens"), [("", 0), ("a", 1), ("abcd", 1), ("abcde", 2), ("x" * 400, 100)])
def test_token_estimate_is_characters_over_four_rounded_up(text: str, tokens: int) -> None:
    assert estimate_tokens(text) == tokens


@given(st.text())
def test_token_estimate_is_ceiling(text: str) -> None:
    tokens = estimate_tokens(text)
    assert 4 * tokens >= len(text) > 4 * (tokens - 1) or (text == "" and tokens == 0)


# --- lenient decoding -----------------------------------------------------------------------------


@pytest.mark.parametrize("line", ["not json", "{", '{"a": 1', "[1, 2]", "42", '"text"', "null", "{'a': 1}"])
def test_lines_that_are_not_json_objects_decode_to_none(line: str) -> None:
    assert decode_object(line) is None


def test_stdlib_fallback_reads_what_orjson_refuses() -> None:
    assert decode_object('{"a": "\\ud800"}') == {"a": "\ud800"}
    value = decode_object('{"a": NaN}')
    assert value is not None
    assert value["a"] != value["a"]


def test_timestamps_are_read_from_iso_text_and_epoch_numbers() -> None:
    expected = datetime(2025, 10, 26, 10, 38, 34, 29000, tzinfo=UTC).timestamp()
    assert parse_timestamp("2025-10-26T10:38:34.029Z") == pytest.approx(expected)
    assert parse_timestamp("2025-10-26T10:38:34.029") == pytest.approx(expected)
    assert parse_timestamp(1_761_475_114_029) == pytest.approx(expected)
    assert parse_timestamp(1_761_475_114.029) == pytest.approx(expected)


@pytest.mark.parametrize("value", [None, True, "yesterday", "", float("nan"), float("inf"), [], {}])
def test_unreadable_timestamps_are_none(value: object) -> None:
    assert parse_timestamp(value) is None


# --- the feed/finish contract, for every provider -------------------------------------------------

MALFORMED = ["not json at all", '{"type": "assistant", "message": ', "[1, 2, 3]", "42", "Loaded credentials."]


@pytest.mark.parametrize("provider", PROVIDERS)
def test_malformed_lines_are_skipped_and_counted(provider: str) -> None:
    parser = new_parser(provider)
    for line in ["", "   ", *MALFORMED, "\r\n"]:
        assert parser.feed_line(line) == []
    assert parser.malformed_lines == len(MALFORMED)
    assert parser.finish() == []


@pytest.mark.parametrize("provider", PROVIDERS)
def test_unknown_event_types_are_ignored(provider: str) -> None:
    parser = new_parser(provider)
    assert parser.feed_line('{"type": "from.the.future", "payload": {"x": 1}}') == []
    assert parser.feed_line('{"something": "else"}') == []
    assert parser.finish() == []
    assert parser.malformed_lines == 0


@pytest.mark.parametrize("provider", PROVIDERS)
def test_feeding_after_finish_raises_and_finish_is_idempotent(provider: str) -> None:
    parser = new_parser(provider)
    parser.finish()
    assert parser.finish() == []
    with pytest.raises(ParserFinishedError):
        parser.feed_line("{}")


def test_unknown_provider_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown provider 'copilot'"):
        new_parser("copilot")
    with pytest.raises(ValueError):
        parse_lines("copilot", [])


def test_provider_names_match_the_protocol_metadata_values() -> None:
    assert PROVIDERS == ("claude-code", "codex", "gemini", "grok")
    assert PROVIDERS is limits.PROVIDERS  # one definition: what the chunker and the CLI take
    for provider in PROVIDERS:
        assert cli.build_parser().parse_args(["parse", "--provider", provider, "x"]).provider == provider
    assert [type(new_parser(provider)).__name__ for provider in PROVIDERS] == [
        "ClaudeCodeParser", "CodexParser", "GeminiParser", "GrokParser",
    ]  # fmt: skip


# Lines shaped like each provider's events, with values of every JSON type in every place.
_KEYS = [
    "type",
    "subtype",
    "message",
    "content",
    "role",
    "text",
    "id",
    "name",
    "input",
    "tool_use_id",
    "is_error",
    "result",
    "item",
    "msg",
    "payload",
    "status",
    "exit_code",
    "error",
    "command",
    "call_id",
    "output",
    "arguments",
    "tool_calls",
    "function",
    "toolCall",
    "toolResult",
    "success",
    "messages",
    "toolCalls",
    "thoughts",
    "stats",
    "response",
    "timestamp",
    "model",
    "delta",
    "tool_id",
    "parameters",
    "changes",
]
_VALUES = st.sampled_from(
    [
        "assistant",
        "user",
        "result",
        "tool_use",
        "tool_result",
        "text",
        "thinking",
        "item.completed",
        "command_execution",
        "function_call",
        "response_item",
        "gemini",
        "error",
        "tool",
        "success",
        "failed",
    ]
)
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20) | _VALUES,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(_KEYS), inner, max_size=6),
    max_leaves=30,
)


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(st.sampled_from(PROVIDERS), st.lists(st.dictionaries(st.sampled_from(_KEYS), _JSON), max_size=8))
def test_no_stream_content_makes_a_parser_raise(provider: str, events: list[dict[str, object]]) -> None:
    lines = [json.dumps(event) for event in events]
    steps = parse_lines(provider, lines)
    assert all(isinstance(step, ParsedStep) and step.token_count >= 0 for step in steps)


def _corpus() -> list[tuple[str, Path]]:
    return sorted(
        (path.relative_to(AGENT_STREAMS).parts[0], path)
        for path in AGENT_STREAMS.rglob("*")
        if path.is_file() and path.suffix in (".jsonl", ".json")
    )


def _mutate(value: object, data: st.DataObject) -> object:
    """Replace one value somewhere inside `value` (or `value` itself) with arbitrary JSON."""
    if isinstance(value, dict) and value and data.draw(st.booleans()):
        key = data.draw(st.sampled_from(sorted(value)))
        return {**value, key: _mutate(value[key], data)}
    if isinstance(value, list) and value and data.draw(st.booleans()):
        index = data.draw(st.integers(0, len(value) - 1))
        return [*value[:index], _mutate(value[index], data), *value[index + 1 :]]
    return data.draw(_JSON)


@pytest.mark.slow
@needs(AGENT_STREAMS)
@settings(max_examples=200, deadline=None)
@given(st.data())
def test_real_events_with_a_wrong_value_anywhere_never_raise(data: st.DataObject) -> None:
    provider, path = data.draw(st.sampled_from(_corpus()))
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        lines = [json.dumps(_mutate(json.loads(text), data))]
    else:
        lines = [line for line in split_lines(text) if line]
        index = data.draw(st.integers(0, len(lines) - 1))
        lines[index] = json.dumps(_mutate(json.loads(lines[index]), data))
    steps = parse_lines(provider, lines)
    assert all(isinstance(step, ParsedStep) and step.token_count >= 0 for step in steps)


@settings(max_examples=50, deadline=None)
@given(st.sampled_from(PROVIDERS), st.lists(st.text(max_size=40), max_size=8))
def test_arbitrary_text_never_raises(provider: str, lines: list[str]) -> None:
    parse_lines(provider, lines)


def test_lines_are_split_on_newline_only() -> None:
    text = '{"type":"result","is_error":false,"result":"a\u2028b"}\n'
    (step,) = parse_file_text("claude-code", text)
    assert step.content == "a\u2028b"


# --- the step value -------------------------------------------------------------------------------


def test_step_arguments_are_read_only_and_thaw_to_plain_json() -> None:
    step = ParsedStep(type="action", content="x", token_count=1, arguments={"a": [1, {"b": 2}]})
    assert step.arguments is not None
    with pytest.raises(TypeError):
        step.arguments["a"] = 3  # type: ignore[index]
    assert step.arguments["a"] == (1, {"b": 2})
    assert thaw_json(step.arguments) == {"a": [1, {"b": 2}]}
    assert hash(step) == hash(attrs.evolve(step))


def test_step_rejects_unknown_types_and_negative_counts() -> None:
    with pytest.raises(ValueError):
        ParsedStep(type="coordination", content="", token_count=0)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        ParsedStep(type="thought", content="", token_count=-1)


# --- the step assembler ---------------------------------------------------------------------------


def test_held_text_becomes_a_thought_when_anything_follows() -> None:
    steps = StepAssembler()
    assert steps.text("Let me look.", timestamp=1.0) == []
    (thought, action) = steps.action("Bash", {"command": "ls"}, call_id="c1", timestamp=2.0)
    assert (thought.type, thought.content, thought.timestamp) == ("thought", "Let me look.", 1.0)
    assert (action.type, action.content, action.tool_call_id) == ("action", "ls", "c1")


def test_held_text_is_the_resolution_at_the_end() -> None:
    steps = StepAssembler(model="m")
    steps.text("Done.", timestamp=None)
    (resolution,) = steps.finish()
    assert (resolution.type, resolution.content, resolution.model) == ("resolution", "Done.", "m")


def test_a_result_that_repeats_the_final_text_is_one_resolution() -> None:
    steps = StepAssembler()
    steps.text("4", timestamp=None)
    assert [s.type for s in steps.end_run("4", timestamp=None)] == ["resolution"]
    steps.text("Working on it.", timestamp=None)
    assert [s.type for s in steps.end_run("All done.", timestamp=None)] == ["thought", "resolution"]
    assert steps.finish() == []


def test_human_words_are_corrections_only_after_an_action() -> None:
    steps = StepAssembler()
    assert steps.human("Fix the login page", timestamp=None) == []
    steps.action("Read", {"file_path": "a.py"}, call_id="c1", timestamp=None)
    (correction,) = steps.human("No, the signup page", timestamp=5.0)
    assert (correction.type, correction.content, correction.timestamp) == (
        "correction",
        "No, the signup page",
        5.0,
    )


def test_results_are_truncated_and_named_after_their_call() -> None:
    steps = StepAssembler()
    steps.action("Bash", {"command": ["bash", "-lc", "seq 100"]}, call_id="c1", timestamp=None)
    (observation,) = steps.result(numbered(100), call_id="c1", is_error=False, timestamp=None)
    assert (observation.tool, observation.truncated) == ("Bash", True)
    assert observation.content.count("\n") == 70
    assert observation.token_count == estimate_tokens(observation.content)


def test_argv_commands_are_joined_into_one_shell_string() -> None:
    (action,) = StepAssembler().action(
        "shell", {"command": ["bash", "-lc", "ls -1"]}, call_id=None, timestamp=None
    )
    assert action.content == "bash -lc 'ls -1'"
    assert action.arguments == {"command": "bash -lc 'ls -1'"}


@pytest.mark.parametrize(
    ("provider", "path"),
    shared_cases(AGENT_STREAMS, _corpus, width=2),
    ids=lambda value: getattr(value, "name", value),
)
def test_crlf_line_endings_change_nothing(provider: str, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert parse_file_text(provider, text.replace("\n", "\r\n")) == parse_file_text(provider, text)
