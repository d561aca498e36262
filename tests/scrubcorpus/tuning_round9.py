"""The ninth round's tuning part: personal data and everyday credentials where a structure says what a value is.

A key, a column, a header or a tool's own output names the value, in the syntaxes agents read and write:
JSON, YAML, TOML, INI, ``.env``, Python, Ruby, JavaScript, Go, Java and C#, vCards and LDIF, package
manifests (``package.json`` ``author`` and ``contributors``, ``pyproject.toml`` ``authors``, Cargo, gemspecs,
``setup.py``, Debian ``control``, Helm charts, POMs, ``DESCRIPTION``), git's output and config (``Author:``,
``Commit:``, trailers, ``git shortlog -sn``, ``git config user.name``, blame, patches), tables (CSV, TSV, psql,
MySQL, SQLite, pandas, Markdown), SQL ``INSERT``s and the bindings ORMs log, log lines with ``user_name=``. The
values: two-word personal names; e-mail addresses on ordinary providers' and companies' domains, plain, in
``Name <addr>`` forms, in ``mailto:`` links, inside JSON-escaped text and URL-encoded (``%40``, ``%2540``);
phone numbers in the national formats of the UK, Germany, France, India, Brazil, Japan, Australia and the US;
passwords that read as words or passphrases; generated hex and base64 secrets named by a key in prose and
Markdown; US social security numbers, card numbers (Luhn-valid, none a processor's published test number) and
IBANs (valid: registry length, layout, national check where the country has one, mod-97).

Labelling policy, after the scrubber's own: a name is labelled where its key or column says it is a person's
(``customer_name``, ``display_name``, ``assignee``, ``FN:``, ``cn:``), beside an address, or in git's identity
and the lines that print it; package metadata names a person only beside an address. Kept (marked to
survive): addresses on reserved example domains (example.com/.org/.net, ``.test``, ``.invalid``,
``localhost``) and role accounts (``noreply@``, ``git@github.com``, GitHub's noreply addresses for bots), a
name beside a documentation address, placeholders (``<your-name>``, ``${AUTHOR}``, ``changeme``), masked
values, a given name alone, organisations and teams (``The Acme team``, ``ACME Corp``), bots
(``dependabot[bot]``, ``github-actions``), code that refers to a value (``author = get_author()``), package
metadata and licence headers without an address, commit ids, digests and UUIDs, test card numbers, and numbers
that fail a check. A home directory becomes ``~``, so its user is never marked.

Written from the formats' public descriptions and what these tools print, not from the rules. Rules may be
adjusted against it: it is a tuning part. Templates use `tuning_more`'s markers (``@S@`` for the labelled
secret, ``⟪...⟫`` for spans that must survive) and `tuning_round4`'s fillers and wrappers. Text outside both
markers (an address beside a labelled name, a name beside a labelled address) is neither.
"""

from __future__ import annotations

import base64
import random

from tests.scrubcorpus.fakes import ALNUM, DIGITS, HEX, UPPER, chars, mixed
from tests.scrubcorpus.tuning_more import Class, Figures, Labelled, score, ssn
from tests.scrubcorpus.tuning_round4 import build_part

SEED = 20261209

# People -------------------------------------------------------------------------------------------

GIVEN = (
    "Anna", "Lukas", "Priya", "Tomas", "Mei", "Daniel", "Aisha", "Kenji", "Ingrid", "Rahul", "Chloe", "Mateo",
    "Hannah", "Yusuf", "Elena", "Jonas", "Nadia", "Oliver", "Fatima", "Marco", "Sofia", "Ethan", "Leila", "Samuel",
)  # fmt: skip
FAMILY = (
    "Okafor", "Lindqvist", "Moreau", "Brennan", "Kowalczyk", "Tanaka", "Fernandes", "Hughes", "Novak", "Iyer",
    "Schneider", "Castillo", "Whitfield", "Haddad", "Ferreira", "Nakamura", "Oyelaran", "MacLeod", "Rossi",
    "Andersen", "Delgado", "Pham", "Gallagher", "Sorensen",
)  # fmt: skip
PERSONAL_DOMAINS = (
    "gmail.com", "outlook.com", "hotmail.co.uk", "yahoo.co.jp", "web.de", "gmx.de", "orange.fr", "free.fr",
    "rediffmail.com", "uol.com.br", "bigpond.com", "icloud.com", "proton.me", "fastmail.com",
    "northwind-logistics.com", "brightwave.co.uk", "kestrel-analytics.io", "acme-corp.io",
)  # fmt: skip


def person_name(rng: random.Random) -> str:
    """Two capitalised words, sometimes with a middle initial or a double family name."""
    given, family = rng.choice(GIVEN), rng.choice(FAMILY)
    shape = rng.randrange(7)
    if shape == 0:
        return f"{given} {rng.choice(UPPER)}. {family}"
    if shape == 1:
        return f"{given} {family}-{rng.choice([f for f in FAMILY if f != family])}"
    return f"{given} {family}"


def email_address(rng: random.Random) -> str:
    """A person's address as people pick them, on a provider's or a company's domain."""
    given, family = rng.choice(GIVEN).lower(), rng.choice(FAMILY).lower()
    shape = rng.randrange(6)
    if shape == 0:
        local = f"{given}.{family}"
    elif shape == 1:
        local = given[0] + family
    elif shape == 2:
        local = f"{given}_{family}{chars(rng, DIGITS, 2)}"
    elif shape == 3:
        local = f"{family}.{given}"
    elif shape == 4:
        local = given + chars(rng, DIGITS, rng.randrange(2, 5))
    else:
        local = f"{given}.{family}+{rng.choice(['shop', 'news', 'github', 'work'])}"
    return local + "@" + rng.choice(PERSONAL_DOMAINS)


def encoded_email(rng: random.Random) -> str:
    """An address as a URL carries it: the at-sign percent-encoded, once or twice."""
    address = email_address(rng)
    encoded = address.replace("+", "%2B").replace("@", "%40")
    return encoded.replace("%", "%25") if rng.random() < 0.2 else encoded


# Phone numbers ------------------------------------------------------------------------------------


def _d(rng: random.Random, n: int) -> str:
    return chars(rng, DIGITS, n)


def _uk(rng: random.Random) -> str:
    mobile = "7" + rng.choice("4589") + _d(rng, 2)  # never the 07700 900 range kept for drama
    return rng.choice(
        [
            f"0{mobile} {_d(rng, 6)}",
            f"+44 {mobile} {_d(rng, 6)}",
            f"020 {rng.choice('38')}{_d(rng, 3)} {_d(rng, 4)}",
            f"+44 20 {rng.choice('38')}{_d(rng, 3)} {_d(rng, 4)}",
        ]
    )


