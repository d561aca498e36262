"""The sixth round's tuning part: secrets in the less common tools' files and outputs, and personal data in records.

Operations configs (Ansible vars, Puppet hiera and manifests, Salt pillar, supervisord, HAProxy userlists,
pgbouncer, keepalived, Tomcat users, php-fpm pools, ``systemctl show``), package and build tools' credential
files (Jenkins configuration as code, NuGet.config, .pypirc, pip.conf, Cargo, Gradle, Composer, Yarn, Bundler,
Poetry, sbt), infrastructure values (Terraform tfvars, state and outputs, Pulumi, Serverless, SAM and
CloudFormation parameters), monitoring and service keys (Sentry, Datadog, New Relic, Rollbar, Elastic APM,
OpenTelemetry headers, PagerDuty), message brokers' and databases' clients (Kafka JAAS and kcat, MQTT, Redis
ACLs, ClickHouse, Snowflake, cqlsh, Neo4j, NATS, RabbitMQ, InfluxDB, sqlcmd), what cloud CLIs print (STS text
output, ``az account get-access-token``, gcloud, doctl, fly, heroku, ECR and ACR logins), HTTP clients' debug
logs (http.client, urllib3, httpx, axios errors, Go's request dumps, OkHttp, .NET, Net::HTTP, RestTemplate,
curl's trace), CI logs (GitLab, CircleCI, Buildkite, Azure Pipelines service messages, TeamCity, Jenkins,
Travis, Drone), mobile app configs (google-services.json, plists, AndroidManifest meta-data, Gradle
buildConfigField, xcconfig, Expo, Flutter), framework debug dumps (Spring actuator, Django, Laravel tinker,
IEx, Airflow), and personal data: phone numbers in international formats beside contact fields, US SSNs in
forms and records (W-2, HL7, CSV, XML) and e-mail addresses in mail and application logs. Beside them, in the
same syntaxes, look-alikes: references to variables and secret stores, masked values, ciphertexts committed by
design, digests, UUIDs, versions, package specifiers and addresses that are not mailboxes. Written from the
formats' public descriptions, not from the rules. Rules may be adjusted against it: it is a tuning part.

Templates use `tuning_more`'s markers (``@S@`` for the labelled secret, ``⟪...⟫`` for spans that must survive)
and `tuning_round4`'s fillers and wrappers. Text outside both markers (a person's name, another person's
address, an access key id, a session token) is neither: a reviewer would not insist on it either way.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from tests.scrubcorpus import fakes
from tests.scrubcorpus.fakes import ALNUM, DIGITS, HEX, chars, mixed
from tests.scrubcorpus.tuning_more import Class, Figures, Labelled, score, ssn
from tests.scrubcorpus.tuning_round4 import build_part
from tests.scrubcorpus.tuning_round5 import password, random_token

SEED = 20261206
Maker = Callable[[random.Random], str]

# Secrets ------------------------------------------------------------------------------------------


def plain_password(rng: random.Random) -> str:
    """A password that may sit in a URL's user part or a bare shell word: no separators of those syntaxes."""
    value = re.sub(r"[^A-Za-z0-9._~!*-]", "", password(rng))
    return value if len(value) >= 8 else mixed(rng, ALNUM, 24)


def service_key(rng: random.Random) -> str:
    """A monitoring or service key: hex of 32 or 40 digits (as several vendors issue them) or a generated one."""
    shape = rng.randrange(3)
    if shape == 0:
        return chars(rng, HEX, rng.choice([32, 40]))
    return random_token(rng)


def app_key(rng: random.Random) -> str:
    """A key shipped in a mobile or web app's config: a Google API key or a generated one."""
    return fakes.google_api_key(rng) if rng.random() < 0.4 else random_token(rng)


def phone_number(rng: random.Random) -> str:
    """A phone number as people and forms write them, in national and international formats."""
    if rng.random() < 0.4:
        return fakes.phone(rng)
    shapes = (
        lambda: f"+44 7700 900{chars(rng, DIGITS, 3)}",
        lambda: f"+49 151 {chars(rng, DIGITS, 8)}",
        lambda: f"+81 90-{chars(rng, DIGITS, 4)}-{chars(rng, DIGITS, 4)}",
        lambda: f"+61 4{chars(rng, DIGITS, 2)} {chars(rng, DIGITS, 3)} {chars(rng, DIGITS, 3)}",
        lambda: f"+91 98{chars(rng, DIGITS, 3)} {chars(rng, DIGITS, 5)}",
        lambda: f"+55 11 9{chars(rng, DIGITS, 4)}-{chars(rng, DIGITS, 4)}",
        lambda: (
            f"+34 6{chars(rng, DIGITS, 2)} {chars(rng, DIGITS, 2)} {chars(rng, DIGITS, 2)} {chars(rng, DIGITS, 2)}"
        ),
        lambda: f"+1{chars(rng, '23456789', 1)}{chars(rng, DIGITS, 9)}",
    )
    return rng.choice(shapes)()


# Documents ----------------------------------------------------------------------------------------

