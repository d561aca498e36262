"""A second held-back labelled corpus for the secret scrubber (issue 13), written blind, only ever measured.

Written from the public descriptions of the formats (the HTTP, cookie and URL RFCs; the vendors'
documented token shapes; the Kubernetes, Google Cloud, Azure and AWS reference pages) without
reference to the scrubber's rules or to the project's other corpora. It is only ever measured,
never tuned against: a rule written because of something seen here would make its figures
meaningless, so `measure_held_back` returns aggregate figures only and never the misses.

Every value is generated at run time from a seeded `random.Random`; the file holds no credential
literal (vendor prefixes are spelt in two pieces). Each `Instance` is one document of a kind coding
agents print or read (shell sessions, tool results, agent transcripts as JSON lines with escaped
strings, config files, diffs, CI logs, HTTP traces, source code, stack traces, database and cloud
CLI sessions) with the exact spans of the secrets it holds and of text beside them that must come
through unchanged. Per class, ``per_class`` documents hold secrets (twice as many for vendor tokens,
so that each vendor shows up several times) and ``per_class // 2`` hold only near misses (their
non-blank lines give the line keep-rate). A snippet reaches the agent raw, as the escaped content
of a tool result or of a tool call's input in a JSON-lines transcript (once or twice escaped), as a
JSON tool result, in a Markdown fence, as the added lines of a diff, numbered as a file read, or
timestamped in a CI log; multi-line secrets skip the last two (their line prefixes would sit inside
the span and read as fragments).

What is labelled a secret (the calls a careful reviewer would make):

- SSNs: the whole number in any spelling (``123-45-6789``, spaced, nine digits beside an SSN key);
  only valid numbers (area not 000, 666 or 9xx; group not 00; serial not 0000). Masked forms
  (``XXX-XX-1234``), the fictional 555-01xx phone numbers, order and invoice numbers, ZIP+4 codes
  and dates must survive.
- Credentials in URL query strings: the value of a credential parameter, not its name; sibling
  parameters (paging, formats, OAuth client ids, redirect URIs), hosts and paths must survive.
- Signed URLs: the signature (``X-Amz-Signature``, ``X-Goog-Signature``, Azure ``sig``, CloudFront
  ``Signature``), an ``X-Amz-Security-Token`` and the AWS access key id inside ``X-Amz-Credential``;
  algorithm, date, expiry, signed headers, credential scope, permissions, key-pair ids and the
  service-account address in a Google credential (not personal data) must survive.
- Cookies: the value of a session or auth cookie; cookie names, non-session cookies (theme, lang)
  and every attribute (``Path=/``, ``Domain``, ``Expires``, ``Max-Age``, ``Secure``, ``HttpOnly``,
  ``SameSite``) must survive. CSRF cookies are not used (a reviewer could go either way).
- Kubernetes Secrets: every value under ``data:`` and ``stringData:`` except the public ones
  (``ca.crt``, ``tls.crt``, ``namespace``, a basic-auth ``username``, left unmeasured); for a URL in
  ``stringData`` only its password. ConfigMap data, checksums, SealedSecret ciphertext (made to be
  committed), ``secretKeyRef`` references and ``kubectl describe`` byte counts must survive.
- Service-account key files: ``private_key_id`` and the key body between the armour lines (and the
  ``client_secret``/``refresh_token`` of an authorized-user file); the armour lines, project, client
  id, URIs and the service-account address must survive.
- Command-line passwords: the password argument only; ports given as ``-p 5432``/``-P 3306``, users,
  hosts, ``--password-stdin``, prompts, ``$(...)`` and ``${...}`` expansions must survive.
- Authorization headers: the credential after the scheme (Digest: ``response``; AWS: ``Signature``
  and the key id; OAuth 1.0: ``oauth_token`` and ``oauth_signature``; Hawk: ``mac``; SharedKey: the
  signature; Basic, Bearer, Token, ApiKey, Splunk, SSWS, Bot, Negotiate, NTLM: the whole
  credential). Header names, schemes and the other parameters must survive; nonces, consumer keys
  and Hawk ids are unmeasured.
- E-mail addresses, plain and URL-encoded: a person's address, whole. Placeholders on the reserved
  example domains, ``git@github.com``, ``user@host`` prompts and ssh targets, ``pkg@version``, scoped
  npm packages, image digests, decorators, Message-IDs and service-account addresses must survive.
  Personal names beside an address are not labelled either way (unmeasured).
- AWS: the access key id (treated as account-identifying, as reviewers do), the secret access key and
  the session token; regions, ARNs, masked keys (``****ABCD``), unique ids (``AIDA…``) and dates
  must survive.
- Vendor tokens: the whole token, prefix included. Stripe publishable keys are public by design and
  not used; a Twilio API key SID (``SK…``) is labelled, with its secret, and the account SID
  (``AC…``, an identifier) is unmeasured. The public head of a format is its prefix for the
  fragment check: the vendor literal, the JWT header segment, the DER header of a PEM body, the
  fixed macaroon head of a PyPI token, the NTLM signature. A PEM key's label is its base64 body; armour lines survive,
  and so do certificates and public keys.
- Database connection strings: the password only; scheme, user, host, port, database and options
  must survive, and so do ``${DB_PASSWORD}``, ``****`` and password-less URLs.
- Generic secrets: the value beside a key name that says it is a secret, in every config format
  (.env, YAML, JSON, TOML, INI, Java properties, XML elements and attributes, Dockerfile, Compose,
  systemd units, Python, PHP, HCL, JavaScript, Go, Ruby); the key name, neighbouring settings and
  values of secret-sounding keys that are not secrets (``max_tokens: 4096``, ``token_url: https://…``,
  ``secret_name: …``, file paths, references, algorithms) must survive.

Placeholders (``<your-token>``, ``${VAR}``, ``$(cat token)``, ``${OPENAI_API_KEY:?must be set}``,
``xxxx``, ``****``, ``${{ secrets.X }}``, ``{{ var }}``), git SHAs, UUIDs, content hashes, base64 of
non-secrets, versions and dates must survive wherever they appear.

How the figures are taken (`measure_held_back`): recall is the share of labelled spans whose text
is gone from the output; recall with no fragment adds that no window of the span's non-prefix part
(4 characters when that part is under 16, 5 under 32, else 6) appears in the output, counting only
windows found nowhere in the input outside that part (text shared with the public prefix or the
surroundings proves nothing); vendor-prefix recall is recall over formats with a fixed vendor literal;
keep-rate is the share of must-survive spans lying inside one unchanged stretch of the input
aligned to the output (difflib: lines first, then characters within changed lines); line keep-rate
is the same test over the non-blank lines of the secret-free documents. Where a must-survive span
touches a secret (the credential scope after an AWS key id, a database user before its password),
a scrubber that takes the neighbour along with the secret loses that span: the neighbour is not a
secret, and what it tells a reader is worth keeping.
"""

from __future__ import annotations

import base64
import json
import random
import string
import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from difflib import SequenceMatcher
from typing import TypedDict
from urllib.parse import quote

import attrs

SEED = 4_172_903

SSN = "ssn"
URL_QUERY = "url_query_credential"
SIGNED_URL = "signed_url"
COOKIE = "session_cookie"
K8S = "k8s_secret"
SA_KEY = "service_account_key"
CMDLINE = "cmdline_password"
AUTHZ = "authorization_header"
EMAIL_ENCODED = "email_urlencoded"
EMAIL = "email"
AWS = "aws_keys"
VENDOR = "vendor_token"
DB = "db_connection"
GENERIC = "generic_config"
CLASSES = (
    SSN,
    URL_QUERY,
    SIGNED_URL,
    COOKIE,
    K8S,
    SA_KEY,
    CMDLINE,
    AUTHZ,
    EMAIL_ENCODED,
    EMAIL,
    AWS,
    VENDOR,
    DB,
    GENERIC,
)

TRANSCRIPT_FORMS = frozenset({"transcript", "transcript_nested"})


@attrs.frozen
class Secret:
    """``doc[start:end]`` is a secret of ``kind``; its first ``prefix`` characters are a public literal.

    ``vendor``: the format starts with (or is framed by) a fixed vendor literal, held to 100%.
    """

    start: int
    end: int
    kind: str
    prefix: int = 0
    vendor: bool = False


@attrs.frozen
class Span:
    """``doc[start:end]`` must come out of the scrubber unchanged."""

    start: int
    end: int


@attrs.frozen
class Instance:
    """One labelled document: the secrets it holds and the must-survive spans beside them.

    Like ``tests.scrubcorpus.contexts.Instance``, but a document may hold several secrets (or
    none: a near-miss document) and carries what must survive. ``form`` names its wrapping
    (``raw``, ``transcript``, ``diff``, ...).
    """

    category: str
    form: str
    doc: str
    secrets: tuple[Secret, ...]
    keep: tuple[Span, ...]

    def text(self, span: Secret | Span) -> str:
        return self.doc[span.start : span.end]


# ---------------------------------------------------------------------------------------------
# Pieces: a document is built as a list of plain text, secrets and must-survive text.


@attrs.frozen
class _Sec:
    text: str
    kind: str
    prefix: int = 0
    vendor: bool = False


@attrs.frozen
class _Keep:
    text: str


Piece = str | _Sec | _Keep
Parts = list[Piece]
Rng = random.Random


def _k(text: str) -> _Keep:
    return _Keep(text)


def _piece_text(piece: Piece) -> str:
    return piece if isinstance(piece, str) else piece.text


def _map(parts: Sequence[Piece], escape: Callable[[str], str]) -> Parts:
    """Escape each piece on its own (JSON and URL escaping act per character, so spans carry over)."""
    out: Parts = []
    for piece in parts:
        if isinstance(piece, str):
            out.append(escape(piece))
        elif isinstance(piece, _Keep):
            out.append(_Keep(escape(piece.text)))
        else:
            prefix = len(escape(piece.text[: piece.prefix]))
            out.append(attrs.evolve(piece, text=escape(piece.text), prefix=prefix))
    return out


def _prefix_lines(parts: Sequence[Piece], first: str, following: Callable[[], str]) -> Parts:
    """Put ``first`` before the first line and ``following()`` before each later one."""
    out: Parts = [first]
    for piece in parts:
        text = _piece_text(piece)
        lines = text.split("\n")
        new = lines[0] + "".join("\n" + following() + line for line in lines[1:])
        if isinstance(piece, str):
            out.append(new)
        elif isinstance(piece, _Keep):
            out.append(_Keep(new))
        else:
            out.append(attrs.evolve(piece, text=new))
    return out


def _json_inner(text: str) -> str:
    return json.dumps(text)[1:-1]


def _multiline_secret(parts: Sequence[Piece]) -> bool:
    return any(isinstance(p, _Sec) and "\n" in p.text for p in parts)


def _lines(text: str) -> int:
    return text.count("\n") + 1


def _join(chunks: Sequence[Parts], sep: str = "\n") -> Parts:
    out: Parts = []
    for index, chunk in enumerate(chunks):
        if index:
            out.append(sep)
        out.extend(chunk)
    return out


def _assemble(category: str, form: str, parts: Sequence[Piece]) -> Instance:
    texts: list[str] = []
    secrets: list[Secret] = []
    keep: list[Span] = []
    pos = 0
    for piece in parts:
        text = _piece_text(piece)
        if isinstance(piece, _Sec):
            secrets.append(Secret(pos, pos + len(text), piece.kind, piece.prefix, piece.vendor))
        elif isinstance(piece, _Keep) and text:
            keep.append(Span(pos, pos + len(text)))
        texts.append(text)
        pos += len(text)
    return Instance(category, form, "".join(texts), tuple(secrets), tuple(keep))


# ---------------------------------------------------------------------------------------------
# Random material.

UPPER = string.ascii_uppercase
LOWER = string.ascii_lowercase
DIGITS = string.digits
ALNUM = UPPER + LOWER + DIGITS
LOWER_ALNUM = LOWER + DIGITS
HEX = "0123456789abcdef"
B64 = ALNUM + "+/"
B64URL = ALNUM + "-_"
B32 = UPPER + "234567"
PW_SYMBOLS = "_-.!*+^~"

WORDS = [
    "amber",
    "birch",
    "cobalt",
    "delta",
    "ember",
    "fjord",
    "garnet",
    "harbor",
    "indigo",
    "juniper",
    "kestrel",
    "lumen",
    "maple",
    "nectar",
    "onyx",
    "pylon",
    "quartz",
    "raven",
    "sable",
    "tundra",
    "umber",
    "vesper",
    "willow",
    "yarrow",
    "zephyr",
    "atlas",
    "beacon",
    "cinder",
    "drift",
    "echo",
    "falcon",
    "grove",
    "heron",
    "iris",
    "jasper",
    "lark",
    "meadow",
    "nimbus",
    "orchid",
    "pebble",
    "quill",
    "ridge",
    "spruce",
    "thistle",
    "wren",
]
SERVICES = [
    "billing",
    "ledger",
    "checkout",
    "inventory",
    "search",
    "notify",
    "auth-gateway",
    "reports",
    "ingest",
    "scheduler",
    "payments",
    "catalog",
    "webhooks",
    "exporter",
]
GIVEN = [
    "amara",
    "bjorn",
    "chiara",
    "dmitri",
    "elif",
    "farah",
    "goran",
    "hana",
    "ines",
    "jonas",
    "keiko",
    "lucia",
    "mateo",
    "nadia",
    "oskar",
    "priya",
    "quentin",
    "rosa",
    "soren",
    "tamsin",
    "ugo",
    "vera",
    "wei",
    "ximena",
    "yusuf",
    "zofia",
]
FAMILY = [
    "okafor",
    "lindqvist",
    "moreau",
    "petrov",
    "nakamura",
    "haddad",
    "castillo",
    "novak",
    "brennan",
    "sato",
    "ferreira",
    "kowalski",
    "abara",
    "whitfield",
    "duarte",
    "iversen",
]
MAIL_PROVIDERS = ("gmail.com", "outlook.com", "proton.me", "fastmail.com", "icloud.com", "gmx.de", "hey.com")
TLDS = ("io", "com", "dev", "co", "net", "ai", "app")
REGIONS = ("us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2", "ca-central-1")
ORIGIN = datetime(2026, 1, 5, tzinfo=UTC)


def _r(rng: Rng, alphabet: str, n: int) -> str:
    return "".join(rng.choices(alphabet, k=n))


def _mixed(rng: Rng, alphabet: str, n: int) -> str:
    """Random characters with at least one letter and one digit, as real tokens have."""
    while True:
        text = _r(rng, alphabet, n)
        if any(c.isdigit() for c in text) and any(c.isalpha() for c in text):
            return text


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _word(rng: Rng) -> str:
    return rng.choice(WORDS)


def _svc(rng: Rng) -> str:
    return rng.choice(SERVICES)


def _domain(rng: Rng) -> str:
    return f"{_word(rng)}{rng.choice(('', '-'))}{_word(rng)}.{rng.choice(TLDS)}"


def _host(rng: Rng) -> str:
    return f"{rng.choice(('api', 'app', 'www', 'console', 'hooks'))}.{_domain(rng)}"


def _uuid(rng: Rng) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _sha(rng: Rng) -> str:
    return _r(rng, HEX, 40)


def _sha256(rng: Rng) -> str:
    return _r(rng, HEX, 64)


def _when(rng: Rng) -> datetime:
    return ORIGIN + timedelta(seconds=rng.randrange(300 * 86400))


def _iso(rng: Rng) -> str:
    return _when(rng).strftime("%Y-%m-%dT%H:%M:%SZ")


def _http_date(rng: Rng) -> str:
    return _when(rng).strftime("%a, %d %b %Y %H:%M:%S GMT")


def _version(rng: Rng) -> str:
    return f"{rng.randint(0, 4)}.{rng.randint(0, 30)}.{rng.randint(0, 20)}"


def _ip(rng: Rng) -> str:
    return f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}"


def _user(rng: Rng) -> str:
    return rng.choice((f"svc-{_svc(rng)}", f"{_word(rng)}_app", "deploy", "ci", f"{_svc(rng)}_rw", "admin"))


def _password(rng: Rng) -> str:
    """A password that needs no quoting in most formats: it starts with a letter."""
    style = rng.randrange(4)
    if style == 0:
        words = [_word(rng).capitalize(), _word(rng), _word(rng)]
        return "-".join(words) + str(rng.randint(10, 99))
    body = _mixed(rng, ALNUM, rng.randint(10, 20))
    if style >= 2:
        for _ in range(rng.randint(1, 3)):
            spot = rng.randint(1, len(body))
            body = body[:spot] + rng.choice(PW_SYMBOLS) + body[spot:]
    return rng.choice(LOWER + UPPER) + body


def _url_password(rng: Rng) -> str:
    return rng.choice(LOWER + UPPER) + _mixed(rng, ALNUM + "-_.", rng.randint(11, 24))


def _opaque(rng: Rng) -> str:
    style = rng.randrange(4)
    if style == 0:
        return _r(rng, HEX, rng.choice((32, 40, 64)))
    if style == 1:
        return _b64url(rng.randbytes(rng.choice((24, 32, 48))))
    if style == 2:
        return _mixed(rng, ALNUM, rng.randint(24, 48))
    return _b64(rng.randbytes(rng.choice((24, 32))))


