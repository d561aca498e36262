"""Codex CLI before about 0.44: `codex exec --json` lines of the form `{"id": ..., "msg": {"type": ...}}`.

The stream may start with a config line (`{"model": ..., "sandbox": ...}`) and a prompt line, neither with
`msg`; the config line names the model. Tool calls are joined by `call_id`. Errors follow the fixtures
README: `error` events, `exec_command_end` with a non-zero `exit_code`, `patch_apply_end` with `success:
false`, `mcp_tool_call_end` with `Err` or `isError: true`. `task_complete.last_agent_message` closes the run.
"""

from __future__ import annotations

from client_actors.parsers.assembly import StepAssembler
from client_actors.parsers.common import (
    arguments_object,
    get_int,
    get_object,
    get_str,
    mcp_tool_name,
    text_of_blocks,
)
from client_actors.parsers.model import ParsedStep
from groove_actors.protocol.models import JsonObject

_ID_FIELDS = frozenset({"type", "call_id"})


def _exec_output(msg: JsonObject) -> str:
    for key in ("aggregated_output", "formatted_output"):
        text = get_str(msg, key)
        if text:
            return text
    parts = [get_str(msg, "stdout") or "", get_str(msg, "stderr") or ""]
    return "\n".join(part for part in parts if part)


def _mcp_result(msg: JsonObject) -> tuple[str, bool]:
    """Return the text of an `mcp_tool_call_end` result and whether it failed (`Err`, or `isError: true`)."""
    result = get_object(msg, "result") or {}
    if "Err" in result:
        failure = result["Err"]
        return (failure if isinstance(failure, str) else text_of_blocks(failure)), True
    ok = get_object(result, "Ok") or {}
    return text_of_blocks(ok.get("content")), ok.get("isError") is True


def _on_begin(steps: StepAssembler, kind: str, msg: JsonObject) -> list[ParsedStep]:
    call_id = get_str(msg, "call_id")
    if kind == "mcp_tool_call_begin":
        # Later builds nest server/tool/arguments under `invocation`.
        source = get_object(msg, "invocation") or msg
        name = mcp_tool_name(get_str(source, "server"), get_str(source, "tool"))
        return steps.action(name, arguments_object(source.get("arguments")), call_id=call_id, timestamp=None)
    tool = "shell" if kind == "exec_command_begin" else "apply_patch"
    arguments = {key: value for key, value in msg.items() if key not in _ID_FIELDS}
    return steps.action(tool, arguments, call_id=call_id, timestamp=None)


def _on_end(steps: StepAssembler, kind: str, msg: JsonObject) -> list[ParsedStep]:
    call_id = get_str(msg, "call_id")
    if kind == "mcp_tool_call_end":
        output, failed = _mcp_result(msg)
    elif kind == "exec_command_end":
        output, failed = _exec_output(msg), get_int(msg, "exit_code") not in (None, 0)
    else:
        output, failed = _exec_output(msg), msg.get("success") is False
    return steps.result(output, call_id=call_id, is_error=failed, timestamp=None)


def handle_legacy_line(steps: StepAssembler, line: JsonObject) -> list[ParsedStep]:
    """Return the steps of one legacy line; the stream carries no timestamps."""
    msg = get_object(line, "msg")
    if msg is None:
        steps.model = get_str(line, "model") or steps.model
        return []
    kind = get_str(msg, "type") or ""
    match kind:
        case "agent_reasoning":
            return steps.thought(get_str(msg, "text") or "", timestamp=None)
        case "agent_message":
            return steps.text(get_str(msg, "message") or "", timestamp=None)
        case "exec_command_begin" | "patch_apply_begin" | "mcp_tool_call_begin":
            return _on_begin(steps, kind, msg)
        case "exec_command_end" | "patch_apply_end" | "mcp_tool_call_end":
            return _on_end(steps, kind, msg)
        case "error":
            return steps.error(get_str(msg, "message") or "error", timestamp=None)
        case "task_complete":
            return steps.end_run(get_str(msg, "last_agent_message"), timestamp=None)
        case _:
            return []
