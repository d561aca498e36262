"""A fifth held-back labelled corpus for the scrubber, written apart from its rules and the other corpora.

Written from the public descriptions of the formats (HTTP, URLs and signed URLs, cookies, Kubernetes
manifests, service-account key files, vendor token layouts, config file syntaxes) without reference
to the scrubber's rules or any other corpus of the project. It is only ever measured, never tuned
against, and `measure_held_back` reports aggregate figures only: no per-class figures, no misses.

Every document is generated from a seeded ``random.Random``; no credential literal is written here
(vendor prefixes are spelled in pieces). Each document records the exact spans of its secrets and of
the must-survive text beside them.

Labelling calls (what a careful reviewer would call a secret):
- secret: passwords, tokens, API keys, signing keys, session cookie values, URL signatures and
  security tokens, Kubernetes Secret values (``data:`` base64 and ``stringData:`` plain), the
  ``private_key`` and ``private_key_id`` of a service-account key file, AWS access key ids and secret
  keys, US SSNs (dashed, or nine bare digits after a label), e-mail addresses of people (plain or
  URL-encoded), the whole credential of an ``Authorization`` header (a Basic header's base64, a Digest
  header's ``response``, a SigV4 header's ``Signature``). A PEM block is labelled whole; its armour lines are
  not counted as fragments.
- must survive: key names, header names and schemes, cookie names and attributes, non-session
  cookies (``theme=dark``), user@host targets of ssh and git remotes, Digest nonces, usernames, hosts,
  ports, database names, sibling query parameters of signed URLs (dates, expiry, signed headers,
  permissions), git SHAs, UUIDs, content hashes, base64 of non-secrets (ConfigMaps, labels), version
  strings, dates, phone and order numbers, placeholders (``<your-token>``, ``${VAR}``, ``$(cat f)``,
  ``%(password)s``, ``{{ .Values.password }}``, ``xxxx``, ``****``, ``${{ secrets.X }}``).
- neither: published defaults such as ``changeme`` (either outcome is acceptable), credential
  scopes such as ``X-Amz-Credential`` and service-account ``client_email``/``client_id``. Such text
  sits only in documents that hold a secret, so it counts neither way.

Figures: ``recall`` counts a secret found when its text is gone from the output;
``recall_no_fragment`` also asks that no 4-6 character window of the secret's core (without its
vendor prefix or armour) that appears nowhere else in the input survives; ``vendor_prefix_recall`` is
recall over tokens with a known vendor prefix (and AWS key ids); ``keep_rate`` is the share of
must-survive spans lying inside one unchanged stretch of the aligned output; ``line_keep_rate`` the
share of lines of secret-free documents that come out unchanged (``lines`` counts those lines).
"""

from __future__ import annotations

import base64
import difflib
import json
import random
import string
import uuid
from collections.abc import Callable

import attrs

LOW = string.ascii_lowercase
UP = string.ascii_uppercase
DIG = string.digits
ALNUM = LOW + UP + DIG
HEXC = "0123456789abcdef"
PWCHARS = ALNUM + "._-!~*^"

CLASSES = (
    "ssn",
    "url_query_credential",
    "signed_url",
    "session_cookie",
    "k8s_secret",
    "service_account_json",
    "cli_password",
    "authorization_header",
    "db_connection_string",
    "email",
    "aws_keypair",
    "vendor_token",
    "generic_secret",
    "none",
)


@attrs.frozen
class Secret:
    """``text[start:end]`` is a secret; ``text[core_start:core_end]`` the part checked for fragments."""

    start: int
    end: int
    vendor: bool
    core_start: int
    core_end: int


@attrs.frozen
class Doc:
    """One labelled document: its class, the context it imitates, its secrets and must-survive spans."""

    cls: str
    kind: str
    text: str
    secrets: tuple[Secret, ...]
    survive: tuple[tuple[int, int], ...]


@attrs.frozen
class S:
    """A secret piece of a template; ``prefix``/``suffix`` chars are not checked for fragments."""

    value: str
    vendor: bool = False
    prefix: int = 0
    suffix: int = 0


@attrs.frozen
class K:
    """A must-survive piece of a template."""

    value: str


Part = str | S | K
Parts = list[Part]
Template = Callable[[random.Random], Parts]


# ---------------------------------------------------------------- value makers


def rs(r: random.Random, alphabet: str, n: int) -> str:
    return "".join(r.choice(alphabet) for _ in range(n))


def tok(r: random.Random, n: int, alphabet: str = ALNUM) -> str:
    """Random characters with at least one digit and one letter."""
    while True:
        body = rs(r, alphabet, n)
        if any(c.isdigit() for c in body) and any(c.isalpha() for c in body):
            return body


def hexs(r: random.Random, n: int) -> str:
    return tok(r, n, HEXC)


def b64(r: random.Random, nbytes: int) -> str:
    return base64.b64encode(r.randbytes(nbytes)).decode()


def b64u(r: random.Random, nbytes: int) -> str:
    return base64.urlsafe_b64encode(r.randbytes(nbytes)).decode().rstrip("=")


def pw(r: random.Random) -> str:
    """A password: word-and-digit style or generated; no URL or quoting metacharacters."""
    words = ["Harbor", "quartz", "Tulip", "marble", "Falcon", "cobalt", "Juniper", "orchid", "Nimbus"]
    if r.random() < 0.5:
        return r.choice(words) + str(r.randint(10, 9999)) + r.choice("!._-~") + tok(r, r.randint(3, 6))
    return tok(r, r.randint(14, 28), PWCHARS)


def secretval(r: random.Random) -> str:
    form = r.randrange(3)
    if form == 0:
        return hexs(r, r.choice([32, 40, 64]))
    if form == 1:
        return b64u(r, r.choice([24, 32, 48]))
    return tok(r, r.randint(24, 44))


def sha(r: random.Random) -> str:
    return hexs(r, 40)


def uid(r: random.Random) -> str:
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def ver(r: random.Random) -> str:
    return f"{r.randint(0, 9)}.{r.randint(0, 30)}.{r.randint(0, 40)}"


def date(r: random.Random) -> str:
    return f"2026-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"


def stamp(r: random.Random) -> str:
    return f"{date(r)}T{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}Z"


def phone(r: random.Random) -> str:
    a, b = r.randint(201, 989), r.randint(100, 199)
    return r.choice([f"+1 {a} 555 0{b}", f"({a}) 555-0{b}", f"{a}-555-0{b}"])


def order_no(r: random.Random) -> str:
    return r.choice(
        [
            f"ORD-{r.randint(10**6, 10**7)}",
            f"INV-2026-{r.randint(1, 99999):05d}",
            f"#{r.randint(10**5, 10**6)}",
        ]
    )


def user(r: random.Random) -> str:
    return r.choice(["deploy", "svc_orders", "app", "reporting", "admin", "ci-runner", "etl_user", "grafana"])


def host(r: random.Random) -> str:
    return r.choice(
        [
            "db.internal.example.net",
            "10.4.2.17",
            "pg-primary.prod.svc.cluster.local",
            "mysql-01.corp.example.com",
            "cache.eu-west.example.org",
            "broker.staging.example.io",
            "localhost",
        ]
    )


def person(r: random.Random) -> str:
    first = r.choice(["maria", "j.okafor", "wei.chen", "lena", "tomas.r", "priya", "sam_b", "olu", "ines.m"])
    dom = r.choice(["example.com", "mailbox.example.org", "corp.example.net", "uni.example.edu"])
    return f"{first}{r.randint(1, 99) if r.random() < 0.4 else ''}@{dom}"


def ssn(r: random.Random) -> str:
    area = r.randint(1, 899)
    while area == 666:
        area = r.randint(1, 899)
    return f"{area:03d}-{r.randint(1, 99):02d}-{r.randint(1, 9999):04d}"


def pem(r: random.Random, label: str, nbytes: int, sep: str = "\n") -> S:
    body = b64(r, nbytes)
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    head = "-----" + "BEGIN " + label + "-----"
    tail = "-----" + "END " + label + "-----"
    text = sep.join([head, *lines, tail])
    return S(text, True, len(head) + len(sep), len(sep) + len(tail))


# vendor tokens: prefix in pieces, body random


