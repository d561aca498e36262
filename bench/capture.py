"""The client's capture pipeline: parse -> classify -> scrub -> chunk, on real agent streams, in one core.

Run: .venv/bin/python -m bench.capture [--repeats N]
Reports steps/s and MB/s of stream text, with and without scrubbing, and the scrubber's own MB/s on that text.
"""

from __future__ import annotations

import argparse
import time
import uuid
from pathlib import Path

from client_actors.capture import scrub_steps
from client_actors.chunker import Chunker
from client_actors.classify import AgentEnded, Classifier
from client_actors.parsers import new_parser
from client_actors.scrub import RULESET_VERSION, scrub_text
from groove_actors.protocol.models import Metadata

STREAMS = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "agent-streams"
FILES = [
    ("claude-code", "claude-code/transcript/cc-2.0.27-transcript-27-tools-1-error.jsonl"),
    ("claude-code", "claude-code/transcript/cc-2.0.14-transcript-23-tools-unanswered.jsonl"),
    ("codex", "codex/rollout/codex-0.40-rollout-16-calls.jsonl"),
]


def pipeline(provider: str, lines: list[str], *, scrub: bool) -> int:
    parser = new_parser(provider)
    classifier = Classifier()
    chunker = Chunker(session_id="sess_bench", contributor_id="0" * 32,
                      metadata=Metadata(provider=provider, model_engine="bench"), scrub_ruleset=RULESET_VERSION,
                      new_envelope_id=lambda: f"env_{uuid.uuid4()}")  # fmt: skip
    now = time.time()
    steps = 0
    for line in lines:
        for parsed in parser.feed_line(line):
            out = classifier.feed(parsed, now=now)
            steps += len(out)
            chunker.add(scrub_steps(out) if scrub else out, now=now)
    for parsed in parser.finish():
        chunker.add(classifier.feed(parsed, now=now), now=now)
    classifier.feed(AgentEnded("completed"), now=now)
    chunker.close("SUCCESS", classifier.stats)
    return steps


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args(argv)
    corpus = [(p, (STREAMS / f).read_text("utf-8").splitlines()) for p, f in FILES]
    size = sum(len(line.encode()) + 1 for _, lines in corpus for line in lines)
    for scrub in (False, True):
        started = time.process_time()
        steps = sum(pipeline(p, lines, scrub=scrub) for _ in range(args.repeats) for p, lines in corpus)
        elapsed = time.process_time() - started
        label = "with scrubbing" if scrub else "without scrubbing"
        print(
            f"pipeline {label:18s}: {steps / elapsed:9.0f} steps/s {size * args.repeats / elapsed / 1e6:7.1f} MB/s"
        )
    text = "\n".join(line for _, lines in corpus for line in lines)
    started = time.process_time()
    for _ in range(args.repeats):
        scrub_text(text)
    elapsed = time.process_time() - started
    print(f"scrub_text on the same streams: {len(text.encode()) * args.repeats / elapsed / 1e6:7.1f} MB/s")


if __name__ == "__main__":
    main()