OPS = (
    '⟪# group_vars/db/vars.yml⟫\n⟪postgresql_users:⟫\n  ⟪- name: shop⟫\n    ⟪password: "⟫@S@⟪"⟫\n'
    "    ⟪encrypted: true⟫\n",
    "⟪---⟫\n⟪profile::db::host: 'db01.acme-corp.io'⟫\n⟪profile::db::password: '⟫@S@⟪'⟫\n⟪profile::db::port: 5432⟫\n",
    "⟪mysql:⟫\n  ⟪server:⟫\n    ⟪root_user: root⟫\n    ⟪root_password: '⟫@S@⟪'⟫\n    ⟪bind-address: 127.0.0.1⟫\n",
    '⟪[program:worker]⟫\n⟪command=/srv/shop/bin/worker⟫\n⟪environment=QUEUE_URL="redis://cache:6379/0",WORKER_SECRET="⟫'
    '@S@⟪"⟫\n⟪autorestart=true⟫\n',
    "⟪userlist stats_users⟫\n    ⟪user admin insecure-password ⟫@S@\n⟪listen stats⟫\n    ⟪bind :8404⟫\n",
    "⟪$ systemctl show shop.service -p Environment⟫\n"
    "⟪Environment=SHOP_ENV=production SHOP_API_KEY=⟫@S@⟪ SHOP_PORT=8080⟫\n",
    '⟪$ knife data bag show credentials mysql -F json⟫\n⟪{⟫\n  ⟪"id": "mysql",⟫\n  ⟪"root_password": "⟫@S@⟪"⟫\n⟪}⟫\n',
    "⟪class { 'postgresql::server':⟫\n  ⟪postgres_password => '⟫@S@⟪',⟫\n  ⟪listen_addresses  => '*',⟫\n⟪}⟫\n",
    '⟪# /etc/pgbouncer/userlist.txt⟫\n⟪"shop" "⟫@S@⟪"⟫\n',
    "⟪vrrp_instance VI_1 {⟫\n    ⟪authentication {⟫\n        ⟪auth_type PASS⟫\n        ⟪auth_pass ⟫@S@\n    ⟪}⟫\n⟪}⟫\n",
    '⟪location /api/ {⟫\n    ⟪proxy_pass http://backend;⟫\n    ⟪proxy_set_header X-Api-Key "⟫@S@⟪";⟫\n⟪}⟫\n',
    "⟪[www]⟫\n⟪env[DB_HOST] = db01⟫\n⟪env[DB_PASSWORD] = ⟫@S@\n⟪pm.max_children = 20⟫\n",
    '⟪<user username="deployer" password="⟫@S@⟪" roles="manager-script"/>⟫\n',
    "⟪# /etc/postfix/sasl_passwd⟫\n⟪[smtp.acme-corp.io]:587 alerts:⟫@S@\n",
)

BUILD = (
    "⟪credentials:⟫\n  ⟪system:⟫\n    ⟪domainCredentials:⟫\n      ⟪- credentials:⟫\n          ⟪- string:⟫\n"
    '              ⟪id: slack-token⟫\n              ⟪secret: "⟫@S@⟪"⟫\n',
    "⟪<com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>⟫\n  ⟪<id>nexus-deploy</id>⟫\n"
    "  ⟪<username>deployer</username>⟫\n  ⟪<password>⟫@S@⟪</password>⟫\n",
    '⟪<packageSourceCredentials>⟫\n  ⟪<acme>⟫\n    ⟪<add key="Username" value="ci" />⟫\n'
    '    ⟪<add key="ClearTextPassword" value="⟫@S@⟪" />⟫\n  ⟪</acme>⟫\n⟪</packageSourceCredentials>⟫\n',
    "⟪[distutils]⟫\n⟪index-servers = acme⟫\n\n⟪[acme]⟫\n⟪repository = https://pypi.acme-corp.io/simple/⟫\n"
    "⟪username = ci⟫\n⟪password = ⟫@S@\n",
    "⟪[global]⟫\n⟪index-url = https://ci:⟫@S@⟪@pypi.acme-corp.io/simple/⟫\n⟪timeout = 60⟫\n",
    '⟪# ~/.cargo/credentials.toml⟫\n⟪[registry]⟫\n⟪token = "⟫@S@⟪"⟫\n',
    "⟪org.gradle.jvmargs=-Xmx2g⟫\n⟪artifactoryUser=ci⟫\n⟪artifactoryPassword=⟫@S@\n",
    '⟪{⟫\n  ⟪"http-basic": {⟫\n    ⟪"repo.acme-corp.io": { "username": "ci", "password": "⟫@S@⟪" }⟫\n  ⟪}⟫\n⟪}⟫\n',
    '⟪npmScopes:⟫\n  ⟪acme:⟫\n    ⟪npmRegistryServer: "https://npm.acme-corp.io"⟫\n    ⟪npmAuthToken: "⟫@S@⟪"⟫\n',
    '⟪---⟫\n⟪BUNDLE_GEMS__ACME__CORP__IO: "ci:⟫@S@⟪"⟫\n⟪BUNDLE_JOBS: "4"⟫\n',
    "⟪$ helm repo add acme https://charts.acme-corp.io --username ci --password ⟫@S@\n",
    "⟪$ poetry config http-basic.acme ci ⟫@S@\n",
    "⟪realm=Sonatype Nexus Repository Manager⟫\n⟪host=nexus.acme-corp.io⟫\n⟪user=ci⟫\n⟪password=⟫@S@\n",
    "⟪$ npm config set //npm.acme-corp.io/:_password ⟫@S@\n",
)

IAC = (
    '⟪# prod.auto.tfvars⟫\n⟪region            = "eu-west-1"⟫\n⟪db_admin_password = "⟫@S@⟪"⟫\n'
    '⟪instance_class    = "db.r6g.large"⟫\n',
    '⟪"resources": [⟫\n  ⟪{⟫\n    ⟪"type": "aws_db_instance",⟫\n    ⟪"name": "main",⟫\n'
    '    ⟪"instances": [{ "attributes": { "username": "shop", "password": "⟫@S@⟪", "port": 5432 } }]⟫\n',
    '⟪"type": "random_password",⟫\n⟪"name": "db",⟫\n⟪"attributes": {⟫\n  ⟪"id": "none",⟫\n  ⟪"length": 24,⟫\n'
    '  ⟪"result": "⟫@S@⟪",⟫\n  ⟪"special": true⟫\n⟪}⟫\n',
    '⟪$ terraform output -json db⟫\n⟪{"host":"db.acme-corp.io","password":"⟫@S@⟪","port":5432}⟫\n',
    "⟪$ terraform output -raw admin_password⟫\n@S@\n",
    "⟪$ pulumi config get dbPassword⟫\n@S@\n",
    "⟪$ pulumi stack output --show-secrets⟫\n⟪Current stack outputs (3):⟫\n    ⟪OUTPUT          VALUE⟫\n"
    "    ⟪apiUrl          https://api.acme-corp.io⟫\n    ⟪dbPassword      ⟫@S@\n    ⟪bucketName      shop-assets⟫\n",
    "⟪$ pulumi config set --plaintext shop:apiToken ⟫@S@\n",
    "⟪config:⟫\n  ⟪aws:region: eu-west-1⟫\n  ⟪shop:stripeSecret: ⟫@S@\n",
    "⟪provider:⟫\n  ⟪name: aws⟫\n  ⟪environment:⟫\n    ⟪STAGE: ${sls:stage}⟫\n    ⟪PAYMENT_SECRET: ⟫@S@\n",
    '⟪$ serverless deploy --param="apiSecret=⟫@S@⟪" --stage prod⟫\n',
    "⟪$ sam deploy --parameter-overrides Stage=prod DbPassword=⟫@S@⟪ LogLevel=INFO⟫\n",
    '⟪[default.deploy.parameters]⟫\n⟪parameter_overrides = "Stage=prod DbPassword=⟫@S@⟪ LogLevel=INFO"⟫\n',
    '⟪[⟫\n  ⟪{ "ParameterKey": "Stage", "ParameterValue": "prod" },⟫\n'
    '  ⟪{ "ParameterKey": "MasterUserPassword", "ParameterValue": "⟫@S@⟪" }⟫\n⟪]⟫\n',
)

