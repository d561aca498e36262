"""The classes the scrubber was weakest on, in more of the contexts agents print them, beside their near misses.

Each secret is generated here, at test time, in its real format; each test also holds text that must come out
exactly as it went in (cookie attributes, sibling query parameters, scheme names, placeholders, checksums).
"""

from __future__ import annotations

import base64
import json
import random
import string

import pytest

from client_actors.scrub import scrub_text
from client_actors.scrub._engine import scrub_every_pass
from tests.scrubcorpus.tuning_more import CLASSES, KEEP_LINES, build, measure

RNG = random.Random(20261205)
ALNUM = string.ascii_letters + string.digits


def rand(alphabet: str, n: int) -> str:
    return "".join(RNG.choice(alphabet) for _ in range(n))


def token(n: int = 32) -> str:
    return rand(string.ascii_letters, 4) + rand(string.digits, 4) + rand(ALNUM, n - 8)


def hexes(n: int) -> str:
    return rand("0123456789abcdef", n)


def password() -> str:
    return rand(string.ascii_letters, 6) + rand(string.digits, 3) + RNG.choice("#%*?")


def akid() -> str:
    return "AK" + "IA" + rand(string.ascii_uppercase + "234567", 16)


def gone(text: str, secret: str) -> str:
    scrubbed = scrub_text(text).text
    assert secret not in scrubbed, scrubbed
    assert "[REDACTED:" in scrubbed
    assert scrub_every_pass(text).text == scrubbed
    return scrubbed


def kept(text: str) -> None:
    assert scrub_text(text).text == text


def escaped(text: str) -> str:
    """``text`` as a transcript line carries it: inside a JSON string, with \\n and \\" escapes."""
    return json.dumps({"type": "tool_result", "content": text})


def test_cookie_values_go_in_jars_har_files_and_storage_state_and_their_attributes_stay() -> None:
    value = token(40)
    jar = f".acme-corp.io\tTRUE\t/\tTRUE\t1767225600\tsession_token\t{value}\n"
    assert gone(jar, value) == ".acme-corp.io\tTRUE\t/\tTRUE\t1767225600\tsession_token\t[REDACTED:cookie]\n"
    gone(escaped(f"#HttpOnly_app.acme-corp.io\tFALSE\t/\tFALSE\t0\tsid\t{value}\n"), value)
    har = json.dumps({"name": "Cookie", "value": f"ASP.NET_SessionId={value}; lang=en"})
    assert gone(har, value) == json.dumps(
        {"name": "Cookie", "value": "ASP.NET_SessionId=[REDACTED:cookie]; lang=en"}
    )
    state = {"cookies": [{"name": "session", "value": value, "domain": "app.acme-corp.io", "path": "/"}]}
    assert '"domain": "app.acme-corp.io", "path": "/"' in gone(json.dumps(state), value)
    gone(f'requests.get(url, cookies={{"sessionid": "{value}"}}, timeout=10)', value)
    attributes = "Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=3600; Domain=.acme-corp.io"
    assert gone(f"Set-Cookie: __Host-session={value}; {attributes}\n", value).endswith(f"; {attributes}\n")
    assert (
        gone(escaped(f"HTTP/1.1 200 OK\nSet-Cookie: sid={value}; {attributes}\n"), value).count(attributes)
        == 1
    )
    analytics = "_ga=GA1.1.987654321.1711111111; ab_test=variant-b"
    assert gone(f"cookie: {analytics}; laravel_session={value}\n", value).startswith(f"cookie: {analytics};")
    kept(".acme-corp.io\tTRUE\t/\tFALSE\t0\ttheme\tdark\n")
    kept(json.dumps({"cookies": [{"name": "theme", "value": "dark"}]}))


@pytest.mark.parametrize("scheme", ["Token", "Bot", "GenieKey", "Apikey", "Bearer"])
def test_authorization_in_nginx_templates_and_har_headers_keeps_its_scheme(scheme: str) -> None:
    credential = token(36)
    assert gone(f'{{"name": "Authorization", "value": "{scheme} {credential}"}}', credential) == (
        f'{{"name": "Authorization", "value": "{scheme} [REDACTED:authorization]"}}'
    )
    assert gone(f'proxy_set_header Authorization "{scheme} {credential}";', credential) == (
        f'proxy_set_header Authorization "{scheme} [REDACTED:authorization]";'
    )
    assert gone(
        f"fetch(u, {{ headers: {{ Authorization: `{scheme} {credential}` }} }})", credential
    ).endswith(f"`{scheme} [REDACTED:authorization]` }} }})")


