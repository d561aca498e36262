"""Credentials with a vendor prefix: the format alone identifies them, so every match is redacted.

Most lowercase prefixes end in ``_`` or ``-`` (``ghp_``, ``glpat-``, ``sk-``). Rather than trying
a dozen prefixes at every letter, those rules jump to each ``_`` or ``-`` and check the prefix with a
fixed-width lookbehind; the others start with a literal of their own (``AKIA``, ``eyJ``, ``SG.``).
Formats follow the vendors' published token layouts; lower bounds leave room for vendors growing
their tokens. Every repeat is bounded too: after a rejected candidate the search resumes one
character later, and an unbounded body would rescan a long run (``sk-sk-sk-...``) at every anchor.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from client_actors.scrub._core import TOKEN_CHARS, Redaction, Rule, disjoint, ends_word, redact, starts_word


@attrs.frozen
class SeparatorFormat:
    """A token ``prefix + body`` whose prefix ends in the rule's anchor character.

    ``prefix`` is a fixed-width regex of ``width`` characters (it runs as a lookbehind).
    ``mixed`` asks for a digit and a letter in the body, for prefixes short enough to occur in prose.
    """

    kind: str
    prefix: str
    width: int
    body: str
    mixed: bool = False


UNDERSCORE_FORMATS = (
    SeparatorFormat("github-token", r"gh[pousr]_", 4, r"[A-Za-z0-9]{30,255}"),
    SeparatorFormat("github-token", r"github_pat_", 11, r"[A-Za-z0-9_]{40,255}"),
    SeparatorFormat(
        "stripe-key", r"[sr]k_(?:live|test)_", 8, r"[A-Za-z0-9]{16,247}"
    ),  # (its pk_ is published)
    SeparatorFormat("stripe-key", r"whsec_", 6, r"[A-Za-z0-9+/=]{24,256}"),
    SeparatorFormat("huggingface-token", r"hf_", 3, r"[A-Za-z0-9]{30,128}"),
    SeparatorFormat("npm-token", r"npm_", 4, r"[A-Za-z0-9]{36,128}"),
    SeparatorFormat("shopify-token", r"shp(?:at|ca|pa|ss)_", 6, r"[a-fA-F0-9]{32}"),
    SeparatorFormat("digitalocean-token", r"do[opr]_v1_", 7, r"[a-f0-9]{64}"),
    SeparatorFormat("linear-api-key", r"lin_api_", 8, r"[A-Za-z0-9]{40,64}"),
    SeparatorFormat("sentry-token", r"sntryu_", 7, r"[a-f0-9]{64}"),
    SeparatorFormat(
        "sentry-token", r"sntrys_", 7, r"[A-Za-z0-9+/=_\-]{60,1024}"
    ),  # (its secret in base64url too)
    # Platforms' and tools' tokens and keys in their published layouts; typed by what they are, not whose.
    SeparatorFormat("token", r"glsa_", 5, r"[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}"),  # Grafana service account
    SeparatorFormat("token", r"glc_", 4, r"[A-Za-z0-9+/=_\-]{32,1024}"),  # Grafana Cloud access policy
    SeparatorFormat("token", r"sbp_", 4, r"[a-f0-9]{40}"),  # Supabase
    SeparatorFormat(
        "api-key", r"sb_secret_", 10, r"[A-Za-z0-9_\-]{20,128}"
    ),  # Supabase (the publishable key stays)
    SeparatorFormat("token", r"nfp_", 4, r"[A-Za-z0-9]{36,64}"),  # Netlify
    SeparatorFormat("api-key", r"rnd_", 4, r"[A-Za-z0-9]{32,64}"),  # Render
    SeparatorFormat("token", r"dckr_[po]at_", 9, r"[A-Za-z0-9_\-]{24,64}"),  # Docker Hub
    SeparatorFormat("api-key", r"rubygems_", 9, r"[a-f0-9]{48}"),
    SeparatorFormat("token", r"sq[upa]_", 4, r"[a-f0-9]{40}"),  # SonarQube and SonarCloud
    SeparatorFormat("token", r"sgp_", 4, r"[A-Za-z0-9_]{40,80}"),  # Sourcegraph
    SeparatorFormat("api-key", r"pnu_", 4, r"[A-Za-z0-9]{36}"),  # Prefect
    SeparatorFormat("api-key", r"lsv2_(?:pt|sk)_", 8, r"[a-f0-9]{32}_[a-f0-9]{10}"),  # LangSmith
    SeparatorFormat("api-key", r"gsk_", 4, r"[A-Za-z0-9]{48,64}"),  # Groq
    SeparatorFormat("api-key", r"r8_", 3, r"[A-Za-z0-9]{37}", mixed=True),  # Replicate
    SeparatorFormat("token", r"pscale_tkn_", 11, r"[A-Za-z0-9_\-]{32,64}"),  # PlanetScale
    SeparatorFormat("password", r"pscale_pw_", 10, r"[A-Za-z0-9_\-]{32,64}"),
    SeparatorFormat("api-key", r"napi_", 5, r"[A-Za-z0-9]{64}"),  # Neon
    SeparatorFormat("token", r"ops_", 4, r"eyJ[A-Za-z0-9_\-]{50,2048}"),  # 1Password service account
    SeparatorFormat("token", r"ntn_", 4, r"[A-Za-z0-9]{40,64}"),  # Notion
    SeparatorFormat("token", r"figd_", 5, r"[A-Za-z0-9_\-]{40,64}"),  # Figma
    SeparatorFormat("api-key", r"shippo_(?:live|test)_", 12, r"[a-f0-9]{40}"),
    SeparatorFormat("api-key", r"aio_", 4, r"[A-Za-z0-9]{28,32}", mixed=True),  # Adafruit IO
    SeparatorFormat("api-key", r"phx_", 4, r"[A-Za-z0-9]{40,64}"),  # PostHog personal (the project key stays)
    SeparatorFormat("token", r"bkua_", 5, r"[a-f0-9]{40}"),  # Buildkite
    SeparatorFormat("api-key", r"pcsk_", 5, r"[A-Za-z0-9_]{40,128}"),  # Pinecone
    SeparatorFormat("api-key", r"fw_", 3, r"[A-Za-z0-9]{24,64}", mixed=True),  # Fireworks
    SeparatorFormat("api-key", r"c[ks]_", 3, r"[a-f0-9]{40}"),  # WooCommerce's consumer key and secret
    SeparatorFormat("api-key", r"jina_", 5, r"[A-Za-z0-9_\-]{40,128}"),
    SeparatorFormat("api-key", r"e2b_", 4, r"[a-f0-9]{40}"),
    SeparatorFormat("token", r"tfp_", 4, r"[A-Za-z0-9_\-.]{40,64}"),  # Typeform
    SeparatorFormat("api-key", r"rdme_", 5, r"[A-Za-z0-9]{60,80}"),  # ReadMe
    SeparatorFormat("token", r"duffel_(?:live|test)_", 12, r"[A-Za-z0-9_\-]{40,64}"),
    SeparatorFormat("api-key", r"hc[ax][im]k_", 6, r"[a-z0-9]{20,64}", mixed=True),  # Honeycomb
    SeparatorFormat("token", r"CCIPAT_", 7, r"[A-Za-z0-9]{22}_[a-f0-9]{40}"),  # CircleCI
    SeparatorFormat("token", r"CLOJARS_", 8, r"[a-f0-9]{60}"),
    SeparatorFormat("api-key", r"esecret_", 8, r"[A-Za-z0-9]{32,64}", mixed=True),  # Anyscale
    SeparatorFormat("huggingface-token", r"api_org_", 8, r"[A-Za-z0-9]{34}", mixed=True),
    SeparatorFormat("token", r"fm[12]_", 4, r"[A-Za-z0-9+/=_\-]{40,4096}"),  # Fly.io
    SeparatorFormat("token", r"fo1_", 4, r"[A-Za-z0-9_\-]{40,128}"),
    SeparatorFormat(
        "api-key", r"sk_", 3, r"[a-f0-9]{48}"
    ),  # ElevenLabs (Stripe's sk_live_ and sk_test_ come first)
    SeparatorFormat(
        "api-key", r"pdl_(?:live|sdbx)_apikey_", 16, r"[a-z0-9]{26}_[A-Za-z0-9]{22}_[A-Za-z0-9]{3}"
    ),
    SeparatorFormat(
        "password", r"AVNS_", 5, r"[A-Za-z0-9_\-]{16,64}", mixed=True
    ),  # a DigitalOcean database's
)
_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
DASH_FORMATS = (
    SeparatorFormat("gitlab-token", r"gl(?:pat|ptt|cbt|imt)-", 6, r"[A-Za-z0-9_\-.]{20,256}"),
    SeparatorFormat("gitlab-token", r"gl(?:dt|rt|ft)-", 5, r"[A-Za-z0-9_\-.]{20,256}"),
    SeparatorFormat("slack-token", r"xox[abposre]-", 5, r"[A-Za-z0-9\-]{10,256}", mixed=True),
    SeparatorFormat("slack-token", r"xapp-", 5, r"[A-Za-z0-9\-]{10,256}", mixed=True),
    # (before "sk-", which ends it: the first format whose prefix matches takes the candidate)
    SeparatorFormat("api-key", r"csk-", 4, r"[A-Za-z0-9]{40,64}", mixed=True),  # Cerebras
    SeparatorFormat("anthropic-api-key", r"sk-ant-", 7, r"[A-Za-z0-9_\-]{32,512}", mixed=True),
    SeparatorFormat("openai-api-key", r"sk-", 3, r"(?!ant-)[A-Za-z0-9_\-]{20,256}", mixed=True),
    SeparatorFormat("xai-api-key", r"xai-", 4, r"[A-Za-z0-9]{32,256}", mixed=True),
    SeparatorFormat("pypi-token", r"pypi-", 5, r"Ag[A-Za-z0-9_\-]{40,512}"),
    SeparatorFormat("postman-api-key", r"PMAK-", 5, r"[a-f0-9]{24}-[a-f0-9]{34}"),
    SeparatorFormat("gitlab-token", r"gl(?:soat|ffct)-", 7, r"[A-Za-z0-9_\-.]{20,256}"),
    SeparatorFormat("gitlab-token", r"glagent-", 8, r"[A-Za-z0-9_\-.]{20,256}"),
    SeparatorFormat("gitlab-token", r"gloas-", 6, r"[A-Za-z0-9_\-.]{20,256}"),
    SeparatorFormat("api-key", r"NRAK-", 5, r"[A-Z0-9]{27}"),  # New Relic user key
    SeparatorFormat("api-key", r"NRII-", 5, r"[A-Za-z0-9_\-]{32}"),  # New Relic insert key
    SeparatorFormat("api-key", r"pplx-", 5, r"[A-Za-z0-9]{48}"),  # Perplexity
    SeparatorFormat("api-key", r"xkeysib-", 8, r"[a-f0-9]{64}-[A-Za-z0-9]{16}"),  # Brevo
    SeparatorFormat("secret", r"secret-", 7, r"[A-Za-z0-9]{40,50}", mixed=True),  # Statsig's server secret
    SeparatorFormat("api-key", r"xsmtpsib-", 9, r"[a-f0-9]{64}-[A-Za-z0-9]{16}"),
    SeparatorFormat("token", r"pul-", 4, r"[a-f0-9]{40}"),  # Pulumi
    SeparatorFormat("api-key", r"tskey-", 6, r"[A-Za-z0-9\-]{20,128}", mixed=True),  # Tailscale
    SeparatorFormat("api-key", r"tvly-", 5, r"[A-Za-z0-9\-]{32,64}", mixed=True),  # Tavily
    SeparatorFormat("api-key", r"fc-", 3, r"[a-f0-9]{32}", mixed=True),  # Firecrawl
    SeparatorFormat("token", r"HRKU-", 5, r"[A-Za-z0-9_\-]{30,128}"),  # Heroku
    SeparatorFormat("token", r"CFPAT-", 6, r"[A-Za-z0-9_\-]{43}"),  # Contentful
    SeparatorFormat("api-key", r"FLWSECK-", 8, r"[a-f0-9]{32}-X"),  # Flutterwave
    SeparatorFormat("api-key", r"FLWSECK_TEST-", 13, r"[a-f0-9]{32}-X"),
    SeparatorFormat("token", r"sq0atp-", 7, r"[A-Za-z0-9_\-]{22}"),  # Square
    SeparatorFormat("api-key", r"sq0csp-", 7, r"[A-Za-z0-9_\-]{43}"),
    SeparatorFormat("secret", r"GOCSPX-", 7, r"[A-Za-z0-9_\-]{28}"),  # a Google OAuth client's secret
    SeparatorFormat("api-key", r"key-", 4, r"[a-f0-9]{32}", mixed=True),  # Mailgun
    SeparatorFormat("api-key", r"(?:api|sdk)-", 4, _UUID),  # LaunchDarkly
    SeparatorFormat("token", r"pat-(?:na|eu)1-", 8, _UUID),  # HubSpot private app
    SeparatorFormat("api-key", r"API-", 4, r"[A-Z0-9]{25,32}", mixed=True),  # Octopus Deploy
)


# For the short prefixes, a body without a digit is rejected in the regex rather than in Python.
_HAS_DIGIT = r"(?=[A-Za-z_\-]{0,255}[0-9])"


_SPECIAL = frozenset("\\.^$*+?{}[]|()")


def prefix_forms(prefix: str) -> tuple[str, ...]:
    """Every string a format's prefix matches. A prefix is literal characters, classes of them and groups of
    literal alternatives (``gh[pousr]_``, ``[spr]k_(?:live|test)_``); the prefilter looks for these strings,
    and the rule's gate for the character each ends its prefix with."""
    forms = [""]
    at = 0
    while at < len(prefix):
        if prefix.startswith("(?:", at):
            end = prefix.index(")", at)
            choices = prefix[at + 3 : end].split("|")
        elif prefix[at] == "[":
            end = prefix.index("]", at)
            choices = list(prefix[at + 1 : end])
            if "-" in choices or "^" in choices:  # a range or a negated class: not a list of characters
                choices = [""]
        else:
            end, choices = at, [prefix[at]]
        if any(not choice or not _SPECIAL.isdisjoint(choice) for choice in choices):
            raise ValueError(f"not a prefix of literals, classes and groups: {prefix!r}")
        forms = [form + choice for form in forms for choice in choices]
        at = end + 1
    return tuple(forms)


