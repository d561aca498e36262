"""A second labelled corpus, written from the formats' public descriptions, not from the rules.

The first corpus (`contexts`) and the rules were written together. This one covers the kinds of text
agents print that the first left out: signed URLs and credentials in query strings, cookies (whose
attributes must survive), Kubernetes Secret manifests, cloud service-account key files, passwords on
command lines and in client environment variables, Authorization schemes besides Bearer, US social
security numbers and URL-encoded e-mail addresses, beside the common vendor tokens in contexts the first
corpus does not use.

It comes in two parts built from different templates and seeds: ``tuning``, which rules may be adjusted
against, and ``held_back``, which is only ever measured (bench/RESULTS.md reports both). Must-survive
lines sit beside the secrets of each class: the near misses a rule for that class could eat.
"""

from __future__ import annotations

import base64
import json
import random
import re
from collections.abc import Callable

import attrs

from client_actors.scrub import scrub_text
from tests.scrubcorpus import fakes
from tests.scrubcorpus.contexts import Instance
from tests.scrubcorpus.fakes import ALNUM, DIGITS, HEX, LOWER, URLSAFE, chars, mixed

Maker = Callable[[random.Random], str]


# Formats ------------------------------------------------------------------------------------------


def ssn(rng: random.Random) -> str:
    """A US social security number as issued: area 001-899 but not 666, group 01-99, serial 0001-9999."""
    area = rng.choice([a for a in range(1, 900) if a != 666])
    return f"{area:03d}-{rng.randrange(1, 100):02d}-{rng.randrange(1, 10000):04d}"


def aws_sigv4_signature(rng: random.Random) -> str:
    return chars(rng, HEX, 64)


def gcs_signature(rng: random.Random) -> str:
    return chars(rng, HEX, 512)


def query_token(rng: random.Random) -> str:
    shape = rng.randrange(3)
    if shape == 0:
        return mixed(rng, URLSAFE, rng.randrange(24, 48))
    if shape == 1:
        return chars(rng, HEX, rng.choice([32, 40]))
    raw = base64.b64encode(rng.randbytes(rng.choice([24, 32]))).decode()
    return raw.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")


def cookie_value(rng: random.Random) -> str:
    shape = rng.randrange(3)
    if shape == 0:
        return chars(rng, LOWER + DIGITS, 32)
    if shape == 1:
        return mixed(rng, URLSAFE, rng.randrange(40, 90))
    return "s%3A" + mixed(rng, ALNUM, 32) + "." + mixed(rng, ALNUM + "%", 43)


def k8s_secret_value(rng: random.Random) -> str:
    """What `kubectl` shows under `data:`: the base64 of a password, token or connection string."""
    shape = rng.randrange(3)
    if shape == 0:
        plain = fakes.password(rng)
    elif shape == 1:
        plain = fakes.api_secret(rng)
    else:
        plain = f"postgres://app:{mixed(rng, ALNUM, 16)}@db.internal:5432/app"
    return base64.b64encode(plain.encode()).decode()


def private_key_id(rng: random.Random) -> str:
    return chars(rng, HEX, 40)


def cli_password(rng: random.Random) -> str:
    return fakes.password(rng)


def basic_credentials(rng: random.Random) -> str:
    user = rng.choice(["admin", "ci", "deploy", "svc-backup", "jenkins"])
    return base64.b64encode(f"{user}:{fakes.password(rng)}".encode()).decode()


def scheme_credential(rng: random.Random) -> str:
    shape = rng.randrange(3)
    if shape == 0:
        return "00" + mixed(rng, ALNUM + "-_", 40)  # Okta SSWS tokens
    if shape == 1:
        hexes = chars(rng, HEX, 32)
        return f"{hexes[:8]}-{hexes[8:12]}-{hexes[12:16]}-{hexes[16:20]}-{hexes[20:]}"  # Splunk HEC
    return mixed(rng, ALNUM, rng.randrange(28, 48))


def digest_response(rng: random.Random) -> str:
    return chars(rng, HEX, 32)


