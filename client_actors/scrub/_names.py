"""What a name says about its value: sensitive names, placeholders, references and randomness.

Shared by the assignment and CLI-flag rules and by `scrub_value`, so that ``PASSWORD=x``,
``--password x`` and ``{"password": "x"}`` are judged the same way.
"""

from __future__ import annotations

import base64
import binascii
import functools
import math
import re
from collections import Counter

import attrs

from client_actors.scrub._core import TOKEN_OPEN


@attrs.frozen
class Sense:
    """A sensitive name: the token type for its value, and whether any value is redacted
    (``strong``) or only a random-looking one (weak names such as ``key`` or ``signature``)."""

    kind: str
    strong: bool


PASSWORD_WORDS = frozenset(
    {"password", "passwords", "passwd", "passphrase", "passcode", "pass", "pwd", "pw", "psk"}
)
# Abbreviations that name a credential only after another word: STRIPE_SK (a secret key), GH_PAT (a personal
# access token). On their own they are too short to say anything.
# A PAT is weak: `HEX_PAT = "[0-9a-f]+"` names a pattern as often, and the vendors' PATs have their own rules.
QUALIFIED_ABBREVIATIONS = {"sk": Sense("api-key", True), "pat": Sense("token", False)}
# Words that qualify "key" as a credential; a bare "key" (cache key, sort key) is only weak.
KEY_QUALIFIERS = frozenset(
    {
        "api", "access", "secret", "signing", "encryption", "master", "client", "shared", "account",
        "app", "auth", "license", "subscription", "session", "service", "admin", "deploy", "private",
        "hmac", "jwt", "aes", "cipher", "crypto", "webhook", "bot", "oauth", "csrf", "xsrf", "cookie",
        "storage", "kms", "merchant", "integration", "routing", "validation", "decryption", "rest",
        "nwk", "root",  # (LoRaWAN's `nwkKey`, a device's root keys)
    }
)  # fmt: skip
# Trailing words that describe an encoding of the value, not what it is: SECRET_KEY_BASE.
IGNORED_SUFFIXES = frozenset({"value", "base", "str", "string", "b64", "base64", "hex", "raw", "plain"})
SINGLE_WORDS = {
    "secret": Sense("secret", True),
    "secrets": Sense("secret", True),
    "token": Sense("token", True),
    "apikey": Sense("api-key", True),
    "authorization": Sense("authorization", True),
    "auth": Sense("authorization", False),
    "credential": Sense("credential", True),
    "credentials": Sense("credential", True),
    "creds": Sense("credential", True),
    "bearer": Sense("token", True),
    "cookie": Sense("cookie", True),
    "sig": Sense("signature", False),
    "salt": Sense("secret", False),  # an app's salt (Mattermost's `PublicLinkSalt`): a random one only
    "signature": Sense("signature", False),
    # A session id is a bearer credential, but "session" also names stores and drivers (`session: redis`):
    # only a generated-looking value goes (hex included, see `judge_value`).
    "session": Sense("cookie", False),
    "sessionid": Sense("cookie", False),
    "sessid": Sense("cookie", False),
}

_WORDS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")
_SEPARATORS = re.compile(r"[^a-z0-9]+")


# Sensitive words that people glue to a prefix without a separator: pgpassword, accesstoken.
_GLUED = (
    "password", "passwd", "passphrase", "secret", "token", "apikey", "key", "credentials", "credential",
    "sessionid", "sessid", "pw",
)  # fmt: skip


def split_words(name: str) -> list[str]:
    """Split an identifier into lowercase words: ``SecretAccessKey`` -> secret, access, key.

    A last word that ends in a sensitive word is split too: ``pgpassword`` -> pg, password.
    """
    if name.islower() or name.isupper():  # snake_case, kebab-case, UPPER_CASE: no regex needed
        words = [word for word in _SEPARATORS.split(name.lower()) if word]
    else:
        words = [word.lower() for word in _WORDS.findall(name)]
    last = words[-1] if words else ""
    if last in _KNOWN_LAST:
        return words
    for suffix in _GLUED:
        if last.endswith(suffix) and len(last) > len(suffix):
            words[-1:] = [last[: -len(suffix)], suffix]
            break
    return words


