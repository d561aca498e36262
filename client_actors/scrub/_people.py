"""People's names, where the structure around a string says it is one.

A name alone in prose cannot be told from a product, a heading or a class; a name in a field that holds
one can. The places taken:
- a name beside an address, ``Jane Doe <jane@...>`` (git's Author and Commit lines, trailers such as
  ``Signed-off-by:``, mail headers, package metadata, ``.mailmap``): the address goes anyway, and the
  name beside it names the same person. Only after what leads a name: a person's label (``Author:``,
  ``From:``, any ``-by:``), a quote, a list's comma, a comment's mark, a copyright's year, the line's start;
  capitalised words of a log line before an address (``INFO Sending Welcome Email <...>``) stay;
- the local git identity, which is the person at the keyboard (unless the address set beside it is a
  documentation one: a guide's example): ``git config user.name``, ``user.name=`` in
  ``git config --list``, ``name =`` under ``[user]``, ``GIT_AUTHOR_NAME`` and ``GIT_COMMITTER_NAME``; and
  ``git blame`` (and its porcelain) and ``git shortlog`` lines, which print identities with no address, and
  the line ``git config user.name`` prints;
- data records: a value under a key or column that holds a person's name (``first_name``, ``customer_name``,
  ``cardholder``...; a role's name, ``user_name``, ``REPORT_OWNER_NAME``, and an issue's ``assignee``, as two words at
  least: a user's or an owner's is often a handle or a team's), and under ``name`` when the same record holds an
  e-mail, phone or address field (a record of a person, not a manifest or a workflow step; in XML, the leaf elements
  beside it: a POM's ``<developer>``), or when the record is an object under a key that says whose it is (``"card":
  {..., "name": "..."}``, ``billing_details``, ``shipping``, ``customer``), unless a contact field holds a
  documentation address (the record is an example's); JSON, YAML, dict reprs, a log line's ``key=value`` pairs, an
  attribute's assignment (``config.full_name = "..."``), a setter's call (``setFullName("...")``), an environment
  lookup's default (``os.environ.get("FULL_NAME", "...")``), a logged binding's pair (Rails' ``["contact_name",
  "..."]``), prose's "`full_name` is set to `...`", CSV, tab-separated, psql, MySQL and Markdown tables, a printed
  data frame, SQL ``INSERT`` rows (``VALUES`` and its rows behind line breaks, written or escaped) and the values
  Django's and SQLAlchemy's logs bind to them, a form body's ``first_name=...&...``. Under those keys an upper-case
  name is one too (a card's embossed ``JANE DOE``);
- directory entries and forms: a vCard's ``FN`` and the family, given and additional names of its ``N``, an LDIF
  ``cn`` where the entry's object class is a person's, a payment's creditor and debtor and their ultimate ones
  in ISO 20022 XML (``<Cdtr><Nm>...</Nm>``; an organisation's name there holds a word no person's does), and
  the line under a tax form's name label (a W-9's "Name of entity/individual");
- an author's setting: ``AUTHOR`` as a constant or an environment variable (``AUTHOR = "..."``, ``export
  AUTHOR=...``, a lookup's default), and ``author`` on a YAML or ini line of its own (``author: Jane Doe``,
  ``author = Jane Doe``) outside setup.cfg's ``[metadata]``.

Package metadata is taken only where an address stands beside the name, as ``Name <mail>`` or in the same
record (``{name = "Jane Doe", email = "..."}``). Kept on purpose: a name with no address beside it in
package metadata (``Author: Jane Doe`` in PKG-INFO, ``author='Jane Doe'`` in setup.py, whose
``author_email`` is another key) and in a licence header (``Copyright (c) 2024 Jane Doe``): both are the
public attribution of published code, and what the data is about (with an address beside it, a licence
header's name goes with the address, as everywhere). So is a quoted ``author = '...'`` (setup.py, Sphinx's
conf.py, TOML), where a settings file writes the key in upper case or the value unquoted. So is a name beside
a reserved documentation address (``Jane Doe <jane@example.com>``), as the address is: it is an example; but
not where a tool prints it as someone's identity whatever the address's domain, git log's ``Author:`` and
``Commit:`` lines below their commit's header and a manifest's ``"author": "First Last <...>"`` (the address
stays there, as everywhere). There, and in an author's setting, a stand-in's name (``Jane Doe``, ``Max
Mustermann``) is an example's still. A single word (``Jane <jane@...>``) is kept too, beside an address or
in a git line: a handle or a given name alone, which names nobody once the address is gone; only a column
that holds one part of a name (``first_name``) takes a single word.

A name is one to four capitalised words of letters (accented ones too, inner apostrophes and hyphens,
``J.`` initials, lower-case particles such as ``van der``); never an identifier (digits, ``_``, all lower
or upper case) and never one holding a word that names a role, a machine or an organisation (``Test User``,
``GitHub Actions``, ``Acme Corp``).
"""

from __future__ import annotations

import re
from collections.abc import Collection

from ahocorasick_rs import BytesAhoCorasick, Implementation

from client_actors.scrub._core import Redaction, disjoint, redact, token
from client_actors.scrub._digits import PUBLISHED_TEST_CARDS, is_card_number
from client_actors.scrub._judge import LINE_LEAD, RULE_RUNS, is_whole_line
from client_actors.scrub._personal import (
    LINE_BREAK,
    RULE_LINE,
    line_at,
    line_cells,
    reserved_domain,
    semicolon_separated,
    table_separator,
)
from client_actors.scrub._rows import (
    COPY,
    EXPANDED_RECORD,
    ROW_GAP,
    bound_rows,
    copied_rows,
    line_body,
    lines_after,
    previous_line,
    sql_row,
)

KIND = "person-name"

# Lower-case words inside a name ("Guido van Rossum", "María de la Cruz").
_PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "dos", "das", "do",
     "bin", "ibn", "al", "el", "ter", "ten", "zu", "y"}
)  # fmt: skip
# Words that make a capitalised run a role, a machine, a product or an organisation rather than a person.
NOT_NAME_WORDS = frozenset(
    {
        "default", "admin", "administrator", "test", "tests", "testing", "user", "users", "bot", "root",
        "system", "service", "services", "server", "jenkins", "github", "gitlab", "bitbucket", "actions",
        "action", "dependabot", "renovate", "unknown", "anonymous", "team", "build", "builder", "deploy",
        "release", "example", "sample", "demo", "support", "sales", "billing", "customer", "guest", "owner",
        "maintainers", "developers", "developer", "project", "contributors", "authors", "noreply", "api",
        "web", "app", "cloud", "inc", "ltd", "llc", "gmbh", "corp", "co", "foundation", "company", "group",
        "org", "organization", "software", "labs", "studio", "platform", "infra", "ops", "devops",
        "security", "engineering", "account", "automation", "daemon", "agent", "runner", "pipeline",
        "continuous", "integration", "mailer", "postmaster", "notifications", "notification", "no", "reply",
        "info", "help", "desk", "office", "the", "and", "of", "for", "new", "first", "last", "name", "your",
        "my", "our", "full", "display", "null", "none", "true", "false", "todo", "fixme", "changeme",
        "placeholder", "string", "value", "data", "main", "master", "merge", "branch", "pull",
        "request", "commit", "update", "fix", "add", "remove", "run", "set", "get", "install", "check",
        "checkout", "setup", "use", "step", "job", "hello", "world", "foo", "bar", "baz", "lorem", "ipsum",
        "production", "staging", "prod", "development", "environment", "cluster", "network", "node",
        "nodes", "pool", "bucket", "database", "db", "instance", "gateway", "role", "policy", "key", "keys",
        "router", "switch", "proxy", "cache", "queue", "topic", "worker", "workers", "frontend", "backend",
        "primary", "secondary", "replica", "internal", "external", "public", "private", "shared", "global",
        "region", "zone", "subnet", "vpc", "storage", "monitoring", "logging", "alerts", "dashboard", "report",
        "welcome", "newsletter", "digest", "weekly", "daily", "monthly", "series", "campaign", "template",
        "order", "invoice", "payment", "subscription", "plan", "free", "pro", "premium", "enterprise",
        "bug", "bugs", "fixes", "fixed", "feature", "features", "changes", "changed", "breaking", "improvements",
        "documentation", "docs", "deprecations", "deprecated", "dependencies", "chores", "chore", "refactoring",
        "performance", "other", "misc", "notes", "added", "removed", "known", "issues", "summary",
        "contact", "us", "email", "mail", "mailing", "list", "feedback", "questions", "send", "write", "ask",
        "reach", "hi", "hey", "dear", "thanks", "thank", "regards", "cheers", "best", "via", "at", "on", "in",
        "or", "is", "it", "this", "that", "please", "see", "note", "subscribe", "unsubscribe",
    }
)  # fmt: skip

# A letter, or one JSON-escaped as ensure_ascii writes it ("Jos\\u00e9").
_LETTERS = r"(?:[^\W\d_]|\\u[0-9a-fA-F]{4})"
_ESCAPED = re.compile(r"\\u([0-9a-fA-F]{4})")


def _decoded(value: str) -> str:
    return _ESCAPED.sub(lambda found: chr(int(found.group(1), 16)), value) if "\\u" in value else value


# One word of a name: letters, inner apostrophes and hyphens ("O'Brien", "Jean-Luc"), or an initial ("J.").
_WORD = re.compile(rf"{_LETTERS}+(?:['\u2019\-]{_LETTERS}+)*|{_LETTERS}\.")
# A name as a regex, for the rules that read one forward; `is_person_name` judges it.
NAME = rf"{_LETTERS}+(?:['\u2019\-.]{_LETTERS}+)*\.?(?: {_LETTERS}+(?:['\u2019\-.]{_LETTERS}+)*\.?){{0,5}}"


def _is_name_word(word: str, upper: bool = False) -> bool:
    word = _decoded(word)
    if not word.replace("'", "").replace("\u2019", "").replace("-", "").rstrip(".").isalpha():
        return False  # an escape that is no letter's (`\\u0014`, a load file's delimiter)
    if word.endswith("."):
        return len(word) == 2 and word[0].isupper()
    if not word[0].isupper() or word.lower() in NOT_NAME_WORDS:
        return False
    letters = [c for c in word if c.isalpha()]
    # "CI", "AWS" are not names; under a key that holds one, "JANE DOE" is (a card's embossed name).
    return len(letters) == 1 or upper or any(c.islower() for c in letters)


def is_person_name(value: str, min_words: int = 2, upper: bool = False) -> bool:
    """Tell whether ``value`` reads as a person's name of at least ``min_words`` capitalised words (or
    upper-case ones, with ``upper``)."""
    words = _decoded(value).split(" ")
    if len(words) > 6 or words[0] in _PARTICLES or words[-1] in _PARTICLES:
        return False
    if any(word.lower() in NOT_NAME_WORDS for word in words):  # the commonest no, and the cheapest
        return False
    if not all(_WORD.fullmatch(word) for word in words):
        return False
    named = [word for word in words if word not in _PARTICLES]
    return min_words <= len(named) <= 4 and all(_is_name_word(word, upper) for word in named)


# What glues a name's first word to what precedes it: a label's colon, a quote, a list's comma, a tab, a load file's
# quote (Concordance's "þ").
_GLUE = re.compile(r"\\[tn\"]|[\"'`\[(,:=\tþ]")


def _name_back(text: str, end: int, min_words: int = 2) -> tuple[int, int] | None:
    """The name that ends at ``end``: its words read back to what leads a name (a label's colon, a quote, a
    list's comma, the line's start); None where prose leads it ("INFO Sending Welcome Email <...>")."""
    floor = max(0, end - 160)
    line_start = max(text.rfind("\n", floor, end) + 1, floor)
    escaped = text.rfind("\\n", line_start, end)
    if escaped >= 0:
        line_start = escaped + 2
    line_start = line_body(text, line_start, end)  # past a diff's sign, a line number, a timestamp
    pieces = text[line_start:end].split(" ")
    index = len(pieces)
    words: list[str] = []
    glued = False
    while index > 0:
        piece = pieces[index - 1]
        if _WORD.fullmatch(piece) and (_is_name_word(piece) or piece in _PARTICLES):
            words.append(piece)
            index -= 1
            continue
        bare = _GLUE.split(piece)[-1]
        if bare and bare != piece and _WORD.fullmatch(bare) and _is_name_word(bare):
            words.append(bare)
            glued = True
        break
    if not words or words[-1] in _PARTICLES or not is_person_name(" ".join(reversed(words)), min_words):
        return None
    if not glued:
        before = [piece for piece in pieces[:index] if piece]
        # A line's own label leads a name of any role (an on-call export's `Primary:`), as a commit's abbreviated
        # hash does in git log's one-line formats (`%h %an <%ae>`); inside a line, a role's label.
        if before and not (
            _leads_a_name(before[-1]) or (len(before) == 1 and _LINE_LEAD_WORD.fullmatch(before[0]))
        ):
            return None
    return end - sum(len(word) + 1 for word in words) + 1, end


