"""/metrics: Prometheus text behind the admin token, numbers that follow what the server did."""

from __future__ import annotations

import secrets
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from groove_actors.server.metrics import Metrics, reason_key, render
from tests.support.client import ingest, open_session
from tests.support.server import start_server


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    out = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            out[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return out


def test_render_parses_with_a_prometheus_parser() -> None:
    metrics = Metrics()
    metrics.count("groove_envelopes_rejected_total", status="401", reason='HMAC "quoted" \\ reason')
    metrics.observe("groove_ack_seconds", 0.003)
    metrics.observe("groove_ack_seconds", 7.0)
    parsed = samples(render(metrics, {"groove_active_sessions": 3}))
    assert parsed[("groove_active_sessions", ())] == 3
    assert parsed[("groove_ack_seconds_count", ())] == 2
    assert parsed[("groove_ack_seconds_bucket", (("le", "0.005"),))] == 1
    assert parsed[("groove_ack_seconds_bucket", (("le", "+Inf"),))] == 2
    assert (
        "groove_envelopes_rejected_total",
        (("reason", 'HMAC "quoted" \\ reason'), ("status", "401")),
    ) in parsed


def test_reason_keys_are_short_and_free_of_ids() -> None:
    assert (
        reason_key("sequence conflict: expected 3, got 5; send the missing") == "sequence conflict expected"
    )
    assert reason_key("HMAC verification failed: the envelope") == "hmac verification failed the"
    assert reason_key("unknown session_id; open") == "unknown session_id open"


@pytest.mark.slow
async def test_metrics_need_the_token_and_count_what_happened(tmp_path: Path) -> None:
    token = secrets.token_urlsafe(24)
    token_file = tmp_path / "admin-token"
    token_file.write_text(token)
    running = start_server(tmp_path / "d", "--admin-token-file", str(token_file))
    async with running as server, httpx.AsyncClient(base_url=server.url) as http:
        anonymous = await http.get("/metrics")
        wrong = await http.get("/metrics", headers={"Authorization": "Bearer not-the-token"})
        session = await open_session(http)
        for _ in range(3):
            assert (await ingest(http, session.chunk_body(4))).status_code == 200
        session.sequence -= 1
        assert (await ingest(http, session.chunk_body(4))).status_code == 409
        text = (await http.get("/metrics", headers={"Authorization": f"Bearer {token}"})).text
    assert anonymous.status_code == wrong.status_code == 401
    assert anonymous.headers["www-authenticate"].startswith("Bearer")
    parsed = samples(text)
    assert parsed[("groove_envelopes_accepted_total", (("duplicate", "false"),))] == 3
    assert sum(v for (n, _), v in parsed.items() if n == "groove_envelopes_rejected_total") == 1
    assert parsed[("groove_active_sessions", ())] == 1
    assert parsed[("groove_verifiers_alive", ())] == 1
    assert parsed[("groove_ack_seconds_count", ())] == 4
    assert parsed[("groove_group_commit_batch_size_count", ())] >= 4
    assert parsed[("groove_envelope_bytes_total", ())] > 0
    assert parsed[("groove_fsync_seconds_count", ())] >= 1
    assert token not in text