_KNOWN_LAST = frozenset(
    {*PASSWORD_WORDS, *SINGLE_WORDS, *QUALIFIED_ABBREVIATIONS, "key", "hash", "digest", *IGNORED_SUFFIXES}
)
_VERSION_WORD = re.compile(r"v[0-9]{1,2}")
# Words before the last that make the name name a secret kept elsewhere, not hold one: existingSecret,
# secretRef-style `existing_password_secret`.
_REFERRING = frozenset({"existing", "external"})
_TOKENS_QUALIFIERS = frozenset({"api", "access", "auth", "bot", "refresh", "bearer", "session"})
_KEYS_QUALIFIERS = frozenset({"app", "secret", "signing", "session", "cookie", "encryption"})
# Configuration directives whose one word holds "pass" or "auth" glued: Redis's requirepass and masterauth.
# (offlineimap's remotepass and localpass; a Java keystore's storepass and keypass, as keytool's flags and
# properties files name them)
_PASSWORD_DIRECTIVES = frozenset(
    {
        "requirepass",
        "masterauth",
        "masterpass",
        "remotepass",
        "localpass",
        "dbpass",
        "smtppass",
        "storepass",
        "keypass",
        "truststorepass",
        "srcstorepass",
        "deststorepass",
        "rootpass",  # (an LDAP server's image: `LDAP_ROOTPASS`, as dcm4chee's takes it)
        "adminpass",
    }
)  # (Moodle's config.php: `$CFG->dbpass`, `$CFG->smtppass`; its `passwordsaltmain` peppers every password hash)
_GLUED_SECRETS = frozenset({"passwordsaltmain", "pass4symmkey"})  # (and Splunk's shared key, `pass4SymmKey`)
_GLUED_PASSWORD = re.compile(r"[a-z]{2,12}(?:password|passwd)")
_PASSING = frozenset({"proxy", "fastcgi", "uwsgi", "grpc", "scgi", "memcached", "by"})
# Names ending in a sensitive word whose values grant nothing, written as their words joined: Postman's
# `Postman-Token` (a per-request id), `Sec-WebSocket-Key` (a handshake's nonce, sent in the clear and answered by
# Sec-WebSocket-Accept), a .NET assembly's `publicKeyToken` (a hash of its public key, in every manifest), and
# OpenTravel's `EchoToken` (a message's id, echoed back in the answer).
_NOT_CREDENTIALS = frozenset({"postmantoken", "secwebsocketkey", "publickeytoken", "echotoken"})


@functools.lru_cache(maxsize=4096)  # the same few keys (command, file_path, env...) come back all the time
def classify_name(name: str) -> Sense | None:
    """Return how sensitive a value named ``name`` is, or ``None`` for an ordinary name.

    Only the last word counts, so ``token_count``, ``max_tokens``, ``secret_name`` and
    ``private_key_id`` are ordinary while ``GITHUB_TOKEN`` and ``clientSecret`` are not.
    """
    if name.lower() in _PASSWORD_DIRECTIVES:
        return Sense("password", True)
    if name.lower() in _GLUED_SECRETS:
        return Sense("secret", True)
    if _GLUED_PASSWORD.fullmatch(name):
        return Sense(
            "password", True
        )  # a flag's or a key's word with a prefix glued on: `--cipassword`, `dbpassword`
    words = [word for word in split_words(name) if not word.isdigit()]
    if words == [name.rsplit(":", 1)[-1].lower()] and words[0] in _PASSWORD_DIRECTIVES:
        return Sense("password", True)  # behind a grep hit's line number: `redis.conf:44:requirepass`
    while len(words) > 1 and (words[-1] in IGNORED_SUFFIXES or _VERSION_WORD.fullmatch(words[-1])):
        words.pop()  # SECRET_KEY_BASE; ses_smtp_password_v4: which generation of the value, not what it is
    if not words:
        return None
    last, before = words[-1], words[:-1]
    if _REFERRING.intersection(before) or (before and "".join(words) in _NOT_CREDENTIALS):
        return None
    if words == ["from", "secret"]:
        return None  # Drone's and Woodpecker's `from_secret: docker_password`: the name of the secret to read
    if last in QUALIFIED_ABBREVIATIONS:
        return QUALIFIED_ABBREVIATIONS[last] if before else None
    if last == "pass" and before and before[-1] in _PASSING:
        return None  # nginx's proxy_pass and fastcgi_pass name an upstream
    if last in _PASSWORD_DIRECTIVES:
        return Sense("password", True)  # a dotted name's last part: `keystore.storepass`
    if last in PASSWORD_WORDS:
        # A bare PWD is the shell's working directory, not a password.
        return Sense("password", True) if before or last != "pwd" else None
    if last in ("hash", "digest") and before and before[-1] in PASSWORD_WORDS:
        return Sense("password", True)
    if last == "hash" and before and before[-1] == "encryption":
        return Sense(
            "secret", True
        )  # WHMCS's `cc_encryption_hash`: the key its stored cards are encrypted with
    if last in ("certificate", "cert") and before and before[-1] == "app":
        return Sense(
            "secret", True
        )  # Agora's app certificate: the secret its tokens are signed with, no X.509
    if last == "tokens" and before and before[-1] in _TOKENS_QUALIFIERS:
        return Sense(
            "token", True
        )  # Unleash's `INIT_CLIENT_API_TOKENS`: a list of them (`max_tokens` is a count)
    # A domain's transfer code (EPP's authInfo), an OAuth authorization code.
    if (last == "code" and before and before[-1] in ("auth", "epp", "authorization")) or (
        last == "info" and before == ["auth"]
    ):
        return Sense("password", True)
    if last in ("pubkey", "publickey"):
        return None  # a validator's, a node's public key (`VALIDATOR_PUBKEY`): what anyone may hold
    if last == "keys" and before and before[-1] in _KEYS_QUALIFIERS:
        return Sense("secret", True)  # Strapi's `APP_KEYS`: the keys that sign its sessions, a list of them
    if last == "key":
        if before in (["dns"], ["cdns"]):
            return None  # DNSSEC's DNSKEY and CDNSKEY records: a zone's public key
        if before and before[-1] in ("public", "pub", "publishable"):
            return (
                None  # what anyone may hold (`DISCORD_PUBLIC_KEY`, Snowflake's `RSA_PUBLIC_KEY`): no secret
            )
        if before and before[-1] == "signing" and ("user" in before or name == "signingkey"):
            return (
                None  # git's user.signingkey (or under `[user]`) names the key: its id, a public key's file
            )
        if before == ["gpg"]:
            return None  # a key's fingerprint (`GPG_KEY`, as official container images verify what they download)
        return _classify_key(before)
    return SINGLE_WORDS.get(last)