def _gate(anchor: str, formats: Sequence[SeparatorFormat], ahead: str) -> str:
    """The cheap lookaround a separator rule tries first: a prefix's character before the anchor, then at least
    8 characters a body may hold (base64's too: a webhook secret's or a Grafana token's first eight may hold a
    "+" or a "/")."""
    before = sorted({form[-2] for fmt in formats for form in prefix_forms(fmt.prefix)})
    return f"(?<=[{re.escape(''.join(before))}]{re.escape(anchor)})(?=[{ahead}]{{8}})"


def separator_rule(name: str, anchor: str, formats: Sequence[SeparatorFormat], gate: str) -> Rule:
    """Build one rule that jumps to each ``anchor`` and tries every format's prefix behind it.

    ``gate`` is a cheap lookaround tried first: most ``_`` and ``-`` in code start no token.
    """
    branches = "|".join(
        f"(?<={fmt.prefix}){_HAS_DIGIT if fmt.mixed else ''}(?P<f{index}>{fmt.body})"
        for index, fmt in enumerate(formats)
    )
    pattern = re.compile(f"{re.escape(anchor)}{gate}(?:{branches})")

    def handle(match: re.Match[str]) -> Redaction | None:
        group = match.lastgroup
        if group is None:
            return None
        fmt = formats[int(group[1:])]
        body = match.group(group)
        start = match.start(group) - fmt.width
        if not starts_word(match.string, start) or _glued(match.string, start):
            return None
        if (fmt.mixed and not _is_mixed(body)) or _filler(body):
            return None
        return redact(start, match.end(), fmt.kind)

    return Rule(name, pattern, handle)