# Words and marks that may stand before a name beside an address: a trailer's "by", a list's "and", a
# copyright's "(c)", a comment's or a list item's mark.
_NAME_LEADS = frozenset({"by", "and", "&", "(c)", "(C)", "\u00a9", "//", "--", "\u2022"})
_YEARS = re.compile(r"[0-9]{4}(?:[\-\u2013,][0-9]{0,4})*,?")


# Labels whose value is a person (git's, mail headers', package metadata's); and any trailer's "-by".
_LABELS = frozenset(
    {"author", "authors", "commit", "committer", "tagger", "from", "to", "cc", "bcc", "reply-to", "sender",
     "maintainer", "maintainers", "uploaders", "author-email", "maintainer-email", "original-maintainer",
     "xsbc-original-maintainer", "contact", "contacts", "owner", "owners", "contributor", "contributors",
     "reviewer", "reviewers", "assignee", "reporter", "requester", "requestor", "submitter", "customer",
     # an e-signature's parties, a meeting's, a record's person
     "signer", "signers", "cosigner", "witness", "recipient", "recipients", "approver", "approvers", "attendee",
     "attendees", "organizer", "organiser", "participant", "participants", "member", "employee", "patient",
     "student", "applicant", "candidate", "guest", "user", "name",
     "by"}  # (a label's verb before it: `Reported by:`, `Approved by:`)
)  # fmt: skip
_LABEL_END = re.compile(r"[A-Za-z][A-Za-z\-]*(?=\\?[\"'`]?\Z)")
# What alone may lead a name at its line's start: a label (a word and a colon), or a commit's abbreviated hash.
_LINE_LEAD_WORD = re.compile(r"[A-Z][A-Za-z\-]{1,30}:|[0-9a-f]{7,12}")


def _leads_a_name(piece: str) -> bool:
    if piece[-1] == ":":  # a label's: one whose value is a person (a role's: `Incident commander:`)
        label = _LABEL_END.search(piece, 0, len(piece) - 1)  # past a wrapper's lead ("+", "12→", a quote)
        return label is not None and (
            label.group().lower() in _LABELS
            or label.group().lower().endswith(("-by", "er", "or", "ee", "ant", "ent", "ist"))
        )
    return (
        piece[-1] in "\"'`[(,=\t|>*#-"
        or piece.endswith(("\\t", "\\n"))
        or piece in _NAME_LEADS
        or _YEARS.fullmatch(piece) is not None
    )


# A name-addr: an address in angle brackets after a blank, or one the e-mail rule has redacted already.
_ADDRESS = re.compile(r" <(?:[^\s<>@\"'\\]{1,64}@[^\s<>\"'\\]{1,255}|\[REDACTED:email\])>")
# Or in brackets (`Contact: Jane Doe (jane@...)`), found from its "@" and read back to its " (": " (" is common in
# code, "@" with ")" after its domain is not.
_BRACKETED_DOMAIN = re.compile(r"@[^\s<>()@\"'\\]{1,255}\)")
_BRACKETED_LOCAL = re.compile(r"[^\s<>()@\"'\\]{1,64}")
_BRACKETED_REDACTED = " ([REDACTED:email])"


def _address_spans(text: str) -> list[tuple[int, int]]:
    """Where each address beside a name stands, its blank and brackets included, in order."""
    spans = [match.span() for match in _ADDRESS.finditer(text)]
    for domain in _BRACKETED_DOMAIN.finditer(text):
        opening = text.rfind(" (", max(0, domain.start() - 66), domain.start())
        if opening >= 0 and _BRACKETED_LOCAL.fullmatch(text, opening + 2, domain.start()):
            spans.append((opening, domain.end()))
    at = text.find(_BRACKETED_REDACTED)
    while at >= 0:
        spans.append((at, at + len(_BRACKETED_REDACTED)))
        at = text.find(_BRACKETED_REDACTED, at + 1)
    return sorted(spans) if len(spans) > 1 else spans


# A quoted display name, ``"Doe, Jane" <...>`` or ``"Jane Doe" <...>``, written or JSON-escaped.
_QUOTED_BEFORE = re.compile(r"(\\?\")((?:[^\"\\\n]|\\u[0-9a-fA-F]{4}){1,80})\1\Z")


def _is_documentation_address(bracketed: str) -> bool:
    """Tell whether `` <...>`` holds a reserved documentation address: the name beside it is an example's."""
    domain = bracketed[bracketed.rfind("@") + 1 : -1].lower() if "@" in bracketed else ""
    return bool(domain) and reserved_domain(domain)


# Where a tool prints a real identity, whatever its address's domain: git log's `Author:` and `Commit:` lines
# below their commit's header, and a manifest's author field (`"author": "Jane Doe <jane@...>"`).
_GIT_LOG_LABEL = re.compile(r"(?:Author|Commit):[ \t]+")
_COMMIT_HEADER = re.compile(r"commit [0-9a-f]{7,64}(?![0-9A-Za-z])")
_MANIFEST_AUTHOR = re.compile(
    r"\\?\"(?:author|authors|maintainer|maintainers|contributors)\\?\"[ \t]*:[ \t]*\[?[ \t]*\\?\"\Z"
)


# The names documentation and templates stand in for anyone with: beside a documentation address or as a
# template's author they are an example's, as the address is.
STAND_IN_NAMES = frozenset(
    {"jane doe", "john doe", "jane roe", "richard roe", "john smith", "jane smith", "joe bloggs",
     "jane bloggs", "john q. public", "max mustermann", "erika mustermann", "mario rossi", "jean dupont",
     "ola nordmann", "kari nordmann", "jan kowalski", "juan p\u00e9rez", "fulano de tal"}
)  # fmt: skip


def _stands_in(name: str) -> bool:
    return _decoded(name).casefold() in STAND_IN_NAMES


def _prints_an_identity(text: str, start: int) -> bool:
    """Tell whether the name at ``start`` is one a tool prints as someone's identity (git log, a manifest's
    author), not an example beside a documentation address."""
    if _MANIFEST_AUTHOR.search(text, max(0, start - 40), start):
        return True
    body = line_body(text, line_at(text, start)[0], start)
    return (
        _GIT_LOG_LABEL.fullmatch(text, body, start) is not None
        and _COMMIT_HEADER.search(text, max(0, body - 400), body) is not None
    )


def find_names_beside_addresses(text: str) -> list[Redaction]:
    """Names written beside an address: ``Author: Jane Doe <jane@...>``, ``"Jane Doe <jane@...>"``."""
    if "@" not in text and "[REDACTED:email]" not in text:
        return []  # the pass is gated on " <", common in code; every address holds one of these
    found: list[Redaction] = []
    for end, address_end in _address_spans(text):
        example = _is_documentation_address(text[end:address_end])
        quoted = None if example else _QUOTED_BEFORE.search(text, max(0, end - 84), end)
        if quoted is not None:
            value = quoted.group(2)
            last, comma, first = value.partition(", ")
            if is_person_name(f"{first} {last}" if comma else value, 2):
                found.append(redact(quoted.start(2), quoted.end(2), KIND))
            continue
        span = _name_back(text, end)
        if span is None or (
            example and (not _prints_an_identity(text, span[0]) or _stands_in(text[span[0] : span[1]]))
        ):
            continue
        if not found or span[0] >= found[-1].end:
            found.append(redact(span[0], span[1], KIND))
    return found


# What ends a value read forward: a closing quote, a line's end (written or escaped), a separator.
_VALUE_END = re.compile(r"(?:\\?[\"'])|[ \t]*(?:\r?\n|\\[rn]|$|[,;}\])#|]|</)")


# After an unquoted value, the next pair of a log line's `key=value` list (`first_name=Jane last_name=Doe`), of
# a form's body (`first_name=Jane&last_name=Doe`), of curl's form fields (`-d first_name=Jane -d last_name=Doe`) or
# of Go's printed struct (`{ID:7 Name:Jane Doe Email:...}`); or curl's next option.
_NEXT_PAIR = re.compile(
    r"(?:[ \t]+(?:-[dF][ \t]+|--data(?:-urlencode|-raw)?[ \t]+|--form[ \t]+)?|&)[A-Za-z_][\w.\-]{0,40}(?:=|:(?=[^\s:]))"
    r"|[ \t]+-[A-Za-z](?:[ \t]|$)|[ \t]+\\(?:\r?\n|$)"
)


def _name_forward(match: re.Match[str], min_words: int, upper: bool = False) -> Redaction | None:
    text, (start, end) = match.string, match.span("name")
    quote = match.group("q")
    if quote:
        if not text.startswith("]" if quote == "[" else quote, end):
            return None
    else:  # the value ends at the line's end or a separator, or where the next pair starts
        while _VALUE_END.match(text, end) is None and _NEXT_PAIR.match(text, end) is None:
            end = text.rfind(" ", start, end)
            if end < 0:
                return None
    if not is_person_name(text[start:end], min_words, upper):
        return None
    return redact(start, end, KIND)


_QUOTE = r"(?P<q>\\?[\"']|)"
# The local git identity, as set and as listed: `git config --global user.name "Jane Doe"`, `user.name=Jane
# Doe`, `GIT_AUTHOR_NAME="Jane Doe"`, `GIT_COMMITTER_NAME: Jane Doe`.
_USER_NAME = re.compile(rf"user\.name(?:[ \t]*=[ \t]*|[ \t]+){_QUOTE}(?P<name>{NAME})")
_GIT_ENV_NAME = re.compile(rf"_NAME\\?[\"']?[ \t]*[=:][ \t]*{_QUOTE}(?P<name>{NAME})")
_GIT_ENV_NAMES = ("GIT_AUTHOR", "GIT_COMMITTER")
# `[user]` in a git config file, then its `name = Jane Doe` a few lines below.
_USER_SECTION = re.compile(r"\[user\]")
# Each line may stand behind a wrapper's lead (a diff's sign, a line number, a timestamp).
_SECTION_NAME = re.compile(
    rf"(?:\r?\n|\\n){LINE_LEAD.pattern}(?:[ \t]|\\t)*name[ \t]*=[ \t]*{_QUOTE}(?P<name>{NAME})"
)
_NEXT_SECTION = re.compile(rf"(?:\r?\n|\\n){LINE_LEAD.pattern}(?:[ \t]|\\t)*\[")


# `git config user.name` asked, its line ending there: git prints the name alone on the next line.
_USER_NAME_ASKED = re.compile(r"git config(?: --(?:global|local|system|get))* user\.name[ \t]*(?=\r?\n|\\n)")


def _asked_user_names(text: str) -> list[Redaction]:
    """The name git prints on the line after `git config user.name`, that line's wrapper's lead left."""
    found = []
    for match in _USER_NAME_ASKED.finditer(text):
        following = LINE_BREAK.match(text, match.end())
        if following is None:
            continue
        start, end = line_at(text, following.end())
        name = _NAME_ALONE.match(text, line_body(text, start, end), end)
        if name is not None and _LINE_ENDS.match(text, name.end()) and is_person_name(name.group(), 2):
            found.append(redact(name.start(), name.end(), KIND))
    return found


# `git blame --porcelain` and `--line-porcelain`: `author Jane Doe`, then `author-mail <...>` on the next line.
_PORCELAIN = re.compile(
    rf"(?:\A|\n|\\n)(?P<role>author|committer) (?P<name>{NAME})(?P<q>)(?:\r?\n|\\n)(?P=role)-mail <"
)


# The address set beside a user name: `git config user.email jane@...`, `user.email=...`, `email = ...`.
_USER_EMAIL = re.compile(
    r"(?:user\.)?email(?:[ \t]*=[ \t]*|[ \t]+)\\?[\"']?(?P<address>[^\s\"'\\@]{1,64}@[A-Za-z0-9.\-]{1,255})"
)
_IDENTITY_REACH = 300


def _example_identity(text: str, at: int) -> bool:
    """Tell whether the user name set at ``at`` is an example's: the address set beside it is a reserved
    documentation one (a guide's `git config user.email jane@example.org`)."""
    return any(
        _is_documentation_address(f" <{found.group('address')}>")
        for found in _USER_EMAIL.finditer(text, max(0, at - _IDENTITY_REACH), at + _IDENTITY_REACH)
    )


def find_git_identity(text: str) -> list[Redaction]:
    """The name of the local git identity where it is set or listed, and an author's in blame's porcelain."""
    found: list[Redaction] = []
    if "-mail <" in text:
        for match in _PORCELAIN.finditer(text):
            item = _name_forward(match, 2)
            if item is not None:
                found.append(item)
    if "user.name" in text:
        for match in _USER_NAME.finditer(text):
            item = _name_forward(match, 2)
            if item is not None and not _example_identity(text, match.start()):
                found.append(item)
        found += _asked_user_names(text)
    if "_NAME" in text:
        for match in _GIT_ENV_NAME.finditer(text):
            if text.endswith(_GIT_ENV_NAMES, max(0, match.start() - 13), match.start()):
                item = _name_forward(match, 2)
                if item is not None:
                    found.append(item)
    if "[user]" in text:
        for match in _USER_SECTION.finditer(text):
            section_end = _NEXT_SECTION.search(text, match.end(), match.end() + 600)
            limit = section_end.start() if section_end else min(len(text), match.end() + 600)
            named = _SECTION_NAME.search(text, match.end(), limit)
            if named is not None:
                item = _name_forward(named, 2)
                if item is not None:
                    found.append(item)
    return disjoint(found)