def vendor_tokens(r: random.Random) -> list[tuple[str, S]]:
    """(what it is, the token) for every vendor layout; a fresh token each call."""

    def v(prefix: str, body: str) -> S:
        return S(prefix + body, True, len(prefix))

    return [
        ("GitHub PAT", v("gh" + "p_", tok(r, 36))),
        ("GitHub fine-grained", v("github" + "_pat_", tok(r, 22) + "_" + tok(r, 59))),
        ("GitHub OAuth", v("gh" + "o_", tok(r, 36))),
        ("GitLab", v("gl" + "pat-", tok(r, 20, ALNUM + "-_"))),
        (
            "Slack bot",
            v("xo" + "xb-", f"{r.randint(10**10, 10**11)}-{r.randint(10**12, 10**13)}-{tok(r, 24)}"),
        ),
        (
            "Slack user",
            v("xo" + "xp-", f"{r.randint(10**10, 10**11)}-{r.randint(10**10, 10**11)}-{hexs(r, 32)}"),
        ),
        ("Stripe secret", v("sk" + "_live_", tok(r, 99))),
        ("Stripe restricted", v("rk" + "_live_", tok(r, 24))),
        ("OpenAI", v("sk" + "-proj-", tok(r, 120, ALNUM + "-_"))),
        ("Anthropic", v("sk" + "-ant-api03-", tok(r, 93, ALNUM + "-_") + "AA")),
        ("Google API key", v("AI" + "za", tok(r, 35, ALNUM + "-_"))),
        ("npm", v("np" + "m_", tok(r, 36))),
        ("PyPI", v("py" + "pi-", "AgEIcHlwaS5vcmc" + tok(r, 150, ALNUM + "-_"))),
        ("Hugging Face", v("h" + "f_", tok(r, 34))),
        ("SendGrid", v("S" + "G.", tok(r, 22, ALNUM + "-_") + "." + tok(r, 43, ALNUM + "-_"))),
        ("Twilio API key", v("S" + "K", hexs(r, 32))),
        ("DigitalOcean", v("do" + "p_v1_", hexs(r, 64))),
        ("Shopify", v("sh" + "pat_", hexs(r, 32))),
        ("Databricks", v("da" + "pi", hexs(r, 32))),
        ("Atlassian", v("ATA" + "TT", tok(r, 180, ALNUM + "-_=") + "=" + hexs(r, 8).upper())),
        ("Linear", v("lin" + "_api_", tok(r, 40))),
        ("Postman", v("PM" + "AK-", hexs(r, 24) + "-" + hexs(r, 34))),
        ("Doppler", v("dp" + ".st.", tok(r, 43))),
        ("JWT", jwt(r)),
        ("RSA key", pem(r, "RSA PRIVATE KEY", 600)),
        ("EC key", pem(r, "EC PRIVATE KEY", 120)),
        ("SSH key", pem(r, "OPENSSH PRIVATE KEY", 400)),
    ]


def jwt(r: random.Random) -> S:
    head = base64.urlsafe_b64encode(b'{"alg":"HS256","typ":"JWT"}').decode().rstrip("=")
    claims = {
        "sub": str(r.randint(1000, 99999)),
        "iat": r.randint(1_700_000_000, 1_800_000_000),
        "role": "user",
    }
    body = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
    return S(f"{head}.{body}.{b64u(r, 32)}", True, 3)


def aws_id(r: random.Random) -> S:
    prefix = r.choice(["AK" + "IA", "AS" + "IA"])
    return S(prefix + tok(r, 16, UP + "234567"), True, 4)


def aws_secret(r: random.Random) -> S:
    return S(tok(r, 40, ALNUM + "+/"))


# ---------------------------------------------------------------- rendering


def esc(text: str) -> str:
    return json.dumps(text)[1:-1]


def escape_parts(parts: Parts) -> Parts:
    """The same pieces as they read inside a JSON string (spans follow the escaping)."""
    out: Parts = []
    for part in parts:
        if isinstance(part, S):
            value = esc(part.value)
            pre = len(esc(part.value[: part.prefix]))
            suf = len(esc(part.value[len(part.value) - part.suffix :])) if part.suffix else 0
            out.append(S(value, part.vendor, pre, suf))
        elif isinstance(part, K):
            out.append(K(esc(part.value)))
        else:
            out.append(esc(part))
    return out


def render(cls: str, kind: str, parts: Parts) -> Doc:
    pieces: list[str] = []
    secrets: list[Secret] = []
    survive: list[tuple[int, int]] = []
    at = 0
    for part in parts:
        if isinstance(part, S):
            end = at + len(part.value)
            secrets.append(Secret(at, end, part.vendor, at + part.prefix, end - part.suffix))
            pieces.append(part.value)
        elif isinstance(part, K):
            end = at + len(part.value)
            if part.value:
                survive.append((at, end))
            pieces.append(part.value)
        else:
            end = at + len(part)
            pieces.append(part)
        at = end
    return Doc(cls, kind, "".join(pieces), tuple(secrets), tuple(survive))


def well_formed(doc: Doc) -> bool:
    """Each secret occurs once, and no must-survive span touches a secret."""
    for secret in doc.secrets:
        if doc.text.count(doc.text[secret.start : secret.end]) != 1:
            return False
        for start, end in doc.survive:
            if start < secret.end and secret.start < end:
                return False
    return True


def transcript(r: random.Random, parts: Parts) -> Parts:
    """Wrap a tool's output in an agent transcript: JSON lines with escaped strings."""
    sid = uid(r)
    call = "toolu_" + tok(r, 24)
    cmd = r.choice(["cat config/app.env", "kubectl get secret -o yaml", "env | sort", "tail -n 50 app.log"])
    lines = [
        json.dumps(
            {
                "type": "user",
                "sessionId": sid,
                "message": {"role": "user", "content": "why is the deploy failing?"},
            }
        ),
        json.dumps(
            {
                "type": "assistant",
                "sessionId": sid,
                "message": {
                    "role": "assistant",
                    "content": [{"type": "tool_use", "id": call, "name": "Bash", "input": {"command": cmd}}],
                },
            }
        ),
    ]
    head = (
        "\n".join(lines)
        + "\n"
        + '{"type":"user","sessionId":"'
        + sid
        + '","message":{"role":"user","content":[{"type":"tool_result","tool_use_id":"'
        + call
        + '","content":"'
    )
    tail = '","is_error":false}]}}\n'
    return [head, *escape_parts(parts), tail]


# ---------------------------------------------------------------- near misses shared by templates


def near_misses(r: random.Random) -> Parts:
    """A line or two of text a scrubber should leave alone."""
    pick = r.randrange(8)
    if pick == 0:
        return ["commit ", K(sha(r)), "\nDate:   ", K(date(r)), "\n"]
    if pick == 1:
        return ["request_id=", K(uid(r)), " version=", K(ver(r)), "\n"]
    if pick == 2:
        return ["sha256:", K(hexs(r, 64)), "  dist/app.tar.gz\n"]
    if pick == 3:
        return ["Order ", K(order_no(r)), " — call ", K(phone(r)), " for support\n"]
    if pick == 4:
        return ["# set ", K("<your-token>"), " before running; see ", K("${API_BASE_URL}"), "\n"]
    if pick == 5:
        return ["labels: ", K(base64.b64encode(b"tier=frontend,team=payments").decode()), "\n"]
    if pick == 6:
        return ["etag: ", K('"' + hexs(r, 32) + '"'), " built ", K(stamp(r)), "\n"]
    return ["image: registry.example.com/api@sha256:", K(hexs(r, 64)), "\n"]


# ---------------------------------------------------------------- class templates

# SSN


def ssn_templates() -> list[Template]:
    def csv(r: random.Random) -> Parts:
        return [
            "id,name,dob,ssn,phone\n",
            f"{r.randint(100, 999)},Dana Whit,1984-0{r.randint(1, 9)}-1{r.randint(0, 9)},",
            S(ssn(r)),
            ",",
            K(phone(r)),
            "\n",
        ]

    def form_log(r: random.Random) -> Parts:
        return [
            K(stamp(r)),
            " INFO  onboarding.submit applicant_ssn=",
            S(ssn(r)),
            " order=",
            K(order_no(r)),
            "\n",
        ]

    def json_rec(r: random.Random) -> Parts:
        return ['{"applicant": {"id": "', K(uid(r)), '", "taxId": "', S(ssn(r)), '", "zip": "94105-1234"}}\n']

    def sql(r: random.Random) -> Parts:
        return [
            "mysql> SELECT id, full_name, social_security_no FROM employees WHERE id = 42;\n",
            "+----+--------------+--------------------+\n",
            "| 42 | R. Alvarez   | ",
            S(ssn(r)),
            "        |\n",
            "+----+--------------+--------------------+\n1 row in set (0.01 sec)\n",
        ]

    def md(r: random.Random) -> Parts:
        return [
            "## Test patient\n\n- Name: Jo Park\n- SSN: ",
            S(ssn(r)),
            "\n- Phone: ",
            K(phone(r)),
            "\n- Visit: ",
            K(date(r)),
            "\n",
        ]

    def python(r: random.Random) -> Parts:
        return [
            "customer = Customer(name='Ana Ruiz', ssn='",
            S(ssn(r)),
            "', member_since='",
            K(date(r)),
            "')\n",
        ]

    def plain_digits(r: random.Random) -> Parts:
        return ["Social Security Number: ", S(ssn(r).replace("-", "")), "  (case ", K(order_no(r)), ")\n"]

    def trace(r: random.Random) -> Parts:
        return [
            'Traceback (most recent call last):\n  File "/srv/app/verify.py", line 88, in check\n',
            "ValueError: SSN ",
            S(ssn(r)),
            " failed checksum for request ",
            K(uid(r)),
            "\n",
        ]

    return [csv, form_log, json_rec, sql, md, python, plain_digits, trace]


# credentials in URL query strings


