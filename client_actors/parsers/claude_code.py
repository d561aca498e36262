"""Claude Code: `claude -p --output-format stream-json --verbose` output and transcript `.jsonl` files.

Both formats carry Anthropic Messages API messages, one JSON object per line (fixtures README, section 1).
Transcripts write each content block of one message on its own line, and a block is one step, so the two
formats need no separate handling; `detected_format` only reports which one was seen.

Mapping:
- `system` / `init`: the model. Assistant `message.model` updates it (`<synthetic>` placeholders do not).
- assistant blocks: `thinking` -> thought; `text` -> held text (a thought, or the resolution if nothing
  follows it); `tool_use` -> action. Parallel calls are consecutive actions; unanswered ones stay actions.
- user `tool_result` blocks -> observation, or error when `is_error` is true. Text a person wrote ->
  correction after the first action; meta entries, slash-command echoes and sub-agent prompts are not a
  person's words.
- `result` -> error when `is_error` is true, else the resolution (its text; the identical final text block
  and the result are one step). Assistant entries flagged `isApiErrorMessage` -> error.

Token counts are always estimated: Claude Code writes a message's `usage` as of its first streamed block
(`stop_reason` null, `output_tokens` 1 on a long summary in the 2.0.x transcripts) and repeats one message's
usage on each of its blocks, so no stream count belongs to exactly one step.
"""

from __future__ import annotations

import attrs

from client_actors.parsers.assembly import LineParser
from client_actors.parsers.common import (
    as_object,
    get_list,
    get_object,
    get_str,
    iter_objects,
    parse_timestamp,
    text_of_blocks,
)
from client_actors.parsers.model import ParsedStep
from groove_actors.protocol.models import JsonObject

# User text that Claude Code writes itself when a slash command runs, not something a person typed.
_COMMAND_ECHO_PREFIXES = (
    "<command-name>",
    "<command-message>",
    "<local-command-",
    "Caveat: The messages below",
)
_STREAM_ONLY_TYPES = frozenset({"system", "result"})
_TRANSCRIPT_ONLY_TYPES = frozenset({"file-history-snapshot", "summary"})


def _tool_input(block: JsonObject) -> JsonObject:
    value = block.get("input")
    found = as_object(value)
    if found is not None:
        return found
    return {} if value is None else {"input": value}


def _is_agent_written(entry: JsonObject, text: str) -> bool:
    """Tell whether user-role text came from Claude Code or a sub-agent rather than from the person."""
    if any(entry.get(flag) is True for flag in ("isMeta", "isSidechain", "isCompactSummary")):
        return True
    if get_str(entry, "parent_tool_use_id"):
        return True
    return text.lstrip().startswith(_COMMAND_ECHO_PREFIXES)


@attrs.define(eq=False)
class ClaudeCodeParser(LineParser):
    """Parser for one Claude Code stream-json stream or transcript file (see the module docstring)."""

    detected_format: str | None = attrs.field(default=None, init=False)

    def _on_object(self, obj: JsonObject) -> list[ParsedStep]:
        kind = get_str(obj, "type")
        self._detect(obj, kind)
        timestamp = parse_timestamp(obj.get("timestamp"))
        match kind:
            case "system":
                if get_str(obj, "subtype") == "init":
                    self._note_model(get_str(obj, "model"))
                return []
            case "assistant":
                return self._on_assistant(obj, timestamp)
            case "user":
                return self._on_user(obj, timestamp)
            case "result":
                return self._on_result(obj, timestamp)
            case _:
                return []

    def _detect(self, obj: JsonObject, kind: str | None) -> None:
        if self.detected_format is not None:
            return
        if kind in _STREAM_ONLY_TYPES or "session_id" in obj:
            self.detected_format = "stream-json"
        elif kind in _TRANSCRIPT_ONLY_TYPES or "sessionId" in obj:
            self.detected_format = "transcript"

    def _note_model(self, model: str | None) -> None:
        if model and not model.startswith("<"):
            self.steps.model = model

    def _on_assistant(self, entry: JsonObject, timestamp: float | None) -> list[ParsedStep]:
        message = get_object(entry, "message")
        if message is None:
            return []
        self._note_model(get_str(message, "model"))
        content = message.get("content")
        if entry.get("isApiErrorMessage") is True:
            return self.steps.error(text_of_blocks(content), timestamp=timestamp)
        if isinstance(content, str):
            return self.steps.text(content, timestamp=timestamp)
        steps: list[ParsedStep] = []
        for block in iter_objects(get_list(message, "content")):
            steps += self._on_assistant_block(block, timestamp)
        return steps

    def _on_assistant_block(self, block: JsonObject, timestamp: float | None) -> list[ParsedStep]:
        match get_str(block, "type"):
            case "thinking":
                return self.steps.thought(get_str(block, "thinking") or "", timestamp=timestamp)
            case "text":
                return self.steps.text(get_str(block, "text") or "", timestamp=timestamp)
            case "tool_use":
                call_id = get_str(block, "id")
                name = get_str(block, "name")
                return self.steps.action(name, _tool_input(block), call_id=call_id, timestamp=timestamp)
            case _:
                return []

    def _on_user(self, entry: JsonObject, timestamp: float | None) -> list[ParsedStep]:
        message = get_object(entry, "message")
        if message is None:
            return []
        content = message.get("content")
        if isinstance(content, str):
            return self._on_human_text(entry, content, timestamp)
        steps: list[ParsedStep] = []
        for block in iter_objects(get_list(message, "content")):
            match get_str(block, "type"):
                case "tool_result":
                    output = text_of_blocks(block.get("content"))
                    call_id = get_str(block, "tool_use_id")
                    failed = block.get("is_error") is True
                    steps += self.steps.result(output, call_id=call_id, is_error=failed, timestamp=timestamp)
                case "text":
                    steps += self._on_human_text(entry, get_str(block, "text") or "", timestamp)
        return steps

    def _on_human_text(self, entry: JsonObject, text: str, timestamp: float | None) -> list[ParsedStep]:
        if _is_agent_written(entry, text):
            return []
        return self.steps.human(text, timestamp=timestamp)

    def _on_result(self, event: JsonObject, timestamp: float | None) -> list[ParsedStep]:
        text = get_str(event, "result")
        if event.get("is_error") is not True:
            return self.steps.end_run(text, timestamp=timestamp)
        reasons = [reason for reason in get_list(event, "errors") if isinstance(reason, str)]
        message = text or "; ".join(reasons) or get_str(event, "subtype") or "error"
        return self.steps.error(message, timestamp=timestamp)
