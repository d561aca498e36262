"""Values given to sensitive names in the many ways code, configs, shells and logs write them, and the near
misses beside them that must come out unchanged.

Each rule added for the third round's tuning part (tests/scrubcorpus/tuning_round3.py) has its cases here: values
without an operator (configuration lines, set commands, .npmrc keys, logs), setters and builders, positional passwords,
service clients' keys, Go's printed maps, here-strings, prompts, Actions debug logs, key/value pair objects,
browser cookie objects, values that end in a full stop or sit before a comma, twice-escaped JSON. Every secret is
generated at test time.
"""

from __future__ import annotations

import base64
import json
import random
import re
import string

import pytest

from client_actors.scrub._names import classify_name, looks_random
from tests.scrubcorpus.tuning_round3 import measure
from tests.support.scrubbing import scrubbed

RNG = random.Random(20261203)
ALNUM = string.ascii_letters + string.digits


def rand(alphabet: str, n: int) -> str:
    return "".join(RNG.choice(alphabet) for _ in range(n))


def token() -> str:
    """A generated token: letters of both cases and digits."""
    return (
        rand(string.ascii_uppercase, 3)
        + rand(string.digits, 3)
        + rand(ALNUM, 18)
        + rand(string.ascii_lowercase, 2)
    )


def password() -> str:
    """A password a person chose: a capitalised word, digits and a symbol."""
    return RNG.choice(["Maple", "Orbit", "Falcon", "Winter"]) + rand(string.digits, 3) + RNG.choice("!*_-")


def dotted_password() -> str:
    """A password that ends in a full stop, which code-shaped rules read as an attribute chain's dot."""
    return RNG.choice(["maple", "orbit", "pixel"]) + rand(string.digits, 4) + "."


def exactly(template: str, secret: str, kind: str) -> None:
    """``template`` with ``{}`` filled by ``secret`` comes out with only the secret replaced."""
    assert scrubbed(template.format(secret)) == template.format(f"[REDACTED:{kind}]")


def kept(text: str) -> None:
    assert scrubbed(text) == text


def escaped(text: str) -> str:
    """``text`` as a JSON transcript line carries it."""
    return json.dumps({"type": "tool_result", "content": text})


# Values without an operator -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("template", "kind"),
    [
        ('rootpw {}\nrootdn "cn=admin,dc=acme,dc=io"\n', "password"),
        ("shared_secret {}\nradius_port 1812\n", "secret"),
        ("requirepass {}\n", "password"),
        ("fish: set -gx OPENAI_API_KEY {}\n", "api-key"),
        ('setx SMTP_PASSWORD "{}"\nSUCCESS: Specified value was saved.\n', "password"),
        ("aws configure set aws_secret_access_key {} --profile ci\n", "aws-secret-key"),
        ("npm config set //npm.acme-corp.io/:_authToken {}\n", "token"),
        ("#12 0.412 using token {}\n#12 DONE 4.1s\n", "token"),
    ],
)
def test_values_after_a_blank(template: str, kind: str) -> None:
    exactly(template, password(), kind)
    exactly(template, token(), kind)


@pytest.mark.parametrize(
    "text",
    [
        "secret_name shop-tls\n",
        "token_ttl 3600\n",
        "ssl_certificate_key /etc/ssl/private/server.key;\n",
        "    proxy_pass http://192.0.2.1:8080;\n",
        "default-token db\n",
        "│ id     │ token   │ created    │ readonly │\n",
        "PASS  src/auth/password.test.ts (5 tests)\n",
        "gpg:                using RSA key 4AEE18F83AFDEB23\n",
        "api key abc rejected? no: key id 42 is active\n",
        "for token in tokens:\n    return token\n",
        "  OPENAI_API_KEY      API key for completions\n",
        "key files live in keys/prod/server.pem\n",
        "using token from ~/.config/gh/hosts.yml\n",
        "app --private-key ~/.ssh/id_ed25519\n",
        "set -euo pipefail\nset -x TOKEN\n",
        "Using --password via the CLI is insecure.\n",
        'secret "db-creds" deleted\n',
        "secret_key     ****************wxyz shared-credentials-file\n",
        "token_type          service\n",
    ],
)
def test_words_after_a_name_that_are_no_value_are_kept(text: str) -> None:
    kept(text)


# Setters, builders, positional passwords and service clients ----------------------------------------------------


