"""The state every provider parser shares: step assembly and the line-feeding contract.

`StepAssembler` turns provider events (text, tool call, tool output, human message, end of run) into
`ParsedStep`s. It holds back the latest assistant text, because only what follows tells whether that text was
a thought (more work followed) or the resolution (the run ended on it): any later event releases it as a
thought; the end of the run or of the stream releases it as the resolution.

`LineParser` is the h11-style shell of a parser: `feed_line` in, steps out; `finish` at the end of the stream.
"""

from __future__ import annotations

import abc
from collections.abc import Mapping

import attrs

from client_actors.parsers.common import decode_object, dumps_compact, normalize_command
from client_actors.parsers.model import (
    ParsedStep,
    ParsedStepType,
    ParserFinishedError,
    estimate_tokens,
    truncate_output,
)
from groove_actors.protocol.models import JsonObject


def action_content(arguments: Mapping[str, object] | None) -> str:
    """Return an action's content: the shell command string if the arguments carry one, else compact JSON."""
    if arguments is None:
        return ""
    command = arguments.get("command")
    if isinstance(command, str):
        return command
    return dumps_compact(arguments)


@attrs.define(eq=False)
class StepAssembler:
    """Builds steps for one stream, tracking the model, tool names by call id and the held-back text."""

    model: str | None = None
    saw_action: bool = False
    _tool_names: dict[str, str] = attrs.field(factory=dict)
    _pending: ParsedStep | None = None

    def _step(
        self,
        kind: ParsedStepType,
        content: str,
        timestamp: float | None,
        *,
        tokens: int | None = None,
        tool: str | None = None,
        arguments: JsonObject | None = None,
        call_id: str | None = None,
        truncated: bool = False,
    ) -> ParsedStep:
        return ParsedStep(
            type=kind,
            content=content,
            token_count=estimate_tokens(content) if tokens is None else tokens,
            tool=tool,
            arguments=arguments,
            tool_call_id=call_id,
            truncated=truncated,
            model=self.model,
            timestamp=timestamp,
        )

    def release(self) -> list[ParsedStep]:
        """Return the held-back text, if any, as a thought: something followed it, or the run failed."""
        held, self._pending = self._pending, None
        return [] if held is None else [attrs.evolve(held, type="thought")]

    def _emit(self, step: ParsedStep) -> list[ParsedStep]:
        return [*self.release(), step]

    def thought(self, text: str, *, timestamp: float | None, tokens: int | None = None) -> list[ParsedStep]:
        """Return a thought step (reasoning/thinking); blank text yields nothing."""
        if not text.strip():
            return []
        return self._emit(self._step("thought", text, timestamp, tokens=tokens))

    def text(self, text: str, *, timestamp: float | None, tokens: int | None = None) -> list[ParsedStep]:
        """Hold assistant text back until the next event decides its type; return the text held before."""
        if not text.strip():
            return []
        released = self.release()
        self._pending = self._step("thought", text, timestamp, tokens=tokens)
        return released

    def action(
        self,
        tool: str | None,
        arguments: JsonObject | None,
        *,
        call_id: str | None,
        timestamp: float | None,
        tokens: int | None = None,
    ) -> list[ParsedStep]:
        """Return an action step; argv `command` lists are joined into one shell string."""
        args = None if arguments is None else normalize_command(arguments)
        self.saw_action = True
        if call_id is not None and tool is not None:
            self._tool_names[call_id] = tool
        content = action_content(args)
        step = self._step(
            "action", content, timestamp, tokens=tokens, tool=tool, arguments=args, call_id=call_id
        )
        return self._emit(step)

    def result(
        self,
        output: str,
        *,
        call_id: str | None,
        is_error: bool,
        timestamp: float | None,
        tool: str | None = None,
    ) -> list[ParsedStep]:
        """Return the observation (or error) of a tool call, truncated; `tool` defaults to the call's tool."""
        content, truncated = truncate_output(output)
        name = tool if tool is not None else self._tool_names.get(call_id or "")
        kind: ParsedStepType = "error" if is_error else "observation"
        step = self._step(kind, content, timestamp, tool=name, call_id=call_id, truncated=truncated)
        return self._emit(step)

    def error(self, message: str, *, timestamp: float | None) -> list[ParsedStep]:
        """Return an error step that belongs to no tool call (a failed run or turn, an API error).

        Held-back text is released as a thought first: a run that failed did not resolve on it.
        """
        content, truncated = truncate_output(message)
        return self._emit(self._step("error", content, timestamp, truncated=truncated))

    def human(self, text: str, *, timestamp: float | None) -> list[ParsedStep]:
        """Return a correction for a human message the stream marks, if the agent has acted before it.

        A human message before the first action is the task prompt, not a correction, and yields no step.
        """
        if not text.strip():
            return []
        released = self.release()
        if not self.saw_action:
            return released
        return [*released, self._step("correction", text, timestamp)]

    def append_text(self, text: str, *, timestamp: float | None) -> list[ParsedStep]:
        """Extend the held-back text with a streamed chunk, or start holding text if none is held."""
        held = self._pending
        if held is None:
            return self.text(text, timestamp=timestamp)
        content = held.content + text
        self._pending = attrs.evolve(held, content=content, token_count=estimate_tokens(content))
        return []

    def end_run(self, final_text: str | None, *, timestamp: float | None) -> list[ParsedStep]:
        """Close a successful run: `final_text` (or else the held-back text) becomes the resolution.

        When the stream repeats its last text as the run's result, the two are one resolution, not two steps.
        """
        if final_text is None or not final_text.strip():
            return self._resolve_pending()
        held = self._pending
        if held is not None and held.content.strip() == final_text.strip():
            return self._resolve_pending()
        return self._emit(self._step("resolution", final_text, timestamp))

    def _resolve_pending(self) -> list[ParsedStep]:
        held, self._pending = self._pending, None
        return [] if held is None else [attrs.evolve(held, type="resolution")]

    def finish(self) -> list[ParsedStep]:
        """End of stream: the held-back text, if any, is the resolution. Unanswered tool calls add nothing."""
        return self._resolve_pending()


