"""Capture client: turns an agent's output stream into scrubbed, signed, durably spooled envelopes."""
