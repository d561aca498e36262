"""/metrics: prometheus_client's exposition behind the admin token, numbers that follow what the server did."""

from __future__ import annotations

import platform
import secrets
from pathlib import Path
from typing import Any

import httpx
import pytest
from prometheus_client.openmetrics.parser import text_string_to_metric_families as openmetrics_families
from prometheus_client.parser import text_string_to_metric_families
from quart_trio import QuartTrio

import groove_actors
from groove_actors.http import ingest as ingest_route
from groove_actors.http.asgi import route_names
from groove_actors.http.handles import OVERLOADED
from groove_actors.protocol import ecdh
from groove_actors.protocol.envelope import Rejected, read_envelope, summarize
from groove_actors.protocol.validate import Violation
from groove_actors.server import sessions, verdicts
from groove_actors.server.metrics import (
    FAMILIES,
    REJECTION_CODES,
    Metrics,
    exposition,
    rejection_code,
)
from groove_actors.server.verdicts import QuarantineIt, judge_envelope
from groove_actors.store.embedded import QUOTA_EXHAUSTED
from tests.support.client import ingest, open_request, open_session
from tests.support.server import start_server

Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]
NO_GAUGES: dict[str, float | None] = {}


def samples(text: str) -> Samples:
    out = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            out[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return out


def scrape(metrics: Metrics, gauges: dict[str, float | None] = NO_GAUGES) -> Samples:
    body, content_type = exposition(metrics, gauges)
    assert content_type.startswith("text/plain")
    return samples(body.decode())


def test_the_exposition_parses_and_holds_what_was_counted() -> None:
    metrics = Metrics()
    metrics.count("groove_envelopes_rejected_total", status="401", reason="bad_signature")
    metrics.count("groove_envelopes_rejected_total", status="401", reason="bad_signature")
    metrics.observe("groove_ack_seconds", 0.003)
    metrics.observe("groove_ack_seconds", 7.0)
    metrics.observe("groove_group_commit_batch_size", 3)
    parsed = scrape(metrics, {"groove_active_sessions": 3})
    assert parsed[("groove_active_sessions", ())] == 3
    assert parsed[("groove_envelopes_rejected_total", (("reason", "bad_signature"), ("status", "401")))] == 2
    assert parsed[("groove_ack_seconds_count", ())] == 2
    assert parsed[("groove_ack_seconds_bucket", (("le", "0.005"),))] == 1
    assert parsed[("groove_ack_seconds_bucket", (("le", "+Inf"),))] == 2
    assert parsed[("groove_group_commit_batch_size_bucket", (("le", "4.0"),))] == 1


def test_every_family_is_exposed_before_anything_happened() -> None:
    exposed = {name for name, _ in scrape(Metrics(), {"groove_active_sessions": 0})}
    for name, family in FAMILIES.items():
        if family.kind == "histogram":
            assert f"{name}_count" in exposed
        elif family.kind == "gauge" and name != "groove_active_sessions":
            assert name not in exposed  # not given: no sample rather than a made-up 0
        elif family.kind == "counter" and not family.labels:
            assert name in exposed, name


def test_build_process_and_python_facts_are_exposed() -> None:
    parsed = scrape(Metrics())
    build = [labels for (name, labels) in parsed if name == "groove_build_info"]
    assert build == [(("python", platform.python_version()), ("version", groove_actors.__version__))]
    assert parsed[("process_resident_memory_bytes", ())] > 0
    assert parsed[("process_start_time_seconds", ())] > 0
    assert any(name == "python_info" for name, _ in parsed)


def test_the_last_sealed_day_is_a_gauge_only_once_a_day_is_sealed() -> None:
    metrics = Metrics()
    assert not any(n == "groove_ledger_last_sealed_timestamp_seconds" for n, _ in scrape(metrics))
    sealed = scrape(metrics, {"groove_ledger_last_sealed_timestamp_seconds": 1_764_720_000.5})
    assert sealed[("groove_ledger_last_sealed_timestamp_seconds", ())] == 1_764_720_000.5


def test_openmetrics_is_answered_to_a_scraper_that_asks_for_it() -> None:
    metrics = Metrics()
    metrics.count("groove_credits_total")
    body, content_type = exposition(metrics, NO_GAUGES, "application/openmetrics-text; version=1.0.0")
    assert content_type.startswith("application/openmetrics-text")
    families = {f.name: f for f in openmetrics_families(body.decode())}  # type: ignore[no-untyped-call]
    assert [s.value for s in families["groove_credits"].samples if s.name == "groove_credits_total"] == [1]


def test_a_gauge_not_declared_is_refused() -> None:
    with pytest.raises(ValueError, match="groove_nonsense"):
        exposition(Metrics(), {"groove_nonsense": 1.0})


def test_servers_in_one_process_count_apart() -> None:
    first, second = Metrics(), Metrics()
    first.count("groove_credits_total")
    assert scrape(first)[("groove_credits_total", ())] == 1
    assert scrape(second)[("groove_credits_total", ())] == 0


def test_the_dashboard_reads_what_was_counted() -> None:
    metrics = Metrics()
    metrics.count("groove_rescrub_redactions_total", 4, kind="email")
    assert metrics.counted("groove_rescrub_redactions_total") == [({"kind": "email"}, 4.0)]


def _envelope(sequence: int = 3, violations: tuple[Violation, ...] = (), size: int = 2) -> Any:
    body = {
        "session_id": "s",
        "envelope_id": "env_1",
        "attestation": {"sequence": sequence, "session_hmac": "ab" * 32},
    }
    return summarize(b" " * size, body, "s", violations)


def _refusal(verdict: object) -> Rejected:
    refusal = verdict.refusal if isinstance(verdict, QuarantineIt) else verdict
    assert isinstance(refusal, Rejected)
    return refusal


def test_each_refusal_the_server_makes_has_its_own_short_code() -> None:
    """The refusals as the real code makes them, so that rewording one without its code fails here."""
    facts: dict[str, Any] = {"closed": False, "next_sequence": 3, "hmac_valid": True, "stored": None}
    not_json = read_envelope(b"{", now=0.0)
    no_session = read_envelope(b'{"envelope_id": "e"}', now=0.0)
    assert isinstance(not_json, Rejected) and isinstance(no_session, Rejected)
    refusals = {
        "malformed": [not_json],
        "bad_session_id": [no_session],
        "unsigned": [verdicts.UNSIGNED],
        "bad_signature": [verdicts.BAD_HMAC],
        "unknown_session": [sessions.UNKNOWN_SESSION],
        "sequence_conflict": [_refusal(judge_envelope(_envelope(2), **facts))],
        "session_closed": [verdicts.SESSION_CLOSED, _refusal(judge_envelope(_envelope(), **{**facts, "closed": True}))],
        "key_lost": [verdicts.KEY_LOST],
        "session_full": [
            _refusal(judge_envelope(_envelope(size=2000), **facts, stored_bytes=10, max_stored_bytes=1000))
        ],
        "schema": [_refusal(judge_envelope(_envelope(violations=(Violation("steps", "bad"),)), **facts))],
        "too_large": [ingest_route.TOO_LARGE],
        "overloaded": [OVERLOADED, ingest_route.BUSY],
        "verifier_failed": [sessions.VERIFIER_FAILED],
        "quota_exhausted": [Rejected(QUOTA_EXHAUSTED.status, QUOTA_EXHAUSTED.reason)],
    }  # fmt: skip
    for code, made in refusals.items():
        for refusal in made:
            assert rejection_code(refusal.status, refusal.reason) == code, refusal
            kept = Rejected.kept(refusal.status, refusal.kept_text())  # a retry of an envelope kept aside
            assert rejection_code(kept.status, kept.reason) == code
    assert rejection_code(418, "I'm a teapot") == "other"


@pytest.mark.slow
async def test_metrics_need_the_token_and_count_what_happened(tmp_path: Path) -> None:
    token = secrets.token_urlsafe(24)
    token_file = tmp_path / "admin-token"
    token_file.write_text(token)
    limits = ("--rate-per-minute", "9", "--opens-per-hour", "1")
    running = start_server(tmp_path / "d", "--admin-token-file", str(token_file), *limits)
    async with running as server, httpx.AsyncClient(base_url=server.url) as http:
        anonymous = await http.get("/metrics")
        wrong = await http.get("/metrics", headers={"Authorization": "Bearer not-the-token"})
        machine = secrets.token_hex(16)
        session = await open_session(http, machine_fingerprint=machine)
        again = open_request(
            "sess_" + secrets.token_hex(8), ecdh.generate_key_pair().public_b64, machine_fingerprint=machine
        )
        second_open = await http.post("/v1/sessions/open", json=again)
        for _ in range(3):
            assert (await ingest(http, session.chunk_body(4))).status_code == 200
        session.sequence -= 1
        assert (await ingest(http, session.chunk_body(4))).status_code == 409
        assert (await http.get("/no/such/place/" + secrets.token_hex(4))).status_code == 404
        statuses = [(await http.get("/v1/stats/summary")).status_code for _ in range(4)]
        text = (await http.get("/metrics", headers={"Authorization": f"Bearer {token}"})).text
    assert anonymous.status_code == wrong.status_code == 401
    assert second_open.status_code == 429 and second_open.headers["retry-after"] == "3600"
    assert anonymous.headers["www-authenticate"].startswith("Bearer")
    assert statuses.count(429) >= 1
    parsed = samples(text)
    assert parsed[("groove_envelopes_accepted_total", (("duplicate", "false"),))] == 3
    assert (
        parsed[("groove_envelopes_rejected_total", (("reason", "sequence_conflict"), ("status", "409")))] == 1
    )
    assert parsed[("groove_active_sessions", ())] == 1
    assert parsed[("groove_verifiers_alive", ())] == 1
    assert parsed[("groove_ack_seconds_count", ())] == 4
    assert parsed[("groove_group_commit_batch_size_count", ())] >= 4
    assert parsed[("groove_envelope_bytes_total", ())] > 0
    assert parsed[("groove_fsync_seconds_count", ())] >= 1
    requests = {dict(labels)["route"]: 0.0 for name, labels in parsed if name == "groove_http_requests_total"}
    for (name, labels), value in parsed.items():
        if name == "groove_http_requests_total":
            requests[dict(labels)["route"]] += value
    assert requests["/v1/training/ingest"] == 4
    assert requests["/metrics"] == 2 and requests["unmatched"] == 1  # never the raw path
    assert parsed[
        ("groove_http_requests_total", (("route", "/v1/stats/summary"), ("status", "429")))
    ] == statuses.count(429)
    assert parsed[("groove_rate_limited_total", (("limit", "address"),))] == statuses.count(429)
    assert parsed[("groove_rate_limited_total", (("limit", "session_opens"),))] == 1
    assert (
        "groove_build_info",
        (("python", platform.python_version()), ("version", groove_actors.__version__)),
    ) in parsed
    assert token not in text


def test_the_readme_names_every_family_and_rejection_code() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    missing = [name for name in FAMILIES if f"`{name}" not in readme]
    missing += [code for _, _, code in REJECTION_CODES if f"`{code}`" not in readme]
    assert missing == [], "README.md, 'Admin: metrics, dashboard, live view', does not name these"


def test_a_route_with_arguments_is_counted_under_its_template() -> None:
    app = QuartTrio(__name__, static_folder=None)

    @app.get("/things/<int:number>")
    async def thing(number: int) -> str:
        return str(number)

    names = route_names(app, ("/v1/training/ingest",))
    assert names.of("/v1/training/ingest", "POST") == "/v1/training/ingest"
    assert names.of("/things/5", "GET") == "/things/<int:number>"
    assert names.of("/things/five", "GET") == names.of("/elsewhere", "GET") == "unmatched"
