"""What the scrubber's tests hold every output to."""

from __future__ import annotations

from client_actors.scrub import scrub_text
from client_actors.scrub._engine import scrub_every_pass


def scrubbed(text: str) -> str:
    """The scrubbed text, after checking that every pass run ungated gives the same and that it is stable."""
    out = scrub_text(text).text
    assert scrub_every_pass(text).text == out
    assert scrub_text(out).text == out
    return out
