"""The ordered rule set and `scrub_text`.

Rules run one after another over the text, each on what the previous ones left. The order is the
priority: home paths, then specific formats (a GitHub token inside ``GITHUB_TOKEN=...`` is typed
as a GitHub token, not as a generic token), then context rules, then personal data. No pass may
touch a ``[REDACTED:...]`` token already in the text, which keeps scrubbing idempotent.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import partial

from client_actors.scrub._assign import find_assignments
from client_actors.scrub._cli import CLI_RULES
from client_actors.scrub._context import CONTEXT_RULES, PRIVATE_KEY, find_cookies
from client_actors.scrub._core import Redaction, Rule, find_redactions, outside_tokens, splice
from client_actors.scrub._digits import find_digit_shapes
from client_actors.scrub._home import find_home_paths
from client_actors.scrub._k8s import find_k8s_secrets
from client_actors.scrub._network import NETWORK_RULES
from client_actors.scrub._personal import PERSONAL_RULES
from client_actors.scrub._result import RuleCounts, ScrubResult
from client_actors.scrub._vendor import VENDOR_RULES

# Bump on any change that alters output, so stored envelopes say which rules scrubbed them.
RULESET_VERSION = "2026.12.1"

# A pass finds the redactions of one rule or family in the current text, ordered and disjoint.
Finder = Callable[[str], list[Redaction]]


def _finders(rules: tuple[Rule, ...]) -> tuple[Finder, ...]:
    return tuple(partial(find_redactions, rule) for rule in rules)


# Home paths go first: their "~" is the one replacement that is not a token, and every later rule
# must see it on the first scrub exactly as it will on the second.
PASSES: tuple[Finder, ...] = (
    find_home_paths,
    *_finders((PRIVATE_KEY, *VENDOR_RULES, *CONTEXT_RULES, *CLI_RULES)),
    find_cookies,
    find_k8s_secrets,
    find_assignments,
    *_finders((*PERSONAL_RULES, *NETWORK_RULES)),
    find_digit_shapes,
)

# Every kind a redaction can carry: the X in [REDACTED:X], and the keys of RuleCounts.
REDACTION_KINDS = frozenset(
    {
        "private-key", "aws-access-key", "aws-secret-key", "google-api-key", "google-oauth-token",
        "azure-storage-key", "azure-sas-signature", "github-token", "gitlab-token", "slack-token",
        "slack-webhook", "discord-token", "discord-webhook", "stripe-key", "openai-api-key",
        "anthropic-api-key", "xai-api-key", "huggingface-token", "npm-token", "pypi-token",
        "sendgrid-api-key", "twilio-key", "shopify-token", "digitalocean-token", "jwt",
        "url-credentials", "authorization", "cookie", "password", "secret", "token", "api-key",
        "credential", "signature", "key", "email", "phone", "credit-card", "ssn", "ipv4",
        "ipv6", "home-path", "username",
    }
)  # fmt: skip


# Every rule needs one of these characters (digits for numbers and addresses, punctuation for
# tokens, paths, mail and assignments, A and S for AWS, Google, Twilio and SendGrid keys); most
# short strings of prose or plain commands contain none and skip the passes altogether.
_ANY_RULE_CHAR = re.compile(r"[0-9@:/\\=_.>+\-AS]")
_NOTHING = RuleCounts()


def scrub_text(text: str) -> ScrubResult:
    """Return ``text`` with secrets and personal data replaced, and counts by kind.

    Pure and total: any ``str`` is accepted (including lone surrogates), nothing is raised, and
    ``scrub_text(scrub_text(x).text).text == scrub_text(x).text``.
    """
    if _ANY_RULE_CHAR.search(text) is None:
        return ScrubResult(text, _NOTHING)
    counts: Counter[str] = Counter()
    for find in PASSES:
        found = outside_tokens(text, find(text))
        if found:
            counts.update(item.kind for item in found)
            text = splice(text, found)
    return ScrubResult(text, RuleCounts.from_mapping(counts))