def vendor_token(rng: random.Random) -> str:
    return rng.choice([fakes.github_token, fakes.openai_key, fakes.slack_token, fakes.stripe_key])(rng)


def encoded_email(rng: random.Random) -> str:
    local = fakes.user_name(rng)
    if rng.random() < 0.3:
        local += "%2B" + rng.choice(["work", "ci", "test"])
    return local + "%40" + rng.choice(fakes.MAIL_DOMAINS)


# Classes, with their templates for each part ---------------------------------------------------------


@attrs.frozen
class Class:
    """A kind of secret and where it shows up, in each part of the corpus."""

    name: str
    make: Maker
    tuning: tuple[str, ...]
    held_back: tuple[str, ...]
    prefixed: bool = False


CLASSES = (
    Class(
        "ssn",
        ssn,
        (
            "Employee: Jane Roe\nSSN: @S@\nStart date: 2024-03-01\n",
            '{"id": 981, "name": "John Q. Public", "ssn": "@S@", "state": "OH"}\n',
            "INSERT INTO employees (name, ssn) VALUES ('Jane Roe', '@S@');\n",
            "name,ssn,dob\nJane Roe,@S@,1984-02-29\n",
        ),
        (
            "> verify applicant: social security number @S@, DOB 07/04/1976\n",
            "tax_id: @S@  # W-2 box a\n",
            "| Roe, Jane | @S@ | active |\n",
            "ERROR validation failed for record 17: ssn '@S@' already exists\n",
        ),
    ),
    Class(
        "signed-url",
        aws_sigv4_signature,
        (
            "curl -o report.csv 'https://acme-exports.s3.us-east-1.amazonaws.com/2024/report.csv"
            "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=@AKID@%2F20240514%2Fus-east-1%2Fs3%2Faws4_request"
            "&X-Amz-Date=20240514T091244Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=@S@'\n",
            'presigned = "https://acme-media.s3.amazonaws.com/u/42.png?X-Amz-Algorithm=AWS4-HMAC-SHA256'
            '&X-Amz-Date=20240514T091244Z&X-Amz-SignedHeaders=host&X-Amz-Expires=900&X-Amz-Signature=@S@"\n',
        ),
        (
            "Download URL: https://acme-backups.s3.eu-west-1.amazonaws.com/db.tar.gz?X-Amz-Signature=@S@"
            "&X-Amz-Date=20240514T091244Z&X-Amz-Expires=600\n",
            '{"upload_url": "https://acme-uploads.s3.amazonaws.com/incoming/a.bin?X-Amz-Expires=300'
            '&X-Amz-Signature=@S@&X-Amz-SignedHeaders=host"}\n',
        ),
    ),
    Class(
        "gcs-signed-url",
        gcs_signature,
        (
            "wget 'https://storage.googleapis.com/acme-artifacts/build.zip?X-Goog-Algorithm=GOOG4-RSA-SHA256"
            "&X-Goog-Date=20240514T091244Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host&X-Goog-Signature=@S@'\n",
        ),
        (
            "signed_url: https://storage.googleapis.com/acme-models/w.bin?X-Goog-Signature=@S@"
            "&X-Goog-Expires=3600\n",
        ),
    ),
    Class(
        "query-credential",
        query_token,
        (
            "GET /api/v2/export?format=csv&access_token=@S@ HTTP/1.1\n",
            "Fetching https://api.acme-corp.io/feed?page=2&token=@S@&sort=desc\n",
            "webhook: https://hooks.acme-corp.io/ingest?source=github&secret=@S@\n",
            '  "callback": "https://app.acme-corp.io/oauth/callback?client_id=web&client_secret=@S@"\n',
            "curl 'https://maps.acme-corp.io/tiles/3/4/5.png?apikey=@S@'\n",
        ),
        (
            '127.0.0.1 - - [14/May/2024:09:12:44 +0000] "GET /download?id=77&sig=@S@ HTTP/1.1" 200 512\n',
            "redirecting to https://sso.acme-corp.io/continue?auth=@S@&next=%2Fdashboard\n",
            'requests.get(f"{BASE}/v1/search?q=retry&api_key=@S@")  # TODO move to header\n',
            "[info] proxy upstream https://metrics.acme-corp.io/push?job=node&password=@S@\n",
        ),
    ),
    Class(
        "cookie",
        cookie_value,
        (
            "> GET /account HTTP/1.1\n> Host: app.acme-corp.io\n> Cookie: sessionid=@S@; theme=dark\n",
            "< HTTP/1.1 302 Found\n< Set-Cookie: session=@S@; Path=/; HttpOnly; Secure; SameSite=Lax\n",
            "curl -b 'connect.sid=@S@' https://app.acme-corp.io/api/me\n",
        ),
        (
            'headers: {"cookie": "_gh_sess=@S@; logged_in=yes"}\n',
            "set-cookie: auth_token=@S@; Domain=.acme-corp.io; Max-Age=86400; Path=/\n",
            'document.cookie = "remember_token=@S@; path=/; max-age=2592000";\n',
        ),
    ),
    Class(
        "k8s-secret",
        k8s_secret_value,
        (
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: api-credentials\n  namespace: prod\n"
            "type: Opaque\ndata:\n  database-url: @S@\n  log-level: aW5mbw==\n",
            "$ kubectl get secret registry -o yaml\napiVersion: v1\ndata:\n  .dockerconfigjson: @S@\n"
            "kind: Secret\nmetadata:\n  name: registry\ntype: kubernetes.io/dockerconfigjson\n",
        ),
        (
            '{"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "smtp"}, '
            '"data": {"relay": "@S@"}, "type": "Opaque"}\n',
            '---\nkind: Secret\napiVersion: v1\nmetadata:\n  name: stripe\nstringData:\n  webhook: "@S@"\n',
        ),
    ),
    Class(
        "service-account-key-id",
        private_key_id,
        (
            '{\n  "type": "service_account",\n  "project_id": "acme-prod",\n  "private_key_id": "@S@",\n'
            '  "client_email": "deployer@acme-prod.iam.gserviceaccount.com"\n}\n',
        ),
        (
            'cat key.json | jq .\n{"type":"service_account","private_key_id":"@S@","client_id":"10484204437"}\n',
        ),
    ),
    Class(
        "cli-password",
        cli_password,
        (
            "$ mysql -h db.internal -uroot -p@S@ shop -e 'select 1'\n",
            "PGPASSWORD=@S@ psql -h db.internal -U app -d app -c '\\dt'\n",
            "+ pg_dump --host=db.internal --username=app --password=@S@ app > app.sql\n",
            "redis-cli -h cache.internal -a '@S@' PING\n",
        ),
        (
            "  311  MYSQL_PWD='@S@' mysqldump --all-databases | gzip > all.sql.gz\n",
            "$ ldapsearch -x -D cn=admin,dc=acme,dc=io -w @S@ -b dc=acme,dc=io\n",
            'subprocess.run(["mysql", "-u", "app", "--password=@S@", "-e", "SELECT 1"])\n',
            "psql 'host=db.internal user=app password=@S@ dbname=app sslmode=require'\n",
        ),
    ),
    Class(
        "auth-basic",
        basic_credentials,
        (
            "> Authorization: Basic @S@\n",
            "curl -H 'authorization: basic @S@' https://ci.acme-corp.io/api/json\n",
        ),
        (
            "Proxy-Authorization: Basic @S@\r\nHost: api.acme-corp.io\r\n",
            'req.Header.Set("Authorization", "Basic @S@")\n',
        ),
    ),
    Class(
        "auth-scheme",
        scheme_credential,
        (
            "curl -H 'Authorization: SSWS @S@' https://acme.okta.com/api/v1/users\n",
            'curl -H "Authorization: Splunk @S@" https://splunk.acme-corp.io:8088/services/collector\n',
            "headers = {'Authorization': 'ApiKey @S@'}\n",
        ),
        (
            "Authorization: Key @S@\n",
            '{"headers": {"Authorization": "Token token=@S@", "Accept": "application/json"}}\n',
            "http GET api.acme-corp.io/v1/me 'Authorization:Api-Key @S@'\n",
        ),
    ),
    Class(
        "auth-digest",
        digest_response,
        (
            'Authorization: Digest username="ops", realm="acme", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c0",'
            ' uri="/admin", response="@S@", qop=auth, nc=00000001, cnonce="0a4f113b"\n',
        ),
        ('> Authorization: Digest username="ci", realm="nexus", uri="/repo", response="@S@"\n',),
    ),
    Class(
        "url-encoded-email",
        encoded_email,
        (
            "GET /api/users/lookup?email=@S@ HTTP/1.1\n",
            "https://sso.acme-corp.io/login?login_hint=@S@&prompt=consent\n",
        ),
        (
            "mailto%3A@S@\n",
            '{"next": "/invite?to=@S@&role=viewer"}\n',
        ),
    ),
    # Common kinds, in contexts the first corpus does not use.
    Class(
        "vendor-token",
        vendor_token,
        (
            'variable "token" {\n  default = "@S@"\n}\n',
            '$env:ACME_TOKEN = "@S@"\n',
            "ARG NPM_AUTH=@S@\n",
        ),
        (
            "set GH_AUTH=@S@\r\n",
            "acme.client.secret=@S@\n",
            "WARN token @S@ expires in 3 days\n",
        ),
        prefixed=True,
    ),
    Class(
        "generic-secret",
        fakes.api_secret,
        (
            "spring.datasource.password=@S@\n",
            "  client_secret: @S@\n",
            "SECRET_KEY_BASE=@S@\n",
        ),
        (
            '<add key="StorageSecret" value="@S@" />\n',
            'webhook_signing_secret = "@S@"\n',
            "--db-pass @S@\n",
        ),
    ),
)

