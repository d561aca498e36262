"""Step classification: one agent session's events in, numbered wire steps out (seed section 10).

Pure code: no I/O, no clock, no trio. One `Classifier` serves one agent session, in the manner of
`h11.Connection`: the capture actor feeds it events and ships the steps it returns.

    classifier = Classifier()
    for line in stdout:                                  # the actor reads; `now` is its clock
        for parsed in parser.feed_line(line):
            steps += classifier.feed(parsed, now=now)
    steps += [s for p in parser.finish() for s in classifier.feed(p, now=now)]
    classifier.feed(AgentEnded("completed"), now=now)
    outcome_counts = classifier.stats

Events, one class per kind: a `ParsedStep` from the agent's stream, a `UserMessage` the person typed, a
`CoordinationEvent` from the host daemon's event API, and `AgentEnded`. Steps are numbered 1, 2, 3, ...
Rules (seed "Step Classification"):

- correction: a user message once the agent has taken at least one action. A message before the first
  action is the task prompt or a clarification of it: it yields no step (the parsers treat a stream's own
  early human messages the same way). A stream that echoes a message already signalled does not count twice.
- error: an observation whose text carries an error signature (`ERROR_SIGNATURES`), unless it came from a
  tool whose output is file content (`CONTENT_TOOLS`); parser errors stay errors.
- resolution: the parsers already turn the final agent message into one resolution; a thought whose text
  claims completion (`RESOLUTION_PATTERN`) becomes one too. A resolution repeating the text of the previous
  resolution, with no other step between them but thoughts, is the same message and is dropped.
- coordination: every coordination event, with its coordination_id, direction, target_agent and protocol.
- error-recovery arcs: every error that a later resolution follows counts as recovered.
- model: a step the model wrote (thought, resolution, action) read where the stream named its model carries
  that id as the optional step member `model` (docs/PROTOCOL.md), which the server's fingerprint checks.
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Mapping
from typing import Any, Final, Literal, TypeAlias, assert_never

import attrs

from client_actors.parsers import ParsedStep, estimate_tokens
from groove_actors.protocol.models import CloseStatus, JsonObject, Step, StepType

EndReason: TypeAlias = Literal["completed", "crashed", "killed"]
CoordinationKind: TypeAlias = Literal["lock_request", "lock_grant", "qc_submission", "knock"]
Direction: TypeAlias = Literal["outbound", "inbound"]

CLOSE_STATUS: Final[Mapping[EndReason, CloseStatus]] = {
    "completed": "SUCCESS",
    "crashed": "CRASH",
    "killed": "KILLED",
}
DEFAULT_PROTOCOL: Final[Mapping[CoordinationKind, str]] = {
    "lock_request": "lock",
    "lock_grant": "lock",
    "qc_submission": "qc",
    "knock": "knock",
}

# Tried in order; `find_error_signature` names the first that matches. Line-anchored where the marker is a
# line prefix, so that source text ("except ValueError:") and grep hits ("src/a.py:3: Error:") do not match.
# Gemini's shell tool reports every run with "Error: (none)" and "Exit Code: 0" lines: neither is a failure.
ERROR_SIGNATURES: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    (
        "error-label",
        re.compile(
            r"^[ \t]*(?:(?:[A-Za-z_][\w.]*)?(?:Error|ERROR|error|Exception|fatal|FATAL)(?:\[[\w-]+\])?:"
            r"(?![ \t]*\((?:none|empty)\))"
            r"|\[(?:ERROR|FATAL)\]|npm ERR!)",
            re.MULTILINE,
        ),
    ),
    ("compiler-error", re.compile(r":[ \t]*(?:fatal )?error(?: TS\d+)?:")),
    ("test-failure", re.compile(r"\bFAIL(?:ED|URES?)?\b|\b[1-9]\d* (?:failed|failing|failures?)\b")),
    ("traceback", re.compile(r"^Traceback \(most recent call last\):", re.MULTILINE)),
    ("stack-trace", re.compile(r"^[ \t]+at [^\n]*\.\w+:\d+(?::\d+)?\)?[ \t\r]*$", re.MULTILINE)),
    (
        "exit-code",
        re.compile(
            r"\b(?:exit(?:ed)?(?: with)? (?:code|status)|exited with|non-zero exit status)"
            r"[ \t]*:?[ \t]*(?:-\d+|[1-9]\d*)\b",
            re.IGNORECASE,
        ),
    ),
    ("panic", re.compile(r"^panic: |\bpanicked at\b", re.MULTILINE)),
    ("command-not-found", re.compile(r"command not found|is not recognized as an internal", re.IGNORECASE)),
    ("permission-denied", re.compile(r"permission denied|\bEACCES\b|operation not permitted", re.IGNORECASE)),
    ("crash", re.compile(r"Segmentation fault|core dumped")),
)

# Steps whose text the model wrote: they carry the model id the stream named (the server's fingerprint
# reads it on these types). A model id longer than the metadata's `model_engine` limit is cut to it.
MODEL_WRITTEN: Final = frozenset({"thought", "resolution", "action"})
MAX_MODEL_CHARS: Final = 100

_ANSI_ESCAPE: Final = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")

# Tools whose output is file content or an edit confirmation with a snippet: "Error:" there is text, not a
# failure, and the streams flag these tools' real failures themselves (is_error, status "error").
CONTENT_TOOLS: Final = frozenset(
    {"read", "read_file", "read_many_files", "notebookread", "grep", "glob", "ls", "list_directory",
     "search_file_content", "webfetch", "web_fetch", "websearch", "web_search", "google_web_search",
     "edit", "multiedit", "write", "notebookedit", "write_file", "replace", "todowrite", "todoread"}
)  # fmt: skip

# Completion claims: the word must open a sentence, line or bullet, or follow a completion lead ("I've
# fixed", "has been implemented", "all done"). Words alone are often plans or descriptions ("to be done",
# "features are implemented according to the spec"), and a bare "commit" is a plan too: only "committed" or
# a commit hash counts.
_OPENING = r"(?:^[ \t]*(?:[-*][ \t]+)?|[.!][ \t]+)"
RESOLUTION_PATTERN: Final = re.compile(
    r"\bcommitted\b|\bcommit [0-9a-f]{7,40}\b"
    rf"|(?:{_OPENING}|\b(?:all|I'm|I am|we're|we are|is|are|now|been)[ \t]+)done(?=[ \t]*(?:[.!:]|$))"
    rf"|(?:{_OPENING}|\b(?:I've|I have|we've|we have|has been|have been|is now|are now|successfully)[ \t]+)"
    r"(?:implemented|fixed|resolved)\b(?!-)"
    r"|\ball (?:\d+ )?tests? (?:are |now )*pass(?:ed|es|ing)?\b",
    re.IGNORECASE | re.MULTILINE,
)

EDIT_TOOLS: Final = frozenset(
    {"edit", "multiedit", "write", "notebookedit", "write_file", "replace", "edit_file", "create_file",
     "str_replace_editor", "apply_patch"}
)  # fmt: skip
_PATH_KEYS: Final = ("file_path", "path", "notebook_path", "absolute_path", "filename", "target_file")
_PATCH_TEXT_KEYS: Final = ("command", "input", "patch")
_PATCH_HEADER: Final = re.compile(
    r"^\*\*\* (?:(?:Add|Update|Delete) File|Move to): (.+?)[ \t\r]*$", re.MULTILINE
)


class ClassifierStateError(Exception):
    """An event was fed after `AgentEnded`: the caller broke the classifier's contract."""


