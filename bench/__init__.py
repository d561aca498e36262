"""Benchmarks of the ingest hot path and of costs that must not grow with the corpus."""
