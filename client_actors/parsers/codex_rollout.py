"""Codex rollout (session) files: `~/.codex/sessions/.../rollout-*.jsonl`, lines `{timestamp, type, payload}`.

The format is not documented by OpenAI (fixtures README, section 2). Each model item is written twice, as a
`response_item` and as an `event_msg`; steps come from the `response_item`s (reasoning, assistant messages,
tool calls and their outputs) and only the person's words from `event_msg` `user_message`, because the
`response_item` user messages also hold the environment context Codex injects. `turn_context` names the
model. An output is an error when its inner JSON has a non-zero `metadata.exit_code` (the README rule).
Multi-turn sessions get one resolution, at the end of the file.
"""

from __future__ import annotations

from client_actors.parsers.assembly import StepAssembler
from client_actors.parsers.common import (
    as_object,
    decode_arguments,
    decode_object,
    get_int,
    get_list,
    get_object,
    get_str,
    parse_timestamp,
    text_of_blocks,
)
from client_actors.parsers.model import ParsedStep
from groove_actors.protocol.models import JsonObject


def _call_arguments(payload: JsonObject) -> JsonObject:
    # `custom_tool_call` (e.g. apply_patch in later builds) sends free-form `input` instead of `arguments`.
    if "arguments" not in payload and "input" in payload:
        return {"input": payload["input"]}
    return decode_arguments(payload.get("arguments"))


def _call_output(payload: JsonObject) -> tuple[str, bool]:
    """Return a tool output's text and whether it failed (a non-zero `metadata.exit_code`)."""
    raw = payload.get("output")
    inner = decode_object(raw) if isinstance(raw, str) else as_object(raw)
    if inner is None:
        return (raw if isinstance(raw, str) else ""), False
    text = get_str(inner, "output") or text_of_blocks(inner.get("content"))
    exit_code = get_int(get_object(inner, "metadata") or {}, "exit_code")
    return text, exit_code not in (None, 0) or inner.get("success") is False


def _on_response_item(steps: StepAssembler, item: JsonObject, timestamp: float | None) -> list[ParsedStep]:
    call_id = get_str(item, "call_id")
    match get_str(item, "type"):
        case "reasoning":
            summary = text_of_blocks(get_list(item, "summary")) or text_of_blocks(get_list(item, "content"))
            return steps.thought(summary, timestamp=timestamp)
        case "message" if get_str(item, "role") == "assistant":
            return steps.text(text_of_blocks(item.get("content")), timestamp=timestamp)
        case "function_call" | "custom_tool_call":
            name = get_str(item, "name")
            return steps.action(name, _call_arguments(item), call_id=call_id, timestamp=timestamp)
        case "function_call_output" | "custom_tool_call_output":
            output, failed = _call_output(item)
            return steps.result(output, call_id=call_id, is_error=failed, timestamp=timestamp)
        case _:
            return []


def handle_rollout_line(steps: StepAssembler, line: JsonObject) -> list[ParsedStep]:
    """Return the steps of one rollout line, stamped with the line's `timestamp`."""
    payload = get_object(line, "payload")
    if payload is None:
        return []
    timestamp = parse_timestamp(line.get("timestamp"))
    match get_str(line, "type"):
        case "turn_context":
            steps.model = get_str(payload, "model") or steps.model
            return []
        case "response_item":
            return _on_response_item(steps, payload, timestamp)
        case "event_msg" if get_str(payload, "type") == "user_message":
            return steps.human(get_str(payload, "message") or "", timestamp=timestamp)
        case _:
            return []