@attrs.frozen
class UserMessage:
    """Text the person typed into the agent's session (the host's input signal); `timestamp` in seconds."""

    text: str
    timestamp: float | None = None


@attrs.frozen
class CoordinationEvent:
    """A lock request or grant, QC submission or knock from the host's event API; `protocol` None: by kind."""

    kind: CoordinationKind
    coordination_id: str
    direction: Direction
    target_agent: str
    content: str
    protocol: str | None = None
    timestamp: float | None = None


@attrs.frozen
class AgentEnded:
    """The agent process ended; `reason` picks the SESSION_CLOSE status (`CLOSE_STATUS`)."""

    reason: EndReason


ClassifierEvent: TypeAlias = ParsedStep | UserMessage | CoordinationEvent | AgentEnded


class Phase(enum.Enum):
    """Where a session is: before its first action, acting, or ended (after which no event is accepted)."""

    IDLE = "idle"  # no action yet: user messages are the prompt, not corrections
    ACTING = "acting"
    ENDED = "ended"


# Every phase change; events not listed leave the phase as it is. ENDED accepts nothing.
_TRANSITIONS: Final[Mapping[tuple[Phase, str], Phase]] = {
    (Phase.IDLE, "action"): Phase.ACTING,
    (Phase.IDLE, "ended"): Phase.ENDED,
    (Phase.ACTING, "ended"): Phase.ENDED,
}