def _glued(text: str, start: int) -> bool:
    """Tell whether a prefix at ``start`` is glued by a "-" or "_" to the letters or digits before it: inside a
    longer run of token characters (base64url, as a JSON Web Key's modulus or a nonce is written), "-sk-" and
    what follows are that run's, no key's."""
    return start >= 2 and text[start - 1] in "-_" and text[start - 2].isalnum()


def _filler(body: str) -> bool:
    """A placeholder in a token's shape (ghp_xxxx..., AKIAXXXX...): one or two characters repeated."""
    return len(set(body)) <= 2


def _is_mixed(body: str) -> bool:
    return any(c.isdigit() for c in body) and any(c.isalpha() for c in body)


def literal_rule(name: str, pattern: str, kinds: dict[str, str], trigger: str | None = None) -> Rule:
    """Build a rule whose named groups ``kinds`` (group -> kind) each match a whole token.

    The token must start a word and end one (token characters include ``-`` and ``_``).
    """
    compiled = re.compile(pattern)

    def handle(match: re.Match[str]) -> Redaction | None:
        group = match.lastgroup
        text = match.string
        if group is None or not starts_word(text, match.start(), TOKEN_CHARS):
            return None
        token = match.group(group)
        if not ends_word(text, match.end(), TOKEN_CHARS) or _filler(token[4:]) or token.endswith("EXAMPLE"):
            return None  # AWS documents its examples as AKIA...EXAMPLE
        return redact(match.start(), match.end(), kinds[group])

    return Rule(name, compiled, handle, trigger)


