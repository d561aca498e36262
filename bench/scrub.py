"""The scrubber on its labelled corpus: recall, keep-rate and MB/s on one core.

Run: .venv/bin/python -m bench.scrub
The corpus (fake credentials in real formats, generated from a seed at run time, in shell, log, config and code
contexts, plus text that must survive) lives with the tests in tests/scrubcorpus.
"""

from __future__ import annotations

from tests.scrubcorpus import measure

TARGETS = {"recall": 0.95, "prefixed_recall": 1.0, "keep_rate": 0.97, "mb_per_s": 10.0}


def main() -> None:
    result = measure()
    print(f"secrets {result.secrets}, must-survive lines {result.lines}")
    for name, target in TARGETS.items():
        value = getattr(result, name)
        verdict = "meets" if value >= target else "MISSES"
        print(f"{name:16s} {value:8.3f}   target >= {target:g}: {verdict}")
    print(f"{'dense worst case':16s} {result.mb_per_s_dense:8.3f} MB/s (every line an edge case)")
    print(f"{'bulk keep-rate':16s} {result.bulk_keep_rate:8.3f}")
    for category, recall in result.recall_by_category:
        if recall < 1.0:
            print(f"  recall {category}: {recall:.3f}")


if __name__ == "__main__":
    main()
