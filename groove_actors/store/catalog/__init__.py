"""The catalog's reads and writes, as plain functions over a connection inside the caller's transaction.

One module per family of tables, with the records they take and give beside them:

- `sessions`: the sessions table (opening, closing, deadlines, secrets);
- `envelopes`: the envelopes index, and what storing an envelope changes in its session and the stats;
- `aggregates`: the stats counters (totals, daily, breakdown, contributors seen);
- `ledger`: credits, the credit queue, balances and the sealed days' trees;
- `links`: coordination links and rotation claims between sessions;
- `probes`: what start-up recovery asks of the catalog (log ends, what lies past them).

Writers (only the StorageWriter calls them) return what changed, so the in-memory stats follow exactly what
was committed. Every function blocks on SQLite: call it from a worker thread. Callers import the package
(`from groove_actors.store import catalog`; `catalog.load_session`): the reads are the keys the PostgreSQL
store's twins are found by (store/postgres/reads.py).
"""

from __future__ import annotations

from groove_actors.store.catalog.envelopes import (
    EnvelopeEffects,
    EnvelopeRecord,
    envelope_refs,
    record_envelopes,
    refused_envelopes,
    session_gaps,
    stored_envelope,
    take_refused,
)
from groove_actors.store.catalog.ledger import (
    LEAF_FIELDS,
    NOT_CREDITED,
    Credited,
    CreditRecord,
    credit_exists,
    credit_leaf,
    day_leaves,
    days_to_seal,
    leaderboard,
    ledger_leaf,
    ledger_root,
    ledger_roots,
    pending_sessions,
    recent_credits,
    record_credit,
    record_root,
    session_credits,
)
from groove_actors.store.catalog.links import (
    RotationClaim,
    coordination_links,
    coordination_pairs,
    coordination_partners,
    record_coordination,
    record_rotation,
    rotation_claims,
)
from groove_actors.store.catalog.probes import (
    advance_log_end,
    credits_from,
    envelopes_from,
    indexed_at,
    log_ends,
)
from groove_actors.store.catalog.sessions import (
    NewSession,
    SessionState,
    close_session,
    drop_secrets,
    insert_session,
    live_secrets,
    load_session,
    open_secrets,
    opens_since,
    request_close,
    secrets_to_drop,
    session_close_info,
    session_contributor,
    session_exists,
    sessions_due,
)

__all__ = [
    "LEAF_FIELDS",
    "NOT_CREDITED",
    "CreditRecord",
    "Credited",
    "EnvelopeEffects",
    "EnvelopeRecord",
    "NewSession",
    "RotationClaim",
    "SessionState",
    "advance_log_end",
    "close_session",
    "coordination_links",
    "coordination_pairs",
    "coordination_partners",
    "credit_exists",
    "credit_leaf",
    "credits_from",
    "day_leaves",
    "days_to_seal",
    "drop_secrets",
    "envelope_refs",
    "envelopes_from",
    "indexed_at",
    "insert_session",
    "leaderboard",
    "ledger_leaf",
    "ledger_root",
    "ledger_roots",
    "live_secrets",
    "load_session",
    "log_ends",
    "open_secrets",
    "opens_since",
    "pending_sessions",
    "recent_credits",
    "record_coordination",
    "record_credit",
    "record_envelopes",
    "record_root",
    "record_rotation",
    "refused_envelopes",
    "request_close",
    "rotation_claims",
    "secrets_to_drop",
    "session_close_info",
    "session_contributor",
    "session_credits",
    "session_exists",
    "session_gaps",
    "sessions_due",
    "stored_envelope",
    "take_refused",
]
