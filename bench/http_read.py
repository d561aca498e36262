"""HTTP body read: the server CPU that Hypercorn and the ingest route's body loop cost per request, alone.

Run: .venv/bin/python -m bench.http_read [--requests N]
A server run as `groove-central serve` runs it (Hypercorn through http/serving.py, in a child process) whose
only app reads the body with the ingest route's own `read_body`, holding it in the body budget, and answers a
small JSON with a length, as ingest does. Eight client threads send pre-built requests of the two loadgen
chunk sizes over keep-alive connections; the figure is the server's CPU time (user + system, from /proc)
divided by the requests. Everything else on the ingest path (parse, cut, HMAC, validation, actors, commit)
is measured by bench.verify_path and bench.stages.
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import threading
import time
from typing import Any

from bench.server import free_loopback_port, process_cpu_seconds

BODY_SIZES = {"20 steps": 34 * 1024, "200 steps": 366 * 1024}
CLIENTS = 8
ANSWER = b'{"accepted":true,"envelope_id":"env_0"}'


def make_app() -> Any:
    from groove_actors.http.budget import BodyBudget
    from groove_actors.http.ingest import read_body
    from groove_actors.server.supervisor import DEFAULT_BODY_BUDGET_BYTES

    budget = BodyBudget(DEFAULT_BODY_BUDGET_BYTES)

    async def app(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            while True:
                kind = (await receive())["type"]  # lifespan.startup, then lifespan.shutdown
                await send({"type": kind + ".complete"})
                if kind == "lifespan.shutdown":
                    return
        async with budget.hold() as holding:
            await read_body(scope, receive, holding)
        headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(ANSWER))]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": ANSWER, "more_body": False})

    return app


def serve(port: int) -> None:
    import trio
    from hypercorn.config import Config

    from groove_actors.http.serving import serve_http

    config = Config()
    config.bind = [f"127.0.0.1:{port}"]
    config.accesslog = config.errorlog = None
    trio.run(lambda: serve_http(make_app(), config, shutdown_trigger=trio.sleep_forever))


def wait_listening(port: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("the server did not start")


def send_requests(port: int, request: bytes, count: int) -> None:
    with socket.create_connection(("127.0.0.1", port)) as conn:
        for _ in range(count):
            conn.sendall(request)
            answer = b""
            while not answer.endswith(ANSWER):
                chunk = conn.recv(65536)
                if not chunk:
                    raise RuntimeError("the server closed the connection")
                answer += chunk


def measure(port: int, pid: int, size: int, requests: int) -> dict[str, float]:
    body = b'{"x":"' + b"a" * (size - 8) + b'"}'
    head = b"POST /v1/training/ingest HTTP/1.1\r\nhost: bench\r\ncontent-type: application/json\r\n"
    request = head + b"content-length: %d\r\n\r\n" % len(body) + body
    per_client = requests // CLIENTS
    send_requests(port, request, 10)  # warm-up
    threads = [
        threading.Thread(target=send_requests, args=(port, request, per_client)) for _ in range(CLIENTS)
    ]
    cpu, started = process_cpu_seconds(pid), time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed, cpu = time.perf_counter() - started, process_cpu_seconds(pid) - cpu
    done = per_client * CLIENTS
    return {"requests_per_s": done / elapsed, "server_ms_per_request": 1000 * cpu / done}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        serve(args.serve)
        return
    port = free_loopback_port()
    server = subprocess.Popen([sys.executable, "-m", "bench.http_read", "--serve", str(port)])
    try:
        wait_listening(port)
        print(f"Hypercorn + read_body, {CLIENTS} keep-alive clients, {args.requests} requests per size")
        for label, size in BODY_SIZES.items():
            result = measure(port, server.pid, size, args.requests)
            print(
                f"  {label} ({size // 1024} KB): {result['server_ms_per_request']:.3f} ms server CPU per request,"
                f" {result['requests_per_s']:.0f} requests/s"
            )
    finally:
        server.terminate()
        server.wait(30)


if __name__ == "__main__":
    main()
