"""A seventh tuning corpus: what coding agents get back from tools in a terminal, secrets and the text around them.

Environment dumps (``cat .env``, ``env | sort``, ``printenv``, ``set``, ``heroku config``, ``vercel env pull``),
cloud CLIs' credentials files and JSON, Kubernetes Secrets as ``kubectl`` and ``helm`` print them and
vendor-prefixed tokens in code and logs, each document possibly reaching the agent through a wrapper: a
numbered file read, ``grep -n`` prefixes, ``cat -n``, a diff, a Markdown fence, a timestamped CI log or a JSON
transcript line. Written from the tools' public output formats, not from the rules. Rules may be adjusted
against it: it is a tuning part, like `tuning_more`.

Templates use `tuning_more`'s markers: ``@S@`` for the one labelled secret of a document and ``⟪...⟫`` around
each span that must come out unchanged. ``@AKID@`` is an AWS access key id that is left unlabelled (never inside
a marked span); ``@SHA@``, ``@UUID@``, ``@H64@``, ``@SRI@``, ``@ACCT@`` and ``@TS@`` are filled with a git SHA,
a UUID, a SHA-256 digest, an npm integrity string, an AWS account id and a timestamp: things that must survive.
Documents without a secret (`LOOKALIKES`) are the secret-free look-alikes of the same tools' output.
"""

from __future__ import annotations

import base64
import random
import re
from collections.abc import Callable

from tests.scrubcorpus import fakes
from tests.scrubcorpus.contexts import Instance
from tests.scrubcorpus.fakes import ALNUM, B64, DIGITS, HEX, UPPER, URLSAFE, chars, mixed
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
    score,
)

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
    "@SRI@": lambda rng: "sha512-" + base64.b64encode(rng.randbytes(64)).decode(),
    "@ACCT@": lambda rng: chars(rng, "123456789", 1) + chars(rng, DIGITS, 11),
    "@TS@": _timestamp,
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
    "⟪$ kubectl exec deploy/api -- env⟫\n⟪KUBERNETES_SERVICE_HOST=10.96.0.1⟫\n⟪WEBHOOK_SECRET=⟫@S@\n"
    "⟪KUBERNETES_PORT=tcp://10.96.0.1:443⟫\n",
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

CLASSES = (
    Class("env_dump", env_secret, ENV_DUMP),
    Class("aws_secret_key", aws_secret_key, AWS_SECRET),
    Class("k8s_secret", k8s_value, K8S_SECRET),
    Class("vendor_token", vendor_token, VENDOR),
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
)


def build(per_class: int = 40, seed: int = SEED) -> list[Labelled]:
    """Every class's documents (at least one per template, ``per_class`` at least) and the look-alikes."""
    rng = random.Random(seed)
    out: list[Labelled] = []
    for item in CLASSES:
        for index in range(max(per_class, len(item.templates))):
            secret = item.make(rng)
            template = _wrap(item.templates[index % len(item.templates)], rng, "\n" in secret)
            doc, keep = _fill(_placeholders(template, rng), secret, rng)
            if rng.random() < TRANSCRIPT_SHARE:
                doc, secret, keep = _escape(doc, secret, keep)
            start = doc.index(secret)
            out.append(Labelled(Instance(item.name, doc, start, start + len(secret)), keep, doc))
    for template in LOOKALIKES:
        doc, keep = _fill(_placeholders(_wrap(template, rng, False), rng), "", rng)
        if rng.random() < TRANSCRIPT_SHARE:
            doc, _, keep = _escape(doc, "", keep)
        out.append(Labelled(None, keep, doc))
    return out


def measure(per_class: int = 40) -> Figures:
    """This part scored as tuning_more scores its own."""
    return score(build(per_class))
