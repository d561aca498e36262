"""The classes the tenth held-back part's recall by class showed missing: a person's name under an author key
in a setting or an environment variable (`AUTHOR = "..."`, `export AUTHOR=...`, YAML's and ini's own `author`
line), under a person key behind a receiver (`config.full_name = "..."`), as an environment lookup's default
and in prose's "`full_name` is set to `...`"; a name beside a documentation address where git log or a
manifest's author field prints it; a memorable password of two words and a number under a password key; a hex
value a secret's name gives in prose; a private key's tail whose last line is its padding alone. Each beside
the look-alikes that must come out unchanged; every value is generated here.
"""

from __future__ import annotations

import base64
import random
from collections.abc import Callable

import pytest

from tests.support.scrubbing import each_line, scrubbed, transcript_line

RNG = random.Random(20261209)

NAME_TOKEN = "[REDACTED:person-name]"
PASSWORD_TOKEN = "[REDACTED:password]"

# Parts names are made of at test time.
GIVEN = ("Odile", "Tavish", "Maren", "Kofi", "Ilaria", "Brannock", "Sunniva", "Evander", "Rosalind", "Idris")
FAMILY = (
    "Quennell",
    "Abernathy-Roe",
    "Vantongeren",
    "Lachapelle",
    "Osei",
    "Drummond",
    "Hautala",
    "Penhallow",
)
WORDS = ("amber", "lilac", "harbor", "tundra", "copper", "mango", "velvet", "falcon", "quartz", "juniper")
HEX_DIGITS = "0123456789abcdef"


def _name(rng: random.Random) -> str:
    return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"


def _memorable(rng: random.Random) -> str:
    """Two words and a number, the second word capitalised at times: `lilac.mango809`."""
    second = rng.choice(WORDS)
    second = second.capitalize() if rng.random() < 0.5 else second
    return f"{rng.choice(WORDS)}.{second}{rng.randint(10, 9999)}"


def _hex(rng: random.Random, size: int = 40) -> str:
    return "".join(rng.choice(HEX_DIGITS) for _ in range(size))


def _login(rng: random.Random) -> str:
    return rng.choice(GIVEN).lower()[:4] + rng.choice(("-svc", "_app", "", "-ro"))


WRAPPERS: dict[str, Callable[[str], str]] = {
    "plain": lambda text: text,
    "escaped": transcript_line,
    "arrow": each_line(lambda n: f"{n:6d}→"),
    "tab": each_line(lambda n: f"{n}\t"),
    "diff": each_line(lambda n: "+"),
    "ci": each_line(lambda n: f"2026-12-04T09:00:{n:02d}.1110000Z "),
}


# --- people's names ----------------------------------------------------------------------------------------

AUTHOR_SETTINGS = (
    '# settings\nHOST = "api.example.com"\nAUTHOR = "{N}"\n',
    "$ export HOST=api.example.com\n$ export AUTHOR='{N}'\n",
    "# local overrides, do not commit\nAUTHOR={N}\n",
    "service:\n  host: db.internal.example.net\n  author: {N}\n",
    'meta:\n  author: "{N}"\n',
    "[default]\nhost = hooks.example.net\nauthor = {N}\n",
    "# generated\napp.host=api.example.com\napp.author={N}\n",
    "- `author` is set to `{N}` in `config/app.yaml`\n",
    '    author = os.environ.get("AUTHOR", "{N}")\n',
)


@pytest.mark.parametrize("wrapper", sorted(WRAPPERS))
@pytest.mark.parametrize("template", AUTHOR_SETTINGS)
def test_a_name_under_an_author_setting_or_variable_goes(template: str, wrapper: str) -> None:
    name = _name(RNG)
    out = scrubbed(WRAPPERS[wrapper](template.format(N=name)))
    assert name not in out and NAME_TOKEN in out, out