@attrs.frozen
class SessionStats:
    """The counts a SESSION_CLOSE outcome carries, over the steps emitted so far (uncapped)."""

    steps: int = 0
    user_interventions: int = 0
    total_tokens: int = 0
    files_modified: int = 0
    errors_encountered: int = 0
    errors_recovered: int = 0
    coordination_events: int = 0
    ended: EndReason | None = None


def close_status(reason: EndReason) -> CloseStatus:
    """Return the SESSION_CLOSE status for how the agent ended."""
    return CLOSE_STATUS[reason]


def find_error_signature(text: str) -> str | None:
    """Return the name of the first `ERROR_SIGNATURES` entry found in `text`, or None.

    Terminal colour codes are ignored: test runners colour their "FAIL" and "Error:" markers.
    """
    plain = _ANSI_ESCAPE.sub("", text)
    for name, pattern in ERROR_SIGNATURES:
        if pattern.search(plain):
            return name
    return None


def claims_resolution(text: str) -> bool:
    """Tell whether agent text claims the work is complete (commit, done, implemented, fixed, tests pass)."""
    return RESOLUTION_PATTERN.search(text) is not None


def _tool_key(tool: str | None) -> str:
    # MCP tools are named mcp__<server>__<tool>; the tool part says what it does.
    return (tool or "").rsplit("__", 1)[-1].lower()


def modified_paths(tool: str | None, arguments: Mapping[str, Any] | None) -> frozenset[str]:
    """Return the file paths an action writes: path arguments of edit tools and apply_patch file headers.

    A patch passed through a shell (`apply_patch` in a command string) counts for any tool.
    """
    if arguments is None:
        return frozenset()
    paths = {
        match.group(1)
        for key in _PATCH_TEXT_KEYS
        if isinstance(text := arguments.get(key), str) and "*** Begin Patch" in text
        for match in _PATCH_HEADER.finditer(text)
    }
    if _tool_key(tool) in EDIT_TOOLS:
        paths.update(value for key in _PATH_KEYS if isinstance(value := arguments.get(key), str) and value)
        paths.update(_change_paths(arguments.get("changes")))
    return frozenset(paths)


def _change_paths(changes: object) -> list[str]:
    """Codex `changes`: a list of `{path, kind}` (exec-json) or a mapping keyed by path (legacy)."""
    if isinstance(changes, Mapping):
        return [str(path) for path in changes]
    if isinstance(changes, list | tuple):
        found = (change.get("path") for change in changes if isinstance(change, Mapping))
        return [path for path in found if isinstance(path, str) and path]
    return []


@attrs.define(eq=False)
class _Tally:
    """Running counts over emitted steps; `open_errors` are errors no resolution has followed yet."""

    steps: int = 0
    corrections: int = 0
    tokens: int = 0
    files: set[str] = attrs.field(factory=set)
    errors: int = 0
    recovered: int = 0
    open_errors: int = 0
    coordination: int = 0

    def record(self, step: Step) -> None:
        self.steps += 1
        self.tokens += int(step.token_count or 0)
        match step.type:
            case "correction":
                self.corrections += 1
            case "error":
                self.errors += 1
                self.open_errors += 1
            case "resolution":
                self.recovered += self.open_errors
                self.open_errors = 0
            case "coordination":
                self.coordination += 1
            case "action":
                self.files.update(modified_paths(step.tool, step.arguments))
            case _:
                pass


def _event_tag(event: ClassifierEvent) -> str:
    match event:
        case ParsedStep(type="action"):
            return "action"
        case AgentEnded():
            return "ended"
        case _:
            return "other"


def _model_member(kind: StepType, model: str | None) -> JsonObject:
    """The optional step member `model` (docs/PROTOCOL.md): the id the stream named for a step the model
    wrote, so the server's model fingerprint can check the claimed model. Unknown step members are kept by
    the original server too, so original servers accept it."""
    if model is None or kind not in MODEL_WRITTEN or not model.strip():
        return {}
    return {"model": model.strip()[:MAX_MODEL_CHARS]}


def _when(timestamp: float | None, now: float) -> float:
    return timestamp if timestamp is not None and math.isfinite(timestamp) else now


