"""A held-back labelled corpus for the scrubber: written apart from its rules, only ever measured.

This part was written from the public descriptions of the formats (Kubernetes Secret manifests, a cloud
service-account key file, SigV4/GCS/SAS signed URLs, cookies, HTTP authentication schemes, the vendors'
token formats, shells and config files) by someone who has not read the scrubber's rules or the corpora
they were tuned on. It is only ever measured, never tuned against: `measure_held_back` reports aggregate
figures and nothing else, and a rule must not be written or changed from what this part misses.

Every secret is generated at run time from a seeded `random.Random` (format-valid fakes, never a literal),
and every case records the exact span of each secret or piece of personal data it holds and the spans of
the must-survive text beside it (near misses: git SHAs, UUIDs, ordinary base64, lockfile hashes, version
strings, dates, phone numbers, shell expansions, placeholders, cookie attributes, key names with no secret).

Labelling decisions, made as a careful reviewer would: a value in a Kubernetes Secret's ``data`` is a
secret whatever its key; a certificate, a public key, a Stripe publishable key and a masked value are not;
obvious placeholders (``<your-token>``, ``your-api-key-here``, ``${VAR}``, ``os.environ[...]``, ``***``)
must survive; a well-known default such as ``changeme`` is left unlabelled either way, since nobody can
tell from the text whether it is the live password or a stand-in.

Measure with ``.venv/bin/python -c "from tests.scrubcorpus.third import measure_held_back as m; print(m())"``.
"""

from __future__ import annotations

import base64
import difflib
import json
import random
import string
import urllib.parse
import uuid
import zlib
from collections.abc import Callable, Iterable, Sequence

import attrs

from client_actors.scrub import scrub_text
from tests.scrubcorpus.contexts import Instance

# --- the data: parts a generator emits, the labels a case carries --------------------------------------


@attrs.frozen
class Secret:
    """A generated secret of class ``kind``; its first ``fixed`` characters are public format (a prefix)."""

    kind: str
    text: str
    fixed: int = 0


@attrs.frozen
class Keep:
    """Text beside the secrets that a scrubber must leave as it is."""

    text: str


Part = str | Secret | Keep


@attrs.frozen
class Label:
    """``doc[start:end]`` is a secret of ``kind`` (or ``kind == "keep"``: must-survive text)."""

    kind: str
    start: int
    end: int
    fixed: int = 0


@attrs.frozen
class Case:
    """One document as an agent would print it, with every secret and must-survive span in it."""

    doc: str
    secrets: tuple[Label, ...]
    keeps: tuple[Label, ...]

    def instances(self) -> list[Instance]:
        """The secrets as `Instance` values (one per span), the shape `measure.recall_of` takes."""
        return [Instance(label.kind, self.doc, label.start, label.end) for label in self.secrets]


def compose(parts: Iterable[Part]) -> Case:
    """Join ``parts`` into a document, recording the span of every `Secret` and `Keep`."""
    chunks: list[str] = []
    secrets: list[Label] = []
    keeps: list[Label] = []
    at = 0
    for part in parts:
        text = part if isinstance(part, str) else part.text
        if isinstance(part, Secret):
            secrets.append(Label(part.kind, at, at + len(text), part.fixed))
        elif isinstance(part, Keep):
            keeps.append(Label("keep", at, at + len(text)))
        chunks.append(text)
        at += len(text)
    return Case("".join(chunks), tuple(secrets), tuple(keeps))


def as_transcript_line(case: Case, rng: random.Random) -> Case:
    """Wrap ``case`` as one JSON line of an agent transcript (the text escaped), spans moved to match."""

    def escaped(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)[1:-1]

    role = rng.choice(('{"type":"tool_result","content":"', '{"role":"tool","output":"', '{"stdout":"'))
    head = role
    tail = '","is_error":false}' if "type" in role else '"}'

    def moved(label: Label) -> Label:
        start = len(head) + len(escaped(case.doc[: label.start]))
        width = len(escaped(case.doc[label.start : label.end]))
        return attrs.evolve(
            label,
            start=start,
            end=start + width,
            fixed=len(escaped(case.doc[: label.start + label.fixed])) - len(escaped(case.doc[: label.start])),
        )

    return Case(
        head + escaped(case.doc) + tail,
        tuple(moved(label) for label in case.secrets),
        tuple(moved(label) for label in case.keeps),
    )


# --- random material ---------------------------------------------------------------------------------

_B62 = string.ascii_letters + string.digits
_B64URL = _B62 + "-_"
_HEX = "0123456789abcdef"
_BASE32 = string.ascii_uppercase + "234567"
_WORDS = (
    "granite", "orbit", "falcon", "maple", "cobalt", "ember", "harbor", "lantern", "meadow", "quartz",
    "saffron", "thistle", "velvet", "willow", "zephyr", "bramble", "cinder", "drift", "fjord", "glacier",
    "juniper", "kestrel", "lumen", "nectar", "pebble", "raven", "sierra", "tundra", "umber", "vortex",
)  # fmt: skip
_FIRST = ("maria", "james", "aisha", "chen", "lukas", "priya", "diego", "fatima", "olga", "kenji", "noah",
          "amara", "sofia", "ravi", "elena", "tomas", "ines", "yusuf", "hana", "pierre")  # fmt: skip
_LAST = ("lopez", "okafor", "nguyen", "schmidt", "patel", "kowalski", "silva", "haddad", "tanaka", "murphy",
         "ivanova", "garcia", "mensah", "lindqvist", "rossi", "cohen", "dubois", "kim", "novak", "abara")  # fmt: skip
_MAIL_DOMAINS = ("gmail.com", "outlook.com", "yahoo.co.uk", "proton.me", "fastmail.com", "icloud.com",
                 "acme-corp.com", "uni-freiburg.de", "posteo.net", "hey.com")  # fmt: skip
_API_HOSTS = ("api.acme.test", "billing.internal.example", "svc.corp.example", "api.shopfront.dev",
              "reports.northwind.example", "gateway.staging.example.net")  # fmt: skip
_DB_HOSTS = ("db.internal", "10.0.3.17", "pg-primary.prod.svc.cluster.local", "mysql-0.mysql", "127.0.0.1",
             "staging-db.acme.test", "rds-reporting.example.net")  # fmt: skip
_REGIONS = ("us-east-1", "eu-west-1", "ap-southeast-2", "us-west-2", "eu-central-1")


def _one(rng: random.Random, options: Sequence[list[Part]]) -> list[Part]:
    return list(rng.choice(options))


