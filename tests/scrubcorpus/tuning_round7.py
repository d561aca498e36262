"""The seventh round's tuning part: secrets as agents meet them while debugging, and payment data in records.

Language runtimes printing their environment (Node's ``process.env``, Python's ``os.environ``, Ruby's ``ENV``,
PHP's ``phpinfo()``, Java's ``System.getenv()``, Go's ``os.Environ()``, .NET, Elixir, Perl, R, PowerShell),
container and orchestrator inspection (``docker compose config``, ``kubectl describe pod``, ``kubectl get
secret`` decoded, ``helm get values``, Nomad jobs, ECS task definitions, Cloud Run and App Runner specs),
ORMs' and drivers' database settings (Sequelize, TypeORM, Knex, Mongoose, GORM, Diesel, Ecto, Hibernate,
Exposed, Slick, R2DBC, Django, Rails, Doctrine), queue and streaming clients (Sidekiq and BullMQ on Redis,
Pulsar, ActiveMQ, Azure Service Bus, NATS, Kombu, amqplib), OAuth flows in logs (token responses, refresh
tokens, Google client secrets, Keycloak), frameworks' signing keys (Django, Flask, Express sessions, Rails'
master key, Laravel, Phoenix, Symfony, NextAuth, ASP.NET machine keys), webhooks and integrations (Slack,
Discord, Teams, Mattermost and Google Chat hooks, Stripe and GitHub webhook secrets, Twilio's Basic auth),
shell history (``history``, zsh and fish histories, PowerShell's history file, heredocs, ``set -x`` traces,
``expect`` scripts), notebooks (cell sources and outputs in .ipynb JSON, IPython prompts, ``%env``, ``!pip``
with a credentialed index, DataFrame prints), version-control artifacts (``gh auth status -t``, ``git
credential fill``, ``git log -p``, hub and glab configs), proxy credentials (apt, Maven, curlrc, JVM flags,
Docker daemon, cntlm, npm) and mail clients' settings (msmtp, mutt, fetchmail, offlineimap, git send-email,
swaks, PHPMailer). Personal data: payment card numbers and IBANs in logs, fixtures, exports and messages.

Policy for the payment data: a number is labelled when it passes its check (Luhn for cards with a real
issuer's prefix, ISO 7064 mod 97 for IBANs) and nothing says it is masked; the processors' published test
numbers (such as 4242 4242 4242 4242), masked numbers, last-four digits, BICs and order or tracking numbers
that fail the check must survive. Beside the secrets, in the same syntaxes, look-alikes: names without
values, references to variables and secret stores, placeholders, masked values, digests, UUIDs, public keys
and versions. Written from the formats' public descriptions and what these tools print, not from the rules.
Rules may be adjusted against it: it is a tuning part.

Templates use `tuning_more`'s markers (``@S@`` for the labelled secret, ``⟪...⟫`` for spans that must survive)
and `tuning_round4`'s fillers and wrappers. Text outside both markers (an account id, a person's name, a
public webhook id, a scheme prefix such as ``base64:``) is neither: a reviewer would not insist on it either way.
"""

from __future__ import annotations

import base64
import random

from tests.scrubcorpus import fakes
from tests.scrubcorpus.fakes import ALNUM, DIGITS, HEX, LOWER, UPPER, URLSAFE, chars, mixed
from tests.scrubcorpus.tuning_more import Class, Figures, Labelled, score
from tests.scrubcorpus.tuning_round4 import build_part
from tests.scrubcorpus.tuning_round5 import random_token
from tests.scrubcorpus.tuning_round6 import plain_password

SEED = 20261207

# Secrets ------------------------------------------------------------------------------------------


def env_value(rng: random.Random) -> str:
    """What an environment variable holding a credential holds: a generated token or a typed password."""
    return random_token(rng) if rng.random() < 0.6 else plain_password(rng)


def oauth_token(rng: random.Random) -> str:
    """Tokens an OAuth flow hands back: opaque, JWTs, Google's access and refresh shapes, client secrets."""
    shape = rng.randrange(6)
    if shape == 0:
        return fakes.jwt(rng)
    if shape == 1:
        return "ya" + "29." + mixed(rng, URLSAFE, rng.randrange(120, 200))
    if shape == 2:
        return "1//" + "0" + mixed(rng, URLSAFE, rng.randrange(80, 100))
    if shape == 3:
        return "GOC" + "SPX-" + mixed(rng, URLSAFE, 28)
    return mixed(rng, URLSAFE, rng.randrange(32, 80))


_DJANGO = LOWER + DIGITS + "!@%^&*(-_=+)"


def framework_key(rng: random.Random) -> str:
    """A framework's signing key as its generators make them: base64, hex, Django's 50 characters, URL-safe."""
    shape = rng.randrange(5)
    if shape == 0:
        return base64.b64encode(rng.randbytes(rng.choice([32, 48, 64]))).decode()
    if shape == 1:
        return chars(rng, HEX, rng.choice([32, 64, 128]))
    if shape == 2:
        prefix = "django-" + "insecure-" if rng.random() < 0.5 else ""
        return prefix + mixed(rng, _DJANGO, 50)
    return mixed(rng, URLSAFE, rng.randrange(43, 65))


def webhook_secret(rng: random.Random) -> str:
    """The secret part of a webhook: a hook URL's last segment or a signing secret."""
    shape = rng.randrange(5)
    if shape == 0:
        return mixed(rng, ALNUM, 24)
    if shape == 1:
        return fakes.discord_webhook_token(rng)
    if shape == 2:
        return chars(rng, HEX, 32)
    if shape == 3:
        return "wh" + "sec_" + mixed(rng, ALNUM, 32)
    return mixed(rng, URLSAFE, rng.randrange(26, 44))


def notebook_secret(rng: random.Random) -> str:
    """A key pasted into a notebook: an AI vendor's, a model hub's or a generated one (all URL-safe)."""
    shape = rng.randrange(4)
    if shape == 0:
        return fakes.openai_key(rng)
    if shape == 1:
        return fakes.huggingface_token(rng)
    if shape == 2:
        return fakes.anthropic_key(rng)
    return mixed(rng, URLSAFE, rng.randrange(24, 48))


def vcs_token(rng: random.Random) -> str:
    """A forge's token: GitHub's and GitLab's prefixed ones or an older 40-hex OAuth token."""
    shape = rng.randrange(4)
    if shape < 2:
        return fakes.github_token(rng)
    if shape == 2:
        return fakes.gitlab_token(rng)
    return chars(rng, HEX, 40)


def _luhn_complete(body: str) -> str:
    total = 0
    for index, char in enumerate(reversed(body)):
        value = int(char) * (1 if index % 2 else 2)
        total += value - 9 if value > 9 else value
    return body + str((10 - total % 10) % 10)


_TEST_CARDS = {
    "4242424242424242",
    "4111111111111111",
    "5555555555554444",
    "378282246310005",
    "6011111111111117",
}


def card_number(rng: random.Random) -> str:
    """A Luhn-valid card number with a real issuer's prefix, grouped as receipts, forms and logs group them."""
    while True:
        prefix, length = rng.choice(
            [
                ("4", 16),
                ("51", 16),
                ("53", 16),
                ("2221", 16),
                ("34", 15),
                ("37", 15),
                ("6011", 16),
                ("35", 16),
            ]
        )
        digits = _luhn_complete(prefix + chars(rng, DIGITS, length - len(prefix) - 1))
        if digits not in _TEST_CARDS:
            break
    if length == 15:
        return rng.choice(
            [
                digits,
                f"{digits[:4]} {digits[4:10]} {digits[10:]}",
                f"{digits[:4]}-{digits[4:10]}-{digits[10:]}",
            ]
        )
    sep = rng.choice(["", " ", "-", " "])
    return sep.join(digits[i : i + 4] for i in range(0, 16, 4))


