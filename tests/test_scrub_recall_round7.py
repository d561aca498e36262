"""Classes the rules used to miss: bank account numbers (IBAN), each in several syntaxes and behind the line
wrappers agents print (a JSON-escaped transcript line, a diff's added line, a numbered file read, a CI log's
timestamp), beside the look-alikes that must come out unchanged. Every value is generated at test time.
"""

from __future__ import annotations

import base64
import ipaddress
import json
import random
import string
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from client_actors.scrub import REDACTION_KINDS, scrub_text
from client_actors.scrub._iban import BBAN_LAYOUTS, IBAN_LENGTHS, is_iban
from tests.support.scrubbing import make_iban, scrubbed

RNG = random.Random(20261207)


def _escaped(text: str) -> str:
    """The text as a transcript line carries it: inside a JSON string, quotes and newlines escaped."""
    return json.dumps({"type": "tool_result", "content": text})[
        len('{"type": "tool_result", "content": "') : -2
    ]


WRAPPERS: dict[str, Callable[[str], str]] = {
    "plain": lambda line: line,
    "escaped": _escaped,
    "diff": lambda line: f"+{line}",
    "arrow": lambda line: f"    12→{line}",
    "timestamp": lambda line: f"2026-12-03T22:00:01.1234567Z {line}",
}

# --- IBAN ---------------------------------------------------------------------------------------------------


def wrong_check(iban: str) -> str:
    """The same IBAN with other check digits (still in 02-98), which the mod-97 check rejects."""
    digits = int(iban[2:4])
    return f"{iban[:2]}{(digits - 2 + 1 + RNG.randrange(95)) % 97 + 2:02d}{iban[4:]}"


def grouped(iban: str) -> str:
    """The printed form: groups of four, one space between."""
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


def test_the_registry_lengths_of_common_countries() -> None:
    # From the public IBAN registry: the lengths payments in these countries use.
    expected = {
        "DE": 22, "GB": 22, "FR": 27, "ES": 24, "IT": 27, "NL": 18, "BE": 16, "CH": 21, "AT": 20, "PL": 28,
        "PT": 25, "IE": 22, "SE": 24, "DK": 18, "NO": 15, "FI": 18, "LU": 20, "CZ": 24, "GR": 27, "HU": 28,
        "RO": 24, "BG": 22, "HR": 21, "SK": 24, "SI": 19, "LT": 20, "LV": 21, "EE": 20, "MT": 31, "CY": 28,
        "TR": 26, "SA": 24, "AE": 23, "IL": 23, "BR": 29, "UA": 29, "IS": 26, "LI": 21, "MC": 27, "SM": 27,
    }  # fmt: skip
    assert {country: IBAN_LENGTHS[country] for country in expected} == expected


def test_generated_ibans_are_valid_and_wrong_check_digits_are_not() -> None:
    for _ in range(300):
        iban = make_iban(RNG)
        assert is_iban(iban), iban
        assert not is_iban(wrong_check(iban))
        assert not is_iban(iban[:-1]) and not is_iban(iban + "0")


IBAN_LINES = [
    "Please transfer the deposit to IBAN {} by Friday.",
    "IBAN: {}",
    "name,iban,amount\nJane Roe,{},120.00",
    '{{"creditor": {{"name": "Jane Roe", "iban": "{}"}}, "amount": {{"currency": "EUR", "value": "10.00"}}}}',
    "iban: {}",
    'iban = "{}"',
    "PAYOUT_IBAN={}",
    "INSERT INTO accounts (id, holder, iban) VALUES (7, 'Jane Roe', '{}');",
    " 7 | Jane Roe | {} | active",
    "2026-12-04 09:12:44 INFO payout created iban={} amount=120.00",
    "stripe.sources.create(type='sepa_debit', sepa_debit={{'iban': '{}'}})",
    "  <IBAN>{}</IBAN>",
]


@pytest.mark.parametrize("wrap", WRAPPERS.values(), ids=WRAPPERS.keys())
@pytest.mark.parametrize("line", IBAN_LINES)
@pytest.mark.parametrize("printed", [False, True], ids=["compact", "grouped"])
def test_an_iban_is_redacted_in_any_syntax_behind_any_wrapper(
    wrap: Callable[[str], str], line: str, printed: bool
) -> None:
    iban = make_iban(RNG, RNG.choice(["DE", "GB", "FR", "NL", "ES", "IT", "BE", "CH", "PL", "NO", "MT"]))
    written = grouped(iban) if printed else iban
    out = scrubbed(wrap(line.format(written)))
    assert out == wrap(line.format("[REDACTED:iban]")), out
    assert "iban" in REDACTION_KINDS