def test_aws4_and_digest_headers_lose_only_their_signature() -> None:
    signature, key_id = hexes(64), akid()
    header = (
        f"Authorization: AWS4-HMAC-SHA256 Credential={key_id}/20260514/us-east-1/s3/aws4_request, "
        f"SignedHeaders=host;x-amz-date, Signature={signature}\n"
    )
    scrubbed = gone(header, signature)
    assert key_id not in scrubbed
    assert "Authorization: AWS4-HMAC-SHA256 Credential=" in scrubbed
    assert "SignedHeaders=host;x-amz-date, Signature=[REDACTED:authorization]\n" in scrubbed
    gone(escaped(header), signature)
    response = hexes(32)
    digest = (
        f'Authorization: Digest username="ops", realm="acme", uri="/admin", response="{response}", qop=auth\n'
    )
    assert gone(digest, response) == digest.replace(response, "[REDACTED:authorization]")
    gone(escaped(digest), response)
    kept('WWW-Authenticate: Digest realm="acme", qop="auth", nonce="x"\n')


def test_oauth1_headers_lose_signature_and_token_and_keep_the_rest() -> None:
    signature = base64.b64encode(RNG.randbytes(20)).decode().replace("/", "%2F").replace("+", "%2B")
    oauth_token = token(40)
    header = (
        f'Authorization: OAuth oauth_consumer_key="web", oauth_signature="{signature}", '
        f'oauth_signature_method="HMAC-SHA1", oauth_token="{oauth_token}", oauth_version="1.0"\n'
    )
    scrubbed = gone(header, signature)
    assert oauth_token not in scrubbed
    assert 'oauth_signature_method="HMAC-SHA1"' in scrubbed and 'oauth_version="1.0"' in scrubbed


def test_aws_secret_keys_go_after_their_id_or_name_in_every_file_that_holds_them() -> None:
    for template in (
        "[default]\naccess_key = {id}\nsecret_key = {s}\nhost_base = s3.amazonaws.com\n",
        "spark.hadoop.fs.s3a.secret.key {s}\n",
        '{{"AccessKey": {{"AccessKeyId": "{id}", "SecretAccessKey": "{s}", "Status": "Active"}}}}',
        "Access key ID,Secret access key\n{id},{s}\n",
        "mc alias set s3 https://s3.amazonaws.com {id} {s} --api S3v4\n",
    ):
        secret = rand(ALNUM + "+/", 36) + rand(string.digits, 4)
        gone(template.format(id=akid(), s=secret), secret)
        gone(escaped(template.format(id=akid(), s=secret)), secret)
    kept("spark.hadoop.fs.s3a.secret.key ${S3_SECRET}\n")


def test_secret_data_printed_by_kubectl_jsonpath_goes() -> None:
    value = base64.b64encode(password().encode()).decode()
    assert gone(f"$ kubectl get secret db -o jsonpath='{{.data.password}}'\n{value}\n$ ls\n", value).endswith(
        "\n[REDACTED:secret]\n$ ls\n"
    )
    gone(escaped(f"$ kubectl get secret app -o go-template='{{{{.data.token}}}}'\n{value}\n"), value)
    plain = password()
    gone(f"kubectl get secret db -o jsonpath='{{.data.password}}' | base64 -d\n{plain}\n", plain)
    kept("$ kubectl get secret db -o jsonpath='{.data.password}'\n$ kubectl get pods\n")
    kept("kubectl get secrets -o jsonpath='{.items[*].metadata.name}'\ndefault-token db\n")
    kept("$ kubectl describe secret db\nData\n====\npassword:  16 bytes\n")