_IBAN_SHAPES = {
    "DE": lambda rng: chars(rng, DIGITS, 18),
    "GB": lambda rng: chars(rng, UPPER, 4) + chars(rng, DIGITS, 14),
    "FR": lambda rng: chars(rng, DIGITS, 10) + chars(rng, UPPER + DIGITS, 11) + chars(rng, DIGITS, 2),
    "NL": lambda rng: chars(rng, UPPER, 4) + chars(rng, DIGITS, 10),
    "ES": lambda rng: chars(rng, DIGITS, 20),
    "IT": lambda rng: chars(rng, UPPER, 1) + chars(rng, DIGITS, 10) + chars(rng, UPPER + DIGITS, 12),
    "BE": lambda rng: chars(rng, DIGITS, 12),
    "CH": lambda rng: chars(rng, DIGITS, 17),
}


def iban(rng: random.Random) -> str:
    """An IBAN whose check digits hold (ISO 13616), written compact or in groups of four."""
    country = rng.choice(sorted(_IBAN_SHAPES))
    bban = _IBAN_SHAPES[country](rng)
    numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
    value = f"{country}{98 - int(numeric) % 97:02d}{bban}"
    if rng.random() < 0.5:
        return " ".join(value[i : i + 4] for i in range(0, len(value), 4))
    return value


# Documents ----------------------------------------------------------------------------------------

RUNTIME_ENV = (
    "⟪> console.log(process.env)⟫\n⟪{⟫\n  ⟪NODE_ENV: 'development',⟫\n  ⟪PORT: '3000',⟫\n"
    "  ⟪STRIPE_SECRET_KEY: '⟫@S@⟪',⟫\n  ⟪npm_package_version: '2.4.1',⟫\n⟪}⟫\n",
    ">>> ⟪import os; os.environ⟫\n⟪environ({'LANG': 'C.UTF-8', 'PYTHONPATH': '/srv/app', "
    "'OPENAI_API_KEY': '⟫@S@⟪', 'TERM': 'xterm-256color'})⟫\n",
    "⟪irb(main):001> ENV.to_h.slice('RAILS_ENV', 'SMTP_PASSWORD')⟫\n"
    '⟪=> {"RAILS_ENV"=>"production", "SMTP_PASSWORD"=>"⟫@S@⟪"}⟫\n',
    "⟪Environment⟫\n\n⟪Variable => Value⟫\n⟪APP_ENV => production⟫\n⟪DB_PASSWORD => ⟫@S@\n⟪HOSTNAME => web-01⟫\n",
    '⟪<tr><td class="e">MAILER_PASSWORD </td><td class="v">⟫@S@⟪ </td></tr>⟫\n'
    '⟪<tr><td class="e">MAILER_PORT </td><td class="v">587 </td></tr>⟫\n',
    "⟪jshell> System.getenv()⟫\n⟪$1 ==> {JAVA_HOME=/opt/java/openjdk, LANG=C.UTF-8, KEYCLOAK_ADMIN_PASSWORD=⟫@S@"
    "⟪, PATH=/usr/local/bin:/usr/bin}⟫\n",
    "⟪fmt.Println(os.Environ())⟫\n⟪[HOSTNAME=api-0 GIN_MODE=release JWT_SECRET=⟫@S@⟪ PORT=8080]⟫\n",
    '⟪PS> foreach ($e in [Environment]::GetEnvironmentVariables().GetEnumerator()) { "$($e.Key)=$($e.Value)" }⟫\n'
    "⟪ASPNETCORE_ENVIRONMENT=Production⟫\n⟪ConnectionStrings__Redis__Password=⟫@S@\n"
    "⟪DOTNET_RUNNING_IN_CONTAINER=true⟫\n",
    '⟪iex(1)> System.get_env() |> Map.take(["MIX_ENV", "SECRET_KEY_BASE"])⟫\n'
    '⟪%{"MIX_ENV" => "prod", "SECRET_KEY_BASE" => "⟫@S@⟪"}⟫\n',
    "⟪$ perl -MData::Dumper -e 'print Dumper(\\%ENV)'⟫\n⟪$VAR1 = {⟫\n          ⟪'SHELL' => '/bin/bash',⟫\n"
    "          ⟪'PAYPAL_CLIENT_SECRET' => '⟫@S@⟪',⟫\n          ⟪'LANG' => 'C.UTF-8'⟫\n        ⟪};⟫\n",
    '⟪> Sys.getenv(c("R_HOME", "MAPBOX_TOKEN"))⟫\n⟪                 R_HOME             MAPBOX_TOKEN⟫\n'
    '⟪"/usr/lib/R"⟫ "@S@"\n',
    "⟪PS C:\\srv\\api> Get-ChildItem Env: | Format-Table -AutoSize⟫\n⟪Name                 Value⟫\n"
    "⟪----                 -----⟫\n⟪COMPUTERNAME         BUILD-07⟫\n⟪SENDGRID_API_SECRET  ⟫@S@\n",
    "⟪node:internal/process/promises:391⟫\n⟪Error: missing STRIPE_WEBHOOK_URL⟫\n"
    "⟪    at Object.<anonymous> (/srv/app/server.js:12:9)⟫\n"
    "⟪  env: { NODE_ENV: 'production', SESSION_SECRET: '⟫@S@⟪' }⟫\n",
    "⟪(Pdb) pp dict(os.environ)⟫\n⟪{'AWS_REGION': 'eu-west-1',⟫\n ⟪'CELERY_RESULT_BACKEND': 'redis://cache:6379/1',⟫\n"
    " ⟪'DJANGO_SECRET_KEY': '⟫@S@⟪',⟫\n ⟪'HOME': '/root'}⟫\n",
)

