"""Classes the rules used to miss, and look-alikes they used to eat: secrets and social security numbers placed
by an SQL column list (and the bindings an ORM logs after it), key-value tables printed by tools, social
security numbers that only their context names, .pgpass lines on any port, and header values that grant
nothing (Postman-Token, Sec-WebSocket-Key, a service account token Secret's namespace). Every value is generated
at test time, and each sits behind the line wrappers agents print.
"""

from __future__ import annotations

import base64
import json
import random
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from client_actors.scrub import scrub_text
from tests.scrubcorpus import fakes
from tests.support.scrubbing import scrubbed

RNG = random.Random(20261208)


def _escaped(text: str) -> str:
    """The text as a transcript line carries it: inside a JSON string, quotes and newlines escaped."""
    return json.dumps({"type": "tool_result", "content": text})[
        len('{"type": "tool_result", "content": "') : -2
    ]


def _each_line(lead: Callable[[int], str]) -> Callable[[str], str]:
    return lambda text: "\n".join(lead(number) + line for number, line in enumerate(text.split("\n"), 40))


WRAPPERS: dict[str, Callable[[str], str]] = {
    "plain": lambda text: text,
    "escaped": _escaped,
    "diff": _each_line(lambda _: "+"),
    "arrow": _each_line(lambda number: f"    {number}→"),
    "grep": _each_line(lambda number: f"internal/config/config.go:{number}:"),
    "fence": lambda text: f"```text\n{text}\n```",
}


def secret(rng: random.Random) -> str:
    """A password or a generated secret that starts with a letter or a digit (as a table cell shows it)."""
    while True:
        value = rng.choice([fakes.password, fakes.api_secret, fakes.generated_token])(rng)
        if value[0].isalnum() and "$" not in value:
            return value


def ssn_digits(rng: random.Random) -> str:
    """Nine digits that can be an issued social security number: area 001-899 but not 666, group 01-99,
    serial 0001-9999."""
    area = rng.choice([n for n in range(1, 900) if n != 666])
    return f"{area:03d}{rng.randrange(1, 100):02d}{rng.randrange(1, 10000):04d}"


def spaced(digits: str) -> str:
    return f"{digits[:3]} {digits[3:5]} {digits[5:]}"


# --- SQL rows -----------------------------------------------------------------------------------------------

INSERTS = [
    ("INSERT INTO api_keys (owner, key, created_at) VALUES ('ci', '{}', now());", "api-key"),
    ("insert into users (id, email, password) values (7, 'ops@example.com', '{}');", "password"),
    ("INSERT INTO integrations (name, webhook_secret) VALUES ('stripe', '{}');", "secret"),
    ('INSERT INTO "public"."tokens" ("user_id", "token", "expires_at") VALUES (7, \'{}\', NULL);', "token"),
    ("INSERT INTO `credentials` (`service`, `credential`) VALUES ('s3', '{}');", "credential"),
    ("INSERT INTO settings (name, value) VALUES ('smtp_password', '{}'), ('smtp_host', 'mail.example.com');",
     "password"),
    ("INSERT INTO api_keys (owner, key)\nVALUES ('ci', '{}');", "api-key"),
]  # fmt: skip


@pytest.mark.parametrize("wrap", WRAPPERS.values(), ids=WRAPPERS.keys())
@pytest.mark.parametrize(("statement", "kind"), INSERTS)
def test_an_inserted_secret_goes_by_its_column(wrap: Callable[[str], str], statement: str, kind: str) -> None:
    value = secret(RNG)
    out = scrubbed(wrap(statement.format(value)))
    assert out == wrap(statement.format(f"[REDACTED:{kind}]")), out


def test_every_row_of_a_multi_row_insert_loses_its_secret() -> None:
    first, second = secret(RNG), secret(RNG)
    text = (
        f"INSERT INTO credentials (service, credential) VALUES\n  ('s3', '{first}'),\n  ('gcs', '{second}');"
    )
    assert scrubbed(text) == text.replace(first, "[REDACTED:credential]").replace(
        second, "[REDACTED:credential]"
    )


@pytest.mark.parametrize("wrap", WRAPPERS.values(), ids=WRAPPERS.keys())
def test_insert_look_alikes_are_kept(wrap: Callable[[str], str]) -> None:
    for text in (
        "INSERT INTO api_keys (owner, key_id, created_at) VALUES ('ci', 'kid_2024_01', now());",
        "INSERT INTO cache (key, value) VALUES ('user:42:profile', 'warm');",
        "INSERT INTO translations (key, value) VALUES ('login.password', 'Password');",
        "INSERT INTO api_keys (owner, key) VALUES ('ci', ?);",
        "INSERT INTO users (id, name, password) VALUES (1, 'ops', '');",
        "INSERT INTO audit (actor, action, created_at) VALUES ('ci', 'rotate api_key', now());",
        "INSERT INTO people (id, state, zip) VALUES (7, 'IL', '606 01 2345');",
    ):
        assert scrubbed(wrap(text)) == wrap(text), text