PERSON_KEY_FORMS = (
    'Rails.application.configure do\n  config.host = "registry.example.com"\n  config.full_name = "{N}"\nend\n',
    "@user.last_name = '{N}'\n",
    'def client() -> httpx.Client:\n    full_name = os.environ.get("FULL_NAME", "{N}")\n',
    "    customer_name = os.getenv('CUSTOMER_NAME', '{N}')\n",
    'owner = ENV.fetch("CUSTOMER_NAME", "{N}")\n',
    "'name' => env('FULL_NAME', '{N}'),\n",
    "- `full_name` is set to `{N}` in `src/settings.py`\n",
    "The `customer_name` was set to `{N}` by the import.\n",
)


@pytest.mark.parametrize("wrapper", sorted(WRAPPERS))
@pytest.mark.parametrize("template", PERSON_KEY_FORMS)
def test_a_name_under_a_person_key_in_code_and_prose_goes(template: str, wrapper: str) -> None:
    name = _name(RNG)
    out = scrubbed(WRAPPERS[wrapper](template.format(N=name)))
    assert name not in out and NAME_TOKEN in out, out


def _git_log(name: str, address: str) -> str:
    return (
        f"$ git log -n 1\ncommit {_hex(RNG)}\nAuthor: {name} <{address}>\n"
        "Date:   Tue Mar 3 10:12:44 2026 +0100\n\n    Fix retry on HTTP 429\n"
    )


def _manifest(name: str, address: str) -> str:
    return f'{{\n  "name": "@acme/widgets",\n  "version": "4.12.0",\n  "author": "{name} <{address}>",\n}}\n'


@pytest.mark.parametrize("wrapper", sorted(WRAPPERS))
@pytest.mark.parametrize("render", [_git_log, _manifest])
def test_a_name_printed_as_an_identity_goes_beside_a_documentation_address_which_stays(
    render: Callable[[str, str], str], wrapper: str
) -> None:
    name = _name(RNG)
    address = (
        f"{name.split()[0].lower()}{RNG.randint(2, 99)}@{RNG.choice(('example.org', 'mail.example.com'))}"
    )
    out = scrubbed(WRAPPERS[wrapper](render(name, address)))
    assert name not in out and NAME_TOKEN in out, out
    assert address in out  # a reserved example domain's address is kept, as everywhere


NAME_LOOKALIKES = (
    "author = get_author()\n",
    "AUTHOR = settings.AUTHOR\n",
    '  "author": "The Acme team",\n',
    "      author: ${{ github.actor }}\n",
    "author: {F}\n",
    'AUTHOR = "<your name>"\n',
    "author = '{N}'\n",  # Sphinx's conf.py, TOML: documentation and package metadata
    "    author='{N}',\n",  # setup.py
    "Author: {N}\n",  # PKG-INFO
    "[metadata]\nname = widgets\nversion = 4.12.0\nauthor = {N}\n",  # setup.cfg
    '  "author": "{N}",\n',  # package.json without an address
    'labels = ("full_name", "{N}")\n',  # a comma's pair with no environment lookup
    'full_name = os.environ.get("FULL_NAME")\n',
    "- `author` is set to `get_author()` in `app.py`\n",
    "Author: {N} <{F}@example.com>\n",  # an example beside a documentation address, no commit above it
    "Signed-off-by: {N} <dev@build.test>\n",
    'AUTHOR = "Jane Doe"\n',  # a stand-in's name, as templates write one
    "commit {H}\nAuthor: John Smith <john@example.org>\nDate:   Tue Mar 3 10:12:44 2026 +0100\n",
)


@pytest.mark.parametrize("wrapper", sorted(WRAPPERS))
@pytest.mark.parametrize("template", NAME_LOOKALIKES)
def test_code_metadata_and_examples_beside_author_keys_stay(template: str, wrapper: str) -> None:
    name = _name(RNG)
    text = WRAPPERS[wrapper](template.format(N=name, F=name.split()[0].lower(), H=_hex(RNG)))
    assert scrubbed(text) == text


# --- passwords ---------------------------------------------------------------------------------------------

MEMORABLE_FORMS = (
    "[default]\nregion = eu-west-1\nsmtp_pass = {P}\n",
    "# generated\napp.host=api.example.com\napp.db_password={P}\n",
    "service:\n  host: db.internal.example.net\n  smtp_pass: {P}\n",
    "DB_PASSWORD={P}\n",
)


