"""The fifth round's tuning part: secrets in the syntaxes and neighbourhoods the earlier parts did not spell out.

Configuration dialects (.NET appSettings, Java properties in XML, HCL and TOML blocks, .netrc, ini sections,
YAML block scalars), string literals and setter calls in Go, Rust, Java, C#, Kotlin, Swift, Ruby, PHP,
Elixir and JavaScript, structures and maps as each language prints them, log prose that names a credential
before it, command lines of database, cloud, secret-store and build tools, tables (Markdown, psql, box-drawn,
``vault kv get``), SQL that creates users and HTTP traces with vendor-neutral credential headers. Beside them,
and in the same syntaxes, a generous share of look-alikes: identifiers made of words, digests, UUIDs, versions,
paths, URLs, masked values, placeholders, public keys and their fingerprints. Written from the formats'
public descriptions, not from the rules. Rules may be adjusted against it: it is a tuning part.

Templates use `tuning_more`'s markers (``@S@`` for the labelled secret, ``⟪...⟫`` for spans that must survive)
and `tuning_round4`'s fillers (``@SHA@``, ``@UUID@``, ``@H64@``, ``@SRI@``, ``@B44@``, ``@PUB@``, ``@TS@``...)
and wrappers (numbered reads, grep hits, CI timestamps, diffs, fences, box borders, JSON transcript lines).
"""

from __future__ import annotations

import base64
import random
import re
from collections.abc import Callable

from tests.scrubcorpus import fakes
from tests.scrubcorpus.fakes import ALNUM, HEX, URLSAFE, chars, mixed
from tests.scrubcorpus.tuning_more import Class, Figures, Labelled, score
from tests.scrubcorpus.tuning_round4 import build_part

SEED = 20261205
Maker = Callable[[random.Random], str]

# Secrets ------------------------------------------------------------------------------------------


def generated(rng: random.Random) -> str:
    """A generated credential as services hand them out: letters and digits, URL-safe, base64 or hex."""
    shape = rng.randrange(8)
    if shape < 3:
        return mixed(rng, ALNUM, rng.randrange(20, 49))
    if shape < 5:
        return mixed(rng, URLSAFE, rng.randrange(32, 65))
    if shape < 7:
        return base64.b64encode(rng.randbytes(rng.choice([24, 30, 33, 48]))).decode()
    return chars(rng, HEX, rng.choice([32, 40, 64]))


def password(rng: random.Random) -> str:
    """A password a person or a generator chose, without the characters that would end it in its syntax."""
    if rng.random() < 0.5:
        return re.sub(r"[&<>\"'$`\\]", "", fakes.password(rng)) or "x"
    return generated(rng)


def random_token(rng: random.Random) -> str:
    """A generated credential without hex (hex alone is what a digest looks like)."""
    while True:
        value = generated(rng)
        if not re.fullmatch(r"[0-9a-f]+", value):
            return value


# Documents ----------------------------------------------------------------------------------------

