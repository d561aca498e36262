"""Azure credentials as Azure's tools and SDKs print them (client_actors/scrub/_vendor.py): the secret goes, what
says where and how it is used stays."""

from __future__ import annotations

import base64
import json
import random
import string
import urllib.parse
import uuid

import pytest

from client_actors.scrub import scrub_text

RNG = random.Random(7331)
BASE64 = string.ascii_letters + string.digits + "+/"
URLSAFE = string.ascii_letters + string.digits + "_-"
SECRET_CHARS = string.ascii_letters + string.digits + "_~.-"


def storage_key() -> str:
    """64 random bytes in base64: 86 characters and "=="."""
    return base64.b64encode(RNG.randbytes(64)).decode()


def shared_access_key() -> str:
    return base64.b64encode(RNG.randbytes(32)).decode()


def sas_signature() -> str:
    return urllib.parse.quote(base64.b64encode(RNG.randbytes(32)).decode(), safe="")


def client_secret() -> str:
    """Entra ID's layout: three characters, a digit, "Q~", 34 characters."""
    head = "".join(RNG.choice(SECRET_CHARS) for _ in range(3)) + RNG.choice(string.digits)
    return head + "Q" + "~" + "".join(RNG.choice(SECRET_CHARS) for _ in range(34))


def guid() -> str:
    return str(uuid.UUID(bytes=RNG.randbytes(16)))


def hex32() -> str:
    return RNG.randbytes(16).hex()


def function_key() -> str:
    return base64.urlsafe_b64encode(RNG.randbytes(40)).decode()[:54] + "=="


def identifiable(signature: str, before: int, tail: str, alphabet: str = BASE64) -> str:
    """A key of ``before`` characters, the signature, and ``tail`` with each "?" drawn from ``alphabet``."""
    body = "".join(RNG.choice(alphabet) for _ in range(before))
    return body + signature + "".join(RNG.choice(alphabet) if c == "?" else c for c in tail)


def gone(text: str, secret: str, kind: str | None = None) -> str:
    result = scrub_text(text)
    pieces = {secret[at : at + 8] for at in range(len(secret) - 7)}
    assert not [piece for piece in pieces if piece in result.text], result.text
    if kind is not None:
        assert result.counts.get(kind) >= 1, result.counts
    return result.text


def test_a_storage_connection_string_keeps_all_but_the_key() -> None:
    key = storage_key()
    text = f"DefaultEndpointsProtocol=https;AccountName=acmestore;AccountKey={key};EndpointSuffix=core.windows.net"
    assert scrub_text(text).text == text.replace(key, "[REDACTED:azure-storage-key]")


def keys_list_json() -> tuple[str, list[str]]:
    keys = [storage_key(), storage_key()]
    entries = [
        {
            "creationTime": "2026-01-01T00:00:00.000000+00:00",
            "keyName": f"key{n}",
            "permissions": "FULL",
            "value": k,
        }
        for n, k in enumerate(keys, 1)
    ]
    return json.dumps(entries, indent=2), keys


def keys_list_table() -> tuple[str, list[str]]:
    keys = [storage_key(), storage_key()]
    rows = "".join(f"key{n}       FULL           {k}\n" for n, k in enumerate(keys, 1))
    return "KeyName    Permissions    Value\n---------  -------------  " + "-" * 88 + "\n" + rows, keys


def keys_list_tsv() -> tuple[str, list[str]]:
    keys = [storage_key(), storage_key()]
    rows = "".join(f"2026-01-01T00:00:00.000000+00:00\tkey{n}\tFULL\t{k}\n" for n, k in enumerate(keys, 1))
    return "$ az storage account keys list -g rg -n acme -o tsv\n" + rows, keys


def keys_list_yaml() -> tuple[str, list[str]]:
    keys = [storage_key(), storage_key()]
    rows = "".join(
        f"- creationTime: '2026-01-01T00:00:00+00:00'\n  keyName: key{n}\n  permissions: FULL\n  value: {k}\n"
        for n, k in enumerate(keys, 1)
    )
    return rows, keys


