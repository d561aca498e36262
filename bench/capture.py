"""The client's capture pipeline: parse -> classify -> scrub -> chunk, on real agent streams, in one core.

Run: .venv/bin/python -m bench.capture [--repeats N] [--against OTHER_CHECKOUT [--rounds R]]
Reports steps/s and MB/s of stream text, with and without scrubbing, then the scrubber's own MB/s on the
steps' text (what `scrub_steps` is handed: contents and tool arguments): as the pipeline calls it (each
classifier output, usually one step), all of it in one `scrub_values` call, and `scrub_text` on the streams
joined. With --against, the scrubber figures of another checkout are measured on the same steps, in child
processes interleaved with this tree's (`--rounds` each).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

STREAMS = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "agent-streams"
FILES = [
    ("claude-code", "claude-code/transcript/cc-2.0.27-transcript-27-tools-1-error.jsonl"),
    ("claude-code", "claude-code/transcript/cc-2.0.14-transcript-23-tools-unanswered.jsonl"),
    ("codex", "codex/rollout/codex-0.40-rollout-16-calls.jsonl"),
]
SCRUB_FIGURES = ("as the pipeline calls it", "in one scrub_values call", "scrub_text on the streams")


def pipeline(provider: str, lines: list[str], *, scrub: bool) -> int:
    from client_actors.capture import scrub_steps
    from client_actors.chunker import Chunker
    from client_actors.classify import AgentEnded, Classifier
    from client_actors.parsers import new_parser
    from client_actors.scrub import RULESET_VERSION
    from groove_actors.protocol.models import Metadata

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


def corpus() -> list[tuple[str, list[str]]]:
    return [(provider, (STREAMS / name).read_text("utf-8").splitlines()) for provider, name in FILES]


def step_batches() -> list[list[Any]]:
    """What the pipeline hands `scrub_values` for each classifier output: each step's content and arguments."""
    from client_actors.classify import Classifier
    from client_actors.parsers import new_parser
    from client_actors.parsers.model import thaw_json

    batches: list[list[Any]] = []
    for provider, lines in corpus():
        parser, classifier = new_parser(provider), Classifier()
        for line in lines:
            for parsed in parser.feed_line(line):
                out = classifier.feed(parsed, now=0.0)
                if out:
                    batches.append(
                        [part for step in out for part in (step.content or None, thaw_json(step.arguments))]
                    )
    return batches


def _text_bytes(value: Any) -> int:
    if isinstance(value, str):
        return len(value.encode("utf-8", "surrogatepass"))
    if isinstance(value, dict):
        return sum(_text_bytes(item) for item in value.values())
    if isinstance(value, list):
        return sum(_text_bytes(item) for item in value)
    return 0


def scrub_figures(batches: list[list[Any]], streams: str, repeats: int) -> dict[str, float]:
    """MB/s of text (by CPU time, best of three) of the scrubber importable here, in the three ways."""
    from client_actors.scrub import scrub_text, scrub_values

    size = sum(_text_bytes(batch) for batch in batches) / 1e6
    everything = [value for batch in batches for value in batch]
    runs: dict[str, tuple[Callable[[], object], float]] = {
        SCRUB_FIGURES[0]: (lambda: [scrub_values(batch) for batch in batches], size),
        SCRUB_FIGURES[1]: (lambda: scrub_values(everything), size),
        SCRUB_FIGURES[2]: (lambda: scrub_text(streams), len(streams.encode("utf-8", "surrogatepass")) / 1e6),
    }
    figures = {}
    for label, (run, megabytes) in runs.items():
        best = float("inf")
        for _ in range(3):
            started = time.process_time()
            for _ in range(repeats):
                run()
            best = min(best, time.process_time() - started)
        figures[label] = megabytes * repeats / best
    return figures


def _child(tree: Path, repeats: int) -> dict[str, float]:
    """`scrub_figures` of the checkout at ``tree``, in a child process, on this tree's steps."""
    source = (
        "import importlib.util, json, sys; sys.path.insert(0, sys.argv[1]);"
        "spec = importlib.util.spec_from_file_location('bench_capture', sys.argv[2]);"
        "capture = importlib.util.module_from_spec(spec); spec.loader.exec_module(capture);"
        "batches = json.loads(sys.stdin.read());"
        "streams = chr(10).join(line for _, lines in capture.corpus() for line in lines);"
        "print(json.dumps(capture.scrub_figures(batches, streams, int(sys.argv[3]))))"
    )
    batches = json.dumps(step_batches())
    # This file is loaded by path; everything it imports from client_actors is the other tree's.
    done = subprocess.run(
        [sys.executable, "-c", source, str(tree), __file__, str(repeats)],
        input=batches, capture_output=True, text=True, check=True, cwd=tree,
    )  # fmt: skip
    figures: dict[str, float] = json.loads(done.stdout)
    return figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument(
        "--against", type=Path, help="another checkout whose scrubber is measured beside this one"
    )
    parser.add_argument("--rounds", type=int, default=3, help="child runs per tree with --against")
    args = parser.parse_args(argv)
    streams = corpus()
    size = sum(len(line.encode()) + 1 for _, lines in streams for line in lines)
    for provider, lines in streams:  # imports and compiled patterns out of the timings
        pipeline(provider, lines, scrub=True)
    for scrub in (False, True):
        started = time.process_time()
        steps = sum(pipeline(p, lines, scrub=scrub) for _ in range(args.repeats) for p, lines in streams)
        elapsed = time.process_time() - started
        label = "with scrubbing" if scrub else "without scrubbing"
        print(
            f"pipeline {label:18s}: {steps / elapsed:9.0f} steps/s {size * args.repeats / elapsed / 1e6:7.1f} MB/s"
        )
    batches = step_batches()
    here = Path(__file__).resolve().parents[1]
    print(f"scrubber on the steps' text ({len(batches)} classifier outputs), MB/s by CPU:")
    if args.against is None:
        joined = "\n".join(line for _, lines in streams for line in lines)
        for label, value in scrub_figures(batches, joined, args.repeats).items():
            print(f"  {label:26s} {value:7.1f}")
        return
    trees = [args.against.resolve(), here]
    runs: dict[Path, list[dict[str, float]]] = {tree: [] for tree in trees}
    for _ in range(args.rounds):
        for tree in trees:
            runs[tree].append(_child(tree, args.repeats))
    for label in SCRUB_FIGURES:
        print(f"  {label}:")
        for tree in trees:
            values = [figures[label] for figures in runs[tree]]
            listed = ", ".join(f"{value:.1f}" for value in values)
            print(f"    {tree!s:24s} runs {listed}; median {statistics.median(values):.1f}")


if __name__ == "__main__":
    main()
