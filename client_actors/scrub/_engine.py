"""The ordered rule set and `scrub_text`.

Rules run one after another over the text, each on what the previous ones left. The order is the
priority: home paths, then specific formats (a GitHub token inside ``GITHUB_TOKEN=...`` is typed
as a GitHub token, not as a generic token), then context rules, then personal data. No pass may
touch a ``[REDACTED:...]`` token already in the text, which keeps scrubbing idempotent.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
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


# On a short text, a pass runs only when the text holds one of its literals: each is something every
# redaction of the pass contains (a rule's anchor), so skipping is exact, and most passes are skipped for
# far less than their call costs. On a long text a substring test costs about what the pass's own
# literal-anchored scan does, so every pass just runs.
GATED_BELOW = 2048
Gate = tuple[str, ...] | None
_RULE_GATES: dict[str, tuple[str, ...]] = {
    "vendor-underscore": ("_",),
    "vendor-dash": ("-",),
    "discord-bot": (".",),
    "url-credentials": ("://",),
    "cli-flag": ("--",),
    "cli-short-flag": (" -",),
    "email": ("@",),
    "phone-intl": ("+",),
    "ipv4": (".",),
    "ipv6": (":",),
}


def _rule_passes(rules: tuple[Rule, ...]) -> tuple[tuple[Gate, Finder], ...]:
    return tuple(
        (
            (rule.trigger,) if rule.trigger is not None else _RULE_GATES.get(rule.name),
            partial(find_redactions, rule),
        )
        for rule in rules
    )


# Home paths go first: their "~" is the one replacement that is not a token, and every later rule
# must see it on the first scrub exactly as it will on the second.
PASSES: tuple[tuple[Gate, Finder], ...] = (
    (("sers", "SERS", "/home/"), find_home_paths),
    *_rule_passes((PRIVATE_KEY, *VENDOR_RULES, *CONTEXT_RULES, *CLI_RULES)),
    (("ookie", "-b", "--cookie"), find_cookies),
    (("Secret",), find_k8s_secrets),
    (None, find_assignments),
    *_rule_passes((*PERSONAL_RULES, *NETWORK_RULES)),
    (tuple("0123456789"), find_digit_shapes),
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
    counts: Counter[str] | None = None
    short = len(text) < GATED_BELOW
    for gate, find in PASSES:
        if gate is not None and short:
            for literal in gate:
                if literal in text:
                    break
            else:
                continue
        found = find(text)
        if found:
            found = outside_tokens(text, found)
            if found:
                counts = counts if counts is not None else Counter()
                counts.update(item.kind for item in found)
                text = splice(text, found)
    return ScrubResult(text, _NOTHING if counts is None else RuleCounts.from_mapping(counts))


# Many short texts cost mostly the passes' fixed overhead, so they are scrubbed joined into one. The
# separator is a line of its own holding a control character no rule takes into a match; a batch whose
# scrubbed text does not split back into as many parts (a rule matched across texts) is scrubbed text by
# text instead.
SEPARATOR = "\n\x1e\n"
BATCH_CHARS = 64 * 1024


def scrub_texts(texts: Sequence[str]) -> tuple[list[str], RuleCounts]:
    """Return each of ``texts`` scrubbed, as `scrub_text` would, and the counts of all, scrubbing short
    texts together.

    Texts scrubbed together share context: a home directory's user name found in one is also removed
    where it stands alone in the others of its batch. Nothing is ever redacted less than alone. A text
    with no character any rule needs is left out of the batches: joined to one that has, it would make
    every pass run over it.
    """
    out = list(texts)
    counts: Counter[str] = Counter()
    batch: list[int] = []
    size = 0
    for index, text in enumerate(texts):
        if _ANY_RULE_CHAR.search(text) is None:
            continue
        if "\x1e" in text or len(text) >= BATCH_CHARS:
            _scrub_batch(out, [index], counts)
            continue
        batch.append(index)
        size += len(text)
        if size >= BATCH_CHARS:
            _scrub_batch(out, batch, counts)
            batch, size = [], 0
    _scrub_batch(out, batch, counts)
    return out, RuleCounts.from_mapping(counts)


def _scrub_batch(out: list[str], batch: list[int], counts: Counter[str]) -> None:
    """Scrub the texts of `out` at the indexes in `batch`, in place: joined if the result splits back."""
    if len(batch) > 1:
        joined = scrub_text(SEPARATOR.join(out[index] for index in batch))
        parts = joined.text.split(SEPARATOR)
        if len(parts) == len(batch):
            counts.update(joined.counts.as_dict())
            for index, part in zip(batch, parts, strict=True):
                out[index] = part
            return
    for index in batch:
        result = scrub_text(out[index])
        counts.update(result.counts.as_dict())
        out[index] = result.text