def keys_list_query() -> tuple[str, list[str]]:
    keys = [storage_key(), storage_key()]
    command = "$ az storage account keys list -g rg -n acme --query '[].value' -o tsv\n"
    return command + "".join(k + "\n" for k in keys), keys


@pytest.mark.parametrize(
    "listing", [keys_list_json, keys_list_table, keys_list_tsv, keys_list_yaml, keys_list_query]
)
def test_storage_keys_as_the_cli_lists_them_go(listing: object) -> None:
    assert callable(listing)
    text, keys = listing()
    for key in keys:
        gone(text, key, "azure-storage-key")
    escaped = json.dumps({"output": text})
    for key in keys:
        gone(escaped, key, "azure-storage-key")


def test_what_a_key_listing_says_about_its_keys_stays() -> None:
    text, _ = keys_list_json()
    scrubbed = scrub_text(text).text
    assert '"keyName": "key1"' in scrubbed and '"permissions": "FULL"' in scrubbed


@pytest.mark.parametrize(
    "template",
    [
        "export AZURE_STORAGE_KEY={}\n",
        "AZURE_STORAGE_ACCESS_KEY={}\n",
        "az storage blob upload --account-name acme --account-key {} -f x -c c\n",
        'storage_account_access_key = "{}"\n',
        "AccountEndpoint=https://acme.documents.azure.com:443/;AccountKey={};\n",
    ],
)
def test_a_storage_or_cosmos_key_under_its_name_goes(template: str) -> None:
    key = storage_key()
    scrubbed = gone(template.format(key), key)
    assert "acme" in scrubbed or "AZURE" in scrubbed or "storage_account" in scrubbed


@pytest.mark.parametrize("suffix", ["", ";EntityPath=events"])
def test_a_service_bus_connection_string_keeps_its_key_name(suffix: str) -> None:
    key = shared_access_key()
    text = (
        "Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;"
        f"SharedAccessKey={key}{suffix}"
    )
    assert scrub_text(text).text == text.replace(key, "[REDACTED:azure-storage-key]")


SAS_FIELDS = (
    "sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=2026-12-31T00:00:00Z&st=2026-01-01T00:00:00Z&spr=https"
)


@pytest.mark.parametrize(
    "template",
    [
        "https://acme.blob.core.windows.net/c/x.txt?{fields}&sig={sig}",
        "?{fields}&sig={sig}",
        "AZURE_SAS_TOKEN={fields}&sig={sig}\n",
        "BlobEndpoint=https://acme.blob.core.windows.net/;SharedAccessSignature={fields}&sig={sig}",
        '<a href="https://acme.blob.core.windows.net/c?{amp_fields}&amp;sig={sig}">x</a>',
    ],
)
def test_a_sas_loses_only_its_signature(template: str) -> None:
    sig = sas_signature()
    text = template.format(fields=SAS_FIELDS, amp_fields=SAS_FIELDS.replace("&", "&amp;"), sig=sig)
    assert scrub_text(text).text == text.replace(sig, "[REDACTED:azure-sas-signature]")


def test_a_sas_in_json_that_escapes_its_ampersands_loses_its_signature() -> None:
    sig = sas_signature()
    url = "https://acme.blob.core.windows.net/c?sv=2022-11-02&sp=r&sig=" + sig
    text = '{"url":"' + url.replace("&", "\\u0026") + '"}'
    assert scrub_text(text).text == text.replace(sig, "[REDACTED:azure-sas-signature]")


@pytest.mark.parametrize(
    "template",
    [
        "AZURE_CLIENT_SECRET={}\n",
        "The secret's value is shown once: {}\n",
        "ci             {guid}  {}\n",
        '{{"clientId": "{guid}", "clientSecret": "{}", "tenantId": "{guid}"}}',
        "az login --service-principal -u {guid} -p {} --tenant {guid}\n",
        'app = ConfidentialClientApplication("{guid}", client_credential="{}", authority=a)\n',
    ],
)
def test_an_entra_client_secret_goes_and_its_ids_stay(template: str) -> None:
    secret, app = client_secret(), guid()
    text = template.replace("{guid}", app).format(secret)
    scrubbed = gone(text, secret)
    if app in text:
        assert app in scrubbed