def _de(rng: random.Random) -> str:
    prefix = rng.choice(["151", "160", "170", "171", "176"])
    return rng.choice(
        [f"+49 {prefix} {_d(rng, 8)}", f"0{prefix} {_d(rng, 7)}", f"030 {rng.choice('2345689')}{_d(rng, 7)}"]
    )


def _fr(rng: random.Random) -> str:
    pairs = " ".join(_d(rng, 2) for _ in range(4))
    return rng.choice([f"0{rng.choice('1234567')} {pairs}", f"+33 {rng.choice('67')} {pairs}"])


def _in(rng: random.Random) -> str:
    body = rng.choice("6789") + _d(rng, 4)
    return rng.choice([f"+91 {body} {_d(rng, 5)}", f"+91-{body}-{_d(rng, 5)}", f"{body} {_d(rng, 5)}"])


def _br(rng: random.Random) -> str:
    ddd = rng.choice(["11", "21", "31", "41", "51", "61", "71", "81"])
    mobile = f"9{_d(rng, 4)}-{_d(rng, 4)}"
    return rng.choice(
        [f"+55 {ddd} {mobile}", f"({ddd}) {mobile}", f"({ddd}) {rng.choice('2345')}{_d(rng, 3)}-{_d(rng, 4)}"]
    )


def _jp(rng: random.Random) -> str:
    mobile = rng.choice(["70", "80", "90"])
    return rng.choice(
        [
            f"0{mobile}-{_d(rng, 4)}-{_d(rng, 4)}",
            f"+81 {mobile}-{_d(rng, 4)}-{_d(rng, 4)}",
            f"03-{_d(rng, 4)}-{_d(rng, 4)}",
        ]
    )


def _au(rng: random.Random) -> str:
    mobile = "4" + f"{rng.randrange(90):02d}"  # below 0490: never the 0491 570 range kept for drama
    return rng.choice(
        [
            f"0{mobile} {_d(rng, 3)} {_d(rng, 3)}",
            f"+61 {mobile} {_d(rng, 3)} {_d(rng, 3)}",
            f"(02) {rng.choice('89')}{_d(rng, 3)} {_d(rng, 4)}",
        ]
    )


def _us(rng: random.Random) -> str:
    area = rng.choice(["206", "212", "305", "312", "404", "415", "512", "617", "646", "720"])
    exchange = rng.choice("2346789") + _d(rng, 2)  # never 555
    line = _d(rng, 4)
    return rng.choice(
        [
            f"({area}) {exchange}-{line}",
            f"+1 {area}-{exchange}-{line}",
            f"{area}.{exchange}.{line}",
            f"+1 ({area}) {exchange}-{line}",
        ]
    )


_COUNTRIES = (_uk, _de, _fr, _in, _br, _jp, _au, _us)


def phone_number(rng: random.Random) -> str:
    """A phone number in one of eight countries' national or international formats."""
    return rng.choice(_COUNTRIES)(rng)


# Credentials --------------------------------------------------------------------------------------

WORDS = (
    "lilac", "mango", "harbor", "copper", "falcon", "meadow", "velvet", "orchid", "tundra", "pebble", "saffron",
    "juniper", "marble", "walnut", "comet", "lantern", "willow", "cobalt", "puffin", "quartz", "ember", "thistle",
    "bramble", "otter", "biscuit", "glacier",
)  # fmt: skip


def word_password(rng: random.Random) -> str:
    """A password a person chose: a passphrase, a season and a year, words and digits, a capitalised word."""
    shape = rng.randrange(5)
    if shape == 0:
        return rng.choice("-._").join(rng.sample(WORDS, rng.choice([3, 4])))
    if shape == 1:
        season = rng.choice(["Summer", "Winter", "Spring", "Autumn"])
        return season + rng.choice(["2025", "2026", "24", "26"]) + rng.choice("!*.")
    if shape == 2:
        return f"{rng.choice(WORDS)}.{rng.choice(WORDS)}{_d(rng, 3)}"
    if shape == 3:
        return rng.choice(WORDS).capitalize() + _d(rng, rng.randrange(2, 5)) + rng.choice("!*")
    first, second = rng.sample(WORDS, 2)
    return first.capitalize() + second.capitalize() + _d(rng, 2)


def generated_secret(rng: random.Random) -> str:
    """What ``openssl rand`` and secret generators print: hex, base64, base64url or letters and digits."""
    shape = rng.randrange(5)
    if shape == 0:
        return chars(rng, HEX, rng.choice([32, 64]))
    if shape == 1:
        return chars(rng, HEX, 40)
    if shape == 2:
        return base64.b64encode(rng.randbytes(rng.choice([32, 48]))).decode()
    if shape == 3:
        return base64.urlsafe_b64encode(rng.randbytes(32)).decode().rstrip("=")
    return mixed(rng, ALNUM, 40)


# Numbers with a check -----------------------------------------------------------------------------


def luhn_digit(body: str) -> str:
    """The digit that makes ``body`` + it pass the Luhn check."""
    total = 0
    for index, char in enumerate(reversed(body)):
        value = int(char) * (1 if index % 2 else 2)
        total += value - 9 if value > 9 else value
    return str((10 - total % 10) % 10)


def luhn_valid(number: str) -> bool:
    return luhn_digit(number[:-1]) == number[-1]


def looks_like_test_card(number: str) -> bool:
    """Processors' published test numbers repeat: long runs of a digit, few distinct digits."""
    runs = any(digit * 5 in number for digit in DIGITS)
    return runs or len(set(number)) < 6


_BRANDS = (
    ("4", 16), ("51", 16), ("53", 16), ("55", 16), ("2221", 16), ("34", 15), ("37", 15), ("6011", 16), ("65", 16),
    ("3528", 16),
)  # fmt: skip


def card_number(rng: random.Random) -> str:
    """A Luhn-valid number of a real brand's prefix and length, compact or grouped as printed on cards."""
    while True:
        prefix, length = rng.choice(_BRANDS)
        body = prefix + _d(rng, length - len(prefix) - 1)
        number = body + luhn_digit(body)
        if not looks_like_test_card(number):
            break
    shape = rng.randrange(3)
    if shape == 0:
        return number
    sep = " " if shape == 1 else "-"
    if length == 15:
        return sep.join([number[:4], number[4:10], number[10:]])
    return sep.join(number[i : i + 4] for i in range(0, 16, 4))


IBAN_LENGTHS = {"DE": 22, "GB": 22, "FR": 27, "BE": 16, "AT": 20, "CH": 21, "NL": 18, "IE": 22, "ES": 24}


def iban_check(country: str, bban: str) -> str:
    """ISO 13616's two check digits for ``bban`` in ``country``."""
    digits = "".join(str(int(c, 36)) for c in bban + country + "00")
    return f"{98 - int(digits) % 97:02d}"


