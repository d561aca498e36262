"""Grok CLI parser, on streams built here: the corpus has no Grok sample (see `parsers.grok`)."""

from __future__ import annotations

import json

import pytest

from client_actors.parsers import ParsedStep, new_parser, parse_file_text, parse_lines
from tests.test_parsers_common import feed_all, tally


def message(role: str, content: object = None, **fields: object) -> str:
    return json.dumps({"role": role, "content": content, **fields})


def call(call_id: str, name: str, arguments: str) -> dict[str, object]:
    return {"id": call_id, "type": "function", "function": {"name": name, "arguments": arguments}}


# What `grok --prompt "..."` prints: one OpenAI chat message per line.
HEADLESS_MESSAGES = "\n".join(
    [
        message("user", "Which files are here?"),
        message("assistant", "I'll list them.", tool_calls=[call("call_1", "bash", '{"command": "ls -la"}')]),
        message("tool", "total 8\n-rw-r--r-- 1 u u 10 a.txt", tool_call_id="call_1"),
        message(
            "assistant",
            "",
            tool_calls=[
                call("call_2", "view_file", '{"path": "a.txt"}'),
                call("call_3", "search", '{"query": "TODO"'),
            ],
        ),
        message("tool", "hello", tool_call_id="call_2"),
        message("tool", "Error occurred", tool_call_id="call_3"),
        message("assistant", "There is one file, a.txt, containing `hello`."),
    ]
)


def steps_of(text: str, detected_format: str) -> list[ParsedStep]:
    whole = parse_file_text("grok", text)
    by_line, parser = feed_all("grok", text)
    assert whole == by_line
    assert parser.malformed_lines == 0
    assert parser.detected_format == detected_format
    return whole


def test_headless_chat_messages() -> None:
    steps = steps_of(HEADLESS_MESSAGES, "chat-messages")
    assert [(s.type, s.tool, s.content) for s in steps] == [
        ("thought", None, "I'll list them."),
        ("action", "bash", "ls -la"),
        ("observation", "bash", "total 8\n-rw-r--r-- 1 u u 10 a.txt"),
        ("action", "view_file", '{"path":"a.txt"}'),
        ("action", "search", '{"arguments":"{\\"query\\": \\"TODO\\""}'),
        ("observation", "view_file", "hello"),
        ("observation", "search", "Error occurred"),
        ("resolution", None, "There is one file, a.txt, containing `hello`."),
    ]
    assert steps[1].arguments == {"command": "ls -la"}
    assert steps[1].tool_call_id == steps[2].tool_call_id == "call_1"
    assert tally(steps) == (3, 3, 0)
    assert all(s.model is None and s.timestamp is None for s in steps)


def test_crash_line_is_an_error_not_a_resolution() -> None:
    lines = [
        message("user", "Fix the build"),
        message("assistant", "Running make.", tool_calls=[call("c1", "bash", '{"command": "make"}')]),
        message("tool", "ok", tool_call_id="c1"),
        message("assistant", "Error: 429 rate limit exceeded"),
    ]
    steps = parse_lines("grok", lines)
    assert [(s.type, s.content) for s in steps][-1] == ("error", "429 rate limit exceeded")
    assert not [s for s in steps if s.type == "resolution"]


def test_reasoning_content_and_a_later_user_message() -> None:
    lines = [
        message("system", "You are Grok CLI."),
        message("user", "Count the lines"),
        message(
            "assistant",
            None,
            reasoning_content="wc -l is enough.",
            tool_calls=[call("c1", "bash", '{"command": "wc -l a.txt"}')],
        ),
        message("tool", "3 a.txt", tool_call_id="c1"),
        message("user", "Only non-empty lines, please"),
        message("assistant", [{"type": "text", "text": "2 non-empty lines."}]),
    ]
    steps = parse_lines("grok", lines)
    assert [(s.type, s.content) for s in steps] == [
        ("thought", "wc -l is enough."),
        ("action", "wc -l a.txt"),
        ("observation", "3 a.txt"),
        ("correction", "Only non-empty lines, please"),
        ("resolution", "2 non-empty lines."),
    ]