def _person(rng: Rng) -> tuple[str, str]:
    """A person's display name and e-mail address (never on a reserved example domain)."""
    given, family = rng.choice(GIVEN), rng.choice(FAMILY)
    local = rng.choice(
        (
            f"{given}.{family}",
            f"{given}{family[0]}",
            f"{given[0]}{family}{rng.randint(1, 99)}",
            f"{given}_{family}",
            f"{given}+{rng.choice(('ci', 'news', 'github', 'work'))}",
            f"{family}.{given[0]}",
        )
    )
    domain = rng.choice(MAIL_PROVIDERS) if rng.random() < 0.5 else _domain(rng)
    return f"{given.capitalize()} {family.capitalize()}", f"{local}@{domain}"


def _sa_email(rng: Rng, project: str) -> str:
    return f"{_svc(rng)}-{_word(rng)}@{project}.iam.gserviceaccount.com"


def _project(rng: Rng) -> str:
    return f"{_word(rng)}-{_word(rng)}-{rng.randint(100000, 999999)}"


# PEM bodies: a fixed DER (or OpenSSH) head and random bytes, base64 in the format's line width.
_PEM_SHAPES: tuple[tuple[str, bytes, int, int], ...] = (
    (
        "PRIVATE KEY",
        bytes.fromhex("308204be020100300d06092a864886f70d0101010500048204a8"),
        1192,
        64,
    ),
    ("RSA PRIVATE KEY", bytes.fromhex("308204a40201000282010100"), 1180, 64),
    ("EC PRIVATE KEY", bytes.fromhex("307702010104"), 114, 64),
    ("OPENSSH PRIVATE KEY", b"openssh-key-v1\x00\x00\x00\x00\x04none\x00\x00\x00\x04none", 360, 70),
)