CONTAINER = (
    "⟪$ docker compose config⟫\n⟪name: shop⟫\n⟪services:⟫\n  ⟪db:⟫\n    ⟪environment:⟫\n"
    "      ⟪MYSQL_DATABASE: shop⟫\n      ⟪MYSQL_ROOT_PASSWORD: ⟫@S@\n    ⟪image: mysql:8.4⟫\n",
    "⟪$ kubectl describe pod api-7d9f8c6b5-x2kqp -n shop⟫\n⟪Containers:⟫\n  ⟪api:⟫\n"
    "    ⟪Image:   ghcr.io/acme/api:1.14.2⟫\n"
    "    ⟪Environment:⟫\n      ⟪LOG_LEVEL:     info⟫\n      ⟪PAYMENT_KEY:   ⟫@S@\n"
    "      ⟪DB_PASSWORD:   <set to the key 'password' in secret 'db-credentials'>  Optional: false⟫\n",
    "⟪$ kubectl get secret api-keys -n shop -o jsonpath='{.data.token}' | base64 -d⟫\n@S@\n",
    "⟪$ kubectl get secret db -o go-template='{{range $k,$v := .data}}{{$k}}={{$v|base64decode}}{{\"\\n\"}}{{end}}'⟫\n"
    "⟪host=db.acme-corp.io⟫\n⟪password=⟫@S@\n⟪username=shop⟫\n",
    "⟪$ helm get values shop -n shop⟫\n⟪USER-SUPPLIED VALUES:⟫\n⟪postgresql:⟫\n  ⟪auth:⟫\n    ⟪database: shop⟫\n"
    "    ⟪password: ⟫@S@\n⟪replicaCount: 3⟫\n",
    '⟪job "shop" {⟫\n  ⟪group "api" {⟫\n    ⟪task "server" {⟫\n      ⟪driver = "docker"⟫\n      ⟪env {⟫\n'
    '        ⟪ORDERS_API_TOKEN = "⟫@S@⟪"⟫\n      ⟪}⟫\n',
    '⟪"containerDefinitions": [⟫\n  ⟪{⟫\n    ⟪"name": "api",⟫\n    ⟪"environment": [⟫\n'
    '      ⟪{ "name": "NODE_ENV", "value": "production" },⟫\n      ⟪{ "name": "JWT_SECRET", "value": "⟫@S@⟪" }⟫\n'
    "    ⟪],⟫\n",
    "⟪$ gcloud run services describe api --region europe-west1 --format yaml⟫\n⟪        env:⟫\n"
    "⟪        - name: MAPS_SECRET⟫\n          ⟪value: ⟫@S@\n⟪        - name: PORT_NAME⟫\n          ⟪value: http1⟫\n",
    "⟪$ docker exec -it shop-db-1 env⟫\n⟪PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin⟫\n"
    "⟪HOSTNAME=4f1c2a9e7b3d⟫\n⟪POSTGRES_PASSWORD=⟫@S@\n⟪PG_MAJOR=16⟫\n",
    "⟪$ kubectl set env deployment/api --list⟫\n⟪# Deployment api, container api⟫\n⟪LOG_LEVEL=info⟫\n"
    "⟪ALGOLIA_ADMIN_KEY=⟫@S@\n⟪# DB_PASSWORD from secret db-credentials, key password⟫\n",
    '⟪$ podman inspect shop-worker --format \'{{json .Config.Env}}\'⟫\n⟪["container=podman","QUEUE=default",'
    '"WORKER_TOKEN=⟫@S@⟪","HOME=/root"]⟫\n',
    "⟪$ aws apprunner describe-service --service-arn arn:aws:apprunner:eu-west-1:@ACCT@:service/api/@SHA@⟫\n"
    '⟪        "RuntimeEnvironmentVariables": {⟫\n⟪            "STAGE": "prod",⟫\n'
    '⟪            "SIGNING_SECRET": "⟫@S@⟪"⟫\n⟪        }⟫\n',
    "⟪$ docker service inspect shop_api --pretty⟫\n⟪ContainerSpec:⟫\n ⟪Image:\t\tregistry.acme-corp.io/api:2.3.0⟫\n"
    " ⟪Env:\t\tNODE_ENV=production MAILGUN_SECRET=⟫@S@\n",
    "⟪$ kubectl get cm api-config -o yaml⟫\n⟪apiVersion: v1⟫\n⟪data:⟫\n  ⟪LOG_LEVEL: info⟫\n  ⟪SEARCH_API_KEY: ⟫@S@\n"
    "⟪kind: ConfigMap⟫\n",
)

ORM = (
    "⟪const sequelize = new Sequelize('shop', 'shop_app', '⟫@S@⟪', {⟫\n  ⟪host: 'db.acme-corp.io',⟫\n"
    "  ⟪dialect: 'postgres',⟫\n⟪});⟫\n",
    '⟪export const AppDataSource = new DataSource({⟫\n  ⟪type: "mysql",⟫\n  ⟪host: "db.acme-corp.io",⟫\n'
    '  ⟪username: "shop",⟫\n  ⟪password: "⟫@S@⟪",⟫\n  ⟪database: "shop",⟫\n',
    "⟪module.exports = {⟫\n  ⟪production: {⟫\n    ⟪client: 'pg',⟫\n"
    "    ⟪connection: { host: 'db.acme-corp.io', user: 'shop', password: '⟫@S@⟪', database: 'shop' },⟫\n",
    '⟪dsn := "shop:⟫@S@⟪@tcp(db.acme-corp.io:3306)/shop?charset=utf8mb4&parseTime=True&loc=Local"⟫\n'
    "⟪db, err := gorm.Open(mysql.Open(dsn), &gorm.Config{})⟫\n",
    "⟪$ diesel migration run --database-url postgres://shop:⟫@S@⟪@db.acme-corp.io/shop⟫\n"
    "⟪Running migration 2026-05-14-000000_create_orders⟫\n",
    '⟪config :shop, Shop.Repo,⟫\n  ⟪username: "shop",⟫\n  ⟪password: "⟫@S@⟪",⟫\n  ⟪hostname: "db.acme-corp.io",⟫\n'
    "  ⟪pool_size: 10⟫\n",
    "⟪hibernate.connection.url=jdbc:postgresql://db.acme-corp.io:5432/shop⟫\n⟪hibernate.connection.username=shop⟫\n"
    "⟪hibernate.connection.password=⟫@S@\n⟪hibernate.dialect=org.hibernate.dialect.PostgreSQLDialect⟫\n",
    '⟪Database.connect("jdbc:postgresql://db.acme-corp.io/shop", driver = "org.postgresql.Driver",⟫\n'
    '    ⟪user = "shop", password = "⟫@S@⟪")⟫\n',
    '⟪slick.dbs.default.db.url="jdbc:postgresql://db.acme-corp.io/shop"⟫\n⟪slick.dbs.default.db.user="shop"⟫\n'
    '⟪slick.dbs.default.db.password="⟫@S@⟪"⟫\n',
    "⟪spring.r2dbc.url=r2dbc:postgresql://shop:⟫@S@⟪@db.acme-corp.io:5432/shop⟫\n⟪spring.r2dbc.pool.max-size=20⟫\n",
    "⟪DATABASES = {⟫\n    ⟪'default': {⟫\n        ⟪'ENGINE': 'django.db.backends.postgresql',⟫\n"
    "        ⟪'NAME': 'shop',⟫\n        ⟪'USER': 'shop',⟫\n        ⟪'PASSWORD': '⟫@S@⟪',⟫\n",
    "⟪production:⟫\n  ⟪<<: *default⟫\n  ⟪database: shop_production⟫\n  ⟪username: shop⟫\n  ⟪password: ⟫@S@\n",
    "⟪doctrine:⟫\n    ⟪dbal:⟫\n        ⟪url: 'mysql://shop:⟫@S@⟪@db.acme-corp.io:3306/shop?serverVersion=8.0'⟫\n",
    "⟪mongoose.connect('mongodb+srv://shop:⟫@S@⟪@cluster0.acme-corp.io/shop?retryWrites=true&w=majority');⟫\n",
    '⟪engine = create_engine(URL.create("postgresql+psycopg", username="shop", password="⟫@S@⟪",⟫\n'
    '    ⟪host="db.acme-corp.io", database="shop"))⟫\n',
)