# Near misses, beside each class: lines that must come out unchanged.
KEEP_TUNING = (
    "Order 123-45-678 shipped; invoice 2024-05-14; case 000-12-3456 closed\n",
    "ISBN 978-3-16-148410-0, part no. 12-345-6789, call 555-0100\n",
    "https://acme-corp.io/search?q=retry+policy&page=2&sort=asc&per_page=50\n",
    "GET /api/items?limit=20&offset=40&include=tags HTTP/1.1\n",
    "< Set-Cookie: theme=dark; Path=/; Max-Age=31536000; SameSite=Lax\n",
    "Cookie support: enabled. Cookies are cleared on logout.\n",
    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\ndata:\n  LOG_LEVEL: info\n  REGION: eu-west-1\n",
    ': "${OPENAI_API_KEY:?must be set}"\n',
    'PASSWORD="${DB_PASSWORD:-}"\n',
    "docker run -p 8080:80 -p 5432:5432 postgres:16\n",
    "mysql -u root -p < schema.sql\n",
    "--password-file /run/secrets/db_password\n",
    "Authorization: required (see docs/auth.md)\n",
    "The Basic authentication scheme is described in RFC 7617.\n",
    "progress: 100%40 files\n",
    "# private_key_id is rotated by the key manager\n",
)
KEEP_HELD_BACK = (
    "Ticket ACME-123-45-6789: patient chart 12/31/1999\n",
    "version 2.14.3-45-g6789abc (dirty)\n",
    "https://docs.acme-corp.io/guide?section=auth&lang=en#tokens\n",
    "fetch('/api/search?query=' + encodeURIComponent(q) + '&limit=10')\n",
    "Set-Cookie attributes: Path, Domain, Expires, Max-Age, Secure, HttpOnly, SameSite\n",
    "kubectl create secret generic db --from-file=./password.txt\n",
    "kind: Secret\nmetadata:\n  name: tls\ntype: kubernetes.io/tls\n",
    'API_KEY="${API_KEY:=}"\n',
    "echo ${GITHUB_TOKEN:+set}\n",
    "ssh -p 2222 deploy@203.0.113.5\n",
    "psql -h db.internal -U app -W\n",
    'headers["Authorization"] = f"Bearer {token}"\n',
    "the Digest scheme (RFC 7616) replaced MD5 with SHA-256\n",
    "encoded: a%40b is how @ looks in a query string\n",
    '"private_key_id": "",\n',
    "scale to 45% and 6789 rows\n",
)

