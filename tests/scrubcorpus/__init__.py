"""A labelled corpus for the scrubber, generated at test time from a seed, and its metrics."""

from tests.scrubcorpus.measure import Measurement, measure

__all__ = ["Measurement", "measure"]