def test_an_iban_printed_with_no_break_spaces_is_redacted() -> None:
    for space in ("\u00a0", "\u202f"):
        iban = make_iban(RNG, "FR")
        printed = space.join(iban[i : i + 4] for i in range(0, len(iban), 4))
        assert scrubbed(f"<td>IBAN&nbsp;: {printed}</td>") == "<td>IBAN&nbsp;: [REDACTED:iban]</td>"


def test_the_counts_name_the_iban() -> None:
    result = scrub_text(f"IBAN {make_iban(RNG)} and {grouped(make_iban(RNG))}")
    assert result.counts.get("iban") == 2 and result.counts.total == 2


def test_an_ibans_digits_are_never_read_as_a_card() -> None:
    # A German account's 18 digits, printed in groups, hold a card's 4-4-4-4 shape; the IBAN is what they are.
    for _ in range(200):
        iban = make_iban(RNG, "DE")
        assert scrubbed(f"to {grouped(iban)} today") == "to [REDACTED:iban] today"


@pytest.mark.parametrize("wrap", WRAPPERS.values(), ids=WRAPPERS.keys())
def test_iban_look_alikes_are_kept(wrap: Callable[[str], str]) -> None:
    iban = make_iban(RNG, "DE")
    # Printed in groups with wrong check digits, a German account's digits may still be read as a card
    # number; a Dutch one has too few digits in a row for that.
    dutch = make_iban(RNG, "NL")
    hexdigest = "".join(RNG.choice("0123456789ABCDEF") for _ in range(40))
    kept = [
        f"IBAN {wrong_check(iban)} was rejected: check digits",
        f"IBAN {grouped(wrong_check(dutch))} was rejected",
        f"masked: {iban[:4]} **** **** **** **{iban[-4:-2]} {iban[-2:]}",
        f"IBAN {iban[:-1]} is one digit short",
        f"IBAN {iban}7 is one digit long",
        f"sha1 {hexdigest}",
        "order ORD-2024-000123 and invoice INV2026-00042, SKU DE12345678, build AB12CD34EF56GH78IJ90",
        "SHA256 AES128 ISO8601 RFC1918 UTF8 X509 DE12 GB00",
        f"{iban.lower()} in lower case is an identifier, not a printed IBAN",
        f"ref_{iban} and X{iban}",
    ]
    for text in kept:
        assert scrubbed(wrap(text)) == wrap(text), text


@settings(max_examples=200, deadline=None)
@given(st.randoms(use_true_random=False), st.booleans(), st.sampled_from(sorted(BBAN_LAYOUTS)))
def test_any_valid_iban_in_a_sentence_is_removed(rng: random.Random, printed: bool, country: str) -> None:
    iban = make_iban(rng, country)
    written = grouped(iban) if printed else iban
    out = scrubbed(f"Send it to {written}, please.")
    assert out == "Send it to [REDACTED:iban], please."


@settings(max_examples=200, deadline=None)
@given(st.randoms(use_true_random=False), st.booleans(), st.sampled_from(sorted(BBAN_LAYOUTS)))
def test_any_iban_with_wrong_check_digits_is_kept(rng: random.Random, printed: bool, country: str) -> None:
    iban = make_iban(rng, country)
    digits = int(iban[2:4])
    other = f"{iban[:2]}{(digits - 2 + rng.randrange(1, 97)) % 97 + 2:02d}{iban[4:]}"
    assert other != iban
    text = f"Send it to {grouped(other) if printed else other}, please."
    out = scrubbed(text)
    assert "[REDACTED:iban]" not in out


# --- Private addresses --------------------------------------------------------------------------------------


def private_v4(rng: random.Random) -> str:
    """A host address in one of the RFC 1918 blocks (last octet never 0, which names a network)."""
    block = rng.choice(["10", "172", "192"])
    if block == "10":
        head = f"10.{rng.randrange(256)}"
    elif block == "172":
        head = f"172.{rng.randrange(16, 32)}"
    else:
        head = "192.168"
    while True:
        address = f"{head}.{rng.randrange(256)}.{rng.randrange(1, 255)}"
        if len(set(address.split("."))) > 1:  # four equal octets are an example's address, kept
            return address