SERVICE = (
    "⟪SENTRY_DSN=https://⟫@SHA@:@S@⟪@sentry.acme-corp.io/42⟫\n",
    "⟪## @param api_key - string - required⟫\n⟪api_key: ⟫@S@\n⟪site: datadoghq.eu⟫\n",
    "⟪common: &default_settings⟫\n  ⟪license_key: '⟫@S@⟪'⟫\n  ⟪app_name: Shop (production)⟫\n",
    "⟪[newrelic]⟫\n⟪license_key = ⟫@S@\n⟪app_name = shop-api⟫\n⟪monitor_mode = true⟫\n",
    '⟪const supabaseServiceRole = "⟫@S@⟪";⟫\n⟪export const admin = createClient(SUPABASE_URL, supabaseServiceRole);⟫\n',
    '⟪const client = algoliasearch(ALGOLIA_APP_ID, "⟫@S@⟪");⟫\n⟪const index = client.initIndex("products");⟫\n',
    "⟪$ docker run -d --name dd-agent -e DD_API_KEY=⟫@S@⟪ -e DD_SITE=datadoghq.com gcr.io/datadoghq/agent:7⟫\n",
    "⟪Rollbar.configure do |config|⟫\n  ⟪config.access_token = '⟫@S@⟪'⟫\n  ⟪config.environment = 'production'⟫\n"
    "⟪end⟫\n",
    "⟪OTEL_EXPORTER_OTLP_ENDPOINT=https://api.honeycomb.io⟫\n⟪OTEL_EXPORTER_OTLP_HEADERS=x-honeycomb-team=⟫@S@\n",
    "⟪elastic.apm.server_url=https://apm.acme-corp.io⟫\n⟪elastic.apm.secret_token=⟫@S@\n",
    '⟪{⟫\n  ⟪"routing_key": "⟫@S@⟪",⟫\n  ⟪"event_action": "trigger",⟫\n  ⟪"payload": { "summary": "disk full", '
    '"severity": "critical", "source": "db01" }⟫\n⟪}⟫\n',
    '⟪Sentry.init({⟫\n  ⟪dsn: "https://⟫@SHA@:@S@⟪@o4506.ingest.sentry.io/4507",⟫\n  ⟪tracesSampleRate: 0.2,⟫\n⟪});⟫\n',
)

BROKER = (
    "⟪CELERY_BROKER_URL=amqp://shop:⟫@S@⟪@rabbit.acme-corp.io:5672/shop⟫\n",
    "⟪sasl.mechanism=SCRAM-SHA-512⟫\n⟪sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule "
    'required username="shop" password="⟫@S@⟪";⟫\n',
    "⟪$ kcat -b kafka.acme-corp.io:9093 -X security.protocol=SASL_SSL -X sasl.mechanisms=PLAIN "
    "-X sasl.username=shop -X sasl.password=⟫@S@⟪ -t orders -C⟫\n",
    "⟪$ mosquitto_pub -h mqtt.acme-corp.io -p 8883 -u sensor-12 -P ⟫@S@⟪ -t plant/line1/temp -m 21.5⟫\n",
    "⟪127.0.0.1:6379> ACL SETUSER reporting on >⟫@S@⟪ ~reports:* +get⟫\n⟪OK⟫\n",
    "⟪$ redis-cli -h cache.acme-corp.io -p 6380 --user app --pass ⟫@S@⟪ --tls PING⟫\n⟪PONG⟫\n",
    '⟪$ clickhouse-client --host ch.acme-corp.io --user analyst --password ⟫@S@⟪ --query "SELECT count() FROM'
    ' events"⟫\n',
    '⟪conn = snowflake.connector.connect(⟫\n    ⟪user="ETL_USER",⟫\n    ⟪password="⟫@S@⟪",⟫\n'
    '    ⟪account="acme-xy12345",⟫\n    ⟪warehouse="ETL_WH",⟫\n⟪)⟫\n',
    "⟪[connections.prod]⟫\n⟪accountname = acme-xy12345⟫\n⟪username = etl_user⟫\n⟪password = ⟫@S@\n",
    "⟪$ cqlsh cassandra.acme-corp.io 9042 -u reporting -p ⟫@S@\n"
    "⟪Connected to Shop Cluster at cassandra.acme-corp.io:9042⟫\n",
    '⟪$ cypher-shell -a neo4j+s://graph.acme-corp.io:7687 -u neo4j -p ⟫@S@⟪ "MATCH (n) RETURN count(n);"⟫\n',
    "⟪$ nats --server nats://orders:⟫@S@⟪@nats.acme-corp.io:4222 sub 'orders.>'⟫\n",
    '⟪$ rabbitmqctl add_user shop ⟫@S@\n⟪Adding user "shop" ...⟫\n',
    "⟪$ influx setup --username admin --password ⟫@S@⟪ --org acme --bucket metrics --force⟫\n",
    '⟪$ sqlcmd -S db.acme-corp.io -U sa -P ⟫@S@⟪ -Q "SELECT @@VERSION"⟫\n',
)

