"""The scrubber: removes secrets and personal data from everything that leaves the machine.

Pure (no I/O, no clock): `scrub_text` for text, `scrub_value` for JSON-like tool arguments.
Redactions are typed, stable tokens such as ``[REDACTED:github-token]``; home directories become
``~``. `RULESET_VERSION` names the rule set, for the envelope metadata.
"""

from client_actors.scrub._engine import REDACTION_KINDS, RULESET_VERSION, scrub_text
from client_actors.scrub._result import RuleCounts, ScrubResult
from client_actors.scrub._walk import JsonValue, scrub_value

__all__ = [
    "REDACTION_KINDS",
    "RULESET_VERSION",
    "JsonValue",
    "RuleCounts",
    "ScrubResult",
    "scrub_text",
    "scrub_value",
]
