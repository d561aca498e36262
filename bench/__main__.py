"""`python -m bench [--quick]`: every benchmark in turn; `--quick` uses smaller runs (10k-envelope corpus, not 100k).

Results and the exact commands used for them are recorded in bench/RESULTS.md.
"""

from __future__ import annotations

import argparse

from bench import capture, corpus, http_read, ingest, postgres, scrub, stages, verify_path


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller corpus and fewer repeats (make bench)")
    args = parser.parse_args()
    print("== verify path (CPU per envelope in the route)")
    verify_path.main(["--repeats", "50" if args.quick else "300"])
    print("\n== HTTP body read (Hypercorn and the route's body loop)")
    http_read.main(["--requests", "800" if args.quick else "4000"])
    print("\n== hot-path stages (actor hand-off, group commit)")
    stages.main()
    print("\n== scrubber on its labelled corpus")
    scrub.main()
    print("\n== capture pipeline (client)")
    capture.main(["--repeats", "3" if args.quick else "10"])
    print("\n== end-to-end ingest with the JavaScript load generator")
    ingest.main(["--quick"] if args.quick else [])
    print("\n== ingest on the PostgreSQL store (one and two processes) beside the embedded store")
    postgres.main(["--quick"] if args.quick else [])
    print("\n== corpus growth (SESSION_CLOSE and stats latency, empty vs filled store)")
    corpus.main(["--envelopes", "10000" if args.quick else "100000"])


if __name__ == "__main__":
    main()
