"""The ordered rule set and `scrub_text`.

Rules run one after another over the text, each on what the previous ones left. The order is the
priority: home paths, then specific formats (a GitHub token inside ``GITHUB_TOKEN=...`` is typed
as a GitHub token, not as a generic token), then context rules, then personal data. No pass may
touch a ``[REDACTED:...]`` token already in the text, which keeps scrubbing idempotent.

Most passes cannot redact anything in a text that lacks their anchor literal, and most texts lack most
anchors: a prefilter (`_gate`) finds every anchor present in one scan, and only the passes it leaves run.
The output is the one every pass run over every text gives (`scrub_every_pass`).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import partial

import attrs
from ahocorasick_rs import BytesAhoCorasick

from client_actors.scrub._assign import (
    ENV_LINE_SECRET,
    KEYWORD_FORMS,
    KEYWORDS,
    find_assignments,
    find_assignments_encoded,
)
from client_actors.scrub._calls import (
    CALL_RULES,
    NTH_SECRET_LITERALS,
    POSITIONAL_LITERALS,
    SDK_LITERALS,
    find_go_maps,
)
from client_actors.scrub._ci import CI_LITERALS, CI_RULES
from client_actors.scrub._cli import CLI_RULES
from client_actors.scrub._cloud_cli import (
    AWS_TEXT_LITERALS,
    CLOUD_CLI_LITERALS,
    CLOUD_CLI_RULES,
    LISTED_KEYS_LITERALS,
    find_aws_text_credentials,
    find_listed_keys,
)
from client_actors.scrub._columns import (
    COLUMN_LITERALS,
    PHONE_KEY_LITERALS,
    find_column_values,
    find_keyed_phones,
)
from client_actors.scrub._context import CONTEXT_RULES, PGPASS_NAMES, WORDPRESS_SALT_LITERALS, find_cookies
from client_actors.scrub._core import Redaction, Rule, find_redactions, outside_tokens, splice, splice_spans
from client_actors.scrub._digits import find_digit_shapes, find_digit_shapes_encoded
from client_actors.scrub._echoes import echoed_values, find_echoes
from client_actors.scrub._gate import Prefilter
from client_actors.scrub._hashes import HASH_LITERALS, PASSWORD_HASH, REVERSIBLE_LITERALS, REVERSIBLE_PASSWORD
from client_actors.scrub._home import PROMPT_LITERALS, find_home_paths, find_homes_in, with_echoes
from client_actors.scrub._k8s import find_k8s_secrets
from client_actors.scrub._key_ids import KEY_FILE_BASE64, KEY_ID_LITERALS, KEY_ID_RULES
from client_actors.scrub._keys import KEY_RULES, MNEMONIC_LITERALS, find_jwk_private
from client_actors.scrub._locals import find_pointed_locals
from client_actors.scrub._mobile import MOBILE_LITERALS, MOBILE_RULES
from client_actors.scrub._network import NETWORK_RULES
from client_actors.scrub._pairs import PAIR_LITERALS, PAIR_RULES
from client_actors.scrub._people import (
    BORDERED_ALSO,
    BORDERED_LITERALS,
    CALENDAR_LITERALS,
    DIRECTORY_LITERALS,
    EXPANDED_LITERALS,
    FORM_FIELD_LITERALS,
    GEDCOM_ALSO,
    GEDCOM_LITERALS,
    HTML_TABLE_LITERALS,
    NAME_PARTS_LITERALS,
    NOTE_LITERALS,
    SCIM_LITERALS,
    SIGNER_LITERALS,
    find_blame_names,
    find_bordered_names,
    find_calendar_names,
    find_directory_names,
    find_expanded_names,
    find_form_field_names,
    find_gedcom_names,
    find_git_identity,
    find_html_table_names,
    find_keyed_names,
    find_keyed_names_encoded,
    find_name_parts,
    find_names_beside_addresses,
    find_note_names,
    find_scim_names,
    find_shortlog_names,
    find_signer_names,
)
from client_actors.scrub._personal import PERSONAL_RULES, TIN_LITERALS
from client_actors.scrub._printed import (
    ANNOUNCED_LITERALS,
    PRINTED_RULES,
    REPL_LITERALS,
    SAVED_LITERALS,
    WIREGUARD_LITERALS,
    find_saved,
)
from client_actors.scrub._printed import LITERALS as PRINTED_LITERALS
from client_actors.scrub._result import RuleCounts, ScrubResult
from client_actors.scrub._rows import (
    ALIGNED_LITERALS,
    CSV_SECRET_LITERALS,
    find_aligned_key_values,
    find_copied,
    find_csv_secrets,
    find_inserted,
    find_printed_tables,
)
from client_actors.scrub._rows import RULE_LITERALS as TABLE_RULE_LITERALS
from client_actors.scrub._shape import WORDS as SHAPE_WORDS
from client_actors.scrub._shape import find_shaped, find_shaped_encoded
from client_actors.scrub._tools import (
    COMPOSER_LITERALS,
    FINDER_LITERALS,
    TOOL_LITERALS,
    TOOL_RULES,
    find_composer_auth,
    find_credential_files,
    find_listed_api_keys,
    find_msf_credentials,
    find_name_value_rows,
    find_named_attribute_values,
    find_otlp_headers,
    find_printf_credentials,
)
from client_actors.scrub._vendor import (
    SEPARATOR_LITERALS,
    VENDOR_RULES,
    find_function_keys,
    find_vault_secrets,
)

# Bump on any change that alters output, so stored envelopes say which rules scrubbed them.
RULESET_VERSION = "2026.12.50"

# A pass finds the redactions of one rule or family in the current text, ordered and disjoint.
Finder = Callable[[str], list[Redaction]]
# The same, given the text's UTF-8 encoding too (passes that scan bytes; the engine encodes each text once).
EncodedFinder = Callable[[str, bytes], list[Redaction]]


@attrs.frozen
class Pass:
    """One pass of the rule set and what a text must hold for it to redact anything there.

    ``literals``: strings one of which every redaction's match contains (a rule's anchor); the prefilter
    finds them all in one scan, at any length of text. ``rule``: the pass is that rule's, and it runs only
    where its regex finds a first candidate (one C call; the candidate is handed on, not searched for
    again). ``encoded``: `find` given the text's UTF-8 encoding as well, which the engine has already made.
    ``also``: strings one of which the text must hold as well, anywhere, for the pass to redact anything (a
    URL's credentials need "@" besides "://"); found in the same scan.
    """

    name: str
    find: Finder
    literals: tuple[str, ...] | None = None
    rule: Rule | None = None
    encoded: EncodedFinder | None = None
    also: tuple[str, ...] | None = None


def _fewest(words: Iterable[str]) -> tuple[str, ...]:
    """``words`` less those that contain another: a text holds one of these iff it holds one of those."""
    unique = set(words)
    return tuple(sorted(w for w in unique if not any(v != w and v in w for v in unique)))


def _forms(words: Iterable[str]) -> tuple[str, ...]:
    """The case forms a keyword is matched in (word, Word, WORD), fewest."""
    return _fewest(form for word in words for form in (word, word.capitalize(), word.upper()))


# The dotted-value rules act on names holding one of these (see _context.py).
_DOTTED_NAMES = _forms(("pass", "pw", "secret", "token"))

_BASE64_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

# What each rule's regex cannot match without (read off the patterns: see each rule's module). A rule not
# listed is gated on its trigger, or runs on every text if it has none. Whoever changes a rule's regex keeps
# its entry true: tests/test_scrub_prefilter.py holds the scrubber to what every pass run ungated gives.
_RULE_LITERALS: dict[str, tuple[str, ...]] = {
    "aws-session-token": ("IQoJb3JpZ2luX2Vj", "FwoGZXIvYXdz"),
    **SEPARATOR_LITERALS,
    "vendor-capitals": ("EZAK", "EZTK", "LTAI", "ATBB", "AKCp", "cmVmdGtu", "ABSK"),
    "nats-seed": tuple(f"S{kind}" for kind in "OANCUX"),
    "vendor-dotted": ("sk.eyJ", "access_token$", "sl."),
    "vendor-A": ("AKIA", "ASIA", "ABIA", "AIza", "AC"),
    "vendor-S": ("SG.", "SK"),
    "plaid-token": ("-sandbox-", "-development-", "-production-"),
    "racf-password": ("PASSWORD(", "PHRASE("),
    "amazon-ebay-secret": ("amzn1.oa2-cs.v1.", "PRD-", "SBX-"),
    "private-key": ("-----BEGIN ", "---- BEGIN "),
    "mnemonic": MNEMONIC_LITERALS,
    "headless-private-key": ("PRIVATE KEY-----", "PRIVATE KEY ----", "PRIVATE KEY BLOCK-----"),
    "embedded-private-key": ("UFJJVkFURSBLRV", "BSSVZBVEUgS0VZ", "QUklWQVRFIEtFW"),
    "der-private-key": ("IBAA", "IBAD", "AgEA", "AgEB", "MHcCAQEE", "MC4CAQAw"),
    "putty-private-key": ("Private-Lines:", "Private-MAC:", "PuTTY-User-Key-File"),
    "azure-storage-key": ("AccountKey=", "SharedAccessKey="),
    "azure-sas": ("?sig=", "&sig=", ";sig=", "u0026sig="),
    "azure-listed-key": tuple(f"{char}==" for char in _BASE64_CHARS),  # the key's "==" after its characters
    "url-credentials": ("://",),
    "url-credentials-encoded": ("%2F%2F", "%2f%2f", "%2F%2f", "%2f%2F"),
    "call-pair": _forms(KEYWORDS),
    "wordpress-salt": WORDPRESS_SALT_LITERALS,
    "go-dsn": ("@tcp(", "@unix("),
    "pgpass-named": PGPASS_NAMES,
    "from-literal": ("--from-literal",),
    "dotted-value": _DOTTED_NAMES,
    "dotted-value-colon": _DOTTED_NAMES,
    "directive": ("SetEnv", "_header", "_param", "RequestHeader"),
    "connection-password": ("password", "Password", "PASSWORD", "pwd", "Pwd", "PWD", "passwd"),
    "env-pair": ("value",),
    "cli-flag": ("--",),
    "cli-short-flag": (" -p", " -u", " -a", " -w", " --user"),
    "aws-secret-after-id": ("REDACTED:aws-access-key",),  # without the brackets, which every token has
    "positional-password": POSITIONAL_LITERALS,
    "sdk-client-key": SDK_LITERALS,
    "nth-argument-secret": NTH_SECRET_LITERALS,
    "printed-value": PRINTED_LITERALS,
    "printed-repl": REPL_LITERALS,
    "printed-wireguard-key": WIREGUARD_LITERALS,
    "printed-announced": ANNOUNCED_LITERALS,
    "ssn-column": ("ssn", "SSN"),
    **TIN_LITERALS,
    "email": ("@",),
    "phone-intl": tuple(f"+{digit}" for digit in range(1, 10)),
    "ipv4-host-name": ("ip-", "ec2-"),
    **KEY_ID_LITERALS,
    **TOOL_LITERALS,
    **CI_LITERALS,
    **MOBILE_LITERALS,
    **CLOUD_CLI_LITERALS,
    **PAIR_LITERALS,
    "password-hash": HASH_LITERALS,
    "reversible-password": REVERSIBLE_LITERALS,
    "env-line-secret": _fewest(word.upper() for word in KEYWORDS),  # its name's keyword, in capitals
}  # fmt: skip


# `user.name` as set or listed (a blank or "=" after it, not code's `user.name)`), git's own variables (the
# pattern's "_NAME" is taken only after them), a config's section, porcelain's author-mail line.
_GIT_IDENTITY_LITERALS = (
    "user.name ", "user.name\t", "user.name=", "user.name\n", "user.name\r", "user.name\\n", "GIT_AUTHOR_NAME",
    "GIT_COMMITTER_NAME", "[user]", "-mail <",
)  # fmt: skip
# Shortlog's count before its tab (written or JSON-escaped), or in its heading's "(12):" at a line's end.
_SHORTLOG_LITERALS = tuple(
    f"{digit}{after}" for digit in range(10) for after in ("\t", "\\t", "):\n", "):\r", "):\\n")
)


# What a text must hold besides a rule's literals (read off the patterns and handlers, kept true as the
# literals are): common literals ("://", a date's month) let many texts in that lack these.
_RULE_ALSO: dict[str, tuple[str, ...]] = {
    "url-credentials": ("@",),
    "url-slashed-password": ("@",),
    "url-credentials-escaped": ("@",),
    # The listing's key permission before the key, or the command that lists keys (see `_handle_storage_key`).
    "azure-listed-key": ("FULL", "Full", "READ", "Read", "keys list"),
    # Sauce Labs named near the key, or Sauce Connect's command (see `_handle_sauce_key`).
    "sauce-key": ("sauce", "Sauce", "SAUCE", "sc run", "sc -u"),
    "hmac-key-id": ("secret_access_key",),
}


def _rule_passes(rules: tuple[Rule, ...]) -> tuple[Pass, ...]:
    return tuple(
        Pass(
            rule.name,
            partial(find_redactions, rule),
            _RULE_LITERALS.get(rule.name, None if rule.trigger is None else (rule.trigger,)),
            rule,
            also=_RULE_ALSO.get(rule.name),
        )
        for rule in rules
    )


# Home paths go first: their "~" is the one replacement that is not a token, and every later rule
# must see it on the first scrub exactly as it will on the second.
PASSES: tuple[Pass, ...] = (
    # A POSIX home is under /home/ or /Users/, a Windows one under Users, users or USERS and a separator; a shell's
    # prompt names its user before ":~" or "]$".
    Pass("home-path", find_home_paths, ("/home/", "sers/", "sers\\", "SERS/", "SERS\\", *PROMPT_LITERALS)),
    *_rule_passes(
        (
            *KEY_RULES,
            KEY_FILE_BASE64,
            *VENDOR_RULES,
            *CONTEXT_RULES,
            ENV_LINE_SECRET,
            *KEY_ID_RULES,
            *CLI_RULES,
            *CALL_RULES,
            *PRINTED_RULES,
            *TOOL_RULES,
            *CI_RULES,
            *MOBILE_RULES,
            *CLOUD_CLI_RULES,
            *PAIR_RULES,
            PASSWORD_HASH,
            REVERSIBLE_PASSWORD,
        )
    ),
    Pass("jwk", find_jwk_private, ("kty",)),
    Pass("cookie", find_cookies, ("ookie", " -b", "\t-b")),
    Pass("function-keys", find_function_keys, ("unctionKeys", "ystemKeys")),
    Pass("vault-secrets", find_vault_secrets, ("/secrets/", "keyvault")),
    Pass("go-map", find_go_maps, ("map[",)),
    Pass("composer-auth", find_composer_auth, COMPOSER_LITERALS),
    Pass("aws-text-credentials", find_aws_text_credentials, AWS_TEXT_LITERALS),
    Pass("listed-keys", find_listed_keys, LISTED_KEYS_LITERALS),
    Pass("printed-saved", find_saved, SAVED_LITERALS),
    Pass("otlp-headers", find_otlp_headers, FINDER_LITERALS["otlp-headers"]),
    Pass("credential-files", find_credential_files, FINDER_LITERALS["credential-files"]),
    Pass("printf-credentials", find_printf_credentials, FINDER_LITERALS["printf-credentials"]),
    Pass("listed-api-keys", find_listed_api_keys, FINDER_LITERALS["listed-api-keys"]),
    Pass("msf-credentials", find_msf_credentials, FINDER_LITERALS["msf-credentials"]),
    Pass("named-attribute-values", find_named_attribute_values, FINDER_LITERALS["named-attribute-values"]),
    Pass("name-value-rows", find_name_value_rows, FINDER_LITERALS["name-value-rows"]),
    Pass("pointed-locals", find_pointed_locals, ("└ ",)),
    Pass("k8s-secret", find_k8s_secrets, ("Secret",)),
    # Rows: what an INSERT's column list or a printed table's header says a value is (see _rows.py).
    Pass("sql-rows", find_inserted, ("nsert", "NSERT")),
    Pass("copied-rows", find_copied, ("FROM stdin",)),
    Pass("printed-tables", find_printed_tables, TABLE_RULE_LITERALS),
    Pass("csv-secrets", find_csv_secrets, CSV_SECRET_LITERALS),
    Pass("aligned-key-values", find_aligned_key_values, ALIGNED_LITERALS),
    Pass("assignment", find_assignments, _fewest(KEYWORD_FORMS), None, find_assignments_encoded),
    # Whatever the syntax: a value whose shape and neighbourhood say it is a credential (see _shape.py).
    Pass("shape", find_shaped, _forms(SHAPE_WORDS), None, find_shaped_encoded),
    *_rule_passes((*PERSONAL_RULES, *NETWORK_RULES)),
    # People's names where the structure says a string is one (see _people.py); after the e-mail rule, whose
    # tokens mark a name-addr as its addresses do.
    Pass("person-name-addr", find_names_beside_addresses, (" <", " ("), also=("@", "[REDACTED:email]")),
    Pass("person-name-git", find_git_identity, _GIT_IDENTITY_LITERALS),
    # A blame line's date holds its month between dashes, a far rarer literal than its "(".
    # A blame line's date holds its month between dashes, a far rarer literal than its "(", and its line number
    # is followed by ")".
    Pass(
        "person-name-blame",
        find_blame_names,
        tuple(f"-{month:02d}-" for month in range(1, 13)),
        also=tuple(f"{digit})" for digit in range(10)),
    ),
    Pass("person-name-shortlog", find_shortlog_names, _SHORTLOG_LITERALS),
    Pass(
        "person-name-keyed",
        find_keyed_names,
        ("name", "Name", "NAME", "older", "OLDER", "uthor", "UTHOR", "ssignee"),
        None,
        find_keyed_names_encoded,
    ),
    Pass("person-name-directory", find_directory_names, DIRECTORY_LITERALS),
    Pass("person-name-expanded", find_expanded_names, EXPANDED_LITERALS),
    Pass("person-name-bordered", find_bordered_names, BORDERED_LITERALS, also=BORDERED_ALSO),
    Pass("person-name-html-table", find_html_table_names, HTML_TABLE_LITERALS),
    Pass("person-name-form-field", find_form_field_names, FORM_FIELD_LITERALS),
    Pass("person-name-parts", find_name_parts, NAME_PARTS_LITERALS),
    Pass("person-name-gedcom", find_gedcom_names, GEDCOM_LITERALS, also=GEDCOM_ALSO),
    Pass("person-name-scim", find_scim_names, SCIM_LITERALS),
    Pass("person-name-calendar", find_calendar_names, CALENDAR_LITERALS),
    Pass("person-name-note", find_note_names, NOTE_LITERALS),
    Pass("person-name-signer", find_signer_names, SIGNER_LITERALS),
    # Phone and social security numbers by the column or key that holds them (see _columns.py).
    Pass("column-values", find_column_values, COLUMN_LITERALS),
    Pass("keyed-phones", find_keyed_phones, PHONE_KEY_LITERALS),
    Pass("digit-shapes", find_digit_shapes, None, None, find_digit_shapes_encoded),
)
# The prefilter's bits: one a pass, then one for each pass's `also` (its "second" bit).
_ALSO = tuple(index for index, item in enumerate(PASSES) if item.also)
PREFILTER = Prefilter([*(item.literals for item in PASSES), *(PASSES[index].also for index in _ALSO)])
_SECOND = len(PASSES)  # where the second bits start
# By the second bits found (shifted down), the passes' bits to keep: all but those whose `also` is missing.
_KEPT = tuple(
    (1 << _SECOND) - 1 - sum(1 << index for bit, index in enumerate(_ALSO) if not found >> bit & 1)
    for found in range(1 << len(_ALSO))
)
_UNGATED = sum(1 << index for index, item in enumerate(PASSES) if item.literals is None)
# The passes' parts by index, for the loop in `_run_passes`.
_RULES = tuple(None if item.rule is None else (item.rule, item.rule.pattern.search) for item in PASSES)
_ENCODED = tuple(item.encoded for item in PASSES)

# Every kind a redaction can carry: the X in [REDACTED:X], and the keys of RuleCounts.
REDACTION_KINDS = frozenset(
    {
        "private-key", "aws-access-key", "aws-secret-key", "google-api-key", "google-oauth-token",
        "azure-storage-key", "azure-sas-signature", "github-token", "gitlab-token", "slack-token",
        "slack-webhook", "discord-token", "discord-webhook", "stripe-key", "openai-api-key",
        "anthropic-api-key", "xai-api-key", "huggingface-token", "npm-token", "pypi-token",
        "sendgrid-api-key", "twilio-key", "shopify-token", "digitalocean-token", "jwt", "linear-api-key",
        "sentry-token", "postman-api-key", "databricks-token", "atlassian-token", "doppler-token",
        "url-credentials", "authorization", "cookie", "password", "secret", "token", "api-key",
        "credential", "signature", "key", "email", "phone", "credit-card", "iban", "ssn", "ipv4",
        "ipv6", "home-path", "username", "person-name",
    }
)  # fmt: skip


# Every rule needs a character other than a blank or an ASCII letter (digits for numbers, addresses and IBANs,
# punctuation for tokens, paths, mail, assignments and here-strings, a symbol or a non-ASCII letter in a
# password written after its name: `secret B{`), or an A or S (AWS, Google, Twilio and SendGrid keys);
# short strings of plain words skip the passes altogether.
_ANY_RULE_CHAR = re.compile(r"[^B-RT-Za-z\s]")
_NOTHING = RuleCounts()


def scrub_text(text: str) -> ScrubResult:
    """Return ``text`` with secrets and personal data replaced, and counts by kind.

    Pure and total: any ``str`` is accepted (including lone surrogates), nothing is raised, and
    ``scrub_text(scrub_text(x).text).text == scrub_text(x).text``.
    """
    if _ANY_RULE_CHAR.search(text) is None:
        return ScrubResult(text, _NOTHING)
    counts: dict[str, int] = {}
    raw = text.encode("utf-8", "surrogatepass")
    text = _run_passes(text, counts, raw, PREFILTER.mask_bytes(raw))
    return ScrubResult(text, RuleCounts.from_mapping(counts) if counts else _NOTHING)


# Rounds of the passes a text gets at most: each after the first runs over what the echoes of the one before left
# (`_echoes`), and finds nothing new in all but rare texts.
_ROUNDS = 4


def _run_passes(
    text: str,
    counts: dict[str, int],
    raw: bytes | None,
    found_in: int,
    home: list[Redaction] | None = None,
    rounds: int = _ROUNDS,
) -> str:
    """Run the passes the prefilter leaves over ``text``, in order; return the text and add to ``counts``.

    ``raw``: the UTF-8 encoding of ``text``, for the passes that scan bytes; ``found_in``: its prefilter
    mask. The passes to run are the set bits of one integer, visited lowest first. The prefilter's bits are
    kept true of the current text: after a pass changes it, what the replacements brought in is added (a
    token such as ``[REDACTED:aws-access-key]`` is another rule's literal). ``home``: what the home-path pass
    finds, when the caller has found it already (`scrub_texts`, with user names from other texts). Then the
    echoes of what the passes took go (`_echoes`), and the passes run again over what they leave.
    """
    removed: list[tuple[str, str]] | None = None
    pending = found_in & _KEPT[found_in >> _SECOND] | _UNGATED
    if home is not None:  # the pass is done: only what it found is left to apply
        pending = pending | 1 if home else pending & ~1
    while pending:
        low = pending & -pending
        pending ^= low
        index = low.bit_length() - 1
        rule = _RULES[index]
        if rule is not None:
            first = rule[1](text)  # the rule's regex: its first candidate
            if first is None:
                continue
            found = find_redactions(rule[0], text, first)
        elif low == 1 and home is not None:
            found = home
        else:
            encoded = _ENCODED[index]
            if encoded is None:
                found = PASSES[index].find(text)
            else:
                if raw is None:
                    raw = text.encode("utf-8", "surrogatepass")
                found = encoded(text, raw)
        if found:
            found = outside_tokens(text, found)
            if found:
                for item in found:
                    counts[item.kind] = counts.get(item.kind, 0) + 1
                values = echoed_values(text, found)
                if values:
                    removed = values if removed is None else removed + values
                text, spans = splice_spans(text, found)
                raw = None
                # Later passes only: those whose literals the text held or now holds, the second ones too.
                found_in |= PREFILTER.mask_around(text, spans)
                pending = (found_in & _KEPT[found_in >> _SECOND] | _UNGATED) & -(low << 1)
    if removed is not None and rounds > 1:
        echoes = outside_tokens(text, find_echoes(text, removed))
        if echoes:
            for item in echoes:
                counts[item.kind] = counts.get(item.kind, 0) + 1
            text = splice(text, echoes)
            raw = text.encode("utf-8", "surrogatepass")
            return _run_passes(text, counts, raw, PREFILTER.mask_bytes(raw), rounds=rounds - 1)
    return text


def scrub_every_pass(text: str) -> ScrubResult:
    """`scrub_text` without the prefilter or any gate: every pass runs over every text.

    Slow; it is what `scrub_text` must give exactly, and the tests hold it to that.
    """
    counts: Counter[str] = Counter()
    for rounds in range(_ROUNDS, 0, -1):
        removed: list[tuple[str, str]] = []
        for step in PASSES:
            found = step.find(text)
            if found:
                found = outside_tokens(text, found)
                if found:
                    counts.update(item.kind for item in found)
                    removed += echoed_values(text, found)
                    text = splice(text, found)
        echoes = outside_tokens(text, find_echoes(text, removed)) if removed and rounds > 1 else []
        if not echoes:
            break
        counts.update(item.kind for item in echoes)
        text = splice(text, echoes)
    return ScrubResult(text, RuleCounts.from_mapping(counts))


def _holding_names(texts: Sequence[str], names: set[str]) -> list[bool]:
    """Which of ``texts`` hold one of ``names`` (as a substring): one automaton scan over all of them, or
    substring tests when there are few."""
    if len(names) * len(texts) <= 64:  # building an automaton costs more than a few substring tests
        return [any(name in text for name in names) for text in texts]
    ends: list[int] = []  # where each text ends in the joined bytes
    raws = [text.encode("utf-8", "surrogatepass") for text in texts]
    offset = 0
    for raw in raws:
        offset += len(raw) + 1
        ends.append(offset)
    automaton = BytesAhoCorasick([name.encode("utf-8", "surrogatepass") for name in names])
    holding = [False] * len(texts)
    for _, start, _ in automaton.find_matches_as_indexes(b"\x00".join(raws)):  # no name holds NUL
        holding[bisect.bisect_right(ends, start)] = True
    return holding


def scrub_texts(texts: Sequence[str]) -> tuple[list[str], RuleCounts]:
    """Return each of ``texts`` scrubbed, as `scrub_text` would, and the counts of all.

    Texts scrubbed together share one piece of context: a home directory's user name found in one is also
    removed where it stands alone in the others (a step's tool arguments name ``/home/alice``, its output
    lists files owned by alice). Otherwise each text is scrubbed on its own: the prefilter makes a text
    cost the passes it needs, so joining texts to share the passes' fixed cost no longer pays.
    """
    counts: dict[str, int] = {}
    return scrub_texts_into(texts, counts), RuleCounts.from_mapping(counts)


def scrub_texts_into(texts: Sequence[str], counts: dict[str, int]) -> list[str]:
    """`scrub_texts`, adding the counts to ``counts``."""
    if len(texts) == 1:  # most calls (the capture pipeline's): what follows, with one text
        text = texts[0]
        if _ANY_RULE_CHAR.search(text) is None:
            return [text]
        encoded = text.encode("utf-8", "surrogatepass")
        mask = PREFILTER.mask_bytes(encoded)
        if not mask & 1:
            return [_run_passes(text, counts, encoded, mask, _NO_HOMES)]
        found, users = find_homes_in(text)  # the text holds each user name: its home paths do
        return [_run_passes(text, counts, encoded, mask, with_echoes(text, found, users) if users else found)]
    # A text with none of the rules' characters is left as it is; a home path holds "/" or ":", one of them.
    # One loop, not a comprehension per step: most calls (the capture pipeline's) bring one or two texts.
    raws: list[bytes | None] = []
    masks: list[int] = []
    homes: list[list[Redaction]] = []
    names: set[str] = set()
    for text in texts:
        if _ANY_RULE_CHAR.search(text) is None:
            raws.append(None)
            masks.append(0)
            homes.append(_NO_HOMES)
            continue
        encoded = text.encode("utf-8", "surrogatepass")
        mask = PREFILTER.mask_bytes(encoded)
        raws.append(encoded)
        masks.append(mask)
        if mask & 1:  # the home-path pass's literals
            found, users = find_homes_in(text)
            homes.append(found)
            names |= users
        else:
            homes.append(_NO_HOMES)
    if not names:
        return [
            text if raw is None else _run_passes(text, counts, raw, mask, found)
            for text, raw, mask, found in zip(texts, raws, masks, homes, strict=True)
        ]
    holding = _holding_names(texts, names)
    out: list[str] = []
    for text, raw, mask, found, holds in zip(texts, raws, masks, homes, holding, strict=True):
        if holds:  # its own home paths' users among the names
            if raw is None:
                raw = text.encode("utf-8", "surrogatepass")
                mask = PREFILTER.mask_bytes(raw)
            out.append(_run_passes(text, counts, raw, mask, with_echoes(text, found, names)))
        elif raw is not None:
            out.append(_run_passes(text, counts, raw, mask, found))
        else:
            out.append(text)
    return out


_NO_HOMES: list[Redaction] = []  # shared: no pass changes the list it is given
