"""What the scrubber must leave alone in ordinary code, docs and logs (the keep-rate), each case beside a
generated secret in the same place, which must still go. The cases come from scrubbing installed packages'
sources and documentation, which hold essentially no live secrets. Every secret is generated at test time.
"""

from __future__ import annotations

import random
import string

from client_actors.scrub import scrub_text
from tests.scrubcorpus import fakes

RNG = random.Random(20261207)


def generated(n: int = 32) -> str:
    """A generated token: letters of both cases and digits."""
    return fakes.generated_token(RNG, n)


def public_v4() -> str:
    """A public address (first octet in 52..99: no kept range starts there)."""
    return ".".join(
        str(part) for part in (RNG.randrange(52, 100), *(RNG.randrange(1, 255) for _ in range(3)))
    )


def kept(text: str) -> bool:
    return scrub_text(text).text == text


def taken(text: str, secret: str) -> bool:
    out = scrub_text(text).text
    return secret not in out and "[REDACTED:" in out


def test_an_html_access_key_of_one_character_is_kept() -> None:
    for letter in "unp12":
        assert kept(f'Next: <a href="#Randomness" accesskey="{letter}" rel="next">Randomness</a>\n')
    secret = generated()
    assert taken(f'<a href="#Randomness" accesskey="{secret}" rel="next">Randomness</a>\n', secret)


def test_a_hex_colour_is_kept() -> None:
    assert kept("        Token:                  '#ABB2BF',\n")
    secret = generated()
    assert taken(f"        Token:                  '{secret}',\n", secret)


def test_a_release_numbered_in_four_parts_is_kept() -> None:
    for line in (
        "- **deps**: update V8 to 9.8.177.9 (someone) [#41610]\n",
        "- **deps**: patch V8 to 6.5.254.43 [#19615]\n",
        "  v8: '12.4.254.14-node.11',\n",
        "  v8@3.14.5.9\n",
        "Git 1.7.12.2 Release Notes\n",
        "   was merged to 'maint' and the 1.8.1.2 release.\n",
    ):
        assert kept(line), line
    address = public_v4()
    assert taken(f"- **deps**: fetch V8 from {address} [#41610]\n", address)
    address = public_v4()
    assert taken(f"  peer: '{address}',\n", address)


def test_a_section_or_object_number_is_kept() -> None:
    for line in (
        "event and [RFC 1122] (section 4.2.2.13) for more information.\n",
        '<h4 class="subsubsection">7.1.1.1 <acronym>SHA256</acronym></h4>\n',
        "    Per :rfc:`5891` §4.2.3.2 a label must not start with\n",
        "* `'x25519'` (OID 1.3.101.110)\n",
        "  } // Per 4.2.1.2 Throw error if too many\n",
    ):
        assert kept(line), line
    address = public_v4()
    assert taken(f"event and [RFC 1122] (host {address}) for more information.\n", address)
    address = public_v4()
    assert taken(f'<td class="host">{address}</td>\n', address)


def password() -> str:
    """A generated password: a word, digits and a symbol."""
    return RNG.choice(["Maple", "tiger", "Orbit"]) + str(RNG.randrange(1000, 9999)) + RNG.choice("!#%*")


def test_pass_the_verb_is_kept() -> None:
    for line in (
        "    # Pass allow_yanked=False to ignore yanked versions\n",
        "       contours and components, you can pass OverlapMode.REMOVE (or\n",
        "    # We pass uint32_t as int64_t if we write it\n",
        "# when we *don't* pass AI_V4MAPPED.\n",
        "    Pass :meth:`peek` a default value to\n",
        "pass is needed:\n",
    ):
        assert kept(line), line
    secret = generated()
    assert taken(f"    # Pass {secret} to ignore yanked versions\n", secret)
    secret = password()
    assert taken(f"the pass is {secret}\n", secret)


def test_a_pattern_named_pat_is_kept() -> None:
    assert kept('HEX_PAT = "[0-9A-Fa-f]{1,4}"\n')
    assert kept("                new_pat = pat\n")
    assert kept("longopt_pat = r'[a-zA-Z](?:[a-zA-Z0-9-]*)'\n")
    secret = generated(52).lower()
    assert taken(f'AZURE_DEVOPS_PAT = "{secret}"\n', secret)


def test_a_type_named_in_words_is_kept() -> None:
    assert kept("    key: PKCS12PrivateKeyTypes | None,\n")
    assert kept("    public_key: SSHPublicKeyTypes\n")
    secret = generated()
    assert taken(f"    key: {secret}\n", secret)


def test_an_object_keeping_its_argument_is_kept() -> None:
    for line in (
        "        self.pw = pw\n",
        "        self._secret_value = value\n",
        "    this._token = token;\n",
    ):
        assert kept(line), line
    secret = password()
    assert taken(f'        self.pw = "{secret}"\n', secret)


def test_object_identifiers_change_log_releases_and_repeated_octets_are_kept() -> None:
    for line in (
        '    KEY_USAGE = ObjectIdentifier("2.5.29.15")\n',
        "message is not supported by HTTP/2 (RFC 7540 8.1.2.4). It returns\n",
        " * RegExp to match type in RFC 7231 sec 3.1.1.1\n",
        "This was fixed in 1.5.4.1.\n",
        "# Up to 1.7.3.1 it failed with one option\n",
        '        scenario.sockets["2.2.2.2"].succeeded\n',
    ):
        assert kept(line), line
    address = public_v4()
    assert taken(f'    KEY_USAGE = resolve("{address}")\n', address)
    address = public_v4()
    assert taken(f"This was fetched from {address}.\n", address)
    address = public_v4()
    assert taken(f'        scenario.sockets["{address}"].succeeded\n', address)