CONFIG = (
    '⟪<appSettings>⟫\n  ⟪<add key="Environment" value="Production" />⟫\n'
    '  ⟪<add key="StripeApiKey" value="⟫@S@⟪" />⟫\n⟪</appSettings>⟫\n',
    '⟪<properties>⟫\n  ⟪<entry key="db.url">jdbc:postgresql://db.internal:5432/shop</entry>⟫\n'
    '  ⟪<entry key="db.password">⟫@S@⟪</entry>⟫\n⟪</properties>⟫\n',
    "⟪<server>⟫\n  ⟪<id>acme-releases</id>⟫\n  ⟪<username>deployer</username>⟫\n"
    "  ⟪<password>⟫@S@⟪</password>⟫\n⟪</server>⟫\n",
    '⟪credentials "app.terraform.io" {⟫\n  ⟪token = "⟫@S@⟪"⟫\n⟪}⟫\n',
    "⟪machine api.acme-corp.io⟫\n  ⟪login ci-bot⟫\n  ⟪password ⟫@S@\n",
    "⟪[smtp]⟫\n⟪host = mail.acme-corp.io⟫\n⟪port = 587⟫\n⟪auth_secret: ⟫@S@\n",
    "⟪client_secret: >-⟫\n  @S@\n⟪redirect_uri: https://app.acme-corp.io/callback⟫\n",
    "⟪signing_key: |⟫\n    @S@\n⟪issuer: https://auth.acme-corp.io⟫\n",
    '⟪[registries.acme]⟫\n⟪index = "https://crates.acme-corp.io/index"⟫\n⟪token = "⟫@S@⟪"⟫\n',
    '⟪  <connectionStrings>⟫\n    ⟪<add name="Shop" connectionString="Server=db;Database=shop;User Id=svc;⟫'
    'Password=@S@⟪;" />⟫\n',
    "⟪mail.smtp.host=smtp.acme-corp.io⟫\n⟪mail.smtp.auth=true⟫\n⟪mail.smtp.password : ⟫@S@\n",
    '⟪variable "region" { default = "eu-west-1" }⟫\n⟪variable "api_token" {⟫\n  ⟪default   = "⟫@S@⟪"⟫\n'
    "  ⟪sensitive = true⟫\n⟪}⟫\n",
    "⟪[default]⟫\n⟪output = json⟫\n⟪aws_session_token = ⟫@S@\n",
    "⟪<Credentials>⟫\n  ⟪<AccessKeyId>⟫@AKID@⟪</AccessKeyId>⟫\n  ⟪<SecretAccessKey>⟫@S@⟪</SecretAccessKey>⟫\n"
    "⟪</Credentials>⟫\n",
    "⟪  api:⟫\n    ⟪endpoint: https://api.acme-corp.io/v2⟫\n    ⟪key:⟫\n      @S@\n",
    '⟪{⟫\n  ⟪"ConnectionStrings": { "Redis": "cache:6379" },⟫\n  ⟪"Jwt": { "Issuer": "acme", "Key": "⟫@S@⟪" }⟫\n⟪}⟫\n',
)

CODE = (
    '⟪cfg := Config{⟫\n\t⟪Host:     "db.internal",⟫\n\t⟪Password: "⟫@S@⟪",⟫\n⟪}⟫\n',
    '⟪let client = Client::builder()⟫\n    ⟪.api_key("⟫@S@⟪")⟫\n    ⟪.timeout(Duration::from_secs(30))⟫\n',
    '⟪props.put("mail.smtp.user", "alerts");⟫\n⟪props.put("mail.smtp.password", "⟫@S@⟪");⟫\n',
    '⟪var cred = new NetworkCredential("svc-reports", "⟫@S@⟪");⟫\n',
    "⟪Stripe.api_key = '⟫@S@⟪'⟫\n⟪Stripe.api_version = '2024-06-20'⟫\n",
    "⟪$config = [⟫\n    ⟪'host' => 'db.internal',⟫\n    ⟪'password' => '⟫@S@⟪',⟫\n⟪];⟫\n",
    '⟪config :shop, ShopWeb.Endpoint,⟫\n  ⟪secret_key_base: "⟫@S@⟪",⟫\n  ⟪server: true⟫\n',
    '⟪private const val API_TOKEN = "⟫@S@⟪"⟫\n',
    '⟪let apiKey = "⟫@S@⟪"⟫\n⟪let session = URLSession(configuration: .default)⟫\n',
    '⟪System.setProperty("javax.net.ssl.keyStorePassword", "⟫@S@⟪");⟫\n',
    '⟪os.Setenv("API_SECRET", "⟫@S@⟪")⟫\n',
    '⟪const secret = process.env.SESSION_SECRET ?? "⟫@S@⟪";⟫\n',
    '⟪Map<String, String> headers = Map.of("X-Auth-Token", "⟫@S@⟪");⟫\n',
    '⟪req.Header.Set("X-Api-Key", "⟫@S@⟪")⟫\n',
    '⟪builder.Services.AddSingleton(new ApiOptions { ClientSecret = "⟫@S@⟪" });⟫\n',
    '⟪        .setPassword("⟫@S@⟪")⟫\n⟪        .build();⟫\n',
    '⟪conn = psycopg.connect(host="db", user="app", password="⟫@S@⟪")⟫\n',
    '⟪    auth: { user: "alerts@example.com", pass: "⟫@S@⟪" },⟫\n',
)