def iban_valid(iban: str) -> bool:
    compact = iban.replace(" ", "")
    rotated = compact[4:] + compact[:4]
    return (
        IBAN_LENGTHS.get(compact[:2]) == len(compact)
        and int("".join(str(int(c, 36)) for c in rotated)) % 97 == 1
    )


def _rib_key(bank: str, branch: str, account: str) -> str:
    return f"{97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97:02d}"


def _es_digit(ten: str) -> str:
    weights = (1, 2, 4, 8, 5, 10, 9, 7, 3, 6)
    d = 11 - sum(w * int(c) for w, c in zip(weights, ten, strict=True)) % 11
    return "0" if d == 11 else "1" if d == 10 else str(d)


def _bban(rng: random.Random, country: str) -> str:
    """A basic bank account number in the country's layout, with its national check where it has one."""
    if country == "DE":
        return rng.choice("12345678") + _d(rng, 7) + _d(rng, 10)
    if country == "GB":
        return rng.choice(["NWBK", "BARC", "LOYD", "HBUK", "MIDL"]) + _d(rng, 6) + _d(rng, 8)
    if country == "FR":
        bank, branch, account = _d(rng, 5), _d(rng, 5), _d(rng, 11)
        return bank + branch + account + _rib_key(bank, branch, account)
    if country == "BE":
        ten = _d(rng, 10)
        return ten + f"{int(ten) % 97 or 97:02d}"
    if country == "AT":
        return _d(rng, 16)
    if country == "CH":
        return _d(rng, 17)
    if country == "NL":
        return rng.choice(["ABNA", "INGB", "RABO", "SNSB", "TRIO"]) + _d(rng, 10)
    if country == "IE":
        return rng.choice(["AIBK", "BOFI"]) + _d(rng, 6) + _d(rng, 8)
    bank, branch, account = _d(rng, 4), _d(rng, 4), _d(rng, 10)
    return bank + branch + _es_digit("00" + bank + branch) + _es_digit(account) + account


def iban(rng: random.Random) -> str:
    """A valid IBAN, compact or in groups of four as statements print it."""
    country = rng.choice(sorted(IBAN_LENGTHS))
    bban = _bban(rng, country)
    number = country + iban_check(country, bban) + bban
    if rng.random() < 0.5:
        return " ".join(number[i : i + 4] for i in range(0, len(number), 4))
    return number


def _bad_iban(rng: random.Random) -> str:
    """An IBAN-shaped string whose check digits are wrong."""
    bban = _bban(rng, "DE")
    good = int(iban_check("DE", bban))
    return f"DE{rng.choice([c for c in range(2, 99) if c != good]):02d}{bban}"


def _test_card(rng: random.Random) -> str:
    """A processor's published test number, written from its pattern."""
    visa = "42" * 8
    return rng.choice([" ".join([visa[:4]] * 4), visa, "5" * 12 + "4444"])


def _no_luhn(rng: random.Random) -> str:
    """Sixteen digits that fail the Luhn check (an order number, not a card)."""
    body = rng.choice("123456789") + _d(rng, 14)
    return body + str((int(luhn_digit(body)) + rng.randrange(1, 10)) % 10)


# Documents ----------------------------------------------------------------------------------------

NAME_KEYED = (
    '⟪{"id": 4812, "customer_name": "⟫@S@⟪", "plan": "pro", "seats": 12}⟫\n',
    "⟪ticket:⟫\n  ⟪id: OPS-2291⟫\n  ⟪assignee: ⟫@S@\n  ⟪reviewer: github-actions⟫\n  ⟪status: in_review⟫\n",
    '⟪[contact]⟫\n⟪full_name = "⟫@S@⟪"⟫\n⟪role = "billing"⟫\n⟪team = "The Acme team"⟫\n',
    "⟪[owner]⟫\n⟪display_name = ⟫@S@\n⟪timezone = Europe/Berlin⟫\n",
    '⟪REPORT_OWNER_NAME="⟫@S@⟪"⟫\n⟪REPORT_OWNER_TEAM=data-platform⟫\n',
    '⟪AUTHOR = settings.AUTHOR⟫\n⟪DEFAULT_REVIEWER_NAME = "⟫@S@⟪"⟫\n',
    '⟪order = Order(id=4812, customer_name="⟫@S@⟪", total=Decimal("129.90"))⟫\n',
    '⟪User.create!(display_name: "⟫@S@⟪", role: :admin, invited_by: current_user)⟫\n',
    "⟪const reviewer = { id: 77, fullName: '⟫@S@⟪', company: 'ACME Corp' };⟫\n",
    '⟪u := model.User{ID: 77, DisplayName: "⟫@S@⟪", Admin: false}⟫\n',
    '⟪Customer c = new Customer();⟫\n⟪c.setFullName("⟫@S@⟪");⟫\n⟪c.setTier(Tier.GOLD);⟫\n',
    '⟪var contact = new Contact { Id = 77, ContactName = "⟫@S@⟪", Company = "ACME Corp" };⟫\n',
    "⟪BEGIN:VCARD⟫\n⟪VERSION:4.0⟫\n⟪FN:⟫@S@\n⟪ORG:ACME Corp⟫\n⟪END:VCARD⟫\n",
    "⟪dn: uid=u4812,ou=people,dc=acme,dc=io⟫\n⟪objectClass: inetOrgPerson⟫\n⟪cn: ⟫@S@\n⟪ou: Engineering⟫\n",
    '⟪"fields": {"assignee": {"accountId": "712020:@UUID@", "displayName": "⟫@S@⟪", "active": true}, '
    '"reporter": {"displayName": "dependabot[bot]"}}⟫\n',
)