@attrs.define(eq=False)
class LineParser(abc.ABC):
    """Base of the per-stream parsers: decodes lines, counts malformed ones, enforces the feed/finish order.

    Subclasses implement `_on_object` (one decoded JSON object in, steps out) and may extend `_on_finish`.
    """

    steps: StepAssembler = attrs.field(factory=StepAssembler, init=False)
    malformed_lines: int = attrs.field(default=0, init=False)
    # The session's token total as the stream itself reports it, for streams that do (None: estimate).
    reported_tokens: int | None = attrs.field(default=None, init=False)
    _finished: bool = attrs.field(default=False, init=False)

    def feed_line(self, line: str) -> list[ParsedStep]:
        """Parse one line of the stream and return the steps it completes (often none, sometimes several).

        Blank lines are ignored; lines that are not a JSON object are skipped and counted in
        `malformed_lines`; unknown event types are ignored. Raises ParserFinishedError after `finish`.
        """
        self._check_open()
        return self._feed_text(line)

    def _check_open(self) -> None:
        if self._finished:
            raise ParserFinishedError("feed_line() called after finish()")

    def _feed_text(self, line: str) -> list[ParsedStep]:
        text = line.strip().lstrip("\ufeff")
        if not text:
            return []
        obj = decode_object(text)
        if obj is None:
            self.malformed_lines += 1
            return []
        return self._on_object(obj)

    def finish(self) -> list[ParsedStep]:
        """Signal the end of the stream and return the steps it completes (e.g. the resolution).

        Calling it again returns an empty list.
        """
        if self._finished:
            return []
        self._finished = True
        return self._on_finish()

    @abc.abstractmethod
    def _on_object(self, obj: JsonObject) -> list[ParsedStep]:
        """Return the steps one decoded JSON object completes."""

    def _on_finish(self) -> list[ParsedStep]:
        return self.steps.finish()
