"""The credit pipeline: stitch -> enrich -> score -> ledger for every session marked "to credit".

The durable mark (pending_credits, written with the close) is the pipeline's real inbox; the memory channel
only wakes it up. So a crash anywhere between close and credit is finished on restart, and since the ledger
transaction clears the mark and has a unique key on the session, each session is credited exactly once.
Stages are pure functions (stitch, rescrub_session, the judge, score_session); the one actor sequences them,
which also keeps coordination links between sessions consistent (partners are read and written in order).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs
import orjson
import trio

from groove_actors import logs
from groove_actors.protocol.convert import unstructure
from groove_actors.protocol.policy import ScoringPolicy
from groove_actors.server import tiers
from groove_actors.server.enrich import Enrichment, TrajectoryJudge
from groove_actors.server.metrics import Metrics
from groove_actors.server.reads import ReadPool
from groove_actors.server.rescrub import Rescrub, rescrub_session
from groove_actors.server.scoring import Score, score_session, trust_delta
from groove_actors.server.stitch import CoordinationLink, StitchedSession, coordination_steps, stitch
from groove_actors.server.writer import WriteRequest, ask_writer
from groove_actors.store import catalog
from groove_actors.store.catalog import CreditRecord
from groove_actors.store.contract import StoreDown, session_envelopes
from groove_actors.store.embedded import Credit, Done
from groove_actors.store.segments import utc_day

STORE_DOWN_WAIT_S = 2.0  # a shared store's database is away: the marks wait in it, the pipeline looks again


@attrs.define(eq=False)
class CreditPipeline:
    """Owns: nothing but its turn; reads via the ReadPool and the segment files, writes via the writer.
    Inbox: wake-ups (None); each makes it credit every session still marked "to credit".
    Replies: none; results are credits in the ledger and trajectories under data/trajectories.
    Stops when: cancelled with the server (a credit cut short keeps its durable mark and is done at the next
    start); or, while it waits for a wake-up, when the wake-up channel is closed.
    """

    wakeups: trio.MemoryReceiveChannel[None]
    writer: trio.MemorySendChannel[WriteRequest]
    reads: ReadPool
    envelopes_dir: Path
    policy: ScoringPolicy
    judge: TrajectoryJudge
    wall_clock: Callable[[], float] = time.time
    metrics: Metrics = attrs.Factory(Metrics)
    failed: set[str] = attrs.Factory(set)

    async def run(self, *, task_status: trio.TaskStatus[None] = trio.TASK_STATUS_IGNORED) -> None:
        async with self.wakeups:
            task_status.started()
            while True:
                try:
                    pending = [
                        s for s in await self.reads.run(catalog.pending_sessions) if s not in self.failed
                    ]
                    for session_id in pending:
                        await self.credit_guarded(session_id)
                except StoreDown:
                    await trio.sleep(STORE_DOWN_WAIT_S)
                    continue
                if pending:
                    continue  # closes that arrived meanwhile are marked too: look again before sleeping
                logs.event("credits.idle")
                try:
                    await self.wakeups.receive()
                except trio.EndOfChannel:
                    return

    async def credit_guarded(self, session_id: str) -> None:
        """Credit one session; if that fails, log it and keep its mark for the next start.

        One session whose data trips a bug must not stop every other session from being credited (nor crash
        the server on every restart), so this is the pipeline's one broad except; the mark stays durable.
        """
        try:
            await self.credit(session_id)
        except StoreDown:
            raise  # not the session's fault: it is credited when the database is back
        except Exception as exc:
            self.failed.add(session_id)
            logs.event("credit.failed", level=40, session_id=session_id, error=f"{type(exc).__name__}: {exc}")

    async def credit(self, session_id: str) -> None:
        started = time.perf_counter()
        session, rescrub, enrichment, score = await self._assess(session_id)
        partners = await self.reads.run(
            catalog.coordination_partners, coordination_steps(session), session_id
        )
        links = tuple(CoordinationLink(*row) for row in partners)
        credited = await self.reads.run(catalog.session_credits, session_id)
        credit = credit_record(session, enrichment, score, self.wall_clock(), credited)
        coordination = coordination_steps(session)
        gaps = await self.reads.run(catalog.session_gaps, session_id)
        tiering = tiers.assess(
            session.steps,
            status=session.status,
            quality=enrichment.quality,
            agent_role=session.agent_role,
            total_tokens=session.total_tokens,
            duration_seconds=session.duration_seconds,
            rules=self.policy.tiers,
        )
        trajectory = await trio.to_thread.run_sync(
            trajectory_json, session, rescrub, enrichment, score, links, credit, coordination, gaps, tiering
        )
        op = Credit(
            credit=credit, trajectory=trajectory, coordination=coordination, agent_id=session.agent_id,
            predecessor=session.predecessor_session_id,
        )  # fmt: skip
        outcome = await ask_writer(self.writer, op, wait_for_room=True)
        if not isinstance(outcome, Done) and outcome.status == 503:  # its mark stays: computed again later
            logs.event("credit.deferred", level=30, session_id=session_id, reason=outcome.reason)
            raise StoreDown(outcome.reason)
        if not isinstance(outcome, Done):
            raise RuntimeError(f"credit of {session_id} refused by the store: {outcome}")
        if outcome.detail is True:  # this record was written (not a revision written before)
            count_redactions(self.metrics, rescrub)
            self.metrics.count(
                "groove_credits_by_tier_total", tier=tiering.tier, eligible=str(tiering.eligible).lower()
            )
            verdict = enrichment.model_fingerprint.verdict
            self.metrics.count("groove_model_fingerprints_total", verdict=verdict)
        logs.event(
            "session.stitched",
            session_id=session_id,
            steps=len(session.steps),
            chunks=session.chunks,
            points=score.points,
            redactions=rescrub.counts.total,
            ms=logs.elapsed_ms(started),
        )

    async def _assess(self, session_id: str) -> tuple[StitchedSession, Rescrub, Enrichment, Score]:
        """Stitch, re-scrub, enrich and score one session.

        The judge and the scorer see the re-scrubbed steps, never the raw ones: nothing unscrubbed leaves the
        stitcher, not even to a judge that calls out, and nothing they use changes (step types, tool names,
        timestamps, whether a step holds text, a command's first word). The pure stages take a few seconds for
        a session at the size limit (the re-scrub, at 7-20 MB/s of text, most of it), so they run in a worker
        thread, one session at a time: the event loop keeps answering ingest in between (the GIL switches every
        half millisecond).
        """
        triples = await self.reads.run(session_envelopes, self.envelopes_dir, session_id)
        reason, status, provider, model = await self.reads.run(catalog.session_close_info, session_id)

        def assess() -> tuple[StitchedSession, Rescrub, Enrichment, Score]:
            stitched = stitch(
                session_id,
                triples,
                provider=provider,
                model=model,
                close_reason=reason or "envelope",
                close_status=status,
            )
            triples.clear()  # the stored bodies are not needed once stitched
            session, rescrub = rescrub_session(stitched)
            del stitched  # the raw steps go as soon as the scrubbed ones exist
            enrichment = self.judge.assess(session)
            score = score_session(
                session.steps,
                model=session.model,
                task_complexity=session.task_complexity,
                quality=enrichment.quality,
                policy=self.policy,
            )
            return session, rescrub, enrichment, score

        return await trio.to_thread.run_sync(assess)


def count_redactions(metrics: Metrics, rescrub: Rescrub) -> None:
    """Add a written record's re-scrub redactions to `groove_rescrub_redactions_total`, by kind."""
    for kind, count in rescrub.counts.pairs:
        metrics.count("groove_rescrub_redactions_total", count, kind=kind)


def credit_record(
    session: StitchedSession,
    enrichment: Enrichment,
    score: Score,
    now: float,
    credited: catalog.Credited = catalog.NOT_CREDITED,
) -> CreditRecord:
    """The session's credit; or, for a session credited before, the adjustment by what its re-scoring adds
    (points, base points and steps), so that the ledger holds the session's whole score once."""
    revisions, points, base_points, steps = credited
    return CreditRecord(
        session_id=session.session_id,
        contributor_id=session.contributor_id,
        points=round(score.points - points, 4),
        base_points=round(score.base_points - base_points, 4),
        breakdown_json=orjson.dumps(score.breakdown).decode(),
        policy_version=score.policy_version,
        quality=enrichment.quality,
        model=session.model,
        provider=session.provider,
        steps=len(session.steps) - steps,
        created_at=now,
        day=utc_day(now),
        trust_delta=trust_delta(enrichment.quality) if not revisions else 0.0,
        revision=revisions,
    )


def trajectory_json(
    session: StitchedSession,
    rescrub: Rescrub,
    enrichment: Enrichment,
    score: Score,
    links: tuple[CoordinationLink, ...],
    credit: CreditRecord,
    coordination: tuple[tuple[str, int, str | None], ...],
    gaps: Sequence[tuple[int, str]],
    tiering: tiers.Tiering | None = None,
) -> bytes:
    """The stitched trajectory as one JSON line, for export.

    It carries the credit it was paid and the coordination steps it registered (`credit`, `coordination`):
    the trajectory log is the record of the ledger the catalog is rebuilt from (store/replay.py). `session` is
    the re-scrubbed one; `rescrub` says with which rule set (and which one the client claimed) and how many
    redactions of each kind that made, never what was redacted. `quality_tier` is the server's tier and
    eligibility (server/tiers.py, under the policy `policy_version`); `client_quality_claim` what the client
    said of itself in its close, kept beside it and used for nothing.
    """
    document = {
        "session_id": session.session_id,
        "contributor_id": session.contributor_id,
        "provider": session.provider,
        "model": session.model,
        "agent_id": session.agent_id,
        "agent_role": session.agent_role,
        "task_complexity": session.task_complexity,
        "team_size": session.team_size,
        "groove_version": session.groove_version,
        "predecessor_session_id": session.predecessor_session_id,  # a claim; server/rotation.py judges it
        "status": session.status,
        "close_reason": session.close_reason,
        "chunks": session.chunks,
        "duplicates_dropped": session.duplicates_dropped,
        "tools_used": list(session.tools_used),
        "step_types": dict(session.step_types),
        "total_tokens": session.total_tokens,
        "duration_seconds": session.duration_seconds,
        "client_outcome": session.client_outcome,
        "client_close_metadata": session.client_close_metadata,
        "enrichment": attrs.asdict(enrichment),
        "score": {"points": score.points, "base_points": score.base_points, **score.breakdown},
        "policy_version": score.policy_version,
        "quality_tier": tiering.as_json() if tiering else None,
        "client_quality_claim": tiers.client_claim(session.client_outcome),
        "rescrub": rescrub.as_json(),
        "coordination_links": [attrs.asdict(link) for link in links],
        # Sequences that hold no data: refused envelopes (kept aside, with the reason) and ones never received.
        "gaps": [{"sequence": sequence, "why": why} for sequence, why in gaps],
        "trajectory_log": [unstructure(step) for step in session.steps],
        "credit": attrs.asdict(credit),
        "coordination": [list(entry) for entry in coordination],
    }
    return dump_json_line(document)


def dump_json_line(document: dict[str, Any]) -> bytes:
    """Compact JSON. Stored text may hold lone surrogates, which orjson refuses: then ASCII escapes."""
    try:
        return orjson.dumps(document)
    except TypeError:
        return json.dumps(document, separators=(",", ":")).encode()