NAME_MANIFEST = (
    '⟪{⟫\n  ⟪"name": "@acme/ui-kit",⟫\n  ⟪"version": "2.4.1",⟫\n  ⟪"author": "⟫@S@ <@MAIL@>⟪",⟫\n'
    '  ⟪"license": "MIT"⟫\n⟪}⟫\n',
    '  ⟪"contributors": [⟫\n    ⟪{ "name": "⟫@S@⟪", "email": "⟫@MAIL@⟪" },⟫\n'
    '    ⟪{ "name": "The Acme team", "url": "https://acme-corp.io" }⟫\n  ⟪],⟫\n',
    '⟪[project]⟫\n⟪name = "ledgerline"⟫\n⟪version = "0.9.3"⟫\n⟪authors = [{ name = "⟫@S@⟪", email = "⟫@MAIL@⟪" }]⟫\n'
    '⟪maintainers = [{ name = "The Ledgerline Authors" }]⟫\n',
    '⟪[package]⟫\n⟪name = "tidepool"⟫\n⟪version = "0.3.0"⟫\n⟪authors = ["⟫@S@ <@MAIL@>⟪"]⟫\n⟪edition = "2021"⟫\n',
    '⟪Gem::Specification.new do |spec|⟫\n  ⟪spec.name    = "quill_rb"⟫\n  ⟪spec.authors = ["⟫@S@⟪"]⟫\n'
    '  ⟪spec.email   = ["⟫@MAIL@⟪"]⟫\n  ⟪spec.license = "MIT"⟫\n',
    '⟪setup(⟫\n    ⟪name="orbit-tools",⟫\n    ⟪author="⟫@S@⟪",⟫\n    ⟪author_email="⟫@MAIL@⟪",⟫\n'
    '    ⟪license="Apache-2.0",⟫\n⟪)⟫\n',
    "⟪Source: tidepool⟫\n⟪Section: utils⟫\n⟪Priority: optional⟫\n⟪Maintainer: ⟫@S@ <@MAIL@>\n"
    "⟪Build-Depends: debhelper-compat (= 13)⟫\n",
    '⟪FROM python:3.12-slim⟫\n⟪LABEL org.opencontainers.image.authors="⟫@S@ <@MAIL@>⟪"⟫\n'
    '⟪LABEL org.opencontainers.image.vendor="ACME Corp"⟫\n',
    '    ⟪"authors": [⟫\n        ⟪{"name": "⟫@S@⟪", "email": "⟫@MAIL@⟪", "role": "Developer"}⟫\n    ⟪],⟫\n',
    "⟪<developers>⟫\n  ⟪<developer>⟫\n    ⟪<name>⟫@S@⟪</name>⟫\n    ⟪<email>⟫@MAIL@⟪</email>⟫\n"
    "    ⟪<organization>ACME Corp</organization>⟫\n  ⟪</developer>⟫\n",
    "⟪# Names should be added to this file as: Name <email address>⟫\n⟪ACME Corp⟫\n@S@ <@MAIL@>\n",
    '⟪name = "Tidepool"⟫\n⟪uuid = "@UUID@"⟫\n⟪authors = ["⟫@S@ <@MAIL@>⟪"]⟫\n⟪version = "0.3.0"⟫\n',
    "⟪Package: tidyledger⟫\n⟪Version: 0.4.2⟫\n⟪Maintainer: ⟫@S@ <@MAIL@>\n⟪License: MIT + file LICENSE⟫\n",
    "⟪maintainers:⟫\n  ⟪- name: ⟫@S@\n    ⟪email: ⟫@MAIL@\n⟪sources:⟫\n  ⟪- https://github.com/acme/charts⟫\n",
)

NAME_GIT = (
    "⟪commit @SHA@⟫\n⟪Author: ⟫@S@ <@MAIL@>\n⟪Date:   Thu May 14 10:32:11 2026 +0200⟫\n\n"
    "    ⟪Fix rounding in invoice totals⟫\n",
    "    ⟪Retry uploads on 503⟫\n\n    ⟪Signed-off-by: ⟫@S@ <@MAIL@>\n",
    "    ⟪Co-authored-by: ⟫@S@ <@MAIL@>\n"
    "    ⟪Co-authored-by: github-actions[bot] <@D8@+github-actions[bot]@users.noreply.github.com>⟫\n",
    "⟪$ git shortlog -sn --since=2026-01-01⟫\n⟪   412\t⟫@S@\n⟪    97\tdependabot[bot]⟫\n⟪    12\tgithub-actions⟫\n",
    "⟪$ git config user.name⟫\n@S@\n⟪$ git config init.defaultBranch⟫\n⟪main⟫\n",
    "⟪[user]⟫\n\t⟪name = ⟫@S@\n\t⟪email = ⟫@MAIL@\n⟪[init]⟫\n\t⟪defaultBranch = main⟫\n",
    '⟪$ git config --global user.name "⟫@S@⟪"⟫\n',
    '⟪export GIT_AUTHOR_NAME="⟫@S@⟪"⟫\n⟪export GIT_COMMITTER_NAME="$GIT_AUTHOR_NAME"⟫\n',
    "⟪@SHA8@ (⟫@S@⟪ 2026-05-14 10:32:11 +0200 42)     return round(total, 2)⟫\n",
    "⟪commit @SHA@⟫\n⟪Author:     dependabot[bot] <@D8@+dependabot[bot]@users.noreply.github.com>⟫\n"
    "⟪AuthorDate: Thu May 14 10:32:11 2026 +0200⟫\n⟪Commit:     ⟫@S@ <@MAIL@>\n"
    "⟪CommitDate: Thu May 14 10:40:02 2026 +0200⟫\n",
    "⟪From @SHA@ Mon Sep 17 00:00:00 2001⟫\n⟪From: ⟫@S@ <@MAIL@>\n⟪Date: Thu, 14 May 2026 10:32:11 +0200⟫\n"
    "⟪Subject: [PATCH 2/3] cache: drop stale entries⟫\n",
    "    ⟪Reviewed-by: ⟫@S@ <@MAIL@>\n    ⟪Change-Id: I@SHA@⟫\n",
    "    ⟪Acked-by: ⟫@S@ <@MAIL@>\n    ⟪Tested-by: github-actions⟫\n",
    "⟪$ git log --format='%an <%ae>' | sort -u⟫\n@S@ <@MAIL@>\n"
    "⟪dependabot[bot] <@D8@+dependabot[bot]@users.noreply.github.com>⟫\n",
)

NAME_TABLE = (
    "⟪id,full_name,plan,created_at⟫\n⟪4812,⟫@S@⟪,pro,2026-05-14⟫\n",
    "⟪customer_id\tcustomer_name\tcountry⟫\n⟪4812\t⟫@S@⟪\tDE⟫\n",
    "⟪ id  | contact_name | city⟫\n⟪-----+--------------+-------⟫\n⟪ 812 | ⟫@S@⟪ | Leeds⟫\n⟪(1 row)⟫\n",
    "⟪+----+--------------+-------+⟫\n⟪| id | display_name | role  |⟫\n⟪+----+--------------+-------+⟫\n"
    "⟪| 77 | ⟫@S@⟪ | admin |⟫\n",
    "⟪INSERT INTO customers (id, full_name, tier) VALUES (4812, '⟫@S@⟪', 'gold');⟫\n",
    '⟪INSERT INTO "users" ("display_name", "role") VALUES (\'⟫@S@⟪\', \'admin\') RETURNING "id";⟫\n',
    '⟪2026-05-14T10:32:11Z INFO checkout.completed order=4812 user_name="⟫@S@⟪" total=129.90 currency=EUR⟫\n',
    '⟪(0.002) INSERT INTO "accounts_profile" ("full_name", "plan") VALUES (%s, %s); args=(\'⟫@S@⟪\', \'pro\')⟫\n',
    '⟪  Customer Create (0.4ms)  INSERT INTO "customers" ("contact_name", "created_at") VALUES ($1, $2) '
    'RETURNING "id"  [["contact_name", "⟫@S@⟪"], ["created_at", "2026-05-14 10:32:11"]]⟫\n',
    "⟪| Rota | Name | Since |⟫\n⟪|------|------|-------|⟫\n⟪| Primary on-call | ⟫@S@⟪ | 2024 |⟫\n",
    "⟪   customer_id     customer_name country⟫\n⟪0         4812  ⟫@S@⟪      DE⟫\n",
    '⟪{"level":"info","msg":"login","user_id":77,"user_name":"⟫@S@⟪","country":"DE"}⟫\n',
    '⟪level=warn msg="password reset requested" account_id=77 full_name="⟫@S@⟪" channel=email⟫\n',
    "⟪sqlite> SELECT id, full_name, city FROM customers LIMIT 1;⟫\n⟪       id = 77⟫\n⟪full_name = ⟫@S@\n"
    "⟪     city = Leeds⟫\n",
)

