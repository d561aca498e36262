"""Private keys in every way a tool shows them (client_actors/scrub/_keys.py): the body goes, whatever wraps its
lines, and public keys, certificates, fingerprints and code that names the markers stay."""

from __future__ import annotations

import base64
import datetime
import json
import random
import re
import string
from collections.abc import Callable

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from client_actors.scrub import scrub_text

RNG = random.Random(20261204)
BEGIN, END = "-----BEGIN ", "-----END "
BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
# A key as a tool shows it: its lines, and the lines of it that are secret.
Key = tuple[list[str], list[str]]


def base64_lines(rng: random.Random, size: int, width: int = 64) -> list[str]:
    text = base64.b64encode(rng.randbytes(size)).decode()
    return [text[at : at + width] for at in range(0, len(text), width)]


def pem_key(rng: random.Random, label: str = "", size: int = 600) -> Key:
    name = label + "PRIVATE" + " KEY"
    body = base64_lines(rng, size, 70 if label == "OPENSSH " else 64)
    return [f"{BEGIN}{name}-----", *body, f"{END}{name}-----"], body


def legacy_encrypted_pem(rng: random.Random) -> Key:
    name = "RSA PRIVATE" + " KEY"
    body = base64_lines(rng, 600)
    headers = ["Proc-Type: 4,ENCRYPTED", "DEK-Info: AES-128-CBC," + rng.randbytes(16).hex().upper(), ""]
    return [f"{BEGIN}{name}-----", *headers, *body, f"{END}{name}-----"], body


def pgp_key(rng: random.Random) -> Key:
    name = "PGP PRIVATE" + " KEY BLOCK"
    body = base64_lines(rng, 900)
    checksum = base64.b64encode(rng.randbytes(3)).decode()
    return [f"{BEGIN}{name}-----", "Comment: exported", "", *body, "=" + checksum, f"{END}{name}-----"], body


def putty_key(rng: random.Random) -> Key:
    public = base64_lines(rng, 51)
    private = base64_lines(rng, rng.choice([32, 300]))
    lines = [
        "PuTTY-User-Key-File-3: ssh-ed25519",
        "Encryption: none",
        "Comment: eddsa-key-20260101",
        f"Public-Lines: {len(public)}",
        *public,
        f"Private-Lines: {len(private)}",
        *private,
        "Private-MAC: " + rng.randbytes(32).hex(),
    ]
    return lines, private


def age_identity(rng: random.Random) -> Key:
    secret = "".join(rng.choice(BECH32) for _ in range(58)).upper()
    public = "age1" + "".join(rng.choice(BECH32) for _ in range(58))
    lines = ["# created: 2026-01-01T00:00:00Z", f"# public key: {public}", "AGE-SECRET" + "-KEY-1" + secret]
    return lines, [secret]


def wireguard_config(rng: random.Random) -> Key:
    secret = base64.b64encode(rng.randbytes(32)).decode()
    return ["[Interface]", "Address = 192.0.2.2/32", f"PrivateKey = {secret}", "ListenPort = 51820"], [secret]


def ssh2_key(rng: random.Random) -> Key:
    name = "SSH2 ENCRYPTED PRIVATE" + " KEY"
    body = base64_lines(rng, 900, 70)
    return [f"---- BEGIN {name} ----", 'Comment: "rsa-key-20260101"', *body, f"---- END {name} ----"], body


KEYS: dict[str, Callable[[random.Random], Key]] = {
    "pkcs8": lambda rng: pem_key(rng),
    "rsa": lambda rng: pem_key(rng, "RSA "),
    "ec": lambda rng: pem_key(rng, "EC ", 121),
    "dsa": lambda rng: pem_key(rng, "DSA "),
    "openssh": lambda rng: pem_key(rng, "OPENSSH ", 400),
    "encrypted": lambda rng: pem_key(rng, "ENCRYPTED ", 1190),
    "legacy-encrypted": legacy_encrypted_pem,
    "pgp": pgp_key,
    "ssh2": ssh2_key,
    "putty": putty_key,
    "age": age_identity,
    "wireguard": wireguard_config,
}


def numbered(lines: list[str], arrow: str = "→") -> str:
    return "\n".join(f"{index + 1:6d}{arrow}{line}" for index, line in enumerate(lines))


