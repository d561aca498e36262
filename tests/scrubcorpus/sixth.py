"""Sixth held-back corpus for the scrubber: terminal and tool-result texture, measured once.

The documents imitate what a coding agent reads back from a shell or a tool: `cat .env`, `env | sort`,
`printenv`, `heroku config`, `vercel env pull`, `aws configure list`, `gcloud auth print-access-token`,
`kubectl get secret -o yaml`, `docker inspect`, `terraform plan`/`output -json`, registry and credential
files (`.npmrc`, `.pypirc`, `.netrc`, `pip.conf`, `~/.docker/config.json`, `.git-credentials`),
`git remote -v`, database command lines, source code in eight languages, HTTP client logs, stack traces that
print locals, SQL and CSV dumps of user rows, diffs and grep results. Each document reaches the scrubber in
one of several deliveries: as is, JSON-escaped inside a transcript line, as the added lines of a diff, with
`N→` or `   N\\t` line-number prefixes, or with a timestamped log prefix on every line.

All values are generated at run time from a seeded `random.Random`; vendor prefixes are spelled in pieces.

Labelling calls
---------------
Secret: passwords, tokens, API keys, signing keys, session cookie values, URL signatures and security
tokens, Kubernetes Secret values, the private_key and private_key_id of a service-account file, AWS access
key ids and secret keys, US SSNs, e-mail addresses of people (plain or URL-encoded), the credential of an
Authorization header (Basic's base64, Bearer's token, Digest's response, SigV4's Signature), PEM/OpenSSH
private key blocks (labelled whole), JWTs, passwords in connection strings and command lines, the secret
path part of webhook URLs.

Must survive: key names, header names and auth schemes, cookie names and attributes, non-session cookies,
user@host of ssh/git remotes, usernames, hosts, ports, database names, non-secret query parameters, git
SHAs, UUIDs, hashes, checksums, base64 of non-secrets (public keys, certificates), version strings, dates,
timestamps, order numbers, placeholders (`<your-token>`, `${VAR}`, `$(cat f)`, `%(password)s`,
`{{ .Values.x }}`, `xxxx`, `****`, `${{ secrets.X }}`, `(sensitive value)`, `[FILTERED]`) and the ordinary
code and log text around them.

Neither (not scored): published defaults such as `changeme`, credential scopes, a service account's
client_email, webhook ids beside the secret part, Twilio account SIDs.

Figures returned by `measure_held_back()`
------------------------------------------
- secrets: the number of labelled secrets.
- recall: share of secrets whose exact text (as delivered) is absent from the output.
- recall_no_fragment: share of secrets that are recalled and of whose core (the secret without a vendor
  prefix or PEM armour) no 4 to 6 character window that occurs nowhere else in the input survives in the
  output. Windows touching characters added by the delivery (line prefixes) are not considered.
- vendor_prefix_recall: recall over tokens with a known vendor prefix, and AWS access key ids.
- keep_rate: share of must-survive spans lying inside one unchanged stretch of the output aligned to the
  input with `difflib.SequenceMatcher` (autojunk off).
- line_keep_rate: share of the non-empty lines of secret-free documents that lie inside one unchanged
  stretch of the aligned output; lines: the count of those lines.

Only aggregates are returned; nothing about single misses is printed.
"""

from __future__ import annotations

import base64
import difflib
import json
import random
import string
import urllib.parse
from collections.abc import Callable

import attrs

_SEED = 60606

# Markers used while a template is written; removed by `_parse`.
_S = "\x01"  # secret opens
_V = "\x07"  # secret with a vendor prefix opens
_SE = "\x02"  # secret closes
_C = "\x05"  # core opens
_CE = "\x06"  # core closes
_K = "\x03"  # must-survive opens
_KE = "\x04"  # must-survive closes
_MARKS = {_S, _V, _SE, _C, _CE, _K, _KE}


@attrs.frozen
class Secret:
    start: int
    end: int
    core_start: int
    core_end: int
    vendor: bool


@attrs.frozen
class Doc:
    cls: str
    text: str
    secrets: tuple[Secret, ...]
    keeps: tuple[tuple[int, int], ...]
    inserted: frozenset[int]


# ---------------------------------------------------------------------------------------------------------
# Marking helpers


def sec(value: str) -> str:
    """A secret without a vendor prefix; its core is the whole value."""
    return f"{_S}{_C}{value}{_CE}{_SE}"


def ven(prefix: str, body: str) -> str:
    """A secret with a known vendor prefix; the core is what follows the prefix."""
    return f"{_V}{prefix}{_C}{body}{_CE}{_SE}"


def kp(value: str) -> str:
    """A must-survive span."""
    return f"{_K}{value}{_KE}"


def _parse(raw: str) -> tuple[str, list[Secret], list[tuple[int, int]]]:
    out: list[str] = []
    secrets: list[Secret] = []
    keeps: list[tuple[int, int]] = []
    pos = 0
    s_start = c_start = c_end = k_start = -1
    vendor = False
    for ch in raw:
        if ch not in _MARKS:
            out.append(ch)
            pos += 1
        elif ch in (_S, _V):
            s_start, vendor = pos, ch == _V
        elif ch == _C:
            c_start = pos
        elif ch == _CE:
            c_end = pos
        elif ch == _SE:
            secrets.append(Secret(s_start, pos, c_start, c_end, vendor))
        elif ch == _K:
            k_start = pos
        else:
            keeps.append((k_start, pos))
    return "".join(out), secrets, keeps


# ---------------------------------------------------------------------------------------------------------
# Deliveries: each maps the raw text to what the scrubber sees, with the position of every raw character.

_Render = tuple[str, list[int], list[int], set[int]]


def _deliver_lines(text: str, prefix_of: Callable[[int], str], head: str = "") -> _Render:
    parts: list[str] = [head]
    inserted: set[int] = set(range(len(head)))
    n = len(head)
    starts: list[int] = []
    ends: list[int] = []
    line_no = 1
    at_line_start = True
    for ch in text:
        if at_line_start:
            p = prefix_of(line_no)
            parts.append(p)
            inserted.update(range(n, n + len(p)))
            n += len(p)
            at_line_start = False
        starts.append(n)
        parts.append(ch)
        n += 1
        ends.append(n)
        if ch == "\n":
            line_no += 1
            at_line_start = True
    return "".join(parts), starts, ends, inserted


def _deliver_json(text: str, rng: random.Random) -> _Render:
    tool_id = "toolu_01" + "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(22))
    head = rng.choice(
        [
            '{"type":"tool_result","tool_use_id":"' + tool_id + '","content":"',
            '{"role":"tool","name":"Bash","content":"',
            '{"type":"function_call_output","call_id":"call_' + tool_id[8:] + '","output":"',
        ]
    )
    parts = [head]
    n = len(head)
    inserted = set(range(n))
    starts: list[int] = []
    ends: list[int] = []
    for ch in text:
        esc = json.dumps(ch, ensure_ascii=False)[1:-1]
        starts.append(n)
        parts.append(esc)
        n += len(esc)
        ends.append(n)
    tail = '","is_error":false}' if head.startswith('{"type":"tool_result"') else '"}'
    parts.append(tail)
    inserted.update(range(n, n + len(tail)))
    return "".join(parts), starts, ends, inserted


def _deliver(text: str, rng: random.Random, allow_diff: bool) -> _Render:
    kinds = ["plain", "plain", "plain", "json", "json", "arrow", "tab", "stamp"]
    if allow_diff:
        kinds.append("diff")
    kind = rng.choice(kinds)
    if kind == "plain":
        return text, list(range(len(text))), list(range(1, len(text) + 1)), set()
    if kind == "json":
        return _deliver_json(text, rng)
    if kind == "arrow":
        first = rng.choice([1, 1, 12, 40, 118])
        return _deliver_lines(text, lambda i: f"{i + first - 1:>6}→")
    if kind == "tab":
        first = rng.choice([1, 1, 7, 63])
        return _deliver_lines(text, lambda i: f"{i + first - 1:>6}\t")
    if kind == "stamp":
        hh, mm, ss = rng.randrange(24), rng.randrange(60), rng.randrange(50)
        stream = rng.choice(["stdout F ", "", "[build] ", "INFO "])
        day = rng.randrange(1, 28)
        return _deliver_lines(
            text,
            lambda i: (
                f"2026-02-{day:02d}T{hh:02d}:{mm:02d}:{ss + i % 10:02d}.{(i * 37) % 1000:03d}Z {stream}"
            ),
        )
    name = rng.choice(["notes/setup.txt", "docs/debug.log", "scratch/output.txt", "tmp/session.md"])
    count = text.count("\n") + (0 if text.endswith("\n") else 1)
    head = f"diff --git a/{name} b/{name}\nnew file mode 100644\n--- /dev/null\n+++ b/{name}\n@@ -0,0 +1,{count} @@\n"
    return _deliver_lines(text, lambda i: "+", head)


def _build(cls: str, raw: str, rng: random.Random, allow_diff: bool = True) -> Doc:
    text, secrets, keeps = _parse(raw)
    out, starts, ends, inserted = _deliver(text, rng, allow_diff)

    def span(a: int, b: int) -> tuple[int, int]:
        return starts[a], ends[b - 1]

    wrapped = tuple(
        Secret(*span(s.start, s.end), *span(s.core_start, s.core_end), s.vendor)
        for s in secrets
        if s.end > s.start
    )
    kept = tuple(span(a, b) for a, b in keeps if b > a)
    return Doc(cls, out, wrapped, kept, frozenset(inserted))


# ---------------------------------------------------------------------------------------------------------
# Fake values

_ALNUM = string.ascii_letters + string.digits
_UPPER32 = string.ascii_uppercase + "234567"
_FIRST = [
    "maria",
    "james",
    "aiko",
    "liam",
    "fatima",
    "oliver",
    "chen",
    "sofia",
    "mateo",
    "priya",
    "noah",
    "elena",
    "kwame",
    "hannah",
    "diego",
    "ingrid",
    "yusuf",
    "clara",
    "tomasz",
    "amara",
    "lucas",
    "mei",
    "omar",
    "greta",
]
_LAST = [
    "okafor",
    "lindqvist",
    "tanaka",
    "moreau",
    "haddad",
    "kowalski",
    "nguyen",
    "brennan",
    "silva",
    "novak",
    "petrov",
    "abernathy",
    "castillo",
    "weber",
    "osei",
    "fitzgerald",
    "yamada",
    "rahman",
    "dubois",
    "ferreira",
]
_MAIL_DOMAINS = [
    "example.com",
    "example.org",
    "example.net",
    "mail.example.co.uk",
    "corp.example",
    "staff.test",
]
_WORDS = ["harbor", "violet", "granite", "pepper", "tundra", "orbit", "maple", "falcon", "cobalt", "meadow"]


def _pick(rng: random.Random, chars: str, n: int) -> str:
    return "".join(rng.choice(chars) for _ in range(n))


def alnum(rng: random.Random, n: int) -> str:
    return _pick(rng, _ALNUM, n)


def hexs(rng: random.Random, n: int) -> str:
    return _pick(rng, "0123456789abcdef", n)


def b64(rng: random.Random, nbytes: int) -> str:
    return base64.b64encode(rng.randbytes(nbytes)).decode()


def b64url(rng: random.Random, nbytes: int) -> str:
    return base64.urlsafe_b64encode(rng.randbytes(nbytes)).decode().rstrip("=")