def unique_local_v6(rng: random.Random) -> str:
    """A unique-local (fc00::/7) host address with a non-zero interface identifier."""
    groups = [f"fd{rng.randrange(256):02x}", *(f"{rng.randrange(1, 1 << 16):x}" for _ in range(3))]
    return ":".join(groups) + f"::{rng.randrange(1, 1 << 16):x}"


ADDRESS_LINES = [
    "psql -h {} -U app shop",
    "DB_HOST={}",
    "upstream backend {{ server {}:8080; }}",
    '{{"host": "{}", "port": 5432}}',
    "host: {}",
    "2026-12-04 09:12:44 INFO accepted connection from {} port 51234",
    "ssh deploy@{} 'systemctl restart api'",
    "curl -s http://{}:9200/_cluster/health",
    "inet {}/24 brd 10.0.1.255 scope global eth0",
]


@pytest.mark.parametrize("wrap", WRAPPERS.values(), ids=WRAPPERS.keys())
@pytest.mark.parametrize("line", ADDRESS_LINES)
def test_a_private_address_is_redacted_in_any_syntax_behind_any_wrapper(
    wrap: Callable[[str], str], line: str
) -> None:
    address = private_v4(RNG)
    out = scrubbed(wrap(line.format(address)))
    assert address not in out
    assert out.count("[REDACTED:ipv4]") == 1, out
    # A broadcast address (`brd`) names its network's, as a network's own address (`10.0.1.0`) does: it stays.
    assert out.count("10.0.1.255") == line.count("10.0.1.255"), out


@pytest.mark.parametrize("wrap", WRAPPERS.values(), ids=WRAPPERS.keys())
def test_a_unique_local_ipv6_address_is_redacted_behind_any_wrapper(wrap: Callable[[str], str]) -> None:
    address = unique_local_v6(RNG)
    for line in (f"ping6 {address}", f"http://[{address}]:8080/healthz", f"listen [{address}]:443;"):
        out = scrubbed(wrap(line))
        assert out == wrap(line.replace(address, "[REDACTED:ipv6]")), out


@pytest.mark.parametrize("wrap", WRAPPERS.values(), ids=WRAPPERS.keys())
def test_addresses_that_name_no_host_are_kept(wrap: Callable[[str], str]) -> None:
    for text in (
        "listening on 127.0.0.1:8080 and 0.0.0.0:443 and [::]:80 and [::1]:8443",
        "metadata at 169.254.169.254, link-local fe80::1ff:fe23:4567:890a%eth0",
        "broadcast 255.255.255.255, netmask 255.255.255.0, mask 255.255.240.0, default route 0.0.0.0/0",
        "docs 192.0.2.10 198.51.100.23 203.0.113.7 2001:db8::42, bench 198.18.0.1, mdns 224.0.0.251 ff02::fb",
        "resolvers 8.8.8.8 1.1.1.1 9.9.9.9 2001:4860:4860::8888",
        "vpc cidr_block = 10.0.0.0/16, subnets 10.0.1.0/24 and 10.0.2.0/24",
        "allow 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 and fd00::/8; pods fd12:3456:789a::/48",
        "Destination     Gateway         Genmask\n192.168.1.0     0.0.0.0         255.255.255.0",
        "version 10.2.3.4, OID 1.3.6.1.4.1, section 4.2.2.13, pkg==10.0.0.1",
        "the answer is 10.10.10.10 and 192.192.192.192",
    ):
        assert scrubbed(wrap(text)) == wrap(text), text


def test_an_interface_address_with_its_prefix_is_a_host() -> None:
    # 10.0.1.23/24: a host and its subnet's length (ip addr); the network is 10.0.1.0/24, which stays.
    assert scrubbed("inet 10.0.1.23/24 scope global") == "inet [REDACTED:ipv4]/24 scope global"
    assert scrubbed("inet6 fd12:3456:789a:1::5/64") == "inet6 [REDACTED:ipv6]/64"
    assert scrubbed("route 10.0.1.0/24 via 10.0.1.1") == "route 10.0.1.0/24 via [REDACTED:ipv4]"
    # A /32 (or /31) is one host (two): a firewall rule's single address, whatever its last octet.
    assert scrubbed("allow 10.0.1.0/32 and 10.0.1.24/31") == "allow [REDACTED:ipv4]/32 and [REDACTED:ipv4]/31"
    assert scrubbed("peer fd12:3456:789a:1::7/128") == "peer [REDACTED:ipv6]/128"