def event(kind: str, timestamp: int, **fields: object) -> str:
    return json.dumps({"type": kind, "sessionID": "sess-1", "timestamp": timestamp, **fields})


def tool_use(timestamp: int, call_id: str, command: str, result: dict[str, object]) -> str:
    return event(
        "tool_use",
        timestamp,
        stepNumber=1,
        toolCall=call(call_id, "bash", json.dumps({"command": command})),
        toolResult=result,
        timing={"startedAt": timestamp - 20, "finishedAt": timestamp, "durationMs": 20},
    )


# What `grok --prompt "..." --format json` prints in later releases.
HEADLESS_EVENTS = "\n".join(
    [
        event("step_start", 1_760_000_000_000, stepNumber=1),
        event("text", 1_760_000_000_100, stepNumber=1, text="Let me run the tests."),
        tool_use(1_760_000_001_000, "tc-1", "npm test", {"success": False, "error": "1 test failed"}),
        tool_use(1_760_000_002_000, "tc-2", "npm test -- -u", {"success": True, "output": "all passed"}),
        event(
            "step_finish",
            1_760_000_002_100,
            stepNumber=1,
            finishReason="tool-calls",
            usage={"inputTokens": 900, "outputTokens": 40, "totalTokens": 940},
        ),
        event("step_start", 1_760_000_002_200, stepNumber=2),
        event("text", 1_760_000_003_000, stepNumber=2, text="Snapshots updated; all tests pass."),
        event("step_finish", 1_760_000_003_100, stepNumber=2, finishReason="stop", usage={}),
        event("run_finish", 1_760_000_003_200, success=True, exitCode=0, errorCount=0, lastStepNumber=2),
    ]
)


def test_headless_json_events() -> None:
    steps = steps_of(HEADLESS_EVENTS, "headless-events")
    assert [(s.type, s.content) for s in steps] == [
        ("thought", "Let me run the tests."),
        ("action", "npm test"),
        ("error", "1 test failed"),
        ("action", "npm test -- -u"),
        ("observation", "all passed"),
        ("resolution", "Snapshots updated; all tests pass."),
    ]
    assert steps[0].timestamp == pytest.approx(1_760_000_000.1)
    assert steps[1].timestamp == pytest.approx(1_760_000_000.98)  # timing.startedAt
    assert steps[2].timestamp == pytest.approx(1_760_000_001.0)
    assert (steps[2].tool, steps[2].tool_call_id) == ("bash", "tc-1")
    assert tally(steps) == (2, 2, 1)


def test_failed_run_has_no_resolution() -> None:
    lines = [
        event("text", 1_760_000_000_000, stepNumber=1, text="Trying once more."),
        event("error", 1_760_000_000_500, message="API key invalid"),
        event("text", 1_760_000_000_600, stepNumber=1, text="Giving up."),
        event("run_finish", 1_760_000_000_700, success=False, exitCode=1, errorCount=1, lastStepNumber=1),
    ]
    steps = parse_lines("grok", lines)
    assert [(s.type, s.content) for s in steps] == [
        ("thought", "Trying once more."),
        ("error", "API key invalid"),
        ("thought", "Giving up."),
    ]


def test_long_tool_output_is_truncated() -> None:
    output = "\n".join(str(n) for n in range(100))
    steps = parse_lines(
        "grok", [tool_use(1_760_000_000_000, "t", "seq 100", {"success": True, "output": output})]
    )
    assert steps[1].truncated
    assert steps[1].content.split("\n")[50] == "[... 30 lines omitted ...]"


def test_events_without_a_call_are_ignored() -> None:
    parser = new_parser("grok")
    assert parser.feed_line(event("tool_use", 1, toolResult={"success": True})) == []
    assert parser.feed_line(event("step_start", 2)) == []
    assert parser.detected_format == "headless-events"
    assert parser.finish() == []
