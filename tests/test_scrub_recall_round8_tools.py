"""Credentials that only a tool's own format marks as such: secrets printed by secret-store commands
(`consul kv get`, `op item get --fields`), package-registry credentials (Gradle's `gpr.key`, Composer's auth
sections, Bundler's per-host variables), a bearer token in `Sec-WebSocket-Protocol`, a settings file's JWT
signing key, `consul acl set-agent-token`, a secret shown once by a service, GitHub Actions' `::add-mask::`,
SMTP's AUTH PLAIN, password hashes in crypt(3), Argon2 and Django formats, base64 keys that start with or
hold "/", and a Kubernetes Secret whose manifest opens a JSON string. Each behind the line wrappers agents
print, beside look-alikes that must come out unchanged. Every value is generated at test time.
"""

from __future__ import annotations

import base64
import json
import random
import string
from collections.abc import Callable

import pytest

from client_actors.scrub import scrub_text
from tests.scrubcorpus import fakes
from tests.support.scrubbing import scrubbed

RNG = random.Random(20261204)


def _escaped(text: str) -> str:
    return json.dumps({"type": "tool_result", "content": text})


WRAPPERS: dict[str, Callable[[str], str]] = {
    "plain": lambda text: text,
    "escaped": _escaped,
    "diff": lambda text: "".join(f"+{line}\n" for line in text.splitlines()),
    "arrow": lambda text: "".join(f"    {n}→{line}\n" for n, line in enumerate(text.splitlines(), 12)),
}


def _token(rng: random.Random, n: int = 32) -> str:
    return fakes.generated_token(rng, n)


def _slashed(rng: random.Random) -> str:
    """Base64 of random bytes holding at least two "/" (a third of such keys hold one or more)."""
    while True:
        value = base64.b64encode(rng.randbytes(33)).decode()
        if value.count("/") >= 2 and not value.startswith("/"):
            return "/" + value


def _ssn(rng: random.Random, sep: str = "") -> str:
    """A number of an SSN's shape (area not 000, 666 or 9xx; group and serial not zero)."""
    area = rng.choice([n for n in range(1, 900) if n != 666])
    return f"{area:03d}{sep}{rng.randint(1, 99):02d}{sep}{rng.randint(1, 9999):04d}"


def _crypt(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("./" + string.ascii_letters + string.digits) for _ in range(n))


def _b64(rng: random.Random, n: int) -> str:
    return base64.b64encode(rng.randbytes(n)).decode().rstrip("=")