def query_templates() -> list[Template]:
    names = [
        "access_token",
        "token",
        "api_key",
        "apikey",
        "key",
        "auth",
        "password",
        "client_secret",
        "private_token",
        "sig",
    ]

    def curl(r: random.Random) -> Parts:
        name = r.choice(names)
        return [
            "$ curl -s 'https://api.example.com/v2/reports?",
            K("format=csv"),
            "&",
            K(name),
            "=",
            S(secretval(r)),
            "&",
            K(f"since={date(r)}"),
            "'\n",
        ]

    def access_log(r: random.Random) -> Parts:
        return [
            '203.0.113.9 - - [03/Dec/2026:10:14:02 +0000] "GET /hooks/build?',
            K("project=web"),
            "&token=",
            S(secretval(r)),
            ' HTTP/1.1" 200 512 "-" "',
            K(f"curl/{ver(r)}"),
            '"\n',
        ]

    def js_fetch(r: random.Random) -> Parts:
        return [
            "const res = await fetch(`https://maps.example.com/geocode/json?",
            K("address=${encodeURIComponent(addr)}"),
            "&key=",
            S(secretval(r)),
            "`);\n",
        ]

    def python_req(r: random.Random) -> Parts:
        return [
            'resp = requests.get("https://hooks.example.io/notify?',
            K("channel=ops"),
            "&apikey=",
            S(secretval(r)),
            '")\n',
        ]

    def redirect(r: random.Random) -> Parts:
        return [
            "< HTTP/2 302\n< location: https://app.example.com/callback#",
            K("state=" + hexs(r, 16)),
            "&access_token=",
            S(b64u(r, 30)),
            "&",
            K("token_type=Bearer"),
            "&expires_in=3600\n",
        ]

    def gitlab(r: random.Random) -> Parts:
        return [
            "Cloning https://gitlab.example.com/api/v4/projects/17/repository/archive.tar.gz?",
            "private_token=",
            S(tok(r, 20)),
            "&",
            K(f"sha={sha(r)}"),
            "\n",
        ]

    def ws(r: random.Random) -> Parts:
        return [
            "[ws] connecting to wss://stream.example.net/v1/feed?",
            K("room=" + uid(r)),
            "&auth=",
            S(secretval(r)),
            "\n",
        ]

    def jdbc_like(r: random.Random) -> Parts:
        return [
            "ERROR 2026 GET https://svc.example.org/export?",
            K("user=" + user(r)),
            "&password=",
            S(pw(r)),
            "&",
            K("page=2"),
            " -> 401 Unauthorized\n",
        ]

    return [curl, access_log, js_fetch, python_req, redirect, gitlab, ws, jdbc_like]


# signed URLs


