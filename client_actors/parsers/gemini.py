"""Google Gemini CLI: `--output-format stream-json`, `--output-format json`, and session recordings.

The format is detected from the first line that shows one (fixtures README, section 3):
- stream-json, one event per line: `init` names the model; user `message` -> correction after the first
  action; assistant `message` chunks (`delta: true`) are joined into one held text; `tool_use` -> action;
  `tool_result` -> observation, or error with `status: "error"`; `error` events -> error; `result` closes the
  run (the held text becomes the resolution) or, with `status: "error"`, is an error.
- json output, one document `{response, stats, error?}`: it names tool calls only by count, so each counted
  call in `stats.tools.byName` is an action without arguments or result; `response` is the resolution. The
  model is the one in `stats.models` with the most tokens, as several can be listed (the corpus sample
  lists gemini-2.5-pro and gemini-2.5-flash).
- session recordings (`~/.gemini/tmp/<hash>/chats/session-*.json`), one document with `messages[]`: `user`
  -> correction after the first action; a `gemini` message gives its `thoughts` (one thought each), its
  text, then each tool call as an action and its result (`status: "error"` -> error; `cancelled` is an
  observation, as the README counts it apart from errors).

Documents are usually pretty-printed, so a line that is just `{` starts collecting the document, which is
parsed by `finish`; if it does not parse as one document, its lines are read as stream events after all.
Token counts come from the session file's per-message `tokens` where they cover one step: `thoughts` for a
message with one thought, `output` for a message that produced one text or one tool call. Otherwise they
are estimated (stream-json reports usage only for the whole run).
"""

from __future__ import annotations

import attrs

from client_actors.parsers.assembly import LineParser, StepAssembler
from client_actors.parsers.common import (
    arguments_object,
    as_object,
    decode_object,
    dumps_compact,
    get_int,
    get_list,
    get_object,
    get_str,
    iter_objects,
    parse_timestamp,
    text_of_blocks,
)
from client_actors.parsers.model import ParsedStep
from groove_actors.protocol.models import JsonObject

STREAM_JSON = "stream-json"
JSON_OUTPUT = "json"
SESSION_JSON = "session-json"
# A bound on the actions made up from `stats` counts, so a corrupt count cannot exhaust memory.
MAX_COUNTED_CALLS = 1000
_FINAL_STATUSES = frozenset({"success", "error", "cancelled"})


def detect_gemini_format(obj: JsonObject) -> str | None:
    """Return which Gemini format one decoded JSON object belongs to, or None if it shows none."""
    if isinstance(obj.get("messages"), list):
        return SESSION_JSON
    if get_str(obj, "type") is not None:
        return STREAM_JSON
    return JSON_OUTPUT if "response" in obj or "stats" in obj else None


def parse_document(text: str) -> list[ParsedStep]:
    """Return the steps of a whole Gemini document (json output or session recording), resolution included."""
    parser = GeminiParser()
    return [*parser.feed_document(text), *parser.finish()]


def _main_model(models: JsonObject) -> str | None:
    def total(name: str) -> int:
        tokens = get_object(as_object(models[name]) or {}, "tokens") or {}
        return get_int(tokens, "total") or 0

    return max(models, key=total, default=None)


def _json_output_steps(steps: StepAssembler, doc: JsonObject) -> list[ParsedStep]:
    stats = get_object(doc, "stats") or {}
    steps.model = _main_model(get_object(stats, "models") or {}) or steps.model
    by_name = get_object(get_object(stats, "tools") or {}, "byName") or {}
    out: list[ParsedStep] = []
    for name, info in by_name.items():
        count = get_int(as_object(info) or {}, "count") or 0
        for _ in range(min(count, MAX_COUNTED_CALLS)):
            out += steps.action(name, None, call_id=None, timestamp=None)
    error = get_object(doc, "error")
    if error is not None:
        return [*out, *steps.error(get_str(error, "message") or "error", timestamp=None)]
    return [*out, *steps.end_run(get_str(doc, "response"), timestamp=None)]


def _thought_text(thought: JsonObject) -> str:
    # Gemini writes a thought summary as a bold subject line and a paragraph; the recording splits the two.
    subject, description = get_str(thought, "subject") or "", get_str(thought, "description") or ""
    return f"**{subject}**\n\n{description}" if subject else description


def _call_output(call: JsonObject) -> str:
    parts: list[str] = []
    for entry in iter_objects(get_list(call, "result")):
        response = get_object(get_object(entry, "functionResponse") or {}, "response") or {}
        value = response.get("output", response.get("error"))
        if value is not None:
            parts.append(value if isinstance(value, str) else dumps_compact(value))
    return "\n".join(parts) if parts else get_str(call, "resultDisplay") or ""


def _tool_call_steps(steps: StepAssembler, call: JsonObject, tokens: int | None) -> list[ParsedStep]:
    call_id, timestamp = get_str(call, "id"), parse_timestamp(call.get("timestamp"))
    arguments = arguments_object(call.get("args"))
    out = steps.action(get_str(call, "name"), arguments, call_id=call_id, timestamp=timestamp, tokens=tokens)
    status = get_str(call, "status")
    if status not in _FINAL_STATUSES:
        return out
    failed = status == "error"
    return [*out, *steps.result(_call_output(call), call_id=call_id, is_error=failed, timestamp=timestamp)]


