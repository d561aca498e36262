"""Microbenchmark of the verify path: parse, signed-text cut, HMAC, validation (the route's CPU per envelope).

Run: .venv/bin/python -m bench.verify_path [--repeats N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from bench.envelopes import build_chunk
from groove_actors.protocol import jsjson, signing
from groove_actors.protocol.envelope import read_envelope
from groove_actors.protocol.validate import validate_envelope

SECRET = bytes(range(32))


def median_us(fn: Callable[[], object], repeats: int) -> float:
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1e6)
    return statistics.median(samples)


def measure(steps: int, repeats: int) -> dict[str, float]:
    body = build_chunk(steps, secret=SECRET)
    parsed = jsjson.parse(body)
    now = time.time()
    hmac_hex = parsed["attestation"]["session_hmac"]
    cut = signing.signed_text_of_body(body)
    assert cut is not None and signing.hmac_matches(SECRET, 0, cut, hmac_hex)
    return {
        "body_kb": len(body) / 1024,
        "parse": median_us(lambda: jsjson.parse(body), repeats),
        "signed_text_cut": median_us(lambda: signing.signed_text_of_body(body), repeats),
        "hmac": median_us(lambda: signing.hmac_matches(SECRET, 0, cut, hmac_hex), repeats),
        "validate": median_us(lambda: validate_envelope(parsed, now=now), repeats),
        "read_envelope (parse+validate+summary)": median_us(lambda: read_envelope(body, now=now), repeats),
        "verify_body (cut+HMAC)": median_us(
            lambda: signing.verify_body(SECRET, 0, body, parsed, hmac_hex), repeats
        ),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=200)
    args = parser.parse_args(argv)
    for steps in (20, 200):
        result = measure(steps, args.repeats)
        print(f"\n{steps}-step envelope, {result.pop('body_kb'):.0f} KB (median of {args.repeats}, µs)")
        for stage, micros in result.items():
            print(f"  {stage:42s} {micros:9.1f}")


if __name__ == "__main__":
    main()