CLOUD = (
    "⟪$ aws sts get-session-token --output text⟫\n⟪CREDENTIALS⟫\t@AKID@\t⟪@TS@⟫\t@S@\t@STOK@\n",
    "⟪$ az account get-access-token --resource https://management.azure.com⟫\n⟪{⟫\n"
    '  ⟪"accessToken": "⟫@S@⟪",⟫\n  ⟪"expiresOn": "2026-05-14 10:32:11.000000",⟫\n'
    '  ⟪"subscription": "@UUID@",⟫\n  ⟪"tenant": "@UUID@",⟫\n  ⟪"tokenType": "Bearer"⟫\n⟪}⟫\n',
    "⟪$ az account get-access-token --query accessToken -o tsv⟫\n@S@\n",
    "⟪$ gcloud auth print-access-token⟫\n@S@\n",
    '⟪$ gcloud config config-helper --format=json⟫\n⟪{⟫\n  ⟪"credential": {⟫\n    ⟪"access_token": "⟫@S@⟪",⟫\n'
    '    ⟪"token_expiry": "@TS@"⟫\n  ⟪},⟫\n',
    "⟪$ doctl auth init --context ci -t ⟫@S@\n⟪Validating token... ✔⟫\n",
    "⟪# ~/.config/doctl/config.yaml⟫\n⟪access-token: ⟫@S@\n⟪context: default⟫\n",
    "⟪$ flyctl auth token⟫\n@S@\n",
    "⟪$ heroku auth:token⟫\n⟪ \u203a   Warning: token will expire 05/14/2027⟫\n@S@\n",
    "⟪$ kubectl create token ci-deployer -n shop --duration 1h⟫\n@S@\n",
    "⟪$ az storage account keys list -g shop -n shopassets -o table⟫\n⟪KeyName    Permissions    Value⟫\n"
    "⟪---------  -------------  ----------⟫\n⟪key1       FULL           ⟫@S@\n",
    "⟪$ aws ecr get-login-password --region eu-west-1⟫\n@S@\n",
    '⟪$ az acr login -n acme --expose-token⟫\n⟪{⟫\n  ⟪"accessToken": "⟫@S@⟪",⟫\n'
    '  ⟪"loginServer": "acme.azurecr.io"⟫\n⟪}⟫\n',
)

HTTP_DEBUG = (
    "⟪send: b'GET /v2/orders HTTP/1.1\\r\\nHost: api.acme-corp.io\\r\\nUser-Agent: python-requests/2.32.3\\r\\n"
    "Accept: */*\\r\\nAuthorization: Bearer ⟫@S@⟪\\r\\n\\r\\n'⟫\n⟪reply: 'HTTP/1.1 200 OK\\r\\n'⟫\n",
    '⟪DEBUG:urllib3.connectionpool:https://api.acme-corp.io:443 "GET /v1/export?format=csv&api_key=⟫@S@'
    '⟪ HTTP/1.1" 200 5121⟫\n',
    "⟪AxiosError: Request failed with status code 403⟫\n    ⟪at settle (node_modules/axios/lib/core/settle.js:19:12)⟫\n"
    "  ⟪config: {⟫\n    ⟪url: 'https://api.acme-corp.io/v1/charges',⟫\n    ⟪method: 'post',⟫\n"
    "    ⟪headers: Object [AxiosHeaders] {⟫\n      ⟪Accept: 'application/json, text/plain, */*',⟫\n"
    "      ⟪'Content-Type': 'application/json',⟫\n      ⟪'X-Api-Key': '⟫@S@⟪',⟫\n"
    "      ⟪'User-Agent': 'axios/1.7.2'⟫\n    ⟪},⟫\n",
    "    ⟪headers: Object [AxiosHeaders] {⟫\n      ⟪Accept: 'application/json',⟫\n"
    "      ⟪Authorization: 'Bearer ⟫@S@⟪',⟫\n"
    "      ⟪'Accept-Encoding': 'gzip, compress, deflate, br'⟫\n    ⟪},⟫\n",
    "⟪POST /api/v2/events HTTP/1.1⟫\n⟪Host: ingest.acme-corp.io⟫\n⟪User-Agent: Go-http-client/1.1⟫\n"
    "⟪Content-Length: 48⟫\n⟪X-Ingest-Token: ⟫@S@\n⟪Accept-Encoding: gzip⟫\n\n"
    '⟪{"event":"deploy","service":"shop","ok":true}⟫\n',
    "⟪I/okhttp.OkHttpClient: --> GET https://api.acme-corp.io/v1/profile⟫\n"
    "⟪I/okhttp.OkHttpClient: Authorization: Bearer ⟫"
    "@S@\n⟪I/okhttp.OkHttpClient: --> END GET⟫\n",
    "⟪I/okhttp.OkHttpClient: <-- 200 https://api.acme-corp.io/v1/login (212ms)⟫\n"
    '⟪I/okhttp.OkHttpClient: {"user":"42","refresh_token":"⟫@S@⟪","expires_in":3600}⟫\n',
    "⟪info: System.Net.Http.HttpClient.Default.LogicalHandler[100]⟫\n"
    "      ⟪Start processing HTTP request GET https://api.acme-corp.io/v1/orders?access_token=⟫@S@\n",
    '⟪<- "GET /v1/me HTTP/1.1\\r\\nAccept: */*\\r\\nX-Auth-Key: ⟫@S@⟪\\r\\nHost: api.acme-corp.io\\r\\n\\r\\n"⟫\n'
    '⟪-> "HTTP/1.1 200 OK\\r\\n"⟫\n',
    '⟪DEBUG:httpx:HTTP Request: POST https://api.acme-corp.io/v1/token?client_secret=⟫@S@⟪ "HTTP/1.1 200 OK"⟫\n',
    "⟪DEBUG o.s.web.client.RestTemplate - HTTP POST https://api.acme-corp.io/v1/auth⟫\n"
    "⟪DEBUG o.s.web.client.RestTemplate - Writing [{username=[svc], password=[⟫@S@⟪]}] as "
    '"application/x-www-form-urlencoded"⟫\n',
    "⟪== Info: Connected to api.acme-corp.io (203.0.113.20) port 443⟫\n⟪=> Send header, 96 bytes (0x60)⟫\n"
    "⟪0000: GET /v1/me HTTP/1.1⟫\n⟪0015: Host: api.acme-corp.io⟫\n⟪002d: X-Api-Token: ⟫@S@\n",
)

