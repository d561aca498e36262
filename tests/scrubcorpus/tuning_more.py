"""A third tuning corpus: the classes the scrubber was weakest on, in many contexts, with near misses marked.

Written from the formats' public descriptions (RFC 6265 cookies and the Netscape cookie-jar file, RFC 7617
Basic and RFC 7616 Digest authentication, AWS Signature Version 4 headers and query strings, OAuth 1.0
headers, Kubernetes Secret manifests and kubectl output, the AWS credentials file and CLI output, shell
clients' password options, URL query strings and URL-encoding), not from the rules. Rules may be adjusted
against it: it is a tuning part, like `second`'s.

A template holds ``@S@`` where the labelled secret goes (``@AKID@`` for an AWS access key id) and marks
with ``⟪...⟫`` each span that must come out exactly as it went in: the cookie attributes, sibling query
parameters, scheme names, YAML keys, placeholders and checksums a rule for the class could eat. Some
documents arrive inside a JSON transcript line, escaped, as agents' logs hold them.
"""

from __future__ import annotations

import base64
import json
import random
import re
from collections.abc import Callable, Iterable

import attrs

from client_actors.scrub import scrub_text
from tests.scrubcorpus import fakes
from tests.scrubcorpus.contexts import Instance
from tests.scrubcorpus.fakes import ALNUM, B64, DIGITS, HEX, LOWER, URLSAFE, chars, mixed
from tests.scrubcorpus.second import leaves_fragment

Maker = Callable[[random.Random], str]
KEEP_OPEN, KEEP_CLOSE = "⟪", "⟫"

# Formats ------------------------------------------------------------------------------------------


def session_cookie(rng: random.Random) -> str:
    """Session identifiers as common frameworks issue them."""
    shape = rng.randrange(7)
    if shape == 0:
        return chars(rng, LOWER + DIGITS, 26)  # PHP
    if shape == 1:
        return chars(rng, "0123456789ABCDEF", 32)  # Java servlet containers
    if shape == 2:
        return chars(rng, "abcdefghijklmnopqrstuvwxyz012345", 24)  # ASP.NET
    if shape == 3:
        return "s%3A" + mixed(rng, URLSAFE, 32) + "." + mixed(rng, ALNUM, 43)  # signed express-session
    if shape == 4:
        body = base64.b64encode(rng.randbytes(60)).decode().replace("=", "%3D")
        return body + "--" + chars(rng, HEX, 40)  # Rails cookie store
    if shape == 5:
        return mixed(rng, LOWER + DIGITS, 32)  # Django
    return mixed(rng, URLSAFE, rng.randrange(40, 90))


def k8s_value(rng: random.Random) -> str:
    """The base64 of what Secrets hold: short passwords and user names too."""
    shape = rng.randrange(5)
    if shape == 0:
        plain = fakes.password(rng)
    elif shape == 1:
        plain = fakes.api_secret(rng)
    elif shape == 2:
        plain = mixed(rng, ALNUM, rng.randrange(6, 12))
    elif shape == 3:
        plain = f"mysql://app:{mixed(rng, ALNUM, 14)}@mysql.db.svc:3306/shop"
    else:
        plain = json.dumps({"auths": {"registry.acme-corp.io": {"auth": mixed(rng, B64, 28)}}})
    return base64.b64encode(plain.encode()).decode()


def aws_secret(rng: random.Random) -> str:
    return mixed(rng, B64, 40)


def basic(rng: random.Random) -> str:
    user = rng.choice(["admin", "ci-bot", "deploy", "grafana", "elastic", "svc_reports"])
    return base64.b64encode(f"{user}:{fakes.password(rng)}".encode()).decode()


def scheme_token(rng: random.Random) -> str:
    shape = rng.randrange(3)
    if shape == 0:
        return chars(rng, HEX, 40)
    if shape == 1:
        return mixed(rng, ALNUM, rng.randrange(20, 40))
    return base64.b64encode(rng.randbytes(rng.choice([24, 33]))).decode()


def hex64(rng: random.Random) -> str:
    return chars(rng, HEX, 64)


def hex32(rng: random.Random) -> str:
    return chars(rng, HEX, 32)


def oauth_signature(rng: random.Random) -> str:
    return (
        base64.b64encode(rng.randbytes(20))
        .decode()
        .replace("+", "%2B")
        .replace("/", "%2F")
        .replace("=", "%3D")
    )


def encoded_email(rng: random.Random) -> str:
    local = rng.choice(["jane.doe", "j.smith", "mark_o", "priya.k", "tom-lee", "anna.berg", "dev.ops"])
    local += rng.choice(["", "", str(rng.randrange(10, 99))])
    if rng.random() < 0.3:
        local += rng.choice(["%2B", "+"]) + rng.choice(["ci", "news", "test"])
    domain = rng.choice(["gmail.com", "outlook.com", "acme-corp.io", "proton.me", "mail.acme.co.uk",
                         "web.de", "hey.com", "studio-nine.agency", "icloud.com"])  # fmt: skip
    return local + rng.choice(["%40", "%40", "%40", "%2540"]) + domain


def password(rng: random.Random) -> str:
    return fakes.password(rng).replace("'", "").replace("!", "#")


def query_secret(rng: random.Random) -> str:
    shape = rng.randrange(4)
    if shape == 0:
        return mixed(rng, URLSAFE, rng.randrange(20, 44))
    if shape == 1:
        return chars(rng, HEX, rng.choice([32, 40, 64]))
    if shape == 2:
        raw = base64.b64encode(rng.randbytes(24)).decode()
        return raw.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")
    return mixed(rng, ALNUM, 16)


def b64_sig(rng: random.Random) -> str:
    raw = base64.b64encode(rng.randbytes(20)).decode()
    return raw.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")


def cloudfront_sig(rng: random.Random) -> str:
    return base64.b64encode(rng.randbytes(96)).decode().replace("+", "-").replace("=", "_").replace("/", "~")