# How tools hand a file's lines on.
WRAPPERS: dict[str, Callable[[list[str]], str]] = {
    "as-is": "\n".join,
    "json": lambda lines: json.dumps({"type": "service_account", "private_key": "\n".join(lines), "id": 1}),
    "json-twice": lambda lines: json.dumps({"content": json.dumps({"stdout": "\n".join(lines)})}),
    "diff": lambda lines: "@@ -0,0 +1,40 @@\n" + "\n".join("+" + line for line in lines),
    "read-arrow": numbered,
    "read-tab": lambda lines: "\n".join(f"{index + 12:6d}\t{line}" for index, line in enumerate(lines)),
    "read-json": lambda lines: json.dumps({"output": numbered(lines)}),
    "read-json-ascii": lambda lines: json.dumps({"output": numbered(lines)}, ensure_ascii=True),
    "ci": lambda lines: "\n".join(
        f"2026-01-02T03:04:05.{1234567 + i}Z {line}" for i, line in enumerate(lines)
    ),
    "fence": lambda lines: "Here it is:\n```\n" + "\n".join(lines) + "\n```\nDone.",
    "yaml": lambda lines: "tls:\n  key: |\n" + "\n".join("    " + line for line in lines) + "\n  port: 443",
    "k8s": lambda lines: (
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: deploy\nstringData:\n  id_rsa: |\n"
        + "\n".join("    " + line for line in lines)
    ),
    "heredoc": lambda lines: "private_key = <<EOF\n" + "\n".join(lines) + "\nEOF\n",
    "heredoc-indented": lambda lines: (
        "  key = <<-EOT\n" + "\n".join("    " + x for x in lines) + "\n    EOT\n"
    ),
    "env-literal": lambda lines: 'SIGNING_KEY="' + "\\n".join(lines) + '"\nAPP_ENV=prod',
    "crlf": "\r\n".join,
    "crlf-json": lambda lines: json.dumps({"output": "\r\n".join(lines)}),
    "quoted": lambda lines: "\n".join("> " + line for line in lines),
    "xml-references": lambda lines: "<key>" + "&#xA;".join(lines) + "</key>",
    "html-breaks": lambda lines: "<pre>" + "<br>".join(lines) + "</pre>",
    "cat-A": lambda lines: "$ cat -A id_rsa\n" + "\n".join(line + "^M$" for line in lines) + "\n",
}