# (template with {S} for the secret, kind of token expected)
SECRETS: dict[str, tuple[str, Callable[[random.Random], str]]] = {
    "consul-kv": ("$ consul kv get shop/api/token\n{S}\n", lambda rng: _token(rng, 24)),
    "op-fields": ("$ op item get 'Shop DB' --fields password\n{S}\n", fakes.password),
    "gradle-gpr": ("gpr.user=ci-bot\ngpr.key={S}\norg.gradle.caching=true\n", fakes.github_token),
    "composer": (
        '{{"github-oauth": {{"github.com": "{S}"}}, "gitlab-domains": ["git.example.org"]}}\n',
        lambda rng: _token(rng, 40),
    ),
    "bundler-pair": ('BUNDLE_GEMS__EXAMPLE__COM: "ci:{S}"\nBUNDLE_JOBS: "4"\n', fakes.password),
    "bundler-token": ("export BUNDLE_RUBYGEMS__PKG__GITHUB__COM={S}\n", fakes.github_token),
    "websocket": (
        "GET /socket HTTP/1.1\nUpgrade: websocket\nSec-WebSocket-Protocol: bearer, {S}\n",
        lambda rng: _token(rng, 40),
    ),
    "jwt-section": (
        '{{\n  "ConnectionStrings": {{ "Redis": "cache:6379" }},\n  "Jwt": {{ "Issuer": "acme", "Key": "{S}" }}\n}}\n',
        fakes.password,
    ),
    "consul-agent-token": ("$ consul acl set-agent-token default {S}\n", lambda rng: _token(rng, 36)),
    "shown-once": (
        "Here is your webhook secret, it will not be shown again:\n\n    {S}\n",
        lambda rng: _token(rng, 28),
    ),
    "logfmt-slashed": ('level=info msg="session created" session_token={S} user=alice\n', _slashed),
    "k8s-data": (
        "data:\n  .dockerconfigjson: {S}\nkind: Secret\ntype: kubernetes.io/dockerconfigjson\n",
        lambda rng: base64.b64encode(_token(rng, 24).encode()).decode(),
    ),
    "dbi-connect-slashed": (
        'my $dbh = DBI->connect("dbi:Pg:dbname=shop;host=198.51.100.7", "app", "{S}");\n',
        _slashed,
    ),
    "vso-setvariable": (
        "##vso[task.setvariable variable=registryPassword;isoutput=true]{S}\n",
        lambda rng: _token(rng, 40),
    ),
    "vso-issecret": ("##vso[task.setvariable variable=build.stamp;issecret=true]{S}\n", fakes.password),
    "vso-debug-result": (
        "##[debug]Evaluating: variables['registry.password']\n##[debug]Result: '{S}'\n",
        fakes.password,
    ),
    "teamcity": (
        "##teamcity[setParameter name='env.SONAR_TOKEN' value='{S}']\n",
        lambda rng: _token(rng, 40),
    ),
    "plist": ("<key>BackendApiSecret</key>\n<string>{S}</string>\n", lambda rng: _token(rng, 32)),
    "android-meta": (
        '<meta-data android:name="io.sentry.auth-token" android:value="{S}" />\n',
        lambda rng: _token(rng, 40),
    ),
    "android-string": ('<string name="backend_api_key" translatable="false">{S}</string>\n', _token),
    "aws-text-credentials": (
        "$ aws sts get-session-token --output text\nCREDENTIALS\tASIAXXXXEXAMPLE00000\t2026-11-20T01:01:27Z"
        "\t{S}\tIQoJb3JpZ2luX2Vj" + "A" * 40 + "\n",
        lambda rng: base64.b64encode(rng.randbytes(30)).decode(),
    ),
    "doctl": (
        "$ doctl auth init --context ci -t {S}\nValidating token... done\n",
        lambda rng: _token(rng, 64),
    ),
    "heroku-auth-token": (
        "$ heroku auth:token\n \u203a   Warning: token will expire 05/14/2027\n{S}\n",
        lambda rng: _token(rng, 36),
    ),
    "kubectl-create-token": (
        "$ kubectl create token ci-deployer -n shop\n{S}\n",
        lambda rng: _token(rng, 48),
    ),
    "az-keys-list": (
        "$ az storage account keys list -g shop -n assets -o table\nKeyName    Permissions    Value\n"
        "---------  -------------  ----------\nkey1       FULL           {S}\n$ ls\n",
        lambda rng: base64.b64encode(rng.randbytes(48)).decode(),
    ),
    "cfn-parameter": (
        '[{{ "ParameterKey": "Stage", "ParameterValue": "prod" }},\n'
        ' {{ "ParameterKey": "MasterUserPassword", "ParameterValue": "{S}" }}]\n',
        fakes.password,
    ),
    "spring-form": (
        'DEBUG o.s.web.client.RestTemplate - Writing [{{username=[svc], password=[{S}]}}] as "application/json"\n',
        lambda rng: _token(rng, 40),
    ),
    "spring-resolved": (
        "DEBUG 1 --- [main] o.s.b.c.c.ConfigDataEnvironment : Property 'app.jwt.signing-secret' resolved to '{S}'\n",
        fakes.password,
    ),
    "django-settings": ("Setting\tValue\nMAILGUN_CREDENTIALS\t'{S}'\nMEDIA_ROOT\t'/srv/media'\n", _token),
    "otlp-headers": (
        "OTEL_EXPORTER_OTLP_HEADERS=x-honeycomb-team={S},x-honeycomb-dataset=shop\n",
        lambda rng: _token(rng, 32),
    ),
    "pgbouncer-userlist": ('# /etc/pgbouncer/userlist.txt\n"shop" "{S}"\n', lambda rng: _token(rng, 32)),
    "postfix-sasl": (
        "# /etc/postfix/sasl_passwd\n[smtp.example.com]:587 alerts:{S}\n",
        lambda rng: _token(rng, 40),
    ),
    "terraform-random-password": (
        '"type": "random_password",\n"name": "db",\n"attributes": {{\n  "length": 24,\n  "result": "{S}",\n'
        '  "special": true\n}}\n',
        lambda rng: _token(rng, 24),
    ),
    "redis-acl": ("127.0.0.1:6379> ACL SETUSER reporting on >{S} ~reports:* +get\nOK\n", fakes.password),
    "algolia": ('const client = algoliasearch(ALGOLIA_APP_ID, "{S}");\n', lambda rng: _token(rng, 32)),
    "pagerduty-routing-key": (
        '{{"routing_key": "{S}", "event_action": "trigger"}}\n',
        lambda rng: "".join(rng.choice("0123456789abcdef") for _ in range(32)),
    ),
    "tin": ("Recipient's TIN: {S}\nAccount number (see instructions): 7731\n", lambda rng: _ssn(rng, " ")),
    "tax-id-json": ('{{"applicant": {{"state": "OH", "taxId": "{S}", "income": 58000}}}}\n', _ssn),
    "ssn-no": ("Social Security No.: {S}\nFiling status: single\n", lambda rng: _ssn(rng, " ")),
    "sqs-broker": (
        "app.conf.broker_url = 'sqs://{S}@'\n",
        lambda rng: f"{fakes.aws_access_key(rng)}:{_token(rng, 40)}",
    ),
    "curlrc-proxy-user": (
        "# ~/.curlrc\nproxy = http://proxy.example.com:3128\nproxy-user = build:{S}\n",
        fakes.password,
    ),
    "squid-login": ("cache_peer parent.example.com parent 3128 0 no-query login=build:{S}\n", fakes.password),
    "curl-proxy-flag": (
        "curl -U build:{S} -x http://proxy.example.com:3128 https://example.com\n",
        fakes.password,
    ),
    "nats-userinfo": (
        'nc, err := nats.Connect("tls://nats.example.com:4222", nats.UserInfo("orders", "{S}"))\n',
        lambda rng: _token(rng, 40),
    ),
    "sequelize": (
        "const sequelize = new Sequelize('shop', 'shop_app', '{S}', {{\n  host: 'db.example.com',\n}});\n",
        fakes.password,
    ),
    "stripe-construct-event": (
        'event = stripe.Webhook.construct_event(payload, sig_header, "{S}")\n',
        lambda rng: _token(rng, 32),
    ),
    "cookie-parser": ('app.use(cookieParser("{S}"));\n', lambda rng: _token(rng, 48)),
    "joken-signer": ('config :joken,\n  default_signer: "{S}"\n', lambda rng: _token(rng, 64)),
    "machine-key": (
        '<machineKey validationKey="{S}" decryptionKey="AutoGenerate,IsolateApps" validation="HMACSHA256" />\n',
        lambda rng: "".join(rng.choice("0123456789ABCDEF") for _ in range(128)),
    ),
    "rails-master-key": (
        "$ cat config/master.key\n{S}\n$ EDITOR=vim bin/rails credentials:edit\n",
        lambda rng: "".join(rng.choice("0123456789abcdef") for _ in range(32)),
    ),
    "phx-gen-secret": ("$ mix phx.gen.secret\n{S}\n", lambda rng: _token(rng, 64)),
    "mattermost-hook": (
        'curl -i -X POST -d \'payload={{"text": "done"}}\' https://chat.example.com/hooks/{S}\n',
        lambda rng: _token(rng, 26),
    ),
    "discord-short-token": (
        "curl -X POST https://discord.com/api/webhooks/1238476523984756234/{S}\n",
        lambda rng: _token(rng, 24),
    ),
    "expect-send": (
        '#!/usr/bin/expect -f\nspawn ssh deploy@203.0.113.7\nexpect "password:"\nsend "{S}\\r"\ninteract\n',
        lambda rng: _token(rng, 16),
    ),
    "offlineimap": (
        "[Repository remote]\ntype = IMAP\nremoteuser = alerts\nremotepass = {S}\n",
        fakes.password,
    ),
    "printf-netrc": (
        "$ printf 'machine git.example.com login ci password %s\\n' {S} > ~/.netrc\n",
        lambda rng: _token(rng, 40),
    ),
    "nomad-secret-id": (
        "$ nomad acl bootstrap\nAccessor ID  = 70d3a985-e194-4e21-a56e-0f6af835d5fb\n"
        "Secret ID    = {S}\nName         = x\n",
        lambda rng: base64.b64encode(rng.randbytes(32)).decode(),
    ),
    "vault-secret-id": (
        "$ vault write -f auth/approle/role/ci/secret-id\nKey                   Value\n---                   -----\n"
        "secret_id             {S}\nsecret_id_accessor    50949294-7287-42f7-a24a-b20e51e7c105\n",
        lambda rng: base64.b64encode(rng.randbytes(24)).decode(),
    ),
    "consul-initial-management": (
        'acl = {{\n  enabled = true\n  tokens = {{\n    initial_management = "{S}"\n  }}\n}}\n',
        lambda rng: base64.b64encode(rng.randbytes(32)).decode(),
    ),
    "jfrog-header": (
        "$ curl -H 'X-JFrog-Art-Api: {S}' -T dist/app.tgz https://acme.example.com/artifactory/npm\n",
        _token,
    ),
    "otel-collector-header": (
        'exporters:\n  otlp/honeycomb:\n    headers:\n      "x-honeycomb-team": "{S}"\n',
        lambda rng: _token(rng, 32),
    ),
    "conda-channel-token": (
        "channels:\n  - defaults\nchannel_alias: https://conda.example.com/t/{S}/get\n",
        lambda rng: _token(rng, 40),
    ),
    "piped-pub-token": (
        "$ echo {S} | dart pub token add https://pub.example.com\n",
        lambda rng: _token(rng, 48),
    ),
    "helm-set-password": (
        "$ helm install alloy grafana/alloy --set externalServices.loki.basicAuth.password={S}"
        " --set cluster.name=prod\n",
        lambda rng: _token(rng, 40),
    ),
    "elasticsearch-reset": (
        "$ bin/elasticsearch-reset-password -u elastic -b\nPassword for the [elastic] user successfully reset.\n"
        "New value: {S}\n",
        lambda rng: _token(rng, 24),
    ),
    "keychain-unlock": ("$ security unlock-keychain -p {S} build.keychain\n", lambda rng: _token(rng, 24)),
    "openai-bad-key": (
        "openai.AuthenticationError: Error code: 401 - {{'error': {{'message': 'Incorrect API key provided: {S}. "
        "You can find your API key at https://platform.openai.com/account/api-keys.'}}}}\n",
        lambda rng: "".join(rng.choice("0123456789abcdef") for _ in range(40)),
    ),
    "pulumi-show-secrets": (
        "$ pulumi config get dbPassword --show-secrets\n{S}\n",
        lambda rng: _token(rng, 32),
    ),
    "ansible-vault-pass": ("$ cat ~/.ansible/vault_pass.txt\n{S}\n$ ls\n", lambda rng: _token(rng, 32)),
    "terraform-state-show": (
        'resource "random_password" "db" {{\n    length      = 24\n    result      = "{S}"\n}}\n',
        lambda rng: _token(rng, 24),
    ),
    "apksigner-pass": (
        "$ apksigner sign --ks release.jks --ks-pass pass:{S} app.apk\n",
        lambda rng: _token(rng, 20),
    ),
    "bearer-in-value": ('token = "Bearer {S}"\n', lambda rng: _token(rng, 40)),
    "kyc-ssn-yaml": ('- applicant: 5821\n  social_security_number: "{S}"\n', _ssn),
    "kyc-ssn-xml": ('<Applicant id="5821">\n  <TaxId type="SSN">{S}</TaxId>\n</Applicant>\n', _ssn),
    "add-mask": ("echo ::add-mask::{S}\n", lambda rng: _token(rng, 40)),
    "smtp-auth-plain": (
        "C: EHLO client.example.com\nC: AUTH PLAIN {S}\nS: 235 2.7.0 Authentication successful\n",
        lambda rng: base64.b64encode(b"\0alice\0" + fakes.password(rng).encode()).decode(),
    ),
    "htpasswd-apr1": ("alice:{S}\n", lambda rng: f"$apr1${_crypt(rng, 8)}${_crypt(rng, 22)}"),
    "md5-crypt": ("root:{S}:19700:0:99999:7:::\n", lambda rng: f"$1${_crypt(rng, 8)}${_crypt(rng, 22)}"),
    "bcrypt": ('password_hash: "{S}"\n', lambda rng: f"$2b$12${_crypt(rng, 53)}"),
    "sha512-crypt": (
        "root:{S}:19700:0:99999:7:::\n",
        lambda rng: f"$6$rounds=5000${_crypt(rng, 16)}${_crypt(rng, 86)}",
    ),
    "sha256-crypt": ("deploy:{S}:19700::::::\n", lambda rng: f"$5${_crypt(rng, 16)}${_crypt(rng, 43)}"),
    "yescrypt": ("alice:{S}:19700:0:99999:7:::\n", lambda rng: f"$y$j9T${_crypt(rng, 22)}${_crypt(rng, 43)}"),
    "argon2": (
        "INSERT INTO users (email, pw) VALUES ('a@example.com', '{S}');\n",
        lambda rng: f"$argon2id$v=19$m=65536,t=3,p=4${_b64(rng, 16)}${_b64(rng, 32)}",
    ),
    "django-pbkdf2": (
        '{{"model": "auth.user", "fields": {{"password": "{S}"}}}}\n',
        lambda rng: f"pbkdf2_sha256$600000${_token(rng, 22)}${base64.b64encode(rng.randbytes(32)).decode()}",
    ),
}