PRINTED = (
    '⟪main.Config{Host:"db.internal", Port:5432, User:"app", Password:"⟫@S@⟪"}⟫\n',
    "⟪{Host:db.internal Port:5432 User:app Password:⟫@S@⟪ SSLMode:require}⟫\n",
    '⟪Config { region: "eu-west-1", api_key: "⟫@S@⟪", retries: 3 }⟫\n',
    "⟪Settings(debug=False, token='⟫@S@⟪', timeout=30)⟫\n",
    "⟪Credentials{username='svc', password='⟫@S@⟪', realm='acme'}⟫\n",
    '⟪%{host: "db.internal", secret: "⟫@S@⟪", pool_size: 10}⟫\n',
    '⟪#<Acme::Client host="api.acme-corp.io", api_key="⟫@S@⟪", timeout=30>⟫\n',
    '⟪array(2) {⟫\n  ⟪["user"]=>⟫\n  ⟪string(3) "svc"⟫\n  ⟪["secret"]=>⟫\n  ⟪string(40) "⟫@S@⟪"⟫\n⟪}⟫\n',
    "⟪{'user': 'svc', 'password': '⟫@S@⟪', 'host': 'db.internal'}⟫\n",
    "⟪DbCreds(user=svc, secret=⟫@S@⟪, host=db.internal)⟫\n",
    "⟪ApiOptions { BaseUrl = https://api.acme-corp.io, ApiKey = ⟫@S@⟪, Retries = 3 }⟫\n",
    "⟪{ user: 'svc', token: '⟫@S@⟪', expiresIn: 3600 }⟫\n",
    "⟪(pdb) p creds⟫\n⟪{'client_id': 'reports', 'client_secret': '⟫@S@⟪'}⟫\n",
    '⟪#{user => <<"svc">>, password => <<"⟫@S@⟪">>}⟫\n',
    "⟪[DEBUG] loaded settings: map[db_host:db.internal db_password:⟫@S@⟪ db_port:5432]⟫\n",
    '⟪ClientConfig(endpoint="https://api.acme-corp.io", authToken="⟫@S@⟪", retries=3)⟫\n',
)

PROSE = (
    "⟪Generated a new API token⟫ @S@ ⟪for user ci-bot (expires in 30 days)⟫\n",
    "⟪INFO  auth: issued bearer token⟫ @S@ ⟪for session @UUID@⟫\n",
    "⟪[warn] falling back to the static secret⟫ @S@⟪ from config⟫\n",
    "⟪Your new password is:⟫ @S@\n",
    "⟪Set the client secret to⟫ @S@ ⟪and restart the worker.⟫\n",
    "⟪ERROR upstream rejected api key (⟫@S@⟪): 401 Unauthorized⟫\n",
    "⟪Rotated signing key ->⟫ @S@\n",
    "⟪The access token for the deploy bot is⟫ @S@⟪, keep it safe.⟫\n",
    "⟪using credential⟫ @S@ ⟪to reach registry.acme-corp.io⟫\n",
    '⟪level=info msg="session created" session_token=⟫@S@ ⟪user=alice⟫\n',
    "⟪Admin password for the new cluster:⟫ @S@\n",
    "⟪✔ Personal access token created:⟫ @S@\n",
    "⟪Here is your webhook secret, it will not be shown again:⟫\n\n    @S@\n",
    "⟪Bootstrap token⟫ @S@ ⟪valid for 24h⟫\n",
)

