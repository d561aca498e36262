"""Gemini parser against the conformance corpus (fixtures README, section 3) and built streams."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime

import pytest

from client_actors.parsers import ParsedStep, new_parser, parse_document, parse_file_text, parse_lines
from tests.support.shared import agent_stream
from tests.test_parsers_common import Tally, corpus_files, parse_fixture, tally

EXPECTED = {
    "stream-json/gemini-0.11-say-hello-no-tools.jsonl": (Tally(0, 0, 0), "stream-json"),
    "stream-json/gemini-0.11-read-file.jsonl": (Tally(1, 1, 0), "stream-json"),
    "stream-json/gemini-0.11-write-file.jsonl": (Tally(1, 1, 0), "stream-json"),
    # The README gives "—" tool results: json output counts calls but records no results.
    "json/gemini-0.11-json-output-web-search.json": (Tally(1, 0, 0), "json"),
    "session-json/gemini-0.11-session-981c87cb-13-tools.json": (Tally(13, 13, 1), "session-json"),
    "session-json/gemini-0.11-session-a63242d9-tool-error.json": (Tally(1, 1, 1), "session-json"),
    "docs-example/gemini-official-headless-doc-example.jsonl": (Tally(1, 1, 0), "stream-json"),
}
PRO = "gemini-2.5-pro"


def fixture(name: str) -> list[ParsedStep]:
    steps, parser = parse_fixture("gemini", f"gemini/{name}")
    assert parser.detected_format == EXPECTED[name][1]
    return steps


def test_every_gemini_fixture_is_checked() -> None:
    assert corpus_files("gemini") == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_counts_match_the_readme(name: str) -> None:
    assert tally(fixture(name)) == EXPECTED[name][0]


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if n.endswith(".json")))
def test_documents_parse_the_same_through_parse_document(name: str) -> None:
    text = agent_stream(f"gemini/{name}").read_text(encoding="utf-8")
    assert parse_document(text) == fixture(name)
    compact = json.dumps(json.loads(text))
    assert parse_file_text("gemini", compact) == fixture(name)


def test_say_hello() -> None:
    (resolution,) = fixture("stream-json/gemini-0.11-say-hello-no-tools.jsonl")
    assert (resolution.type, resolution.model) == ("resolution", PRO)
    assert resolution.content == "Hello! I'm ready to help. What can I do for you?"
    assert resolution.timestamp == datetime(2025, 10, 29, 10, 36, 9, 772000, tzinfo=UTC).timestamp()


def test_read_file_with_the_empty_output_quirk() -> None:
    action, observation, resolution = fixture("stream-json/gemini-0.11-read-file.jsonl")
    assert (action.tool, action.arguments) == (
        "read_file",
        {"absolute_path": "/private/tmp/gemini-test/sample.txt"},
    )
    assert action.tool_call_id == observation.tool_call_id == "read_file-1761734190726-4dfc76eb0c846"
    assert (observation.type, observation.content, observation.tool) == ("observation", "", "read_file")
    assert resolution.content.startswith(
        "The file /private/tmp/gemini-test/sample.txt contains the following:"
    )


def test_write_file_result_without_output() -> None:
    action, observation, resolution = fixture("stream-json/gemini-0.11-write-file.jsonl")
    assert action.tool == "write_file"
    assert action.arguments == {
        "file_path": "/tmp/gemini-test/created.txt",
        "content": "Hello from Gemini CLI",
    }
    assert (observation.type, observation.content) == ("observation", "")
    assert (resolution.type, resolution.content) == ("resolution", "Done.\n")


def test_official_docs_example() -> None:
    action, observation, resolution = fixture("docs-example/gemini-official-headless-doc-example.jsonl")
    assert (action.tool, action.content) == ("Bash", "ls -la")
    assert observation.content == "file1.txt\nfile2.txt"
    assert resolution.content == "Here are the files..."
    assert {action.model, resolution.model} == {"gemini-2.0-flash-exp"}


def test_json_output() -> None:
    action, resolution = fixture("json/gemini-0.11-json-output-web-search.json")
    assert (action.type, action.tool, action.arguments, action.content) == (
        "action",
        "google_web_search",
        None,
        "",
    )
    assert (resolution.type, resolution.content) == ("resolution", "The capital of France is Paris.")
    assert resolution.model == PRO


def test_session_recording_with_thirteen_calls() -> None:
    steps = fixture("session-json/gemini-0.11-session-981c87cb-13-tools.json")
    actions = [s for s in steps if s.type == "action"]
    assert Counter(a.tool for a in actions) == {
        "list_directory": 3,
        "run_shell_command": 5,
        "write_file": 2,
        "read_file": 2,
        "google_web_search": 1,
    }
    commands = [a.content for a in actions if a.tool == "run_shell_command"]
    assert commands[:3] == ["python3", "pip install RestrictedPython", "pip3 install RestrictedPython"]
    (error,) = [s for s in steps if s.type == "error"]
    assert (error.tool, error.content) == ("list_directory", "Path must be absolute: .")
    (cancelled,) = [s for s in steps if s.content.startswith("[Operation Cancelled]")]
    assert (cancelled.type, cancelled.tool) == ("observation", "run_shell_command")
    assert sum(s.type == "thought" and s.content.startswith("**") for s in steps) == 31
    assert [s.content for s in steps if s.type == "correction"] == [
        "python",
        "can you audit this codebase and provide me with detailed suggestions for improvement?",
    ]
    assert steps[-1].type == "resolution"
    assert steps[-1].content.startswith("I've updated `main.py`. You can run the agent with:")
    assert {s.model for s in steps} == {PRO}


def test_session_token_counts_come_from_the_message_where_they_cover_one_step() -> None:
    steps = fixture("session-json/gemini-0.11-session-981c87cb-13-tools.json")
    first_thought, first_action = steps[0], steps[1]
    assert first_thought.content.startswith("**Considering Project Structure**\n\n")
    assert first_thought.token_count == 36  # the message's tokens.thoughts, one thought
    assert first_action.token_count == 21  # tokens.output, the message's only output
    assert steps[-1].token_count == 101  # the final answer: tokens.output, no tool calls
    several = [s for s in steps if s.content.startswith("**Refining the Implementation**")]
    assert several[0].token_count == -(-len(several[0].content) // 4)  # 13 thoughts share one count


def test_session_recording_with_a_tool_error() -> None:
    steps = fixture("session-json/gemini-0.11-session-a63242d9-tool-error.json")
    assert [s.type for s in steps] == ["thought", "thought", "action", "error"]
    error = steps[-1]
    assert error.content.startswith('Tool "write_file" not found in registry.')
    assert error.tool_call_id == steps[2].tool_call_id == "write_file-1761734387890-c8c35a4b54873"


# --- streams built here, for what the corpus does not contain -------------------------------------


def event(kind: str, **fields: object) -> str:
    return json.dumps({"type": kind, "timestamp": "2025-10-29T10:36:24.686Z", **fields})


def test_stream_errors_deltas_and_a_correction() -> None:
    steps = parse_lines(
        "gemini",
        [
            event("init", session_id="s", model=PRO),
            event("message", role="user", content="Write the file"),
            event("message", role="assistant", content="I'll ", delta=True),
            event("message", role="assistant", content="write it.", delta=True),
            event("tool_use", tool_name="write_file", tool_id="w-1", parameters={"file_path": "/x"}),
            event(
                "tool_result",
                tool_id="w-1",
                status="error",
                error={"type": "invalid_tool_params", "message": "path not in workspace"},
            ),
            event("message", role="user", content="Use /tmp instead"),
            event("error", severity="warning", message="Loop detected"),
            event("result", status="error", error={"type": "FatalTurnLimitedError", "message": "turn limit"}),
        ],
    )
    assert [(s.type, s.content) for s in steps] == [
        ("thought", "I'll write it."),
        ("action", '{"file_path":"/x"}'),
        ("error", "path not in workspace"),
        ("correction", "Use /tmp instead"),
        ("error", "Loop detected"),
        ("error", "turn limit"),
    ]
    assert steps[2].tool == "write_file"


def test_document_after_a_stray_stdout_line() -> None:
    text = agent_stream("gemini/json/gemini-0.11-json-output-web-search.json").read_text()
    parser = new_parser("gemini")
    steps: list[ParsedStep] = []
    for line in ["Loaded cached credentials.", *text.split("\n")]:
        steps += parser.feed_line(line)
    steps += parser.finish()
    assert parser.malformed_lines == 1
    assert [s.type for s in steps] == ["action", "resolution"]


def test_a_lone_brace_line_that_is_not_a_document_loses_nothing_else() -> None:
    parser = new_parser("gemini")
    for line in ["{", event("init", model=PRO), event("message", role="assistant", content="Hi", delta=True)]:
        assert parser.feed_line(line) == []
    (resolution,) = parser.finish()
    assert (resolution.content, resolution.model) == ("Hi", PRO)
    assert parser.malformed_lines == 1


def test_json_output_with_an_error() -> None:
    doc = {
        "response": "",
        "stats": {"models": {}},
        "error": {"type": "ApiError", "message": "quota", "code": 429},
    }
    steps = parse_document(json.dumps(doc))
    assert [(s.type, s.content) for s in steps] == [("error", "quota")]


def test_a_document_that_does_not_parse_is_read_as_lines() -> None:
    parser = new_parser("gemini")
    parser.feed_line("{")
    parser.feed_line('  "response": "unterminated')
    assert parser.finish() == []
    assert parser.malformed_lines == 2