@attrs.define(eq=False)
class Classifier:
    """Classifies and numbers one agent session's steps (see the module docstring for the rules)."""

    phase: Phase = attrs.field(default=Phase.IDLE, init=False)
    _tally: _Tally = attrs.field(factory=_Tally, init=False)
    _ended: EndReason | None = attrs.field(default=None, init=False)
    # Text of the last resolution while only thoughts followed it: a repeat of it is the same message.
    _last_resolution: str | None = attrs.field(default=None, init=False)
    # Text of the last user message made a correction: the stream may echo it as a correction of its own.
    _unechoed: str | None = attrs.field(default=None, init=False)

    @property
    def stats(self) -> SessionStats:
        """The outcome counts so far (files_modified counts distinct paths)."""
        t = self._tally
        return SessionStats(
            steps=t.steps, user_interventions=t.corrections, total_tokens=t.tokens,
            files_modified=len(t.files), errors_encountered=t.errors, errors_recovered=t.recovered,
            coordination_events=t.coordination, ended=self._ended,
        )  # fmt: skip

    def feed(self, event: ClassifierEvent, *, now: float) -> list[Step]:
        """Return the wire steps `event` yields (none, or one), numbered on from the previous ones.

        `now` (seconds since the epoch) stamps steps whose event carries no timestamp.

        Raises:
            ClassifierStateError: the session already ended.
        """
        if self.phase is Phase.ENDED:
            raise ClassifierStateError(
                f"can't handle event {type(event).__name__} in phase {self.phase.name}"
            )
        steps = self._steps_for(event, now)
        self.phase = _TRANSITIONS.get((self.phase, _event_tag(event)), self.phase)
        for step in steps:
            self._note(step)
        return steps

    def _steps_for(self, event: ClassifierEvent, now: float) -> list[Step]:
        match event:
            case ParsedStep():
                return self._on_parsed(event, _when(event.timestamp, now))
            case UserMessage(text=text, timestamp=timestamp):
                return self._on_user(text, _when(timestamp, now))
            case CoordinationEvent():
                return [self._coordination_step(event, _when(event.timestamp, now))]
            case AgentEnded(reason=reason):
                self._ended = reason
                return []
            case _:
                assert_never(event)

    def _on_parsed(self, parsed: ParsedStep, timestamp: float) -> list[Step]:
        kind = self._classify(parsed)
        if kind is None:
            return []
        is_tool_result = kind in ("observation", "error")
        return [
            Step(
                step=self._tally.steps + 1,
                type=kind,
                timestamp=timestamp,
                # An action's content is its command or its arguments as JSON: `arguments` already says it.
                content=None if kind == "action" and parsed.arguments is not None else parsed.content,
                token_count=parsed.token_count,
                tool=parsed.tool,
                arguments=parsed.arguments,
                truncated=parsed.truncated if is_tool_result else (parsed.truncated or None),
                source="user" if kind == "correction" else None,
                extra=_model_member(kind, parsed.model),
            )
        ]

    def _classify(self, parsed: ParsedStep) -> StepType | None:
        """The step type for a parsed step, or None when it repeats a step already emitted."""
        text = parsed.content.strip()
        match parsed.type:
            case "observation" if _tool_key(parsed.tool) not in CONTENT_TOOLS and find_error_signature(text):
                return "error"
            case "thought" if claims_resolution(text):
                return "resolution"
            case "resolution" if text == self._last_resolution:
                return None
            case "correction" if text == self._unechoed:
                self._unechoed = None
                return None
            case _:
                return parsed.type

    def _on_user(self, text: str, timestamp: float) -> list[Step]:
        if self.phase is not Phase.ACTING or not text.strip():
            return []
        self._unechoed = text.strip()
        number = self._tally.steps + 1
        tokens = estimate_tokens(text)
        return [Step(number, "correction", timestamp, content=text, token_count=tokens, source="user")]

    def _coordination_step(self, event: CoordinationEvent, timestamp: float) -> Step:
        return Step(
            step=self._tally.steps + 1,
            type="coordination",
            timestamp=timestamp,
            content=event.content,
            coordination_id=event.coordination_id,
            direction=event.direction,
            target_agent=event.target_agent,
            protocol=event.protocol if event.protocol is not None else DEFAULT_PROTOCOL[event.kind],
        )

    def _note(self, step: Step) -> None:
        self._tally.record(step)
        if step.type == "resolution":
            self._last_resolution = (step.content or "").strip()
        elif step.type != "thought":
            self._last_resolution = None