QUEUE = (
    "⟪Sidekiq.configure_server do |config|⟫\n  ⟪config.redis = { url: 'redis://:⟫@S@⟪@cache.acme-corp.io:6379/0' }⟫\n"
    "⟪end⟫\n",
    "⟪const queue = new Queue('emails', {⟫\n  ⟪connection: { host: 'cache.acme-corp.io', port: 6379, password: '⟫@S@"
    "⟪' },⟫\n⟪});⟫\n",
    "⟪brokerServiceUrl=pulsar+ssl://pulsar.acme-corp.io:6651⟫\n"
    "⟪authPlugin=org.apache.pulsar.client.impl.auth.AuthenticationToken⟫\n⟪authParams=token:⟫@S@\n",
    '⟪<bean id="jmsFactory" class="org.apache.activemq.ActiveMQConnectionFactory">⟫\n'
    '  ⟪<property name="brokerURL" value="ssl://mq.acme-corp.io:61617" />⟫\n'
    '  ⟪<property name="userName" value="shop" />⟫\n'
    '  ⟪<property name="password" value="⟫@S@⟪" />⟫\n⟪</bean>⟫\n',
    "⟪ServiceBusConnection=Endpoint=sb://acme-shop.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=⟫"
    "@S@\n",
    "⟪$ nats context save prod --server nats://nats.acme-corp.io:4222 --user orders --password ⟫@S@\n"
    '⟪NATS Configuration Context "prod"⟫\n',
    "⟪app.conf.broker_url = 'sqs://⟫@AKID@:@S@⟪@'⟫\n⟪app.conf.broker_transport_options = {'region': 'eu-west-1'}⟫\n",
    "⟪const conn = await amqp.connect('amqps://shop:⟫@S@⟪@rabbit.acme-corp.io:5671/shop');⟫\n",
    "⟪[2026-05-14 10:32:11,412: ERROR/MainProcess] consumer: Cannot connect to "
    "amqp://shop:⟫@S@⟪@rabbit.acme-corp.io:5672//: [Errno 111] Connection refused.⟫\n",
    "⟪:redis:⟫\n  ⟪:url: redis://cache.acme-corp.io:6379/2⟫\n  ⟪:password: ⟫@S@\n⟪:concurrency: 10⟫\n",
    "⟪$ rq worker --url redis://default:⟫@S@⟪@cache.acme-corp.io:6379/0 high default low⟫\n",
    "⟪bootstrap.servers=kafka.acme-corp.io:9093⟫\n⟪security.protocol=SASL_SSL⟫\n⟪sasl.mechanisms=PLAIN⟫\n"
    "⟪sasl.username=orders-producer⟫\n⟪sasl.password=⟫@S@\n",
    '⟪nc, err := nats.Connect("tls://nats.acme-corp.io:4222", nats.UserInfo("orders", "⟫@S@⟪"))⟫\n',
    "⟪Resque.redis = Redis.new(host: 'cache.acme-corp.io', port: 6379, password: '⟫@S@⟪')⟫\n",
)

OAUTH = (
    '⟪DEBUG oauthlib: Token response: {"access_token": "⟫@S@⟪", "token_type": "Bearer", "expires_in": 3599, '
    '"scope": "openid email"}⟫\n',
    '⟪{⟫\n  ⟪"token_type": "Bearer",⟫\n  ⟪"expires_in": 3600,⟫\n  ⟪"refresh_token": "⟫@S@⟪",⟫\n'
    '  ⟪"scope": "offline_access read:orders"⟫\n⟪}⟫\n',
    "⟪>>> token = oauth.fetch_token(TOKEN_URL, client_secret=CLIENT_SECRET, code=code)⟫\n⟪>>> token⟫\n"
    "⟪{'access_token': '⟫@S@⟪', 'expires_in': 3599, 'token_type': 'Bearer', 'expires_at': 1715684331.4}⟫\n",
    '⟪{"installed":{"client_id":"@ACCT@-abc123.apps.googleusercontent.com","project_id":"acme-shop",'
    '"auth_uri":"https://accounts.google.com/o/oauth2/auth","client_secret":"⟫@S@⟪",'
    '"redirect_uris":["http://localhost"]}}⟫\n',
    "⟪$ kcadm.sh config credentials --server https://sso.acme-corp.io --realm master --client admin-cli "
    "--secret ⟫@S@\n",
    "⟪$ curl -s -X POST https://sso.acme-corp.io/realms/shop/protocol/openid-connect/token "
    "-d grant_type=client_credentials -d client_id=reports -d client_secret=⟫@S@\n",
    "⟪[auth] refreshed credentials for acme-bot: refresh_token=⟫@S@⟪ expires_at=@TS@⟫\n",
    '⟪# ~/.config/acme/credentials.json⟫\n⟪{⟫\n  ⟪"type": "authorized_user",⟫\n  ⟪"client_id": "reports",⟫\n'
    '  ⟪"refresh_token": "⟫@S@⟪"⟫\n⟪}⟫\n',
    "⟪2026-05-14 10:32:11 INFO  o.s.s.oauth2.client: Retrieved token for registration 'github' "
    "(tokenValue=⟫@S@⟪, scopes=[read:user])⟫\n",
    "⟪Please visit https://auth.acme-corp.io/activate and enter code WDJB-MJHT⟫\n⟪Authenticated.⟫\n"
    "⟪access token: ⟫@S@\n",
    "⟪const { tokens } = await oauth2Client.getToken(code);⟫\n⟪console.log(tokens);⟫\n"
    "⟪{ access_token: '⟫@S@⟪', scope: 'https://www.googleapis.com/auth/drive.readonly', token_type: 'Bearer' }⟫\n",
    "⟪< HTTP/2 302⟫\n"
    "⟪< location: https://app.acme-corp.io/callback#access_token=⟫@S@⟪&token_type=bearer&expires_in=3600⟫\n",
)

FRAMEWORK = (
    "⟪# settings/production.py⟫\n⟪DEBUG = False⟫\n⟪SECRET_KEY = '⟫@S@⟪'⟫\n⟪ALLOWED_HOSTS = ['shop.acme-corp.io']⟫\n",
    "⟪app = Flask(__name__)⟫\n⟪app.secret_key = b'⟫@S@⟪'⟫\n⟪app.config['SESSION_COOKIE_SECURE'] = True⟫\n",
    "⟪app.use(session({⟫\n  ⟪secret: '⟫@S@⟪',⟫\n  ⟪resave: false,⟫\n  ⟪saveUninitialized: false,⟫\n⟪}));⟫\n",
    "⟪$ cat config/master.key⟫\n@S@\n⟪$ EDITOR=vim bin/rails credentials:edit⟫\n",
    "⟪APP_NAME=Shop⟫\n⟪APP_ENV=production⟫\n⟪APP_KEY=⟫base64:@S@\n⟪APP_URL=https://shop.acme-corp.io⟫\n",
    '⟪config :joken,⟫\n  ⟪default_signer: "⟫@S@⟪"⟫\n⟪config :shop, Shop.Token, issuer: "shop.acme-corp.io"⟫\n',
    "⟪###> symfony/framework-bundle ###⟫\n⟪APP_ENV=prod⟫\n⟪APP_SECRET=⟫@S@\n⟪###< symfony/framework-bundle ###⟫\n",
    "⟪NEXTAUTH_URL=https://shop.acme-corp.io⟫\n⟪NEXTAUTH_SECRET=⟫@S@\n",
    '⟪<machineKey validationKey="⟫@S@⟪" decryptionKey="AutoGenerate,IsolateApps" validation="HMACSHA256" />⟫\n',
    "⟪Devise.setup do |config|⟫\n  ⟪config.secret_key = '⟫@S@⟪'⟫\n  ⟪config.mailer_sender =⟫ 'no-reply@acme-corp.io'\n",
    "⟪jwt:⟫\n  ⟪issuer: https://shop.acme-corp.io⟫\n  ⟪signing-secret: ⟫@S@\n  ⟪expiration: 3600⟫\n",
    "⟪$ mix phx.gen.secret⟫\n@S@\n",
    "⟪APP_KEYS=⟫@S@⟪,toBeModified2⟫\n⟪API_TOKEN_SALT=tobemodified⟫\n",
    '⟪const app = express();⟫\n⟪app.use(cookieParser("⟫@S@⟪"));⟫\n',
)