# `git blame`: `^1a2b3c4 (Jane Doe 2026-01-02 10:11:12 +0100 42) code`, and with --date=short.
_BLAME = re.compile(
    rf"\((?P<name>{NAME}) +[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}"
    r"(?: [0-9]{2}:[0-9]{2}:[0-9]{2} [+\-][0-9]{4})? +[0-9]+\)"
)
# What follows a blame line's year, found from its dash (a literal): text without it holds no blame line, and
# `_BLAME`, which starts at every "(", need not be tried.
_BLAME_TAIL = re.compile(r"-[0-9]{2}-[0-9]{2}(?: [0-9]{2}:[0-9]{2}:[0-9]{2} [+\-][0-9]{4})? +[0-9]+\)")
# `git shortlog -sn`: `    42\tJane Doe`, one author a line.
_SHORTLOG = tuple(
    (tab, re.compile(re.escape(tab) + rf"(?P<name>{NAME})(?=\r?\n|\\n|$|\\\")")) for tab in ("\t", "\\t")
)
_SHORTLOG_COUNT = re.compile(r"[ ]*[0-9]+")


def find_blame_names(text: str) -> list[Redaction]:
    """Authors' names in `git blame` lines."""
    if _BLAME_TAIL.search(text) is None:
        return []
    return [
        redact(match.start("name"), match.end("name"), KIND)
        for match in _BLAME.finditer(text)
        if is_person_name(match.group("name"), 2)
    ]


# Directory entries that name a person: a vCard's formatted name (`FN:Jane Doe`, `FN;CHARSET=UTF-8:...`) and an
# LDIF entry's common name (`cn: Jane Doe`) where the entry's object class is a person's. Each on a line of its
# own, behind a wrapper's lead.
_VCARD_NAME = re.compile(
    rf"(?:(?<![A-Za-z;])|(?<=\\n))FN(?:;[A-Za-z\-]{{1,20}}=[^:;\n\\]{{0,40}})*:(?P<name>{NAME})"
)
_LDIF_NAME = re.compile(rf"(?:(?<![A-Za-z])|(?<=\\n))cn:[ \t]+(?P<name>{NAME})")
_PERSON_OBJECT_CLASS = re.compile(
    r"(?i:objectClass):[ \t]*(?:inetOrgPerson|organizationalPerson|person|posixAccount|user)(?![A-Za-z])"
)
# A vCard's structured name (`N:Doe;Jane;Q.;Dr.;Jr.`): family, given and additional names, apart by ";".
_VCARD_PARTS = re.compile(
    r"(?:(?<![A-Za-z;])|(?<=\\n))N(?:;[A-Za-z\-]{1,20}=[^:;\n\\]{0,40})*:"
    r"(?P<parts>[^;:\n\\]{0,80}(?:;[^;:\n\\]{0,80}){1,4})"
)
_VCARD_NAME_PARTS = 3  # family, given, additional; honorifics (`Dr.`, `Jr.`) name no one
# A payment's party in ISO 20022 XML (pain.001, pacs.008, camt.053): `<Cdtr><Nm>Jane Doe</Nm>`, and the element
# of the name; an organisation's name there holds a word no person's does (`GmbH`, `Ltd`).
_PARTY_NAME = re.compile(rf"<(?:[A-Za-z][\w\-]{{0,11}}:)?Nm>(?P<name>{NAME})</")
_PARTY_BEFORE = re.compile(
    r"<(?:[A-Za-z][\w\-]{0,11}:)?(?:Cdtr|Dbtr|UltmtCdtr|UltmtDbtr)>"
    r"(?:\s|\\[nrt]|[0-9]{1,7}(?:\u2192|\\u2192|\t|\\t|:[ \t]))*<\Z"
)
# A tax form's name line as text extracted from it prints it (a W-9's "1 Name of entity/individual", the older
# "1 Name (as shown on your income tax return)", a W-2's "e Employee's first name and initial", a 1099's
# "RECIPIENT'S name", a 1040's or a W-4's "first name and middle initial"): the name is on the next line.
_FORM_NAME_LABEL = re.compile(
    r"Name of entity/individual|Name \(as shown on your income tax return\)|(?i:employee['\u2019]s first name)"
    r"|(?i:recipient['\u2019]s name)|(?i:first name and middle initial)"
)
_FORM_NAME = re.compile(rf"[ \t]*(?P<name>{NAME})(?=[ \t]*(?:\r?\n|\\[rn]|\\?\"|$)|[ \t]{{2}})")
# What a pass needs in a text to find one: a vCard's start, an LDIF entry's object class, a payment party's
# name element, a tax form's name label.
DIRECTORY_LITERALS: tuple[str, ...] = (
    "BEGIN:VCARD", "objectClass:", "objectclass:", "dn: uid=", "dn:uid=", "Nm>",
)  # fmt: skip
# (each label holds one of these)
_FORM_LABEL_WORDS = (
    "Name of entity", "income tax return", "mployee's first", "mployee\u2019s first", "MPLOYEE'S FIRST",
    "ecipient's name", "ecipient\u2019s name", "ECIPIENT'S name", "ECIPIENT'S NAME", "iddle initial", "IDDLE INITIAL",
)  # fmt: skip
DIRECTORY_LITERALS += _FORM_LABEL_WORDS
_LINE_ENDS = re.compile(r"[ \t]*(?:\r?\n|\\[rn]|\\?\"|$)")


# A vCard's address line (`EMAIL;TYPE=work:jane@example.com`): on a documentation domain, the card is an example's.
_VCARD_EMAIL = re.compile(r"EMAIL(?:;[^:\n\\]{0,80})?:[ \t]*(?P<address>[^\s\\]{1,320})")


def _example_card(text: str, at: int) -> bool:
    """Whether the vCard around ``at`` gives a documentation address: its names are an example's, and stay."""
    start = max(0, text.rfind("BEGIN:VCARD", 0, at))
    end = text.find("END:VCARD", at)
    return any(
        _is_documentation_address(f"<{email.group('address')}>")
        for email in _VCARD_EMAIL.finditer(text, start, end if end >= 0 else len(text))
    )


def _vcard_parts(text: str) -> list[Redaction]:
    """The family, given and additional names of a vCard's `N` line: each one part of a name."""
    found = []
    for match in _VCARD_PARTS.finditer(text):
        start, end = line_at(text, match.start())
        if line_body(text, start, end) != match.start() or not _LINE_ENDS.match(text, match.end()):
            continue
        if _example_card(text, match.start()):
            continue
        at = match.start("parts")
        for part in match.group("parts").split(";")[:_VCARD_NAME_PARTS]:
            if part and is_person_name(part, 1):
                found.append(redact(at, at + len(part), KIND))
            at += len(part) + 1
    return found


def _party_names(text: str) -> list[Redaction]:
    """Names of a payment's creditor and debtor (and their ultimate ones) in ISO 20022 XML."""
    return [
        redact(match.start("name"), match.end("name"), KIND)
        for match in _PARTY_NAME.finditer(text)
        if _PARTY_BEFORE.search(text, max(0, match.start() - 120), match.start() + 1)
        and is_person_name(match.group("name"), 2)
    ]


def _form_names(text: str) -> list[Redaction]:
    """The name on the line after a tax form's name label."""
    found = []
    for match in _FORM_NAME_LABEL.finditer(text):
        following = LINE_BREAK.search(text, match.end(), match.end() + 200)
        if following is None:
            continue
        start, end = line_at(text, following.end())
        name = _FORM_NAME.match(text, line_body(text, start, end), end)
        if name is not None and is_person_name(name.group("name"), 2):
            found.append(redact(name.start("name"), name.end("name"), KIND))
    return found


def find_directory_names(text: str) -> list[Redaction]:
    """Names in vCards' `FN` and `N` lines, in LDIF entries of people (`cn`), in a payment's parties and on a
    tax form's name line."""
    patterns = []
    found = []
    if "BEGIN:VCARD" in text:
        patterns.append(_VCARD_NAME)
        found += _vcard_parts(text)
    if (("bjectClass:" in text or "bjectclass:" in text) and _PERSON_OBJECT_CLASS.search(text)) or (
        "dn: uid=" in text or "dn:uid=" in text
    ):
        patterns.append(_LDIF_NAME)  # a person's entry: by its class, or by a user's id naming it
    if "Nm>" in text:
        found += _party_names(text)
    if any(word in text for word in _FORM_LABEL_WORDS):
        found += _form_names(text)
    for pattern in patterns:
        for match in pattern.finditer(text):
            start, end = line_at(text, match.start())
            name_start, name_end = match.span("name")
            if (
                line_body(text, start, end) == match.start()
                and _LINE_ENDS.match(text, name_end)
                and is_person_name(text[name_start:name_end], 2)
                and not (pattern is _VCARD_NAME and _example_card(text, match.start()))
            ):
                found.append(redact(name_start, name_end, KIND))
    return disjoint(found)


# `git shortlog` without -s: `Jane Doe (12):`, the author's commits' subjects indented below.
# Found by its count (a pattern that starts with a literal), the name read back to the line's start.
_SHORTLOG_COUNT_HEAD = re.compile(r" \([0-9]+\):(?=\r?\n|\\n)")
_NAME_ALONE = re.compile(NAME)


def _shortlog_heads(text: str) -> list[Redaction]:
    found = []
    for match in _SHORTLOG_COUNT_HEAD.finditer(text):
        start = line_body(text, line_at(text, match.start())[0], match.start())
        if _NAME_ALONE.fullmatch(text, start, match.start()) and is_person_name(
            text[start : match.start()], 2
        ):
            found.append(redact(start, match.start(), KIND))
    return found


def find_shortlog_names(text: str) -> list[Redaction]:
    """Authors' names in `git shortlog` lines."""
    found = []
    if "):" in text:
        found = _shortlog_heads(text)
        if "\t" not in text and "\\t" not in text:
            return found
    for match in (m for tab, pattern in _SHORTLOG if tab in text for m in pattern.finditer(text)):
        count_start = line_body(text, line_at(text, match.start())[0], match.start())
        if _SHORTLOG_COUNT.fullmatch(text, count_start, match.start()) and is_person_name(
            match.group("name"), 2
        ):
            found.append(redact(match.start("name"), match.end("name"), KIND))
    return disjoint(found)


# Keys and columns that hold a person's name, or one part of it (spelt without "_" and "-", lower case).
PERSON_KEYS = frozenset(
    {
        "firstname", "lastname", "givenname", "familyname", "surname", "middlename", "fullname",
        "customername", "cardholder", "cardholdername", "billingname", "contactname", "displayname",
        "holdername", "accountholder", "accountholdername", "recipientname", "patientname", "employeename",
        "realname",  # (Steam's player summaries)
        "givennames", "forename", "forenames", "firstnames",  # (a crew list's, a passport's)
        "nameoncard",  # (a browser's saved cards)
    }
)  # fmt: skip
# Keys that also name things other than people (a service account's display name "Terraform"), or a first name
# alone as often as a whole one (Slack's `real_name`): a whole name of two words or more only.
_WHOLE_NAME_KEYS = frozenset({"displayname", "holdername", "realname"})
# A person's name's parts ending a longer key (`customer_full_name`, `billingFirstName`).
_WHOLE_NAME_ENDINGS = ("fullname", "firstname", "lastname", "middlename")
# A role's name ending a key (`user_name`, `REPORT_OWNER_NAME`, `defaultReviewerName`): the person in that role.
# A user's or an owner's name is often a handle or a team's: a whole name of two words or more only.
_ROLE_NAME_KEYS = (
    "username", "ownername", "reviewername", "assigneename", "authorname", "requestername", "reportername",
    "approvername", "managername", "membername", "personname", "signername", "studentname",
    # a call's parties, a payment's, a trip's, a contract's, a clinic's, a school's
    "callername", "calleename", "counterpartyname", "payeename", "payername", "sendername", "beneficiaryname",
    "debtorname", "creditorname", "passengername", "travelername", "travellername", "guestname", "witnessname",
    "physicianname", "doctorname", "nursename", "teachername", "instructorname", "parentname", "guardianname",
    "spousename", "applicantname", "candidatename", "claimantname", "policyholdername", "insuredname",
    "attendeename", "participantname", "speakername", "volunteername", "donorname", "buyername",
    # a bank transfer's or a direct debit's payer (Mollie's iDEAL `consumerName`)
    "consumername", "drivername",
    # a field service's, a case's, a property's people
    "technicianname", "caseworkername", "inspectorname", "mechanicname", "adjustername", "surveyorname",
    "couriername", "dispatchername", "residentname", "landlordname", "homeownername", "borrowername",
    "therapistname", "counselorname", "notaryname", "contractorname", "caregivername", "carername",
    "piname",  # (a lab's principal investigator)
    "plannername", "coordinatorname", "officername", "supervisorname", "adminname", "administratorname",
    "decedentname", "deceasedname", "nokname", "nextofkinname",  # (a funeral home's case)
    "clinicianname",
)  # fmt: skip


