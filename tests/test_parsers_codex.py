"""Codex parser against the conformance corpus (fixtures README, section 2) and built streams."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from client_actors.parsers import ParsedStep, new_parser, parse_lines, thaw_json
from tests.test_parsers_common import Tally, corpus_files, parse_fixture, tally

EXPECTED = {
    "exec-json/codex-0.46-stream-output-1.jsonl": (Tally(0, 0, 0), "exec-json"),
    "exec-json/codex-0.46-stream-output-2.jsonl": (Tally(1, 1, 0), "exec-json"),
    "exec-json/codex-0.46-stream-output-3.jsonl": (Tally(1, 1, 0), "exec-json"),
    "exec-json/codex-0.46-stream-output-4.jsonl": (Tally(1, 1, 0), "exec-json"),
    "exec-json/codex-0.46-stream-output-multi-1.jsonl": (Tally(0, 0, 0), "exec-json"),
    "exec-json-legacy/codex-legacy-basic-exec.jsonl": (Tally(1, 1, 0), "exec-json-legacy"),
    "exec-json-legacy/codex-legacy-missing-api-key-error.jsonl": (Tally(0, 0, 1), "exec-json-legacy"),
    "exec-json-legacy/codex-legacy-patch-apply.jsonl": (Tally(1, 1, 0), "exec-json-legacy"),
    "exec-json-legacy/codex-legacy-mcp-tool-call.jsonl": (Tally(1, 1, 0), "exec-json-legacy"),
    "rollout/codex-0.40-rollout-16-calls.jsonl": (Tally(16, 16, 3), "rollout"),
}


def fixture(name: str) -> list[ParsedStep]:
    steps, parser = parse_fixture("codex", f"codex/{name}")
    assert parser.detected_format == EXPECTED[name][1]
    return steps


def kinds(steps: list[ParsedStep]) -> list[str]:
    return [step.type for step in steps]


def test_every_codex_fixture_is_checked() -> None:
    assert corpus_files("codex") == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_counts_match_the_readme(name: str) -> None:
    assert tally(fixture(name)) == EXPECTED[name][0]


def test_exec_json_answer_without_tools() -> None:
    thought, resolution = fixture("exec-json/codex-0.46-stream-output-1.jsonl")
    assert (thought.type, thought.content) == ("thought", "**Providing simple answer**")
    assert (resolution.type, resolution.content, resolution.model) == ("resolution", "4", None)


def test_exec_json_command_execution() -> None:
    steps = fixture("exec-json/codex-0.46-stream-output-2.jsonl")
    assert kinds(steps) == ["thought", "action", "observation", "resolution"]
    action, observation = steps[1], steps[2]
    assert (action.tool, action.content, action.arguments) == (
        "shell",
        "bash -lc ls",
        {"command": "bash -lc ls"},
    )
    assert action.tool_call_id == observation.tool_call_id == "item_1"
    assert observation.content == "stream-output-1.jsonl\nstream-output-2.jsonl\ntest.js\n"
    assert steps[3].content == "Files here: `stream-output-1.jsonl`, `stream-output-2.jsonl`, `test.js`."
    assert all(step.timestamp is None and step.model is None for step in steps)


def test_exec_json_file_change_arrives_completed_only() -> None:
    steps = fixture("exec-json/codex-0.46-stream-output-3.jsonl")
    assert kinds(steps) == ["thought", "action", "observation", "resolution"]
    action, observation = steps[1], steps[2]
    assert action.tool == "apply_patch"
    assert action.arguments is not None
    assert thaw_json(action.arguments) == {
        "changes": [{"path": "/private/tmp/codex-research-test/hello.txt", "kind": "add"}]
    }
    assert observation.content == "add /private/tmp/codex-research-test/hello.txt"


def test_exec_json_two_reasoning_items() -> None:
    steps = fixture("exec-json/codex-0.46-stream-output-4.jsonl")
    assert kinds(steps) == ["thought", "action", "observation", "thought", "resolution"]
    assert steps[1].content == "bash -lc 'cat test.js'"
    assert steps[2].content == "console.log('Hello World');\n"
    assert steps[4].content.startswith("`test.js` simply contains")


def test_truncated_exec_json_capture_gives_nothing() -> None:
    assert fixture("exec-json/codex-0.46-stream-output-multi-1.jsonl") == []


def test_legacy_exec_joins_argv_into_the_command_string() -> None:
    steps = fixture("exec-json-legacy/codex-legacy-basic-exec.jsonl")
    assert kinds(steps) == ["thought", "action", "observation", "resolution"]
    action = steps[1]
    assert (action.tool, action.content) == ("shell", "bash -lc 'ls -1'")
    assert action.arguments == {"command": "bash -lc 'ls -1'", "cwd": "/Users/USER/dev/vk-wip"}
    assert steps[2].content.startswith("AGENT.md\nCLAUDE.md\n")
    assert steps[3].content.startswith("I can see the directory structure of your project.")


def test_legacy_missing_api_key_is_an_error_with_the_configured_model() -> None:
    (error,) = fixture("exec-json-legacy/codex-legacy-missing-api-key-error.jsonl")
    assert error.type == "error"
    assert error.content.startswith("Missing environment variable: `OPENAI_API_KEY`.")
    assert error.model == "codex-mini-latest"


def test_legacy_patch_apply() -> None:
    action, observation = fixture("exec-json-legacy/codex-legacy-patch-apply.jsonl")
    assert action.tool == "apply_patch"
    assert action.arguments is not None
    changes = thaw_json(action.arguments["changes"])
    assert isinstance(changes, dict)
    (path,) = changes
    assert path.endswith("/vk-a712-minor-rest/README.md")
    update = changes[path]
    assert isinstance(update, dict) and isinstance(update["update"], dict)
    assert str(update["update"]["unified_diff"]).startswith("@@ -18,2 +18,17 @@")
    assert observation.content.startswith("Success. Updated the following files:")


def test_legacy_mcp_tool_call() -> None:
    action, observation, resolution = fixture("exec-json-legacy/codex-legacy-mcp-tool-call.jsonl")
    assert (action.tool, action.arguments) == ("mcp__vibe_kanban__list_projects", {})
    assert (observation.type, observation.content) == ("observation", "Projects listed successfully")
    assert (resolution.type, resolution.content) == ("resolution", "Here are your projects")


def test_rollout_shell_calls_errors_and_retries() -> None:
    steps = fixture("rollout/codex-0.40-rollout-16-calls.jsonl")
    actions = [s for s in steps if s.type == "action"]
    assert {a.tool for a in actions} == {"shell"}
    assert all(a.content.startswith("bash -lc 'cd /Users/USER/Dev/spectora/") for a in actions)
    errors = [s for s in steps if s.type == "error"]
    assert "syntax error near unexpected token" in errors[0].content
    assert all("No such file or directory" in e.content for e in errors[1:])
    by_id = {a.tool_call_id: a for a in actions}
    assert all(by_id[e.tool_call_id].tool == e.tool == "shell" for e in errors)
    # The model retried after each error: the next action follows the error.
    assert kinds(steps)[kinds(steps).index("error") + 1 :][:2] == ["thought", "action"]
    assert {s.model for s in steps} == {"gpt-5-codex"}
    assert steps[1].timestamp == datetime(2025, 9, 25, 2, 12, 31, 531000, tzinfo=UTC).timestamp()


def test_rollout_follow_up_question_and_final_answer() -> None:
    steps = fixture("rollout/codex-0.40-rollout-16-calls.jsonl")
    (correction,) = [s for s in steps if s.type == "correction"]
    assert correction.content.startswith("# Context from my IDE setup:")
    (resolution,) = [s for s in steps if s.type == "resolution"]
    assert resolution is steps[-1]
    assert resolution.content.startswith("**Impact On Initial Load**")
    # The first answer was followed by the question, so it is a thought; reasoning is not doubled.
    assert sum(s.content.startswith("**What You") for s in steps) == 1
    assert sum(s.content == "**Analyzing dashboard query necessity**" for s in steps) == 1


# --- streams built here, for what the corpus does not contain -------------------------------------


def event(kind: str, **fields: object) -> str:
    return json.dumps({"type": kind, **fields})


def item(kind: str, item_id: str, **fields: object) -> dict[str, object]:
    return {"id": item_id, "type": kind, **fields}


def test_exec_json_failed_command_and_failed_turn() -> None:
    command = item("command_execution", "item_1", command="bash -lc 'npm test'", aggregated_output="")
    steps = parse_lines(
        "codex",
        [
            event("thread.started", thread_id="t"),
            event("item.completed", item=item("agent_message", "item_0", text="Running the tests first.")),
            event("item.started", item={**command, "status": "in_progress"}),
            event("item.updated", item={**command, "status": "in_progress"}),
            event(
                "item.completed",
                item={**command, "aggregated_output": "1 failing\n", "exit_code": 1, "status": "failed"},
            ),
            event("item.completed", item=item("error", "item_2", message="command timed out")),
            event("error", message="stream disconnected"),
            event("turn.failed", error={"message": "usage limit reached"}),
        ],
    )
    assert [(s.type, s.content) for s in steps] == [
        ("thought", "Running the tests first."),
        ("action", "bash -lc 'npm test'"),
        ("error", "1 failing\n"),
        ("error", "command timed out"),
        ("error", "stream disconnected"),
        ("error", "usage limit reached"),
    ]
    assert steps[2].tool_call_id == "item_1"


@pytest.mark.parametrize(
    ("fields", "is_error"),
    [
        ({"status": "completed", "exit_code": 0}, False),
        ({"status": "completed", "exit_code": 2}, True),
        ({"status": "failed"}, True),
        ({"status": "completed", "exit_code": 0, "error": {"message": "x"}}, True),
        ({"status": "declined"}, False),
    ],
)
def test_exec_json_error_rule(fields: dict[str, object], is_error: bool) -> None:
    done = item("command_execution", "i", command="ls", aggregated_output="out", **fields)
    steps = parse_lines("codex", [event("item.completed", item=done)])
    assert [s.type for s in steps] == ["action", "error" if is_error else "observation"]


def test_exec_json_mcp_call_and_web_search() -> None:
    call = item("mcp_tool_call", "item_1", server="docs", tool="search", arguments={"q": "trio"})
    search = item("web_search", "item_2", query="trio nursery")
    steps = parse_lines(
        "codex",
        [
            event("item.started", item={**call, "status": "in_progress", "result": None, "error": None}),
            event(
                "item.completed",
                item={
                    **call,
                    "status": "completed",
                    "error": None,
                    "result": {"content": [{"type": "text", "text": "3 hits"}]},
                },
            ),
            event("item.started", item={**call, "id": "item_3", "status": "in_progress"}),
            event(
                "item.completed",
                item={
                    **call,
                    "id": "item_3",
                    "status": "failed",
                    "error": {"message": "server gone"},
                    "result": None,
                },
            ),
            event("item.started", item=search),
            event("item.completed", item=search),
            event("turn.completed", usage={"input_tokens": 1, "output_tokens": 1}),
        ],
    )
    assert [(s.type, s.tool, s.content) for s in steps] == [
        ("action", "mcp__docs__search", '{"q":"trio"}'),
        ("observation", "mcp__docs__search", "3 hits"),
        ("action", "mcp__docs__search", '{"q":"trio"}'),
        ("error", "mcp__docs__search", "server gone"),
        ("action", "web_search", '{"query":"trio nursery"}'),
    ]


def test_legacy_failures() -> None:
    def msg(kind: str, **fields: object) -> str:
        return json.dumps({"id": "1", "msg": {"type": kind, **fields}})

    steps = parse_lines(
        "codex",
        [
            msg("exec_command_begin", call_id="c1", command=["bash", "-lc", "make"], cwd="/w"),
            msg("exec_command_end", call_id="c1", stdout="", stderr="make: *** [all] Error 2", exit_code=2),
            msg(
                "patch_apply_begin",
                call_id="c2",
                auto_approved=True,
                changes={"a.py": {"add": {"content": ""}}},
            ),
            msg("patch_apply_end", call_id="c2", stdout="", stderr="patch rejected", success=False),
            msg("mcp_tool_call_begin", call_id="c3", server="s", tool="t", arguments={}),
            msg("mcp_tool_call_end", call_id="c3", result={"Err": "tool not found"}),
            msg("mcp_tool_call_begin", call_id="c4", server="s", tool="t", arguments=None),
            msg(
                "mcp_tool_call_end",
                call_id="c4",
                result={"Ok": {"content": [{"text": "bad"}], "isError": True}},
            ),
            msg("agent_message", message="I could not build it."),
            msg("task_complete", last_agent_message="I could not build it."),
        ],
    )
    assert [(s.type, s.content) for s in steps if s.type != "action"] == [
        ("error", "make: *** [all] Error 2"),
        ("error", "patch rejected"),
        ("error", "tool not found"),
        ("error", "bad"),
        ("resolution", "I could not build it."),
    ]


def test_format_is_kept_once_detected() -> None:
    parser = new_parser("codex")
    parser.feed_line(event("thread.started", thread_id="t"))
    assert parser.feed_line(json.dumps({"id": "1", "msg": {"type": "error", "message": "x"}})) == []
    assert parser.detected_format == "exec-json"