WEBHOOK = (
    "⟪SLACK_WEBHOOK_URL=https://hooks.slack.com/services/⟫T04ACMECO/B07DEPLOYS/@S@\n",
    '⟪$ curl -X POST -H "Content-Type: application/json" -d \'{"content": "deploy finished"}\' '
    "https://discord.com/api/webhooks/⟫1238476523984756234/@S@\n",
    "⟪teams_webhook: https://acmecorp.webhook.office.com/webhookb2/⟫@UUID@@@UUID@⟪/IncomingWebhook/⟫@S@⟪/⟫@UUID@\n",
    "⟪STRIPE_WEBHOOK_SECRET=⟫@S@\n⟪STRIPE_PUBLISHABLE_MODE=live⟫\n",
    '⟪event = stripe.Webhook.construct_event(payload, sig_header, "⟫@S@⟪")⟫\n',
    "⟪# GitHub App settings⟫\n⟪app_id: 412873⟫\n⟪webhook_secret: ⟫@S@\n⟪private_key_path: /etc/acme/app.pem⟫\n",
    "⟪$ curl -X POST https://api.twilio.com/2010-04-01/Accounts/$TWILIO_ACCOUNT_SID/Messages.json "
    '--data-urlencode "Body=deploy ok" -u "$TWILIO_ACCOUNT_SID:⟫@S@⟪"⟫\n',
    '⟪$ curl -i -X POST -d \'payload={"text": "backup done"}\' https://chat.acme-corp.io/hooks/⟫@S@\n',
    "⟪GOOGLE_CHAT_WEBHOOK=https://chat.googleapis.com/v1/spaces/AAAAq1b2c3d/messages?key=⟫@S@"
    "⟪&token=⟫tok@SHA@\n",
    "⟪  - name: Notify⟫\n    ⟪uses: slackapi/slack-github-action@v1.26.0⟫\n    ⟪env:⟫\n"
    "      ⟪SLACK_WEBHOOK_URL: https://hooks.slack.com/services/⟫T04ACMECO/B07DEPLOYS/@S@\n",
    "⟪> POST /webhooks/gitlab HTTP/1.1⟫\n⟪> X-Gitlab-Event: Push Hook⟫\n⟪> X-Gitlab-Token: ⟫@S@\n",
    "⟪shopify.webhooks.secret=⟫@S@\n⟪shopify.webhooks.topics=orders/create,orders/paid⟫\n",
    '⟪[alerting.notifier]⟫\n⟪type = "webhook"⟫\n⟪url = "https://hooks.acme-corp.io/alerts"⟫\n⟪hmac_secret = "⟫@S@⟪"⟫\n',
)

CARD = (
    '⟪POST /v1/payments⟫\n⟪{"amount": 12990, "currency": "eur", "card": {"number": "⟫@S@⟪", "exp_month": 7, '
    '"exp_year": 2028}}⟫\n',
    "⟪2026-05-14 10:32:11 WARN  payments.gateway: declined card=⟫@S@⟪ reason=insufficient_funds order=100482⟫\n",
    "⟪order_id,customer,card_number,expiry⟫\n⟪100482,⟫Ines Haddad⟪,⟫@S@⟪,07/28⟫\n",
    "⟪INSERT INTO payment_methods (customer_id, pan, expiry) VALUES (4812, '⟫@S@⟪', '2028-07');⟫\n",
    "⟪>>> order.billing⟫\n⟪{'name': 'J. Okafor', 'card': '⟫@S@⟪', 'cvc_check': 'pass', 'country': 'DE'}⟫\n",
    "⟪Card number:⟫ @S@\n⟪Expiry: 07/28⟫\n⟪Amount: EUR 129.90⟫\n",
    "⟪ISO8583 MTI=0200⟫\n⟪  DE002 (PAN) : ⟫@S@\n⟪  DE003 (Processing code) : 000000⟫\n"
    "⟪  DE004 (Amount) : 000000012990⟫\n",
    "⟪ id  | customer | card_number         | brand⟫\n⟪-----+----------+---------------------+------⟫\n"
    "⟪ 212 | 4812     | ⟫@S@⟪ | visa⟫\n",
    "⟪<PaymentCard>⟫\n  ⟪<Number>⟫@S@⟪</Number>⟫\n  ⟪<ExpiryDate>2028-07</ExpiryDate>⟫\n⟪</PaymentCard>⟫\n",
    '⟪Traceback (most recent call last):⟫\n⟪  File "/srv/shop/billing.py", line 88, in charge⟫\n'
    "⟪billing.CardError: card ⟫@S@⟪ rejected by issuer (code 05)⟫\n",
    '⟪- customer_id: 4812⟫\n  ⟪payment:⟫\n    ⟪card_number: "⟫@S@⟪"⟫\n    ⟪holder: ⟫J Okafor\n',
    "⟪Hi team, the customer read their card to me over the phone:⟫ @S@⟪, can someone retry the charge?⟫\n",
)

IBAN = (
    "⟪<CdtrAcct>⟫\n  ⟪<Id>⟫\n    ⟪<IBAN>⟫@S@⟪</IBAN>⟫\n  ⟪</Id>⟫\n⟪</CdtrAcct>⟫\n",
    "⟪payee,iban,bic,amount⟫\nInes Haddad⟪,⟫@S@⟪,COBADEFFXXX,1200.00⟫\n",
    '⟪{"payout": {"id": 88123, "iban": "⟫@S@⟪", "currency": "EUR", "status": "failed"}}⟫\n',
    "⟪2026-05-14 10:32:11 ERROR sepa.export: invalid creditor account ⟫@S@⟪ in batch 2026-05-14-01⟫\n",
    "⟪Bankverbindung⟫\n⟪IBAN:⟫ @S@\n⟪BIC: COBADEFFXXX⟫\n",
    '⟪$ curl https://api.acme-corp.io/v1/mandates -d type=sepa_debit -d "sepa_debit[iban]=⟫@S@⟪"⟫\n',
    "⟪UPDATE suppliers SET iban = '⟫@S@⟪' WHERE id = 42;⟫\n",
    "⟪:20:STMT2026051401⟫\n⟪:25:⟫@S@\n⟪:28C:00041/001⟫\n⟪:60F:C260513EUR12345,67⟫\n",
    "⟪supplier:⟫\n  ⟪name: Acme Paper GmbH⟫\n  ⟪iban: ⟫@S@\n  ⟪payment_terms: 30⟫\n",
    "⟪Please transfer the deposit to⟫ @S@ ⟪(reference INV-2026-0412) by Friday.⟫\n",
    "⟪>>> df[['supplier', 'iban']].head(2)⟫\n⟪  supplier  iban⟫\n⟪0  paper    ⟫@S@\n",
)

HISTORY = (
    "⟪$ history | tail -4⟫\n⟪  501  cd /srv/shop⟫\n⟪  502  export STRIPE_SECRET=⟫@S@\n⟪  503  npm run sync⟫\n"
    "⟪  504  history | tail -4⟫\n",
    "⟪$ tail -3 ~/.zsh_history⟫\n⟪: 1715677211:0;kubectl get pods -n shop⟫\n"
    "⟪: 1715677230:0;mysql -u root -p⟫@S@⟪ shop⟫\n⟪: 1715677290:0;exit⟫\n",
    "⟪$ cat ~/.local/share/fish/fish_history⟫\n⟪- cmd: cd ~/src/shop⟫\n  ⟪when: 1715677211⟫\n"
    "⟪- cmd: set -gx SENTRY_AUTH_SECRET ⟫@S@\n  ⟪when: 1715677230⟫\n",
    "⟪PS> Get-Content (Get-PSReadLineOption).HistorySavePath -Tail 2⟫\n"
    '⟪$env:AZURE_CLIENT_SECRET = "⟫@S@⟪"⟫\n'
    "⟪az login --service-principal -u $env:AZURE_CLIENT_ID --tenant acme.onmicrosoft.com⟫\n",
    "⟪cat > .env <<EOF⟫\n⟪DATABASE_HOST=db.acme-corp.io⟫\n⟪DATABASE_PASSWORD=⟫@S@\n⟪EOF⟫\n",
    "⟪+ read -r -s -p 'Vault token: ' VAULT_TOKEN⟫\n⟪+ export VAULT_TOKEN=⟫@S@\n⟪+ vault kv get secret/shop⟫\n",
    '⟪#!/usr/bin/expect -f⟫\n⟪spawn ssh deploy@203.0.113.7⟫\n⟪expect "password:"⟫\n⟪send "⟫@S@⟪\\r"⟫\n⟪interact⟫\n',
    "⟪+ PGPASSWORD=⟫@S@⟪ psql -h db.acme-corp.io -U shop -c 'select 1'⟫\n",
    "⟪  612  echo ⟫@S@⟪ | docker login registry.acme-corp.io -u ci --password-stdin⟫\n",
    "⟪tee /etc/shop/secrets.conf > /dev/null <<'CONF'⟫\n⟪[api]⟫\n⟪token = ⟫@S@\n⟪CONF⟫\n",
    "⟪$ fc -l -3⟫\n⟪ 730  ssh-add ~/.ssh/id_ed25519⟫\n⟪ 731  ./deploy.sh --api-token ⟫@S@⟪ --env prod⟫\n",
    "⟪C:\\> doskey /history⟫\n⟪cd \\srv\\shop⟫\n⟪set DB_PASS=⟫@S@\n⟪dotnet run⟫\n",
)

