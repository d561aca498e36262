"""A load generator that costs the machine little, so that the server under test bounds an ingest run.

Run: .venv/bin/python -m bench.sender --url URL [--concurrency 32] [--sessions 32] [--chunks 20] [--steps 200]
     [--server-pid PID] [--json FILE]

The JavaScript load generator sends each request through Node's `fetch`, which spends about as much CPU per
envelope as our server spends taking it (1.1x in every run of RESULTS.md), from one thread: on a two-core
machine it holds one core and leaves the server the other, so a run at 32 concurrent sessions measured the
two together. This one does the same protocol work ahead of the timed window (opening every session with an
ECDH handshake, building every chunk and signing it as a JavaScript client does, down to the bytes) and
then, timed, writes each prepared request to a kept-alive connection and reads the answer: a few tens of
microseconds of CPU per request, whatever the body's size. Content follows the JavaScript generator's mix
(200-3000 characters per step of words, code punctuation, numbers and some non-ASCII; its seven step types
in its proportions, tool calls with arguments), so a server parses, validates and stores the same kind of
body under either.

Its report is a JSON object shaped like the JavaScript generator's (the parts `bench.ingest` reads):
`send` (wall time, envelopes acked, envelopes/s, MB/s, the sender's, the server's and the machine's CPU),
`latency_ms` (p50/p90/p99/max of chunk and close acks) and `outcomes` (accepted, rejected, reasons).
Only loopback targets are accepted.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import secrets
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import attrs
import trio

from bench.server import CLOCK_TICKS, process_cpu_seconds
from groove_actors.protocol import ecdh, jsjson, signing

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
INGEST = "/v1/training/ingest"
OPEN = "/v1/sessions/open"
GROOVE_VERSION = "0.27.78"
APP_HASH = hashlib.sha256(b"bench.sender app bundle").hexdigest()
READ_SIZE = 1 << 16

WORDS = (
    "the", "a", "to", "of", "and", "in", "is", "it", "that", "for", "on", "with", "this", "be", "as",
    "function", "const", "return", "await", "async", "import", "export", "class", "error", "file", "path",
    "test", "assert", "value", "result", "config", "server", "client", "session", "envelope", "request",
    "response", "handler", "module", "index", "build", "run", "check", "fix", "update", "refactor", "parse",
    "token", "stream", "buffer", "query", "schema", "table", "column", "migrate", "deploy", "retry", "timeout",
    "cache", "queue", "worker", "thread", "lock", "mutex", "signal", "undefined", "null", "true", "false",
    "string", "number", "object", "array", "map", "set", "promise", "callback", "event", "listener",
)  # fmt: skip
CODE_BITS = ("{", "}", "(", ")", ";", "=>", "===", "[]", '"quoted"', "'single'", "`tmpl`", "\\n", "\\", "/",
             "<div>", "&amp;", "#", "$", "%", "\t")  # fmt: skip
NON_ASCII = ("é", "ü", "→", "✓", "—", "λ", "日本", "🙂", "€", "ß")
PROVIDER_MODELS = {
    "claude-code": ("claude-opus-4-6", "claude-opus-4-7", "claude-sonnet-4-6"),
    "codex": ("gpt-4.5", "o3", "o4-mini"),
    "gemini": ("gemini-2.5-pro", "gemini-2.5-flash"),
}
TOOLS = ("Read", "Edit", "Write", "Bash", "Grep", "Glob", "WebFetch", "Task", "TodoWrite")
ROLES = ("backend", "frontend", "fullstack", "planner", "tester", "devops", "reviewer")
STEP_MIX = (("thought", 0.24), ("action", 0.52), ("observation", 0.80), ("error", 0.86), ("correction", 0.91),
            ("coordination", 0.96), ("resolution", 1.0))  # fmt: skip


class Refused(Exception):
    """The server refused what the run needs to go on (a session open), or answered outside HTTP/1.1."""


# ---------------------------------------------------------------- content


class Content:
    """Step-sized slices of one pseudo-random text, mixed as the JavaScript generator mixes its own."""

    def __init__(self, rng: random.Random, size: int = 400_000) -> None:
        self.rng = rng
        parts: list[str] = []
        length = 0
        while length < size:
            r = rng.random()
            if r < 0.80:
                word = rng.choice(WORDS)
            elif r < 0.93:
                word = rng.choice(CODE_BITS)
            elif r < 0.97:
                word = str(rng.randint(0, 99999))
            elif r < 0.985:
                word = rng.choice(NON_ASCII)
            else:
                word = "\n"
            parts.append(word)
            length += len(word) + 1
        self.pool = " ".join(parts)

    def text(self, n: int) -> str:
        start = self.rng.randint(0, len(self.pool) - n - 2)
        return self.pool[start : start + n]

    def tool_arguments(self, tool: str) -> dict[str, Any]:
        rng = self.rng
        file = f"src/{rng.choice(WORDS)}/{rng.choice(WORDS)}.{rng.choice(('js', 'ts', 'py', 'md', 'json'))}"
        if tool == "Read":
            return {"file_path": file, "offset": rng.randint(0, 400), "limit": rng.randint(20, 400)}
        if tool == "Edit":
            return {"file_path": file, "old_string": self.text(rng.randint(20, 300)),
                    "new_string": self.text(rng.randint(20, 300)), "replace_all": rng.random() < 0.1}  # fmt: skip
        if tool == "Write":
            return {"file_path": file, "content": self.text(rng.randint(100, 800))}
        if tool == "Bash":
            command = rng.choice(
                ("npm test", "git status", "ls -la", "pytest -q", "node index.js", "grep -rn")
            )
            return {"command": f"{command} {rng.choice(WORDS)}", "timeout": 120000,
                    "description": self.text(rng.randint(10, 60))}  # fmt: skip
        if tool == "Grep":
            return {"pattern": f"{rng.choice(WORDS)}\\s+{rng.choice(WORDS)}", "path": "src",
                    "output_mode": "content", "-n": True}  # fmt: skip
        if tool == "Glob":
            return {"pattern": f"**/*.{rng.choice(('js', 'py', 'ts'))}"}
        if tool == "WebFetch":
            return {
                "url": f"https://example.invalid/{rng.choice(WORDS)}",
                "prompt": self.text(rng.randint(20, 120)),
            }
        if tool == "Task":
            return {"description": self.text(rng.randint(10, 60)), "prompt": self.text(rng.randint(50, 400)),
                    "subagent_type": "general-purpose"}  # fmt: skip
        status = rng.choice(("pending", "in_progress", "completed"))
        return {"todos": [{"content": self.text(rng.randint(10, 60)), "status": status}]}

    def step(self, number: int, timestamp: float, content_chars: tuple[int, int]) -> dict[str, Any]:
        rng = self.rng
        r = rng.random()
        kind = next((name for name, bound in STEP_MIX if r < bound), "thought")
        step: dict[str, Any] = {"step": number, "type": kind, "timestamp": timestamp}
        body = self.text(rng.randint(*content_chars))
        if kind == "thought":
            step.update(content=body, token_count=rng.randint(50, 4000))
        elif kind == "action":
            tool = rng.choice(TOOLS)
            step.update(tool=tool, arguments=self.tool_arguments(tool), content=f"Using {tool}: {body}")
        elif kind == "observation":
            step.update(content=body, is_error=False)
        elif kind == "error":
            step.update(content=f"Error: {body}", is_error=True)
        elif kind == "correction":
            step.update(content=body, source="user")
        elif kind == "coordination":
            coordination_id = f"coord_{uuid.UUID(int=rng.getrandbits(128))}"
            direction, target = rng.choice(("outbound", "inbound")), f"agent-{rng.randint(1, 8)}"
            step.update(
                content=body, coordination_id=coordination_id, direction=direction, target_agent=target
            )
        else:
            step.update(content=body, token_count=rng.randint(1000, 90000))
        step["content"] = step["content"][:10_000]
        return step


# ---------------------------------------------------------------- sessions


@attrs.define
class PlannedSession:
    """One simulated client: its handshake, then its requests, built and signed before the timed send."""

    session_id: str
    key_pair: ecdh.KeyPair
    provider: str
    model: str
    fingerprint: str
    contributor_id: str
    metadata: dict[str, Any]
    secret: bytes = b""
    sequence: int = 0
    chunks: list[bytes] = attrs.Factory(list)
    close: bytes = b""

    def open_body(self) -> bytes:
        return jsjson.stringify_bytes({
            "session_id": self.session_id, "public_key": self.key_pair.public_b64, "provider": self.provider,
            "model": self.model, "machine_fingerprint": self.fingerprint, "app_version_hash": APP_HASH,
            "groove_version": GROOVE_VERSION,
        })  # fmt: skip

    def signed(self, envelope: dict[str, Any]) -> bytes:
        """The request body of `envelope` signed with the next sequence (the attestation goes where it is)."""
        hmac = signing.sign_envelope(self.secret, self.sequence, envelope)
        envelope["attestation"] = {
            "session_hmac": hmac,
            "sequence": self.sequence,
            "app_version_hash": APP_HASH,
        }
        self.sequence += 1
        return jsjson.stringify_bytes(envelope)


def plan_session(rng: random.Random) -> PlannedSession:
    """A session whose ids and keys are fresh (two senders on one store never collide) and whose choices
    follow `rng`."""
    provider = rng.choice(sorted(PROVIDER_MODELS))
    return PlannedSession(
        session_id=f"sess_{uuid.uuid4()}",
        key_pair=ecdh.generate_key_pair(),
        provider=provider,
        model=rng.choice(PROVIDER_MODELS[provider]),
        fingerprint=secrets.token_hex(32),  # one per session, as each client machine has its own
        contributor_id=secrets.token_hex(16),
        metadata={
            "model_engine": "",
            "provider": provider,
            "agent_role": rng.choice(ROLES),
            "agent_id": f"agent-{secrets.token_hex(4)}",
            "task_complexity": rng.choice(("light", "medium", "heavy")),
            "team_size": rng.randint(1, 6),
            "session_quality": 0,
            "groove_version": GROOVE_VERSION,
        },
    )


def build_requests(session: PlannedSession, content: Content, chunks: int, steps: int,
                   content_chars: tuple[int, int]) -> None:  # fmt: skip
    """Every chunk of `session` and its SESSION_CLOSE, signed in order, as request bodies."""
    rng = content.rng
    session.metadata["model_engine"] = session.model
    timestamp = time.time() - min(6 * 86400, chunks * steps * 1.25 + 60)
    number = tokens = errors = coordination = 0
    for chunk_sequence in range(chunks):
        log = []
        for _ in range(steps):
            timestamp += 0.25 + rng.random() * 2
            number += 1
            step = content.step(number, round(timestamp, 3), content_chars)
            tokens += step.get("token_count", 0)
            errors += step["type"] == "error"
            coordination += step["type"] == "coordination"
            log.append(step)
        envelope = {
            "envelope_id": f"env_{uuid.uuid4()}", "session_id": session.session_id,
            "chunk_sequence": chunk_sequence, "contributor_id": session.contributor_id,
            "metadata": dict(session.metadata), "trajectory_log": log,
        }  # fmt: skip
        session.chunks.append(session.signed(_with_attestation_slot(envelope, after="contributor_id")))

    def cap(v: float) -> int:
        return max(0, min(50_000, round(v)))

    session.close = session.signed(
        _with_attestation_slot(
            {
                "envelope_id": f"env_{uuid.uuid4()}",
                "session_id": session.session_id,
                "type": "SESSION_CLOSE",
                "outcome": {
                    "status": "SUCCESS",
                    "user_interventions": rng.randint(0, 3),
                    "total_steps": cap(number),
                    "total_chunks": cap(chunks),
                    "total_tokens": cap(tokens),
                    "duration_seconds": cap(number * 1.2),
                    "files_modified": rng.randint(0, 20),
                    "errors_encountered": cap(errors),
                    "errors_recovered": cap(errors // 2),
                    "coordination_events": cap(coordination),
                },
            },
            after="type",
        )
    )


def _with_attestation_slot(envelope: dict[str, Any], after: str) -> dict[str, Any]:
    """The envelope with `attestation` where the JavaScript client puts it (after `after`): the signed text
    leaves it out, but the body's key order is the client's."""
    ordered: dict[str, Any] = {}
    for key, value in envelope.items():
        ordered[key] = value
        if key == after:
            ordered["attestation"] = {"session_hmac": "", "sequence": 0, "app_version_hash": ""}
    return ordered


# ---------------------------------------------------------------- HTTP/1.1 over a kept-alive connection


@attrs.frozen
class Answer:
    status: int
    body: bytes
    seconds: float


class Connection:
    """One kept-alive HTTP/1.1 connection: a prepared request out, one Content-Length answer back."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.stream: trio.SocketStream | None = None
        self.buffer = bytearray()

    async def post(self, request: bytes) -> Answer:
        started = time.perf_counter()
        fresh = self.stream is None
        if self.stream is None:
            self.stream = await trio.open_tcp_stream(self.host, self.port)
        try:
            await self.stream.send_all(request)
            status, body = await self._answer()
        except (trio.BrokenResourceError, trio.ClosedResourceError, EOFError):
            await self.aclose()
            if fresh:
                raise
            return await self.post(request)  # the server closed an idle connection before it read this one
        return Answer(status, body, time.perf_counter() - started)

    async def _answer(self) -> tuple[int, bytes]:
        assert self.stream is not None
        buffer = self.buffer
        while (end := buffer.find(b"\r\n\r\n")) < 0:
            await self._fill()
        head = bytes(buffer[:end]).decode("latin-1").split("\r\n")
        del buffer[: end + 4]
        status = int(head[0].split(" ", 2)[1])
        headers = {
            name.strip().lower(): value.strip() for name, _, value in (h.partition(":") for h in head[1:])
        }
        if "content-length" not in headers:
            raise Refused(
                f"an answer without Content-Length ({headers.get('transfer-encoding', 'no length')})"
            )
        length = int(headers["content-length"])
        while len(buffer) < length:
            await self._fill()
        body = bytes(buffer[:length])
        del buffer[:length]
        if headers.get("connection", "").lower() == "close":
            await self.aclose()
        return status, body

    async def _fill(self) -> None:
        assert self.stream is not None
        data = await self.stream.receive_some(READ_SIZE)
        if not data:
            raise EOFError("the server closed the connection")
        self.buffer += data

    async def aclose(self) -> None:
        if self.stream is not None:
            await self.stream.aclose()
        self.stream, self.buffer = None, bytearray()