@pytest.mark.parametrize(
    "line",
    [
        "sqlcmd -S db.internal -U sa -P {} -Q 'SELECT 1'",
        "zip -r -P {} backup.zip data/",
        "7z a -p{} secret.7z docs/",
        "openssl pkcs12 -export -in c.pem -out b.p12 -passout pass:{}",
        "keytool -importkeystore -srckeystore a.p12 -storepass {} -noprompt",
        "smbclient //fs.internal/share -U backup%{}",
        "xfreerdp /v:192.0.2.7 /u:admin /p:{}",
        "htpasswd -b .htpasswd admin {}",
        "htpasswd -nb admin {}",
        "rabbitmqctl add_user app {}",
        "SSHPASS={} sshpass -e ssh deploy@192.0.2.5",
        "echo '{}' | docker login -u ci --password-stdin registry.acme-corp.io",
        "echo {} | sudo -S apt-get update",
        "CREATE USER 'app'@'%' IDENTIFIED BY '{}';",
        "ALTER USER app WITH PASSWORD '{}';",
        "mosquitto_pub -h mqtt.internal -u sensor -P {} -t temp -m 21",
    ],
)
def test_passwords_go_in_the_forms_each_command_takes_them(line: str) -> None:
    secret = password()
    scrubbed = gone(line.format(secret), secret)
    before, after = line.split("{}")
    assert scrubbed == before + "[REDACTED:password]" + after
    gone(escaped(line.format(secret)), secret)


def test_the_same_flags_elsewhere_stay() -> None:
    for near in ("scp -P 2222 build.tgz deploy@192.0.2.5:/srv", "openssl enc -aes-256-cbc -pass env:KEY -in a",
                 "keytool -list -storepass:env STOREPASS", "htpasswd -c .htpasswd admin",
                 "7z x -o/tmp a.7z", "zip -r backup.zip data/", "echo hello | docker login --help",
                 "ALTER TABLE users ADD COLUMN password TEXT;", "ENV PATH /usr/local/bin:$PATH",
                 "the resource identified by the given URI", "the name record identified by 'nameID'"):  # fmt: skip
        kept(near + "\n")


def test_dockerfile_env_with_a_space_is_an_assignment() -> None:
    value = token(24)
    assert (
        gone(f"ENV API_TOKEN {value}\nWORKDIR /app\n", value)
        == "ENV API_TOKEN [REDACTED:token]\nWORKDIR /app\n"
    )
    gone(escaped(f"FROM node:20\nENV API_TOKEN {value}\n"), value)
    kept("ENV NODE_ENV production\nENV API_TOKEN_FILE /run/secrets/token\n")


@pytest.mark.parametrize("name", ["code", "ticket", "session", "sid"])
def test_codes_tickets_and_session_ids_in_query_strings_go_and_their_siblings_stay(name: str) -> None:
    value = token(28)
    url = f"https://app.acme-corp.io/cb?{name}={value}&state=af0ifjsldkj&next=%2Fdashboard"
    assert gone(url, value) == url.replace(value, "[REDACTED:token]")
    gone(json.dumps({"url": url.replace("&", "\\u0026")}), value)
    kept("https://api.acme-corp.io/items?code=200&page=2\n")
    kept("GET /search?q=session&sid=42 HTTP/1.1\n")


def test_escaped_query_separators_end_a_value_and_start_the_next_name() -> None:
    signature, key = hexes(64), token(30)
    text = json.dumps({"url": f"https://b.s3.amazonaws.com/a?X-Amz-Expires=900&X-Amz-Signature={signature}"})
    gone(text.replace("&", "\\u0026"), signature)
    line = f'{{"url": "https://api.acme-corp.io/v1/items?api_key={key}\\u0026limit=50"}}\n'
    assert gone(line, key).endswith('\\u0026limit=50"}\n')


def test_social_security_numbers_with_spaces_or_none_go_after_their_name() -> None:
    for shape in ("{a} {g} {s}", "{a}{g}{s}"):
        number = shape.format(a=f"{RNG.randrange(1, 666):03d}", g=f"{RNG.randrange(1, 100):02d}",
                              s=f"{RNG.randrange(1, 10000):04d}")  # fmt: skip
        for template in ("SSN: {}\n", '{{"ssn": "{}", "state": "OH"}}', "social security number: {} (ok)",
                         "name,ssn,dob\nJane Roe,{},1984-02-29\n", "SSN#: {}"):  # fmt: skip
            gone(template.format(number), number)
        gone(escaped(f"Employee: Jane Roe\nSSN: {number}\n"), number)
    for near in ("ssn: 666 12 3456", "SSN: 900123456", "ssn_count: 123456789012", "ssn lookup took 123 45 6789ms",
                 "order 123456789 shipped", "call 555 12 3456"):  # fmt: skip
        kept(near)


