"""The wire protocol both sides share: pure functions and values, no I/O (PROTOCOL.md)."""
