"""The fourth round's tuning part: what command-line tools print back in a terminal, secrets and the text around them.

Environment dumps (``cat .env``, ``env | sort``, ``printenv``, ``set``, ``heroku config``, ``vercel env pull``,
``docker inspect``), cloud CLIs' credential files and JSON, Kubernetes Secrets as ``kubectl`` and ``helm`` print
them, vendor-prefixed tokens, package-registry credential files, tokens in git URLs, database clients' command
lines and configs, locals printed by stack traces and debuggers, HTTP client logs, signed and webhook URLs,
e-mail addresses and SSNs in query output and exports, private keys (raw and with escaped line breaks) and
bearer tokens. Each document may reach the reader through a wrapper: a numbered file read, ``grep -n``
prefixes, ``cat -n``, a diff, a Markdown fence, a timestamped CI log, a box-drawn panel or a JSON transcript
line. Written from the tools' public output formats, not from the rules. Rules may be adjusted against it: it
is a tuning part, like `tuning_more`.

Templates use `tuning_more`'s markers: ``@S@`` for the one labelled secret of a document and ``⟪...⟫`` around
each span that must come out unchanged. ``@AKID@`` (an AWS access key id) and ``@STOK@`` (a session token) are
left unlabelled and never inside a marked span; ``@SHA@``, ``@UUID@``, ``@H64@``, ``@SRI@``, ``@B44@``,
``@ACCT@``, ``@AROA@``, ``@TS@``, ``@PUB@`` and ``@CERT@`` are filled with a git SHA, a UUID, a SHA-256 digest,
an npm integrity string, a go.sum hash, an AWS account id, a role id, a timestamp, an SSH public key and a
certificate line: public things that must survive. `LOOKALIKES` are secret-free documents of the same tools.
"""

from __future__ import annotations

import base64
import random
import re
from collections.abc import Callable, Sequence

from tests.scrubcorpus import fakes
from tests.scrubcorpus.contexts import Instance
from tests.scrubcorpus.fakes import ALNUM, B64, DIGITS, HEX, LOWER, UPPER, URLSAFE, chars, mixed
from tests.scrubcorpus.tuning_more import (
    KEEP_CLOSE,
    KEEP_OPEN,
    TRANSCRIPT_SHARE,
    Class,
    Figures,
    Labelled,
    _escape,
    _fill,
    k8s_value,
    query_secret,
    score,
    ssn,
)
from tests.scrubcorpus.tuning_round2 import auth_credential

SEED = 20261203
Maker = Callable[[random.Random], str]

# Secrets ------------------------------------------------------------------------------------------


def _safe(text: str) -> str:
    """Without the characters that end a value in shells, dotenv and quoted strings."""
    return re.sub(r"[\s'\"`$#\\;&|<>]", "", text) or "x"


def env_secret(rng: random.Random) -> str:
    """What sits after ``*_SECRET=``/``*_PASSWORD=``: human passwords and generated secrets."""
    shape = rng.randrange(6)
    if shape == 0:
        return _safe(fakes.password(rng)).replace("@", "%").replace("!", "%")
    if shape == 1:
        return chars(rng, HEX, rng.choice([32, 48, 64]))
    if shape == 2:
        return base64.b64encode(rng.randbytes(rng.choice([24, 32, 48]))).decode()
    if shape == 3:
        return mixed(rng, ALNUM, rng.randrange(16, 44))
    if shape == 4:
        return mixed(rng, URLSAFE, rng.randrange(32, 64))
    return mixed(rng, ALNUM + "-_.~%", rng.randrange(12, 30))


def aws_secret_key(rng: random.Random) -> str:
    return mixed(rng, B64, 40)


def _vendor_extra(rng: random.Random) -> str:
    """Prefixed tokens of vendors `fakes` does not make, prefixes spelled in pieces."""
    shape = rng.randrange(14)
    if shape == 0:
        return "do" + "p_v1_" + chars(rng, HEX, 64)
    if shape == 1:
        return "shp" + "at_" + chars(rng, HEX, 32)
    if shape == 2:
        return "lin" + "_api_" + chars(rng, ALNUM, 40)
    if shape == 3:
        return "PM" + "AK-" + chars(rng, HEX, 24) + "-" + chars(rng, HEX, 34)
    if shape == 4:
        return "da" + "pi" + chars(rng, HEX, 32)
    if shape == 5:
        return "gl" + "sa_" + chars(rng, ALNUM, 32) + "_" + chars(rng, HEX, 8)
    if shape == 6:
        return "sb" + "p_" + chars(rng, HEX, 40)
    if shape == 7:
        return "hv" + "s." + mixed(rng, URLSAFE, 90)
    if shape == 8:
        return "NR" + "AK-" + chars(rng, UPPER + DIGITS, 27)
    if shape == 9:
        return "fig" + "d_" + mixed(rng, URLSAFE, 40)
    if shape == 10:
        return "nt" + "n_" + mixed(rng, ALNUM, 46)
    if shape == 11:
        return "p" + "at" + chars(rng, ALNUM, 14) + "." + chars(rng, HEX, 64)
    if shape == 12:
        return "AT" + "ATT3x" + mixed(rng, URLSAFE, 180) + "=" + chars(rng, "0123456789ABCDEF", 8)
    return "np" + "f_" + mixed(rng, ALNUM, 36)


_VENDORS: tuple[Maker, ...] = (
    fakes.github_token,
    fakes.gitlab_token,
    fakes.slack_token,
    fakes.stripe_key,
    fakes.openai_key,
    fakes.anthropic_key,
    fakes.huggingface_token,
    fakes.npm_token,
    fakes.pypi_token,
    fakes.sendgrid_key,
    fakes.twilio_key,
    fakes.google_api_key,
    fakes.xai_key,
    _vendor_extra,
    _vendor_extra,
    _vendor_extra,
)


def vendor_token(rng: random.Random) -> str:
    return rng.choice(_VENDORS)(rng)


# Fillers for spans that must survive -------------------------------------------------------------