CLI = (
    "⟪$ vault login -method=userpass username=ops password=⟫@S@\n",
    "⟪$ openssl enc -aes-256-cbc -salt -in dump.sql -out dump.enc -pass pass:⟫@S@\n",
    "⟪$ az login --service-principal -u http://ci-deployer -p ⟫@S@⟪ --tenant @UUID@⟫\n",
    "⟪$ gh secret set API_TOKEN --body ⟫@S@⟪ --repo acme/shop⟫\n",
    "⟪$ helm upgrade --install shop ./chart --set auth.password=⟫@S@⟪ --namespace shop⟫\n",
    "⟪$ terraform apply -var 'db_password=⟫@S@⟪' -auto-approve⟫\n",
    '⟪$ ansible-playbook site.yml -e "vault_token=⟫@S@⟪"⟫\n',
    "⟪$ sshpass -p ⟫@S@⟪ ssh deploy@198.51.100.7 uptime⟫\n",
    "⟪$ htpasswd -b -c .htpasswd admin ⟫@S@\n",
    "⟪$ mongosh mongodb://db.internal:27017/shop --username app --password ⟫@S@\n",
    "⟪$ java -Djavax.net.ssl.trustStorePassword=⟫@S@⟪ -jar app.jar⟫\n",
    '⟪$ dotnet user-secrets set "Stripe:SecretKey" "⟫@S@⟪"⟫\n',
    "⟪$ consul acl set-agent-token default ⟫@S@\n",
    "⟪$ msbuild Shop.sln /p:Configuration=Release /p:SigningPassword=⟫@S@\n",
    "⟪$ wrangler secret put API_KEY⟫\n⟪? Enter a secret value: \u203a⟫ @S@\n",
    "⟪$ rclone config create s3 s3 access_key_id ⟫@AKID@⟪ secret_access_key ⟫@S@\n",
    '⟪$ pg_dump "host=db.internal user=app password=⟫@S@⟪ dbname=shop" > dump.sql⟫\n',
)

TABLES = (
    "⟪| name | value |⟫\n⟪|---|---|⟫\n⟪| API_TOKEN | ⟫@S@⟪ |⟫\n⟪| REGION | eu-west-1 |⟫\n",
    "⟪| setting       | value     | rotated    |⟫\n⟪|---------------|-----------|------------|⟫\n"
    "⟪| client secret | ⟫@S@⟪ | 2026-05-01 |⟫\n",
    "⟪     key      |   value⟫\n⟪--------------+-----------⟫\n⟪ api_secret   | ⟫@S@\n⟪ region       | eu-west-1⟫\n",
    "⟪$ vault kv get secret/shop/db⟫\n⟪====== Data ======⟫\n⟪Key         Value⟫\n⟪---         -----⟫\n"
    "⟪password    ⟫@S@\n⟪username    app⟫\n",
    "⟪+------------+------------------+⟫\n⟪| Variable   | Value            |⟫\n⟪+------------+------------------+⟫\n"
    "⟪| auth_token | ⟫@S@⟪ |⟫\n⟪+------------+------------------+⟫\n",
    "⟪$ consul kv get shop/api/token⟫\n@S@\n",
    '⟪ok: [web1] => {⟫\n    ⟪"vault_token": "⟫@S@⟪"⟫\n⟪}⟫\n',
    '⟪TASK [debug] ******⟫\n⟪ok: [db1] => {⟫\n    ⟪"msg": "root password is ⟫@S@⟪"⟫\n⟪}⟫\n',
    '⟪{⟫\n    ⟪"Name": "prod/shop/db",⟫\n    "SecretString": "{\\"username\\":\\"app\\",\\"password\\":\\"@S@\\"}",\n'
    '    ⟪"VersionId": "@UUID@"⟫\n⟪}⟫\n',
    '⟪Outputs:⟫\n\n⟪api_endpoint = "https://api.acme-corp.io"⟫\n⟪bootstrap_token = "⟫@S@⟪"⟫\n',
    "⟪NAME          VALUE⟫\n⟪DB_HOST       db.internal⟫\n⟪DB_PASSWORD   ⟫@S@\n",
    "⟪│ Secret key  │ ⟫@S@⟪ │⟫\n⟪│ Region      │ eu-west-1 │⟫\n",
    "⟪$ op item get 'Shop DB' --fields password⟫\n@S@\n",
    "⟪$ doppler secrets get STRIPE_SECRET --plain⟫\n@S@\n",
)