@pytest.mark.parametrize(
    ("template", "kind"),
    [
        ('sg.setApiKey("{}");', "api-key"),
        ('DataSourceBuilder.create().username("app").password("{}").build();', "password"),
        ('github = Github(auth=Auth.Token("{}"))', "token"),
        ('client := github.NewClient(nil).WithAuthToken("{}")', "token"),
        ('pika.PlainCredentials("orders", "{}")', "credential"),
        ('var c = new ClientSecretCredential(tenantId, clientId, "{}");', "credential"),
        ('keyring.set_password("svc", "user", "{}")', "password"),
        ('smtp.login("alerts", "{}")', "password"),
        ('ldap.simple_bind_s("cn=admin,dc=acme,dc=io", "{}")', "password"),
        ('my $dbh = DBI->connect("dbi:Pg:dbname=shop;host=db", "app", "{}");', "password"),
        ("$pdo = new PDO('mysql:host=db;dbname=shop', 'app', '{}');", "password"),
        ('const stripe = new Stripe("{}", {{ apiVersion: "2024-06-20" }});', "api-key"),
        ('curl_setopt($ch, CURLOPT_USERPWD, "api:{}");', "password"),
        ('creds = ("svc-backup", "{}")', "password"),
        ('cfg = Config(signing_key=b"{}", algorithm="HS256")', "api-key"),
        ('Settings(secret_key=SecretStr("{}"))', "secret"),
    ],
)
def test_values_given_to_calls(template: str, kind: str) -> None:
    exactly(template, password(), kind)
    exactly(template, token(), kind)


def test_values_given_to_calls_in_a_transcript_line() -> None:
    secret = token()
    out = scrubbed(escaped(f'client := github.NewClient(nil).WithAuthToken("{secret}")\n'))
    assert secret not in out and "WithAuthToken(" in out


@pytest.mark.parametrize(
    "text",
    [
        "conn = psycopg2.connect(dsn)",
        'db.connect("localhost", 5432)',
        'client.connect("192.0.2.5", "app", "shop")',
        "server.login(user, password)",
        "ldap.simple_bind_s(dn, pw)",
        "mysqli_connect($host, $user, $pass, $db);",
        "new Stripe(process.env.STRIPE_KEY)",
        "user.setPassword(encoder.encode(raw))",
        'getSecret("prod/db")',
        'readPassword("Enter password: ")',
        'keyring.get_password("svc", "user")',
        'PlainCredentials("guest", "guest")',
        'hashPassword("abc123def")',
        "setToken(token)",
        'socket.bind(("0.0.0.0", 8080))',
        'reconnect("a", "b", "Maple123!")',
        'secret = k8s.core.v1.Secret("db-creds")',
        "password: Optional[SecretStr] = None",
        'SecretStr("**********")',
    ],
)
def test_calls_that_give_no_secret_are_kept(text: str) -> None:
    kept(text)


# Logs, maps, prompts, here-strings and CI debug lines -----------------------------------------------------------


@pytest.mark.parametrize(
    ("template", "kind"),
    [
        ("rpc error: code = Unauthenticated metadata=map[x-api-key:[{}]]", "api-key"),
        ("headers: map[Accept:[*/*] Authorization:[Bearer {}]]", "authorization"),
        ("psql -h db -U app shop\nPassword for user app: {}\npsql (16.3)\n", "password"),
        ("##[debug]Evaluating: secrets.DEPLOY_KEY\n##[debug]Result: '{}'\n", "password"),
        ("vercel env add API_TOKEN production <<< '{}'\n", "token"),
        ('level=warn msg="retrying" bearer={} backoff=2s\n', "token"),
        ("Caused by: credentials{{user=svc, password={}}}\n", "password"),
        ("  with vars: {{passphrase: {}, target: s3://backups}}\n", "password"),
        ('  args: ["--password", "{}", "--verbose"]\n', "password"),
        ('$p = ConvertTo-SecureString "{}" -AsPlainText -Force\n', "password"),
        ("https://sso.acme-corp.io/login?next=%2Fcb%3Fpassword%3D{}%26user%3Dops\n", "password"),
        ("127.0.0.1:6379> AUTH {}\n", "password"),
        ("redis-cli -h cache --no-auth-warning AUTH default {}\n", "password"),
    ],
)
def test_values_in_logs_and_tool_output(template: str, kind: str) -> None:
    exactly(template, token(), kind)