def _uuid(rng: random.Random) -> str:
    h = chars(rng, HEX, 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"


def _timestamp(rng: random.Random) -> str:
    return (
        f"2026-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}T"
        f"{rng.randrange(24):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}Z"
    )


_FILLERS: dict[str, Maker] = {
    "@SHA@": lambda rng: chars(rng, HEX, 40),
    "@UUID@": _uuid,
    "@H64@": lambda rng: chars(rng, HEX, 64),
    "@H32@": lambda rng: chars(rng, HEX, 32),
    "@SRI@": lambda rng: "sha512-" + base64.b64encode(rng.randbytes(64)).decode(),
    "@ACCT@": lambda rng: chars(rng, "123456789", 1) + chars(rng, DIGITS, 11),
    "@TS@": _timestamp,
    "@PUB@": lambda rng: "AAAAC3NzaC1lZDI1NTE5AAAAI" + chars(rng, B64, 43),
    "@B44@": lambda rng: base64.b64encode(rng.randbytes(32)).decode(),
    "@CERT@": lambda rng: "MIID" + chars(rng, B64, 60),
    "@AROA@": lambda rng: "AR" + "OA" + chars(rng, UPPER + "234567", 17),
    "@STOK@": lambda rng: "IQoJb3JpZ2luX2Vj" + base64.b64encode(rng.randbytes(300)).decode(),
}


def _placeholders(template: str, rng: random.Random) -> str:
    for name, make in _FILLERS.items():
        while name in template:
            template = template.replace(name, make(rng), 1)
    return template


# Wrappers: how a tool's output reaches the agent ----------------------------------------------------

_PATHS = (
    ".env",
    "config/settings.py",
    "deploy/values-prod.yaml",
    "src/main/resources/application.yml",
    "infra/main.tf",
    "scripts/release.sh",
    "k8s/secret.yaml",
    "app/lib/client.ts",
    "internal/config/config.go",
    "docker-compose.yml",
)


def _prefix_lines(template: str, prefix: Callable[[int], str]) -> str:
    """Each line of ``template`` behind ``prefix(n)``: marked as a span where no other span is open."""
    out: list[str] = []
    depth = 0
    lines = template.split("\n")
    for n, line in enumerate(lines):
        if n == len(lines) - 1 and not line:
            out.append(line)
            break
        text = prefix(n)
        out.append((text if depth else KEEP_OPEN + text + KEEP_CLOSE) + line)
        depth += line.count(KEEP_OPEN) - line.count(KEEP_CLOSE)
    return "\n".join(out)


def _wrap(template: str, rng: random.Random, multiline_secret: bool) -> str:
    """The template as one of the tools that show files and logs would hand it over (or as it is)."""
    shape = rng.randrange(10)
    if shape == 1:
        fence = rng.choice(["```", "```bash", "```yaml", "```text", "```json"])
        return f"⟪{fence}⟫\n{template}⟪```⟫\n"
    if multiline_secret or shape < 4:
        return template
    start = rng.randrange(1, 300)
    if shape == 4:
        return _prefix_lines(template, lambda n: f"{start + n:>6}→")
    if shape == 5:
        return _prefix_lines(template, lambda n: f"{start + n:>6}\t")
    if shape == 6:
        path = rng.choice(_PATHS)
        return _prefix_lines(template, lambda n: f"{path}:{start + n}:")
    if shape == 7:
        stamp = f"2026-05-{rng.randrange(1, 29):02d}T{rng.randrange(24):02d}:{rng.randrange(60):02d}"
        return _prefix_lines(template, lambda n: f"{stamp}:{(n * 7) % 60:02d}.{n:07d}Z ")
    if shape == 8:
        path = rng.choice(_PATHS)
        lines = template.count("\n") or 1
        head = f"⟪diff --git a/{path} b/{path}⟫\n⟪+++ b/{path}⟫\n⟪@@ -0,0 +1,{lines} @@⟫\n"
        return head + _prefix_lines(template, lambda n: "+")
    return _prefix_lines(template, lambda n: "│ ")


# Documents ----------------------------------------------------------------------------------------

ENV_DUMP = (
    "⟪$ cat .env⟫\n⟪NODE_ENV=production⟫\n⟪PORT=3000⟫\n⟪DATABASE_PASSWORD=⟫@S@\n⟪REDIS_HOST=cache.internal⟫\n"
    "",
    "⟪$ env | sort⟫\n⟪HOME=/root⟫\n⟪HOSTNAME=web-7d9f8c6b5-x2kqp⟫\n⟪JWT_SIGNING_KEY=⟫@S@\n⟪LANG=C.UTF-8⟫\n"
    "⟪PATH=/usr/local/bin:/usr/bin:/bin⟫\n",
    "⟪$ printenv SESSION_SECRET⟫\n@S@\n⟪$ printenv NODE_ENV⟫\n⟪production⟫\n",
    "⟪BASH=/bin/bash⟫\n⟪BASHOPTS=checkwinsize:cmdhist:complete_fullquote⟫\n⟪STRIPE_SIGNING_SECRET='⟫@S@⟪'⟫\n"
    "⟪HISTSIZE=1000⟫\n",
    "⟪=== acme-shop Config Vars⟫\n⟪LOG_LEVEL:           info⟫\n⟪SECRET_KEY_BASE:     ⟫@S@\n"
    "⟪WEB_CONCURRENCY:     2⟫\n",
    '⟪# Created by Vercel CLI⟫\n⟪NEXTAUTH_SECRET="⟫@S@⟪"⟫\n⟪VERCEL_ENV="development"⟫\n'
    '⟪VERCEL_GIT_COMMIT_SHA="@SHA@"⟫\n',
    "⟪$ fly secrets set SMTP_PASSWORD=⟫@S@⟪ -a acme-api⟫\n⟪Secrets are staged for the first deployment⟫\n",
    '        ⟪"Env": [⟫\n            ⟪"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin",⟫\n'
    '            ⟪"POSTGRES_PASSWORD=⟫@S@⟪",⟫\n            ⟪"PGDATA=/var/lib/postgresql/data"⟫\n'
    "        ⟪],⟫\n",
    "⟪services:⟫\n  ⟪api:⟫\n    ⟪environment:⟫\n      ⟪APP_SECRET:⟫ @S@\n      ⟪NODE_ENV: production⟫\n"
    "    ⟪image: ghcr.io/acme/api:1.14.2⟫\n",
    "⟪APP_NAME=Laravel⟫\n⟪APP_ENV=local⟫\n⟪APP_KEY=base64:⟫@S@\n⟪APP_DEBUG=true⟫\n"
    "⟪APP_URL=http://localhost⟫\n",
    "⟪$ bin/rails credentials:show⟫\n⟪secret_key_base: ⟫@S@\n⟪aws:⟫\n  ⟪region: eu-central-1⟫\n",
    "⟪DJANGO_SECRET_KEY='⟫@S@⟪'⟫\n⟪DJANGO_ALLOWED_HOSTS=api.acme-corp.io⟫\n",
    "⟪##[group]Run ./deploy.sh⟫\n⟪./deploy.sh⟫\n⟪env:⟫\n  ⟪DEPLOY_KEY:⟫ @S@\n  ⟪AWS_REGION: us-east-1⟫\n"
    "⟪##[endgroup]⟫\n",
    "⟪$ systemctl show --property=Environment api.service⟫\n"
    "⟪Environment=NODE_ENV=production SIGNING_SECRET=⟫@S@⟪ PORT=8080⟫\n",
    "⟪$ cat /proc/1/environ | tr '\\0' '\\n'⟫\n⟪HOSTNAME=worker-0⟫\n⟪CELERY_BROKER_PASSWORD=⟫@S@\n"
    "⟪PYTHONUNBUFFERED=1⟫\n",
    '⟪declare -x OLDPWD="/srv/app"⟫\n⟪declare -x OPENAI_API_KEY="⟫@S@⟪"⟫\n'
    '⟪declare -x PWD="/srv/app/current"⟫\n',
    "⟪# .env.local⟫\n⟪NEXT_PUBLIC_API_URL=https://api.acme-corp.io⟫\n⟪AUTH_SECRET=⟫@S@\n"
    "⟪AUTH_TRUST_HOST=true⟫\n",
    "⟪C:\\srv\\app> set⟫\n⟪COMPUTERNAME=BUILD-07⟫\n⟪DB_PASS=⟫@S@\n⟪NUMBER_OF_PROCESSORS=8⟫\n",
    "⟪Name                           Value⟫\n⟪----                           -----⟫\n"
    "⟪API_SECRET                     ⟫@S@\n"
    "⟪ProgramData                    C:\\ProgramData⟫\n",
    "⟪$ cat .envrc⟫\n⟪export AWS_PROFILE=staging⟫\n⟪export MAILGUN_SIGNING_KEY=⟫@S@\n"
    "⟪dotenv_if_exists .env.local⟫\n",
    "⟪$ ps -ef | grep worker⟫\n"
    "⟪app   4121     1  0 09:12 ?        00:00:03 node worker.js --api-secret=⟫@S@⟪ --queue=emails⟫\n",
    "⟪$ docker history --no-trunc acme/api:2.3.0⟫\n"
    "⟪<missing>   3 weeks ago   ENV REGISTRY_PASSWORD=⟫@S@⟪   0B⟫\n",
    "⟪$ kubectl exec deploy/api -- env⟫\n⟪KUBERNETES_SERVICE_HOST=192.0.2.1⟫\n⟪WEBHOOK_SECRET=⟫@S@\n"
    "⟪KUBERNETES_PORT=tcp://192.0.2.1:443⟫\n",
    '⟪[program:worker]⟫\n⟪command=/srv/app/bin/worker⟫\n⟪environment=QUEUE="default",API_SECRET="⟫@S@⟪"⟫\n',
    "⟪$ dotenv list⟫\n⟪FLASK_APP=app.py⟫\n⟪SECRET_KEY=⟫@S@\n⟪FLASK_DEBUG=0⟫\n",
    "⟪$ heroku config:get SENDGRID_PASSWORD -a acme-mail⟫\n@S@\n⟪$ heroku ps -a acme-mail⟫\n",
    '  ⟪{⟫\n    ⟪"name": "DB_PASSWORD",⟫\n    ⟪"slotSetting": false,⟫\n    ⟪"value": "⟫@S@⟪"⟫\n  ⟪},⟫\n',
    "⟪$ env | grep -i secret⟫\n⟪CLIENT_SECRET=⟫@S@\n⟪SECRET_ROTATION_DAYS=90⟫\n",
    "⟪$ railway variables⟫\n⟪║ SESSION_KEY      │ ⟫@S@⟪ ║⟫\n⟪║ RAILWAY_REGION   │ us-west2 ║⟫\n",
)

AWS_SECRET = (
    "⟪[default]⟫\naws_access_key_id = @AKID@\n⟪aws_secret_access_key = ⟫@S@\n⟪region = eu-west-1⟫\n",
    "⟪[profile ci]⟫\n⟪role_arn = arn:aws:iam::@ACCT@:role/ci-deploy⟫\n⟪source_profile = base⟫\n\n⟪[base]⟫\n"
    "aws_access_key_id=@AKID@\n⟪aws_secret_access_key=⟫@S@\n",
    '⟪{⟫\n    ⟪"Credentials": {⟫\n        "AccessKeyId": "@AKID@",\n        ⟪"SecretAccessKey": "⟫@S@⟪",⟫\n'
    '        "SessionToken": "@STOK@",\n        ⟪"Expiration": "@TS@"⟫\n    }\n}\n',
    "export AWS_ACCESS_KEY_ID=@AKID@\n⟪export AWS_SECRET_ACCESS_KEY=⟫@S@\n⟪export AWS_REGION=us-east-2⟫\n",
    "⟪$ env | grep AWS⟫\n⟪AWS_DEFAULT_REGION=us-east-2⟫\n⟪AWS_SECRET_ACCESS_KEY=⟫@S@\n"
    "⟪AWS_SDK_LOAD_CONFIG=1⟫\n",
    '⟪session = boto3.Session(⟫\n    aws_access_key_id="@AKID@",\n    ⟪aws_secret_access_key="⟫@S@⟪",⟫\n'
    '    ⟪region_name="ap-southeast-2",⟫\n⟪)⟫\n',
    '⟪const s3 = new S3Client({ region: "us-east-1", credentials: { accessKeyId:⟫ "@AKID@", '
    '⟪secretAccessKey: "⟫@S@⟪" } });⟫\n',
    '⟪creds := credentials.NewStaticCredentialsProvider(⟫"@AKID@", "@S@⟪", "")⟫\n',
    '⟪AwsBasicCredentials creds = AwsBasicCredentials.create(⟫"@AKID@", "@S@⟪");⟫\n',
    '⟪provider "aws" {⟫\n  ⟪region     = "us-west-2"⟫\n  access_key = "@AKID@"\n  ⟪secret_key = "⟫@S@⟪"⟫\n}\n'
    "",
    "⟪$ docker run --rm -e AWS_SECRET_ACCESS_KEY=⟫@S@⟪ -e AWS_REGION=eu-west-1 amazon/aws-cli s3 ls⟫\n",
    "⟪$ aws configure set aws_secret_access_key ⟫@S@⟪ --profile staging⟫\n",
    "⟪[default]⟫\naccess_key = @AKID@\n⟪host_base = s3.amazonaws.com⟫\n⟪secret_key = ⟫@S@\n"
    "⟪use_https = True⟫\n",
    "⟪[s3remote]⟫\n⟪type = s3⟫\n⟪provider = AWS⟫\naccess_key_id = @AKID@\n⟪secret_access_key = ⟫@S@\n"
    "⟪region = eu-north-1⟫\n",
    "⟪cloud:⟫\n  ⟪aws:⟫\n    ⟪credentials:⟫\n      access-key: @AKID@\n      ⟪secret-key: ⟫@S@\n"
    "    ⟪region:⟫\n"
    "      ⟪static: eu-west-1⟫\n",
    "⟪│ ⟫   ⟪region = 'us-east-1'⟫\n⟪│ ⟫⟪secret_key = '⟫@S@⟪'⟫\n⟪│ ⟫    ⟪bucket = 'acme-exports'⟫\n",
    "⟪stringData:⟫\n  ⟪AWS_SECRET_ACCESS_KEY: ⟫@S@\n  ⟪AWS_REGION: ca-central-1⟫\n",
    "      ⟪- uses: aws-actions/configure-aws-credentials@v4⟫\n        ⟪with:⟫\n"
    "          aws-access-key-id: @AKID@\n          ⟪aws-secret-access-key: ⟫@S@\n"
    "          ⟪aws-region: us-east-1⟫\n",
    '⟪{⟫\n    ⟪"AccessKey": {⟫\n        ⟪"UserName": "ci-deployer",⟫\n        ⟪"Status": "Active",⟫\n'
    '        ⟪"SecretAccessKey": "⟫@S@⟪",⟫\n        ⟪"CreateDate": "@TS@",⟫\n'
    '        "AccessKeyId": "@AKID@"\n    }\n}\n',
    '⟪{⟫\n  ⟪"ci_secret_key": {⟫\n    ⟪"sensitive": true,⟫\n    ⟪"type": "string",⟫\n    ⟪"value": "⟫@S@⟪"⟫\n'
    "  }\n}\n",
    "AWS_ACCESS_KEY_ID=@AKID@\n⟪AWS_SECRET_ACCESS_KEY=⟫@S@\n⟪AWS_DEFAULT_REGION=us-east-1⟫\n"
    "⟪AWS_BUCKET=acme-uploads⟫\n",
    "⟪$ mc alias set s3 https://s3.amazonaws.com⟫ @AKID@ @S@⟪ --api S3v4⟫\n",
    '⟪let creds = Credentials::new(⟫"@AKID@", "@S@⟪", None, None, "static");⟫\n',
    '⟪var creds = new BasicAWSCredentials(⟫"@AKID@", "@S@⟪");⟫\n',
    "⟪'credentials' => [⟫\n    'key'    => '@AKID@',\n    ⟪'secret' => '⟫@S@⟪',⟫\n⟪],⟫\n",
    "⟪Aws.config.update(credentials: Aws::Credentials.new(⟫'@AKID@', '@S@⟪'))⟫\n",
    "⟪$ grep -A2 'prod' ~/.aws/credentials⟫\n⟪[prod]⟫\naws_access_key_id = @AKID@\n"
    "⟪aws_secret_access_key = ⟫@S@\n",
    "⟪AWS_SECRET_ACCESS_KEY⟫ = @S@ ⟪# rotated @TS@⟫\n",
)

K8S_SECRET = (
    "⟪apiVersion: v1⟫\n⟪data:⟫\n  ⟪password: ⟫@S@\n⟪kind: Secret⟫\n⟪metadata:⟫\n  ⟪name: db-credentials⟫\n"
    '  ⟪namespace: shop⟫\n  ⟪resourceVersion: "48213"⟫\n  ⟪uid: @UUID@⟫\n⟪type: Opaque⟫\n',
    '⟪{⟫\n    ⟪"apiVersion": "v1",⟫\n    ⟪"data": {⟫\n        ⟪"api-key": "⟫@S@⟪"⟫\n    },\n'
    '    ⟪"kind": "Secret",⟫\n'
    '    ⟪"metadata": {⟫\n        ⟪"creationTimestamp": "@TS@",⟫\n        ⟪"name": "payments-api",⟫\n'
    '        ⟪"uid": "@UUID@"⟫\n    },\n    ⟪"type": "Opaque"⟫\n}\n',
    "⟪$ kubectl get secret app-env -o jsonpath='{.data.SECRET_KEY}'⟫\n@S@⟪$ kubectl get pods⟫\n",
    "⟪$ helm get values shop -n prod⟫\n⟪USER-SUPPLIED VALUES:⟫\n⟪postgresql:⟫\n  ⟪auth:⟫\n"
    "    ⟪database: shop⟫\n"
    "    ⟪password:⟫ @S@\n    ⟪username: shop⟫\n",
    "⟪$ kubectl create secret generic api --from-literal=token=x --dry-run=client -o yaml⟫\n"
    "⟪apiVersion: v1⟫\n"
    "⟪data:⟫\n  ⟪token: ⟫@S@\n⟪kind: Secret⟫\n⟪metadata:⟫\n  ⟪creationTimestamp: null⟫\n  ⟪name: api⟫\n",
    "⟪data:⟫\n  ⟪.dockerconfigjson: ⟫@S@\n⟪kind: Secret⟫\n⟪type: kubernetes.io/dockerconfigjson⟫\n",
    "⟪secretGenerator:⟫\n⟪- name: api⟫\n  ⟪literals:⟫\n  ⟪- API_TOKEN=⟫@S@\n  ⟪- LOG_LEVEL=debug⟫\n",
    "⟪$ kubectl get secret db -o go-template='{{range $k,$v := .data}}{{$k}}={{$v}}{{\"\\n\"}}{{end}}'⟫\n"
    "⟪password=⟫@S@\n",
    "⟪$ sops -d secrets.enc.yaml⟫\n⟪apiVersion: v1⟫\n⟪kind: Secret⟫\n⟪metadata:⟫\n    ⟪name: billing⟫\n"
    "⟪data:⟫\n"
    "    ⟪STRIPE_KEY: ⟫@S@\n",
    "⟪{'api_version': 'v1',⟫\n ⟪'data': {'token': '⟫@S@⟪'},⟫\n ⟪'kind': 'Secret',⟫\n"
    " ⟪'metadata': {'name': 'ci-runner', 'namespace': 'gitlab'},⟫\n ⟪'type': 'Opaque'}⟫\n",
    '⟪"data": {⟫\n  ⟪"password": "⟫@S@⟪"⟫\n⟪},⟫\n⟪"id": "prod/db",⟫\n⟪"metadata": [],⟫\n',
    "⟪# manifests/prod/db-secret.yaml⟫\n⟪apiVersion: v1⟫\n⟪kind: Secret⟫\n⟪metadata:⟫\n  ⟪name: db⟫\n"
    "⟪data:⟫\n"
    "  ⟪POSTGRES_PASSWORD: ⟫@S@\n",
    "⟪---⟫\n⟪# Source: shop/templates/secret.yaml⟫\n⟪apiVersion: v1⟫\n⟪kind: Secret⟫\n⟪metadata:⟫\n"
    "  ⟪name: shop-api⟫\n"
    '  ⟪labels:⟫\n    ⟪helm.sh/chart: shop-0.4.2⟫\n⟪data:⟫\n  ⟪jwt-secret: "⟫@S@⟪"⟫\n',
    '⟪$ kubectl get secret redis -o json | jq .data⟫\n⟪{⟫\n  ⟪"redis-password": "⟫@S@⟪"⟫\n⟪}⟫\n',
    "⟪spec:⟫\n  ⟪source:⟫\n    ⟪helm:⟫\n      ⟪parameters:⟫\n        ⟪- name: auth.rootPassword⟫\n"
    "          ⟪value: ⟫@S@\n",
    "⟪$ kubectl create secret docker-registry regcred --docker-server=ghcr.io --docker-username=ci "
    "--docker-password=⟫@S@⟪ -n build⟫\n⟪secret/regcred created⟫\n",
    "⟪apiVersion: v1⟫\n⟪kind: ConfigMap⟫\n⟪metadata:⟫\n  ⟪name: mailer⟫\n⟪data:⟫\n  ⟪SMTP_PASSWORD: ⟫@S@\n"
    "  ⟪SMTP_HOST: smtp.acme-corp.io⟫\n",
    "⟪data:⟫\n  ⟪namespace: ZGVmYXVsdA==⟫\n  ⟪token: ⟫@S@\n⟪kind: Secret⟫\n⟪metadata:⟫\n"
    "  ⟪annotations:⟫\n    ⟪kubernetes.io/service-account.name: deployer⟫\n"
    "⟪type: kubernetes.io/service-account-token⟫\n",
    "⟪$ kubectl get secret grafana -o yaml | grep admin-password⟫\n  ⟪admin-password: ⟫@S@\n",
    '⟪{"global":{"imageRegistry":"ghcr.io"},"redis":{"auth":{"password":"⟫@S@⟪"}},"replicaCount":2}⟫\n',
    "⟪Events:⟫  ⟪<none>⟫\n⟪$ kubectl get secret tls-origin -o yaml⟫\n⟪data:⟫\n  ⟪tls.key: ⟫@S@\n"
    "⟪kind: Secret⟫\n"
    "⟪type: kubernetes.io/tls⟫\n",
    "⟪  - name: DB_PASSWORD⟫\n⟪    value: ⟫@S@\n⟪  - name: DB_HOST⟫\n"
    "⟪    value: postgres.shop.svc.cluster.local⟫\n",
    "⟪externalSecret:⟫\n  ⟪enabled: false⟫\n⟪secrets:⟫\n  ⟪masterKey: ⟫@S@\n  ⟪rotation: 30d⟫\n",
    "⟪Warning: resource secrets/app is missing the kubectl.kubernetes.io/last-applied-configuration "
    "annotation⟫\n⟪secret/app configured⟫\n⟪$ kubectl get secret app -o yaml | yq .data.SIGNING_KEY⟫\n@S@\n",
    '⟪kubectl patch secret db -p \'{"data":{"password":"⟫@S@⟪"}}\'⟫\n⟪secret/db patched⟫\n',
    '⟪resource "kubernetes_secret" "app" {⟫\n  ⟪metadata {⟫\n    ⟪name = "app"⟫\n  }\n  ⟪data = {⟫\n'
    '    ⟪"api_key" = "⟫@S@⟪"⟫\n  }\n}\n',
    "⟪vault kv get -field=password secret/prod/db⟫\n@S@\n",
)

VENDOR = (
    "⟪$ gh auth token⟫\n@S@\n⟪$ gh api user --jq .login⟫\n",
    "⟪GITHUB_TOKEN=⟫@S@\n⟪GITHUB_REPOSITORY=acme/shop⟫\n",
    '{⟪"provider": "openai", "apiKey": "⟫@S@⟪", "timeout": 30⟫}\n',
    '⟪client = OpenAI(api_key="⟫@S@⟪")⟫\n⟪resp = client.responses.create(model="gpt-4o-mini", input="hi")⟫\n',
    "⟪const stripe = require('stripe')('⟫@S@⟪');⟫\n",
    '⟪client := github.NewClient(nil).WithAuthToken("⟫@S@⟪")⟫\n',
    '⟪let client = Client::builder().api_key("⟫@S@⟪").build()?;⟫\n',
    '⟪private static final String TOKEN = "⟫@S@⟪";⟫\n',
    '⟪var slack = new SlackTaskClient("⟫@S@⟪");⟫\n',
    "⟪$client = new \\SendGrid('⟫@S@⟪');⟫\n",
    '⟪Octokit::Client.new(access_token: "⟫@S@⟪", per_page: 100)⟫\n',
    '⟪val apiKey = "⟫@S@⟪"⟫\n',
    '⟪let apiKey = "⟫@S@⟪" // TODO: move to Keychain⟫\n',
    '⟪@pytest.fixture⟫\n⟪def token():⟫\n    ⟪return "⟫@S@⟪"⟫\n',
    "⟪In [3]:⟫ os.environ['HF_TOKEN']\n⟪Out[3]:⟫ '@S@'\n",
    "⟪scripts/release.sh⟫\n⟪14:export NPM_TOKEN=⟫@S@\n⟪15:npm publish --access public⟫\n",
    '⟪+++ b/config/settings.py⟫\n⟪@@ -12,3 +12,4 @@⟫\n⟪ DEBUG = False⟫\n⟪+SLACK_BOT_TOKEN = "⟫@S@⟪"⟫\n',
    "⟪```bash⟫\n⟪export ANTHROPIC_API_KEY=⟫@S@\n⟪claude-cli --version⟫\n⟪```⟫\n",
    "⟪sentry:⟫\n  ⟪auth_token: ⟫@S@\n  ⟪org: acme⟫\n  ⟪project: web⟫\n",
    '            ⟪"HF_TOKEN=⟫@S@⟪",⟫\n            ⟪"TRANSFORMERS_CACHE=/cache"⟫\n',
    'level=error ts=@TS@ ⟪msg="upload failed"⟫ ⟪token=⟫@S@ ⟪status=401⟫\n',
    "⟪send: b'GET /user HTTP/1.1\\r\\nHost: api.github.com\\r\\nAuthorization: token ⟫@S@⟪\\r\\n\\r\\n'⟫\n",
    "⟪<key>API_KEY</key>⟫\n⟪<string>⟫@S@⟪</string>⟫\n",
    "⟪the failing call used⟫ @S@ ⟪(scope: repo)⟫\n",
    "⟪openai.AuthenticationError: Error code: 401 - Incorrect API key provided: ⟫@S@⟪.⟫\n",
    "⟪sentryAuthToken=⟫@S@\n⟪org.gradle.jvmargs=-Xmx2g⟫\n",
    '⟪variable "gitlab_token" {⟫\n  ⟪type    = string⟫\n  ⟪default = "⟫@S@⟪"⟫\n}\n',
    "⟪- name: Publish⟫\n  ⟪run: twine upload -u __token__ -p ⟫@S@⟪ dist/*⟫\n",
    '⟪headers: { "x-api-key": "⟫@S@⟪", "anthropic-version": "2023-06-01" },⟫\n',
    "⟪2026-05-14 09:12:44,551 DEBUG client: using key ⟫@S@⟪ for project acme⟫\n",
)


def registry_secret(rng: random.Random) -> str:
    """What package managers' and registries' credential files hold."""
    shape = rng.randrange(5)
    if shape == 0:
        return fakes.npm_token(rng)
    if shape == 1:
        return fakes.pypi_token(rng)
    if shape == 2:
        return mixed(rng, URLSAFE, rng.randrange(24, 48))
    if shape == 3:
        return chars(rng, HEX, rng.choice([40, 64]))
    return _safe(fakes.password(rng)).replace("@", "%").replace(":", "")


def git_token(rng: random.Random) -> str:
    """Tokens that sit in a git URL's userinfo."""
    shape = rng.randrange(6)
    if shape in (0, 1):
        return fakes.github_token(rng)
    if shape == 2:
        return fakes.gitlab_token(rng)
    if shape == 3:
        return "AT" + "BB" + chars(rng, ALNUM, 32)
    if shape == 4:
        return chars(rng, LOWER + DIGITS, 52)
    return chars(rng, HEX, 40)


def db_password(rng: random.Random) -> str:
    return mixed(rng, ALNUM + "-_.~", rng.randrange(10, 28))


def locals_secret(rng: random.Random) -> str:
    return rng.choice((env_secret, vendor_token, env_secret))(rng)


REGISTRY = (
    "⟪$ cat ~/.npmrc⟫\n⟪//registry.npmjs.org/:_authToken=⟫@S@\n⟪@acme:registry=https://npm.pkg.github.com⟫\n",
    "⟪//npm.pkg.github.com/:_authToken=⟫@S@\n⟪always-auth=true⟫\n",
    "⟪npmScopes:⟫\n  ⟪acme:⟫\n    ⟪npmAlwaysAuth: true⟫\n    ⟪npmAuthToken: ⟫@S@\n"
    '    ⟪npmRegistryServer: "https://npm.pkg.github.com"⟫\n',
    "⟪[distutils]⟫\n⟪index-servers = pypi⟫\n\n⟪[pypi]⟫\n⟪username = __token__⟫\n⟪password = ⟫@S@\n",
    "⟪machine api.heroku.com⟫\n  login ops@acme-corp.io\n  ⟪password ⟫@S@\n⟪machine git.heroku.com⟫\n",
    "⟪machine github.com login x-access-token password ⟫@S@\n",
    "⟪[global]⟫\n⟪index-url = https://__token__:⟫@S@⟪@pkgs.acme-corp.io/simple/⟫\n⟪timeout = 60⟫\n",
    '⟪{⟫\n\t⟪"auths": {⟫\n\t\t⟪"ghcr.io": {⟫\n\t\t\t⟪"auth": "⟫@S@⟪"⟫\n\t\t}\n\t},\n'
    '\t⟪"credsStore": "desktop"⟫\n}\n',
    "⟪<server>⟫\n  ⟪<id>github</id>⟫\n  ⟪<username>ci-bot</username>⟫\n  ⟪<password>⟫@S@⟪</password>⟫\n"
    "⟪</server>⟫\n",
    "⟪gpr.user=ci-bot⟫\n⟪gpr.key=⟫@S@\n⟪org.gradle.caching=true⟫\n",
    "⟪ossrhUsername=acme-release⟫\n⟪ossrhPassword=⟫@S@\n⟪signing.keyId=24875D73⟫\n",
    '⟪[registry]⟫\n⟪token = "⟫@S@⟪"⟫\n\n⟪[registries.acme]⟫\n'
    '⟪index = "sparse+https://cargo.acme-corp.io/index/"⟫\n',
    '⟪{⟫\n    ⟪"http-basic": {⟫\n        ⟪"repo.packagist.com": {⟫\n            ⟪"username": "token",⟫\n'
    '            ⟪"password": "⟫@S@⟪"⟫\n        }\n    }\n}\n',
    '⟪{"github-oauth": {"github.com": "⟫@S@⟪"}, "gitlab-domains": ["git.acme-corp.io"]}⟫\n',
    "⟪$ npm config set //registry.npmjs.org/:_authToken ⟫@S@\n⟪$ npm whoami⟫\n⟪acme-release⟫\n",
    "⟪$ poetry config pypi-token.pypi ⟫@S@\n⟪$ poetry publish --build⟫\n",
    '⟪[http-basic.acme]⟫\n⟪username = "ci"⟫\n⟪password = "⟫@S@⟪"⟫\n',
    "⟪UV_INDEX_ACME_USERNAME=ci⟫\n⟪UV_INDEX_ACME_PASSWORD=⟫@S@\n⟪UV_CACHE_DIR=/cache/uv⟫\n",
    '⟪<packageSourceCredentials>⟫\n  ⟪<github>⟫\n    ⟪<add key="Username" value="ci-bot" />⟫\n'
    '    ⟪<add key="ClearTextPassword" value="⟫@S@⟪" />⟫\n  ⟪</github>⟫\n',
    "⟪$ docker login ghcr.io -u ci-bot -p ⟫@S@\n"
    "⟪WARNING! Using --password via the CLI is insecure. Use --password-stdin.⟫\n"
    "⟪Login Succeeded⟫\n",
    "⟪$ helm repo add acme https://charts.acme-corp.io --username ci --password ⟫@S@\n"
    '⟪"acme" has been added to your repositories⟫\n',
    "⟪---⟫\n⟪:rubygems_api_key: ⟫@S@\n",
    '⟪BUNDLE_GEMS__CONTRIBSYS__COM: "ci:⟫@S@⟪"⟫\n⟪BUNDLE_JOBS: "4"⟫\n',
    '⟪credentials "app.terraform.io" {⟫\n  ⟪token = "⟫@S@⟪"⟫\n⟪}⟫\n',
    "⟪GONOSUMDB=git.acme-corp.io⟫\n⟪GOPROXY=https://ci:⟫@S@⟪@goproxy.acme-corp.io,direct⟫\n"
    "⟪GOFLAGS=-mod=mod⟫\n",
    "⟪channels:⟫\n  ⟪- https://conda.acme-corp.io/t/⟫@S@⟪/main⟫\n  ⟪- conda-forge⟫\n",
    '⟪"//registry.yarnpkg.com/:_authToken" ⟫@S@\n⟪lastUpdateCheck 1715678000000⟫\n',
    "⟪realm=Sonatype Nexus Repository Manager⟫\n⟪host=nexus.acme-corp.io⟫\n⟪user=deploy⟫\n⟪password=⟫@S@\n",
    '⟪  - run: echo "//registry.npmjs.org/:_authToken=⟫@S@⟪" > ~/.npmrc⟫\n',
)

GIT = (
    "⟪$ git remote -v⟫\n⟪origin\thttps://x-access-token:⟫@S@⟪@github.com/acme/shop.git (fetch)⟫\n"
    "⟪upstream\thttps://github.com/acme-oss/shop.git (fetch)⟫\n",
    "⟪$ git config --list⟫\n⟪user.name=CI Bot⟫\n⟪core.bare=false⟫\n⟪remote.origin.url=https://oauth2:⟫@S@"
    "⟪@gitlab.com/acme/infra.git⟫\n⟪branch.main.remote=origin⟫\n",
    "⟪$ cat ~/.git-credentials⟫\n⟪https://ci-bot:⟫@S@⟪@github.com⟫\n",
    "⟪$ git clone https://⟫@S@⟪@github.com/acme/private-repo.git⟫\n⟪Cloning into 'private-repo'...⟫\n",
    "⟪Fetching the repository⟫\n⟪[command]/usr/bin/git remote add origin https://x-access-token:⟫@S@"
    "⟪@github.com/acme/shop⟫\n",
    "⟪acme-utils @ git+https://⟫@S@⟪@github.com/acme/acme-utils.git@v1.4.0⟫\n⟪requests==2.32.3⟫\n",
    '    ⟪"@acme/ui": "git+https://⟫@S@⟪:x-oauth-basic@github.com/acme/ui.git#@SHA@",⟫\n',
    '⟪[url "https://⟫@S@⟪@github.com/"]⟫\n\t⟪insteadOf = https://github.com/⟫\n',
    '⟪$ git config --global url."https://ci:⟫@S@⟪@git.acme-corp.io/".insteadOf "https://git.acme-corp.io/"⟫\n'
    "",
    '⟪[submodule "vendor/sdk"]⟫\n\t⟪path = vendor/sdk⟫\n'
    "\t⟪url = https://oauth2:⟫@S@⟪@gitlab.acme-corp.io/sdk/sdk.git⟫\n",
    "⟪fatal: unable to access 'https://⟫@S@⟪@github.com/acme/shop.git/': The requested URL returned error: "
    "403⟫\n",
    '⟪subprocess.run(["git", "push", "https://x-access-token:⟫@S@⟪@github.com/acme/site.git", '
    '"HEAD:gh-pages"], '
    "check=True)⟫\n",
    '⟪acme-core = { git = "https://⟫@S@⟪@github.com/acme/core", rev = "@SHA@" }⟫\n',
    "⟪origin\thttps://acme:⟫@S@⟪@dev.azure.com/acme/Shop/_git/shop (fetch)⟫\n",
    "⟪$ git remote set-url origin https://x-token-auth:⟫@S@⟪@bitbucket.org/acme/api.git⟫\n",
    "⟪http.https://github.com/.extraheader=AUTHORIZATION: basic ⟫@S@\n"
    "⟪core.sshcommand=ssh -o StrictHostKeyChecking=no⟫\n",
    '⟪module "vpc" {⟫\n  ⟪source = "git::https://oauth2:⟫@S@⟪@gitlab.com/acme/tf-vpc.git?ref=v2.1.0"⟫\n⟪}⟫\n',
    "⟪RUN git clone https://⟫@S@⟪@github.com/acme/models.git /opt/models⟫\n",
    "⟪npm ERR! command git --no-replace-objects ls-remote https://⟫@S@⟪@github.com/acme/ui.git⟫\n",
    "⟪$ git push https://⟫@S@⟪@github.com/acme/shop.git main⟫\n⟪Everything up-to-date⟫\n",
    "⟪$ git clone https://gitlab-ci-token:⟫@S@⟪@gitlab.acme-corp.io/platform/charts.git⟫\n",
    '⟪{"type": "vcs", "url": "https://⟫@S@⟪@github.com/acme/php-sdk"}⟫\n',
    "⟪gem 'acme-auth', git: 'https://⟫@S@⟪:x-oauth-basic@github.com/acme/acme-auth.git', tag: 'v3.2.0'⟫\n",
    "⟪repositories:⟫\n  ⟪- url: https://git-user:⟫@S@⟪@git.acme-corp.io/ops/deploy.git⟫\n",
    "⟪ > git fetch --tags --force --progress -- https://jenkins:⟫@S@⟪@git.acme-corp.io/shop.git "
    "+refs/heads/*:refs/remotes/origin/* # timeout=10⟫\n",
    "⟪- repo: https://⟫@S@⟪@github.com/acme/hooks⟫\n  ⟪rev: v0.3.1⟫\n",
    "⟪credential.helper=store⟫\n⟪remote.origin.url=https://deploy:⟫@S@⟪@git.acme-corp.io/web/site.git⟫\n"
    "⟪remote.origin.fetch=+refs/heads/*:refs/remotes/origin/*⟫\n",
)

DB = (
    '⟪$ psql "postgresql://app:⟫@S@⟪@db.internal:5432/shop?sslmode=require"⟫\n⟪psql (16.2)⟫\n'
    "⟪SSL connection (protocol: TLSv1.3, cipher: TLS_AES_256_GCM_SHA384, compression: off)⟫\n"
    '⟪Type "help" for help.⟫\n\n⟪shop=>⟫\n',
    "⟪$ PGPASSWORD=⟫@S@⟪ psql -h db.internal -U app -d shop -c 'select count(*) from orders'⟫\n⟪ count⟫\n"
    "⟪-------⟫\n⟪ 48213⟫\n",
    "⟪$ mysql -h 127.0.0.1 -P 3306 -u root -p⟫@S@⟪ shop⟫\n"
    "⟪mysql: [Warning] Using a password on the command line interface can be insecure.⟫\n"
    "⟪Welcome to the MySQL monitor.  Commands end with ; or \\g.⟫\n",
    "⟪$ mysql --user=app --password=⟫@S@⟪ --host=db.internal shop < dump.sql⟫\n",
    '⟪$ mongosh "mongodb+srv://admin:⟫@S@⟪@cluster0.ab1cd.mongodb.net/shop"⟫\n'
    "⟪Current Mongosh Log ID: 6643a1f0c2b7e5d1a9f0e3c4⟫\n"
    "⟪Connecting to:          mongodb+srv://<credentials>@cluster0.ab1cd.mongodb.net/shop⟫\n"
    "⟪Using MongoDB:          7.0.8⟫\n",
    "⟪$ redis-cli -h cache.internal -p 6379 -a ⟫@S@⟪ --no-auth-warning ping⟫\n⟪PONG⟫\n",
    "⟪$ redis-cli -u redis://default:⟫@S@⟪@cache.internal:6379/0 info server⟫\n⟪# Server⟫\n"
    "⟪redis_version:7.2.4⟫\n",
    '⟪$ sqlcmd -S sql.internal,1433 -U sa -P ⟫@S@⟪ -d shop -Q "SELECT @@VERSION"⟫\n'
    "⟪Microsoft SQL Server 2022 (RTM-CU12) - 16.0.4125.3 (X64)⟫\n",
    "⟪$ pg_dump --dbname=postgresql://backup:⟫@S@⟪@db.internal:5432/shop -Fc -f shop.dump⟫\n",
    '⟪$ mongodump --uri="mongodb://backup:⟫@S@⟪@mongo-0.mongo.svc:27017/?authSource=admin" --gzip⟫\n',
    "⟪production:⟫\n  ⟪adapter: postgresql⟫\n  ⟪host: db.internal⟫\n  ⟪username: shop⟫\n  ⟪password: ⟫@S@\n"
    "  ⟪database: shop_production⟫\n",
    '⟪DATABASES = {⟫\n    ⟪"default": {⟫\n        ⟪"ENGINE": "django.db.backends.postgresql",⟫\n'
    '        ⟪"NAME": "shop",⟫\n        ⟪"USER": "shop",⟫\n        ⟪"PASSWORD": "⟫@S@⟪",⟫\n'
    '        ⟪"HOST": "db.internal",⟫\n        ⟪"PORT": "5432",⟫\n    }\n}\n',
    "⟪spring:⟫\n  ⟪datasource:⟫\n    ⟪url: jdbc:postgresql://db.internal:5432/shop⟫\n    ⟪username: shop⟫\n"
    "    ⟪password: ⟫@S@\n",
    "⟪DB_CONNECTION=mysql⟫\n⟪DB_HOST=127.0.0.1⟫\n⟪DB_PORT=3306⟫\n⟪DB_DATABASE=laravel⟫\n⟪DB_USERNAME=root⟫\n"
    "⟪DB_PASSWORD=⟫@S@\n",
    "      ⟪MYSQL_ROOT_PASSWORD: ⟫@S@\n      ⟪MYSQL_DATABASE: shop⟫\n",
    "⟪HikariPool-1 - Starting...⟫\n"
    "⟪jdbcUrl=jdbc:mysql://db.internal:3306/shop?user=app&password=⟫@S@⟪&useSSL=true⟫\n",
    '⟪"ConnectionStrings": {⟫\n'
    '  ⟪"Default": "Server=sql.internal,1433;Database=Shop;User Id=shop;Password=⟫@S@'
    '⟪;TrustServerCertificate=True"⟫\n⟪}⟫\n',
    '⟪dsn := "app:⟫@S@⟪@tcp(db.internal:3306)/shop?parseTime=true"⟫\n',
    "⟪(Background on this error at: https://sqlalche.me/e/20/e3q8)⟫\n"
    '⟪engine = create_engine("postgresql+psycopg2://app:⟫@S@⟪@db.internal:5432/shop")⟫\n',
    '⟪DATABASE_URL="postgresql://prisma:⟫@S@⟪@localhost:5432/mydb?schema=public"⟫\n',
    "⟪# hostname:port:database:username:password⟫\n⟪db.internal:5432:shop:app:⟫@S@\n",
    '⟪[client]⟫\n⟪user=backup⟫\n⟪password="⟫@S@⟪"⟫\n⟪host=db.internal⟫\n',
    "⟪$ docker run -d --name db -e MYSQL_ROOT_PASSWORD=⟫@S@⟪ -p 3306:3306 mysql:8.4⟫\n⟪3f9a1c0d2b7e⟫\n",
    "⟪connection: { host: '127.0.0.1', port: 5432, user: 'knex', password: '⟫@S@⟪', database: 'app_dev' },⟫\n"
    "",
    '⟪let pool = PgPool::connect("postgres://app:⟫@S@⟪@localhost/app").await?;⟫\n',
    '⟪Connection c = DriverManager.getConnection("jdbc:postgresql://db.internal/shop", "app", "⟫@S@⟪");⟫\n',
    '⟪var conn = new NpgsqlConnection("Host=db.internal;Username=app;Password=⟫@S@⟪;Database=shop");⟫\n',
    "⟪$pdo = new PDO('mysql:host=db.internal;dbname=shop', 'app', '⟫@S@⟪');⟫\n",
    "⟪test> db.getSiblingDB('admin').auth('admin', '⟫@S@⟪')⟫\n⟪{ ok: 1 }⟫\n",
    "⟪127.0.0.1:6379> AUTH ⟫@S@\n⟪OK⟫\n⟪127.0.0.1:6379> DBSIZE⟫\n",
)

STACK = (
    "⟪╭──────────────────── locals ────────────────────╮⟫\n"
    "⟪│    api_url = 'https://api.acme-corp.io/v2'      │⟫\n"
    "⟪│    api_key = '⟫@S@⟪'⟫\n⟪│    retries = 3                                  │⟫\n"
    "⟪╰────────────────────────────────────────────────╯⟫\n",
    '⟪  File "app/sync.py", line 42, in push⟫\n    ⟪client.post(url, auth=(user, password))⟫\n'
    "    ⟪│                        └ ⟫'@S@'\n    ⟪└ <app.sync.Client object at 0x7f3a2c1d9e50>⟫\n",
    "⟪Local vars⟫\n⟪Variable\tValue⟫\n⟪request\t<WSGIRequest: POST '/api/login'>⟫\n⟪password\t'⟫@S@⟪'⟫\n"
    "⟪username\t'ci-bot'⟫\n",
    "⟪client     = <httpx.Client object at 0x7f1e2c3b4a90>⟫\n⟪token      = '⟫@S@⟪'⟫\n"
    "⟪url        = 'https://api.acme-corp.io/v1/orders'⟫\n\n⟪    def test_orders(client, token):⟫\n"
    "⟪>       assert resp.status_code == 200⟫\n⟪E       assert 401 == 200⟫\n",
    "⟪debug> exec config⟫\n⟪{ apiBase: 'https://api.acme-corp.io', apiSecret: '⟫@S@⟪', timeoutMs: 5000 }⟫\n",
    "⟪AxiosError: Request failed with status code 403⟫\n"
    "⟪    at settle (node_modules/axios/lib/core/settle.js:19:12)⟫\n"
    "⟪  config: {⟫\n⟪    headers: Object [AxiosHeaders] {⟫\n⟪      'X-Api-Key': '⟫@S@⟪',⟫\n"
    "⟪      'User-Agent': 'axios/1.6.8'⟫\n",
    '⟪Exception in thread "main" java.lang.IllegalStateException: login failed for '
    "DbConfig{host='db.internal', "
    "port=5432, user='app', password='⟫@S@⟪'}⟫\n⟪\tat com.acme.db.Pool.open(Pool.java:88)⟫\n",
    "⟪ValueError: bad settings: Settings(debug=False, db_url='postgresql://db.internal/shop', "
    "secret_key='⟫@S@"
    "⟪', workers=4)⟫\n",
    "⟪ipdb> p self.credentials⟫\n⟪{'client_id': 'reporting', 'client_secret': '⟫@S@⟪'}⟫\n",
    "⟪(Pdb) pp locals()⟫\n⟪{'headers': {'Accept': 'application/json'},⟫\n ⟪'secret': '⟫@S@⟪',⟫\n"
    " ⟪'timeout': 10}⟫\n",
    '⟪panic: dial failed: config.DB{Host:"db.internal", Port:5432, User:"app", Password:"⟫@S@⟪"}⟫\n'
    "⟪goroutine 1 [running]:⟫\n⟪main.main()⟫\n⟪\t/src/cmd/api/main.go:41 +0x1f4⟫\n",
    "⟪thread 'main' panicked at src/main.rs:27:10:⟫\n"
    '⟪called `Result::unwrap()` on an `Err` value: Config { url: "https://api.acme-corp.io", token: "⟫@S@⟪" '
    "}⟫\n",
    '⟪irb(main):003> Rails.application.credentials.stripe⟫\n⟪=> {:account=>"acme", :secret_key=>"⟫@S@⟪"}⟫\n',
    '⟪"vars": {⟫\n  ⟪"self": "<Client>",⟫\n  ⟪"api_token": "⟫@S@⟪",⟫\n  ⟪"attempt": 3⟫\n⟪},⟫\n',
    "⟪System.Net.Http.HttpRequestException: Response status code does not indicate success: 401 "
    "(Unauthorized).⟫\n"
    "⟪   at Acme.Billing.Client.SendAsync() in /src/Billing/Client.cs:line 57⟫\n"
    "⟪Options: { BaseUrl = https://billing.acme-corp.io, ApiSecret = ⟫@S@⟪, Timeout = 00:00:30 }⟫\n",
    '⟪APP_ENV⟫\n⟪"local"⟫\n⟪MAIL_PASSWORD⟫\n⟪"⟫@S@⟪"⟫\n⟪MAIL_PORT⟫\n⟪"2525"⟫\n',
    "⟪kotlin.IllegalArgumentException: SmtpConfig(host=smtp.acme-corp.io, port=587, user=mailer, "
    "password=⟫@S@⟪)⟫\n",
    "⟪Fatal error: Unexpectedly found nil: file App/Network.swift, line 88⟫\n"
    '⟪APIConfig(baseURL: https://api.acme-corp.io, apiKey: "⟫@S@⟪")⟫\n',
    '⟪{"event": "auth failed", "level": "error", "timestamp": "@TS@",⟫ ⟪"password": "⟫@S@⟪", "user_id": '
    "4812}⟫\n",
    "⟪2026-05-14 09:12:44.551 | ERROR    | app.jobs:sync:58 - sync failed with {'api_secret': '⟫@S@"
    "⟪', 'batch': 500}⟫\n",
    "⟪In [12]:⟫ settings\n⟪Out[12]:⟫ ⟪Settings(env='dev', openai_api_key='⟫@S@⟪', model='gpt-4o')⟫\n",
    "⟪▾ Locals⟫\n⟪    conn_str: 'postgresql://db.internal/shop'⟫\n⟪    secret: '⟫@S@⟪'⟫\n",
    "⟪>>> app.config['SECRET_KEY']⟫\n⟪'⟫@S@⟪'⟫\n⟪>>> app.config['DEBUG']⟫\n",
    '⟪jshell> System.getenv("SIGNING_KEY")⟫\n⟪$1 ==> "⟫@S@⟪"⟫\n',
    '⟪(gdb) p cfg->api_key⟫\n⟪$1 = 0x5555555592a0 "⟫@S@⟪"⟫\n',
    "⟪DEBUG:app.auth:token response: {'access_token': '⟫@S@⟪', 'expires_in': 3600, 'token_type': 'Bearer'}⟫\n"
    "",
    "⟪{⟫\n  ⟪NODE_ENV: 'development',⟫\n  ⟪SESSION_SECRET: '⟫@S@⟪',⟫\n  ⟪PORT: '3000'⟫\n⟪}⟫\n",
)


def http_credential(rng: random.Random) -> str:
    return auth_credential(rng)


def email(rng: random.Random) -> str:
    return fakes.email(rng)


def private_key(rng: random.Random) -> str:
    return fakes.private_key(rng)


def bearer_token(rng: random.Random) -> str:
    """Access tokens as cloud CLIs and OAuth servers hand them out: JWTs, Google's, opaque ones."""
    shape = rng.randrange(5)
    if shape < 3:
        return fakes.jwt(rng)
    if shape == 3:
        return "ya" + "29." + mixed(rng, URLSAFE, rng.randrange(150, 220))
    return mixed(rng, URLSAFE, rng.randrange(32, 64))


HTTP = (
    "⟪> GET /v1/orders HTTP/2⟫\n⟪> Host: api.acme-corp.io⟫\n⟪> User-Agent: curl/8.5.0⟫\n"
    "⟪> Authorization: Bearer ⟫@S@\n"
    "⟪> Accept: */*⟫\n⟪>⟫\n⟪< HTTP/2 200⟫\n",
    "⟪DEBUG:urllib3.connectionpool:Starting new HTTPS connection (1): api.acme-corp.io:443⟫\n"
    "⟪send: b'POST /v2/charges HTTP/1.1\\r\\nHost: api.acme-corp.io\\r\\nAuthorization: Basic ⟫@S@"
    "⟪\\r\\nContent-Length: 42\\r\\n\\r\\n'⟫\n",
    "⟪{'User-Agent': 'python-requests/2.32.3', 'Accept-Encoding': 'gzip, deflate', 'Authorization': 'Bearer "
    "⟫@S@"
    "⟪', 'Connection': 'keep-alive'}⟫\n",
    "⟪  config: {⟫\n⟪    url: 'https://api.acme-corp.io/v1/users',⟫\n⟪    method: 'get',⟫\n"
    "⟪    headers: Object [AxiosHeaders] {⟫\n⟪      Accept: 'application/json, text/plain, */*',⟫\n"
    "⟪      Authorization: 'Bearer ⟫@S@⟪',⟫\n⟪      'User-Agent': 'axios/1.6.8'⟫\n",
    "⟪$ http GET api.acme-corp.io/v1/me 'Authorization:Token ⟫@S@⟪'⟫\n⟪HTTP/1.1 200 OK⟫\n"
    "⟪Content-Type: application/json⟫\n",
    "⟪GET /v1/me HTTP/1.1⟫\n⟪Accept: */*⟫\n⟪Authorization: Basic ⟫@S@\n⟪Host: api.acme-corp.io⟫\n"
    "⟪User-Agent: HTTPie/3.2.2⟫\n",
    "⟪POST https://api.acme-corp.io/oauth/token⟫\n⟪Request Headers⟫\n"
    "⟪  Content-Type: application/x-www-form-urlencoded⟫\n"
    "⟪  Authorization: Basic ⟫@S@\n⟪  Postman-Token: @UUID@⟫\n",
    '⟪198.51.100.17 - - [14/May/2026:09:12:44 +0000] "GET /metrics HTTP/1.1" 200 512 "-" "Prometheus/2.51.0" '
    'auth="Bearer ⟫@S@⟪"⟫\n',
    "⟪$ curl -sS -u admin:⟫@S@⟪ https://grafana.acme-corp.io/api/health⟫\n"
    '⟪{"database": "ok", "version": "10.4.2"}⟫\n',
    "⟪GET {{baseUrl}}/v1/orders⟫\n⟪Authorization: Bearer ⟫@S@\n⟪Accept: application/json⟫\n",
    '⟪{"name": "authorization", "value": "Bearer ⟫@S@⟪"},⟫\n'
    '⟪{"name": "accept", "value": "application/json"}⟫\n',
    "⟪GET /api/v4/projects HTTP/1.1⟫\n⟪Host: gitlab.acme-corp.io⟫\n⟪Private-Token: ⟫@S@\n"
    "⟪User-Agent: go-gitlab⟫\n",
    "⟪> X-API-Key: ⟫@S@\n⟪> Content-Type: application/json⟫\n⟪> Content-Length: 118⟫\n",
    "⟪> Cookie: theme=dark; sessionid=⟫@S@⟪; lang=en-US⟫\n",
    "⟪< set-cookie: __Secure-session=⟫@S@⟪; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=1209600⟫\n",
    "⟪--> GET https://api.acme-corp.io/v1/accounts⟫\n⟪Authorization: Bearer ⟫@S@\n⟪--> END GET⟫\n",
    "⟪info: System.Net.Http.HttpClient.Default.ClientHandler[100]⟫\n"
    "⟪      Sending HTTP request GET https://api.acme-corp.io/v1/me⟫\n⟪Authorization: Bearer ⟫@S@\n",
    '⟪I, [2026-05-14T09:12:44.551102 #4121]  INFO -- request: Authorization: "Token token=⟫@S@⟪"⟫\n',
    '⟪$ wget --header="Authorization: Bearer ⟫@S@⟪" https://artifacts.acme-corp.io/build.tar.gz⟫\n',
    '⟪session.headers["X-Auth-Token"] = "⟫@S@⟪"⟫\n',
    "⟪Request: { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Basic ⟫@S@"
    "⟪' } }⟫\n",
    "⟪Proxy-Authorization: Basic ⟫@S@\n⟪Proxy-Connection: keep-alive⟫\n",
    "⟪> POST /oauth/token HTTP/1.1⟫\n⟪> Content-Type: application/x-www-form-urlencoded⟫\n"
    "⟪grant_type=client_credentials&client_id=reporting&client_secret=⟫@S@⟪&scope=read⟫\n",
    "⟪GET /socket?v=2 HTTP/1.1⟫\n⟪Upgrade: websocket⟫\n⟪Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==⟫\n"
    "⟪Sec-WebSocket-Protocol: bearer, ⟫@S@\n",
    "⟪$ grpcurl -H 'authorization: Bearer ⟫@S@⟪' api.acme-corp.io:443 acme.v1.Orders/List⟫\n",
    '⟪$ curl -H "X-Vault-Token: ⟫@S@⟪" https://vault.acme-corp.io/v1/secret/data/app⟫\n',
    "⟪* Server auth using Basic with user 'deploy'⟫\n⟪> PUT /repository/releases/app-1.4.2.jar HTTP/1.1⟫\n"
    "⟪> Authorization: Basic ⟫@S@\n",
)

URLS = (
    "⟪https://acme-exports.s3.eu-west-1.amazonaws.com/reports/2026-05.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256⟫"
    "&X-Amz-Credential=@AKID@%2F20260514%2Feu-west-1%2Fs3%2Faws4_request"
    "⟪&X-Amz-Date=20260514T091244Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=⟫@S@\n",
    "⟪https://storage.googleapis.com/acme-builds/app.tar.gz?X-Goog-Algorithm=GOOG4-RSA-SHA256"
    "&X-Goog-Date=20260514T091244Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host&X-Goog-Signature=⟫@S@\n",
    "⟪https://acmestore.blob.core.windows.net/backups/db.bak?sv=2022-11-02&ss=b&srt=o&sp=r"
    "&se=2026-05-15T09:12:44Z&spr=https&sig=⟫@S@\n",
    "⟪SLACK_WEBHOOK_URL=https://hooks.slack.com/services/⟫@S@\n⟪SLACK_CHANNEL=#deploys⟫\n",
    "⟪https://discord.com/api/webhooks/1238472910384756102/⟫@S@\n",
    "⟪https://acme.webhook.office.com/webhookb2/@UUID@/IncomingWebhook/⟫@S@⟪/@UUID@⟫\n",
    "⟪2026-05-14T09:12:44Z INFO GET /download?file=report.pdf&token=⟫@S@⟪&lang=en 200 12ms⟫\n",
    "⟪GET https://maps.acme-geo.io/v1/geocode?address=Berlin&key=⟫@S@⟪&language=de⟫\n",
    "⟪Reset your password: https://app.acme-corp.io/reset?uid=4812&token=⟫@S@\n",
    "⟪< location: https://app.acme-corp.io/callback#access_token=⟫@S@⟪&token_type=bearer&expires_in=3600⟫\n",
    "⟪GET /oauth/callback?code=⟫@S@⟪&state=af0ifjsldkj HTTP/1.1⟫\n",
    "⟪https://d111111abcdef8.cloudfront.net/video.mp4?Expires=1767225600&Signature=⟫@S@⟪&Key-Pair-Id=K2JCJMDEHXQW5F⟫\n",
    "⟪https://pipelines.actions.githubusercontent.com/_apis/pipelines/1/runs/42/signedlogcontent/7"
    "?urlExpires=2026-05-14T09%3A22%3A44Z&urlSigningMethod=HMACV1&urlSignature=⟫@S@\n",
    "⟪https://http-intake.logs.datadoghq.eu/api/v2/logs?dd-api-key=⟫@S@⟪&ddsource=nodejs⟫\n",
    # (a DSN's public key is public by design: the legacy form's secret key is the secret)
    "⟪SENTRY_DSN=https://⟫@H32@:@S@⟪@o450123.ingest.sentry.io/5512345⟫\n",
    "⟪curl -X POST https://maker.ifttt.com/trigger/deploy_done/with/key/⟫@S@\n",
    '⟪curl -X POST "https://ci.acme-corp.io/job/deploy/build?token=⟫@S@⟪&cause=release"⟫\n',
    "⟪curl -X POST --fail -F token=⟫@S@⟪ -F ref=main "
    "https://gitlab.acme-corp.io/api/v4/projects/42/trigger/pipeline⟫\n",
    "⟪https://acme-app.firebaseio.com/users.json?auth=⟫@S@\n",
    "⟪https://api.mapbox.com/styles/v1/mapbox/streets-v12/tiles/1/0/0?access_token=⟫@S@\n",
    "⟪https://app.acme-corp.io/invoices/INV-2026-0481.pdf?expires=1767225600&signature=⟫@S@\n",
    '⟪{"download_url": "https://files.acme-corp.io/export/@UUID@.zip?sig=⟫@S@⟪&exp=1767225600", "size": '
    "48213}⟫\n",
    "⟪receivers:⟫\n⟪- name: oncall⟫\n  ⟪webhook_configs:⟫\n"
    "  ⟪- url: https://events.pagerduty.com/integration/⟫@S@"
    "⟪/enqueue⟫\n",
    '⟪203.0.113.9 - - [14/May/2026:09:12:44 +0000] "GET /api/export?apikey=⟫@S@⟪&format=csv HTTP/1.1" 200 '
    "48213⟫\n",
    "⟪wss://realtime.acme-corp.io/socket/websocket?vsn=2.0.0&token=⟫@S@⟪&client=web⟫\n",
    "⟪[INFO] Uploading to https://uploads.acme-corp.io/v1/put?bucket=builds&upload_token=⟫@S@"
    "⟪&name=app-@SHA@.tgz⟫\n",
)

EMAILS = (
    "⟪INSERT INTO users (id, name, email, created_at) VALUES (4812, ⟫'Jane Doe', '@S@⟪', '2026-05-14 "
    "09:12:44');⟫\n",
    "⟪COPY public.customers (id, email, country) FROM stdin;⟫\n⟪4812\t⟫@S@⟪\tDE⟫\n⟪\\.⟫\n",
    "⟪id,email,plan,signup_date⟫\n⟪4812,⟫@S@⟪,pro,2026-05-14⟫\n",
    "⟪   user_id                         email  orders⟫\n⟪0     4812  ⟫@S@⟪      17⟫\n",
    "⟪commit @SHA@⟫\nAuthor: Jane Doe <@S@⟪>⟫\n⟪Date:   Thu May 14 09:12:44 2026 +0200⟫\n\n"
    "⟪    Fix the retry loop⟫\n",
    "⟪user.name=⟫Jane Doe\n⟪user.email=⟫@S@\n⟪core.editor=vim⟫\n⟪pull.rebase=true⟫\n",
    "⟪2026-05-14 09:12:44,551 WARNING django.security: Failed login for ⟫@S@⟪ from 198.51.100.17⟫\n",
    '⟪{"id": 4812, "email": "⟫@S@⟪", "role": "member", "mfa": true}⟫\n',
    "⟪[⟫\n  ⟪{⟫\n    ⟪_id: ObjectId('6643a1f0c2b7e5d1a9f0e3c4'),⟫\n    ⟪email: '⟫@S@⟪',⟫\n"
    "    ⟪plan: 'free'⟫\n  ⟪}⟫\n⟪]⟫\n",
    "⟪  id  |           email           | verified⟫\n⟪------+---------------------------+----------⟫\n"
    "⟪ 4812 | ⟫@S@"
    "⟪ | t⟫\n⟪(1 row)⟫\n",
    "⟪*************************** 1. row ***************************⟫\n⟪     id: 4812⟫\n⟪  email: ⟫@S@\n"
    "⟪created: 2026-05-14 09:12:44⟫\n",
    '⟪  "object": "customer",⟫\n⟪  "email": "⟫@S@⟪",⟫\n⟪  "livemode": false,⟫\n',
    "⟪May 14 09:12:44 mx1 postfix/smtp[4121]: 3F2A1C0D2B: to=<⟫@S@⟪>, "
    "relay=mx.acme-mail.io[203.0.113.25]:25, "
    "delay=0.42, status=sent (250 2.0.0 OK)⟫\n",
    '⟪user = User.objects.create(username="jdoe", email="⟫@S@⟪")⟫\n',
    "⟪/infra/ @acme/platform⟫\n⟪/docs/ ⟫@S@\n",
    '⟪  "author": "⟫@S@⟪",⟫\n⟪  "license": "MIT",⟫\n',
    '⟪irb(main):001> User.find(4812).email⟫\n⟪=> "⟫@S@⟪"⟫\n',
    "⟪dn: uid=u4812,ou=people,dc=acme,dc=io⟫\n⟪mail: ⟫@S@\n⟪objectClass: inetOrgPerson⟫\n",
    "⟪Kundennr;E-Mail;PLZ⟫\n⟪10482;⟫@S@⟪;10115⟫\n",
    "  ⟪annotations:⟫\n    ⟪owner: ⟫@S@\n    ⟪team: payments⟫\n",
    '⟪"committer": {⟫\n  ⟪"name": "web-flow",⟫\n  ⟪"email": "⟫@S@⟪",⟫\n  ⟪"date": "@TS@"⟫\n⟪},⟫\n',
    "⟪user: {'id': '4812', 'email': '⟫@S@⟪', 'ip_address': '{{auto}}'}⟫\n",
    '⟪{"type": "fp", "description": "Wrong email or password.", "user_name": "⟫@S@⟪", "strategy": "auth0"}⟫\n'
    "",
    "⟪MAILTO=⟫@S@\n⟪0 3 * * * /srv/app/bin/backup.sh⟫\n",
    "⟪[{'id': 4812, 'email': '⟫@S@⟪', 'country': 'DE', 'ltv': 412.5}]⟫\n",
    "⟪UPDATE accounts SET locked = true WHERE email = '⟫@S@⟪';⟫\n⟪UPDATE 1⟫\n",
    "⟪2026-05-14T09:12:44Z INFO password reset requested user=⟫@S@⟪ ip=198.51.100.17⟫\n",
    "⟪Subject: Your invoice INV-2026-0481⟫\n⟪To: ⟫@S@\n⟪Message-ID: <@UUID@@mail.acme-corp.io>⟫\n",
)

SSNS = (
    "⟪INSERT INTO applicants (id, ssn, dob_year) VALUES (4812, '⟫@S@⟪', 1984);⟫\n",
    "⟪COPY hr.employees (id, ssn, state) FROM stdin;⟫\n⟪4812\t⟫@S@⟪\tCA⟫\n⟪\\.⟫\n",
    "⟪employee_id,ssn,hire_date,department⟫\n⟪E-10482,⟫@S@⟪,2019-03-04,Finance⟫\n",
    "⟪  id  | ssn         | state⟫\n⟪------+-------------+-------⟫\n⟪ 4812 | ⟫@S@⟪ | TX⟫\n⟪(1 row)⟫\n",
    '⟪{"applicant_id": "A-20931", "ssn": "⟫@S@⟪", "income": 84000}⟫\n',
    "⟪   employee_id         ssn  salary⟫\n⟪0        10482  ⟫@S@⟪   84000⟫\n",
    "⟪2026-05-14T09:12:44Z ERROR kyc: verification failed ssn=⟫@S@⟪ reason=MISMATCH request_id=@UUID@⟫\n",
    '⟪    "tax_id": "⟫@S@⟪",⟫\n⟪    "tax_id_type": "ssn",⟫\n',
    "⟪a  Employee's social security number⟫\n⟪   ⟫@S@\n⟪b  Employer identification number (EIN)⟫\n",
    '⟪person = Person(ssn="⟫@S@⟪", state="NY")⟫\n',
    "⟪         ssn: ⟫@S@\n⟪  work_state: WA⟫\n",
    "⟪<Applicant>⟫\n  ⟪<SSN>⟫@S@⟪</SSN>⟫\n  ⟪<State>OH</State>⟫\n⟪</Applicant>⟫\n",
    '⟪- id: 4812⟫\n  ⟪ssn: "⟫@S@⟪"⟫\n  ⟪state: WA⟫\n',
    '⟪POST /api/apply body={"ssn":"⟫@S@⟪","consent":true}⟫\n',
    "⟪{ _id: ObjectId('6643a1f0c2b7e5d1a9f0e3c5'), ssn: '⟫@S@⟪', status: 'pending' }⟫\n",
    "⟪EmpID\tSSN\tState⟫\n⟪10482\t⟫@S@⟪\tFL⟫\n",
    '⟪irb(main):002> applicant.ssn⟫\n⟪=> "⟫@S@⟪"⟫\n',
    '⟪PG::UniqueViolation: ERROR:  duplicate key value violates unique constraint "index_people_on_ssn"⟫\n'
    "⟪DETAIL:  Key (ssn)=(⟫@S@⟪) already exists.⟫\n",
    '⟪"employee": {"ssn": "⟫@S@⟪", "work_state": "CO"}⟫\n',
    "⟪data/exports/q2.csv:118:E-118,⟫@S@⟪,IL,2021-07-19⟫\n",
    "⟪Employee(id=10482, ssn='⟫@S@⟪', manager_id=311)⟫\n",
    "⟪| id | SSN | state |⟫\n⟪|----|-----|-------|⟫\n⟪| 4812 | ⟫@S@⟪ | NV |⟫\n",
    "⟪SOCIAL SECURITY NO.⟫ @S@ ⟪  FILING STATUS: SINGLE⟫\n",
    "⟪o.h.SQL : insert into person (ssn, state, id) values (?, ?, ?)⟫\n"
    "⟪o.h.t.d.s.BasicBinder : binding parameter [1] as [VARCHAR] - [⟫@S@⟪]⟫\n",
    "⟪>>> df.loc[df.state == 'MI', ['id', 'ssn']].to_dict('records')⟫\n⟪[{'id': 7731, 'ssn': '⟫@S@⟪'}]⟫\n",
    "⟪SSN:⟫ @S@\n⟪Verified: yes (2026-05-14)⟫\n",
)

PEMS = (
    "⟪$ cat ~/.ssh/id_ed25519⟫\n@S@\n⟪$ ssh-add -l⟫\n",
    "⟪$ kubectl get secret tls -o jsonpath='{.data.tls\\.key}' | base64 -d⟫\n@S@\n",
    "⟪$ terraform output -raw deploy_private_key⟫\n@S@\n",
    "⟪tls:⟫\n  ⟪certificate: /etc/ssl/certs/api.pem⟫\n  ⟪key: |⟫\n@S@\n⟪replicas: 2⟫\n",
    "⟪cat > /etc/nginx/ssl/api.key <<'EOF'⟫\n@S@\n⟪EOF⟫\n⟪chmod 600 /etc/nginx/ssl/api.key⟫\n",
    "⟪$ openssl genpkey -algorithm ed25519⟫\n@S@\n",
    "⟪Run webfactory/ssh-agent@v0.9.0⟫\n⟪with:⟫\n⟪  ssh-private-key: ⟫@S@\n",
    '⟪PRIVATE_KEY = """⟫\n@S@\n⟪"""⟫\n',
    "⟪const testKey = `⟫@S@⟪`⟫\n",
    "⟪const signingKey = `⟫@S@⟪`;⟫\n",
    "⟪diff --git a/deploy/id_rsa b/deploy/id_rsa⟫\n⟪new file mode 100600⟫\n⟪index 0000000..3f2a1c0⟫\n"
    "⟪--- /dev/null⟫\n"
    "⟪+++ b/deploy/id_rsa⟫\n@S@\n",
    "⟪Key                 Value⟫\n⟪---                 -----⟫\n⟪private_key_type    rsa⟫\n"
    "⟪private_key         ⟫@S@\n"
    "⟪serial_number       4f:1c:2a:9b:e0:d3⟫\n",
    "⟪```⟫\n@S@\n⟪```⟫\n",
    "⟪$ gpg --export-secret-keys --armor 0x3F2A1C0D2B7E9A41⟫\n@S@\n",
    "⟪$ ansible-vault view group_vars/prod/vault.yml⟫\n⟪vault_ssh_key: |⟫\n@S@\n",
    "⟪stringData:⟫\n  ⟪id_rsa: |⟫\n@S@\n  ⟪known_hosts: github.com ssh-ed25519 @PUB@⟫\n",
    '⟪String pem = """⟫\n@S@\n⟪""";⟫\n',
    '⟪let key = r#"⟫\n@S@\n⟪"#;⟫\n',
    '⟪#7 [3/5] RUN echo "$SSH_KEY" > /root/.ssh/id_rsa && cat /root/.ssh/id_rsa⟫\n@S@\n⟪#7 DONE 0.1s⟫\n',
    "⟪In [4]:⟫ print(open('key.pem').read())\n@S@\n",
    "⟪saml:⟫\n  ⟪sp:⟫\n    ⟪entityId: https://app.acme-corp.io/saml/metadata⟫\n    ⟪privateKey: |⟫\n@S@\n",
    "⟪#cloud-config⟫\n⟪write_files:⟫\n  ⟪- path: /etc/ssl/private/app.key⟫\n    ⟪permissions: '0600'⟫\n"
    "    ⟪content: |⟫\n@S@\n",
    "⟪$ cat AuthKey_7K2LM9QX4P.p8⟫\n@S@\n",
    "⟪$ step crypto keypair api.pub api.key --no-password --insecure && cat api.key⟫\n@S@\n",
    "⟪$ rg -l 'PRIVATE KEY' .⟫\n⟪tests/fixtures/signing.pem⟫\n⟪$ cat tests/fixtures/signing.pem⟫\n@S@\n",
    '⟪@pytest.fixture⟫\n⟪def rsa_key() -> str:⟫\n    ⟪return """⟫\n@S@\n⟪"""⟫\n',
    "⟪-----BEGIN CERTIFICATE-----⟫\n⟪@CERT@⟫\n⟪-----END CERTIFICATE-----⟫\n@S@\n",
)

BEARER = (
    "⟪$ gcloud auth print-access-token⟫\n@S@\n⟪$ gcloud config get project⟫\n⟪acme-prod⟫\n",
    '⟪{⟫\n  ⟪"accessToken": "⟫@S@⟪",⟫\n  ⟪"expiresOn": "2026-05-14 10:12:44.000000",⟫\n'
    '  ⟪"subscription": "@UUID@",⟫\n'
    '  ⟪"tenant": "@UUID@",⟫\n  ⟪"tokenType": "Bearer"⟫\n⟪}⟫\n',
    "⟪users:⟫\n⟪- name: ci⟫\n  ⟪user:⟫\n    ⟪token: ⟫@S@\n⟪contexts:⟫\n",
    '⟪{"access_token":"⟫@S@⟪","token_type":"Bearer","expires_in":3599,"scope":"openid email"}⟫\n',
    '⟪> localStorage.getItem(\'auth\')⟫\n⟪\'{"token":"⟫@S@⟪","exp":1767225600}\'⟫\n',
    "⟪< set-cookie: access_token=⟫@S@⟪; Path=/; HttpOnly; Secure⟫\n",
    "⟪export VAULT_TOKEN=⟫@S@\n⟪export VAULT_ADDR=https://vault.acme-corp.io⟫\n",
    '⟪$ curl -H "Authorization: Bearer ⟫@S@⟪" '
    "https://compute.googleapis.com/compute/v1/projects/acme-prod/zones/europe-west1-b/instances⟫\n",
    "⟪In [7]:⟫ creds.token\n⟪Out[7]:⟫ '@S@'\n",
    "⟪$ cat /var/run/secrets/kubernetes.io/serviceaccount/token⟫\n@S@⟪$ ⟫\n",
    "⟪2026-05-14T09:12:44Z DEBUG auth: verified token ⟫@S@⟪ for sub=4812⟫\n",
    '⟪{"key": "accessToken", "value": "⟫@S@⟪", "type": "secret", "enabled": true}⟫\n',
    "⟪ACTIONS_ID_TOKEN_REQUEST_TOKEN=⟫@S@\n"
    "⟪ACTIONS_ID_TOKEN_REQUEST_URL=https://pipelines.actions.githubusercontent.com/idtoken⟫\n",
    "⟪$ az account get-access-token --query accessToken -o tsv⟫\n@S@\n",
    '⟪const idToken = "⟫@S@⟪";⟫\n',
    '⟪req.Header.Set("Authorization", "Bearer ⟫@S@⟪")⟫\n',
    '⟪"headers": {⟫\n  ⟪"Authorization": "Bearer ⟫@S@⟪"⟫\n⟪},⟫\n',
    "⟪SUPABASE_SERVICE_ROLE_KEY=⟫@S@\n⟪SUPABASE_URL=https://abcdefghijklmnop.supabase.co⟫\n",
    '⟪{"ServerURL":"https://index.docker.io/v1/","Username":"acme-ci","Secret":"⟫@S@⟪"}⟫\n',
    "⟪- name: gke_acme-prod_europe-west1_main⟫\n  ⟪user:⟫\n    ⟪auth-provider:⟫\n      ⟪config:⟫\n"
    '        ⟪access-token: ⟫@S@\n        ⟪expiry: "@TS@"⟫\n',
    '⟪request.setValue("Bearer ⟫@S@⟪", forHTTPHeaderField: "Authorization")⟫\n',
    '⟪.addHeader("Authorization", "Bearer ⟫@S@⟪")⟫\n',
    '⟪provider "google" {⟫\n  ⟪project      = "acme-prod"⟫\n  ⟪access_token = "⟫@S@⟪"⟫\n⟪}⟫\n',
    '⟪{"user":{"name":"Jane","image":null},"expires":"@TS@","accessToken":"⟫@S@⟪"}⟫\n',
    "⟪$client->setAccessToken('⟫@S@⟪');⟫\n",
    "⟪Bearer token for the staging cluster:⟫ @S@ ⟪(expires in 1h)⟫\n",
)


def pem_escaped(rng: random.Random) -> str:
    """A private key whose line breaks are written ``\\n``, as JSON key files and env vars carry them."""
    return fakes.private_key(rng).replace("\n", "\\n")


_SA = "ci-deployer@acme-prod.iam.gserviceaccount.com"

PEMS_ESCAPED = (
    '⟪{⟫\n  ⟪"type": "service_account",⟫\n  ⟪"project_id": "acme-prod",⟫\n  "private_key_id": "@SHA@",\n'
    '  ⟪"private_key": "⟫@S@⟪\\n",⟫\n  ⟪"client_email": "' + _SA + '",⟫\n'
    '  ⟪"client_id": "104829310384756102938",⟫\n'
    '  ⟪"token_uri": "https://oauth2.googleapis.com/token"⟫\n⟪}⟫\n',
    '⟪$ jq .private_key key.json⟫\n⟪"⟫@S@⟪\\n"⟫\n⟪$ jq -r .client_email key.json⟫\n',
    '⟪GOOGLE_CREDENTIALS={"type":"service_account","project_id":"acme-prod","private_key":"⟫@S@'
    '⟪\\n","client_email":"' + _SA + '"}⟫\n',
    '⟪FIREBASE_PRIVATE_KEY="⟫@S@⟪\\n"⟫\n⟪FIREBASE_PROJECT_ID=acme-app⟫\n',
    '⟪GITHUB_APP_ID=412983⟫\n⟪GITHUB_APP_PRIVATE_KEY="⟫@S@⟪"⟫\n⟪GITHUB_APP_WEBHOOK_PATH=/api/github/hooks⟫\n',
    '⟪"private_key_pem": "⟫@S@⟪\\n",⟫\n⟪"public_key_openssh": "ssh-ed25519 @PUB@\\n",⟫\n⟪"rsa_bits": 4096,⟫\n'
    "",
    '            ⟪"JWT_PRIVATE_KEY=⟫@S@⟪",⟫\n            ⟪"JWT_ISSUER=https://auth.acme-corp.io"⟫\n',
    '⟪"data": {⟫\n  ⟪"data": {⟫\n    ⟪"key": "⟫@S@⟪\\n"⟫\n  ⟪},⟫\n  ⟪"metadata": {"version": 3}⟫\n⟪},⟫\n',
    '⟪creds = service_account.Credentials.from_service_account_info({"type": "service_account", '
    '"private_key": "⟫@S@'
    '⟪\\n", "client_email": "' + _SA + '"})⟫\n',
    "⟪const privateKey = '⟫@S@⟪\\n'.replace(/\\\\n/g, '\\n');⟫\n",
    '⟪# Created by Vercel CLI⟫\n⟪GOOGLE_PRIVATE_KEY="⟫@S@⟪\\n"⟫\n⟪GOOGLE_CLIENT_EMAIL="' + _SA + '"⟫\n',
    "⟪=== acme-ios Config Vars⟫\n⟪APPLE_KEY_ID:      7K2LM9QX4P⟫\n⟪APPLE_PRIVATE_KEY: ⟫@S@\n"
    "⟪APPLE_TEAM_ID:     ABCDE12345⟫\n",
    "⟪2026-05-14T09:12:44.0000000Z env:⟫\n⟪2026-05-14T09:12:44.0000000Z   GCP_SA_KEY: ⟫@S@\n",
    "⟪SNOWFLAKE_ACCOUNT=acme-eu1⟫\n⟪SNOWFLAKE_PRIVATE_KEY=⟫@S@\n⟪SNOWFLAKE_USER=LOADER⟫\n",
    '⟪jwt:⟫\n  ⟪privateKey: "⟫@S@⟪"⟫\n  ⟪issuer: https://auth.acme-corp.io⟫\n',
    '⟪{"apns": {"keyId": "7K2LM9QX4P", "teamId": "ABCDE12345", "key": "⟫@S@⟪"}}⟫\n',
    '⟪const testPEM = "⟫@S@⟪"⟫\n',
    '⟪var pem = "⟫@S@⟪";⟫\n⟪using var rsa = RSA.Create();⟫\n',
    "⟪app.jwt.private-key=⟫@S@\n⟪app.jwt.ttl=PT15M⟫\n",
    '⟪github_app:⟫\n  ⟪app_id: 412983⟫\n  ⟪private_key: "⟫@S@⟪"⟫\n',
    "    ⟪environment:⟫\n      ⟪SAML_SP_KEY: ⟫@S@\n      ⟪SAML_SP_ENTITY_ID: https://app.acme-corp.io/saml⟫\n"
    "",
    '⟪{⟫\n    ⟪"OutputKey": "DeployKey",⟫\n    ⟪"OutputValue": "⟫@S@⟪"⟫\n⟪},⟫\n',
    '⟪$ jq -c . key.json⟫\n⟪{"type":"service_account","project_id":"acme-prod","private_key_id":⟫"@SHA@",'
    '⟪"private_key":"⟫@S@⟪\\n","client_email":"' + _SA + '"}⟫\n',
    "⟪{'type': 'service_account', 'private_key': '⟫@S@⟪\\n', 'client_id': '104829310384756102938'}⟫\n",
    '⟪config/firebase.json:5:  "private_key": "⟫@S@⟪\\n",⟫\n',
    '⟪  "credentials": {⟫\n    ⟪"type": "service_account",⟫\n    ⟪"private_key": "⟫@S@⟪\\n",⟫\n'
    '    ⟪"universe_domain": "googleapis.com"⟫\n  ⟪}⟫\n',
)


CLASSES = (
    Class("env_dump", env_secret, ENV_DUMP),
    Class("aws_secret_key", aws_secret_key, AWS_SECRET),
    Class("k8s_secret", k8s_value, K8S_SECRET),
    Class("vendor_token", vendor_token, VENDOR),
    Class("registry_auth", registry_secret, REGISTRY),
    Class("git_url_token", git_token, GIT),
    Class("db_password", db_password, DB),
    Class("stack_locals", locals_secret, STACK),
    Class("http_auth", http_credential, HTTP),
    Class("url_secret", query_secret, URLS),
    Class("email", email, EMAILS),
    Class("ssn", ssn, SSNS),
    Class("private_key", private_key, PEMS),
    Class("bearer_token", bearer_token, BEARER),
    Class("sa_private_key", pem_escaped, PEMS_ESCAPED),
)

# Secret-free look-alikes --------------------------------------------------------------------------

LOOKALIKES = (
    "⟪$ terraform plan⟫\n⟪  # aws_db_instance.main will be updated in-place⟫\n"
    '⟪  ~ resource "aws_db_instance" "main" {⟫\n⟪        id       = "shop-prod"⟫\n'
    "⟪      ~ password = (sensitive value)⟫\n⟪        # (42 unchanged attributes hidden)⟫\n⟪    }⟫\n"
    "⟪Plan: 0 to add, 1 to change, 0 to destroy.⟫\n",
    '⟪$ terraform output⟫\n⟪db_endpoint = "shop-prod.c9akciq32.eu-west-1.rds.amazonaws.com:5432"⟫\n'
    '⟪db_password = <sensitive>⟫\n⟪vpc_id = "vpc-0a1b2c3d4e5f67890"⟫\n',
    "⟪$ kubectl get secrets -n shop⟫\n"
    "⟪NAME                  TYPE                                  DATA   AGE⟫\n"
    "⟪db-credentials        Opaque                                2      41d⟫\n"
    "⟪regcred               kubernetes.io/dockerconfigjson        1      41d⟫\n"
    "⟪sh.helm.release.v1.shop.v7   helm.sh/release.v1          1      3d⟫\n",
    "⟪$ kubectl describe secret db-credentials⟫\n⟪Name:         db-credentials⟫\n⟪Namespace:    shop⟫\n"
    "⟪Labels:       <none>⟫\n⟪Type:  Opaque⟫\n\n⟪Data⟫\n⟪====⟫\n⟪password:  24 bytes⟫\n⟪username:  4 bytes⟫\n"
    "",
    "⟪$ env | sort⟫\n⟪HOME=/root⟫\n⟪HOSTNAME=api-5c7d9-zt6qk⟫\n⟪LANG=C.UTF-8⟫\n⟪NODE_ENV=production⟫\n"
    "⟪NODE_VERSION=20.12.2⟫\n⟪PATH=/usr/local/bin:/usr/bin:/bin⟫\n⟪YARN_VERSION=1.22.19⟫\n"
    "⟪GIT_COMMIT=@SHA@⟫\n⟪BUILD_ID=@UUID@⟫\n",
    '⟪"node_modules/lodash": {⟫\n  ⟪"version": "4.17.21",⟫\n'
    '  ⟪"resolved": "https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz",⟫\n  ⟪"integrity": "@SRI@"⟫\n'
    "⟪},⟫\n",
    "⟪$ docker images --digests⟫\n"
    "⟪REPOSITORY        TAG      DIGEST                                                                    "
    "IMAGE ID⟫\n⟪ghcr.io/acme/api  1.14.2   sha256:@H64@   4f1c2a9be0d3⟫\n",
    "⟪$ fly secrets list⟫\n⟪NAME              DIGEST            CREATED AT⟫\n"
    "⟪DATABASE_URL      2b1d6c0e4a5f7d93  2h ago⟫\n"
    "⟪SESSION_SECRET    9f0e3c7a1b2d4e68  2h ago⟫\n",
    "⟪$ aws configure list⟫\n⟪      Name                    Value             Type    Location⟫\n"
    "⟪      ----                    -----             ----    --------⟫\n"
    "⟪   profile                <not set>             None    None⟫\n"
    "⟪access_key     ****************QX7M shared-credentials-file⟫\n"
    "⟪secret_key     ****************a9Tq shared-credentials-file⟫\n"
    "⟪    region                eu-west-1      config-file    ~/.aws/config⟫\n",
    "⟪DATABASE_PASSWORD=${DATABASE_PASSWORD}⟫\n⟪API_TOKEN=<your-token>⟫\n⟪SECRET_KEY=changeme⟫\n"
    "⟪STRIPE_KEY=sk_"
    "test_xxx⟫\n",
    "⟪env:⟫\n  ⟪NPM_TOKEN: ${{ secrets.NPM_TOKEN }}⟫\n"
    "  ⟪AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}⟫\n",
    "⟪password: {{ .Values.auth.password | b64enc | quote }}⟫\n"
    '⟪token: {{ required "token" .Values.token }}⟫\n',
    "⟪export GITHUB_TOKEN=$(gh auth token)⟫\n⟪export VAULT_TOKEN=$(cat ~/.vault-token)⟫\n",
    '⟪sql = "INSERT INTO users (email, password) VALUES (%(email)s, %(password)s)"⟫\n',
    "⟪2026-05-14T09:12:44.0000000Z ##[group]Run actions/checkout@v4⟫\n⟪2026-05-14T09:12:44.0000000Z with:⟫\n"
    "⟪2026-05-14T09:12:44.0000000Z   token: ***⟫\n⟪2026-05-14T09:12:44.0000000Z   ref: @SHA@⟫\n",
    "⟪$ git log --oneline -3⟫\n⟪@SHA@ Rotate the staging token (the old one is revoked)⟫\n"
    "⟪@SHA@ Read SECRET_KEY from the environment⟫\n",
    "⟪$ heroku config -a acme-shop⟫\n⟪=== acme-shop Config Vars⟫\n⟪LOG_LEVEL:       info⟫\n"
    "⟪NODE_ENV:        production⟫\n"
    "⟪WEB_CONCURRENCY: 2⟫\n",
    "⟪arn:aws:iam::@ACCT@:role/ci-deploy⟫\n⟪arn:aws:secretsmanager:eu-west-1:@ACCT@:secret:prod/db-AbCdEf⟫\n",
    "⟪Image:          ghcr.io/acme/api@sha256:@H64@⟫\n⟪Image ID:       ghcr.io/acme/api@sha256:@H64@⟫\n",
    "⟪AWS_SECRET_ACCESS_KEY=****⟫\n⟪GITHUB_TOKEN=[MASKED]⟫\n⟪SLACK_WEBHOOK_URL=********⟫\n",
    '⟪$ npm config list⟫\n⟪; "user" config from /root/.npmrc⟫\n\n'
    "⟪//registry.npmjs.org/:_authToken = (protected)⟫\n"
    '⟪@acme:registry = "https://npm.pkg.github.com"⟫\n\n⟪; node bin location = /usr/local/bin/node⟫\n'
    "⟪; node version = v20.12.2⟫\n",
    '⟪"@babel/core@^7.24.0":⟫\n  ⟪version "7.24.5"⟫\n'
    '  ⟪resolved "https://registry.yarnpkg.com/@babel/core/-/core-7.24.5.tgz#@SHA@"⟫\n  ⟪integrity @SRI@⟫\n',
    '⟪[[package]]⟫\n⟪name = "requests"⟫\n⟪version = "2.32.3"⟫\n⟪files = [⟫\n'
    '    ⟪{file = "requests-2.32.3-py3-none-any.whl", hash = "sha256:@H64@"},⟫\n⟪]⟫\n',
    '⟪[[package]]⟫\n⟪name = "serde"⟫\n⟪version = "1.0.203"⟫\n'
    '⟪source = "registry+https://github.com/rust-lang/crates.io-index"⟫\n⟪checksum = "@H64@"⟫\n',
    "⟪github.com/stretchr/testify v1.9.0 h1:@B44@⟫\n⟪github.com/stretchr/testify v1.9.0/go.mod h1:@B44@⟫\n",
    '⟪"Id": "sha256:@H64@",⟫\n⟪"RepoDigests": [⟫\n⟪    "ghcr.io/acme/api@sha256:@H64@"⟫\n⟪],⟫\n⟪"Env": [⟫\n'
    '⟪    "PATH=/usr/local/bin:/usr/bin",⟫\n⟪    "NODE_VERSION=20.12.2"⟫\n⟪],⟫\n',
    '⟪metadata:⟫\n  ⟪name: api-5c7d9-zt6qk⟫\n  ⟪resourceVersion: "48213"⟫\n  ⟪uid: @UUID@⟫\n⟪spec:⟫\n'
    "  ⟪containers:⟫\n  ⟪- image: ghcr.io/acme/api@sha256:@H64@⟫\n",
    '⟪# aws_iam_access_key.ci:⟫\n⟪resource "aws_iam_access_key" "ci" {⟫\n⟪    secret = (sensitive value)⟫\n'
    '⟪    status = "Active"⟫\n⟪    user   = "ci-deployer"⟫\n⟪}⟫\n',
    '⟪  + resource "random_password" "db" {⟫\n⟪      + id          = (known after apply)⟫\n'
    "⟪      + length      = 32⟫\n⟪      + result      = (sensitive value)⟫\n⟪      + special     = true⟫\n"
    "⟪    }⟫\n",
    "⟪auth:⟫\n  ⟪existingSecret: db-credentials⟫\n  ⟪secretKeys:⟫\n"
    "    ⟪adminPasswordKey: postgres-password⟫\n"
    "    ⟪userPasswordKey: password⟫\n",
    "⟪origin\tgit@github.com:acme/shop.git (fetch)⟫\n⟪origin\tgit@github.com:acme/shop.git (push)⟫\n",
    '⟪$ psql "postgresql://app:${PGPASSWORD}@db.internal:5432/shop"⟫\n⟪psql (16.2)⟫\n',
    "⟪$ mysql -u root -p shop⟫\n⟪Enter password:⟫\n",
    '⟪$ redis-cli -a "$REDIS_PASSWORD" --no-auth-warning ping⟫\n⟪PONG⟫\n',
    "⟪SECRET_KEY\t'********************'⟫\n"
    "⟪DATABASES\t{'default': {'PASSWORD': '********************', 'HOST': 'db.internal'}}⟫\n",
    "⟪I0514 09:12:44.551041   4121 round_trippers.go:473]     Authorization: Bearer <masked>⟫\n",
    '⟪$ curl -H "Authorization: Bearer $GITHUB_TOKEN" https://api.github.com/user⟫\n',
    "⟪ISBN 978-3-16-148410-0⟫\n⟪part no. 4155-550-132⟫\n⟪ssn_last4: 6789⟫\n",
    "⟪Author: dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>⟫\n"
    "⟪git@github.com:acme/shop.git⟫\n"
    "⟪npm install @acme/ui@2.3.1⟫\n",
    "⟪ssh-ed25519 @PUB@ ci@build-07⟫\n",
    "⟪-----BEGIN CERTIFICATE-----⟫\n⟪@CERT@⟫\n⟪-----END CERTIFICATE-----⟫\n",
    "⟪DATABASE_URL=postgres://user:password@localhost:5432/dbname⟫\n⟪STRIPE_SECRET_KEY=⟫\n⟪SENTRY_DSN=⟫\n",
    "⟪index-url = https://__token__:${PIP_TOKEN}@pkgs.acme-corp.io/simple/⟫\n"
    "⟪//registry.npmjs.org/:_authToken=${NPM_TOKEN}⟫\n",
    '⟪{"auths": {"ghcr.io": {}}, "credsStore": "osxkeychain", "currentContext": "desktop-linux"}⟫\n',
    '⟪{⟫\n    ⟪"UserId": "@AROA@:ci",⟫\n    ⟪"Account": "@ACCT@",⟫\n'
    '    ⟪"Arn": "arn:aws:sts::@ACCT@:assumed-role/ci-deploy/ci"⟫\n⟪}⟫\n',
    "⟪@H64@  dist/app-1.4.2.tar.gz⟫\n⟪@H64@  dist/app-1.4.2-py3-none-any.whl⟫\n",
    "⟪[core]⟫\n⟪account = ci-deployer@acme-prod.iam.gserviceaccount.com⟫\n⟪project = acme-prod⟫\n"
    "⟪[compute]⟫\n⟪region = europe-west1⟫\n",
    "⟪    Environment:⟫\n⟪      DB_HOST:      postgres.shop.svc.cluster.local⟫\n"
    "⟪      DB_PASSWORD:  <set to the key 'password' in secret 'db-credentials'>  Optional: false⟫\n",
    "⟪ name              value               environments⟫\n"
    "⟪ DATABASE_URL      Encrypted           Production, Preview⟫\n"
    "⟪ NEXTAUTH_SECRET   Encrypted           Production⟫\n",
    '⟪"hashes": [⟫\n    ⟪"sha256:@H64@",⟫\n    ⟪"sha256:@H64@"⟫\n⟪],⟫\n⟪"version": "==3.1.4"⟫\n',
    '⟪$ terraform output -json⟫\n⟪{⟫\n  ⟪"bucket_arn": {⟫\n    ⟪"sensitive": false,⟫\n'
    '    ⟪"type": "string",⟫\n'
    '    ⟪"value": "arn:aws:s3:::acme-exports"⟫\n  ⟪},⟫\n  ⟪"region": {⟫\n    ⟪"sensitive": false,⟫\n'
    '    ⟪"value": "eu-west-1"⟫\n  ⟪}⟫\n⟪}⟫\n',
    '⟪password = getpass.getpass("Password: ")⟫\n⟪token = os.environ.get("API_TOKEN", "")⟫\n'
    '⟪if not token: raise SystemExit("API_TOKEN is not set")⟫\n',
    "⟪api_key: <your-api-key>⟫\n⟪webhook_url: https://hooks.slack.com/services/XXX/YYY/ZZZ⟫\n"
    "⟪password: xxx⟫\n",
    "⟪$ kubectl get secret db-credentials -o jsonpath='{.data.password}' | wc -c⟫\n⟪44⟫\n",
    "⟪spring.datasource.password=${DB_PASSWORD:}⟫\n⟪spring.datasource.username=${DB_USER:app}⟫\n",
    "⟪password: !vault |⟫\n          ⟪$ANSIBLE_VAULT;1.1;AES256⟫\n          ⟪@H64@⟫\n",
    "⟪2026-05-14T09:12:44.0000000Z Run actions/cache@v4⟫\n"
    "⟪2026-05-14T09:12:44.0000000Z Cache restored from key: "
    "node-cache-Linux-x64-npm-@H64@⟫\n",
    '⟪[sensitive]⟫\n⟪DB_PASSWORD   = "%(db_password)s"⟫\n'
    '⟪REDIS_URL     = "redis://:{{ redis_password }}@cache:6379"⟫\n',
    "⟪request_id=@UUID@ trace_id=@H64@ span_id=3f2a1c0d2b7e9a41 status=200⟫\n",
    "⟪Successfully tagged ghcr.io/acme/api:1.14.2⟫\n⟪1.14.2: digest: sha256:@H64@ size: 2417⟫\n",
    "⟪$ aws configure get region⟫\n⟪eu-west-1⟫\n⟪$ aws s3 ls s3://acme-exports/reports/⟫\n"
    "⟪2026-05-14 09:12:44      48213 2026-05.csv⟫\n",
    "⟪Authorization: Basic {{credentials}}⟫\n⟪X-Api-Key: {{apiKey}}⟫\n⟪Cookie: session={{session}}⟫\n",
    "⟪  auth_token = var.datadog_api_key⟫\n⟪  password   = random_password.db.result⟫\n"
    "⟪  secret_key = data.aws_secretsmanager_secret_version.app.secret_string⟫\n",
)


def build(per_class: int = 40, seed: int = SEED) -> list[Labelled]:
    """Every class's documents (at least one per template, ``per_class`` at least) and the look-alikes."""
    return build_part(CLASSES, LOOKALIKES, per_class=per_class, seed=seed)


def build_part(
    classes: Sequence[Class], lookalikes: Sequence[str], *, per_class: int, seed: int, wrappings: int = 1
) -> list[Labelled]:
    """A tuning part's documents: each class's templates filled, wrapped and sometimes escaped, then each
    look-alike under ``wrappings`` wrappers (a part of this round's kind, whichever round wrote it)."""
    rng = random.Random(seed)
    out: list[Labelled] = []
    for item in classes:
        for index in range(max(per_class, len(item.templates))):
            secret = item.make(rng)
            template = _wrap(item.templates[index % len(item.templates)], rng, "\n" in secret)
            doc, keep = _fill(_placeholders(template, rng), secret, rng)
            if rng.random() < TRANSCRIPT_SHARE:
                doc, secret, keep = _escape(doc, secret, keep)
            start = doc.index(secret)
            out.append(Labelled(Instance(item.name, doc, start, start + len(secret)), keep, doc))
    for template in lookalikes:
        for _ in range(wrappings):
            doc, keep = _fill(_placeholders(_wrap(template, rng, False), rng), "", rng)
            if rng.random() < TRANSCRIPT_SHARE:
                doc, _, keep = _escape(doc, "", keep)
            out.append(Labelled(None, keep, doc))
    return out


def measure(per_class: int = 40) -> Figures:
    """This part scored as tuning_more scores its own."""
    return score(build(per_class))