# What a `..._name` key names where it is no person (`company_name`, `host_name`, `street_name`): beside a contact
# field, any other role's name is a person's (`tenant_name`, `driver_name`, `custodian_name`), two words at least.
_THING_NAME_KEYS = frozenset(
    {
        "company", "org", "organization", "organisation", "business", "firm", "employer", "vendor", "supplier",
        "merchant", "bank", "institution", "school", "university", "college", "clinic", "practice", "facility",
        "hospital", "pharmacy", "store", "shop", "venue", "hotel", "property", "building", "site", "location",
        "branch", "depot", "office", "street", "city", "town", "county", "state", "province", "country", "region",
        "zone", "product", "item", "sku", "variant", "brand", "model", "plan", "tier", "package", "course",
        "class", "event", "campaign", "list", "team", "group", "department", "dept", "division", "unit", "role",
        "job", "title", "project", "account", "app", "application", "service", "host", "file", "path", "dir",
        "folder", "db", "database", "schema", "table", "column", "field", "key", "bucket", "domain", "device",
        "network", "cluster", "node", "queue", "topic", "tag", "category", "type", "template", "document",
        "doc", "sheet", "page", "nick", "screen", "code", "display", "legal", "trade", "airline", "carrier",
        "vehicle", "route", "ship", "drug", "medication", "test", "gene", "sample", "study", "matter", "case",
        "policy", "insurer", "lab", "instrument", "printer", "menu", "dish", "ticket", "image", "container",
    }
)  # fmt: skip


def _folded_key(key: str) -> str:
    """A key or a column's name as `_person_key` reads it: without "_", "-" and blanks, lower case."""
    return key.replace("_", "").replace("-", "").replace(" ", "").lower()


def _beside_contact_key(key: str) -> bool:
    """Tell whether a key (spelt without "_" and "-", lower case) holds a person's name where its record holds a
    contact field: ``name``, ``user`` (a sign-in log's display name beside its `Username`), or another role's name
    (not a thing's, `_THING_NAME_KEYS`)."""
    if key in ("name", "user"):
        return True
    role = key[:-4]
    return key.endswith("name") and 3 <= len(role) <= 20 and role.isalpha() and role not in _THING_NAME_KEYS


def _person_key(key: str) -> tuple[int, bool] | None:
    """The fewest words a value under ``key`` (spelt without "_" and "-", lower case) needs to be a person's name,
    and whether upper-case words will do; None for a key that holds no person's name. (A number after it says
    which of several: ADP's `familyName1`.)"""
    key = key.rstrip("0123456789")
    if key in PERSON_KEYS or key.endswith(_WHOLE_NAME_ENDINGS):
        return (2 if key in _WHOLE_NAME_KEYS else 1), True
    if key.endswith(_ROLE_NAME_KEYS) or key == "assignee":
        return 2, False
    return None


# A key, read back from where the pattern finds its ending.
_KEY_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-")
# (a receiver's dot too: Ruby's `config.full_name = "..."`, a properties file's `app.author=...`; the lead of
# a numbered read's or a diff's line: `3→AUTHOR = ...`, `+full_name: ...`; and a form body's or a query's
# `body=first_name=...&last_name=...`)
_KEY_EDGE = frozenset(" \t\n\"'{,[(`:;.\u2192+<&?=*$")  # (Mixpanel's reserved `$name`)
# The value after a key: `"key": "Jane"`, `key: Jane`, `'key' => 'Jane'`, `key="Jane"`, an environment
# lookup's default (`getenv("FULL_NAME", "Jane Doe")`, the handler checks the lookup) and prose's "`key` is
# set to `Jane Doe`". One that starts with a lower-case letter or a digit (most identifiers) is no name,
# which the pattern says without a handler's call. "author" (`_AUTHOR_ENDS`) and "assignee" (a tracker's
# issue's) are a record's keys only, no table's columns.
_KEY_ENDS = ("name", "Name", "NAME", "older", "OLDER", "uthor", "UTHOR", "ssignee")
_CELL_KEY_ENDS = _KEY_ENDS[:5]
_AUTHOR_ENDS = frozenset({5, 6})
# Before a quote: no backslash, or the one or three of JSON escaped once or twice (a tool's JSON output inside a
# transcript's JSON string: `name: \\\"Jane Doe\\\"`).
_ESCAPES = r"(?:\\(?:\\\\)?)?"
_KEY_QUOTE = rf"(?P<q>{_ESCAPES}[\"'`]|\[|)"  # (or a bracket: Synology's `Fullname : [Jane Doe]`)
# (ADP's `familyName1`; a form field's bracketed key, `to[name]`; a dot leader)
_VALUE_AFTER_KEY = (
    rf"[0-9]{{0,2}}(?P<close>{_ESCAPES}[\"'`]?\]?|[ \t]?\.{{2,40}})"
    r"(?P<sep>[ \t]*(?::(?:\*\*)?|=>?)[ \t]*|\([ \t]*|(?<=[a-zA-Z])>"  # (Markdown's bold `**Name:** Jane Doe`)
    r"|(?<=\.\.)[ \t]+"  # (a dot leader's blanks, no colon after it: `Payee name ......... Jane Doe`)
    r"|(?<=`)[ \t]+(?:is|was)(?:[ \t]+set[ \t]+to)?[ \t]+(?=`)"
    r"|(?<=[\"'])[ \t]*,[ \t]*(?:default[ \t]*=[ \t]*)?)"
    rf"{_KEY_QUOTE}(?![a-z0-9_\-.])(?P<name>{NAME})"
)
# One pattern a key's ending: a pattern that starts with a literal is searched for at C speed, an alternation
# is tried at every position.
_KEYED = tuple((end, re.compile(end + _VALUE_AFTER_KEY)) for end in _KEY_ENDS)


def _key_ends_in(text: str, older: bool = True, author: bool = True) -> tuple[int, ...]:
    """The indexes in `_KEY_ENDS` of the key endings ``text`` holds (``older``, ``author``: False where it
    holds no "older" or "author" in any case)."""
    return tuple(index for index in _ENDS_LOOKED_FOR[older, author] if _KEY_ENDS[index] in text)


# The endings `_key_ends_in` looks for, by what the text is known to hold ("older", "author").
_ENDS_LOOKED_FOR = {
    (older, author): tuple(
        index
        for index, end in enumerate(_KEY_ENDS)
        if (older or end not in ("older", "OLDER")) and (author or index not in _AUTHOR_ENDS)
    )
    for older in (False, True)
    for author in (False, True)
}


def _keyed_matches(text: str, ends: tuple[int, ...] | None = None) -> list[re.Match[str]]:
    """Every key ending followed by a value, in order; ``ends``: `_key_ends_in` of the text, if known."""
    found: list[re.Match[str]] = []
    for index in _key_ends_in(text) if ends is None else ends:
        found.extend(_KEYED[index][1].finditer(text))
    return sorted(found, key=re.Match.start) if len(found) > 1 else found


# A field of a record about a person: it makes the record's `name` a person's.
# A person's contact field's name, with a qualifier or none (`email`, `work_phone`, `billing_address`); a
# machine's address (`ip_address`, `mac_address`) is none.
_CONTACT_KEY = (
    r"(?<![A-Za-z0-9_\-])(?!(?i:ip|mac|remote|server|bind|listen|host|proxy|public|private|local|wallet|contract|"
    r"memory|base|return|from|to|sender|recipient)[_\-]?address)(?:[A-Za-z]{1,12}[_\-]?)?"
    r"(?i:e-?mail|phone|mobile|telephone|address|street|postcode|postal_code|zip_?code|ssn|iban)"
    r"(?:[_\-]?(?i:address|addr|number|num|no|line)?[_\-]?[0-9]?)"
)
_CONTACT_COLUMN = re.compile(_CONTACT_KEY)
# Found by `str.find` in the lower-cased record (one C scan each), then judged whole by `_CONTACT_COLUMN`.
_CONTACT_WORDS = (
    "mail",
    "phone",
    "mobile",
    "address",
    "street",
    "post",
    "zip",
    "ssn",
    "iban",
)  # (an SSN is a person's, as is a bank account a payer's IBAN names)
_KEY_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_-")
# (and after a label's words that say the field is the record's own: `**IBAN on file:**`, `Email of record:`)
_KEY_SEPARATOR = re.compile(rf"(?:[ \t]+(?:on[ \t]+file|of[ \t]+record))?{_ESCAPES}[\"'`]?\]?[ \t]*(?::|=>?)")


def _has_contact_field(text: str, start: int, end: int) -> bool:
    """Tell whether ``text[start:end]`` holds a person's contact field (`email`, `work_phone`...)."""
    record = text[start:end]
    if "[REDACTED:email]" in record or "[REDACTED:phone]" in record:
        return True
    lower = record.lower()
    for word in _CONTACT_WORDS:
        at = lower.find(word)
        while at >= 0:
            key_start, key_end = at, at + len(word)
            while key_start > 0 and key_start > at - 24 and lower[key_start - 1] in _KEY_CHARS:
                key_start -= 1
            while key_end < len(lower) and key_end < at + 24 and lower[key_end] in _KEY_CHARS:
                key_end += 1
            separator = _KEY_SEPARATOR.match(record, key_end)
            if (
                separator is None
                and record.startswith(">", key_end)
                and (
                    record[key_start - 1 : key_start] == "<"
                    or _XML_PREFIX.search(record, max(0, key_start - 32), key_start) is not None
                )
            ):
                separator = _ELEMENT_END.match(record, key_end)  # an XML element's: `<email>`
            if (
                separator is not None
                and _CONTACT_COLUMN.fullmatch(record, key_start, key_end)
                and not _holds_documentation_address(record, separator.end())
            ):
                return True
            at = lower.find(word, key_end)
    return False


_ELEMENT_END = re.compile(">")
# A field's value that is one address: after the separator's blanks and quotes, up to what ends it.
_ADDRESS_VALUE = re.compile(r"[ \t]*(?:\\?[\"'`])?(?P<address>[^\s\"'`<>,;\\@]{1,64}@[A-Za-z0-9.\-]{1,255})")


_AROUND = 400  # how far around a record an object holding it may give what is real
_EMAIL_TOKEN = token("email")  # a real address, taken by the e-mail rule before these passes
_ADDRESS_IN_RECORD = re.compile(r"[^\s\"'`<>,;\\@]{1,64}@[A-Za-z0-9.\-]{1,255}")


def _gives_documentation_address(text: str, start: int, end: int, row: bool = False) -> bool:
    """Whether the record at ``text[start:end]`` is an example's: it gives a reserved documentation address in a
    field and no other address, and no card's number stands in it or around it (the object that holds a billing
    record). A role's mailbox on a documentation domain names no one in a record (a WHOIS record's registrar abuse
    contact, an API's `"support_contact"`), but in a table's ``row`` the address is the row's own; a card beside a
    row makes it no less an example's."""
    if (
        text.find("@", start, end) < 0
        or text.find(_EMAIL_TOKEN, start, end) >= 0
        or (not row and _holds_a_card(text, max(0, start - _AROUND), end + _AROUND))
    ):
        return False
    documentation = False
    for address in _ADDRESS_IN_RECORD.finditer(text, start, end):
        if not _is_documentation_address(f" <{address.group()}>"):
            return False
        documentation = (
            documentation or row or address.group().split("@", 1)[0].lower() not in _ROLE_MAILBOXES
        )
    return documentation


# Mailboxes that name a role, not a person: one on a documentation domain makes no record an example's.
_ROLE_MAILBOXES = frozenset(
    {
        "support", "abuse", "help", "helpdesk", "info", "noreply", "no-reply", "admin", "contact", "sales",
        "billing", "security", "privacy", "postmaster", "hostmaster", "webmaster", "hello", "office", "team",
    }
)  # fmt: skip


# A card's number, its groups apart by blanks or dashes or none. Read from the digits themselves, not from what
# the card rule made of them, which runs after this pass: a scrub of what this one leaves decides the same.
_CARD_RUN = re.compile(r"(?<![0-9])[0-9](?:[ \-]?[0-9]){12,18}(?![0-9])")


def _holds_a_card(text: str, start: int, end: int) -> bool:
    for run in _CARD_RUN.finditer(text, start, end):
        digits = run.group().replace(" ", "").replace("-", "")
        if digits not in PUBLISHED_TEST_CARDS and is_card_number(digits):
            return True
    return False


def _holds_documentation_address(record: str, at: int) -> bool:
    """Tell whether the field whose value starts at ``at`` holds a reserved documentation address: the record
    is an example's (`{"email": "jane.doe@example.com", "name": "Jane Doe"}`), and so is the name beside it."""
    value = _ADDRESS_VALUE.match(record, at)
    return value is not None and _is_documentation_address(f" <{value.group('address')}>")