def _classify_key(before: list[str]) -> Sense:
    if "secret" in before and ("aws" in before or "access" in before):
        return Sense("aws-secret-key", True)
    if len(before) > 1 and before[-1] == "key":
        before = before[
            :-1
        ]  # a key's field of its own name (`--root-keys.app-key.key`): what the key before it is
    qualifier = before[-1] if before else ""
    if qualifier == "private":
        return Sense("private-key", True)
    if qualifier == "secret":
        return Sense("secret", True)
    if qualifier == "preshared":
        return Sense("key", True)  # WireGuard's PresharedKey, an IPsec pre-shared key: a shared secret
    if qualifier in ("wifi", "wlan", "wpa"):
        return Sense("password", True)  # a Wi-Fi network's key (balena's `wifiKey`): its passphrase
    if qualifier in KEY_QUALIFIERS:
        return Sense("api-key", True)
    return Sense("key", False)


# Decision: well-known placeholder words are kept. They carry no entropy, a system that really
# uses "changeme" has a publicly documented password, and keeping them shows where a secret goes.
PLACEHOLDER_WORDS = frozenset(
    {
        "changeme", "change-me", "change_me", "changeit", "replaceme", "replace-me", "replace_me",
        "placeholder", "redacted", "dummy", "example", "sample", "none", "null", "nil", "undefined",
        "empty", "todo", "tbd", "fixme", "secret", "password", "passwd", "passphrase", "token", "apikey",
        "api_key", "api-key", "mysecret", "mypassword", "yourpassword", "true", "false", "yes", "no",
        "tobemodified",  # Strapi's .env.example
    }
)  # fmt: skip
_PLACEHOLDER = re.compile(
    r"""[*xX•.#_\-]+                       # masked: ****, xxxx, ...
      | <[^<>]+>                           # <your-api-key>
      | \{\{.*\}\} | \$\{.*\} | \{[\w.]*\}  # {{ secrets.X }}, ${VAR}, {name}
      | %\{.*\}                           # Hiera's and Puppet's %{lookup('...')}, %{::fact}
      | \{vault://[^{}\s]+\}               # Kong's reference to a vault's secret
      | \$?\{\{.*                         # a template's expression, cut where its own quotes or a blank end it
      | AutoGenerate(?:,[A-Za-z]+)*         # ASP.NET's machineKey: the keys are made at run time
      | [A-Za-z0-9_\-]{1,16}?(?:\.{3,}|…|\*{3,})[A-Za-z0-9]{1,6}  # masked but for its ends: sk-...a3f9
      | \$[A-Z_]{2,40}\$.*                 # a JetBrains IDE's path macro: $PROJECT_DIR$/...
      | \$[A-Za-z_]\w* | \$\(.* | %\w+% | %\(?\w*\)?[sd]  # $VAR, $(cmd (cut at a space), %VAR%, %(name)s
      | \$[a-z][a-z0-9]*(?:-[a-z0-9]+)+(?::[\w.\-]+)?      # Argo CD's reference to another Secret's key: $github-secret
      | (?i:your|my)[-_ ].* | (?i:your)[A-Z_].*             # your-token-here, YOUR_API_KEY
      | [A-Za-z]+(?:[_\-][A-Za-z]+)*[_\-](?i:here)           # WordPress's password_here, api_key_here
      | (?i:put|enter|insert|paste)[ ](?i:your|the|a|an)[ ][a-z ]{1,60}    # put your unique phrase here
      | [A-Za-z0-9_\-]{1,16}?[-_.](?:x{3,}|X{3,}|\*{3,}|\.{3,}|…)(?:[-_.](?:x{3,}|X{3,}|\*{3,}))*
                                          # sk-..., ghp_xxxx, sk-proj-****, xoxb-xxxx-xxxx-xxxx
      | [A-Za-z0-9]{2,12}?(?:x{12,}|X{12,})                 # a prefix and its filler: EAAAxxxxxxxxxxxxxxxx
      | \*{4,}[A-Za-z0-9_\-]{1,8} | [A-Za-z0-9_\-]{1,12}\*{4,}   # masked but for its last or first few: ****QX7M
      | [A-Z]+(?:[_\-][A-Z]+)+                               # OAUTH-TOKEN, ACCESS_TOKEN: a name, not a value
      | ![A-Za-z]+(?:[ \t]+[\w.\-]{1,128})?                  # YAML tags: !vault, !Ref Name, !secret db_password
      | \[[A-Z][A-Z_\-\ ]{2,30}\]                           # [PROTECTED], [MASKED], [HIDDEN]
      | [A-Za-z0-9/+]{8,40}EXAMPLE(?:KEY)?                   # AWS's documented examples: wJalrXUtn...EXAMPLEKEY
    """,
    re.VERBOSE,
)