def _chars(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _b64(data: bytes, *, url: bool = False, pad: bool = True) -> str:
    text = (base64.urlsafe_b64encode(data) if url else base64.b64encode(data)).decode()
    return text if pad else text.rstrip("=")


def _b64_json(value: object) -> str:
    return _b64(json.dumps(value, separators=(",", ":")).encode(), url=True, pad=False)


def _base62(number: int, width: int) -> str:
    digits = string.digits + string.ascii_uppercase + string.ascii_lowercase
    out = ""
    while number:
        number, rest = divmod(number, 62)
        out = digits[rest] + out
    return out.rjust(width, "0")


def _checksummed(rng: random.Random, prefix: str) -> str:
    """30 random base62 characters and a six-character base62 CRC32 of them (GitHub and npm tokens)."""
    body = _chars(rng, _B62, 30)
    return prefix + body + _base62(zlib.crc32(body.encode()), 6)


def _password(rng: random.Random, symbols: str = "_-.!@*%+") -> str:
    """A password a person or a generator would pick; starts with a letter, holds a digit."""
    style = rng.randrange(3)
    if style == 0:
        words = [rng.choice(_WORDS).capitalize() for _ in range(rng.randint(2, 3))]
        joiner = rng.choice(symbols[:3]) if symbols else ""
        return joiner.join(words) + str(rng.randint(10, 9999)) + (rng.choice(symbols) if symbols else "")
    if style == 1:
        length = rng.randint(14, 28)
        body = _chars(rng, _B62 + symbols, length - 2)
        return rng.choice(string.ascii_letters) + body + rng.choice(string.digits)
    return rng.choice(_WORDS) + str(rng.randint(100, 99999)) + _chars(rng, _B62, rng.randint(4, 8))


def _opaque(rng: random.Random) -> str:
    """An opaque API token of one of the common shapes."""
    shape = rng.randrange(4)
    if shape == 0:
        return _chars(rng, _B62, rng.randint(32, 48))
    if shape == 1:
        return _chars(rng, _HEX, rng.choice((32, 40, 64)))
    if shape == 2:
        return _b64(rng.randbytes(32), url=True, pad=False)
    return _chars(rng, string.ascii_lowercase + string.digits, 8) + "." + _chars(rng, _B62, 32)


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _sha(rng: random.Random) -> str:
    return _chars(rng, _HEX, 40)


def _person(rng: random.Random) -> tuple[str, str]:
    return rng.choice(_FIRST), rng.choice(_LAST)


def _date(rng: random.Random) -> str:
    return f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _stamp(rng: random.Random) -> str:
    return f"{_date(rng)}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}Z"


def _http_date(rng: random.Random) -> str:
    day = rng.choice(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"))
    month = rng.choice(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"))
    return f"{day}, {rng.randint(1, 28):02d} {month} 2027 {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00 GMT"


def _version(rng: random.Random) -> str:
    return f"{rng.randint(0, 24)}.{rng.randint(0, 40)}.{rng.randint(0, 30)}"


# --- vendor tokens with a known prefix -----------------------------------------------------------------


def _github(rng: random.Random) -> Secret:
    if rng.random() < 0.3:
        token = "github_pat_" + _chars(rng, _B62, 22) + "_" + _chars(rng, _B62, 59)
        return Secret("github", token, 11)
    prefix = rng.choice(("ghp_", "ghp_", "ghp_", "gho_", "ghs_", "ghu_"))
    return Secret("github", _checksummed(rng, prefix), 4)


def _gitlab(rng: random.Random) -> Secret:
    return Secret("gitlab", "glpat-" + _chars(rng, _B64URL, 20), 6)


def _slack(rng: random.Random) -> Secret:
    prefix = rng.choice(("xoxb-", "xoxb-", "xoxp-"))
    parts = [str(rng.randint(10**10, 10**13 - 1)) for _ in range(2 if prefix == "xoxb-" else 3)]
    return Secret(
        "slack", prefix + "-".join(parts) + "-" + _chars(rng, _B62, 24 if prefix == "xoxb-" else 32), 5
    )


def _stripe(rng: random.Random) -> Secret:
    prefix = rng.choice(("sk_live_", "sk_live_", "rk_live_"))
    return Secret("stripe", prefix + _chars(rng, _B62, rng.choice((24, 99))), 8)


def _openai(rng: random.Random) -> Secret:
    prefix = rng.choice(("sk-proj-", "sk-proj-", "sk-svcacct-"))
    left = _chars(rng, _B64URL, rng.randint(58, 74))
    right = _chars(rng, _B64URL, rng.randint(58, 74))
    return Secret("openai", prefix + left + "T3BlbkFJ" + right, len(prefix))


def _anthropic(rng: random.Random) -> Secret:
    prefix = rng.choice(("sk-ant-api03-", "sk-ant-api03-", "sk-ant-admin01-"))
    return Secret("anthropic", prefix + _chars(rng, _B64URL, 93) + "AA", len(prefix))


def _aws_key_id(rng: random.Random, temporary: bool = False) -> Secret:
    return Secret("aws_key_id", ("ASIA" if temporary else "AKIA") + _chars(rng, _BASE32, 16), 4)


def _aws_secret(rng: random.Random) -> Secret:
    return Secret("aws_secret", _chars(rng, _B62 + "/+", 40))


def _aws_session_token(rng: random.Random) -> Secret:
    head = "IQoJb3JpZ2luX2Vj"
    return Secret(
        "aws_secret", head + _b64(rng.randbytes(rng.choice((300, 420, 570)))).rstrip("="), len(head)
    )


def _google(rng: random.Random) -> Secret:
    return Secret("google_api_key", "AIza" + _chars(rng, _B64URL, 35), 4)


def _npm(rng: random.Random) -> Secret:
    return Secret("npm", _checksummed(rng, "npm_"), 4)


def _pypi(rng: random.Random) -> Secret:
    head = "pypi-AgEIcHlwaS5vcmc"
    return Secret("pypi", head + _b64(rng.randbytes(rng.randint(70, 150)), url=True, pad=False), len(head))


def _jwt(rng: random.Random, kind: str = "jwt") -> Secret:
    alg = rng.choice(("HS256", "RS256", "ES256"))
    header: dict[str, str] = {"alg": alg, "typ": "JWT"}
    if rng.random() < 0.4:
        header["kid"] = _chars(rng, _B64URL, 22)
    issued = 1_790_000_000 + rng.randint(0, 10**7)
    claims: dict[str, object] = {"sub": rng.choice((_uuid(rng), str(rng.randint(1, 10**6)))), "iat": issued}
    claims["exp"] = issued + rng.choice((900, 3600, 86400))
    if rng.random() < 0.5:
        claims["iss"] = "https://" + rng.choice(_API_HOSTS) + "/"
        claims["scope"] = rng.choice(("read write", "repo:read", "admin", "openid profile email"))
    size = {"HS256": 32, "RS256": 256, "ES256": 64}[alg]
    head = _b64_json(header)
    body = head + "." + _b64_json(claims) + "." + _b64(rng.randbytes(size), url=True, pad=False)
    return Secret(kind, body, len(head) + 1)


_PEM_KINDS = ("RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY")


def _pem_body(rng: random.Random, kind: str) -> tuple[list[str], int]:
    """Base64 body lines of a private key of ``kind`` and how many leading characters are public format."""
    if kind == "RSA PRIVATE KEY":
        head = bytes.fromhex("308204a40201000282010100")
        data, width = head + rng.randbytes(1180), 64
    elif kind == "PRIVATE KEY":
        head = bytes.fromhex("308204bd020100300d06092a864886f70d0101010500048204a7")
        data, width = head + rng.randbytes(1187), 64
    elif kind == "EC PRIVATE KEY":
        head = bytes.fromhex("30770201010420")
        curve = bytes.fromhex("a00a06082a8648ce3d030107a144034200")
        data, width = head + rng.randbytes(32) + curve + b"\x04" + rng.randbytes(64), 64
    else:

        def field(value: bytes) -> bytes:
            return len(value).to_bytes(4, "big") + value

        public = field(b"ssh-ed25519") + field(rng.randbytes(32))
        head = b"openssh-key-v1\x00" + field(b"none") + field(b"none") + field(b"") + (1).to_bytes(4, "big")
        head += field(public)
        data, width = head + rng.randbytes(rng.randint(140, 160)), 70
    text = _b64(data)
    return [text[i : i + width] for i in range(0, len(text), width)], (len(head) // 3) * 4


def _pem(
    rng: random.Random, kind_name: str = "pem", joiner: str = "\n", cut: int | None = None
) -> list[Part]:
    """A private key block; the base64 body is the secret (the BEGIN/END lines are format)."""
    kind = rng.choice(_PEM_KINDS)
    lines, fixed = _pem_body(rng, kind)
    if cut is not None:
        return [f"-----BEGIN {kind}-----{joiner}", Secret(kind_name, joiner.join(lines[:cut]), fixed)]
    return [
        f"-----BEGIN {kind}-----{joiner}",
        Secret(kind_name, joiner.join(lines), fixed),
        f"{joiner}-----END {kind}-----",
    ]


# --- must-survive near misses and neutral filler --------------------------------------------------------


def _near_sha(rng: random.Random) -> list[Part]:
    sha = _sha(rng)
    subject = rng.choice(("Fix flaky retry test", "Bump deps", "Add export endpoint", "Refactor parser"))
    return _one(
        rng,
        (
            ["commit ", Keep(sha), "\nAuthor: CI Bot <ci-bot>\n\n    ", subject, "\n"],
            ["HEAD is now at ", Keep(sha[:7]), " ", subject, "\n"],
            [
                "[main ",
                Keep(sha[:7]),
                "] ",
                subject,
                "\n 3 files changed, 41 insertions(+), 9 deletions(-)\n",
            ],
            ["$ git rev-parse HEAD\n", Keep(sha), "\n"],
            ["  uses: actions/checkout@", Keep(sha), "  # v4.2.2\n"],
        ),
    )


def _near_uuid(rng: random.Random) -> list[Part]:
    value = _uuid(rng)
    return _one(
        rng,
        (
            ["x-request-id: ", Keep(value), "\n"],
            ['  "uid": "', Keep(value), '",\n'],
            [_stamp(rng), " INFO job ", Keep(value), " finished in 2.31s\n"],
            ["Created container instance ", Keep(value), "\n"],
            ["trace_id=", Keep(value), " span=ingest status=ok\n"],
        ),
    )


def _near_base64(rng: random.Random) -> list[Part]:
    phrase = rng.choice(("hello world", "release notes for 1.4", "# Project\n\nSetup steps.\n", "ok\n"))
    encoded = _b64(phrase.encode())
    png = _b64(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(24))
    return _one(
        rng,
        (
            ["$ echo ", Keep(encoded), " | base64 -d\n", phrase.split("\n")[0], "\n"],
            ['  "encoding": "base64",\n  "content": "', Keep(encoded), '",\n'],
            ['<img src="data:image/png;base64,', Keep(png), '" alt="logo">\n'],
            ["binaryData:\n  logo.png: ", Keep(png), "\n"],
        ),
    )


def _near_expansion(rng: random.Random) -> list[Part]:
    name = rng.choice(("OPENAI_API_KEY", "GITHUB_TOKEN", "DB_PASSWORD", "STRIPE_SECRET_KEY", "NPM_TOKEN"))
    return _one(
        rng,
        (
            [': "', Keep("${" + name + ":?must be set}"), '"\n'],
            ["export ", Keep(f"{name}=${{{name}:-}}"), "\n"],
            ["    env:\n      ", Keep(f"{name}: ${{{{ secrets.{name} }}}}"), "\n"],
            ["key = ", Keep(f'os.environ["{name}"]'), "\n"],
            ["const key = ", Keep(f"process.env.{name}"), ";\n"],
            [
                "curl -H ",
                Keep(f'"Authorization: Bearer ${name}"'),
                " https://",
                rng.choice(_API_HOSTS),
                "/v1/me\n",
            ],
            [
                "      - name: ",
                Keep(name),
                "\n        valueFrom:\n          secretKeyRef:\n            name: app-secrets\n",
            ],
        ),
    )


def _near_placeholder(rng: random.Random) -> list[Part]:
    return _one(
        rng,
        (
            ["API_KEY=", Keep("<your-api-key>"), "\n"],
            ['  token: "', Keep("your-token-here"), '"\n'],
            ["password = ", Keep('"********"'), "\n"],
            ['"client_secret": "', Keep("REPLACE_ME"), '",\n'],
            ["GITHUB_TOKEN=", Keep("ghp_" + "x" * 36), "  # paste yours here\n"],
            ["OPENAI_API_KEY=", Keep("sk-..."), "\n"],
            ["Authorization: Bearer ", Keep("[REDACTED]"), "\n"],
            ["  api_key: ", Keep("null"), "\n"],
            ["Token: ", Keep("ghp_" + "*" * 36), "\n"],
        ),
    )


def _near_version(rng: random.Random) -> list[Part]:
    version = _version(rng)
    return _one(
        rng,
        (
            ["Python ", Keep(f"3.{rng.randint(9, 13)}.{rng.randint(0, 12)}"), "\n"],
            ["Successfully installed requests-", Keep(version), " urllib3-2.2.3\n"],
            ['  "version": "', Keep(version), '",\n'],
            ["node ", Keep(f"v{rng.randint(16, 22)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}"), "\n"],
            ["   Compiling serde v", Keep(version), "\n"],
            ["go: downloading golang.org/x/net v0.", Keep(f"{rng.randint(10, 40)}.0"), "\n"],
        ),
    )


def _near_date(rng: random.Random) -> list[Part]:
    return _one(
        rng,
        (
            ["Date: ", Keep(_http_date(rng)), "\n"],
            ["last_modified: ", Keep(_stamp(rng)), "\n"],
            ["Released on ", Keep(_date(rng)), ".\n"],
            ["Last-Modified: ", Keep(_http_date(rng)), "\n"],
        ),
    )


def _near_phone(rng: random.Random) -> list[Part]:
    local = f"555-{rng.randint(100, 199):04d}"
    area = rng.randint(201, 989)
    return _one(
        rng,
        (
            ["Support: ", Keep(f"+1 ({area}) {local}"), "\n"],
            ["phone: ", Keep(f"+1-{area}-{local}"), "\n"],
            ["Call ", Keep(f"{area}.{local.replace('-', '.')}"), " (on-call)\n"],
            ["zip: ", Keep(f"{rng.randint(10000, 99999)}-{rng.randint(1000, 9999)}"), "\n"],
            ["Invoice ", Keep(f"INV-2026-{rng.randint(10000, 99999)}"), " paid\n"],
        ),
    )


def _near_lockfile(rng: random.Random) -> list[Part]:
    package = rng.choice(("lodash", "chalk", "minimist", "semver", "debug"))
    version = _version(rng)
    hexdigest = _chars(rng, _HEX, 64)
    return _one(rng,
        (
            [f'    "node_modules/{package}": {{\n      "version": "{version}",\n      "integrity": "',
             Keep("sha512-" + _b64(rng.randbytes(64))), '"\n    },\n'],
            [f"{package}=={version} \\\n    ", Keep("--hash=sha256:" + hexdigest), "\n"],
            [f'    {{file = "{package}-{version}.tar.gz", hash = "', Keep("sha256:" + hexdigest), '"}},\n'],
            [f'name = "{package}"\nversion = "{version}"\nchecksum = "', Keep(hexdigest), '"\n'],
            [f"golang.org/x/{package} v{version} ", Keep("h1:" + _b64(rng.randbytes(32))), "\n"],
            ["Digest: ", Keep("sha256:" + hexdigest), "\n"],
        )
    )  # fmt: skip


def _near_cookie(rng: random.Random) -> list[Part]:
    return [
        "Set-Cookie: ", Keep(rng.choice(("theme=dark", "lang=en-US", "tz=Europe%2FBerlin", "consent=essential"))),
        "; ", Keep("Path=/"), "; ", Keep(f"Max-Age={rng.choice((31536000, 2592000))}"), "; ",
        Keep("SameSite=Lax"), "\n",
    ]  # fmt: skip


def _near_keyname(rng: random.Random) -> list[Part]:
    return _one(
        rng,
        (
            [Keep("password_min_length: 12"), "\n"],
            ['  "token_type": "', Keep("Bearer"), '",\n  "expires_in": ', Keep("3599"), ",\n"],
            [Keep("PASSWORD_RESET_TIMEOUT=3600"), "\n"],
            ["  ", Keep("secretName: db-credentials"), "\n"],
            ["--token-file ", Keep("/run/secrets/registry_token"), "\n"],
            [Keep("api_key_header = X-API-Key"), "\n"],
            ["Enter password: ", "\n"],
            ["WARNING! ", Keep("Using --password via the CLI is insecure. Use --password-stdin."), "\n"],
        ),
    )


def _near_hex(rng: random.Random) -> list[Part]:
    return _one(
        rng,
        (
            ["ETag: ", Keep(f'"{_chars(rng, _HEX, 32)}"'), "\n"],
            ["traceparent: ", Keep(f"00-{_chars(rng, _HEX, 32)}-{_chars(rng, _HEX, 16)}-01"), "\n"],
            ["Image: ghcr.io/acme/api@", Keep("sha256:" + _chars(rng, _HEX, 64)), "\n"],
            ["build ", Keep(_chars(rng, _HEX, 12)), " cached\n"],
        ),
    )


def _near_public_key(rng: random.Random) -> list[Part]:
    blob = _b64(b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20" + rng.randbytes(32))
    cert = _b64(bytes.fromhex("308203") + rng.randbytes(300))
    lines = [cert[i : i + 64] for i in range(0, len(cert), 64)]
    return _one(
        rng,
        (
            ["ssh-ed25519 ", Keep(blob), " deploy@ci-runner\n"],
            ["-----BEGIN CERTIFICATE-----\n", Keep("\n".join(lines)), "\n-----END CERTIFICATE-----\n"],
        ),
    )


_NEAR_MISSES: tuple[Callable[[random.Random], list[Part]], ...] = (
    _near_sha, _near_uuid, _near_base64, _near_expansion, _near_placeholder, _near_version, _near_date,
    _near_phone, _near_lockfile, _near_cookie, _near_keyname, _near_hex, _near_public_key,
)  # fmt: skip

_FILLER = (
    "$ ls -la\ntotal 48\ndrwxr-xr-x  7 dev dev 4096 Nov 30 09:12 .\n",
    "============================= test session starts ==============================\n",
    "collected 214 items\n",
    "$ git status --short\n M src/app/settings.py\n?? notes.txt\n",
    "Compiling project...\nwarning: unused variable `count`\n",
    "npm WARN deprecated inflight@1.0.6: This module is not supported\n",
    "Step 4/11 : RUN pip install -r requirements.txt\n",
    "Traceback (most recent call last):\n",
    "ok\n",
    "\n",
)


def _filler(rng: random.Random) -> list[Part]:
    if rng.random() < 0.55:
        return rng.choice(_NEAR_MISSES)(rng)
    return [rng.choice(_FILLER)]


# --- contexts: config files, shells, code ---------------------------------------------------------------


def _style_key(key: str, style: str) -> str:
    if style in {"env", "diff", "compose", "printenv", "docker", "ci", "dockerfile", "export"}:
        return key.upper()
    if style == "js" and "_" in key:
        head, *rest = key.lower().split("_")
        return head + "".join(word.capitalize() for word in rest)
    return key.lower()


_STYLES = (
    "env",
    "yaml",
    "json",
    "toml",
    "py",
    "js",
    "ini",
    "diff",
    "compose",
    "printenv",
    "docker",
    "tfvars",
    "ci",
    "dockerfile",
    "export",
)
_NEUTRAL_ENTRIES = (
    ("log_level", "info"), ("port", "8080"), ("region", "us-east-1"), ("timeout_seconds", "30"),
    ("debug", "false"), ("database_name", "orders"), ("feature_flags", "beta-export"), ("workers", "4"),
)  # fmt: skip


def _entry(key: str, value: Part, style: str) -> list[Part]:
    """One ``key = value`` line in ``style``."""
    name = _style_key(key, style)
    forms: dict[str, tuple[str, str]] = {
        "env": (f"{name}=", ""),
        "yaml": (f"  {name}: ", ""),
        "json": (f'  "{name}": "', '",'),
        "toml": (f'{name} = "', '"'),
        "py": (f'    "{name}": "', '",'),
        "js": (f"  {name}: '", "',"),
        "ini": (f"{name} = ", ""),
        "diff": (f"+{name}=", ""),
        "compose": (f"      - {name}=", ""),
        "printenv": (f"{name}=", ""),
        "docker": (f"  -e {name}=", " \\"),
        "tfvars": (f'{name} = "', '"'),
        "ci": (f"  {name}: ", ""),
        "dockerfile": (f"ENV {name}=", ""),
        "export": (f'export {name}="', '"'),
    }
    before, after = forms[style]
    return [before, value, after + "\n"]


def _config(rng: random.Random, entries: Sequence[tuple[str, Part]], style: str | None = None) -> list[Part]:
    """A config file (or a command) in one style holding ``entries`` among ordinary settings."""
    style = style or rng.choice(_STYLES)
    lines = [(k, v) for k, v in rng.sample(_NEUTRAL_ENTRIES, rng.randint(1, 3))]
    mixed: list[tuple[str, Part]] = [*lines, *entries]
    rng.shuffle(mixed)
    heads = {
        "env": f"$ cat {rng.choice(('.env', '.env.local', 'deploy/prod.env'))}\n",
        "yaml": f"# config/{rng.choice(('app', 'values'))}.yaml\n{rng.choice(('app', 'service', 'backend'))}:\n",
        "json": f"$ cat {rng.choice(('config.json', 'secrets.json', 'appsettings.Production.json'))}\n{{\n",
        "toml": f"# {rng.choice(('config.toml', 'settings.toml'))}\n[{rng.choice(('server', 'default', 'service'))}]\n",
        "py": "SETTINGS = {\n",
        "js": "module.exports = {\n",
        "ini": f"[{rng.choice(('client', 'default', 'mysql', 'service'))}]\n",
        "diff": f"diff --git a/.env b/.env\nindex {_chars(rng, _HEX, 7)}..{_chars(rng, _HEX, 7)} 100644\n"
                "--- a/.env\n+++ b/.env\n@@ -1,3 +1,5 @@\n",
        "compose": "services:\n  api:\n    image: acme/api:latest\n    environment:\n",
        "printenv": "$ printenv | sort\n",
        "docker": "$ docker run --rm \\\n",
        "tfvars": "# terraform.tfvars\n",
        "ci": "##[group]Run ./scripts/release.sh\n./scripts/release.sh\nshell: /usr/bin/bash -e {0}\nenv:\n",
        "dockerfile": "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n",
        "export": "$ cat ~/.zshrc | grep export\nexport PATH=\"$HOME/.local/bin:$PATH\"\n",
    }  # fmt: skip
    tails = {"json": "}\n", "py": "}\n", "js": "};\n", "docker": "  acme/worker:latest\n", "ci": "##[endgroup]\n",
             "dockerfile": 'CMD ["python", "-m", "app"]\n'}  # fmt: skip
    out: list[Part] = [heads[style]]
    for key, value in mixed:
        out += _entry(key, value, style)
    if style == "json":  # no comma after the last member
        out[-1] = '"\n'
    out.append(tails.get(style, ""))
    return out


def _prompt(rng: random.Random) -> str:
    return rng.choice(
        ("$ ", "% ", "dev@box:~/app$ ", "# ", "(venv) $ ", "PS> " if rng.random() < 0.1 else "$ ")
    )


# --- the classes ------------------------------------------------------------------------------------------

Gen = Callable[[random.Random], list[Part]]


def _ssn(rng: random.Random, dashed: bool = True) -> Secret:
    area = rng.randint(1, 898)
    area = area + 1 if area == 666 else area
    group, serial = rng.randint(1, 99), rng.randint(1, 9999)
    text = f"{area:03d}-{group:02d}-{serial:04d}" if dashed else f"{area:03d}{group:02d}{serial:04d}"
    return Secret("ssn", text)


def _ssn_cases(rng: random.Random) -> list[Part]:
    first, last = _person(rng)
    name = f"{first.capitalize()} {last.capitalize()}"
    date = _date(rng)
    pick = rng.randrange(9)
    if pick == 0:
        other = _person(rng)
        return [
            "$ head -3 exports/employees.csv\n", Keep("employee_id,name,ssn,department,start_date"), "\n",
            f"E{rng.randint(1000, 9999)},{name},", _ssn(rng), ",Finance,", Keep(date), "\n",
            f"E{rng.randint(1000, 9999)},{other[0].capitalize()} {other[1].capitalize()},", _ssn(rng), ",Support,",
            Keep(_date(rng)), "\n",
        ]  # fmt: skip
    if pick == 1:
        return [f'{{"id": {rng.randint(100, 99999)}, "full_name": "{name}", "ssn": "', _ssn(rng, rng.random() < 0.8),
                '", "updated_at": "', Keep(_stamp(rng)), '"}\n']  # fmt: skip
    if pick == 2:
        return [f"INSERT INTO applicants (name, tax_id, state) VALUES ('{name}', '", _ssn(rng), "', 'OH');\n",
                "INSERT 0 1\n"]  # fmt: skip
    if pick == 3:
        return [_stamp(rng), f" ERROR kyc.verify applicant={rng.randint(1000, 99999)} submitted SSN ", _ssn(rng),
                " does not match the bureau record (request ", Keep(_uuid(rng)), ")\n"]  # fmt: skip
    if pick == 4:
        return ["E       AssertionError: expected status 'verified' for ssn=", _ssn(rng), ", got 'rejected'\n",
                "FAILED tests/test_kyc.py::test_verify_known_applicant - AssertionError\n"]  # fmt: skip
    if pick == 5:
        phone = f"+1 {rng.randint(201, 989)}-555-{rng.randint(100, 199):04d}"
        return [f"Applicant(id={rng.randint(1, 999)}, name='{name}', ssn='", _ssn(rng), "', phone='", Keep(phone),
                "')\n"]  # fmt: skip
    if pick == 6:
        zip4 = f"{rng.randint(10000, 99999)}-{rng.randint(1000, 9999)}"
        return [f'- name: {name}\n  social_security_number: "', _ssn(rng), '"\n  zip: "', Keep(zip4), '"\n']
    if pick == 7:
        phone = f"({rng.randint(201, 989)}) 555-{rng.randint(100, 199):04d}"
        return [f"Ticket #{rng.randint(10000, 99999)}: {name} called from ", Keep(phone),
                " about her W-2. SSN on file: ", _ssn(rng), ". Please re-issue.\n"]  # fmt: skip
    return ["> POST /v2/applications HTTP/1.1\n> Content-Type: application/x-www-form-urlencoded\n>\n",
            f"first={first}&last={last}&ssn=", _ssn(rng), f"&income={rng.randint(20, 200)}000\n"]  # fmt: skip


_QUERY_NAMES = ("access_token", "token", "api_key", "apikey", "auth", "client_secret", "private_token",
                "refresh_token", "auth_token", "secret", "password", "key")  # fmt: skip


def _query_value(rng: random.Random) -> Secret:
    value = _opaque(rng)
    if rng.random() < 0.2:
        value = urllib.parse.quote(_b64(rng.randbytes(30)), safe="")
    return Secret("url_query", value)


def _url_query_cases(rng: random.Random) -> list[Part]:
    host, name = rng.choice(_API_HOSTS), rng.choice(_QUERY_NAMES)
    path = rng.choice(("/api/v2/orders", "/v1/reports/export", "/graphql", "/hooks/ingest", "/feed.json"))
    extra = rng.choice(("page=3", "per_page=100", "format=json", "since=" + _date(rng), "limit=50"))
    pick = rng.randrange(6)
    if pick == 0:
        return [_prompt(rng), f"curl -sS 'https://{host}", Keep(path), f"?{name}=", _query_value(rng), "&", Keep(extra),
                "' | jq '.items | length'\n", str(rng.randint(0, 300)), "\n"]  # fmt: skip
    if pick == 1:
        ip = f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
        return [f'{ip} - - [30/Nov/2026:14:{rng.randint(10, 59)}:07 +0000] "GET ', Keep(path), "?", Keep(extra),
                f"&{name}=", _query_value(rng), ' HTTP/1.1" 200 ', str(rng.randint(200, 90000)),
                ' "-" "python-requests/2.32.3"\n']  # fmt: skip
    if pick == 2:
        return ["requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: ", f"https://{host}",
                Keep(path), f"?{name}=", _query_value(rng), "\n"]  # fmt: skip
    if pick == 3:
        return ["< HTTP/1.1 302 Found\n< Location: https://app.", host, "/callback#access_token=",
                Secret("url_query", _opaque(rng)), "&", Keep("token_type=bearer"), "&", Keep("expires_in=3600"),
                "\n"]  # fmt: skip
    if pick == 4:
        return ['{\n  "webhook_url": "https://', host, "/hooks/", _chars(rng, string.ascii_lowercase, 6), f"?{name}=",
                _query_value(rng), '",\n  "retries": ', Keep("5"), "\n}\n"]  # fmt: skip
    return [f"--{_date(rng)} 10:1{rng.randint(0, 9)}:33--  https://{host}", Keep(path), f"?{name}=",
            _query_value(rng), f"\nResolving {host}... 203.0.113.{rng.randint(1, 254)}\n",
            "HTTP request sent, awaiting response... 200 OK\n"]  # fmt: skip


def _amz_date(rng: random.Random) -> tuple[str, str]:
    day = _date(rng).replace("-", "")
    return day, f"{day}T{rng.randint(0, 23):02d}{rng.randint(0, 59):02d}00Z"


def _s3_presigned(rng: random.Random) -> list[Part]:
    day, stamp = _amz_date(rng)
    region = rng.choice(_REGIONS)
    temporary = rng.random() < 0.35
    bucket = rng.choice(("acme-build-artifacts", "exports-prod", "ml-datasets-eu", "user-uploads-staging"))
    key = rng.choice(("releases/app-1.4.2.tar.gz", "reports/2026/11/summary.csv", "tmp/upload%20(1).zip"))
    out: list[Part] = [f"https://{bucket}.s3.{region}.amazonaws.com/{key}?", Keep("X-Amz-Algorithm=AWS4-HMAC-SHA256"),
                       "&X-Amz-Credential=", _aws_key_id(rng, temporary), f"%2F{day}%2F{region}%2Fs3%2Faws4_request",
                       f"&X-Amz-Date={stamp}&", Keep(f"X-Amz-Expires={rng.choice((300, 3600, 604800))}")]  # fmt: skip
    if temporary:
        token = _aws_session_token(rng)
        out += [
            "&X-Amz-Security-Token=",
            Secret("signed_url", urllib.parse.quote(token.text, safe=""), token.fixed),
        ]
    out += [
        "&",
        Keep("X-Amz-SignedHeaders=host"),
        "&X-Amz-Signature=",
        Secret("signed_url", _chars(rng, _HEX, 64)),
    ]
    return out


def _gcs_signed(rng: random.Random) -> list[Part]:
    day, stamp = _amz_date(rng)
    project = rng.choice(("acme-prod", "data-lake-7"))
    account = f"{rng.choice(('uploader', 'signer', 'ci'))}%40{project}.iam.gserviceaccount.com"
    obj = rng.choice(("clip.mp4", "a/b/c.parquet", "exports/q3.csv"))
    if rng.random() < 0.25:
        signature = urllib.parse.quote(_b64(rng.randbytes(256)), safe="")
        return [f"https://storage.googleapis.com/acme-media/{obj}?GoogleAccessId=", account,
                f"&Expires={1_790_000_000 + rng.randint(0, 10**7)}&Signature=",
                Secret("signed_url", signature)]  # fmt: skip
    return [f"https://storage.googleapis.com/acme-media/{obj}?", Keep("X-Goog-Algorithm=GOOG4-RSA-SHA256"),
            f"&X-Goog-Credential={account}%2F{day}%2Fauto%2Fstorage%2Fgoog4_request",
            f"&X-Goog-Date={stamp}&", Keep("X-Goog-Expires=900"), "&", Keep("X-Goog-SignedHeaders=host"),
            "&X-Goog-Signature=", Secret("signed_url", _chars(rng, _HEX, 512))]  # fmt: skip


def _azure_sas(rng: random.Random, with_url: bool = True) -> list[Part]:
    expiry = _stamp(rng)
    signature = urllib.parse.quote(_b64(rng.randbytes(32)), safe="")
    query: list[Part] = [Keep("sv=2022-11-02"), "&", Keep("ss=b"), "&", Keep("srt=co"), "&",
                         Keep(f"sp={rng.choice(('r', 'rl', 'racwdl'))}"), f"&se={urllib.parse.quote(expiry)}&",
                         Keep("spr=https"), "&sig=", Secret("signed_url", signature)]  # fmt: skip
    if not with_url:
        return query
    account = rng.choice(("acmeprodstore", "mldata01", "backupsweu"))
    return [
        f"https://{account}.blob.core.windows.net/{rng.choice(('exports', 'backups'))}/db-{_date(rng)}.bak?",
        *query,
    ]


def _signed_url_cases(rng: random.Random) -> list[Part]:
    url = rng.choice((_s3_presigned, _s3_presigned, _gcs_signed, _azure_sas))(rng)
    pick = rng.randrange(6)
    if pick == 0:
        return [_prompt(rng), "aws s3 presign s3://bucket/object --expires-in 3600\n", *url, "\n"]
    if pick == 1:
        return [_prompt(rng), 'curl -fL -o artifact.bin "', *url, '"\n',
                "  % Total    % Received % Xferd  Average Speed   Time\n",
                "100 14.2M  100 14.2M    0     0  31.4M      0\n"]  # fmt: skip
    if pick == 2:
        return ['{\n  "upload_url": "', *url, '",\n  "expires_at": "', Keep(_stamp(rng)), '"\n}\n']
    if pick == 3:
        return [_stamp(rng), " INFO uploader: PUT ", *url, " -> 200\n"]
    if pick == 4:
        return [_prompt(rng), "az storage blob generate-sas --account-name acmeprodstore -c exports -n db.bak "
                "--permissions r --expiry 2026-12-31 -o tsv\n", *_azure_sas(rng, with_url=False), "\n"]  # fmt: skip
    return ["Signed URL for the report (valid 1 hour):\n", *url, "\n"]


_SESSION_COOKIES = ("sessionid", "session", "PHPSESSID", "JSESSIONID", "connect.sid", "_shop_session",
                    "laravel_session", "__Secure-next-auth.session-token", "remember_token", "__Host-sid")  # fmt: skip


def _cookie_value(rng: random.Random, name: str) -> Secret:
    if name == "sessionid":
        return Secret("cookie", _chars(rng, string.ascii_lowercase + string.digits, 32))
    if name == "PHPSESSID":
        return Secret("cookie", _chars(rng, "abcdefghijklmnopqrstuv0123456789", 26))
    if name == "JSESSIONID":
        return Secret("cookie", _chars(rng, "0123456789ABCDEF", 32) + rng.choice(("", ".node1")))
    if name == "connect.sid":
        return Secret(
            "cookie", "s%3A" + _chars(rng, _B64URL, 32) + "." + _b64(rng.randbytes(32), pad=False), 4
        )
    if name == "_shop_session":
        body = urllib.parse.quote(_b64(rng.randbytes(rng.randint(90, 200))), safe="")
        return Secret("cookie", body + "--" + _chars(rng, _HEX, 40))
    if name == "laravel_session":
        payload = {
            "iv": _b64(rng.randbytes(16)),
            "value": _b64(rng.randbytes(48)),
            "mac": _chars(rng, _HEX, 64),
        }
        return Secret("cookie", urllib.parse.quote(_b64(json.dumps(payload).encode()), safe=""), 8)
    if name == "__Secure-next-auth.session-token":
        head = _b64_json({"alg": "dir", "enc": "A256GCM"})
        parts = [_b64(rng.randbytes(n), url=True, pad=False) for n in (12, rng.randint(200, 400), 16)]
        return Secret("cookie", head + ".." + ".".join(parts), len(head) + 2)
    if name == "session":
        head = _b64_json({"user_id": rng.randint(1, 99999), "_fresh": True})
        return Secret("cookie", head + "." + _chars(rng, _B64URL, 6) + "." + _chars(rng, _B64URL, 27))
    return Secret("cookie", _chars(rng, _B62, rng.choice((40, 64))))


def _set_cookie(rng: random.Random, name: str) -> list[Part]:
    out: list[Part] = ["Set-Cookie: ", Keep(name), "=", _cookie_value(rng, name)]
    attributes = [Keep("Path=/"), Keep("HttpOnly"), Keep("Secure"),
                  Keep(f"SameSite={rng.choice(('Lax', 'Strict', 'None'))}")]  # fmt: skip
    if rng.random() < 0.5:
        attributes.append(Keep(f"Max-Age={rng.choice((1209600, 86400, 3600, 7776000))}"))
    else:
        attributes.append(Keep(f"Expires={_http_date(rng)}"))
    if rng.random() < 0.4:
        attributes.append(Keep(f"Domain=.{rng.choice(_API_HOSTS)}"))
    rng.shuffle(attributes)
    for attribute in attributes:
        out += ["; ", attribute]
    return out


def _cookie_cases(rng: random.Random) -> list[Part]:
    name = rng.choice(_SESSION_COOKIES)
    host = rng.choice(_API_HOSTS)
    pick = rng.randrange(7)
    if pick == 0:
        return [_prompt(rng), f"curl -si -X POST https://{host}/login -d @creds.json | head -8\n", "HTTP/2 200\n",
                "content-type: application/json\n", *_set_cookie(rng, name), "\n", *_near_cookie(rng)]  # fmt: skip
    if pick == 1:
        return [f"> GET /account HTTP/1.1\n> Host: {host}\n> User-Agent: ", Keep("curl/8.5.0"), "\n> Cookie: ",
                Keep("theme=dark"), "; ", Keep(name), "=", _cookie_value(rng, name), "; ", Keep("lang=en-US"),
                "\n>\n"]  # fmt: skip
    if pick == 2:
        return [_prompt(rng), f"curl -b '{name}=", _cookie_value(rng, name), f"' https://{host}/api/me\n",
                '{"id": ', Keep(str(rng.randint(1, 9999))), ', "plan": "pro"}\n']  # fmt: skip
    if pick == 3:
        expires = 1_790_000_000 + rng.randint(0, 10**7)
        return ["# Netscape HTTP Cookie File\n", f".{host}\tTRUE\t/\tTRUE\t{expires}\t{name}\t",
                _cookie_value(rng, name), "\n"]  # fmt: skip
    if pick == 4:
        return ['      "cookies": [\n        {\n          "name": "', Keep(name), '",\n          "value": "',
                _cookie_value(rng, name), f'",\n          "domain": "{host}",\n          "path": "/",\n',
                '          "httpOnly": true,\n          "secure": true,\n',
                '          "sameSite": "Lax"\n        }\n']  # fmt: skip
    if pick == 5:
        return ["HTTP/1.1 303 See Other\r\nLocation: /dashboard\r\n", *_set_cookie(rng, name), "\r\n",
                f"Date: {_http_date(rng)}\r\n\r\n"]  # fmt: skip
    return [f"<RequestsCookieJar[<Cookie {name}=", _cookie_value(rng, name), f" for {host}/>]>\n"]


def _k8s_values(rng: random.Random) -> list[tuple[str, bytes]]:
    user = f"{rng.choice(('app', 'svc', 'etl', 'grafana'))}_{rng.choice(_WORDS)}"
    choices = [
        ("username", user.encode()),
        ("password", _password(rng).encode()),
        ("api-token", _opaque(rng).encode()),
        (
            "DATABASE_URL",
            f"postgres://{user}:{_password(rng, '_-')}@{rng.choice(_DB_HOSTS)}:5432/app".encode(),
        ),
        ("secret-key", _b64(rng.randbytes(32)).encode()),
        ("redis-password", _password(rng, "").encode()),
    ]
    return rng.sample(choices, rng.randint(1, 3))


def _k8s_yaml(rng: random.Random) -> list[Part]:
    name = rng.choice(("db-credentials", "app-secrets", "api-keys", "grafana-admin"))
    out: list[Part] = [Keep("apiVersion: v1"), "\n", Keep("kind: Secret"), f"\nmetadata:\n  name: {name}\n",
                       f"  namespace: {rng.choice(('prod', 'default', 'monitoring'))}\n"]  # fmt: skip
    if rng.random() < 0.5:
        out += ["  uid: ", Keep(_uuid(rng)), f'\n  resourceVersion: "{rng.randint(10**5, 10**8)}"\n']
    out += [Keep("type: Opaque"), "\ndata:\n"]
    for key, value in _k8s_values(rng):
        out += [f"  {key}: ", Secret("k8s_secret", _b64(value)), "\n"]
    if rng.random() < 0.3:
        out += ["stringData:\n", f"  {rng.choice(('smtp-password', 'webhook-secret'))}: ",
                Secret("k8s_secret", _password(rng, "_-")), "\n"]  # fmt: skip
    return out


def _k8s_cases(rng: random.Random) -> list[Part]:
    pick = rng.randrange(6)
    if pick == 0:
        return [_prompt(rng), "kubectl get secret app-secrets -o yaml\n", *_k8s_yaml(rng)]
    if pick == 1:
        config: list[Part] = ["apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\ndata:\n  ",
                              Keep("LOG_LEVEL: info"), "\n  ", Keep("FEATURE_EXPORT: \"true\""), "\n---\n"]  # fmt: skip
        return ["# k8s/base/app.yaml\n", *config, *_k8s_yaml(rng)]
    if pick == 2:
        out: list[Part] = ['{\n    "apiVersion": "v1",\n    "data": {\n']
        values = _k8s_values(rng)
        for index, (key, value) in enumerate(values):
            comma = "," if index < len(values) - 1 else ""
            out += [f'        "{key}": "', Secret("k8s_secret", _b64(value)), f'"{comma}\n']
        return [_prompt(rng), "kubectl get secret db-credentials -o json\n", *out,
                '    },\n    "kind": "Secret",\n    "type": "Opaque"\n}\n']  # fmt: skip
    if pick == 3:
        plain = _password(rng, "_-.")
        return [_prompt(rng), "kubectl get secret db-credentials -o jsonpath='{.data.password}'\n",
                Secret("k8s_secret", _b64(plain.encode())), "\n", _prompt(rng),
                "kubectl get secret db-credentials -o jsonpath='{.data.password}' | base64 -d\n",
                Secret("k8s_secret", plain), "\n"]  # fmt: skip
    if pick == 4:
        auth = _b64(f"ci-bot:{_opaque(rng)}".encode())
        config_json = json.dumps({"auths": {"ghcr.io": {"auth": auth}}}).encode()
        return ["apiVersion: v1\nkind: Secret\nmetadata:\n  name: regcred\n",
                Keep("type: kubernetes.io/dockerconfigjson"),
                "\ndata:\n  .dockerconfigjson: ", Secret("k8s_secret", _b64(config_json)), "\n"]  # fmt: skip
    key_lines, _ = _pem_body(rng, "RSA PRIVATE KEY")
    pem = "-----BEGIN RSA PRIVATE KEY-----\n" + "\n".join(key_lines) + "\n-----END RSA PRIVATE KEY-----\n"
    return ["apiVersion: v1\nkind: Secret\nmetadata:\n  name: ingress-tls\n", Keep("type: kubernetes.io/tls"),
            "\ndata:\n  tls.crt: ", _b64(b"-----BEGIN CERTIFICATE-----\n" + rng.randbytes(120)),
            "\n  tls.key: ", Secret("k8s_secret", _b64(pem.encode())), "\n"]  # fmt: skip


def _sa_key_fields(rng: random.Random, joiner: str, cut: int | None = None) -> list[tuple[str, list[Part]]]:
    team, stage = rng.choice(("acme", "datalake", "billing")), rng.choice(("prod", "dev", "ml"))
    project = f"{team}-{stage}-{rng.randint(100000, 999999)}"
    lines, fixed = _pem_body(rng, "PRIVATE KEY")
    shown = lines if cut is None else lines[:cut]
    key: list[Part] = ["-----BEGIN PRIVATE KEY-----" + joiner, Secret("sa_key", joiner.join(shown), fixed)]
    if cut is None:
        key.append(joiner + "-----END PRIVATE KEY-----" + joiner)
    account = f"{rng.choice(('deployer', 'etl-runner', 'ci'))}@{project}.iam.gserviceaccount.com"
    return [
        ("type", [Keep("service_account")]),
        ("project_id", [project]),
        ("private_key_id", [Secret("sa_key", _chars(rng, _HEX, 40))]),
        ("private_key", key),
        ("client_email", [account]),
        ("client_id", [str(rng.randint(10**20, 10**21 - 1))]),
        ("auth_uri", [Keep("https://accounts.google.com/o/oauth2/auth")]),
        ("token_uri", [Keep("https://oauth2.googleapis.com/token")]),
        ("auth_provider_x509_cert_url", ["https://www.googleapis.com/oauth2/v1/certs"]),
        ("universe_domain", [Keep("googleapis.com")]),
    ]


def _sa_key_cases(rng: random.Random) -> list[Part]:
    pick = rng.randrange(5)
    if pick in {0, 1}:
        out: list[Part] = [
            _prompt(rng),
            f"cat {rng.choice(('key.json', 'gcp-sa.json', '~/.config/gcloud/sa.json'))}\n{{\n",
        ]
        fields = _sa_key_fields(rng, "\\n")
        for index, (key, value) in enumerate(fields):
            out += [f'  "{key}": "', *value, '"' + ("," if index < len(fields) - 1 else "") + "\n"]
        return [*out, "}\n"]
    if pick == 2:
        out = ["GOOGLE_CREDENTIALS='{"]
        for index, (key, value) in enumerate(_sa_key_fields(rng, "\\n")):
            out += [", " if index else "", f'"{key}": "', *value, '"']
        return [*out, "}'\n"]
    if pick == 3:
        out = ["credentials_info = {\n"]
        for key, value in _sa_key_fields(rng, "\\n"):
            out += [f'    "{key}": "', *value, '",\n']
        return [*out, "}\ncreds = service_account.Credentials.from_service_account_info(credentials_info)\n"]
    out = [_prompt(rng), "head -c 700 gcp-sa.json\n{\n"]
    for key, value in _sa_key_fields(rng, "\\n", cut=rng.randint(2, 5))[:4]:
        out += [f'  "{key}": "', *value, '",\n' if key != "private_key" else ""]
    return out


def _cli_password_cases(rng: random.Random) -> list[Part]:
    host, user = rng.choice(_DB_HOSTS), rng.choice(("root", "admin", "app", "postgres", "deploy", "ci"))
    db = rng.choice(("shop", "orders", "analytics", "app_production"))
    pw = Secret("cli_password", _password(rng, "_-."))
    quoted = Secret("cli_password", _password(rng, "_-.!@#%^*+="))
    p = _prompt(rng)
    pick = rng.randrange(14)
    forms: list[list[Part]] = [
        [p, f"mysql -u {user} -p", pw, " -h ", Keep(host), " ", Keep("-P 3306"), f" {db}\n"],
        [p, f"mysql --user={user} --password=", pw, f" --host={host} {db} < ", Keep("schema.sql"), "\n"],
        [p, f"mysqldump -u{user} -p'", quoted, f"' --single-transaction {db} > {db}.sql\n"],
        [p, "PGPASSWORD=", pw, f" psql -h {host} -U {user} -d {db} -c 'select count(*) from users'\n",
         Keep(" count \n-------\n  4096\n(1 row)"), "\n"],
        [p, "PGPASSWORD='", quoted, f"' pg_dump -h {host} -U {user} -Fc {db} > {db}.dump\n"],
        [p, "sshpass -p '", quoted, "' ssh ", Keep("-p 2222"), f" {user}@{host} 'sudo systemctl restart app'\n"],
        [p, "sshpass -p", pw, f" scp -o StrictHostKeyChecking=no build.tar.gz {user}@{host}:/srv/\n"],
        [p, f"curl -u {user}:", pw, f" https://{rng.choice(_API_HOSTS)}/api/v1/health\n",
         Keep('{"status":"ok"}'), "\n"],
        [p, f'curl --user "{user}:', quoted, f'" -X POST https://{rng.choice(_API_HOSTS)}/deploy\n'],
        [p, f"docker login -u {user} -p ", pw, " registry.example.com\n", "WARNING! ",
         Keep("Using --password via the CLI is insecure. Use --password-stdin."), "\nLogin Succeeded\n"],
        [p, f"redis-cli -h {host} -a ", pw, " ping\n", "Warning: Using a password with '-a' or '-u' option on the "
         "command line interface may not be safe.\n", Keep("PONG"), "\n"],
        [p, f'mongosh "mongodb://{user}:', pw, f'@{host}:27017/{db}?authSource=admin"\n'],
        [p, "echo '", quoted, "' | sudo -S apt-get install -y postgresql-client\n"],
        [p, 'ldapsearch -x -H ldap://ldap.corp.example -D "cn=admin,dc=corp,dc=example" -w ', pw,
         ' -b "dc=corp,dc=example" "(uid=' + rng.choice(_FIRST) + ')"\n'],
    ]  # fmt: skip
    near = _one(rng, ([p, f"mysql -u {user} -p -h {host} {db} < ", Keep("dump.sql"), "\n", "Enter password: \n"],
                       [p, "ssh ", Keep("-p 2222"), f" {user}@{host}\n"],
                       [p, "echo \"$REGISTRY_TOKEN\" | docker login -u ci ", Keep("--password-stdin"),
                        " ghcr.io\n"]))  # fmt: skip
    return [*forms[pick], *(near if rng.random() < 0.3 else [])]


def _auth_header_value(rng: random.Random) -> list[Part]:
    """The value of an Authorization header of a scheme other than Bearer (now and then Bearer)."""
    pick = rng.randrange(9)
    if pick == 0:
        user = rng.choice(("admin", "ci", "jenkins", rng.choice(_FIRST)))
        return [Keep("Basic"), " ", Secret("auth_header", _b64(f"{user}:{_password(rng)}".encode()))]
    if pick == 1:
        return [Keep("Token"), " ", Secret("auth_header", _chars(rng, _HEX, 40))]
    if pick == 2:
        uri = rng.choice(("/dir/index.html", "/api/v1/status", "/cgi-bin/status"))
        return [Keep("Digest"), f' username="{rng.choice(_FIRST)}", realm="api@{rng.choice(_API_HOSTS)}", '
                f'nonce="{_chars(rng, _HEX, 32)}", ', Keep(f'uri="{uri}"'), ", ", Keep("qop=auth"), ", nc=00000001, "
                f'cnonce="{_chars(rng, _HEX, 16)}", response="', Secret("auth_header", _chars(rng, _HEX, 32)),
                f'", opaque="{_chars(rng, _HEX, 32)}"']  # fmt: skip
    if pick == 3:
        day = _date(rng).replace("-", "")
        return [Keep("AWS4-HMAC-SHA256"), " Credential=", _aws_key_id(rng),
                f"/{day}/{rng.choice(_REGIONS)}/{rng.choice(('execute-api', 's3', 'es'))}/aws4_request, ",
                Keep("SignedHeaders=host;x-amz-content-sha256;x-amz-date"), ", Signature=",
                Secret("auth_header", _chars(rng, _HEX, 64))]  # fmt: skip
    if pick == 4:
        return [
            Keep("ApiKey"),
            " ",
            Secret("auth_header", _b64(f"{_chars(rng, _B62, 20)}:{_chars(rng, _B64URL, 22)}".encode())),
        ]
    if pick == 5:
        return ["SSWS ", Secret("auth_header", "00" + _chars(rng, _B64URL, 40))]
    if pick == 6:
        return ["Splunk ", Secret("auth_header", _uuid(rng))]
    if pick == 7:
        return ["key=", Secret("auth_header", _chars(rng, _B64URL, 39))]
    return [Keep("Bearer"), " ", Secret("auth_header", _opaque(rng))]


def _auth_header_cases(rng: random.Random) -> list[Part]:
    host = rng.choice(_API_HOSTS)
    value = _auth_header_value(rng)
    header = rng.choice(("Authorization", "Authorization", "authorization", "Proxy-Authorization"))
    pick = rng.randrange(6)
    if pick == 0:
        return [f"> GET /v1/items HTTP/1.1\n> Host: {host}\n> User-Agent: ", Keep("curl/8.5.0"), "\n> ",
                Keep("Accept: */*"), f"\n> {header}: ", *value, "\n>\n< HTTP/1.1 200 OK\n"]  # fmt: skip
    if pick == 1:
        return [_prompt(rng), f'curl -s -H "{header}: ', *value, '" -H "', Keep("Content-Type: application/json"),
                f'" https://{host}/api/search\n']  # fmt: skip
    if pick == 2:
        return [f"POST /api/v2/jobs HTTP/1.1\r\nHost: {host}\r\n{header}: ", *value, "\r\n",
                Keep("Content-Length: 87"), "\r\n\r\n"]  # fmt: skip
    if pick == 3:
        return ['headers = {"', header, '": "', *value, '", "Accept": "application/json"}\n',
                f'resp = httpx.get("https://{host}/v1/usage", headers=headers)\n']  # fmt: skip
    if pick == 4:
        return ['          {\n            "name": "', header, '",\n            "value": "', *value,
                '"\n          },\n          {\n            "name": "', Keep("accept-encoding"), '",\n']  # fmt: skip
    return [_stamp(rng), f" DEBUG http.client send: b'GET /status HTTP/1.1\\r\\nHost: {host}\\r\\n{header}: ", *value,
            "\\r\\n\\r\\n'\n"]  # fmt: skip


def _url_email_cases(rng: random.Random) -> list[Part]:
    first, last = _person(rng)
    local = rng.choice(
        (
            f"{first}.{last}",
            f"{first[0]}{last}",
            f"{first}+{rng.choice(('news', 'jobs', 'test'))}",
            f"{last}{rng.randint(1, 99)}",
        )
    )
    address = f"{local}@{rng.choice(_MAIL_DOMAINS)}"
    encoded = Secret("url_email", urllib.parse.quote(address, safe=""))
    host = rng.choice(_API_HOSTS)
    pick = rng.randrange(6)
    if pick == 0:
        return [_stamp(rng), ' INFO "GET /api/users/lookup?email=', encoded, "&", Keep("include=roles"),
                ' HTTP/1.1" 200 512\n']  # fmt: skip
    if pick == 1:
        return [
            _prompt(rng),
            f"curl -s 'https://{host}/v1/invites?to=",
            encoded,
            "&",
            Keep("role=viewer"),
            "'\n",
        ]
    if pick == 2:
        twice = Secret("url_email", urllib.parse.quote(urllib.parse.quote(address, safe=""), safe=""))
        return ["Location: https://login.", host, "/authorize?client_id=web&", Keep("response_type=code"),
                "&redirect_uri=https%3A%2F%2Fapp.example.net%2Fwelcome%3Femail%3D", twice, "\n"]  # fmt: skip
    if pick == 3:
        return [f"Sending password reset link https://{host}/reset?email=", encoded, "&token=",
                Secret("url_query", _chars(rng, _B64URL, 43)), " (expires ", Keep(_stamp(rng)), ")\n"]  # fmt: skip
    if pick == 4:
        return ['"unsubscribe_url": "https://mail.', host, "/u?list=weekly&", "addr=", encoded, '",\n']
    return ["login_hint=", encoded, "&", Keep("prompt=consent"), "&", Keep("access_type=offline"), "\n"]


_VENDOR_KEYS: dict[str, tuple[str, ...]] = {
    "github": ("GITHUB_TOKEN", "GH_TOKEN", "GITHUB_PAT", "github_token"),
    "gitlab": ("GITLAB_TOKEN", "CI_JOB_PAT", "gitlab_private_token"),
    "slack": ("SLACK_BOT_TOKEN", "slack_token", "SLACK_TOKEN"),
    "stripe": ("STRIPE_SECRET_KEY", "STRIPE_API_KEY", "stripe_key"),
    "openai": ("OPENAI_API_KEY", "openai_key", "LLM_API_KEY"),
    "anthropic": ("ANTHROPIC_API_KEY", "CLAUDE_KEY", "anthropic_api_key"),
    "google_api_key": ("GOOGLE_API_KEY", "MAPS_API_KEY", "firebase_api_key"),
    "npm": ("NPM_TOKEN", "NODE_AUTH_TOKEN"),
    "pypi": ("PYPI_TOKEN", "TWINE_PASSWORD", "UV_PUBLISH_TOKEN"),
    "jwt": ("ACCESS_TOKEN", "id_token", "SERVICE_JWT"),
}
_VENDOR_MAKERS: dict[str, Callable[[random.Random], Secret]] = {
    "github": _github, "gitlab": _gitlab, "slack": _slack, "stripe": _stripe, "openai": _openai,
    "anthropic": _anthropic, "google_api_key": _google, "npm": _npm, "pypi": _pypi, "jwt": _jwt,
}  # fmt: skip


def _vendor_special(rng: random.Random, kind: str, token: Secret) -> list[Part]:
    """A context only this vendor's token turns up in."""
    p = _prompt(rng)
    host = rng.choice(_API_HOSTS)
    if kind == "github":
        return _one(rng, ([p, "git remote -v\norigin\thttps://x-access-token:", token,
                            "@github.com/acme/api.git (fetch)\n"],
                           [p, 'gh api user -H "Authorization: token ', token, '" --jq .login\n',
                            Keep("octocat"), "\n"]))  # fmt: skip
    if kind == "gitlab":
        return [
            p,
            "git clone https://oauth2:",
            token,
            "@gitlab.example.com/platform/infra.git\nCloning into 'infra'...\n",
        ]
    if kind == "slack":
        return [
            'client = WebClient(token="',
            token,
            '")\nclient.chat_postMessage(channel="',
            Keep("#deploys"),
            '", text="done")\n',
        ]
    if kind == "stripe":
        return _one(rng, (["stripe.api_key = \"", token, '"\n', Keep('stripe.api_version = "2024-06-20"'), "\n"],
                           [p, "curl https://api.stripe.com/v1/charges -u ", token, ": -d amount=2000\n"]))  # fmt: skip
    if kind == "openai":
        return ['client = OpenAI(api_key="', token, '")\n', Keep('model="gpt-4o-mini"'), "\n"]
    if kind == "anthropic":
        return [p, "curl https://api.anthropic.com/v1/messages -H \"x-api-key: ", token, '" -H "',
                Keep("anthropic-version: 2023-06-01"), '"\n']  # fmt: skip
    if kind == "google_api_key":
        return [
            p,
            "curl 'https://maps.googleapis.com/maps/api/geocode/json?address=1600+Amphitheatre&key=",
            token,
            "'\n",
        ]
    if kind == "npm":
        return [
            p,
            "cat ~/.npmrc\n",
            Keep("registry=https://registry.npmjs.org/"),
            "\n//registry.npmjs.org/:_authToken=",
            token,
            "\n",
        ]
    if kind == "pypi":
        return [p, "cat ~/.pypirc\n[pypi]\n", Keep("username = __token__"), "\npassword = ", token, "\n"]
    return [
        f"> GET /api/profile HTTP/1.1\n> Host: {host}\n> Authorization: ",
        Keep("Bearer"),
        " ",
        token,
        "\n",
    ]


def _vendor_cases(kind: str) -> Gen:
    def generate(rng: random.Random) -> list[Part]:
        token = _VENDOR_MAKERS[kind](rng)
        if rng.random() < 0.45:
            return _vendor_special(rng, kind, token)
        if rng.random() < 0.15:
            return [
                rng.choice(("Error: ", "warning: ", "DEBUG ")),
                "authenticating with ",
                token,
                " failed: 401\n",
            ]
        return _config(rng, [(rng.choice(_VENDOR_KEYS[kind]), token)])

    return generate


def _aws_cases(rng: random.Random) -> list[Part]:
    key_id, secret = _aws_key_id(rng), _aws_secret(rng)
    p = _prompt(rng)
    pick = rng.randrange(6)
    if pick == 0:
        return [p, "cat ~/.aws/credentials\n[default]\naws_access_key_id = ", key_id,
                "\naws_secret_access_key = ", secret, "\n", Keep(f"region = {rng.choice(_REGIONS)}"), "\n"]  # fmt: skip
    if pick == 1:
        return _config(rng, [("AWS_ACCESS_KEY_ID", key_id), ("AWS_SECRET_ACCESS_KEY", secret)])
    if pick == 2:
        temp, token = _aws_key_id(rng, temporary=True), _aws_session_token(rng)
        return [p, "aws sts assume-role --role-arn arn:aws:iam::123456789012:role/deploy --role-session-name ci\n",
                '{\n    "Credentials": {\n        "AccessKeyId": "', temp, '",\n        "SecretAccessKey": "', secret,
                '",\n        "SessionToken": "', token, '",\n        "Expiration": "', Keep(_stamp(rng)),
                '"\n    }\n}\n']  # fmt: skip
    if pick == 3:
        return [p, "aws configure\nAWS Access Key ID [None]: ", key_id, "\nAWS Secret Access Key [None]: ", secret,
                "\nDefault region name [None]: ", Keep(rng.choice(_REGIONS)),
                "\nDefault output format [None]: json\n"]  # fmt: skip
    if pick == 4:
        return ['s3 = boto3.client(\n    "s3",\n    aws_access_key_id="', key_id,
                '",\n    aws_secret_access_key="', secret,
                '",\n    region_name="', Keep(rng.choice(_REGIONS)), '",\n)\n']  # fmt: skip
    return ['provider "aws" {\n  region     = "', Keep(rng.choice(_REGIONS)), '"\n  access_key = "', key_id,
            '"\n  secret_key = "', secret, '"\n}\n']  # fmt: skip


def _aws_key_id_cases(rng: random.Random) -> list[Part]:
    key_id = _aws_key_id(rng, temporary=rng.random() < 0.2)
    pick = rng.randrange(3)
    if pick == 0:
        return [_stamp(rng), " WARN botocore.credentials: access key ", key_id, " is older than 90 days\n"]
    if pick == 1:
        return ['{\n    "AccessKey": {\n        "UserName": "ci",\n        "AccessKeyId": "', _aws_key_id(rng),
                '",\n        "Status": "Active",\n        "SecretAccessKey": "', _aws_secret(rng),
                '",\n        "CreateDate": "', Keep(_stamp(rng)), '"\n    }\n}\n']  # fmt: skip
    return _aws_cases(rng)


def _pem_cases(rng: random.Random) -> list[Part]:
    p = _prompt(rng)
    pick = rng.randrange(6)
    if pick == 0:
        return [
            p,
            f"cat {rng.choice(('~/.ssh/id_ed25519', 'server.key', 'certs/tls.key', 'deploy_key'))}\n",
            *_pem(rng),
            "\n",
        ]
    if pick == 1:
        block = _pem(rng, joiner="\n    ")
        return ["tls:\n  key: |\n    ", *block, "\n  cert: ", Keep("/etc/ssl/certs/app.pem"), "\n"]
    if pick == 2:
        return ['PRIVATE_KEY="', *_pem(rng, joiner="\\n"), '"\n']
    if pick == 3:
        return ["diff --git a/deploy/key.pem b/deploy/key.pem\nnew file mode 100644\n",
                "--- /dev/null\n+++ b/deploy/key.pem\n",
                "@@ -0,0 +1,28 @@\n+", *_pem(rng, joiner="\n+"), "\n"]  # fmt: skip
    if pick == 4:
        return [p, "head -n 5 server.key\n", *_pem(rng, cut=rng.randint(3, 4)), "\n"]
    return ['SIGNING_KEY = """', *_pem(rng), '\n"""\n', Keep('ALGORITHM = "RS256"'), "\n"]


_GENERIC_KEYS = ("password", "db_password", "secret", "secret_key", "client_secret", "token", "auth_token",
                 "access_token", "api_key", "jwt_secret", "session_secret", "webhook_secret", "encryption_key",
                 "smtp_password", "redis_password", "signing_key", "private_token", "admin_password")  # fmt: skip


def _generic_value(rng: random.Random, key: str) -> Secret:
    if "password" in key or rng.random() < 0.15:
        return Secret("generic", _password(rng, "_-.!@*+"))
    if key in {"api_key", "token"} and rng.random() < 0.25:
        return Secret("generic", _uuid(rng))
    if key in {"secret_key", "encryption_key", "signing_key"}:
        return Secret("generic", rng.choice((_b64(rng.randbytes(32)), _chars(rng, _HEX, 64))))
    return Secret("generic", _opaque(rng))


def _generic_cases(rng: random.Random) -> list[Part]:
    keys = rng.sample(_GENERIC_KEYS, rng.randint(1, 2))
    entries: list[tuple[str, Part]] = [(key, _generic_value(rng, key)) for key in keys]
    if rng.random() < 0.3:
        entries.append(
            (
                rng.choice(("api_key", "token", "password")),
                Keep(rng.choice(("<your-api-key>", "${API_KEY}", "REPLACE_ME"))),
            )
        )
    if rng.random() < 0.2:
        entries.append(("password_min_length", Keep("12")))
    if rng.random() < 0.75:
        return _config(rng, entries)
    key, value = keys[0], entries[0][1]
    return _one(rng, (
        [f'$secrets["{key}"] = ', "'", value, "';\n"],
        [f"{key.upper()} = ", '"', value, '"  # TODO move to vault\n'],
        [f'conn = psycopg.connect(host="{rng.choice(_DB_HOSTS)}", user="app", {key}="', value, '")\n'],
        [f'  {key}: "', value, '" # prod\n  ', Keep("token_ttl: 3600"), "\n"],
    ))  # fmt: skip


CLASSES: dict[str, Gen] = {
    "ssn": _ssn_cases,
    "url_query": _url_query_cases,
    "signed_url": _signed_url_cases,
    "cookie": _cookie_cases,
    "k8s_secret": _k8s_cases,
    "sa_key": _sa_key_cases,
    "cli_password": _cli_password_cases,
    "auth_header": _auth_header_cases,
    "url_email": _url_email_cases,
    **{kind: _vendor_cases(kind) for kind in _VENDOR_MAKERS},
    "aws_key_id": _aws_key_id_cases,
    "aws_secret": _aws_cases,
    "pem": _pem_cases,
    "generic": _generic_cases,
}
"""Each class and the generator of the cases that hold it (a case may hold secrets of other classes too)."""

PREFIXED = frozenset({*_VENDOR_MAKERS, "aws_key_id", "pem"})
"""Vendor tokens and keys with a known prefix or frame (the issue asks 100% recall of these)."""

# --- building the part --------------------------------------------------------------------------------

TRANSCRIPT_SHARE = 0.2
NEAR_MISS_DOCS_PER_CLASS = 4
DEFAULT_SEED = 13_2026_3
DEFAULT_PER_CLASS = 40


def well_formed(case: Case) -> bool:
    """Whether ``case`` is labelled honestly: each secret occurs only where it is labelled, no keep overlaps one."""
    outside = list(case.doc)
    for label in case.secrets:
        if label.end <= label.start or not 0 <= label.fixed < label.end - label.start:
            return False
        outside[label.start : label.end] = "\0" * (label.end - label.start)
    rest = "".join(outside)
    texts = [case.doc[label.start : label.end] for label in case.secrets]
    if any(text in rest for text in texts):
        return False
    if any(a != b and a in b for a in texts for b in texts):
        return False
    for keep in case.keeps:
        if "\0" in rest[keep.start : keep.end] or any(
            case.doc[keep.start : keep.end] in text for text in texts
        ):
            return False
    return True


def _one_case(rng: random.Random, generate: Gen) -> Case:
    for _ in range(50):
        parts = [part for _ in range(rng.randint(0, 2)) for part in _filler(rng)]
        parts += generate(rng)
        parts += [part for _ in range(rng.randint(0, 2)) for part in _filler(rng)]
        case = compose(parts)
        if rng.random() < TRANSCRIPT_SHARE:
            case = as_transcript_line(case, rng)
        if well_formed(case):
            return case
    raise RuntimeError("could not generate a well-formed case")  # pragma: no cover


def _near_miss_doc(rng: random.Random) -> list[Part]:
    return [part for _ in range(rng.randint(2, 5)) for part in rng.choice(_NEAR_MISSES)(rng)]


def held_back_cases(seed: int = DEFAULT_SEED, per_class: int = DEFAULT_PER_CLASS) -> list[Case]:
    """``per_class`` cases built around each class, then must-survive documents with no secret at all."""
    rng = random.Random(seed)
    cases = [_one_case(rng, generate) for generate in CLASSES.values() for _ in range(per_class)]
    cases += [_one_case(rng, _near_miss_doc) for _ in range(per_class * NEAR_MISS_DOCS_PER_CLASS)]
    return cases


def held_back(seed: int = DEFAULT_SEED, per_class: int = DEFAULT_PER_CLASS) -> list[Instance]:
    """The labelled secrets of the held-back part, one `Instance` a span (what `recall_of` takes)."""
    return [instance for case in held_back_cases(seed, per_class) for instance in case.instances()]


# --- measuring ----------------------------------------------------------------------------------------


@attrs.frozen
class HeldBackMeasurement:
    """Aggregate figures only: what was missed stays unreported, so that nobody tunes to it.

    ``keep_rate`` is over the must-survive spans (in documents with and without secrets);
    ``line_keep_rate`` over the lines of the documents that hold no secret at all.
    """

    recall: float
    clean_recall: float
    prefixed_recall: float
    keep_rate: float
    line_keep_rate: float
    recall_by_class: tuple[tuple[str, float], ...]
    secrets: int
    keeps: int
    lines: int


def fragment_left(label: Label, doc: str, scrubbed: str) -> bool:
    """Whether a piece of the secret's non-format part survives in ``scrubbed``.

    A piece is a window of ``min(6, max(4, n // 3))`` characters (n: the secret's length past its public
    prefix) that holds at least one non-prefix character and does not occur in the original outside the
    secret's span (so ordinary text that happens to match is not counted).
    """
    secret = doc[label.start : label.end]
    width = min(6, max(4, (len(secret) - label.fixed) // 3))
    outside = doc[: label.start] + "\0" + doc[label.end :]
    for at in range(max(0, label.fixed - width + 1), len(secret) - width + 1):
        window = secret[at : at + width]
        if window in scrubbed and window not in outside:
            return True
    return False


def kept_spans(doc: str, scrubbed: str, keeps: Sequence[Label]) -> int:
    """How many of ``keeps`` come through untouched: inside one stretch the alignment finds equal."""
    matcher = difflib.SequenceMatcher(None, doc, scrubbed, autojunk=False)
    equal = [(a, a + size) for a, _, size in matcher.get_matching_blocks() if size]
    return sum(any(start <= k.start and k.end <= end for start, end in equal) for k in keeps)


def measure_held_back(
    seed: int = DEFAULT_SEED, per_class: int = DEFAULT_PER_CLASS, scrub: Callable[[str], str] | None = None
) -> HeldBackMeasurement:
    """Recall (secret text gone), clean recall (no fragment left) and keep-rates of the held-back part."""
    run = scrub or (lambda text: scrub_text(text).text)
    found: dict[str, list[bool]] = {}
    clean = kept = keeps = lines = kept_lines = 0
    for case in held_back_cases(seed, per_class):
        scrubbed = run(case.doc)
        for label in case.secrets:
            gone = case.doc[label.start : label.end] not in scrubbed
            found.setdefault(label.kind, []).append(gone)
            clean += gone and not fragment_left(label, case.doc, scrubbed)
        keeps += len(case.keeps)
        kept += kept_spans(case.doc, scrubbed, case.keeps) if scrubbed != case.doc else len(case.keeps)
        if not case.secrets:
            pairs = list(zip(case.doc.split("\n"), scrubbed.split("\n"), strict=False))
            lines += case.doc.count("\n") + 1
            kept_lines += sum(before == after for before, after in pairs)
    flat = [hit for hits in found.values() for hit in hits]
    prefixed = [hit for kind, hits in found.items() if kind in PREFIXED for hit in hits]
    return HeldBackMeasurement(
        recall=sum(flat) / len(flat),
        clean_recall=clean / len(flat),
        prefixed_recall=sum(prefixed) / len(prefixed),
        keep_rate=kept / keeps,
        line_keep_rate=kept_lines / lines,
        recall_by_class=tuple(sorted((kind, sum(hits) / len(hits)) for kind, hits in found.items())),
        secrets=len(flat),
        keeps=keeps,
        lines=lines,
    )
