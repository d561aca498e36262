"""The third round's tuning part: what coding agents print in terminals and tool results, with the spans around each
secret marked, and whole documents that look secret-ish but hold nothing to hide.

Written from the formats' public descriptions (dotenv, YAML with Helm values, GitHub Actions, docker-compose
and Kubernetes manifests, JSON and HAR, TOML, INI, XML, HCL, Java .properties; Python, JS/TS, Go, Java,
Kotlin, Ruby, PHP, Rust, C#, Swift and shell; RFC 3986 URLs, JDBC, ODBC and ADO.NET ``key=value;`` strings,
libpq's keyword form, Go's MySQL DSN; RFC 9110 headers and curl's verbose trace; the cloud and database
clients' flags; SSA's SSN layout; RFC 5322 addresses; RFC 7519 JWTs; RFC 7468 PEM and OpenSSH keys), not
from the rules. Rules may be adjusted against it: it is a tuning part, like `tuning_round2`.

Templates use `tuning_more`'s markers: ``@S@`` for the labelled secret and ``⟪...⟫`` around each span that
must come out unchanged. ``@SE@`` is the secret with its line breaks written ``\\n`` (a key inside JSON or an
env var). ``@TS@``, ``@SHA@``, ``@SHA7@``, ``@UUID@``, ``@HEX64@``, ``@N@`` and ``@IP@`` are filled with
fresh timestamps, commit ids, UUIDs, digests, numbers and documentation addresses (RFC 5737: private ones are
redacted now, as every internal host's address is), so the spans beside a secret vary.
Text left outside both markers is neither: a reviewer would not insist on it either way (a person's name, a
``changeme`` placeholder, an image's base64 body). Some documents arrive inside a JSON transcript line, escaped.
"""

from __future__ import annotations

import base64
import random
import uuid
from collections.abc import Callable

from tests.scrubcorpus import fakes
from tests.scrubcorpus.contexts import Instance
from tests.scrubcorpus.fakes import ALNUM, DIGITS, HEX, URLSAFE, chars, mixed
from tests.scrubcorpus.tuning_more import TRANSCRIPT_SHARE, Class, Figures, Labelled, _escape, _fill, score

SEED = 20261203
BENIGN_COPIES = 2  # each secret-free document, filled twice with different digests and timestamps

# Secrets ------------------------------------------------------------------------------------------

_WORDS = [
    "tiger",
    "Summer",
    "blue",
    "Dragon",
    "coffee",
    "Maple",
    "rocket",
    "Winter",
    "pixel",
    "Falcon",
    "orbit",
]


def human_password(rng: random.Random) -> str:
    """A password a person chose: words, digits and a symbol that needs no quoting in most formats."""
    head = rng.choice(_WORDS) + rng.choice(["", rng.choice(_WORDS).lower()])
    return head + chars(rng, DIGITS, rng.randrange(2, 5)) + rng.choice("!*.-_")


def generated(rng: random.Random) -> str:
    """A generated secret: hex, base64, alphanumeric or URL-safe."""
    shape = rng.randrange(5)
    if shape == 0:
        return chars(rng, HEX, rng.choice([32, 40, 48, 64]))
    if shape == 1:
        return base64.b64encode(rng.randbytes(rng.choice([18, 24, 32]))).decode()
    if shape == 2:
        return mixed(rng, ALNUM, rng.randrange(16, 44))
    if shape == 3:
        return mixed(rng, URLSAFE, rng.randrange(20, 48))
    return mixed(rng, ALNUM, 8) + "-" + mixed(rng, ALNUM, 8) + "-" + mixed(rng, ALNUM, 8)


_VENDORS = (
    fakes.stripe_key,
    fakes.github_token,
    fakes.openai_key,
    fakes.slack_token,
    fakes.sendgrid_key,
    fakes.npm_token,
    fakes.huggingface_token,
    fakes.twilio_key,
    fakes.gitlab_token,
    fakes.google_api_key,
)


def vendor(rng: random.Random) -> str:
    """A key a service hands out, with its prefix (or an AWS secret access key, which has none)."""
    return rng.choice((*_VENDORS, fakes.aws_secret_key))(rng)


