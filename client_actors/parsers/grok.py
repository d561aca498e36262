"""xAI Grok through the Grok CLI (`grok`, superagent-ai/grok-cli), run headless with `--prompt`.

The conformance corpus has no Grok sample, so this module reads the two JSONL shapes that CLI prints, as
its source defines them, told apart line by line:

1. OpenAI chat messages, one per line: what `grok --prompt ...` prints in its 0.0.x-1.0 releases (it turns
   its chat history into `ChatCompletionMessageParam` objects and writes each with `JSON.stringify`). This is
   the message shape of the OpenAI-compatible chat-completions API that xAI serves and the CLI talks to, so
   any wrapper that logs an OpenAI-compatible agent's conversation produces the same lines.
   - `user` -> correction after the first action; `assistant` `reasoning_content` -> thought, `content` ->
     held text, each `tool_calls[]` entry -> action (`function.arguments` is a JSON string); `tool` ->
     observation, joined by `tool_call_id`. This shape has no success flag (the CLI writes a failed tool's
     error text as the content), so tool results are observations and later classification decides.
   - On a crash the CLI prints one last `{"role": "assistant", "content": "Error: <message>"}` and exits 1;
     an assistant line of that form without tool calls is an error step, not a resolution.
2. Semantic events from `grok --prompt ... --format json` in later releases (`src/headless/output.ts`):
   `text` -> held text; `tool_use` carries the call and its result together -> action, then observation or
   (`toolResult.success: false`) error; `error` -> error; `run_finish` with `success: true` closes the run
   (the held text is the resolution); a failed run releases it as a thought, its errors having come before.
   `timestamp`s are epoch milliseconds; `timing.startedAt`, when present, stamps the action.

The raw `chat.completion.chunk` stream of the API is not read: it holds only the model's side, because tool
results go back to the API in the next request, so it cannot give observations. Neither shape names the
model (the capture session knows which model it launched), and `step_finish` usage covers a whole model
step, so token counts are estimated.
"""

from __future__ import annotations

import attrs

from client_actors.parsers.assembly import LineParser
from client_actors.parsers.common import (
    decode_arguments,
    get_list,
    get_object,
    get_str,
    iter_objects,
    parse_timestamp,
    text_of_blocks,
)
from client_actors.parsers.model import ParsedStep
from groove_actors.protocol.models import JsonObject

MESSAGES = "chat-messages"
EVENTS = "headless-events"
_EVENT_TYPES = frozenset({"step_start", "text", "tool_use", "step_finish", "error", "run_finish"})
_CRASH_PREFIX = "Error: "


def detect_grok_format(obj: JsonObject) -> str | None:
    """Return which Grok CLI shape one decoded line belongs to, or None if it shows none."""
    if get_str(obj, "role") is not None:
        return MESSAGES
    return EVENTS if get_str(obj, "type") in _EVENT_TYPES else None


@attrs.define(eq=False)
class GrokParser(LineParser):
    """Parser for one Grok CLI headless stream in either shape (see the module docstring)."""

    detected_format: str | None = attrs.field(default=None, init=False)

    def _on_object(self, obj: JsonObject) -> list[ParsedStep]:
        found = detect_grok_format(obj)
        if found is not None and self.detected_format is None:
            self.detected_format = found
        match found:
            case "chat-messages":
                return self._on_message(obj)
            case "headless-events":
                return self._on_event(obj)
            case _:
                return []

    def _on_message(self, message: JsonObject) -> list[ParsedStep]:
        content = text_of_blocks(message.get("content"))
        match get_str(message, "role"):
            case "user":
                return self.steps.human(content, timestamp=None)
            case "assistant":
                return self._on_assistant(message, content)
            case "tool":
                call_id = get_str(message, "tool_call_id")
                return self.steps.result(content, call_id=call_id, is_error=False, timestamp=None)
            case _:
                return []

    def _on_assistant(self, message: JsonObject, content: str) -> list[ParsedStep]:
        calls = list(iter_objects(get_list(message, "tool_calls")))
        if not calls and content.startswith(_CRASH_PREFIX):
            return self.steps.error(content.removeprefix(_CRASH_PREFIX), timestamp=None)
        steps = self.steps.thought(get_str(message, "reasoning_content") or "", timestamp=None)
        steps += self.steps.text(content, timestamp=None)
        for call in calls:
            function = get_object(call, "function") or {}
            arguments = decode_arguments(function.get("arguments"))
            call_id = get_str(call, "id")
            steps += self.steps.action(get_str(function, "name"), arguments, call_id=call_id, timestamp=None)
        return steps

    def _on_event(self, event: JsonObject) -> list[ParsedStep]:
        timestamp = parse_timestamp(event.get("timestamp"))
        match get_str(event, "type"):
            case "text":
                return self.steps.text(get_str(event, "text") or "", timestamp=timestamp)
            case "tool_use":
                return self._on_tool_use(event, timestamp)
            case "error":
                return self.steps.error(get_str(event, "message") or "error", timestamp=timestamp)
            case "run_finish" if event.get("success") is True:
                return self.steps.end_run(None, timestamp=timestamp)
            case "run_finish":
                return self.steps.release()
            case _:
                return []

    def _on_tool_use(self, event: JsonObject, timestamp: float | None) -> list[ParsedStep]:
        call = get_object(event, "toolCall")
        if call is None:
            return []
        function = get_object(call, "function") or {}
        call_id = get_str(call, "id")
        started = parse_timestamp((get_object(event, "timing") or {}).get("startedAt"))
        arguments = decode_arguments(function.get("arguments"))
        name = get_str(function, "name")
        steps = self.steps.action(name, arguments, call_id=call_id, timestamp=started or timestamp)
        result = get_object(event, "toolResult")
        if result is None:
            return steps
        if result.get("success") is True:
            output = get_str(result, "output") or ""
            return steps + self.steps.result(output, call_id=call_id, is_error=False, timestamp=timestamp)
        failure = get_str(result, "error") or get_str(result, "output") or "Error occurred"
        return steps + self.steps.result(failure, call_id=call_id, is_error=True, timestamp=timestamp)