def test_url_encoded_addresses_go_encoded_twice_or_with_a_plain_plus() -> None:
    domain = rand(string.ascii_lowercase, 8) + ".io"
    for address in (f"jane.doe%2540{domain}", f"jane.doe+ci%40{domain}", f"jane%252Bci%2540{domain}"):
        gone(f"GET /invite?to={address}&role=viewer", address)
    assert gone(f"cb%3Fuser%253Djane%2540{domain}&x=1", domain) == "cb%3Fuser%253D[REDACTED:email]&x=1"
    kept("node_modules/%40types/node/index.d.ts\n")
    kept("npm view %40babel%2Fcore version\n")


def test_values_in_escaped_transcript_lines_stop_at_the_escape() -> None:
    value = token(30)
    line = escaped(
        f'OPENAI_API_KEY=${{OPENAI_API_KEY:-}}\nAUTH_TOKEN={value}\n: "${{OPENAI_API_KEY:?must be set}}"\n'
    )
    scrubbed = gone(line, value)
    assert '\\n: \\"${OPENAI_API_KEY:?must be set}\\"\\n' in scrubbed


def test_the_third_tuning_corpus_is_labelled_exactly() -> None:
    items = build(per_class=12)
    assert {i.instance.category for i in items if i.instance} == {c.name for c in CLASSES}
    assert sum(1 for i in items if i.instance is None) == len(KEEP_LINES)
    for item in items:
        for span in item.keep:
            assert span in item.doc
        if item.instance is not None:
            assert item.doc.count(item.instance.secret) == 1
            assert not any(item.instance.secret in span for span in item.keep)


def test_the_third_tuning_corpus_meets_the_goals() -> None:
    result = measure()
    assert result.secrets >= 600 and result.spans >= 1000
    misses = [(i.category, i.doc) for i in result.misses][:5]
    assert result.recall >= 0.98 and result.clean_recall >= 0.98, misses
    assert result.keep_rate >= 0.99, result.eaten[:5]


def test_the_prefilter_skips_no_pass_these_contexts_need_and_a_second_scrub_changes_nothing() -> None:
    """Every rule here is gated on a literal; skipping by literal must change nothing, tabs and escapes included."""
    for item in build(per_class=6):
        for text in (item.doc, item.doc.replace(" ", "\t"), escaped(item.doc)):
            once = scrub_text(text).text
            assert once == scrub_every_pass(text).text, text
            assert scrub_text(once).text == once, text


def test_secret_data_grepped_from_kubectl_goes_until_the_next_command() -> None:
    value = base64.b64encode(f"postgres://app:{password()}@db:5432/app".encode()).decode()
    text = f"$ kubectl get secret db -o yaml | grep -A2 data\ndata:\n  database-url: {value}\n"
    assert gone(text, value).endswith("  database-url: [REDACTED:secret]\n")
    gone(escaped(text), value)
    kept(f"$ kubectl get secret db -o yaml | grep url\n$ cat notes.txt\n  database-url: {value}\n")
    kept("$ kubectl get secret db -o yaml | grep name\n  name: mysecret\n  namespace: defaults\n")


def test_an_aws_secret_key_after_its_id_in_escaped_code_goes() -> None:
    secret = rand(ALNUM + "+/", 36) + rand(string.digits, 4)
    gone(escaped(f'creds = BasicAWSCredentials("{akid()}", "{secret}")'), secret)


def test_an_encoded_address_with_encoded_dots_goes_whole() -> None:
    address = "jonathan%2Esmith%40" + rand(string.ascii_lowercase, 8) + ".io"
    assert (
        gone(f"https://x.acme-corp.io/?e={address}&x=1", address)
        == "https://x.acme-corp.io/?e=[REDACTED:email]&x=1"
    )


def test_a_value_that_fills_its_line_goes_whole_past_characters_that_end_values_elsewhere() -> None:
    head, tail = token(12), token(10)
    for separator in "&|;<>":
        assert gone(f"NODE_ENV=production\nDB_PASSWORD={head}{separator}{tail}\nPORT=3000\n", tail) == (
            "NODE_ENV=production\nDB_PASSWORD=[REDACTED:password]\nPORT=3000\n"
        )
    kept("Server=db.internal;Database=shop;User Id=sa;Encrypt=True;\n")
    scrubbed = gone(f"Server=db;Password={head};Encrypt=True;\n", head)
    assert scrubbed.endswith(";Encrypt=True;\n")
    assert gone(f"export API_TOKEN={head}&& make deploy\n", head).endswith("&& make deploy\n")
    assert gone(f"https://x.acme-corp.io/?password={head}&page=2\n", head).endswith("&page=2\n")