def security_token(rng: random.Random) -> str:
    return "IQoJb3JpZ2luX2Vj" + base64.b64encode(rng.randbytes(180)).decode().replace("+", "%2B").replace(
        "/", "%2F"
    ).replace("=", "%3D")


def generic_secret(rng: random.Random) -> str:
    shape = rng.randrange(4)
    if shape == 0:
        return fakes.password(rng).replace("'", "").replace('"', "")
    if shape == 1:
        return chars(rng, HEX, rng.choice([32, 64]))
    if shape == 2:
        return base64.b64encode(rng.randbytes(32)).decode()
    return mixed(rng, ALNUM + "-_", rng.randrange(24, 50))


def ssn(rng: random.Random) -> str:
    area = rng.choice([a for a in range(1, 900) if a != 666])
    group, serial = rng.randrange(1, 100), rng.randrange(1, 10000)
    sep = rng.choice(["-", "-", "-", " ", ""])
    return f"{area:03d}{sep}{group:02d}{sep}{serial:04d}"


@attrs.frozen
class Class:
    """A kind of secret, how to make one, and the documents it sits in."""

    name: str
    make: Maker
    templates: tuple[str, ...]


_SIGV4 = (
    "X-Amz-Algorithm=AWS4-HMAC-SHA256⟫&X-Amz-Credential=@AKID@%2F20260514%2Fus-east-1%2Fs3%2Faws4_request"
    "&⟪X-Amz-Date=20260514T091244Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host⟫"
)