@pytest.mark.parametrize(
    "text",
    [
        "map[Accept:[*/*] Content-Type:[application/json] User-Agent:[Go-http-client/1.1]]",
        'cat <<< "$TOKEN"',
        'grep token <<< "$output"',
        "Password for user app:",
        "##[debug]Evaluating: secrets.DEPLOY_KEY\n##[debug]Result: '***'\n",
        "$ echo 'aGVsbG8gd29ybGQK' | base64 -d\nhello world\n",
        '  args: ["--no-password", "--verbose", "--token-file", "/run/secrets/token"]\n',
        "$p = ConvertTo-SecureString $plain -AsPlainText -Force\n",
        "https://app.acme-corp.io/cb?redirect_uri%3Dhttps%253A%252F%252Fapp.acme-corp.io%26state%3Dxyz\n",
        "OAUTH token flow\nX-AUTH header set\n",
    ],
)
def test_log_near_misses_are_kept(text: str) -> None:
    kept(text)


def test_base64_of_a_credential_is_still_taken() -> None:
    secret = base64.b64encode(f"user:{password()}".encode()).decode()
    out = scrubbed(f"$ echo '{secret}' | base64 -d\n")
    assert secret not in out


# Pair objects and cookies ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("template", "kind"),
    [
        ('[{{"key": "x-api-key", "value": "{}", "type": "text"}}]', "api-key"),
        ("ok: [web-1] => (item={{'key': 'db_password', 'value': '{}'}})", "password"),
        (
            '{{"name": "sid", "value": "{}", "domain": ".acme-corp.io", "path": "/", "httpOnly": true}}',
            "cookie",
        ),
        ('  "cookies": "wordpress_logged_in_1a2b3c4={}",', "cookie"),
        ("page.setCookie({{ name: 'sid', value: '{}' }})", "cookie"),
    ],
)
def test_pair_objects_and_cookie_strings(template: str, kind: str) -> None:
    exactly(template, token(), kind)


@pytest.mark.parametrize(
    "text",
    [
        '{"name": "theme", "value": "dark", "domain": ".acme-corp.io", "path": "/"}',
        "page.setCookie({ name: 'theme', value: 'dark' })",
        "DEBUG request cookies={'csrftoken': 'present', 'lang': 'en'}",
        '[{"key": "Content-Type", "value": "application/json"}]',
        '<add key="TokenLifetimeMinutes" value="60" />',
        '{"idempotency_key": "123e4567-e89b-42d3-a456-426614174000", "amount": 1999}',
        '{"consumer_key": "shop-web", "region": "eu"}',
    ],
)
def test_pair_and_cookie_near_misses_are_kept(text: str) -> None:
    kept(text)


# Values shaped like code, and the names around them -------------------------------------------------------------


@pytest.mark.parametrize(
    "template",
    [
        "secretKey: {}\n",
        '      JWT_SECRET: {}\n      PORT: "8080"\n',
        "DB_PASS={}\nDB_HOST=db\n",
        "helm upgrade --install shop ./chart --set db.password={} --set replicas=3\n",
        "terraform apply -var 'db_password={}' -auto-approve\n",
        "admin_pw: {}\n",
        "psk: {}\ncipher: aes-256-gcm\n",
        "stripe_sk={} stripe_pk_set=yes\n",
        "BearerToken = {}\n",
        'builder.Configuration["Jwt:Key"] = "{}";\n',
        "  shop:dbPassword: {}\n",
    ],
)
def test_values_ending_in_a_full_stop(template: str) -> None:
    secret = dotted_password()
    out = scrubbed(template.format(secret))
    assert secret not in out and secret[:-1] not in out
    assert re.sub(r"\[REDACTED:[a-z\-]+\]", "{}", out, count=1) == template  # only the value went


@pytest.mark.parametrize(
    ("template", "kind"),
    [
        ("[client]\nuser = backup\npass = {}\nhost = db\n", "password"),
        ('{{"body": "{{\\"password\\":\\"{}\\"}}"}}', "password"),
        ('    webhook_secret: str = "{}"\n', "secret"),
        ('static API_KEY: &str = "{}";\n', "api-key"),
        ('process.env.CLIENT_SECRET ??= "{}";\n', "secret"),
        ('export STRIPE_SK="{}"\n', "api-key"),
        ('set -x; export GH_PAT="{}"; gh auth status\n', "token"),
        ('{{"pwd": "{}", "retries": 3}}', "password"),
        ("DEPLOY_TOKEN ?= {}\n", "token"),
        ("postgresql:\n  password:\n    value: {}\n", "password"),
    ],
)
def test_names_and_quotes_in_transcripts(template: str, kind: str) -> None:
    secret = token()
    exactly(template, secret, kind)
    out = scrubbed(escaped(template.format(secret)))
    assert secret not in out


