"""The prefilter's `mask_around` (client_actors/scrub/_gate.py) finds every literal a replacement brings into a
text, whether it lies inside the replacement or crosses one of its edges, which is what lets the engine skip
the passes whose literals are absent."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from client_actors.scrub._engine import PASSES, PREFILTER

LITERALS = sorted({literal for step in PASSES for literal in (*(step.literals or ()), *(step.also or ()))})
# What passes write (tokens, the home path's "~"), and literals and their halves, so that a replacement's edge
# often completes a literal ("map" before "[REDACTED:...]" is "map[").
REPLACEMENTS = ["[REDACTED:token]", "[REDACTED:aws-access-key]", "[REDACTED:password]", "~", "~/", "", "x"]
PIECES = sorted(
    {*LITERALS, *(literal[:cut] for literal in LITERALS for cut in range(1, len(literal)))}
    | {literal[cut:] for literal in LITERALS for cut in range(1, len(literal))}
)
PARTS = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(PARTS, st.sampled_from(REPLACEMENTS + PIECES)), min_size=1, max_size=5), PARTS)
def test_what_a_replacement_brings_in_is_found(pieces: list[tuple[str, str]], tail: str) -> None:
    before, after, spans = "", "", []
    for context, replacement in pieces:
        before += context + "\x01"  # what each replacement took out: a character no literal holds
        after += context
        spans.append((len(after), len(after) + len(replacement)))
        after += replacement
    before += tail
    after += tail
    new = PREFILTER.mask(after) & ~PREFILTER.mask(before)
    assert new & ~PREFILTER.mask_around(after, spans) == 0


def test_a_literal_cut_by_either_edge_is_found() -> None:
    """Every literal, cut anywhere, with the cut-off part written by a replacement on either side."""
    for literal in LITERALS:
        for cut in range(1, len(literal)):
            head, rest = literal[:cut], literal[cut:]
            for replacement in (rest, rest + "]", "[" + head, head):
                for after, span in (
                    (head + replacement, (len(head), len(head) + len(replacement))),
                    (replacement + rest, (0, len(replacement))),
                ):
                    before = after[: span[0]] + "\x01" + after[span[1] :]
                    new = PREFILTER.mask(after) & ~PREFILTER.mask(before)
                    assert new & ~PREFILTER.mask_around(after, [span]) == 0, (after, span)
