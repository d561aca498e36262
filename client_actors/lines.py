"""The lines of an imported input, as the parsers take them: bytes in as they are read, lines out. Pure.

A line ends at "\n" (a "\r" before it goes with it). A trailing "\n" ends the last line, it does not start
another: "a\nb\n" is two lines, as is "a\nb", and an empty input has none. An input that is one pretty-printed
JSON document (a session recording, Gemini's json output) is handed on as the one line the parsers expect, so
lines are held back while they may still be such a document.
"""

from __future__ import annotations

import json

import attrs


@attrs.define(eq=False)
class LineSplitter:
    """Bytes in as they are read, the complete lines they finish out (without their "\n")."""

    _pending: list[bytes] = attrs.field(factory=list, init=False)

    def feed(self, data: bytes) -> list[bytes]:
        if b"\n" not in data:
            self._pending.append(data)  # joined once its line ends: a long line costs no copy per read
            return []
        *lines, last = b"".join([*self._pending, data]).split(b"\n")
        self._pending = [last] if last else []
        return lines

    def finish(self) -> list[bytes]:
        """The last line, if the input did not end with a newline."""
        last, self._pending = b"".join(self._pending), []
        return [last] if last else []


def decode_line(raw: bytes) -> str:
    """A line as text (what is not UTF-8 becomes U+FFFD), without the "\r" of a "\r\n"."""
    return raw.removesuffix(b"\r").decode("utf-8", errors="replace")


@attrs.define(eq=False)
class DocumentGate:
    """Lines in, the lines to feed out: held back while they may be one pretty-printed JSON document.

    The input may be a document when its first line with text starts with "{" and is not JSON by itself; it
    is not one after all once a line that starts with "{" is a JSON object by itself (a JSON lines record: the
    lines of a pretty-printed document after its first are indented, but for its last, "}"). Blank lines
    before the first line with text are dropped (parsers skip blank lines).
    """

    seen_text: bool = attrs.field(default=False, init=False)  # a line that is not blank went by
    # Lines held back; None once the input is known to be lines, not a document.
    _held: list[str] | None = attrs.field(factory=list, init=False)

    def feed(self, line: str) -> list[str]:
        if self._held is None:
            return [line]
        if not self.seen_text:
            if not line.strip():
                return []
            self.seen_text = True
            maybe_document = line.lstrip().startswith("{") and not _is_json(line)
            return self._hold(line) if maybe_document else self._lines(line)
        if line.startswith("{") and _is_json(line):
            return self._lines(line)
        return self._hold(line)

    def finish(self) -> list[str]:
        """What is still held: the document as one line if it is one, else its lines as they were."""
        held, self._held = self._held or [], None
        if not held:
            return []
        try:
            return [json.dumps(json.loads("\n".join(held)), ensure_ascii=False)]
        except ValueError:
            return held

    def _hold(self, line: str) -> list[str]:
        assert self._held is not None
        self._held.append(line)
        return []

    def _lines(self, line: str) -> list[str]:
        held, self._held = self._held or [], None
        return [*held, line]


def _is_json(line: str) -> bool:
    try:
        json.loads(line)
    except ValueError:
        return False
    return True