def cut(lines: list[str]) -> list[str]:
    """A `head` of the file: the end marker and the last lines are not shown."""
    return lines[: max(2, len(lines) * 2 // 3)]


def elided(lines: list[str]) -> list[str]:
    """A tool's cut in the middle: the first and last lines, a mark between."""
    return [*lines[:3], "... [2048 characters truncated] ...", *lines[-3:]]


def cut_mid_line(lines: list[str]) -> list[str]:
    """Output cut at a character count, in the middle of a line."""
    return [*lines[:3], lines[3][:20] + "… (output truncated)"] if len(lines) > 3 else lines


def tail(lines: list[str]) -> list[str]:
    """A `tail` of the file: the begin marker and the first lines are not shown."""
    return lines[-max(2, len(lines) * 2 // 3) :]


SHOWN: dict[str, Callable[[list[str]], list[str]]] = {
    "whole": lambda lines: lines,
    "cut": cut,
    "elided": elided,
    "cut-mid-line": cut_mid_line,
}


ARMOURED = ["pkcs8", "rsa", "ec", "dsa", "openssh", "encrypted", "legacy-encrypted", "pgp", "ssh2"]


@pytest.mark.parametrize("wrapper", WRAPPERS)
@pytest.mark.parametrize("kind", ARMOURED)
def test_no_fragment_of_a_key_shown_from_its_middle_is_left(kind: str, wrapper: str) -> None:
    lines, secret = KEYS[kind](RNG)
    text = WRAPPERS[wrapper](["$ tail -n 20 key.pem", *tail(lines), "$ ls"])
    assert left_over(text, secret) == []
    scrubbed = scrub_text(text).text
    assert "tail -n 20 key.pem" in scrubbed and "$ ls" in scrubbed


def fragments(secret_lines: list[str], size: int = 8) -> set[str]:
    return {line[at : at + size] for line in secret_lines for at in range(len(line) - size + 1)}


def left_over(text: str, secret_lines: list[str]) -> list[str]:
    """The pieces of the key left in the scrubbed text (not counting what a redaction token spells)."""
    scrubbed = re.sub(r"\[REDACTED:[a-z0-9\-]+\]", "|", scrub_text(text).text)
    return sorted(piece for piece in fragments(secret_lines) if piece in scrubbed)


@pytest.mark.parametrize("shown", SHOWN)
@pytest.mark.parametrize("wrapper", WRAPPERS)
@pytest.mark.parametrize("kind", KEYS)
def test_no_fragment_of_a_private_key_is_left(kind: str, wrapper: str, shown: str) -> None:
    lines, secret = KEYS[kind](RNG)
    text = WRAPPERS[wrapper](SHOWN[shown](lines))
    assert left_over(text, secret) == []


@pytest.mark.parametrize("wrapper", ["fence", "yaml", "heredoc", "env-literal", "json"])
def test_what_wraps_a_key_block_stays(wrapper: str) -> None:
    lines, _ = pem_key(RNG, "RSA ")
    scrubbed = scrub_text(WRAPPERS[wrapper](lines)).text
    expected = WRAPPERS[wrapper](["[REDACTED:private-key]"])
    assert scrubbed == expected


def test_numbered_lines_keep_their_first_number() -> None:
    lines, _ = pem_key(RNG, "EC ", 121)
    assert scrub_text(numbered(lines) + "\n").text == "     1→[REDACTED:private-key]\n"


def test_a_cut_block_keeps_the_tool_s_mark_and_what_follows() -> None:
    lines, _ = pem_key(RNG, "OPENSSH ", 400)
    text = "\n".join(cut(lines)) + "\n... (truncated)\n$ ls -la\n2 files changed\n"
    assert scrub_text(text).text == "[REDACTED:private-key]\n... (truncated)\n$ ls -la\n2 files changed\n"


def test_a_putty_key_keeps_its_public_part_and_mac() -> None:
    lines, private = putty_key(RNG)
    scrubbed = scrub_text("\n".join(lines)).text
    public_end = lines.index(next(line for line in lines if line.startswith("Private-Lines")))
    assert scrubbed == "\n".join([*lines[: public_end + 1], "[REDACTED:private-key]", lines[-1]])
    assert not any(line in scrubbed for line in private)


def test_an_age_identity_keeps_its_public_key() -> None:
    lines, _ = age_identity(RNG)
    assert scrub_text("\n".join(lines)).text == "\n".join([*lines[:2], "[REDACTED:private-key]"])
    public = lines[1].split(": ")[1]
    assert scrub_text(f"Public key: {public}\n").text == f"Public key: {public}\n"


def test_a_wireguard_private_key_goes() -> None:
    lines, secret = wireguard_config(RNG)
    assert scrub_text("\n".join(lines)).text == "\n".join(lines).replace(secret[0], "[REDACTED:private-key]")


def test_a_wireguard_peer_s_public_key_stays_and_its_preshared_key_goes() -> None:
    public, preshared = (base64.b64encode(RNG.randbytes(32)).decode() for _ in range(2))
    text = f"[Peer]\nPublicKey = {public}\nPresharedKey = {preshared}\nAllowedIPs = 10.8.0.0/24\n"
    assert scrub_text(text).text == text.replace(preshared, "[REDACTED:key]")


def public_blocks(rng: random.Random) -> list[str]:
    body = "\n".join(base64_lines(rng, 300))
    ed25519 = "AAAAC3NzaC1lZDI1NTE5AAAAI" + base64.b64encode(rng.randbytes(32)).decode()[:43]
    fingerprint = "SHA256:" + base64.b64encode(rng.randbytes(32)).decode().rstrip("=")
    return [
        f"{BEGIN}CERTIFICATE-----\n{body}\n{END}CERTIFICATE-----\n",
        f"{BEGIN}PUBLIC KEY-----\n{body}\n{END}PUBLIC KEY-----\n",
        f"{BEGIN}RSA PUBLIC KEY-----\n{body}\n{END}RSA PUBLIC KEY-----\n",
        f"{BEGIN}PGP PUBLIC KEY BLOCK-----\n\n{body}\n{END}PGP PUBLIC KEY BLOCK-----\n",
        f"{BEGIN}CERTIFICATE-----\n{body}\n",  # cut short
        f"---- BEGIN SSH2 PUBLIC KEY ----\nComment: deploy\n{body}\n---- END SSH2 PUBLIC KEY ----\n",
        json.dumps({"cert": f"{BEGIN}CERTIFICATE-----\n{body}\n{END}CERTIFICATE-----\n"}),
        f"ssh-ed25519 {ed25519} deploy@ci-07\n",
        f"     1→ssh-ed25519 {ed25519} deploy@ci-07\n",
        f"256 {fingerprint} deploy@ci-07 (ED25519)\n",
        f"The key fingerprint is:\n{fingerprint} root@build\n",
    ]


MARKER_CODE = [
    'if line.startswith("-----BEGIN"):\n    in_block = True\n',
    'PEM = re.compile(r"-----BEGIN (?:RSA |EC )?PRIVATE' + ' KEY-----")\n',
    'if "-----BEGIN RSA PRIVATE' + ' KEY-----" in data:\n    return True\n',
    'HEADER = "-----BEGIN OPENSSH PRIVATE'
    + ' KEY-----"\nFOOTER = "-----END OPENSSH PRIVATE'
    + ' KEY-----"\n',
    'const marker = "-----BEGIN PRIVATE' + ' KEY-----\\n";\nconst body = readKey(path);\n',
    "-----BEGIN PRIVATE" + " KEY-----\n...\n-----END PRIVATE" + " KEY-----\n",
    "-----BEGIN RSA PRIVATE" + " KEY-----\n<your key here>\n-----END RSA PRIVATE" + " KEY-----\n",
    "keys/deploy.pem:1:-----BEGIN RSA PRIVATE" + " KEY-----\nDone in 2s\n",
    "AGE-SECRET" + "-KEY-1 starts every age identity\n",
    "match = re.search(r'AGE-SECRET" + "-KEY-1[0-9A-Z]+', text)\n",
    "Private-Lines: 0\n",
]


@pytest.mark.parametrize("text", public_blocks(RNG) + MARKER_CODE)
def test_public_keys_certificates_fingerprints_and_marker_code_stay(text: str) -> None:
    assert scrub_text(text).text == text


LABELS = st.sampled_from(["", "RSA ", "EC ", "DSA ", "OPENSSH ", "ENCRYPTED "])
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(
    seed=st.integers(0, 2**32 - 1),
    label=LABELS,
    size=st.integers(32, 1800),
    wrappers=st.lists(st.sampled_from(sorted(WRAPPERS)), min_size=1, max_size=2),
    shown=st.sampled_from([*sorted(SHOWN), "tail"]),
)
def test_any_private_key_in_any_wrapper_leaves_no_fragment(
    seed: int, label: str, size: int, wrappers: list[str], shown: str
) -> None:
    lines, secret = pem_key(random.Random(seed), label, size)
    text_lines = tail(lines) if shown == "tail" else SHOWN[shown](lines)
    for name in wrappers:  # a wrapper's output wrapped again: a diff of a YAML file, read with line numbers
        text_lines = WRAPPERS[name](text_lines).split("\n")
    text = "\n".join(text_lines)
    assert left_over(text, secret) == []
    scrubbed = scrub_text(text).text
    assert scrub_text(scrubbed).text == scrubbed


def encoded(lines: list[str]) -> str:
    return base64.b64encode(("\n".join(lines) + "\n").encode()).decode()


def test_a_base64_encoded_key_goes_and_an_encoded_certificate_stays() -> None:
    key = encoded(pem_key(RNG, "EC ", 121)[0])
    certificate = encoded([f"{BEGIN}CERTIFICATE-----", *base64_lines(RNG, 300), f"{END}CERTIFICATE-----"])
    kubeconfig = (
        "users:\n- name: admin\n  user:\n"
        f"    client-certificate-data: {certificate}\n    client-key-data: {key}\n"
    )
    assert scrub_text(kubeconfig).text == kubeconfig.replace(key, "[REDACTED:private-key]")


@pytest.mark.parametrize(
    "wrap",
    [
        lambda key: f"  tls.key: {key}\n",
        lambda key: json.dumps({"privateKey": key, "keyId": "k1"}),
        lambda key: "$ base64 -w0 id_rsa\n" + key + "\n",
        lambda key: (
            "$ base64 id_rsa\n" + "\n".join(key[at : at + 76] for at in range(0, len(key), 76)) + "\n$ ls\n"
        ),
        lambda key: json.dumps({"stdout": "\n".join(key[at : at + 76] for at in range(0, len(key), 76))}),
    ],
)
def test_a_base64_encoded_key_goes_whole(wrap: Callable[[str], str]) -> None:
    key = encoded(pem_key(RNG, "RSA ", 1190)[0])
    text = wrap(key)
    scrubbed = scrub_text(text).text
    assert "[REDACTED:private-key]" in scrubbed
    assert left_over(text, [key]) == []


def test_a_value_longer_than_a_value_is_read_goes_whole() -> None:
    value = "".join(RNG.choice(string.ascii_letters + string.digits) for _ in range(1500))
    assert scrub_text(f"API_TOKEN={value}\nNEXT=1\n").text == "API_TOKEN=[REDACTED:token]\nNEXT=1\n"


def der_keys() -> list[tuple[str, str]]:
    """Private keys generated now, in DER and base64, in the encodings tools write them in."""
    keys: list[tuple[str, PrivateKey]] = [
        ("rsa", rsa.generate_private_key(65537, 2048)),
        ("p256", ec.generate_private_key(ec.SECP256R1())),
        ("p384", ec.generate_private_key(ec.SECP384R1())),
        ("ed25519", ed25519.Ed25519PrivateKey.generate()),
    ]
    found = []
    for name, key in keys:
        formats = [("pkcs8", serialization.PrivateFormat.PKCS8)]
        if name != "ed25519":
            formats.append(("traditional", serialization.PrivateFormat.TraditionalOpenSSL))
        for format_name, private_format in formats:
            der = key.private_bytes(serialization.Encoding.DER, private_format, serialization.NoEncryption())
            found.append((f"{name}-{format_name}", base64.b64encode(der).decode()))
    return found


PrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey | ed25519.Ed25519PrivateKey
DER_KEYS = der_keys()


@pytest.mark.parametrize(("name", "key"), DER_KEYS, ids=[name for name, _ in DER_KEYS])
@pytest.mark.parametrize(
    "wrap",
    [
        lambda key: f"SNOWFLAKE_PRIVATE_KEY={key}\n",
        lambda key: json.dumps({"privateKeyDer": key, "alg": "RS256"}),
        lambda key: f"config.signing_key = '{key}'\n",
        lambda key: f"$ openssl pkey -outform DER -in k.pem | base64 -w0\n{key}\n",
        lambda key: "\n".join(key[at : at + 64] for at in range(0, len(key), 64)),
    ],
)
def test_a_private_key_s_der_in_base64_goes(name: str, key: str, wrap: Callable[[str], str]) -> None:
    text = wrap(key)
    assert "[REDACTED:private-key]" in scrub_text(text).text, name
    assert left_over(text, [key]) == []


def test_public_keys_and_certificates_in_der_stay() -> None:
    key = rsa.generate_private_key(65537, 2048)
    public = key.public_key()
    name = x509.Name([x509.NameAttribute(x509.oid.NameOID.COMMON_NAME, "acme-corp.io")])
    now = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(RNG.getrandbits(64))
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=90))
        .sign(key, hashes.SHA256())
    )
    for der in (
        public.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo),
        public.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.PKCS1),
        certificate.public_bytes(serialization.Encoding.DER),
    ):
        text = f"value: {base64.b64encode(der).decode()}\n"
        assert scrub_text(text).text == text