def user_name() -> str:
    """A generated user name: letters only."""
    return "".join(RNG.choice(string.ascii_lowercase) for _ in range(RNG.randrange(5, 9)))


def test_a_file_under_home_and_a_role_account_are_no_person() -> None:
    assert kept("<li><code>/home/index.js</code></li>: index.js first\n")
    out = scrub_text("<li><code>/home/node_modules/bar.js</code></li> then node_modules\n").text
    assert out == "<li><code>~/bar.js</code></li> then node_modules\n"
    assert kept("/home/.gitignore\n")
    assert scrub_text("/home/www/site is served by www\n").text == "~/site is served by www\n"
    name = user_name()
    out = scrub_text(f"/home/{name}/site is served by {name}\n").text
    assert out == "~/site is served by [REDACTED:username]\n"


def test_a_numbered_html_heading_and_the_public_resolvers_v6_are_kept() -> None:
    assert kept('        <li><a id="toc-MD5" href="#MD5">7.1.3.1 <acronym>MD5</acronym></a></li>\n')
    assert kept('<a name="cl-format.summary"></a>3.1.7.1.\xa0Cost Summary Information\n')
    assert kept("  '2001:4860:4860::8888',\n")
    address = public_v4()
    assert taken(f'        <li><a id="toc-MD5" href="#MD5">{address}</a></li>\n', address)
    address = "2001:4860:4860::" + format(RNG.randrange(0x1000, 0x8000), "x")
    assert taken(f"  '{address}',\n", address)


def test_the_markers_of_a_private_key_alone_are_kept() -> None:
    code = (
        '_SK_START = b"-----BEGIN OPENSSH PRIVATE KEY-----"\n_SK_END = b"-----END OPENSSH PRIVATE KEY-----"\n'
    )
    assert kept(code)
    body = "\n".join(generated(64) for _ in range(4))
    pem = f"-----BEGIN OPENSSH PRIVATE KEY-----\n{body}\n-----END OPENSSH PRIVATE KEY-----\n"
    assert scrub_text(pem).text == "[REDACTED:private-key]\n"


def test_an_object_literal_keeps_its_comma() -> None:
    assert kept("  secret: 42,\n")
    secret = password()
    assert scrub_text(f"  password: {secret},\n").text == "  password: [REDACTED:password],\n"
    secret = generated()
    assert scrub_text(f"  secret: {secret};\n").text == "  secret: [REDACTED:secret];\n"


def test_names_listed_in_a_row_are_kept() -> None:
    for line in (
        "const key = pbkdf2Sync('secret', 'salt', 100000, 64, 'sha512');\n",
        '    __slots__ = ("next_token", "position", "rules", "source")\n',
        "        @field_serializer('password', 'password_bytes', when_used='json')\n",
    ):
        assert kept(line), line
    secret = password()
    assert taken(f"const key = pbkdf2Sync('secret', '{secret}', 100000, 64, 'sha512');\n", secret)
    secret = generated()
    assert taken(f'    props.put("next_token", "{secret}", "rules")\n', secret)


def test_a_flag_named_in_prose_or_help_is_kept() -> None:
    assert kept("            # The --username and --password options can't be used for\n")
    assert kept("  -P|--pass  passphrase   passphrase for private key\n")
    secret = password()
    assert taken(f"            # The --username and --password {secret} can't be used for\n", secret)
    secret = password()
    assert taken(f"  -P|--pass  {secret}   passphrase for private key\n", secret)


def test_a_signature_naming_key_and_value_is_kept() -> None:
    assert kept("    def __setitem__(self, key: StashKey[T], value: T) -> None:\n")
    secret = generated()
    out = scrub_text(f"    env(name: API_TOKEN, value: {secret}) -> None:\n").text
    assert out == "    env(name: API_TOKEN, value: [REDACTED:token]) -> None:\n"


def test_a_pattern_for_tokens_is_kept() -> None:
    assert kept('token = r"[-!#$%&\'*+.^_`|~0-9a-zA-Z]+"\n')
    assert kept("jsonnet_token = r'[^\\W\\d]\\w*'\n")
    secret = password()
    assert taken(f'token = r"{secret}"\n', secret)


def test_a_variable_named_for_its_secret_and_a_dunder_version_are_kept() -> None:
    for line in (
        "        'MINIO_SECRET_KEY': secret_key\n",
        "                credentials = _creds\n",
        "        PARENT_TASK_DATA.token = current_trio_token\n",
        "_DHPrivateKey = DHPrivateKey\n",
        '__version__ = "3.5.0.1"\n',
        " https://tools.ietf.org/html/rfc7540#section-8.1.2.4\n",
    ):
        assert kept(line), line
    secret = generated()
    assert taken(f"        'MINIO_SECRET_KEY': {secret}\n", secret)
    secret = password()
    assert taken(f"                credentials = {secret}\n", secret)
    address = public_v4()
    assert taken(f'__server__ = "{address}"\n', address)


def test_a_server_is_no_version() -> None:
    address = public_v4()
    assert taken(f"server: {address}\n", address)
    assert kept("ver. 3.5.0.1\n")


def test_decimals_run_together_in_an_svg_path_are_kept() -> None:
    assert kept(
        '<path d="M12 .15A4.01 4.01 0 0111 18c0 1.52-.87 2.83-2.12 3.51.98.32 2.03.5 3.11.5 3.5 0"/>\n'
    )
    first, second, third = public_v4(), public_v4(), public_v4()
    out = scrub_text(f"peers {first} {second} {third}\n").text
    assert out == "peers [REDACTED:ipv4] [REDACTED:ipv4] [REDACTED:ipv4]\n"
