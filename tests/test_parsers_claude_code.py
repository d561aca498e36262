"""Claude Code parser against the conformance corpus (fixtures README, section 1) and built streams."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime

import pytest

from client_actors.parsers import ParsedStep, parse_lines
from tests.test_parsers_common import Tally, corpus_files, parse_fixture, tally

# file -> (tool calls, tool results, errors, detected format), from the README table.
EXPECTED = {
    "stream-json/cc-2.1.7-basic-query-no-tools.jsonl": (Tally(0, 0, 0), "stream-json"),
    "stream-json/cc-2.1.3-bash-ls-reassembled.jsonl": (Tally(1, 1, 0), "stream-json"),
    "transcript/cc-2.0.27-transcript-27-tools-1-error.jsonl": (Tally(27, 27, 1), "transcript"),
    "transcript/cc-2.0.14-transcript-23-tools-unanswered.jsonl": (Tally(23, 20, 0), "transcript"),
    "transcript/cc-2.0.29-transcript-askuserquestion.jsonl": (Tally(3, 2, 0), "transcript"),
}
OPUS = "claude-opus-4-5-20251101"
SONNET = "claude-sonnet-4-5-20250929"


def fixture(name: str) -> list[ParsedStep]:
    steps, parser = parse_fixture("claude-code", f"claude-code/{name}")
    assert parser.detected_format == EXPECTED[name][1]
    return steps


def of_type(steps: list[ParsedStep], kind: str) -> list[ParsedStep]:
    return [step for step in steps if step.type == kind]


def test_every_claude_fixture_is_checked() -> None:
    assert corpus_files("claude-code") == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_counts_match_the_readme(name: str) -> None:
    assert tally(fixture(name)) == EXPECTED[name][0]


def test_basic_query_is_one_resolution() -> None:
    (step,) = fixture("stream-json/cc-2.1.7-basic-query-no-tools.jsonl")
    assert (step.type, step.content, step.model, step.timestamp) == ("resolution", "4", OPUS, None)


def test_bash_ls_records_the_command_its_output_and_the_result() -> None:
    action, observation, resolution = fixture("stream-json/cc-2.1.3-bash-ls-reassembled.jsonl")
    assert (action.type, action.tool, action.content) == ("action", "Bash", "ls -la")
    assert action.arguments == {"command": "ls -la", "description": "List files in current directory"}
    assert action.tool_call_id == "toolu_01BeipFBP3sUY3EAwVg3qQnE" == observation.tool_call_id
    assert observation.type == "observation"
    assert observation.tool == "Bash"
    assert observation.content.startswith("total 1976\n")
    assert (resolution.type, resolution.content) == (
        "resolution",
        "Here are the files in the current directory.",
    )
    assert {action.model, observation.model, resolution.model} == {OPUS}


def test_transcript_with_a_failing_test_run() -> None:
    steps = fixture("transcript/cc-2.0.27-transcript-27-tools-1-error.jsonl")
    assert {s.tool for s in of_type(steps, "action")} == {"Glob", "Read", "Grep", "Edit", "Write", "Bash"}
    (error,) = of_type(steps, "error")
    (call,) = [s for s in of_type(steps, "action") if s.tool_call_id == error.tool_call_id]
    assert call.content == "cd apps/app && pnpm test NavUser.test.tsx"
    assert error.tool == "Bash"
    assert "Failed Tests 1" in error.content
    assert [s.content for s in of_type(steps, "correction")] == [
        "does it get the logged in user from the authStore?",
        "The username I am logged in with is USER but the menu says Guest User. We should use the initials "
        "from the username if name isn't present",
    ]
    (resolution,) = of_type(steps, "resolution")
    assert resolution.content.startswith("Perfect! Let me create a summary of all the changes:")
    assert steps[-1] == resolution
    assert {s.model for s in steps} == {SONNET}
    first_action = of_type(steps, "action")[0]
    assert first_action.timestamp == datetime(2025, 10, 26, 10, 38, 34, 424000, tzinfo=UTC).timestamp()


def test_transcript_with_parallel_and_unanswered_calls() -> None:
    steps = fixture("transcript/cc-2.0.14-transcript-23-tools-unanswered.jsonl")
    actions = of_type(steps, "action")
    answered = {s.tool_call_id for s in steps if s.type in ("observation", "error")}
    unanswered = [a for a in actions if a.tool_call_id not in answered]
    assert [a.tool for a in unanswered] == ["Bash", "Bash", "Read"]
    assert steps[-3:] == unanswered
    assert of_type(steps, "resolution") == []
    assert "mcp__happy__change_title" in {a.tool for a in actions}
    assert "TodoWrite" in {a.tool for a in actions}
    (correction,) = of_type(steps, "correction")
    assert correction.content == "Can you audit this codebase?"
    # Three parallel Reads come out as three consecutive actions, then their three results.
    types = [s.type for s in steps]
    assert "action,action,action,action,observation,observation,observation,observation" in ",".join(types)


def test_transcript_with_ask_user_question_and_slash_command_echoes() -> None:
    steps = fixture("transcript/cc-2.0.29-transcript-askuserquestion.jsonl")
    assert [a.tool for a in of_type(steps, "action")] == ["Task", "AskUserQuestion", "ExitPlanMode"]
    # The /clear echo and the caveat are Claude Code's own text; the first prompt is not a correction.
    assert of_type(steps, "correction") == []
    assert of_type(steps, "resolution") == []
    answer = of_type(steps, "observation")[1]
    assert answer.tool == "AskUserQuestion"
    assert answer.content.startswith("User has answered your questions:")


# --- streams built here, for what the corpus does not contain -------------------------------------


def line(obj: dict[str, object]) -> str:
    return json.dumps(obj)


def assistant(*blocks: dict[str, object], model: str = OPUS) -> str:
    return line(
        {"type": "assistant", "message": {"model": model, "role": "assistant", "content": list(blocks)}}
    )


def tool_result(call_id: str, content: object, *, is_error: bool = False) -> str:
    block = {"type": "tool_result", "tool_use_id": call_id, "content": content, "is_error": is_error}
    return line({"type": "user", "message": {"role": "user", "content": [block]}})


INIT = line({"type": "system", "subtype": "init", "model": OPUS, "session_id": "s1"})


def test_thinking_text_and_parallel_calls_in_one_message() -> None:
    steps = parse_lines(
        "claude-code",
        [
            INIT,
            assistant(
                {"type": "thinking", "thinking": "The tests live in tests/.", "signature": "sig"},
                {"type": "text", "text": "Running both checks."},
                {"type": "tool_use", "id": "t1", "name": "Bash", "input": {"command": "pytest -q"}},
                {"type": "tool_use", "id": "t2", "name": "Grep", "input": {"pattern": "TODO"}},
            ),
            tool_result("t2", [{"type": "text", "text": "a.py:3: TODO"}]),
            tool_result("t1", "1 failed", is_error=True),
            assistant({"type": "text", "text": "One test fails; fixed."}),
            line(
                {
                    "type": "result",
                    "subtype": "success",
                    "is_error": False,
                    "result": "One test fails; fixed.",
                }
            ),
        ],
    )
    assert [(s.type, s.tool) for s in steps] == [
        ("thought", None),
        ("thought", None),
        ("action", "Bash"),
        ("action", "Grep"),
        ("observation", "Grep"),
        ("error", "Bash"),
        ("resolution", None),
    ]
    assert steps[0].content == "The tests live in tests/."
    assert steps[3].content == '{"pattern":"TODO"}'
    assert steps[5].tool_call_id == "t1"


def test_error_result_is_an_error_and_not_a_resolution() -> None:
    steps = parse_lines(
        "claude-code",
        [
            INIT,
            assistant({"type": "text", "text": "Still working"}),
            line({"type": "result", "subtype": "error_max_turns", "is_error": True, "num_turns": 10}),
        ],
    )
    assert [(s.type, s.content) for s in steps] == [
        ("thought", "Still working"),
        ("error", "error_max_turns"),
    ]


def test_result_text_differing_from_the_last_text_is_the_resolution() -> None:
    steps = parse_lines(
        "claude-code",
        [assistant({"type": "text", "text": "Checking"}), line({"type": "result", "result": "Done"})],
    )
    assert [(s.type, s.content) for s in steps] == [("thought", "Checking"), ("resolution", "Done")]


def test_long_tool_output_is_truncated() -> None:
    output = "\n".join(f"row {n}" for n in range(200))
    steps = parse_lines(
        "claude-code",
        [
            assistant({"type": "tool_use", "id": "t1", "name": "Bash", "input": {"command": "seq 200"}}),
            tool_result("t1", output),
        ],
    )
    observation = steps[1]
    assert observation.truncated
    assert "[... 130 lines omitted ...]" in observation.content


def test_human_text_after_an_action_is_a_correction_but_not_sub_agent_or_meta_text() -> None:
    call = assistant({"type": "tool_use", "id": "t1", "name": "Read", "input": {"file_path": "a.py"}})
    human = {"type": "user", "message": {"role": "user", "content": "No, use b.py"}, "sessionId": "s"}
    steps = parse_lines(
        "claude-code",
        [
            line({**human, "message": {"role": "user", "content": "Fix a.py"}}),
            call,
            line({**human, "isSidechain": True}),
            line({**human, "isMeta": True}),
            line({**human, "message": {"role": "user", "content": "<command-name>/clear</command-name>"}}),
            line({**human, "timestamp": "2025-10-30T12:00:00Z"}),
        ],
    )
    assert [(s.type, s.content) for s in steps] == [
        ("action", '{"file_path":"a.py"}'),
        ("correction", "No, use b.py"),
    ]
    assert steps[1].timestamp == datetime(2025, 10, 30, 12, tzinfo=UTC).timestamp()


def test_api_error_entries_are_errors_and_synthetic_models_are_not_recorded() -> None:
    steps = parse_lines(
        "claude-code",
        [
            INIT,
            line(
                {
                    "type": "assistant",
                    "isApiErrorMessage": True,
                    "message": {
                        "model": "<synthetic>",
                        "content": [{"type": "text", "text": "API Error: 529 Overloaded"}],
                    },
                }
            ),
        ],
    )
    assert [(s.type, s.content, s.model) for s in steps] == [("error", "API Error: 529 Overloaded", OPUS)]


def test_token_counts_are_estimates() -> None:
    steps = fixture("transcript/cc-2.0.27-transcript-27-tools-1-error.jsonl")
    assert all(s.token_count == -(-len(s.content) // 4) for s in steps)
    assert Counter(s.truncated for s in steps)[True] >= 1