@pytest.mark.parametrize("wrap", WRAPPERS.values(), ids=WRAPPERS.keys())
def test_host_names_made_of_an_address_lose_the_address(wrap: Callable[[str], str]) -> None:
    address = private_v4(RNG)
    dashed = address.replace(".", "-")
    for line, expected in (
        (f"ip-{dashed}.ec2.internal", "ip-[REDACTED:ipv4].ec2.internal"),
        (f"ip-{dashed}.us-west-2.compute.internal   Ready    <none>   3d", None),
        (f"Host ip-{dashed} resolved", "Host ip-[REDACTED:ipv4] resolved"),
        ("ec2-52-94-12-7.compute-1.amazonaws.com", "ec2-[REDACTED:ipv4].compute-1.amazonaws.com"),
    ):
        out = scrubbed(wrap(line))
        assert dashed not in out and "52-94-12-7" not in out
        if expected is not None:
            assert out == wrap(expected)
    for kept in (
        "ip-127-0-0-1.localdomain",
        "zip-10-0-1-23",
        "ip-10-0-1-256",
        "chip-10-0-1-23",
        "ip-010-0-1-2",
    ):
        assert scrubbed(wrap(kept)) == wrap(kept), kept


def test_the_counts_name_private_addresses() -> None:
    result = scrub_text(f"from {private_v4(RNG)} to {unique_local_v6(RNG)} via ip-10-1-2-3.ec2.internal")
    assert result.counts.get("ipv4") == 2 and result.counts.get("ipv6") == 1


@settings(max_examples=300, deadline=None)
@given(st.randoms(use_true_random=False))
def test_any_private_host_address_in_a_sentence_is_removed(rng: random.Random) -> None:
    address = private_v4(rng)
    assert scrubbed(f"The database runs on {address}, port 5432.") == (
        "The database runs on [REDACTED:ipv4], port 5432."
    )


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["10.0.0.0", "172.16.0.0", "192.168.0.0"]), st.integers(0, 30), st.integers(0, 2**32 - 1)
)
def test_any_private_network_in_cidr_notation_is_kept(base: str, length: int, bits: int) -> None:
    block = ipaddress.IPv4Network(f"{base}/{8 if base == '10.0.0.0' else 12 if base == '172.16.0.0' else 16}")
    length = max(length, block.prefixlen)
    host_mask = (1 << (32 - length)) - 1
    network = int(block.network_address) | (bits & ~host_mask & int(block.hostmask))
    text = f"allow {ipaddress.IPv4Address(network)}/{length} only"
    assert scrubbed(text) == text


# --- Service-account key ids and OAuth client secrets -------------------------------------------------------


def hex40(rng: random.Random) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(40))


def oauth_client_secret(rng: random.Random) -> str:
    """An OAuth client secret of the current layout: a fixed prefix and 28 URL-safe characters."""
    return (
        "GOC" + "SPX-" + "".join(rng.choice(string.ascii_letters + string.digits + "_-") for _ in range(28))
    )


def wrap_lines(wrap: Callable[[str], str], text: str) -> str:
    """``text`` with ``wrap`` applied to each line (a numbered read, a diff, a CI log), or escaped whole."""
    if wrap is _escaped:
        return _escaped(text)
    return "\n".join(wrap(line) for line in text.split("\n"))


def key_file(rng: random.Random, key_id: str, indent: int | None = 2) -> str:
    body = "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(64))
    return json.dumps(
        {
            "type": "service_account",
            "project_id": "shop-prod",
            "private_key_id": key_id,
            "private_key": "-----BEGIN " + f"PRIVATE KEY-----\n{body}\n-----END " + "PRIVATE KEY-----\n",
            "client_email": "ci-deployer@shop-prod.iam.gserviceaccount.com",
            "client_id": "".join(rng.choice(string.digits) for _ in range(21)),
            "token_uri": "https://oauth2.googleapis.com/token",
        },
        indent=indent,
    )


@pytest.mark.parametrize("wrap", WRAPPERS.values(), ids=WRAPPERS.keys())
@pytest.mark.parametrize("indent", [2, None], ids=["pretty", "compact"])
def test_a_key_files_id_goes_with_its_key(wrap: Callable[[str], str], indent: int | None) -> None:
    key_id = hex40(RNG)
    text = wrap_lines(wrap, key_file(RNG, key_id, indent))
    out = scrubbed(text)
    assert key_id not in out and "PRIVATE KEY-----\\n" not in out
    assert "[REDACTED:key]" in out and "[REDACTED:private-key]" in out
    assert "shop-prod" in out and "ci-deployer@shop-prod.iam.gserviceaccount.com" in out