def secret_part_rule(name: str, pattern: str, kind: str, trigger: str) -> Rule:
    """Build a rule that redacts only the group named ``secret`` (webhook paths, key fields)."""
    compiled = re.compile(pattern)

    def handle(match: re.Match[str]) -> Redaction | None:
        return redact(match.start("secret"), match.end("secret"), kind)

    return Rule(name, compiled, handle, trigger)


AWS_GOOGLE_TWILIO = literal_rule(
    "vendor-A",
    r"A(?:(?P<aws>(?:KIA|SIA|BIA|CCA)[A-Z0-9]{16})|(?P<google>Iza[0-9A-Za-z_\-]{35})"
    r"|(?P<twilio>C[0-9a-f]{32}))",
    {"aws": "aws-access-key", "google": "google-api-key", "twilio": "twilio-key"},
)
SENDGRID_TWILIO = literal_rule(
    "vendor-S",
    r"S(?:(?P<sendgrid>G\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43})|(?P<twilio>K[0-9a-f]{32}))",
    {"sendgrid": "sendgrid-api-key", "twilio": "twilio-key"},
)
JWT = literal_rule(
    "jwt", r"(?P<jwt>eyJ[A-Za-z0-9_\-]{8,2048}(?:\.[A-Za-z0-9_\-]{0,4096}){2,4})", {"jwt": "jwt"}, "eyJ"
)
GOOGLE_OAUTH = literal_rule(
    "google-oauth", r"(?P<oauth>ya29\.[0-9A-Za-z_\-]{20,512})", {"oauth": "google-oauth-token"}, "ya29."
)
# Databricks personal access tokens: dapi and 32 hex digits, with a numeric suffix on some clouds.
DATABRICKS_TOKEN = literal_rule(
    "databricks-token",
    r"(?P<databricks>dapi[a-f0-9]{32}(?:-[0-9]{1,3})?)",
    {"databricks": "databricks-token"},
    "dapi",
)
# Atlassian API tokens: ATATT, then about 180 characters ending in a checksum.
ATLASSIAN_TOKEN = literal_rule(
    "atlassian-token",
    r"(?P<atlassian>ATATT[A-Za-z0-9_\-=]{100,400})",
    {"atlassian": "atlassian-token"},
    "ATATT",
)
# Doppler tokens: dp., the token's type (service, personal, CLI, service account, SCIM, audit), a dot, the body.
DOPPLER_TOKEN = literal_rule(
    "doppler-token",
    r"(?P<doppler>dp\.(?:st|pt|ct|sa|scim|audit)\.[A-Za-z0-9_\-.]{40,256})",
    {"doppler": "doppler-token"},
    "dp.",
)
# HashiCorp Vault service, batch and recovery tokens.
VAULT_TOKEN = literal_rule(
    "vault-token", r"(?P<vault>hv[sbr]\.[A-Za-z0-9_\-]{24,512})", {"vault": "token"}, "hv"
)
# AWS STS session tokens: base64 whose first bytes are fixed by their layout, so it opens with "IQoJb3JpZ2luX2Vj"
# (or, before 2019, "FwoGZXIvYXdz"); a long one has no other format a quoted value's length limit would let pass.
# A presigned URL's X-Amz-Security-Token carries it percent-encoded.
AWS_SESSION_TOKEN = literal_rule(
    "aws-session-token",
    r"(?P<sts>(?:IQoJb3JpZ2luX2Vj|FwoGZXIvYXdz)(?:[A-Za-z0-9+/]|%2[BbFf]){100,4096}(?:={0,2}|(?:%3[Dd]){1,2}))",
    {"sts": "token"},
)
# Terraform Cloud's user and team tokens: fourteen characters, ".atlasv1.", then the rest.
TERRAFORM_TOKEN = literal_rule(
    "terraform-token",
    r"(?P<terraform>[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_\-=]{60,90})",
    {"terraform": "token"},
    ".atlasv1.",
)
# Dynatrace's API and platform tokens: dt0c01 (or dt0s01...), a public id of 24 and a secret of 64.
DYNATRACE_TOKEN = literal_rule(
    "dynatrace-token",
    r"(?P<dynatrace>dt0[cs][0-9]{2}\.[A-Z0-9]{24}\.[A-Z0-9]{64})",
    {"dynatrace": "token"},
    "dt0",
)
# NATS nkey seeds (the private half of an operator's, account's, user's, server's, cluster's or curve key): base32 of
# two prefix bytes, the 32-byte seed and a CRC-16, 58 characters that open with "S" and the key type's letter. The
# public keys (56 characters, opening with the type's letter alone) stay.
NATS_SEED = literal_rule("nats-seed", r"(?P<nats>S[OANCUX][A-Z2-7]{56})", {"nats": "private-key"})
# Keys whose prefix is a word of capitals, each with its literals in the engine's table: EasyPost's production
# and test keys, Alibaba Cloud's access key ids, Bitbucket's API tokens, JFrog's API keys and reference tokens
# ("reftkn" in base64), AWS Bedrock's API keys.
CAPITAL_PREFIXED = literal_rule(
    "vendor-capitals",
    r"(?P<easypost>EZ[AT]K[A-Za-z0-9]{54})|(?P<alibaba>LTAI[A-Za-z0-9]{12,20})|(?P<bitbucket>ATBB[A-Za-z0-9_\-=.]{28,64})"
    r"|(?P<jfrog>AKCp[A-Za-z0-9]{69}|cmVmdGtu[A-Za-z0-9]{56,80})|(?P<bedrock>ABSK[A-Za-z0-9+/]{100,400}={0,2})",
    {
        "easypost": "api-key",
        "alibaba": "api-key",
        "bitbucket": "token",
        "jfrog": "api-key",
        "bedrock": "api-key",
    },
)
# Mapbox's secret tokens (sk.eyJ...: its public ones, pk.eyJ..., stay); Braintree's and PayPal's access tokens;
# Dropbox's short-lived tokens.
DOTTED_PREFIXED = literal_rule(
    "vendor-dotted",
    r"(?P<mapbox>sk\.eyJ[A-Za-z0-9_\-]{20,512}\.[A-Za-z0-9_\-]{20,64})"
    r"|(?P<braintree>access_token\$(?:production|sandbox)\$[a-z0-9]{16}\$[a-f0-9]{32})"
    r"|(?P<dropbox>sl\.[A-Za-z0-9_\-]{130,1400})",
    {"mapbox": "token", "braintree": "token", "dropbox": "token"},
)
# Mailchimp's API keys: 32 hex digits, "-us" and the data centre's number.
MAILCHIMP_KEY = literal_rule(
    "mailchimp-key", r"(?P<mailchimp>[a-f0-9]{32}-us[0-9]{1,2})", {"mailchimp": "api-key"}, "-us"
)
# Firebase Cloud Messaging's legacy server keys: "AAAA" and seven more characters (the project's), ":APA91b" and the
# key's 134. A device's registration token has the same tail after a longer id of its own, and is not a secret.
FCM_SERVER_KEY = literal_rule(
    "fcm-server-key",
    r"(?P<fcm>AAAA[A-Za-z0-9_\-]{7}:APA91b[A-Za-z0-9_\-]{120,160})",
    {"fcm": "api-key"},
    ":APA91b",
)
# Plaid's access tokens (and the public tokens exchanged for them): their kind, the environment, a UUID.
PLAID_TOKEN = literal_rule(
    "plaid-token",
    r"(?P<plaid>(?:access|public)-(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}"
    r"-[0-9a-f]{12})",
    {"plaid": "token"},
)
# Login with Amazon's client secrets (the Selling Partner API's apps): `amzn1.oa2-cs.v1.` and 64 hex digits. eBay's
# Cert IDs (an app's client secret): its environment (PRD, SBX), 12 hex digits and four groups of four.
AMAZON_EBAY_SECRET = literal_rule(
    "amazon-ebay-secret",
    r"(?P<lwa>amzn1\.oa2-cs\.v1\.[0-9a-f]{64})|(?P<ebay>(?:PRD|SBX)-[0-9a-f]{12}(?:-[0-9a-f]{4}){4})",
    {"lwa": "secret", "ebay": "secret"},
)
# The Things Network's (The Things Stack's) API keys: "NNSXS.", the key's id and its secret, in base32.
TTN_API_KEY = literal_rule(
    "ttn-api-key", r"(?P<ttn>NNSXS\.[A-Z2-7]{39}\.[A-Z2-7]{52})", {"ttn": "api-key"}, "NNSXS."
)
# Telegram bot tokens: the bot's numeric id, ":AA" and about 33 more characters; often inside an API URL
# (https://api.telegram.org/bot<token>/sendMessage), glued to "bot".
TELEGRAM_BOT = Rule(
    "telegram-bot",
    re.compile(r"(?:(?<=/bot)|(?<![0-9A-Za-z_\-]))[0-9]{6,12}:AA[A-Za-z0-9_\-]{30,40}(?![A-Za-z0-9_\-])"),
    lambda m: redact(m.start(), m.end(), "token"),
    ":AA",
)
# Webhook URLs whose path holds the credential: Microsoft Teams (Office 365 connectors), Zapier, Feishu/Lark.
TEAMS_WEBHOOK = secret_part_rule(
    "teams-webhook",
    r"IncomingWebhook/(?P<secret>[0-9A-Za-z]{16,64})(?![0-9A-Za-z])",
    "token",
    "IncomingWebhook/",
)
ZAPIER_WEBHOOK = secret_part_rule(
    "zapier-webhook",
    r"hooks\.zapier\.com/hooks/catch/[0-9]{1,12}/(?P<secret>[A-Za-z0-9]{4,32})(?![A-Za-z0-9])",
    "token",
    "hooks.zapier.com",
)
FEISHU_WEBHOOK = secret_part_rule(
    "feishu-webhook",
    r"/bot/v2/hook/(?P<secret>[A-Za-z0-9\-]{16,64})(?![A-Za-z0-9\-])",
    "token",
    "/bot/v2/hook/",
)
# Keys in a webhook's path: IFTTT's maker key (/with/key/KEY), PagerDuty's integration key (/integration/KEY/enqueue).
IFTTT_WEBHOOK = secret_part_rule(
    "ifttt-webhook",
    r"/with/key/(?P<secret>(?:[A-Za-z0-9_\-]|%[0-9A-Fa-f]{2}){16,128})",
    "token",
    "/with/key/",
)
PAGERDUTY_WEBHOOK = secret_part_rule(
    "pagerduty-webhook",
    r"/integration/(?P<secret>[A-Za-z0-9]{16,64})/enqueue",
    "token",
    "/integration/",
)
# A Discord bot token is base64(user id) "." timestamp "." HMAC. The first dot is the anchor; the
# user-id part behind it is 24 to 26 characters starting with M, N or O.
_DISCORD_BOT = re.compile(
    r"\.(?=[A-Za-z0-9_\-]{6}\.[A-Za-z0-9_\-]{27})"
    r"(?:(?<=[MNO][A-Za-z0-9_\-]{23}\.)|(?<=[MNO][A-Za-z0-9_\-]{24}\.)|(?<=[MNO][A-Za-z0-9_\-]{25}\.))"
    r"[A-Za-z0-9_\-]{6}\.[A-Za-z0-9_\-]{27,38}(?![A-Za-z0-9_\-])"
)