# Where a logged binding's pair opens: Rails' `[["contact_name", "Jane Doe"], ...]` (written or JSON-escaped).
_PAIR_OPENINGS = ('["', "['", '[\\"')
# An XML element on a line of its own with no element inside: `<email>jane@...</email>`.
_XML_LEAF = re.compile(
    r"[ \t]*<(?P<tag>[A-Za-z][\w.:\-]{0,60})(?:[ \t][^<>]{0,200})?>[^<>]{0,300}</(?P=tag)>[ \t]*"
)


def _xml_siblings(text: str, at: int) -> tuple[int, int]:
    """The lines around ``at`` that are XML elements with no element inside, as a record: a POM's
    `<developer>` holds `<name>` and `<email>`, a project's own `<name>` sits among its `<url>`, `<version>`."""
    start, end = line_at(text, at)
    first, last = start, end
    for _ in range(12):
        line = previous_line(text, first)
        if line is None or _XML_LEAF.fullmatch(text, line_body(text, *line), line[1]) is None:
            break
        first = line[0]
    for _ in range(12):
        following = LINE_BREAK.match(text, last)
        if following is None:
            break
        line = line_at(text, following.end())
        if _XML_LEAF.fullmatch(text, line_body(text, *line), line[1]) is None:
            break
        last = line[1]
    return first, last


# An object under a key that says whose it is: a card's, a payment's billing or shipping details, a customer's;
# its `name` is its holder's (`"card": {"number": "...", "name": "Jane Doe"}`).
_PERSON_OBJECT = re.compile(
    r"(?<![A-Za-z0-9_])(?:card|billing_details|billingDetails|billing|shipping|customer|cardholder|payer)"
    r"\\?[\"']?[ \t]*[:=][ \t]*\{\Z"
)


def _record_around(text: str, at: int) -> tuple[int, int]:
    """The record holding ``at``: its braces when it is an object, else the lines around it."""
    floor, ceiling = max(0, at - 400), min(len(text), at + 400)
    opening, closing = text.rfind("{", floor, at), text.find("}", at, ceiling)
    if opening >= 0 and "}" not in text[opening:at] and closing >= 0:
        return opening, closing
    return max(0, at - 240), min(len(text), at + 240)


# Every name taken under a key or a column needs one of these words where keys and columns are written (ASCII,
# any case, "_", "-" and " " between their letters): a person key or column (`first_name`, `Card Holder`), or a
# contact field's (`email`, `Phone`), which alone makes a `name` a person's. One scan of the text's bytes with
# ASCII letters lower-cased and those separators dropped says whether it holds one; most texts with a `name`
# hold none (code, manifests), and the passes over their key endings and table headers are not run.
_FOLD_CASE = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"abcdefghijklmnopqrstuvwxyz")
_KEY_SEPARATORS = b"_- "
# The same scan says whether the text may hold the key endings "older" and "OLDER", and "VALUES" in the cases
# the SQL rows are looked for in, each folded as the words are (the substring tests it spares scan the str).
# The words of `_PERSON_OBJECT`'s keys (a card's, a customer's object) say a record's `name` may be a person's.
_OBJECT_WORDS = ("card", "billing", "shipping", "customer", "payer")
_FOLDED_WORDS = (
    *sorted(
        {*PERSON_KEYS, *_ROLE_NAME_KEYS, "assignee", *_CONTACT_WORDS, "lname"}
    ),  # (`LName`: `_SHORT_NAME_PARTS`)
    *_OBJECT_WORDS,
    "author",
    "older",
    "values",
)
_AUTHOR, _OLDER, _VALUES = len(_FOLDED_WORDS) - 3, len(_FOLDED_WORDS) - 2, len(_FOLDED_WORDS) - 1
_OBJECTS = _AUTHOR - len(_OBJECT_WORDS)
# (the DFA: at this many words the default picks an NFA, half as fast here)
_PERSON_FIELD_WORDS = BytesAhoCorasick(
    [word.encode() for word in _FOLDED_WORDS], implementation=Implementation.DFA
)


# What every match of a record's key ending "name", "Name", "NAME" or an author's (`_KEYED`) holds, in the
# UTF-8 bytes: the separator, then a value's first letter that is no lower-case ASCII one (a capital, a
# non-ASCII letter's first byte, or a JSON escape's "\\u"). Code's `name: string` has none; a scan of the
# bytes for each pattern, each from a literal.
_RECORD_AFTER_KEY = (
    rb"[0-9]{0,2}" + _ESCAPES.encode() + rb"(?:[\"'`]\]?|\]|[ \t]?\.{2,40})?"
    rb"(?:[ \t]*(?::(?:\*\*)?|=>?|\(|>|,[ \t]*(?:default[ \t]*=)?)|[ \t]+(?:is|was)(?:[ \t]+set[ \t]+to)?[ \t]"
    rb"|(?<=\.\.)[ \t])"
    rb"[ \t]*(?:" + _ESCAPES.encode() + rb"[\"'`]|\[)?(?:[A-Z\x80-\xff]|\\u)"
)
_RECORD_HINTS = (
    re.compile(rb"ame(?<=[nN]ame)" + _RECORD_AFTER_KEY),
    re.compile(rb"AME(?<=NAME)" + _RECORD_AFTER_KEY),
    re.compile(rb"ssignee" + _RECORD_AFTER_KEY),
)
_AUTHOR_HINTS = (
    re.compile(rb"uthor(?<=[aA]uthor)" + _RECORD_AFTER_KEY),
    re.compile(rb"UTHOR(?<=AUTHOR)" + _RECORD_AFTER_KEY),
)
# A rule under a header (folded: a rule of dashes is left empty, one of box drawing's is its bytes).
_RULE_BELOW = re.compile(rb"\+?\t*(?:(?:\xe2\x94\x80){2,}|\r?\n)")
# A digit on a line (folded), as a data frame's row holds its index.
_DIGIT_ON_LINE = re.compile(rb"[^\n]{0,120}?[0-9]")
# What no data frame's header holds (its column names and blanks), nor any line's lead (`LINE_LEAD`): a line
# holding one is no frame's header, whatever the line below it (code's lines, mostly, in a numbered read).
_NOT_IN_FRAME_HEADER = re.compile(rb"[(){}\[\]<>=;\"'`@#$!?*&%^~]")
# What no header line holds around a column's name (a JSON or YAML key's colon, an assignment, a call), behind
# the line's lead; and in the folded bytes of a whole line, the same less the ":" a lead's timestamp or path holds.
_NOT_HEADER_CHARS = "{}=()[]<>;"
_NOT_HEADER = re.compile(f"[{re.escape(_NOT_HEADER_CHARS)}:]")
_NOT_IN_HEADER = re.compile(f"[{re.escape(_NOT_HEADER_CHARS)}]".encode())
# A column's unit or kind in brackets after its name, as exports write them (Moodle's `Quiz 2 (Real)`, `Amount
# (USD)`): no code's call.
_UNIT = re.compile(r"[ \t]*\([A-Za-z0-9 %$/.]{1,24}\)")
# A column's title after its kind, in a cell of a comma- or tab-separated header (`Quiz: Week 3`, `Assignment: Lab`).
_TITLE_COLON = re.compile(r"(?<=[A-Za-z]): (?=[A-Za-z0-9])")
_FOLDED_UNIT = re.compile(rb"\([a-z0-9%$/.]{1,24}\)")  # (folded: blanks dropped, letters lower-cased)


def _never_a_header(piece: bytes) -> bool:
    """Tell whether a line (folded, of a text with no long line) can be known here to be no table's header as
    `_rows_names` reads it: with no escaped line break or quote to start a line of its own inside it, and holding
    what no header holds."""
    if b"(" in piece:
        piece = _FOLDED_UNIT.sub(b"", piece)
    if b"\\" in piece or b'"' in piece:
        return False
    piece = _FOLDED_NUMBER_LEAD.sub(b"", piece, 1)  # a numbered read's tab is no cell's separator
    if (
        _FOLDED_SEPARATOR_NOT_SEMICOLON.search(piece) is None
    ):  # cells apart by ";" alone (`_semicolon_separated`)
        return piece.rstrip(b" \t\r'").endswith(b";") or _NOT_IN_SEMICOLON_HEADER.search(piece) is not None
    return _NOT_IN_HEADER.search(piece) is not None


# A numbered read's lead (`    12\t`, `    12→`), as the folded text has it: its blanks dropped.
_FOLDED_NUMBER_LEAD = re.compile(rb"\A[0-9]{1,7}(?:\t|\xe2\x86\x92)")
# A character of every separator a table's header holds (`table_separator`'s, and ";"), as the folded text has them.
_FOLDED_SEPARATOR = re.compile(rb"[,;\t|\\]")
_FOLDED_SEPARATOR_NOT_SEMICOLON = re.compile(rb"[,\t|\\]")
_NOT_IN_SEMICOLON_HEADER = re.compile(f"[{re.escape(_NOT_HEADER_CHARS.replace(';', ''))}]".encode())


def find_keyed_names_encoded(text: str, raw: bytes) -> list[Redaction]:
    """`find_keyed_names`, given ``raw``, the UTF-8 encoding of ``text`` (the engine has it already)."""
    folded = raw.translate(_FOLD_CASE, _KEY_SEPARATORS)  # line feeds stay: its lines are the text's
    lines: dict[int, int] = {}  # a line's number: where a word on it ends
    line, counted, others = 0, 0, set()
    # Every occurrence (one word may hold another), in the order they end; none holds a line feed.
    for index, _, end in _PERSON_FIELD_WORDS.find_matches_as_indexes(folded, overlapping=True):
        if index >= _OBJECTS:
            others.add(_OBJECTS if index < _AUTHOR else index)  # an object word, or one of the last three
            continue
        line += folded.count(b"\n", counted, end)
        counted = end
        lines[line] = end
    if not lines and _AUTHOR not in others and not (_OBJECTS in others and b"{" in folded):
        return []
    older, author = _OLDER in others, _AUTHOR in others
    # A table's header is on one of these lines, and holds a key ending and a cell separator there too, or it is
    # a data frame's with a row's index below. A line that cannot be one is known here where `_rows_names` reads
    # every line whole (none longer than the 400 characters `line_at` reads around a place; a character is a byte
    # or more): most lines of code that name a name, in a numbered read.
    headers = set()
    short: bool | None = None
    for number, at in lines.items():
        line_end = folded.find(b"\n", at) % (len(folded) + 1)
        piece = folded[folded.rfind(b"\n", 0, at) + 1 : line_end]
        if b"name" not in piece and b"older" not in piece:
            continue
        if _FOLDED_SEPARATOR.search(piece) is not None:
            never = _never_a_header(piece)
        elif (
            _DIGIT_ON_LINE.match(folded, line_end + 1) is not None
            or _RULE_BELOW.match(folded, line_end + 1) is not None
        ):
            never = _NOT_IN_FRAME_HEADER.search(piece) is not None
        else:
            continue
        if never and short is None:
            short = len(raw) <= 400 or max(map(len, raw.split(b"\n"))) <= 400
        if not (never and short):
            headers.add(number)
    author = author and any(hint.search(raw) for hint in _AUTHOR_HINTS)
    records = older or author or any(hint.search(raw) for hint in _RECORD_HINTS)
    return find_keyed_names(
        text, headers, older=older, values=_VALUES in others, records=records, author=author
    )


def find_keyed_names(
    text: str,
    person_lines: Collection[int] | None = None,
    *,
    older: bool = True,
    values: bool = True,
    records: bool = True,
    author: bool = True,
) -> list[Redaction]:
    """Names under a key or a column that holds one: records (`find_record_names`) and tables
    (`find_table_names`), one pass as both look for the same key endings (found in the text once).

    ``person_lines``: the lines of the text (counted from 0, at line feeds) a table's header may be on (each
    holding a person key's or a contact field's word as `find_keyed_names_encoded` looks for them), if known.
    ``older``, ``values``: False where the text is known to hold no "older" or "values" in any case;
    ``records``: False where it is known to hold no record's key and value (`_RECORD_HINTS`); ``author``:
    False where it is known to hold no author's key and value (`_AUTHOR_HINTS`)."""
    rows = person_lines is None or bool(person_lines)
    ends = _key_ends_in(text, older, author) if records or rows else ()
    found = find_record_names(text, ends) if records else []
    tables = find_table_names(text, ends, person_lines, values)
    return disjoint([*found, *tables]) if found and tables else found or tables


# The first word of a label of two that starts its line (`Driver Name:`), read back from the second's start.
_LABEL_WORD = re.compile(r"[A-Z][a-z]{1,20}[ ]\Z")


def _label_start(text: str, key_start: int) -> int:
    """Where a key starting at ``key_start`` starts with the capitalised word before it, if that word starts the
    line (behind its lead) and a blank parts them: `Driver Name:` is one key, a driver's name."""
    word = _LABEL_WORD.search(text, max(0, key_start - 22), key_start)
    if word is None:
        return key_start
    line_start = line_at(text, word.start())[0]
    return word.start() if line_body(text, line_start, key_start) == word.start() else key_start