def uuid(rng: random.Random) -> str:
    h = hexs(rng, 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"


def sha(rng: random.Random) -> str:
    return hexs(rng, 40)


def password(rng: random.Random, url_safe: bool = False) -> str:
    style = rng.randrange(4)
    if style == 0:
        return (
            rng.choice(_WORDS).capitalize() + str(rng.randrange(10, 99)) + rng.choice("!#%*") + alnum(rng, 4)
        )
    if style == 1:
        return alnum(rng, rng.randrange(14, 24))
    if style == 2 and not url_safe:
        return _pick(rng, _ALNUM + "!#%^*-_+=.~", rng.randrange(12, 20))
    return _pick(rng, _ALNUM + "-_.~", rng.randrange(16, 28))


def person(rng: random.Random) -> tuple[str, str]:
    return rng.choice(_FIRST), rng.choice(_LAST)


def email(rng: random.Random) -> str:
    first, last = person(rng)
    form = rng.randrange(3)
    local = (
        f"{first}.{last}"
        if form == 0
        else (f"{first[0]}{last}" if form == 1 else f"{first}_{last}{rng.randrange(9, 99)}")
    )
    return f"{local}@{rng.choice(_MAIL_DOMAINS)}"


def ssn(rng: random.Random) -> str:
    area = rng.choice([a for a in range(1, 900) if a != 666])
    return f"{area:03d}-{rng.randrange(1, 100):02d}-{rng.randrange(1, 10000):04d}"


def date(rng: random.Random) -> str:
    return f"2026-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"


def stamp(rng: random.Random) -> str:
    return f"{date(rng)}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}Z"


def version(rng: random.Random) -> str:
    return f"{rng.randrange(1, 20)}.{rng.randrange(0, 30)}.{rng.randrange(0, 12)}"


def host(rng: random.Random) -> str:
    return rng.choice(
        [
            f"db-{rng.randrange(1, 9)}.internal",
            f"pg-{alnum(rng, 6).lower()}.prod.svc.cluster.local",
            f"10.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}",
            f"{rng.choice(_WORDS)}-db.c{hexs(rng, 6)}.us-east-1.rds.amazonaws.com",
            f"{rng.choice(_WORDS)}.example.internal",
        ]
    )


def user(rng: random.Random) -> str:
    return rng.choice(["app_user", "svc_orders", "deploy", "analytics_ro", "api", "billing_rw", "etl", "web"])


def dbname(rng: random.Random) -> str:
    return rng.choice(["orders_prod", "app_production", "inventory", "billing", "warehouse", "crm", "events"])


# Vendor tokens: (prefix, body)


def tok_github(rng: random.Random) -> tuple[str, str]:
    kind = rng.choice(["p_", "o_", "s_", "u_"])
    return "gh" + kind, alnum(rng, 36)


def tok_github_pat(rng: random.Random) -> tuple[str, str]:
    return "github" + "_pat_", alnum(rng, 22) + "_" + alnum(rng, 59)


def tok_gitlab(rng: random.Random) -> tuple[str, str]:
    return "gl" + "pat-", _pick(rng, _ALNUM + "-_", 20)


def tok_npm(rng: random.Random) -> tuple[str, str]:
    return "np" + "m_", alnum(rng, 36)


def tok_pypi(rng: random.Random) -> tuple[str, str]:
    return "py" + "pi-" + "AgEIcHlwaS5vcmc", b64url(rng, 96)


def tok_stripe(rng: random.Random) -> tuple[str, str]:
    kind = rng.choice(["sk" + "_live_", "rk" + "_live_", "sk" + "_test_"])
    return kind, alnum(rng, rng.choice([24, 99]))


def tok_slack(rng: random.Random) -> tuple[str, str]:
    kind = rng.choice(["xox" + "b-", "xox" + "p-"])
    return kind, f"{rng.randrange(10**10, 10**12)}-{rng.randrange(10**10, 10**12)}-{alnum(rng, 24)}"


def tok_openai(rng: random.Random) -> tuple[str, str]:
    return "sk-" + "proj-", _pick(rng, _ALNUM + "-_", 132)


def tok_anthropic(rng: random.Random) -> tuple[str, str]:
    return "sk-" + "ant-" + "api03-", _pick(rng, _ALNUM + "-_", 93) + "AA"


def tok_sendgrid(rng: random.Random) -> tuple[str, str]:
    return "S" + "G.", _pick(rng, _ALNUM + "-_", 22) + "." + _pick(rng, _ALNUM + "-_", 43)


def tok_google_key(rng: random.Random) -> tuple[str, str]:
    return "AI" + "za", _pick(rng, _ALNUM + "-_", 35)


def tok_gcloud(rng: random.Random) -> tuple[str, str]:
    return "ya" + "29.", _pick(rng, _ALNUM + "-_", rng.randrange(160, 220))


def tok_hf(rng: random.Random) -> tuple[str, str]:
    return "h" + "f_", alnum(rng, 34)


def tok_shopify(rng: random.Random) -> tuple[str, str]:
    return "shp" + "at_", hexs(rng, 32)


def tok_digitalocean(rng: random.Random) -> tuple[str, str]:
    return "dop" + "_v1_", hexs(rng, 64)


def tok_aws_id(rng: random.Random, temp: bool = False) -> tuple[str, str]:
    return ("AS" if temp else "AK") + "IA", _pick(rng, _UPPER32, 16)


def tok_vault(rng: random.Random) -> tuple[str, str]:
    return "hv" + "s.", _pick(rng, _ALNUM + "-_", 90)


def tok_linear(rng: random.Random) -> tuple[str, str]:
    return "lin" + "_api_", alnum(rng, 40)


def tok_docker(rng: random.Random) -> tuple[str, str]:
    return "dckr" + "_pat_", _pick(rng, _ALNUM + "-_", 27)


def tok_google_secret(rng: random.Random) -> tuple[str, str]:
    return "GOC" + "SPX-", _pick(rng, _ALNUM + "-_", 28)


def tok_databricks(rng: random.Random) -> tuple[str, str]:
    return "dap" + "i", hexs(rng, 32)


def tok_grafana(rng: random.Random) -> tuple[str, str]:
    return "gl" + "sa_", alnum(rng, 32) + "_" + hexs(rng, 8)


def tok_bitbucket(rng: random.Random) -> tuple[str, str]:
    return "ATB" + "B", alnum(rng, 28) + hexs(rng, 8).upper()


_ANY_VENDOR: list[Callable[[random.Random], tuple[str, str]]] = [
    tok_github,
    tok_github_pat,
    tok_gitlab,
    tok_npm,
    tok_stripe,
    tok_slack,
    tok_openai,
    tok_anthropic,
    tok_sendgrid,
    tok_google_key,
    tok_hf,
    tok_shopify,
    tok_digitalocean,
    tok_vault,
    tok_linear,
    tok_docker,
    tok_databricks,
    tok_grafana,
]


def vtok(rng: random.Random, gen: Callable[[random.Random], tuple[str, str]] | None = None) -> str:
    prefix, body = (gen or rng.choice(_ANY_VENDOR))(rng)
    return ven(prefix, body)


def aws_id(rng: random.Random, temp: bool = False) -> str:
    return ven(*tok_aws_id(rng, temp))


def aws_secret(rng: random.Random) -> str:
    return _pick(rng, _ALNUM + "/+", 40)


def session_token(rng: random.Random) -> str:
    return "IQoJb3JpZ2luX2Vj" + b64(rng, rng.randrange(300, 420))


def jwt(rng: random.Random, claims: dict[str, object] | None = None) -> str:
    head: dict[str, object] = {"alg": rng.choice(["HS256", "RS256", "ES256"]), "typ": "JWT"}
    body: dict[str, object] = claims or {
        "sub": uuid(rng),
        "iat": 1767000000 + rng.randrange(10**7),
        "exp": 1768000000 + rng.randrange(10**7),
        "scope": rng.choice(["read:orders", "openid profile", "admin"]),
    }

    def enc(obj: dict[str, object]) -> str:
        return base64.urlsafe_b64encode(json.dumps(obj, separators=(",", ":")).encode()).decode().rstrip("=")

    return f"{enc(head)}.{enc(body)}.{b64url(rng, 32 if head['alg'] == 'HS256' else 64)}"


_PEM_DER_HEADS = {
    "RSA": b"\x30\x82\x04\xa4\x02\x01\x00\x02\x82\x01\x01\x00",
    "EC": b"\x30\x77\x02\x01\x01\x04\x20",
    "": b"\x30\x82\x04\xbe\x02\x01\x00\x30\x0d\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01\x05\x00",
    "OPENSSH": b"openssh-key-v1\x00\x00\x00\x00\x04none\x00\x00\x00\x04none",
}
_PEM_SIZES = {"RSA": 1180, "EC": 114, "": 1200, "OPENSSH": 380}


def pem(rng: random.Random, kind: str, nl: str = "\n") -> str:
    """A private key block labelled whole; its core is the base64 body."""
    label = (kind + " " if kind else "") + "PRIVATE" + " KEY"
    der = _PEM_DER_HEADS[kind] + rng.randbytes(_PEM_SIZES[kind])
    body = base64.b64encode(der).decode()
    width = 70 if kind == "OPENSSH" else 64
    lines = nl.join(body[i : i + width] for i in range(0, len(body), width))
    return f"{_S}-----BEGIN {label}-----{nl}{_C}{lines}{_CE}{nl}-----END {label}-----{_SE}"


def public_cert(rng: random.Random) -> str:
    body = base64.b64encode(
        b"\x30\x82\x03\x1d\x30\x82\x02\x05\xa0\x03\x02\x01\x02" + rng.randbytes(500)
    ).decode()
    lines = "\n".join(body[i : i + 64] for i in range(0, len(body), 64))
    return f"-----BEGIN CERTIFICATE-----\n{lines}\n-----END CERTIFICATE-----"


def ssh_pub(rng: random.Random) -> str:
    blob = base64.b64encode(b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20" + rng.randbytes(32)).decode()
    return f"ssh-ed25519 {blob}"


# ---------------------------------------------------------------------------------------------------------
# Templates. Each returns marked text; the `*_free` ones carry no secret.

Tpl = Callable[[random.Random], str]


def env_cat(rng: random.Random) -> str:
    u, h, d, port = user(rng), host(rng), dbname(rng), rng.choice(["5432", "6543"])
    return (
        "$ cat .env\n"
        f"{kp('NODE_ENV=production')}\n"
        f"{kp('PORT=3000')}\n"
        f"DATABASE_URL=postgres://{kp(u)}:{sec(password(rng, True))}@{kp(h)}:{kp(port)}/{kp(d)}\n"
        f"{kp('STRIPE_SECRET_KEY')}={vtok(rng, tok_stripe)}\n"
        f"{kp('SESSION_SECRET')}={sec(hexs(rng, 64))}\n"
        f"{kp('NEXT_PUBLIC_APP_URL=https://app.example.com')}\n"
        f"{kp('OPENAI_API_KEY')}={vtok(rng, tok_openai)}\n"
        f"{kp('SENTRY_RELEASE=' + sha(rng))}\n"
        f"{kp('LOG_LEVEL=info')}\n"
    )


def env_sort(rng: random.Random) -> str:
    return (
        "$ env | sort\n"
        f"{kp('AWS_ACCESS_KEY_ID')}={aws_id(rng)}\n"
        f"{kp('AWS_DEFAULT_REGION=eu-west-1')}\n"
        f"{kp('AWS_SECRET_ACCESS_KEY')}={sec(aws_secret(rng))}\n"
        f"COLORTERM=truecolor\n"
        f"{kp('GIT_COMMIT=' + sha(rng))}\n"
        f"{kp('GITHUB_TOKEN')}={vtok(rng, tok_github)}\n"
        f"HOME=/home/{kp('runner')}\n"
        f"HOSTNAME={kp('ci-' + hexs(rng, 12))}\n"
        "LANG=C.UTF-8\n"
        f"{kp('NPM_CONFIG_USERCONFIG=/home/runner/.npmrc')}\n"
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n"
        f"{kp('PYTHON_VERSION=' + version(rng))}\n"
        f"{kp('REDIS_URL')}=redis://:{sec(password(rng, True))}@{kp('cache.internal')}:{kp('6379')}/0\n"
        "SHELL=/bin/bash\n"
        "SHLVL=1\n"
        "TERM=xterm-256color\n"
        f"{kp('TZ=UTC')}\n"
        "_=/usr/bin/env\n"
        "$ printenv HF_TOKEN\n"
        f"{vtok(rng, tok_hf)}\n"
    )


def env_heroku(rng: random.Random) -> str:
    app = rng.choice(["shop-api", "acme-worker", "ledger-web"])
    u, d = "u" + alnum(rng, 13).lower(), "d" + alnum(rng, 13).lower()
    octets = "-".join(str(rng.randrange(3, 255)) for _ in range(4))
    h = f"ec2-{octets}.compute-1.amazonaws.com"
    return (
        f"$ heroku config -a {kp(app)}\n"
        f"=== {app} Config Vars\n"
        f"{kp('DATABASE_URL')}:           postgres://{kp(u)}:{sec(hexs(rng, 64))}@{kp(h)}:{kp('5432')}/{kp(d)}\n"
        f"{kp('LANG')}:                   en_US.UTF-8\n"
        f"{kp('PAPERTRAIL_API_TOKEN')}:   {sec(alnum(rng, 20))}\n"
        f"{kp('RACK_ENV')}:               production\n"
        f"{kp('REDIS_TLS_URL')}:          rediss://:{sec('p' + hexs(rng, 63))}@{kp(h)}:{kp('12930')}\n"
        f"{kp('SECRET_KEY_BASE')}:        {sec(hexs(rng, 128))}\n"
        f"{kp('SENDGRID_API_KEY')}:       {vtok(rng, tok_sendgrid)}\n"
        f"{kp('WEB_CONCURRENCY')}:        2\n"
    )


def env_vercel(rng: random.Random) -> str:
    claims: dict[str, object] = {
        "iss": "https://oidc.vercel.com/acme",
        "sub": "owner:acme:project:storefront:environment:development",
        "aud": "https://vercel.com/acme",
        "iat": 1767200000 + rng.randrange(10**6),
    }
    return (
        "$ vercel env pull .env.local\n"
        f"Vercel CLI {kp(version(rng))}\n"
        "> Downloading `development` Environment Variables for acme/storefront\n"
        "✅  Created .env.local file  [148ms]\n"
        "$ cat .env.local\n"
        "# Created by Vercel CLI\n"
        f'{kp("NEXTAUTH_SECRET")}="{sec(b64(rng, 32))}"\n'
        f'{kp("NEXTAUTH_URL")}="{kp("http://localhost:3000")}"\n'
        f"{kp('GOOGLE_CLIENT_ID')}="
        f'"{kp(str(rng.randrange(10**11, 10**12)) + "-" + alnum(rng, 32).lower() + ".apps.googleusercontent.com")}"\n'
        f'{kp("GOOGLE_CLIENT_SECRET")}="{vtok(rng, tok_google_secret)}"\n'
        f'{kp("VERCEL")}="1"\n'
        f'{kp("VERCEL_ENV")}="development"\n'
        f'{kp("VERCEL_GIT_COMMIT_SHA")}=""\n'
        f'{kp("VERCEL_OIDC_TOKEN")}="{sec(jwt(rng, claims))}"\n'
        f'{kp("KV_REST_API_TOKEN")}="{sec(b64url(rng, 48))}"\n'
    )


def env_free(rng: random.Random) -> str:
    return (
        "$ cat .env.example\n"
        "# Copy to .env and fill in\n"
        f"{kp('DATABASE_URL=postgres://${DB_USER}:${DB_PASSWORD}@localhost:5432/app_dev')}\n"
        f"{kp('STRIPE_SECRET_KEY=<your-stripe-secret-key>')}\n"
        f"{kp('OPENAI_API_KEY=xxxx')}\n"
        f"{kp('SESSION_SECRET=$(openssl rand -hex 32)')}\n"
        f"{kp('GITHUB_TOKEN=${{ secrets.GITHUB_TOKEN }}')}\n"
        f"{kp('BUILD_SHA=' + sha(rng))}\n"
        f"{kp('RELEASE_ID=' + uuid(rng))}\n"
        f"{kp('APP_VERSION=' + version(rng))}\n"
        "$ printenv | grep -c TOKEN\n"
        "0\n"
    )


def cloud_aws_files(rng: random.Random) -> str:
    return (
        "$ cat ~/.aws/credentials\n"
        f"[{kp('default')}]\n"
        f"{kp('aws_access_key_id')} = {aws_id(rng)}\n"
        f"{kp('aws_secret_access_key')} = {sec(aws_secret(rng))}\n"
        "\n"
        f"[{kp('prod-admin')}]\n"
        f"{kp('aws_access_key_id')} = {aws_id(rng, temp=True)}\n"
        f"{kp('aws_secret_access_key')} = {sec(aws_secret(rng))}\n"
        f"{kp('aws_session_token')} = {sec(session_token(rng))}\n"
        "$ cat ~/.aws/config\n"
        f"[profile {kp('prod-admin')}]\n"
        f"{kp('region = us-east-2')}\n"
        f"{kp('role_arn = arn:aws:iam::' + str(rng.randrange(10**11, 10**12)) + ':role/Admin')}\n"
    )


def cloud_sts(rng: random.Random) -> str:
    return (
        "$ aws sts assume-role --role-arn arn:aws:iam::123456789012:role/deploy --role-session-name ci\n"
        "{\n"
        '    "Credentials": {\n'
        f'        "{kp("AccessKeyId")}": "{aws_id(rng, temp=True)}",\n'
        f'        "{kp("SecretAccessKey")}": "{sec(aws_secret(rng))}",\n'
        f'        "{kp("SessionToken")}": "{sec(session_token(rng))}",\n'
        f'        "{kp("Expiration")}": "{kp(stamp(rng))}"\n'
        "    },\n"
        '    "AssumedRoleUser": {\n'
        f'        "AssumedRoleId": "{kp("AROA" + _pick(rng, _UPPER32, 17))}:ci",\n'
        '        "Arn": "arn:aws:sts::123456789012:assumed-role/deploy/ci"\n'
        "    }\n"
        "}\n"
    )


def cloud_gcloud(rng: random.Random) -> str:
    who = email(rng)
    return (
        "$ gcloud auth list\n"
        "       Credentialed Accounts\n"
        "ACTIVE  ACCOUNT\n"
        f"*       {sec(who)}\n"
        "        ci-runner@acme-prod.iam.gserviceaccount.com\n"
        "\n"
        "To set the active account, run:\n"
        "    $ gcloud config set account `ACCOUNT`\n"
        "\n"
        "$ gcloud auth print-access-token\n"
        f"{vtok(rng, tok_gcloud)}\n"
        f'$ curl -s -H "{kp("Authorization: Bearer $(gcloud auth print-access-token)")}" '
        f"{kp('https://storage.googleapis.com/storage/v1/b/acme-artifacts/o')}\n"
    )


def cloud_sa_key(rng: random.Random) -> str:
    proj = rng.choice(["acme-prod", "ledger-staging-4411", "data-lake-dev"])
    return (
        "$ cat service-account.json\n"
        "{\n"
        f'  "{kp("type")}": "{kp("service_account")}",\n'
        f'  "{kp("project_id")}": "{kp(proj)}",\n'
        f'  "{kp("private_key_id")}": "{sec(hexs(rng, 40))}",\n'
        f'  "{kp("private_key")}": "{pem(rng, "", nl=chr(92) + "n")}\\n",\n'
        f'  "client_email": "terraform@{proj}.iam.gserviceaccount.com",\n'
        f'  "{kp("client_id")}": "{kp(str(rng.randrange(10**20, 10**21)))}",\n'
        f'  "{kp("auth_uri")}": "{kp("https://accounts.google.com/o/oauth2/auth")}",\n'
        f'  "{kp("token_uri")}": "{kp("https://oauth2.googleapis.com/token")}",\n'
        f'  "universe_domain": "googleapis.com"\n'
        "}\n"
    )


def cloud_az(rng: random.Random) -> str:
    tenant, sub = uuid(rng), uuid(rng)
    claims: dict[str, object] = {"aud": "https://management.azure.com/", "tid": tenant, "oid": uuid(rng)}
    return (
        "$ az account get-access-token --output json\n"
        "{\n"
        f'  "{kp("accessToken")}": "{sec(jwt(rng, claims))}",\n'
        f'  "{kp("expiresOn")}": "{kp(date(rng) + " 14:03:11.000000")}",\n'
        f'  "expires_on": {kp(str(1767300000 + rng.randrange(10**6)))},\n'
        f'  "{kp("subscription")}": "{kp(sub)}",\n'
        f'  "{kp("tenant")}": "{kp(tenant)}",\n'
        f'  "{kp("tokenType")}": "{kp("Bearer")}"\n'
        "}\n"
        "$ az storage account keys list -g rg-data -n acmedata --query '[0].value' -o tsv\n"
        f"{sec(b64(rng, 64))}\n"
    )


def cloud_free(rng: random.Random) -> str:
    tail1, tail2 = _pick(rng, _UPPER32, 4), alnum(rng, 4)
    return (
        "$ aws configure list\n"
        "      Name                    Value             Type    Location\n"
        "      ----                    -----             ----    --------\n"
        "   profile                <not set>             None    None\n"
        f"access_key     {kp('****************' + tail1)} shared-credentials-file\n"
        f"secret_key     {kp('****************' + tail2)} shared-credentials-file\n"
        f"    region                {kp('us-west-2')}      config-file    ~/.aws/config\n"
        "$ aws sts get-caller-identity\n"
        "{\n"
        f'    "UserId": "{kp("AIDA" + _pick(rng, _UPPER32, 17))}",\n'
        '    "Account": "123456789012",\n'
        f'    "Arn": "{kp("arn:aws:iam::123456789012:user/deploy-bot")}"\n'
        "}\n"
        "$ gcloud config list\n"
        "[core]\n"
        f"project = {kp('acme-prod')}\n"
        f"disable_usage_reporting = {kp('True')}\n"
        "\n"
        f"Your active configuration is: [{kp('default')}]\n"
    )


def reg_npmrc(rng: random.Random) -> str:
    return (
        "$ cat ~/.npmrc\n"
        f"{kp('registry=https://registry.npmjs.org/')}\n"
        f"{kp('//registry.npmjs.org/:_authToken')}={vtok(rng, tok_npm)}\n"
        f"{kp('@acme:registry=https://npm.pkg.github.com')}\n"
        f"{kp('//npm.pkg.github.com/:_authToken')}={vtok(rng, tok_github)}\n"
        f"{kp('save-exact=true')}\n"
        "$ npm whoami\n"
        f"{kp('acme-release-bot')}\n"
    )


def reg_pypirc(rng: random.Random) -> str:
    return (
        "$ cat ~/.pypirc\n"
        "[distutils]\n"
        f"index-servers =\n    {kp('pypi')}\n    {kp('testpypi')}\n"
        "\n"
        "[pypi]\n"
        f"{kp('username = __token__')}\n"
        f"{kp('password')} = {vtok(rng, tok_pypi)}\n"
        "\n"
        "[testpypi]\n"
        f"{kp('repository = https://test.pypi.org/legacy/')}\n"
        f"{kp('username')} = {kp('maintainer-' + alnum(rng, 4).lower())}\n"
        f"{kp('password')} = {sec(password(rng))}\n"
    )


def reg_netrc(rng: random.Random) -> str:
    return (
        "$ cat ~/.netrc\n"
        f"machine {kp('api.heroku.com')}\n"
        f"  login {sec(email(rng))}\n"
        f"  password {sec(uuid(rng))}\n"
        f"machine {kp('github.com')}\n"
        f"  login {kp('octo-deployer')}\n"
        f"  password {vtok(rng, tok_github)}\n"
        f"machine {kp('artifacts.example.internal')} login {kp('ci')} password {sec(password(rng))}\n"
    )


def reg_pipconf(rng: random.Random) -> str:
    h = rng.choice(["pkgs.example.internal", "nexus.corp.example", "pypi.acme.test"])
    u = user(rng)
    return (
        "$ pip config list\n"
        f"{kp('global.index-url')}='https://{kp(u)}:{sec(password(rng, True))}@{kp(h)}/repository/pypi/simple'\n"
        f"{kp('global.trusted-host')}='{kp(h)}'\n"
        "$ cat ~/.config/pip/pip.conf\n"
        "[global]\n"
        f"{kp('index-url')} = https://{kp('__token__')}:{sec(b64url(rng, 30))}@{kp(h)}/simple/\n"
        f"{kp('extra-index-url = https://pypi.org/simple/')}\n"
        f"{kp('timeout = 60')}\n"
    )


def reg_docker(rng: random.Random) -> str:
    u1, u2 = rng.choice(["acmebuild", "release-bot", "mlops"]), rng.choice(["octo-ci", "acme-bot"])
    prefix, body = tok_github(rng)
    auth1 = base64.b64encode(f"{u1}:{password(rng)}".encode()).decode()
    auth2 = base64.b64encode(f"{u2}:{prefix}{body}".encode()).decode()
    return (
        "$ cat ~/.docker/config.json\n"
        "{\n"
        f'\t"{kp("auths")}": {{\n'
        f'\t\t"{kp("https://index.docker.io/v1/")}": {{\n'
        f'\t\t\t"{kp("auth")}": "{sec(auth1)}"\n'
        "\t\t},\n"
        f'\t\t"{kp("ghcr.io")}": {{\n'
        f'\t\t\t"{kp("auth")}": "{sec(auth2)}"\n'
        "\t\t}\n"
        "\t},\n"
        f'\t"{kp("credsStore")}": "{kp("desktop")}",\n'
        f'\t"currentContext": "{kp("desktop-linux")}"\n'
        "}\n"
        f"$ echo {vtok(rng, tok_docker)} | docker login -u {kp(u1)} --password-stdin\n"
        "Login Succeeded\n"
    )


def reg_gitcreds(rng: random.Random) -> str:
    return (
        "$ cat ~/.git-credentials\n"
        f"https://{kp('octo-dev')}:{vtok(rng, tok_github_pat)}@{kp('github.com')}\n"
        f"https://{kp('oauth2')}:{vtok(rng, tok_gitlab)}@{kp('gitlab.example.com')}\n"
        f"https://{kp('jdoe-acme')}:{vtok(rng, tok_bitbucket)}@{kp('bitbucket.org')}\n"
        "$ git config --global credential.helper\n"
        f"{kp('store')}\n"
    )


def reg_free(rng: random.Random) -> str:
    return (
        "$ npm config list\n"
        f'; "user" config from {kp("/home/dev/.npmrc")}\n'
        "\n"
        f"{kp('//registry.npmjs.org/:_authToken = (protected)')}\n"
        + kp('@acme:registry = "https://npm.pkg.github.com"')
        + "\n"
        "\n"
        f"; node bin location = {kp('/usr/local/bin/node')}\n"
        f"; node version = {kp('v' + version(rng))}\n"
        f"; npm local prefix = {kp('/home/dev/src/storefront')}\n"
        f"; npm version = {kp(version(rng))}\n"
        "$ cat .npmrc\n"
        f"{kp('//npm.pkg.github.com/:_authToken=${NODE_AUTH_TOKEN}')}\n"
        f"{kp('@acme:registry=https://npm.pkg.github.com')}\n"
        f"{kp('always-auth=true')}\n"
    )


def _repo(rng: random.Random) -> str:
    return rng.choice(
        ["acme/storefront", "acme/ledger", "platform/infra-live", "data/etl-jobs", "web/checkout"]
    )


def git_remote(rng: random.Random) -> str:
    repo = _repo(rng)
    token = vtok(rng, tok_github)
    url = f"https://{kp('x-access-token')}:{token}@{kp('github.com')}/{kp(repo + '.git')}"
    return (
        "$ git remote -v\n"
        f"origin\t{url} (fetch)\n"
        f"origin\t{url} (push)\n"
        f"upstream\t{kp('git@github.com')}:{kp(repo)}.git (fetch)\n"
        f"upstream\t{kp('git@github.com')}:{kp(repo)}.git (push)\n"
        "$ git rev-parse HEAD\n"
        f"{kp(sha(rng))}\n"
    )


def git_clone(rng: random.Random) -> str:
    proj = rng.choice(["billing", "infra", "mobile-app"])
    n = rng.randrange(100, 9000)
    return (
        f"$ git clone https://{kp('oauth2')}:{vtok(rng, tok_gitlab)}@{kp('gitlab.example.com')}"
        f"/{kp('group/' + proj)}.git\n"
        f"Cloning into '{proj}'...\n"
        f"remote: Enumerating objects: {n}, done.\n"
        f"remote: Counting objects: 100% ({n}/{n}), done.\n"
        f"Receiving objects: 100% ({n}/{n}), 2.41 MiB | 9.80 MiB/s, done.\n"
        f"Resolving deltas: 100% ({n // 3}/{n // 3}), done.\n"
        f"$ git -C {proj} log -1 --format='%H %an <%ae> %ad'\n"
        f"{kp(sha(rng))} Dana Whitfield <{sec(email(rng))}> {kp('Tue Feb 3 11:42:07 2026 +0100')}\n"
    )


def git_config(rng: random.Random) -> str:
    repo = _repo(rng)
    first, last = person(rng)
    return (
        "$ git config --list --show-origin | grep -v alias\n"
        f"file:/home/dev/.gitconfig\t{kp('user.name')}={kp(first.capitalize() + ' ' + last.capitalize())}\n"
        f"file:/home/dev/.gitconfig\t{kp('user.email')}={sec(email(rng))}\n"
        f"file:/home/dev/.gitconfig\t{kp('core.editor=nvim')}\n"
        f"file:/home/dev/.gitconfig\t{kp('init.defaultbranch=main')}\n"
        f"file:.git/config\t{kp('remote.origin.url')}=https://{kp('deploy-bot')}"
        f":{vtok(rng, tok_github_pat)}@{kp('github.com')}/{kp(repo)}\n"
        f"file:.git/config\t{kp('remote.origin.fetch=+refs/heads/*:refs/remotes/origin/*')}\n"
        f"file:.git/config\t{kp('branch.main.remote=origin')}\n"
    )


def git_log(rng: random.Random) -> str:
    lines = ["$ git log -4 --format='%h %ae %s'"]
    for _ in range(4):
        lines.append(
            f"{kp(hexs(rng, 9))} {sec(email(rng))} "
            + rng.choice(["fix: retry on 503", "chore: bump deps", "feat: export CSV", "docs: setup notes"])
        )
    repo = _repo(rng)
    lines.append(
        f"$ git push https://{kp('ci')}:{vtok(rng, tok_github)}@{kp('github.com')}/{kp(repo)}.git HEAD:main"
    )
    lines.append(f"To https://github.com/{repo}.git")
    lines.append(f"   {kp(hexs(rng, 7))}..{kp(hexs(rng, 7))}  HEAD -> main")
    return "\n".join(lines) + "\n"


def git_free(rng: random.Random) -> str:
    repo = _repo(rng)
    lines = [
        "$ git remote -v",
        f"origin\t{kp('git@github.com:' + repo + '.git')} (fetch)",
        f"origin\t{kp('git@github.com:' + repo + '.git')} (push)",
        f"mirror\t{kp('ssh://git@gitlab.example.com:2222/' + repo + '.git')} (fetch)",
        "$ git log --oneline -5",
    ]
    for _ in range(5):
        lines.append(
            kp(
                f"{hexs(rng, 7)} "
                + rng.choice(["Merge pull request #412", "Bump version to " + version(rng), "Fix flaky test"])
            )
        )
    lines.append("$ git push origin main")
    lines.append(kp("fatal: Authentication failed for 'https://github.com/" + repo + ".git/'"))
    return "\n".join(lines) + "\n"


def db_psql(rng: random.Random) -> str:
    u, h, d = user(rng), host(rng), dbname(rng)
    pw = password(rng)
    return (
        f'$ psql "postgresql://{kp(u)}:{sec(password(rng, True))}@{kp(h)}:{kp("5432")}/{kp(d)}'
        f'?{kp("sslmode=require")}" -c "\\dt"\n'
        "            List of relations\n"
        " Schema |    Name     | Type  |  Owner\n"
        "--------+-------------+-------+---------\n"
        f" public | orders      | table | {u}\n"
        f" public | customers   | table | {u}\n"
        "(2 rows)\n"
        "\n"
        f"$ PGPASSWORD='{sec(pw)}' pg_dump -h {kp(h)} -U {kp(u)} -d {kp(d)} -Fc -f {kp('/tmp/' + d + '.dump')}\n"
        '$ pg_restore --dbname="host=localhost port=5433 user=postgres '
        f'password={sec(password(rng, True))} dbname={kp(d)}" /tmp/{d}.dump\n'
    )


def db_mysql(rng: random.Random) -> str:
    u, h, d = user(rng), host(rng), dbname(rng)
    return (
        f"$ mysql -h {kp(h)} -P {kp('3306')} -u {kp(u)} -p{sec(password(rng, True))} {kp(d)} -e 'SELECT "
        "COUNT(*) FROM orders'\n"
        f"{kp('mysql: [Warning] Using a password on the command line interface can be insecure.')}\n"
        "+----------+\n"
        "| COUNT(*) |\n"
        "+----------+\n"
        f"|    {rng.randrange(1000, 99999):>5} |\n"
        "+----------+\n"
        f"$ mysqldump --user={kp('root')} --password='{sec(password(rng))}' --single-transaction {kp(d)} > backup.sql\n"
    )


def db_mongo(rng: random.Random) -> str:
    u, d = user(rng), dbname(rng)
    cluster = f"cluster0.{alnum(rng, 5).lower()}.mongodb.net"
    return (
        f'$ mongosh "mongodb+srv://{kp(u)}:{sec(password(rng, True))}@{kp(cluster)}/{kp(d)}'
        f'?{kp("retryWrites=true&w=majority")}"\n'
        f"Current Mongosh Log ID:\t{kp(hexs(rng, 24))}\n"
        f"Connecting to:\t\tmongodb+srv://<credentials>@{cluster}/{d}?retryWrites=true&w=majority&"
        f"appName=mongosh+{version(rng)}\n"
        f"Using MongoDB:\t\t{kp(version(rng))}\n"
        f"Using Mongosh:\t\t{kp(version(rng))}\n"
        f"Atlas atlas-{alnum(rng, 6).lower()}-shard-0 [primary] {d}> db.users.findOne({{}}, {{email: 1}})\n"
        f"{{ _id: ObjectId('{kp(hexs(rng, 24))}'), email: '{sec(email(rng))}' }}\n"
    )


def db_redis(rng: random.Random) -> str:
    h = host(rng)
    return (
        f"$ redis-cli -h {kp(h)} -p {kp('6380')} --tls -a '{sec(password(rng))}' --no-auth-warning PING\n"
        "PONG\n"
        f"$ redis-cli -u redis://{kp('default')}:{sec(password(rng, True))}@{kp(h)}:{kp('6379')}/0 INFO "
        "server | head -3\n"
        "# Server\n"
        f"{kp('redis_version:' + version(rng))}\n"
        f"{kp('redis_git_sha1:00000000')}\n"
        "$ ps aux | grep [s]idekiq\n"
        f"app   {rng.randrange(1000, 60000)}  2.1  3.4 812344 281220 ?  Sl   09:12   0:41 "
        f"sidekiq {kp(version(rng))} app [0 of 10 busy] "
        f"REDIS_URL=redis://:{sec(password(rng, True))}@{kp(h)}:{kp('6379')}\n"
    )


def db_free(rng: random.Random) -> str:
    d = dbname(rng)
    return (
        f"$ psql -h {kp('localhost')} -U {kp('postgres')} -d {kp(d)} -W\n"
        f"{kp('Password for user postgres:')}\n"
        f"psql ({kp('16.4')})\n"
        f'Type "help" for help.\n'
        "\n"
        f"{d}=# SELECT id, order_no, created_at FROM orders LIMIT 2;\n"
        " id |  order_no   |     created_at\n"
        "----+-------------+---------------------\n"
        f"  1 | {kp('ORD-' + str(rng.randrange(100000, 999999)))} | {kp(date(rng) + ' 10:14:02')}\n"
        f"  2 | {kp('ORD-' + str(rng.randrange(100000, 999999)))} | {kp(date(rng) + ' 10:15:40')}\n"
        "(2 rows)\n"
        f"$ mysql -u {kp('app')} -p{kp('$(cat /run/secrets/mysql_password)')} -h {kp('127.0.0.1')}\n"
        + "$ redis-cli -a "
        + kp('"$REDIS_PASSWORD"')
        + " ping\n"
    )


def _b64s(value: str) -> str:
    return base64.b64encode(value.encode()).decode()


def k8s_get_yaml(rng: random.Random) -> str:
    name = rng.choice(["db-credentials", "api-keys", "smtp-auth", "payments-secrets"])
    ns = rng.choice(["default", "payments", "prod", "staging"])
    return (
        f"$ kubectl get secret {kp(name)} -n {kp(ns)} -o yaml\n"
        f"{kp('apiVersion: v1')}\n"
        "data:\n"
        f"  {kp('DB_PASSWORD')}: {sec(_b64s(password(rng)))}\n"
        f"  {kp('DB_USER')}: {sec(_b64s(user(rng)))}\n"
        f"  {kp('STRIPE_API_KEY')}: {sec(_b64s(''.join(tok_stripe(rng))))}\n"
        f"  {kp('JWT_SIGNING_KEY')}: {sec(_b64s(b64(rng, 48)))}\n"
        f"{kp('kind: Secret')}\n"
        "metadata:\n"
        f'  creationTimestamp: "{kp(stamp(rng))}"\n'
        f"  name: {kp(name)}\n"
        f"  namespace: {kp(ns)}\n"
        f'  resourceVersion: "{kp(str(rng.randrange(10**6, 10**8)))}"\n'
        f"  uid: {kp(uuid(rng))}\n"
        f"{kp('type: Opaque')}\n"
    )


def k8s_jsonpath(rng: random.Random) -> str:
    name = rng.choice(["postgres-superuser", "grafana-admin", "argocd-initial-admin-secret"])
    return (
        f"$ kubectl get secret {kp(name)} -o jsonpath='{kp('{.data.password}')}' | base64 -d; echo\n"
        f"{sec(password(rng))}\n"
        f"$ kubectl get secret {kp('registry-creds')} -o jsonpath='{{.data.\\.dockerconfigjson}}'\n"
        + sec(
            _b64s(
                '{"auths":{"registry.example.com":{"username":"ci","password":"'
                + password(rng, True)
                + '"}}}'
            )
        )
        + "\n"
        f"$ kubectl create secret generic {kp('api-keys')} "
        f"--from-literal={kp('OPENAI_API_KEY')}={vtok(rng, tok_openai)} "
        f"--from-literal={kp('SLACK_BOT_TOKEN')}={vtok(rng, tok_slack)} --dry-run=client -o name\n"
        f"{kp('secret/api-keys')}\n"
    )


def k8s_docker_inspect(rng: random.Random) -> str:
    cid = hexs(rng, 64)
    return (
        f"$ docker inspect {kp(cid[:12])} --format '{{{{json .Config}}}}' | jq .\n"
        "{\n"
        f'  "{kp("Hostname")}": "{kp(cid[:12])}",\n'
        '  "Env": [\n'
        f'    "{kp("POSTGRES_PASSWORD")}={sec(password(rng))}",\n'
        f'    "{kp("POSTGRES_USER")}={kp(user(rng))}",\n'
        f'    "{kp("POSTGRES_DB")}={kp(dbname(rng))}",\n'
        f'    "{kp("DATADOG_API_KEY")}={sec(hexs(rng, 32))}",\n'
        f'    "{kp("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")}",\n'
        f'    "{kp("PG_VERSION=" + version(rng))}",\n'
        f'    "{kp("GOSU_VERSION=1.17")}"\n'
        "  ],\n"
        f'  "{kp("Image")}": "{kp("sha256:" + hexs(rng, 64))}",\n'
        f'  "Labels": {{"{kp("org.opencontainers.image.revision")}": "{kp(sha(rng))}"}}\n'
        "}\n"
    )


def k8s_helm(rng: random.Random) -> str:
    rel = rng.choice(["keycloak", "sentry", "airflow"])
    return (
        f"$ helm get values {kp(rel)} -n {kp('platform')}\n"
        "USER-SUPPLIED VALUES:\n"
        "auth:\n"
        f"  {kp('adminUser')}: {kp('admin')}\n"
        f"  {kp('adminPassword')}: {sec(password(rng))}\n"
        "postgresql:\n"
        "  auth:\n"
        f"    {kp('password')}: {sec(password(rng))}\n"
        f"    {kp('username')}: {kp(rel)}\n"
        "smtp:\n"
        f"  {kp('host')}: {kp('smtp.sendgrid.net')}\n"
        f"  {kp('password')}: {vtok(rng, tok_sendgrid)}\n"
        f"  {kp('port')}: {kp('587')}\n"
        f"  {kp('user')}: {kp('apikey')}\n"
        "stringData:\n"
        f"  {kp('webhook-url')}: https://hooks.slack.com/services/T{_pick(rng, _UPPER32, 10)}/"
        f"B{_pick(rng, _UPPER32, 10)}/{sec(alnum(rng, 24))}\n"
    )


def k8s_free(rng: random.Random) -> str:
    return (
        f"$ kubectl describe secret {kp('db-credentials')}\n"
        f"Name:         {kp('db-credentials')}\n"
        f"Namespace:    {kp('payments')}\n"
        "Labels:       <none>\n"
        "Annotations:  <none>\n"
        "\n"
        f"Type:  {kp('Opaque')}\n"
        "\n"
        "Data\n"
        "====\n"
        f"{kp('DB_PASSWORD')}:  {rng.randrange(12, 40)} bytes\n"
        f"{kp('DB_USER')}:      {rng.randrange(3, 12)} bytes\n"
        "$ cat templates/secret.yaml\n"
        "apiVersion: v1\n"
        "kind: Secret\n"
        "stringData:\n"
        f"  DB_PASSWORD: {kp('{{ .Values.db.password | quote }}')}\n"
        + "  API_TOKEN: "
        + kp('{{ required "apiToken is required" .Values.apiToken }}')
        + "\n"
        f"$ kubectl get pods -n {kp('payments')}\n"
        "NAME                          READY   STATUS    RESTARTS   AGE\n"
        f"{kp('api-' + hexs(rng, 10) + '-' + alnum(rng, 5).lower())}   1/1     Running   0          3d2h\n"
    )


def tf_plan_free(rng: random.Random) -> str:
    return (
        "$ terraform plan -out tfplan\n"
        f"{kp('random_password.db: Refreshing state... [id=none]')}\n"
        "\n"
        "Terraform will perform the following actions:\n"
        "\n"
        "  # aws_db_instance.main will be created\n"
        '  + resource "aws_db_instance" "main" {\n'
        f"      + {kp('allocated_storage')}     = 20\n"
        f'      + {kp("engine_version")}        = "{kp(version(rng))}"\n'
        f'      + {kp("identifier")}            = "{kp("orders-prod")}"\n'
        f"      + {kp('password')}              = {kp('(sensitive value)')}\n"
        f'      + {kp("username")}              = "{kp("dbadmin")}"\n'
        "    }\n"
        "\n"
        "  # aws_secretsmanager_secret_version.api will be updated in-place\n"
        '  ~ resource "aws_secretsmanager_secret_version" "api" {\n'
        f'        id            = "{kp("arn:aws:secretsmanager:us-east-1:123456789012:secret:api-" + alnum(rng, 6))}"\n'
        f"      ~ {kp('secret_string')} = {kp('(sensitive value)')}\n"
        "    }\n"
        "\n"
        "Plan: 1 to add, 1 to change, 0 to destroy.\n"
    )


def tf_output(rng: random.Random) -> str:
    return (
        "$ terraform output -json\n"
        "{\n"
        f'  "{kp("db_endpoint")}": {{\n'
        '    "sensitive": false,\n'
        '    "type": "string",\n'
        f'    "value": "{kp(host(rng) + ":5432")}"\n'
        "  },\n"
        f'  "{kp("db_password")}": {{\n'
        '    "sensitive": true,\n'
        '    "type": "string",\n'
        f'    "value": "{sec(password(rng))}"\n'
        "  },\n"
        f'  "{kp("deploy_key_id")}": {{\n'
        '    "sensitive": false,\n'
        f'    "value": "{aws_id(rng)}"\n'
        "  },\n"
        f'  "{kp("deploy_key_secret")}": {{\n'
        '    "sensitive": true,\n'
        f'    "value": "{sec(aws_secret(rng))}"\n'
        "  }\n"
        "}\n"
    )


def tf_state(rng: random.Random) -> str:
    return (
        "$ grep -n -A3 '\"secret\"' terraform.tfstate\n"
        f'{kp("412")}:            "{kp("id")}": "{aws_id(rng)}",\n'
        f'413-            "{kp("key_fingerprint")}": null,\n'
        f'414-            "{kp("secret")}": "{sec(aws_secret(rng))}",\n'
        f'415-            "{kp("ses_smtp_password_v4")}": "{sec(b64(rng, 33))}",\n'
        f'416-            "{kp("status")}": "Active",\n'
        "$ cat prod.auto.tfvars\n"
        f'{kp("region")}               = "{kp("us-east-1")}"\n'
        f'{kp("datadog_api_key")}      = "{sec(hexs(rng, 32))}"\n'
        f'{kp("datadog_app_key")}      = "{sec(hexs(rng, 40))}"\n'
        f'{kp("cloudflare_api_token")} = "{sec(_pick(rng, _ALNUM + "_-", 40))}"\n'
        f'{kp("instance_type")}        = "{kp("t3.medium")}"\n'
    )


def tf_apply(rng: random.Random) -> str:
    return (
        f"$ TF_VAR_db_password='{sec(password(rng))}' TF_VAR_github_token={vtok(rng, tok_github)} "
        "terraform apply -auto-approve\n"
        f"{kp('github_repository.infra: Refreshing state... [id=infra-live]')}\n"
        f"{kp('aws_db_instance.main: Modifying... [id=orders-prod]')}\n"
        f"{kp('aws_db_instance.main: Modifications complete after 41s [id=orders-prod]')}\n"
        "\n"
        "Apply complete! Resources: 0 added, 1 changed, 0 destroyed.\n"
        "\n"
        "Outputs:\n"
        "\n"
        f"{kp('db_password')} = {kp('<sensitive>')}\n"
        f'{kp("vault_root_token")} = "{vtok(rng, tok_vault)}"\n'
    )


def code_python(rng: random.Random) -> str:
    model = kp('MODEL = "claude-sonnet-4-5"')
    return (
        "import os\n"
        "from anthropic import Anthropic\n"
        "import openai\n"
        "\n"
        f"{model}\n"
        f'client = Anthropic({kp("api_key")}="{vtok(rng, tok_anthropic)}")\n'
        f'openai.{kp("api_key")} = os.getenv("OPENAI_API_KEY", "{vtok(rng, tok_openai)}")\n'
        "\n"
        "\n"
        "def connect():\n"
        "    return psycopg.connect(\n"
        f'        {kp("host")}="{kp(host(rng))}", {kp("user")}="{kp(user(rng))}", '
        f'{kp("password")}="{sec(password(rng))}", {kp("dbname")}="{kp(dbname(rng))}"\n'
        "    )\n"
    )


def code_node(rng: random.Random) -> str:
    return (
        "// src/lib/payments.ts\n"
        "import Stripe from 'stripe';\n"
        "import { WebClient } from '@slack/web-api';\n"
        "\n"
        f"const stripe = new Stripe('{vtok(rng, tok_stripe)}', {{ {kp('apiVersion')}: "
        f"'{kp(date(rng) + '.acacia')}' }});\n"
        f"const slack = new WebClient(process.env.SLACK_TOKEN ?? '{vtok(rng, tok_slack)}');\n"
        f"export const {kp('SHOPIFY_ADMIN_TOKEN')} = '{vtok(rng, tok_shopify)}';\n"
        f"export const {kp('API_BASE')} = '{kp('https://api.example.com/v2')}';\n"
    )


def code_go(rng: random.Random) -> str:
    return (
        "package config\n"
        "\n"
        "const (\n"
        f'\t{kp("DefaultRegion")} = "{kp("eu-central-1")}"\n'
        f'\t{kp("awsAccessKeyID")} = "{aws_id(rng)}"\n'
        f'\t{kp("awsSecretKey")}   = "{sec(aws_secret(rng))}"\n'
        f'\t{kp("doToken")}        = "{vtok(rng, tok_digitalocean)}"\n'
        ")\n"
        "\n"
        "func DSN() string {\n"
        f'\treturn "{kp(user(rng))}:{sec(password(rng, True))}@tcp({kp(host(rng))}:{kp("3306")})'
        f'/{kp(dbname(rng))}?parseTime=true"\n'
        "}\n"
    )


def code_rust(rng: random.Random) -> str:
    return (
        "use reqwest::header::{HeaderMap, AUTHORIZATION};\n"
        "\n"
        "fn headers() -> HeaderMap {\n"
        "    let mut h = HeaderMap::new();\n"
        f'    let token = "{vtok(rng, tok_github)}";\n'
        '    h.insert(AUTHORIZATION, format!("Bearer {token}").parse().unwrap());\n'
        "    h\n"
        "}\n"
        "\n"
        f'const {kp("HF_TOKEN")}: &str = "{vtok(rng, tok_hf)}";\n'
        f'const {kp("CRATE_VERSION")}: &str = "{kp(version(rng))}";\n'
    )


def code_java(rng: random.Random) -> str:
    return (
        "public final class Keys {\n"
        f'    private static final String {kp("MAPS_API_KEY")} = "{vtok(rng, tok_google_key)}";\n'
        f"    private static final String {kp('JDBC_URL')} =\n"
        f'        "jdbc:postgresql://{kp(host(rng))}:{kp("5432")}/{kp(dbname(rng))}'
        f'?{kp("user=" + user(rng))}&password={sec(password(rng, True))}";\n'
        f'    static final String {kp("SIGNING_SECRET")} = "{sec(b64(rng, 32))}";\n'
        f'    static final String {kp("BUILD_ID")} = "{kp(uuid(rng))}";\n'
        "}\n"
    )


def code_csharp(rng: random.Random) -> str:
    return (
        "var builder = WebApplication.CreateBuilder(args);\n"
        f'var conn = "{kp("Server=tcp:" + rng.choice(_WORDS) + ".database.windows.net,1433")};'
        f"{kp('Initial Catalog=' + dbname(rng))};{kp('User ID=' + user(rng))};Password={sec(password(rng))};"
        f'{kp("Encrypt=True")};";\n'
        f'builder.Services.AddSingleton(new SendGridClient("{vtok(rng, tok_sendgrid)}"));\n'
        f'var blob = new BlobServiceClient("{kp("DefaultEndpointsProtocol=https")};{kp("AccountName=acmedata")};'
        f'AccountKey={sec(b64(rng, 64))};{kp("EndpointSuffix=core.windows.net")}");\n'
    )


def code_php(rng: random.Random) -> str:
    return (
        "<?php\n"
        "return [\n"
        f"    '{kp('mailgun')}' => ['{kp('domain')}' => '{kp('mg.example.com')}', 'secret' => "
        f"'{ven('ke' + 'y-', hexs(rng, 32))}'],\n"
        f"    '{kp('stripe')}' => ['{kp('secret')}' => '{vtok(rng, tok_stripe)}'],\n"
        f"    '{kp('database')}' => ['{kp('username')}' => '{kp(user(rng))}', '{kp('password')}' => "
        f"'{sec(password(rng))}'],\n"
        "];\n"
    )


def code_ruby(rng: random.Random) -> str:
    return (
        "# config/initializers/services.rb\n"
        f"Stripe.{kp('api_key')} = '{vtok(rng, tok_stripe)}'\n"
        "Octokit.configure do |c|\n"
        f"  c.{kp('access_token')} = '{vtok(rng, tok_github)}'\n"
        "end\n"
        f"Twilio.configure {{ |c| c.account_sid = 'AC{hexs(rng, 32)}'; c.{kp('auth_token')} = "
        f"'{sec(hexs(rng, 32))}' }}\n"
    )


def code_fixture(rng: random.Random) -> str:
    return (
        "# tests/conftest.py\n"
        "@pytest.fixture\n"
        "def admin_user(db):\n"
        "    return User.objects.create_user(\n"
        f'        {kp("username")}="{kp("admin")}",\n'
        f'        email="{sec(email(rng))}",\n'
        f'        {kp("password")}="{sec(password(rng))}",\n'
        "    )\n"
        "\n"
        "\n"
        f'{kp("LINEAR_KEY")} = "{vtok(rng, tok_linear)}"\n'
        f'{kp("EXPECTED_DIGEST")} = "{kp(hexs(rng, 64))}"\n'
    )


def code_free(rng: random.Random) -> str:
    lines = [
        "import hashlib, os",
        "",
        kp('API_KEY = os.environ["OPENAI_API_KEY"]'),
        kp('DB_PASSWORD = os.getenv("DB_PASSWORD")'),
        kp('DSN = "postgresql://%(user)s:%(password)s@%(host)s/%(db)s"'),
        kp('KNOWN_SHA256 = "' + hexs(rng, 64) + '"'),
        kp('TRACE_ID = "' + uuid(rng) + '"'),
        kp("const token = process.env.GITHUB_TOKEN;"),
        kp('headers = {"Authorization": f"Bearer {token}"}'),
        kp('password = "********"'),
    ]
    return "\n".join(lines) + "\n"


def http_curl(rng: random.Random) -> str:
    rid = "req_" + alnum(rng, 14)
    return (
        "$ curl -v https://api.stripe.com/v1/charges?limit=3 -H "
        f'"{kp("Authorization: Bearer")} {vtok(rng, tok_stripe)}"\n'
        "*   Trying 34.200.27.109:443...\n"
        "* Connected to api.stripe.com (34.200.27.109) port 443\n"
        "* SSL connection using TLSv1.3 / TLS_AES_128_GCM_SHA256\n"
        "> GET /v1/charges?limit=3 HTTP/2\n"
        f"> {kp('Host: api.stripe.com')}\n"
        f"> {kp('User-Agent: curl/' + version(rng))}\n"
        f"> {kp('authorization: Bearer')} {vtok(rng, tok_stripe)}\n"
        "> accept: */*\n"
        ">\n"
        "< HTTP/2 200\n"
        f"< {kp('request-id: ' + rid)}\n"
        f"< {kp('date: Tue, 03 Feb 2026 10:12:44 GMT')}\n"
        f"< {kp('stripe-version: 2024-06-20')}\n"
        "<\n"
        '{"object": "list", "data": [], "has_more": false}\n'
    )


def http_requests_debug(rng: random.Random) -> str:
    u = rng.choice(["svc-reporting", "jenkins", "admin"])
    basic = base64.b64encode(f"{u}:{password(rng)}".encode()).decode()
    sid = alnum(rng, 32).lower()
    return (
        ">>> import http.client, requests; http.client.HTTPConnection.debuglevel = 1\n"
        f">>> requests.get('https://{kp('jira.example.internal')}/rest/api/2/myself', auth=('{kp(u)}', '<redacted>'))\n"
        f"send: b'GET /rest/api/2/myself HTTP/1.1\\r\\n{kp('Host: jira.example.internal')}\\r\\n"
        f"User-Agent: python-requests/{kp(version(rng))}\\r\\nAccept: */*\\r\\n"
        f"{kp('Authorization: Basic')} {sec(basic)}\\r\\n"
        f"{kp('Cookie')}: {kp('JSESSIONID')}={sec(hexs(rng, 32).upper())};"
        f" {kp('jira.editor.user.mode=wysiwyg')}\\r\\n\\r\\n'\n"
        "reply: 'HTTP/1.1 200 \\r\\n'\n"
        f"header: {kp('Set-Cookie')}: {kp('sessionid')}={sec(sid)}; {kp('Path=/; Secure; HttpOnly; SameSite=Lax')}\n"
        f"header: {kp('X-AREQUESTID')}: {kp('612x' + str(rng.randrange(10**6, 10**7)) + 'x1')}\n"
        "<Response [200]>\n"
    )


def http_axios(rng: random.Random) -> str:
    return (
        "AxiosError: Request failed with status code 401\n"
        "    at settle (/app/node_modules/axios/dist/node/axios.cjs:2019:12)\n"
        "    at IncomingMessage.handleStreamEnd (/app/node_modules/axios/dist/node/axios.cjs:3135:11) {\n"
        f"  code: '{kp('ERR_BAD_REQUEST')}',\n"
        "  config: {\n"
        "    headers: Object [AxiosHeaders] {\n"
        f"      {kp('Accept')}: 'application/json, text/plain, */*',\n"
        f"      {kp('Authorization')}: '{kp('Bearer')} {sec(jwt(rng))}',\n"
        f"      {kp('Cookie')}: "
        f"'{kp('connect.sid')}=s%3A{sec(alnum(rng, 32) + '.' + b64(rng, 32).rstrip('='))};"
        f" {kp('theme=dark')};"
        f" {kp('_ga=GA1.1.' + str(rng.randrange(10**8, 10**9)) + '.' + str(1760000000 + rng.randrange(10**6)))}',\n"
        f"      {kp('User-Agent')}: '{kp('axios/1.7.9')}',\n"
        "    },\n"
        f"    method: 'get',\n"
        f"    url: '{kp('https://api.example.com/v1/me')}',\n"
        "  },\n"
        "}\n"
    )


def http_digest(rng: random.Random) -> str:
    uname = rng.choice(["camera-admin", "ops", "mufasa"])
    return (
        "$ curl -v --digest -u camera-admin:$(cat ~/.camera_pw) http://192.168.1.64/ISAPI/System/deviceInfo\n"
        "> GET /ISAPI/System/deviceInfo HTTP/1.1\n"
        "< HTTP/1.1 401 Unauthorized\n"
        f'< {kp("WWW-Authenticate: Digest")} qop="auth", realm="{kp("IP Camera")}", nonce="{hexs(rng, 32)}"\n'
        "> GET /ISAPI/System/deviceInfo HTTP/1.1\n"
        f'> {kp("Authorization: Digest")} {kp("username=" + chr(34) + uname + chr(34))}, realm="{kp("IP Camera")}", '
        f'nonce="{hexs(rng, 32)}", {kp("uri=" + chr(34) + "/ISAPI/System/deviceInfo" + chr(34))}, '
        f'cnonce="{hexs(rng, 16)}", nc=00000001, qop=auth, response="{sec(hexs(rng, 32))}"\n'
        "< HTTP/1.1 200 OK\n"
        f"< {kp('Content-Type: application/xml')}\n"
    )


def http_sigv4(rng: random.Random) -> str:
    d = date(rng).replace("-", "")
    return (
        "DEBUG:botocore.endpoint:Sending http request: <AWSPreparedRequest stream_output=False, "
        f"method=PUT, url={kp('https://acme-uploads.s3.us-east-1.amazonaws.com/exports/report.csv')}, "
        f"headers={{'{kp('X-Amz-Date')}': b'{kp(d + 'T101244Z')}', "
        f"'{kp('X-Amz-Content-SHA256')}': b'{kp(hexs(rng, 64))}', "
        f"'{kp('Authorization')}': b'{kp('AWS4-HMAC-SHA256')} Credential={aws_id(rng)}/{d}/us-east-1/s3/aws4_request, "
        f"{kp('SignedHeaders=host;x-amz-content-sha256;x-amz-date')}, Signature={sec(hexs(rng, 64))}', "
        f"'{kp('Content-Length')}': '{rng.randrange(100, 99999)}'}}>\n"
    )


def http_presigned(rng: random.Random) -> str:
    d = date(rng).replace("-", "")
    tokn = urllib.parse.quote(session_token(rng), safe="")
    gsig = hexs(rng, 512)
    sas = urllib.parse.quote(b64(rng, 32), safe="")
    return (
        ">>> s3.generate_presigned_url('get_object', Params={'Bucket': 'acme-exports', 'Key': "
        "'q1.parquet'}, ExpiresIn=3600)\n"
        f"'https://{kp('acme-exports.s3.amazonaws.com/q1.parquet')}?{kp('X-Amz-Algorithm=AWS4-HMAC-SHA256')}"
        f"&X-Amz-Credential={aws_id(rng, temp=True)}%2F{d}%2Fus-east-1%2Fs3%2Faws4_request"
        f"&{kp('X-Amz-Date=' + d + 'T093000Z')}&{kp('X-Amz-Expires=3600')}&{kp('X-Amz-SignedHeaders=host')}"
        f"&X-Amz-Security-Token={sec(tokn)}&X-Amz-Signature={sec(hexs(rng, 64))}'\n"
        "$ curl -sI "
        f"'{kp('https://storage.googleapis.com/acme-ml/models/ckpt-' + str(rng.randrange(1000, 9999)) + '.pt')}"
        f"?{kp('X-Goog-Algorithm=GOOG4-RSA-SHA256')}&X-Goog-Credential=loader%40acme-ml.iam.gserviceaccou"
        f"nt.com%2F{d}%2Fauto%2Fstorage%2Fgoog4_request"
        f"&{kp('X-Goog-Date=' + d + 'T093000Z')}&{kp('X-Goog-Expires=900')}"
        f"&{kp('X-Goog-SignedHeaders=host')}&X-Goog-Signature={sec(gsig)}'\n"
        "HTTP/2 200\n"
        f"{kp('x-goog-hash: crc32c=' + b64(rng, 4))}\n"
        f"$ azcopy copy './dist' '{kp('https://acmestatic.blob.core.windows.net/$web')}"
        f"?{kp('sv=2022-11-02&ss=b&srt=co&sp=rwdlac')}"
        f"&{kp('se=' + date(rng) + 'T00:00:00Z')}&{kp('spr=https')}&sig={sec(sas)}' --recursive\n"
    )


def http_cookies(rng: random.Random) -> str:
    rails = b64(rng, 120).rstrip("=") + "--" + b64(rng, 12).rstrip("=") + "--" + b64(rng, 16)
    return (
        'Started GET "/dashboard" for 10.0.3.17 at 2026-02-03 10:14:09 +0000\n'
        f"  {kp('Cookie')}: {kp('_acme_session')}={sec(rails)}; {kp('locale=en-GB')}; {kp('cookie_consent=accepted')}\n"
        f"Set-Cookie: {kp('PHPSESSID')}={sec(_pick(rng, string.ascii_lowercase + string.digits, 26))};"
        f" {kp('path=/; HttpOnly')}\n"
        f"Set-Cookie: {kp('laravel_session')}={sec(b64url(rng, 180))};"
        f" {kp('expires=Tue, 03 Feb 2026 12:14:09 GMT; Max-Age=7200; path=/; httponly; samesite=lax')}\n"
        f"Set-Cookie: {kp('__Secure-next-auth.callback-url=https%3A%2F%2Fshop.example.com')}; {kp('Path=/; Secure')}\n"
        "Set-Cookie:"
        f" {kp('_gid=GA1.2.' + str(rng.randrange(10**8, 10**9)) + '.' + str(1770000000 + rng.randrange(10**6)))};"
        f" {kp('Domain=.example.com; Max-Age=86400')}\n"
    )


def http_free(rng: random.Random) -> str:
    return (
        "$ curl -sv -o /dev/null https://api.example.com/health 2>&1 | grep -E '^[<>]'\n"
        f"> {kp('GET /health HTTP/2')}\n"
        f"> {kp('Host: api.example.com')}\n"
        f"> {kp('Authorization: Bearer <your-token>')}\n"
        f"> {kp('User-Agent: curl/' + version(rng))}\n"
        f"< {kp('HTTP/2 200')}\n"
        f"< {kp('etag: W/' + chr(34) + hexs(rng, 32) + chr(34))}\n"
        f"< {kp('x-request-id: ' + uuid(rng))}\n"
        f"< {kp('set-cookie: theme=light; Path=/; Max-Age=31536000; SameSite=Lax')}\n"
        f"< {kp('strict-transport-security: max-age=63072000; includeSubDomains; preload')}\n"
        f"< {kp('x-amz-cf-id: ' + b64url(rng, 42))}\n"
    )


def keys_ssh(rng: random.Random) -> str:
    return (
        "$ ls -la ~/.ssh\n"
        "-rw-------  1 dev dev  411 Feb  3 09:12 id_ed25519\n"
        "-rw-r--r--  1 dev dev   98 Feb  3 09:12 id_ed25519.pub\n"
        "$ cat ~/.ssh/id_ed25519\n"
        f"{pem(rng, 'OPENSSH')}\n"
        "$ cat ~/.ssh/id_ed25519.pub\n"
        f"{kp(ssh_pub(rng))} {kp('dev@laptop')}\n"
        "$ ssh-keygen -lf ~/.ssh/id_ed25519.pub\n"
        f"256 {kp('SHA256:' + b64(rng, 32).rstrip('='))} dev@laptop (ED25519)\n"
    )


def keys_openssl(rng: random.Random) -> str:
    kind = rng.choice(["RSA", "EC", ""])
    return (
        "$ openssl req -x509 -newkey rsa:2048 -nodes -keyout tls.key -out tls.crt -days 365 -subj '/CN=localhost'\n"
        "..+++++\n"
        "-----\n"
        "$ cat tls.key tls.crt\n"
        f"{pem(rng, kind)}\n"
        f"{kp(public_cert(rng))}\n"
        "$ openssl x509 -in tls.crt -noout -fingerprint -sha256\n"
        f"{kp('sha256 Fingerprint=' + ':'.join(hexs(rng, 2).upper() for _ in range(32)))}\n"
    )


def keys_in_code(rng: random.Random) -> str:
    return (
        "# scripts/sign_release.py\n"
        f'{kp("SIGNING_KEY_ID")} = "{kp(uuid(rng))}"\n'
        'SIGNING_KEY = """\n'
        f"{pem(rng, 'EC')}\n"
        '"""\n'
        "\n"
        "def sign(payload: bytes) -> bytes:\n"
        "    key = serialization.load_pem_private_key(SIGNING_KEY.encode(), password=None)\n"
        "    return key.sign(payload, ec.ECDSA(hashes.SHA256()))\n"
    )


def keys_jwt_dump(rng: random.Random) -> str:
    claims: dict[str, object] = {
        "sub": str(rng.randrange(10**5, 10**6)),
        "role": "authenticated",
        "exp": 1768000000 + rng.randrange(10**6),
    }
    return (
        "> JSON.stringify(localStorage)\n"
        f'\'{{"{kp("sb-acme-auth-token")}":"{{\\"access_token\\":\\"{sec(jwt(rng, claims))}\\",'
        f'\\"token_type\\":\\"bearer\\",\\"refresh_token\\":\\"{sec(alnum(rng, 22))}\\"}}",'
        f'"{kp("theme")}":"{kp("dark")}"}}\'\n'
        "$ echo $ID_TOKEN | cut -d. -f2 | base64 -d 2>/dev/null\n"
        f'{{"iss":"{kp("https://accounts.google.com")}","sub":"{kp(str(rng.randrange(10**20, 10**21)))}",'
        f'"email":"{sec(email(rng))}"}}\n'
        f"$ grpcurl -H 'authorization: Bearer {sec(jwt(rng))}' {kp('api.internal:443')} {kp('orders.v1.Orders/List')}\n"
    )


def keys_free(rng: random.Random) -> str:
    return (
        "$ cat ~/.ssh/known_hosts | head -2\n"
        f"{kp('github.com ' + ssh_pub(rng))}\n"
        f"{kp('|1|' + b64(rng, 20) + '|' + b64(rng, 20) + ' ' + ssh_pub(rng))}\n"
        "$ cat ca.crt\n"
        f"{kp(public_cert(rng))}\n"
        "$ cat ~/.ssh/config\n"
        f"Host {kp('bastion')}\n"
        f"  HostName {kp('bastion.example.internal')}\n"
        f"  User {kp('ec2-user')}\n"
        f"  IdentityFile {kp('~/.ssh/id_ed25519')}\n"
        f"$ ssh -J {kp('ec2-user@bastion.example.internal')} {kp('deploy@10.0.4.12')} uptime\n"
    )


def pii_sql(rng: random.Random) -> str:
    rows = []
    for i in range(rng.randrange(3, 6)):
        first, last = person(rng)
        rows.append(
            f"  ({kp(str(1000 + i))}, '{sec(email(rng))}', '{first.capitalize()} {last.capitalize()}', "
            f"'{sec(ssn(rng))}', '{kp(date(rng) + ' 08:00:00')}')"
        )
    return (
        "-- db/seeds/staging_users.sql\n"
        "INSERT INTO users (id, email, full_name, ssn, created_at) VALUES\n" + ",\n".join(rows) + ";\n"
    )


def pii_csv(rng: random.Random) -> str:
    lines = ["$ head -5 exports/customers_2026-02.csv", "customer_id,order_no,email,ssn,signup_date,plan"]
    for _ in range(4):
        lines.append(
            f"{kp(uuid(rng))},{kp('ORD-' + str(rng.randrange(10**6, 10**7)))},{sec(email(rng))},"
            f"{sec(ssn(rng))},{kp(date(rng))},{rng.choice(['pro', 'team', 'free'])}"
        )
    return "\n".join(lines) + "\n"


def pii_jupyter(rng: random.Random) -> str:
    lines = [
        "In [7]: df[['email', 'ssn', 'last_login']].head(4)",
        "Out[7]:",
        "                       email          ssn           last_login",
    ]
    for i in range(4):
        lines.append(
            f"{i}  {sec(email(rng)):>28}  {sec(ssn(rng))}  {kp(date(rng) + ' 09:1' + str(i) + ':00')}"
        )
    lines.append("")
    lines.append("In [8]: df.shape")
    lines.append(f"Out[8]: ({rng.randrange(1000, 90000)}, 14)")
    return "\n".join(lines) + "\n"


def pii_urlenc(rng: random.Random) -> str:
    out = []
    for _ in range(3):
        enc = urllib.parse.quote(email(rng), safe="")
        out.append(
            f"10.0.{rng.randrange(256)}.{rng.randrange(256)} - - "
            f"[{kp('03/Feb/2026:10:1' + str(rng.randrange(10)) + ':44 +0000')}] "
            f'"GET /api/v1/users/lookup?email={sec(enc)}&{kp("page=2")}&{kp("per_page=50")} HTTP/1.1" '
            f'200 {rng.randrange(200, 9000)} "-" "{kp("python-httpx/0.28.1")}"'
        )
    out.append(
        f'mailto link: <a href="mailto:{sec(email(rng))}?subject=Invoice%20{kp(str(rng.randrange(10**5, 10**6)))}">'
    )
    return "\n".join(out) + "\n"


def pii_free(rng: random.Random) -> str:
    lines = [
        "$ head -5 exports/orders_2026-02.csv",
        "order_no,sku,quantity,unit_price,currency,placed_at,tracking",
    ]
    for _ in range(4):
        lines.append(
            kp(
                f"ORD-{rng.randrange(10**6, 10**7)},SKU-{alnum(rng, 6).upper()},{rng.randrange(1, 9)},"
                f"{rng.randrange(100, 9999) / 100:.2f},EUR,{stamp(rng)},"
                f"1Z{_pick(rng, string.ascii_uppercase + string.digits, 16)}"
            )
        )
    lines.append("$ wc -l exports/orders_2026-02.csv")
    lines.append(f"{rng.randrange(1000, 9999)} exports/orders_2026-02.csv")
    return "\n".join(lines) + "\n"


def trace_python(rng: random.Random) -> str:
    pw = password(rng)
    return (
        "____________________________ test_sync_orders _____________________________\n"
        "\n"
        f"    def test_sync_orders():\n"
        f'>       client = ErpClient(base_url="{kp("https://erp.example.internal")}",'
        f' {kp("username")}="{kp("svc_sync")}", {kp("password")}="{sec(pw)}")\n'
        "\n"
        f"{kp('base_url')}  = '{kp('https://erp.example.internal')}'\n"
        f"{kp('password')}  = '{sec(pw)}'\n"
        f"{kp('username')}  = '{kp('svc_sync')}'\n"
        f"{kp('api_token')} = '{vtok(rng)}'\n"
        f"{kp('timeout')}   = 30\n"
        "\n"
        "src/erp/client.py:88: in __init__\n"
        "    self._login()\n"
        "E   httpx.HTTPStatusError: Client error '401 Unauthorized' for url 'https://erp.example.internal/api/login'\n"
        "=========================== short test summary info ============================\n"
        "FAILED tests/test_sync.py::test_sync_orders - httpx.HTTPStatusError: Client error '401 Unauthorized'\n"
    )


def trace_java(rng: random.Random) -> str:
    h, d, u = host(rng), dbname(rng), user(rng)
    return (
        f"{kp(date(rng) + ' 10:22:31.118')} ERROR 1 --- [           main] o.s.b.SpringApplication        "
        "          : Application run failed\n"
        "org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'dataSource'\n"
        "Caused by: "
        "org.postgresql.util.PSQLException:"
        f" {kp('FATAL: password authentication failed for user ' + chr(34) + u + chr(34))}\n"
        "\tat org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:693)\n"
        "\tat org.postgresql.Driver.connect(Driver.java:297)\n"
        f"\tat com.zaxxer.hikari.pool.PoolBase.newConnection(PoolBase.java:{kp('359')})\n"
        f"HikariPool-1 - jdbcUrl=jdbc:postgresql://{kp(h)}:{kp('5432')}/{kp(d)}, username={kp(u)}, "
        f"password={sec(password(rng))}\n"
        f"Environment: {kp('SPRING_DATASOURCE_PASSWORD')}={sec(password(rng))} {kp('SPRING_PROFILES_ACTIVE=prod')}\n"
    )


def trace_node(rng: random.Random) -> str:
    return (
        "/app/node_modules/mongodb/lib/cmap/connection.js:203\n"
        "            callback(new error_1.MongoServerError(document));\n"
        "                     ^\n"
        "\n"
        "MongoServerError: bad auth : authentication failed\n"
        "    at Connection.onMessage (/app/node_modules/mongodb/lib/cmap/connection.js:203:30) {\n"
        f"  ok: 0,\n"
        f"  code: {kp('8000')},\n"
        f"  codeName: '{kp('AtlasError')}',\n"
        f"  connectionString: 'mongodb+srv://{kp(user(rng))}:{sec(password(rng, True))}"
        f"@{kp('cluster0.' + alnum(rng, 5).lower() + '.mongodb.net')}/{kp(dbname(rng))}',\n"
        f"  [Symbol(errorLabels)]: Set(1) {{ 'HandshakeError' }}\n"
        "}\n"
        "\n"
        f"Node.js {kp('v' + version(rng))}\n"
    )


def trace_rails(rng: random.Random) -> str:
    return (
        f'Started POST "/users/sign_in" for 172.18.0.1 at {kp(date(rng) + " 12:40:02 +0000")}\n'
        "Processing by Users::SessionsController#create as HTML\n"
        f'  Parameters: {{"{kp("authenticity_token")}"=>"[FILTERED]", "user"=>{{"{kp("email")}"=>"{sec(email(rng))}", '
        f'"{kp("password")}"=>"{kp("[FILTERED]")}", "remember_me"=>"0"}}, "commit"=>"Log in"}}\n'
        '  User Load (0.6ms)  SELECT "users".* FROM "users" WHERE "users"."email" = $1 LIMIT $2  '
        f'[["email", "{sec(email(rng))}"], ["LIMIT", 1]]\n'
        "Completed 401 Unauthorized in 212ms (ActiveRecord: 0.6ms | Allocations: 4117)\n"
        f"  DEBUG -- : reset token for user {kp(str(rng.randrange(100, 9999)))}: {sec(b64url(rng, 15))}\n"
    )


def trace_django(rng: random.Random) -> str:
    return (
        "Traceback (most recent call last):\n"
        '  File "/srv/app/billing/tasks.py", line 54, in charge_customer\n'
        '    resp = stripe.Charge.create(amount=amount, currency="eur", customer=cust_id)\n'
        "Local variables:\n"
        f"    {kp('amount')} = 4900\n"
        f"    {kp('cust_id')} = '{kp('cus_' + alnum(rng, 14))}'\n"
        f"    {kp('stripe.api_key')} = '{vtok(rng, tok_stripe)}'\n"
        f"    {kp('customer_email')} = '{sec(email(rng))}'\n"
        f"    {kp('idempotency_key')} = '{kp(uuid(rng))}'\n"
        "stripe._error.CardError: Request req_x: Your card was declined.\n"
        f"[{kp(stamp(rng))}] Task billing.tasks.charge_customer[{kp(uuid(rng))}] retry: Retry in 60s\n"
    )


def trace_free(rng: random.Random) -> str:
    return (
        "Traceback (most recent call last):\n"
        '  File "/srv/app/manage.py", line 22, in <module>\n'
        "    main()\n"
        '  File "/srv/app/settings.py", line 31, in <module>\n'
        f"    {kp('SECRET_KEY = os.environ[' + chr(34) + 'DJANGO_SECRET_KEY' + chr(34) + ']')}\n"
        f"KeyError: {kp(chr(39) + 'DJANGO_SECRET_KEY' + chr(39))}\n"
        f"{kp('During handling of the above exception, another exception occurred:')}\n"
        f"django.core.exceptions.ImproperlyConfigured: {kp('The SECRET_KEY setting must not be empty.')}\n"
        f"[{kp(stamp(rng))}] worker {kp(hexs(rng, 8))} exited with code 1 "
        f"after {rng.randrange(1, 9)}.{rng.randrange(10)}s\n"
    )


def conf_django(rng: random.Random) -> str:
    return (
        "# settings/production.py\n"
        f"{kp('DEBUG = False')}\n"
        f"{kp('SECRET_KEY')} = "
        f"'{sec('django-insecure-' + _pick(rng, string.ascii_lowercase + string.digits + '!@#$%^&*(-_=+)', 50))}'\n"
        f"{kp('ALLOWED_HOSTS')} = ['{kp('shop.example.com')}']\n"
        "DATABASES = {\n"
        "    'default': {\n"
        f"        '{kp('ENGINE')}': '{kp('django.db.backends.postgresql')}',\n"
        f"        '{kp('NAME')}': '{kp(dbname(rng))}',\n"
        f"        '{kp('USER')}': '{kp(user(rng))}',\n"
        f"        '{kp('PASSWORD')}': '{sec(password(rng))}',\n"
        f"        '{kp('HOST')}': '{kp(host(rng))}',\n"
        f"        '{kp('PORT')}': '{kp('5432')}',\n"
        "    }\n"
        "}\n"
        f"{kp('EMAIL_HOST_PASSWORD')} = '{sec(password(rng))}'\n"
        f"{kp('AWS_STORAGE_BUCKET_NAME')} = '{kp('acme-media')}'\n"
    )


def conf_rails(rng: random.Random) -> str:
    return (
        "$ cat config/database.yml\n"
        "production:\n"
        f"  {kp('adapter')}: {kp('postgresql')}\n"
        f"  {kp('database')}: {kp(dbname(rng))}\n"
        f"  {kp('username')}: {kp(user(rng))}\n"
        f"  {kp('password')}: {sec(password(rng))}\n"
        f"  {kp('host')}: {kp(host(rng))}\n"
        "staging:\n"
        f"  {kp('password')}: {kp('<%= ENV[' + chr(34) + 'DATABASE_PASSWORD' + chr(34) + '] %>')}\n"
        "$ cat config/master.key\n"
        f"{sec(hexs(rng, 32))}\n"
        "$ EDITOR=cat bin/rails credentials:show\n"
        f"{kp('secret_key_base')}: {sec(hexs(rng, 128))}\n"
        "aws:\n"
        f"  {kp('access_key_id')}: {aws_id(rng)}\n"
        f"  {kp('secret_access_key')}: {sec(aws_secret(rng))}\n"
    )


def conf_spring(rng: random.Random) -> str:
    return (
        "$ cat src/main/resources/application-prod.properties\n"
        f"{kp('spring.datasource.url')}=jdbc:mysql://{kp(host(rng))}:{kp('3306')}/{kp(dbname(rng))}"
        f"?{kp('useSSL=true')}\n"
        f"{kp('spring.datasource.username')}={kp(user(rng))}\n"
        f"{kp('spring.datasource.password')}={sec(password(rng))}\n"
        f"{kp('spring.mail.host=smtp.example.com')}\n"
        f"{kp('spring.mail.password')}={sec(password(rng))}\n"
        f"{kp('jwt.secret')}={sec(b64(rng, 48))}\n"
        f"{kp('jwt.expiration-ms=3600000')}\n"
        f"{kp('management.endpoints.web.exposure.include=health,info')}\n"
    )


def conf_dotnet_laravel(rng: random.Random) -> str:
    return (
        "$ cat appsettings.Production.json\n"
        "{\n"
        f'  "{kp("ConnectionStrings")}": {{\n'
        f'    "{kp("Default")}": "{kp("Host=" + host(rng))};{kp("Database=" + dbname(rng))}'
        f';{kp("Username=" + user(rng))};Password={sec(password(rng))}"\n'
        "  },\n"
        f'  "{kp("Jwt")}": {{ "{kp("Issuer")}": "{kp("https://auth.example.com")}", "{kp("Key")}": '
        f'"{sec(b64(rng, 32))}" }},\n'
        f'  "{kp("Logging")}": {{ "LogLevel": {{ "Default": "Information" }} }}\n'
        "}\n"
        "$ grep -E '^(APP_KEY|MAIL_PASSWORD|PUSHER_APP_SECRET)=' .env\n"
        f"{kp('APP_KEY')}=base64:{sec(b64(rng, 32))}\n"
        f"{kp('MAIL_PASSWORD')}={sec(password(rng))}\n"
        f"{kp('PUSHER_APP_SECRET')}={sec(hexs(rng, 20))}\n"
    )


def conf_webhooks(rng: random.Random) -> str:
    disc_id = str(rng.randrange(10**17, 10**19))
    return (
        "# alerting/config.yaml\n"
        "receivers:\n"
        f"  - {kp('name: slack-oncall')}\n"
        "    slack_configs:\n"
        f"      - {kp('api_url')}: https://hooks.slack.com/services/T{_pick(rng, _UPPER32, 10)}/"
        f"B{_pick(rng, _UPPER32, 10)}/{sec(alnum(rng, 24))}\n"
        f"        {kp('channel')}: '{kp('#oncall')}'\n"
        f"  - {kp('name: discord-releases')}\n"
        "    webhook_configs:\n"
        f"      - {kp('url')}: https://discord.com/api/webhooks/{disc_id}/{sec(_pick(rng, _ALNUM + '-_', 68))}\n"
        f"  - {kp('name: teams')}\n"
        "    webhook_configs:\n"
        f"      - {kp('url')}: https://acme.webhook.office.com/webhookb2/{uuid(rng)}@{uuid(rng)}/Incoming"
        f"Webhook/{sec(hexs(rng, 32))}/{uuid(rng)}\n"
        f"{kp('route:')}\n"
        f"  {kp('group_wait: 30s')}\n"
    )


def conf_free(rng: random.Random) -> str:
    return (
        "# config/settings.toml\n"
        "[database]\n"
        f"{kp('url = ' + chr(34) + '${DATABASE_URL}' + chr(34))}\n"
        "[smtp]\n"
        f"{kp('password_command = ' + chr(34) + '$(pass show smtp/acme)' + chr(34))}\n"
        "[logging]\n"
        f"{kp('format = ' + chr(34) + '%(asctime)s %(levelname)s %(message)s' + chr(34))}\n"
        "[release]\n"
        f"{kp('version = ' + chr(34) + version(rng) + chr(34))}\n"
        f"{kp('commit = ' + chr(34) + sha(rng) + chr(34))}\n"
        f"{kp('published = ' + date(rng))}\n"
        "[alerts]\n"
        f"{kp('slack_webhook = ' + chr(34) + '<your-slack-webhook-url>' + chr(34))}\n"
        f"{kp('api_key = ' + chr(34) + '****' + chr(34))}\n"
    )


def diff_env(rng: random.Random) -> str:
    return (
        "$ git diff HEAD~1 -- config/.env.production\n"
        "diff --git a/config/.env.production b/config/.env.production\n"
        f"index {kp(hexs(rng, 7))}..{kp(hexs(rng, 7))} 100644\n"
        "--- a/config/.env.production\n"
        "+++ b/config/.env.production\n"
        "@@ -3,7 +3,9 @@ APP_NAME=storefront\n"
        f" {kp('APP_ENV=production')}\n"
        f"-{kp('OPENAI_API_KEY=<set-in-vault>')}\n"
        f"+{kp('OPENAI_API_KEY')}={vtok(rng, tok_openai)}\n"
        f"+{kp('ANTHROPIC_API_KEY')}={vtok(rng, tok_anthropic)}\n"
        f" {kp('REDIS_HOST=cache.internal')}\n"
        f"-{kp('REDIS_PASSWORD=${REDIS_PASSWORD}')}\n"
        f"+{kp('REDIS_PASSWORD')}={sec(password(rng))}\n"
        f" {kp('FEATURE_FLAGS=checkout_v2,search_v3')}\n"
    )


def diff_code(rng: random.Random) -> str:
    return (
        "diff --git a/src/integrations/slack.py b/src/integrations/slack.py\n"
        f"index {kp(hexs(rng, 7))}..{kp(hexs(rng, 7))} 100644\n"
        "--- a/src/integrations/slack.py\n"
        "+++ b/src/integrations/slack.py\n"
        "@@ -1,8 +1,8 @@\n"
        " import os\n"
        " from slack_sdk import WebClient\n"
        " \n"
        f"-{kp('client = WebClient(token=os.environ[' + chr(34) + 'SLACK_BOT_TOKEN' + chr(34) + '])')}\n"
        f'+client = WebClient({kp("token")}="{vtok(rng, tok_slack)}")\n'
        f"-{kp('WEBHOOK = os.environ[' + chr(34) + 'SLACK_WEBHOOK_URL' + chr(34) + ']')}\n"
        f'+WEBHOOK = "https://hooks.slack.com/services/T{_pick(rng, _UPPER32, 10)}/'
        f'B{_pick(rng, _UPPER32, 10)}/{sec(alnum(rng, 24))}"\n'
        f'+{kp("HF_TOKEN")} = "{vtok(rng, tok_hf)}"\n'
        " \n"
        " def notify(text: str) -> None:\n"
    )


def diff_ci(rng: random.Random) -> str:
    return (
        "diff --git a/.github/workflows/deploy.yml b/.github/workflows/deploy.yml\n"
        "@@ -18,9 +18,9 @@ jobs:\n"
        "       - uses: aws-actions/configure-aws-credentials@v4\n"
        "         with:\n"
        f"-          {kp('aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}')}\n"
        f"-          {kp('aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}')}\n"
        f"+          {kp('aws-access-key-id')}: {aws_id(rng)}\n"
        f"+          {kp('aws-secret-access-key')}: {sec(aws_secret(rng))}\n"
        f"           {kp('aws-region: us-east-1')}\n"
        "       - run: npm publish\n"
        "         env:\n"
        f"-          {kp('NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}')}\n"
        f"+          {kp('NODE_AUTH_TOKEN')}: {vtok(rng, tok_npm)}\n"
    )


def grep_rg(rng: random.Random) -> str:
    return (
        "$ rg -n -i '(api[_-]?key|token|secret|password)' --glob '!node_modules'\n"
        f"{kp('src/config.ts')}:{kp('12')}:  {kp('apiKey')}: '{vtok(rng, tok_google_key)}',\n"
        f"{kp('src/config.ts')}:{kp('13')}:  {kp('mapsToken')}: process.env.MAPS_TOKEN,\n"
        f"{kp('scripts/seed.js')}:{kp('4')}:const {kp('ADMIN_PASSWORD')} = '{sec(password(rng))}';\n"
        f"{kp('docker-compose.yml')}:{kp('21')}:      {kp('POSTGRES_PASSWORD')}: {sec(password(rng))}\n"
        f"{kp('docker-compose.yml')}:{kp('34')}:      {kp('GF_SECURITY_ADMIN_PASSWORD')}: {kp('${GRAFANA_PASSWORD}')}\n"
        f"{kp('deploy/notify.sh')}:{kp('7')}:curl -X POST -H 'Content-type: application/json' "
        "https://hooks.slack.com/services/"
        f"T{_pick(rng, _UPPER32, 10)}/B{_pick(rng, _UPPER32, 10)}/{sec(alnum(rng, 24))}\n"
        f"{kp('README.md')}:{kp('58')}:Set `{kp('GRAFANA_TOKEN')}` to a service-account token (`{kp('glsa_xxxx')}`).\n"
        f"{kp('.env.test')}:{kp('2')}:{kp('GRAFANA_TOKEN')}={vtok(rng, tok_grafana)}\n"
    )


def grep_history(rng: random.Random) -> str:
    return (
        "$ history | grep -E 'curl|export' | tail -5\n"
        f"  {rng.randrange(100, 999)}  export {kp('DATABRICKS_TOKEN')}={vtok(rng, tok_databricks)}\n"
        f"  {rng.randrange(100, 999)}  export {kp('VAULT_TOKEN')}={vtok(rng, tok_vault)}\n"
        f"  {rng.randrange(100, 999)}  curl "
        f"-u {kp('admin')}:{sec(password(rng))} {kp('http://localhost:9200/_cat/indices')}\n"
        f'  {rng.randrange(100, 999)}  curl -H "{kp("X-API-Key")}: {sec(hexs(rng, 40))}"'
        f" {kp('https://api.example.com/v1/status')}\n"
        f"  {rng.randrange(100, 999)}  export {kp('KUBECONFIG=~/.kube/prod')}\n"
    )


def grep_free(rng: random.Random) -> str:
    return (
        "$ grep -rn 'secrets\\.' .github/workflows/\n"
        f"{kp('.github/workflows/ci.yml')}:{kp('31')}:          {kp('token: ${{ secrets.CODECOV_TOKEN }}')}\n"
        f"{kp('.github/workflows/ci.yml')}:{kp('44')}:          {kp('password: ${{ secrets.DOCKERHUB_TOKEN }}')}\n"
        f"{kp('.github/workflows/release.yml')}:{kp('19')}:        {kp('env: { GH_TOKEN: ${{ github.token }} }')}\n"
        "$ sha256sum dist/*\n"
        f"{kp(hexs(rng, 64))}  dist/app-{version(rng)}.tar.gz\n"
        f"{kp(hexs(rng, 64))}  dist/app-{version(rng)}-py3-none-any.whl\n"
        "$ git log -1 --format=%H\n"
        f"{kp(sha(rng))}\n"
    )


def env_jupyter(rng: random.Random) -> str:
    return (
        "In [3]: dict(os.environ)\n"
        f"Out[3]: {{'{kp('HOME')}': '/home/jovyan', '{kp('JUPYTER_SERVER_ROOT')}': '/home/jovyan/work', "
        f"'{kp('OPENAI_API_KEY')}': '{vtok(rng, tok_openai)}', '{kp('WANDB_API_KEY')}': '{sec(hexs(rng, 40))}', "
        f"'{kp('HF_HUB_CACHE')}': '/home/jovyan/.cache/huggingface', '{kp('HUGGING_FACE_HUB_TOKEN')}': "
        f"'{vtok(rng, tok_hf)}', "
        f"'{kp('CONDA_VERSION')}': '{kp(version(rng))}', '{kp('JPY_SESSION_NAME')}': '{kp(uuid(rng))}'}}\n"
        "\n"
        "In [4]: !cat ~/.kaggle/kaggle.json\n"
        f'{{"{kp("username")}":"{kp("mlteam-" + alnum(rng, 4).lower())}","{kp("key")}":"{sec(hexs(rng, 32))}"}}\n'
    )


def reg_gh_hosts(rng: random.Random) -> str:
    return (
        "$ cat ~/.config/gh/hosts.yml\n"
        f"{kp('github.com')}:\n"
        "    users:\n"
        f"        {kp('octo-dev')}:\n"
        f"            {kp('oauth_token')}: {vtok(rng, tok_github)}\n"
        f"    {kp('git_protocol')}: {kp('https')}\n"
        f"    {kp('user')}: {kp('octo-dev')}\n"
        f"    {kp('oauth_token')}: {vtok(rng, tok_github)}\n"
        "$ cat ~/.terraformrc\n"
        f'credentials "{kp("app.terraform.io")}" {{\n'
        f'  {kp("token")} = "{sec(alnum(rng, 14) + ".atlas" + "v1." + _pick(rng, _ALNUM, 67))}"\n'
        "}\n"
    )


def k8s_compose_config(rng: random.Random) -> str:
    return (
        "$ docker compose config\n"
        f"name: {kp('shop')}\n"
        "services:\n"
        "  db:\n"
        "    environment:\n"
        f"      {kp('MYSQL_DATABASE')}: {kp(dbname(rng))}\n"
        f"      {kp('MYSQL_ROOT_PASSWORD')}: {sec(password(rng))}\n"
        f"      {kp('MYSQL_USER')}: {kp(user(rng))}\n"
        f"      {kp('MYSQL_PASSWORD')}: {sec(password(rng))}\n"
        f"    image: {kp('mysql:' + version(rng))}\n"
        "  app:\n"
        "    environment:\n"
        f"      {kp('MINIO_ROOT_USER')}: {kp('minioadmin')}\n"
        f"      {kp('S3_SECRET_KEY')}: {sec(aws_secret(rng))}\n"
        f"      {kp('MAILGUN_API_KEY')}: {ven('ke' + 'y-', hexs(rng, 32))}\n"
        "    ports:\n"
        f'      - mode: ingress\n        target: {kp("8080")}\n        published: "{kp("8080")}"\n'
    )


def k8s_get_json(rng: random.Random) -> str:
    return (
        f"$ kubectl get secret {kp('oauth-proxy')} -o json | jq .data\n"
        "{\n"
        f'  "{kp("client-id")}": "{sec(_b64s(uuid(rng)))}",\n'
        f'  "{kp("client-secret")}": "{sec(_b64s(alnum(rng, 40)))}",\n'
        f'  "{kp("cookie-secret")}": "{sec(_b64s(b64url(rng, 32)))}"\n'
        "}\n"
    )


def tf_cloud_console(rng: random.Random) -> str:
    return (
        "$ terraform console\n"
        "> nonsensitive(random_password.admin.result)\n"
        f'"{sec(password(rng))}"\n'
        "> aws_iam_access_key.ci.id\n"
        f'"{aws_id(rng)}"\n'
        "> var.environment\n"
        f'"{kp("production")}"\n'
        "> module.vpc.vpc_id\n"
        f'"{kp("vpc-" + hexs(rng, 17))}"\n'
    )


def http_query_key(rng: random.Random) -> str:
    return (
        "Traceback (most recent call last):\n"
        '  File "weather.py", line 12, in <module>\n'
        "    r.raise_for_status()\n"
        "requests.exceptions.HTTPError: 429 Client Error: Too Many Requests for url: "
        f"https://{kp('api.openweathermap.org/data/2.5/weather')}?{kp('q=Berlin')}&"
        f"appid={sec(hexs(rng, 32))}&{kp('units=metric')}\n"
        f"{kp(stamp(rng))} GET https://{kp('maps.googleapis.com/maps/api/geocode/json')}?{kp('address=Alexanderplatz')}"
        f"&key={vtok(rng, tok_google_key)} -> 200 ({rng.randrange(40, 400)} ms)\n"
        f"{kp(stamp(rng))} GET https://{kp('api.example.com/v1/export')}?{kp('format=csv')}&"
        f"access_token={sec(b64url(rng, 24))}&{kp('since=' + date(rng))} -> 200\n"
    )


def pii_json_api(rng: random.Random) -> str:
    items = []
    for _ in range(3):
        first, last = person(rng)
        items.append(
            f'    {{"{kp("id")}": {kp(str(rng.randrange(10**4, 10**5)))}, "name": '
            f'"{first.capitalize()} {last.capitalize()}", '
            f'"{kp("email")}": "{sec(email(rng))}", "tax_id": "{sec(ssn(rng))}", "{kp("updated_at")}": '
            f'"{kp(stamp(rng))}"}}'
        )
    return (
        f"$ curl -s {kp('https://admin.example.internal/api/customers?limit=3')} | jq .\n"
        "{\n"
        '  "data": [\n' + ",\n".join(items) + "\n  ],\n"
        f'  "{kp("next_cursor")}": "{kp(b64url(rng, 12))}"\n'
        "}\n"
    )


def conf_markdown(rng: random.Random) -> str:
    return (
        "Here is the updated `.env` for local testing against staging:\n"
        "\n"
        "```bash\n"
        f"export {kp('STAGING_API_URL')}={kp('https://staging.example.com/api')}\n"
        f"export {kp('STAGING_API_TOKEN')}={vtok(rng, tok_linear)}\n"
        f"export {kp('PGPASSWORD')}={sec(password(rng))}\n"
        f"psql -h {kp(host(rng))} -U {kp(user(rng))} {kp(dbname(rng))}\n"
        "```\n"
        "\n"
        f"The deploy key was rotated on {kp(date(rng))}; the new one is `{vtok(rng, tok_github_pat)}`.\n"
    )


# ---------------------------------------------------------------------------------------------------------
# Classes: (templates with secrets, secret-free look-alikes, whether a diff delivery fits)

CLASSES: dict[str, tuple[list[Tpl], list[Tpl], bool]] = {
    "env_dumps": ([env_cat, env_sort, env_heroku, env_vercel, env_jupyter], [env_free], True),
    "cloud_cli": ([cloud_aws_files, cloud_sts, cloud_gcloud, cloud_sa_key, cloud_az], [cloud_free], True),
    "registry_files": (
        [reg_npmrc, reg_pypirc, reg_netrc, reg_pipconf, reg_docker, reg_gitcreds, reg_gh_hosts],
        [reg_free],
        True,
    ),
    "git_remotes": ([git_remote, git_clone, git_config, git_log], [git_free], True),
    "db_command_lines": ([db_psql, db_mysql, db_mongo, db_redis], [db_free], True),
    "kubernetes_docker": (
        [k8s_get_yaml, k8s_jsonpath, k8s_docker_inspect, k8s_helm, k8s_compose_config, k8s_get_json],
        [k8s_free],
        True,
    ),
    "terraform": ([tf_output, tf_state, tf_apply, tf_cloud_console], [tf_plan_free], True),
    "source_literals": (
        [
            code_python,
            code_node,
            code_go,
            code_rust,
            code_java,
            code_csharp,
            code_php,
            code_ruby,
            code_fixture,
        ],
        [code_free],
        True,
    ),
    "http_logs": (
        [
            http_curl,
            http_requests_debug,
            http_axios,
            http_digest,
            http_sigv4,
            http_presigned,
            http_cookies,
            http_query_key,
        ],
        [http_free],
        True,
    ),
    "keys_and_jwts": ([keys_ssh, keys_openssl, keys_in_code, keys_jwt_dump], [keys_free], True),
    "personal_data": ([pii_sql, pii_csv, pii_jupyter, pii_urlenc, pii_json_api], [pii_free], True),
    "stack_traces": ([trace_python, trace_java, trace_node, trace_rails, trace_django], [trace_free], True),
    "framework_config": (
        [conf_django, conf_rails, conf_spring, conf_dotnet_laravel, conf_webhooks, conf_markdown],
        [conf_free],
        True,
    ),
    "diffs_and_grep": ([diff_env, diff_code, diff_ci, grep_rg, grep_history], [grep_free], False),
}

_MIN_PER_CLASS = 44
_FREE_PER_CLASS = 4


def build_corpus(seed: int = _SEED) -> list[Doc]:
    """Every class's documents: templates in turn until the class holds enough secrets, then look-alikes."""
    rng = random.Random(seed)
    docs: list[Doc] = []
    for cls, (templates, free, allow_diff) in CLASSES.items():
        count = 0
        i = 0
        while count < _MIN_PER_CLASS or i < len(templates):
            doc = _build(cls, templates[i % len(templates)](rng), rng, allow_diff)
            docs.append(doc)
            count += len(doc.secrets)
            i += 1
        for j in range(_FREE_PER_CLASS):
            docs.append(_build(cls, free[j % len(free)](rng), rng, allow_diff))
    return docs


# ---------------------------------------------------------------------------------------------------------
# Measurement


def _blocks(src: str, out: str) -> list[tuple[int, int]]:
    if src == out:
        return [(0, len(src))]
    matcher = difflib.SequenceMatcher(None, src, out, autojunk=False)
    return [(b.a, b.a + b.size) for b in matcher.get_matching_blocks() if b.size]


def _inside(span: tuple[int, int], blocks: list[tuple[int, int]]) -> bool:
    a, b = span
    return any(s <= a and b <= e for s, e in blocks)


def _no_fragment(doc: Doc, s: Secret, out: str) -> bool:
    rest = doc.text[: s.start] + "\x00" + doc.text[s.end :]
    core = range(s.core_start, s.core_end)
    for width in (4, 5, 6):
        for i in range(core.start, core.stop - width + 1):
            if any(j in doc.inserted for j in range(i, i + width)):
                continue
            window = doc.text[i : i + width]
            if window not in rest and window in out:
                return False
    return True


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def measure_held_back() -> dict[str, float | int]:
    """Scrub every document once and return the aggregate figures described in the module docstring."""
    from client_actors.scrub import scrub_text

    secrets = recalled = clean = vendor = vendor_recalled = 0
    keeps = kept = lines = lines_kept = 0
    for doc in build_corpus():
        out = scrub_text(doc.text).text
        for s in doc.secrets:
            gone = doc.text[s.start : s.end] not in out
            secrets += 1
            recalled += gone
            clean += gone and _no_fragment(doc, s, out)
            if s.vendor:
                vendor += 1
                vendor_recalled += gone
        if not doc.keeps and doc.secrets:
            continue
        blocks = _blocks(doc.text, out)
        for span in doc.keeps:
            keeps += 1
            kept += _inside(span, blocks)
        if not doc.secrets:
            for span in _line_spans(doc.text):
                lines += 1
                lines_kept += _inside(span, blocks)
    return {
        "secrets": secrets,
        "recall": recalled / secrets,
        "recall_no_fragment": clean / secrets,
        "vendor_prefix_recall": vendor_recalled / vendor if vendor else 1.0,
        "keep_rate": kept / keeps if keeps else 1.0,
        "line_keep_rate": lines_kept / lines if lines else 1.0,
        "lines": lines,
    }