@pytest.mark.parametrize(
    "text",
    [
        "# If the key is missing, the pod fails: the secret is required.\n",
        "permissions:\n  id-token: write\n  contents: read\njobs:\n  call:\n    secrets: inherit\n",
        "auth:\n  enabled: true\n  existingSecret: redis-auth\n  existingSecretPasswordKey: redis-password\n",
        "sed -i 's/^ADMIN_PASS=.*/ADMIN_PASS=changeme/' .env\n",
        'declare -x PWD="/srv/app"\n',
        "max_tokens = 8192\nreasoning_tokens = 0\n",
        "token = config.oauth2Token\n",
        "password = forms.CharField(widget=forms.PasswordInput, min_length=12)\n",
        "connect(password=pw1, user=u)\n",
        "metadata:\n  labels:\n    value: a1b2c3d4e5f6g7h8i9j0\n",
        "CFLAGS ?= -O2\nTOKEN_LIMIT ?= 4096\n",
    ],
)
def test_code_and_settings_beside_secret_names_are_kept(text: str) -> None:
    kept(text)


def test_sed_expression_keeps_its_delimiters() -> None:
    secret = token()
    exactly("sed -i 's/^ADMIN_PASS=.*/ADMIN_PASS={}/' .env\n", secret, "password")


@pytest.mark.parametrize(
    ("template", "kind"),
    [
        (
            "DefaultEndpointsProtocol=https;AccountName=acmestore;AccountKey={};EndpointSuffix=core.windows.net",
            "api-key",
        ),
        (
            "Endpoint=sb://bus.acme-corp.io/;SharedAccessKeyName=Root;SharedAccessKey={};EntityPath=orders",
            "api-key",
        ),
        ("ApiToken={};Region=eu;", "token"),
        ("Host=db;Username=api;ClientSecret={};Pooling=true", "secret"),
    ],
)
def test_credentials_among_connection_string_pairs(template: str, kind: str) -> None:
    exactly(template, dotted_password() + "x!", kind)


@pytest.mark.parametrize(
    "text",
    [
        "Endpoint=sb://bus.acme-corp.io/;SharedAccessKeyName=RootManageSharedAccessKey;EntityPath=orders",
        "Server=db;Database=shop;TrustServerCertificate=true;Encrypt=True;",
        "sort_key=created_at&page=2",
        "ApiToken=${API_TOKEN};Region=eu;",
    ],
)
def test_connection_string_near_misses_are_kept(text: str) -> None:
    kept(text)


@pytest.mark.parametrize(
    "template",
    [
        "gh secret set API_TOKEN --body {}\n",
        "eas secret:create --name STRIPE_KEY --value {}\n",
        "vault login {}\n",
        "cargo login {}\n",
        "poetry config pypi-token.pypi {}\n",
        "poetry config http-basic.internal ci {}\n",
        "expo login -u dev -p {}\n",
        "expo login -p {}\n",
    ],
)
def test_tools_that_take_a_secret_by_position_or_value_flag(template: str) -> None:
    secret = token()
    out = scrubbed(template.format(secret))
    assert secret not in out
    assert re.sub(r"\[REDACTED:[a-z\-]+\]", "{}", out, count=1) == template


@pytest.mark.parametrize(
    "text",
    [
        'gh secret set API_TOKEN --body "$API_TOKEN"\n',
        "gh issue create --title x --body fixed-in-2024\n",
        "vault login -method=oidc\n",
        "cargo login\n",
        "gh secret set TOKEN --body --repo acme/api\n",
        "kubectl port-forward svc/web 8080:80 && expo login -p 19000\n",
    ],
)
def test_tool_near_misses_are_kept(text: str) -> None:
    kept(text)


def test_a_user_before_dash_p_makes_it_a_password() -> None:
    exactly("twine upload -u __token__ -p {} dist/*\n", token(), "password")
    kept("docker run -u app -p 8080:80 shop\n")


def test_names() -> None:
    assert classify_name("STRIPE_SK") is not None and classify_name("sk") is None
    assert classify_name("GH_PAT") is not None and classify_name("pat") is None
    assert classify_name("existingSecret") is None
    assert classify_name("proxy_pass") is None
    assert classify_name("rootpw") is not None
    assert not looks_random("TokenLifetimeMinutes")
    assert not looks_random("123e4567-e89b-42d3-a456-426614174000")
    assert looks_random(token())


def test_round3_corpus_figures() -> None:
    """The third round's tuning part's figures stay at what the rules reach on it (recall 99.6%, keep-rate 100% at 40 a
    class)."""
    figures = measure(per_class=40)
    assert figures.recall >= 0.995, figures.misses[:3]
    assert figures.clean_recall >= 0.995
    assert figures.keep_rate >= 0.999, figures.eaten[:3]