PART_SEEDS = {"tuning": 20261203, "held_back": 19700101}


def build(part: str, per_class: int = 30) -> tuple[list[Instance], list[str]]:
    """The labelled instances of one part (``tuning`` or ``held_back``) and its must-survive documents."""
    rng = random.Random(PART_SEEDS[part])
    instances = []
    for item in CLASSES:
        templates: tuple[str, ...] = getattr(item, part)
        for index in range(per_class):
            instances.append(_instance(item, templates[index % len(templates)], rng))
    keep = list(KEEP_TUNING if part == "tuning" else KEEP_HELD_BACK)
    return instances, keep


def _instance(item: Class, template: str, rng: random.Random) -> Instance:
    secret = item.make(rng)
    filled = template.replace("@AKID@", fakes.aws_access_key(rng))
    before, _, after = filled.partition("@S@")
    doc = before + secret + after
    if rng.random() < 0.2:  # some arrive inside a JSON transcript line, escaped
        doc = json.dumps({"type": "tool_result", "content": doc})
        secret = json.dumps(secret)[1:-1]
    start = doc.index(secret)
    return Instance(item.name, doc, start, start + len(secret))


PREFIXED = frozenset(item.name for item in CLASSES if item.prefixed)
FRAGMENT = 6  # a removed secret must leave no run of this many of its characters behind


