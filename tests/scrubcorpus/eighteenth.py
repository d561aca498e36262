"""The eighteenth held-back scrub corpus: twelve settings no earlier part covered, labelled from the policy alone.

Settings: HPC and scientific computing, embedded and IoT, streaming and media, CMS, telephony and VoIP, network
equipment, fintech and banking exports, travel and logistics, legal documents and e-signatures, LLM tooling
configs, browser and extension development, game development. The labels follow the scrubber's published policy
(its package docstring) and nothing else: what it says goes is a `Secret`, what it says stays (and look-alikes
of secrets) is a `Keep`, and what it leaves open is not labelled.

Every value is a fake drawn at build time from a seeded `random.Random`, valid for its format where the format
has a check (CRC32 checksums, Luhn, IBAN mod-97, SSN ranges, JWT and PEM layouts); no secret-shaped literal stands
in this source. Each document is delivered as plain text, a JSON transcript line, an added-lines diff, numbered
lines, CI log lines or a Markdown fence, and labels are the secrets' exact text as delivered. The measure reports
aggregates only, never a value or a per-document result.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import random
import string
import uuid
import zlib
from collections import Counter
from collections.abc import Callable, Mapping

import attrs

DEFAULT_SEED = 20261218

B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
ALNUM = string.ascii_letters + string.digits
URLSAFE = ALNUM + "-_"
HEX = "0123456789abcdef"
B32 = string.ascii_uppercase + "234567"
PW_SYMBOLS = "!#%*+-.=?^_~"

RESERVED_EMAIL_DOMAINS: frozenset[str] = frozenset(
    {"example.com", "example.org", "example.net", "corp.example", "mail.test", "host.invalid", "localhost"}
)

VENDOR_CLASSES: frozenset[str] = frozenset(
    {
        "github-token",
        "npm-token",
        "gitlab-token",
        "slack-token",
        "stripe-key",
        "openai-key",
        "anthropic-key",
        "aws-access-key",
        "google-api-key",
        "pypi-token",
        "huggingface-token",
        "sendgrid-key",
        "twilio-key",
        "shopify-token",
        "digitalocean-token",
        "sentry-token",
        "linear-key",
        "databricks-token",
        "doppler-token",
        "vault-token",
        "plaid-token",
    }
)

DELIVERIES = ("plain", "json", "diff", "numbered", "ci", "fence")


@attrs.frozen
class Secret:
    cls: str
    text: str
    offset: int


@attrs.frozen
class Keep:
    text: str
    offset: int


@attrs.frozen
class Document:
    name: str
    setting: str
    delivery: str
    text: str
    secrets: tuple[Secret, ...]
    keeps: tuple[Keep, ...]


# ---------------------------------------------------------------- checks


def luhn_ok(number: str) -> bool:
    """Whether a card number (spaces and dashes allowed) passes the Luhn check."""
    digits = [int(c) for c in number if c.isdigit()]
    if len(digits) < 12:
        return False
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


IBAN_LENGTHS = {"DE": 22, "GB": 22, "NL": 18, "FR": 27, "ES": 24, "BE": 16, "IT": 27, "AT": 20, "CH": 21}


def _iban_number(s: str) -> int:
    return int("".join(str(int(c, 36)) for c in s))


def iban_ok(iban: str) -> bool:
    """Whether an IBAN (compact or in groups of four) has its country's length and a valid mod-97 check."""
    s = iban.replace(" ", "")
    if len(s) < 4 or IBAN_LENGTHS.get(s[:2]) != len(s) or not s.isalnum():
        return False
    return _iban_number(s[4:] + s[:4]) % 97 == 1


def ssn_ok(ssn: str) -> bool:
    """Whether an SSN (3-2-4, dashes optional) lies in the ranges the SSA issues."""
    s = ssn.replace("-", "")
    if len(s) != 9 or not s.isdigit():
        return False
    area, group, serial = int(s[:3]), int(s[3:5]), int(s[5:])
    return 0 < area < 900 and area != 666 and group > 0 and serial > 0


def _published_test_cards() -> frozenset[str]:
    return frozenset({"4242" * 4, "4111" + "1" * 12, "5555" * 3 + "4444", "4000" + "0566" + "5566" + "5556"})


# ---------------------------------------------------------------- generators


FIRST = [
    "Priya",
    "Tomasz",
    "Ingrid",
    "Kwame",
    "Mireille",
    "Dorian",
    "Saoirse",
    "Henrik",
    "Yusuf",
    "Ottilie",
    "Rafael",
    "Annika",
    "Thiago",
    "Wen",
    "Malak",
    "Casimir",
    "Eleni",
    "Bjorn",
    "Aurelie",
    "Declan",
    "Ifeoma",
    "Lorenzo",
    "Marisol",
    "Teodor",
    "Hana",
    "Fintan",
    "Zofia",
    "Emeka",
    "Solveig",
    "Anselm",
]
LAST = [
    "Raman",
    "Wisniewski",
    "Halvorsen",
    "Mensah",
    "Aubert",
    "Castellanos",
    "Brannigan",
    "Lindqvist",
    "Demir",
    "Fairweather",
    "Okonkwo",
    "Szabo",
    "Vasquez",
    "Nakamura",
    "Ferreira",
    "Abernathy",
    "Kowalczyk",
    "Oyelaran",
    "Marchetti",
    "Thorsen",
    "Delacroix",
    "Petrenko",
    "Quennell",
    "Ibarra",
]
COMPANIES = [
    "lumenfold",
    "brightkiln",
    "quaywell",
    "tessaline",
    "corvane",
    "hollowmere",
    "fernvault",
    "stratalink",
    "mossgate",
    "pinecrest",
    "driftmark",
    "ardentia",
    "velloway",
]
TLDS = ("io", "com", "net", "co.uk", "de", "dev")
USERS = (
    "mkowalczyk",
    "tfairweather",
    "ihalvorsen",
    "dcastellanos",
    "abernathy2",
    "zszabo_lab",
    "rvasquez",
    "hnaka",
)
WORDS = [
    "lilac",
    "mango",
    "harbor",
    "falcon",
    "cinder",
    "quartz",
    "willow",
    "ember",
    "tundra",
    "maple",
    "basalt",
    "orchid",
    "comet",
]