def _handle_discord_bot(match: re.Match[str]) -> Redaction | None:
    text = match.string
    for width in (24, 25, 26):
        start = match.start() - width
        if start >= 0 and text[start] in "MNO" and starts_word(text, start, TOKEN_CHARS):
            return redact(start, match.end(), "discord-token")
    return None


DISCORD_BOT = Rule("discord-bot", _DISCORD_BOT, _handle_discord_bot)
SLACK_WEBHOOK = secret_part_rule(
    "slack-webhook",
    # percent-encoded characters too: a URL copied from a settings page or a log has its "/" as %2F
    r"hooks\.slack\.com/(?:services|workflows|triggers)/(?P<secret>(?:[A-Za-z0-9_/\-]|%[0-9A-Fa-f]{2}){20,256})",
    "slack-webhook",
    "hooks.slack.com",
)
DISCORD_WEBHOOK = secret_part_rule(
    "discord-webhook",
    r"discord(?:app)?\.com/api/webhooks/[0-9]{5,24}/(?P<secret>(?:[A-Za-z0-9_\-]|%[0-9A-Fa-f]{2}){16,128})",
    "discord-webhook",
    "/api/webhooks/",
)
AZURE_KEY = secret_part_rule(
    "azure-storage-key",
    r"Key=(?:(?<=AccountKey=)|(?<=SharedAccessKey=))(?P<secret>[A-Za-z0-9+/]{20,256}={0,2})",
    "azure-storage-key",
    "Key=",
)
# SAS tokens are URL query strings; only the signature is secret, the rest says what it grants. The "&" before it
# may be written as JSON's \u0026 (Go and .NET escape it) or HTML's &amp;.
AZURE_SAS = secret_part_rule(
    "azure-sas",
    r"sig=(?:(?<=[?&;]sig=)|(?<=\\u0026sig=))(?P<secret>(?:[A-Za-z0-9+/=_\-]|%[0-9A-Fa-f]{2}){16,256})",
    "azure-sas-signature",
    "sig=",
)

