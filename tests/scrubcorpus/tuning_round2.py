"""A fourth tuning corpus: secrets beside key names in many config formats and languages, connection strings,
Authorization headers, SSNs and private material in odd contexts, each with the spans around it marked.

Written from the formats' public descriptions (dotenv, YAML with Helm values and GitHub Actions ``env:``, JSON,
TOML, INI, XML, HCL, Java .properties, nginx and Apache directives, docker-compose, systemd ``Environment=``;
assignments, map literals, keyword and constructor arguments and struct literals in Python, JS/TS, Go, Java,
Ruby, PHP, Rust, C# and shell; RFC 3986 URLs of database clients, JDBC, ODBC and ADO.NET connection strings;
RFC 9110 Authorization schemes; SSA's SSN layout; RFC 7519 JWTs, RFC 7468 PEM and OpenSSH keys), not from the
rules. Rules may be adjusted against it: it is a tuning part, like `tuning_more`.

Templates use `tuning_more`'s markers: ``@S@`` for the labelled secret and ``⟪...⟫`` around each span that
must come out unchanged (the key name, the quotes, the user, host, port and database, what follows). Some
documents arrive inside a JSON transcript line, escaped.
"""

from __future__ import annotations

import base64
import random

from tests.scrubcorpus import fakes
from tests.scrubcorpus.contexts import Instance
from tests.scrubcorpus.fakes import ALNUM, HEX, URLSAFE, chars, mixed
from tests.scrubcorpus.tuning_more import TRANSCRIPT_SHARE, Class, Figures, Labelled, _escape, _fill, score

SEED = 20261213

# Secrets ------------------------------------------------------------------------------------------


def config_secret(rng: random.Random) -> str:
    """What sits beside ``password``/``secret``/``token`` keys: human passwords and generated secrets."""
    shape = rng.randrange(6)
    if shape == 0:
        return fakes.password(rng).replace("$", "#").replace("@", "%")
    if shape == 5:  # dots, as password managers and people put them: read as attribute chains by code rules
        return mixed(rng, ALNUM, rng.randrange(6, 12)) + "." + mixed(rng, ALNUM + "-_", rng.randrange(4, 12))
    if shape == 1:
        return chars(rng, HEX, rng.choice([32, 40, 64]))
    if shape == 2:
        return base64.b64encode(rng.randbytes(rng.choice([24, 32]))).decode()
    if shape == 3:
        return mixed(rng, ALNUM, rng.randrange(16, 40))
    return mixed(rng, ALNUM + "-_", rng.randrange(20, 44))


def url_password(rng: random.Random) -> str:
    """A password as it sits in a URL's userinfo: unreserved characters, some percent-encoded."""
    body = mixed(rng, ALNUM + "-_.~", rng.randrange(10, 28))
    if rng.random() < 0.3:
        body = body[:4] + rng.choice(["%40", "%23", "%2F", "%3A"]) + body[4:]
    return body


def pair_password(rng: random.Random) -> str:
    """A password in a ``key=value;`` pair: no separators of the pair syntax."""
    return mixed(rng, ALNUM + "!#%*-_.", rng.randrange(10, 28))


def auth_credential(rng: random.Random) -> str:
    shape = rng.randrange(4)
    if shape == 0:
        return base64.b64encode(f"{fakes.user_name(rng)}:{fakes.password(rng)}".encode()).decode()
    if shape == 1:
        return mixed(rng, URLSAFE, rng.randrange(24, 60))
    if shape == 2:
        return chars(rng, HEX, 40)
    return base64.b64encode(rng.randbytes(rng.choice([24, 36]))).decode()


def ssn(rng: random.Random) -> str:
    area = rng.choice([a for a in range(1, 900) if a != 666])
    group, serial = rng.randrange(1, 100), rng.randrange(1, 10000)
    return f"{area:03d}-{group:02d}-{serial:04d}"


def jwt(rng: random.Random) -> str:
    return fakes.jwt(rng)