CLASSES = (
    Class(
        "cookie",
        session_cookie,
        (
            "> GET /account HTTP/1.1\n> ⟪Host: app.acme-corp.io⟫\n> Cookie: ⟪theme=dark⟫;"
            " sessionid=@S@; ⟪lang=en-US⟫\n",
            "< HTTP/2 200\n< set-cookie: PHPSESSID=@S@; ⟪path=/; HttpOnly; SameSite=Lax⟫\n<"
            " ⟪content-type: text/html⟫\n",
            "Set-Cookie: JSESSIONID=@S@; ⟪Path=/app; Secure; HttpOnly⟫\n",
            "Set-Cookie: __Host-session=@S@; ⟪Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=3600⟫\n",
            "Set-Cookie: _shop_session=@S@; ⟪domain=.acme-corp.io; path=/; expires=Wed, 21 Oct 2026"
            " 07:28:00 GMT;"
            " secure; HttpOnly⟫\n",
            "# Netscape HTTP Cookie File\n⟪.acme-corp.io\tTRUE\t/\tTRUE\t1767225600\t⟫session_token\t@S@\n",
            "⟪#HttpOnly_app.acme-corp.io\tFALSE\t/\tFALSE\t0\t⟫sid\t@S@\n",
            'curl --cookie "sid=@S@; ⟪theme=dark⟫" ⟪https://app.acme-corp.io/api/me⟫\n',
            "curl -sS -H 'Cookie: auth=@S@' ⟪https://app.acme-corp.io/api/orders?page=2⟫\n",
            '{"name": "Cookie", "value": "ASP.NET_SessionId=@S@; ⟪lang=en⟫"}\n',
            '"cookies": [{"name": "sessionid", "value": "@S@", ⟪"path": "/", "httpOnly": true⟫}]\n',
            '{"cookies": [{"name": "session", "value": "@S@", ⟪"domain": "app.acme-corp.io", "path": "/",'
            ' "expires": -1, "httpOnly": true, "secure": true, "sameSite": "Lax"⟫}]}\n',
            "> document.cookie\n'⟪_ga=GA1.2.1234567.1700000000⟫; csrftoken=@S@; ⟪theme=dark⟫'\n",
            "Cookie: __Secure-next-auth.session-token=@S@; ⟪__Host-next-auth.csrf-token-set=1⟫\n",
            'wget --header="Cookie: session=@S@" ⟪https://files.acme-corp.io/report.pdf⟫\n',
            "http ⟪GET https://api.acme-corp.io/me⟫ Cookie:connect.sid=@S@\n",
            'requests.get(⟪url⟫, cookies={"sessionid": "@S@"}, ⟪timeout=10⟫)\n',
            "Set-Cookie: remember_user_token=@S@; ⟪Expires=Thu, 01 Jan 2027 00:00:00 GMT; Path=/;"
            " HttpOnly⟫\n",
            "⟪Set-Cookie: consent=yes; Path=/; Max-Age=31536000⟫\nSet-Cookie: sess=@S@; ⟪Path=/; HttpOnly⟫\n",
            "cookie: ⟪_ga=GA1.1.987654321.1711111111; ab_test=variant-b⟫; laravel_session=@S@\n",
        ),
    ),
    Class(
        "k8s_secret",
        k8s_value,
        (
            "$ kubectl get secret db-creds -o yaml\n⟪apiVersion: v1⟫\ndata:\n  ⟪password:⟫ @S@\n "
            " ⟪username:⟫ YWRtaW4=\n"
            "⟪kind: Secret⟫\nmetadata:\n  ⟪name: db-creds⟫\n  ⟪namespace: shop⟫\n⟪type: Opaque⟫\n",
            "⟪apiVersion: v1⟫\n⟪kind: Secret⟫\nmetadata:\n  name: basic-auth\n⟪type:"
            " kubernetes.io/basic-auth⟫\n"
            "data:\n  ⟪username:⟫ ZGVwbG95\n  ⟪password:⟫ @S@\n",
            '$ kubectl get secret api -o json\n{\n    ⟪"apiVersion": "v1"⟫,\n    "data": {\n'
            '        ⟪"token":⟫ "@S@"\n    },\n    ⟪"kind": "Secret"⟫,\n    "metadata": {\n'
            '        ⟪"name": "api"⟫\n    },\n    ⟪"type": "Opaque"⟫\n}\n',
            "---\n⟪apiVersion: apps/v1⟫\nkind: Deployment\nmetadata:\n  name: web\n---\napiVersion:"
            " v1\nkind: Secret\n"
            "metadata:\n  name: web-env\n⟪type: Opaque⟫\ndata:\n  ⟪DATABASE_URL:⟫ @S@\n---\n⟪kind:"
            " ConfigMap⟫\n",
            "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  data:\n    ⟪api-key:⟫ @S@\n "
            " kind: Secret\n"
            "  metadata:\n    ⟪name: partner⟫\n  ⟪type: Opaque⟫\n",
            "kind: Secret\napiVersion: v1\nmetadata:\n  name: registry\n⟪type:"
            " kubernetes.io/dockerconfigjson⟫\ndata:\n"
            "  ⟪.dockerconfigjson:⟫ @S@\n",
            "$ kubectl get secret db -n shop -o jsonpath='{.data.password}'\n@S@\n⟪$ kubectl get"
            " pods -n shop⟫\n",
            "$ kubectl get secret app -o go-template='{{.data.token}}'\n@S@\n",
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: smtp\n  annotations:\n"
            '    ⟪kubernetes.io/description: relay credentials⟫\ndata:\n  ⟪smtp-password:⟫ "@S@"\n',
            "⟪$ kubectl describe secret db⟫\nName:         db\n⟪Type: "
            " Opaque⟫\n\nData\n====\n⟪password:  16 bytes⟫\n"
            "---\napiVersion: v1\nkind: Secret\ndata:\n  ⟪password:⟫ @S@\n",
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: tls\ndata:\n  ⟪tls.key:⟫ @S@\n⟪type:"
            " kubernetes.io/tls⟫\n",
        ),
    ),
    Class(
        "aws_secret",
        aws_secret,
        (
            "[default]\n⟪aws_access_key_id⟫ = @AKID@\n⟪aws_secret_access_key⟫ = @S@\n⟪region = eu-west-1⟫\n",
            "export AWS_ACCESS_KEY_ID=@AKID@\nexport AWS_SECRET_ACCESS_KEY=@S@\n⟪export"
            " AWS_DEFAULT_REGION=us-east-1⟫\n",
            "$ aws configure set aws_secret_access_key @S@ ⟪--profile ci⟫\n",
            "⟪User name,Password,Access key ID,Secret access key,Console login link⟫\nci-bot,,@AKID@,@S@,"
            "⟪https://123456789012.signin.aws.amazon.com/console⟫\n",
            "⟪Access key ID,Secret access key⟫\n@AKID@,@S@\n",
            '{\n    "Credentials": {\n        "AccessKeyId": "@AKID@",\n        ⟪"SecretAccessKey":⟫ "@S@",\n'
            '        ⟪"Expiration": "2026-05-14T10:12:44+00:00"⟫\n    }\n}\n',
            '{\n    "AccessKey": {\n        ⟪"UserName": "ci-bot"⟫,\n        "AccessKeyId": "@AKID@",\n'
            '        ⟪"Status": "Active"⟫,\n        "SecretAccessKey": "@S@",\n'
            '        ⟪"CreateDate": "2026-05-14T09:12:44+00:00"⟫\n    }\n}\n',
            's3 = boto3.client(⟪"s3"⟫, aws_access_key_id="@AKID@", aws_secret_access_key="@S@",'
            ' ⟪region_name="us-east-1"⟫)\n',
            'provider "aws" {\n  ⟪region     = "us-west-2"⟫\n  access_key = "@AKID@"\n  ⟪secret_key⟫'
            ' = "@S@"\n}\n',
            "docker run ⟪--rm⟫ -e AWS_ACCESS_KEY_ID=@AKID@ -e AWS_SECRET_ACCESS_KEY=@S@"
            " ⟪amazon/aws-cli s3 ls⟫\n",
            "[s3]\n⟪type = s3⟫\n⟪provider = AWS⟫\naccess_key_id = @AKID@\n⟪secret_access_key⟫ = @S@\n",
            "[default]\naccess_key = @AKID@\n⟪secret_key⟫ = @S@\n⟪host_base = s3.amazonaws.com⟫\n",
            "      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n"
            "          aws-access-key-id: @AKID@\n          ⟪aws-secret-access-key:⟫ @S@\n         "
            " ⟪aws-region: eu-central-1⟫\n",
            '{"Version": 1, "AccessKeyId": "@AKID@", ⟪"SecretAccessKey":⟫ "@S@"}\n',
            "⟪hive.s3.aws-access-key⟫=@AKID@\n⟪hive.s3.aws-secret-key⟫=@S@\n",
            "$ mc alias set s3 ⟪https://s3.amazonaws.com⟫ @AKID@ @S@ ⟪--api S3v4⟫\n",
            "⟪AWS_SECRET_ACCESS_KEY:⟫ @S@\n⟪AWS_REGION: us-east-1⟫\n",
            "const client = new S3Client({ credentials: { accessKeyId: '@AKID@', secretAccessKey:"
            " '@S@' }, ⟪region: 'us-east-1'⟫ });\n",
            "⟪spark.hadoop.fs.s3a.secret.key⟫ @S@\n",
            "Using AWS credentials @AKID@:@S@ ⟪for bucket acme-logs⟫\n",
        ),
    ),
    Class(
        "auth_header",
        scheme_token,
        (
            "> ⟪Authorization: Token⟫ @S@\n> ⟪Accept: application/json⟫\n",
            "curl -H '⟪Authorization: token⟫ @S@' ⟪https://api.github.example/user⟫\n",
            'headers = {⟪"Authorization": "ApiKey⟫ @S@", ⟪"Content-Type": "application/json"⟫}\n',
            "⟪Authorization: Bot⟫ @S@\n",
            'req.Header.Set(⟪"Authorization", "Bearer⟫ @S@")\n',
            '⟪proxy_set_header Authorization "Basic⟫ @S@";\n',
            '{"name": "Authorization", "value": "⟪Token⟫ @S@"}\n',
            "⟪Authorization: GenieKey⟫ @S@\n",
            "fetch(url, { headers: { ⟪Authorization: `Bearer⟫ @S@` } })\n",
            "⟪Authorization: Apikey⟫ @S@\n",
        ),
    ),
    Class(
        "auth_basic",
        basic,
        (
            "> ⟪Authorization: Basic⟫ @S@\n> ⟪User-Agent: curl/8.5.0⟫\n",
            'curl -H "⟪authorization: Basic⟫ @S@" ⟪https://ci.acme-corp.io/api/json⟫\n',
            "⟪Proxy-Authorization: Basic⟫ @S@\r\n⟪Host: api.acme-corp.io⟫\r\n",
            '{"name": "authorization", "value": "⟪Basic⟫ @S@"}\n',
            "wget --header='⟪Authorization: Basic⟫ @S@' ⟪https://nexus.acme-corp.io/repo/a.jar⟫\n",
            '⟪Authorization: Basic⟫ @S@\n⟪WWW-Authenticate: Basic realm="nexus"⟫\n',
            "headers:\n  ⟪Authorization: Basic⟫ @S@\n  ⟪Accept: '*/*'⟫\n",
        ),
    ),
    Class(
        "auth_digest",
        hex32,
        (
            '⟪Authorization: Digest username="ops", realm="acme"⟫, nonce="dcd98b7102dd2f0e8b11d0f600bfb0c0",'
            ' ⟪uri="/admin"⟫, response="@S@", ⟪qop=auth⟫, nc=00000001, cnonce="0a4f113b"\n',
            '> ⟪Authorization: Digest⟫ username="ci", ⟪realm="nexus", uri="/repo"⟫, ⟪algorithm=MD5⟫,'
            ' response="@S@"\n'
            "> ⟪Host: nexus.acme-corp.io⟫\n",
        ),
    ),
    Class(
        "auth_aws4",
        hex64,
        (
            "⟪Authorization: AWS4-HMAC-SHA256⟫ Credential=@AKID@/20260514/us-east-1/s3/aws4_request, "
            "⟪SignedHeaders=host;x-amz-content-sha256;x-amz-date⟫, Signature=@S@\n⟪x-amz-date:"
            " 20260514T091244Z⟫\n",
            '"⟪Authorization": "AWS4-HMAC-SHA256⟫'
            " Credential=@AKID@/20260514/eu-west-1/execute-api/aws4_request,"
            ' ⟪SignedHeaders=host;x-amz-date⟫, Signature=@S@", ⟪"X-Amz-Date": "20260514T091244Z"⟫\n',
        ),
    ),
    Class(
        "auth_oauth1",
        oauth_signature,
        (
            '⟪Authorization: OAuth⟫ oauth_consumer_key="xvz1evFS4wEEPTGEFPHBog",'
            ' oauth_nonce="kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg",'
            ' oauth_signature="@S@", ⟪oauth_signature_method="HMAC-SHA1"⟫, oauth_timestamp="1318622958",'
            ' ⟪oauth_version="1.0"⟫\n',
        ),
    ),
    Class(
        "url_email",
        encoded_email,
        (
            "GET /api/users/lookup?⟪include=roles⟫&email=@S@ ⟪HTTP/1.1⟫\n",
            "https://sso.acme-corp.io/login?⟪client_id=web⟫&login_hint=@S@&⟪prompt=consent⟫\n",
            "⟪redirect_uri=https%3A%2F%2Fapp.acme-corp.io%2Fcb%3F⟫user%3D@S@\n",
            '{"request": {"url": "https://api.acme-corp.io/v1/contacts?q=@S@&⟪limit=25⟫"}}\n',
            "unsubscribe: https://mail.acme-corp.io/u?e=@S@&⟪list=weekly⟫\n",
            '⟪127.0.0.1 - - [14/May/2026:09:12:44 +0000] "GET⟫ /invite?to=@S@ ⟪HTTP/1.1" 200 512⟫\n',
            "mailto%3A@S@\n",
            "⟪npm view %40babel%2Fcore version⟫ # and @S@\n",
        ),
    ),
    Class(
        "cli_password",
        password,
        (
            "$ mysql ⟪-h db.internal -u root⟫ -p@S@ ⟪shop⟫\n",
            "$ mysqladmin -uroot -p'@S@' ⟪status⟫\n",
            "PGPASSWORD=@S@ ⟪psql -h db.internal -U app -d app⟫\n",
            "export PGPASSWORD='@S@'\n⟪pg_dump -h db.internal app > app.sql⟫\n",
            "sshpass -p '@S@' ⟪ssh -o StrictHostKeyChecking=no deploy@192.0.2.5⟫\n",
            "sshpass -p@S@ ⟪scp build.tar.gz deploy@192.0.2.5:/srv⟫\n",
            "curl -u admin:@S@ ⟪https://jenkins.acme-corp.io/api/json⟫\n",
            'curl --user "ci:@S@" ⟪-X POST https://nexus.acme-corp.io/service/rest⟫\n',
            "wget --http-password=@S@ ⟪--http-user=ci https://files.acme-corp.io/a.tgz⟫\n",
            "mongosh ⟪--host db.internal -u admin⟫ -p @S@ ⟪--authenticationDatabase admin⟫\n",
            "REDISCLI_AUTH=@S@ ⟪redis-cli -h cache.internal ping⟫\n",
            "docker login ⟪-u ci⟫ -p @S@ ⟪registry.acme-corp.io⟫\n",
            "echo '@S@' | ⟪docker login -u ci --password-stdin registry.acme-corp.io⟫\n",
            "openssl pkcs12 ⟪-export -in cert.pem -inkey key.pem -out bundle.p12⟫ -passout pass:@S@\n",
            "keytool ⟪-importkeystore -srckeystore a.p12⟫ -storepass @S@ ⟪-noprompt⟫\n",
            'sqlcmd ⟪-S db.internal -U sa⟫ -P @S@ ⟪-Q "SELECT 1"⟫\n',
            "mysqldump ⟪-u root⟫ --password @S@ ⟪--all-databases⟫\n",
            "$ htpasswd -b ⟪.htpasswd⟫ admin @S@\n",
            "smbclient //fs.internal/share ⟪-U⟫ backup%@S@\n",
            "xfreerdp ⟪/v:192.0.2.7 /u:admin⟫ /p:@S@\n",
            "zip ⟪-r⟫ -P @S@ ⟪backup.zip data/⟫\n",
            "mosquitto_pub ⟪-h mqtt.internal -u sensor⟫ -P @S@ ⟪-t temp -m 21⟫\n",
            "SSHPASS=@S@ ⟪sshpass -e ssh deploy@192.0.2.5⟫\n",
            "mysql ⟪-u root⟫ -p\"@S@\" ⟪-e 'show databases'⟫\n",
            "rabbitmqctl add_user app @S@\n",
            "CREATE USER 'app'@'%' IDENTIFIED BY '@S@';\n",
            "ALTER USER app WITH PASSWORD '@S@';\n",
            'psql "⟪host=db.internal user=app⟫ password=@S@ ⟪dbname=app sslmode=require⟫"\n',
            "7z a -p@S@ ⟪secret.7z docs/⟫\n",
        ),
    ),
    Class(
        "url_query",
        query_secret,
        (
            "GET /api/v2/export?⟪format=csv⟫&access_token=@S@ ⟪HTTP/1.1⟫\n",
            "https://api.acme-corp.io/feed?⟪page=2⟫&token=@S@&⟪sort=desc⟫\n",
            "https://app.acme-corp.io/oauth/callback?code=@S@&⟪state=af0ifjsldkj⟫\n",
            "https://gitlab.acme-corp.io/api/v4/projects?private_token=@S@&⟪per_page=100⟫\n",
            "http://plex.internal:32400/library/sections?X-Plex-Token=@S@\n",
            "https://app.acme-corp.io/cb#access_token=@S@&⟪token_type=Bearer&expires_in=3600⟫\n",
            '{"url": "https://api.acme-corp.io/v1/items?api_key=@S@\\u0026⟪limit=50⟫"}\n',
            "https://sso.acme-corp.io/cas/serviceValidate?⟪service=https%3A%2F%2Fapp%2F⟫&ticket=ST-@S@\n",
            "wss://stream.acme-corp.io/socket?⟪v=2⟫&auth=@S@\n",
            "curl 'https://api.acme-corp.io/v1/search?⟪q=retry+policy⟫&apikey=@S@&⟪page=1⟫'\n",
            "https://hooks.acme-corp.io/in?⟪source=github⟫&secret=@S@\n",
            "redis://cache.internal:6379/0?password=@S@&⟪ssl_cert_reqs=none⟫\n",
            "https://app.acme-corp.io/reset?⟪uid=42⟫&reset_token=@S@\n",
            "https://app.acme-corp.io/login?session=@S@&⟪next=%2Fdashboard⟫\n",
            "https://api.acme-corp.io/v1/data?⟪from=2026-05-01&to=2026-05-14⟫&client_secret=@S@\n",
            "https://api.acme-corp.io/v1/me?⟪fields=id,name⟫&refresh_token=@S@\n",
        ),
    ),
    Class(
        "signed_url",
        hex64,
        (
            "https://acme-media.s3.amazonaws.com/u/42.png?⟪" + _SIGV4 + "&X-Amz-Signature=@S@\n",
            '"download_url": "https://acme-backups.s3.eu-west-1.amazonaws.com/db.tar.gz?⟪'
            + _SIGV4
            + '\\u0026X-Amz-Signature=@S@"\n',
            "https://storage.googleapis.com/acme-models/w.bin?⟪X-Goog-Algorithm=GOOG4-RSA-SHA256⟫&⟪X-Goog-Date="
            "20260514T091244Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host⟫&X-Goog-Signature=@S@\n",
        ),
    ),
    Class(
        "signed_url_b64",
        b64_sig,
        (
            "https://acme-old.s3.amazonaws.com/a.zip?AWSAccessKeyId=@AKID@&⟪Expires=1767225600⟫&Signature=@S@\n",
            "https://storage.googleapis.com/acme/a.csv?GoogleAccessId=svc%40acme.iam.gserviceaccount.com&"
            "⟪Expires=1767225600⟫&Signature=@S@\n",
            "https://acme.oss-cn-hangzhou.aliyuncs.com/a.mp4?OSSAccessKeyId=LTAI5tAbCdEf&⟪Expires=1767225600⟫"
            "&Signature=@S@\n",
            "https://acmestore.blob.core.windows.net/c/a.bin?⟪sv=2022-11-02&ss=b&srt=o&sp=r⟫&⟪se=2026-05-15T00:00:00Z⟫&sig=@S@\n",
        ),
    ),
    Class(
        "signed_url_cloudfront",
        cloudfront_sig,
        (
            "https://d111111abcdef8.cloudfront.net/v/a.mp4?⟪Expires=1767225600⟫&Signature=@S@&⟪Key-Pair-Id=K2JCJMDEHXQW5F⟫\n",
        ),
    ),
    Class(
        "security_token",
        security_token,
        (
            "https://acme-media.s3.amazonaws.com/u/42.png?⟪X-Amz-Algorithm=AWS4-HMAC-SHA256⟫&X-Amz-Security-Token=@S@&"
            "⟪X-Amz-Expires=3600⟫\n",
        ),
    ),
    Class(
        "generic",
        generic_secret,
        (
            "⟪NODE_ENV=production⟫\nJWT_SECRET=@S@\n⟪PORT=3000⟫\n",
            '⟪database:⟫\n  ⟪host: db.internal⟫\n  ⟪password:⟫ "@S@"\n  ⟪pool: 5⟫\n',
            '{"client_id": "web", "client_secret": "@S@", ⟪"redirect_uris":'
            ' ["https://app.acme-corp.io/cb"]⟫}\n',
            '[auth]\n⟪provider = "github"⟫\ntoken = "@S@"\n',
            "[smtp]\n⟪host = smtp.acme-corp.io⟫\npassword = @S@\n⟪port = 587⟫\n",
            "SECRET_KEY = '@S@'\n⟪DEBUG = False⟫\n",
            'const apiSecret = "@S@";\n⟪const region = "eu-west-1";⟫\n',
            "ENV ⟪NODE_ENV=production⟫ API_TOKEN=@S@\n",
            "ENV API_TOKEN @S@\n⟪WORKDIR /app⟫\n",
            "ARG NPM_TOKEN=@S@\n⟪RUN npm ci⟫\n",
            "    environment:\n      ⟪POSTGRES_USER: app⟫\n      ⟪POSTGRES_PASSWORD:⟫ @S@\n     "
            " ⟪POSTGRES_DB: app⟫\n",
            "    environment:\n      - ⟪POSTGRES_PASSWORD⟫=@S@\n      - ⟪PGDATA=/var/lib/postgresql/data⟫\n",
            '⟪db_password⟫ = "@S@"\n⟪instance_class = "db.t3.micro"⟫\n',
            '{"name": "X-Api-Key", "value": "@S@"}\n',
            "⟪//registry.npmjs.org/:_authToken⟫=@S@\n",
            "⟪spring.datasource.password⟫=@S@\n⟪spring.datasource.url=jdbc:postgresql://db:5432/app⟫\n",
            "⟪Server=db.internal;Database=shop;User Id=sa;⟫Password=@S@;⟪Encrypt=True;⟫\n",
            "<server>\n  ⟪<id>nexus</id>⟫\n  ⟪<username>ci</username>⟫\n "
            " <password>@S@</password>\n</server>\n",
            "⟪webhook:⟫\n  ⟪url: https://hooks.acme-corp.io/in⟫\n  signing_secret: @S@\n",
            "OPENAI_API_KEY=${OPENAI_API_KEY:-}\nANTHROPIC_AUTH_TOKEN=@S@\n⟪:"
            ' "${OPENAI_API_KEY:?must be set}"⟫\n',
            "⟪api_key: <your-token>⟫\n⟪backup_key: ****⟫\nprod_api_key: @S@\n",
            '    "@babel/core": {\n      ⟪"integrity":'
            ' "sha512-V1lWBvdrqSgHq5O6Y4dTKSfI2Pr0JpBvq8k=="⟫\n    },\n'
            '    "auth": {"token": "@S@"}\n',
            "⟪commit 3f9a2c1d4b5e6f708192a3b4c5d6e7f809a1b2c3⟫\nGITHUB_WEBHOOK_SECRET=@S@\n",
            "⟪request_id: 0f8fad5b-d9cb-469f-a165-70867728950e⟫\nsession_secret: @S@\n",
            'settings.SECRET_KEY = os.environ.get(⟪"SECRET_KEY"⟫, "@S@")\n',
            '⟪LOG_LEVEL = "info"⟫\nauth_token = "@S@"\n',
            "export const config = { ⟪region: 'us-east-1'⟫, signingKey: '@S@' };\n",
            "⟪password_min_length: 12⟫\nadmin_password: @S@\n",
        ),
    ),
    Class(
        "ssn",
        ssn,
        (
            "⟪Employee: Jane Roe⟫\nSSN: @S@\n⟪Start date: 2024-03-01⟫\n",
            '{"id": 981, "ssn": "@S@", ⟪"state": "OH"⟫}\n',
            "⟪name,ssn,dob⟫\nJane Roe,@S@,⟪1984-02-29⟫\n",
            "social security number: @S@ ⟪(verified)⟫\n",
            "⟪applicant_id=4411⟫ ssn=@S@ ⟪status=pending⟫\n",
            "SSN#: @S@\n",
        ),
    ),
)