EMAIL_KEYED = (
    '⟪{"id": 4812, "email": "⟫@S@⟪", "verified": true}⟫\n',
    '⟪alerts:⟫\n  ⟪on_failure:⟫\n    ⟪notify_email: ⟫@S@\n    ⟪channel: "#ops"⟫\n',
    '⟪[smtp]⟫\n⟪from = "noreply@acme-corp.io"⟫\n⟪reply_to = "⟫@S@⟪"⟫\n',
    "⟪[alerts]⟫\n⟪recipient = ⟫@S@\n⟪sender = noreply@acme-corp.io⟫\n",
    "⟪ADMIN_EMAIL=⟫@S@\n⟪MAIL_FROM=noreply@acme-corp.io⟫\n",
    '⟪DEFAULT_FROM_EMAIL = "noreply@acme-corp.io"⟫\n⟪ADMINS = [("Ops", "⟫@S@⟪")]⟫\n',
    '⟪config.action_mailer.default_options = { from: "noreply@acme-corp.io", bcc: "⟫@S@⟪" }⟫\n',
    '⟪await sendMail({ to: "⟫@S@⟪", subject: "Your invoice", template: "invoice" });⟫\n',
    '⟪msg := mail.Message{To: []string{"⟫@S@⟪"}, Subject: "Weekly report"}⟫\n',
    '⟪props.setProperty("mail.smtp.user", "⟫@S@⟪");⟫\n⟪props.setProperty("mail.smtp.host", "smtp.acme-corp.io");⟫\n',
    '⟪var message = new MailMessage("noreply@acme-corp.io", "⟫@S@⟪");⟫\n',
    "⟪id,email,plan⟫\n⟪4812,⟫@S@⟪,pro⟫\n",
    "⟪UPDATE users SET email = '⟫@S@⟪' WHERE id = 4812;⟫\n",
    "⟪2026-05-14 10:32:11,412 INFO [mailer] sent template=welcome to=⟫@S@⟪ message_id=@UUID@⟫\n",
    "⟪[sendemail]⟫\n\t⟪smtpServer = smtp.gmail.com⟫\n\t⟪smtpUser = ⟫@S@\n\t⟪smtpServerPort = 587⟫\n",
)

EMAIL_IN_TEXT = (
    '⟪<a href="mailto:⟫@S@⟪?subject=Refund%20request">Contact billing</a>⟫\n',
    "⟪[Email us](mailto:⟫@S@⟪)⟫\n",
    "⟪To: ⟫@NAME@ <@S@>\n⟪Subject: Re: quote for the Leeds office⟫\n",
    '⟪Reply-To: "⟫@NAME@⟪" <⟫@S@⟪>⟫\n⟪From: "ACME Billing" <noreply@acme-corp.io>⟫\n',
    '⟪{"role": "user", "content": "Can you fix the signup bug? It fails for ⟫@S@⟪ every time.\\n"}⟫\n',
    '⟪{"text": "Forwarding from \\"⟫@NAME@⟪\\" <⟫@S@⟪>: the invoice is attached"}⟫\n',
    '⟪"body": "Hi team,\\nplease add ⟫@S@⟪ to the beta list.\\nThanks"⟫\n',
    '⟪Cc: ⟫@NAME@ <@S@>⟪, "Platform Team" <noreply@acme-corp.io>⟫\n',
    "⟪Questions? Write to ⟫<@S@>⟪ or open an issue.⟫\n",
    "⟪[('From', 'noreply@acme-corp.io'), ('To', '⟫@S@⟪'), ('Subject', 'Welcome')]⟫\n",
    "⟪mailto:⟫@S@⟪?cc=noreply@acme-corp.io&subject=Access%20request⟫\n",
    "⟪$ git send-email --to=⟫@S@⟪ --annotate HEAD~2⟫\n",
)

EMAIL_ENCODED = (
    "⟪GET /api/v2/users?email=⟫@S@⟪&include=orders HTTP/1.1⟫\n",
    "⟪https://app.acme-corp.io/unsubscribe?list=weekly&email=⟫@S@\n",
    '⟪203.0.113.7 - - [14/May/2026:10:32:11 +0000] "GET /reset?user=⟫@S@⟪ HTTP/1.1" 302 0⟫\n',
    '⟪curl -s "https://api.acme-corp.io/v1/customers/search?q=⟫@S@⟪&limit=1"⟫\n',
    "⟪POST /signup HTTP/1.1⟫\n⟪Content-Type: application/x-www-form-urlencoded⟫\n\n"
    "⟪plan=pro&email=⟫@S@⟪&newsletter=on⟫\n",
    "⟪Location: https://accounts.acme-corp.io/login?next=%2Fbilling&login_hint=⟫@S@\n",
    '⟪<a href="mailto:⟫@S@⟪?subject=Hello">write to us</a>⟫\n',
    "⟪https://acme-corp.io/r?url=https%3A%2F%2Fapp.acme-corp.io%2Fverify%3Femail%3D⟫@S@⟪%26step%3D2⟫\n",
    '⟪DEBUG:urllib3.connectionpool:https://api.acme-corp.io:443 "GET /v1/contacts?email=⟫@S@⟪ HTTP/1.1" 200 512⟫\n',
    '⟪{"next": "https://api.acme-corp.io/v1/users?page=2&email=⟫@S@⟪"}⟫\n',
    "⟪Cookie: theme=dark; remembered_email=⟫@S@⟪; lang=en⟫\n",
    '⟪*1 open() failed (2: No such file or directory), request: "GET /api/users/⟫@S@⟪/orders HTTP/1.1", '
    'host: "api.acme-corp.io"⟫\n',
    "⟪https://storage.googleapis.com/acme-avatars/⟫@S@⟪/avatar.png⟫\n",
)