def signed_templates() -> list[Template]:
    def sigv4(r: random.Random, with_token: bool) -> Parts:
        ak = "AK" + "IA" + tok(r, 16, UP + "234567")
        parts: Parts = [
            "https://",
            K(f"assets-{r.randint(1, 99)}.s3.us-east-1.amazonaws.com/exports/{uid(r)}.csv"),
            "?",
            K("X-Amz-Algorithm=AWS4-HMAC-SHA256"),
            f"&X-Amz-Credential={ak}%2F20261203%2Fus-east-1%2Fs3%2Faws4_request&",
            K(f"X-Amz-Date={date(r).replace('-', '')}T101500Z"),
            "&",
            K(f"X-Amz-Expires={r.choice([300, 900, 3600, 604800])}"),
            "&",
            K("X-Amz-SignedHeaders=host"),
        ]
        if with_token:
            parts += [
                "&X-Amz-Security-Token=",
                S(b64(r, 120).replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")),
            ]
        parts += ["&X-Amz-Signature=", S(hexs(r, 64))]
        return parts

    def s3_cli(r: random.Random) -> Parts:
        return ["$ aws s3 presign s3://exports/report.csv --expires-in 900\n", *sigv4(r, False), "\n"]

    def s3_json(r: random.Random) -> Parts:
        return ['{"download_url": "', *sigv4(r, True), '", "expires_at": "', K(stamp(r)), '"}\n']

    def gcs(r: random.Random) -> Parts:
        return [
            "$ gcloud storage sign-url gs://media-bucket/clip.mp4 --duration=1h\n",
            "signed_url: https://",
            K("storage.googleapis.com/media-bucket/clip.mp4"),
            "?",
            K("X-Goog-Algorithm=GOOG4-RSA-SHA256"),
            "&X-Goog-Credential=signer%40proj.iam.gserviceaccount.com%2F20261203%2Fauto%2Fstorage%2Fgoog4_request&",
            K("X-Goog-Date=20261203T101500Z"),
            "&",
            K("X-Goog-Expires=3600"),
            "&",
            K("X-Goog-SignedHeaders=host"),
            "&X-Goog-Signature=",
            S(hexs(r, 512)),
            "\n",
        ]

    def azure(r: random.Random) -> Parts:
        sig = b64(r, 32).replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")
        return [
            "BlobUrl: https://",
            K(f"stacct{r.randint(10, 99)}.blob.core.windows.net/backups/db-{date(r)}.bak"),
            "?",
            K("sv=2022-11-02"),
            "&",
            K("ss=b"),
            "&",
            K("srt=o"),
            "&",
            K("sp=r"),
            "&",
            K(f"se={date(r)}T18:00:00Z"),
            "&",
            K("spr=https"),
            "&sig=",
            S(sig),
            "\n",
        ]

    def azure_conn(r: random.Random) -> Parts:
        sig = b64(r, 32).replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")
        return [
            "AZURE_STORAGE_SAS_URL=https://",
            K("logs.blob.core.windows.net/raw"),
            "?",
            K("sp=racwdl"),
            "&",
            K("st=2026-12-01T00:00:00Z"),
            "&",
            K("se=2026-12-31T00:00:00Z"),
            "&",
            K("sv=2022-11-02"),
            "&sr=c&sig=",
            S(sig),
            "\n",
        ]

    def py_log(r: random.Random) -> Parts:
        return ["DEBUG botocore.auth: presigned ", *sigv4(r, r.random() < 0.5), "\n"]

    return [s3_cli, s3_json, gcs, azure, azure_conn, py_log]


# session cookies


def cookie_templates() -> list[Template]:
    names = [
        "sessionid",
        "connect.sid",
        "_session_id",
        "PHPSESSID",
        "JSESSIONID",
        "laravel_session",
        "__Host-sid",
        "auth_token",
    ]

    def set_cookie(r: random.Random) -> Parts:
        name = r.choice(names)
        return [
            "< HTTP/1.1 200 OK\n< ",
            K("Set-Cookie"),
            ": ",
            K(name + "="),
            S(secretval(r)),
            K("; Path=/"),
            K("; Expires=Thu, 10 Dec 2026 09:00:00 GMT"),
            K("; HttpOnly"),
            K("; Secure"),
            K("; SameSite=Lax"),
            "\n",
        ]

    def cookie_req(r: random.Random) -> Parts:
        return [
            "> GET /dashboard HTTP/1.1\n> Host: app.example.com\n> ",
            K("Cookie"),
            ": ",
            K("theme=dark"),
            "; ",
            K(r.choice(names) + "="),
            S(secretval(r)),
            "; ",
            K("lang=en-US"),
            "\n",
        ]

    def curl_b(r: random.Random) -> Parts:
        return [
            "curl -b '",
            K("sessionid="),
            S(tok(r, 32, LOW + DIG)),
            "' https://admin.example.org/api/users\n",
        ]

    def express(r: random.Random) -> Parts:
        return [
            K("set-cookie"),
            ": ",
            K("connect.sid="),
            S("s%3A" + tok(r, 32, ALNUM + "-_") + "." + b64(r, 32).rstrip("=")),
            K("; Path=/"),
            K("; Max-Age=86400"),
            K("; HttpOnly"),
            "\n",
        ]

    def devtools_json(r: random.Random) -> Parts:
        return [
            '{"name": "',
            K("PHPSESSID"),
            '", "value": "',
            S(tok(r, 26, LOW + DIG)),
            '", "domain": ".example.com", "path": "/", "httpOnly": true, "secure": true, "sameSite": "',
            K("Strict"),
            '"}\n',
        ]

    def python(r: random.Random) -> Parts:
        return [
            "s = requests.Session()\ns.cookies.set(",
            K('"_session_id"'),
            ', "',
            S(hexs(r, 32)),
            '", domain="shop.example.com")\n',
        ]

    def har(r: random.Random) -> Parts:
        return [
            '      "headers": [{"name": "',
            K("cookie"),
            '", "value": "',
            K("_ga=GA1.2.1234567.1700000000"),
            "; ",
            K("JSESSIONID="),
            S(hexs(r, 32).upper()),
            '"}]\n',
        ]

    return [set_cookie, cookie_req, curl_b, express, devtools_json, python, har]


# Kubernetes Secrets


def k8s_templates() -> list[Template]:
    def data(r: random.Random) -> Parts:
        a = base64.b64encode(pw(r).encode()).decode()
        b = base64.b64encode(secretval(r).encode()).decode()
        return [
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: ",
            K(f"api-credentials-{r.randint(1, 9)}"),
            "\n  namespace: ",
            K("payments"),
            "\ntype: Opaque\ndata:\n  ",
            K("DB_PASSWORD"),
            ": ",
            S(a),
            "\n  ",
            K("api-token"),
            ": ",
            S(b),
            "\n",
        ]

    def string_data(r: random.Random) -> Parts:
        return [
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: smtp\n  labels:\n    app.kubernetes.io/name: ",
            K("mailer"),
            "\nstringData:\n  ",
            K("username"),
            ": ",
            K("mailer"),
            "\n  ",
            K("password"),
            ": ",
            S(pw(r)),
            "\n",
        ]

    def kubectl_json(r: random.Random) -> Parts:
        val = base64.b64encode(secretval(r).encode()).decode()
        return [
            '$ kubectl get secret registry-auth -o json\n{\n    "apiVersion": "v1",\n    "data": {\n        "',
            K("token"),
            '": "',
            S(val),
            '"\n    },\n    "kind": "Secret",\n    "metadata": {"name": "registry-auth", "uid": "',
            K(uid(r)),
            '"}\n}\n',
        ]

    def dockerconfig(r: random.Random) -> Parts:
        auth = base64.b64encode(f"robot:{secretval(r)}".encode()).decode()
        inner = base64.b64encode(
            json.dumps({"auths": {"registry.example.com": {"auth": auth}}}).encode()
        ).decode()
        return [
            "kind: Secret\napiVersion: v1\nmetadata:\n  name: pull-secret\n"
            "type: kubernetes.io/dockerconfigjson\ndata:\n  ",
            K(".dockerconfigjson"),
            ": ",
            S(inner),
            "\n",
        ]

    def with_configmap(r: random.Random) -> Parts:
        return [
            "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\nbinaryData:\n  banner: ",
            K(base64.b64encode(b"Welcome to the staging cluster").decode()),
            "\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: app-secret\ndata:\n  ",
            K("SESSION_KEY"),
            ": ",
            S(base64.b64encode(hexs(r, 64).encode()).decode()),
            "\n",
        ]

    def tls(r: random.Random) -> Parts:
        key = base64.b64encode(pem(r, "PRIVATE KEY", 300).value.encode()).decode()
        return [
            "apiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\nmetadata:\n  name: ingress-tls\ndata:\n  tls.key: ",
            S(key),
            "\n",
        ]

    def helm_diff(r: random.Random) -> Parts:
        old = base64.b64encode(pw(r).encode()).decode()
        new = base64.b64encode(pw(r).encode()).decode()
        return [
            "default, db-auth, Secret (v1) has changed:\n   kind: Secret\n   data:\n-    ",
            K("postgres-password"),
            ": ",
            S(old),
            "\n+    postgres-password: ",
            S(new),
            "\n",
        ]

    return [data, string_data, kubectl_json, dockerconfig, with_configmap, tls, helm_diff]


# service-account JSON


def sa_templates() -> list[Template]:
    def keyfile(r: random.Random, indent: int | None) -> Parts:
        key = pem(r, "PRIVATE KEY", 900)
        project = r.choice(["billing-prod", "ml-sandbox-42", "acme-data"])
        sep = "\n" + " " * (indent or 0) if indent else " "
        end = "\n" if indent else ""
        kq = escape_parts([key])[0]
        return [
            "{",
            sep,
            '"type": "',
            K("service_account"),
            '",',
            sep,
            '"project_id": "',
            K(project),
            '",',
            sep,
            '"private_key_id": "',
            S(hexs(r, 40)),
            '",',
            sep,
            '"private_key": "',
            kq,
            '",',
            sep,
            f'"client_email": "deployer@{project}.iam.gserviceaccount.com",',
            sep,
            f'"client_id": "{r.randint(10**20, 10**21)}",',
            sep,
            '"token_uri": "',
            K("https://oauth2.googleapis.com/token"),
            '"',
            end,
            "}\n",
        ]

    def cat(r: random.Random) -> Parts:
        return ["$ cat ~/.config/gcloud/sa-key.json\n", *keyfile(r, 2)]

    def one_line(r: random.Random) -> Parts:
        return ["GOOGLE_CREDENTIALS='", *keyfile(r, None), "'\n"]

    def tf(r: random.Random) -> Parts:
        return ["# terraform.tfvars.json generated ", K(date(r)), "\n", *keyfile(r, 4)]

    return [cat, one_line, tf]


# passwords on command lines


def cli_templates() -> list[Template]:
    def mysql(r: random.Random) -> Parts:
        u = user(r)
        return ["$ mysql -h ", K(host(r)), " -u ", K(u), " -p", S(pw(r)), " ", K("orders"), "\n"]

    def pgpass(r: random.Random) -> Parts:
        return [
            "PGPASSWORD=",
            S(pw(r)),
            " psql -h ",
            K(host(r)),
            " -U ",
            K(user(r)),
            " -d analytics -c '\\dt'\n",
        ]

    def long_opt(r: random.Random) -> Parts:
        tool = r.choice(["mongosh", "mysqldump", "vault login", "influx", "rabbitmqadmin"])
        return [f"{tool} --username ", K(user(r)), " --password=", S(pw(r)), " --host ", K(host(r)), "\n"]

    def sshpass(r: random.Random) -> Parts:
        return ["sshpass -p '", S(pw(r)), "' ssh ", K(user(r) + "@203.0.113.40"), " uptime\n"]

    def docker_login(r: random.Random) -> Parts:
        return [
            "docker login -u ",
            K("ci-bot"),
            " -p ",
            S(secretval(r)),
            " ",
            K("registry.example.com"),
            "\n",
            "WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n",
        ]

    def redis(r: random.Random) -> Parts:
        return [
            "$ redis-cli -h ",
            K(host(r)),
            " -p 6379 -a ",
            S(pw(r)),
            " INFO keyspace\n",
            "# Keyspace\ndb0:keys=1042,expires=12\n",
        ]

    def curl_u(r: random.Random) -> Parts:
        return ["curl -u ", K(user(r)), ":", S(pw(r)), " https://ci.example.com/job/build/api/json\n"]

    def htpasswd(r: random.Random) -> Parts:
        return ["htpasswd -bc /etc/nginx/.htpasswd ", K(user(r)), " ", S(pw(r)), "\n"]

    def ps(r: random.Random) -> Parts:
        return [
            "$ ps aux | grep java\napp  2211  3.1  8.0 java -Dspring.datasource.username=",
            K(user(r)),
            " -Dspring.datasource.password=",
            S(pw(r)),
            " -jar app-",
            K(ver(r)),
            ".jar\n",
        ]

    def az(r: random.Random) -> Parts:
        return [
            "az login --service-principal -u ",
            K(uid(r)),
            " -p ",
            S(tok(r, 40, ALNUM + "~._-")),
            " --tenant ",
            K(uid(r)),
            "\n",
        ]

    def placeholder_beside(r: random.Random) -> Parts:
        return [
            "# docs say: mysql -u root -p",
            K("<password>"),
            "\n$ mysql -u ",
            K("root"),
            " --password=",
            S(pw(r)),
            " -e 'SHOW DATABASES'\n",
        ]

    def kubectl_literal(r: random.Random) -> Parts:
        return [
            "kubectl -n ",
            K("payments"),
            " create secret generic db-creds --from-literal=",
            K("username"),
            "=",
            K(user(r)),
            " --from-literal=",
            K("password"),
            "=",
            S(pw(r)),
            "\nsecret/db-creds created\n",
        ]

    def powershell(r: random.Random) -> Parts:
        return [
            "PS C:\\> Invoke-Sqlcmd -ServerInstance ",
            K(host(r)),
            " -Username ",
            K(user(r)),
            " -Password '",
            S(pw(r)),
            "' -Query 'SELECT 1'\n",
        ]

    return [
        mysql,
        pgpass,
        long_opt,
        sshpass,
        docker_login,
        redis,
        curl_u,
        htpasswd,
        ps,
        az,
        placeholder_beside,
        kubectl_literal,
        powershell,
    ]


# Authorization headers


def auth_templates() -> list[Template]:
    def bearer(r: random.Random) -> Parts:
        return [
            "> ",
            K("Authorization"),
            ": ",
            K("Bearer"),
            " ",
            S(secretval(r)),
            "\n> ",
            K("Accept: application/json"),
            "\n",
        ]

    def basic(r: random.Random) -> Parts:
        cred = base64.b64encode(f"{user(r)}:{pw(r)}".encode()).decode()
        return [
            "curl -H '",
            K("Authorization"),
            ": ",
            K("Basic"),
            " ",
            S(cred),
            "' https://registry.example.com/v2/_catalog\n",
        ]

    def proxy(r: random.Random) -> Parts:
        cred = base64.b64encode(f"{user(r)}:{pw(r)}".encode()).decode()
        return [
            "CONNECT pypi.org:443 HTTP/1.1\nHost: pypi.org:443\n",
            K("Proxy-Authorization"),
            ": ",
            K("Basic"),
            " ",
            S(cred),
            "\n\nHTTP/1.1 407 Proxy Authentication Required\n",
            K('Proxy-Authenticate: Basic realm="corp-proxy"'),
            "\n",
        ]

    def token(r: random.Random) -> Parts:
        return [
            'headers = {"',
            K("Authorization"),
            '": "',
            K("token"),
            " ",
            S(hexs(r, 40)),
            '", "',
            K("User-Agent"),
            '": "bot/1.0"}\n',
        ]

    def digest(r: random.Random) -> Parts:
        return [
            K("Authorization"),
            ': Digest username="',
            K(user(r)),
            '", realm="',
            K("Restricted area"),
            '", nonce="',
            K(hexs(r, 32)),
            '", uri="/dir/index.html", qop=auth, nc=00000001, cnonce="0a4f113b", response="',
            S(hexs(r, 32)),
            '"\n',
        ]

    def sigv4(r: random.Random) -> Parts:
        return [
            K("authorization"),
            ": ",
            K("AWS4-HMAC-SHA256"),
            " Credential=",
            S(aws_id(r).value, True, 4),
            "/20261203/us-east-1/execute-api/aws4_request, ",
            K("SignedHeaders=host;x-amz-date"),
            ", Signature=",
            S(hexs(r, 64)),
            "\n",
        ]

    def apikey(r: random.Random) -> Parts:
        scheme = r.choice(["ApiKey", "Api-Key", "Key", "SSWS", "Bot", "OAuth", "Splunk", "GenieKey"])
        return [
            "GET /v1/alerts HTTP/1.1\nHost: api.example.net\n",
            K("Authorization"),
            ": ",
            K(scheme),
            " ",
            S(secretval(r)),
            "\n\n",
        ]

    def negotiate(r: random.Random) -> Parts:
        return ["[http] ", K("Authorization"), ": ", K("Negotiate"), " ", S(b64(r, 90)), "\n"]

    def x_api_key(r: random.Random) -> Parts:
        name = r.choice(["X-API-Key", "X-Auth-Token", "Private-Token", "X-Vault-Token", "api-key"])
        return [
            "$ http GET https://api.example.io/v3/items ",
            K(name + ":"),
            S(secretval(r)),
            " ",
            K("Accept:application/json"),
            "\n",
        ]

    def go_code(r: random.Random) -> Parts:
        return ['req.Header.Set("', K("Authorization"), '", "', K("Bearer"), " ", S(secretval(r)), '")\n']

    def axios_log(r: random.Random) -> Parts:
        return [
            "AxiosError: Request failed with status code 403\n  config: {\n    headers: { ",
            K("Authorization"),
            ": '",
            K("Bearer"),
            " ",
            S(jwt(r).value, True, 3),
            "', 'Content-Type': 'application/json' },\n",
        ]

    def templated(r: random.Random) -> Parts:
        return [
            '- name: call api\n  run: curl -H "Authorization: Bearer ',
            K("${{ secrets.API_TOKEN }}"),
            '" https://api.example.com\n# local test: Authorization: Basic ',
            S(base64.b64encode(f"admin:{pw(r)}".encode()).decode()),
            "\n",
        ]

    return [
        bearer,
        basic,
        proxy,
        token,
        digest,
        sigv4,
        apikey,
        negotiate,
        x_api_key,
        go_code,
        axios_log,
        templated,
    ]


# database connection strings


def db_templates() -> list[Template]:
    def url(r: random.Random) -> Parts:
        scheme = r.choice(["postgres", "postgresql", "mysql", "redis", "rediss", "amqp", "amqps", "mongodb"])
        port = {
            "postgres": 5432,
            "postgresql": 5432,
            "mysql": 3306,
            "redis": 6379,
            "rediss": 6380,
            "amqp": 5672,
            "amqps": 5671,
        }.get(scheme, 27017)
        opening, closing = r.choice(
            [("DATABASE_URL=", ""), ("url: ", ""), ("  broker_url = '", "'"), ('export CONN="', '"')]
        )
        return [
            opening,
            scheme,
            "://",
            K(user(r)),
            ":",
            S(pw(r)),
            "@",
            K(host(r)),
            f":{port}/",
            K(r.choice(["orders", "app_prod", "0", "vhost", "analytics"])),
            closing + "\n",
        ]

    def srv(r: random.Random) -> Parts:
        return [
            'client = MongoClient("mongodb+srv://',
            K(user(r)),
            ":",
            S(pw(r)),
            "@",
            K(f"cluster{r.randint(0, 9)}.ab{r.randint(100, 999)}.mongodb.net"),
            '/?retryWrites=true&w=majority")\n',
        ]

    def jdbc(r: random.Random) -> Parts:
        return [
            "spring.datasource.url=jdbc:postgresql://",
            K(host(r)),
            ":5432/",
            K("billing"),
            "?user=",
            K(user(r)),
            "&password=",
            S(pw(r)),
            "&ssl=true\n",
        ]

    def jdbc_mysql(r: random.Random) -> Parts:
        return [
            'String url = "jdbc:mysql://',
            K(host(r)),
            ":3306/shop?user=",
            K(user(r)),
            "&password=",
            S(pw(r)),
            '&useSSL=true";\n',
        ]

    def adonet(r: random.Random) -> Parts:
        return [
            '"ConnectionStrings": { "Default": "Server=',
            K(host(r)),
            ";Database=",
            K("Inventory"),
            ";User Id=",
            K(user(r)),
            ";Password=",
            S(pw(r)),
            ';TrustServerCertificate=True;" }\n',
        ]

    def odbc(r: random.Random) -> Parts:
        return [
            "conn = pyodbc.connect('DRIVER={ODBC Driver 18 for SQL Server};SERVER=",
            K(host(r)),
            ";DATABASE=warehouse;UID=",
            K(user(r)),
            ";PWD=",
            S(pw(r)),
            "')\n",
        ]

    def error_trace(r: random.Random) -> Parts:
        return [
            "sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server failed\n",
            "(Background on this error at: https://sqlalche.me/e/20/e3q8)\n  engine = create_engine('postgresql+psycopg2://",
            K(user(r)),
            ":",
            S(pw(r)),
            "@",
            K(host(r)),
            "/reports')\n",
        ]

    def compose(r: random.Random) -> Parts:
        return [
            "services:\n  worker:\n    image: ",
            K(f"ghcr.io/example/worker:{ver(r)}"),
            "\n    environment:\n      - CELERY_BROKER_URL=amqp://",
            K(user(r)),
            ":",
            S(pw(r)),
            "@rabbitmq:5672//\n      - ",
            K("REDIS_URL=redis://redis:6379/0"),
            "\n",
        ]

    def placeholder_pair(r: random.Random) -> Parts:
        return [
            "# example: ",
            K("postgres://user:${DB_PASSWORD}@localhost/app"),
            "\nDATABASE_URL=postgres://",
            K(user(r)),
            ":",
            S(pw(r)),
            "@",
            K(host(r)),
            "/app\n",
        ]

    def mongosh(r: random.Random) -> Parts:
        return [
            '$ mongosh "mongodb://',
            K(user(r)),
            ":",
            S(pw(r)),
            "@",
            K(host(r)),
            ':27017/admin?authSource=admin"\nCurrent Mongosh Log ID: ',
            K(hexs(r, 24)),
            "\nUsing MongoDB: ",
            K(ver(r)),
            "\n",
        ]

    def ruby(r: random.Random) -> Parts:
        return ['$redis = Redis.new(url: "rediss://:', S(pw(r)), "@", K(host(r)), ':6380/1")\n']

    def doctl(r: random.Random) -> Parts:
        return [
            "$ doctl databases connection ",
            K(uid(r)),
            " --format URI\nURI\npostgresql://",
            K("doadmin"),
            ":",
            S(tok(r, 16, ALNUM + "_-")),
            "@",
            K(f"db-postgresql-nyc3-{r.randint(10000, 99999)}-do-user-0.b.db.ondigitalocean.com"),
            ":25060/defaultdb?sslmode=require\n",
        ]

    return [
        url,
        srv,
        jdbc,
        jdbc_mysql,
        adonet,
        odbc,
        error_trace,
        compose,
        placeholder_pair,
        mongosh,
        ruby,
        doctl,
    ]


# e-mail addresses


def email_templates() -> list[Template]:
    def git_log(r: random.Random) -> Parts:
        return [
            "commit ",
            K(sha(r)),
            "\nAuthor: Maria Lopez <",
            S(person(r)),
            ">\nDate:   Tue Dec 1 10:12:03 2026 +0000\n\n    fix flaky test\n",
        ]

    def encoded(r: random.Random) -> Parts:
        return [
            "GET /api/users/lookup?",
            S(person(r).replace("@", "%40")),
            " -> wrong; correct: /api/users/lookup?",
            K("fields=id,name"),
            "&email=",
            S(person(r).replace("@", "%40")),
            " 200\n",
        ]

    def json_user(r: random.Random) -> Parts:
        return ['{"id": "', K(uid(r)), '", "email": "', S(person(r)), '", "created": "', K(stamp(r)), '"}\n']

    def git_remote(r: random.Random) -> Parts:
        return [
            "$ git remote -v\norigin  ",
            K("git@github.com:example/api.git"),
            " (fetch)\n$ git config user.email\n",
            S(person(r)),
            "\n",
        ]

    def ssh_beside(r: random.Random) -> Parts:
        return [
            "ssh ",
            K("deploy@203.0.113.7"),
            " 'systemctl restart api'  # ping ",
            S(person(r)),
            " if it fails\n",
        ]

    def npm(r: random.Random) -> Parts:
        return ["added ", K("@types/node@20.11.5"), "\nnpm notice maintainer: ", S(person(r)), "\n"]

    def mailto(r: random.Random) -> Parts:
        return [
            '<a href="mailto:',
            S(person(r).replace("@", "%40")),
            '?subject=Invoice">Contact billing</a>\n',
        ]

    def log(r: random.Random) -> Parts:
        return [K(stamp(r)), " WARN  auth: failed login for user=", S(person(r)), " from 198.51.100.23\n"]

    def decorator_beside(r: random.Random) -> Parts:
        return [K("@app.route"), '("/invite")\ndef invite():\n    send(to="', S(person(r)), '")\n']

    return [git_log, encoded, json_user, git_remote, ssh_beside, npm, mailto, log, decorator_beside]


# AWS key pairs


def aws_templates() -> list[Template]:
    def creds_file(r: random.Random) -> Parts:
        return [
            "$ cat ~/.aws/credentials\n[",
            K("default"),
            "]\n",
            K("aws_access_key_id"),
            " = ",
            aws_id(r),
            "\n",
            K("aws_secret_access_key"),
            " = ",
            aws_secret(r),
            "\n",
            K("region"),
            " = us-west-2\n",
        ]

    def env(r: random.Random) -> Parts:
        return [
            "export AWS_ACCESS_KEY_ID=",
            aws_id(r),
            "\nexport AWS_SECRET_ACCESS_KEY=",
            aws_secret(r),
            "\nexport AWS_DEFAULT_REGION=eu-central-1\n",
        ]

    def cli_json(r: random.Random) -> Parts:
        return [
            "$ aws sts assume-role --role-arn arn:aws:iam::123456789012:role/deploy --role-session-name ci\n",
            '{\n    "Credentials": {\n        "AccessKeyId": "',
            aws_id(r),
            '",\n        "SecretAccessKey": "',
            aws_secret(r),
            '",\n        "SessionToken": "',
            S(b64(r, 200)),
            '",\n        "Expiration": "',
            K(stamp(r)),
            '"\n    }\n}\n',
        ]

    def boto(r: random.Random) -> Parts:
        return [
            "s3 = boto3.client(\n    's3',\n    aws_access_key_id='",
            aws_id(r),
            "',\n    aws_secret_access_key='",
            aws_secret(r),
            "',\n)\n",
        ]

    def tf(r: random.Random) -> Parts:
        return [
            'provider "aws" {\n  region     = "us-east-1"\n  access_key = "',
            aws_id(r),
            '"\n  secret_key = "',
            aws_secret(r),
            '"\n}\n',
        ]

    def gha(r: random.Random) -> Parts:
        return [
            "      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          aws-access-key-id: ",
            aws_id(r),
            "\n          aws-secret-access-key: ",
            aws_secret(r),
            "\n          role-session-name: ",
            K("${{ github.run_id }}"),
            "\n",
        ]

    def configure_list(r: random.Random) -> Parts:
        return [
            "$ aws configure list\n      Name                    Value             Type    Location\n",
            "access_key     ",
            K("****************" + "WXYZ"),
            " shared-credentials-file\n# copied from console: ",
            aws_id(r),
            " ",
            aws_secret(r),
            "\n",
        ]

    return [creds_file, env, cli_json, boto, tf, gha, configure_list]


# vendor tokens


def vendor_templates() -> list[Template]:
    turn = [0]

    def pick(r: random.Random) -> S:
        """Every vendor in turn, so each layout shows up."""
        tokens = vendor_tokens(r)
        turn[0] += 1
        return tokens[turn[0] % len(tokens)][1]

    def env(r: random.Random) -> Parts:
        return [
            K(r.choice(["TOKEN", "GH_TOKEN", "SERVICE_KEY", "CI_TOKEN"])),
            "=",
            pick(r),
            "\n",
            *near_misses(r),
        ]

    def bare_output(r: random.Random) -> Parts:
        return [
            "Created token (copy it now, it will not be shown again):\n\n    ",
            pick(r),
            "\n\n",
            *near_misses(r),
        ]

    def code(r: random.Random) -> Parts:
        return [
            "const client = new Client({ ",
            K("baseURL"),
            ": 'https://api.example.com', key: '",
            pick(r),
            "' });\n",
        ]

    def yaml(r: random.Random) -> Parts:
        return [
            "integrations:\n  ",
            K("notify"),
            ':\n    enabled: true\n    credential: "',
            pick(r),
            '"\n',
            *near_misses(r),
        ]

    def npmrc(r: random.Random) -> Parts:
        return ["//registry.npmjs.org/:_authToken=", pick(r), "\n", K("always-auth=true"), "\n"]

    def sentry(r: random.Random) -> Parts:
        return [
            "SENTRY_DSN=https://",
            S(hexs(r, 32), True),
            "@",
            K(f"o{r.randint(10**5, 10**6)}.ingest.sentry.io/{r.randint(10**6, 10**7)}"),
            "\n",
        ]

    def diff(r: random.Random) -> Parts:
        return [
            "diff --git a/settings.py b/settings.py\nindex ",
            K(hexs(r, 7)),
            "..",
            K(hexs(r, 7)),
            " 100644\n--- a/settings.py\n+++ b/settings.py\n@@ -3,2 +3,2 @@\n"
            '-SLACK_TOKEN = os.environ["SLACK_TOKEN"]\n+SLACK_TOKEN = "',
            pick(r),
            '"\n',
        ]

    def notebook(r: random.Random) -> Parts:
        return [
            '{"cell_type": "code", "execution_count": 3, "metadata": {}, "source": ["import os\\n", "os.environ[\\"',
            K("HF_TOKEN"),
            '\\"] = \\"',
            *escape_parts([pick(r)]),
            '\\"\\n"]}\n',
        ]

    def ci(r: random.Random) -> Parts:
        return [
            'Run ./scripts/publish.sh\n+ echo "publishing ',
            K(ver(r)),
            '"\n+ twine upload --password ',
            pick(r),
            " dist/*\n",
        ]

    def pem_file(r: random.Random) -> Parts:
        key = r.choice(
            [
                pem(r, "RSA PRIVATE KEY", 600),
                pem(r, "OPENSSH PRIVATE KEY", 400),
                pem(r, "EC PRIVATE KEY", 120),
            ]
        )
        return [
            "$ cat ~/.ssh/id_deploy\n",
            key,
            "\n$ ssh-keygen -lf ~/.ssh/id_deploy.pub\n256 SHA256:",
            K(b64(r, 32).rstrip("=")),
            " deploy (ED25519)\n",
        ]

    def cli_login(r: random.Random) -> Parts:
        tool = r.choice(
            [
                "doctl auth init --access-token",
                "gh auth login --with-token <<<",
                "vercel --token",
                "npm config set //registry.npmjs.org/:_authToken",
            ]
        )
        return ["$ ", tool, " ", pick(r), "\n", *near_misses(r)]

    def go_code(r: random.Random) -> Parts:
        return [
            "client := api.NewClient(",
            K("api.WithToken"),
            '("',
            pick(r),
            '"), api.WithTimeout(30*time.Second))\n',
        ]

    def csharp(r: random.Random) -> Parts:
        return [
            'var client = new ApiClient(new ApiClientOptions { BaseUrl = "https://api.example.com", ',
            K("Token"),
            ' = "',
            pick(r),
            '" });\n',
        ]

    return [
        env,
        bare_output,
        code,
        yaml,
        npmrc,
        sentry,
        diff,
        notebook,
        ci,
        pem_file,
        cli_login,
        go_code,
        csharp,
    ]


# generic secrets beside key names in every format


GENERIC_KEYS = [
    "password",
    "passwd",
    "pwd",
    "secret",
    "token",
    "api_key",
    "apiKey",
    "access_key",
    "client_secret",
    "private_key",
    "auth",
    "credentials",
    "signing_key",
    "encryption_key",
    "webhook_secret",
    "secret_key",
    "auth_token",
    "db_password",
    "jwt_secret",
    "smtp_pass",
]


def generic_templates() -> list[Template]:
    def fmt(key_case: Callable[[str], str], body: Callable[[random.Random, K, S], Parts]) -> Template:
        def make(r: random.Random) -> Parts:
            key = key_case(r.choice(GENERIC_KEYS))
            value = r.choice([pw, secretval])(r)
            return body(r, K(key), S(value))

        return make

    def upper(k: str) -> str:
        return k.upper() if k != "apiKey" else "API_KEY"

    def same(k: str) -> str:
        return k

    def camel(k: str) -> str:
        head, *rest = k.split("_")
        return head + "".join(w.title() for w in rest)

    def dotted(k: str) -> str:
        return "app." + k.replace("_", "-").lower()

    def env(r: random.Random, k: K, s: S) -> Parts:
        return [
            "PORT=8080\n",
            k,
            "=",
            s,
            "\n",
            K("OTHER_KEY=${OTHER_KEY}"),
            "\nLOCAL_DEV_PASSWORD=changeme\nLOG_LEVEL=info\n",
        ]

    def yaml(r: random.Random, k: K, s: S) -> Parts:
        return [
            "database:\n  host: ",
            K(host(r)),
            "\n  user: ",
            K(user(r)),
            "\n  ",
            k,
            ': "',
            s,
            '"\n  pool: 10\n',
        ]

    def helm(r: random.Random, k: K, s: S) -> Parts:
        return [
            "# values-prod.yaml\nimage:\n  tag: ",
            K(ver(r)),
            "\nauth:\n  existingSecret: ",
            K('""'),
            "\n  ",
            k,
            ": ",
            s,
            "\n# template uses ",
            K("{{ .Values.auth.password }}"),
            "\n",
        ]

    def gha(r: random.Random, k: K, s: S) -> Parts:
        return [
            "jobs:\n  test:\n    runs-on: ubuntu-latest\n    env:\n      GITHUB_TOKEN: ",
            K("${{ secrets.GITHUB_TOKEN }}"),
            "\n      ",
            k,
            ": ",
            s,
            "\n",
        ]

    def jsonf(r: random.Random, k: K, s: S) -> Parts:
        return [
            '{\n  "name": "billing",\n  "version": "',
            K(ver(r)),
            '",\n  "',
            k,
            '": "',
            s,
            '",\n  "retries": 3\n}\n',
        ]

    def toml(r: random.Random, k: K, s: S) -> Parts:
        return ['[service]\nname = "mailer"\n', k, ' = "', s, '"\ntimeout = "30s"\n']

    def ini(r: random.Random, k: K, s: S) -> Parts:
        return ["[client]\nuser = ", K(user(r)), "\n", k, " = ", s, "\nhost = ", K(host(r)), "\n"]

    def xml(r: random.Random, k: K, s: S) -> Parts:
        return [
            '<configuration>\n  <add key="',
            k,
            '" value="',
            s,
            '" />\n  <add key="Environment" value="',
            K("Production"),
            '" />\n</configuration>\n',
        ]

    def xml_elem(r: random.Random, k: K, s: S) -> Parts:
        return [
            "<server>\n  <id>nexus</id>\n  <username>",
            K(user(r)),
            "</username>\n  <",
            k,
            ">",
            s,
            "</",
            k.value,
            ">\n</server>\n",
        ]

    def hcl(r: random.Random, k: K, s: S) -> Parts:
        return [
            'resource "vault_generic_secret" "app" {\n  path = "secret/app"\n  data_json = jsonencode({\n    ',
            k,
            ' = "',
            s,
            '"\n  })\n}\n',
        ]

    def props(r: random.Random, k: K, s: S) -> Parts:
        return ["server.port=8443\n", k, "=", s, "\nmanagement.endpoints.web.exposure.include=health\n"]

    def nginx(r: random.Random, k: K, s: S) -> Parts:
        return [
            'location /api/ {\n    proxy_pass http://backend;\n    proxy_set_header X-Upstream-Secret "',
            s,
            '";\n    # key: ',
            k,
            "\n}\n",
        ]

    def apache(r: random.Random, k: K, s: S) -> Parts:
        return [
            "<VirtualHost *:443>\n  SetEnv ",
            k,
            " ",
            s,
            "\n  ServerName ",
            K("www.example.com"),
            "\n</VirtualHost>\n",
        ]

    def compose(r: random.Random, k: K, s: S) -> Parts:
        return [
            "services:\n  api:\n    image: ",
            K(f"example/api:{ver(r)}"),
            "\n    environment:\n      ",
            k,
            ": ",
            s,
            "\n      ",
            K("POSTGRES_PASSWORD_FILE: /run/secrets/db"),
            "\n",
        ]

    def k8s_env(r: random.Random, k: K, s: S) -> Parts:
        return [
            "        env:\n          - name: ",
            k,
            '\n            value: "',
            s,
            '"\n          - name: NODE_ENV\n            value: production\n',
        ]

    def systemd(r: random.Random, k: K, s: S) -> Parts:
        return [
            '[Service]\nExecStart=/usr/local/bin/agent --config /etc/agent.yml\nEnvironment="',
            k,
            "=",
            s,
            '"\nRestart=on-failure\n',
        ]

    def python(r: random.Random, k: K, s: S) -> Parts:
        return ["import os\n\n", k, ' = "', s, '"\nTIMEOUT = 30\nBASE = os.environ.get("BASE_URL")\n']

    def python_fmt(r: random.Random, k: K, s: S) -> Parts:
        return [
            'query = "SELECT 1 FROM users WHERE pw = ',
            K("%(password)s"),
            '"\nparams = {"',
            k,
            '": "',
            s,
            '"}\n',
        ]

    def js(r: random.Random, k: K, s: S) -> Parts:
        return ["export const config = {\n  region: 'eu-west-1',\n  ", k, ": '", s, "',\n};\n"]

    def ts(r: random.Random, k: K, s: S) -> Parts:
        return ["const opts: ClientOptions = { endpoint: process.env.ENDPOINT!, ", k, ': "', s, '" };\n']

    def go(r: random.Random, k: K, s: S) -> Parts:
        return ['cfg := Config{\n\tAddr: ":8080",\n\t', k, ': "', s, '",\n}\n']

    def java(r: random.Random, k: K, s: S) -> Parts:
        return ["private static final String ", k, ' = "', s, '";\nprivate static final int PORT = 8080;\n']

    def ruby(r: random.Random, k: K, s: S) -> Parts:
        return ["Rails.application.configure do\n  config.x.", k, " = '", s, "'\nend\n"]

    def php(r: random.Random, k: K, s: S) -> Parts:
        return ["<?php\nreturn [\n    '", k, "' => '", s, "',\n    'debug' => false,\n];\n"]

    def rust(r: random.Random, k: K, s: S) -> Parts:
        return ["let ", k, ' = "', s, '";\nlet client = Client::new(&', K("endpoint"), ");\n"]

    def csharp(r: random.Random, k: K, s: S) -> Parts:
        return ['var options = new Options { Url = "https://svc.example.com", ', k, ' = "', s, '" };\n']

    def shell(r: random.Random, k: K, s: S) -> Parts:
        return [
            "#!/usr/bin/env bash\nset -euo pipefail\n",
            k,
            "='",
            s,
            "'\nTOKEN_FILE=",
            K("$(cat /run/secrets/token)"),
            "\n",
        ]

    def diff(r: random.Random, k: K, s: S) -> Parts:
        return [
            "--- a/.env.example\n+++ b/.env\n@@ -1,2 +1,2 @@\n-",
            k.value,
            "=",
            K("xxxx"),
            "\n+",
            k,
            "=",
            s,
            "\n",
        ]

    def md(r: random.Random, k: K, s: S) -> Parts:
        return [
            "## Setup\n\nSet `",
            k,
            "` in your shell (ours is `",
            s,
            "`; do not share). Default shown as `",
            K("****"),
            "`.\n",
        ]

    def log(r: random.Random, k: K, s: S) -> Parts:
        return [K(stamp(r)), " DEBUG config loaded: ", k, "=", s, " host=", K(host(r)), "\n"]

    def jsonl(r: random.Random, k: K, s: S) -> Parts:
        return ['{"level":"debug","ts":"', K(stamp(r)), '","msg":"settings","', k, '":"', s, '"}\n']

    def pyrepr(r: random.Random, k: K, s: S) -> Parts:
        return [">>> settings\n{'debug': False, '", k, "': '", s, "', 'version': '", K(ver(r)), "'}\n"]

    def psql(r: random.Random, k: K, s: S) -> Parts:
        return [
            "app=> SELECT name, value FROM settings;\n     name      |   value\n---------------+------------\n ",
            k,
            " | ",
            s,
            "\n (1 row)\n",
        ]

    def redis(r: random.Random, k: K, s: S) -> Parts:
        return ['127.0.0.1:6379> HGETALL config:app\n1) "', k, '"\n2) "', s, '"\n']

    def mongosh(r: random.Random, k: K, s: S) -> Parts:
        return [
            "test> db.integrations.findOne()\n{\n  _id: ObjectId('",
            K(hexs(r, 24)),
            "'),\n  ",
            k,
            ": '",
            s,
            "'\n}\n",
        ]

    def heroku(r: random.Random, k: K, s: S) -> Parts:
        return [
            "$ heroku config -a shop-api\n=== shop-api Config Vars\n",
            k,
            ":       ",
            s,
            "\n",
            K("DYNO_SIZE"),
            ":  standard-1x\n",
        ]

    def doctl(r: random.Random, k: K, s: S) -> Parts:
        return [
            "$ vercel env pull\n> Downloaded .env.local\n$ cat .env.local\n",
            k,
            '="',
            s,
            '"\n',
            K("VERCEL_ENV"),
            '="development"\n',
        ]

    def gcloud(r: random.Random, k: K, s: S) -> Parts:
        return ["$ gcloud secrets versions access latest --secret=", k, "\n", s, "\n"]

    def stack(r: random.Random, k: K, s: S) -> Parts:
        return [
            'Exception in thread "main" java.lang.IllegalStateException: bad config {',
            k,
            "=",
            s,
            "}\n\tat com.example.Config.load(Config.java:42)\n",
        ]

    bodies: list[tuple[Callable[[str], str], Callable[[random.Random, K, S], Parts]]] = [
        (upper, env),
        (same, yaml),
        (camel, helm),
        (upper, gha),
        (camel, jsonf),
        (same, toml),
        (same, ini),
        (camel, xml),
        (camel, xml_elem),
        (same, hcl),
        (dotted, props),
        (same, nginx),
        (upper, apache),
        (upper, compose),
        (upper, k8s_env),
        (upper, systemd),
        (upper, python),
        (same, python_fmt),
        (camel, js),
        (camel, ts),
        (camel, go),
        (upper, java),
        (same, ruby),
        (same, php),
        (same, rust),
        (camel, csharp),
        (upper, shell),
        (upper, diff),
        (upper, md),
        (same, log),
        (same, jsonl),
        (same, pyrepr),
        (same, psql),
        (same, redis),
        (camel, mongosh),
        (upper, heroku),
        (upper, doctl),
        (same, gcloud),
        (camel, stack),
    ]
    return [fmt(case, body) for case, body in bodies]


# secret-free documents


def none_templates() -> list[Template]:
    def env(r: random.Random) -> Parts:
        return [
            K("API_TOKEN=${API_TOKEN}"),
            "\n",
            K("DB_PASSWORD=<your-password>"),
            "\n",
            K("SECRET_KEY=$(cat /run/secrets/key)"),
            "\n",
            K("OPENAI_API_KEY=${OPENAI_API_KEY:?must be set}"),
            "\n",
        ]

    def git(r: random.Random) -> Parts:
        return [
            "$ git log --oneline -3\n",
            K(hexs(r, 7)),
            " bump ",
            K(ver(r)),
            "\n",
            K(hexs(r, 7)),
            " fix token refresh\n",
            K(sha(r)),
            " merge\n",
        ]

    def cookies(r: random.Random) -> Parts:
        return [
            "< ",
            K("Set-Cookie: theme=dark; Path=/; Max-Age=31536000; SameSite=Lax"),
            "\n< ",
            K("Set-Cookie: lang=en-GB; Path=/; Secure"),
            "\n",
        ]

    def lock(r: random.Random) -> Parts:
        return [
            '"node_modules/lodash": {\n  "version": "',
            K(ver(r)),
            '",\n  "integrity": "',
            K("sha512-" + b64(r, 64)),
            '"\n}\n',
        ]

    def k8s_cm(r: random.Random) -> Parts:
        return [
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n  uid: ",
            K(uid(r)),
            "\nbinaryData:\n  motd: ",
            K(base64.b64encode(b"maintenance window on sunday").decode()),
            "\ndata:\n  LOG_LEVEL: info\n",
        ]

    def helm(r: random.Random) -> Parts:
        return [
            "auth:\n  password: ",
            K("{{ .Values.auth.password | quote }}"),
            "\n  token: ",
            K('"{{ required \\"token\\" .Values.token }}"'),
            "\n",
        ]

    def gha(r: random.Random) -> Parts:
        return [
            "    env:\n      NPM_TOKEN: ",
            K("${{ secrets.NPM_TOKEN }}"),
            "\n      PASSWORD: ",
            K("${{ secrets.DB_PASSWORD }}"),
            "\n",
        ]

    def masked(r: random.Random) -> Parts:
        return [
            "password: ",
            K("********"),
            "\napi_key: ",
            K("xxxxxxxxxxxx"),
            "\ntoken: ",
            K("<redacted>"),
            "\n",
        ]

    def phones(r: random.Random) -> Parts:
        return [
            "Order ",
            K(order_no(r)),
            " placed ",
            K(date(r)),
            "; phone ",
            K(phone(r)),
            "; zip ",
            K("94105-1234"),
            "\n",
        ]

    def headers(r: random.Random) -> Parts:
        return [
            "> ",
            K("Accept: application/json"),
            "\n> ",
            K("Authorization: Bearer <token>"),
            "\n< ",
            K(f"x-request-id: {uid(r)}"),
            "\n< ",
            K('www-authenticate: Bearer realm="api"'),
            "\n",
        ]

    def pyfmt(r: random.Random) -> Parts:
        return [
            "cur.execute(",
            K('"UPDATE users SET password = %(password)s WHERE id = %(id)s"'),
            ", params)\n",
        ]

    def docker(r: random.Random) -> Parts:
        return [
            "Step 4/9 : RUN pip install -r requirements.txt\n ---> ",
            K(hexs(r, 12)),
            "\nSuccessfully built ",
            K(hexs(r, 12)),
            "\n",
            *near_misses(r),
        ]

    def signed_params(r: random.Random) -> Parts:
        return [
            "https://cdn.example.com/img.png?",
            K("w=640"),
            "&",
            K("h=480"),
            "&",
            K(f"v={hexs(r, 8)}"),
            "&",
            K("format=webp"),
            "\n",
        ]

    def shell_defaults(r: random.Random) -> Parts:
        return [
            K(': "${PGPASSWORD:=}"'),
            "\n",
            K('psql -h "$DB_HOST" -U "$DB_USER" -W'),
            "\n",
            K("read -rs -p 'Password: ' PASS"),
            "\n",
        ]

    def tests(r: random.Random) -> Parts:
        return [
            "tests/test_auth.py::test_token_refresh ",
            K("PASSED"),
            "\n========= ",
            K(f"{r.randint(10, 400)} passed"),
            " in ",
            K(f"{r.randint(1, 60)}.{r.randint(10, 99)}s"),
            " =========\n",
        ]

    return [
        env,
        git,
        cookies,
        lock,
        k8s_cm,
        helm,
        gha,
        masked,
        phones,
        headers,
        pyfmt,
        docker,
        signed_params,
        shell_defaults,
        tests,
    ]


TEMPLATES: dict[str, Callable[[], list[Template]]] = {
    "ssn": ssn_templates,
    "url_query_credential": query_templates,
    "signed_url": signed_templates,
    "session_cookie": cookie_templates,
    "k8s_secret": k8s_templates,
    "service_account_json": sa_templates,
    "cli_password": cli_templates,
    "authorization_header": auth_templates,
    "db_connection_string": db_templates,
    "email": email_templates,
    "aws_keypair": aws_templates,
    "vendor_token": vendor_templates,
    "generic_secret": generic_templates,
    "none": none_templates,
}


def held_back(seed: int = 61417, per_class: int = 35) -> list[Doc]:
    """``per_class`` documents of every class; twice as many of vendor tokens, three times as many secret-free."""
    r = random.Random(seed)
    docs: list[Doc] = []
    for cls in CLASSES:
        templates = TEMPLATES[cls]()
        count = {"vendor_token": 2, "none": 3}.get(cls, 1) * per_class
        order = list(range(len(templates)))
        r.shuffle(order)
        for i in range(count):
            template = templates[order[i % len(order)]]
            while True:
                parts = template(r)
                if r.random() < 0.2:
                    parts = [*near_misses(r), *parts]
                kind = "plain"
                if r.random() < 0.2:
                    parts, kind = transcript(r, parts), "transcript"
                doc = render(cls, kind, parts)
                if well_formed(doc):
                    break
            docs.append(doc)
    return docs


# ---------------------------------------------------------------- measuring


def _fragment_left(doc: Doc, secret: Secret, out: str) -> bool:
    core = doc.text[secret.core_start : secret.core_end]
    elsewhere = doc.text[: secret.start] + "\x00" + doc.text[secret.end :]
    for size in (4, 5, 6):
        for i in range(len(core) - size + 1):
            window = core[i : i + size]
            if window not in elsewhere and window in out:
                return True
    return False


def _kept_spans(doc: Doc, out: str) -> int:
    if not doc.survive:
        return 0
    blocks = difflib.SequenceMatcher(None, doc.text, out, autojunk=False).get_matching_blocks()
    kept = 0
    for start, end in doc.survive:
        if any(a <= start and end <= a + size for a, _, size in blocks):
            kept += 1
    return kept


def _default_scrub(text: str) -> str:
    from client_actors.scrub import scrub_text

    return scrub_text(text).text


def measure_held_back(
    scrub: Callable[[str], str] | None = None, *, seed: int = 61417, per_class: int = 35
) -> dict[str, float]:
    """Aggregate figures of ``scrub`` (the real scrubber by default) on the held-back corpus."""
    run = scrub or _default_scrub
    docs = held_back(seed, per_class)
    found = clean = vendor_total = vendor_found = 0
    secrets = survive = kept = lines = lines_kept = 0
    for doc in docs:
        out = run(doc.text)
        for secret in doc.secrets:
            secrets += 1
            gone = doc.text[secret.start : secret.end] not in out
            found += gone
            clean += gone and not _fragment_left(doc, secret, out)
            if secret.vendor:
                vendor_total += 1
                vendor_found += gone
        survive += len(doc.survive)
        kept += _kept_spans(doc, out)
        if not doc.secrets:
            before, after = doc.text.split("\n"), out.split("\n")
            lines += len(before)
            lines_kept += sum(1 for i, line in enumerate(before) if i < len(after) and after[i] == line)
    return {
        "documents": len(docs),
        "secrets": secrets,
        "must_survive": survive,
        "lines": lines,
        "recall": found / secrets,
        "recall_no_fragment": clean / secrets,
        "vendor_prefix_recall": vendor_found / vendor_total,
        "keep_rate": kept / survive,
        "line_keep_rate": lines_kept / lines,
    }