def any_secret(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.35:
        return human_password(rng)
    if roll < 0.75:
        return generated(rng)
    return vendor(rng)


def url_safe_secret(rng: random.Random) -> str:
    """A secret that may sit in a URL or a ``key=value;`` pair unencoded."""
    roll = rng.random()
    if roll < 0.4:
        return human_password(rng).replace("*", "_")
    if roll < 0.8:
        return mixed(rng, URLSAFE, rng.randrange(12, 40))
    return chars(rng, HEX, rng.choice([32, 40]))


def token_secret(rng: random.Random) -> str:
    """What headers and query strings carry: generated or vendor tokens, no human passwords."""
    return rng.choice(_VENDORS)(rng) if rng.random() < 0.4 else mixed(rng, URLSAFE, rng.randrange(24, 56))


def cookie_value(rng: random.Random) -> str:
    """A session cookie's value: an opaque id, a signed value, or a hex session key."""
    shape = rng.randrange(4)
    if shape == 0:
        return chars(rng, HEX, 32)
    if shape == 1:
        return "s%3A" + mixed(rng, URLSAFE, 32) + "." + mixed(rng, ALNUM, 43)
    if shape == 2:
        return mixed(rng, ALNUM, rng.randrange(26, 40))
    return mixed(rng, URLSAFE, 40) + "--" + chars(rng, HEX, 40)


def ssn(rng: random.Random) -> str:
    area = rng.choice([a for a in range(1, 900) if a != 666])
    group, serial = rng.randrange(1, 100), rng.randrange(1, 10000)
    return f"{area:03d}-{group:02d}-{serial:04d}"


def email(rng: random.Random) -> str:
    return fakes.email(rng)


def jwt(rng: random.Random) -> str:
    return fakes.jwt(rng)


def private_key(rng: random.Random) -> str:
    return fakes.private_key(rng)


# Fillers for the spans around a secret --------------------------------------------------------------


def _vary(template: str, rng: random.Random) -> str:
    """Fresh timestamps, digests and ids for the filler markers (never a secret)."""
    fillers: dict[str, Callable[[], str]] = {
        "@TS@": lambda: (
            f"2026-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}T"
            f"{rng.randrange(24):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}Z"
        ),
        "@SHA@": lambda: chars(rng, HEX, 40),
        "@SHA7@": lambda: chars(rng, HEX, 7),
        "@UUID@": lambda: str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "@HEX64@": lambda: chars(rng, HEX, 64),
        "@N@": lambda: str(rng.randrange(2, 400)),
        "@IP@": lambda: f"198.51.100.{rng.randrange(1, 255)}",
        "@B64SUM@": lambda: base64.b64encode(rng.randbytes(32)).decode(),
        "@SHA512B64@": lambda: base64.b64encode(rng.randbytes(64)).decode(),
        "@PUBKEY@": lambda: "MCowBQYDK2VwAyEA" + base64.b64encode(rng.randbytes(32)).decode(),
        "@JWKN@": lambda: fakes.b64url(rng.randbytes(256)),
        "@SHA384B64@": lambda: base64.b64encode(rng.randbytes(48)).decode(),
        "@SSHPUB@": lambda: base64.b64encode(b"\0\0\0\x0bssh-ed25519\0\0\0\x20" + rng.randbytes(32)).decode(),
    }
    for marker, make in fillers.items():
        while marker in template:
            template = template.replace(marker, make(), 1)
    return template


# Documents with a secret ----------------------------------------------------------------------------

DOTENV = (
    "⟪# .env.production⟫\n⟪NODE_ENV=production⟫\n⟪DB_PASS=⟫@S@\n⟪DB_HOST=@IP@⟫\n",
    "⟪     1→APP_NAME=billing⟫\n⟪     2→APP_SECRET=⟫@S@\n⟪     3→APP_PORT=8080⟫\n",
    '⟪export STRIPE_SK="⟫@S@⟪"⟫\n⟪export STRIPE_MODE=live⟫\n',
    "⟪$ cat .env.local⟫\n⟪NEXT_PUBLIC_API_URL=https://api.acme-corp.io⟫\n⟪API_KEY=⟫@S@\n⟪$ ⟫\n",
    "⟪AUTH_TOKEN='⟫@S@⟪' # rotated @TS@⟫\n",
    "⟪$ ACCESS_KEY=⟫@S@ ⟪python manage.py runserver 0.0.0.0:8000⟫\n",
    '⟪set -x; export GH_PAT="⟫@S@⟪"; gh auth status⟫\n',
    "⟪+ export SIGNING_KEY=⟫@S@\n⟪+ ./gradlew assembleRelease⟫\n",
    '⟪setx SMTP_PASSWORD "⟫@S@⟪"⟫\n⟪SUCCESS: Specified value was saved.⟫\n',
    '⟪$env:AZURE_CLIENT_SECRET = "⟫@S@⟪"⟫\n⟪PS C:\\src\\app> az login --service-principal⟫\n',
    "⟪set MYSQL_PWD=⟫@S@\n⟪mysql -u reporting -h @IP@⟫\n",
    "⟪REDIS_PASSWORD=⟫@S@⟪  # see runbook⟫\n⟪REDIS_PORT=6379⟫\n",
    "⟪WEBHOOK_SECRET=⟫@S@\n⟪WEBHOOK_URL=https://hooks.acme-corp.io/in/orders⟫\n",
    '⟪declare -x PRIVATE_TOKEN="⟫@S@⟪"⟫\n⟪declare -x PWD="/srv/app"⟫\n',
    "⟪fish: set -gx OPENAI_API_KEY ⟫@S@\n",
    "⟪ENCRYPTION_PASSPHRASE=⟫@S@\n⟪ENCRYPTION_ALGO=aes-256-gcm⟫\n",
    "⟪$ printenv | grep -i pass⟫\n⟪PGPASSWORD=⟫@S@\n",
    "⟪env | sort⟫\n⟪SHELL=/bin/bash⟫\n⟪JWT_SIGNING_KEY=⟫@S@\n⟪LANG=C.UTF-8⟫\n",
    "⟪cloud_api_key=⟫@S@⟪ # staging⟫\n",
    "⟪MAILGUN_API_KEY=⟫@S@\n⟪MAILGUN_DOMAIN=mg.acme-corp.io⟫\n",
    "⟪echo 'DB_PASSWORD=⟫@S@⟪' >> .env⟫\n",
    "⟪sed -i 's/^ADMIN_PASS=.*/ADMIN_PASS=⟫@S@⟪/' .env⟫\n",
    "⟪[Container] @TS@ Running command export CLIENT_SECRET=⟫@S@\n",
    "⟪heroku config:set SESSION_SECRET=⟫@S@⟪ -a shop-api⟫\n"
    "⟪Setting SESSION_SECRET and restarting ⬢ shop-api... done, v@N@⟫\n",
    "⟪fly secrets set DATABASE_PASSWORD=⟫@S@⟪ --app shop⟫\n",
    "⟪vercel env add API_TOKEN production <<< '⟫@S@⟪'⟫\n",
    "⟪direnv: export +AWS_REGION +AWS_SECRET_ACCESS_KEY⟫\n⟪AWS_SECRET_ACCESS_KEY=⟫@S@\n",
    "⟪SENTRY_AUTH_TOKEN=⟫@S@⟪ SENTRY_ORG=acme npx sentry-cli releases new @SHA7@⟫\n",
)

YAML = (
    "⟪database:⟫\n  ⟪host: @IP@⟫\n  ⟪user: billing⟫\n  ⟪pass:⟫ @S@\n  ⟪pool: 10⟫\n",
    "⟪stripe:⟫\n  ⟪publishableKey: ${STRIPE_PUBLISHABLE_KEY}⟫\n  ⟪secretKey:⟫ @S@\n",
    "⟪apiVersion: v1⟫\n⟪kind: Secret⟫\n⟪metadata:⟫\n  ⟪name: db-creds⟫\n⟪type: Opaque⟫\n⟪stringData:⟫\n"
    '  ⟪password: "⟫@S@⟪"⟫\n',
    "⟪env:⟫\n  ⟪- name: API_KEY⟫\n    ⟪value: ⟫@S@\n  ⟪- name: LOG_LEVEL⟫\n    ⟪value: info⟫\n",
    "⟪jobs:⟫\n  ⟪deploy:⟫\n    ⟪runs-on: ubuntu-latest⟫\n    ⟪env:⟫\n      ⟪DEPLOY_TOKEN: ⟫@S@\n"
    "      ⟪REGION: us-east-1⟫\n",
    "⟪services:⟫\n  ⟪api:⟫\n    ⟪image: acme/api:1.4.2⟫\n    ⟪environment:⟫\n      ⟪JWT_SECRET: ⟫@S@\n"
    '      ⟪PORT: "8080"⟫\n',
    "⟪mysql:⟫\n  ⟪auth:⟫\n    ⟪rootPassword: ⟫@S@\n    ⟪database: shop⟫\n",
    "⟪smtp:⟫\n  ⟪username: mailer⟫\n  ⟪password: '⟫@S@⟪'   # from 1Password⟫\n  ⟪port: 587⟫\n",
    '⟪- name: Configure⟫\n  ⟪ansible.builtin.set_fact:⟫\n    ⟪vault_pass: "⟫@S@⟪"⟫\n',
    "⟪oauth:⟫\n  ⟪client-id: shop-web⟫\n  ⟪client-secret: ⟫@S@\n  ⟪scopes: [openid, email]⟫\n",
    "⟪credentials:⟫\n  ⟪accessKey: ⟫@S@\n  ⟪region: eu-central-1⟫\n",
    "⟪webhook:⟫\n  ⟪url: https://hooks.acme-corp.io/ci⟫\n  ⟪secret: ⟫@S@\n",
    "⟪spring:⟫\n  ⟪datasource:⟫\n    ⟪url: jdbc:postgresql://@IP@:5432/shop⟫\n    ⟪password: ⟫@S@\n",
    "⟪global:⟫\n  ⟪imageRegistry: registry.acme-corp.io⟫\n  ⟪registryPassword: ⟫@S@\n",
    "⟪keycloak:⟫\n  ⟪adminUser: admin⟫\n  ⟪adminPassword: ⟫@S@\n  ⟪replicas: 2⟫\n",
    "⟪signing:⟫\n  ⟪signing_key: ⟫@S@\n  ⟪algorithm: HS256⟫\n",
    "⟪auth_token: ⟫@S@⟪  # bot user⟫\n⟪channel: '#deploys'⟫\n",
    "⟪- uses: actions/checkout@v4⟫\n⟪- run: ./deploy.sh⟫\n  ⟪env:⟫\n    ⟪NPM_AUTH_TOKEN: ⟫@S@\n",
    '⟪grafana:⟫\n  ⟪adminPassword: "⟫@S@⟪"⟫\n  ⟪persistence:⟫\n    ⟪enabled: true⟫\n',
    "⟪x-api-key: ⟫@S@\n⟪base-url: https://api.acme-corp.io/v2⟫\n",
    "⟪minio:⟫\n  ⟪rootUser: minio⟫\n  ⟪rootPassword: ⟫@S@\n",
    "⟪production:⟫\n  ⟪secret_key_base: ⟫@S@\n",
    "⟪  42 |   ⟫⟪api_token: ⟫@S@\n⟪  43 |   ⟫⟪timeout: 30s⟫\n",
    "⟪data:⟫\n  ⟪config.yml: |⟫\n    ⟪upstream: https://@IP@:8443⟫\n    ⟪passphrase: ⟫@S@\n",
    "⟪kafka:⟫\n  ⟪sasl:⟫\n    ⟪mechanism: SCRAM-SHA-512⟫\n    ⟪username: orders⟫\n    ⟪password: ⟫@S@\n",
    "⟪registries:⟫\n  ⟪ghcr.io:⟫\n    ⟪username: acme-bot⟫\n    ⟪token: ⟫@S@\n",
    '⟪elasticsearch:⟫\n  ⟪hosts: ["https://@IP@:9200"]⟫\n  ⟪api_key: "⟫@S@⟪"⟫\n',
)

JSON = (
    '{⟪"db": {"host": "@IP@", "user": "api",⟫ ⟪"password": "⟫@S@⟪"},⟫ ⟪"debug": false⟫}\n',
    '{\n  ⟪"clientId": "shop-web",⟫\n  ⟪"clientSecret": "⟫@S@⟪",⟫\n  ⟪"tenant": "acme"⟫\n}\n',
    '⟪[{"key": "x-api-key", "value": "⟫@S@⟪", "type": "text"}]⟫\n',
    '{⟪"access_key": "⟫@S@⟪",⟫ ⟪"expires": "@TS@"⟫}\n',
    '⟪{"level":"debug","ts":"@TS@","msg":"config loaded",⟫⟪"apiKey":"⟫@S@⟪","region":"us-east-1"}⟫\n',
    '{\n  ⟪"mcpServers": {⟫\n    ⟪"github": {⟫\n      ⟪"env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "⟫@S@⟪"}⟫\n    }\n  }\n'
    "}\n",
    '⟪"auth": {"type": "basic", "username": "ci",⟫ ⟪"pass": "⟫@S@⟪"⟫}\n',
    '{⟪"webhook_secret": "⟫@S@⟪",⟫ ⟪"events": ["push", "pull_request"]⟫}\n',
    '⟪{"name": "Authorization", "value": "Bearer ⟫@S@⟪"},⟫\n⟪{"name": "Accept", "value": "*/*"}⟫\n',
    '⟪"private_key_id": "⟫@SHA@⟪",⟫\n⟪"client_secret": "⟫@S@⟪",⟫\n',
    '{⟪"id": "@UUID@",⟫ ⟪"token": "⟫@S@⟪",⟫ ⟪"token_count": 512⟫}\n',
    '⟪$ jq .credentials config.json⟫\n{\n  ⟪"user": "deploy",⟫\n  ⟪"secret": "⟫@S@⟪"⟫\n}\n',
    '⟪  "stripe_sk": "⟫@S@⟪",⟫\n⟪  "stripe_webhook_tolerance": 300⟫\n',
    '{⟪"type": "tool_result", "tool": "read_file", "path": "config/prod.json",⟫ ⟪"auth_token": "⟫@S@⟪"⟫}\n',
    '⟪{"signingKey":"⟫@S@⟪","issuer":"https://auth.acme-corp.io","ttl":3600}⟫\n',
    '⟪"credentials": {⟫\n  ⟪"docker.io": {"auth": "⟫@S@⟪"}⟫\n⟪}⟫\n',
    '{⟪"appId": 31337,⟫ ⟪"pwd": "⟫@S@⟪",⟫ ⟪"retries": 3⟫}\n',
    '⟪"request": {"method": "POST", "url": "https://api.acme-corp.io/login",⟫\n'
    ' ⟪"postData": {"text": "{\\"user\\":\\"ops\\",\\"password\\":\\"⟫@S@⟪\\"}"}}⟫\n',
    '{⟪"SecretString": "⟫{\\"password\\":\\"@S@\\"}⟪",⟫ ⟪"VersionId": "@UUID@"⟫}\n',
    '⟪"refreshToken": "⟫@S@⟪",⟫\n⟪"refreshTokenExpiresIn": 86400,⟫\n',
    '{⟪"sendgrid": {"apiKey": "⟫@S@⟪", "from": "⟫no-reply@acme-corp.io⟪"}⟫}\n',
    '⟪[@N@] {"service":"billing",⟫⟪"encryption_key":"⟫@S@⟪"}⟫\n',
    '{\n  ⟪"passphrase": "⟫@S@⟪",⟫\n  ⟪"keyFile": "certs/server.p12"⟫\n}\n',
    '⟪{"jsonrpc":"2.0","id":@N@,"method":"login","params":{"user":"svc",⟫⟪"password":"⟫@S@⟪"}}⟫\n',
    '{⟪"master_key": "⟫@S@⟪",⟫ ⟪"host": "http://@IP@:7700"⟫}\n',
    '⟪    "npmAuthToken": "⟫@S@⟪"⟫\n',
)

CONFIG_MISC = (
    # TOML, INI, .properties, rc files
    '⟪[tool.poetry.http-basic.internal]⟫\n⟪username = "ci"⟫\n⟪password = "⟫@S@⟪"⟫\n',
    '⟪[secrets]⟫\n⟪api_key = "⟫@S@⟪"  # rotate quarterly⟫\n⟪timeout = 30⟫\n',
    "⟪[database]⟫\n⟪host = @IP@⟫\n⟪passwd = ⟫@S@\n⟪port = 3306⟫\n",
    '⟪[remote "origin"]⟫\n⟪[credential]⟫\n⟪helper = store⟫\n⟪[mailer]⟫\n⟪smtp_pass = ⟫@S@\n',
    "⟪mail.smtp.password=⟫@S@\n⟪mail.smtp.port=465⟫\n",
    "⟪app.security.jwt.signing-key = ⟫@S@\n⟪app.security.jwt.ttl = 15m⟫\n",
    "⟪//registry.npmjs.org/:_authToken=⟫@S@\n⟪always-auth=true⟫\n",
    "⟪[global]⟫\n⟪index-url = https://pypi.acme-corp.io/simple⟫\n⟪[auth]⟫\n⟪token = ⟫@S@\n",
    "⟪[profile ci]⟫\n⟪region = us-west-2⟫\n⟪aws_secret_access_key = ⟫@S@\n⟪output = json⟫\n",
    "⟪machine api.acme-corp.io login deploy password ⟫@S@\n",
    "⟪[client]⟫\n⟪user = backup⟫\n⟪pass = ⟫@S@\n⟪host = @IP@⟫\n",
    "⟪[broker]⟫\n⟪amqp_password: ⟫@S@\n⟪amqp_vhost: /orders⟫\n",
    # XML
    '⟪<add key="StripeSecretKey" value="⟫@S@⟪" />⟫\n⟪<add key="Environment" value="Production" />⟫\n',
    "⟪<server>⟫\n  ⟪<id>releases</id>⟫\n  ⟪<username>deployer</username>⟫\n  ⟪<password>⟫@S@⟪</password>⟫\n"
    "⟪</server>⟫\n",
    '⟪<property name="hibernate.connection.password" value="⟫@S@⟪"/>⟫\n',
    '⟪<entry key="apiToken">⟫@S@⟪</entry>⟫\n',
    '⟪<Parameter name="authToken" value="⟫@S@⟪" override="false"/>⟫\n',
    '⟪<string name="maps_api_key">⟫@S@⟪</string>⟫\n',
    "⟪<clientSecret>⟫@S@⟪</clientSecret>⟫\n⟪<redirectUri>https://app.acme-corp.io/cb</redirectUri>⟫\n",
    # HCL / Terraform
    '⟪provider "datadog" {⟫\n  ⟪api_key = "⟫@S@⟪"⟫\n  ⟪api_url = "https://api.datadoghq.eu/"⟫\n}\n',
    '⟪resource "random_password" "db" { length = 24 }⟫\n⟪resource "aws_db_instance" "main" {⟫\n'
    '  ⟪master_password = "⟫@S@⟪"⟫\n}\n',
    '⟪variable "github_token" {⟫\n  ⟪type    = string⟫\n  ⟪default = "⟫@S@⟪"⟫\n}\n',
    "⟪  # module.db.aws_db_instance.this will be updated in-place⟫\n  ⟪~ password = (sensitive value)⟫\n"
    '  ⟪+ secret   = "⟫@S@⟪"⟫\n',
    '⟪vault kv put secret/app db_password="⟫@S@⟪"⟫\n',
    '⟪backend "consul" {⟫\n  ⟪address = "@IP@:8500"⟫\n  ⟪access_token = "⟫@S@⟪"⟫\n}\n',
    # nginx, Apache, systemd, crontab
    "⟪location /api/ {⟫\n    ⟪proxy_set_header X-Auth-Token ⟫@S@⟪;⟫\n    ⟪proxy_pass http://@IP@:8080;⟫\n}\n",
    "⟪[Service]⟫\n⟪Environment=REDIS_PASS=⟫@S@\n⟪Restart=on-failure⟫\n",
    "⟪*/5 * * * * BACKUP_PASSPHRASE=⟫@S@ ⟪/usr/local/bin/backup.sh >> /var/log/backup.log 2>&1⟫\n",
)

PYTHON = (
    '⟪conn = psycopg2.connect(host="@IP@", dbname="shop", user="api",⟫ ⟪password="⟫@S@⟪")⟫\n',
    '⟪client = OpenAI(api_key="⟫@S@⟪", timeout=20)⟫\n',
    '⟪DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "shop",⟫ ⟪"PASSWORD": "⟫@S@⟪", "PORT'
    '": 5432}}⟫\n',
    "⟪SECRET_KEY = '⟫@S@⟪'⟫\n⟪ALLOWED_HOSTS = [\"*\"]⟫\n",
    '⟪s3 = boto3.client("s3", aws_access_key_id=key_id,⟫ ⟪aws_secret_access_key="⟫@S@⟪")⟫\n',
    '⟪    12  ⟫⟪stripe.api_key = "⟫@S@⟪"⟫\n⟪    13  ⟫⟪stripe.api_version = "2024-06-20"⟫\n',
    '⟪headers = {"x-api-key": "⟫@S@⟪", "content-type": "application/json"}⟫\n',
    '⟪r = requests.get(url, auth=("admin", "⟫@S@⟪"), timeout=5)⟫\n',
    '⟪redis.Redis(host="@IP@", port=6379, db=0,⟫ ⟪password="⟫@S@⟪")⟫\n',
    ">>> ⟪settings.auth_token = '⟫@S@⟪'⟫\n>>> ⟪settings.save()⟫\n",
    '⟪os.environ["HF_TOKEN"] = "⟫@S@⟪"⟫\n',
    '⟪    webhook_secret: str = "⟫@S@⟪"⟫\n⟪    retries: int = 3⟫\n',
    '⟪app.config["JWT_SECRET_KEY"] = "⟫@S@⟪"  # TODO: move to env⟫\n',
    '⟪smtp.login("alerts", "⟫@S@⟪")⟫\n',
    '⟪-    api_token = "⟫@S@⟪"⟫\n⟪+    api_token = os.environ["API_TOKEN"]⟫\n',
    '⟪def test_login(client):⟫\n    ⟪resp = client.post("/login", json={"user": "ops",⟫ ⟪"pwd": "⟫@S@⟪"})⟫\n',
    '⟪mongo = MongoClient("@IP@", username="app",⟫ ⟪password="⟫@S@⟪", authSource="admin")⟫\n',
    '⟪SLACK_BOT_TOKEN: Final = "⟫@S@⟪"⟫\n',
    '⟪cfg = Config(signing_key=b"⟫@S@⟪", algorithm="HS256")⟫\n',
    '⟪kwargs = dict(user="etl",⟫ ⟪passwd="⟫@S@⟪", host="@IP@")⟫\n',
    '⟪ldap.simple_bind_s("cn=admin,dc=acme,dc=io", "⟫@S@⟪")⟫\n',
    '⟪private_key_passphrase = "⟫@S@⟪"⟫\n'
    "⟪key = serialization.load_pem_private_key(data, private_key_passphrase.encode())⟫\n",
    '⟪@pytest.fixture⟫\n⟪def creds():⟫\n    ⟪return {"client_id": "svc", "client_secret": "⟫@S@⟪"}⟫\n',
    '⟪github = Github(auth=Auth.Token("⟫@S@⟪"))⟫\n',
    '⟪pika.PlainCredentials("orders", "⟫@S@⟪")⟫\n',
    '⟪  File "/srv/app/pay.py", line @N@, in charge⟫\n    ⟪gateway.charge(amount, key="⟫@S@⟪")⟫\n',
)

JS_TS = (
    '⟪const stripe = new Stripe("⟫@S@⟪", { apiVersion: "2024-06-20" });⟫\n',
    "⟪export const config = {⟫\n  ⟪apiKey: '⟫@S@⟪',⟫\n  ⟪authDomain: 'shop.firebaseapp.com',⟫\n};\n",
    '⟪const pool = new Pool({ host: "@IP@", user: "api",⟫ ⟪password: "⟫@S@⟪", port: 5432 });⟫\n',
    "⟪axios.defaults.headers.common['X-Api-Key'] = '⟫@S@⟪';⟫\n",
    '⟪process.env.CLIENT_SECRET ??= "⟫@S@⟪";⟫\n',
    "⟪const jwtSecret: string = '⟫@S@⟪';⟫\n",
    '⟪  auth: { user: "mailer",⟫ ⟪pass: "⟫@S@⟪" },⟫\n',
    '⟪await fetch(`${base}/v1/charges`, { headers: { Authorization: "Bearer ⟫@S@⟪" } });⟫\n',
    "⟪mongoose.connect(uri, { user: 'app',⟫ ⟪pass: '⟫@S@⟪' });⟫\n",
    '⟪   7 | ⟫⟪const SIGNING_KEY = "⟫@S@⟪";⟫\n⟪   8 | ⟫⟪export default SIGNING_KEY;⟫\n',
    '⟪octokit = new Octokit({ auth: "⟫@S@⟪" });⟫\n',
    '⟪module.exports = { sessionSecret: "⟫@S@⟪", port: 3000 };⟫\n',
    "⟪const client = createClient({ url: 'redis://@IP@:6379',⟫ ⟪password: '⟫@S@⟪' });⟫\n",
    '⟪it("rejects a bad token", async () => {⟫\n  ⟪const accessToken = "⟫@S@⟪";⟫\n',
    "⟪localStorage.setItem('authToken', '⟫@S@⟪');⟫\n",
    '⟪new S3Client({ credentials: { accessKeyId: id,⟫ ⟪secretAccessKey: "⟫@S@⟪" } });⟫\n',
    '⟪  webhookSecret: "⟫@S@⟪", // from dashboard⟫\n',
    '⟪const sg = require("@sendgrid/mail"); sg.setApiKey("⟫@S@⟪");⟫\n',
    '⟪  "apiSecret": "⟫@S@⟪",⟫\n',
    "⟪const { data } = await supabase.auth.signInWithPassword({ email: user,⟫ ⟪password: '⟫@S@⟪' });⟫\n",
    '⟪> const passphrase = "⟫@S@⟪"⟫\n⟪undefined⟫\n',
    "⟪knex({ client: 'mysql2', connection: { host: '@IP@', user: 'api',⟫ ⟪password: '⟫@S@⟪', database: 'shop' } })⟫\n",
    "⟪ws.send(JSON.stringify({ op: 'auth',⟫ ⟪token: '⟫@S@⟪' }));⟫\n",
    '⟪const privateToken = "⟫@S@⟪" as const;⟫\n',
    "⟪    at Object.<anonymous> (/app/src/pay.ts:@N@:13)⟫\n⟪  apiKey: '⟫@S@⟪',⟫\n",
    '⟪Deno.env.set("DISCORD_TOKEN", "⟫@S@⟪");⟫\n',
)

OTHER_LANG = (
    '⟪db, err := sql.Open("postgres", connStr)⟫\n'
    '⟪cfg := &Config{Host: "@IP@", User: "api",⟫ ⟪Password: "⟫@S@⟪", SSL: true}⟫\n',
    '⟪const apiToken = "⟫@S@⟪" // nolint:gosec⟫\n',
    '⟪client := github.NewClient(nil).WithAuthToken("⟫@S@⟪")⟫\n',
    '⟪private static final String CLIENT_SECRET = "⟫@S@⟪";⟫\n⟪private static final int TIMEOUT_MS = 5000;⟫\n',
    '⟪DataSource ds = DataSourceBuilder.create().username("app")⟫⟪.password("⟫@S@⟪").build();⟫\n',
    '⟪val signingKey = "⟫@S@⟪"⟫\n⟪val issuer = "https://auth.acme-corp.io"⟫\n',
    '⟪OkHttpClient.Builder().addInterceptor { it.proceed(it.request().newBuilder()⟫⟪.header("X-Api-Key", "⟫@S@⟪").buil'
    "d()) }⟫\n",
    "⟪Stripe.api_key = '⟫@S@⟪'⟫\n",
    '⟪config.access_token        = "⟫@S@⟪"⟫\n⟪config.access_token_secret = ENV["TW_SECRET"]⟫\n',
    "⟪Rails.application.credentials.config[:secret_key_base] = '⟫@S@⟪'⟫\n",
    "⟪$pdo = new PDO('mysql:host=@IP@;dbname=shop', 'app', '⟫@S@⟪');⟫\n",
    "⟪'api_key' => '⟫@S@⟪',⟫\n⟪'api_url' => 'https://api.acme-corp.io',⟫\n",
    "⟪define('DB_PASSWORD', '⟫@S@⟪');⟫\n⟪define('DB_HOST', 'localhost');⟫\n",
    '⟪let client = Client::new(Credentials { user: "svc".into(),⟫ ⟪secret: "⟫@S@⟪".into() });⟫\n',
    '⟪static API_KEY: &str = "⟫@S@⟪";⟫\n',
    '⟪var credential = new ClientSecretCredential(tenantId, clientId, "⟫@S@⟪");⟫\n',
    '⟪builder.Configuration["Jwt:Key"] = "⟫@S@⟪";⟫\n',
    '⟪let apiKey = "⟫@S@⟪" // TODO keychain⟫\n',
    '⟪config :my_app, MyApp.Repo, username: "postgres",⟫ ⟪password: "⟫@S@⟪", hostname: "localhost"⟫\n',
    '⟪my $dbh = DBI->connect("dbi:Pg:dbname=shop;host=@IP@", "app", "⟫@S@⟪");⟫\n',
    '⟪curl_setopt($ch, CURLOPT_USERPWD, "api:⟫@S@⟪");⟫\n',
    '⟪props.setProperty("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required'
    ' username=\\"orders\\"⟫ ⟪password=\\"⟫@S@⟪\\";");⟫\n',
    '⟪Sys.setenv(OPENAI_API_KEY = "⟫@S@⟪")⟫\n',
    '⟪local token = "⟫@S@⟪"  -- bot token⟫\n',
    "⟪ENV AUTH_SECRET=⟫@S@\n⟪EXPOSE 8080⟫\n",
    "⟪ARG NPM_TOKEN=⟫@S@\n⟪RUN npm ci --omit=dev⟫\n",
    "⟪if [ -z \"$TOKEN\" ]; then TOKEN='⟫@S@⟪'; fi⟫\n",
)

CONNECTION_URL = (
    "⟪DATABASE_URL=postgres://billing:⟫@S@⟪@@IP@:5432/billing?sslmode=verify-full⟫\n",
    "⟪$ psql postgresql://readonly:⟫@S@⟪@db.acme-corp.io/analytics -c '\\dt'⟫\n",
    "⟪mongodb://root:⟫@S@⟪@mongo-0.mongo:27017,mongo-1.mongo:27017/orders?replicaSet=rs0&authSource=admin⟫\n",
    "⟪CELERY_BROKER_URL=amqps://worker:⟫@S@⟪@mq.acme-corp.io:5671/jobs⟫\n",
    '⟪  url: "mysql://app:⟫@S@⟪@@IP@:3306/shop?charset=utf8mb4"⟫\n',
    "⟪redis-cli -u redis://default:⟫@S@⟪@cache.acme-corp.io:6379/2 PING⟫\n⟪PONG⟫\n",
    "⟪git clone https://oauth2:⟫@S@⟪@gitlab.acme-corp.io/platform/infra.git⟫\n⟪Cloning into 'infra'...⟫\n",
    "⟪remote.origin.url=https://x-access-token:⟫@S@⟪@github.com/acme/api.git⟫\n",
    '⟪SQLALCHEMY_DATABASE_URI = "postgresql+psycopg://etl:⟫@S@⟪@@IP@/warehouse"⟫\n',
    "⟪2026/05/14 09:12:44 connecting to postgres://api:⟫@S@⟪@@IP@:5432/api?connect_timeout=5⟫\n",
    "⟪pip install --index-url https://ci:⟫@S@⟪@pypi.acme-corp.io/simple/ acme-tools==2.3.1⟫\n",
    "⟪ftp://backup:⟫@S@⟪@files.acme-corp.io/nightly/⟫\n",
    "⟪export ELASTIC_URL=https://elastic:⟫@S@⟪@es.acme-corp.io:9243⟫\n",
    "⟪clickhouse://default:⟫@S@⟪@@IP@:9000/events?secure=true⟫\n",
    '⟪{"dsn": "postgres://svc:⟫@S@⟪@@IP@:6432/core", "pool": 20}⟫\n',
    "⟪nats://orders:⟫@S@⟪@nats.acme-corp.io:4222⟫\n",
    "⟪sentinel://:⟫@S@⟪@@IP@:26379/mymaster⟫\n",
    "⟪proxy: http://squid:⟫@S@⟪@@IP@:3128⟫\n⟪no_proxy: localhost,127.0.0.1⟫\n",
    "⟪docker login -u acme --password-stdin <<< ⟫@S@\n",
    '⟪    engine = create_async_engine("postgresql+asyncpg://app:⟫@S@⟪@db:5432/app", echo=True)⟫\n',
    '⟪sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "@IP@", port 5432'
    " failed⟫\n⟪[SQL: postgresql://report:⟫@S@⟪@@IP@:5432/report]⟫\n",
    "⟪cassandra://ops:⟫@S@⟪@@IP@:9042/metrics⟫\n",
    "⟪neo4j+s://neo4j:⟫@S@⟪@graph.acme-corp.io:7687⟫\n",
    "⟪kafka: sasl_ssl://svc-orders:⟫@S@⟪@broker-1.acme-corp.io:9093⟫\n",
    "⟪svn checkout https://ci:⟫@S@⟪@svn.acme-corp.io/repos/legacy/trunk⟫\n",
    "⟪rsync://mirror:⟫@S@⟪@@IP@/pub/ .⟫\n",
)

CONNECTION_KV = (
    "⟪jdbc:postgresql://@IP@:5432/shop?user=app&password=⟫@S@⟪&ssl=true&sslmode=require⟫\n",
    "⟪spring.datasource.url=jdbc:mysql://@IP@:3306/shop?user=api&password=⟫@S@⟪&serverTimezone=UTC⟫\n",
    "⟪jdbc:sqlserver://sql.acme-corp.io:1433;databaseName=shop;user=app;password=⟫@S@⟪;encrypt=true;⟫\n",
    "⟪jdbc:oracle:thin:scott/⟫@S@⟪@//@IP@:1521/ORCLPDB1⟫\n",
    "⟪Server=tcp:acme.database.windows.net,1433;Initial Catalog=shop;Persist Security Info=False;User ID=app;"
    "Password=⟫@S@⟪;MultipleActiveResultSets=False;Encrypt=True;⟫\n",
    '⟪"ConnectionStrings": { "Default": "Host=@IP@;Port=5432;Database=shop;Username=api;Password=⟫@S@⟪;Pooling=true" }'
    "⟫\n",
    "⟪Driver={PostgreSQL Unicode};Server=@IP@;Port=5432;Database=shop;Uid=report;Pwd=⟫@S@⟪;⟫\n",
    "⟪DSN=Warehouse;UID=etl;PWD=⟫@S@⟪;⟫\n",
    "⟪host=@IP@ port=5432 dbname=shop user=app password=⟫@S@⟪ sslmode=verify-full connect_timeout=10⟫\n",
    '⟪psql "host=db.acme-corp.io dbname=analytics user=ro password=⟫@S@⟪"⟫\n',
    '⟪conn = psycopg2.connect("dbname=shop user=app password=⟫@S@⟪ host=@IP@")⟫\n',
    '⟪dsn := "app:⟫@S@⟪@tcp(@IP@:3306)/shop?parseTime=true&loc=UTC"⟫\n',
    "⟪DefaultEndpointsProtocol=https;AccountName=acmestore;AccountKey=⟫@S@⟪;EndpointSuffix=core.windows.net⟫\n",
    "⟪Endpoint=sb://acme-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;"
    "SharedAccessKey=⟫@S@⟪;EntityPath=orders⟫\n",
    "⟪Provider=MSOLEDBSQL;Data Source=@IP@;Initial Catalog=erp;User ID=sa;Password=⟫@S@⟪;⟫\n",
    "⟪Data Source=@IP@:1521/XE;User Id=hr;Password=⟫@S@⟪;Pooling=false;⟫\n",
    "⟪Server=@IP@;Database=crm;Uid=crm;Pwd=⟫@S@⟪;SslMode=Required;⟫\n",
    '⟪amqp_url = "host=mq.acme-corp.io;port=5672;username=orders;password=⟫@S@⟪;virtualHost=/"⟫\n',
    "⟪jdbc:redshift://analytics.acme-corp.io:5439/dev;UID=etl;PWD=⟫@S@\n",
    "⟪mysql:host=@IP@;port=3306;dbname=shop;user=app;password=⟫@S@\n",
    "⟪[ODBC Data Sources]⟫\n⟪[reporting]⟫\n⟪Driver = PostgreSQL⟫\n⟪Servername = @IP@⟫\n⟪Password = ⟫@S@\n"
    "⟪Database = reporting⟫\n",
    '⟪  connection_string: "Server=@IP@;Database=logs;User Id=writer;Password=⟫@S@⟪;TrustServerCertificate=true"⟫\n',
    '⟪sqlcmd -S @IP@ -d shop -U sa -P ⟫@S@⟪ -Q "SELECT 1"⟫\n',
    "⟪tns: (DESCRIPTION=(ADDRESS=(HOST=@IP@)(PORT=1521)))⟫\n⟪user=app password=⟫@S@\n",
    "⟪jdbc:snowflake://acme.snowflakecomputing.com/?user=etl&password=⟫@S@⟪&warehouse=LOAD_WH&db=RAW⟫\n",
    '⟪cs = "Host=@IP@;Username=api;Password=⟫@S@⟪;Database=api";⟫\n',
)

HTTP = (
    "⟪> GET /v2/orders?page=2 HTTP/2⟫\n⟪> Host: api.acme-corp.io⟫\n⟪> user-agent: curl/8.5.0⟫\n"
    "⟪> authorization: Bearer ⟫@S@\n⟪> accept: */*⟫\n",
    "⟪POST /graphql HTTP/1.1⟫\n⟪Host: shop.acme-corp.io⟫\n⟪X-Api-Key: ⟫@S@\n⟪Content-Type: application/json⟫\n"
    "⟪Content-Length: @N@⟫\n",
    '⟪curl -sS -H "x-api-key: ⟫@S@⟪" -H "Accept: application/json" https://api.acme-corp.io/v1/status⟫\n',
    "⟪curl -X POST https://api.acme-corp.io/v1/charges \\⟫\n  ⟪-H 'Authorization: Bearer ⟫@S@⟪' \\⟫\n"
    "  ⟪-d amount=2000 -d currency=usd⟫\n",
    "⟪* Connected to api.acme-corp.io (@IP@) port 443⟫\n⟪> PUT /v1/items/@N@ HTTP/1.1⟫\n⟪> X-Auth-Token: ⟫@S@\n"
    "⟪< HTTP/1.1 204 No Content⟫\n",
    '⟪GET /metrics HTTP/1.1⟫\n⟪Authorization: Token token="⟫@S@⟪"⟫\n⟪Accept-Encoding: gzip⟫\n',
    "⟪http POST https://api.acme-corp.io/v1/jobs 'X-Access-Token:⟫@S@⟪' name=nightly⟫\n",
    '⟪{"name": "x-api-key", "value": "⟫@S@⟪"},⟫ ⟪{"name": "content-type", "value": "application/json"}⟫\n',
    "⟪Private-Token: ⟫@S@\n⟪User-Agent: python-gitlab/4.4.0⟫\n",
    "⟪> Cookie: theme=dark; session_token=⟫@S@⟪; lang=en⟫\n",
    "⟪< set-cookie: auth=⟫@S@⟪; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=86400⟫\n",
    '⟪DEBUG:urllib3.connectionpool:https://api.acme-corp.io:443 "GET /v1/me HTTP/1.1" 200 @N@⟫\n'
    "⟪send: b'GET /v1/me HTTP/1.1\\r\\nHost: api.acme-corp.io\\r\\nX-API-KEY: ⟫@S@⟪\\r\\n\\r\\n'⟫\n",
    '⟪wget --header="Authorization: Bearer ⟫@S@⟪" https://files.acme-corp.io/export.csv⟫\n',
    "⟪X-Shopify-Access-Token: ⟫@S@\n⟪X-Request-Id: @UUID@⟫\n",
    "⟪[@TS@] request headers: {'Accept': 'application/json',⟫ ⟪'Authorization': 'Bearer ⟫@S@⟪'}⟫\n",
    "⟪Invoke-RestMethod -Uri https://api.acme-corp.io/v1/users -Headers @{ 'X-Api-Key' = '⟫@S@⟪' }⟫\n",
    "⟪HTTP/1.1 200 OK⟫\n⟪Content-Type: application/json⟫\n\n"
    '{⟪"access_token":"⟫@S@⟪","token_type":"bearer","expires_in":7200⟫}\n',
    "⟪  -H 'apikey: ⟫@S@⟪' \\⟫\n  ⟪-H 'Prefer: return=representation'⟫\n",
    "⟪grpcurl -H 'authorization: Bearer ⟫@S@⟪' @IP@:443 list⟫\n",
    "⟪Authorization: Basic ⟫@S@\n⟪Connection: keep-alive⟫\n",
    '⟪> Authorization: Digest username="api", realm="acme", nonce="@SHA@", uri="/v1", response="⟫@SHA@⟪"⟫\n'
    "⟪> X-Client-Secret: ⟫@S@\n",
    "⟪ab -n 1000 -c 10 -H 'X-Token: ⟫@S@⟪' https://@IP@/health⟫\n",
    "⟪Request URL: https://api.acme-corp.io/v1/search⟫\n⟪Request Method: POST⟫\n⟪api-key: ⟫@S@\n⟪Status Code: 200⟫\n",
    "⟪requests.exceptions.HTTPError: 401 Client Error⟫\n⟪request.headers = {'X-Api-Key': '⟫@S@⟪', 'Accept': '*/*'}⟫\n",
    "⟪:authority: api.acme-corp.io⟫\n⟪:method: GET⟫\n⟪x-goog-api-key: ⟫@S@\n",
    "⟪nc -v @IP@ 80⟫\n⟪GET / HTTP/1.0⟫\n⟪Authorization: Bearer ⟫@S@\n",
)

QUERY = (
    "⟪https://api.acme-corp.io/v1/forecast?lat=52.52&lon=13.41&appid=⟫@S@⟪&units=metric⟫\n",
    "⟪GET /v2/export?format=csv&api_key=⟫@S@⟪&from=2026-01-01 HTTP/1.1⟫\n",
    '⟪@IP@ - - [14/May/2026:09:12:44 +0000] "GET /hook?token=⟫@S@⟪&event=push HTTP/1.1" 200 @N@⟫\n',
    "⟪wss://stream.acme-corp.io/v1/feed?access_token=⟫@S@⟪&symbols=AAPL,MSFT⟫\n",
    "⟪curl 'https://maps.acme-corp.io/geocode/json?address=Main+St&key=⟫@S@⟪'⟫\n",
    "⟪https://hooks.acme-corp.io/services/deploy?secret=⟫@S@\n",
    "⟪redirect_uri=https%3A%2F%2Fapp.acme-corp.io%2Fcb&client_id=web&client_secret=⟫@S@⟪&grant_type=authorization_code"
    "⟫\n",
    "⟪Location: https://app.acme-corp.io/cb#access_token=⟫@S@⟪&token_type=bearer&expires_in=3600⟫\n",
    "⟪fetch(`https://api.acme-corp.io/v3/items?apiKey=⟫@S@⟪&page=${page}`)⟫\n",
    '⟪requests.get("https://api.acme-corp.io/data", params={"q": "rust",⟫ ⟪"apikey": "⟫@S@⟪"})⟫\n',
    "⟪INFO  @TS@ proxy upstream=https://search.acme-corp.io/q?auth=⟫@S@⟪&limit=20 status=200 dur=41ms⟫\n",
    "⟪https://s3.amazonaws.com/acme-exports/report.csv?X-Amz-Expires=900&X-Amz-Signature=⟫@S@⟪&X-Amz-SignedHeaders=hos"
    "t⟫\n",
    "⟪https://acmestore.blob.core.windows.net/backups/db.bak?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-06-01&sig=⟫@S@\n",
    "⟪psql 'postgresql://@IP@/shop?user=app&password=⟫@S@⟪&sslmode=require'⟫\n",
    '⟪"url": "https://api.acme-corp.io/v1/events?private_token=⟫@S@⟪&per_page=100",⟫\n',
    "⟪Navigated to http://localhost:3000/reset?email_token=⟫@S@⟪&step=2⟫\n",
    "⟪https://api.telegram-mirror.acme-corp.io/bot/sendMessage?chat_id=-@N@&bot_token=⟫@S@⟪&text=deploy+done⟫\n",
    "⟪GET /rss?feed=releases&auth_token=⟫@S@⟪ 200 in 12ms⟫\n",
    "⟪ws://@IP@:8080/socket?session_key=⟫@S@⟪&v=2⟫\n",
    "⟪[next] GET /api/callback?code=@SHA7@&state=xyz&signing_secret=⟫@S@⟪ 302⟫\n",
    "⟪https://grafana.acme-corp.io/d/@SHA7@/latency?orgId=1&refresh=30s&auth_key=⟫@S@\n",
    '⟪webhook_url = "https://ci.acme-corp.io/generic-webhook-trigger/invoke?token=⟫@S@⟪"⟫\n',
    '⟪<script src="https://maps.acme-corp.io/api/js?libraries=places&key=⟫@S@⟪&callback=initMap"></script>⟫\n',
    "⟪  url: https://status.acme-corp.io/api/push?access_key=⟫@S@⟪&status=up&msg=OK&ping=⟫\n",
    "⟪ERROR fetch failed: https://api.acme-corp.io/v1/quote?symbol=IBM&apitoken=⟫@S@⟪ (ETIMEDOUT)⟫\n",
    '⟪ffmpeg -i "rtmp://live.acme-corp.io/app/stream?streamkey=⟫@S@⟪" -c copy out.mp4⟫\n',
)

CLI = (
    "⟪$ mysql -h @IP@ -u admin -p⟫@S@⟪ shop < dump.sql⟫\n",
    "⟪mysqladmin --user=root --password=⟫@S@⟪ status⟫\n⟪Uptime: @N@  Threads: 2⟫\n",
    "⟪$ redis-cli -h @IP@ -a ⟫@S@⟪ --no-auth-warning INFO keyspace⟫\n",
    '⟪mongosh "mongodb://@IP@:27017" --username admin --password ⟫@S@⟪ --authenticationDatabase admin⟫\n',
    "⟪docker login registry.acme-corp.io -u ci -p ⟫@S@\n⟪WARNING! Using --password via the CLI is insecure.⟫\n",
    "⟪gh auth login --with-token <<< ⟫@S@\n",
    '⟪az ad sp create-for-rbac --name ci⟫\n{⟪"appId": "@UUID@",⟫ ⟪"password": "⟫@S@⟪",⟫ ⟪"tenant": "@UUID@"⟫}\n',
    "⟪aws configure set aws_secret_access_key ⟫@S@⟪ --profile ci⟫\n",
    "⟪gcloud sql users set-password app --instance=shop-db --password=⟫@S@\n",
    "⟪kubectl create secret generic api --from-literal=API_KEY=⟫@S@⟪ -n prod⟫\n⟪secret/api created⟫\n",
    "⟪helm upgrade --install shop ./chart --set db.password=⟫@S@⟪ --set replicas=3⟫\n",
    "⟪terraform apply -var 'db_password=⟫@S@⟪' -auto-approve⟫\n",
    "⟪openssl enc -aes-256-cbc -salt -in db.sql -out db.sql.enc -pass pass:⟫@S@\n",
    "⟪7z a -p⟫@S@⟪ backup.7z ./data⟫\n",
    "⟪zip -P ⟫@S@⟪ -r export.zip reports/⟫\n",
    "⟪sshpass -p '⟫@S@⟪' ssh deploy@@IP@ 'systemctl restart api'⟫\n",
    "⟪npm config set //npm.acme-corp.io/:_authToken ⟫@S@\n",
    "⟪twine upload -u __token__ -p ⟫@S@⟪ dist/*⟫\n",
    '⟪pg_dump --dbname="host=@IP@ user=backup password=⟫@S@⟪ dbname=shop" -Fc -f shop.dump⟫\n',
    "⟪vault login -method=userpass username=ops password=⟫@S@\n⟪Success! You are now authenticated.⟫\n",
    "⟪psql -h @IP@ -U app shop⟫\n⟪Password for user app: ⟫@S@\n⟪psql (16.3)⟫\n",
    "⟪java -jar app.jar --spring.datasource.password=⟫@S@⟪ --server.port=8081⟫\n",
    "⟪./manage.py createsuperuser --noinput --username admin⟫ ⟪--password ⟫@S@\n",
    "⟪wp user update 1 --user_pass=⟫@S@⟪ --skip-email⟫\n⟪Success: Updated user 1.⟫\n",
    "⟪curl -u deploy:⟫@S@⟪ -X POST https://ci.acme-corp.io/job/build/buildWithParameters⟫\n",
    "⟪stripe listen --api-key ⟫@S@⟪ --forward-to localhost:4242/webhook⟫\n",
    "⟪ldapsearch -x -H ldap://@IP@ -D 'cn=admin,dc=acme,dc=io' -w ⟫@S@⟪ -b 'dc=acme,dc=io'⟫\n",
    "⟪rclone config create s3 s3 provider=AWS access_key_id=$AWS_ACCESS_KEY_ID secret_access_key=⟫@S@\n",
)

LOGS = (
    "⟪@TS@ DEBUG [config] loaded settings: host=@IP@ port=5432 user=api⟫ ⟪password=⟫@S@⟪ pool=10⟫\n",
    "⟪Run ./scripts/deploy.sh⟫\n⟪  env:⟫\n⟪    REGISTRY_TOKEN: ⟫@S@\n⟪##[group]Deploying @SHA7@⟫\n",
    '⟪Traceback (most recent call last):⟫\n⟪  File "/srv/app/sync.py", line @N@, in run⟫\n'
    "⟪    raise AuthError(resp.status)⟫\n"
    "⟪Locals:⟫\n⟪    api_key = '⟫@S@⟪'⟫\n⟪    retries = 3⟫\n",
    "⟪│ /srv/app/billing.py:@N@ in charge                  │⟫\n⟪│   secret_key = '⟫@S@⟪'  │⟫\n⟪│   amount = 1999 │⟫\n",
    "⟪diff --git a/config/settings.py b/config/settings.py⟫\n⟪index @SHA7@..@SHA7@ 100644⟫\n⟪@@ -10,7 +10,7 @@⟫\n"
    '⟪-SECRET_KEY = os.environ["SECRET_KEY"]⟫\n⟪+SECRET_KEY = "⟫@S@⟪"⟫\n',
    "⟪+  password: ⟫@S@\n⟪   port: 5432⟫\n",
    "⟪[@TS@] ERROR auth failed for client_id=svc-report⟫ ⟪client_secret=⟫@S@ ⟪attempt=3⟫\n",
    '⟪Step 4/9 : RUN echo "//registry.npmjs.org/:_authToken=⟫@S@⟪" > ~/.npmrc⟫\n⟪ ---> Running in @SHA7@⟫\n',
    "⟪#12 [build 3/6] RUN --mount=type=secret,id=npm ./ci.sh⟫\n⟪#12 0.412 using token ⟫@S@\n⟪#12 DONE 4.1s⟫\n",
    '⟪level=warn ts=@TS@ caller=auth.go:@N@ msg="retrying"⟫ ⟪bearer=⟫@S@ ⟪backoff=2s⟫\n',
    "⟪2026-05-14 09:12:44,120 [worker-3] INFO  c.a.s.Mailer - SMTP login user=alerts⟫ ⟪pass=⟫@S@\n",
    '⟪panic: invalid credentials⟫\n\n⟪goroutine 1 [running]:⟫\n⟪main.connect({0x@SHA7@, 0x9}, {⟫"@S@"⟪, 0x18})⟫\n',
    '⟪Exception in thread "main" java.lang.IllegalStateException: login failed⟫\n'
    "⟪\tat com.acme.Client.auth(Client.java:@N@)⟫\n⟪Caused by: credentials{user=svc,⟫ ⟪password=⟫@S@⟪}⟫\n",
    "⟪commit @SHA@⟫\n⟪Date:   Thu May 14 09:12:44 2026 +0000⟫\n\n    ⟪add staging creds⟫\n\n"
    "⟪+STAGING_API_KEY=⟫@S@\n",
    '⟪[webpack] DefinePlugin: process.env.API_SECRET = "⟫@S@⟪"⟫\n',
    "⟪worker.1 | @TS@ Connecting with auth_token=⟫@S@⟪ (ttl=3600)⟫\n",
    "⟪E0514 09:12:44.120 @N@ grpc.go:88] rpc error: code = Unauthenticated⟫ ⟪metadata=map[x-api-key:[⟫@S@⟪]]⟫\n",
    "⟪[pod/api-7f9c-x2 api] WARN using fallback signing_key=⟫@S@\n",
    "⟪test_auth.py::test_refresh FAILED⟫\n⟪E   AssertionError: assert 401 == 200⟫\n"
    "⟪E    +  where headers = {'Authorization': 'Bearer ⟫@S@⟪'}⟫\n",
    "⟪Mar 14 09:12:44 web-1 app[@N@]: DB connect failed (user=app⟫ ⟪password=⟫@S@⟪ host=@IP@)⟫\n",
    '⟪> terraform plan⟫\n⟪  + resource "aws_iam_access_key" "ci" {⟫\n⟪      + secret = "⟫@S@⟪"⟫\n⟪    }⟫\n',
    "⟪(Pdb) p config⟫\n⟪{'region': 'eu-west-1',⟫ ⟪'secret_access_key': '⟫@S@⟪', 'bucket': 'exports'}⟫\n",
    "⟪console.log(creds) → { user: 'svc',⟫ ⟪pass: '⟫@S@⟪' }⟫\n",
    "⟪Unhandled rejection: Error: 403 Forbidden⟫\n"
    "⟪    config: { headers: { 'x-api-key': '⟫@S@⟪' },⟫ ⟪timeout: 5000 }⟫\n",
    '⟪job "nightly" failed: exit status 1⟫\n⟪  with vars: {passphrase: ⟫@S@⟪, target: s3://backups}⟫\n',
    "⟪[INFO] Using credentials from settings.xml: <password>⟫@S@⟪</password>⟫\n",
    "⟪ok: [web-1] => (item={'key': 'db_password', 'value': '⟫@S@⟪'})⟫\n",
)

SSN = (
    "⟪| id | name       | ssn         | dob        |⟫\n⟪|  @N@ | ⟫Maria Lopez⟪ | ⟫@S@⟪ | ⟫1979-03-02⟪ |⟫\n",
    "⟪customer_id,full_name,ssn,zip⟫\n⟪C-@N@,⟫Tom Reyes⟪,⟫@S@⟪,94107⟫\n",
    '{⟪"applicant": {"id": "@UUID@",⟫ ⟪"ssn": "⟫@S@⟪",⟫ ⟪"income": 72000}⟫}\n',
    "⟪INSERT INTO employees (id, name, ssn, hired) VALUES (@N@, '⟫Ana Silva⟪', '⟫@S@⟪', '2021-09-01');⟫\n",
    "⟪@TS@ INFO kyc.verify⟫ ⟪subject_ssn=⟫@S@ ⟪result=match score=0.98⟫\n",
    "⟪SSN:⟫ @S@⟪    DOB: ⟫04/11/1985\n",
    '⟪    ssn = "⟫@S@⟪"⟫\n⟪    assert validate_ssn(ssn)⟫\n',
    "⟪Employee SSN⟫ @S@ ⟪on file; W-4 received @TS@⟫\n",
    "⟪<ssn>⟫@S@⟪</ssn>⟫\n⟪<state>TX</state>⟫\n",
    "⟪taxpayer_id: ⟫@S@\n⟪filing_status: single⟫\n",
    "⟪>>> df.loc[@N@]⟫\n⟪name⟫             J. Park\n⟪social_security ⟫   @S@\n⟪state                NY⟫\n",
    "⟪mysql> SELECT ssn FROM patients WHERE id = @N@;⟫\n⟪+-------------+⟫\n⟪| ⟫@S@⟪ |⟫\n⟪+-------------+⟫\n"
    "⟪1 row in set (0.00 sec)⟫\n",
    '⟪    "social_security_number": "⟫@S@⟪",⟫\n⟪    "citizenship": "US",⟫\n',
    "⟪ERROR validation failed for field 'ssn' (value=⟫@S@⟪): duplicate⟫\n",
    "⟪Beneficiary SSN: ⟫@S@⟪ | Relationship: spouse⟫\n",
    "⟪SS#⟫ @S@\n",
    '⟪member.setSsn("⟫@S@⟪");⟫\n',
    '⟪PATCH /v1/people/@UUID@ {"ssn":"⟫@S@⟪"}⟫\n',
    "⟪- name: ⟫Lee Chang\n  ⟪ssn: ⟫@S@\n  ⟪role: admin⟫\n",
    "⟪Your Social Security number (⟫@S@⟪) has been verified.⟫\n",
    "⟪2026-05-14 09:12:44 payroll: W-2 generated for SSN ⟫@S@⟪ (batch @N@)⟫\n",
    "⟪AssertionError: expected masked '***-**-' but got '⟫@S@⟪'⟫\n",
    "⟪  File \"hr/export.py\", line @N@, in row⟫\n⟪    ssn='⟫@S@⟪',⟫\n",
    '⟪patient.ssn⟫ = ⟪"⟫@S@⟪"⟫\n',
    "⟪ssn⟫\t@S@\t⟪verified⟫\n",
    '⟪<input type="text" name="ssn" value="⟫@S@⟪" autocomplete="off">⟫\n',
)

EMAIL = (
    "⟪commit @SHA@⟫\n⟪Author: ⟫Dana Whitfield⟪ <⟫@S@⟪>⟫\n⟪Date:   Thu May 14 09:12:44 2026 +0000⟫\n",
    "⟪$ git config user.email⟫\n@S@\n",
    "⟪Signed-off-by: ⟫Ravi Menon⟪ <⟫@S@⟪>⟫\n",
    '⟪{"id": @N@, "email": "⟫@S@⟪", "role": "admin", "created_at": "@TS@"}⟫\n',
    "⟪INSERT INTO users (email, plan) VALUES ('⟫@S@⟪', 'pro');⟫\n",
    "⟪@TS@ INFO password reset requested for ⟫@S@⟪ ip=@IP@⟫\n",
    "⟪To: ⟫@S@\n⟪Subject: Your invoice #@N@⟫\n⟪Content-Type: text/plain; charset=utf-8⟫\n",
    "⟪maintainers:⟫\n  ⟪- name: ⟫Leila Haddad\n    ⟪email: ⟫@S@\n",
    '⟪  "author": "⟫Jo Becker⟪ <⟫@S@⟪>",⟫\n⟪  "license": "MIT",⟫\n',
    '⟪user = User.objects.create(username="kim",⟫ ⟪email="⟫@S@⟪")⟫\n',
    "⟪Co-authored-by: ⟫Sam Ortiz⟪ <⟫@S@⟪>⟫\n",
    "⟪@SHA7@ ⟫@S@⟪ 2026-05-14 fix retry loop⟫\n",
    "⟪| id | email                     | verified |⟫\n⟪|  @N@ | ⟫@S@⟪ | t        |⟫\n",
    '⟪ERROR: duplicate key value violates unique constraint "users_email_key"⟫\n'
    "⟪DETAIL:  Key (email)=(⟫@S@⟪) already exists.⟫\n",
    "⟪Reply-To: ⟫@S@\n⟪Message-ID: <⟫@UUID@@mail.acme-corp.io⟪>⟫\n",
    '⟪owner_email = "⟫@S@⟪"⟫\n⟪owner_team  = "payments"⟫\n',
    "⟪contact: mailto:⟫@S@\n",
    "⟪[@TS@] mailer: queued welcome mail to=⟫@S@⟪ template=welcome_v2⟫\n",
    "⟪customer,email,total⟫\n⟪@N@,⟫@S@⟪,129.90⟫\n",
    "⟪* @SHA7@ (HEAD -> main) Merge pull request #@N@ from feature/retry⟫\n⟪| Author: ⟫@S@\n",
    '⟪expect(page.getByLabel("Email")).toHaveValue("⟫@S@⟪");⟫\n',
    "⟪ldap: found entry cn=⟫P. Novak⟪,ou=people,dc=acme,dc=io mail=⟫@S@\n",
    "⟪gcloud projects add-iam-policy-binding shop --member=user:⟫@S@⟪ --role=roles/viewer⟫\n",
    "⟪Account: ⟫@S@⟪ (active)⟫\n⟪Project: shop-prod⟫\n",
    '⟪From: ⟫"Priya N."⟪ <⟫@S@⟪>⟫\n⟪Date: Thu, 14 May 2026 09:12:44 +0000⟫\n',
    '⟪{"type": "tool_result", "content": "Logged in as ⟫@S@⟪"}⟫\n',
)

JWTS = (
    '⟪{"access_token":"⟫@S@⟪","token_type":"Bearer","expires_in":3600,"scope":"read"}⟫\n',
    "⟪Authorization: Bearer ⟫@S@\n⟪X-Request-Id: @UUID@⟫\n",
    "⟪ID_TOKEN=⟫@S@\n",
    '⟪localStorage.token = "⟫@S@⟪"⟫\n',
    "⟪Set-Cookie: jwt=⟫@S@⟪; Path=/; HttpOnly; Secure⟫\n",
    "⟪@TS@ DEBUG auth: verified token ⟫@S@⟪ for sub=@N@⟫\n",
    "⟪https://app.acme-corp.io/callback#id_token=⟫@S@⟪&state=@SHA7@⟫\n",
    "⟪$ jwt decode ⟫@S@\n⟪Token header⟫\n⟪------------⟫\n",
    '⟪curl -H "Authorization: JWT ⟫@S@⟪" https://api.acme-corp.io/v1/me⟫\n',
    "⟪  refresh: ⟫@S@\n⟪  expires: @TS@⟫\n",
    '⟪const TEST_JWT = "⟫@S@⟪";⟫\n',
    "⟪export VAULT_TOKEN_JWT='⟫@S@⟪'⟫\n",
    "⟪wss://rt.acme-corp.io/socket?jwt=⟫@S@⟪&vsn=2.0.0⟫\n",
    "⟪token: ⟫@S@⟪  # expires in 1h⟫\n",
    '⟪>>> jwt.decode("⟫@S@⟪", options={"verify_signature": False})⟫\n',
    "⟪ERROR token expired: ⟫@S@\n",
    '⟪{"name": "Authorization", "value": "Bearer ⟫@S@⟪"}⟫\n',
    "⟪[auth] session=⟫@S@⟪ user=@N@⟫\n",
    "⟪X-Amzn-Oidc-Data: ⟫@S@\n",
    "⟪kubectl --token=⟫@S@⟪ get pods -n prod⟫\n",
    "⟪    token = '⟫@S@⟪'⟫\n⟪    claims = verify(token)⟫\n",
    "⟪Cookie: __session=⟫@S@⟪; theme=light⟫\n",
    '⟪<input type="hidden" name="assertion" value="⟫@S@⟪">⟫\n',
    "⟪apiToken: ⟫@S@\n",
    "⟪grpc metadata: authorization=Bearer ⟫@S@\n",
)

PEMS = (
    "⟪$ cat ~/.ssh/id_ed25519⟫\n@S@\n⟪$ ls -la ~/.ssh⟫\n",
    "⟪tls.key: |⟫\n@S@\n⟪tls.crt: |⟫\n",
    "⟪Reading /srv/app/certs/server.key⟫\n@S@\n⟪(end of file)⟫\n",
    '{⟪"type": "service_account",⟫ ⟪"project_id": "shop-prod",⟫ ⟪"private_key": "⟫@SE@⟪\\n'
    '",⟫ ⟪"client_email": "⟫ci@shop-prod.iam.gserviceaccount.com⟪"⟫}\n',
    '⟪GITHUB_APP_PRIVATE_KEY="⟫@SE@⟪"⟫\n⟪GITHUB_APP_ID=@N@⟫\n',
    "⟪SSH_PRIVATE_KEY: |⟫\n@S@\n⟪KNOWN_HOSTS: github.com ssh-ed25519⟫\n",
    "⟪diff --git a/deploy/key.pem b/deploy/key.pem⟫\n⟪new file mode 100644⟫\n@S@\n",
    "⟪const privateKey = `⟫@S@⟪`;⟫\n",
    '⟪- name: Write key⟫\n  ⟪copy:⟫\n    ⟪dest: /etc/ssl/private/app.key⟫\n    ⟪content: "⟫@SE@⟪"⟫\n',
    "⟪openssl genrsa 2048⟫\n@S@\n",
    '⟪private_key = """⟫\n@S@\n⟪"""⟫\n',
    "⟪     1→⟫@S@\n",
    '⟪"signing_key": "⟫@SE@⟪",⟫\n⟪"kid": "@SHA7@"⟫\n',
    '⟪resource "tls_private_key" "ci" {}⟫\n⟪# state: private_key_pem = ⟫"@SE@"\n',
    "⟪jwt:⟫\n  ⟪privateKey: |⟫\n@S@\n  ⟪publicKeyPath: /etc/jwt/pub.pem⟫\n",
    "⟪Host github.com⟫\n⟪  IdentityFile ~/.ssh/deploy_key⟫\n⟪$ cat ~/.ssh/deploy_key⟫\n@S@\n",
    '⟪PRIVATE_KEY=⟫"@SE@"\n',
    "⟪kubectl get secret tls -o jsonpath='{.data.tls\\.key}' | base64 -d⟫\n@S@\n",
    '⟪echo "$DEPLOY_KEY" > key && cat key⟫\n@S@\n⟪chmod 600 key⟫\n',
    '⟪  "key": "⟫@SE@⟪",⟫\n⟪  "cert": "certs/client.crt"⟫\n',
    "⟪<PrivateKey>⟫\n@S@\n⟪</PrivateKey>⟫\n",
    "⟪gpg --export-secret-keys --armor⟫ ops@acme-corp.io\n@S@\n",
    "⟪$ vault read -field=private_key pki/issue/web⟫\n@S@\n",
    "⟪# key for staging (do not commit)⟫\n@S@\n⟪# end⟫\n",
    "⟪sftp_key = <<EOT⟫\n@S@\n⟪EOT⟫\n",
    '⟪{"tool": "read_file", "path": "infra/keys/app.pem", "content": "⟫@SE@⟪"}⟫\n',
)


COOKIE = (
    "⟪> Cookie: ⟫_ga=GA1.2.@N@.1715677964; ⟪sessionid=⟫@S@⟪; csrftoken_present=1⟫\n",
    "⟪< Set-Cookie: connect.sid=⟫@S@⟪; Path=/; Expires=Fri, 15 May 2026 09:12:44 GMT; HttpOnly⟫\n",
    "⟪set-cookie: __Secure-next-auth.session-token=⟫@S@⟪; Path=/; HttpOnly; Secure; SameSite=Lax⟫\n",
    "⟪Set-Cookie: laravel_session=⟫@S@⟪; expires=Thu, 14 May 2026 11:12:44 GMT; Max-Age=7200; path=/; httponly;"
    " samesite=lax⟫\n",
    "⟪curl -b 'session=⟫@S@⟪' https://admin.acme-corp.io/api/users?page=1⟫\n",
    '⟪curl --cookie "remember_token=⟫@S@⟪; theme=dark" https://app.acme-corp.io/⟫\n',
    "⟪Cookie: lang=en-US; auth_session=⟫@S@⟪; tz=Europe%2FBerlin⟫\n",
    '{⟪"name": "sid",⟫ ⟪"value": "⟫@S@⟪",⟫ ⟪"domain": ".acme-corp.io", "path": "/", "httpOnly": true, "secure": true⟫}'
    "\n",
    "⟪.acme-corp.io\tTRUE\t/\tTRUE\t1778745600\tsession\t⟫@S@\n",
    "⟪#HttpOnly_.acme-corp.io\tTRUE\t/\tFALSE\t0\t_gitlab_session\t⟫@S@\n",
    '⟪document.cookie = "token=⟫@S@⟪; path=/; max-age=3600; samesite=strict";⟫\n',
    "⟪page.context().addCookies([{ name: 'session', value: '⟫@S@⟪', url: 'http://localhost:3000' }]);⟫\n",
    '⟪driver.add_cookie({"name": "SESSION",⟫ ⟪"value": "⟫@S@⟪"})⟫\n',
    '⟪requests.get(url, cookies={"sessionid": "⟫@S@⟪", "theme": "dark"})⟫\n',
    "⟪Set-Cookie: PHPSESSID=⟫@S@⟪; path=/; secure; HttpOnly; SameSite=None⟫\n⟪Cache-Control: no-store⟫\n",
    "⟪Set-Cookie: JSESSIONID=⟫@S@⟪; Path=/shop; HttpOnly⟫\n⟪Content-Language: en-US⟫\n",
    "⟪> GET /dashboard HTTP/1.1⟫\n⟪> Host: app.acme-corp.io⟫\n⟪> Cookie: _app_session=⟫@S@\n⟪> Accept: text/html⟫\n",
    "⟪http GET https://app.acme-corp.io/api/me Cookie:'sessionid=⟫@S@⟪'⟫\n",
    "⟪[@TS@] DEBUG request cookies={'csrftoken': 'present',⟫ ⟪'sessionid': '⟫@S@⟪'}⟫\n",
    '⟪res.cookie("sid", "⟫@S@⟪", { httpOnly: true, secure: true, maxAge: 86400000 });⟫\n',
    '⟪response.set_cookie("session", "⟫@S@⟪", max_age=3600, secure=True, httponly=True)⟫\n',
    '⟪http.SetCookie(w, &http.Cookie{Name: "session",⟫ ⟪Value: "⟫@S@⟪", Path: "/", HttpOnly: true})⟫\n',
    "⟪Cookie: ASP.NET_SessionId=⟫@S@⟪; .AspNetCore.Culture=c%3Den-US⟫\n",
    "⟪wget --header='Cookie: auth=⟫@S@⟪' -O report.pdf https://app.acme-corp.io/reports/@N@⟫\n",
    "⟪Set-Cookie: refresh_token=⟫@S@⟪; Path=/auth/refresh; HttpOnly; Secure; SameSite=Strict; Max-Age=2592000⟫\n",
    '⟪  "cookies": "wordpress_logged_in_@SHA7@=⟫@S@⟪",⟫\n',
)

CI_K8S = (
    "⟪- name: Publish⟫\n  ⟪uses: pypa/gh-action-pypi-publish@release/v1⟫\n  ⟪with:⟫\n    ⟪password: ⟫@S@\n",
    "⟪- uses: docker/login-action@v3⟫\n  ⟪with:⟫\n    ⟪registry: ghcr.io⟫\n    ⟪username: acme-bot⟫\n"
    "    ⟪password: ⟫@S@\n",
    '⟪variables:⟫\n  ⟪DOCKER_DRIVER: overlay2⟫\n  ⟪SONAR_TOKEN: "⟫@S@⟪"⟫\n  ⟪GIT_DEPTH: "10"⟫\n',
    "⟪pipeline {⟫\n  ⟪environment {⟫\n    ⟪NEXUS_PASSWORD = '⟫@S@⟪'⟫\n    ⟪JAVA_HOME = '/opt/jdk-21'⟫\n  }\n",
    "⟪jobs:⟫\n  ⟪build:⟫\n    ⟪docker:⟫\n      ⟪- image: cimg/node:20.12⟫\n        ⟪auth:⟫\n"
    "          ⟪username: acme⟫\n"
    "          ⟪password: ⟫@S@\n",
    "⟪secretGenerator:⟫\n⟪- name: api-secrets⟫\n  ⟪literals:⟫\n  ⟪- API_KEY=⟫@S@\n  ⟪- LOG_LEVEL=info⟫\n",
    "⟪apiVersion: v1⟫\n⟪kind: Secret⟫\n⟪metadata:⟫\n  ⟪name: smtp⟫\n  ⟪namespace: mail⟫\n⟪stringData:⟫\n"
    "  ⟪SMTP_PASS: ⟫@S@\n",
    "⟪containers:⟫\n  ⟪- name: api⟫\n    ⟪image: acme/api:@SHA7@⟫\n    ⟪env:⟫\n      ⟪- name: STRIPE_KEY⟫\n"
    '        ⟪value: "⟫@S@⟪"⟫\n      ⟪- name: PORT⟫\n        ⟪value: "8080"⟫\n',
    "⟪$ helm get values shop -n prod⟫\n⟪USER-SUPPLIED VALUES:⟫\n⟪postgresql:⟫\n  ⟪auth:⟫\n    ⟪password: ⟫@S@\n"
    "    ⟪username: shop⟫\n",
    "⟪spec:⟫\n  ⟪source:⟫\n    ⟪helm:⟫\n      ⟪parameters:⟫\n        ⟪- name: redis.password⟫\n"
    "          ⟪value: ⟫@S@\n",
    "⟪- name: Deploy⟫\n  ⟪run: ./deploy.sh --token ⟫@S@\n  ⟪shell: bash⟫\n",
    "⟪deploy:⟫\n  ⟪stage: deploy⟫\n  ⟪script:⟫\n"
    "    ⟪- curl -X POST -F token=⟫@S@⟪ -F ref=main https://gitlab.acme-corp.io/api/v4/projects/@N@/trigger/pipeline⟫"
    "\n",
    "⟪steps:⟫\n⟪- script: az login --service-principal -u $(appId) -p ⟫@S@⟪ --tenant $(tenant)⟫\n"
    "  ⟪displayName: Login⟫\n",
    "⟪x-common-env: &common-env⟫\n  ⟪TZ: UTC⟫\n  ⟪MEILI_MASTER_KEY: ⟫@S@\n",
    "⟪  db:⟫\n    ⟪image: mariadb:11⟫\n    ⟪environment:⟫\n      ⟪MARIADB_ROOT_PASSWORD: ⟫@S@\n"
    '      ⟪MARIADB_DATABASE: shop⟫\n    ⟪ports:⟫\n      ⟪- "3306:3306"⟫\n',
    '⟪db_password        = "⟫@S@⟪"⟫\n⟪db_instance_class  = "db.t3.medium"⟫\n⟪multi_az           = true⟫\n',
    "⟪config:⟫\n  ⟪aws:region: eu-west-1⟫\n  ⟪shop:apiSecret: ⟫@S@\n",
    '⟪vault {⟫\n  ⟪address = "https://vault.acme-corp.io:8200"⟫\n  ⟪token   = "⟫@S@⟪"⟫\n}\n',
    "⟪##[debug]Evaluating: secrets.DEPLOY_KEY⟫\n⟪##[debug]Result: '⟫@S@⟪'⟫\n",
    '⟪Run echo "::add-mask::$TOKEN"⟫\n⟪Run ./release.sh⟫\n⟪  RELEASE_TOKEN=⟫@S@\n⟪Uploading artifacts (3 files)⟫\n',
    "⟪kind: ConfigMap⟫\n⟪data:⟫\n  ⟪application.properties: |⟫\n    ⟪server.port=8080⟫\n    ⟪app.api.secret=⟫@S@\n",
    "⟪kubectl set env deployment/api -n prod API_TOKEN=⟫@S@\n⟪deployment.apps/api env updated⟫\n",
    "⟪$ kubectl exec -it api-7d9f-x2 -- env | grep -i key⟫\n⟪OPENAI_API_KEY=⟫@S@\n⟪KEYCLOAK_REALM=shop⟫\n",
    "⟪argocd login cd.acme-corp.io --username admin --password ⟫@S@⟪ --grpc-web⟫\n",
    "⟪environment:⟫\n  ⟪name: production⟫\n⟪env:⟫\n  ⟪CF_API_TOKEN: ⟫@S@\n  ⟪CF_ZONE_ID: @SHA@⟫\n",
    '⟪[[runners]]⟫\n  ⟪name = "docker-1"⟫\n  ⟪url = "https://gitlab.acme-corp.io/"⟫\n  ⟪token = "⟫@S@⟪"⟫\n'
    '  ⟪executor = "docker"⟫\n',
)


SPELLINGS = (
    "⟪db_pwd=⟫@S@⟪ db_user=report db_name=metrics⟫\n",
    "⟪dbPassword: ⟫@S@\n⟪dbUser: report⟫\n",
    "⟪--db-password ⟫@S@⟪ --db-host @IP@⟫\n",
    '⟪wpa_passphrase="⟫@S@⟪"⟫\n⟪ssid="office-5g"⟫\n',
    "⟪psk: ⟫@S@\n⟪cipher: aes-256-gcm⟫\n",
    '{⟪"consumer_key": "shop-web",⟫ ⟪"consumer_secret": "⟫@S@⟪"⟫}\n',
    "⟪masterKey = '⟫@S@⟪';⟫\n",
    "⟪ENCRYPTION-KEY: ⟫@S@\n",
    "⟪hmac_key = ⟫@S@\n⟪hmac_alg = sha256⟫\n",
    "⟪shared_secret ⟫@S@\n⟪radius_port 1812⟫\n",
    '⟪rootpw ⟫@S@\n⟪rootdn "cn=admin,dc=acme,dc=io"⟫\n',
    "⟪admin_pw: ⟫@S@\n",
    "⟪PASSWD=⟫@S@⟪ ./restore.sh⟫\n",
    '⟪creds = ("svc-backup", "⟫@S@⟪")⟫\n',
    '⟪credentials: ⟫svc-backup:@S@\n⟪schedule: "0 3 * * *"⟫\n',
    "⟪BearerToken = ⟫@S@\n",
    "⟪cookie_secret: ⟫@S@\n⟪cookie_name: _oauth2_proxy⟫\n",
    "⟪license_key: ⟫@S@\n⟪license_seats: 25⟫\n",
    "⟪APP_KEY=⟫base64:@S@\n⟪APP_DEBUG=false⟫\n",
    "⟪client-secret = ⟫@S@\n⟪client-id = shop-web⟫\n",
    "⟪ApiToken=⟫@S@⟪;Region=eu;⟫\n",
    '⟪authKey: "⟫@S@⟪"⟫\n',
    "⟪bearer_token=⟫@S@\n",
    "⟪<secret>⟫@S@⟪</secret>⟫\n",
    '⟪pw = "⟫@S@⟪"⟫\n⟪assert login(user, pw)⟫\n',
    "⟪signing-secret: ⟫@S@\n",
    "⟪stripe_sk=⟫@S@⟪ stripe_pk_set=yes⟫\n",
    "⟪SMTP_PASS=⟫@S@\n⟪SMTP_PORT=465⟫\n",
    '⟪opts.Secret = "⟫@S@⟪"⟫\n',
    "⟪access-token: ⟫@S@\n⟪token-type: bearer⟫\n",
)


# Documents with no secret: what looks secret-ish but is not ------------------------------------------

BENIGN = (
    # hashes, ids, checksums
    "⟪commit @SHA@⟫\n⟪Merge: @SHA7@ @SHA7@⟫\n⟪Date:   Thu May 14 09:12:44 2026 +0000⟫\n",
    "⟪$ git log --oneline -3⟫\n⟪@SHA7@ fix token refresh race⟫\n⟪@SHA7@ rotate secrets docs⟫\n"
    "⟪@SHA7@ add password policy⟫\n",
    "⟪$ git rev-parse HEAD⟫\n⟪@SHA@⟫\n",
    "⟪request_id=@UUID@ trace_id=@HEX64@ span=@SHA7@ status=200⟫\n",
    '⟪"packages/auth/node_modules/jsonwebtoken": {⟫\n  ⟪"version": "9.0.2",⟫\n'
    '  ⟪"resolved": "https://registry.npmjs.org/jsonwebtoken/-/jsonwebtoken-9.0.2.tgz",⟫\n'
    '  ⟪"integrity": "sha512-@SHA512B64@"⟫\n}\n',
    '⟪[[package]]⟫\n⟪name = "cryptography"⟫\n⟪version = "42.0.5"⟫\n'
    '⟪source = "registry+https://github.com/rust-lang/crates.io-index"⟫\n'
    '⟪checksum = "@HEX64@"⟫\n',
    "⟪cryptography==42.0.5 \\⟫\n    ⟪--hash=sha256:@HEX64@ \\⟫\n    ⟪--hash=sha256:@HEX64@⟫\n",
    "⟪golang.org/x/crypto v0.22.0 h1:@B64SUM@⟫\n⟪golang.org/x/crypto v0.22.0/go.mod h1:@B64SUM@⟫\n",
    "⟪@HEX64@  dist/app-1.4.2-linux-amd64.tar.gz⟫\n⟪@HEX64@  dist/app-1.4.2-darwin-arm64.tar.gz⟫\n",
    "⟪sha256:@HEX64@: Pulling fs layer⟫\n⟪Digest: sha256:@HEX64@⟫\n"
    "⟪Status: Downloaded newer image for postgres:16.3⟫\n",
    "⟪image: ghcr.io/acme/api@sha256:@HEX64@⟫\n",
    '⟪ETag: "@SHA@"⟫\n⟪Cache-Control: max-age=31536000, immutable⟫\n⟪X-Request-Id: @UUID@⟫\n',
    '⟪{"id": "@UUID@", "object": "chat.completion", "usage": {"prompt_tokens": 1203, "completion_tokens": 87,'
    ' "total_tokens": 1290}}⟫\n',
    # placeholders, references, empties
    "⟪# .env.example⟫\n⟪DATABASE_URL=postgres://user:password@localhost:5432/app⟫\n⟪API_KEY=<your-api-key>⟫\n"
    "⟪SECRET_KEY=⟫\n",
    "⟪STRIPE_SECRET_KEY=${STRIPE_SECRET_KEY}⟫\n⟪GITHUB_TOKEN=$(cat /run/secrets/github_token)⟫\n"
    "⟪NPM_TOKEN=${NPM_TOKEN:?unset}⟫\n",
    "⟪env:⟫\n  ⟪API_TOKEN: ${{ secrets.API_TOKEN }}⟫\n"
    "  ⟪AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}⟫\n  ⟪CI: true⟫\n",
    "⟪password: \"{{ vault_db_password }}\"⟫\n⟪api_key: \"{{ lookup('env', 'API_KEY') }}\"⟫\n",
    '⟪db:⟫\n  ⟪password: null⟫\n  ⟪token: ""⟫\n  ⟪secret: ~⟫\n',
    "⟪password: ********⟫\n⟪token: xxxxxxxxxxxxxxxxxxxx⟫\n⟪api_key: REDACTED⟫\n",
    '⟪cursor.execute("SELECT * FROM users WHERE name = %(name)s AND password_hash = %(password)s", params)⟫\n',
    "⟪DB_PASSWORD=⟫\n⟪DB_USER=⟫\n⟪# fill these in locally⟫\n",
    "⟪Required environment variables:⟫\n⟪  OPENAI_API_KEY      API key for completions⟫\n"
    "⟪  GITHUB_TOKEN        token with repo scope⟫\n"
    "⟪  DATABASE_PASSWORD   password of the app role⟫\n",
    "⟪Authorization: Bearer <token>⟫\n⟪X-Api-Key: YOUR_API_KEY⟫\n",
    '⟪curl -H "Authorization: Bearer $TOKEN" https://api.acme-corp.io/v1/me⟫\n',
    "⟪secretKeyRef:⟫\n  ⟪name: db-credentials⟫\n  ⟪key: password⟫\n⟪secretName: my-secret⟫\n",
    "⟪spec:⟫\n  ⟪tls:⟫\n    ⟪- hosts: [shop.acme-corp.io]⟫\n      ⟪secretName: shop-tls⟫\n  ⟪imagePullSecrets:⟫\n"
    "    ⟪- name: regcred⟫\n",
    "⟪admin_password:⟫ changeme\n⟪admin_user: admin⟫\n",
    '⟪password = getpass.getpass("Password: ")⟫\n⟪token = os.environ.get("API_TOKEN", "")⟫\n',
    '⟪const secret = process.env.JWT_SECRET ?? "";⟫\n⟪const apiKey = config.get<string>("apiKey");⟫\n',
    '⟪psql "host=localhost dbname=app user=app password=$PGPASSWORD"⟫\n',
    "⟪jdbc:postgresql://localhost:5432/app?user=app&password=${DB_PASSWORD}⟫\n",
    "⟪Server=localhost;Database=app;Trusted_Connection=True;⟫\n",
    "⟪redis://localhost:6379/0⟫\n⟪postgres://app@localhost/app⟫\n",
    "⟪docker run -e POSTGRES_PASSWORD -p 5432:5432 postgres:16⟫\n",
    "⟪kubectl create secret generic api --from-env-file=.env.prod --dry-run=client -o yaml⟫\n",
    "⟪mysql -u root -p⟫\n⟪Enter password:⟫\n⟪Welcome to the MySQL monitor.⟫\n",
    "⟪[sudo] password for dev:⟫\n⟪Sorry, try again.⟫\n",
    # words, not values
    "⟪passwordPolicy:⟫\n  ⟪minLength: 12⟫\n  ⟪requireSymbols: true⟫\n⟪passwordResetTtl: 3600⟫\n",
    "⟪max_tokens: 4096⟫\n⟪temperature: 0.2⟫\n⟪token_count=1523⟫\n⟪tokens_per_minute: 90000⟫\n",
    "⟪def get_password(user_id: int) -> str: ...⟫\n⟪def rotate_api_key(client: Client) -> None: ...⟫\n",
    "⟪tests/auth/test_token_refresh.py::test_expired_token_is_rejected PASSED⟫\n"
    "⟪tests/auth/test_secret_store.py::test_missing_secret_raises PASSED⟫\n",
    "⟪src/secrets/manager.ts⟫\n⟪src/auth/tokenStore.ts⟫\n⟪config/credentials.yml.enc⟫\n⟪lib/password_hasher.rb⟫\n",
    '⟪import { verifyToken, signAccessToken } from "./auth/jwt";⟫\n',
    "⟪class PasswordResetTokenGenerator(BaseTokenGenerator):⟫\n"
    '    ⟪key_salt = "django.contrib.auth.tokens.PasswordResetTokenGenerator"⟫\n',
    "⟪ERROR: token expired at @TS@, refreshing⟫\n⟪INFO: new token issued (ttl=3600s)⟫\n",
    "⟪Password must be at least 12 characters and contain a digit.⟫\n",
    "⟪--password-stdin        Take the password from stdin⟫\n⟪-p, --password string   Password⟫\n",
    "⟪SECRET_KEY_FALLBACKS = []⟫\n⟪SESSION_COOKIE_SECURE = True⟫\n⟪CSRF_COOKIE_HTTPONLY = True⟫\n",
    '⟪private_key_path = "/etc/ssl/private/app.key"⟫\n⟪public_key_path = "/etc/ssl/certs/app.pem"⟫\n',
    # versions, numbers, ids in code
    "⟪node v20.12.2, npm 10.5.0, python 3.11.9, openssl 3.0.13 30 Jan 2024⟫\n",
    "⟪Version: 10.2.14.3⟫\n⟪Build: 2026.05.14.1123⟫\n⟪Kernel: 6.8.0-31-generic⟫\n",
    "⟪Order #4021-555-0187 confirmed; tracking 1Z@N@AA1012@N@⟫\n",
    "⟪invoice INV-2026-000451 due 2026-06-01, total 1,299.00⟫\n",
    "⟪started_at=1715677964 finished_at=1715678012 duration_ms=48211⟫\n",
    "⟪const userServiceAccountPermissionResolverFactoryProvider = createProvider();⟫\n",
    "⟪AbstractSingletonProxyFactoryBeanDefinitionRegistryPostProcessor⟫\n",
    "⟪x86_64-unknown-linux-gnu/release/build/ring-@SHA7@/out⟫\n",
    "⟪Listening on http://0.0.0.0:8080 (pid @N@)⟫\n⟪Connected to postgres at @IP@:5432⟫\n",
    # encodings that are not secrets
    "⟪$ echo 'aGVsbG8gd29ybGQK' | base64 -d⟫\n⟪hello world⟫\n",
    "⟪data:⟫\n  ⟪LOG_LEVEL: aW5mbw==⟫\n  ⟪REGION: ZXUtd2VzdC0x⟫\n",
    '⟪<img alt="dot" src="data:image/png;base64,⟫iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwACh'
    'wGA60e6kgAAAABJRU5ErkJggg==⟪">⟫\n',
    "⟪.btn-primary { color: #1f2937; background: #3b82f6; border-radius: 6px; }⟫\n⟪.token { color: #d73a49 }⟫\n",
    '⟪!function(e,t){"object"==typeof exports?module.exports=t():e.lib=t()}(this,function(){return{}});⟫\n',
    '⟪font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto;⟫\n⟪--color-accent: #0969da;⟫\n',
    "⟪ssh-ed25519 @SSHPUB@ dev@laptop⟫\n",
    "⟪-----BEGIN PUBLIC KEY-----⟫\n⟪@PUBKEY@⟫\n⟪-----END PUBLIC KEY-----⟫\n",
    "⟪gpg: Signature made Thu May 14 09:12:44 2026 UTC⟫\n⟪gpg:                using RSA key @SHA@⟫\n"
    "⟪gpg: Good signature⟫\n",
    "⟪Fingerprint: SHA256:@SHA@⟫\n⟪The key's randomart image is:⟫\n",
    # connection strings and URLs without a password
    "⟪postgres://analytics@@IP@:5432/warehouse?sslmode=require&application_name=etl⟫\n",
    "⟪https://github.com/acme/api/compare/@SHA7@...@SHA7@?diff=split&w=1⟫\n",
    "⟪https://acme-corp.io/reset-password?step=2&lang=en&utm_source=email&utm_campaign=spring⟫\n",
    "⟪https://accounts.acme-corp.io/o/oauth2/auth?client_id=web-app&response_type=code&scope=openid%20email"
    "&redirect_uri=https%3A%2F%2Fapp.acme-corp.io%2Fcb&state=@SHA7@⟫\n",
    "⟪GET /api/tokens?page=3&per_page=50&sort=created_at HTTP/1.1⟫\n⟪Host: api.acme-corp.io⟫\n",
    "⟪Set-Cookie: theme=dark; Path=/; Max-Age=31536000; SameSite=Lax⟫\n⟪Set-Cookie: locale=en-US; Path=/⟫\n",
    "⟪git@github.com:acme/secrets-operator.git⟫\n⟪ssh://git@gitlab.acme-corp.io:2222/platform/token-service.git⟫\n",
    "⟪origin  https://github.com/acme/api.git (fetch)⟫\n⟪origin  https://github.com/acme/api.git (push)⟫\n",
    '⟪WWW-Authenticate: Bearer realm="api", error="invalid_token", error_description="expired"⟫\n',
    "⟪Authorization: AWS4-HMAC-SHA256 Credential=<ACCESS_KEY_ID>/20260514/us-east-1/s3/aws4_request⟫\n",
    # ordinary code and configs that mention the words
    '⟪resource "aws_secretsmanager_secret" "db" {⟫\n  ⟪name                    = "prod/db/password"⟫\n'
    "  ⟪recovery_window_in_days = 7⟫\n}\n",
    '⟪variable "db_password" {⟫\n  ⟪type      = string⟫\n  ⟪sensitive = true⟫\n}\n',
    '⟪if (!token) { throw new Error("missing token"); }⟫\n'
    '⟪const [user, pass] = atob(header.split(" ")[1]).split(":");⟫\n',
    "⟪hashed = bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=12))⟫\n",
    "⟪$2b$12$⟫\n⟪bcrypt rounds: 12⟫\n",
    "⟪@TS@ INFO  rotated 3 API keys for tenant acme (ids: 41, 42, 43)⟫\n",
    "⟪PASS  src/auth/password.test.ts (5 tests)⟫\n⟪Tests: 5 passed, 5 total⟫\n⟪Time: 1.204 s⟫\n",
    '⟪<add key="ApiBaseUrl" value="https://api.acme-corp.io" />⟫\n⟪<add key="TokenLifetimeMinutes" value="60" />⟫\n',
    "⟪spring.security.oauth2.client.registration.github.client-id=${GITHUB_CLIENT_ID}⟫\n"
    "⟪spring.security.oauth2.client.registration.github.client-secret=${GITHUB_CLIENT_SECRET}⟫\n",
    "⟪[credential]⟫\n⟪\thelper = osxkeychain⟫\n⟪[user]⟫\n⟪\tname = dev⟫\n",
    "⟪@@ -3,7 +3,7 @@ import os⟫\n⟪-TOKEN_TTL = 3600⟫\n⟪+TOKEN_TTL = 7200⟫\n",
    '⟪{"type": "tool_result", "content": "No matches for \'password\' in 214 files"}⟫\n',
    '⟪grep -rn "api_key" src/ | wc -l⟫\n⟪17⟫\n',
    "⟪2026-05-14 09:12:44.120 UTC [@N@] LOG:  connection authorized: user=app database=shop SSL enabled⟫\n",
    '⟪stripe_sk = settings.STRIPE_SECRET_KEY⟫\n⟪client_secret = credentials["client_secret"]⟫\n',
    '⟪    password=os.environ["DB_PASSWORD"],⟫\n⟪    host="@IP@",⟫\n',
    '⟪192.0.2.14 - - [14/May/2026:09:12:44 +0000] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.29"⟫\n',
    "⟪openssl rand -hex 32 > secret.txt⟫\n⟪chmod 600 secret.txt⟫\n",
    # listings and tool output that name secrets without holding them
    "⟪$ kubectl get secrets -n prod⟫\n⟪NAME                  TYPE                             DATA   AGE⟫\n"
    "⟪db-credentials        Opaque                           2      41d⟫\n"
    "⟪shop-tls              kubernetes.io/tls                2      12d⟫\n",
    "⟪$ kubectl describe secret db-credentials⟫\n⟪Name:         db-credentials⟫\n⟪Type:  Opaque⟫\n⟪Data⟫\n⟪====⟫\n"
    "⟪password:  24 bytes⟫\n⟪username:  3 bytes⟫\n",
    "⟪$ gh auth status⟫\n⟪github.com⟫\n⟪  ✓ Logged in to github.com account acme-bot (keyring)⟫\n"
    "⟪  - Active account: true⟫\n"
    "⟪  - Token: "
    + "gh"
    + "o_************************************⟫\n⟪  - Token scopes: 'gist', 'read:org', 'repo'⟫\n",
    '⟪$ aws sts get-caller-identity⟫\n{\n    ⟪"UserId": "⟫AROA@N@EXAMPLE:ci⟪",⟫\n'
    '    ⟪"Account": "⟫@N@0000@N@⟪",⟫\n'
    '    ⟪"Arn": "arn:aws:sts::⟫@N@0000@N@⟪:assumed-role/ci/ci"⟫\n}\n',
    "⟪Vault status⟫\n⟪Seal Type       shamir⟫\n⟪Initialized     true⟫\n⟪Sealed          false⟫\n⟪Total Shares    5⟫\n"
    "⟪Threshold       3⟫\n"
    "⟪Version         1.16.2⟫\n",
    "⟪Generating public/private ed25519 key pair.⟫\n⟪Your identification has been saved in /srv/keys/deploy⟫\n"
    "⟪Your public key has been saved in /srv/keys/deploy.pub⟫\n⟪The key fingerprint is:⟫\n"
    "⟪SHA256:@B64SUM@ deploy@ci⟫\n",
    "⟪$ npm token list⟫\n⟪┌────────┬─────────┬────────────┬──────────┐⟫\n"
    "⟪│ id     │ token   │ created    │ readonly │⟫\n"
    "⟪│ @SHA7@ │ @SHA7@… │ 2026-05-14 │ no       │⟫\n",
    "⟪CONTAINER ID   IMAGE          COMMAND                  STATUS         PORTS                    NAMES⟫\n"
    '⟪@SHA7@a1b2c   postgres:16    "docker-entrypoint.s…"   Up 2 hours     0.0.0.0:5432->5432/tcp   db⟫\n',
    "⟪$ ls -la config/⟫\n⟪-rw-------  1 app app  412 May 14 09:12 secrets.yml⟫\n"
    "⟪-rw-r--r--  1 app app  201 May 14 09:12 tokens.example.json⟫\n"
    "⟪-rw-r--r--  1 app app   88 May 14 09:12 .env.sample⟫\n",
    "⟪Package            Version⟫\n⟪------------------ ---------⟫\n⟪cryptography       42.0.5⟫\n"
    "⟪PyJWT              2.8.0⟫\n"
    "⟪keyring            25.2.1⟫\n⟪python-dotenv      1.0.1⟫\n",
    "⟪found 0 vulnerabilities⟫\n⟪added 1432 packages, and audited 1433 packages in 21s⟫\n",
    '⟪  ~ resource "aws_db_instance" "main" {⟫\n⟪      ~ password = (sensitive value)⟫\n'
    '⟪        id       = "shop-prod"⟫\n⟪    }⟫\n'
    "⟪Plan: 0 to add, 1 to change, 0 to destroy.⟫\n",
    '⟪Outputs:⟫\n⟪db_endpoint = "shop.@SHA7@.eu-west-1.rds.amazonaws.com:5432"⟫\n⟪db_password = <sensitive>⟫\n',
    # schemas and specs
    "⟪CREATE TABLE users (⟫\n⟪  id BIGSERIAL PRIMARY KEY,⟫\n⟪  email TEXT NOT NULL UNIQUE,⟫\n"
    "⟪  password_hash TEXT NOT NULL,⟫\n"
    "⟪  api_token_digest CHAR(64)⟫\n⟪);⟫\n",
    "⟪model Account {⟫\n⟪  id                String  @id @default(cuid())⟫\n⟪  refresh_token     String? @db.Text⟫\n"
    "⟪  access_token      String? @db.Text⟫\n⟪}⟫\n",
    "⟪type Mutation {⟫\n⟪  login(email: String!, password: String!): AuthPayload⟫\n"
    "⟪  resetPassword(token: String!): Boolean⟫\n⟪}⟫\n",
    "⟪components:⟫\n  ⟪securitySchemes:⟫\n    ⟪ApiKeyAuth:⟫\n      ⟪type: apiKey⟫\n      ⟪in: header⟫\n"
    "      ⟪name: X-API-Key⟫\n"
    "    ⟪bearerAuth:⟫\n      ⟪type: http⟫\n      ⟪scheme: bearer⟫\n      ⟪bearerFormat: JWT⟫\n",
    '{⟪"password": {"type": "string", "format": "password", "minLength": 12, "writeOnly": true}⟫}\n',
    "⟪class LoginForm(forms.Form):⟫\n    ⟪password = forms.CharField(widget=forms.PasswordInput, min_length=12)⟫\n",
    '⟪<input type="password" name="password" id="password" autocomplete="current-password" required>⟫\n',
    "⟪interface Credentials {⟫\n  ⟪username: string;⟫\n  ⟪password: string;⟫\n  ⟪apiKey?: string;⟫\n⟪}⟫\n",
    '⟪type Config struct {⟫\n\t⟪Password string `yaml:"password" env:"DB_PASSWORD"`⟫\n'
    '\t⟪Token    string `yaml:"token"`⟫\n⟪}⟫\n',
    # configs whose secret-looking keys hold ordinary values
    "⟪AZURE_CLIENT_ID=@UUID@⟫\n⟪AZURE_TENANT_ID=@UUID@⟫\n⟪AZURE_SUBSCRIPTION_ID=@UUID@⟫\n",
    "⟪token_endpoint: https://auth.acme-corp.io/oauth/token⟫\n⟪token_endpoint_auth_method: client_secret_basic⟫\n"
    "⟪token_ttl: 900⟫\n",
    "⟪session:⟫\n  ⟪secret_name: shop-session⟫\n  ⟪cookie_name: __Host-sid⟫\n  ⟪max_age_seconds: 86400⟫\n",
    "⟪permissions:⟫\n  ⟪id-token: write⟫\n  ⟪contents: read⟫\n⟪jobs:⟫\n  ⟪call:⟫\n"
    "    ⟪uses: ./.github/workflows/deploy.yml⟫\n"
    "    ⟪secrets: inherit⟫\n",
    "⟪.env⟫\n⟪.env.*⟫\n⟪!.env.example⟫\n⟪secrets/⟫\n⟪*.pem⟫\n⟪credentials.json⟫\n",
    "⟪ARG NPM_TOKEN⟫\n⟪RUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci⟫\n",
    "⟪config:⟫\n  ⟪shop:dbPassword:⟫\n    ⟪secure: v1:⟫@SHA7@@B64SUM@\n",
    "⟪password: !vault |⟫\n          ⟪$ANSIBLE_VAULT;1.1;AES256⟫\n          @HEX64@\n",
    "⟪sops:⟫\n    ⟪kms:⟫\n        ⟪- arn: arn:aws:kms:eu-west-1:@N@0000@N@:key/@UUID@⟫\n    ⟪version: 3.8.1⟫\n",
    "⟪[mysqld]⟫\n⟪skip-name-resolve⟫\n⟪validate_password.length = 14⟫\n⟪validate_password.policy = STRONG⟫\n",
    "⟪auth:⟫\n  ⟪enabled: true⟫\n  ⟪existingSecret: redis-auth⟫\n  ⟪existingSecretPasswordKey: redis-password⟫\n",
    "⟪max_tokens = 8192⟫\n⟪context_window = 200000⟫\n⟪reasoning_tokens = 0⟫\n",
    # numbers, ids and text shaped like personal data
    "⟪Ticket #555-0147 reopened; call back window 09:00-11:00⟫\n",
    "⟪build 20260514.3 (pipeline 4412-0031-77 was the last green)⟫\n",
    "⟪tracking: 9400-1112-0202-4444-55; weight 1.2 kg⟫\n",
    "⟪ETA 2026-05-14 09:12:44.120987+00:00, epoch 1778750000123⟫\n",
    "⟪version: 1.2.3.4⟫\n⟪min_client: 10.0.19041.1⟫\n",
    "⟪lat=52.520008 lon=13.404954 alt=34.0⟫\n",
    # code and text that merely look random
    "⟪const KEY_CODES = { ENTER: 13, ESCAPE: 27, ARROW_UP: 38 };⟫\n",
    "⟪export const tokenize = (s: string): string[] => s.split(/\\s+/);⟫\n",
    "⟪$ echo -n 'config:v2' | sha1sum⟫\n⟪@SHA@  -⟫\n",
    "⟪.grid{display:grid;grid-template-columns:repeat(3,minmax(0,1fr))}.a1b2c3{color:#a1b2c3}⟫\n",
    "⟪webpack compiled: main.@SHA7@@SHA7@.js 184 KiB [emitted] [immutable]⟫\n",
    "⟪Downloading https://files.pythonhosted.org/packages/@SHA7@/@SHA7@/cryptography-42.0.5-cp39-abi3-manylinux_2_28_x"
    "86_64.whl⟫\n",
    '⟪{"model": "m-large", "input_tokens": 3120, "output_tokens": 412, "cache_read_tokens": 2048}⟫\n',
    "⟪test_password_reset_token_is_single_use PASSED                    [ 42%]⟫\n"
    "⟪test_api_key_rotation_keeps_old_key_for_grace PASSED    [ 43%]⟫\n",
    "⟪fixtures/users_with_weak_passwords.json⟫\n⟪fixtures/expired_tokens.yaml⟫\n",
    # random-looking values that are not secret, beside names that sound secret
    '{⟪"idempotency_key": "@UUID@",⟫ ⟪"amount": 1999,⟫ ⟪"currency": "eur"⟫}\n',
    '⟪cache_key = "v3:@SHA@"⟫\n⟪cache_ttl = 600⟫\n',
    '{⟪"commit_sha": "@SHA@",⟫ ⟪"run_id": 9@N@0@N@,⟫ ⟪"status": "completed"⟫}\n',
    '{⟪"keys": [{"kty": "RSA", "use": "sig", "kid": "@SHA7@", "alg": "RS256", "e": "AQAB", "n": "@JWKN@"}]⟫}\n',
    '⟪<script src="https://cdn.acme-corp.io/app.js" integrity="sha384-@SHA384B64@" crossorigin="anonymous"></script>⟫'
    "\n",
    '⟪entries:⟫\n  ⟪shop:⟫\n  ⟪- version: 1.4.2⟫\n    ⟪digest: @HEX64@⟫\n    ⟪created: "2026-05-14T09:12:44Z"⟫\n',
    '{⟪"mediaType": "application/vnd.oci.image.manifest.v1+json",⟫ ⟪"digest": "sha256:@HEX64@",⟫ ⟪"size": 1574⟫}\n',
    "⟪github.com ssh-ed25519 @SSHPUB@⟫\n",
    "⟪To github.com:acme/api.git⟫\n⟪   @SHA7@..@SHA7@  main -> main⟫\n",
    "⟪#9 writing image sha256:@HEX64@ done⟫\n⟪#9 naming to docker.io/acme/api:1.4.2 done⟫\n",
    "⟪npm notice shasum:        @SHA@⟫\n⟪npm notice integrity:     sha512-@SHA512B64@⟫\n"
    "⟪npm notice total files:   42⟫\n",
    '⟪const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";⟫\n',
    "⟪GOOGLE_CLIENT_ID=@N@-@SHA7@@SHA7@.apps.googleusercontent.com⟫\n⟪GOOGLE_CLIENT_SECRET=⟫\n",
    "⟪AWS_PROFILE=ci⟫\n⟪AWS_REGION=eu-west-1⟫\n⟪AWS_ACCESS_KEY_ID=⟫\n⟪AWS_SECRET_ACCESS_KEY=⟫\n",
    "⟪password_reset_url: https://app.acme-corp.io/reset/{token}⟫\n"
    "⟪invite_url: https://app.acme-corp.io/join/{code}⟫\n",
    '{⟪"access_token": null,⟫ ⟪"token_type": "Bearer",⟫ ⟪"expires_in": 0,⟫ ⟪"error": "invalid_grant"⟫}\n',
    "⟪@TS@ INFO token refreshed: expires_at=@TS@ len=1321 scopes=read,write⟫\n",
    "⟪Authorization: Bearer ⟫[REDACTED]\n⟪X-Api-Key: ⟫[hidden]\n",
    '⟪curl --header "JOB-TOKEN: $CI_JOB_TOKEN" --upload-file dist/app.tgz "${CI_API_V4_URL}/projects/@N@/packages/gene'
    'ric/app/1.4.2/app.tgz"⟫\n',
    "⟪kubectl create secret docker-registry regcred --docker-server=ghcr.io --docker-username=acme-bot"
    ' --docker-password="$GHCR_PAT"⟫\n',
    "⟪api_key = None⟫\n⟪API_TOKEN: str | None = None⟫\n⟪password: Optional[SecretStr] = None⟫\n",
    "⟪secret = secrets.token_urlsafe(32)⟫\n⟪digest = hmac.new(signing_key, body, hashlib.sha256).hexdigest()⟫\n",
    "⟪UPDATE users SET password_hash = $1, password_changed_at = now() WHERE id = $2;⟫\n",
    "⟪github_token: ${{ github.token }}⟫\n⟪token: ${{ steps.app-token.outputs.token }}⟫\n",
    "⟪[@TS@] api key abc rejected? no: key id @N@ is active (last used @TS@)⟫\n",
    "⟪key: SHOP-@N@⟫\n⟪summary: Rotate the payment provider secret before June⟫\n⟪status: In Progress⟫\n",
    '⟪msgid "auth.password.too_short"⟫\n⟪msgstr "Das Passwort ist zu kurz."⟫\n',
    "⟪goroutine 7 [chan receive]:⟫\n⟪main.worker(0xc000012345, 0x1f)⟫\n⟪\t/src/app/worker.go:@N@ +0x8d⟫\n",
)

CLASSES = (
    Class("dotenv_shell", any_secret, DOTENV),
    Class("yaml", any_secret, YAML),
    Class("json", any_secret, JSON),
    Class("config_misc", any_secret, CONFIG_MISC),
    Class("python", any_secret, PYTHON),
    Class("js_ts", any_secret, JS_TS),
    Class("other_languages", any_secret, OTHER_LANG),
    Class("connection_url", url_safe_secret, CONNECTION_URL),
    Class("connection_pairs", url_safe_secret, CONNECTION_KV),
    Class("http", token_secret, HTTP),
    Class("query_param", token_secret, QUERY),
    Class("cli_flag", any_secret, CLI),
    Class("logs_traces", any_secret, LOGS),
    Class("ssn", ssn, SSN),
    Class("email", email, EMAIL),
    Class("jwt", jwt, JWTS),
    Class("private_key", private_key, PEMS),
    Class("cookie", cookie_value, COOKIE),
    Class("ci_k8s", any_secret, CI_K8S),
    Class("key_spellings", any_secret, SPELLINGS),
)


def _document(template: str, secret: str, rng: random.Random) -> tuple[str, str, tuple[str, ...]]:
    """The filled document, the secret as it appears in it, and the spans that must survive."""
    if "@SE@" in template:
        secret = secret.replace("\n", "\\n")
        template = template.replace("@SE@", "@S@")
    doc, keep = _fill(_vary(template, rng), secret, rng)
    if rng.random() < TRANSCRIPT_SHARE:
        doc, secret, keep = _escape(doc, secret, keep)
    return doc, secret, keep


def build(per_class: int = 40, seed: int = SEED) -> list[Labelled]:
    """Every class's documents (``per_class`` each, at least one per template) and the secret-free ones."""
    rng = random.Random(seed)
    out: list[Labelled] = []
    for item in CLASSES:
        for index in range(max(per_class, len(item.templates))):
            doc, secret, keep = _document(item.templates[index % len(item.templates)], item.make(rng), rng)
            start = doc.index(secret)
            out.append(Labelled(Instance(item.name, doc, start, start + len(secret)), keep, doc))
    for _ in range(BENIGN_COPIES):
        for template in BENIGN:
            doc, _secret, keep = _document(template, "", rng)
            out.append(Labelled(None, keep, doc))
    return out


def measure(per_class: int = 40) -> Figures:
    """This part scored as tuning_more scores its own."""
    return score(build(per_class))
