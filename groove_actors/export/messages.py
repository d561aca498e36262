"""A trajectory's steps as a conversation in the OpenAI chat fine-tuning format, purely (docs/EXPORT.md).

Fine-tuning stacks take `messages`: system, user, assistant (with `tool_calls`) and tool (with `tool_call_id`)
messages, where every tool call is answered by a tool message right after the assistant message that made it.
Steps do not carry call ids on the wire, so a result answers the oldest open call of the same tool (else the
oldest open call); a call still open when the conversation moves on is answered with empty content, so the
conversation always stays valid. Each message is a dict with only the members the format has (no nulls).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, Final

import attrs

from groove_actors.protocol.models import Step

SYSTEM_PROMPT: Final = "You are an AI coding agent working in a software repository."
USER_TYPES: Final = frozenset({"instruction", "clarification", "approval"})
ASSISTANT_TYPES: Final = frozenset({"thought", "resolution"})
CALL_TYPES: Final = frozenset({"action", "edit", "delegate"})
RESULT_TYPES: Final = frozenset({"observation", "error", "yield"})
# A `yield` (work handed back) answers only a `delegate` call; observations and errors answer any call.
_DELEGATE_TOOL: Final = "delegate"
_EDIT_TOOL: Final = "edit"
# Step members that say something of the step, not of the call: never a call's arguments (they stay in `steps`).
NOT_ARGUMENTS: Final = frozenset({"model"})  # the model id the stream named for the step


def role_of(step: Step) -> str:
    """The part a step plays in the conversation: "user", "assistant", "call" or "result" (docs/EXPORT.md)."""
    if step.type in USER_TYPES:
        return "user"
    if step.type == "correction":
        return "user" if step.source in (None, "user") else "assistant"
    if step.type == "coordination":
        return "user" if step.direction == "inbound" else "assistant"
    if step.type in CALL_TYPES:
        return "call"
    if step.type in RESULT_TYPES:
        return "result"
    if step.type in ASSISTANT_TYPES:
        return "assistant"
    return "call" if step.tool else "assistant"  # a type newer than this table


def call_arguments(step: Step) -> str:
    """A call's arguments as a JSON string: the step's `arguments`, with an edit's or a delegation's other
    members beside them; a call with none gives its content as `input` (the command the agent ran)."""
    arguments: dict[str, Any] = dict(step.arguments or {})
    if step.type != "action":
        arguments.update({k: v for k, v in step.extra.items() if k not in NOT_ARGUMENTS})
        if step.type == "delegate":
            arguments.update(_present(content=step.content, target_agent=step.target_agent))
    if not arguments and step.content:
        arguments["input"] = step.content
    return json.dumps(arguments, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def call_name(step: Step) -> str:
    if step.tool:
        return step.tool
    return {"edit": _EDIT_TOOL, "delegate": _DELEGATE_TOOL}.get(step.type, "tool")


def _present(**members: str | None) -> dict[str, str]:
    return {k: v for k, v in members.items() if v is not None}


@attrs.define
class _Conversation:
    """The messages so far and the calls of the last assistant message that no result answered yet."""

    messages: list[dict[str, Any]]
    open_calls: list[tuple[str, str]] = attrs.Factory(list)  # (call id, tool name)

    def say(self, role: str, content: str | None) -> None:
        self.close_calls()
        if content:
            self.messages.append({"role": role, "content": content})

    def call(self, call_id: str, step: Step) -> None:
        last = self.messages[-1]
        if last["role"] != "assistant":
            self.close_calls()
            last = {"role": "assistant", "content": None}
            self.messages.append(last)
        name = call_name(step)
        function = {"name": name, "arguments": call_arguments(step)}
        last.setdefault("tool_calls", []).append({"id": call_id, "type": "function", "function": function})
        self.open_calls.append((call_id, name))

    def answer(self, step: Step) -> bool:
        """Answer an open call with the step's content; False when no call is open for it."""
        wanted = _DELEGATE_TOOL if step.type == "yield" else step.tool
        candidates = [c for c in self.open_calls if c[1] == wanted] or (
            [] if step.type == "yield" else self.open_calls
        )
        if not candidates:
            return False
        chosen = candidates[0]
        self.open_calls.remove(chosen)
        self.messages.append({"role": "tool", "tool_call_id": chosen[0], "content": step.content or ""})
        return True

    def close_calls(self) -> None:
        """Answer every open call with empty content: its result was not captured."""
        for call_id, _ in self.open_calls:
            self.messages.append({"role": "tool", "tool_call_id": call_id, "content": ""})
        self.open_calls.clear()


def to_messages(steps: Sequence[Step], *, agent_role: str | None = None) -> list[dict[str, Any]]:
    """The conversation `steps` make, starting with the system message; tool call ids are `call_<position>`,
    unique in the conversation. Steps with nothing to say (no content, not a call) make no message."""
    conversation = _Conversation([system_message(agent_role)])
    for position, step in enumerate(steps):
        match role_of(step):
            case "call":
                conversation.call(f"call_{position}", step)
            case "result":
                if not conversation.answer(step):
                    # A result no call asked for: what the environment said (an error of the run itself).
                    conversation.say("assistant" if step.type == "yield" else "user", step.content)
            case role:
                conversation.say(role, step.content)
    conversation.close_calls()
    return [_without_nulls(message) for message in conversation.messages]


def system_message(agent_role: str | None) -> dict[str, Any]:
    role = f" Your role: {agent_role}." if agent_role and agent_role != "agent" else ""
    return {"role": "system", "content": SYSTEM_PROMPT + role}


def _without_nulls(message: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in message.items() if v is not None}