NOTEBOOK = (
    '   ⟪"cell_type": "code",⟫\n   ⟪"execution_count": 3,⟫\n   ⟪"source": [⟫\n'
    '    ⟪"import os\\n",⟫\n    ⟪"os.environ[\\"OPENAI_API_KEY\\"] = \\"⟫@S@⟪\\"\\n"⟫\n   ⟪]⟫\n',
    '⟪In [4]: client = Anthropic(api_key="⟫@S@⟪")⟫\n⟪In [5]: client.models.list()⟫\n',
    "⟪%env HF_TOKEN=⟫@S@\n⟪from huggingface_hub import login⟫\n",
    "⟪!pip install --index-url https://__token__:⟫@S@⟪@pypi.acme-corp.io/simple/ acme-ml==0.9.2⟫\n"
    "⟪Looking in indexes: https://__token__:****@pypi.acme-corp.io/simple/⟫\n",
    "⟪In [7]: df.head(3)⟫\n⟪Out[7]:⟫\n⟪      user    api_token               created⟫\n"
    "⟪0    alice    ⟫@S@⟪     2026-05-14⟫\n",
    '     ⟪"output_type": "stream",⟫\n     ⟪"name": "stdout",⟫\n     ⟪"text": [⟫\n'
    "      ⟪\"loaded config: {'endpoint': 'https://api.acme-corp.io', 'key': '⟫@S@⟪'}\\n\"⟫\n     ⟪]⟫\n",
    "⟪In [2]: settings.api_key⟫\n⟪Out[2]: '⟫@S@⟪'⟫\n",
    "⟪%%bash⟫\n⟪export WANDB_API_KEY=⟫@S@\n⟪wandb login --relogin⟫\n",
    '⟪> Sys.setenv(OPENAI_API_KEY = "⟫@S@⟪")⟫\n⟪> library(ellmer)⟫\n',
    '⟪   "outputs": [⟫\n    ⟪{⟫\n     ⟪"data": {⟫\n      ⟪"text/plain": [⟫\n       ⟪"\'⟫@S@⟪\'"⟫\n      ⟪]⟫\n',
    '⟪hf_hub_download(repo_id="acme/shop-embeddings", filename="model.safetensors", token="⟫@S@⟪")⟫\n',
    "⟪[3]: print(creds)⟫\n⟪Credentials(project='acme-ml', api_key='⟫@S@⟪')⟫\n",
)

VCS = (
    "⟪$ gh auth status -t⟫\n⟪github.com⟫\n  ⟪✓ Logged in to github.com account acme-bot (keyring)⟫\n"
    "  ⟪- Active account: true⟫\n  ⟪- Git operations protocol: https⟫\n  ⟪- Token: ⟫@S@\n"
    "  ⟪- Token scopes: 'gist', 'read:org', 'repo'⟫\n",
    "⟪$ printf 'protocol=https\\nhost=github.com\\n\\n' | git credential fill⟫\n⟪protocol=https⟫\n"
    "⟪host=github.com⟫\n⟪username=acme-bot⟫\n⟪password=⟫@S@\n",
    "⟪commit @SHA@⟫\nAuthor: CI Bot <ci@acme-corp.io>\n⟪Date:   Thu May 14 10:32:11 2026 +0200⟫\n\n"
    "⟪    wire up the release job⟫\n\n⟪diff --git a/.github/workflows/release.yml b/.github/workflows/release.yml⟫\n"
    "⟪@@ -12,3 +12,4 @@ jobs:⟫\n⟪       - run: make release⟫\n⟪+        env:⟫\n⟪+          RELEASE_TOKEN: ⟫@S@\n",
    "⟪$ cat ~/.config/hub⟫\n⟪github.com:⟫\n⟪- user: acme-bot⟫\n  ⟪oauth_token: ⟫@S@\n  ⟪protocol: https⟫\n",
    "⟪$ glab auth status --show-token⟫\n⟪gitlab.acme-corp.io⟫\n"
    "  ⟪✓ Logged in to gitlab.acme-corp.io as ci-bot (/root/.config/glab-cli/config.yml)⟫\n"
    "  ⟪✓ Token: ⟫@S@\n",
    "⟪hosts:⟫\n    ⟪gitlab.acme-corp.io:⟫\n        ⟪api_protocol: https⟫\n        ⟪token: ⟫@S@\n"
    "        ⟪user: ci-bot⟫\n",
    "⟪$ git stash show -p stash@{0}⟫\n⟪--- a/config/deploy.yml⟫\n⟪+++ b/config/deploy.yml⟫\n⟪@@ -3 +3 @@⟫\n"
    "⟪-  token: <%= ENV['DEPLOY_TOKEN'] %>⟫\n⟪+  token: ⟫@S@\n",
    "⟪$ cat ~/.config/gh/hosts.yml⟫\n⟪github.com:⟫\n    ⟪git_protocol: https⟫\n    ⟪oauth_token: ⟫@S@\n"
    "    ⟪user: acme-bot⟫\n",
    "⟪remote: Permission to acme/shop.git denied to acme-bot.⟫\n"
    "⟪fatal: unable to access 'https://github.com/acme/shop.git/': The requested URL returned error: 403⟫\n"
    "⟪trace: run_command: GIT_ASKPASS=echo git-credential-store get⟫\n⟪password=⟫@S@\n",
    "⟪$ git log -S TOKEN --oneline -p -- .env.ci⟫\n⟪@SHA@ add ci env⟫\n⟪+GITLAB_TOKEN=⟫@S@\n",
    '⟪[credential "https://git.acme-corp.io"]⟫\n\t⟪username = ci-bot⟫\n'
    '\t⟪helper = "!f() { echo password=⟫@S@⟪; }; f"⟫\n',
    "⟪$ tea login add --name acme --url https://gitea.acme-corp.io --token ⟫@S@\n",
)