def _pem_body(rng: Rng, shape: int | None = None) -> tuple[str, str, int]:
    """Return the armour label, the base64 body (lines joined by newlines) and its public head length."""
    label, head, size, width = _PEM_SHAPES[rng.randrange(len(_PEM_SHAPES)) if shape is None else shape]
    text = _b64(head + rng.randbytes(size))
    body = "\n".join(text[i : i + width] for i in range(0, len(text), width))
    return label, body, (len(head) // 3) * 4


def _cert_block(rng: Rng) -> str:
    text = _b64(bytes.fromhex("3082") + rng.randbytes(rng.randint(600, 800)))
    body = "\n".join(text[i : i + 64] for i in range(0, len(text), 64))
    return f"-----BEGIN CERTIFICATE-----\n{body}\n-----END CERTIFICATE-----"


def _ssh_public(rng: Rng) -> str:
    blob = b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20" + rng.randbytes(32)
    return f"ssh-ed25519 {_b64(blob)} {_user(rng)}@{_word(rng)}-runner"


def _jwt(rng: Rng) -> tuple[str, int]:
    alg = rng.choice(("HS256", "RS256", "ES256"))
    header: dict[str, str] = {"alg": alg, "typ": "JWT"}
    if rng.random() < 0.4:
        header["kid"] = _r(rng, HEX, 16)
    issued = int(_when(rng).timestamp())
    payload: dict[str, object] = {
        "iss": f"https://auth.{_domain(rng)}",
        "sub": _uuid(rng),
        "aud": _svc(rng),
        "iat": issued,
        "exp": issued + rng.choice((900, 3600, 86400)),
    }
    if rng.random() < 0.5:
        payload["scope"] = rng.choice(("read:reports", "admin", "repo write:packages", "openid profile"))
    head = _b64url(json.dumps(header, separators=(",", ":")).encode())
    body = _b64url(json.dumps(payload, separators=(",", ":")).encode())
    sig = _b64url(rng.randbytes({"HS256": 32, "RS256": 256, "ES256": 64}[alg]))
    return f"{head}.{body}.{sig}", len(head) + 1


def _aws_key_id(rng: Rng, temporary: bool = False) -> str:
    return ("AS" if temporary else "AK") + "IA" + _mixed(rng, B32, 16)


def _aws_secret(rng: Rng) -> str:
    return _mixed(rng, B64, 40)


def _aws_session_token(rng: Rng) -> tuple[str, int]:
    return _b64(b"!\n\torigin_ec" + rng.randbytes(rng.randint(280, 420))), 16


def _ssn_number(rng: Rng) -> tuple[int, int, int]:
    area = 666
    while area == 666:
        area = rng.randint(1, 899)
    return area, rng.randint(1, 99), rng.randint(1, 9999)


def _ssn(rng: Rng, bare_ok: bool = False) -> str:
    area, group, serial = _ssn_number(rng)
    style = rng.random()
    if style < 0.12:
        return f"{area:03d} {group:02d} {serial:04d}"
    if bare_ok and style < 0.35:
        return f"{area:03d}{group:02d}{serial:04d}"
    return f"{area:03d}-{group:02d}-{serial:04d}"


def _phone(rng: Rng) -> str:
    area = rng.choice((212, 305, 415, 503, 617, 646, 720, 808))
    line = f"01{rng.randint(0, 99):02d}"
    return rng.choice(
        (f"({area}) 555-{line}", f"+1 {area}-555-{line}", f"{area}.555.{line}", f"{area}-555-{line}")
    )


def _order(rng: Rng) -> str:
    return rng.choice(
        (
            f"ORD-{rng.randint(2024, 2026)}-{rng.randint(0, 999999):06d}",
            f"PO-{rng.randint(10000, 99999)}",
            f"INV-{rng.randint(1000, 9999)}-{rng.randint(1, 99):02d}",
            f"{rng.randint(100, 999)}-{rng.randint(1000000, 9999999)}-{rng.randint(1000000, 9999999)}",
            f"#{rng.randint(10000, 99999)}",
        )
    )


# ---------------------------------------------------------------------------------------------
# Near misses shared by every class.


def _near_general(rng: Rng) -> Parts:
    choice = rng.randrange(10)
    if choice == 0:
        lines: Parts = ["$ git log --oneline -3"]
        for _ in range(3):
            lines += [
                "\n",
                _k(_r(rng, HEX, 7)),
                f" {rng.choice(('Fix', 'Add', 'Drop', 'Bump'))} {_word(rng)} {_svc(rng)}",
            ]
        return lines
    if choice == 1:
        name = f"dist/{_svc(rng)}-{_version(rng)}.tar.gz"
        return [f"$ sha256sum {name}\n", _k(_sha256(rng)), f"  {name}"]
    if choice == 2:
        return ["request_id=", _k(_uuid(rng)), f" status=200 duration_ms={rng.randint(3, 900)}"]
    if choice == 3:
        return ["$ python --version\nPython ", _k(f"3.{rng.randint(10, 13)}.{rng.randint(0, 9)}")]
    if choice == 4:
        return ['      "integrity": "', _k("sha512-" + _b64(rng.randbytes(64))), '",']
    if choice == 5:
        return ["Digest: ", _k("sha256:" + _sha256(rng))]
    if choice == 6:
        return ["$ git rev-parse HEAD\n", _k(_sha(rng))]
    if choice == 7:
        return ["Last login: ", _k(_when(rng).strftime("%a %b %d %H:%M:%S %Y")), f" from {_ip(rng)}"]
    if choice == 8:
        return ["$ node --version\n", _k(f"v{rng.randint(18, 22)}.{rng.randint(0, 12)}.{rng.randint(0, 9)}")]
    return ["trace_id=", _k(_r(rng, HEX, 32)), " span_id=", _k(_r(rng, HEX, 16)), " sampled=true"]


def _placeholder(rng: Rng, var: str) -> str:
    return rng.choice(
        (
            f"${{{var}}}",
            f"${var}",
            "<your-token>",
            f"$(cat ~/.config/{_svc(rng)}/token)",
            f"${{{var}:?must be set}}",
            "xxxxxxxxxxxxxxxx",
            "****",
            f"${{{{ secrets.{var} }}}}",
            f"<{var.lower().replace('_', '-')}>",
            f"{{{{ {var.lower()} }}}}",
        )
    )


# ---------------------------------------------------------------------------------------------
# SSNs.


def _ssn_core(rng: Rng) -> Parts:
    s = SSN
    choice = rng.randrange(9)
    if choice == 0:
        out: Parts = ["employee_id,first_name,ssn,hire_date,desk_phone,last_order"]
        for _ in range(rng.randint(2, 4)):
            out += [
                "\n",
                _k(f"E{rng.randint(10000, 99999)}"),
                f",{rng.choice(GIVEN).capitalize()},",
                _Sec(_ssn(rng), s),
                ",",
                _k(_when(rng).date().isoformat()),
                ",",
                _k(_phone(rng)),
                ",",
                _k(_order(rng)),
            ]
        return out
    if choice == 1:
        return [
            '{\n  "applicant_id": "',
            _k(_uuid(rng)),
            '",\n  "status": "manual_review",\n  "ssn": "',
            _Sec(_ssn(rng, True), s),
            '",\n  "submitted_at": "',
            _k(_iso(rng)),
            '",\n  "reference": "',
            _k(_order(rng)),
            '"\n}',
        ]
    if choice == 2:
        rows: Parts = []
        for _ in range(rng.randint(1, 3)):
            number = _ssn(rng)
            rows += [
                f"\n {rng.randint(1000, 9999)} | ",
                _Sec(number, s),
                " " * (11 - len(number)),
                " | ",
                _k(_phone(rng)),
            ]
        count = sum(1 for p in rows if isinstance(p, _Sec))
        return [
            "payroll=> SELECT id, ssn, phone FROM staff WHERE dept = 'payroll' LIMIT 3;\n",
            "  id  |     ssn     |     phone\n------+-------------+----------------",
            *rows,
            f"\n({count} row{'s' if count > 1 else ''})",
        ]
    if choice == 3:
        return [
            _k(_iso(rng)),
            f" WARN  kyc.match applicant={rng.randint(10000, 99999)} ssn=",
            _Sec(_ssn(rng, True), s),
            " order=",
            _k(_order(rng)),
            " result=mismatch",
        ]
    if choice == 4:
        return [
            "VALID_APPLICANT = {\n",
            '    "tax_id": "',
            _Sec(_ssn(rng), s),
            '",\n    "phone": "',
            _k(_phone(rng)),
            '",\n    "order": "',
            _k(_order(rng)),
            '",\n}',
        ]
    if choice == 5:
        return [
            f"- name: {_svc(rng)}-import\n  ",
            _k("ssn"),
            ': "',
            _Sec(_ssn(rng, True), s),
            '"\n  zip: ',
            _k(f"{rng.randint(10000, 99999)}-{rng.randint(1000, 9999)}"),
            "\n  enrolled: ",
            _k(_when(rng).date().isoformat()),
        ]
    if choice == 6:
        return [
            "The import keeps failing on the row for social security number ",
            _Sec(_ssn(rng), s),
            " (their order is ",
            _k(_order(rng)),
            ", callback ",
            _k(_phone(rng)),
            "). Can you see why?",
        ]
    if choice == 7:
        return [
            "a  Employee's social security number\n",
            _Sec(_ssn(rng), s),
            "\nd  Control number\n",
            _k(f"{rng.randint(10000000, 99999999)}"),
            "\n1  Wages, tips, other compensation\n",
            f"{rng.randint(30000, 190000)}.{rng.randint(0, 99):02d}",
        ]
    return [
        "POST /api/v2/verify HTTP/1.1\nHost: ",
        _k(_host(rng)),
        "\nContent-Type: application/x-www-form-urlencoded\n\nssn=",
        _Sec(_ssn(rng, True), s),
        "&",
        _k(f"zip={rng.randint(10000, 99999)}"),
        "&",
        _k("consent=true"),
    ]


def _ssn_near(rng: Rng) -> Parts:
    choice = rng.randrange(6)
    if choice == 0:
        return ["ssn_last4: ", _k(f"XXX-XX-{rng.randint(0, 9999):04d}"), "  # masked by the export"]
    if choice == 1:
        return ["support line ", _k(_phone(rng)), ", fax ", _k(_phone(rng))]
    if choice == 2:
        return ["order ", _k(_order(rng)), " shipped ", _k(_when(rng).date().isoformat())]
    if choice == 3:
        return [
            "ISBN ",
            _k(
                f"978-{rng.randint(0, 9)}-{rng.randint(100, 999)}-{rng.randint(10000, 99999)}-{rng.randint(0, 9)}"
            ),
        ]
    if choice == 4:
        return [
            "ship_to_zip=",
            _k(f"{rng.randint(10000, 99999)}-{rng.randint(1000, 9999)}"),
            " case=",
            _k(f"{rng.randint(10000, 99999)}-{rng.randint(10, 99)}"),
        ]
    return ["ssn: ", _k("***-**-" + f"{rng.randint(0, 9999):04d}"), "  invoice: ", _k(_order(rng))]


# ---------------------------------------------------------------------------------------------
# URLs.

_QUERY_SECRET_NAMES = (
    "access_token",
    "api_key",
    "apikey",
    "token",
    "auth",
    "auth_token",
    "client_secret",
    "password",
    "secret",
    "private_token",
    "key",
    "sig",
)
_QUERY_SIBLINGS = (
    "page=2",
    "per_page=100",
    "format=json",
    "lang=en",
    "sort=created",
    "limit=50",
    "fields=id,name,status",
    "include=owner",
    "utm_source=newsletter",
    "verbose=1",
)


def _query_siblings(rng: Rng) -> list[str]:
    picked = rng.sample(_QUERY_SIBLINGS, rng.randint(1, 3))
    extra = rng.random()
    if extra < 0.25:
        picked.append(f"since={_when(rng).date().isoformat()}")
    elif extra < 0.45:
        picked.append(f"ref={_sha(rng)}")
    elif extra < 0.6:
        picked.append(f"id={_uuid(rng)}")
    elif extra < 0.75:
        picked.append(f"client_id={_r(rng, HEX, 20)}")
    elif extra < 0.85:
        picked.append(f"v={_version(rng)}")
    return picked


def _query_url(rng: Rng, secret: Parts | None, name: str | None = None, scheme: str = "https") -> Parts:
    """A URL whose query holds ``secret`` under a credential name (or only siblings when None)."""
    path = rng.choice(
        ("/v1/reports", "/api/export", "/v2/items", "/hooks/deploy", "/feed.xml", "/api/v3/metrics")
    )
    params: list[Parts] = [[_k(p)] for p in _query_siblings(rng)]
    if secret is not None:
        params.insert(
            rng.randint(0, len(params)), [_k(name or rng.choice(_QUERY_SECRET_NAMES)), "=", *secret]
        )
    out: Parts = [f"{scheme}://", _k(_host(rng)), _k(path), "?"]
    return out + _join(params, "&")


def _query_value(rng: Rng, name: str) -> Parts:
    if name == "key" and rng.random() < 0.6:
        return [_Sec("AI" + "za" + _r(rng, B64URL, 35), URL_QUERY, 4, True)]
    if name == "private_token" and rng.random() < 0.6:
        return [_Sec("gl" + "pat-" + _r(rng, B64URL, 20), URL_QUERY, 6, True)]
    if name == "password":
        return [_Sec(_url_password(rng), URL_QUERY)]
    return [_Sec(_opaque(rng).replace("+", "-").replace("/", "_").rstrip("="), URL_QUERY)]


def _url_query_core(rng: Rng) -> Parts:
    name = rng.choice(_QUERY_SECRET_NAMES)
    url = _query_url(rng, _query_value(rng, name), name)
    choice = rng.randrange(8)
    if choice == 0:
        return ['$ curl -s "', *url, '" | jq .status\n"ok"']
    if choice == 1:
        stamp = _when(rng).strftime("%d/%b/%Y:%H:%M:%S +0000")
        path = url[2:]  # from the path on: an access log has no scheme or host
        return [
            f"{_ip(rng)} - - [",
            _k(stamp),
            '] "GET ',
            *path,
            f' HTTP/1.1" 200 {rng.randint(200, 90000)} "-" "',
            _k(f"python-requests/2.{rng.randint(28, 32)}.0"),
            '"',
        ]
    if choice == 2:
        return [
            "Traceback (most recent call last):\n",
            f'  File "/app/{_svc(rng)}/sync.py", line {rng.randint(20, 300)}, in pull\n',
            "    resp.raise_for_status()\n",
            '  File "/usr/lib/python3.12/site-packages/requests/models.py", line 1024, in raise_for_status\n',
            "    raise HTTPError(http_error_msg, response=self)\n",
            "requests.exceptions.HTTPError: 403 Client Error: Forbidden for url: ",
            *url,
        ]
    if choice == 3:
        return ["const res = await fetch(`", *url, '`, { headers: { Accept: "application/json" } });']
    if choice == 4:
        return [
            f"{_svc(rng)}:\n  webhook:\n    url: ",
            *url,
            "\n    ",
            _k("timeout_seconds: 10"),
            "\n    ",
            _k("retries: 3"),
        ]
    if choice == 5:
        return [
            '{"request": {"method": "GET", "url": "',
            *url,
            '", "httpVersion": "',
            _k("HTTP/2"),
            '", "headersSize": -1}}',
        ]
    if choice == 6:
        return [
            "--",
            _k(_when(rng).strftime("%Y-%m-%d %H:%M:%S")),
            "--  ",
            *url,
            f"\nResolving {_domain(rng)}... {_ip(rng)}\nHTTP request sent, awaiting response... 200 OK\n"
            f"Length: {rng.randint(100, 99999)} [application/json]",
        ]
    ws = _query_url(rng, _query_value(rng, name), name, scheme="wss")
    return [f"{_iso(rng)} DEBUG stream: connecting to ", *ws, "\n", _k(_iso(rng)), " DEBUG stream: connected"]


def _url_query_near(rng: Rng) -> Parts:
    name = rng.choice(_QUERY_SECRET_NAMES)
    placeholder = _placeholder(rng, name.upper()).replace(" ", "")
    url = _query_url(rng, [_k(placeholder)], name)
    choice = rng.randrange(3)
    if choice == 0:
        return ['curl "', *url, '"']
    if choice == 1:
        return ["GET ", *_query_url(rng, None)]
    return ["see ", *url, " for the full report"]


# ---------------------------------------------------------------------------------------------
# Signed URLs.


def _aws_presigned(rng: Rng) -> Parts:
    s = SIGNED_URL
    temporary = rng.random() < 0.3
    when = _when(rng)
    day, stamp = when.strftime("%Y%m%d"), when.strftime("%Y%m%dT%H%M%SZ")
    region = rng.choice(REGIONS)
    bucket = f"{_word(rng)}-{_svc(rng)}-{rng.choice(('artifacts', 'uploads', 'exports'))}"
    obj = f"{rng.choice(('builds', 'reports', 'tmp'))}/{_uuid(rng)}/{_svc(rng)}.{rng.choice(('zip', 'csv', 'json'))}"
    params: list[Parts] = [
        [_k("X-Amz-Algorithm=AWS4-HMAC-SHA256")],
        [
            "X-Amz-Credential=",
            _Sec(_aws_key_id(rng, temporary), s, 4, True),
            _k(f"%2F{day}%2F{region}%2Fs3%2Faws4_request"),
        ],
        [_k(f"X-Amz-Date={stamp}")],
        [_k(f"X-Amz-Expires={rng.choice((300, 900, 3600, 604800))}")],
    ]
    if temporary:
        token, head = _aws_session_token(rng)
        params.append(["X-Amz-Security-Token=", _Sec(quote(token, safe=""), s, head)])
    params.append([_k("X-Amz-SignedHeaders=host")])
    if rng.random() < 0.3:
        params.insert(0, [_k("response-content-disposition=attachment")])
    params.append(["X-Amz-Signature=", _Sec(_r(rng, HEX, 64), s)])
    return ["https://", _k(f"{bucket}.s3.{region}.amazonaws.com/{obj}"), "?", *_join(params, "&")]


def _gcs_signed(rng: Rng) -> Parts:
    s = SIGNED_URL
    when = _when(rng)
    project = _project(rng)
    credential = (
        quote(_sa_email(rng, project), safe="") + f"%2F{when:%Y%m%d}%2Fauto%2Fstorage%2Fgoog4_request"
    )
    params: list[Parts] = [
        [_k("X-Goog-Algorithm=GOOG4-RSA-SHA256")],
        [_k(f"X-Goog-Credential={credential}")],
        [_k(f"X-Goog-Date={when:%Y%m%dT%H%M%SZ}")],
        [_k(f"X-Goog-Expires={rng.choice((600, 900, 3600))}")],
        [_k("X-Goog-SignedHeaders=host")],
        ["X-Goog-Signature=", _Sec(_r(rng, HEX, 512), s)],
    ]
    obj = (
        f"{_word(rng)}-{_svc(rng)}/{rng.choice(('exports', 'models', 'logs'))}/{_version(rng)}/bundle.tar.gz"
    )
    return ["https://", _k(f"storage.googleapis.com/{obj}"), "?", *_join(params, "&")]


def _azure_sas(rng: Rng) -> Parts:
    s = SIGNED_URL
    start = _when(rng)
    end = start + timedelta(hours=rng.choice((1, 8, 24)))
    params: list[Parts] = [
        [_k(f"sv={rng.choice(('2021-08-06', '2022-11-02', '2023-11-03'))}")],
        [_k(f"st={quote(start.strftime('%Y-%m-%dT%H:%M:%SZ'), safe='')}")],
        [_k(f"se={quote(end.strftime('%Y-%m-%dT%H:%M:%SZ'), safe='')}")],
        [_k(f"sr={rng.choice(('b', 'c'))}")],
        [_k(f"sp={rng.choice(('r', 'rw', 'racwdl'))}")],
        [_k("spr=https")],
        ["sig=", _Sec(quote(_b64(rng.randbytes(32)), safe=""), s)],
    ]
    account = f"{_word(rng)}{_word(rng)}{rng.randint(10, 99)}"
    blob = f"{_svc(rng)}/{_when(rng):%Y/%m/%d}/{_uuid(rng)}.parquet"
    return ["https://", _k(f"{account}.blob.core.windows.net/{blob}"), "?", *_join(params, "&")]


def _cloudfront_signed(rng: Rng) -> Parts:
    signature = _b64(rng.randbytes(128)).replace("+", "-").replace("=", "_").replace("/", "~")
    host = f"d{_r(rng, LOWER_ALNUM, 13)}.cloudfront.net"
    return [
        "https://",
        _k(f"{host}/{rng.choice(('videos', 'downloads'))}/{_svc(rng)}-{_version(rng)}.mp4"),
        "?",
        _k(f"Expires={int(_when(rng).timestamp())}"),
        "&Signature=",
        _Sec(signature, SIGNED_URL),
        "&",
        _k(f"Key-Pair-Id=K{_r(rng, UPPER + DIGITS, 13)}"),
    ]


def _signed_url(rng: Rng) -> Parts:
    return rng.choice(
        (_aws_presigned, _aws_presigned, _gcs_signed, _azure_sas, _azure_sas, _cloudfront_signed)
    )(rng)


def _signed_url_core(rng: Rng) -> Parts:
    url = _signed_url(rng)
    choice = rng.randrange(7)
    if choice == 0:
        return [
            f"$ aws s3 presign s3://{_word(rng)}-exports/report.csv --expires-in 3600\n",
            *_aws_presigned(rng),
        ]
    if choice == 1:
        return [
            '{\n  "upload_url": "',
            *url,
            '",\n  "expires_in": ',
            _k("3600"),
            ',\n  "content_type": "application/zip"\n}',
        ]
    if choice == 2:
        return [
            _k(_iso(rng)),
            f" INFO  {_svc(rng)}.upload: PUT ",
            *url,
            " -> 200 in ",
            _k(f"{rng.randint(40, 2000)}ms"),
        ]
    if choice == 3:
        return ['$ curl -sS -X PUT --upload-file dist/bundle.tar.gz "', *url, '"\n$ echo $?\n0']
    if choice == 4:
        return [
            "URL\tHTTP Method\tExpiration\tSigned URL\n",
            f"gs://{_word(rng)}/x\tGET\t",
            _k(_when(rng).strftime("%Y-%m-%d %H:%M:%S")),
            "\t",
            *url,
        ]
    if choice == 5:
        return [">>> print(blob_url)\n", *url]
    return [
        "BlobEndpoint=",
        _k(f"https://{_word(rng)}{rng.randint(10, 99)}.blob.core.windows.net/"),
        ";SharedAccessSignature=",
        *_azure_sas(rng)[3:],
    ]


def _signed_url_near(rng: Rng) -> Parts:
    choice = rng.randrange(4)
    bucket = f"{_word(rng)}-{_svc(rng)}-releases"
    if choice == 0:
        return [
            "Downloading ",
            _k(f"https://{bucket}.s3.amazonaws.com/v{_version(rng)}/{_svc(rng)}-linux-amd64.tar.gz"),
        ]
    if choice == 1:
        return [
            "x-amz-request-id: ",
            _k(_r(rng, UPPER + DIGITS, 16)),
            "\nx-amz-id-2: ",
            _k(_b64(rng.randbytes(57))),
        ]
    if choice == 2:
        return ['ETag: "', _k(_r(rng, HEX, 32)), '"\nx-amz-checksum-sha256: ', _k(_b64(rng.randbytes(32)))]
    return [
        "# presigned URLs look like ",
        _k("https://<bucket>.s3.amazonaws.com/<key>?X-Amz-Signature=<signature>"),
    ]


# ---------------------------------------------------------------------------------------------
# Cookies.


def _session_cookie(rng: Rng) -> tuple[str, str, int]:
    """A session cookie's name, value and public-prefix length."""
    choice = rng.randrange(9)
    if choice == 0:
        return "sessionid", _mixed(rng, LOWER_ALNUM, 32), 0
    if choice == 1:
        return "PHPSESSID", _mixed(rng, LOWER_ALNUM, 26), 0
    if choice == 2:
        return "JSESSIONID", _mixed(rng, "0123456789ABCDEF", 32), 0
    if choice == 3:
        value = "s%3A" + _r(rng, B64URL, 32) + "." + quote(_b64(rng.randbytes(32)).rstrip("="), safe="")
        return "connect.sid", value, 4
    if choice == 4:
        data = quote(_b64(rng.randbytes(rng.randint(60, 120))), safe="")
        return f"_{_word(rng)}_session", data + "--" + _r(rng, HEX, 40), 0
    if choice == 5:
        payload = _b64url(json.dumps({"user_id": rng.randint(1, 99999), "_fresh": True}).encode())
        return "session", f"{payload}.{_r(rng, B64URL, 6)}.{_r(rng, B64URL, 27)}", 0
    if choice == 6:
        return "__Host-auth", _b64url(rng.randbytes(32)), 0
    if choice == 7:
        inner = json.dumps(
            {"iv": _b64(rng.randbytes(16)), "value": _b64(rng.randbytes(48)), "mac": _r(rng, HEX, 64)}
        )
        return "laravel_session", quote(_b64(inner.encode()), safe=""), 8
    return "remember_user_token", _b64url(rng.randbytes(40)), 0


_PLAIN_COOKIES = (
    "theme=dark",
    "lang=en-US",
    "sidebar=collapsed",
    "cookie_consent=accepted",
    "currency=EUR",
    "seen_banner=1",
    "tz=Europe%2FBerlin",
)


def _cookie_attrs(rng: Rng, host: str, name: str = "") -> Parts:
    picked = ["Path=/"]
    if rng.random() < 0.5 and not name.startswith("__Host-"):
        picked.append(f"Domain=.{host.split('.', 1)[1]}")
    roll = rng.random()
    if roll < 0.4:
        picked.append(f"Expires={_http_date(rng)}")
    elif roll < 0.8:
        picked.append(f"Max-Age={rng.choice((3600, 86400, 1209600, 31536000))}")
    if rng.random() < 0.7:
        picked.append("Secure")
    if rng.random() < 0.8:
        picked.append("HttpOnly")
    if rng.random() < 0.7:
        picked.append(f"SameSite={rng.choice(('Lax', 'Strict', 'None'))}")
    rng.shuffle(picked)
    out: Parts = []
    for attribute in picked:
        out += ["; ", _k(attribute)]
    return out


def _set_cookie(rng: Rng, host: str, name_case: str = "Set-Cookie") -> Parts:
    name, value, prefix = _session_cookie(rng)
    return [_k(name_case), ": ", _k(name), "=", _Sec(value, COOKIE, prefix), *_cookie_attrs(rng, host, name)]


def _cookie_header(rng: Rng, name_case: str = "Cookie") -> Parts:
    name, value, prefix = _session_cookie(rng)
    pairs: list[Parts] = [[_k(p)] for p in rng.sample(_PLAIN_COOKIES, rng.randint(0, 3))]
    pairs.insert(rng.randint(0, len(pairs)), [_k(name), "=", _Sec(value, COOKIE, prefix)])
    return [_k(name_case), ": ", *_join(pairs, "; ")]


def _cookie_core(rng: Rng) -> Parts:
    host = _host(rng)
    choice = rng.randrange(8)
    if choice == 0:
        plain = rng.choice(_PLAIN_COOKIES)
        return [
            f"$ curl -v -X POST https://{host}/api/session -H 'content-type: application/json' -d @login.json\n",
            f"*   Trying {_ip(rng)}:443...\n* Connected to {host} port 443\n",
            f"> POST /api/session HTTP/2\n> Host: {host}\n> ",
            _k("user-agent: curl/8.5.0"),
            "\n> accept: */*\n>\n< HTTP/2 200\n< date: ",
            _k(_http_date(rng)),
            "\n< content-type: application/json; charset=utf-8\n< ",
            *_set_cookie(rng, host, "set-cookie"),
            "\n< ",
            _k("set-cookie"),
            ": ",
            _k(plain),
            *_cookie_attrs(rng, host),
            '\n<\n{"ok":true}',
        ]
    if choice == 1:
        return [
            "HTTP/1.1 302 Found\nLocation: /dashboard\n",
            *_set_cookie(rng, host),
            "\n",
            _k("Cache-Control: no-store"),
            "\nContent-Length: 0",
        ]
    if choice == 2:
        return [
            f"GET /account HTTP/1.1\nHost: {host}\n",
            *_cookie_header(rng),
            "\n",
            _k("Accept: text/html"),
            "\n",
        ]
    if choice == 3:
        name, value, prefix = _session_cookie(rng)
        return [
            "session = requests.Session()\nsession.cookies.set(",
            '"',
            _k(name),
            '", "',
            _Sec(value, COOKIE, prefix),
            '", ',
            _k(f'domain="{host}"'),
            ", ",
            _k('path="/"'),
            ")",
        ]
    if choice == 4:
        name, value, prefix = _session_cookie(rng)
        expiry = str(int(_when(rng).timestamp()))
        return [
            "# Netscape HTTP Cookie File\n# This file was generated by libcurl! Edit at your own risk.\n\n",
            _k(f".{host.split('.', 1)[1]}\tTRUE\t/\tTRUE\t{expiry}\t{name}"),
            "\t",
            _Sec(value, COOKIE, prefix),
            "\n",
            _k(f"{host}\tFALSE\t/\tFALSE\t0\ttheme\tdark"),
        ]
    if choice == 5:
        name, value, prefix = _session_cookie(rng)
        return [
            '"cookies": [\n  {\n    "name": "',
            _k(name),
            '",\n    "value": "',
            _Sec(value, COOKIE, prefix),
            '",\n    ',
            _k('"path": "/"'),
            ",\n    ",
            _k(f'"domain": "{host}"'),
            ",\n    ",
            _k(f'"expires": "{_iso(rng)}"'),
            ",\n    ",
            _k('"httpOnly": true'),
            ",\n    ",
            _k('"secure": true'),
            "\n  }\n]",
        ]
    if choice == 6:
        name, value, prefix = _session_cookie(rng)
        return [
            "http.SetCookie(w, &http.Cookie{\n\tName:     ",
            f'"{name}"',
            ",\n\tValue:    ",
            '"',
            _Sec(value, COOKIE, prefix),
            '"',
            ",\n\t",
            _k('Path:     "/"'),
            ",\n\t",
            _k("HttpOnly: true"),
            ",\n\t",
            _k("SameSite: http.SameSiteLaxMode"),
            ",\n})",
        ]
    name, value, prefix = _session_cookie(rng)
    plain = rng.choice(_PLAIN_COOKIES)
    return ["> document.cookie\n'", _k(plain), "; ", _k(name), "=", _Sec(value, COOKIE, prefix), "'"]


def _cookie_near(rng: Rng) -> Parts:
    host = _host(rng)
    choice = rng.randrange(5)
    if choice == 0:
        return [_k("Set-Cookie"), ": ", _k(rng.choice(_PLAIN_COOKIES)), *_cookie_attrs(rng, host)]
    if choice == 1:
        return [_k("Set-Cookie"), ": ", _k("sessionid="), "; ", _k("Path=/"), "; ", _k("Max-Age=0")]
    if choice == 2:
        return [
            _k("Set-Cookie"),
            ": ",
            _k("session=deleted"),
            "; ",
            _k("Expires=Thu, 01 Jan 1970 00:00:00 GMT"),
            "; ",
            _k("Path=/"),
        ]
    if choice == 3:
        return [
            'curl -H "',
            _k("Cookie"),
            ": ",
            _k(f"sessionid={_placeholder(rng, 'SESSION_ID').replace(' ', '')}"),
            f'" https://{host}/me',
        ]
    return [
        _k("Vary: Cookie, Accept-Encoding"),
        "\n",
        _k("cookie_secure: true"),
        "\n",
        _k("session_cookie_samesite: Lax"),
    ]


# ---------------------------------------------------------------------------------------------
# Kubernetes Secrets.

_K8S_KEYS = (
    "DB_PASSWORD",
    "API_TOKEN",
    "password",
    "secret-key",
    "REDIS_PASSWORD",
    "jwt-secret",
    "smtp-password",
    "client-secret",
    "webhook-secret",
    "api-key",
    "SESSION_SECRET",
    "encryption-key",
)


def _k8s_value(rng: Rng) -> str:
    return rng.choice((_password, _opaque, _url_password))(rng)


def _k8s_entries(rng: Rng, kind: str) -> tuple[list[Parts], list[Parts]]:
    """The ``data:`` and ``stringData:`` entries of a Secret of ``kind`` (one per line, no indent)."""
    s = K8S
    data: list[Parts] = []
    string_data: list[Parts] = []
    if kind == "Opaque":
        for key in rng.sample(_K8S_KEYS, rng.randint(1, 3)):
            value = _k8s_value(rng)
            if rng.random() < 0.75:
                data.append([_k(key), ": ", _Sec(_b64(value.encode()), s)])
            else:
                string_data.append([_k(key), ": ", _Sec(value, s)])
        if rng.random() < 0.35:
            user, pw, host = _user(rng), _url_password(rng), f"{_svc(rng)}-db"
            url = f"postgresql://{user}:{pw}@{host}:5432/{_svc(rng).replace('-', '_')}"
            if rng.random() < 0.5:
                data.append([_k("DATABASE_URL"), ": ", _Sec(_b64(url.encode()), s)])
            else:
                string_data.append(
                    [
                        _k("DATABASE_URL"),
                        ": ",
                        _k(f"postgresql://{user}"),
                        ":",
                        _Sec(pw, s),
                        _k(url[url.index("@") :]),
                    ]
                )
    elif kind == "kubernetes.io/basic-auth":
        data.append([_k("username"), ": ", _b64(_user(rng).encode())])
        data.append([_k("password"), ": ", _Sec(_b64(_password(rng).encode()), s)])
    elif kind == "kubernetes.io/dockerconfigjson":
        user, token = _user(rng), "gh" + "p_" + _mixed(rng, ALNUM, 36)
        registry = rng.choice(("ghcr.io", "registry.gitlab.com", f"registry.{_domain(rng)}"))
        auth = _b64(f"{user}:{token}".encode())
        config = json.dumps({"auths": {registry: {"username": user, "password": token, "auth": auth}}})
        data.append([_k(".dockerconfigjson"), ": ", _Sec(_b64(config.encode()), s)])
    elif kind == "kubernetes.io/tls":
        label, body, _ = _pem_body(rng, rng.choice((0, 2)))
        key = f"-----BEGIN {label}-----\n{body}\n-----END {label}-----\n"
        head = (len(f"-----BEGIN {label}-----\n") // 3) * 4
        data.append([_k("tls.crt"), ": ", _k(_b64(_cert_block(rng).encode()))])
        data.append([_k("tls.key"), ": ", _Sec(_b64(key.encode()), s, head)])
    else:
        token, head = _jwt(rng)
        data.append([_k("ca.crt"), ": ", _k(_b64(_cert_block(rng).encode()))])
        data.append([_k("namespace"), ": ", _k(_b64(rng.choice(("default", "prod", "staging")).encode()))])
        data.append([_k("token"), ": ", _Sec(_b64(token.encode()), s)])
    return data, string_data


def _indent(entries: list[Parts], pad: str) -> Parts:
    return _join([[pad, *entry] for entry in entries])


def _k8s_manifest(rng: Rng, from_cluster: bool, svc: str = "", ns: str = "") -> Parts:
    kind = rng.choice(
        (
            "Opaque",
            "Opaque",
            "Opaque",
            "kubernetes.io/basic-auth",
            "kubernetes.io/dockerconfigjson",
            "kubernetes.io/tls",
            "kubernetes.io/service-account-token",
        )
    )
    data, string_data = _k8s_entries(rng, kind)
    svc, ns = svc or _svc(rng), ns or rng.choice(("default", "prod", "staging", f"team-{_word(rng)}"))
    meta: Parts = [
        "metadata:\n  ",
        _k(f"name: {svc}-credentials"),
        "\n  ",
        _k(f"namespace: {ns}"),
    ]
    if from_cluster:
        meta += [
            '\n  creationTimestamp: "',
            _k(_iso(rng)),
            '"\n  resourceVersion: "',
            _k(str(rng.randint(1000, 9999999))),
            '"\n  uid: ',
            _k(_uuid(rng)),
        ]
    meta += [
        "\n  labels:\n    ",
        _k(f"app.kubernetes.io/name: {svc}"),
        '\n    app.kubernetes.io/version: "',
        _k(_version(rng)),
        '"',
    ]
    if rng.random() < 0.4:
        meta += ["\n  annotations:\n    checksum/config: ", _k(_sha256(rng))]
    body: list[Parts] = [[_k("apiVersion: v1")], [_k("kind: Secret")], meta, [_k(f"type: {kind}")]]
    if data:
        body.append(["data:\n", *_indent(data, "  ")])
    if string_data:
        body.append(["stringData:\n", *_indent(string_data, "  ")])
    if from_cluster:
        order = {"apiVersion": 0, "data": 1, "kind": 2, "metadata": 3, "stringData": 4, "type": 5}
        body.sort(key=lambda chunk: order[_piece_text(chunk[0]).split(":")[0]])
    return _join(body)


def _k8s_json(rng: Rng, svc: str) -> Parts:
    entries: list[Parts] = []
    for key in rng.sample(_K8S_KEYS, rng.randint(1, 3)):
        entries.append(['        "', _k(key), '": "', _Sec(_b64(_k8s_value(rng).encode()), K8S), '"'])
    return [
        '{\n    "apiVersion": "v1",\n    "data": {\n',
        *_join(entries, ",\n"),
        '\n    },\n    "kind": "Secret",\n    "metadata": {\n        "name": "',
        _k(f"{svc}-env"),
        '",\n        "uid": "',
        _k(_uuid(rng)),
        '"\n    },\n    "type": "Opaque"\n}',
    ]


def _k8s_configmap(rng: Rng) -> Parts:
    return [
        _k("apiVersion: v1\nkind: ConfigMap"),
        "\nmetadata:\n  name: ",
        _k(f"{_svc(rng)}-config"),
        "\ndata:\n  ",
        _k(f"LOG_LEVEL: {rng.choice(('info', 'debug', 'warn'))}"),
        "\n  ",
        _k(f'FEATURE_FLAGS: "{_word(rng)},{_word(rng)}"'),
        "\nbinaryData:\n  logo.png: ",
        _k(_b64(b"\x89PNG\r\n\x1a\n" + rng.randbytes(48))),
    ]


def _k8s_core(rng: Rng) -> Parts:
    choice = rng.randrange(6)
    if choice == 0:
        return _k8s_manifest(rng, False)
    if choice == 1:
        svc = _svc(rng)
        return [
            f"$ kubectl get secret {svc}-credentials -n prod -o yaml\n",
            *_k8s_manifest(rng, True, svc, "prod"),
        ]
    if choice == 2:
        return [*_k8s_manifest(rng, False), "\n---\n", *_k8s_configmap(rng)]
    if choice == 3:
        svc = _svc(rng)
        return [f"$ kubectl get secret {svc}-env -o json\n", *_k8s_json(rng, svc)]
    if choice == 4:
        literals: list[Parts] = []
        for key in rng.sample(_K8S_KEYS, rng.randint(1, 2)):
            literals.append(["      - ", _k(key), "=", _Sec(_password(rng), K8S)])
        return [
            "secretGenerator:\n  - name: ",
            _k(f"{_svc(rng)}-secrets"),
            "\n    literals:\n",
            *_join(literals),
        ]
    key = rng.choice(_K8S_KEYS)
    value = _password(rng)
    return [
        f"$ kubectl create secret generic {_svc(rng)}-env ",
        _k(f"--from-literal={key}="),
        _Sec(value, K8S),
        " --dry-run=client -o yaml\napiVersion: v1\ndata:\n  ",
        _k(key),
        ": ",
        _Sec(_b64(value.encode()), K8S),
        "\nkind: Secret",
    ]


def _k8s_near(rng: Rng) -> Parts:
    choice = rng.randrange(4)
    if choice == 0:
        return _k8s_configmap(rng)
    if choice == 1:
        return [
            f"$ kubectl describe secret {_svc(rng)}-credentials\nName:         ",
            _k(f"{_svc(rng)}-credentials"),
            "\nType:  Opaque\n\nData\n====\n",
            _k(f"password:  {rng.randint(8, 40)} bytes"),
            "\n",
            _k(f"username:  {rng.randint(4, 12)} bytes"),
        ]
    if choice == 2:
        return [
            "        env:\n          - name: DB_PASSWORD\n            valueFrom:\n"
            "              secretKeyRef:\n                ",
            _k(f"name: {_svc(rng)}-credentials"),
            "\n                ",
            _k("key: password"),
        ]
    return [
        "apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nspec:\n  encryptedData:\n    password: ",
        _k("AgB" + _b64(rng.randbytes(rng.randint(200, 300)))),
    ]


# ---------------------------------------------------------------------------------------------
# Service-account key files.


def _sa_key_file(rng: Rng, style: str) -> Parts:
    """A key file; ``style`` is ``pretty`` (JSON file), ``compact`` (one line) or ``repr`` (a Python dict)."""
    s = SA_KEY
    project = _project(rng)
    email = _sa_email(rng, project)
    label, body, head = _pem_body(rng, 0)
    body_escaped = body.replace("\n", "\\n")
    q = "'" if style == "repr" else '"'
    fields: list[Parts] = [
        [_k(f"{q}type{q}: {q}service_account{q}")],
        [_k(f"{q}project_id{q}: {q}{project}{q}")],
        [q, _k("private_key_id"), f"{q}: {q}", _Sec(_r(rng, HEX, 40), s), q],
        [
            q,
            _k("private_key"),
            f"{q}: {q}",
            _k(f"-----BEGIN {label}-----"),
            "\\n",
            _Sec(body_escaped, s, head, True),
            "\\n",
            _k(f"-----END {label}-----"),
            f"\\n{q}",
        ],
        [_k(f"{q}client_email{q}: {q}{email}{q}")],
        [_k(f"{q}client_id{q}: {q}{rng.randint(10**20, 10**21 - 1)}{q}")],
        [_k(f"{q}auth_uri{q}: {q}https://accounts.google.com/o/oauth2/auth{q}")],
        [_k(f"{q}token_uri{q}: {q}https://oauth2.googleapis.com/token{q}")],
        [_k(f"{q}auth_provider_x509_cert_url{q}: {q}https://www.googleapis.com/oauth2/v1/certs{q}")],
        [
            f"{q}client_x509_cert_url{q}: {q}https://www.googleapis.com/robot/v1/metadata/x509/"
            f"{quote(email, safe='')}{q}"
        ],
        [_k(f"{q}universe_domain{q}: {q}googleapis.com{q}")],
    ]
    if style == "pretty":
        return ["{\n", *_join([["  ", *f] for f in fields], ",\n"), "\n}"]
    return ["{", *_join(fields, ", "), "}"]


def _authorized_user(rng: Rng) -> Parts:
    s = SA_KEY
    client = f"{rng.randint(10**11, 10**12 - 1)}-{_r(rng, LOWER_ALNUM, 32)}.apps.googleusercontent.com"
    return [
        '{\n  "account": "",\n  "client_id": "',
        _k(client),
        '",\n  "client_secret": "',
        _Sec("GOC" + "SPX-" + _r(rng, B64URL, 28), s, 7, True),
        '",\n  "quota_project_id": "',
        _k(_project(rng)),
        '",\n  "refresh_token": "',
        _Sec("1//0" + _r(rng, B64URL, 99), s, 4),
        '",\n  ',
        _k('"type": "authorized_user"'),
        ',\n  "universe_domain": "googleapis.com"\n}',
    ]


def _sa_core(rng: Rng) -> Parts:
    choice = rng.randrange(6)
    path = f"{rng.choice(('~/.config/gcloud', 'secrets', '/var/run/keys'))}/{_svc(rng)}-sa.json"
    if choice <= 1:
        return [f"$ cat {path}\n", *_sa_key_file(rng, "pretty")]
    if choice == 2:
        return ["GOOGLE_CREDENTIALS_JSON='", *_sa_key_file(rng, "compact"), "'"]
    if choice == 3:
        return [f">>> json.load(open({path!r}))\n", *_sa_key_file(rng, "repr")]
    if choice == 4:
        return ["$ cat ~/.config/gcloud/application_default_credentials.json\n", *_authorized_user(rng)]
    return _sa_key_file(rng, "pretty")


def _sa_near(rng: Rng) -> Parts:
    project = _project(rng)
    choice = rng.randrange(4)
    if choice == 0:
        return [
            f"$ gcloud auth activate-service-account --key-file={_svc(rng)}.json\n"
            "Activated service account credentials for: [",
            _k(_sa_email(rng, project)),
            "]",
        ]
    if choice == 1:
        return [
            '{\n  "type": "external_account",\n  "audience": "',
            _k(
                f"//iam.googleapis.com/projects/{rng.randint(10**11, 10**12 - 1)}/locations/global/"
                "workloadIdentityPools/github/providers/actions"
            ),
            '",\n  ',
            _k('"subject_token_type": "urn:ietf:params:oauth:token-type:jwt"'),
            ',\n  "token_url": "',
            _k("https://sts.googleapis.com/v1/token"),
            '",\n  "credential_source": {"file": "',
            _k("/var/run/secrets/tokens/gcp-ksa/token"),
            '"}\n}',
        ]
    if choice == 2:
        return [
            '  "private_key_id": "',
            _k(_placeholder(rng, "KEY_ID")),
            '",\n  "private_key": "',
            _k("${GCP_PRIVATE_KEY}"),
            '",',
        ]
    return [
        "export GOOGLE_APPLICATION_CREDENTIALS=",
        _k(f"/secrets/{_svc(rng)}-sa.json"),
        "\nexport CLOUDSDK_CORE_PROJECT=",
        _k(project),
    ]


# ---------------------------------------------------------------------------------------------
# Passwords on command lines.


def _azure_client_secret(rng: Rng) -> str:
    return _r(rng, ALNUM, 3) + "8Q~" + _r(rng, ALNUM + "~_.-", 34)


def _cmdline_core(rng: Rng) -> Parts:
    s = CMDLINE
    pw = _Sec(_password(rng), s)
    host, user, db = f"{_svc(rng)}-db.internal", _user(rng), _svc(rng).replace("-", "_")
    choice = rng.randrange(20)
    if choice == 0:
        return [
            f"$ mysql -h {host} ",
            _k("-P 3306"),
            f" -u {user} -p",
            pw,
            f" {db}\n",
            _k("mysql: [Warning] Using a password on the command line interface can be insecure."),
            "\nmysql>",
        ]
    if choice == 1:
        return [f"$ mysql --user={user} ", _k("--password="), pw, f" --host={host} -e 'SHOW TABLES' {db}"]
    if choice == 2:
        return ["$ PGPASSWORD=", pw, f" psql -h {host} ", _k("-p 5432"), f" -U {user} -d {db} -c '\\dt'"]
    if choice == 3:
        return [
            "$ mysqldump -u root -p'",
            pw,
            f"' --single-transaction {db} > backup-",
            _k(_when(rng).date().isoformat()),
            ".sql",
        ]
    if choice == 4:
        return [
            "$ sshpass -p '",
            pw,
            "' ssh ",
            _k("-p 2222"),
            " ",
            _k(f"deploy@{_ip(rng)}"),
            " 'systemctl restart app'",
        ]
    if choice == 5:
        registry = f"registry.{_domain(rng)}"
        return [
            f"$ docker login -u {user} -p ",
            pw,
            f" {registry}\n",
            _k("WARNING! Using --password via the CLI is insecure. Use --password-stdin."),
            "\nLogin Succeeded",
        ]
    if choice == 6:
        return [f"$ redis-cli -h {host} ", _k("-p 6379"), " -a ", pw, " --no-auth-warning PING\nPONG"]
    if choice == 7:
        return [
            f"$ curl -u {user}:",
            pw,
            f" https://{_host(rng)}/api/v1/status\n",
            '{"status":"green","version":"',
            _k(_version(rng)),
            '"}',
        ]
    if choice == 8:
        return [
            f'$ mongosh "mongodb://{host}:27017/{db}" --username {user} ',
            _k("--password"),
            " ",
            pw,
            " --authenticationDatabase admin",
        ]
    if choice == 9:
        return ["$ sqlcmd ", _k(f"-S {host},1433"), " -U sa -P '", pw, '\' -Q "SELECT @@VERSION"']
    if choice == 10:
        return [
            "$ htpasswd -bc ",
            _k("/etc/nginx/.htpasswd"),
            f" {user} ",
            pw,
            f"\nAdding password for user {user}",
        ]
    if choice == 11:
        return [
            "$ openssl pkcs12 -export -in cert.pem -inkey key.pem -out bundle.p12 ",
            _k("-passout"),
            " pass:",
            pw,
        ]
    if choice == 12:
        other = _Sec(_password(rng), s)
        return [
            "$ keytool -importkeystore -srckeystore bundle.p12 ",
            _k("-srcstoretype PKCS12"),
            " -srcstorepass ",
            pw,
            " -destkeystore app.jks -deststorepass ",
            other,
        ]
    if choice == 13:
        return [
            f"$ rabbitmqctl add_user {user} ",
            pw,
            "\n",
            _k(f'Adding user "{user}" ...'),
            "\nDone. Don't forget to grant the user permissions.",
        ]
    if choice == 14:
        return [
            f'$ ldapsearch -x -H ldap://{host} -D "cn=admin,dc={_word(rng)},dc=io" -w ',
            pw,
            " ",
            _k('-b "ou=people"'),
            ' "(uid=jdoe)"',
        ]
    if choice == 15:
        return ["$ smbclient ", _k(f"//{host}/share"), f" -U {user}%", pw, ' -c "ls"']
    if choice == 16:
        return [
            f"$ vault login -method=userpass username={user} password=",
            pw,
            "\nSuccess! You are now authenticated.\n",
            _k("token_duration     768h"),
        ]
    if choice == 17:
        return [
            "$ az login --service-principal -u ",
            _k(_uuid(rng)),
            " -p ",
            _Sec(_azure_client_secret(rng), s),
            " --tenant ",
            _k(_uuid(rng)),
        ]
    if choice == 18:
        return [
            "$ ps aux | grep java\n",
            f"app       {rng.randint(1000, 65000)}  3.1  8.4 4123456 687432 ?  Sl   ",
            _k(_when(rng).strftime("%H:%M")),
            "  12:41 java -jar app.jar --spring.datasource.password=",
            pw,
            " --server.port=8080",
        ]
    return [
        "$ history | tail -3\n",
        f"  {rng.randint(100, 999)}  ",
        _k(f"git checkout {_sha(rng)[:12]}"),
        f"\n  {rng.randint(100, 999)}  ansible-playbook site.yml -e ansible_become_pass=",
        pw,
        "\n",
        f"  {rng.randint(100, 999)}  history | tail -3",
    ]


def _cmdline_near(rng: Rng) -> Parts:
    host, user = f"{_svc(rng)}-db.internal", _user(rng)
    choice = rng.randrange(9)
    if choice == 0:
        return [_k(f"$ mysql -u {user} -p"), "\n", _k("Enter password:")]
    if choice == 1:
        return [_k(f"$ psql -h {host} -p 5432 -U {user}")]
    if choice == 2:
        return [
            _k(f"$ docker login -u {user} --password-stdin ghcr.io < ~/.config/ghcr-token"),
            "\nLogin Succeeded",
        ]
    if choice == 3:
        return [_k(f"$ ssh -p 2222 {user}@{_ip(rng)}")]
    if choice == 4:
        return [_k(f"$ docker run -d -p 8080:80 nginx:1.{rng.randint(20, 27)}.{rng.randint(0, 4)}")]
    if choice == 5:
        return ["$ mysql -u root -p", _k('"$MYSQL_ROOT_PASSWORD"'), " -e 'SELECT 1'"]
    if choice == 6:
        return ["$ PGPASSWORD=", _k('"${PGPASSWORD:?unset}"'), " psql -h ", _k(host), " -U ", _k(user)]
    if choice == 7:
        return ["$ redis-cli -a ", _k('"$(cat /run/secrets/redis_password)"'), " PING"]
    return [
        "$ openssl pkcs12 -export -in cert.pem -inkey key.pem ",
        _k("-passout env:P12_PASSWORD"),
        " -out bundle.p12",
    ]


# ---------------------------------------------------------------------------------------------
# Authorization headers.


def _auth_value(rng: Rng) -> Parts:
    """What follows ``Authorization: ``: the scheme (must survive) and its credential (secret)."""
    s = AUTHZ
    choice = rng.randrange(19)
    if choice == 16:
        blob = bytes.fromhex("608206") + rng.randbytes(rng.randint(600, 1400))
        return [_k("Negotiate"), " ", _Sec(_b64(blob), s)]
    if choice == 17:
        ntlm = b"NTLMSSP\x00\x03\x00\x00\x00"
        return [
            _k("NTLM"),
            " ",
            _Sec(_b64(ntlm + rng.randbytes(rng.randint(300, 500))), s, (len(ntlm) // 3) * 4),
        ]
    if choice == 18:
        user_id = _b64(str(rng.randint(10**17, 10**19)).encode()).rstrip("=")
        return [_k("Bot"), " ", _Sec(f"{user_id}.{_r(rng, B64URL, 6)}.{_mixed(rng, B64URL, 38)}", s)]
    if choice <= 1:
        return [_k("Bearer"), " ", _Sec(_b64url(rng.randbytes(rng.choice((30, 32, 48)))), s)]
    if choice == 2:
        token, head = _jwt(rng)
        return [_k("Bearer"), " ", _Sec(token, s, head, True)]
    if choice == 3:
        return [_k("Bearer"), " ", _Sec("ya" + "29." + _r(rng, B64URL, 160), s, 5)]
    if choice <= 5:
        return [_k("Basic"), " ", _Sec(_b64(f"{_user(rng)}:{_password(rng)}".encode()), s)]
    if choice == 6:
        return [_k("Token"), " ", _Sec(_r(rng, HEX, 40), s)]
    if choice == 7:
        return [_k("token"), " ", _Sec("gh" + "o_" + _mixed(rng, ALNUM, 36), s, 4, True)]
    if choice == 8:
        path = f"/api/{_svc(rng)}"
        return [
            _k("Digest"),
            " ",
            _k(f'username="{_user(rng)}"'),
            ", ",
            _k(f'realm="{_svc(rng)}@{_domain(rng)}"'),
            f', nonce="{_r(rng, HEX, 32)}", ',
            _k(f'uri="{path}"'),
            ", ",
            _k("qop=auth"),
            ", ",
            _k("nc=00000001"),
            f', cnonce="{_r(rng, HEX, 16)}", response="',
            _Sec(_r(rng, HEX, 32), s),
            '", ',
            _k("algorithm=MD5"),
        ]
    if choice == 9:
        when = _when(rng)
        return [
            _k("AWS4-HMAC-SHA256"),
            " Credential=",
            _Sec(_aws_key_id(rng), s, 4, True),
            _k(
                f"/{when:%Y%m%d}/{rng.choice(REGIONS)}/{rng.choice(('s3', 'execute-api', 'sqs'))}/aws4_request"
            ),
            ", ",
            _k("SignedHeaders=host;x-amz-content-sha256;x-amz-date"),
            ", Signature=",
            _Sec(_r(rng, HEX, 64), s),
        ]
    if choice == 10:
        return [_k("ApiKey"), " ", _Sec(_b64(f"{_r(rng, B64URL, 20)}:{_r(rng, B64URL, 22)}".encode()), s)]
    if choice == 11:
        return [_k("Splunk"), " ", _Sec(_uuid(rng), s)]
    if choice == 12:
        return [_k("SSWS"), " ", _Sec("00" + _mixed(rng, B64URL, 40), s)]
    if choice == 13:
        return [
            _k("OAuth"),
            " ",
            f'oauth_consumer_key="{_r(rng, ALNUM, 25)}", oauth_token="',
            _Sec(f"{rng.randint(10**17, 10**18)}-{_r(rng, ALNUM, 40)}", s),
            '", ',
            _k('oauth_signature_method="HMAC-SHA1"'),
            ", ",
            _k(f'oauth_timestamp="{int(_when(rng).timestamp())}"'),
            f', oauth_nonce="{_r(rng, ALNUM, 32)}", ',
            _k('oauth_version="1.0"'),
            ', oauth_signature="',
            _Sec(quote(_b64(rng.randbytes(20)), safe=""), s),
            '"',
        ]
    if choice == 14:
        return [
            _k("SharedKey"),
            " ",
            _k(f"{_word(rng)}{rng.randint(10, 99)}"),
            ":",
            _Sec(_b64(rng.randbytes(32)), s),
        ]
    return [
        _k("Hawk"),
        " ",
        f'id="{_r(rng, ALNUM, 12)}", ',
        _k(f'ts="{int(_when(rng).timestamp())}"'),
        f', nonce="{_r(rng, ALNUM, 6)}", mac="',
        _Sec(_b64(rng.randbytes(32)), s),
        '"',
    ]


def _authz_core(rng: Rng) -> Parts:
    value = _auth_value(rng)
    host = _host(rng)
    name = _k("Authorization")
    choice = rng.randrange(10)
    if choice == 0:
        return [
            f"$ curl -sS https://{host}/v1/me -H '",
            name,
            ": ",
            *value,
            "' -H '",
            _k("Accept: application/json"),
            "'",
        ]
    if choice == 1:
        return [
            f"> GET /v1/projects HTTP/2\n> Host: {host}\n> ",
            _k("user-agent: curl/8.5.0"),
            "\n> ",
            _k("authorization"),
            ": ",
            *value,
            "\n> accept: */*\n>\n< HTTP/2 200\n< ",
            _k("content-type: application/json"),
        ]
    if choice == 2:
        return [
            f"POST /api/{_svc(rng)} HTTP/1.1\nHost: {host}\n",
            name,
            ": ",
            *value,
            "\n",
            _k("Content-Type: application/json"),
            "\nContent-Length: ",
            _k(str(rng.randint(20, 900))),
        ]
    escaped = _map(value, _json_inner)
    if choice == 3:
        return [
            "headers = {\n    ",
            '"',
            name,
            '": "',
            *escaped,
            '",\n    "',
            _k("User-Agent"),
            '": "',
            _k(f"{_svc(rng)}/{_version(rng)}"),
            '",\n}',
        ]
    if choice == 4:
        return [
            "const res = await fetch(url, {\n  headers: {\n    ",
            name,
            ': "',
            *escaped,
            '",\n    ',
            _k('"Content-Type": "application/json"'),
            ",\n  },\n});",
        ]
    if choice == 5:
        return ['{\n  "key": "', name, '",\n  "value": "', *escaped, '",\n  "type": "text"\n}']
    if choice == 6:
        return [
            f"### list {_svc(rng)}\nGET https://{host}/v2/items\n",
            name,
            ": ",
            *value,
            "\n",
            _k("Accept: application/json"),
        ]
    if choice == 7:
        return [
            'req.Header.Set("',
            name,
            '", "',
            *escaped,
            '")\n',
            _k('req.Header.Set("X-Request-Id", uuid.NewString())'),
        ]
    if choice == 8:
        return [
            _k(_iso(rng)),
            f" DEBUG httpx: request headers {{'host': '{host}', ",
            "'",
            _k("authorization"),
            "': '",
            *value,
            "', 'accept': '*/*'}",
        ]
    proxy: Parts = [_k("Basic"), " ", _Sec(_b64(f"{_user(rng)}:{_password(rng)}".encode()), AUTHZ)]
    return [f"CONNECT {host}:443 HTTP/1.1\nHost: {host}:443\n", _k("Proxy-Authorization"), ": ", *proxy, "\n"]


def _authz_near(rng: Rng) -> Parts:
    choice = rng.randrange(6)
    if choice == 0:
        return [
            _k("Authorization"),
            ": ",
            _k("Bearer"),
            " ",
            _k(_placeholder(rng, "API_TOKEN").replace(" ", "")),
        ]
    if choice == 1:
        return [_k("WWW-Authenticate"), ": ", _k('Bearer realm="api", error="invalid_token"')]
    if choice == 2:
        return [_k("WWW-Authenticate"), ": ", _k('Basic realm="Restricted", charset="UTF-8"')]
    if choice == 3:
        return [_k("Access-Control-Allow-Headers: Authorization, Content-Type, X-Request-Id")]
    if choice == 4:
        return ["headers: { ", _k("Authorization: `Bearer ${token}`"), " },"]
    return [_k("Authorization"), ": ", _k("Basic"), " ", _k("****")]


# ---------------------------------------------------------------------------------------------
# E-mail addresses.


def _email_core(rng: Rng) -> Parts:
    s = EMAIL
    name, address = _person(rng)
    mail = _Sec(address, s)
    choice = rng.randrange(12)
    if choice == 0:
        return [
            "commit ",
            _k(_sha(rng)),
            f"\nAuthor: {name} <",
            mail,
            ">\nDate:   ",
            _k(_when(rng).strftime("%a %b %d %H:%M:%S %Y +0100")),
            f"\n\n    Fix {_svc(rng)} retry on 429",
        ]
    if choice == 1:
        other_name, other = _person(rng)
        return [
            f"    Bump {_svc(rng)} to ",
            _k(_version(rng)),
            f"\n\n    Signed-off-by: {name} <",
            mail,
            f">\n    Co-authored-by: {other_name} <",
            _Sec(other, s),
            ">",
        ]
    if choice == 2:
        return [
            '{\n  "name": "',
            _k(f"@{_word(rng)}/{_svc(rng)}"),
            '",\n  "version": "',
            _k(_version(rng)),
            f'",\n  "author": "{name} <',
            mail,
            '>",\n  "license": "MIT"\n}',
        ]
    if choice == 3:
        return [
            "[project]\nname = ",
            _k(f'"{_svc(rng)}"'),
            "\nversion = ",
            _k(f'"{_version(rng)}"'),
            f'\nauthors = [{{ name = "{name}", email = "',
            mail,
            '" }]',
        ]
    if choice == 4:
        return [
            _k(_iso(rng)),
            " INFO  mailer: password reset link sent to ",
            mail,
            " (template=reset_v2, message_id=",
            _k(_uuid(rng)),
            ")",
        ]
    if choice == 5:
        return [
            "app=> SELECT id, email, created_at FROM users WHERE id = ",
            f"{rng.randint(1, 99999)};\n  id   |            email             |       created_at\n"
            "-------+------------------------------+------------------------\n ",
            f"{rng.randint(1, 99999)} | ",
            mail,
            " | ",
            _k(_when(rng).strftime("%Y-%m-%d %H:%M:%S")),
            "\n(1 row)",
        ]
    if choice == 6:
        return [
            "psycopg.errors.UniqueViolation: duplicate key value violates unique constraint ",
            _k('"users_email_key"'),
            "\nDETAIL:  Key (email)=(",
            mail,
            ") already exists.\n",
            _k(
                f'CONTEXT:  SQL statement "INSERT INTO users (id, email) VALUES ({rng.randint(1, 99999)}, $1)"'
            ),
        ]
    if choice == 7:
        _, to = _person(rng)
        return [
            f"From: {name} <",
            mail,
            ">\nTo: ",
            _Sec(to, s),
            f"\nSubject: {_svc(rng)} outage follow-up\nMessage-ID: ",
            _k(f"<{_r(rng, HEX, 24)}@mail.{_domain(rng)}>"),
            "\nDate: ",
            _k(_http_date(rng)),
        ]
    if choice == 8:
        return [
            f"dn: uid={_word(rng)},ou=people,dc={_word(rng)},dc=io\n",
            _k("objectClass: inetOrgPerson"),
            "\nmail: ",
            mail,
        ]
    if choice == 9:
        rows: Parts = ["signup_id,email,plan,created"]
        for _ in range(rng.randint(1, 3)):
            rows += [
                "\n",
                _k(str(rng.randint(1000, 99999))),
                ",",
                _Sec(_person(rng)[1], s),
                ",",
                _k(rng.choice(("free", "pro", "team"))),
                ",",
                _k(_when(rng).date().isoformat()),
            ]
        return rows
    if choice == 10:
        return [
            f"$ pip show {_svc(rng)}\nName: {_svc(rng)}\nVersion: ",
            _k(_version(rng)),
            f"\nAuthor-email: {name} <",
            mail,
            ">\nLicense: Apache-2.0",
        ]
    return [
        f"Hi, I'm {name.split()[0]}; write to me at ",
        mail,
        " once the ",
        _k(_order(rng)),
        " refund goes through.",
    ]


def _email_near(rng: Rng) -> Parts:
    choice = rng.randrange(9)
    if choice == 0:
        return ["$ git remote -v\norigin  ", _k(f"git@github.com:{_word(rng)}/{_svc(rng)}.git"), " (fetch)"]
    if choice == 1:
        return [
            "contact_email: ",
            _k(rng.choice(("user@example.com", "admin@example.org", "you@example.net"))),
        ]
    if choice == 2:
        return [_k(f"ubuntu@ip-{_ip(rng).replace('.', '-')}:~$"), " ls"]
    if choice == 3:
        return [
            "$ npm ls\n",
            _k(f"├── @types/node@{rng.randint(18, 22)}.{rng.randint(0, 12)}.{rng.randint(0, 9)}"),
            "\n",
            _k(f"└── vue@3.{rng.randint(0, 5)}.{rng.randint(0, 30)}"),
        ]
    if choice == 4:
        return ["      - uses: ", _k("actions/checkout@v4"), "\n      - uses: ", _k("actions/setup-node@v4")]
    if choice == 5:
        return ["image: ", _k(f"nginx@sha256:{_sha256(rng)}")]
    if choice == 6:
        return [_k("@pytest.fixture"), "\ndef client():", "\n    ", _k("@functools.cache")]
    if choice == 7:
        return ["$ ssh ", _k(f"deploy@{_ip(rng)}"), " uptime"]
    return ["Message-ID: ", _k(f"<{_uuid(rng)}@{_domain(rng)}>")]


def _email_encoded_core(rng: Rng) -> Parts:
    s = EMAIL_ENCODED
    address = _person(rng)[1]
    enc = _Sec(quote(address, safe=""), s)
    host = _host(rng)
    choice = rng.randrange(9)
    if choice == 0:
        stamp = _when(rng).strftime("%d/%b/%Y:%H:%M:%S +0000")
        return [
            f"{_ip(rng)} - - [",
            _k(stamp),
            '] "GET /api/v1/users?email=',
            enc,
            "&",
            _k("include=teams"),
            ' HTTP/1.1" 200 ',
            _k(str(rng.randint(100, 9999))),
        ]
    if choice == 1:
        return [
            "< HTTP/2 302\n< location: ",
            _k(f"https://accounts.{_domain(rng)}/authorize"),
            "?",
            _k("response_type=code"),
            "&",
            _k("scope=openid%20email%20profile"),
            "&login_hint=",
            enc,
        ]
    if choice == 2:
        return [
            "email=",
            enc,
            "&",
            _k(f"plan={rng.choice(('pro', 'team'))}"),
            "&",
            _k(f"seats={rng.randint(1, 50)}"),
            "&",
            _k(f"coupon={_word(rng).upper()}{rng.randint(10, 99)}"),
        ]
    if choice == 3:
        return [">>> urlencode({'email': addr, 'list': 'weekly'})\n'email=", enc, "&", _k("list=weekly"), "'"]
    if choice == 4:
        return [
            f'<a href="https://{host}/unsubscribe?u=',
            enc,
            "&",
            _k(f"t={_when(rng):%Y%m%d}"),
            '">Unsubscribe</a>',
        ]
    if choice == 5:
        double = _Sec(quote(quote(address, safe=""), safe=""), s)
        return [
            f"GET https://{host}/login?",
            _k(f"return_to=https%3A%2F%2F{host}%2Finvite%3Femail%3D"),
            double,
            " 302",
        ]
    if choice == 6:
        return [
            '{"level":"info","msg":"request","url":"/v2/invites?to=',
            enc,
            "&",
            _k("role=member"),
            '","status":201,"ts":"',
            _k(_iso(rng)),
            '"}',
        ]
    if choice == 7:
        return [
            "Sentry breadcrumb: ",
            _k("GET"),
            f" https://{host}/search?q=",
            enc,
            "&",
            _k("page=1"),
            " [",
            _k("200"),
            "]",
        ]
    return [
        f"$ curl -sG https://{host}/v1/lookup --data-urlencode email=... -v 2>&1 | grep GET\n> GET ",
        _k("/v1/lookup"),
        "?email=",
        enc,
        " HTTP/2",
    ]


def _email_encoded_near(rng: Rng) -> Parts:
    choice = rng.randrange(6)
    if choice == 0:
        return ["GET ", _k(f"https://registry.npmjs.org/%40types%2F{rng.choice(('node', 'react', 'jest'))}")]
    if choice == 1:
        return ["pull ", _k(f"docker.io%2Flibrary%2Fnginx%40sha256%3A{_sha256(rng)}")]
    if choice == 2:
        return [
            "?",
            _k("email=user%40example.com"),
            "&",
            _k("redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback"),
        ]
    if choice == 3:
        return [
            "q=",
            _k("rust%20async%20runtime"),
            "&",
            _k("scope=openid%20email"),
            "&",
            _k("email_verified=true"),
        ]
    if choice == 4:
        return ["ref=", _k("refs%2Fheads%2Fmain"), "&sha=", _k(_sha(rng))]
    return ["login_hint=", _k("%3Cyour-email%3E"), "&", _k("prompt=consent")]


# ---------------------------------------------------------------------------------------------
# AWS keys.


def _aws_pair(rng: Rng, temporary: bool = False) -> tuple[_Sec, _Sec]:
    return _Sec(_aws_key_id(rng, temporary), AWS, 4, True), _Sec(_aws_secret(rng), AWS)


def _aws_core(rng: Rng) -> Parts:
    kid, secret = _aws_pair(rng)
    region = rng.choice(REGIONS)
    choice = rng.randrange(10)
    if choice == 0:
        other_id, other_secret = _aws_pair(rng)
        return [
            "$ cat ~/.aws/credentials\n[default]\n",
            _k("aws_access_key_id"),
            " = ",
            kid,
            "\n",
            _k("aws_secret_access_key"),
            " = ",
            secret,
            f"\n\n[{_svc(rng)}]\naws_access_key_id = ",
            other_id,
            "\naws_secret_access_key = ",
            other_secret,
            "\n",
            _k(f"region = {region}"),
        ]
    if choice == 1:
        return [
            "export ",
            _k("AWS_ACCESS_KEY_ID"),
            "=",
            kid,
            "\nexport ",
            _k("AWS_SECRET_ACCESS_KEY"),
            "=",
            secret,
            "\nexport ",
            _k(f"AWS_DEFAULT_REGION={region}"),
        ]
    if choice == 2:
        return [
            "$ aws configure\nAWS Access Key ID [None]: ",
            kid,
            "\nAWS Secret Access Key [None]: ",
            secret,
            "\nDefault region name [None]: ",
            _k(region),
            "\nDefault output format [None]: ",
            _k("json"),
        ]
    if choice == 3:
        user = _user(rng)
        return [
            f"$ aws iam create-access-key --user-name {user}\n",
            '{\n    "AccessKey": {\n        "UserName": "',
            _k(user),
            '",\n        "AccessKeyId": "',
            kid,
            '",\n        "Status": "Active",\n        "SecretAccessKey": "',
            secret,
            '",\n        "CreateDate": "',
            _k(_iso(rng)),
            '"\n    }\n}',
        ]
    if choice == 4:
        tid, tsecret = _aws_pair(rng, True)
        token, head = _aws_session_token(rng)
        account = rng.randint(10**11, 10**12 - 1)
        return [
            f"$ aws sts assume-role --role-arn arn:aws:iam::{account}:role/deploy --role-session-name ci\n",
            '{\n    "Credentials": {\n        "AccessKeyId": "',
            tid,
            '",\n        "SecretAccessKey": "',
            tsecret,
            '",\n        "SessionToken": "',
            _Sec(token, AWS, head),
            '",\n        "Expiration": "',
            _k(_iso(rng)),
            '"\n    },\n    "AssumedRoleUser": {\n        "Arn": "',
            _k(f"arn:aws:sts::{account}:assumed-role/deploy/ci"),
            '"\n    }\n}',
        ]
    if choice == 5:
        return [
            "s3 = boto3.client(\n    ",
            _k('"s3"'),
            ",\n    aws_access_key_id=",
            '"',
            kid,
            '",\n    aws_secret_access_key="',
            secret,
            '",\n    ',
            _k(f'region_name="{region}"'),
            ",\n)",
        ]
    if choice == 6:
        return [
            'provider "aws" {\n  ',
            _k(f'region     = "{region}"'),
            '\n  access_key = "',
            kid,
            '"\n  secret_key = "',
            secret,
            '"\n}',
        ]
    if choice == 7:
        return [
            "$ docker run --rm -e AWS_ACCESS_KEY_ID=",
            kid,
            " -e AWS_SECRET_ACCESS_KEY=",
            secret,
            " ",
            _k(f"amazon/aws-cli:2.{rng.randint(10, 22)}.{rng.randint(0, 30)}"),
            " s3 ls",
        ]
    if choice == 8:
        return [
            "[default]\n",
            _k("access_key"),
            " = ",
            kid,
            "\n",
            _k("secret_key"),
            " = ",
            secret,
            "\n",
            _k(f"host_base = s3.{region}.amazonaws.com"),
            "\n",
            _k("use_https = True"),
        ]
    return [
        "AWS_ACCESS_KEY_ID=",
        kid,
        "\nAWS_SECRET_ACCESS_KEY=",
        secret,
        "\n",
        _k(f"AWS_REGION={region}"),
        "\n",
        _k("S3_BUCKET=" + f"{_word(rng)}-{_svc(rng)}"),
    ]


def _aws_near(rng: Rng) -> Parts:
    account = rng.randint(10**11, 10**12 - 1)
    choice = rng.randrange(4)
    if choice == 0:
        return [
            "$ aws configure list\n      Name                    Value             Type    Location\n",
            "access_key     ",
            _k("****************" + _r(rng, B32, 4)),
            " shared-credentials-file\nsecret_key     ",
            _k("****************" + _r(rng, B32 + LOWER, 4)),
            " shared-credentials-file\n    region                ",
            _k(rng.choice(REGIONS)),
            "      config-file    ~/.aws/config",
        ]
    if choice == 1:
        return [
            '$ aws sts get-caller-identity\n{\n    "UserId": "',
            _k("AIDA" + _r(rng, B32, 17)),
            '",\n    "Account": "',
            _k(str(account)),
            '",\n    "Arn": "',
            _k(f"arn:aws:iam::{account}:user/{_user(rng)}"),
            '"\n}',
        ]
    if choice == 2:
        return [
            "          ",
            _k("aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}"),
            "\n          ",
            _k("aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}"),
        ]
    return ["aws_secret_access_key = ", _k(_placeholder(rng, "AWS_SECRET_ACCESS_KEY"))]


# ---------------------------------------------------------------------------------------------
# Vendor tokens.

VendorMaker = Callable[[Rng], tuple[str, int]]


def _tok_github(rng: Rng) -> tuple[str, int]:
    if rng.random() < 0.7:
        return "gh" + rng.choice("pousr") + "_" + _mixed(rng, ALNUM, 36), 4
    return "github" + "_pat_" + _mixed(rng, ALNUM, 22) + "_" + _mixed(rng, ALNUM, 59), 11


def _tok_gitlab(rng: Rng) -> tuple[str, int]:
    return "gl" + "pat-" + _mixed(rng, B64URL, 20), 6


def _tok_slack(rng: Rng) -> tuple[str, int]:
    choice = rng.randrange(3)
    if choice == 0:
        return (
            f"xo{'xb'}-{rng.randint(10**10, 10**12)}-{rng.randint(10**12, 10**13)}-{_mixed(rng, ALNUM, 24)}",
            5,
        )
    if choice == 1:
        parts = f"{rng.randint(10**10, 10**12)}-{rng.randint(10**10, 10**12)}-{rng.randint(10**12, 10**13)}"
        return f"xo{'xp'}-{parts}-{_r(rng, HEX, 32)}", 5
    return f"xa{'pp'}-1-A{_r(rng, UPPER + DIGITS, 10)}-{rng.randint(10**12, 10**13)}-{_r(rng, HEX, 64)}", 5


def _tok_stripe(rng: Rng) -> tuple[str, int]:
    head = rng.choice(("sk_" + "live_", "rk_" + "live_", "sk_" + "test_"))
    if rng.random() < 0.2:
        return "whsec" + "_" + _mixed(rng, ALNUM, 32), 6
    return head + _mixed(rng, ALNUM, rng.choice((24, 99))), len(head)


def _tok_openai(rng: Rng) -> tuple[str, int]:
    choice = rng.randrange(3)
    if choice == 0:
        return "sk-" + "proj-" + _mixed(rng, B64URL, 156), 8
    if choice == 1:
        marker = base64.b64encode(b"OpenAI").decode()
        return "sk-" + _mixed(rng, ALNUM, 20) + marker + _mixed(rng, ALNUM, 20), 3
    return "sk-" + "svcacct-" + _mixed(rng, B64URL, 140), 11


def _tok_anthropic(rng: Rng) -> tuple[str, int]:
    if rng.random() < 0.8:
        return "sk-" + "ant-api03-" + _mixed(rng, B64URL, 93) + "AA", 13
    return "sk-" + "ant-admin01-" + _mixed(rng, B64URL, 93) + "AA", 15


def _tok_google(rng: Rng) -> tuple[str, int]:
    return "AI" + "za" + _mixed(rng, B64URL, 35), 4


def _tok_npm(rng: Rng) -> tuple[str, int]:
    return "np" + "m_" + _mixed(rng, ALNUM, 36), 4


def _tok_pypi(rng: Rng) -> tuple[str, int]:
    head = "pypi-" + _b64url(b"\x02\x01\x08pypi.org")
    return head + _b64url(b"\x02" + rng.randbytes(rng.randint(110, 140))), len(head)


def _tok_hf(rng: Rng) -> tuple[str, int]:
    return "h" + "f_" + _mixed(rng, ALNUM, 34), 3


def _tok_sendgrid(rng: Rng) -> tuple[str, int]:
    return "S" + "G." + _mixed(rng, B64URL, 22) + "." + _mixed(rng, B64URL, 43), 3


def _tok_twilio(rng: Rng) -> tuple[str, int]:
    return "S" + "K" + _r(rng, HEX, 32), 2


def _tok_do(rng: Rng) -> tuple[str, int]:
    head = rng.choice(("dop", "doo", "dor")) + "_v1_"
    return head + _r(rng, HEX, 64), 7


def _tok_shopify(rng: Rng) -> tuple[str, int]:
    head = "shp" + rng.choice(("at", "ss", "ca", "pa")) + "_"
    return head + _r(rng, HEX, 32), 6


def _tok_databricks(rng: Rng) -> tuple[str, int]:
    return "da" + "pi" + _r(rng, HEX, 32) + rng.choice(("", "-2", "-3")), 4


# (name, environment variable, maker)
VENDORS: tuple[tuple[str, str, VendorMaker], ...] = (
    ("github", "GITHUB_TOKEN", _tok_github),
    ("gitlab", "GITLAB_TOKEN", _tok_gitlab),
    ("slack", "SLACK_BOT_TOKEN", _tok_slack),
    ("stripe", "STRIPE_SECRET_KEY", _tok_stripe),
    ("openai", "OPENAI_API_KEY", _tok_openai),
    ("anthropic", "ANTHROPIC_API_KEY", _tok_anthropic),
    ("google", "GOOGLE_API_KEY", _tok_google),
    ("npm", "NPM_TOKEN", _tok_npm),
    ("pypi", "TWINE_PASSWORD", _tok_pypi),
    ("huggingface", "HF_TOKEN", _tok_hf),
    ("sendgrid", "SENDGRID_API_KEY", _tok_sendgrid),
    ("twilio", "TWILIO_API_KEY", _tok_twilio),
    ("digitalocean", "DIGITALOCEAN_TOKEN", _tok_do),
    ("shopify", "SHOPIFY_ACCESS_TOKEN", _tok_shopify),
    ("databricks", "DATABRICKS_TOKEN", _tok_databricks),
    ("jwt", "ID_TOKEN", _jwt),
)


def _vendor_specific(rng: Rng, vendor: str, tok: Parts) -> Parts:
    """A context only this vendor's token shows up in (its SDK, CLI or config file)."""
    if vendor == "github":
        return [
            "github.com:\n    ",
            _k("oauth_token"),
            ": ",
            *tok,
            "\n    ",
            _k(f"user: {_word(rng)}"),
            "\n    ",
            _k("git_protocol: https"),
        ]
    if vendor == "gitlab":
        return [
            "$ git remote set-url origin https://oauth2:",
            *tok,
            _k(f"@gitlab.com/{_word(rng)}/{_svc(rng)}.git"),
        ]
    if vendor == "slack":
        return [
            "from slack_sdk import WebClient\n\nclient = WebClient(token=",
            '"',
            *tok,
            '")\n',
            _k('client.chat_postMessage(channel="#deploys", text="done")'),
        ]
    if vendor == "stripe":
        return [
            "import stripe\n\n",
            "stripe.api_key = '",
            *tok,
            "'\n",
            _k(f"stripe.api_version = '{_when(rng):%Y-%m-%d}'"),
        ]
    if vendor == "openai":
        return [
            "from openai import OpenAI\n\nclient = OpenAI(api_key=",
            '"',
            *tok,
            '")\n',
            _k('resp = client.responses.create(model="gpt-4.1", input="hi", max_output_tokens=256)'),
        ]
    if vendor == "anthropic":
        return [
            "client = anthropic.Anthropic(api_key=",
            '"',
            *tok,
            '")\n',
            _k("msg = client.messages.create(model=model, max_tokens=1024, messages=messages)"),
        ]
    if vendor == "google":
        return ['$ curl "', _k("https://generativelanguage.googleapis.com/v1beta/models"), "?key=", *tok, '"']
    if vendor == "npm":
        return [
            "$ cat ~/.npmrc\n",
            _k("//registry.npmjs.org/:_authToken"),
            "=",
            *tok,
            "\n",
            _k("@" + _word(rng) + ":registry=https://npm.pkg.github.com"),
        ]
    if vendor == "pypi":
        return ["[pypi]\n  ", _k("username = __token__"), "\n  password = ", *tok]
    if vendor == "huggingface":
        return ["$ huggingface-cli login --token ", *tok, "\n", _k("Token is valid (permission: write).")]
    if vendor == "sendgrid":
        return ["sg = SendGridAPIClient(", "'", *tok, "')\n", _k("response = sg.send(message)")]
    if vendor == "twilio":
        secret = _Sec(_r(rng, ALNUM, 32), VENDOR)
        return [
            "client = Client(",
            '"',
            *tok,
            '", "',
            secret,
            '", ',
            f'"AC{_r(rng, HEX, 32)}"',
            ")\n",
            _k('message = client.messages.create(to=to, from_=sender, body="deploy finished")'),
        ]
    if vendor == "digitalocean":
        return ["$ doctl auth init --access-token ", *tok, "\n", _k("Validating token... OK")]
    if vendor == "shopify":
        return [
            "curl -X GET ",
            _k(f"https://{_word(rng)}.myshopify.com/admin/api/2025-01/products.json"),
            " -H ",
            '"',
            _k("X-Shopify-Access-Token"),
            ": ",
            *tok,
            '"',
        ]
    if vendor == "databricks":
        return [
            "$ cat ~/.databrickscfg\n[DEFAULT]\n",
            _k(f"host  = https://dbc-{_r(rng, HEX, 8)}-{_r(rng, HEX, 4)}.cloud.databricks.com"),
            "\ntoken = ",
            *tok,
        ]
    return [
        '{\n  "access_token": "',
        *tok,
        '",\n  ',
        _k('"token_type": "Bearer"'),
        ",\n  ",
        _k('"expires_in": 3600'),
        "\n}",
    ]


def _vendor_generic(rng: Rng, var: str, tok: Parts) -> Parts:
    choice = rng.randrange(9)
    if choice == 0:
        return [_k(var), "=", *tok]
    if choice == 1:
        return ["export ", _k(var), '="', *tok, '"']
    if choice == 2:
        return [
            f"{_svc(rng)}:\n  ",
            _k(var.lower()),
            ": ",
            *tok,
            "\n  ",
            _k(f"timeout: {rng.randint(5, 60)}s"),
        ]
    if choice == 3:
        return [
            '{"',
            _k(var.lower()),
            '": "',
            *tok,
            '", "',
            _k("region"),
            '": "',
            _k(rng.choice(REGIONS)),
            '"}',
        ]
    if choice == 4:
        return [
            f"$ curl -s https://{_host(rng)}/v1/whoami -H '",
            _k("Authorization"),
            ": ",
            _k("Bearer"),
            " ",
            *tok,
            "'",
        ]
    if choice == 5:
        return [
            f"diff --git a/config/{_svc(rng)}.env b/config/{_svc(rng)}.env\n",
            "index ",
            _k(f"{_r(rng, HEX, 7)}..{_r(rng, HEX, 7)}"),
            " 100644\n",
            "@@ -3,2 +3,3 @@\n ",
            _k(f"LOG_LEVEL={rng.choice(('info', 'debug'))}"),
            "\n+",
            _k(var),
            "=",
            *tok,
        ]
    if choice == 6:
        return [
            _k(_iso(rng)),
            f" DEBUG {_svc(rng)}: using credential ",
            *tok,
            " for ",
            _k(f"org={_word(rng)}"),
        ]
    if choice == 7:
        return [
            "here's the key you asked for: ",
            *tok,
            " (created ",
            _k(_when(rng).date().isoformat()),
            ", expires in 90 days)",
        ]
    return [
        f"{_svc(rng).upper().replace('-', '_')}_",
        _k("TOKEN"),
        " = ",
        '"',
        *tok,
        '"  # rotated ',
        _k(_when(rng).date().isoformat()),
    ]


def _pem_core(rng: Rng) -> Parts:
    label, body, head = _pem_body(rng)
    secret = _Sec(body, VENDOR, head, True)
    begin, end = _k(f"-----BEGIN {label}-----"), _k(f"-----END {label}-----")
    choice = rng.randrange(5)
    if choice == 0:
        path = "~/.ssh/id_ed25519" if "OPENSSH" in label else f"certs/{_svc(rng)}.key"
        return [f"$ cat {path}\n", begin, "\n", secret, "\n", end]
    if choice == 1:
        escaped = _map([begin, "\n", secret, "\n", end, "\n"], _json_inner)
        return [
            '    "private_key_pem": "',
            *escaped,
            '",\n    ',
            _k(f'"public_key_fingerprint_md5": "{":".join(_r(rng, HEX, 2) for _ in range(16))}"'),
        ]
    if choice == 2:
        return ['PRIVATE_KEY="', begin, "\n", secret, "\n", end, '"\n', _k(f"KEY_ID={_uuid(rng)}")]
    if choice == 3:
        return ['SIGNING_KEY = """', begin, "\n", secret, "\n", end, '\n"""']
    command = {
        "PRIVATE KEY": "openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048",
        "RSA PRIVATE KEY": "openssl genrsa -traditional 2048",
        "EC PRIVATE KEY": "openssl ecparam -name prime256v1 -genkey -noout",
    }.get(label, "cat ~/.ssh/id_ed25519")
    return [
        f"$ {command} | tee key.pem\n",
        begin,
        "\n",
        secret,
        "\n",
        end,
    ]


def _vendor_core_for(rng: Rng, index: int) -> Parts:
    if index % (len(VENDORS) + 1) == len(VENDORS):
        return _pem_core(rng)
    vendor, var, maker = VENDORS[index % (len(VENDORS) + 1)]
    token, prefix = maker(rng)
    tok: Parts = [_Sec(token, VENDOR, prefix, True)]
    if rng.random() < 0.45 and not token.startswith("whsec"):
        return _vendor_specific(rng, vendor, tok)
    return _vendor_generic(rng, var, tok)


def _vendor_near(rng: Rng) -> Parts:
    choice = rng.randrange(8)
    if choice == 0:
        return [_k("GITHUB_TOKEN"), "=", _k("gh" + "p_" + "x" * 36)]
    if choice == 1:
        return [_k("OPENAI_API_KEY"), "=", _k("${OPENAI_API_KEY:?must be set}")]
    if choice == 2:
        return [
            "$ gh auth status\n  ✓ Logged in to github.com account ",
            _k(_word(rng)),
            " (keyring)\n  - Token: ",
            _k("gh" + "o_" + "*" * 36),
        ]
    if choice == 3:
        return [
            "Classic tokens start with ",
            _k("`gh" + "p_`"),
            ", fine-grained ones with ",
            _k("`github" + "_pat_`"),
            ".",
        ]
    if choice == 4:
        return [_k(_placeholder(rng, "HF_TOKEN")), " is read from ", _k("HF_TOKEN"), " if unset"]
    if choice == 5:
        return [
            "stripe.error.AuthenticationError: Invalid API Key provided: ",
            _k("sk_" + "live_" + "*" * 20 + _r(rng, ALNUM, 4)),
        ]
    if choice == 6:
        return [
            _k("-----BEGIN PUBLIC KEY-----"),
            "\n",
            _k(_b64(rng.randbytes(60))),
            "\n",
            _k("-----END PUBLIC KEY-----"),
        ]
    block = _cert_block(rng) if rng.random() < 0.5 else _ssh_public(rng)
    return [_k(block)]


# ---------------------------------------------------------------------------------------------
# Database connection strings.


def _db_core(rng: Rng) -> Parts:
    s = DB
    user, host, db = (
        _user(rng),
        f"{_svc(rng)}-db.{rng.choice(('internal', 'svc.cluster.local', _domain(rng)))}",
        _svc(rng).replace("-", "_"),
    )
    raw = _url_password(rng)
    if rng.random() < 0.2:
        raw = raw[:5] + rng.choice("@:/#") + raw[5:]
    pw = _Sec(quote(raw, safe=""), s)
    plain = _Sec(_password(rng), s)
    choice = rng.randrange(13)
    if choice == 0:
        return [
            _k("DATABASE_URL"),
            "=",
            _k(f"postgresql://{user}"),
            ":",
            pw,
            _k(f"@{host}:5432/{db}"),
            "?",
            _k("sslmode=require"),
        ]
    if choice == 1:
        return [
            "engine = create_engine(",
            '"',
            _k(f"postgresql+psycopg://{user}"),
            ":",
            pw,
            _k(f"@{host}/{db}"),
            '", ',
            _k("pool_pre_ping=True"),
            ")",
        ]
    if choice == 2:
        cluster = f"cluster0.{_r(rng, LOWER_ALNUM, 5)}.mongodb.net"
        return [
            '$ mongosh "',
            _k(f"mongodb+srv://{user}"),
            ":",
            pw,
            _k(f"@{cluster}/"),
            "?",
            _k("retryWrites=true&w=majority"),
            '"',
        ]
    if choice == 3:
        return [_k("REDIS_URL"), "=", _k("rediss://default"), ":", pw, _k(f"@{host}:6380/0")]
    if choice == 4:
        return ["broker_url = ", '"', _k(f"amqp://{user}"), ":", pw, _k(f"@{host}:5672/{db}"), '"']
    if choice == 5:
        return [
            '"ConnectionStrings": {\n    "Default": "',
            _k(f"Server=tcp:{_word(rng)}.database.windows.net,1433;Initial Catalog={db};User ID={user}"),
            ";",
            _k("Password"),
            "=",
            plain,
            ";",
            _k("Encrypt=True;TrustServerCertificate=False"),
            ';"\n}',
        ]
    if choice == 6:
        return [
            _k("spring.datasource.url"),
            "=",
            _k(f"jdbc:postgresql://{host}:5432/{db}?user={user}"),
            "&",
            _k("password"),
            "=",
            pw,
            "&",
            _k("ssl=true"),
        ]
    if choice == 7:
        return [
            'db, err := sql.Open("postgres", "',
            _k(f"host={host} port=5432 user={user}"),
            " ",
            _k("password"),
            "=",
            plain,
            " ",
            _k(f"dbname={db} sslmode=verify-full"),
            '")',
        ]
    if choice == 8:
        return [
            "DRIVER={ODBC Driver 18 for SQL Server};",
            _k(f"SERVER={host},1433;DATABASE={db};UID={user}"),
            ";",
            _k("PWD"),
            "=",
            plain,
            ";",
        ]
    if choice == 9:
        return [
            "sqlalchemy.exc.OperationalError: (psycopg.OperationalError) connection failed: "
            "could not connect to server\n",
            "  while connecting to ",
            _k(f"postgresql://{user}"),
            ":",
            pw,
            _k(f"@{host}:5432/{db}"),
            "\n(Background on this error at: ",
            _k("https://sqlalche.me/e/20/e3q8"),
            ")",
        ]
    if choice == 10:
        return [
            "production:\n  adapter: postgresql\n  url: ",
            _k(f"postgres://{user}"),
            ":",
            pw,
            _k(f"@{host}/{db}"),
            "\n  ",
            _k("pool: 10"),
        ]
    if choice == 11:
        return [
            "const pool = new Pool({ connectionString: ",
            '"',
            _k(f"postgres://{user}"),
            ":",
            pw,
            _k(f"@{host}:5432/{db}"),
            '"',
            " });",
        ]
    return [
        f"$ sqlplus {user}/",
        plain,
        f"@//{host}:1521/{db.upper()}\n",
        _k("SQL*Plus: Release 19.0.0.0.0 - Production"),
    ]


def _db_near(rng: Rng) -> Parts:
    user, host, db = _user(rng), f"{_svc(rng)}-db.internal", _svc(rng).replace("-", "_")
    choice = rng.randrange(6)
    if choice == 0:
        return ["DATABASE_URL=", _k(f"postgresql://{user}:${{DB_PASSWORD}}@{host}:5432/{db}")]
    if choice == 1:
        return ["Engine(", _k(f"postgresql+psycopg://{user}:***@{host}/{db}"), ")"]
    if choice == 2:
        return ["REDIS_URL=", _k("redis://localhost:6379/0")]
    if choice == 3:
        return [
            "url = ",
            _k('env("DATABASE_URL")'),
            "\n",
            _k(f"DATABASE_URL=postgresql://{user}@{host}/{db}"),
        ]
    if choice == 4:
        return [_k(f"Server={host};Database={db};User Id={user};Password=<password>;")]
    return ["SQLALCHEMY_DATABASE_URI = ", _k('"sqlite:///./app.db"'), "\n", _k("jdbc:h2:mem:testdb")]


# ---------------------------------------------------------------------------------------------
# Generic secrets beside key names, in every config format.

_GENERIC_KEYS = (
    "password",
    "db_password",
    "secret_key",
    "api_secret",
    "client_secret",
    "jwt_secret",
    "signing_secret",
    "webhook_secret",
    "encryption_key",
    "smtp_password",
    "redis_password",
    "admin_password",
    "auth_token",
    "access_token",
    "api_key",
    "master_key",
    "session_secret",
    "secret",
)

_NEAR_ENTRIES: tuple[Callable[[Rng], tuple[str, str]], ...] = (
    lambda rng: ("token_ttl", str(rng.choice((300, 900, 3600)))),
    lambda rng: ("password_min_length", str(rng.randint(8, 16))),
    lambda rng: ("secret_name", f"prod/{_svc(rng)}/db"),
    lambda rng: ("token_url", f"https://auth.{_domain(rng)}/oauth/token"),
    lambda rng: ("max_tokens", str(rng.choice((1024, 2048, 4096)))),
    lambda rng: ("password_hash_algorithm", "argon2id"),
    lambda rng: ("api_key_header", "X-API-Key"),
    lambda rng: ("secret_key_file", f"/run/secrets/{_svc(rng)}_key"),
    lambda rng: ("auth_method", "password"),
    lambda rng: ("tokenizer", "cl100k_base"),
    lambda rng: ("log_level", rng.choice(("info", "debug", "warn"))),
    lambda rng: ("port", str(rng.choice((8080, 8443, 9000)))),
    lambda rng: ("region", rng.choice(REGIONS)),
    lambda rng: ("build_sha", _sha(rng)),
    lambda rng: ("checksum", "sha256:" + _sha256(rng)),
    lambda rng: ("version", _version(rng)),
    lambda rng: ("released", _when(rng).date().isoformat()),
    lambda rng: ("instance_id", _uuid(rng)),
    lambda rng: ("public_key_path", "~/.ssh/id_ed25519.pub"),
    lambda rng: ("cache_key_prefix", f"{_svc(rng)}-v2"),
)


def _generic_value(rng: Rng) -> tuple[str, int]:
    choice = rng.randrange(6)
    if choice == 0:
        return "base64:" + _b64(rng.randbytes(32)), 7
    if choice <= 2:
        return _password(rng), 0
    if choice == 3:
        return _r(rng, HEX, rng.choice((32, 64))), 0
    return _opaque(rng).replace("/", "_").replace("+", "-").rstrip("="), 0


def _key_style(fmt: str, key: str, section: str) -> str:
    if fmt in ("env", "dockerfile", "compose", "systemd", "python", "php"):
        return key.upper()
    if fmt == "properties":
        return f"{section}.{key.replace('_', '-')}"
    if fmt in ("xml", "xml_attr", "json", "js") and "_" in key:
        head, *rest = key.split("_")
        return head + "".join(part.capitalize() for part in rest)
    if fmt == "go":
        return "".join(part.capitalize() for part in key.split("_"))
    return key


Entry = tuple[str, Parts]


def _render(rng: Rng, fmt: str, entries: list[Entry], section: str) -> Parts:
    """Render ``entries`` (key, value pieces) as a config file of ``fmt``."""
    rows: list[Parts] = []
    for key, value in entries:
        name = _k(_key_style(fmt, key, section))
        if fmt == "env":
            rows.append([name, "=", *value])
        elif fmt == "yaml":
            rows.append(["  ", name, ": ", *value])
        elif fmt == "json":
            rows.append(['  "', name, '": "', *_map(value, _json_inner), '"'])
        elif fmt in ("toml", "hcl"):
            rows.append([name, " = ", '"', *value, '"'])
        elif fmt == "ini":
            rows.append([name, " = ", *value])
        elif fmt == "properties":
            rows.append([name, "=", *value])
        elif fmt == "xml":
            rows.append(["  <", name, ">", *value, "</", _piece_text(name), ">"])
        elif fmt == "xml_attr":
            rows.append(['    <add key="', name, '" value="', *value, '" />'])
        elif fmt == "dockerfile":
            rows.append([rng.choice(("ENV ", "ARG ")), name, "=", *value])
        elif fmt == "compose":
            rows.append(["      - ", name, "=", *value])
        elif fmt == "systemd":
            rows.append(['Environment="', name, "=", *value, '"'])
        elif fmt == "python":
            rows.append([name, " = ", "'", *value, "'"])
        elif fmt == "js":
            rows.append(["  ", name, ': "', *value, '",'])
        elif fmt == "go":
            rows.append(["\t", name, ': "', *value, '",'])
        elif fmt == "ruby":
            rows.append(["  config.", name, ' = "', *value, '"'])
        else:
            rows.append(["define('", name, "', '", *value, "');"])
    body = _join(rows, ",\n" if fmt == "json" else "\n")
    if fmt == "yaml":
        return [f"{section}:\n", *body]
    if fmt == "json":
        return ["{\n", *body, "\n}"]
    if fmt in ("toml", "ini"):
        return [f"[{section}]\n", *body]
    if fmt == "xml":
        return [f"<{section}>\n", *body, f"\n</{section}>"]
    if fmt == "xml_attr":
        return ["<configuration>\n  <appSettings>\n", *body, "\n  </appSettings>\n</configuration>"]
    if fmt == "dockerfile":
        return [f"FROM python:3.12-slim\nWORKDIR /srv/{section}\n", *body, '\nCMD ["python", "-m", "app"]']
    if fmt == "compose":
        return [
            f"services:\n  {section}:\n    image: ",
            _k(f"{section}:{_version(rng)}"),
            "\n    environment:\n",
            *body,
        ]
    if fmt == "systemd":
        return [f"[Service]\nExecStart=/usr/local/bin/{section}\n", *body]
    if fmt == "hcl":
        return [f'resource "{section}" "main" {{\n', *body, "\n}"]
    if fmt == "php":
        return ["<?php\n", *body]
    if fmt == "js":
        return ["module.exports = {\n", *body, "\n};"]
    if fmt == "go":
        return [f"var {section.capitalize()}Config = Config{{\n", *body, "\n}"]
    if fmt == "ruby":
        return [f"{section.capitalize()}.configure do |config|\n", *body, "\nend"]
    return body


_CONFIG_PATHS = {
    "env": ".env",
    "yaml": "config/{}.yaml",
    "json": "appsettings.json",
    "toml": "config.toml",
    "ini": "settings.ini",
    "properties": "src/main/resources/application.properties",
    "xml": "conf/{}.xml",
    "xml_attr": "web.config",
    "dockerfile": "Dockerfile",
    "compose": "docker-compose.yml",
    "systemd": "/etc/systemd/system/{}.service",
    "python": "{}/settings.py",
    "php": "wp-config.php",
    "hcl": "main.tf",
    "js": "config/{}.js",
    "go": "internal/config/{}.go",
    "ruby": "config/initializers/{}.rb",
}
_FORMATS = (
    "env",
    "yaml",
    "json",
    "toml",
    "ini",
    "properties",
    "xml",
    "xml_attr",
    "dockerfile",
    "compose",
    "systemd",
    "python",
    "php",
    "hcl",
    "js",
    "go",
    "ruby",
)


def _near_entries(rng: Rng, count: int) -> list[Entry]:
    entries: list[Entry] = []
    for make in rng.sample(_NEAR_ENTRIES, count):
        key, value = make(rng)
        entries.append((key, [_k(value)]))
    return entries


def _generic_core(rng: Rng) -> Parts:
    fmt = rng.choice(_FORMATS)
    section = _svc(rng).replace("-", "_")
    entries = _near_entries(rng, rng.randint(2, 4))
    for key in rng.sample(_GENERIC_KEYS, rng.randint(1, 3)):
        value, prefix = _generic_value(rng)
        entries.insert(rng.randint(0, len(entries)), (key, [_Sec(value, GENERIC, prefix)]))
    body = _render(rng, fmt, entries, section)
    if rng.random() < 0.4:
        return [f"$ cat {_CONFIG_PATHS[fmt].format(section)}\n", *body]
    return body


def _generic_near(rng: Rng) -> Parts:
    fmt = rng.choice(_FORMATS)
    section = _svc(rng).replace("-", "_")
    entries = _near_entries(rng, rng.randint(2, 4))
    key = rng.choice(_GENERIC_KEYS)
    entries.insert(rng.randint(0, len(entries)), (key, [_k(_placeholder(rng, key.upper()))]))
    return _render(rng, fmt, entries, section)


# ---------------------------------------------------------------------------------------------
# Forms: how a snippet reaches the agent.

_COMMANDS = (
    "cat .env",
    "kubectl get secret app -o yaml",
    "git show HEAD",
    "cat config/settings.yaml",
    "tail -n 40 logs/app.log",
    "history | tail",
)
_PROMPTS = (
    "why does the deploy fail?",
    "check the config before we ship",
    "what changed in the last commit?",
    "can you fix the failing job?",
)


def _transcript(rng: Rng, parts: Parts) -> Parts:
    session, t = _uuid(rng), _when(rng)
    tool = "toolu_" + _r(rng, ALNUM, 24)
    if rng.random() < 0.3:
        return _transcript_turns(rng, session, t, _write_turns(rng, tool, parts))
    turns: list[tuple[str, Parts]] = [
        ("user", [json.dumps(rng.choice(_PROMPTS))]),
        (
            "assistant",
            [
                '[{"type":"tool_use","id":"',
                _k(tool),
                '","name":"Bash","input":{"command":',
                json.dumps(rng.choice(_COMMANDS)),
                "}}]",
            ],
        ),
        (
            "user",
            [
                '[{"type":"tool_result","tool_use_id":"',
                _k(tool),
                '","content":"',
                *_map(parts, _json_inner),
                '","is_error":false}]',
            ],
        ),
    ]
    return _transcript_turns(rng, session, t, turns)


def _write_turns(rng: Rng, tool: str, parts: Parts) -> list[tuple[str, Parts]]:
    """The agent writes the snippet to a file: it travels in the tool call's input."""
    path = json.dumps(f"/work/{_svc(rng)}/{rng.choice(('config', 'deploy', 'notes'))}/{_word(rng)}.txt")
    return [
        ("user", [json.dumps(rng.choice(_PROMPTS))]),
        (
            "assistant",
            [
                '[{"type":"tool_use","id":"',
                _k(tool),
                '","name":"Write","input":{"file_path":',
                path,
                ',"content":"',
                *_map(parts, _json_inner),
                '"}}]',
            ],
        ),
        (
            "user",
            [
                '[{"type":"tool_result","tool_use_id":"',
                _k(tool),
                f'","content":"File created successfully at: {path[1:-1]}"}}]',
            ],
        ),
    ]


def _transcript_turns(rng: Rng, session: str, t: datetime, turns: list[tuple[str, Parts]]) -> Parts:
    lines: list[Parts] = []
    for index, (role, body) in enumerate(turns):
        stamp = (t + timedelta(seconds=index * 3)).isoformat().replace("+00:00", "Z")
        lines.append(
            [
                f'{{"type":"{role}","uuid":"',
                _k(_uuid(rng)),
                '","sessionId":"',
                _k(session),
                '","timestamp":"',
                _k(stamp),
                f'","message":{{"role":"{role}","content":',
                *body,
                "}}",
            ]
        )
    return _join(lines)


def _transcript_nested(rng: Rng, parts: Parts) -> Parts:
    call, started = "call_" + _r(rng, ALNUM, 24), _when(rng)
    arguments = json.dumps(
        {"command": ["bash", "-lc", rng.choice(_COMMANDS)], "workdir": f"/work/{_svc(rng)}"}
    )
    first: Parts = [
        '{"timestamp":"',
        _k(started.strftime("%Y-%m-%dT%H:%M:%SZ")),
        '","type":"response_item","payload":{"type":"function_call","name":"shell","arguments":',
        json.dumps(arguments),
        ',"call_id":"',
        _k(call),
        '"}}',
    ]
    inner: Parts = [
        '{"output":"',
        *_map(parts, _json_inner),
        '","metadata":{"exit_code":0,"duration_seconds":',
        f"{rng.randint(1, 90) / 10}",
        "}}",
    ]
    second: Parts = [
        '{"timestamp":"',
        _k((started + timedelta(seconds=rng.randint(1, 90))).strftime("%Y-%m-%dT%H:%M:%SZ")),
        '","type":"response_item","payload":{"type":"function_call_output","call_id":"',
        _k(call),
        '","output":"',
        *_map(inner, _json_inner),
        '"}}',
    ]
    return _join([first, second])


def _wrap(rng: Rng, parts: Parts) -> tuple[str, Parts]:
    forms = (
        ["raw"] * 6
        + ["transcript"] * 4
        + ["transcript_nested"] * 2
        + ["tool_json"] * 2
        + ["fenced", "diff", "diff"]
    )
    if not _multiline_secret(parts):
        forms += ["numbered", "numbered", "ci", "ci"]
    form = rng.choice(forms)
    if form == "transcript":
        return form, _transcript(rng, parts)
    if form == "transcript_nested":
        return form, _transcript_nested(rng, parts)
    if form == "tool_json":
        return form, [
            '{"stdout": "',
            *_map(parts, _json_inner),
            '", "stderr": "", "exit_code": 0, "interrupted": false}',
        ]
    if form == "fenced":
        return form, [
            "Here is what it printed:\n\n```\n",
            *parts,
            "\n```\n\nThe second line is the one that matters.",
        ]
    if form == "diff":
        path = f"{_svc(rng)}/{rng.choice(('config', 'deploy', 'notes'))}.txt"
        count = _lines("".join(_piece_text(p) for p in parts))
        head: Parts = [
            f"diff --git a/{path} b/{path}\nindex ",
            _k(f"{_r(rng, HEX, 7)}..{_r(rng, HEX, 7)}"),
            f" 100644\n--- a/{path}\n+++ b/{path}\n@@ -0,0 +1,{count} @@\n",
        ]
        return form, head + _prefix_lines(parts, "+", lambda: "+")
    if form == "numbered":
        counter = iter(range(2, 10_000))
        return form, _prefix_lines(parts, "     1\t", lambda: f"{next(counter):>6}\t")
    if form == "ci":
        clock = _when(rng)
        ticks = iter(range(1, 10_000))

        def stamp() -> str:
            return (clock + timedelta(milliseconds=137 * next(ticks))).strftime(
                "%Y-%m-%dT%H:%M:%S.%f"
            ) + "0Z "

        step = rng.choice(_COMMANDS)
        group = f"{stamp()}##[group]Run {step}\n{stamp()}##[endgroup]\n"
        return form, [group, *_prefix_lines(parts, stamp(), stamp), f"\n{stamp()}Post job cleanup."]
    return form, parts


# ---------------------------------------------------------------------------------------------
# The corpus.

Maker = Callable[[Rng, int], Parts]
_CORES: dict[str, Maker] = {
    SSN: lambda rng, i: _ssn_core(rng),
    URL_QUERY: lambda rng, i: _url_query_core(rng),
    SIGNED_URL: lambda rng, i: _signed_url_core(rng),
    COOKIE: lambda rng, i: _cookie_core(rng),
    K8S: lambda rng, i: _k8s_core(rng),
    SA_KEY: lambda rng, i: _sa_core(rng),
    CMDLINE: lambda rng, i: _cmdline_core(rng),
    AUTHZ: lambda rng, i: _authz_core(rng),
    EMAIL_ENCODED: lambda rng, i: _email_encoded_core(rng),
    EMAIL: lambda rng, i: _email_core(rng),
    AWS: lambda rng, i: _aws_core(rng),
    VENDOR: _vendor_core_for,
    DB: lambda rng, i: _db_core(rng),
    GENERIC: lambda rng, i: _generic_core(rng),
}
_NEARS: dict[str, Callable[[Rng], Parts]] = {
    SSN: _ssn_near,
    URL_QUERY: _url_query_near,
    SIGNED_URL: _signed_url_near,
    COOKIE: _cookie_near,
    K8S: _k8s_near,
    SA_KEY: _sa_near,
    CMDLINE: _cmdline_near,
    AUTHZ: _authz_near,
    EMAIL_ENCODED: _email_encoded_near,
    EMAIL: _email_near,
    AWS: _aws_near,
    VENDOR: _vendor_near,
    DB: _db_near,
    GENERIC: _generic_near,
}


def _sound(instance: Instance) -> bool:
    """Each secret's text occurs once in its document, so that "gone from the output" means removed."""
    return all(instance.doc.count(instance.text(s)) == 1 for s in instance.secrets)


def _document(rng: Rng, category: str, index: int, with_secret: bool) -> Instance:
    while True:
        if with_secret:
            chunks = [_CORES[category](rng, index)]
            for _ in range(rng.choice((0, 0, 1, 2))):
                near = _NEARS[category](rng) if rng.random() < 0.6 else _near_general(rng)
                chunks.insert(rng.randint(0, len(chunks)), near)
        else:
            chunks = [_NEARS[category](rng) for _ in range(rng.randint(2, 4))]
            if rng.random() < 0.5:
                chunks.insert(rng.randint(0, len(chunks)), _near_general(rng))
        form, parts = _wrap(rng, _join(chunks))
        instance = _assemble(category, form, parts)
        if _sound(instance):
            return instance


def held_back(seed: int = SEED, per_class: int = 40) -> list[Instance]:
    """The corpus: per class, ``per_class`` documents holding secrets (twice that many for vendor
    tokens, so every vendor appears several times) and ``per_class // 2`` holding only near misses."""
    instances: list[Instance] = []
    for category in CLASSES:
        rng = random.Random(f"{seed}:{category}")
        count = per_class * 2 if category == VENDOR else per_class
        instances += [_document(rng, category, i, True) for i in range(count)]
        instances += [_document(rng, category, i, False) for i in range(per_class // 2)]
    return instances


# ---------------------------------------------------------------------------------------------
# Measuring.


class Figures(TypedDict):
    """Aggregate figures only: never which secrets were missed or which lines changed."""

    documents: int
    secrets: int
    must_survive: int
    lines: int
    recall: float
    recall_no_fragment: float
    vendor_prefix_recall: float
    keep_rate: float
    line_keep_rate: float
    recall_by_class: dict[str, float]


Scrub = Callable[[str], str]


def _scrub_text(text: str) -> str:
    from client_actors.scrub import scrub_text

    return scrub_text(text).text


def _window(length: int) -> int:
    return 4 if length < 16 else 5 if length < 32 else 6


def _fragment_left(instance: Instance, secret: Secret, output: str) -> bool:
    """Whether a window of the secret's non-prefix part survives that occurs nowhere else in the input
    (outside the secret or in its public prefix)."""
    cut = secret.start + secret.prefix
    part = instance.doc[cut : secret.end]
    outside = instance.doc[:cut] + "\0" + instance.doc[secret.end :]
    width = min(_window(len(part)), len(part))
    for i in range(len(part) - width + 1):
        window = part[i : i + width]
        if window not in outside and window in output:
            return True
    return False


def unchanged_stretches(before: str, after: str) -> list[tuple[int, int]]:
    """Stretches of ``before`` (start, end) that reach ``after`` unchanged and in one piece."""
    a, b = before.splitlines(keepends=True), after.splitlines(keepends=True)
    a_at, b_at = [0], [0]
    for line in a:
        a_at.append(a_at[-1] + len(line))
    for line in b:
        b_at.append(b_at[-1] + len(line))
    blocks: list[tuple[int, int, int]] = []  # (start in before, start in after, length)
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            blocks.append((a_at[i1], b_at[j1], a_at[i2] - a_at[i1]))
        elif tag == "replace":
            left, right = "".join(a[i1:i2]), "".join(b[j1:j2])
            for i, j, n in SequenceMatcher(None, left, right, autojunk=False).get_matching_blocks():
                if n:
                    blocks.append((a_at[i1] + i, b_at[j1] + j, n))
    merged: list[tuple[int, int, int]] = []
    for start, other, length in sorted(blocks):
        if merged and merged[-1][0] + merged[-1][2] == start and merged[-1][1] + merged[-1][2] == other:
            merged[-1] = (merged[-1][0], merged[-1][1], merged[-1][2] + length)
        else:
            merged.append((start, other, length))
    return [(start, start + length) for start, _, length in merged]


def _inside(stretches: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in stretches)


def measure_held_back(scrub: Scrub | None = None) -> Figures:
    """Scrub every document of the default corpus and return the aggregate figures.

    ``scrub`` maps a document to its scrubbed text; by default ``client_actors.scrub.scrub_text``,
    called as a black box.
    """
    run = scrub or _scrub_text
    found: dict[str, int] = dict.fromkeys(CLASSES, 0)
    total: dict[str, int] = dict.fromkeys(CLASSES, 0)
    clean = vendor_found = vendor_total = 0
    kept = spans = kept_lines = lines = 0
    corpus = held_back()
    for instance in corpus:
        output = run(instance.doc)
        for secret in instance.secrets:
            total[secret.kind] += 1
            vendor_total += secret.vendor
            if instance.text(secret) in output:
                continue
            found[secret.kind] += 1
            vendor_found += secret.vendor
            clean += not _fragment_left(instance, secret, output)
        stretches = unchanged_stretches(instance.doc, output)
        for span in instance.keep:
            spans += 1
            kept += _inside(stretches, span.start, span.end)
        if not instance.secrets:
            at = 0
            for line in instance.doc.split("\n"):
                if line.strip():
                    lines += 1
                    kept_lines += _inside(stretches, at, at + len(line))
                at += len(line) + 1
    secrets = sum(total.values())
    return Figures(
        documents=len(corpus),
        secrets=secrets,
        must_survive=spans,
        lines=lines,
        recall=sum(found.values()) / secrets,
        recall_no_fragment=clean / secrets,
        vendor_prefix_recall=vendor_found / vendor_total,
        keep_rate=kept / spans,
        line_keep_rate=kept_lines / lines,
        recall_by_class={name: found[name] / total[name] for name in CLASSES if total[name]},
    )