# More contexts for the same classes, written after the first round of rule changes (from the same public
# descriptions), so that the part keeps asking about phrasings the rules were not first written for.
MORE_TEMPLATES: dict[str, tuple[str, ...]] = {
    "cookie": (
        "res.cookie('session', '@S@', ⟪{ httpOnly: true, maxAge: 3600 }⟫)\n",
        "response.set_cookie('sessionid', '@S@', ⟪httponly=True, samesite='Lax'⟫)\n",
        'http.Cookie{Name: "session", Value: "@S@", ⟪Path: "/", HttpOnly: true⟫}\n',
        'Set-Cookie: sid="@S@"; ⟪Path=/; Secure⟫\n',
        "Cookie: ⟪ajs_anonymous_id=0f8fad5b-d9cb-469f-a165-70867728950e⟫; JSESSIONID=@S@\n",
        "⟪Cookie: lang=en-US⟫\nCookie: _gitlab_session=@S@\n",
        "⟪set-cookie: session=deleted; expires=Thu, 01 Jan 1970 00:00:00 GMT⟫\nset-cookie: session=@S@; ⟪path=/⟫\n",
        "{'Set-Cookie': '⟪theme=dark; expires=Thu, 01 Jan 2027 00:00:00 GMT; Path=/⟫, "
        "sessionid=@S@; ⟪HttpOnly; Path=/⟫'}\n",
        "<RequestsCookieJar[<Cookie sessionid=@S@ ⟪for .acme-corp.io/>⟫, ⟪<Cookie theme=dark for .acme-corp.io/>⟫]>\n",
    ),
    "k8s_secret": (
        "$ kubectl get secret db -o yaml | grep -A3 data\ndata:\n  ⟪password:⟫ @S@\n⟪$ kubectl get pods⟫\n",
        "$ echo @S@ | base64 -d\n",
    ),
    "aws_secret": (
        'new BasicAWSCredentials("@AKID@", "@S@")\n',
        "⟪AWS Access Key ID [None]:⟫ @AKID@\n⟪AWS Secret Access Key [None]:⟫ @S@\n"
        "⟪Default region name [None]: us-east-1⟫\n",
        "<AccessKeyId>@AKID@</AccessKeyId><SecretAccessKey>@S@</SecretAccessKey>\n",
    ),
    "auth_header": (
        "⟪AUTHORIZATION: TOKEN⟫ @S@\n",
        '⟪Authorization: Token⟫ token="@S@", ⟪email="ops@example.com"⟫\n',
        "⟪HTTP_AUTHORIZATION='Bearer⟫ @S@'\n",
        "⟪Authorization: Bearer⟫ @S@, ⟪X-Request-Id: 42⟫\n",
        "requests.get(⟪url⟫, auth=('admin', '@S@'))\n",
        "session.auth = HTTPBasicAuth('ci', '@S@')\n",
        '⟪Authorization: Hawk id="dh37fgj492je", ts="1353832234", nonce="j4h3g2"⟫, mac="@S@"\n',
    ),
    "cli_password": (
        "az login ⟪-u ops@example.com⟫ -p @S@\n",
        "ssh-keygen ⟪-t ed25519⟫ -N '@S@' ⟪-f deploy_key⟫\n",
        "echo 'app:@S@' | ⟪chpasswd⟫\n",
        "gh auth login --with-token <<< '@S@'\n",
        "sqlplus system/@S@@⟪ORCL⟫\n",
        "net use ⟪\\\\\\\\fs\\\\share⟫ /user:acme\\\\ops @S@\n",
        "nmcli dev wifi connect ⟪Home⟫ password @S@\n",
        "influx ⟪-username admin⟫ -password @S@\n",
        "GRANT ALL ON *.* TO 'app'@'%' IDENTIFIED BY '@S@';\n",
        "curl ⟪-sS⟫fu ci:@S@ ⟪https://nexus.acme-corp.io/service/rest⟫\n",
    ),
    "url_query": (
        "https://api.acme-corp.io/v1/x?⟪page=2⟫&jwt=@S@&⟪sort=asc⟫\n",
        "https://api.acme-corp.io/v1/x?session_id=@S@#⟪section-2⟫\n",
        "https://legacy.acme-corp.io/login.php?user=ops&pwd=@S@&⟪lang=en⟫\n",
        "https://x.acme-corp.io/a;jsessionid=@S@?⟪x=1⟫\n",
    ),
    "url_email": (
        "https://x.acme-corp.io/?e=@S@&⟪x=1⟫\n",
        "⟪cb%3Fuser%253D⟫@S@&⟪x=1⟫\n",
    ),
    "generic": (
        '<add key="ApiKey" value="@S@" ⟪/>⟫\n',
        '<property name="password" value="@S@"⟪/>⟫\n',
        'variable "db_password" {\n  ⟪type    = string⟫\n  default = "@S@"\n}\n',
        "⟪hash_algorithm: sha256⟫\nhmac_key: @S@\n",
        '{"webhookSecret": "@S@", ⟪"events": ["push"]⟫}\n',
        "ENV API_TOKEN=@S@ ⟪NODE_ENV=production⟫\n",
        'SECRET_KEY = os.environ.get(⟪"SECRET_KEY"⟫, "@S@")\n',
        "db.internal:5432:app:app:@S@\n",
    ),
}