CI = (
    "⟪section_start:1715677211:prepare_script⟫\n⟪++ DEPLOY_API_KEY=⟫@S@\n⟪++ export DEPLOY_API_KEY⟫\n",
    "⟪$ docker login -u gitlab-ci-token -p ⟫@S@⟪ registry.acme-corp.io⟫\n"
    "⟪WARNING! Using --password via the CLI is insecure. Use --password-stdin.⟫\n",
    "⟪#!/bin/bash -eo pipefail⟫\n⟪env | sort⟫\n⟪CIRCLE_BRANCH=main⟫\n⟪CIRCLE_BUILD_NUM=4812⟫\n"
    "⟪CIRCLE_PROJECT_REPONAME=shop⟫\n⟪NPM_PUBLISH_TOKEN=⟫@S@\n⟪PATH=/usr/local/bin:/usr/bin:/bin⟫\n",
    '⟪$ buildkite-agent env get --format json-pretty⟫\n⟪{⟫\n  ⟪"BUILDKITE_BRANCH": "main",⟫\n'
    '  ⟪"BUILDKITE_PIPELINE_SLUG": "shop",⟫\n  ⟪"SNYK_TOKEN": "⟫@S@⟪"⟫\n⟪}⟫\n',
    "⟪~~~ :key: Fetching secrets⟫\n⟪$ buildkite-agent secret get DEPLOY_KEY⟫\n@S@\n",
    "⟪##[debug]Evaluating: variables['registry.password']⟫\n⟪##[debug]Result: '⟫@S@⟪'⟫\n",
    "⟪##vso[task.setvariable variable=registryPassword;isoutput=true]⟫@S@\n",
    "⟪##teamcity[setParameter name='env.SONAR_TOKEN' value='⟫@S@⟪']⟫\n",
    "⟪[Pipeline] sh⟫\n⟪+ curl -fsS -u deployer:⟫@S@⟪ https://nexus.acme-corp.io/service/rest/v1/status⟫\n",
    "⟪Setting environment variables from .travis.yml⟫\n⟪$ export COVERALLS_REPO_TOKEN=⟫@S@\n⟪$ export NODE_ENV=test⟫\n",
    "⟪+ echo $PLUGIN_PASSWORD⟫\n@S@\n⟪+ docker build -t registry.acme-corp.io/shop:@SHA@ .⟫\n",
    "⟪Run ./scripts/publish.sh⟫\n⟪+ npm config set //npm.acme-corp.io/:_authToken ⟫@S@\n",
    "⟪+ pipe: atlassian/aws-s3-deploy:1.1.0⟫\n⟪  variables:⟫\n⟪    AWS_DEFAULT_REGION: eu-west-1⟫\n"
    "⟪    S3_SYNC_SECRET: ⟫@S@\n",
)

MOBILE = (
    '⟪"api_key": [⟫\n  ⟪{⟫\n    ⟪"current_key": "⟫@S@⟪"⟫\n  ⟪}⟫\n⟪],⟫\n',
    "⟪<key>API_KEY</key>⟫\n⟪<string>⟫@S@⟪</string>⟫\n⟪<key>GCM_SENDER_ID</key>⟫\n⟪<string>@ACCT@</string>⟫\n",
    "⟪<key>BackendApiSecret</key>⟫\n⟪<string>⟫@S@⟪</string>⟫\n⟪<key>CFBundleShortVersionString</key>⟫\n"
    "⟪<string>4.12.0</string>⟫\n",
    '⟪<meta-data⟫\n    ⟪android:name="com.google.android.geo.API_KEY"⟫\n    ⟪android:value="⟫@S@⟪" />⟫\n',
    '⟪<meta-data android:name="io.sentry.auth-token" android:value="⟫@S@⟪" />⟫\n',
    '⟪buildConfigField "String", "PAYMENTS_API_KEY", "\\"⟫@S@⟪\\""⟫\n',
    '⟪<string name="backend_api_key" translatable="false">⟫@S@⟪</string>⟫\n',
    '⟪"extra": {⟫\n  ⟪"eas": { "projectId": "@UUID@" },⟫\n  ⟪"apiSecret": "⟫@S@⟪"⟫\n⟪}⟫\n',
    "⟪$ flutter run --dart-define=API_KEY=⟫@S@⟪ --flavor prod⟫\n",
    "⟪// Config/Release.xcconfig⟫\n⟪API_BASE_URL = https:/$()/api.acme-corp.io⟫\n⟪API_SECRET = ⟫@S@\n",
    "⟪sdk.dir=/opt/android-sdk⟫\n⟪MAPS_API_KEY=⟫@S@\n",
    '⟪const firebaseConfig = {⟫\n  ⟪apiKey: "⟫@S@⟪",⟫\n  ⟪authDomain: "acme-shop.firebaseapp.com",⟫\n'
    '  ⟪projectId: "acme-shop",⟫\n⟪};⟫\n',
    "⟪export const environment = {⟫\n  ⟪production: true,⟫\n  ⟪stripeSecret: '⟫@S@⟪',⟫\n⟪};⟫\n",
)

DEBUG_DUMP = (
    '⟪"applicationConfig: [classpath:/application.yml]": {⟫\n  ⟪"properties": {⟫\n'
    '    ⟪"spring.datasource.password": { "value": "⟫@S@⟪", "origin": "class path resource [application.yml] -'
    ' 12:17" }⟫\n',
    "⟪Settings⟫\n⟪Using settings module shop.settings⟫\n⟪Setting\tValue⟫\n⟪MAILGUN_CREDENTIALS\t'⟫@S@⟪'⟫\n"
    "⟪MEDIA_ROOT\t'/srv/media'⟫\n",
    "⟪$ bin/rails credentials:show⟫\n⟪aws:⟫\n  access_key_id: @AKID@\n  ⟪secret_access_key: ⟫@S@\n"
    "⟪region: eu-west-1⟫\n",
    '⟪> config(\'services.mailgun\')⟫\n⟪= [⟫\n    ⟪"domain" => "mg.acme-corp.io",⟫\n    ⟪"secret" => "⟫@S@⟪",⟫\n'
    '    ⟪"endpoint" => "api.eu.mailgun.net",⟫\n  ⟪]⟫\n',
    "⟪$ php -i | grep MAIL⟫\n⟪$_ENV['MAIL_PASSWORD'] => ⟫@S@\n⟪$_ENV['MAIL_PORT'] => 587⟫\n",
    "⟪>>> app.config['SQLALCHEMY_DATABASE_URI']⟫\n⟪'postgresql://shop:⟫@S@⟪@db.acme-corp.io/shop'⟫\n",
    '⟪iex(1)> Application.get_env(:shop, Shop.Mailer)⟫\n⟪[adapter: Swoosh.Adapters.Mailgun, api_key: "⟫@S@'
    '⟪", domain: "mg.acme-corp.io"]⟫\n',
    "⟪2026-05-14 10:32:11.412 DEBUG 1 --- [main] o.s.b.c.c.ConfigDataEnvironment : Property "
    "'app.jwt.signing-secret' resolved to '⟫@S@⟪'⟫\n",
    "⟪$ airflow connections get shop_db -o yaml⟫\n⟪- conn_id: shop_db⟫\n  ⟪conn_type: postgres⟫\n"
    "  ⟪host: db.acme-corp.io⟫\n  ⟪login: etl⟫\n  ⟪password: ⟫@S@\n  ⟪port: '5432'⟫\n",
    "⟪(rdb:1) pp ENV.select { |k, _| k.start_with?('SHOP') }⟫\n"
    '⟪{"SHOP_REGION"=>"eu-west-1", "SHOP_SIGNING_SECRET"=>"⟫@S@⟪"}⟫\n',
)