@pytest.mark.parametrize("wrap", WRAPPERS.values(), ids=WRAPPERS.keys())
def test_an_inserted_ssn_goes_by_its_column(wrap: Callable[[str], str]) -> None:
    for digits in (ssn_digits(RNG), ssn_digits(RNG)):
        for written in (spaced(digits), digits):
            statement = "insert into person (ssn, state, id) values ('{}', 'IL', 7);"
            out = scrubbed(wrap(statement.format(written)))
            assert out == wrap(statement.format("[REDACTED:ssn]")), out
    for never_issued in ("000 12 3456", "666 12 3456", "912 34 5678", "123 00 4567", "123 45 0000"):
        kept = f"insert into person (ssn, state, id) values ('{never_issued}', 'IL', 7);"
        assert scrubbed(wrap(kept)) == wrap(kept)


HIBERNATE = {
    "five": "o.h.t.d.s.BasicBinder : binding parameter [{n}] as [{type}] - [{value}]",
    "six": "org.hibernate.orm.jdbc.bind : binding parameter ({n}:{type}) <- [{value}]",
}


@pytest.mark.parametrize("wrap", WRAPPERS.values(), ids=WRAPPERS.keys())
@pytest.mark.parametrize("layout", HIBERNATE.values(), ids=HIBERNATE.keys())
def test_a_logged_binding_goes_by_its_placeholders_column(wrap: Callable[[str], str], layout: str) -> None:
    number, password = spaced(ssn_digits(RNG)), secret(RNG)
    lines = [
        "o.h.SQL : insert into person (ssn, state, id) values (?, ?, ?)",
        layout.format(n=1, type="VARCHAR", value=number),
        layout.format(n=2, type="VARCHAR", value="IL"),
        layout.format(n=3, type="BIGINT", value="123456789"),
        "o.h.SQL : insert into accounts (id, login, password, created_at) values (?, ?, ?, now())",
        layout.format(n=1, type="BIGINT", value="518273645"),
        layout.format(n=2, type="VARCHAR", value="ops"),
        layout.format(n=3, type="VARCHAR", value=password),
    ]
    out = scrubbed(wrap("\n".join(lines)))
    lines[1] = lines[1].replace(number, "[REDACTED:ssn]")
    lines[7] = lines[7].replace(password, "[REDACTED:password]")
    assert out == wrap("\n".join(lines)), out


def test_bindings_of_a_statement_without_a_sensitive_column_are_kept() -> None:
    text = (
        "o.h.SQL : insert into person (zip, state, id) values (?, ?, ?)\n"
        "o.h.t.d.s.BasicBinder : binding parameter [1] as [VARCHAR] - [606 01 2345]\n"
        "o.h.SQL : select p.ssn from person p where p.id=?\n"
        "o.h.t.d.s.BasicBinder : binding parameter [1] as [VARCHAR] - [701 25 9703]\n"
    )
    assert scrubbed(text) == text


# --- Printed key-value tables -------------------------------------------------------------------------------

TABLES = [
    "     key      |   value\n--------------+-----------\n api_secret   | {}\n region       | eu-west-1\n(2 rows)",
    "+------------+------------------+\n| Variable   | Value            |\n+------------+------------------+\n"
    "| auth_token | {} |\n| region     | eu-west-1        |\n+------------+------------------+",
    "| name | value |\n|---|---|\n| STRIPE_SECRET_KEY | {} |\n| REGION | eu-west-1 |",
    "-[ RECORD 1 ]-+----------\nsmtp_password | {}\nsmtp_host     | mail.example.com",
]


@pytest.mark.parametrize("wrap", WRAPPERS.values(), ids=WRAPPERS.keys())
@pytest.mark.parametrize("table", TABLES)
def test_a_key_value_tables_secret_row_loses_its_value(wrap: Callable[[str], str], table: str) -> None:
    value = secret(RNG)
    out = scrubbed(wrap(table.format(value)))
    assert value not in out
    assert "eu-west-1" in out or "mail.example.com" in out
    assert out.count("[REDACTED:") == 1, out


def test_a_tables_last_row_in_a_json_string_loses_only_its_value() -> None:
    value = secret(RNG)
    table = (
        "     key      |   value\n--------------+-----------\n region       | eu-west-1\n api_secret   | {}"
    )
    for cell in (value, f'"{value}"'):
        line = json.dumps({"type": "tool_result", "content": table.format(cell)})
        out = scrubbed(line)
        assert out == line.replace(value, "[REDACTED:secret]"), out
        assert json.loads(out)["content"].endswith(cell.replace(value, "[REDACTED:secret]"))


