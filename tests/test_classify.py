"""Step classifier: events in, numbered wire steps and outcome counts out; plain values, no mocks."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from client_actors.classify import (
    AgentEnded,
    Classifier,
    ClassifierEvent,
    ClassifierStateError,
    CoordinationEvent,
    Phase,
    SessionStats,
    UserMessage,
    claims_resolution,
    close_status,
    find_error_signature,
    modified_paths,
)
from client_actors.parsers import ParsedStep, ParsedStepType, estimate_tokens, parse_file_text
from groove_actors.protocol.models import Step
from tests.conftest import AGENT_STREAMS
from tests.support.shared import agent_stream, shared_or_skip

T0 = 1_760_000_000.0


def parsed(kind: ParsedStepType, content: str = "", **fields: Any) -> ParsedStep:
    return ParsedStep(type=kind, content=content, token_count=estimate_tokens(content), **fields)


def action(tool: str = "Bash", arguments: Mapping[str, object] | None = None) -> ParsedStep:
    args = {"command": "ls"} if arguments is None else arguments
    return parsed("action", "ls", tool=tool, arguments=args)


def run(*events: ClassifierEvent, now: float = T0) -> tuple[list[Step], Classifier]:
    classifier = Classifier()
    steps: list[Step] = []
    for event in events:
        steps += classifier.feed(event, now=now)
    return steps, classifier


def kinds(steps: list[Step]) -> list[str]:
    return [step.type for step in steps]


# --- numbering and the step shape -----------------------------------------------------------------


def test_steps_are_numbered_from_one_and_stamped_by_stream_or_read_time() -> None:
    steps, _ = run(parsed("thought", "plan", timestamp=T0 - 5), action(), parsed("observation", "a\nb"))
    assert [s.step for s in steps] == [1, 2, 3]
    assert [s.timestamp for s in steps] == [T0 - 5, T0, T0]


def test_a_thought_keeps_its_text_and_token_count() -> None:
    (step,), _ = run(parsed("thought", "I should read the config first."))
    assert step == Step(1, "thought", T0, content="I should read the config first.", token_count=8)


def test_an_action_carries_tool_and_arguments_without_repeating_them_as_content() -> None:
    (step,), _ = run(action("Grep", {"pattern": "WebSocket"}))
    assert (step.type, step.tool, step.content) == ("action", "Grep", None)
    assert step.arguments == {"pattern": "WebSocket"}
    (bare,), _ = run(parsed("action", "search", tool="google_web_search"))
    assert (bare.content, bare.arguments) == ("search", None)


def test_tool_results_always_say_whether_they_were_truncated() -> None:
    steps, _ = run(action(), parsed("observation", "ok"), parsed("observation", "x", truncated=True))
    assert [s.truncated for s in steps] == [None, False, True]


# --- errors -----------------------------------------------------------------------------------------

SIGNATURES = [
    ("error-label", "Error: Cannot find module 'x'"),
    ("error-label", "Traceback skipped\nTypeError: 'NoneType' object is not subscriptable"),
    ("error-label", "error[E0382]: borrow of moved value: `v`"),
    ("error-label", "fatal: not a git repository (or any of the parent directories): .git"),
    ("error-label", "[ERROR] Failed to execute goal on project app"),
    ("error-label", "npm ERR! code ELIFECYCLE"),
    ("error-label", "\x1b[31mError\x1b[39m: colour codes are ignored"),
    ("compiler-error", "src/app.ts(3,5): error TS2322: Type 'string' is not assignable"),
    ("compiler-error", "main.c:3:5: error: expected ';' before '}' token"),
    ("test-failure", "FAILED tests/test_api.py::test_login - assert 401 == 200"),
    ("test-failure", " FAIL  src/NavUser.test.tsx > getInitials"),
    ("test-failure", "=== 2 failed, 40 passed in 1.2s ==="),
    ("test-failure", "1 example, 1 failure"),
    ("traceback", 'Traceback (most recent call last):\n  File "x.py", line 1'),
    ("stack-trace", "boom\n    at Object.<anonymous> (/srv/app/index.js:10:7)\n"),
    ("stack-trace", "boom\n\tat com.acme.Main.run(Main.java:42)\n"),
    ("exit-code", "Command failed with exit code 1"),
    ("exit-code", "process exited with 2"),
    ("exit-code", "Exit Code: 127"),
    ("exit-code", "subprocess returned non-zero exit status 3."),
    ("exit-code", "exited with code -9"),
    ("panic", "panic: runtime error: index out of range [3] with length 3"),
    ("panic", "thread 'main' panicked at src/main.rs:4:5:"),
    ("command-not-found", "bash: line 1: pnpm: command not found"),
    ("command-not-found", "'make' is not recognized as an internal or external command"),
    ("permission-denied", "mkdir: /opt/app: Permission denied"),
    ("permission-denied", "EACCES: open '/etc/hosts'"),
    ("permission-denied", "rm: cannot remove 'x': Operation not permitted"),
    ("crash", "Segmentation fault (core dumped)"),
]
NOT_ERRORS = [
    "except ValueError:\n    pass",
    "src/api.py:12:    raise Error: not reached",
    "Error: (none)\nExit Code: 0",
    "Command exited with code 0",
    "exit code 0",
    "0 failed, 12 passed",
    "STATUS_FAILED = 3",
    "No errors found.",
    "  at 10:30 we deploy",
    "all good",
]


@pytest.mark.parametrize(("name", "text"), SIGNATURES)
def test_each_error_signature_is_recognised(name: str, text: str) -> None:
    assert find_error_signature(text) == name


@pytest.mark.parametrize("text", NOT_ERRORS)
def test_ordinary_output_has_no_error_signature(text: str) -> None:
    assert find_error_signature(text) is None


@pytest.mark.parametrize(("name", "text"), SIGNATURES)
def test_an_observation_with_a_signature_becomes_an_error(name: str, text: str) -> None:
    steps, classifier = run(action(), parsed("observation", text, tool="Bash", tool_call_id="c1"))
    assert steps[1].type == "error"
    assert (steps[1].content, steps[1].tool, steps[1].truncated) == (text, "Bash", False)
    assert classifier.stats.errors_encountered == 1


@pytest.mark.parametrize("tool", ["Read", "read_file", "Grep", "Edit", "write_file", "mcp__fs__read_file"])
def test_file_content_from_reading_and_editing_tools_is_not_scanned(tool: str) -> None:
    steps, _ = run(
        action(tool, {"file_path": "a.py"}), parsed("observation", "Error: boom\nFAILED", tool=tool)
    )
    assert kinds(steps) == ["action", "observation"]


def test_errors_the_parser_found_stay_errors_and_other_steps_are_not_scanned() -> None:
    steps, classifier = run(
        parsed("thought", "Error: I wonder why"),
        action(),
        parsed("error", "is_error from the stream", tool="Bash"),
    )
    assert kinds(steps) == ["thought", "action", "error"]
    assert classifier.stats.errors_encountered == 1


# --- corrections ------------------------------------------------------------------------------------


def test_a_user_message_before_any_action_is_the_prompt_not_a_step() -> None:
    steps, classifier = run(UserMessage("Fix the login bug"), parsed("thought", "Looking"))
    assert kinds(steps) == ["thought"]
    assert classifier.stats.user_interventions == 0
    assert classifier.phase is Phase.IDLE


def test_a_user_message_after_an_action_is_a_correction() -> None:
    steps, classifier = run(action(), UserMessage("No, use exponential backoff", timestamp=T0 + 9))
    assert steps[1] == Step(
        2, "correction", T0 + 9, content="No, use exponential backoff", token_count=7, source="user"
    )
    assert classifier.stats.user_interventions == 1
    assert classifier.phase is Phase.ACTING


def test_coordination_is_not_an_action_and_blank_messages_are_nothing() -> None:
    knock = CoordinationEvent("knock", "coord_1", "outbound", "backend-1", "may I?")
    steps, _ = run(knock, UserMessage("stop"), action(), UserMessage("  \n"))
    assert kinds(steps) == ["coordination", "action"]


def test_a_stream_echo_of_a_signalled_message_is_not_a_second_correction() -> None:
    steps, classifier = run(
        action(),
        UserMessage("use the v2 API"),
        parsed("correction", "use the v2 API"),
        parsed("correction", "use the v2 API"),
    )
    assert kinds(steps) == ["action", "correction", "correction"]
    assert classifier.stats.user_interventions == 2


# --- coordination -----------------------------------------------------------------------------------


def test_coordination_events_map_to_coordination_steps() -> None:
    events = [
        CoordinationEvent("lock_request", "coord_a", "outbound", "backend-1", "Requesting lock on src/ws.js"),
        CoordinationEvent("lock_grant", "coord_a", "inbound", "backend-1", "granted", timestamp=T0 + 1),
        CoordinationEvent("qc_submission", "coord_b", "outbound", "qc-1", "please review"),
        CoordinationEvent("knock", "coord_c", "inbound", "planner", "ping", protocol="knock-v2"),
    ]
    steps, classifier = run(*events)
    assert steps[0] == Step(
        1, "coordination", T0, content="Requesting lock on src/ws.js", coordination_id="coord_a",
        direction="outbound", target_agent="backend-1", protocol="lock",
    )  # fmt: skip
    assert [(s.protocol, s.direction, s.timestamp) for s in steps[1:]] == [
        ("lock", "inbound", T0 + 1),
        ("qc", "outbound", T0),
        ("knock-v2", "inbound", T0),
    ]
    assert classifier.stats.coordination_events == 4


# --- resolutions ------------------------------------------------------------------------------------

CLAIMS = [
    "Committed the fix to main.",
    "Created commit 1a2b3c4d on branch feat/x.",
    "Done.",
    "All done!",
    "Done: the handler now retries.",
    "I'm done",
    "I've implemented the retry logic.",
    "Implemented exponential backoff in ws-client.js.",
    "- Fixed the null check in NavUser",
    "The flaky test is now fixed? No: the bug has been fixed.",
    "Perfect! All tests pass. Now let me verify the final state:",
    "All 42 tests passed.",
    "all tests are now passing",
    "Successfully resolved the merge conflict.",
]
NOT_CLAIMS = [
    "Let me commit this next.",
    "Done reading the config; next the handler.",
    "What remains to be done?",
    "Once that's done we can deploy, but not yet.",
    "I need to make sure the features are implemented according to the spec.",
    "Use a fixed-width font.",
    "This is not fixed yet",
    "Some tests pass, others fail.",
]


@pytest.mark.parametrize("text", CLAIMS)
def test_completion_claims_are_recognised(text: str) -> None:
    assert claims_resolution(text)


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_plans_and_descriptions_are_not_completion_claims(text: str) -> None:
    assert not claims_resolution(text)


def test_a_thought_claiming_completion_becomes_a_resolution() -> None:
    steps, _ = run(
        action(), parsed("observation", "ok"), parsed("thought", "Fixed the import. Running tests.")
    )
    assert kinds(steps) == ["action", "observation", "resolution"]


def test_one_message_never_gives_two_resolutions() -> None:
    # The parser releases held text as a thought when a thought follows, then the run's result repeats it.
    final = "Done. The handler retries with backoff."
    steps, _ = run(
        action(), parsed("thought", final), parsed("thought", "(summary)"), parsed("resolution", final)
    )
    assert kinds(steps) == ["action", "resolution", "thought"]


def test_the_same_words_after_more_work_are_a_new_resolution() -> None:
    steps, _ = run(
        parsed("resolution", "Done."), action(), parsed("observation", "ok"), parsed("resolution", "Done.")
    )
    assert kinds(steps) == ["resolution", "action", "observation", "resolution"]


def test_the_parsers_final_resolution_passes_through_once() -> None:
    steps, _ = run(action(), parsed("resolution", "Here is what I found."))
    assert kinds(steps) == ["action", "resolution"]


# --- error-recovery arcs and statistics ---------------------------------------------------------------


def test_a_later_resolution_recovers_every_error_before_it() -> None:
    steps, classifier = run(
        action(),
        parsed("observation", "exit code 1"),
        action(),
        parsed("observation", "FAILED test_x"),
        parsed("resolution", "Fixed both."),
        action(),
        parsed("error", "Permission denied"),
    )
    assert kinds(steps).count("error") == 3
    stats = classifier.stats
    assert (stats.errors_encountered, stats.errors_recovered) == (3, 2)


def test_errors_without_a_later_resolution_stay_unrecovered() -> None:
    _, classifier = run(parsed("resolution", "Done."), action(), parsed("error", "boom"))
    assert (classifier.stats.errors_encountered, classifier.stats.errors_recovered) == (1, 0)


def test_statistics_count_what_was_emitted() -> None:
    _, classifier = run(
        UserMessage("the task"),
        action("Edit", {"file_path": "src/a.py", "old_string": "x", "new_string": "y"}),
        action("Write", {"file_path": "src/b.py", "content": "z"}),
        action("Edit", {"file_path": "src/a.py", "old_string": "y", "new_string": "w"}),
        UserMessage("also docs"),
        CoordinationEvent("knock", "coord_1", "outbound", "docs-1", "lock docs/"),
        AgentEnded("completed"),
    )
    assert classifier.stats == SessionStats(
        steps=5, user_interventions=1, total_tokens=1 + 1 + 1 + 3, files_modified=2,
        errors_encountered=0, errors_recovered=0, coordination_events=1, ended="completed",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("tool", "arguments", "paths"),
    [
        ("Edit", {"file_path": "a.py", "old_string": "", "new_string": ""}, {"a.py"}),
        ("MultiEdit", {"file_path": "b.py", "edits": []}, {"b.py"}),
        ("NotebookEdit", {"notebook_path": "n.ipynb"}, {"n.ipynb"}),
        ("write_file", {"path": "/tmp/t.txt", "content": "x"}, {"/tmp/t.txt"}),
        ("replace", {"file_path": "c.ts"}, {"c.ts"}),
        ("mcp__fs__write_file", {"path": "d.md"}, {"d.md"}),
        (
            "apply_patch",
            {"changes": [{"path": "e.txt", "kind": "add"}, {"path": "f.txt"}]},
            {"e.txt", "f.txt"},
        ),
        ("apply_patch", {"changes": {"g.md": {"update": {}}}}, {"g.md"}),
        (
            "shell",
            {
                "command": "apply_patch '*** Begin Patch\n*** Update File: h.py\n@@\n*** Add File: i.py\n*** End Patch'"
            },
            {"h.py", "i.py"},
        ),
        ("Read", {"file_path": "a.py"}, set()),
        ("Bash", {"command": "echo hi > j.txt"}, set()),
        ("Edit", None, set()),
    ],
)
def test_modified_paths(tool: str, arguments: Mapping[str, Any] | None, paths: set[str]) -> None:
    assert modified_paths(tool, arguments) == paths


# --- the end of the session -----------------------------------------------------------------------------


def test_the_end_closes_the_machine() -> None:
    classifier = Classifier()
    assert classifier.feed(AgentEnded("killed"), now=T0) == []
    assert classifier.phase is Phase.ENDED
    assert classifier.stats.ended == "killed"
    with pytest.raises(ClassifierStateError, match="can't handle event ParsedStep in phase ENDED"):
        classifier.feed(action(), now=T0)


def test_close_status_follows_how_the_agent_ended() -> None:
    assert [close_status(r) for r in ("completed", "crashed", "killed")] == ["SUCCESS", "CRASH", "KILLED"]


# --- the conformance corpus -----------------------------------------------------------------------------


class Expected(NamedTuple):
    steps: int
    errors: int
    recovered: int
    corrections: int
    files: int


# Parsed steps all come through (none of these files repeats a message). Errors beyond the README's counts
# are signatures in observations: Gemini's "pip: command not found" (Exit Code: 127) and pip3's "error:
# externally-managed-environment". Claude's "All tests pass." after the failing vitest run recovers it.
EXPECTED = {
    "claude-code/stream-json/cc-2.1.3-bash-ls-reassembled.jsonl": Expected(3, 0, 0, 0, 0),
    "claude-code/stream-json/cc-2.1.7-basic-query-no-tools.jsonl": Expected(1, 0, 0, 0, 0),
    "claude-code/transcript/cc-2.0.14-transcript-23-tools-unanswered.jsonl": Expected(48, 0, 0, 1, 0),
    "claude-code/transcript/cc-2.0.27-transcript-27-tools-1-error.jsonl": Expected(78, 1, 1, 2, 3),
    "claude-code/transcript/cc-2.0.29-transcript-askuserquestion.jsonl": Expected(8, 0, 0, 0, 0),
    "codex/exec-json/codex-0.46-stream-output-1.jsonl": Expected(2, 0, 0, 0, 0),
    "codex/exec-json/codex-0.46-stream-output-2.jsonl": Expected(4, 0, 0, 0, 0),
    "codex/exec-json/codex-0.46-stream-output-3.jsonl": Expected(4, 0, 0, 0, 1),
    "codex/exec-json/codex-0.46-stream-output-4.jsonl": Expected(5, 0, 0, 0, 0),
    "codex/exec-json/codex-0.46-stream-output-multi-1.jsonl": Expected(0, 0, 0, 0, 0),
    "codex/exec-json-legacy/codex-legacy-basic-exec.jsonl": Expected(4, 0, 0, 0, 0),
    "codex/exec-json-legacy/codex-legacy-mcp-tool-call.jsonl": Expected(3, 0, 0, 0, 0),
    "codex/exec-json-legacy/codex-legacy-missing-api-key-error.jsonl": Expected(1, 1, 0, 0, 0),
    "codex/exec-json-legacy/codex-legacy-patch-apply.jsonl": Expected(2, 0, 0, 0, 1),
    "codex/rollout/codex-0.40-rollout-16-calls.jsonl": Expected(52, 3, 3, 1, 0),
    "gemini/docs-example/gemini-official-headless-doc-example.jsonl": Expected(3, 0, 0, 0, 0),
    "gemini/json/gemini-0.11-json-output-web-search.json": Expected(2, 0, 0, 0, 0),
    "gemini/session-json/gemini-0.11-session-981c87cb-13-tools.json": Expected(73, 3, 3, 2, 1),
    "gemini/session-json/gemini-0.11-session-a63242d9-tool-error.json": Expected(4, 1, 0, 0, 1),
    "gemini/stream-json/gemini-0.11-read-file.jsonl": Expected(3, 0, 0, 0, 0),
    "gemini/stream-json/gemini-0.11-say-hello-no-tools.jsonl": Expected(1, 0, 0, 0, 0),
    "gemini/stream-json/gemini-0.11-write-file.jsonl": Expected(3, 0, 0, 0, 1),
}


def corpus() -> set[str]:
    root = shared_or_skip(AGENT_STREAMS)
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() and p.name != "README.md"}


def classify_file(relative: str) -> tuple[list[ParsedStep], list[Step], Classifier]:
    path = agent_stream(relative)
    parsed_steps = parse_file_text(relative.split("/")[0], path.read_text(encoding="utf-8"))
    steps, classifier = run(*parsed_steps, AgentEnded("completed"))
    return parsed_steps, steps, classifier


def test_every_corpus_file_is_checked() -> None:
    assert corpus() == set(EXPECTED)


@pytest.mark.parametrize("relative", sorted(EXPECTED))
def test_corpus_streams_classify_to_the_expected_counts(relative: str) -> None:
    parsed_steps, steps, classifier = classify_file(relative)
    stats = classifier.stats
    got = Expected(stats.steps, stats.errors_encountered, stats.errors_recovered, stats.user_interventions,
                   stats.files_modified)  # fmt: skip
    assert got == EXPECTED[relative]
    assert len(steps) == len(parsed_steps)
    assert [s.step for s in steps] == list(range(1, len(steps) + 1))
    assert stats.total_tokens == sum(p.token_count for p in parsed_steps)


def test_the_modified_files_of_the_claude_transcript() -> None:
    _, steps, _ = classify_file("claude-code/transcript/cc-2.0.27-transcript-27-tools-1-error.jsonl")
    names = {Path(p).name for s in steps if s.type == "action" for p in modified_paths(s.tool, s.arguments)}
    assert names == {"NavUser.tsx", "NavUser.test.tsx", "AppSidebar.tsx"}