PHONE = (
    "⟪customer_id,name,phone,country⟫\n⟪4812,⟫Ines Haddad⟪,⟫@S@⟪,DE⟫\n",
    "⟪BEGIN:VCARD⟫\n⟪VERSION:4.0⟫\nFN:Jamal Okafor\n⟪TEL;TYPE=cell:⟫@S@\n⟪END:VCARD⟫\n",
    '⟪{"id": 4812, "contact": {"phone": "⟫@S@⟪", "preferred": "sms"}}⟫\n',
    "⟪INFO sms.sender: OTP dispatched to ⟫@S@⟪ (provider=twilio, attempt=1)⟫\n",
    "⟪ id  | name          | phone⟫\n⟪-----+---------------+------------------⟫\n⟪ 212 | ⟫Hiro Tanaka⟪   | ⟫@S@\n",
    "⟪Contact phone: ⟫@S@\n⟪Preferred time: mornings⟫\n",
    '⟪- email_verified: true⟫\n  ⟪mobile: "⟫@S@⟪"⟫\n  ⟪locale: en-GB⟫\n',
    "⟪Caller asked us to ring back on⟫ @S@ ⟪after 5pm.⟫\n",
    '  ⟪"phone": "⟫@S@⟪",⟫\n  ⟪"preferred_locales": ["en"],⟫\n',
    "⟪<Contact>⟫\n  ⟪<Type>mobile</Type>⟫\n  ⟪<Number>⟫@S@⟪</Number>⟫\n⟪</Contact>⟫\n",
    "⟪WARN twilio: delivery failed to=⟫@S@⟪ code=30003 (Unreachable destination handset)⟫\n",
    "⟪Emergency contact:⟫ Carol Schmidt ⟪(sister), tel.⟫ @S@\n",
)

SSN = (
    "⟪a Employee's social security number⟫\n@S@\n⟪b Employer identification number (EIN)⟫\n",
    "⟪MSH|^~\\&|EPIC|ACME|||202605141030||ADT^A01|MSG00001|P|2.5⟫\n⟪PID|1||4812^^^ACME^MR||⟫Okafor^Jamal"
    "⟪||19800101|M||||||||||A1234|⟫@S@⟪|⟫\n",
    "⟪emp_id,first,last,ssn,start_date⟫\n⟪1043,⟫Esther,Dubois⟪,⟫@S@⟪,2024-03-11⟫\n",
    '⟪{"applicant": {"state": "OH", "taxId": "⟫@S@⟪", "income": 58000}}⟫\n',
    "⟪<Borrower>⟫\n  ⟪<SSN>⟫@S@⟪</SSN>⟫\n  ⟪<CreditScore>712</CreditScore>⟫\n⟪</Borrower>⟫\n",
    "⟪WARN kyc.verify: identity mismatch for tin=⟫@S@⟪ request_id=@UUID@⟫\n",
    "⟪Social Security No.:⟫ @S@\n⟪Filing status: single⟫\n",
    "⟪INSERT INTO employees (id, tax_id, hired) VALUES (1043, '⟫@S@⟪', '2024-03-11');⟫\n",
    '⟪patient = Patient(mrn="4812", ssn="⟫@S@⟪", plan="PPO")⟫\n',
    "⟪Recipient's TIN: ⟫@S@\n⟪Account number (see instructions): 7731⟫\n",
    "⟪   emp_id  dept  social_security⟫\n⟪0    1043   ops  ⟫@S@\n",
)

EMAIL = (
    "⟪May 14 10:32:11 mx1 postfix/smtp[21877]: 4BQ7K23XYZ: to=<⟫@S@⟪>, relay=mx.example.net[198.51.100.25]:25, "
    "delay=0.42, dsn=2.0.0, status=sent (250 2.0.0 Ok)⟫\n",
    "⟪> EHLO mx1.acme-corp.io⟫\n⟪< 250-mx.example.net⟫\n⟪> RCPT TO:<⟫@S@⟪>⟫\n⟪< 250 2.1.5 Ok⟫\n",
    "⟪WARN auth: failed login for ⟫@S@⟪ from 203.0.113.42 (3 attempts)⟫\n",
    '⟪{"level":"info","ts":"@TS@","msg":"password reset requested","email":"⟫@S@⟪","ip":"198.51.100.7"}⟫\n',
    "⟪dn: uid=⟫kwame⟪,ou=people,dc=acme-corp,dc=io⟫\n⟪objectClass: inetOrgPerson⟫\n⟪mail: ⟫@S@\n",
    "⟪Received: from mail.example.org (mail.example.org [192.0.2.10])⟫\n⟪From: ⟫Farah Haddad <@S@>\n"
    "⟪Subject: Re: invoice 2026-0412⟫\n",
    '⟪[14/May/2026 10:32:11] "POST /accounts/password/reset/ HTTP/1.1" 302 0⟫\n'
    "⟪Sending password reset e-mail to ⟫@S@\n",
    '⟪"user": {"id": "4812", "email": "⟫@S@⟪", "ip_address": "{{auto}}"}⟫\n',
    "⟪$ git shortlog -sne --since=2026-01-01⟫\n⟪   142\t⟫Ines Garcia <@S@>\n",
    "⟪smtplib.SMTPRecipientsRefused: {'⟫@S@⟪': (550, b'5.1.1 User unknown')}⟫\n",
    "⟪Email Address,First Name,Last Name,MEMBER_RATING⟫\n@S@⟪,⟫Hiro,Tanaka⟪,2⟫\n",
    "⟪2026-05-14T10:32:11Z INFO  billing: invoice INV-2026-0412 sent to⟫ @S@ ⟪(stripe customer 4812)⟫\n",
)