@pytest.mark.parametrize("wrap", WRAPPERS.values(), ids=WRAPPERS.keys())
def test_a_column_named_for_a_secret_loses_its_cells_but_not_plain_words(wrap: Callable[[str], str]) -> None:
    value = secret(RNG) + "7!"
    table = f" id | username | password\n----+----------+----------\n  1 | ops      | {value}\n  2 | ci       | none\n"
    assert scrubbed(wrap(table)) == wrap(table.replace(value, "[REDACTED:password]"))


@pytest.mark.parametrize("wrap", WRAPPERS.values(), ids=WRAPPERS.keys())
def test_table_look_alikes_are_kept(wrap: Callable[[str], str]) -> None:
    for text in (
        "          name          |    setting\n------------------------+---------------\n"
        " password_encryption    | scram-sha-256\n ssl_key_file           | server.key\n"
        " ssl_passphrase_command |\n(3 rows)",
        "     key      |   value\n--------------+-----------\n api_secret   | ********\n token_ttl    | 3600\n"
        " ssl_key      | certs/server.key",
        "   Column   |          Type          | Nullable\n------------+------------------------+----------\n"
        " password   | character varying(255) | not null\n api_key    | text                   |",
        " token | count\n-------+-------\n the   |   523\n key   |   101",
        "| key | value |\n|-----|-------|\n| password | the user's own password |\n| api_token | see the vault |",
        "| Option | Value |\n|---|---|\n| `API_TOKEN` | `your-token` |\n| `DB_PASSWORD` | `<password>` |",
        "| Feature | Token | Session |\n|---|---|---|\n| Expiry | Fixed lifetime | Idle timeout |\n"
        "| Storage | no | yes |",
    ):
        assert scrubbed(wrap(text)) == wrap(text), text


# --- Social security numbers named by their context ---------------------------------------------------------


@pytest.mark.parametrize("wrap", WRAPPERS.values(), ids=WRAPPERS.keys())
def test_a_field_whose_type_says_ssn_loses_its_number(wrap: Callable[[str], str]) -> None:
    digits = ssn_digits(RNG)
    for written in (spaced(digits), digits):
        for record, gone in (
            ('{{\n  "tax_id": "{}",\n  "tax_id_type": "ssn",\n  "state": "IL"\n}}', True),
            ('{{"taxIdType": "SSN", "taxId": "{}"}}', True),
            ("tax_id_type: ssn\ntax_id_number: {}", True),
            ('{{\n  "tax_id": "{}",\n  "tax_id_type": "ein"\n}}', False),
            ('{{\n  "order_id": "{}",\n  "tax_id_type": "ssn"\n}}', False),
        ):
            out = scrubbed(wrap(record.format(written)))
            expected = record.format("[REDACTED:ssn]" if gone else written)
            assert out == wrap(expected), out


@pytest.mark.parametrize("wrap", WRAPPERS.values(), ids=WRAPPERS.keys())
def test_a_number_on_the_line_after_social_security_number_goes(wrap: Callable[[str], str]) -> None:
    digits = ssn_digits(RNG)
    for written in (digits, spaced(digits)):
        form = "a  Employee's social security number\n   {}\nb  Employer identification number (EIN)"
        assert scrubbed(wrap(form.format(written))) == wrap(form.format("[REDACTED:ssn]"))


@pytest.mark.parametrize("wrap", WRAPPERS.values(), ids=WRAPPERS.keys())
def test_a_spaced_ssn_as_a_whole_csv_cell_goes(wrap: Callable[[str], str]) -> None:
    number = spaced(ssn_digits(RNG))
    for row in ("data/exports/q2.csv:118:E-118,{},IL,2021-07-19", 'E-118,"{}",IL', "E-118,IL,{}"):
        assert scrubbed(wrap(row.format(number))) == wrap(row.format("[REDACTED:ssn]"))


@pytest.mark.parametrize("wrap", WRAPPERS.values(), ids=WRAPPERS.keys())
def test_spaced_number_look_alikes_are_kept(wrap: Callable[[str], str]) -> None:
    number = spaced(ssn_digits(RNG))
    for text in (
        f"E-118,{number}",  # two cells: no row to speak of
        f"E-118, {number}, IL",  # not the whole cell
        f"see {number} in the export, row 118, column 2",
        "E-118,666 70 2462,IL",
        "E-118,912 70 2462,IL",
        "E-118,756 00 2462,IL",
        "E-118,312 555 0142,IL",  # a phone's 3-3-4
        "build,123 45 67890,ok",
    ):
        assert scrubbed(wrap(text)) == wrap(text), text


@settings(max_examples=200, deadline=None)
@given(st.randoms(use_true_random=False))
def test_any_issued_ssn_as_a_csv_cell_goes(rng: random.Random) -> None:
    number = spaced(ssn_digits(rng))
    row = f"E-{rng.randrange(1000)},{{}},IL,2021-07-19"
    assert scrubbed(row.format(number)) == row.format("[REDACTED:ssn]")