def pem_escaped(rng: random.Random) -> str:
    """A private key whose line breaks are written ``\\n``, as env vars and JSON key files carry them."""
    return fakes.private_key(rng).replace("\n", "\\n")


def pem(rng: random.Random) -> str:
    return fakes.private_key(rng)


# Documents ----------------------------------------------------------------------------------------

CONFIG = (
    # dotenv and shells
    "⟪DATABASE_PASSWORD=⟫@S@\n⟪DATABASE_HOST=db.internal⟫\n",
    '⟪export API_SECRET=⟫"@S@"\n⟪export API_URL=https://api.acme-corp.io⟫\n',
    "⟪STRIPE_WEBHOOK_SECRET='⟫@S@⟪'⟫\n⟪LOG_LEVEL=debug⟫\n",
    "⟪$ ⟫SESSION_SECRET=@S@ ⟪npm run start⟫\n",
    # YAML, Helm values, GitHub Actions, docker-compose
    "⟪database:⟫\n  ⟪host: db.internal⟫\n  ⟪password:⟫ @S@\n  ⟪port: 5432⟫\n",
    '⟪auth:⟫\n  ⟪adminPassword:⟫ "@S@"\n  ⟪existingSecret: ""⟫\n',
    "⟪env:⟫\n  ⟪NODE_ENV: production⟫\n  ⟪API_TOKEN:⟫ '@S@'\n  ⟪REGION: eu-west-1⟫\n",
    "⟪services:⟫\n  ⟪db:⟫\n    ⟪environment:⟫\n      ⟪- POSTGRES_PASSWORD=⟫@S@\n      ⟪- POSTGRES_DB=shop⟫\n",
    "⟪redis:⟫\n  ⟪auth:⟫\n    ⟪enabled: true⟫\n    ⟪password:⟫ @S@\n",
    # JSON
    '{⟪"client_id": "web-app"⟫, ⟪"client_secret": "⟫@S@⟪"⟫, ⟪"redirect_uri": "https://app.acme-corp.io/cb"⟫}\n',
    '{\n  ⟪"apiKey": "⟫@S@⟪",⟫\n  ⟪"timeout": 30⟫\n}\n',
    # TOML, INI
    '⟪[database]⟫\n⟪user = "app"⟫\n⟪password = "⟫@S@⟪"⟫\n⟪port = 5432⟫\n',
    "⟪[smtp]⟫\n⟪host = mail.acme-corp.io⟫\n⟪password = ⟫@S@\n⟪port = 587⟫\n",
    "⟪[default]⟫\n⟪secret_key: ⟫@S@\n",
    # XML
    '⟪<add key="ApiSecret" value="⟫@S@⟪" />⟫\n',
    "⟪<password>⟫@S@⟪</password>⟫\n⟪<username>deploy</username>⟫\n",
    "⟪<server>⟫\n  ⟪<id>nexus</id>⟫\n  ⟪<password>⟫@S@⟪</password>⟫\n⟪</server>⟫\n",
    # HCL
    '⟪resource "aws_db_instance" "main" {⟫\n  ⟪username = "admin"⟫\n  ⟪password = "⟫@S@⟪"⟫\n}\n',
    '⟪variable "token" {⟫\n  ⟪default = "⟫@S@⟪"⟫\n}\n',
    # .properties
    "⟪spring.datasource.password=⟫@S@\n⟪spring.datasource.username=app⟫\n",
    "⟪jwt.secret = ⟫@S@\n",
    # nginx / apache / systemd
    '⟪proxy_set_header X-Api-Key "⟫@S@⟪";⟫\n',
    "⟪SetEnv DB_PASSWORD ⟫@S@\n",
    '⟪[Service]⟫\n⟪Environment="API_TOKEN=⟫@S@⟪"⟫\n⟪ExecStart=/usr/bin/app⟫\n',
    "⟪Environment=DB_PASSWORD=⟫@S@\n",
    "⟪PASSWORD: ⟫@S@\n",
    "⟪spring.datasource.password: ⟫@S@\n",
    "⟪$ MYSQL_PWD=⟫@S@⟪ mysql -u app shop⟫\n",
    "⟪docker run -e DB_PASSWORD=⟫@S@⟪ postgres:16⟫\n",
    "⟪[client]⟫\n⟪user=app⟫\n⟪password=⟫@S@\n",
    "⟪ansible_become_pass: ⟫@S@\n",
    "⟪TF_VAR_db_password=⟫@S@\n",
    "⟪smtp_password = ⟫@S@\n",
    "⟪kubectl create secret generic db --from-literal=username=app --from-literal=password=⟫@S@\n",
    # code
    '⟪db = connect(host="db.internal", user="app", password="⟫@S@⟪", port=5432)⟫\n',
    '⟪client = Client(api_key="⟫@S@⟪", timeout=10)⟫\n',
    '⟪SECRET_KEY = "⟫@S@⟪"⟫\n⟪DEBUG = False⟫\n',
    '⟪settings = {"token": "⟫@S@⟪", "retries": 3}⟫\n',
    '⟪const config = { apiKey: "⟫@S@⟪", region: "eu-west-1" };⟫\n',
    "⟪process.env.API_SECRET = '⟫@S@⟪';⟫\n",
    '⟪cfg := Config{User: "app", Password: "⟫@S@⟪", Port: 5432}⟫\n',
    '⟪const apiToken = "⟫@S@⟪"⟫\n',
    '⟪private static final String API_SECRET = "⟫@S@⟪";⟫\n',
    '⟪props.put("password", "⟫@S@⟪");⟫\n',
    '⟪config.api_key = "⟫@S@⟪"⟫\n',
    '⟪Client.new(token: "⟫@S@⟪", timeout: 5)⟫\n',
    "⟪$config['db_password'] = '⟫@S@⟪';⟫\n",
    "⟪define('AUTH_KEY', '⟫@S@⟪');⟫\n",
    '⟪let secret_key = "⟫@S@⟪";⟫\n',
    '⟪var client = new ApiClient(apiKey: "⟫@S@⟪");⟫\n',
    '⟪options.ClientSecret = "⟫@S@⟪";⟫\n',
)