def find_record_names(text: str, ends: tuple[int, ...] | None = None) -> list[Redaction]:
    """Names under a key that holds one, in JSON, YAML, dict reprs and assignments (``ends``: as for
    `_keyed_matches`)."""
    found: list[Redaction] = []
    for match in _keyed_matches(text, ends):
        key_end = match.start("close")
        key_start, floor = match.start(), max(0, key_end - 45)
        while key_start > floor and text[key_start - 1] in _KEY_LETTERS:
            key_start -= 1
        if text[key_start - 1 : key_start + 1] in ("\\n", "\\t"):
            key_start += 1  # JSON-escaped text: the key starts after its escaped line feed or tab
        elif text[key_start - 1 : key_start] == " " and (
            ":" in match.group("sep") or "." in match.group("close")
        ):
            # a label of two words (`Driver Name:`, `Payee name .....`)
            key_start = _label_start(text, key_start)
        if (
            key_start > 0
            and text[key_start - 1] not in _KEY_EDGE
            and text[key_start - 2 : key_start] not in ("\\n", "\\t")
        ):
            continue
        sep = match.group("sep")
        opening = key_start - len(match.group("close"))
        if "," in sep and not (
            _ENV_LOOKUP.search(text, max(0, key_start - 40), opening)
            or text.endswith(_PAIR_OPENINGS, 0, key_start)
            or _PREFERENCE_CALL.search(text, max(0, key_start - 100), key_start)
        ):
            continue  # a default's comma is one only after an environment lookup, or in a logged binding's pair
        key = _folded_key(text[key_start:key_end])
        if sep.startswith("("):  # a setter's call: `c.setFullName("Jane Doe")`
            if not key.startswith("set"):
                continue
            key = key[3:]
        elif sep == ">" and (
            (
                text[key_start - 1 : key_start] != "<"
                and not _XML_PREFIX.search(text, max(0, key_start - 32), key_start)
            )
            or text[key_start - 2 : key_start] == "</"
        ):
            continue  # an XML element's name only: `<name>Jane Doe</name>`, `<itunes:name>` (a namespace's prefix)
        keyed = _person_key(key)
        if keyed is None and key != "author" and _beside_contact_key(key):
            item = _name_forward(match, 2)
            record = _xml_siblings(text, match.start()) if sep == ">" else _record_around(text, match.start())
            if item is not None and (
                _stands_in(text[item.start : item.end])
                or (
                    not _has_contact_field(text, *record)
                    and not (
                        sep != ">" and _PERSON_OBJECT.search(text, max(0, record[0] - 40), record[0] + 1)
                    )
                )
                or _gives_documentation_address(text, *record)
            ):
                continue  # no person's record, or an example's (a customer's object with an address on example.net)
        elif keyed is not None:
            item = _name_forward(match, *keyed)
            if item is not None and _stands_in(text[item.start : item.end]):
                continue  # a sandbox's or a fixture's stand-in (`"DisplayName": "Jane Doe"`)
        elif key == "author":
            item = _name_forward(match, 2)
            if item is not None and (
                _stands_in(text[item.start : item.end])
                or not (_names_a_person(match, key_start, item.end) or _reported_author(text, key_start))
            ):
                continue
        else:
            continue
        if item is not None and (not found or item.start >= found[-1].end):
            found.append(item)
    return found


# An XML element's namespace prefix before its local name (`<itunes:name>`).
_XML_PREFIX = re.compile(r"<[A-Za-z][\w\-.]{0,30}:\Z")
# A Mozilla preference's call before its name (`user_pref("mail.identity.id1.fullName", "Jane Doe")`, prefs.js).
_PREFERENCE_CALL = re.compile(r"(?:user_)?pref\(\\?\"[\w.\-]{0,80}\Z")


def _reported_author(text: str, key_start: int) -> bool:
    """Whether an `Author` key stands in a scanner's finding beside the commit's `Email` (gitleaks', trufflehog's
    reports), not in a package's metadata, whose key is written in lower case."""
    return text.startswith("Author", key_start) and _has_contact_field(text, *_record_around(text, key_start))


# An environment lookup before its variable's quoted name: `os.environ.get("`, `os.getenv('`, `ENV.fetch("`,
# `env('` (the default after the name is the value when the variable is unset).
_ENV_LOOKUP = re.compile(r"(?:env|ENV)(?:iron)?(?:\.get|\.fetch|\.str)?[ \t]*\([ \t]*\Z")
# A package's metadata section in setup.cfg, whose `author = ...` is the public attribution of published code.
_METADATA_SECTION = "[metadata]"
_SECTION_HEADER = re.compile(r"(?:\n|\\n)[^\n\[\\]{0,40}\[[\w.\-: \"]{1,80}\][ \t]*(?=\r?\n|\\[rn]|$)")
# What stands before a key on its line in a properties file: a dotted prefix (`app.author=...`).
_DOTTED_PREFIX = re.compile(r"[A-Za-z0-9_\-]+\.\Z")


def _names_a_person(match: re.Match[str], key_start: int, value_end: int) -> bool:
    """Tell whether an `author` key's value is a person's to redact: a setting's or an environment variable's
    (`AUTHOR = "..."`, `export AUTHOR=...`, a lookup's default, "`author` is set to"), or a YAML or ini line's
    own (`author: Jane Doe`, `author = Jane Doe`). Package and docs metadata stay, as public attribution:
    setup.py's and Sphinx's quoted `author='...'`, PKG-INFO's `Author:`, package.json's quoted key,
    setup.cfg's `[metadata]` section."""
    text, sep = match.string, match.group("sep").strip()
    written = text[key_start : match.start("close")]
    if written.isupper() or sep.startswith(("is", "was", ",")):
        return True
    if written != "author" or match.group("close") or sep == "=>":
        return False
    if sep == "=" and match.group("q"):
        return False  # Python's and TOML's quoted metadata: setup.py, Sphinx's conf.py, pyproject
    line_start = key_start
    while line_start > 0:
        prefix = _DOTTED_PREFIX.search(text, max(0, line_start - 64), line_start)
        if prefix is None:
            break
        line_start = prefix.start()
    if text[line_start - 1 : line_start + 1] == "\\n":
        line_start += 1  # JSON-escaped text: the line starts after its escaped line feed
    if not is_whole_line(text, line_start, value_end):
        return False
    if sep == "=":  # an ini line: not in setup.cfg's metadata
        section = text.rfind(_METADATA_SECTION, max(0, line_start - 4000), line_start)
        after = section + len(_METADATA_SECTION)
        return section < 0 or _SECTION_HEADER.search(text, after, line_start) is not None
    return True


# A table's header cell: a column's name, quoted or not.
# (a required column's "*" before it, as Xero's import templates mark them, or a header row's "!" as QuickBooks' IIF
# files open theirs, `!CUST`; a title after a colon, `Quiz: Week 3`; a unit after it, `_UNIT`)
_HEADER_CELL = re.compile(
    rf"[\s\"'`\\]*[*!]?(?P<name>[A-Za-z_#](?:[A-Za-z0-9_ .\-#]|{_TITLE_COLON.pattern}){{0,40}}?)"
    r"(?:[ \t]*\([A-Za-z0-9 %$/.]{1,24}\))?[\s\"'`\\]*"
)
# A cell's value: what its quotes (written or JSON-escaped) and blanks hold.
_CELL_VALUE = re.compile(r"[ \t]*(?P<q>\\?[\"']|)(?P<value>(?:[^\t\"\\|,]|\\u[0-9a-fA-F]{4})*?)(?P=q)[ \t]*")
_MAX_ROWS = 500


_SIGN_IN_COLUMNS = frozenset({"username", "userprincipalname", "upn", "signinname", "loginname"})


def _person_columns(text: str, cells: list[tuple[int, int]]) -> dict[int, tuple[int, bool]]:
    """The header's person columns: their index, the fewest words a value there needs, and whether
    upper-case words will do."""
    names = []
    for start, end in cells:
        cell = _HEADER_CELL.fullmatch(text, start, end)
        if cell is None:
            if not text[start:end].strip():
                names.append("")  # a data frame's index column, as `to_markdown` prints it, has no name
                continue
            return {}  # a cell that names no column: not a header
        names.append(cell.group("name"))
    contact = (
        any(  # (`E-mail Address`; an account's sign-in name, as identity logs give one beside the person's)
            _CONTACT_COLUMN.fullmatch(name.replace(" ", "_")) or _folded_key(name) in _SIGN_IN_COLUMNS
            for name in names
        )
    )
    folded = [_folded_key(written) for written in names]
    # A header with a person's column is a table of people: its other roles' names are people's too (a delivery
    # export's `dasher_name` beside its `customer_name`), as beside a contact's field.
    contact = contact or any(_person_key(name) is not None for name in folded)
    # A header in capitals is a legacy export's (a county's parcels, a mainframe's extract): its names are too.
    capitals = all(written == written.upper() for written in names)
    columns = {}
    for index, written in enumerate(names):
        name = folded[index]
        if _KEYED_CELL.search(written) is None and (not contact or name not in _ROLE_COLUMNS):
            # (the literal the pass is gated on; or a sign-in log's `User` beside its `Username`, a ticket export's
            # `assignee` beside its contact's address)
            continue
        if (keyed := _person_key(name)) is not None:
            columns[index] = (keyed[0], keyed[1] or capitals)
        elif contact and _beside_contact_key(name):
            columns[index] = (2, capitals)
        elif name in _SHORT_NAME_PARTS and _SHORT_NAME_PARTS.issubset(folded):
            columns[index] = (1, True)  # OpenDental's `LName` and `FName`, together
    return columns


# Columns a role alone heads, a person's beside a contact's field (a sign-in log's `User`, a tracker's export's
# `Reporter` beside its `Reporter Email`): two words at least.
_ROLE_COLUMNS = frozenset({"user", "assignee", "reporter", "requester", "submitter", "owner"})
# A name's parts as some schemas abbreviate them: a person's only where both stand in one header (a file's name
# is an `fname` too).
_SHORT_NAME_PARTS = frozenset({"fname", "lname"})


def find_table_names(
    text: str,
    ends: tuple[int, ...] | None = None,
    person_lines: Collection[int] | None = None,
    values: bool = True,
) -> list[Redaction]:
    """Names in the rows of a table whose header names a person column: CSV, tab-separated, psql, and SQL
    ``INSERT`` rows (``ends``: as for `_keyed_matches`; ``person_lines`` and ``values``: as for
    `find_keyed_names`)."""
    inserted = (
        find_insert_names(text)
        if values and ("VALUES" in text or "values" in text or "Values" in text)
        else []
    )
    copied = find_copy_names(text) if "FROM stdin" in text else []
    return disjoint([*_rows_names(text, ends, person_lines), *inserted, *copied])


_NOT_SEMICOLON_HEADER = re.compile(f"[{re.escape(_NOT_HEADER_CHARS.replace(';', ''))}:]")


def _rows_names(
    text: str, ends: tuple[int, ...] | None = None, person_lines: Collection[int] | None = None
) -> list[Redaction]:
    if ("\n" not in text and "\\n" not in text) or (person_lines is not None and not person_lines):
        return []  # a header with no line after it has no rows: most short texts end here
    found: list[Redaction] = []
    header_seen = -1
    indexes = _key_ends_in(text) if ends is None else ends
    candidates = [m for index in indexes if index < len(_CELL_ENDS) for m in _CELL_ENDS[index].finditer(text)]
    line, counted = 0, 0
    for match in sorted(candidates, key=re.Match.start) if len(candidates) > 1 else candidates:
        if person_lines is not None:
            # The header `line_at` reads lies within the line feeds around the candidate (as do all the
            # candidates it would read the same header for): a line with no person key's or contact field's
            # word has no person column.
            line += text.count("\n", counted, match.start())
            counted = match.start()
            if line not in person_lines:
                continue
        start, end = line_at(text, match.start())
        if start <= header_seen:
            continue
        header_seen = start
        body_start = line_body(text, start, end)
        header = text[body_start:end]
        separator = table_separator(header)  # (behind the line's lead: a numbered read's tab is none)
        if separator == "," and "," not in header:
            if not semicolon_separated(header):
                found += _frame_names(text, start, end)  # or a data frame's printed columns
                continue  # one cell only: no separator `table_separator` picks is on the line
            separator = ";"
        checked = _UNIT.sub("", header) if "(" in header else header
        if separator in (",", "\t", "\\t") and ": " in checked:
            checked = _TITLE_COLON.sub(" ", checked)  # (Moodle's gradebook: `Quiz: Week 3 (Real)`)
        if (_NOT_SEMICOLON_HEADER if separator == ";" else _NOT_HEADER).search(checked):
            continue  # a record's key or code: a header holds column names and separators only
        led = body_start > start
        cells = _table_cells(text, body_start, end, separator)
        columns = _person_columns(text, cells) if len(cells) >= 2 else {}
        if not columns:
            continue
        row_end = end
        for _ in range(_MAX_ROWS):
            following = LINE_BREAK.match(text, row_end)
            if following is None:
                break
            row_start, row_end = line_at(text, following.end())
            if led:
                row_start = line_body(text, row_start, row_end)
            if RULE_LINE.fullmatch(text, row_start, row_end):
                continue
            row = _table_cells(text, row_start, row_end, separator)
            if len(row) != len(cells):
                break
            if _KEYED_CELL.search(text, row_start, row_end) and _person_columns(text, row):
                break  # the next table's header, stacked on this one: its own columns say what its rows hold
            names = []
            for index, fewest in columns.items():
                cell = _CELL_VALUE.fullmatch(text, *row[index])
                if (
                    cell is not None
                    and is_person_name(cell.group("value"), *fewest)
                    and not _stands_in(cell.group("value"))  # a demo row's `Jane Doe`
                ):
                    names.append(redact(cell.start("value"), cell.end("value"), KIND))
            if names and not _gives_documentation_address(text, row_start, row_end, row=True):
                found += names
    return found