CLASSES = (
    Class("ops_config", password, OPS),
    Class("build_tool_credentials", plain_password, BUILD),
    Class("infrastructure_values", password, IAC),
    Class("service_keys", service_key, SERVICE),
    Class("broker_database_client", plain_password, BROKER),
    Class("cloud_cli_output", random_token, CLOUD),
    Class("http_client_debug", random_token, HTTP_DEBUG),
    Class("ci_log", password, CI),
    Class("mobile_app_config", app_key, MOBILE),
    Class("framework_debug_dump", plain_password, DEBUG_DUMP),
    Class("phone_number", phone_number, PHONE),
    Class("ssn_record", ssn, SSN),
    Class("email_in_log", fakes.email, EMAIL),
)

# Secret-free look-alikes in the same syntaxes ---------------------------------------------------

LOOKALIKES = (
    '⟪postgresql_users:⟫\n  ⟪- name: shop⟫\n    ⟪password: "{{ vault_shop_db_password }}"⟫\n    ⟪encrypted: true⟫\n',
    "⟪profile::db::password: \"%{lookup('secrets::db_password')}\"⟫\n⟪profile::db::port: 5432⟫\n",
    "⟪root_password: {{ salt['pillar.get']('mysql:root_pw') }}⟫\n",
    "⟪userlist stats_users⟫\n    ⟪user admin insecure-password ${STATS_PASSWORD}⟫\n",
    "⟪[Service]⟫\n⟪Environment=SHOP_DB_PASSWORD_FILE=/run/secrets/shop_db_password⟫\n"
    "⟪EnvironmentFile=-/etc/default/shop⟫\n",
    '⟪<user username="deployer" password="${tomcat.deployer.password}" roles="manager-script"/>⟫\n',
    '⟪<add key="ClearTextPassword" value="%NUGET_PASSWORD%" />⟫\n',
    "⟪[acme]⟫\n⟪repository = https://pypi.acme-corp.io/simple/⟫\n⟪username = __token__⟫\n⟪password = ${PYPI_TOKEN}⟫\n",
    "⟪[global]⟫\n⟪index-url = https://pypi.acme-corp.io/simple/⟫\n⟪trusted-host = pypi.acme-corp.io⟫\n",
    '⟪[registry]⟫\n⟪global-credential-providers = ["cargo:token", "cargo:libsecret"]⟫\n',
    '⟪npmAuthToken: "${NPM_AUTH_TOKEN}"⟫\n⟪npmAlwaysAuth: true⟫\n',
    "⟪signing.keyId=24875D73⟫\n⟪signing.secretKeyRingFile=/etc/ci/secring.gpg⟫\n",
    '⟪resource "aws_db_instance" "main" {⟫\n  ⟪password = random_password.db.result⟫\n'
    "  ⟪manage_master_user_password = true⟫\n⟪}⟫\n",
    '⟪"attributes": {⟫\n  ⟪"arn": "arn:aws:secretsmanager:eu-west-1:@ACCT@:secret:shop/db",⟫\n'
    '  ⟪"version_id": "@UUID@",⟫\n  ⟪"secret_string": null⟫\n⟪}⟫\n',
    "⟪$ terraform output db_password⟫\n⟪db_password = <sensitive>⟫\n",
    "⟪$ pulumi config⟫\n⟪KEY           VALUE⟫\n⟪aws:region    eu-west-1⟫\n⟪dbPassword    [secret]⟫\n",
    "⟪config:⟫\n  ⟪shop:stripeSecret:⟫\n    ⟪secure: v1:@B44@⟫\n",
    '⟪{ "ParameterKey": "MasterUserPassword", "ParameterValue": '
    '"{{resolve:secretsmanager:shop/db:SecretString:password}}" }⟫\n',
    "⟪    PAYMENT_SECRET: ${ssm:/shop/prod/payment-secret}⟫\n",
    "⟪api_key: ${DD_API_KEY}⟫\n⟪site: datadoghq.eu⟫\n⟪logs_enabled: true⟫\n",
    "⟪  license_key: '<%= ENV[\"NEW_RELIC_LICENSE_KEY\"] %>'⟫\n",
    '⟪Sentry.init({ dsn: process.env.SENTRY_DSN, release: "shop-4.12.0", tracesSampleRate: 0.2 });⟫\n',
    '⟪"routing_key": "$PAGERDUTY_ROUTING_KEY",⟫\n⟪"dedup_key": "deploy-shop-@SHA@",⟫\n',
    "⟪OTEL_EXPORTER_OTLP_HEADERS=x-honeycomb-dataset=shop-api⟫\n⟪OTEL_SERVICE_NAME=shop-api⟫\n",
    '⟪sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="${KAFKA_USER}" '
    'password="${KAFKA_PASSWORD}";⟫\n',
    "⟪$ mosquitto_pub -h mqtt.acme-corp.io -p 8883 --cafile ca.crt --cert client.crt --key client.key "
    "-t plant/line1/temp -m 21.5⟫\n",
    '⟪127.0.0.1:6379> ACL LIST⟫\n⟪1) "user default on nopass ~* &* +@all"⟫\n'
    '⟪2) "user reporting on #@H64@ ~reports:* resetchannels +get"⟫\n',
    "⟪$ clickhouse-client --host ch.acme-corp.io --user analyst --ask-password⟫\n⟪Password for user (analyst):⟫\n",
    "⟪$ snowsql -a acme-xy12345 -u etl_user --authenticator externalbrowser⟫\n",
    '⟪{⟫\n  ⟪"expiresOn": "2026-05-14 10:32:11.000000",⟫\n  ⟪"subscription": "@UUID@",⟫\n'
    '  ⟪"tenant": "@UUID@",⟫\n  ⟪"tokenType": "Bearer"⟫\n⟪}⟫\n',
    '⟪$ aws sts get-caller-identity⟫\n⟪{⟫\n    ⟪"UserId": "@AROA@:ci",⟫\n    ⟪"Account": "@ACCT@",⟫\n'
    '    ⟪"Arn": "arn:aws:sts::@ACCT@:assumed-role/deploy/ci"⟫\n⟪}⟫\n',
    "⟪$ fly secrets list⟫\n⟪NAME            DIGEST                                      CREATED AT⟫\n"
    "⟪DATABASE_URL    @SHA@    2h ago⟫\n",
    "⟪$ az storage account keys list -g shop -n shopassets --query '[].keyName' -o tsv⟫\n⟪key1⟫\n⟪key2⟫\n",
    "⟪$ vercel env ls⟫\n⟪ name               value               environments        created⟫\n"
    "⟪ STRIPE_SECRET      Encrypted           Production          12d ago⟫\n",
    "⟪send: b'GET /v2/orders HTTP/1.1\\r\\nHost: api.acme-corp.io\\r\\nAccept: */*\\r\\n"
    "X-Request-Id: @UUID@\\r\\n\\r\\n'⟫\n"
    "⟪reply: 'HTTP/1.1 200 OK\\r\\n'⟫\n⟪header: ETag: \"@H64@\"⟫\n",
    "      ⟪Authorization: '[Redacted]',⟫\n      ⟪'User-Agent': 'axios/1.7.2'⟫\n",
    "⟪I/okhttp.OkHttpClient: --> GET https://api.acme-corp.io/v1/profile⟫\n"
    "⟪I/okhttp.OkHttpClient: Authorization: ██⟫\n",
    '⟪DEBUG:urllib3.connectionpool:https://api.acme-corp.io:443 "GET /v1/export?format=csv&page_token=2&limit=500 '
    'HTTP/1.1" 200 5121⟫\n',
    "⟪Content-Digest: sha-256=:@B44@:⟫\n⟪Idempotency-Key: @UUID@⟫\n",
    "⟪++ export CI_JOB_TOKEN=[MASKED]⟫\n⟪++ export CI_REGISTRY_PASSWORD=[MASKED]⟫\n",
    '⟪$ echo "$CI_JOB_TOKEN" | docker login -u gitlab-ci-token --password-stdin registry.acme-corp.io⟫\n'
    "⟪Login Succeeded⟫\n",
    "⟪##vso[task.setvariable variable=registryPassword;issecret=true]***⟫\n",
    "⟪BUILDKITE_COMMIT=@SHA@⟫\n⟪BUILDKITE_BUILD_ID=@UUID@⟫\n⟪BUILDKITE_AGENT_META_DATA_QUEUE=default⟫\n",
    '⟪"project_info": {⟫\n  ⟪"project_number": "@ACCT@",⟫\n  ⟪"project_id": "acme-shop",⟫\n'
    '  ⟪"storage_bucket": "acme-shop.appspot.com"⟫\n⟪},⟫\n',
    '⟪<meta-data android:name="com.google.android.geo.API_KEY" android:value="${MAPS_API_KEY}" />⟫\n',
    '⟪buildConfigField "String", "API_BASE_URL", "\\"https://api.acme-corp.io/\\""⟫\n',
    "⟪<key>CFBundleVersion</key>⟫\n⟪<string>4812</string>⟫\n⟪<key>CFBundleShortVersionString</key>⟫\n"
    "⟪<string>4.12.0</string>⟫\n",
    "⟪$ flutter run --dart-define-from-file=env/prod.json --flavor prod⟫\n",
    '⟪"spring.datasource.password": { "value": "******", "origin": "System Environment Property '
    '\\"SPRING_DATASOURCE_PASSWORD\\"" }⟫\n',
    "⟪EMAIL_HOST_PASSWORD\t'********************'⟫\n⟪EMAIL_PORT\t587⟫\n",
    '⟪    "secret" => null,⟫\n⟪    "endpoint" => "api.eu.mailgun.net",⟫\n',
    '⟪- conn_id: shop_db⟫\n  ⟪conn_type: postgres⟫\n  ⟪password: null⟫\n  ⟪extra: \'{"sslmode": "require"}\'⟫\n',
    "⟪Property 'app.jwt.signing-secret' resolved from environment variable APP_JWT_SIGNING_SECRET⟫\n",
    "⟪Build 2026.05.14 (4812) on Android 14, API level 34⟫\n",
    "⟪order_id,placed_at,total⟫\n⟪100482,2026-05-14 10:32:11,129.90⟫\n",
    "⟪Contact phone: (not provided)⟫\n⟪Support line: see https://acme-corp.io/contact⟫\n",
    "⟪phone: +44 **** *** 123⟫\n⟪mobile: +1 XXX-XXX-XXXX⟫\n",
    "⟪ISBN 978-3-16-148410-0⟫\n⟪DOI 10.1000/182⟫\n",
    "⟪real\t0m12.345s⟫\n⟪user\t1m02.118s⟫\n⟪sys\t0m01.004s⟫\n",
    "⟪net.ipv4.ip_local_port_range = 32768 60999⟫\n",
    "⟪ssn: XXX-XX-6789⟫\n⟪ssn_masked: ***-**-****⟫\n",
    "⟪Placeholder SSN for tests: 000-00-0000⟫\n",
    "⟪Part number 123-45-A789, lot 2026-05-14⟫\n",
    "⟪default via 192.0.2.1 dev eth0 proto dhcp metric 100⟫\n",
    "⟪added lodash@4.17.21 and @types/node@20.11.30⟫\n",
    "⟪$ git remote -v⟫\n⟪origin\tgit@github.com:acme/shop.git (fetch)⟫\n",
    "⟪$ ssh deploy@203.0.113.7 'systemctl status shop'⟫\n",
    "⟪FROM node:20-alpine@sha256:@H64@⟫\n",
    '⟪@app.route("/users/<int:user_id>")⟫\n⟪@login_required⟫\n',
    "⟪May 14 10:32:12 mx1 postfix/qmgr[1123]: 4BQ7K23XYZ: removed⟫\n",
    "⟪To: undisclosed-recipients:;⟫\n⟪Subject: Re: invoice 2026-0412⟫\n",
)


def build(per_class: int = 40, seed: int = SEED) -> list[Labelled]:
    """Every class's documents (at least one per template, ``per_class`` at least) and the look-alikes, each
    look-alike under three wrappers."""
    return build_part(CLASSES, LOOKALIKES, per_class=per_class, seed=seed, wrappings=3)


def measure(per_class: int = 40) -> Figures:
    """This part scored as tuning_more scores its own."""
    return score(build(per_class))
