"""Entry point for benchmarks: ``from tests.scrub_corpus import measure``.

The corpus itself lives in the `tests.scrubcorpus` package.
"""

from tests.scrubcorpus import Measurement, measure

__all__ = ["Measurement", "measure"]