PHONE = (
    '⟪{"customer_id": 4812, "phone": "⟫@S@⟪", "sms_opt_in": true}⟫\n',
    '⟪contact:⟫\n  ⟪role: on-call⟫\n  ⟪mobile: "⟫@S@⟪"⟫\n',
    "⟪BEGIN:VCARD⟫\n⟪VERSION:3.0⟫\n⟪TEL;TYPE=CELL:⟫@S@\n⟪END:VCARD⟫\n",
    "⟪id,phone_number,opt_in⟫\n⟪77,⟫@S@⟪,true⟫\n",
    "⟪ id | phone | verified⟫\n⟪----+-------+----------⟫\n⟪ 77 | ⟫@S@⟪ | t⟫\n",
    "⟪INSERT INTO contacts (id, mobile, channel) VALUES (77, '⟫@S@⟪', 'sms');⟫\n",
    '⟪ONCALL_PHONE="⟫@S@⟪"⟫\n⟪ONCALL_ROTATION=weekly⟫\n',
    '⟪twilio.messages.create(to="⟫@S@⟪", from_=settings.SMS_FROM, body=text)⟫\n',
    '⟪2026-05-14T10:32:11Z INFO sms.sent provider=twilio to="⟫@S@⟪" segments=1⟫\n',
    '⟪<Contact id="77">⟫\n  ⟪<Telephone>⟫@S@⟪</Telephone>⟫\n⟪</Contact>⟫\n',
    '⟪customer.setPhoneNumber("⟫@S@⟪");⟫\n',
    "⟪| Rota | Phone |⟫\n⟪|---|---|⟫\n⟪| Primary | ⟫@S@⟪ |⟫\n",
    "⟪[escalation]⟫\n⟪sms_number = ⟫@S@\n⟪retries = 3⟫\n",
    '⟪c := Contact{ID: 77, Phone: "⟫@S@⟪", OptIn: true}⟫\n',
)

PASSWORD = (
    "⟪database:⟫\n  ⟪host: db.internal⟫\n  ⟪user: shop⟫\n  ⟪password: ⟫@S@\n",
    "⟪services:⟫\n  ⟪db:⟫\n    ⟪image: postgres:16⟫\n    ⟪environment:⟫\n      ⟪POSTGRES_PASSWORD: ⟫@S@\n",
    '⟪        env:⟫\n        ⟪- name: DB_PASSWORD⟫\n          ⟪value: "⟫@S@⟪"⟫\n',
    "⟪[db]⟫\n⟪db1.internal ansible_user=deploy ansible_password=⟫@S@\n",
    '⟪vars:⟫\n  ⟪mysql_root_password: "⟫@S@⟪"⟫\n  ⟪mysql_databases: [shop]⟫\n',
    "⟪$ mysql -h db.internal -u shop -p⟫@S@⟪ shop < dump.sql⟫\n",
    "⟪DATABASE_URL=postgres://shop:⟫@S@⟪@db.internal:5432/shop⟫\n",
    "⟪$ docker login registry.acme-corp.io -u ci -p ⟫@S@\n"
    "⟪WARNING! Using --password via the CLI is insecure. Use --password-stdin.⟫\n",
    "⟪$ sshpass -p '⟫@S@⟪' ssh ⟫deploy@bastion.acme-corp.io\n",
    "⟪bind 127.0.0.1⟫\n⟪requirepass ⟫@S@\n⟪maxmemory 256mb⟫\n",
    '⟪"ConnectionStrings": { "Default": "Server=db.internal;Database=shop;User Id=shop;Password=⟫@S@'
    '⟪;TrustServerCertificate=True" }⟫\n',
    "⟪spring.datasource.username=shop⟫\n⟪spring.datasource.password=⟫@S@\n",
    "⟪$ htpasswd -b -c /etc/nginx/.htpasswd admin ⟫@S@\n⟪Adding password for user admin⟫\n",
    "⟪apiVersion: v1⟫\n⟪kind: Secret⟫\n⟪metadata:⟫\n  ⟪name: smtp⟫\n⟪stringData:⟫\n  ⟪SMTP_PASSWORD: ⟫@S@\n",
    '⟪$cred = New-Object PSCredential("deploy", (ConvertTo-SecureString "⟫@S@⟪" -AsPlainText -Force))⟫\n',
)

NAMED_SECRET = (
    "⟪Done. I've set `API_SECRET` to `⟫@S@⟪` in `.env` and restarted the server.⟫\n",
    "⟪| Variable | Value | Notes |⟫\n⟪|---|---|---|⟫\n⟪| `NODE_ENV` | `production` | |⟫\n"
    "⟪| `JWT_SECRET` | `⟫@S@⟪` | signs session tokens |⟫\n",
    "⟪# .env.example: copy to .env and fill in⟫\n⟪APP_URL=http://localhost:3000⟫\n⟪SESSION_SECRET=⟫@S@\n"
    "⟪SMTP_PASSWORD=⟫\n",
    "⟪- **Webhook signing secret:** `⟫@S@⟪`⟫\n⟪- **Endpoint:** `https://hooks.acme-corp.io/stripe`⟫\n",
    "⟪The new HMAC key for the partner API is ⟫@S@⟪ (rotated today, the old one is revoked).⟫\n",
    "⟪.. code-block:: bash⟫\n\n   ⟪export ENCRYPTION_KEY=⟫@S@\n",
    "⟪> what value did you use for SECRET_KEY_BASE?⟫\n⟪I generated a new one for staging: ⟫@S@\n",
    "⟪Key           Value⟫\n⟪------------  -----⟫\n⟪signing_key   ⟫@S@\n⟪algorithm     HS256⟫\n",
    "⟪### Credentials for staging⟫\n\n⟪`CLIENT_SECRET`: `⟫@S@⟪`⟫\n",
    '⟪print(f"api_secret={settings.api_secret}")⟫\n⟪api_secret=⟫@S@\n',
    "⟪TODO(rotate): the master key in config/master.key is ⟫@S@⟪, move it to the vault⟫\n",
    "⟪Set the `encryption_key` option (32 bytes, base64):⟫\n\n⟪```yaml⟫\n⟪encryption_key: ⟫@S@\n⟪```⟫\n",
    "⟪Your app secret is ⟫@S@⟪. Store it now: it will not be shown again.⟫\n",
)