CONNECTION = (
    "⟪postgres://app:⟫@S@⟪@db.internal:5432/shop⟫\n",
    "⟪DATABASE_URL=postgresql://app:⟫@S@⟪@db.internal:5432/shop?sslmode=require⟫\n",
    "⟪mysql://root:⟫@S@⟪@127.0.0.1:3306/app⟫\n",
    "⟪mongodb+srv://admin:⟫@S@⟪@cluster0.ab1cd.mongodb.net/test?retryWrites=true⟫\n",
    "⟪redis://:⟫@S@⟪@cache.internal:6379/0⟫\n",
    "⟪REDIS_URL=rediss://default:⟫@S@⟪@cache.internal:6380⟫\n",
    "⟪amqp://guest:⟫@S@⟪@rabbit.internal:5672/vhost⟫\n",
    '⟪url: "postgres://app:⟫@S@⟪@db.internal/shop"⟫\n',
    '⟪engine = create_engine("mysql+pymysql://app:⟫@S@⟪@db.internal/shop")⟫\n',
    '⟪psql "postgresql://app:⟫@S@⟪@db.internal:5432/shop"⟫\n',
)

PAIRS = (
    "⟪jdbc:postgresql://db.internal:5432/shop?user=app&password=⟫@S@\n",
    "⟪jdbc:mysql://db.internal:3306/shop?user=app&password=⟫@S@⟪&useSSL=true⟫\n",
    "⟪Server=tcp:sql.internal,1433;Database=shop;User ID=app;Password=⟫@S@⟪;Encrypt=True;⟫\n",
    "⟪Driver={ODBC Driver 18 for SQL Server};Server=sql.internal;UID=app;PWD=⟫@S@⟪;TrustServerCertificate=yes⟫\n",
    '⟪"DefaultConnection": "Host=db.internal;Port=5432;Username=app;Password=⟫@S@⟪;Database=shop"⟫\n',
    "⟪Data Source=sql.internal;Initial Catalog=shop;User Id=app;Password=⟫@S@⟪;⟫\n",
    "⟪host=db.internal port=5432 dbname=shop user=app password=⟫@S@⟪ sslmode=require⟫\n",
    '⟪db, err := sql.Open("mysql", "app:⟫@S@⟪@tcp(db.internal:3306)/shop?parseTime=true")⟫\n',
    "⟪Provider=SQLOLEDB;Data Source=sql.internal;User ID=sa;Password=⟫@S@⟪;⟫\n",
)

