"""OpenAI Codex CLI: `codex exec --json` (0.44+ and the legacy `{id, msg}` protocol) and rollout files.

The sub-format is detected from the first line that shows one and kept for the whole stream; lines of
another format are then ignored. The legacy and rollout mappings live in `codex_legacy` and `codex_rollout`.

`codex exec --json` 0.44+ (types in openai/codex `codex-rs/exec/src/exec_events.rs`):
- `reasoning` items -> thought; `agent_message` -> held text, the resolution when the turn completes.
- `command_execution` (tool `shell`, the command string as given), `file_change` (`apply_patch`),
  `mcp_tool_call` (`mcp__<server>__<tool>`), `web_search`: the action on `item.started`, or on
  `item.completed` for items that only complete (file_change); the observation on `item.completed`.
- Errors by the fixtures README: a completed tool item with `status: "failed"`, a non-zero `exit_code` or a
  non-null `error`; `error` items; top-level `error` and `turn.failed` events. A `declined` command is an
  observation, since that rule does not count it.
- `web_search` items carry no result, so they give an action only.
The stream names no model and has no timestamps; usage is per turn, so step token counts are estimated.
The session's own total is what the stream reports (`reported_tokens`): input plus output tokens, summed
over `turn.completed` events, or the cumulative `total_token_usage` of a rollout's `token_count` events.
"""

from __future__ import annotations

import attrs

from client_actors.parsers.assembly import LineParser
from client_actors.parsers.codex_legacy import handle_legacy_line
from client_actors.parsers.codex_rollout import handle_rollout_line
from client_actors.parsers.common import (
    arguments_object,
    dumps_compact,
    get_int,
    get_list,
    get_object,
    get_str,
    iter_objects,
    mcp_tool_name,
    text_of_blocks,
)
from client_actors.parsers.model import ParsedStep
from groove_actors.protocol.models import JsonObject

EXEC_JSON = "exec-json"
LEGACY = "exec-json-legacy"
ROLLOUT = "rollout"


def detect_codex_format(obj: JsonObject) -> str | None:
    """Return which Codex format one decoded line belongs to, or None if it shows none."""
    kind = get_str(obj, "type")
    if kind is not None and "payload" in obj:
        return ROLLOUT
    if "msg" in obj or (kind is None and ("model" in obj or "prompt" in obj)):
        return LEGACY
    return EXEC_JSON if kind is not None else None


def _tool_call(item: JsonObject) -> tuple[str | None, JsonObject] | None:
    """Return the (tool, arguments) of a tool item, or None for items that are not tool calls."""
    match get_str(item, "type"):
        case "command_execution":
            return "shell", {"command": get_str(item, "command") or ""}
        case "file_change":
            return "apply_patch", {"changes": get_list(item, "changes")}
        case "mcp_tool_call":
            name = mcp_tool_name(get_str(item, "server"), get_str(item, "tool"))
            return name, arguments_object(item.get("arguments"))
        case "web_search":
            return "web_search", {"query": get_str(item, "query") or ""}
        case _:
            return None


def _input_and_output(usage: JsonObject) -> int:
    return max(0, get_int(usage, "input_tokens") or 0) + max(0, get_int(usage, "output_tokens") or 0)


def _tool_output(item: JsonObject) -> str:
    match get_str(item, "type"):
        case "command_execution":
            return get_str(item, "aggregated_output") or ""
        case "file_change":
            changes = iter_objects(get_list(item, "changes"))
            return "\n".join(f"{get_str(c, 'kind') or '?'} {get_str(c, 'path') or '?'}" for c in changes)
        case _:
            error = get_object(item, "error")
            if error is not None:
                return get_str(error, "message") or dumps_compact(error)
            result = get_object(item, "result") or {}
            text = text_of_blocks(result.get("content"))
            structured = result.get("structured_content")
            return text if text or structured is None else dumps_compact(structured)


def _tool_failed(item: JsonObject) -> bool:
    """The README rule: status failed, a non-zero exit code, or a non-null error."""
    exit_code = get_int(item, "exit_code")
    return get_str(item, "status") == "failed" or exit_code not in (None, 0) or item.get("error") is not None


def _todo_text(item: JsonObject) -> str:
    entries = iter_objects(get_list(item, "items"))
    return "\n".join(f"[{'x' if e.get('completed') is True else ' '}] {get_str(e, 'text')}" for e in entries)


@attrs.define(eq=False)
class CodexParser(LineParser):
    """Parser for one Codex stream or rollout file (see the module docstring)."""

    detected_format: str | None = attrs.field(default=None, init=False)
    _started: set[str] = attrs.field(factory=set, init=False)

    def _on_object(self, obj: JsonObject) -> list[ParsedStep]:
        if self.detected_format is None:
            self.detected_format = detect_codex_format(obj)
        if detect_codex_format(obj) != self.detected_format:
            return []
        self._count_usage(obj)
        match self.detected_format:
            case "exec-json":
                return self._on_event(obj)
            case "exec-json-legacy":
                return handle_legacy_line(self.steps, obj)
            case "rollout":
                return handle_rollout_line(self.steps, obj)
            case _:
                return []

    def _count_usage(self, obj: JsonObject) -> None:
        payload = get_object(obj, "payload") or {}
        info = get_object(payload, "info") or {}
        total = get_object(info, "total_token_usage")
        if get_str(payload, "type") == "token_count" and total is not None:
            self.reported_tokens = _input_and_output(total)  # cumulative: the latest is the session's
        elif get_str(obj, "type") == "turn.completed" and (usage := get_object(obj, "usage")) is not None:
            self.reported_tokens = (self.reported_tokens or 0) + _input_and_output(usage)

    def _on_event(self, event: JsonObject) -> list[ParsedStep]:
        item = get_object(event, "item") or {}
        match get_str(event, "type"):
            case "item.started":
                return self._start(item)
            case "item.completed":
                return self._complete(item)
            case "turn.completed":
                return self.steps.end_run(None, timestamp=None)
            case "turn.failed":
                error = get_object(event, "error") or {}
                return self.steps.error(get_str(error, "message") or "turn failed", timestamp=None)
            case "error":
                return self.steps.error(get_str(event, "message") or "error", timestamp=None)
            case _:
                return []

    def _start(self, item: JsonObject) -> list[ParsedStep]:
        call = _tool_call(item)
        item_id = get_str(item, "id")
        if call is None or (item_id is not None and item_id in self._started):
            return []
        if item_id is not None:
            self._started.add(item_id)
        tool, arguments = call
        return self.steps.action(tool, arguments, call_id=item_id, timestamp=None)

    def _complete(self, item: JsonObject) -> list[ParsedStep]:
        match get_str(item, "type"):
            case "reasoning":
                return self.steps.thought(get_str(item, "text") or "", timestamp=None)
            case "agent_message":
                return self.steps.text(get_str(item, "text") or "", timestamp=None)
            case "todo_list":
                return self.steps.thought(_todo_text(item), timestamp=None)
            case "error":
                return self.steps.error(get_str(item, "message") or "error", timestamp=None)
            case "web_search":
                return self._start(item)
            case "command_execution" | "file_change" | "mcp_tool_call":
                started = self._start(item)
                output, failed = _tool_output(item), _tool_failed(item)
                call_id = get_str(item, "id")
                return [
                    *started,
                    *self.steps.result(output, call_id=call_id, is_error=failed, timestamp=None),
                ]
            case _:
                return []