@pytest.mark.parametrize("wrapper", sorted(WRAPPERS))
@pytest.mark.parametrize("template", MEMORABLE_FORMS)
def test_a_memorable_password_of_two_words_and_a_number_goes(template: str, wrapper: str) -> None:
    password = _memorable(RNG)
    out = scrubbed(WRAPPERS[wrapper](template.format(P=password)))
    assert password not in out and PASSWORD_TOKEN in out, out


PASSWORD_LOOKALIKES = (
    "password = config.db_password\n",
    "password=settings.PASSWORD\n",
    "password = config.password42\n",
    "    smtp_pass: self.smtp_pass\n",
    "proxy_pass = upstream.backend01\n",
)


@pytest.mark.parametrize("wrapper", sorted(WRAPPERS))
@pytest.mark.parametrize("text", PASSWORD_LOOKALIKES)
def test_code_that_names_a_password_stays(text: str, wrapper: str) -> None:
    wrapped = WRAPPERS[wrapper](text)
    assert scrubbed(wrapped) == wrapped


# --- hex named by a secret in prose ------------------------------------------------------------------------


@pytest.mark.parametrize("wrapper", ["plain", "escaped"])
@pytest.mark.parametrize("name", ["API_SECRET", "client_secret", "WEBHOOK_SECRET", "GITHUB_TOKEN"])
def test_a_hex_value_a_secret_s_name_gives_in_prose_goes(name: str, wrapper: str) -> None:
    value, commit = _hex(RNG, RNG.choice((32, 40, 64))), _hex(RNG)
    text = (
        "I found these values in the working tree; rotate them before pushing:\n\n"
        f"- `{name}` is set to `{value}` in `.env.local`\n\nLast touched in commit `{commit}`.\n"
    )
    out = scrubbed(WRAPPERS[wrapper](text))
    assert value not in out and commit in out, out


@pytest.mark.parametrize(
    "template",
    [
        "- `commit` is set to `{H}` in `.git/HEAD`\n",
        "`HEAD` is `{H}`\n",
        "`secret_sha` is `{H}`\n",
        "API_SECRET rotated in commit {H}\n",
        "The `API_SECRET` is read from `config.json`, last changed in `{H}`\n",
    ],
)
def test_hex_in_prose_that_no_secret_s_name_gives_stays(template: str) -> None:
    text = template.format(H=_hex(RNG))
    assert scrubbed(text) == text


# --- Kubernetes Secrets ------------------------------------------------------------------------------------


def _b64(value: str) -> str:
    return base64.b64encode(value.encode()).decode()


@pytest.mark.parametrize("wrapper", ["plain", "escaped", "arrow", "diff"])
def test_every_value_of_a_secret_s_data_goes_its_user_name_too(wrapper: str) -> None:
    """A Secret's kind says what is secret, not its keys' names: a login under `username` goes with the rest."""
    login, password = _b64(_login(RNG)), _b64(_memorable(RNG) + "!")
    text = (
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db-credentials\ntype: Opaque\ndata:\n"
        f"  username: {login}\n  password: {password}\n"
    )
    out = scrubbed(WRAPPERS[wrapper](text))
    assert login not in out and password not in out and "username: [REDACTED:secret]" in out, out


# --- a private key's tail ----------------------------------------------------------------------------------


@pytest.mark.parametrize("wrapper", sorted(WRAPPERS))
def test_a_key_s_tail_whose_last_line_is_its_padding_alone_goes(wrapper: str) -> None:
    """157 bytes are 212 characters of base64 ending in "==": in lines of 70, the last holds the padding."""
    body = base64.b64encode(RNG.randbytes(157)).decode()
    lines = [body[at : at + 70] for at in range(0, len(body), 70)]
    assert lines[-1] == "=="
    end = "-----END OPENSSH PRIVATE" + " KEY-----"
    out = scrubbed(WRAPPERS[wrapper]("\n".join([*lines[1:], end]) + "\n"))
    assert not [line for line in lines[1:-1] if line[:16] in out], out