AUTH = (
    "⟪Authorization: Basic ⟫@S@\n⟪Accept: application/json⟫\n",
    "⟪Authorization: Bearer ⟫@S@\n",
    "⟪authorization: Token ⟫@S@\n",
    "⟪Authorization: token ⟫@S@\n",
    "⟪Proxy-Authorization: Basic ⟫@S@\n",
    '⟪curl -H "Authorization: Bearer ⟫@S@⟪" https://api.acme-corp.io/v1/me⟫\n',
    "⟪curl -H 'Authorization: Basic ⟫@S@⟪' https://ci.acme-corp.io/api⟫\n",
    '⟪headers = {"Authorization": "Bearer ⟫@S@⟪", "Accept": "application/json"}⟫\n',
    "⟪fetch(url, { headers: { Authorization: `Bearer ⟫@S@⟪` } })⟫\n",
    '⟪req.Header.Set("Authorization", "Bearer ⟫@S@⟪")⟫\n',
    "⟪Authorization: ApiKey ⟫@S@\n",
    "⟪Authorization: SSWS ⟫@S@\n",
    "⟪Authorization: Splunk ⟫@S@\n",
    "⟪Authorization: GenieKey ⟫@S@\n",
    "⟪Authorization: Key ⟫@S@\n",
    '⟪"authorization": "Bearer ⟫@S@⟪",⟫\n',
)

SSN = (
    "⟪Name: Jane Doe⟫\n⟪SSN: ⟫@S@\n⟪DOB: 1984-02-11⟫\n",
    "⟪id,name,ssn,state⟫\n⟪17,Jane Doe,⟫@S@⟪,CA⟫\n",
    '{⟪"name": "Jane Doe"⟫, ⟪"ssn": "⟫@S@⟪"⟫, ⟪"state": "CA"⟫}\n',
    "⟪2026-05-14T09:12:44Z INFO⟫ verify applicant ⟪ssn=⟫@S@ ⟪status=ok⟫\n",
    '⟪<input name="ssn" value="⟫@S@⟪">⟫\n',
    "⟪Social Security Number: ⟫@S@\n",
    "⟪social_security_number: ⟫@S@\n",
    "⟪INSERT INTO people (name, ssn) VALUES ('Jane Doe', '⟫@S@⟪');⟫\n",
)

JWTS = (
    '⟪{"access_token": "⟫@S@⟪", "token_type": "Bearer", "expires_in": 3600}⟫\n',
    "⟪id_token: ⟫@S@\n",
    "⟪export TOKEN=⟫@S@\n",
    '⟪const token = "⟫@S@⟪";⟫\n',
    "⟪log: decoded⟫ @S@ ⟪ok⟫\n",
)

PEMS = (
    "⟪key: |⟫\n@S@\n⟪cert: ok⟫\n",
    "⟪cat ~/.ssh/id_ed25519⟫\n@S@\n⟪$ ls⟫\n",
    "⟪tls:⟫\n  ⟪key: |⟫\n@S@\n  ⟪crt: ok⟫\n",
)

PEMS_ESCAPED = (
    '{⟪"type": "service_account"⟫, ⟪"private_key": "⟫@S@⟪\\n"⟫, ⟪"token_uri": "https://oauth2.googleapis.com/token"⟫}\n',
    '⟪PRIVATE_KEY="⟫@S@⟪"⟫\n⟪APP_ENV=prod⟫\n',
    '⟪GITHUB_APP_KEY: "⟫@S@⟪"⟫\n',
)