SSN = (
    '⟪{"employee_id": 5821, "ssn": "⟫@S@⟪", "state": "OH"}⟫\n',
    '⟪- employee: 5821⟫\n  ⟪social_security_number: "⟫@S@⟪"⟫\n  ⟪w4_on_file: true⟫\n',
    "⟪employee_id,ssn,hire_date⟫\n⟪5821,⟫@S@⟪,2024-03-01⟫\n",
    "⟪ employee_id | ssn | state⟫\n⟪-------------+-----+-------⟫\n⟪        5821 | ⟫@S@⟪ | OH⟫\n",
    "⟪INSERT INTO employees (id, ssn, state) VALUES (5821, '⟫@S@⟪', 'OH');⟫\n",
    '⟪<Employee id="5821">⟫\n  ⟪<SSN>⟫@S@⟪</SSN>⟫\n⟪</Employee>⟫\n',
    '⟪<input type="text" name="ssn" value="⟫@S@⟪" autocomplete="off">⟫\n',
    "⟪{'id': 5821, 'tax_id_type': 'ssn', 'tax_id': '⟫@S@⟪'}⟫\n",
    "⟪a  Employee's social security number⟫\n   @S@\n⟪b  Employer identification number (EIN)  12-@D7@⟫\n",
    "⟪WARN payroll.sync employee=5821 ssn=⟫@S@⟪ reason=duplicate⟫\n",
    '⟪employee.setSocialSecurityNumber("⟫@S@⟪");⟫\n',
    "⟪| Field | Value |⟫\n⟪|---|---|⟫\n⟪| SSN | ⟫@S@⟪ |⟫\n⟪| State | OH |⟫\n",
    '⟪  Parameters: {"applicant"=>{"ssn"=>"⟫@S@⟪", "dob"=>"[FILTERED]"}}⟫\n',
)

CARD = (
    '⟪{"order_id": 4812, "card_number": "⟫@S@⟪", "exp_month": 9, "exp_year": 2028}⟫\n',
    '⟪payment:⟫\n  ⟪method: card⟫\n  ⟪pan: "⟫@S@⟪"⟫\n  ⟪expiry: 09/28⟫\n',
    "⟪customer_id,card_number,expiry⟫\n⟪4812,⟫@S@⟪,09/28⟫\n",
    "⟪ order_id | card_number | status⟫\n⟪----------+-------------+----------⟫\n⟪     4812 | ⟫@S@⟪ | declined⟫\n",
    "⟪INSERT INTO payments (order_id, card_number, amount) VALUES (4812, '⟫@S@⟪', 129.90);⟫\n",
    "⟪ERROR payments.charge order=4812 card_number=⟫@S@⟪ code=do_not_honor⟫\n",
    '⟪charge = gateway.charge(amount=12990, card_number="⟫@S@⟪", cvc=cvc)⟫\n',
    "⟪<CreditCard>⟫\n  ⟪<CardNumber>⟫@S@⟪</CardNumber>⟫\n  ⟪<ExpirationDate>2028-09</ExpirationDate>⟫\n"
    "⟪</CreditCard>⟫\n",
    '⟪<input name="cc-number" autocomplete="cc-number" value="⟫@S@⟪">⟫\n',
    "⟪| Field | Value |⟫\n⟪|---|---|⟫\n⟪| Card number | ⟫@S@⟪ |⟫\n⟪| Expiry | 09/28 |⟫\n",
    '⟪const card = { number: "⟫@S@⟪", expMonth: 9, expYear: 2028 };⟫\n',
    '⟪  Parameters: {"payment"=>{"card_number"=>"⟫@S@⟪", "amount"=>"129.90"}}⟫\n',
    "⟪Card:    ⟫@S@\n⟪Expires: 09/28⟫\n⟪Status:  on file⟫\n",
)

IBAN = (
    '⟪{"payee": "ACME Corp", "iban": "⟫@S@⟪", "currency": "EUR"}⟫\n',
    "⟪payout:⟫\n  ⟪method: sepa⟫\n  ⟪iban: ⟫@S@\n  ⟪schedule: monthly⟫\n",
    "⟪vendor_id,iban,currency⟫\n⟪77,⟫@S@⟪,EUR⟫\n",
    "⟪ vendor_id | iban | currency⟫\n⟪-----------+------+----------⟫\n⟪        77 | ⟫@S@⟪ | EUR⟫\n",
    "⟪INSERT INTO payout_accounts (vendor_id, iban, currency) VALUES (77, '⟫@S@⟪', 'EUR');⟫\n",
    "⟪INFO sepa.mandate created mandate=MD-20260514-0042 debtor_iban=⟫@S@⟪ scheme=CORE⟫\n",
    "⟪<DbtrAcct>⟫\n  ⟪<Id>⟫\n    ⟪<IBAN>⟫@S@⟪</IBAN>⟫\n  ⟪</Id>⟫\n⟪</DbtrAcct>⟫\n",
    "⟪| Field | Value |⟫\n⟪|---|---|⟫\n⟪| IBAN | ⟫@S@⟪ |⟫\n⟪| Currency | EUR |⟫\n",
    '⟪mandate = SepaMandate(iban="⟫@S@⟪", reference="MD-20260514-0042")⟫\n',
    "⟪Please transfer the amount to:⟫\n⟪IBAN: ⟫@S@\n⟪Reference: INV-2026-0042⟫\n",
    '⟪PAYOUT_IBAN="⟫@S@⟪"⟫\n⟪PAYOUT_CURRENCY=EUR⟫\n',
    '⟪account.setIban("⟫@S@⟪");⟫\n',
    '⟪"sepa_debit": {"iban": "⟫@S@⟪"}, "type": "sepa_debit"⟫\n',
)

# Secret-free look-alikes in the same syntaxes ---------------------------------------------------