# --- .pgpass ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "wrap", [*WRAPPERS.values(), _each_line(lambda _: "│ ")], ids=[*WRAPPERS.keys(), "box"]
)
def test_pgpass_lines_after_their_header_lose_the_password_on_any_port(wrap: Callable[[str], str]) -> None:
    first, second = secret(RNG), secret(RNG)
    text = (
        "# hostname:port:database:username:password\n"
        f"db.internal:5432:shop:app:{first}\nreplica.internal:6432:*:app:{second}"
    )
    expected = text.replace(first, "[REDACTED:password]").replace(second, "[REDACTED:password]")
    assert scrubbed(wrap(text)) == wrap(expected)


def test_pgpass_lines_under_the_files_name_lose_the_password() -> None:
    value = secret(RNG)
    for lead in (
        "$ cat ~/.pgpass\n",
        "PGPASSFILE=/etc/app/pgpass\n",
        "%APPDATA%\\postgresql\\pgpass.conf:\n",
    ):
        text = f"{lead}db.internal:6543:shop:app:{value}\n"
        assert scrubbed(text) == text.replace(value, "[REDACTED:password]")


def test_colon_separated_look_alikes_are_kept() -> None:
    for text in (
        "# hostname:port:database:username:password\n",
        "db.internal:6432:shop:app:notes\n",  # another port, no header or file name in view: a known limit
        "# hostname:port:database:username:password\ntime 09:12:44:55:66\n",
        "# hostname:port:database:username:password\ndb.internal:5432:shop:app:*\n",
    ):
        assert scrubbed(text) == text, text


# --- Values that grant nothing ------------------------------------------------------------------------------


def _uuid(rng: random.Random) -> str:
    digits = fakes.chars(rng, fakes.HEX, 32)
    return f"{digits[:8]}-{digits[8:12]}-4{digits[13:16]}-a{digits[17:20]}-{digits[20:]}"


@pytest.mark.parametrize("wrap", WRAPPERS.values(), ids=WRAPPERS.keys())
def test_a_request_id_and_a_handshake_nonce_are_kept_and_credentials_beside_them_go(
    wrap: Callable[[str], str],
) -> None:
    nonce = base64.b64encode(RNG.randbytes(16)).decode()
    token = fakes.generated_token(RNG, 40)
    headers = (
        f"GET /socket?v=2 HTTP/1.1\nUpgrade: websocket\nSec-WebSocket-Key: {nonce}\nSec-WebSocket-Version: 13\n"
        f"  Postman-Token: {_uuid(RNG)}\n  postman-token: {_uuid(RNG)}\nAuthorization: Bearer {token}"
    )
    out = scrubbed(wrap(headers))
    assert out == wrap(headers.replace(token, "[REDACTED:authorization]")), out
    assert scrubbed(wrap(f'{{"sec-websocket-key": "{nonce}"}}')) == wrap(
        f'{{"sec-websocket-key": "{nonce}"}}'
    )


@pytest.mark.parametrize("wrap", WRAPPERS.values(), ids=WRAPPERS.keys())
def test_a_service_account_secrets_namespace_is_kept(wrap: Callable[[str], str]) -> None:
    token = base64.b64encode(fakes.generated_token(RNG, 48).encode()).decode()
    for namespace in ("default", "kube-system", "shop-prod"):
        encoded = base64.b64encode(namespace.encode()).decode()
        manifest = (
            f"data:\n  namespace: {encoded}\n  token: {token}\nkind: Secret\nmetadata:\n  annotations:\n"
            "    kubernetes.io/service-account.name: deployer\ntype: kubernetes.io/service-account-token"
        )
        out = scrubbed(wrap(manifest))
        # (behind a line lead, the manifest's maps are not read as a Secret's: the token goes by its name)
        assert token not in out and out.count("[REDACTED:") == 1 and f"namespace: {encoded}" in out, out
        printed = json.dumps({"kind": "Secret", "data": {"namespace": encoded, "token": token}})
        assert scrubbed(printed) == printed.replace(token, "[REDACTED:secret]")


def test_a_namespace_entry_that_is_no_name_goes() -> None:
    value = base64.b64encode(secret(RNG).encode() + b" !").decode()
    manifest = f"kind: Secret\ndata:\n  namespace: {value}\n"
    assert scrubbed(manifest) == manifest.replace(value, "[REDACTED:secret]")


def test_the_counts_name_the_new_kinds() -> None:
    result = scrub_text(
        f"INSERT INTO api_keys (owner, key) VALUES ('ci', '{secret(RNG)}');\nE-1,{spaced(ssn_digits(RNG))},IL\n"
    )
    assert result.counts.get("api-key") == 1 and result.counts.get("ssn") == 1