SQL = (
    "⟪CREATE USER 'app'@'%' IDENTIFIED BY '⟫@S@⟪';⟫\n",
    "⟪ALTER ROLE reporting WITH LOGIN PASSWORD '⟫@S@⟪';⟫\n",
    "⟪CREATE LOGIN svc_reports WITH PASSWORD = '⟫@S@⟪', CHECK_POLICY = OFF;⟫\n",
    "⟪SET PASSWORD FOR 'app'@'localhost' = '⟫@S@⟪';⟫\n",
    "⟪GRANT ALL ON shop.* TO 'app'@'%' IDENTIFIED BY \"⟫@S@⟪\";⟫\n",
    '⟪db.createUser({ user: "app", pwd: "⟫@S@⟪", roles: [ { role: "readWrite", db: "shop" } ] })⟫\n',
    "⟪127.0.0.1:6379> CONFIG SET requirepass ⟫@S@\n⟪OK⟫\n",
    "⟪127.0.0.1:6379> AUTH default ⟫@S@\n⟪OK⟫\n",
    "⟪INSERT INTO api_keys (owner, key, created_at) VALUES ('ci', '⟫@S@⟪', now());⟫\n",
    "⟪UPDATE integrations SET webhook_secret = '⟫@S@⟪' WHERE id = 42;⟫\n",
    "⟪ALTER USER app IDENTIFIED BY ⟫@S@⟪;⟫\n",
    "⟪CREATE USER MAPPING FOR app SERVER remote OPTIONS (user 'app', password '⟫@S@⟪');⟫\n",
)

HTTP = (
    "⟪> GET /v1/reports HTTP/1.1⟫\n⟪> Host: api.acme-corp.io⟫\n> X-Auth-Token: @S@\n⟪> Accept: */*⟫\n",
    "⟪POST /oauth/token HTTP/1.1⟫\n⟪Content-Type: application/x-www-form-urlencoded⟫\n\n"
    "⟪grant_type=client_credentials&client_id=reports&client_secret=⟫@S@\n",
    '⟪< HTTP/1.1 200 OK⟫\n⟪< content-type: application/json⟫\n\n⟪{"access_token":"⟫@S@⟪","token_type":"Bearer",'
    '"expires_in":3600}⟫\n',
    "⟪> PRIVATE-TOKEN: ⟫@S@\n⟪> User-Agent: curl/8.5.0⟫\n",
    "⟪-H 'x-api-key: ⟫@S@⟪' -H 'content-type: application/json'⟫\n",
    "⟪X-Session-Token: ⟫@S@\n⟪X-Request-Id: @UUID@⟫\n",
    "⟪Api-Key ⟫@S@\n",
    "⟪header: X-Vault-Token = ⟫@S@\n",
    '⟪fetch("https://api.acme-corp.io/v1/me", { headers: { "X-Access-Token": "⟫@S@⟪" } })⟫\n',
    "⟪http :8080/api/orders X-Api-Secret:⟫@S@\n",
    '⟪requests.get(url, headers={"Authorization-Token": "⟫@S@⟪"}, timeout=10)⟫\n',
)

CLASSES = (
    Class("config_dialect", password, CONFIG),
    Class("code_literal", password, CODE),
    Class("printed_structure", password, PRINTED),
    Class("log_prose", random_token, PROSE),
    Class("command_line", password, CLI),
    Class("table_or_output", password, TABLES),
    Class("sql_user", password, SQL),
    Class("http_trace", random_token, HTTP),
)

# Secret-free look-alikes in the same syntaxes ---------------------------------------------------