def test_pgpass_lines_lose_their_password() -> None:
    secret = password()
    assert (
        gone(f"db.internal:5432:app:app:{secret}\n", secret)
        == "db.internal:5432:app:app:[REDACTED:password]\n"
    )
    gone(escaped(f"*:*:*:postgres:{secret}\n"), secret)
    kept("time 09:12:44:55:66\npsql -h db.internal -p 5432\n")


def test_cookie_jars_printed_by_python_and_javascript_lose_session_values() -> None:
    value = token(30)
    jar = f"<RequestsCookieJar[<Cookie sessionid={value} for .acme-corp.io/>, <Cookie theme=dark for .acme-corp.io/>]>"
    assert gone(jar, value) == jar.replace(value, "[REDACTED:cookie]")
    printed = f"cookies: {{ sid: 's%3A{value}', theme: 'dark' }}"
    assert gone(printed, value).endswith("theme: 'dark' }")


def test_webhook_urls_and_bot_tokens_lose_their_credential_and_keep_the_endpoint() -> None:
    bot = f"{RNG.randrange(10**8, 10**10)}:AA{rand(ALNUM + '_-', 33)}"
    assert gone(f"curl https://api.telegram.org/bot{bot}/getMe", bot).endswith("/bot[REDACTED:token]/getMe")
    teams = hexes(32)
    scrubbed = gone(f"https://acme.webhook.office.com/webhookb2/a@b/IncomingWebhook/{teams}/0f8f", teams)
    assert scrubbed.endswith("/IncomingWebhook/[REDACTED:token]/0f8f")
    key = token(12)
    gone(f"https://hooks.zapier.com/hooks/catch/123456/{key}/", key)
    kept("time 12:30:AA and https://hooks.zapier.com/hooks/catch/\n")


@pytest.mark.parametrize("scheme", ["Hawk", "MAC"])
def test_parameter_list_schemes_lose_their_mac_and_keep_their_other_fields(scheme: str) -> None:
    mac = base64.b64encode(RNG.randbytes(32)).decode()
    header = f'Authorization: {scheme} id="dh37fgj492je", ts="1353832234", nonce="j4h3g2", mac="{mac}"\n'
    assert gone(header, mac) == header.replace(mac, "[REDACTED:authorization]")
    gone(escaped(header), mac)


def test_docker_and_npm_auth_fields_lose_their_base64_user_password_pair() -> None:
    pair = base64.b64encode(f"ci:{password()}".encode()).decode()
    assert gone(json.dumps({"auths": {"ghcr.io": {"auth": pair}}}), pair) == json.dumps(
        {"auths": {"ghcr.io": {"auth": "[REDACTED:authorization]"}}}
    )
    gone(f"//registry.npmjs.org/:_auth = {pair}\n", pair)
    kept("auth: basic\nauth: dGVzdA==\n")


def test_set_cookie_headers_folded_into_one_line_lose_every_session_value() -> None:
    first, second = token(32), token(26).lower()
    header = (
        f"{{'Set-Cookie': 'csrftoken={first}; expires=Thu, 01 Jan 2027 00:00:00 GMT; Path=/, "
        f"sessionid={second}; HttpOnly; Path=/'}}"
    )
    scrubbed = gone(header, second)
    assert first not in scrubbed
    assert (
        "; expires=Thu, 01 Jan 2027 00:00:00 GMT; Path=/, sessionid=[REDACTED:cookie]; HttpOnly; Path=/'}"
        in scrubbed
    )
    kept("Set-Cookie: theme=dark; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT, lang=en; Path=/\n")


def test_base64_values_ending_in_padding_are_values_not_annotations() -> None:
    value = base64.b64encode(password().encode()).decode().rstrip("=") + "="
    assert gone(f"password: {value}\n", value) == "password: [REDACTED:password]\n"
    gone(escaped(f"secret: {value}\n"), value)
    kept('password: str = "${DB_PASSWORD}"\ntoken: Optional[str] = None\n')


def test_secret_maps_with_blank_and_comment_lines_lose_every_value() -> None:
    value = base64.b64encode(password().encode()).decode()
    manifest = (
        f"apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  # base64\n\n  database-url: {value}\n"
    )
    assert gone(manifest, value).endswith("  # base64\n\n  database-url: [REDACTED:secret]\n")
    gone(escaped(manifest), value)
    gone(f"oc get secret db -o jsonpath='{{.data.password}}'\n{value}\n", value)