def _gemini_message_steps(steps: StepAssembler, message: JsonObject) -> list[ParsedStep]:
    steps.model = get_str(message, "model") or steps.model
    tokens = get_object(message, "tokens") or {}
    thoughts = list(iter_objects(get_list(message, "thoughts")))
    calls = list(iter_objects(get_list(message, "toolCalls")))
    text = text_of_blocks(message.get("content"))
    thought_tokens = get_int(tokens, "thoughts") if len(thoughts) == 1 else None
    # `output` counts the text and the tool calls together, so it is one step's count only if there is one.
    produced = len(calls) + (1 if text.strip() else 0)
    output_tokens = get_int(tokens, "output") if produced == 1 else None
    out: list[ParsedStep] = []
    for thought in thoughts:
        stamp = parse_timestamp(thought.get("timestamp"))
        out += steps.thought(_thought_text(thought), timestamp=stamp, tokens=thought_tokens)
    out += steps.text(text, timestamp=parse_timestamp(message.get("timestamp")), tokens=output_tokens)
    for call in calls:
        out += _tool_call_steps(steps, call, output_tokens)
    return out


def _session_steps(steps: StepAssembler, doc: JsonObject) -> list[ParsedStep]:
    out: list[ParsedStep] = []
    for message in iter_objects(get_list(doc, "messages")):
        match get_str(message, "type"):
            case "user":
                stamp = parse_timestamp(message.get("timestamp"))
                out += steps.human(text_of_blocks(message.get("content")), timestamp=stamp)
            case "gemini":
                out += _gemini_message_steps(steps, message)
    return out


@attrs.define(eq=False)
class GeminiParser(LineParser):
    """Parser for one Gemini stream-json stream, json output or session recording (see module docstring)."""

    detected_format: str | None = attrs.field(default=None, init=False)
    _document: list[str] | None = attrs.field(default=None, init=False)

    def feed_line(self, line: str) -> list[ParsedStep]:
        """As `LineParser.feed_line`; the lines of a pretty-printed document are collected until `finish`."""
        self._check_open()
        if self._document is not None:
            self._document.append(line)
            return []
        if self.detected_format is None and line.strip() == "{":
            self._document = [line]
            return []
        return self._feed_text(line)

    def feed_document(self, text: str) -> list[ParsedStep]:
        """Parse a whole document at once; a text that is not one JSON object counts as one malformed line."""
        self._check_open()
        obj = decode_object(text)
        if obj is None:
            self.malformed_lines += 1
            return []
        return self._on_object(obj)

    def _on_object(self, obj: JsonObject) -> list[ParsedStep]:
        found = detect_gemini_format(obj)
        if self.detected_format is None:
            self.detected_format = found
        if found is None or found != self.detected_format:
            return []
        match found:
            case "stream-json":
                return self._on_event(obj)
            case "json":
                return _json_output_steps(self.steps, obj)
            case _:
                return _session_steps(self.steps, obj)

    def _on_event(self, event: JsonObject) -> list[ParsedStep]:
        timestamp = parse_timestamp(event.get("timestamp"))
        match get_str(event, "type"):
            case "init":
                self.steps.model = get_str(event, "model") or self.steps.model
                return []
            case "message":
                return self._on_message(event, timestamp)
            case "tool_use":
                call_id, name = get_str(event, "tool_id"), get_str(event, "tool_name")
                arguments = arguments_object(event.get("parameters"))
                return self.steps.action(name, arguments, call_id=call_id, timestamp=timestamp)
            case "tool_result":
                return self._on_tool_result(event, timestamp)
            case "error":
                return self.steps.error(get_str(event, "message") or "error", timestamp=timestamp)
            case "result":
                if get_str(event, "status") != "error":
                    return self.steps.end_run(None, timestamp=timestamp)
                error = get_object(event, "error") or {}
                return self.steps.error(get_str(error, "message") or "error", timestamp=timestamp)
            case _:
                return []

    def _on_message(self, event: JsonObject, timestamp: float | None) -> list[ParsedStep]:
        content = text_of_blocks(event.get("content"))
        match get_str(event, "role"):
            case "user":
                return self.steps.human(content, timestamp=timestamp)
            case "assistant" if event.get("delta") is True:
                return self.steps.append_text(content, timestamp=timestamp)
            case "assistant":
                return self.steps.text(content, timestamp=timestamp)
            case _:
                return []

    def _on_tool_result(self, event: JsonObject, timestamp: float | None) -> list[ParsedStep]:
        failed = get_str(event, "status") == "error"
        error = get_object(event, "error") or {}
        output = get_str(event, "output") or (get_str(error, "message") if failed else None) or ""
        call_id = get_str(event, "tool_id")
        return self.steps.result(output, call_id=call_id, is_error=failed, timestamp=timestamp)

    def _on_finish(self) -> list[ParsedStep]:
        lines, self._document = self._document, None
        if lines is None:
            return self.steps.finish()
        obj = decode_object("\n".join(lines))
        if obj is not None:
            return [*self._on_object(obj), *self.steps.finish()]
        # Not one document after all: read the lines as events, so a stray `{` line loses nothing else.
        out: list[ParsedStep] = []
        for line in lines:
            out += self._feed_text(line)
        return [*out, *self.steps.finish()]