# Whole lines that must come out unchanged: the near misses a rule for any class above could eat.
KEEP_LINES = (
    "⟪Set-Cookie: theme=dark; Path=/; Max-Age=31536000; SameSite=Lax⟫\n",
    "⟪Cookie consent: accepted; cookies are cleared on logout⟫\n",
    "⟪apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  LOG_LEVEL: info\n "
    " TOKEN_TTL: 3600s⟫\n",
    "⟪data:\n  password: {{ .Values.db.password | b64enc }}⟫\n",
    '⟪: "${OPENAI_API_KEY:?must be set}"⟫\n',
    '⟪PASSWORD="${DB_PASSWORD:-}"⟫\n',
    "⟪docker run -p 8080:80 -p 5432:5432 postgres:16⟫\n",
    "⟪mysql -u root -p < schema.sql⟫\n",
    "⟪psql -h db.internal -U app -W⟫\n",
    "⟪Authorization: required (see docs/auth.md)⟫\n",
    '⟪WWW-Authenticate: Basic realm="Restricted", charset="UTF-8"⟫\n',
    "⟪Authorization: Bearer ${GITHUB_TOKEN}⟫\n",
    "⟪Authorization: Basic <base64(user:pass)>⟫\n",
    '⟪headers["Authorization"] = "Token " + token⟫\n',
    "⟪https://acme-corp.io/search?q=retry+policy&page=2&sort=asc&per_page=50⟫\n",
    "⟪https://accounts.acme-corp.io/authorize?response_type=code&client_id=web&scope=openid%20email&state=xyz⟫\n",
    "⟪GET /api/items?limit=20&offset=40&include=tags&token_type=bearer HTTP/1.1⟫\n",
    "⟪node_modules/%40types/node/index.d.ts⟫\n",
    "⟪progress: 100%40 files⟫\n",
    '⟪resolved "https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz#679591c564c3bffaae8454cf0b3df370c3d6911c"⟫\n',
    "⟪integrity sha512-v2kDEe57lecTulaDIuNTPy3Ry4gLGJ6Z1O3vE1krgXZNrsQ+LFTGHVxVjcXPs17LhbZVGedAJv8XZ1tvj5FvSg==⟫\n",
    "⟪commit 9fceb02d0ae598e95dc970b74767f19372d61af8⟫\n",
    "⟪id: 123e4567-e89b-12d3-a456-426614174000⟫\n",
    "⟪password: ********⟫\n",
    "⟪api_key: <your-api-key>⟫\n",
    "⟪secret_key: ${SECRET_KEY}⟫\n",
    "⟪token: {{ secrets.DEPLOY_TOKEN }}⟫\n",
    "⟪Order 123-45-678 shipped; invoice 2024-05-14; case 000-12-3456 closed⟫\n",
    "⟪version 2.14.3-45-g6789abc (dirty)⟫\n",
    "⟪kubectl create secret generic db --from-file=./password.txt⟫\n",
    "⟪mysqldump --single-transaction --password-file=/run/secrets/db shop⟫\n",
    "⟪ssh -p 2222 deploy@192.0.2.5⟫\n",
    "⟪X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20260514T091244Z&X-Amz-Expires=3600⟫\n",
    "⟪password_min_length: 12⟫\n",
    "⟪sha256sum: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08  app.tar.gz⟫\n",
    '⟪document.cookie = "theme=" + theme + "; path=/";⟫\n',
    "⟪Authorization: token OAUTH-TOKEN⟫\n",
    '⟪-H "Authorization: Bearer $(gcloud auth print-access-token)"⟫\n',
    "⟪aws_access_key_id = AKIAIOSFODNN7EXAMPLE⟫\n",
    "⟪password: !vault |⟫\n",
    "⟪Cookie: theme=dark; lang=en; tz=UTC⟫\n",
    "⟪Cookie: _ga=GA1.2.1234567890.1700000000; _gid=GA1.2.987654321.1700000000⟫\n",
    "⟪session: redis⟫\n⟪session_timeout: 30m⟫\n",
    "⟪echo hello | base64⟫\n",
    "⟪scp -P 2222 build.tgz deploy@192.0.2.5:/srv⟫\n",
    "⟪$ kubectl get secret db -o yaml | grep name⟫\n⟪  name: mysecret⟫\n",
    "⟪https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s⟫\n",
    "⟪api_key: sk-...⟫\n",
    "⟪token: ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx⟫\n",
)