# A data frame as pandas prints it: a header of column names apart by blanks, each row its index and then its
# values; values apart by two blanks or more (a value of words holds single ones).
_FRAME_HEADER = re.compile(r"[ \t]*[A-Za-z_][A-Za-z0-9_]{0,40}(?:[ \t]+[A-Za-z_][A-Za-z0-9_]{0,40})+[ \t]*")
_FRAME_ROW = re.compile(r"[ \t]*[0-9]{1,9}(?=[ \t]{2})")
_FRAME_GAP = re.compile(r"[ \t]{2,}")


def _frame_names(text: str, start: int, end: int) -> list[Redaction]:
    """Names in the rows of a printed data frame whose header names a person column."""
    body = line_body(text, start, end)
    if _FRAME_HEADER.fullmatch(text, body, end) is None:
        return []
    names = _ruled_header(text, body, end) or [
        (m.start(), m.end()) for m in re.finditer(r"[^ \t]+", text[body:end])
    ]
    columns = _person_columns(text, [(body + a, body + b) for a, b in names])
    if not columns:
        return []
    ruled = _ruled_names(text, body, end, names, columns)
    if ruled is not None:
        return ruled
    found: list[Redaction] = []
    row_end = end
    for _ in range(_MAX_ROWS if columns else 0):
        following = LINE_BREAK.match(text, row_end)
        if following is None:
            break
        row_start, row_end = line_at(text, following.end())
        row_start = line_body(text, row_start, row_end)
        index = _FRAME_ROW.match(text, row_start, row_end)
        if index is None:
            break
        cells, at = [], index.end()
        for gap in _FRAME_GAP.finditer(text, at, row_end):
            if gap.start() > at:
                cells.append((at, gap.start()))
            at = gap.end()
        if at < row_end and text[at:row_end].strip():
            cells.append((at, len(text[:row_end].rstrip())))
        if len(cells) != len(names):
            break
        for column, (fewest, upper) in columns.items():
            value = text[cells[column][0] : cells[column][1]]
            if is_person_name(value, fewest, upper):
                found.append(redact(cells[column][0], cells[column][1], KIND))
    return found


# The runs of the rule under a table's header (`RULE_RUNS`) say where each column's cells stand on every row.
_RULE_RUN = re.compile(r"[-\u2500]+")


def _rule_under(text: str, body: int, end: int) -> tuple[int, int] | None:
    """Where the rule on the line under a header (its body at ``body``, its line ending at ``end``) starts past
    its lead, and where its line ends; None where that line is no rule. A diff's sign before a rule's dashes is
    told from them by the header's own lead."""
    following = LINE_BREAK.match(text, end)
    if following is None:
        return None
    rule_start, rule_end = line_at(text, following.end())
    rule_body = line_body(text, rule_start, rule_end)
    if rule_body == rule_start and text[rule_start : rule_start + 1] == "+" and text[body - 1 : body] == "+":
        rule_body += 1  # `+-----`: an added line's rule
    return (rule_body, rule_end) if RULE_RUNS.fullmatch(text, rule_body, rule_end) else None


def _ruled_header(text: str, body: int, end: int) -> list[tuple[int, int]] | None:
    """The names of a header with a rule under it, each cut where a run of the rule stands (a name of two words,
    `EMPLOYEE NAME`, is one column's), from the header's body at ``body``; None where no rule is, or a run stands
    under no name or under two."""
    rule = _rule_under(text, body, end)
    if rule is None:
        return None
    rule_body, rule_end = rule
    names: list[tuple[int, int]] = []
    width = end - body
    for run in _RULE_RUN.finditer(text, rule_body, rule_end):
        start, stop = run.start() - rule_body, min(run.end() - rule_body, width)
        cell = text[body + start : body + stop] if start < width else ""
        words = cell.strip()
        if (
            not words
            or "  " in words
            or (start > 0 and text[body + start - 1 : body + start].strip())
            or (stop < width and text[body + stop : body + stop + 1].strip())
        ):
            return None  # a run under no name, under two, or under one that starts left of it or ends right of it
        lead = len(cell) - len(cell.lstrip())
        names.append((start + lead, start + lead + len(words)))
    return names


def _ruled_names(
    text: str, body: int, end: int, names: list[tuple[int, int]], columns: dict[int, tuple[int, bool]]
) -> list[Redaction] | None:
    """Names in a table whose header (ending at ``end``, its names at ``names`` from its body) has a rule under
    it: each row's cells cut where the rule's runs stand, behind the row's own lead. None where no such rule is,
    or its runs do not stand under the header's names one for one."""
    rule = _rule_under(text, body, end)
    if rule is None:
        return None
    rule_body, row_end = rule
    runs = [
        (m.start() - rule_body, m.end() - rule_body) for m in _RULE_RUN.finditer(text, rule_body, row_end)
    ]
    if len(runs) != len(names) or any(not a <= n < b for (n, _), (a, b) in zip(names, runs, strict=True)):
        return None
    found: list[Redaction] = []
    last = max(columns)
    for _ in range(_MAX_ROWS):
        following = LINE_BREAK.match(text, row_end)
        if following is None:
            break
        row_start, row_end = line_at(text, following.end())
        row = line_body(text, row_start, row_end)
        if RULE_RUNS.fullmatch(text, row, row_end):
            break  # a closing rule, or the next table's: no row, and the table ends (each line is read once or twice)
        # (the cells right of the last name's may have been redacted already, and no longer line up)
        if row_end - row <= runs[last][0] or any(
            text[row + b : row + b + 1] not in ("", " ", "\t") for _, b in runs[: last + 1]
        ):
            break  # the table has ended: a line too short for the names' columns, or one not cut where they are
        for column, (fewest, upper) in columns.items():
            a, b = runs[column]
            cell_end = row_end if column == len(runs) - 1 else row + b
            value = text[row + a : cell_end].strip()
            if value and is_person_name(value, fewest, upper):
                at = text.index(value, row + a, cell_end)
                found.append(redact(at, at + len(value), KIND))
    return found


def _table_cells(text: str, start: int, end: int, separator: str) -> list[tuple[int, int]]:
    """A table line's cells, a bordered table's empty ends left out (MySQL's and Markdown's `| a | b |`)."""
    cells = line_cells(text, start, end, separator)
    if separator == "|" and len(cells) > 2:
        if not text[cells[0][0] : cells[0][1]].strip():
            cells = cells[1:]
        if not text[cells[-1][0] : cells[-1][1]].strip():
            cells = cells[:-1]
    return cells


# A header cell naming a person column, where the table rule starts looking.
_KEYED_CELL = re.compile(r"(?:names?|Names?|NAMES?|older|OLDER)(?![A-Za-z0-9_]|\\?[\"'`]?[ \t]*[:=(])")
_CELL_ENDS = tuple(re.compile(end + r"(?![A-Za-z0-9_]|\\?[\"'`]?[ \t]*[:=(])") for end in _CELL_KEY_ENDS)
# `INSERT INTO t (id, first_name, email) VALUES (1, 'Jane', '...'), (2, ...)`.
# VALUES and the first row may each follow a line break (written or escaped), behind the next line's lead.
_INSERT = re.compile(
    r"(?i:INSERT)[ \t]+(?i:INTO)[ \t]+[\w.\"`\[\]\\]{1,120}[ \t]*\((?P<columns>[^()]{1,600})\)[ \t]*"
    r"(?:(?:\r?\n|\\n)(?:" + LINE_LEAD.pattern + r")[ \t]*)?(?i:VALUES)[ \t]*"
    r"(?:(?:\r?\n|\\n)(?:" + LINE_LEAD.pattern + r")[ \t]*)?"
)


def find_copy_names(text: str) -> list[Redaction]:
    """Names in the rows a `COPY ... FROM stdin` statement gives (pg_dump's), by its column list."""
    found: list[Redaction] = []
    for statement in COPY.finditer(text):
        columns = _person_columns(text, line_cells(text, *statement.span("columns"), ","))
        for cells in copied_rows(text, statement) if columns else ():
            for index, fewest in columns.items():
                if index < len(cells) and is_person_name(text[cells[index][0] : cells[index][1]], *fewest):
                    found.append(redact(*cells[index], KIND))
    return found


def find_insert_names(text: str) -> list[Redaction]:
    """Names in SQL `INSERT ... VALUES` rows, by the column list."""
    found: list[Redaction] = []
    for match in _INSERT.finditer(text):
        columns_start, columns_end = match.span("columns")
        columns = _person_columns(text, line_cells(text, columns_start, columns_end, ","))
        if not columns:
            continue
        at, rows = match.end(), 0
        while rows < _MAX_ROWS and text.startswith("(", at):
            values, at = sql_row(text, at + 1)
            if values is None:
                break
            rows += 1
            # an ORM's log after a row of placeholders: the values bound (Django's `args=(...)`, SQLAlchemy's)
            for row in bound_rows(text, at, values) or [values]:
                for index, fewest in columns.items():
                    value = row[index] if index < len(row) else None
                    string = None if value is None else value.group("string")
                    if (
                        value is not None
                        and string is not None
                        and is_person_name(string.replace("''", "'"), *fewest)
                        and not _stands_in(string)
                    ):
                        found.append(redact(value.start("string"), value.end("string"), KIND))
            gap = ROW_GAP.match(text, at)
            if gap is None:
                break
            at = gap.end()
    return sorted(found, key=lambda item: item.start)


# psql's expanded display (`\\x`): each row a record of `column | value` lines under `-[ RECORD 1 ]---`; a value
# under a person's column (`full_name`, `last_name`) is that person's name, or a part of it.
EXPANDED_LITERALS = ("-[ RECORD ",)
_EXPANDED_LINE = re.compile(r"(?P<column>[A-Za-z_][A-Za-z0-9_ ]{0,62}?)[ \t]*\|[ \t]?(?P<value>[^|\n\\]*)")


def find_expanded_names(text: str) -> list[Redaction]:
    """Names under a person's column in every record psql's expanded display prints."""
    found: list[Redaction] = []
    for record in EXPANDED_RECORD.finditer(text):
        for start, end in lines_after(text, line_at(text, record.start())[1]):
            line = _EXPANDED_LINE.fullmatch(text, line_body(text, start, end), end)
            if line is None:
                break  # the record ends: a blank line, the next record's line, a prompt
            keyed = _person_key(_folded_key(line.group("column")))
            value = line.group("value").rstrip(" \t")
            if keyed is not None and value and is_person_name(value, *keyed) and not _stands_in(value):
                found.append(redact(line.start("value"), line.start("value") + len(value), KIND))
    return found


# One object a CLI prints as a bordered table of two columns, a field and its value on each line (`bs whoami`,
# `openstack user show`): `| Name | Jane Doe |` over `| Email | ... |`. A person key's value is a name, as is a
# `name`'s (or another role's) where a contact field's line stands in the same table. (A line's first bar may be
# read as its lead, a quote's, and stand before the body.)
BORDERED_LITERALS = ("| ",)
BORDERED_ALSO = ("name", "Name", "NAME")
_BORDERED_NAME_KEY = re.compile(r"\|[ \t]*(?:[A-Za-z][A-Za-z0-9 _\-]{0,30}?)?(?:name|Name|NAME)[ \t]*\|")
_BORDERED_LINE = re.compile(
    r"[ \t]*(?:\|[ \t]*)?(?P<key>[A-Za-z][A-Za-z0-9 _\-]{0,40}?)[ \t]*\|[ \t]*"
    r"(?P<value>(?:[^|\n\\]|\\u[0-9a-fA-F]{4})*?)[ \t]*\|[ \t]*"
)
_BORDER = re.compile(r"[ \t]*[+|][\-=+|: \t]*")


def _table_line(text: str, start: int, end: int) -> re.Match[str] | bool | None:
    """A bordered table's line of a field and its value; True for its border, None for no table's line."""
    body = line_body(text, start, end)
    return _BORDERED_LINE.fullmatch(text, body, end) or _BORDER.fullmatch(text, body, end) is not None or None


