"""Context-rotation chains from the sessions' claims, purely (docs/PROTOCOL.md 6.1).

A session that continues another after a context rotation claims its predecessor (chunk metadata
`predecessor_session_id`); the catalog keeps each claim when the claiming session is credited. Which claims
hold is decided here, from the claims and what the catalog knows of each predecessor, never from the order
sessions were credited in: the same claims give the same chains whichever session was credited first, and a
claim dropped today (its predecessor has sent nothing yet) holds once the predecessor's data arrives.

A claim holds when its predecessor is another session the server knows, whose data names the same
contributor. Of several sessions claiming one predecessor, the one opened first continues it (then the lower
session id); a claim that would close a loop is dropped at the loop's lowest session id. What is left is a set
of chains: each session has at most one predecessor and one successor. A chain is named by its first session.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from groove_actors.store import catalog

SELF = "a session cannot continue itself"
UNKNOWN = "unknown predecessor session"
NO_DATA = "the predecessor has sent no data yet"
OTHER_CONTRIBUTOR = "the predecessor belongs to another contributor"
TAKEN = "another session continues this predecessor"
LOOP = "would close a loop of sessions"


@attrs.frozen
class Claim:
    """A session's claim to continue `predecessor`, with what the catalog knows of the predecessor."""

    session_id: str
    predecessor: str
    contributor_id: str
    opened_at: float
    predecessor_known: bool  # the server has a session of that id
    predecessor_contributor: str | None  # None: the predecessor has no data yet


@attrs.frozen
class ChainPlace:
    """Where a session sits in its chain: position 0 is the chain's first session, which names it."""

    chain_id: str
    position: int
    predecessor: str | None
    successor: str | None


@attrs.frozen
class Chains:
    places: Mapping[str, ChainPlace]  # every session of a chain (two sessions or more)
    dropped: Mapping[str, tuple[str, str]]  # session -> (predecessor it claimed, why the claim does not hold)
    order: tuple[tuple[str, ...], ...]  # each chain's sessions, first to last; chains by their first session

    def place(self, session_id: str) -> ChainPlace | None:
        return self.places.get(session_id)


def resolve(claims: Iterable[Claim]) -> Chains:
    """The chains the claims make, and why each claim that does not hold was dropped."""
    dropped: dict[str, tuple[str, str]] = {}
    candidates: dict[str, list[Claim]] = {}  # predecessor -> its valid claimants
    for claim in claims:
        reason = _refusal(claim)
        if reason is not None:
            dropped[claim.session_id] = (claim.predecessor, reason)
        else:
            candidates.setdefault(claim.predecessor, []).append(claim)
    previous: dict[str, str] = {}  # session -> predecessor
    for predecessor, claimants in candidates.items():
        chosen, *others = sorted(claimants, key=lambda c: (c.opened_at, c.session_id))
        previous[chosen.session_id] = predecessor
        dropped.update({other.session_id: (predecessor, TAKEN) for other in others})
    for session_id in sorted(_in_loops(previous)):
        if session_id in previous and _loops_back(previous, session_id):
            dropped[session_id] = (previous.pop(session_id), LOOP)
    following = {predecessor: session for session, predecessor in previous.items()}
    places: dict[str, ChainPlace] = {}
    order: list[tuple[str, ...]] = []
    for first in sorted(set(following) - set(previous)):
        chain = [first]
        while chain[-1] in following:
            chain.append(following[chain[-1]])
        order.append(tuple(chain))
        for position, session in enumerate(chain):
            places[session] = ChainPlace(
                chain_id=first,
                position=position,
                predecessor=chain[position - 1] if position else None,
                successor=chain[position + 1] if position + 1 < len(chain) else None,
            )
    return Chains(places, dropped, tuple(order))


def _refusal(claim: Claim) -> str | None:
    if claim.predecessor == claim.session_id:
        return SELF
    if not claim.predecessor_known:
        return UNKNOWN
    if claim.predecessor_contributor is None:
        return NO_DATA
    if claim.predecessor_contributor != claim.contributor_id:
        return OTHER_CONTRIBUTOR
    return None


def _in_loops(previous: Mapping[str, str]) -> set[str]:
    """Sessions on a loop of predecessor links (each has one predecessor at most, so loops are disjoint)."""
    on_loops: set[str] = set()
    settled: set[str] = set()
    for start in previous:
        path: list[str] = []
        seen: set[str] = set()
        session: str | None = start
        while session is not None and session in previous and session not in settled and session not in seen:
            seen.add(session)
            path.append(session)
            session = previous[session]
        if session is not None and session in seen:
            on_loops.update(path[path.index(session) :])
        settled.update(path)
    return on_loops


def _loops_back(previous: Mapping[str, str], start: str) -> bool:
    """Whether following predecessors from `start` comes back to it."""
    session = previous.get(start)
    steps = 0
    while session is not None and steps <= len(previous):
        if session == start:
            return True
        session = previous.get(session)
        steps += 1
    return False


def chains_from(rows: Iterable[catalog.RotationClaim]) -> Chains:
    """The chains of the catalog's claims (`catalog.rotation_claims`)."""
    return resolve(Claim(*row) for row in rows)


def session_chain(conn: sqlite3.Connection, session_id: str) -> dict[str, Any]:
    """A session's place in its chain as GET /admin/rotation answers it (blocks on SQLite).

    Only the claims of the session's contributor can make its chain, so only those are read.
    """
    contributor = catalog.session_contributor(conn, session_id)
    chains = chains_from(catalog.rotation_claims(conn, contributor) if contributor else [])
    return chain_answer(chains, session_id)


def chain_answer(chains: Chains, session_id: str) -> dict[str, Any]:
    """A session's predecessor and successor, its chain in order, and its own claim if it was dropped."""
    place = chains.place(session_id)
    chain = next((c for c in chains.order if place and c[0] == place.chain_id), ())
    claimed = chains.dropped.get(session_id)
    return {
        "session_id": session_id,
        "predecessor_session_id": place.predecessor if place else None,
        "successor_session_id": place.successor if place else None,
        "chain_id": place.chain_id if place else None,
        "chain_position": place.position if place else None,
        "chain": list(chain),
        "dropped_claim": {"predecessor_session_id": claimed[0], "why": claimed[1]} if claimed else None,
    }