LOOKALIKES = (
    '⟪<add key="CacheKeyPrefix" value="shop-prod-v3" />⟫\n⟪<add key="TokenLifetimeMinutes" value="60" />⟫\n',
    '⟪<entry key="db.password.env">DB_PASSWORD</entry>⟫\n⟪<entry key="auth.mode">oauth2</entry>⟫\n',
    "⟪<password>${env.MAVEN_PASSWORD}</password>⟫\n⟪<token>{{ secrets.token }}</token>⟫\n",
    '⟪credentials "app.terraform.io" {⟫\n  ⟪token = var.tfc_token⟫\n⟪}⟫\n',
    "⟪signing_key: |⟫\n    ⟪-----BEGIN PUBLIC KEY-----⟫\n    ⟪@CERT@⟫\n    ⟪-----END PUBLIC KEY-----⟫\n",
    "⟪$ ssh-keygen -t ed25519 -C ci@build-07⟫\n⟪Your public key has been saved in /root/.ssh/id_ed25519.pub⟫\n"
    "⟪The key fingerprint is:⟫\n⟪SHA256:@B44@ ci@build-07⟫\n",
    "⟪ssh-ed25519 @PUB@ deploy key for acme/shop⟫\n",
    '⟪cfg := Config{⟫\n\t⟪Password: os.Getenv("DB_PASSWORD"),⟫\n\t⟪TokenTTL: 15 * time.Minute,⟫\n⟪}⟫\n',
    '⟪let api_key = env::var("API_KEY").expect("API_KEY is not set");⟫\n',
    '⟪props.put("mail.smtp.password", System.getenv("SMTP_PASSWORD"));⟫\n',
    "⟪Stripe.api_key = ENV.fetch('STRIPE_SECRET_KEY')⟫\n⟪Stripe.api_version = '2024-06-20'⟫\n",
    "⟪'password' => env('DB_PASSWORD'),⟫\n⟪'token_ttl' => 3600,⟫\n",
    '⟪secret_key_base: System.get_env("SECRET_KEY_BASE"),⟫\n',
    '⟪Config { region: "eu-west-1", api_key: "****", retries: 3 }⟫\n',
    "⟪Settings(debug=False, token=SecretStr('**********'), timeout=30)⟫\n",
    "⟪{Host:db.internal Port:5432 User:app Password:<redacted> SSLMode:require}⟫\n",
    "⟪Credentials{username='svc', password='[PROTECTED]', realm='acme'}⟫\n",
    "⟪INFO  auth: token refreshed for session @UUID@ (expires @TS@)⟫\n",
    "⟪Generated a new API token for user ci-bot: see the Tokens page⟫\n",
    "⟪commit @SHA@⟫\n⟪    Rotate the staging token and the session secret⟫\n",
    "⟪DEBUG cache key: node-cache-Linux-x64-npm-@H64@⟫\n",
    "⟪token usage: prompt_tokens=1412 completion_tokens=318 total_tokens=1730⟫\n",
    "⟪[auth] tokenizer=cl100k_base max_tokens=4096 model=gpt-4o-2024-08-06⟫\n",
    "⟪The session store is RedisSessionStore; the cookie name is _shop_session.⟫\n",
    "⟪$ vault login -method=oidc role=ops⟫\n⟪Success! You are now authenticated.⟫\n",
    "⟪$ gh secret set API_TOKEN < token.txt⟫\n⟪✓ Set Actions secret API_TOKEN for acme/shop⟫\n",
    "⟪$ helm upgrade --install shop ./chart --set auth.existingSecret=shop-db-credentials⟫\n",
    "⟪$ terraform apply -var-file=secrets.tfvars -auto-approve⟫\n",
    "⟪$ openssl rand -base64 32 > secret.key⟫\n⟪$ chmod 600 secret.key⟫\n",
    "⟪| name | value |⟫\n⟪|---|---|⟫\n⟪| API_TOKEN | (set, hidden) |⟫\n⟪| TOKEN_TTL | 3600 |⟫\n",
    "⟪     key      |   value⟫\n⟪--------------+-----------⟫\n⟪ api_version  | 2024-06-20⟫\n"
    "⟪ session_ttl  | 86400⟫\n",
    "⟪$ vault kv metadata get secret/shop/db⟫\n⟪Key                     Value⟫\n⟪---                     -----⟫\n"
    "⟪created_time            @TS@⟫\n⟪current_version         4⟫\n",
    "⟪CREATE USER 'app'@'%' IDENTIFIED WITH caching_sha2_password;⟫\n",
    "⟪ALTER ROLE reporting WITH LOGIN PASSWORD NULL;⟫\n",
    "⟪CREATE TABLE api_keys (id uuid PRIMARY KEY, key_hash text NOT NULL, owner text);⟫\n",
    "⟪SELECT id, key_prefix FROM api_keys WHERE key_hash = crypt($1, key_hash);⟫\n",
    "⟪> GET /v1/reports HTTP/1.1⟫\n⟪> X-Auth-Token: $API_TOKEN⟫\n⟪> X-Request-Id: @UUID@⟫\n",
    '⟪{"token_type":"Bearer","expires_in":3600,"scope":"read:reports","session_state":"@UUID@"}⟫\n',
    '⟪< ETag: W/"@H64@"⟫\n⟪< X-Session-Id: @UUID@⟫\n',
    '⟪"integrity": "@SRI@",⟫\n⟪"resolved": "https://registry.npmjs.org/token-types/-/token-types-5.0.1.tgz"⟫\n',
    "⟪github.com/golang-jwt/jwt/v5 v5.2.1 h1:@B44@⟫\n",
    '⟪import { getAccessToken, refreshSessionToken } from "./auth/tokenService";⟫\n'
    "⟪const tokenStore = new InMemoryTokenStore();⟫\n",
    '⟪private static final String TOKEN_HEADER_NAME = "X-Auth-Token";⟫\n',
    "⟪secretKeyRef:⟫\n  ⟪name: shop-db-credentials⟫\n  ⟪key: password⟫\n",
    "⟪https://auth.acme-corp.io/authorize?response_type=token&client_id=reports&redirect_uri=https%3A%2F%2Fapp.acme-corp.io"
    "&scope=openid⟫\n",
    "⟪Key ID: @H64@⟫\n⟪Signature algorithm: RS256⟫\n",
    "⟪api_key: ${STRIPE_API_KEY}⟫\n⟪client_secret: <your-client-secret>⟫\n⟪password: changeme⟫\n⟪token: xxx⟫\n",
    "⟪AWS_SECRET_ACCESS_KEY=****************a9Tq⟫\n⟪GITHUB_TOKEN=ghp_****⟫\n",
    "⟪password_min_length: 12⟫\n⟪password_hash_algorithm: argon2id⟫\n⟪session_driver: redis⟫\n",
    "⟪Downloaded token-types v5.0.1 (sha256 @H64@)⟫\n",
    "⟪keyring: /usr/share/keyrings/docker-archive-keyring.gpg⟫\n⟪signed-by key @SHA@⟫\n",
    "⟪Secret key for the CI bot lives in 1Password under Engineering/CI.⟫\n",
    "⟪The token format is described in docs/auth/TokenFormatV2.md (see TokenFormatV2Parser).⟫\n",
    "⟪  session: ⟫\n    ⟪store: RedisSessionStore⟫\n    ⟪key: _shop_session⟫\n",
    '⟪<add key="ApiBaseUrl" value="https://api.acme-corp.io/v2/" />⟫\n',
    "⟪auth_token_path: /var/run/secrets/kubernetes.io/serviceaccount/token⟫\n",
    "⟪password reset link sent to user 4821; request_id=@UUID@ trace=@H64@⟫\n",
)


def build(per_class: int = 40, seed: int = SEED) -> list[Labelled]:
    """Every class's documents (at least one per template, ``per_class`` at least) and the look-alikes, each
    look-alike under three wrappers."""
    return build_part(CLASSES, LOOKALIKES, per_class=per_class, seed=seed, wrappings=3)


def measure(per_class: int = 40) -> Figures:
    """This part scored as tuning_more scores its own."""
    return score(build(per_class))