def test_a_service_principal_s_creation_output_loses_only_its_password() -> None:
    secret, app, tenant = client_secret(), guid(), guid()
    created = {"appId": app, "displayName": "azure-cli-2026-01-01", "password": secret, "tenant": tenant}
    text = json.dumps(created, indent=2)
    assert scrub_text(text).text == text.replace(secret, "[REDACTED:secret]")


@pytest.mark.parametrize(
    ("template", "keep"),
    [
        (
            "curl -H 'x-functions-key: {}' https://acme-fn.azurewebsites.net/api/ingest",
            "acme-fn.azurewebsites.net",
        ),
        ("https://acme-fn.azurewebsites.net/api/HttpTrigger1?code={}&name=x", "&name=x"),
    ],
)
def test_a_function_key_goes(template: str, keep: str) -> None:
    key = function_key()
    assert keep in gone(template.format(key), key)


def test_a_function_app_s_key_listing_loses_every_key() -> None:
    keys = [function_key(), function_key(), function_key()]
    listing = {"functionKeys": {"default": keys[0], "ci": keys[1]}, "masterKey": keys[2], "systemKeys": {}}
    text = json.dumps(listing, indent=2)
    scrubbed = scrub_text(text).text
    for key in keys:
        gone(text, key)
    assert '"systemKeys": {}' in scrubbed and '"default": ' in scrubbed


@pytest.mark.parametrize(
    "template",
    [
        "curl -H 'Ocp-Apim-Subscription-Key: {}' https://acme.azure-api.net/echo",
        "https://acme.azure-api.net/echo?subscription-key={}",
        "curl https://acme.openai.azure.com/openai/deployments/gpt/chat/completions -H 'api-key: {}'",
        "AZURE_OPENAI_API_KEY={}\n",
        'client = AzureOpenAI(api_key="{}", api_version="2024-02-01")',
        '{{"headers": {{"api-key": "{}", "Content-Type": "application/json"}}}}',
    ],
)
def test_an_api_management_or_openai_key_goes(template: str) -> None:
    key = hex32()
    gone(template.format(key), key)


@pytest.mark.parametrize(
    ("signature", "before", "tail", "alphabet", "kind"),
    [
        ("+ASt", 76, "?????A==", BASE64, "azure-storage-key"),
        ("ACDb", 76, "?????g==", BASE64, "azure-storage-key"),
        ("+ASb", 33, "?????E=", BASE64, "azure-storage-key"),
        ("+AEh", 33, "?????8=", BASE64, "azure-storage-key"),
        ("AzFu", 44, "?????Q==", URLSAFE, "api-key"),
        ("AzSe", 42, "B?????", string.ascii_letters + string.digits, "api-key"),
        ("AzCa", 33, "K?????=", string.ascii_letters + string.digits, "api-key"),
        ("JQQJ9", 52, "9?C????????????????Q???????", string.ascii_letters + string.digits, "token"),
        ("JQQJ9", 52, "D?A????????????????b?????????==", string.ascii_letters + string.digits, "token"),
    ],
)
def test_an_identifiable_key_goes_wherever_it_stands(
    signature: str, before: int, tail: str, alphabet: str, kind: str
) -> None:
    key = identifiable(signature, before, tail, alphabet)
    assert scrub_text(f"{key}\n").text == f"[REDACTED:{kind}]\n"
    assert scrub_text(f'{{"default": "{key}"}}').text == f'{{"default": "[REDACTED:{kind}]"}}'


def test_an_application_insights_connection_string_is_kept() -> None:
    """Its instrumentation key is an identifier that browsers are given, not a credential (Microsoft says so)."""
    ikey = guid()
    text = (
        f"APPLICATIONINSIGHTS_CONNECTION_STRING=InstrumentationKey={ikey};"
        "IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/"
    )
    assert scrub_text(text).text == text
    assert scrub_text(f'"instrumentationKey": "{ikey}"').text == f'"instrumentationKey": "{ikey}"'