KEY_ID_LINES = [
    '  "private_key_id": "{}",',
    "private_key_id: {}",
    "  private_key_id: '{}'",
    'private_key_id = "{}"',
    "GOOGLE_PRIVATE_KEY_ID={}",
    'export GCP_PRIVATE_KEY_ID="{}"',
    '  privateKeyId: "{}",',
    '\tPrivateKeyID: "{}",',
    '"private_key_id" => "{}",',
    "credentials = {{'type': 'service_account', 'private_key_id': '{}'}}",
]


@pytest.mark.parametrize("wrap", WRAPPERS.values(), ids=WRAPPERS.keys())
@pytest.mark.parametrize("line", KEY_ID_LINES)
def test_a_private_key_id_is_redacted_in_any_syntax(wrap: Callable[[str], str], line: str) -> None:
    key_id = hex40(RNG)
    out = scrubbed(wrap(line.format(key_id)))
    assert out == wrap(line.format("[REDACTED:key]")), out


def test_a_kubernetes_secret_and_terraform_output_lose_the_id() -> None:
    key_id = hex40(RNG)
    manifest = (
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: gcp-sa\ntype: Opaque\nstringData:\n  key.json: |\n"
        + "\n".join("    " + line for line in key_file(RNG, key_id).split("\n"))
    )
    out = scrubbed(manifest)
    assert key_id not in out and "name: gcp-sa" in out and "kind: Secret" in out
    other = hex40(RNG)
    terraform = (
        "$ terraform output\n"
        'sa_email = "ci-deployer@shop-prod.iam.gserviceaccount.com"\n'
        f'sa_key_id = "{key_id}"\n'
        'sa_key_name = "projects/shop-prod/serviceAccounts/ci-deployer@shop-prod.iam.gserviceaccount.com'
        f'/keys/{other}"\n'
    )
    out = scrubbed(terraform)
    assert key_id not in out and other not in out and out.count("[REDACTED:key]") == 2, out


def gcloud_listing(rng: random.Random, ids: list[str]) -> str:
    rows = [f"{key_id}  2026-0{rng.randrange(1, 10)}-1{rng.randrange(10)}T0{rng.randrange(10)}:12:44Z  "
            "9999-12-31T23:59:59Z  False" for key_id in ids]  # fmt: skip
    return (
        "KEY_ID                                    CREATED_AT            EXPIRES_AT            DISABLED\n"
        + ("\n".join(rows))
    )


@pytest.mark.parametrize("wrap", WRAPPERS.values(), ids=WRAPPERS.keys())
def test_key_ids_printed_by_the_cli_are_redacted(wrap: Callable[[str], str]) -> None:
    ids = [hex40(RNG) for _ in range(3)]
    command = (
        "$ gcloud iam service-accounts keys list --iam-account=ci-deployer@shop-prod.iam.gserviceaccount.com"
    )
    out = scrubbed(wrap_lines(wrap, command + "\n" + gcloud_listing(RNG, ids)))
    assert not any(key_id in out for key_id in ids) and out.count("[REDACTED:key]") == 3, out
    assert "9999-12-31T23:59:59Z" in out and "KEY_ID" in out
    for line, expected in (
        (
            f"created key [{ids[0]}] of type [json] as [key.json] for [ci@shop-prod.iam.gserviceaccount.com]",
            "created key [[REDACTED:key]] of type [json] as [key.json] for [ci@shop-prod.iam.gserviceaccount.com]",
        ),
        (
            f"$ gcloud iam service-accounts keys delete {ids[1]} --iam-account=ci@shop.iam.gserviceaccount.com -q",
            "$ gcloud iam service-accounts keys delete [REDACTED:key] --iam-account=ci@shop.iam.gserviceaccount.com -q",
        ),
        (
            f'"name": "projects/shop-prod/serviceAccounts/ci@shop-prod.iam.gserviceaccount.com/keys/{ids[2]}",',
            '"name": "projects/shop-prod/serviceAccounts/ci@shop-prod.iam.gserviceaccount.com/keys/[REDACTED:key]",',
        ),
    ):
        assert scrubbed(wrap(line)) == wrap(expected)