# A storage account key is 64 random bytes in base64: 86 characters and "==". Alone it is no different from a
# SHA-512 digest (npm's integrity strings), so it is taken where `az storage account keys list` (or `renew`) prints
# it: after the key's permissions (FULL or READ) in its JSON, YAML, table or TSV output, or on a line of its own
# in the output of a command that lists keys (`--query "[0].value" -o tsv`).
_STORAGE_KEY = re.compile(r"==(?<=[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])")
_PERMISSION_BEFORE = re.compile(
    r"(?:FULL|Full|READ|Read)(?:[\\\"',\s]|\\[nrt]){1,16}(?:value\\?\"?[ \t]*:[ \t]*\\?\"?)?\Z"
)
_KEY_LINE_BEFORE = re.compile(r"(?:\n|\\n|\A)[ \t]*\\?\"?\Z")
_B64_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
_KEY_CHARS = _B64_CHARS | {"_", "-", "="}


def _key_starts(text: str, start: int) -> bool:
    """Whether a base64 key may start at ``start``: no key character before it, but for a JSON escape's letter
    (``\\n``) or a diff's sign at the start of a line."""
    before = text[start - 1 : start]
    if not before or before not in _KEY_CHARS:
        return True
    if before in "nrt" and text[start - 2 : start - 1] == "\\":
        return True
    return before in "+-" and text[start - 2 : start - 1] in ("", "\n")