def b64url_int(number: int) -> str:
    return (
        base64.urlsafe_b64encode(number.to_bytes((number.bit_length() + 7) // 8, "big")).decode().rstrip("=")
    )


def rsa_jwk() -> dict[str, str]:
    numbers = rsa.generate_private_key(65537, 2048).private_numbers()
    return {
        "kty": "RSA", "kid": "signing-1", "use": "sig", "n": b64url_int(numbers.public_numbers.n), "e": "AQAB",
        "d": b64url_int(numbers.d), "p": b64url_int(numbers.p), "q": b64url_int(numbers.q),
        "dp": b64url_int(numbers.dmp1), "dq": b64url_int(numbers.dmq1), "qi": b64url_int(numbers.iqmp),
    }  # fmt: skip


PRIVATE_MEMBERS = ("d", "p", "q", "dp", "dq", "qi", "k")


@pytest.mark.parametrize(
    "write",
    [
        json.dumps,
        lambda jwk: json.dumps(jwk, indent=2, sort_keys=True),
        lambda jwk: json.dumps({"stdout": json.dumps({"keys": [jwk]})}),
        repr,
    ],
)
def test_a_jwk_loses_its_private_members_and_keeps_its_public_ones(
    write: Callable[[dict[str, str]], str],
) -> None:
    jwk = rsa_jwk()
    symmetric = {"kty": "oct", "kid": "hmac-1", "k": b64url_int(RNG.getrandbits(256) | 1 << 255)}
    for key in (jwk, symmetric):
        scrubbed = scrub_text(write(key)).text
        for member, value in key.items():
            if member in PRIVATE_MEMBERS:
                assert value[:12] not in scrubbed
            else:
                assert value in scrubbed


def test_a_public_jwk_stays() -> None:
    public = {name: value for name, value in rsa_jwk().items() if name not in PRIVATE_MEMBERS}
    text = json.dumps({"keys": [public]})
    assert scrub_text(text).text == text


CODE_HOLDING_LINES: dict[str, Callable[[list[str]], str]] = {
    "javascript": lambda lines: "const key =\n" + "".join(f'  "{line}\\n" +\n' for line in lines),
    "python-list": lambda lines: "KEY_LINES = [\n" + "".join(f"    '{line}',\n" for line in lines),
    "go": lambda lines: "key :=\n" + "".join(f'\t"{line}\\n" +\n' for line in lines),
    "python-implicit": lambda lines: "KEY = (\n" + "".join(f'    "{line}\\n"\n' for line in lines),
}


@pytest.mark.parametrize("shown", ["whole", "cut"])
@pytest.mark.parametrize("code", CODE_HOLDING_LINES)
def test_a_key_held_a_line_to_a_string_in_code_goes(code: str, shown: str) -> None:
    lines, secret = pem_key(RNG, "RSA ", 900)
    text = CODE_HOLDING_LINES[code](SHOWN[shown](lines))
    assert left_over(text, secret) == []


def service_account_file(indent: int | None) -> str:
    key = rsa.generate_private_key(65537, 2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    account = {
        "type": "service_account",
        "project_id": "acme-prod",
        "private_key": pem,
        "client_email": "ci@acme-prod.iam.gserviceaccount.com",
    }
    return json.dumps(account, indent=indent)


@pytest.mark.parametrize("indent", [None, 2])
@pytest.mark.parametrize(
    "wrap",
    [
        lambda encoded: f"GOOGLE_CREDENTIALS={encoded}\n",
        lambda encoded: json.dumps({"variables": {"GCP_SA_KEY": encoded}}),
        lambda encoded: f"  key.json: {encoded}\n",
        lambda encoded: (
            "$ base64 sa.json\n" + "\n".join(encoded[at : at + 76] for at in range(0, len(encoded), 76))
        ),
        lambda encoded: json.dumps(
            {"stdout": "\n".join(encoded[at : at + 76] for at in range(0, len(encoded), 76))}
        ),
    ],
)
def test_a_base64_encoded_file_that_holds_a_private_key_goes(
    indent: int | None, wrap: Callable[[str], str]
) -> None:
    encoded = base64.b64encode(service_account_file(indent).encode()).decode()
    text = wrap(encoded)
    assert "[REDACTED:private-key]" in scrub_text(text).text
    assert left_over(text, [encoded]) == []


def test_base64_that_names_a_private_key_without_holding_one_stays() -> None:
    script = base64.b64encode(b'#!/bin/sh\ngrep -l "BEGIN RSA PRIVATE KEY" *.pem\n').decode()
    assert scrub_text(f"script: {script}\n").text == f"script: {script}\n"


@pytest.mark.parametrize("shown", ["whole", "tail"])
@pytest.mark.parametrize("outer", sorted(WRAPPERS))
def test_a_crlf_files_key_wrapped_again_leaves_no_fragment(outer: str, shown: str) -> None:
    """Each line of a CRLF file keeps its carriage return inside the next wrapper: before an escaped line
    feed, a `<br>`, an XML reference or `cat -A`'s marks, which then stand on a line of their own."""
    for seed, size in ((0, 32), (1, 300), (2, 1200)):
        lines, secret = pem_key(random.Random(seed), "", size)
        shown_lines = tail(lines) if shown == "tail" else lines
        text = WRAPPERS[outer](WRAPPERS["crlf"](shown_lines).split("\n"))
        assert left_over(text, secret) == [], (outer, shown, size)