_TOKENS = re.compile(r"\[REDACTED:[a-z0-9\-]+\]")


def leaves_fragment(instance: Instance, scrubbed: str) -> bool:
    """Whether a `FRAGMENT`-character piece of the secret is in ``scrubbed`` more often than the rest of
    the document held it (redaction tokens aside)."""
    secret, doc = instance.secret, instance.doc
    rest = doc[: instance.start] + "\0" + doc[instance.end :]
    scrubbed = _TOKENS.sub("\0", scrubbed)
    size = min(FRAGMENT, len(secret))
    pieces = {secret[i : i + size] for i in range(len(secret) - size + 1)}
    return any(scrubbed.count(piece) > rest.count(piece) for piece in pieces)


@attrs.frozen
class PartMeasurement:
    """Recall, recall with no fragment left, and keep-rate of `scrub_text` on one part of this corpus."""

    part: str
    recall: float  # the secret's text is gone
    prefixed_recall: float  # the same, over the vendor tokens with a known prefix
    clean_recall: float  # gone and no FRAGMENT-character piece of it left behind
    keep_rate: float  # must-survive lines that come out unchanged
    recall_by_class: tuple[tuple[str, float], ...]
    secrets: int
    lines: int
    misses: tuple[Instance, ...]  # the secret survived, or a fragment of it did
    changed_lines: tuple[tuple[str, str], ...]


def measure_part(part: str, per_class: int = 30) -> PartMeasurement:
    """Scrub every document of `part` alone and score the result against its labels."""
    instances, keep = build(part, per_class)
    found: dict[str, list[bool]] = {}
    clean, misses = 0, []
    for instance in instances:
        scrubbed = scrub_text(instance.doc).text
        gone = instance.secret not in scrubbed
        found.setdefault(instance.category, []).append(gone)
        if gone and not leaves_fragment(instance, scrubbed):
            clean += 1
        else:
            misses.append(instance)
    kept, lines, changed = 0, 0, []
    for document in keep:
        for before, after in zip(document.split("\n"), scrub_text(document).text.split("\n"), strict=True):
            lines += 1
            kept += before == after
            if before != after:
                changed.append((before, after))
    prefixed = [gone for name, results in found.items() if name in PREFIXED for gone in results]
    return PartMeasurement(
        part=part,
        recall=sum(sum(results) for results in found.values()) / len(instances),
        prefixed_recall=sum(prefixed) / len(prefixed) if prefixed else 1.0,
        clean_recall=clean / len(instances),
        keep_rate=kept / lines,
        recall_by_class=tuple(sorted((name, sum(r) / len(r)) for name, r in found.items())),
        secrets=len(instances),
        lines=lines,
        misses=tuple(misses),
        changed_lines=tuple(changed),
    )
