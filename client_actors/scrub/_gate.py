"""The prefilter: one scan of a text that tells which passes can possibly redact anything in it.

Most passes need a literal to be in the text before they can match (``eyJ`` for a JWT, ``uthorization``
for a header, a keyword for an assignment). Scanning for each literal with its own regex costs one pass
over the text per rule; an Aho-Corasick automaton over all of them finds every literal present in one
pass at several hundred MB/s, and the passes whose literals are absent are skipped. Skipping is exact:
a pass is skipped only when none of the literals every one of its redactions contains is in the text.
"""

from __future__ import annotations

import operator
from collections.abc import Sequence
from functools import reduce

from ahocorasick_rs import BytesAhoCorasick, Implementation

_FIRST = operator.itemgetter(0)
# Up to this many literals crossing a replacement's edges are looked for one by one; more, and the
# replacement is scanned with what surrounds it.
_FEW_EDGES = 8


class Prefilter:
    """Which of a sequence of passes a text holds a literal for, as a bit mask (bit i: pass i).

    The automaton runs over the UTF-8 bytes (lone surrogates included), so any ``str`` is accepted.
    """

    def __init__(self, literals: Sequence[tuple[str, ...] | None]) -> None:
        patterns: dict[bytes, int] = {}
        for index, needs in enumerate(literals):
            for literal in needs or ():
                key = literal.encode("utf-8", "surrogatepass")
                patterns[key] = patterns.get(key, 0) | 1 << index
        self._masks = tuple(patterns.values())
        # The DFA: at a hundred-odd patterns the default picks an NFA, about half as fast here.
        self._automaton = BytesAhoCorasick(list(patterns), implementation=Implementation.DFA)
        self._find = self._automaton.find_matches_as_indexes
        self.widest = max(map(len, patterns), default=1)
        self._chars = frozenset("".join(literal for needs in literals for literal in needs or ()))
        if "\x00" in self._chars:
            raise ValueError("a literal holds NUL, which joins the windows mask_around scans")
        self._inside: dict[str, int] = {}  # the mask of each replacement seen, on its own
        # The literals that can cross a replacement's edge, by the character at that edge: (literal, where the
        # character is in it, its bits) for an occurrence that starts before the replacement (the character
        # is not its first) and for one that ends after it (the character is not its last).
        left: dict[str, list[tuple[str, int, int]]] = {}
        right: dict[str, list[tuple[str, int, int]]] = {}
        for index, needs in enumerate(literals):
            for literal in needs or ():
                for at, char in enumerate(literal):
                    if at > 0:
                        left.setdefault(char, []).append((literal, at, 1 << index))
                    if at < len(literal) - 1:
                        right.setdefault(char, []).append((literal, at, 1 << index))
        self._left = {char: tuple(found) for char, found in left.items()}
        self._right = {char: tuple(found) for char, found in right.items()}

    def mask(self, text: str) -> int:
        """Return the bits of the passes at least one of whose literals is in ``text``."""
        return self.mask_bytes(text.encode("utf-8", "surrogatepass"))

    def mask_bytes(self, raw: bytes) -> int:
        """`mask` of text already encoded."""
        matches = self._find(raw, overlapping=True)
        if len(matches) < 2:  # most short texts
            return self._masks[matches[0][0]] if matches else 0
        # map and reduce keep the walk over the matches (often dozens: "--", "://", "@") out of the interpreter.
        return reduce(operator.or_, map(self._masks.__getitem__, map(_FIRST, matches)), 0)

    def mask_around(self, text: str, spans: Sequence[tuple[int, int]]) -> int:
        """Return the bits of the literals that overlap one of ``spans`` (in ``text``).

        After a pass replaced those spans, a literal new to the text can only be one that overlaps a
        replacement; every other occurrence was in the text before. One that overlaps a replacement without
        lying inside it holds the replacement's first character (not as its own first) or its last (not as
        its own last): where few literals do (``[`` and ``]`` of a token), each of those is looked for where
        it would stand, and what the replacement alone holds is remembered. Other replacements are scanned
        with what surrounds them, in windows joined by NUL (in no literal), so no occurrence is made up
        across two of them.
        """
        found = 0
        windows: list[str] = []
        for start, end in spans:
            replacement = text[start:end]
            if not replacement:
                windows.append(text[max(0, start - self.widest + 1) : end + self.widest - 1])
                continue
            left, right = self._left.get(replacement[0], ()), self._right.get(replacement[-1], ())
            if len(left) + len(right) > _FEW_EDGES:
                windows.append(text[max(0, start - self.widest + 1) : end + self.widest - 1])
                continue
            # Few literals can cross an edge (a token's "[" ends "map[" and "In ["): each is looked for where
            # it would stand.
            for literal, at, bits in left:
                if start >= at and text.startswith(literal, start - at):
                    found |= bits
            for literal, at, bits in right:
                if end - 1 >= at and text.startswith(literal, end - 1 - at):
                    found |= bits
            inside = self._inside.get(replacement)
            if inside is None:
                inside = self.mask(replacement)
                if len(self._inside) < 1024:
                    self._inside[replacement] = inside
            found |= inside
        return found | self.mask("\x00".join(windows)) if windows else found