SEED = 20261204
TRANSCRIPT_SHARE = 0.3  # documents that arrive inside a JSON transcript line, escaped
_MARK = re.compile(f"{KEEP_OPEN}(.*?){KEEP_CLOSE}", re.DOTALL)


@attrs.frozen
class Labelled:
    """One document: its labelled secret (if any) and the spans that must survive it."""

    instance: Instance | None
    keep: tuple[str, ...]
    doc: str


def _fill(template: str, secret: str, rng: random.Random) -> tuple[str, tuple[str, ...]]:
    """The document and its must-survive spans, markers taken out."""
    text = template.replace("@AKID@", fakes.aws_access_key(rng)).replace("@S@", "\0")
    keep = tuple(span for span in _MARK.findall(text) if span)
    return text.replace(KEEP_OPEN, "").replace(KEEP_CLOSE, "").replace("\0", secret), keep


def _escape(doc: str, secret: str, keep: tuple[str, ...]) -> tuple[str, str, tuple[str, ...]]:
    def inner(text: str) -> str:
        return json.dumps(text)[1:-1]

    return json.dumps({"type": "tool_result", "content": doc}), inner(secret), tuple(map(inner, keep))


def build(per_class: int = 40, seed: int = SEED) -> list[Labelled]:
    """Every class's documents (``per_class`` each, cycling through its templates) and the keep lines."""
    rng = random.Random(seed)
    out: list[Labelled] = []
    for item in CLASSES:
        for index in range(per_class):
            secret = item.make(rng)
            templates = item.templates + MORE_TEMPLATES.get(item.name, ())
            doc, keep = _fill(templates[index % len(templates)], secret, rng)
            if rng.random() < TRANSCRIPT_SHARE:
                doc, secret, keep = _escape(doc, secret, keep)
            start = doc.index(secret)
            out.append(Labelled(Instance(item.name, doc, start, start + len(secret)), keep, doc))
    for template in KEEP_LINES:
        doc, keep = _fill(template, "", rng)
        out.append(Labelled(None, keep, doc))
    return out