def _bordered_table(text: str, start: int, end: int) -> tuple[int, bool]:
    """Where the bordered table holding the line at ``start:end`` ends, and whether it has a contact field's line
    with no documentation address in it (each table is read once, however many names it holds)."""
    lines = [(start, end)]
    before: tuple[int, int] | None = (start, end)
    for _ in range(_MAX_ROWS):
        before = previous_line(text, lines[-1][0])
        if before is None or _table_line(text, *before) is None:
            break
        lines.append(before)
    for after in lines_after(text, end):
        if _table_line(text, *after) is None:
            break
        lines.append(after)
    contact = False
    for line_start, line_end in lines:
        line = _table_line(text, line_start, line_end)
        if isinstance(line, re.Match) and _CONTACT_COLUMN.fullmatch(line.group("key").replace(" ", "_")):
            contact = contact or not _holds_documentation_address(line.group("value"), 0)
    return max(line_end for _, line_end in lines), contact


def find_bordered_names(text: str) -> list[Redaction]:
    """Names in an object printed as a bordered table of fields and values."""
    found: list[Redaction] = []
    line_seen, table_end, contact = -1, -1, False
    for match in _BORDERED_NAME_KEY.finditer(text):
        start, end = line_at(text, match.start())
        if start <= line_seen:
            continue
        line_seen = start
        line = _BORDERED_LINE.fullmatch(text, line_body(text, start, end), end)
        if line is None or not (value := line.group("value")):
            continue
        key = _folded_key(line.group("key"))
        keyed = _person_key(key)
        if keyed is None:
            if not _beside_contact_key(key):
                continue
            if end > table_end:
                table_end, contact = _bordered_table(text, start, end)
            if not contact:
                continue
        if is_person_name(value, *(keyed or (2, False))) and not _stands_in(value):
            found.append(redact(line.start("value"), line.end("value"), KIND))
    return found


# An HTML table whose header row names a person column (`<tr><th>Name</th><th>Email</th></tr>`, then `<tr><td>...`):
# its rows' cells there, as a CSV's. Blanks between tags may be JSON-escaped, and a line's lead stand after a line
# break there; a cell holding markup ends the table.
HTML_TABLE_LITERALS = ("<th", "<TH")
_HTML_GAP = rf"(?:\s|\\[nrt]|(?<=\n)(?:{LINE_LEAD.pattern})|(?<=\\n)(?:{LINE_LEAD.pattern}))*"
_HTML_HEADER_ROW = re.compile(
    rf"<(?i:tr)[^<>]{{0,200}}>(?P<cells>(?:{_HTML_GAP}<(?i:th)[^<>]{{0,200}}>[^<>]{{0,60}}</(?i:th)>){{2,40}})"
    rf"{_HTML_GAP}</(?i:tr)>"
)
_HTML_ROW = re.compile(
    rf"{_HTML_GAP}(?:</?(?i:thead|tbody)>{_HTML_GAP})*<(?i:tr)[^<>]{{0,200}}>"
    rf"(?P<cells>(?:{_HTML_GAP}<(?i:td)[^<>]{{0,200}}>[^<>]{{0,200}}</(?i:td)>){{2,40}}){_HTML_GAP}</(?i:tr)>"
)
_HTML_CELL = re.compile(r"<(?i:t[hd])[^<>]{0,200}>[ \t]*(?P<value>[^<>]*?)[ \t]*</(?i:t[hd])>")


def find_html_table_names(text: str) -> list[Redaction]:
    """Names in an HTML table's column that its header row names a person's."""
    found: list[Redaction] = []
    for header in _HTML_HEADER_ROW.finditer(text):
        names = [
            _folded_key(cell.group("value")) for cell in _HTML_CELL.finditer(text, *header.span("cells"))
        ]
        contact = any(_CONTACT_COLUMN.fullmatch(name) for name in names)
        columns = {
            index: keyed or (2, False)
            for index, name in enumerate(names)
            if (keyed := _person_key(name)) is not None or (contact and _beside_contact_key(name))
        }
        at = header.end()
        for _ in range(_MAX_ROWS if columns else 0):
            row = _HTML_ROW.match(text, at)
            if row is None:
                break
            at = row.end()
            cells = list(_HTML_CELL.finditer(text, *row.span("cells")))
            if len(cells) != len(names) or _gives_documentation_address(text, *row.span("cells"), row=True):
                continue
            for index, (fewest, upper) in columns.items():
                value = cells[index].group("value")
                if is_person_name(value, fewest, upper) and not _stands_in(value):
                    found.append(redact(cells[index].start("value"), cells[index].end("value"), KIND))
    return found


# An HTML form's field, by its name, and the value it holds (`<input name="full_name" value="Jane Doe">`, a
# framework's `user[first_name]`): a person key's.
FORM_FIELD_LITERALS = ("<input", "<INPUT")
_FORM_TAG = re.compile(r"<(?i:input)\b[^<>]{0,600}>")
_ATTRIBUTE = re.compile(r"(?P<attr>[A-Za-z\-]{1,20})=(?P<q>\\?[\"'])(?P<value>[^\"'<>\\]{0,120})(?P=q)")
_FIELD_NAME_PARTS = re.compile(r"[\[\].]")


def find_form_field_names(text: str) -> list[Redaction]:
    """Names an HTML form's fields hold under a person key's name."""
    found: list[Redaction] = []
    for tag in _FORM_TAG.finditer(text):
        attributes = {item.group("attr").lower(): item for item in _ATTRIBUTE.finditer(text, *tag.span())}
        name, value = attributes.get("name"), attributes.get("value")
        if name is None or value is None:
            continue
        field = [part for part in _FIELD_NAME_PARTS.split(name.group("value")) if part]
        keyed = _person_key(_folded_key(field[-1])) if field else None
        written = value.group("value")
        if keyed is not None and is_person_name(written, *keyed) and not _stands_in(written):
            found.append(redact(value.start("value"), value.end("value"), KIND))
    return found


# A name given as its parts in an object they open (`{"first": "Jane", "last": "Doe"}`: Jotform's name field, and
# many forms' APIs; a case file's client, its other fields after them): both parts go, when together they read as a
# person's name.
NAME_PARTS_LITERALS = ('"first"', "'first'", '\\"first\\"')
_NAME_PARTS = re.compile(
    rf"\{{{_HTML_GAP}(?P<q>\\?[\"'])first(?P=q)[ \t]*:[ \t]*(?P=q)(?P<first>[^\"'\\<>{{}}\n]{{1,40}})(?P=q)[ \t]*,"
    rf"{_HTML_GAP}(?P=q)last(?P=q)[ \t]*:[ \t]*(?P=q)(?P<last>[^\"'\\<>{{}}\n]{{1,40}})(?P=q)(?:{_HTML_GAP}\}}|[ \t]*,)"
)


def find_name_parts(text: str) -> list[Redaction]:
    """Names given as a first and a last part in an object of their own."""
    found = []
    for match in _NAME_PARTS.finditer(text):
        whole = f"{match.group('first')} {match.group('last')}"
        if is_person_name(whole, 2) and not _stands_in(whole):
            found.append(redact(match.start("first"), match.end("first"), KIND))
            found.append(redact(match.start("last"), match.end("last"), KIND))
    return found


# A GEDCOM file's names (`1 NAME Jane /Doe/`, the surname between slashes): a family tree's records are people's,
# its submitter's too. Each line stands behind its level number, and behind a wrapper's lead.
GEDCOM_LITERALS = (" NAME ",)
GEDCOM_ALSO = ("GEDC", "@ INDI")  # (its header's `1 GEDC`, or an individual's record, `0 @I1@ INDI`)
_GEDCOM_NAME = re.compile(
    r"(?<![^\s+n\u2192])[0-9] NAME (?P<name>[^\n\\/]{0,60}/[^\n\\/]{1,60}/[^\n\\]{0,20}?)[ \t]*(?=\r?\n|\\[rn]|$)"
)


def find_gedcom_names(text: str) -> list[Redaction]:
    """The names of a GEDCOM file's individuals and submitter."""
    if "GEDC" not in text and "@ INDI" not in text:
        return []  # (the engine's gate: a file's header names its format, or its records are individuals')
    found = []
    for match in _GEDCOM_NAME.finditer(text):
        name = match.group("name")
        if is_person_name(" ".join(name.replace("/", " ").split()), 2):
            found.append(redact(match.start("name"), match.end("name"), KIND))
    return found


# SCIM's user: its `name` object's `formatted` value is the whole name (`"name": {"formatted": "Jane Doe", ...}`).
SCIM_LITERALS = ("formatted",)
_SCIM_NAME = re.compile(
    rf"(?P<q>\\?\")name(?P=q)[ \t]*:[ \t]*\{{{_HTML_GAP}(?P=q)formatted(?P=q)[ \t]*:[ \t]*(?P=q)(?P<name>{NAME})(?P=q)"
)


def _enclosing_object(text: str, at: int) -> tuple[int, int]:
    """The JSON object holding ``at``: from its "{" to the "}" that closes it, by counting braces (within reach)."""
    start = text.rfind("{", max(0, at - _AROUND), at)
    if start < 0:
        return max(0, at - _AROUND), min(len(text), at + _AROUND)
    depth = 0
    for index in range(start, min(len(text), start + 4 * _AROUND)):
        depth += {"{": 1, "}": -1}.get(text[index], 0)
        if depth == 0:
            return start, index + 1
    return start, min(len(text), start + 4 * _AROUND)


def find_scim_names(text: str) -> list[Redaction]:
    """The whole names SCIM's user records give."""
    return [
        redact(match.start("name"), match.end("name"), KIND)
        for match in _SCIM_NAME.finditer(text)
        if is_person_name(match.group("name"), 2)
        and not _stands_in(match.group("name"))
        # (the user's whole object: RFC 7643's own example gives bjensen@example.com)
        and not _gives_documentation_address(text, *_enclosing_object(text, match.start()))
    ]


# iCalendar's organizer and attendees (`ORGANIZER;CN=Jane Doe:mailto:...`, `ATTENDEE;ROLE=...;CN="Doe, Jane":...`):
# the common name is the person's, two words or more (a room's or a list's single word stays).
CALENDAR_LITERALS = (";CN=",)
_CALENDAR_NAME = re.compile(
    r"(?:ORGANIZER|ATTENDEE)(?:;[A-Z\-]{1,32}=(?:\"[^\"\n]{0,200}\"|[^;:\n\"]{0,200}))*?"
    r";CN=(?P<q>\"?)(?P<name>[^;:\n\"\\]{1,128})(?P=q)(?P<params>[^:\n]{0,400}):(?:mailto:(?P<address>[^\s\\]{1,320}))?"
)


def find_calendar_names(text: str) -> list[Redaction]:
    """The common names of an iCalendar event's organizer and attendees (an example's beside a documentation
    address, a stand-in's, stay)."""
    found: list[Redaction] = []
    for match in _CALENDAR_NAME.finditer(text):
        address = match.group("address")
        if address is not None and _is_documentation_address(f"<{address}>"):
            continue
        if is_person_name(match.group("name"), 2) and not _stands_in(match.group("name")):
            found.append(redact(match.start("name"), match.end("name"), KIND))
    return found


# A password manager's secure note as LastPass exports it: the name on a card (`Name on Card:Jane Doe`, a browser's
# saved card's `name_on_card`), and the
# `Name:` line of a note whose type says it is a person's document (`NoteType:Social Security` then `Name:...`).
NOTE_LITERALS = ("Name on Card:", "NoteType:", "name_on_card", "nameOnCard")
_NOTE_NAME = re.compile(
    rf"(?:Name on Card|(?:name_on_card|nameOnCard)\\?\"?|(?<=NoteType:)[A-Za-z ]{{1,40}}(?:\r?\n|\\n)Name)[ \t]*:[ \t]*"
    rf"\\?\"?(?P<name>{NAME})"
)


def find_note_names(text: str) -> list[Redaction]:
    """The names a password manager's secure notes give: on a card, and on a person's document."""
    return _labelled_names(_NOTE_NAME, text)


def _labelled_names(label: re.Pattern[str], text: str, line_start: bool = False) -> list[Redaction]:
    """The names (two words at least, no stand-in's) in ``label``'s matches' ``name`` group; with ``line_start``,
    only where the label starts its line, behind the line's lead."""
    return [
        redact(match.start("name"), match.end("name"), KIND)
        for match in label.finditer(text)
        if (
            not line_start or line_body(text, line_at(text, match.start())[0], match.start()) == match.start()
        )
        and is_person_name(match.group("name"), 2)
        and not _stands_in(match.group("name"))
    ]


# Who signed or certified a record, after the label its line starts with (a maintenance log's `Signer:`, an
# inspection's `Inspected by:`): the name, then the line's end, a bracket (a licence's number) or a comma.
SIGNER_LITERALS = (
    "Signer:",
    "Signed by:",
    "Signatory:",
    "Witness:",
    "Notary:",
    "Inspected by:",
    "Certified by:",
)
_SIGNER_NAME = re.compile(
    rf"(?:{'|'.join(re.escape(label) for label in SIGNER_LITERALS)})[ \t]*"
    rf"(?P<name>{NAME})(?=[ \t]*(?:\(|,|\r?\n|\\[rn]|\\?\"|$))"
)


def find_signer_names(text: str) -> list[Redaction]:
    """The names of those who signed or certified a record, after their line's label."""
    return _labelled_names(_SIGNER_NAME, text, line_start=True)