PROXY = (
    '⟪Acquire::http::Proxy "http://build:⟫@S@⟪@proxy.acme-corp.io:3128/";⟫\n',
    "⟪<proxy>⟫\n  ⟪<id>corp</id>⟫\n  ⟪<active>true</active>⟫\n  ⟪<protocol>http</protocol>⟫\n"
    "  ⟪<host>proxy.acme-corp.io</host>⟫\n  ⟪<username>build</username>⟫\n  ⟪<password>⟫@S@⟪</password>⟫\n",
    "⟪# ~/.curlrc⟫\n⟪proxy = http://proxy.acme-corp.io:3128⟫\n⟪proxy-user = build:⟫@S@\n",
    "⟪$ java -Dhttps.proxyHost=proxy.acme-corp.io -Dhttps.proxyPort=3128 -Dhttps.proxyUser=build "
    "-Dhttps.proxyPassword=⟫@S@⟪ -jar tool.jar⟫\n",
    '⟪{⟫\n  ⟪"proxies": {⟫\n    ⟪"http-proxy": "http://build:⟫@S@⟪@proxy.acme-corp.io:3128",⟫\n'
    '    ⟪"no-proxy": "*.acme-corp.io,127.0.0.0/8"⟫\n  ⟪}⟫\n⟪}⟫\n',
    "⟪Username    build⟫\n⟪Domain      ACME⟫\n⟪Password    ⟫@S@\n⟪Proxy       proxy.acme-corp.io:3128⟫\n",
    "⟪$ npm config get https-proxy⟫\n⟪http://build:⟫@S@⟪@proxy.acme-corp.io:3128/⟫\n",
    "⟪systemProp.https.proxyHost=proxy.acme-corp.io⟫\n⟪systemProp.https.proxyUser=build⟫\n"
    "⟪systemProp.https.proxyPassword=⟫@S@\n",
    '⟪[Service]⟫\n⟪Environment="HTTPS_PROXY=http://build:⟫@S@⟪@proxy.acme-corp.io:3128" "NO_PROXY=localhost"⟫\n',
    "⟪$ pip install --proxy http://build:⟫@S@⟪@proxy.acme-corp.io:3128 requests⟫\n",
    "⟪cache_peer parent.acme-corp.io parent 3128 0 no-query login=build:⟫@S@\n",
    "⟪$ git config --global http.proxy http://build:⟫@S@⟪@proxy.acme-corp.io:3128⟫\n",
)

MAIL = (
    "⟪account        alerts⟫\n⟪host           smtp.acme-corp.io⟫\n⟪port           587⟫\n⟪user           alerts⟫\n"
    "⟪password       ⟫@S@\n⟪from⟫           alerts@acme-corp.io\n",
    '⟪set smtp_url = "smtps://alerts@smtp.acme-corp.io:465/"⟫\n⟪set smtp_pass = "⟫@S@⟪"⟫\n',
    '⟪poll imap.acme-corp.io protocol IMAP⟫\n  ⟪user "alerts" there with password "⟫@S@⟪" is alerts here⟫\n',
    "⟪[Repository remote]⟫\n⟪type = IMAP⟫\n⟪remotehost = imap.acme-corp.io⟫\n⟪remoteuser = alerts⟫\n"
    "⟪remotepass = ⟫@S@\n",
    "⟪[sendemail]⟫\n\t⟪smtpServer = smtp.acme-corp.io⟫\n\t⟪smtpUser = patches⟫\n\t⟪smtpPass = ⟫@S@\n",
    "⟪$ swaks --to⟫ ops@acme-corp.io ⟪--server smtp.acme-corp.io:587 --auth LOGIN --auth-user alerts "
    "--auth-password ⟫@S@⟪ --tls⟫\n",
    "⟪$mail->isSMTP();⟫\n⟪$mail->Host = 'smtp.acme-corp.io';⟫\n⟪$mail->Username = 'alerts';⟫\n"
    "⟪$mail->Password = '⟫@S@⟪';⟫\n",
    "⟪EMAIL_BACKEND = 'django.core.mail.backends.smtp.EmailBackend'⟫\n⟪EMAIL_HOST_USER = 'alerts'⟫\n"
    "⟪EMAIL_HOST_PASSWORD = '⟫@S@⟪'⟫\n",
    "⟪config.action_mailer.smtp_settings = {⟫\n  ⟪address: 'smtp.acme-corp.io',⟫\n  ⟪user_name: 'alerts',⟫\n"
    "  ⟪password: '⟫@S@⟪',⟫\n  ⟪authentication: :plain⟫\n⟪}⟫\n",
    "⟪spring.mail.host=smtp.acme-corp.io⟫\n⟪spring.mail.username=alerts⟫\n⟪spring.mail.password=⟫@S@\n",
    "⟪$ echo 'backup done' | s-nail -S mta=smtps://alerts:⟫@S@⟪@smtp.acme-corp.io:465⟫ ops@acme-corp.io\n",
    '⟪[smtp]⟫\n⟪enabled = true⟫\n⟪host = smtp.acme-corp.io:587⟫\n⟪user = grafana⟫\n⟪password = """⟫@S@⟪"""⟫\n',
)

CLASSES = (
    Class("runtime_env_dump", env_value, RUNTIME_ENV),
    Class("container_inspect", env_value, CONTAINER),
    Class("orm_database_config", plain_password, ORM),
    Class("queue_client", plain_password, QUEUE),
    Class("oauth_flow_log", oauth_token, OAUTH),
    Class("framework_signing_key", framework_key, FRAMEWORK),
    Class("webhook_integration", webhook_secret, WEBHOOK),
    Class("card_number", card_number, CARD),
    Class("iban", iban, IBAN),
    Class("shell_history", plain_password, HISTORY),
    Class("notebook_output", notebook_secret, NOTEBOOK),
    Class("vcs_artifact", vcs_token, VCS),
    Class("proxy_credentials", plain_password, PROXY),
    Class("mail_client", plain_password, MAIL),
)

# Secret-free look-alikes in the same syntaxes ---------------------------------------------------

