"""The values the scrubber hands back: scrubbed text and how many redactions of each kind."""

from __future__ import annotations

from collections.abc import Mapping

import attrs


@attrs.frozen
class RuleCounts:
    """Redactions made, by kind (``"email"``, ``"github-token"``, ``"home-path"``...).

    ``pairs`` is sorted by kind and holds no zero counts, so equal counts compare equal.
    Only kinds and numbers are kept, never the redacted values.
    """

    pairs: tuple[tuple[str, int], ...] = ()

    @classmethod
    def from_mapping(cls, counts: Mapping[str, int]) -> RuleCounts:
        """Build counts from any kind -> number mapping, dropping zeros."""
        return cls(tuple(sorted((kind, n) for kind, n in counts.items() if n)))

    def get(self, kind: str) -> int:
        """Return how many redactions of ``kind`` were made (0 if none)."""
        return next((n for k, n in self.pairs if k == kind), 0)

    @property
    def total(self) -> int:
        """Return the number of redactions of every kind together."""
        return sum(n for _, n in self.pairs)

    def as_dict(self) -> dict[str, int]:
        """Return a fresh kind -> number dict, e.g. for the envelope metadata."""
        return dict(self.pairs)


@attrs.frozen
class ScrubResult:
    """Scrubbed text and the counts of what was redacted from it."""

    text: str
    counts: RuleCounts