@attrs.frozen
class Figures:
    """Recall, recall with no fragment left, and the keep-rate of the marked spans."""

    recall: float
    clean_recall: float
    keep_rate: float
    recall_by_class: tuple[tuple[str, float], ...]
    secrets: int
    spans: int
    misses: tuple[Instance, ...]
    eaten: tuple[tuple[str, str], ...]  # (span, scrubbed document)


def measure(per_class: int = 40) -> Figures:
    return score(build(per_class))


def score(items: Iterable[Labelled]) -> Figures:
    """Scrub every document alone and score it: the secret gone without a fragment, every marked span intact."""
    found: dict[str, list[bool]] = {}
    clean, misses, kept, spans, eaten = 0, [], 0, 0, []
    for item in items:
        scrubbed = scrub_text(item.doc).text
        if item.instance is not None:
            gone = item.instance.secret not in scrubbed
            found.setdefault(item.instance.category, []).append(gone)
            if gone and not leaves_fragment(item.instance, scrubbed):
                clean += 1
            else:
                misses.append(item.instance)
        for span in item.keep:
            spans += 1
            if span in scrubbed:
                kept += 1
            else:
                eaten.append((span, scrubbed))
    total = sum(len(r) for r in found.values())
    return Figures(
        recall=sum(sum(r) for r in found.values()) / total,
        clean_recall=clean / total,
        keep_rate=kept / spans,
        recall_by_class=tuple(sorted((name, sum(r) / len(r)) for name, r in found.items())),
        secrets=total,
        spans=spans,
        misses=tuple(misses),
        eaten=tuple(eaten),
    )