def _handle_storage_key(match: re.Match[str]) -> Redaction | None:
    text, start = match.string, match.end() - 88
    if not _key_starts(text, start):
        return None
    permission = _PERMISSION_BEFORE.search(text, max(0, start - 48), start)
    # (one blank after the word is prose: "Read <key>"; the listings put quotes, tabs or a column's blanks there)
    if (permission is not None and text[permission.start() + 4 : start] != " ") or (
        text.find("keys list", max(0, start - 400), start) >= 0
        and _KEY_LINE_BEFORE.search(text, max(0, start - 8), start) is not None
    ):
        return redact(start, match.end(), "azure-storage-key")
    return None


AZURE_LISTED_KEY = Rule("azure-listed-key", _STORAGE_KEY, _handle_storage_key)

# Microsoft Entra ID (Azure AD) client secrets: 40 characters, three, a digit, "Q~", and 34 more.
_SECRET_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_~.-")


def _handle_client_secret(match: re.Match[str]) -> Redaction | None:
    start = match.start() - 5  # three characters, the digit and "Q" before the "~"
    if start > 0 and match.string[start - 1] in _SECRET_CHARS:
        return None
    return redact(start, match.end(), "secret")


AZURE_CLIENT_SECRET = Rule(
    "azure-client-secret",
    re.compile(r"~(?<=[A-Za-z0-9_~.\-]{3}[0-9]Q~)[A-Za-z0-9_~.\-]{34}(?![A-Za-z0-9_~.\-])"),
    _handle_client_secret,
    "Q~",
)

# `az functionapp keys list` names its keys freely ("default", a client's name) inside "functionKeys" and
# "systemKeys": every value there is a key.
_FUNCTION_KEYS = re.compile(r"(?:unction|ystem)Keys\\?\"[ \t]*:[ \t]*\{(?P<body>[^{}]{1,4096})\}")
_QUOTED_VALUE = re.compile(r":[ \t]*\\?\"(?P<value>[A-Za-z0-9_\-+/=]{20,256})\\?\"")


def find_function_keys(text: str) -> list[Redaction]:
    """Return the redactions of the keys in an Azure Functions key listing."""
    found: list[Redaction] = []
    for match in _FUNCTION_KEYS.finditer(text):
        for value in _QUOTED_VALUE.finditer(text, match.start("body"), match.end("body")):
            found.append(redact(value.start("value"), value.end("value"), "api-key"))
    return found


# What `az keyvault secret show` prints is a secret's value: "value" in the object whose "id" is the secret's URL, or
# the line after the command when it asks for the value alone (`--query value -o tsv`).
_VAULT_SECRET_ID = re.compile(r"\.vault\.azure\.(?:net|cn|us)/secrets/")
_VAULT_VALUE = re.compile(r"\\?\"value\\?\"[ \t]*:[ \t]*\\?\"(?P<value>[^\"\\\n]{1,4096})\\?\"")
_VALUE_QUERY = re.compile(
    r"keyvault[ \t]+secret[ \t]+show[^\n]{0,400}--query[ \t=]+[\"']?value[\"']?[^\n]{0,200}"
    r"(?:\r?\n|\\r\\n|\\n)\\?\"?(?P<value>[^\s\"\\]{1,4096})\\?\"?(?=\r?\n|\\[rn]|$)"
)


def find_vault_secrets(text: str) -> list[Redaction]:
    """Return the redactions of the secret values that Azure Key Vault's CLI printed in ``text``."""
    found: list[Redaction] = []
    for secret_id in _VAULT_SECRET_ID.finditer(text):
        following_id = text.find('"id"', secret_id.end(), secret_id.end() + 4096)
        end = following_id if following_id >= 0 else min(len(text), secret_id.end() + 4096)
        value = _VAULT_VALUE.search(text, secret_id.end(), end)
        if value is not None and not value.group("value").startswith("[REDACTED:"):
            found.append(redact(value.start("value"), value.end("value"), "secret"))
    for query in _VALUE_QUERY.finditer(text):
        if not query.group("value").startswith("[REDACTED:"):
            found.append(redact(query.start("value"), query.end("value"), "secret"))
    return disjoint(found)