CLASSES = (
    Class("config_secret", config_secret, CONFIG),
    Class("connection_url", url_password, CONNECTION),
    Class("connection_pairs", pair_password, PAIRS),
    Class("authorization", auth_credential, AUTH),
    Class("ssn", ssn, SSN),
    Class("jwt", jwt, JWTS),
    Class("pem", pem, PEMS),
    Class("pem_escaped", pem_escaped, PEMS_ESCAPED),
)

KEEP_LINES = (
    '⟪dsn := fmt.Sprintf("%s:%s@tcp(%s)/%s", user, pass, host, db)⟫\n',
    "⟪kubectl create secret generic db --from-literal=username=app --from-file=./password.txt⟫\n",
    "⟪secret = settings.SECRET_KEY⟫\n",
    "⟪token = config.oauth2Token⟫\n",
    "⟪password: vault.db.password⟫\n",
    "⟪DB_PASSWORD=secrets.prod.db⟫\n",
    '⟪props.put("password", passwordField.getText());⟫\n',
    "⟪define('AUTH_KEY', getenv('AUTH_KEY'));⟫\n",
    "⟪proxy_set_header X-Api-Key $http_x_api_key;⟫\n",
    "⟪SetEnv APP_ENV production⟫\n",
    '⟪headers.set("Content-Type", "application/json");⟫\n',
    '⟪t("password", "Password")⟫\n',
    "⟪jdbc:mysql://db.internal/shop?user=app&password=&useSSL=true⟫\n",
    "⟪--password=$DB_PASSWORD;⟫\n",
    "⟪DATABASE_PASSWORD=${DB_PASSWORD}⟫\n",
    '⟪password: "{{ .Values.db.password }}"⟫\n',
    "⟪API_TOKEN: ${{ secrets.API_TOKEN }}⟫\n",
    '⟪password = os.environ["DB_PASSWORD"]⟫\n',
    "⟪const apiKey = process.env.API_KEY;⟫\n",
    '⟪token := os.Getenv("TOKEN")⟫\n',
    "⟪password_hash = bcrypt.hashpw(pw, bcrypt.gensalt())⟫\n",
    "⟪postgres://app@db.internal:5432/shop⟫\n",
    "⟪jdbc:postgresql://db.internal:5432/shop?user=app&ssl=true⟫\n",
    "⟪Server=sql.internal;Database=shop;Integrated Security=True;⟫\n",
    "⟪Authorization: Bearer <token>⟫\n",
    "⟪Authorization: Basic ${BASIC_AUTH}⟫\n",
    "⟪order 2026-05-14; build 4155-550-132⟫\n",
    "⟪-----BEGIN PUBLIC KEY-----⟫\n",
    "⟪password_reset_timeout = 3600⟫\n",
    "⟪token_type: Bearer⟫\n",
    "⟪Environment=NODE_ENV=production⟫\n",
    "⟪spring.datasource.url=jdbc:mysql://db.internal:3306/shop⟫\n",
)


def build(per_class: int = 40, seed: int = SEED) -> list[Labelled]:
    """Every class's documents (``per_class`` each, cycling through its templates) and the keep lines."""
    rng = random.Random(seed)
    out: list[Labelled] = []
    for item in CLASSES:
        for index in range(max(per_class, len(item.templates))):
            secret = item.make(rng)
            doc, keep = _fill(item.templates[index % len(item.templates)], secret, rng)
            if rng.random() < TRANSCRIPT_SHARE:
                doc, secret, keep = _escape(doc, secret, keep)
            start = doc.index(secret)
            out.append(Labelled(Instance(item.name, doc, start, start + len(secret)), keep, doc))
    for template in KEEP_LINES:
        doc, keep = _fill(template, "", rng)
        out.append(Labelled(None, keep, doc))
    return out


def measure(per_class: int = 40) -> Figures:
    """This part scored as tuning_more scores its own."""
    return score(build(per_class))