def _chars(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _b62(n: int) -> str:
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = B62[r] + out
    return out or "0"


def crc_token(rng: random.Random, prefix: str) -> str:
    """A GitHub/npm layout token: prefix, 30 base62, 6-char base62 CRC32 of those 30."""
    body = _chars(rng, B62, 30)
    return prefix + body + _b62(zlib.crc32(body.encode())).rjust(6, "0")


def luhn_card(rng: random.Random) -> str:
    while True:
        head = rng.choice(("4", "51", "53", "37"))
        length = 15 if head == "37" else 16
        body = head + _chars(rng, string.digits, length - len(head) - 1)
        for d in string.digits:
            if luhn_ok(body + d):
                card = body + d
                break
        if card not in _published_test_cards():
            return card


def iban(rng: random.Random, country: str | None = None) -> str:
    cc = country or rng.choice(sorted(IBAN_LENGTHS))
    n = IBAN_LENGTHS[cc] - 4
    if cc in ("GB", "NL"):
        bban = _chars(rng, string.ascii_uppercase, 4) + _chars(rng, string.digits, n - 4)
    elif cc == "IT":
        bban = rng.choice(string.ascii_uppercase) + _chars(rng, string.digits, n - 1)
    else:
        bban = _chars(rng, string.digits, n)
    check = 98 - _iban_number(bban + cc + "00") % 97
    return f"{cc}{check:02d}{bban}"


def grouped(s: str) -> str:
    return " ".join(s[i : i + 4] for i in range(0, len(s), 4))


def ssn(rng: random.Random) -> str:
    while True:
        area = rng.randint(1, 899)
        if area != 666:
            return f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"


def b64(rng: random.Random, nbytes: int, urlsafe: bool = False) -> str:
    raw = bytes(rng.getrandbits(8) for _ in range(nbytes))
    if urlsafe:
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")
    return base64.b64encode(raw).decode()


def jwt(rng: random.Random) -> str:
    def enc(obj: Mapping[str, object]) -> str:
        return base64.urlsafe_b64encode(json.dumps(obj, separators=(",", ":")).encode()).decode().rstrip("=")

    now = 1_790_000_000 + rng.randint(0, 9_999_999)
    header = {"alg": rng.choice(("HS256", "RS256")), "typ": "JWT"}
    payload = {"sub": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "iat": now, "exp": now + 3600}
    return f"{enc(header)}.{enc(payload)}.{b64(rng, 32, urlsafe=True)}"


def pem_lines(rng: random.Random) -> list[str]:
    body = b64(rng, 121)
    return [body[i : i + 64] for i in range(0, len(body), 64)]


def password(rng: random.Random) -> str:
    while True:
        pw = (
            rng.choice(string.ascii_uppercase)
            + _chars(rng, string.ascii_lowercase + string.digits, rng.randint(6, 10))
            + rng.choice(PW_SYMBOLS)
            + _chars(rng, ALNUM + PW_SYMBOLS, rng.randint(3, 7))
        )
        if len(set(pw)) >= 8:
            return pw


def url_password(rng: random.Random) -> str:
    return _chars(rng, ALNUM, rng.randint(14, 22)) + rng.choice("-_.~") + _chars(rng, ALNUM, 4)


def private_ip(rng: random.Random) -> str:
    kind = rng.randrange(3)
    a, b, c = rng.randint(0, 254), rng.randint(1, 254), rng.randint(2, 250)
    if kind == 0:
        return f"10.{a}.{b}.{c}"
    if kind == 1:
        return f"172.{rng.randint(16, 31)}.{b}.{c}"
    return f"192.168.{b}.{c}"


def public_ip(rng: random.Random) -> str:
    first = rng.choice((23, 34, 45, 51, 62, 77, 81, 89, 94, 104, 141, 151, 185, 212))
    return f"{first}.{rng.randint(1, 254)}.{rng.randint(1, 254)}.{rng.randint(2, 250)}"


def phone(rng: random.Random) -> str:
    style = rng.randrange(3)
    if style == 0:
        area = rng.randint(201, 989)
        exch = rng.choice([x for x in range(201, 999) if x != 555])
        return f"+1 {area} {exch} {rng.randint(1000, 9999)}"
    if style == 1:
        return f"+49 15{rng.randint(1, 9)} {rng.randint(1000000, 9999999)}"
    return f"+44 7{rng.randint(400, 699)} {rng.randint(100000, 999999)}"


def hexs(rng: random.Random, n: int) -> str:
    return _chars(rng, HEX, n)


def a_uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


VENDOR_ENV: dict[str, tuple[str, Callable[[random.Random], str]]] = {
    "github-token": ("GITHUB_PERSONAL_ACCESS_TOKEN", lambda r: crc_token(r, "ghp_")),
    "npm-token": ("NPM_TOKEN", lambda r: crc_token(r, "npm_")),
    "gitlab-token": ("GITLAB_TOKEN", lambda r: "glpat-" + _chars(r, URLSAFE, 20)),
    "slack-token": (
        "SLACK_BOT_TOKEN",
        lambda r: (
            f"xoxb-{_chars(r, string.digits, 11)}-{_chars(r, string.digits, 13)}-{_chars(r, ALNUM, 24)}"
        ),
    ),
    "stripe-key": ("STRIPE_SECRET_KEY", lambda r: "sk_live_" + _chars(r, ALNUM, 58)),
    "openai-key": ("OPENAI_API_KEY", lambda r: "sk-proj-" + _chars(r, ALNUM, 64)),
    "anthropic-key": ("ANTHROPIC_API_KEY", lambda r: "sk-ant-api03-" + _chars(r, URLSAFE, 93) + "AA"),
    "aws-access-key": ("AWS_ACCESS_KEY_ID", lambda r: "AKIA" + _chars(r, B32, 16)),
    "google-api-key": ("GOOGLE_API_KEY", lambda r: "AIza" + _chars(r, URLSAFE, 35)),
    "pypi-token": ("TWINE_PASSWORD", lambda r: "pypi-AgEIcHlwaS5vcmc" + _chars(r, URLSAFE, 70)),
    "huggingface-token": ("HF_TOKEN", lambda r: "hf_" + _chars(r, string.ascii_letters, 34)),
    "sendgrid-key": ("SENDGRID_API_KEY", lambda r: f"SG.{_chars(r, URLSAFE, 22)}.{_chars(r, URLSAFE, 43)}"),
    "twilio-key": ("TWILIO_API_KEY", lambda r: "SK" + hexs(r, 32)),
    "shopify-token": ("SHOPIFY_ACCESS_TOKEN", lambda r: "shpat_" + hexs(r, 32)),
    "digitalocean-token": ("DIGITALOCEAN_TOKEN", lambda r: "dop_v1_" + hexs(r, 64)),
    "sentry-token": ("SENTRY_AUTH_TOKEN", lambda r: "sntryu_" + hexs(r, 64)),
    "linear-key": ("LINEAR_API_KEY", lambda r: "lin_api_" + _chars(r, ALNUM, 40)),
    "databricks-token": ("DATABRICKS_TOKEN", lambda r: "dapi" + hexs(r, 32)),
    "doppler-token": ("DOPPLER_TOKEN", lambda r: "dp.st.prd." + _chars(r, ALNUM, 43)),
    "vault-token": ("VAULT_TOKEN", lambda r: "hvs." + _chars(r, ALNUM, 24)),
    "plaid-token": ("PLAID_ACCESS_TOKEN", lambda r: "access-production-" + a_uuid(r)),
}


@attrs.define
class Gen:
    """Draws fakes for one document and records what each template labels."""

    rng: random.Random
    totals: Counter[str]
    secrets: list[tuple[str, str]] = attrs.field(factory=list)
    keeps: list[str] = attrs.field(factory=list)

    def s(self, cls: str, value: str) -> str:
        self.secrets.append((cls, value))
        return value

    def k(self, value: str) -> str:
        self.keeps.append(value)
        return value

    def least(self, classes: tuple[str, ...] | list[str]) -> str:
        low = min(self.totals[c] for c in classes)
        return self.rng.choice(sorted(c for c in classes if self.totals[c] == low))

    def vendor(self, pool: tuple[str, ...] | None = None) -> tuple[str, str]:
        """The least-used vendor class of a pool: its variable name and a fresh labelled token."""
        cls = self.least(pool or tuple(sorted(VENDOR_CLASSES)))
        name, make = VENDOR_ENV[cls]
        self.totals[cls] += 1
        return name, self.s(cls, make(self.rng))

    def name(self) -> tuple[str, str]:
        return self.rng.choice(FIRST), self.rng.choice(LAST)

    def person(self) -> str:
        first, last = self.name()
        return self.s("person-name", f"{first} {last}")

    def email(self, first: str | None = None, last: str | None = None) -> str:
        f, la = first or self.rng.choice(FIRST), last or self.rng.choice(LAST)
        domain = f"{self.rng.choice(COMPANIES)}.{self.rng.choice(TLDS)}"
        return self.s("email", f"{f.lower()}.{la.lower()}@{domain}")

    def pw(self) -> str:
        return self.s("password", password(self.rng))

    def ip(self) -> str:
        r = self.rng
        return self.s("ip-address", private_ip(r) if r.random() < 0.7 else public_ip(r))

    def user(self) -> str:
        return self.s("home-user", self.rng.choice(USERS))

    def company(self) -> str:
        return self.rng.choice(COMPANIES)

    # look-alikes
    def k_email(self) -> str:
        first, _last = self.name()
        return self.k(f"{first.lower()}@{self.rng.choice(sorted(RESERVED_EMAIL_DOMAINS - {'localhost'}))}")

    def k_ip(self) -> str:
        r = self.rng
        return self.k(
            r.choice(
                (
                    "127.0.0.1",
                    "0.0.0.0",
                    "8.8.8.8",
                    "1.1.1.1",
                    "255.255.255.0",
                    f"192.0.2.{r.randint(2, 250)}",
                    f"198.51.100.{r.randint(2, 250)}",
                    f"203.0.113.{r.randint(2, 250)}",
                    f"169.254.{r.randint(1, 254)}.{r.randint(2, 250)}",
                    f"239.255.{r.randint(1, 254)}.{r.randint(2, 250)}",
                )
            )
        )

    def k_sha(self) -> str:
        return self.k(hexs(self.rng, 40))

    def k_placeholder(self) -> str:
        return self.k(
            self.rng.choice(("changeme", "<your-api-key>", "${API_TOKEN}", "****", "<YOUR_TOKEN_HERE>"))
        )

    def k_bad_iban(self) -> str:
        good = iban(self.rng)
        bad = good[:2] + f"{(int(good[2:4]) + 7) % 97 + 2:02d}" + good[4:]
        return self.k(bad if not iban_ok(bad) else good[:-1] + str((int(good[-1]) + 1) % 10))

    def k_filler(self) -> str:
        return self.k(self.rng.choice(("ghp_" + "x" * 36, "sk-" + "." * 3, "AKIA" + "IOSFODNN7" + "EXAMPLE")))

    def k_test_card(self) -> str:
        return self.k(" ".join(["4242"] * 4))


Template = Callable[[Gen], str]


# ---------------------------------------------------------------- HPC and scientific computing


def hpc_slurm(g: Gen) -> str:
    r = g.rng
    user = g.user()
    env_name, tok = g.vendor(("huggingface-token", "databricks-token", "github-token", "vault-token"))
    return (
        "#!/bin/bash\n"
        f"#SBATCH --job-name=train-{r.choice(WORDS)}\n"
        f"#SBATCH --nodes={r.randint(1, 8)}\n#SBATCH --gres=gpu:a100:4\n"
        f"#SBATCH --mail-user={g.k_email()}\n#SBATCH --mail-type=END,FAIL\n"
        f"#SBATCH --output=/home/{user}/logs/%x-%j.out\n\n"
        "module load cuda/12.4 anaconda3/2024.06\n"
        f"export MASTER_ADDR={g.k('127.0.0.1')}\n"
        f"export {env_name}={tok}\n"
        f"cd ~/runs && srun python train.py --config cfg/{r.choice(WORDS)}.yaml\n"
    )


def hpc_jupyter(g: Gen) -> str:
    r = g.rng
    tok = g.s("token", hexs(r, 48))
    node = r.choice(("cn041", "gpu07", "node112"))
    return (
        f"[I 2026-11-{r.randint(10, 28)} 09:14:02.118 ServerApp] jupyterlab | extension was successfully loaded.\n"
        f"[I 2026-11-{r.randint(10, 28)} 09:14:02.121 ServerApp] Serving notebooks from local directory: "
        f"/scratch/proj/notebooks\n"
        "[I ServerApp] Jupyter Server 2.14.2 is running at:\n"
        f"[I ServerApp] http://{node}:8888/lab?token={tok}\n"
        f"[I ServerApp]     http://{g.k('127.0.0.1')}:8888/lab?token={tok}\n"
        "[I ServerApp] Use Control-C to stop this server and shut down all kernels.\n"
    )


def hpc_pip(g: Gen) -> str:
    r = g.rng
    user = r.choice(("deploy", "ci-reader", "builder"))
    pw = g.s("connection-password", url_password(r))
    gl = g.vendor(("gitlab-token", "pypi-token"))[1]
    if gl.startswith("glpat-"):
        extra = f"extra-index-url = https://__token__:{gl}@gitlab.{g.company()}.io/api/v4/projects/41/packages/pypi/simple"
    else:
        extra = f"# twine upload uses\n# [pypi]\n# username = __token__\n# password = {gl}"
    return (
        "# ~/.config/pip/pip.conf\n[global]\n"
        f"index-url = https://{user}:{pw}@artifacts.{g.company()}.io/api/pypi/pypi-remote/simple\n"
        f"{extra}\ntimeout = 60\n\n# ~/.condarc\nchannels:\n  - conda-forge\n  - defaults\n"
        f"ssl_verify: true\nproxy_servers:\n  https: http://{g.k('127.0.0.1')}:3128\n"
    )


def hpc_mlflow(g: Gen) -> str:
    r = g.rng
    env_name, tok = g.vendor(("databricks-token", "aws-access-key", "huggingface-token"))
    return (
        "$ env | grep -E 'MLFLOW|WANDB|DATABRICKS|AWS|HF_'\n"
        f"MLFLOW_TRACKING_URI=https://mlflow.{g.company()}.io\n"
        f"MLFLOW_TRACKING_USERNAME={r.choice(('svc-train', 'mlops'))}\n"
        f"{env_name}={tok}\n"
        f"WANDB_PROJECT=sweep-{r.choice(WORDS)}\n"
        f"GIT_COMMIT={g.k_sha()}\n"
    )


def hpc_pbs(g: Gen) -> str:
    r = g.rng
    user = g.user()
    return (
        f"Job Id: {r.randint(100000, 999999)}.pbs01\n"
        f"    Job_Name = md-{r.choice(WORDS)}\n"
        "    Job_Owner = svc-md@login02\n"
        f"    exec_host = {r.choice(('cn041', 'cn112', 'gpu07'))}/0*32\n"
        f"    Output_Path = login02:/home/{user}/md/out.log\n"
        f"    Mail_Users = {g.k_email()}\n"
        f"    Variable_List = PBS_O_HOST=login02,PBS_O_QUEUE=gpu,{'='.join(g.vendor())}\n"
        f"    resources_used.walltime = 0{r.randint(1, 9)}:12:44\n"
    )


# ---------------------------------------------------------------- embedded and IoT


def iot_sketch(g: Gen) -> str:
    r = g.rng
    return (
        "#include <WiFi.h>\n#include <PubSubClient.h>\n\n"
        f'const char* ssid = "{r.choice(WORDS).title()}Net-5G";\n'
        f'const char* password = "{g.pw()}";\n'
        f'const char* mqtt_server = "{g.k("broker.local")}";\n'
        'const char* mqtt_user = "sensor01";\n'
        "#define LED_PIN 2\n\nvoid setup() {\n  Serial.begin(115200);\n  WiFi.begin(ssid, password);\n}\n"
    )


def iot_azure(g: Gen) -> str:
    r = g.rng
    key = g.s("secret", b64(r, 32))
    hub = f"{g.company()}-hub"
    return (
        "$ az iot hub device-identity connection-string show --hub-name "
        f"{hub} --device-id esp32-{r.randint(1, 99):02d}\n"
        "{\n"
        f'  "connectionString": "HostName={hub}.azure-devices.net;DeviceId=esp32-{r.randint(1, 99):02d};'
        f'SharedAccessKey={key}"\n'
        "}\n"
    )


def iot_aws(g: Gen) -> str:
    r = g.rng
    lines = pem_lines(r)
    for line in lines:
        g.s("private-key", line)
    body = "\n".join(lines)
    return (
        f"// secrets.h for thing {r.choice(WORDS)}-{r.randint(1, 99)}\n"
        f'#define AWS_IOT_ENDPOINT "{_chars(r, string.ascii_lowercase + string.digits, 14)}-ats.iot.'
        'eu-west-1.amazonaws.com"\n'
        'static const char AWS_CERT_PRIVATE[] = R"KEY(\n-----BEGIN EC PRIVATE KEY-----\n'
        f'{body}\n-----END EC PRIVATE KEY-----\n)KEY";\n'
    )


def iot_platformio(g: Gen) -> str:
    r = g.rng
    return (
        "; platformio.ini\n[env:esp32dev]\nplatform = espressif32\nboard = esp32dev\nframework = arduino\n"
        f"upload_protocol = espota\nupload_port = {g.ip()}\n"
        f"; {g.vendor(('github-token', 'gitlab-token', 'npm-token'))[1]} fetches private lib_deps\n"
        f"monitor_speed = 115200\nlib_deps = knolleary/PubSubClient@^2.8\n; build {g.k_sha()}\n"
        f"; balena push fleet-{r.choice(WORDS)}\n"
    )


def iot_particle(g: Gen) -> str:
    r = g.rng
    tok = g.s("token", hexs(r, 40))
    return (
        "$ particle token create --expires-in 7776000\n"
        "? Using account " + g.k_email() + "\n"
        f"? Please enter your password: {'*' * 10}\n"
        f"New access token expires on Mon Mar {r.randint(1, 28)} 2027\n    {tok}\n"
        "$ balena login --token\n"
    )


# ---------------------------------------------------------------- streaming and media


def media_obs(g: Gen) -> str:
    r = g.rng
    key = g.s("stream-key", f"live_{r.randint(10**8, 10**9 - 1)}_{_chars(r, ALNUM, 30)}")
    return (
        "{\n"
        '    "settings": {\n'
        '        "bwtest": false,\n'
        f'        "key": "{key}",\n'
        '        "server": "rtmp://live.twitch.tv/app",\n'
        '        "service": "Twitch"\n'
        "    },\n"
        '    "type": "rtmp_common"\n'
        "}\n"
    )


def media_ffmpeg(g: Gen) -> str:
    r = g.rng
    key = g.s("stream-key", "-".join(_chars(r, string.ascii_lowercase + string.digits, 4) for _ in range(5)))
    return (
        f"$ export YOUTUBE_STREAM_KEY={key}\n"
        f"$ ffmpeg -re -i vod/ep{r.randint(1, 99)}.mp4 -c:v libx264 -preset veryfast -b:v 4500k "
        "-c:a aac -f flv rtmp://a.rtmp.youtube.com/live2/$YOUTUBE_STREAM_KEY\n"
        "ffmpeg version 7.1 Copyright (c) 2000-2024 the FFmpeg developers\n"
        "Output #0, flv, to 'rtmp://a.rtmp.youtube.com/live2/" + key + "':\n"
        f"frame= {r.randint(100, 9999)} fps= 30 q=21.0 size=   12288kB time=00:01:{r.randint(10, 59)}.00 speed=1x\n"
    )


def media_mux(g: Gen) -> str:
    r = g.rng
    cid = r.randint(10**14, 10**15 - 1)
    return (
        "# .env.local\n"
        f"MUX_TOKEN_ID={a_uuid(r)}\n"
        f"MUX_TOKEN_SECRET={g.s('secret', _chars(r, ALNUM + '+/', 75))}\n"
        f"CLOUDINARY_URL=cloudinary://{cid}:{g.s('connection-password', _chars(r, URLSAFE, 27))}@{g.company()}\n"
        f"NEXT_PUBLIC_POSTHOG_KEY={g.k('phc_' + _chars(r, ALNUM, 43))}\n"
    )


def presigned(g: Gen, bucket: str, path: str) -> str:
    r = g.rng
    sig = g.s("signed-url-signature", hexs(r, 64))
    akid = "AKIA" + _chars(r, B32, 16)
    g.s("aws-access-key", akid)
    g.totals["aws-access-key"] += 1
    return (
        f"https://{bucket}.s3.eu-central-1.amazonaws.com/{path}"
        "?X-Amz-Algorithm=AWS4-HMAC-SHA256"
        f"&X-Amz-Credential={akid}%2F20261204%2Feu-central-1%2Fs3%2Faws4_request"
        f"&X-Amz-Date=20261204T{r.randint(10, 23)}0000Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host"
        f"&X-Amz-Signature={sig}"
    )


def media_presigned(g: Gen) -> str:
    return "upload target:\n" + presigned(g, f"{g.company()}-media", f"uploads/{a_uuid(g.rng)}.mp4") + "\n"


# ---------------------------------------------------------------- CMS


def cms_wpconfig(g: Gen) -> str:
    r = g.rng
    salt_chars = ALNUM + "!#%*+-.=?^_~()[]{}<>|"
    salts = "".join(
        f"define( '{n}', '{g.s('secret', _chars(r, salt_chars, 64))}' );\n"
        for n in r.sample(["AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY", "AUTH_SALT"], 1)
    )
    return (
        "<?php\n"
        f"define( 'DB_NAME', 'wp_{r.choice(WORDS)}' );\n"
        "define( 'DB_USER', 'wpuser' );\n"
        f"define( 'DB_PASSWORD', '{g.pw()}' );\n"
        "define( 'DB_HOST', 'localhost' );\n"
        "define( 'DB_CHARSET', 'utf8mb4' );\n" + salts + "$table_prefix = 'wp_';\n"
    )


def cms_wpcli(g: Gen) -> str:
    r = g.rng
    login = r.choice(("editor2", "jsmith", "contrib"))
    return (
        f"$ wp user create {login} {g.k_email()} --role=author\n"
        f"Success: Created user {r.randint(10, 99)}.\nPassword: {g.pw()}\n"
        f"$ wp config get STRIPE_SECRET_KEY\n{g.vendor(('stripe-key', 'shopify-token', 'sendgrid-key'))[1]}\n"
        f"$ wp core version\n{g.k('6.7.1')}\n"
    )


def cms_drupal(g: Gen) -> str:
    r = g.rng
    return (
        "$databases['default']['default'] = [\n"
        f"  'database' => 'drupal_{r.choice(WORDS)}',\n  'username' => 'drupal',\n"
        f"  'password' => '{g.pw()}',\n"
        "  'host' => 'localhost',\n  'port' => '3306',\n  'driver' => 'mysql',\n];\n"
        "$settings['hash_salt'] = file_get_contents('/etc/drupal/salt.txt');\n"
    )


def cms_ghost(g: Gen) -> str:
    return (
        "{\n"
        f'  "url": "https://{g.company()}.blog",\n'
        '  "database": {\n    "client": "mysql",\n    "connection": {\n'
        f'      "host": "{g.k("127.0.0.1")}",\n      "user": "ghost",\n      "password": "{g.pw()}",\n'
        '      "database": "ghost_prod"\n    }\n  },\n'
        '  "mail": {\n    "transport": "Direct"\n  }\n}\n'
    )


def cms_strapi(g: Gen) -> str:
    return (
        "HOST=0.0.0.0\nPORT=1337\n"
        "APP_KEYS=${APP_KEYS}\n"
        f"{'='.join(g.vendor(('sendgrid-key', 'sentry-token', 'doppler-token')))}\n"
        f"DATABASE_HOST={g.k('127.0.0.1')}\n"
    )


# ---------------------------------------------------------------- telephony and VoIP


def tel_sip(g: Gen) -> str:
    r = g.rng
    ext = r.randint(6001, 6099)
    return (
        f"[{ext}]\ntype=friend\ncontext=internal\nhost=dynamic\n"
        f"secret={g.pw()}\ndisallow=all\nallow=ulaw\n"
        f'callerid="{" ".join(g.name())}" <{ext}>\n\n[trunk-{r.choice(WORDS)}]\ntype=peer\nhost=sip.carrier.net\n'
    )


def tel_pjsip(g: Gen) -> str:
    r = g.rng
    ext = r.randint(7001, 7099)
    return (
        f"[auth{ext}]\ntype=auth\nauth_type=userpass\npassword={g.pw()}\nusername={ext}\n\n"
        f"[{ext}]\ntype=aor\nmax_contacts=1\nqualify_frequency=60\n"
        f"contact=sip:{ext}@{g.k('127.0.0.1')}:5060\n"
    )


def tel_twilio(g: Gen) -> str:
    r = g.rng
    env_name, tok = g.vendor(("twilio-key", "sendgrid-key", "slack-token"))
    return (
        f"TWILIO_ACCOUNT_SID=AC{hexs(r, 32)}\n"
        f"TWILIO_AUTH_TOKEN={g.s('token', hexs(r, 32))}\n"
        f"{env_name}={tok}\n"
    )


def tel_cdr(g: Gen) -> str:
    r = g.rng
    rows = []
    for _ in range(1):
        rows.append(
            f"2026-11-{r.randint(10, 28)} {r.randint(10, 23)}:{r.randint(10, 59)}:07,{g.person()},"
            f"{g.s('phone', phone(r))},{r.randint(6001, 6099)},ANSWERED,{r.randint(5, 900)}"
        )
    return "calldate,caller_name,caller_number,dst,disposition,billsec\n" + "\n".join(rows) + "\n"


def tel_freeswitch(g: Gen) -> str:
    r = g.rng
    ext = r.randint(1000, 1099)
    return (
        f'<include>\n  <user id="{ext}">\n    <params>\n'
        f'      <param name="password" value="{g.pw()}"/>\n'
        f'      <param name="vm-password" value="{r.randint(1000, 9999)}"/>\n'
        f'    </params>\n    <variables>\n      <variable name="effective_caller_id_number" value="{ext}"/>\n'
        f'      <variable name="user_context" value="default"/>\n    </variables>\n  </user>\n</include>\n'
    )


# ---------------------------------------------------------------- network equipment


def crypt_hash(rng: random.Random, scheme: str, salt: int, digest: int) -> str:
    """A crypt(3)-layout hash: scheme, salt and digest in its alphabet."""
    alphabet = ALNUM + "./"
    return f"${scheme}${_chars(rng, alphabet, salt)}${_chars(rng, alphabet, digest)}"


def net_ios(g: Gen) -> str:
    r = g.rng
    return (
        f"hostname {r.choice(('core', 'edge', 'dist'))}-sw{r.randint(1, 9)}\n!\n"
        f"enable secret 9 {g.s('password-hash', crypt_hash(r, '9', 14, 43))}\n"
        "username netops privilege 15 secret 9 $(redacted-in-export)\n!\n"
        "interface Vlan10\n"
        f" ip address {g.ip()} {g.k('255.255.255.0')}\n!\n"
        "snmp-server community public RO\n"
        f"ip name-server {g.k('1.1.1.1')}\n"
    )


def net_mikrotik(g: Gen) -> str:
    r = g.rng
    return (
        f"# nov/{r.randint(10, 28)}/2026 by RouterOS 7.16\n"
        "/interface wireless security-profiles\n"
        f"set [ find default=yes ] authentication-types=wpa2-psk mode=dynamic-keys wpa2-pre-shared-key={g.pw()}\n"
        "/ip address\n"
        f"add address={g.k('192.168.88.0')}/24 interface=bridge network=bridge-lan\n"
        "/ppp profile\nset default-encryption use-encryption=yes\n"
    )


def net_pfsense(g: Gen) -> str:
    r = g.rng
    bc = "$2y$10$" + _chars(r, ALNUM + "./", 53)
    return (
        "<pfsense>\n  <system>\n    <user>\n      <name>admin</name>\n"
        f"      <bcrypt-hash>{g.s('password-hash', bc)}</bcrypt-hash>\n    </user>\n  </system>\n"
        f"  <interfaces>\n    <lan>\n      <ipaddr>dhcp</ipaddr>\n      <subnet>24</subnet>\n    </lan>\n"
        "  </interfaces>\n  <openvpn>\n    <openvpn-server>\n      <shared_key></shared_key>\n"
        "    </openvpn-server>\n  </openvpn>\n</pfsense>\n"
    )


def net_junos(g: Gen) -> str:
    r = g.rng
    h = "$6$" + _chars(r, ALNUM + "./", 16) + "$" + _chars(r, ALNUM + "./", 86)
    return (
        f'set system root-authentication encrypted-password "{g.s("password-hash", h)}"\n'
        "set snmp location rack-4\n"
        f"set interfaces ge-0/0/0 unit 0 family inet address {g.ip()}/30\n"
        f"set system name-server {g.k('8.8.8.8')}\n"
    )


# ---------------------------------------------------------------- fintech and banking


def fin_plaid(g: Gen) -> str:
    r = g.rng
    _, tok = g.vendor(("plaid-token", "stripe-key"))
    key = "access_token" if tok.startswith("access-") else "stripe_key"
    return (
        f"PLAID_CLIENT_ID={hexs(r, 24)}\nPLAID_SECRET={g.s('secret', hexs(r, 30))}\nPLAID_ENV=production\n\n"
        "> POST /accounts/balance/get\n"
        f'{{"client_id": "{hexs(r, 24)}", "{key}": "{tok}"}}\n'
    )


def fin_csv(g: Gen) -> str:
    r = g.rng
    rows = []
    for _ in range(1):
        rows.append(
            f"2026-10-{r.randint(10, 28)},SEPA transfer,-{r.randint(10, 999)}.{r.randint(10, 99)},"
            f"{g.person()},{g.s('iban', iban(r))}"
        )
    return "booking_date,description,amount,counterparty_name,counterparty_iban\n" + "\n".join(rows) + "\n"


def fin_mt940(g: Gen) -> str:
    r = g.rng
    acct = g.s("iban", iban(r, r.choice(("DE", "NL", "AT"))))
    return (
        f":20:STMT{r.randint(100000, 999999)}\n:25:{acct}\n:28C:{r.randint(100, 300)}/1\n"
        f":60F:C261130EUR{r.randint(1000, 99999)},00\n"
        f":61:2612010201D{r.randint(10, 999)},50NTRFNONREF\n"
        f":86:166?00SEPA-UEBERWEISUNG?20EREF+INV{r.randint(1000, 9999)}\n"
        ":62F:C261201EUR12,00\n"
    )


def fin_pain(g: Gen) -> str:
    r = g.rng
    name = g.person()
    ib = g.s("iban", grouped(iban(r)) if r.random() < 0.5 else iban(r))
    return (
        "<CdtTrfTxInf>\n  <PmtId><EndToEndId>E2E-" + str(r.randint(10000, 99999)) + "</EndToEndId></PmtId>\n"
        f'  <Amt><InstdAmt Ccy="EUR">{r.randint(10, 9999)}.00</InstdAmt></Amt>\n'
        f"  <Cdtr><Nm>{name}</Nm></Cdtr>\n  <CdtrAcct><Id><IBAN>{ib}</IBAN></Id></CdtrAcct>\n</CdtTrfTxInf>\n"
    )


def fin_card(g: Gen) -> str:
    r = g.rng
    card = g.s("credit-card", luhn_card(r))
    return (
        "{\n"
        f'  "customer_id": "cus_{_chars(r, ALNUM, 14)}",\n'
        '  "billing": {\n'
        f'    "name": "{g.person()}",\n'
        f'    "email": "{g.k_email()}"\n  }},\n'
        f'  "card_number": "{card}",\n  "exp": "0{r.randint(1, 9)}/2{r.randint(7, 9)}",\n'
        f'  "tax_id_type": "ssn",\n  "tax_id": "{g.s("ssn", ssn(r))}"\n}}\n'
    )


# ---------------------------------------------------------------- travel and logistics


def travel_booking(g: Gen) -> str:
    r = g.rng
    f, la = g.name()
    g.s("person-name", f)
    g.s("person-name", la)
    return (
        "{\n"
        f'  "booking_reference": "{_chars(r, string.ascii_uppercase, 6)}",\n'
        '  "passengers": [\n    {\n'
        f'      "first_name": "{f}",\n      "last_name": "{la}",\n'
        f'      "phone": "{g.s("phone", phone(r))}"\n'
        "    }\n  ],\n"
        f'  "segments": [{{"flight": "LH{r.randint(100, 999)}", "from": "FRA", "to": "LIS"}}]\n}}\n'
    )


def travel_shipping(g: Gen) -> str:
    r = g.rng
    rows = [
        f"1Z{_chars(r, string.ascii_uppercase + string.digits, 16)},{g.person()},{g.s('phone', phone(r))},"
        f"{r.randint(1, 200)} {r.choice(WORDS).title()} Street,DELIVERED"
        for _ in range(1)
    ]
    return "tracking_number,recipient_name,recipient_phone,address,status\n" + "\n".join(rows) + "\n"


def travel_payment(g: Gen) -> str:
    r = g.rng
    return (
        f"PUT /air/orders/ord_{_chars(r, ALNUM, 20)}/payment\n"
        '{"payment": {"card": {\n'
        f'  "number": "{g.s("credit-card", luhn_card(r))}",\n'
        f'  "cvc": "{r.randint(100, 999)}",\n  "expiry_month": "0{r.randint(1, 9)}"\n}}}}}}\n'
    )


def travel_api(g: Gen) -> str:
    r = g.rng
    bearer = g.s("authorization", _chars(r, ALNUM, 28))
    return (
        "$ curl -s https://api.amadeus.com/v1/security/oauth2/token -d grant_type=client_credentials "
        f"-d client_id={_chars(r, ALNUM, 32)} -d client_secret=$AMADEUS_SECRET\n"
        f'{{"type":"amadeusOAuth2Token","username":"{g.k_email()}","access_token":"{bearer}","expires_in":1799}}\n'
        f"$ curl -H 'Authorization: Bearer {bearer}' https://api.amadeus.com/v2/shopping/flight-offers\n"
    )


# ---------------------------------------------------------------- legal and documents


def legal_docusign(g: Gen) -> str:
    r = g.rng
    tok = g.s("jwt", jwt(r))
    return (
        f"POST /restapi/v2.1/accounts/{a_uuid(r)}/envelopes HTTP/1.1\n"
        f"Authorization: Bearer {tok}\nContent-Type: application/json\n\n"
        '{"emailSubject": "Please sign: MSA", "recipients": {"signers": [\n'
        f'  {{"name": "{g.person()}", "email": "{g.email()}", "recipientId": "1", "routingOrder": "1"}}\n'
        ']}, "status": "sent"}\n'
    )


def legal_audit(g: Gen) -> str:
    r = g.rng
    f, la = g.name()
    name = g.s("person-name", f"{f} {la}")
    return (
        f"Envelope {a_uuid(r).upper()} - Certificate of Completion\n"
        f"Signer: {name} <{g.email(f, la)}>\n"
        f"  Signed: 11/{r.randint(10, 28)}/2026 | {r.randint(1, 12)}:{r.randint(10, 59)} PM\n"
        f"  Using IP Address: {g.k(f'203.0.113.{r.randint(2, 250)}')}\n"
        f"  Signature adoption: Pre-selected style\nSender: noreply@{g.company()}.io\n"
    )


def legal_yaml(g: Gen) -> str:
    r = g.rng
    return (
        f"contract_id: CTR-{r.randint(1000, 9999)}\n"
        f"title: Master services agreement ({r.choice(WORDS)})\n"
        "owner_team: legal-ops\n"
        f"signer_ssn: {g.s('ssn', ssn(r))}\n"
        f"status: executed\nrevision: {g.k_sha()}\n"
    )


def legal_download(g: Gen) -> str:
    r = g.rng
    url = presigned(g, f"{g.company()}-contracts", f"executed/CTR-{r.randint(1000, 9999)}.pdf")
    return f"$ curl -sSLo signed.pdf '{url}'\n$ sha1sum signed.pdf\n{g.k_sha()}  signed.pdf\n"


# ---------------------------------------------------------------- LLM tooling


def llm_bedrock(g: Gen) -> str:
    r = g.rng
    _name, akid = g.vendor(("aws-access-key",))
    return (
        "# ~/.aws/credentials used by the LlamaIndex Bedrock client\n[bedrock]\n"
        f"aws_access_key_id = {akid}\n"
        f"aws_secret_access_key = {g.s('aws-secret-key', _chars(r, ALNUM + '+/', 40))}\n"
        "region = us-east-1\n"
    )


def llm_claude_desktop(g: Gen) -> str:
    root = f"/Users/{g.user()}/Projects" if g.rng.random() < 0.3 else "/opt/projects"
    n1, t1 = g.vendor()
    n2, t2 = g.vendor()
    return (
        "{\n"
        '  "mcpServers": {\n'
        '    "filesystem": {\n      "command": "npx",\n'
        f'      "args": ["-y", "@modelcontextprotocol/server-filesystem", "{root}"]\n    }},\n'
        '    "tools": {\n      "command": "npx",\n      "args": ["-y", "mcp-tools"],\n'
        f'      "env": {{ "{n1}": "{t1}", "{n2}": "{t2}" }}\n    }}\n  }}\n}}\n'
    )


def llm_cursor(g: Gen) -> str:
    pairs = [g.vendor() for _ in range(3 + (g.rng.random() < 0.4))]
    env = ",\n".join(f'        "{n}": "{t}"' for n, t in pairs)
    return (
        '{\n  "mcpServers": {\n    "ops": {\n      "url": "http://localhost:3845/sse",\n'
        f'      "env": {{\n{env}\n      }}\n    }}\n  }}\n}}\n'
    )


def llm_env(g: Gen) -> str:
    r = g.rng
    n1, t1 = g.vendor()
    n2, t2 = g.vendor()
    return (
        "# LangChain / LlamaIndex\n"
        f"{n1}={t1}\n{n2}={t2}\n"
        f"OPENROUTER_API_KEY={g.s('api-key', 'sk-or-v1-' + hexs(r, 64))}\n"
        f"OLLAMA_HOST=http://{g.k('127.0.0.1')}:11434\n"
        f"LANGCHAIN_PROJECT=rag-{r.choice(WORDS)}\n"
    )


def llm_promptlog(g: Gen) -> str:
    r = g.rng
    f, la = g.name()
    return (
        json.dumps(
            {
                "ts": f"2026-11-{r.randint(10, 28)}T10:0{r.randint(0, 9)}:00Z",
                "user_email": g.email(f, la) if r.random() < 0.5 else g.k_email(),
                "model": "gpt-4.1",
                "prompt_tokens": r.randint(100, 4000),
            }
        )
        + "\n"
        + f"POST /v1/chat/completions authorization=Bearer {g.vendor()[1]}\n"
    )


# ---------------------------------------------------------------- browser and extension dev


def web_storage(g: Gen) -> str:
    r = g.rng
    return (
        "> Object.entries(localStorage)\n"
        f"[['auth_token', '{g.s('jwt', jwt(r))}'], ['theme', 'dark'], "
        f"['anon_id', '{g.k(a_uuid(r))}'], ['avatar_url', '{presigned(g, 'avatars-' + g.company(), 'u/me.png')}']]\n"
    )


def web_playwright(g: Gen) -> str:
    r = g.rng
    sess = g.s("cookie", _chars(r, string.ascii_lowercase + string.digits, 32))
    return (
        "{\n"
        '  "cookies": [\n'
        f'    {{"name": "sessionid", "value": "{sess}", "domain": "app.{g.company()}.io", "path": "/", '
        '"httpOnly": true, "secure": true, "sameSite": "Lax"},\n'
        f'    {{"name": "_ga", "value": "{g.k(f"GA1.1.{r.randint(10**8, 10**9)}.{r.randint(10**9, 2 * 10**9)}")}", '
        '"domain": ".app.io", "path": "/"}\n'
        '  ],\n  "origins": []\n}\n'
    )


def web_publish(g: Gen) -> str:
    r = g.rng
    return (
        "# chrome web store publish\n"
        f"CLIENT_ID={r.randint(10**11, 10**12)}-{_chars(r, string.ascii_lowercase + string.digits, 32)}"
        ".apps.googleusercontent.com\n"
        f"CLIENT_SECRET={g.s('secret', 'GOCSPX-' + _chars(r, URLSAFE, 28))}\n"
        f"EXTENSION_ID={_chars(r, 'abcdefghijklmnop', 32)}\n"
        f"{'='.join(g.vendor())}\n"
    )


def web_cookie_header(g: Gen) -> str:
    r = g.rng
    return (
        f"GET /api/me HTTP/1.1\nHost: app.{g.company()}.io\n"
        f"Cookie: _ga={g.k('GA1.2.' + str(r.randint(10**8, 10**9)))}; "
        f"session={g.s('cookie', b64(r, 30, urlsafe=True))}\n"
        f"Authorization: Basic {g.s('authorization', base64.b64encode(f'admin:{password(r)}'.encode()).decode())}\n"
        f"Postman-Token: {g.k(a_uuid(r))}\n"
    )


# ---------------------------------------------------------------- game development


def game_playfab(g: Gen) -> str:
    r = g.rng
    return (
        f"PLAYFAB_TITLE_ID={_chars(r, string.ascii_uppercase + string.digits, 5)}\n"
        f"PLAYFAB_SECRET_KEY={g.s('secret', _chars(r, string.ascii_uppercase + string.digits, 52))}\n"
        f"{'='.join(g.vendor())}\n"
    )


def game_eos(g: Gen) -> str:
    r = g.rng
    return (
        "[/Script/OnlineSubsystemEOS.EOSSettings]\n"
        f'+Artifacts=(ArtifactName="Game",ClientId="xyza{_chars(r, ALNUM, 28)}",'
        f'ProductId="{hexs(r, 32)}",DeploymentId="{hexs(r, 32)}")\n'
        f"{'='.join(g.vendor(('sentry-token', 'digitalocean-token', 'linear-key')))}\n"
    )


def game_firebase(g: Gen) -> str:
    r = g.rng
    _, key = g.vendor(("google-api-key",))
    return (
        '{\n  "project_info": {\n'
        f'    "project_number": "{r.randint(10**11, 10**12)}",\n    "project_id": "{r.choice(WORDS)}-game"\n  }},\n'
        f'  "client": [{{ "api_key": [{{ "current_key": "{key}" }}] }}]\n}}\n'
    )


def game_steam(g: Gen) -> str:
    r = g.rng
    user = g.user()
    name, tok = g.vendor(("sentry-token", "github-token", "gitlab-token", "vault-token"))
    return (
        f"PS C:\\Users\\{user}\\steamworks\\tools\\ContentBuilder> "
        "$env:STEAM_PASSWORD = (Get-Secret steam-build -AsPlainText)\n"
        f"$env:{name} = '{tok}'\n"
        f"Logging in user 'build_{r.choice(WORDS)}' to Steam Public...OK\n"
        f"Building depot {r.randint(100000, 999999)}...\n"
        f"Unity project at D:/Unity/Project {g.k('2022.3.41.1')}\n"
    )


# ---------------------------------------------------------------- look-alike-only documents


def look_readme(g: Gen) -> str:
    return (
        "## Configuration\n\nSet your key before running:\n\n"
        f"    export OPENAI_API_KEY={g.k('<your-api-key>')}\n"
        f"    export DB_PASSWORD={g.k('changeme')}\n\n"
        f"Contact {g.k_email()} for access. AWS's docs use {g.k('AKIA' + 'IOSFODNN7' + 'EXAMPLE')} as a sample id.\n"
        f"Test payments with {g.k_test_card()}.\n"
    )


def look_network(g: Gen) -> str:
    return (
        "$ ip route\n"
        f"default via {g.k_ip()} dev eth0\n{g.k('10.0.0.0/8')} via {g.k_ip()} dev wg0\n"
        f"$ cat /etc/resolv.conf\nnameserver {g.k('8.8.8.8')}\nnameserver {g.k('1.1.1.1')}\n"
        f"# netmask {g.k('255.255.255.0')}, firmware {g.k('4.2.0.17')}\n"
    )


def look_bank(g: Gen) -> str:
    return (
        "Sample statement (all invalid):\n"
        f"account,{g.k_bad_iban()}\nreference,{g.k_sha()}\ncard,{g.k_test_card()}\n"
        f"order,{g.k(a_uuid(g.rng))}\n"
    )


def look_tokens(g: Gen) -> str:
    r = g.rng
    return (
        "# .env.example\n"
        f"GITHUB_TOKEN={g.k_filler()}\n"
        f"API_TOKEN={g.k('${API_TOKEN}')}\n"
        f"POSTHOG_KEY={g.k('phc_' + _chars(r, ALNUM, 43))}\n"
        f"APPINSIGHTS=InstrumentationKey={g.k(a_uuid(r))}\n"
        f"SESSION_COOKIE={g.k('session=deleted')}\n"
        f"password = {g.k('config.db_password')}\n"
    )


def look_git(g: Gen) -> str:
    return (
        f"$ git log -1 --format='%H %ae'\n{g.k_sha()} {g.k('noreply@github.com')}\n"
        f"$ git remote -v\norigin  {g.k('git@github.com')}:acme/firmware.git (fetch)\n"
        f"Co-authored: see {g.k_email()}\n"
    )


SETTINGS: dict[str, tuple[Template, ...]] = {
    "hpc": (hpc_slurm, hpc_jupyter, hpc_pip, hpc_mlflow, hpc_pbs),
    "iot": (iot_sketch, iot_azure, iot_aws, iot_platformio, iot_particle),
    "streaming": (media_obs, media_ffmpeg, media_mux, media_presigned),
    "cms": (cms_wpconfig, cms_wpcli, cms_drupal, cms_ghost, cms_strapi),
    "telephony": (tel_sip, tel_pjsip, tel_twilio, tel_cdr, tel_freeswitch),
    "network": (net_ios, net_mikrotik, net_pfsense, net_junos),
    "fintech": (fin_plaid, fin_csv, fin_mt940, fin_pain, fin_card),
    "travel": (travel_booking, travel_shipping, travel_api, travel_payment),
    "legal": (legal_docusign, legal_audit, legal_yaml, legal_download),
    "llm": (llm_claude_desktop, llm_cursor, llm_env, llm_promptlog, llm_bedrock),
    "browser": (web_storage, web_playwright, web_publish, web_cookie_header),
    "gamedev": (game_playfab, game_eos, game_firebase, game_steam),
}
LOOKALIKES: tuple[Template, ...] = (look_readme, look_network, look_bank, look_tokens, look_git)
LOOKALIKE_SETTINGS = ("llm", "network", "fintech", "llm", "hpc")


# ---------------------------------------------------------------- deliveries


def deliver(kind: str, text: str, rng: random.Random, name: str) -> str:
    """The document as a tool would hand it on: wrapped, prefixed or fenced."""
    lines = text.rstrip("\n").split("\n")
    if kind == "plain":
        return text
    if kind == "json":
        line = {
            "type": "user",
            "message": {
                "role": "user",
                "content": [
                    {
                        "type": "tool_result",
                        "tool_use_id": f"toolu_{rng.randint(10**5, 10**6)}",
                        "content": text,
                    }
                ],
            },
        }
        return json.dumps(line, ensure_ascii=False) + "\n"
    if kind == "diff":
        head = (
            f"diff --git a/{name} b/{name}\nnew file mode 100644\n--- /dev/null\n+++ b/{name}\n"
            f"@@ -0,0 +1,{len(lines)} @@\n"
        )
        return head + "".join(f"+{ln}\n" for ln in lines)
    if kind == "numbered":
        if rng.random() < 0.5:
            return "".join(f"{i:>6}\u2192{ln}\n" for i, ln in enumerate(lines, 1))
        return "".join(f"{i}\t{ln}\n" for i, ln in enumerate(lines, 1))
    if kind == "ci":
        sec = rng.randint(0, 3000)
        out = []
        for ln in lines:
            sec += rng.randint(0, 3)
            out.append(
                f"2026-12-04T{10 + sec // 3600:02d}:{sec // 60 % 60:02d}:{sec % 60:02d}"
                f".{rng.randint(0, 9999999):07d}Z {ln}\n"
            )
        return "".join(out)
    if kind == "fence":
        return (
            f"This is what the command printed:\n\n```\n{text.rstrip()}\n```\n\nLet me know what to change.\n"
        )
    raise ValueError(kind)


FILE_NAMES = {
    "hpc": "job.sbatch",
    "iot": "src/main.cpp",
    "streaming": "stream.env",
    "cms": "wp-config.php",
    "telephony": "pjsip.conf",
    "network": "running-config.txt",
    "fintech": "export.csv",
    "travel": "booking.json",
    "legal": "envelope.json",
    "llm": "mcp.json",
    "browser": "storageState.json",
    "gamedev": "DefaultEngine.ini",
}


def _find_all(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def _label(
    text: str, secrets: list[tuple[str, str]], keeps: list[str]
) -> tuple[tuple[Secret, ...], tuple[Keep, ...]] | None:
    seen: dict[str, str] = {}
    for cls, value in secrets:
        if seen.setdefault(value, cls) != cls:
            return None
    spans: list[tuple[int, int, bool]] = []
    out_s = [Secret(cls, v, o) for v, cls in seen.items() for o in _find_all(text, v)]
    out_k = [Keep(v, o) for v in dict.fromkeys(keeps) for o in _find_all(text, v)]
    if len(out_s) < len(seen) or len(out_k) < len(set(keeps)):
        return None
    spans = [(s.offset, s.offset + len(s.text), True) for s in out_s] + [
        (k.offset, k.offset + len(k.text), False) for k in out_k
    ]
    spans.sort()
    for (_, e1, _), (s2, _, _) in itertools.pairwise(spans):
        if s2 < e1:
            return None
    for v in list(seen) + keeps:
        if any(c in v for c in '"\\\n\t'):
            return None
    return tuple(sorted(out_s, key=lambda s: s.offset)), tuple(sorted(out_k, key=lambda k: k.offset))


def build_corpus(seed: int = DEFAULT_SEED) -> list[Document]:
    """The corpus, the same for the same seed."""
    rng = random.Random(seed)
    totals: Counter[str] = Counter()
    names = [*sorted(SETTINGS), "llm", "llm", "llm"]
    docs: list[Document] = []
    n_docs = 300
    for i in range(n_docs):
        look = i % 7 == 3
        delivery = DELIVERIES[(i * 5 + i // 6) % len(DELIVERIES)]
        if look:
            j = i // 7
            template, setting = LOOKALIKES[j % len(LOOKALIKES)], LOOKALIKE_SETTINGS[j % len(LOOKALIKES)]
        else:
            setting = names[i % len(names)]
            pool = SETTINGS[setting]
            template = pool[(i // len(names)) % len(pool)]
        while True:
            saved = totals.copy()
            g = Gen(rng, totals)
            raw = template(g)
            text = deliver(delivery, raw, rng, FILE_NAMES[setting])
            labelled = _label(text, g.secrets, g.keeps)
            if labelled is not None:
                break
            totals.clear()
            totals.update(saved)
        secrets, keeps = labelled
        for cls, _ in g.secrets:
            if cls not in VENDOR_CLASSES:
                totals[cls] += 1
        docs.append(
            Document(f"{setting}-{i:03d}-{template.__name__}", setting, delivery, text, secrets, keeps)
        )
    return docs


# ---------------------------------------------------------------- measure


def _share(hits: int, total: int) -> float:
    return hits / total if total else 1.0


def _masked(doc: Document) -> str:
    text = doc.text
    for s in sorted(doc.secrets, key=lambda s: s.offset, reverse=True):
        text = text[: s.offset] + "[SECRET]" + text[s.offset + len(s.text) :]
    return text


def measure_documents(docs: list[Document], scrub: Callable[[str], str]) -> dict[str, float]:
    """Aggregate recall and keep rate of a scrub over labelled documents; no value or document is reported."""
    n = removed = clean = v_n = v_removed = k_n = k_ok = 0
    for doc in docs:
        out = scrub(doc.text)
        masked_out = scrub(_masked(doc)) if doc.secrets else ""
        for s in doc.secrets:
            n += 1
            gone = s.text not in out
            vendor = s.cls in VENDOR_CLASSES
            v_n += vendor
            if gone:
                removed += 1
                v_removed += vendor
                pieces = (s.text[i : i + 6] for i in range(max(len(s.text) - 5, 1)))
                if not any(p in out and p not in masked_out for p in pieces):
                    clean += 1
        for k in doc.keeps:
            k_n += 1
            k_ok += out.count(k.text) >= doc.text.count(k.text)
    return {
        "secrets": float(n),
        "recall": _share(removed, n),
        "recall_no_fragment": _share(clean, n),
        "vendor_prefix_recall": _share(v_removed, v_n),
        "keep_rate": _share(k_ok, k_n),
        "spans": float(k_n),
    }


def measure_held_back() -> dict[str, float]:
    """The real scrubber's aggregates over the default corpus."""
    from client_actors.scrub import scrub_text

    return measure_documents(build_corpus(), lambda t: scrub_text(t).text)


def corpus_digest(docs: list[Document]) -> str:
    """A sha256 over every field of every document, to pin the corpus."""
    blob = json.dumps([attrs.asdict(d) for d in docs], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()