@pytest.mark.parametrize("wrapper", sorted(WRAPPERS))
@pytest.mark.parametrize("name", sorted(SECRETS))
def test_a_credential_a_tool_marks_goes_behind_every_wrapper(name: str, wrapper: str) -> None:
    template, make = SECRETS[name]
    for _ in range(5):
        secret = make(RNG)
        text = WRAPPERS[wrapper](template.format(S=secret))
        out = scrubbed(text)
        assert secret not in out and json.dumps(secret)[1:-1] not in out, (name, out)
        assert "[REDACTED:" in out


# Beside each: what the same tools print that is not a credential.
KEPT = (
    "$ consul kv get shop/api/region\neu-west-1\n",
    "$ op item get 'Shop DB' --fields username\nci-bot\n",
    "gpr.user=ci-bot\norg.gradle.caching=true\nsystemProp.http.keepAlive=true\n",
    "gpr.key=$GPR_KEY\n",
    '{"gitlab-domains": ["git.example.org"], "config": {"github-protocols": ["https"]}}\n',
    'BUNDLE_JOBS: "4"\nBUNDLE_PATH: "vendor/bundle"\nBUNDLE_BUILD__NOKOGIRI: "--use-system-libraries"\n',
    "Sec-WebSocket-Protocol: graphql-transport-ws\nSec-WebSocket-Version: 13\n",
    '"Jwt": { "Issuer": "acme", "Audience": "shop-api", "ExpiryMinutes": 60 }\n',
    "$ consul acl set-agent-token default $CONSUL_TOKEN\n",
    "Your changes will not be shown again until you reload:\n\n    settings/profile\n",
    "Could not connect, trying again in 5s:\n\n    ConnectionRefusedError\n",
    "config_path=/etc/app/conf.d/server.yaml token_file=/var/run/secrets/kubernetes.io/token\n",
    "secret_dir=/opt/Build2024x/ReleaseCandidate7/out\n",
    "token_endpoint=/v1/auth/token/lookup2 user=alice\n",
    "data:\n  app.properties: bG9nLmxldmVsPWluZm8=\nkind: ConfigMap\n",
    "echo ::add-mask::\n::group::Build\n",
    "##vso[task.setvariable variable=buildNumber;isoutput=true]20261204.3\n",
    "##[debug]Evaluating: variables['build.sourceBranch']\n##[debug]Result: 'refs/heads/main'\n",
    "##teamcity[setParameter name='env.BUILD_FLAVOR' value='release-candidate']\n",
    "<key>CFBundleShortVersionString</key>\n<string>4.2.1</string>\n",
    '<meta-data android:name="com.google.firebase.messaging.default_icon" android:value="@drawable/ic" />\n',
    '<string name="app_name">Shop</string>\n',
    '[{ "ParameterKey": "Stage", "ParameterValue": "prod" }]\n',
    "DEBUG Writing [{username=[svc], page=[2]}]\n++ export CI_JOB_TOKEN=[MASKED]\n",
    "Property 'server.port' resolved to '8080'\n",
    "Setting\tValue\nMEDIA_ROOT\t'/srv/media'\nDEBUG\t'False'\n",
    "OTEL_EXPORTER_OTLP_HEADERS=x-honeycomb-dataset=shop\n",
    '# /etc/pgbouncer/userlist.txt\n"shop" "$PGBOUNCER_PASSWORD"\n',
    '"type": "random_string",\n"attributes": {\n  "result": "shop-bucket-7f3a"\n}\n',
    "127.0.0.1:6379> ACL SETUSER reporting on nopass ~reports:* +get\n",
    "profile::db::password: \"%{lookup('secrets::db_password')}\"\n",
    "Employer EIN: 12-3456789\nmartin=123456789\n",
    '{"tax_id": "524 22 0516", "tax_id_type": "ein"}\n',
    'TEST_CARD = "4242 4242 4242 4242"\nDECLINED = "4000000000000002"\n',
    "git config -l\nuser.signingkey=24875D73\ncommit.gpgsign=true\n",
    "set smtp_pass = `pass show mail/alerts`\n",
    'DB_PASSWORD="{{ with secret "kv/shop/db" }}{{ .Data.data.password }}{{ end }}"\n',
    '<machineKey validationKey="AutoGenerate,IsolateApps" decryptionKey="AutoGenerate,IsolateApps" />\n',
    "ls .git/hooks/pre-commit.sample\ncurl https://api.github.com/repos/acme/shop/hooks/123456789\n",
    "app.use(cookieParser());\nconst sequelize = new Sequelize(process.env.DATABASE_URL);\n",
    "$ mix phx.gen.secret > .secret\n$ ls\n",
    "$ apksigner sign --ks release.jks --ks-pass env:KS_PASS app-release.apk\n",
    "'authorization': 'Bearer sk-...a3f9', 'openai-organization': 'org-acmecorp'\n",
    "machine git.example.com login ci password $GIT_TOKEN\n",
    "<user-password>$PROJECT_DIR$/.secrets/db</user-password>\n",
    "OTEL_EXPORTER_OTLP_HEADERS=x-honeycomb-dataset=shop\nAccessor ID  = 70d3a985-e194-4e21-a56e-0f6af835d5fb\n",
    "$ helm install web ./chart --set image.tag=2.4.1 --set replicaCount=3\n",
    "$ ansible-playbook site.yml --vault-password-file ~/.ansible/vault_pass.txt\nPLAY [all] ***\n",
    "S: 250-AUTH PLAIN LOGIN CRAM-MD5\nS: 250 8BITMIME\n",
    "Price: $1$ per unit, $2$ for two; amounts in $5$ and $6$ steps\n",
    'sed -i "s/$1$/$2/" file.txt\n',
    "root:x:0:0:root:/root:/bin/bash\nalice:!:19700:0:99999:7:::\n",
    "pbkdf2_sha256 is the default hasher; PASSWORD_HASHERS lists argon2 and bcrypt_sha256\n",
)