# Decision: keys a vendor publishes by design are kept wherever they stand, under a key's name too
# (`POSTHOG_KEY=phc_...`, `MAPBOX_TOKEN=pk.eyJ...`): every browser that loads the page is given them.
# PostHog's project key, Mapbox's public token, Supabase's publishable key; and an identifier by design: a NATS
# account's, user's or server's public key, which names it in every JWT and config that refers to it.
_PUBLISHED_KEY = re.compile(
    r"phc_[A-Za-z0-9]{20,128}|pk\.eyJ[A-Za-z0-9_\-]{8,2048}\.[A-Za-z0-9_\-]{8,512}|sb_publishable_[A-Za-z0-9_\-]{16,128}"
    r"|pk_(?:live|test)_[A-Za-z0-9]{16,247}"  # Stripe's publishable key, which every checkout page holds
)
_NATS_PUBLIC_KEY = re.compile(r"[OANCUX][A-Z2-7]{55}")  # its seed ("S" first, 58 long) goes


def _nats_public_key(value: str) -> bool:
    """A NATS public key: base32 of its type's byte, 32 bytes of key and their CRC-16 (XMODEM, little-endian)."""
    if _NATS_PUBLIC_KEY.fullmatch(value) is None:
        return False
    raw = base64.b32decode(value + "=" * (-len(value) % 8))
    return binascii.crc_hqx(raw[:-2], 0) == int.from_bytes(raw[-2:], "little")


@functools.lru_cache(maxsize=4096)  # pure, and the same values (placeholders, flags, words) come back often
def is_placeholder(value: str) -> bool:
    """Tell whether ``value`` is no secret of its own: it stands for one (or is already redacted), or it is a
    key its vendor publishes by design."""
    stripped = value.strip()
    if not stripped or stripped.startswith(TOKEN_OPEN):
        return True
    return (
        stripped.lower() in PLACEHOLDER_WORDS
        or stripped.lower().rstrip("0123456789") == "tobemodified"  # (Strapi's numbers them: `toBeModified2`)
        or _PLACEHOLDER.fullmatch(stripped) is not None
        or _PUBLISHED_KEY.fullmatch(stripped) is not None
        or _nats_public_key(stripped)
    )