_LOOKALIKE_TEMPLATES = (
    '⟪"author": "The Acme team",⟫\n⟪"license": "MIT"⟫\n',
    "⟪author = get_author()⟫\n⟪AUTHOR = settings.AUTHOR⟫\n",
    '⟪{"id": "OPS-2291", "assignee": "Priya", "status": "open"}⟫\n',
    "⟪Author: dependabot[bot] <@D8@+dependabot[bot]@users.noreply.github.com>⟫\n"
    "⟪Date:   Thu May 14 10:32:11 2026 +0000⟫\n",
    "    ⟪Co-authored-by: github-actions[bot] <@D8@+github-actions[bot]@users.noreply.github.com>⟫\n",
    "⟪Author: Jane Doe <jane.doe@example.com>⟫\n",
    "⟪maintainers:⟫\n  ⟪- name: Platform Team⟫\n    ⟪email: platform@example.org⟫\n",
    '⟪git config --global user.name "<your-name>"⟫\n⟪git config --global user.email "<you@example.com>"⟫\n',
    '⟪authors = ["${AUTHOR}"]⟫\n',
    '⟪{"customer_name": "****", "plan": "pro"}⟫\n',
    "⟪# CODEOWNERS⟫\n⟪*.py @acme/backend⟫\n⟪/docs/ @acme/docs-team⟫\n",
    '⟪const displayName = user.displayName ?? "Anonymous";⟫\n',
    "⟪customer_name = customer.full_name⟫\n⟪reviewer = pr.requested_reviewers[0]⟫\n",
    '⟪{"company_name": "ACME Corp", "industry": "Logistics"}⟫\n',
    '⟪{"name": "left-trim", "version": "1.0.3", "author": "@NAME@", "license": "MIT"}⟫\n',
    "⟪# Copyright (c) 2024 @NAME@⟫\n⟪# SPDX-License-Identifier: MIT⟫\n",
    "⟪$ git shortlog -sn⟫\n⟪    97\tdependabot[bot]⟫\n⟪    12\trenovate[bot]⟫\n",
    "⟪Signed-off-by: <your-name> <your-email@example.com>⟫\n",
    '⟪{"email": "jane.doe@example.com", "name": "Jane Doe"}⟫\n',
    "⟪ADMIN_EMAIL=admin@example.org⟫\n⟪MAIL_FROM=noreply@acme-corp.io⟫\n",
    "⟪$ git clone git@github.com:acme/shop.git⟫\n⟪Cloning into 'shop'...⟫\n",
    "⟪url: https://api.acme-corp.io/users?email=user%40example.com⟫\n",
    "⟪[Contact support](mailto:support@example.net)⟫\n",
    "⟪To: QA <qa@shop.test>⟫\n⟪Cc: ops@mail.invalid⟫\n",
    '⟪{"email": "a****@gmail.com", "verified": true}⟫\n',
    "⟪from: noreply@github.com⟫\n⟪reply-to: noreply@github.com⟫\n",
    '⟪email = os.environ["ADMIN_EMAIL"]⟫\n⟪EMAIL_RE = r"^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$"⟫\n',
    '⟪"@types/node": "^20.11.0",⟫\n⟪"@acme/ui-kit": "2.4.1"⟫\n',
    "⟪      - uses: actions/checkout@v4⟫\n⟪      - uses: docker/login-action@v3⟫\n",
    "⟪DEFAULT_FROM_EMAIL=app@localhost⟫\n",
    '⟪{"version": "2026.05.14-1432", "build": 20260514, "phone": "<your-phone-number>"}⟫\n',
    "⟪timeout_ms: 30000⟫\n⟪retry_after: 120⟫\n⟪ports: [8080, 8443]⟫\n",
    '⟪{"phone": "***-***-@D4@", "sms_opt_in": false}⟫\n',
    "⟪password: changeme⟫\n⟪password_min_length: 12⟫\n",
    "⟪      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set it}⟫\n",
    "⟪        - name: DB_PASSWORD⟫\n          ⟪valueFrom:⟫\n            ⟪secretKeyRef: { name: db, key: password }⟫\n",
    '⟪ansible_password: "{{ vault_ansible_password }}"⟫\n',
    "⟪$ mysql -h db.internal -u shop -p shop⟫\n⟪Enter password:⟫\n",
    "⟪DATABASE_URL=postgres://shop:${DB_PASSWORD}@db.internal:5432/shop⟫\n",
    "⟪password: ********⟫\n",
    "⟪Set `API_SECRET` to the output of `openssl rand -hex 32`.⟫\n",
    "⟪| `JWT_SECRET` | *(required)* | signs session tokens |⟫\n",
    "⟪SESSION_SECRET=⟫\n⟪# SESSION_SECRET=<generate-a-long-random-string>⟫\n",
    "⟪Fixed in commit `@SHA@` (see #4821).⟫\n",
    "⟪sha256: @H64@⟫\n⟪size: 48213⟫\n",
    "⟪request_id: @UUID@⟫\n",
    '⟪ssn: "***-**-@D4@"⟫\n⟪ssn_last4: "@D4@"⟫\n',
    "⟪employer_ein: 12-@D7@⟫\n",
    '⟪"card_number": "@TESTCARD@"⟫\n',
    "⟪card: **** **** **** @D4@ (visa)⟫\n",
    '⟪"order_number": "@NOLUHN@"⟫\n',
    '⟪iban: "DE** **** **** **** **@D2@ 00"⟫\n',
    '⟪"iban": "@BADIBAN@"⟫\n',
    "⟪Invoice INV-2026-0042 shipped; case 000-12-@D4@ closed⟫\n",
)

_OWN_FILLERS = {
    "@NAME@": person_name,
    "@MAIL@": email_address,
    "@D8@": lambda rng: rng.choice("123456789") + _d(rng, 7),
    "@D7@": lambda rng: _d(rng, 7),
    "@D4@": lambda rng: _d(rng, 4),
    "@D2@": lambda rng: _d(rng, 2),
    "@SHA8@": lambda rng: chars(rng, HEX, 8),
    "@TESTCARD@": _test_card,
    "@NOLUHN@": _no_luhn,
    "@BADIBAN@": _bad_iban,
}


def _filled(templates: tuple[str, ...]) -> tuple[str, ...]:
    """The templates with this part's own fillers filled, once, when the module loads; `tuning_round4`'s
    fillers are filled for each document."""
    rng = random.Random(SEED)
    out: list[str] = []
    for template in templates:
        for name, make in _OWN_FILLERS.items():
            while name in template:
                template = template.replace(name, make(rng), 1)
        out.append(template)
    return tuple(out)


CLASSES = (
    Class("name_keyed_field", person_name, _filled(NAME_KEYED)),
    Class("name_package_manifest", person_name, _filled(NAME_MANIFEST)),
    Class("name_git_identity", person_name, _filled(NAME_GIT)),
    Class("name_table_row", person_name, _filled(NAME_TABLE)),
    Class("email_keyed_field", email_address, _filled(EMAIL_KEYED)),
    Class("email_in_text", email_address, _filled(EMAIL_IN_TEXT)),
    Class("email_url_encoded", encoded_email, _filled(EMAIL_ENCODED)),
    Class("phone_national", phone_number, _filled(PHONE)),
    Class("password_wordlike", word_password, _filled(PASSWORD)),
    Class("secret_named_in_prose", generated_secret, _filled(NAMED_SECRET)),
    Class("ssn_keyed", ssn, _filled(SSN)),
    Class("card_keyed", card_number, _filled(CARD)),
    Class("iban_keyed", iban, _filled(IBAN)),
)

LOOKALIKES = _filled(_LOOKALIKE_TEMPLATES)


def build(per_class: int = 40, seed: int = SEED) -> list[Labelled]:
    """Every class's documents (at least one per template, ``per_class`` at least) and the look-alikes, each
    look-alike under three wrappers."""
    return build_part(CLASSES, LOOKALIKES, per_class=per_class, seed=seed, wrappings=3)


def measure(per_class: int = 40) -> Figures:
    """This part scored as tuning_more scores its own."""
    return score(build(per_class))