@pytest.mark.parametrize("wrap", WRAPPERS.values(), ids=WRAPPERS.keys())
def test_an_oauth_client_files_secret_goes(wrap: Callable[[str], str]) -> None:
    secret = oauth_client_secret(RNG)
    client = json.dumps(
        {
            "installed": {
                "client_id": "4812-abc.apps.googleusercontent.com",
                "project_id": "shop-prod",
                "auth_uri": "https://accounts.google.com/o/oauth2/auth",
                "client_secret": secret,
                "redirect_uris": ["http://localhost"],
            }
        },
        indent=2,
    )
    out = scrubbed(wrap_lines(wrap, client))
    assert secret not in out and "[REDACTED:secret]" in out and "4812-abc.apps.googleusercontent.com" in out
    for line in (f"GOOGLE_CLIENT_SECRET={secret}", f"client_secret: {secret}", f'client_secret = "{secret}"'):
        assert secret not in scrubbed(wrap(line))


@pytest.mark.parametrize("wrap", WRAPPERS.values(), ids=WRAPPERS.keys())
def test_commits_and_digests_of_forty_hex_digits_are_kept(wrap: Callable[[str], str]) -> None:
    sha = hex40(RNG)
    for text in (
        f"commit {sha}",
        f"Merge: {sha[:7]} {sha[7:14]}\n{sha} refs/heads/main",
        f"https://github.com/acme/api/commit/{sha}",
        f"https://github.com/acme/api/blob/{sha}/src/key_id.py",
        f'"sha": "{sha}", "digest": "sha1:{sha}", "checksum": "{sha}", "etag": "{sha}"',
        f"git log --format='%H %aI'\n{sha} 2026-05-14T09:12:44+00:00",
        f"HEAD is now at {sha[:7]}; git rev-parse HEAD -> {sha}",
        f'key_id = "{sha}"  # a signing key fingerprint, no key file near',
        f"gpg: key_id: {sha.upper()}",
    ):
        assert scrubbed(wrap(text)) == wrap(text), text


def test_a_git_log_after_a_key_listing_keeps_its_commits() -> None:
    ids, sha = [hex40(RNG)], hex40(RNG)
    text = gcloud_listing(RNG, ids) + f"\n$ git log -1 --format='%H %aI'\n{sha} 2026-05-14T09:12:44+00:00\n"
    out = scrubbed(text)
    assert ids[0] not in out and sha in out


@settings(max_examples=200, deadline=None)
@given(st.randoms(use_true_random=False), st.sampled_from(KEY_ID_LINES))
def test_any_id_after_a_key_files_name_is_removed(rng: random.Random, line: str) -> None:
    key_id = hex40(rng)
    assert key_id not in scrubbed(line.format(key_id))


@settings(max_examples=200, deadline=None)
@given(
    st.randoms(use_true_random=False),
    st.sampled_from(["commit {}", "sha: {}", '"etag": "{}"', "checksum={}", "/tree/{}/docs", "digest {}"]),
)
def test_any_commit_or_digest_stays_even_beside_a_key_file(rng: random.Random, line: str) -> None:
    sha = hex40(rng)
    text = key_file(rng, hex40(rng)) + "\n" + line.format(sha)
    assert sha in scrubbed(text)


@pytest.mark.parametrize("wrap", WRAPPERS.values(), ids=WRAPPERS.keys())
@pytest.mark.parametrize("indent", [2, None], ids=["pretty", "compact"])
def test_a_base64_encoded_key_file_goes_whole(wrap: Callable[[str], str], indent: int | None) -> None:
    encoded = base64.b64encode(key_file(RNG, hex40(RNG), indent).encode()).decode()
    for line in (
        "GCP_SA_KEY={}",
        'private_key = "{}"',
        "  key.json: {}",
        '{{"credentials": "{}", "project": "shop-prod"}}',
    ):
        out = scrubbed(wrap(line.format(encoded)))
        assert out == wrap(line.format("[REDACTED:private-key]")), out
    # `base64 key.json` wraps at 76 columns; `terraform output -raw` prints it on a line of its own.
    wrapped = "\n".join(encoded[i : i + 76] for i in range(0, len(encoded), 76))
    for text in (
        f"$ base64 key.json\n{wrapped}\n$ echo done",
        f"$ terraform output -raw sa_key\n{encoded}\nok",
    ):
        out = scrubbed(wrap_lines(wrap, text) if wrap is _escaped else text)
        assert encoded[:40] not in out and encoded[-40:] not in out and "[REDACTED:private-key]" in out, out
        assert "$ echo done" in out or "\nok" in out or "\\nok" in out


def test_base64_that_only_mentions_a_service_account_is_kept() -> None:
    manifest = base64.b64encode(b'{"type": "service_account", "note": "see the docs"}').decode()
    text = f"payload: {manifest}"
    assert scrubbed(text) == text