def test_look_alikes_stay() -> None:
    digest = base64.b64encode(RNG.randbytes(64)).decode()  # SHA-512's size, as integrity strings give it
    for text in (
        f'"integrity": "sha512-{digest}",\n',
        f'<script src="app.js" integrity="sha512-{digest}" crossorigin="anonymous"></script>\n',
        f"Read the notes: {digest}\n",
        "https://acme.blob.core.windows.net/c?sv=2022-11-02&sp=r&sig=<signature>\n",
        "cp ~/a1Q~/x ~/backup/Q~notes.txt\n",
        "if (a == b) { return x == y; }\n",
        "SharedAccessKeyName=RootManageSharedAccessKey\n",
    ):
        assert scrub_text(text).text == text


def key_vault_secret() -> tuple[str, str]:
    secret = "".join(RNG.choice(string.ascii_letters + string.digits) for _ in range(40))
    shown = {
        "attributes": {"enabled": True},
        "contentType": None,
        "id": "https://acme-kv.vault.azure.net/secrets/stripe/" + RNG.randbytes(16).hex(),
        "name": "stripe",
        "tags": {"env": "prod"},
        "value": secret,
    }
    return json.dumps(shown, indent=2), secret


def test_a_key_vault_secret_shown_by_the_cli_goes_whatever_its_name() -> None:
    text, secret = key_vault_secret()
    assert scrub_text(text).text == text.replace(secret, "[REDACTED:secret]")
    escaped = json.dumps({"stdout": text})
    assert scrub_text(escaped).text == escaped.replace(secret, "[REDACTED:secret]")


@pytest.mark.parametrize("output", ["-o tsv\n{}\n$ ls\n", '\n"{}"\n'])
def test_a_key_vault_secret_s_value_alone_goes(output: str) -> None:
    _, secret = key_vault_secret()
    text = "$ az keyvault secret show --vault-name acme-kv -n stripe --query value " + output.format(secret)
    assert scrub_text(text).text == text.replace(secret, "[REDACTED:secret]")


def test_a_publish_profile_loses_its_password() -> None:
    secret = "".join(RNG.choice(string.ascii_letters + string.digits) for _ in range(60))
    text = (
        '<publishProfile profileName="acme-app - Web Deploy" publishUrl="acme-app.scm.azurewebsites.net:443" '
        f'userName="$acme-app" userPWD="{secret}" destinationAppUrl="https://acme-app.azurewebsites.net"/>'
    )
    assert scrub_text(text).text == text.replace(secret, "[REDACTED:password]")


def test_a_key_vault_url_alone_stays() -> None:
    for text in ("https://acme-kv.vault.azure.net/secrets/stripe\n", "userPWD = None\n"):
        assert scrub_text(text).text == text


@pytest.mark.parametrize("lead", ["+", "    12→", "2026-01-02T03:04:05.1234567Z ", "> ", "config/app.env:3:"])
def test_an_entra_client_secret_behind_what_a_tool_puts_before_a_line_goes(lead: str) -> None:
    secret = client_secret()
    assert scrub_text(f"{lead}{secret}\n").text == f"{lead}[REDACTED:secret]\n"


@pytest.mark.parametrize(
    ("before", "after"), [("+", "\n"), ("-", "\n"), ('{"log": "ok\\n', '"}'), ("key1\t", "\n")]
)
def test_an_identifiable_key_at_a_line_s_start_goes(before: str, after: str) -> None:
    key = identifiable("+ASt", 76, "?????w==")
    assert scrub_text(f"{before}{key}{after}").text == f"{before}[REDACTED:azure-storage-key]{after}"


def test_an_identifiable_key_s_shape_inside_longer_base64_stays() -> None:
    blob = identifiable("", 12, "") + identifiable("+ASt", 76, "?????Q==")
    assert scrub_text(f"data: {blob}\n").text == f"data: {blob}\n"