def shannon_bits(value: str) -> float:
    """Return the Shannon entropy of ``value`` in bits per character."""
    counts = Counter(value)
    size = len(value)
    return -sum(n / size * math.log2(n / size) for n in counts.values())


# What a server writes into a cookie it is clearing (`session=deleted`).
CLEARED_COOKIE_VALUES = frozenset({"deleted", "expired", "invalid", "logout", "loggedout", "removed"})
HEX = re.compile(r"(?:0x)?[0-9a-fA-F]+")  # a digest or a number, not a secret of its own shape
_RANDOM_CHARS = re.compile(r"[A-Za-z0-9+/=_\-.~%]+")


_WORDS_JOINED = re.compile(
    r"[A-Za-z][a-z]+(?:[A-Z][a-z]+)+[0-9]{0,3}|[A-Z]{2,8}[0-9]{0,3}(?:[A-Z][a-z]{2,})+|[a-z]+(?:[_\-][a-z]+)+[0-9]{0,3}|[A-Z][A-Z0-9]*(?:[_\-][A-Z0-9]+)+"
    r"|(?i:sha|sha[0-9]{1,3}|md5)[\-:].*"
    # lower-case words and numbers joined: ubuntu-22.04-amd64, oauth2-proxy-v7.5.1 (a tag, an image, a version)
    r"|[a-z][a-z0-9]*(?:[\-_.][a-z][a-z0-9]*)*(?:[\-_.][a-z]*[0-9][a-z0-9]*)+(?:[\-_.][a-z0-9]+)*"
)
_NAMED_DIGEST = re.compile(r"[A-Za-z]{2,32}(?:[\-_.][A-Za-z0-9]{1,32}){1,12}[\-_.][0-9a-f]{16,128}")
UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


# What a key generator draws from when it takes symbols too: printable ASCII less the blank, quotes and backslash.
_GENERATED_CHARS = re.compile(r"[!#-&(-\[\]-_a-~]+")
# Symbols `looks_random` does not take (base64's, a URL's), at least this many: a salt's, not an encoding's.
_GENERATED_SYMBOLS = 4


def looks_generated(value: str) -> bool:
    """Tell whether ``value`` is drawn at random from letters, digits and symbols alike, as a key generator draws a
    salt (WordPress's: 64 characters of every printable kind), which `looks_random` leaves for code."""
    if len(value) < 32 or not _GENERATED_CHARS.fullmatch(value):
        return False
    symbols = sum(1 for char in value if not char.isalnum() and char not in "+/=_-.~%")
    return (
        symbols >= _GENERATED_SYMBOLS
        and any(map(str.isupper, value))
        and any(map(str.islower, value))
        and any(map(str.isdigit, value))
        and len(set(value)) >= 24
        and shannon_bits(value) >= 4.5
    )


# Base64 that no path is written as: its length a multiple of four, and padded or holding a "+".
_PADDED_BASE64 = re.compile(
    r"(?=[A-Za-z0-9+/]*(?:\+|=\Z))(?:[A-Za-z0-9+/]{4}){4,}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?"
)


def looks_random(value: str) -> bool:
    """Tell whether ``value`` looks like generated key material rather than a word or a hash.

    Pure hex is treated as a digest (git SHAs, checksums) and kept; a weak name needs more.
    """
    if len(value) < 16 or not _RANDOM_CHARS.fullmatch(value) or HEX.fullmatch(value):
        return False
    if (value.count("/") >= 2 and not _PADDED_BASE64.fullmatch(value)) or value.count(".") >= 2:
        return (
            False  # paths and dotted names (not base64's "/": a key padded to its length, or holding a "+")
        )
    if "." in value and all(_WORDS_JOINED.fullmatch(part) or part.isalpha() for part in value.split(".")):
        return False  # an attribute or an enum's member: OverlapMode.REMOVE
    if "=" in value.rstrip("="):  # base64 pads only at its end: `allow_yanked=False` is an argument
        return False
    if _WORDS_JOINED.fullmatch(value) or UUID.fullmatch(value) or _NAMED_DIGEST.fullmatch(value):
        # an identifier made of words (TokenLifetimeMinutes, token_lifetime), a UUID, or words and a digest
        # (a cache key: node-cache-Linux-x64-npm-<sha256>)
        return False
    classes = sum(1 for test in (str.isupper, str.islower, str.isdigit) if any(map(test, value)))
    return classes >= 2 and shannon_bits(value) >= 3.0