@attrs.frozen
class IdentifiableKey:
    """An Azure key that names its service: a signature of four or five characters at a fixed place, in a key of
    fixed length."""

    signature: str
    before: int  # characters before the signature
    after: str  # a regex of what follows it, padding included
    alphabet: str  # a regex class of the key's characters
    kind: str


_BASE64 = "[A-Za-z0-9+/]"
IDENTIFIABLE_KEYS = (
    IdentifiableKey("+ASt", 76, _BASE64 + "{5}[AQgw]==", _BASE64, "azure-storage-key"),  # Storage
    IdentifiableKey("ACDb", 76, _BASE64 + "{5}[AQgw]==", _BASE64, "azure-storage-key"),  # Cosmos DB
    IdentifiableKey("+ABa", 76, _BASE64 + "{5}[AQgw]==", _BASE64, "azure-storage-key"),  # Batch
    IdentifiableKey("APIM", 76, _BASE64 + "{5}[AQgw]==", _BASE64, "api-key"),  # API Management
    IdentifiableKey(
        "+ASb", 33, _BASE64 + "{5}[AEIMQUYcgkosw048]=", _BASE64, "azure-storage-key"
    ),  # Service Bus
    IdentifiableKey(
        "+AEh", 33, _BASE64 + "{5}[AEIMQUYcgkosw048]=", _BASE64, "azure-storage-key"
    ),  # Event Hubs
    IdentifiableKey("+ARm", 33, _BASE64 + "{5}[AEIMQUYcgkosw048]=", _BASE64, "azure-storage-key"),  # Relay
    IdentifiableKey("AIoT", 33, _BASE64 + "{5}[AEIMQUYcgkosw048]=", _BASE64, "azure-storage-key"),  # IoT Hub
    IdentifiableKey("AzFu", 44, "[A-Za-z0-9_\\-]{5}[AQgw]==", "[A-Za-z0-9_\\-]", "api-key"),  # Functions
    IdentifiableKey("AzSe", 42, "[A-D][A-Za-z0-9]{5}", "[A-Za-z0-9]", "api-key"),  # AI Search
    IdentifiableKey("AzCa", 33, "[A-P][A-Za-z0-9]{5}=", "[A-Za-z0-9]", "api-key"),  # Cache for Redis
    # Common annotated security keys (Azure DevOps personal access tokens among them): 52 characters, the "JQQJ9"
    # signature, a version, a region and a date, 7 more, and base64's padding when given in that form.
    IdentifiableKey(
        "JQQJ9",
        52,
        "[9DH][A-Za-z0-9][A-L][A-Za-z0-9]{16}[A-Za-z][A-Za-z0-9]{7}(?:[A-Za-z0-9]{2}==)?",
        "[A-Za-z0-9]",
        "token",
    ),
)


def _identifiable_rule(key: IdentifiableKey) -> Rule:
    pattern = re.compile(
        re.escape(key.signature)
        + f"(?<={key.alphabet}{{{key.before}}}{re.escape(key.signature)}){key.after}(?![A-Za-z0-9+/=_\\-])"
    )

    def handle(match: re.Match[str]) -> Redaction | None:
        start = match.start() - key.before
        return redact(start, match.end(), key.kind) if _key_starts(match.string, start) else None

    return Rule(f"azure-identifiable-{key.signature.lstrip('+').lower()}", pattern, handle, key.signature)


# What the separator rules cannot match without: a format's prefix (see `_engine`).
SEPARATOR_LITERALS = {
    "vendor-underscore": tuple(form for fmt in UNDERSCORE_FORMATS for form in prefix_forms(fmt.prefix)),
    "vendor-dash": tuple(form for fmt in DASH_FORMATS for form in prefix_forms(fmt.prefix)),
}
VENDOR_RULES = (
    separator_rule(
        "vendor-underscore", "_", UNDERSCORE_FORMATS, _gate("_", UNDERSCORE_FORMATS, r"A-Za-z0-9+/=_\-")
    ),
    separator_rule("vendor-dash", "-", DASH_FORMATS, _gate("-", DASH_FORMATS, r"A-Za-z0-9_\-")),
    AWS_GOOGLE_TWILIO,
    SENDGRID_TWILIO,
    JWT,
    GOOGLE_OAUTH,
    VAULT_TOKEN,
    DATABRICKS_TOKEN,
    ATLASSIAN_TOKEN,
    DOPPLER_TOKEN,
    TERRAFORM_TOKEN,
    AWS_SESSION_TOKEN,
    DYNATRACE_TOKEN,
    NATS_SEED,
    CAPITAL_PREFIXED,
    DOTTED_PREFIXED,
    MAILCHIMP_KEY,
    FCM_SERVER_KEY,
    PLAID_TOKEN,
    AMAZON_EBAY_SECRET,
    TTN_API_KEY,
    DISCORD_BOT,
    IFTTT_WEBHOOK,
    PAGERDUTY_WEBHOOK,
    SLACK_WEBHOOK,
    DISCORD_WEBHOOK,
    TELEGRAM_BOT,
    TEAMS_WEBHOOK,
    ZAPIER_WEBHOOK,
    FEISHU_WEBHOOK,
    AZURE_KEY,
    AZURE_SAS,
    AZURE_LISTED_KEY,
    AZURE_CLIENT_SECRET,
    *(_identifiable_rule(key) for key in IDENTIFIABLE_KEYS),
)