LOOKALIKES = (
    "⟪> console.log(process.env.NODE_ENV, Object.keys(process.env).length)⟫\n⟪production 42⟫\n",
    ">>> ⟪os.environ.get('OPENAI_API_KEY') is None⟫\n⟪True⟫\n",
    "⟪environ({'LANG': 'C.UTF-8', 'PYTHONHASHSEED': '0', 'VIRTUAL_ENV': '/srv/app/.venv'})⟫\n",
    "⟪$1 ==> {JAVA_HOME=/opt/java/openjdk, LANG=C.UTF-8, TZ=Europe/Berlin}⟫\n",
    "⟪Environment⟫\n⟪Variable => Value⟫\n⟪DB_PASSWORD_FILE => /run/secrets/db_password⟫\n⟪APP_ENV => production⟫\n",
    "⟪[HOSTNAME=api-0 GIN_MODE=release JWT_SECRET_FILE=/run/secrets/jwt PORT=8080]⟫\n",
    "      ⟪DB_PASSWORD:   <set to the key 'password' in secret 'db-credentials'>  Optional: false⟫\n"
    "      ⟪API_KEY:       <set to the key 'api-key' of config map 'api'>  Optional: true⟫\n",
    "⟪$ helm get values shop -n shop⟫\n⟪USER-SUPPLIED VALUES:⟫\n⟪postgresql:⟫\n  ⟪auth:⟫\n"
    "    ⟪existingSecret: shop-db-credentials⟫\n",
    '      ⟪template {⟫\n        ⟪data = <<EOH⟫\n⟪DB_PASSWORD="{{ with secret "kv/shop/db" }}{{ .Data.data.password }}'
    '{{ end }}"⟫\n⟪EOH⟫\n',
    '⟪"secrets": [⟫\n'
    '  ⟪{ "name": "JWT_SECRET", "valueFrom": "arn:aws:secretsmanager:eu-west-1:@ACCT@:secret:shop/jwt" }⟫\n⟪],⟫\n',
    '⟪"Image": "sha256:@H64@",⟫\n⟪"Id": "@H64@",⟫\n⟪"Hostname": "4f1c2a9e7b3d"⟫\n',
    "⟪const sequelize = new Sequelize(process.env.DATABASE_URL, { dialect: 'postgres', logging: false });⟫\n",
    '⟪  password: process.env.DB_PASSWORD,⟫\n⟪  database: "shop",⟫\n',
    "⟪hibernate.connection.password=${DB_PASSWORD}⟫\n⟪hibernate.hbm2ddl.auto=validate⟫\n",
    '⟪config :shop, Shop.Repo, password: System.fetch_env!("DB_PASSWORD"), pool_size: 10⟫\n',
    "⟪  password: <%= ENV['SHOP_DATABASE_PASSWORD'] %>⟫\n",
    "⟪spring.r2dbc.url=r2dbc:postgresql://db.acme-corp.io:5432/shop⟫\n⟪spring.r2dbc.username=shop⟫\n",
    "⟪authParams=file:///etc/pulsar/token.jwt⟫\n",
    "⟪Endpoint=sb://acme-shop.servicebus.windows.net/;Authentication=ManagedIdentity⟫\n",
    "⟪[2026-05-14 10:32:11,412: INFO/MainProcess] Connected to amqp://shop:**@rabbit.acme-corp.io:5672/shop⟫\n",
    "⟪redis://cache.acme-corp.io:6379/0⟫\n⟪sidekiq 7.2.4 shop [0 of 10 busy]⟫\n",
    '⟪{"token_type": "Bearer", "expires_in": 3599, "scope": "openid email", "id_token_hint": null}⟫\n',
    "⟪Please visit https://auth.acme-corp.io/activate and enter code WDJB-MJHT⟫\n⟪Waiting for authorization...⟫\n",
    "⟪client_id: @ACCT@-abc123.apps.googleusercontent.com⟫\n⟪client_secret: ${GOOGLE_CLIENT_SECRET}⟫\n",
    "⟪https://auth.acme-corp.io/authorize?response_type=code&client_id=reports&code_challenge=@B44@"
    "&code_challenge_method=S256⟫\n",
    "⟪SECRET_KEY = os.environ['DJANGO_SECRET_KEY']⟫\n⟪DEBUG = False⟫\n",
    '⟪app.secret_key = os.environ.get("FLASK_SECRET_KEY")⟫\n',
    "⟪secret_key_base: <%= Rails.application.credentials.secret_key_base %>⟫\n",
    '⟪config :shop, ShopWeb.Endpoint, secret_key_base: System.get_env("SECRET_KEY_BASE")⟫\n',
    "⟪APP_KEY=⟫\n⟪APP_DEBUG=false⟫\n",
    "⟪$ cat config/credentials.yml.enc⟫\n⟪@B44@--@B44@--@B44@⟫\n",
    '⟪<machineKey validationKey="AutoGenerate,IsolateApps" decryptionKey="AutoGenerate,IsolateApps" />⟫\n',
    "⟪SLACK_WEBHOOK_URL=${{ secrets.SLACK_WEBHOOK_URL }}⟫\n",
    "⟪Stripe-Signature: t=1715677211,v1=@H64@⟫\n⟪X-Hub-Signature-256: sha256=@H64@⟫\n",
    '⟪event = stripe.Webhook.construct_event(payload, sig_header, os.environ["STRIPE_WEBHOOK_SECRET"])⟫\n',
    "⟪X-GitHub-Delivery: @UUID@⟫\n⟪X-GitHub-Event: push⟫\n⟪X-GitHub-Hook-ID: 412873221⟫\n",
    "⟪Card: •••• •••• •••• 4242 (Visa), exp 07/28⟫\n⟪card_last4=1881 brand=mastercard⟫\n",
    '⟪# Stripe\'s documented test cards⟫\n⟪TEST_CARD = "4242 4242 4242 4242"⟫\n⟪DECLINED = "4000000000000002"⟫\n',
    "⟪masked_pan: 411111******1111⟫\n⟪card_fingerprint: @H64@⟫\n",
    "⟪Tracking number: 1Z999AA10123456784⟫\n⟪Order: 1234 5678 9012 3456 (ref)⟫\n",
    "⟪created_at_ms: 1715677211412⟫\n⟪sequence: 9007199254740991⟫\n",
    "⟪IBAN: DE** **** **** **** **30 00⟫\n⟪BIC: COBADEFFXXX⟫\n",
    "⟪iban_last4: 3000⟫\n⟪account_holder_type: company⟫\n⟪country: DE⟫\n",
    '⟪  501  cd /srv/shop⟫\n⟪  502  export STRIPE_SECRET="$(op read op://Shop/Stripe/secret)"⟫\n'
    "⟪  503  npm run sync⟫\n",
    "⟪: 1715677230:0;mysql -u root -p shop⟫\n⟪: 1715677290:0;git push origin main⟫\n",
    "⟪+ read -r -s -p 'Vault token: ' VAULT_TOKEN⟫\n⟪+ vault kv get secret/shop⟫\n",
    '⟪send "$env(DEPLOY_PASSWORD)\\r"⟫\n⟪expect eof⟫\n',
    "⟪cat > .env <<EOF⟫\n⟪DATABASE_PASSWORD=${DATABASE_PASSWORD}⟫\n⟪EOF⟫\n",
    '    ⟪"import os\\n",⟫\n    ⟪"os.environ[\\"OPENAI_API_KEY\\"] = getpass.getpass()\\n"⟫\n',
    "⟪In [4]: client = Anthropic()  # reads ANTHROPIC_API_KEY⟫\n",
    "⟪Looking in indexes: https://__token__:****@pypi.acme-corp.io/simple/⟫\n⟪Successfully installed acme-ml-0.9.2⟫\n",
    '⟪      "image/png": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60'
    'e6kgAAAABJRU5ErkJggg=="⟫\n',
    "⟪from google.colab import userdata⟫\n⟪key = userdata.get('OPENAI_API_KEY')⟫\n",
    "⟪  - Token: gho_************************************⟫\n  ⟪- Token scopes: 'gist', 'read:org', 'repo'⟫\n",
    "⟪$ git config -l⟫\n⟪user.name=CI Bot⟫\n⟪user.signingkey=24875D73⟫\n⟪credential.helper=osxkeychain⟫\n"
    "⟪core.autocrlf=input⟫\n",
    "⟪commit @SHA@⟫\n⟪Merge: @SHA@ @SHA@⟫\n⟪    Rotate the release token (now in the org secret RELEASE_TOKEN)⟫\n",
    "⟪index @SHA@..@SHA@ 100644⟫\n⟪-RELEASE_TOKEN: ${{ secrets.RELEASE_TOKEN }}⟫\n",
    '⟪Acquire::http::Proxy "http://proxy.acme-corp.io:3128/";⟫\n',
    "⟪HTTPS_PROXY=http://proxy.acme-corp.io:3128⟫\n⟪NO_PROXY=localhost,127.0.0.1,.acme-corp.io⟫\n",
    "⟪$ netsh winhttp show proxy⟫\n⟪    Proxy Server(s) :  proxy.acme-corp.io:3128⟫\n",
    "⟪# PassNTLMv2 comes from `cntlm -H` and stays out of the repository⟫\n",
    '⟪passwordeval   "pass show mail/alerts"⟫\n',
    "⟪set smtp_pass = `pass show mail/alerts`⟫\n",
    "⟪EMAIL_HOST_PASSWORD = env('EMAIL_HOST_PASSWORD')⟫\n",
    "⟪spring.mail.password=${MAIL_PASSWORD}⟫\n⟪spring.mail.properties.mail.smtp.starttls.enable=true⟫\n",
    "⟪ssh-ed25519 @PUB@ deploy@build-07⟫\n",
    "⟪node v20.11.1, npm 10.2.4, pnpm 9.1.0⟫\n",
)


def build(per_class: int = 40, seed: int = SEED) -> list[Labelled]:
    """Every class's documents (at least one per template, ``per_class`` at least) and the look-alikes, each
    look-alike under three wrappers."""
    return build_part(CLASSES, LOOKALIKES, per_class=per_class, seed=seed, wrappings=3)


def measure(per_class: int = 40) -> Figures:
    """This part scored as tuning_more scores its own."""
    return score(build(per_class))