@pytest.mark.parametrize("wrapper", sorted(WRAPPERS))
@pytest.mark.parametrize("text", KEPT)
def test_what_the_same_tools_print_that_is_no_credential_is_kept(text: str, wrapper: str) -> None:
    wrapped = WRAPPERS[wrapper](text)
    assert scrubbed(wrapped) == wrapped


def test_base64_keys_after_a_token_name_go_whether_they_start_with_or_hold_a_slash() -> None:
    """Random keys of 30-48 bytes, as the logfmt line of a session store prints them: about 1 in 7,000 of
    those that start with "/" and hold another is left (a run of short segments), so a few in 1,500 fail
    this test only if the rule got worse."""
    rng = random.Random(7)
    left = []
    for _ in range(1_500):
        value = base64.b64encode(rng.randbytes(rng.randint(30, 48))).decode()
        value = "/" + value if rng.random() < 0.5 else value
        out = scrub_text(f"session_token={value} user=alice\n").text
        assert out.endswith(" user=alice\n")
        if value in out:
            left.append(value)
    assert len(left) <= 1, left


def _diagnosed(secret: str, name: str = "password") -> str:
    code = f"client.post(url, auth=(user, {name}))"
    at = code.index(name)
    user_at = code.index("user")
    url_at = code.index("url")
    lines = [
        "Traceback (most recent call last):",
        '  File "app/sync.py", line 42, in push',
        "    " + code,
        "    " + _bars([0, url_at, user_at]) + " " * (at - user_at - 1) + f"└ '{secret}'",
        "    " + _bars([0, url_at]) + " " * (user_at - url_at - 1) + "└ 'alice'",
        "    " + _bars([0]) + " " * (url_at - 1) + "└ 'https://api.example.com/v1'",
        "    └ <app.sync.Client object at 0x7f3a2c1d9e50>",
    ]
    return "\n".join(lines) + "\n"


def _bars(columns: list[int]) -> str:
    width = max(columns) + 1
    return "".join("│" if i in columns else " " for i in range(width))


@pytest.mark.parametrize("numbered", [False, True])
def test_a_value_a_traceback_prints_under_a_sensitive_name_goes_and_the_others_stay(numbered: bool) -> None:
    secret = fakes.password(RNG)
    text = _diagnosed(secret)
    if numbered:
        text = "".join(f"    {n}\t{line}\n" for n, line in enumerate(text.splitlines(), 70))
    out = scrubbed(text)
    assert secret not in out
    assert "└ 'alice'" in out and "└ 'https://api.example.com/v1'" in out
    harmless = _diagnosed("retry-budget", name="strategy")
    assert scrubbed(harmless) == harmless