def request_bytes(host: str, port: int, path: str, body: bytes) -> bytes:
    head = (f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n")  # fmt: skip
    return head.encode("ascii") + body


# ---------------------------------------------------------------- the run


@attrs.define
class Tally:
    accepted: int = 0
    rejected: int = 0
    reasons: Counter[str] = attrs.Factory(Counter)
    latencies: list[float] = attrs.Factory(list)

    def add(self, answer: Answer) -> None:
        self.latencies.append(answer.seconds * 1000)
        try:
            verdict = json.loads(answer.body)
        except ValueError:
            verdict = {}
        if 200 <= answer.status < 300 and isinstance(verdict, dict) and verdict.get("accepted") is True:
            self.accepted += 1
            return
        self.rejected += 1
        reason = verdict.get("reason") if isinstance(verdict, dict) else None
        self.reasons[f"HTTP {answer.status}: {str(reason)[:120]}"] += 1

    def report(self) -> dict[str, Any]:
        return {"accepted": self.accepted, "rejected": self.rejected, "reasons": dict(self.reasons)}


def percentiles(values: Sequence[float]) -> dict[str, float | int | None]:
    ordered = sorted(values)

    def at(p: float) -> float | None:
        if not ordered:
            return None
        return round(ordered[min(len(ordered) - 1, max(0, math.ceil(p / 100 * len(ordered)) - 1))], 2)

    return {"n": len(ordered), "p50": at(50), "p90": at(90), "p99": at(99), "max": at(100), "min": at(0)}


@attrs.frozen
class CpuSnapshot:
    wall: float
    sender: float
    server: float | None
    machine: float | None

    @classmethod
    def now(cls, server_pid: int | None) -> CpuSnapshot:
        return cls(time.perf_counter(), time.process_time(), _process_cpu(server_pid), _machine_busy())

    def until(self, later: CpuSnapshot) -> dict[str, float]:
        wall = later.wall - self.wall
        sender = later.sender - self.sender
        out = {
            "wall_s": round(wall, 3),
            "loadgen_cpu_s": round(sender, 3),
            "loadgen_cores": round(sender / wall, 2),
        }
        if self.server is not None and later.server is not None:
            out["server_cpu_s"] = round(later.server - self.server, 2)
            out["server_cores"] = round((later.server - self.server) / wall, 2)
        if self.machine is not None and later.machine is not None:
            out["machine_busy_cores"] = round((later.machine - self.machine) / wall, 2)
        return out


def _process_cpu(pid: int | None) -> float | None:
    if pid is None:
        return None
    try:
        return process_cpu_seconds(pid)
    except OSError:
        return None


def _machine_busy() -> float | None:
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    except OSError:
        return None
    return (sum(fields) - fields[3] - fields[4]) / CLOCK_TICKS


@attrs.frozen
class Plan:
    url: str
    concurrency: int
    sessions: int
    chunks: int
    steps: int
    content_chars: tuple[int, int] = (200, 3000)
    server_pid: int | None = None
    seed: int = 1
    quiet: bool = False


async def run(plan: Plan) -> dict[str, Any]:
    split = urlsplit(plan.url)
    host, port = split.hostname or "", split.port or 80
    if host not in LOOPBACK:
        raise SystemExit(f"only loopback targets are accepted, not {host!r}")
    rng = random.Random(plan.seed)
    content = Content(rng)
    sessions = [plan_session(rng) for _ in range(plan.sessions)]
    opened = Tally()

    async def open_all(batch: list[PlannedSession]) -> None:
        connection = Connection(host, port)
        for session in batch:
            answer = await connection.post(request_bytes(host, port, OPEN, session.open_body()))
            opened.latencies.append(answer.seconds * 1000)
            if answer.status != 200:
                raise Refused(f"session open answered {answer.status}: {answer.body[:200]!r}")
            server_key = ecdh.load_public_key(json.loads(answer.body)["server_public_key"])
            session.secret = ecdh.derive_shared_secret(session.key_pair.private_key, server_key)
            opened.accepted += 1
        await connection.aclose()

    async with trio.open_nursery() as nursery:
        for worker in range(plan.concurrency):
            nursery.start_soon(open_all, sessions[worker :: plan.concurrency])

    built = time.perf_counter()
    for session in sessions:
        build_requests(session, content, plan.chunks, plan.steps, plan.content_chars)
    chunk_requests = [[request_bytes(host, port, INGEST, body) for body in s.chunks] for s in sessions]
    close_requests = [request_bytes(host, port, INGEST, s.close) for s in sessions]
    build_s = time.perf_counter() - built
    body_bytes = sum(len(body) for s in sessions for body in s.chunks)
    if not plan.quiet:  # the line a harness waits for before it starts its own clocks
        envelopes = sum(len(s.chunks) for s in sessions)
        print(f"built and signed {envelopes} chunk envelopes ({body_bytes / 1e6:.1f} MB) in {build_s:.1f}s; sending",
              file=sys.stderr, flush=True)  # fmt: skip

    chunks, closes = Tally(), Tally()
    connections = [Connection(host, port) for _ in range(plan.concurrency)]

    async def deliver(connection: Connection, work: Iterator[list[bytes]], tally: Tally) -> None:
        for requests in work:  # shared by the workers: each takes the next session whole, in order
            for request in requests:
                tally.add(await connection.post(request))

    started = CpuSnapshot.now(plan.server_pid)
    work = iter(chunk_requests)
    async with trio.open_nursery() as nursery:
        for connection in connections:
            nursery.start_soon(deliver, connection, work, chunks)
    sent = CpuSnapshot.now(plan.server_pid)
    if not plan.quiet:
        print(f"sent {len(chunks.latencies)} chunk envelopes in {sent.wall - started.wall:.1f}s; closing",
              file=sys.stderr, flush=True)  # fmt: skip
    work = iter([[request] for request in close_requests])
    async with trio.open_nursery() as nursery:
        for connection in connections:
            nursery.start_soon(deliver, connection, work, closes)
    closed = CpuSnapshot.now(plan.server_pid)
    for connection in connections:
        await connection.aclose()

    send = started.until(sent)
    acked = len(chunks.latencies)
    send.update(
        envelopes_acked=acked,
        envelopes_per_s=round(acked / send["wall_s"], 1),
        accepted_per_s=round(chunks.accepted / send["wall_s"], 1),
        mb_sent=round(body_bytes / 1e6, 2),
        mb_per_s=round(body_bytes / 1e6 / send["wall_s"], 2),
        avg_envelope_kb=round(body_bytes / 1e3 / max(1, acked), 1),
        steps_per_s=round(chunks.accepted * plan.steps / send["wall_s"]),
    )
    return {
        "mode": "ingest", "sender": "bench.sender", "url": plan.url, "concurrency": plan.concurrency,
        "sessions": plan.sessions, "chunks_per_session": plan.chunks, "steps_per_chunk": plan.steps,
        "close": "envelope", "content_chars": list(plan.content_chars), "build_sign_s": round(build_s, 2),
        "send": send,
        "latency_ms": {"open": percentiles(opened.latencies), "chunk": percentiles(chunks.latencies),
                       "close_envelope": percentiles(closes.latencies)},
        "outcomes": {"open": opened.report(), "chunk": chunks.report(), "close_envelope": closes.report()},
        "close_phase": sent.until(closed),
    }  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", default="http://127.0.0.1:18443")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--sessions", type=int, help="sessions in all (at least --concurrency; default that)")
    parser.add_argument("--chunks", type=int, default=10, help="chunk envelopes per session")
    parser.add_argument("--steps", type=int, default=200, help="steps per chunk envelope")
    parser.add_argument("--server-pid", type=int, help="report this process's CPU over the send window")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--close", choices=("envelope",), default="envelope", help="how sessions close")
    parser.add_argument("--json", type=Path, help="also write the report to this file")
    parser.add_argument("--quiet", action="store_true", help="no progress line on stderr")
    args = parser.parse_args(argv)
    plan = Plan(
        url=args.url, concurrency=args.concurrency, sessions=max(args.concurrency, args.sessions or 0),
        chunks=args.chunks, steps=args.steps, server_pid=args.server_pid, seed=args.seed, quiet=args.quiet,
    )  # fmt: skip
    report = trio.run(run, plan)
    text = json.dumps(report, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n")


if __name__ == "__main__":
    main()
