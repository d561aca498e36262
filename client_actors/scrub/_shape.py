"""Values judged by their own shape and their neighbourhood, whatever the syntax that joins them.

The other passes each read one way of writing a value down (``k=v``, ``--k v``, ``"k": "v"``...). This one
reads none: it finds a sensitive word (password, token, secret, api key, auth, cookie, session, signature...),
takes the name it belongs to, and looks at the values that follow it on its line, or on the next line when
the name ends its own (a YAML block scalar, ``vault kv get``, a name printed above its value). A value goes
when its shape says it is a credential, and how much shape is asked for depends on how close it sits:

- right after the name, with only punctuation and a linking word between (``is``, ``to``, ``by``, ``:``,
  ``=>``, a table's border, a tag's ``>``): a password's shape (letters and a digit, no path, version,
  host or identifier made of words) for a name that always holds a secret; hex of 32 or more characters
  only with nothing but an operator, a border or a line break between, or as prose gives a quoted name its
  quoted value ("`API_SECRET` is set to `...`"); a generated token's shape for a
  name that may hold anything (``key``, ``session``, ``sig``, ``auth``, ``cookie``);
- further along the line, or after prose that ends in a colon: only a generated token (twenty or more
  characters of both cases and digits, changing class often, with no words, digest prefix, UUID, path or
  SSH key body in it).

A value that has its own name right before it (``user=alice``, ``client_id: x``) belongs to that name, not to
the sensitive word. Digests (``sha256:``, ``sha512-``, ``h1:``), ARNs, templates, calls, public keys and the
names other passes read with more knowledge (Authorization, Cookie) are left. Run after the specific passes,
it sees only what they left.

Kept cheap, because most texts hold a sensitive word: the words are found in the UTF-8 bytes by one automaton,
only where a name can end (an operator, a blank, a quote, a bracket of markup follows; for the words that may
hold anything, not an operator, whose value the assignment pass has judged), and a byte regex then asks for a
letter beside a digit (a generated run, for those words) on the rest of the line before Python looks further.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator

from ahocorasick_rs import BytesAhoCorasick, Implementation, MatchKind

from client_actors.scrub._assign import in_arn
from client_actors.scrub._core import (
    Redaction,
    char_offsets,
    disjoint,
    redact,
    run_start,
)
from client_actors.scrub._judge import LINE_LEAD, SETTING_WORDS, TYPE_WORDS
from client_actors.scrub._names import HEX, UUID, Sense, classify_name, is_placeholder, shannon_bits

# The words that make a name sensitive, in the case forms they are found in (the prefilter's literals).
WORDS = (
    "password", "passwd", "passphrase", "passcode", "pass", "pwd", "secret", "token", "key", "auth",
    "credential", "creds", "cookie", "signature", "sig", "session", "bearer",
)  # fmt: skip
FORMS = tuple(form for word in WORDS for form in (word, word.capitalize(), word.upper()))
# A key that a word before it says is a credential, written as two words (prose, tables, printed forms):
# found as one, so that its value is judged as a credential's, not as any key's.
QUALIFIED_KEYS = tuple(
    form
    for qualifier in ("api", "access", "secret", "signing", "private", "license", "encryption", "master")
    for form in (
        *(f"{qualifier} key", f"{qualifier.capitalize()} key", f"{qualifier.capitalize()} Key"),
        *(f"{qualifier.upper()} key", f"{qualifier.upper()} Key", f"{qualifier.upper()} KEY"),
    )
)
# What follows a sensitive word that ends a name: an operator, a blank, a quote, a bracket of markup, a line's
# end. A word that runs on (tokens, keyboard, PASSED, api_key_id, apiKeyId, X-Auth-Token's Auth) is part of
# another name, whose own last word is found where it stands. The automaton finds each word with what
# follows it, so that no other occurrence costs anything.
_FOLLOWS = ":= \t\"'`\n\r\\>|<"
# A value right after "=" the assignment pass has judged already. Words whose values are taken only when
# generated (a cache key, a session store, a signature's algorithm are not) are not read after ":" either.
_WEAK_WORDS = frozenset({"key", "auth", "session", "sig", "signature", "cookie"})
# (Their colon is read only where the value is on the next line: a YAML block scalar, a key above its value.)
_WEAK_COLON = (":\n", ":\r", ": \n", ": |", ": >", ":\\n", ":\\r")
_SEEN = tuple(
    (form, follow, form.lower() in _WEAK_WORDS)
    for form in (*FORMS, *QUALIFIED_KEYS)
    for follow in (
        (*(f for f in _FOLLOWS if f not in ":="), *_WEAK_COLON)
        if form.lower() in _WEAK_WORDS
        else (*(f for f in _FOLLOWS if f != "="), ",")
    )
)
_FINDER = BytesAhoCorasick(
    [(form + follow).encode() for form, follow, _ in _SEEN],
    matchkind=MatchKind.LeftmostLongest,
    implementation=Implementation.DFA,
)
# Every shape a value is taken in holds a letter beside a digit; a value of a word that may hold other things
# (key, session, sig, auth, cookie) is generated: sixteen or more characters with upper and lower case and
# digits. Most lines after a sensitive word hold neither, and a regex tells so without a loop in Python.
# How far along its line a value is looked for, in characters (the gate and the reading alike).
REACH = 1000
_C = rb"[A-Za-z0-9+/=_\-.~!@#%^&*?$]"
_ADJ = rb"(?:[A-Za-z][0-9]|[0-9][A-Za-z])"
_WEAK_RUN = (
    rb"(?="
    + _C
    + rb"{16})(?<!"
    + _C
    + rb")(?="
    + _C
    + rb"*?[A-Z])(?="
    + _C
    + rb"*?[a-z])(?="
    + _C
    + rb"*?[0-9])"
)


def _gate(run: bytes) -> re.Pattern[bytes]:
    """The run on the rest of the line, or on the next two when the line ends soon or in a colon."""
    after = rb"\n(?:[ \t\r]*\n)?[^\n]{0,%d}?" % REACH + run
    return re.compile(
        rb"[^\n]{0,%d}?" % REACH + run + rb"|[^\n]{0,40}" + after + rb"|[^\n]{0,%d}?:[ \t\r]*" % REACH + after
    )


_STRONG_GATE = _gate(_ADJ).match
# A weak word before an operator, a comma or a closing bracket is code (`key = ...`, `sorted(x, key=len)`), which
# the assignment pass reads.
_WEAK_GATE = _gate(_WEAK_RUN).match
_WEAK_SPACED_GATE = re.compile(rb"(?![ \t]+[=,)\]}:])(?:" + _gate(_WEAK_RUN).pattern + rb")").match
_GATES = tuple(
    (_WEAK_SPACED_GATE if follow in " \t" else _WEAK_GATE) if weak else _STRONG_GATE
    for _, follow, weak in _SEEN
)
_FOLLOW_SIZES = tuple(len(follow.encode()) for _, follow, _ in _SEEN)
_LETTER_DIGIT = re.compile(_ADJ.decode())

_NAME_LEFT = re.compile(r"[A-Za-z0-9_\-.]{0,80}")
_NAME_RIGHT = re.compile(r"[A-Za-z0-9_\-]{0,60}")
# A word before a lone keyword that may qualify it: "API key", "client secret", "access token".
_WORD_BEFORE = re.compile(r"([A-Za-z]{2,20})[ \t]\Z")
# A value candidate: a run of the characters credentials are written in, base64 padding included.
_CANDIDATE = re.compile(
    r"(?<![A-Za-z0-9+/_\-.~!@#%^&*?$])[A-Za-z0-9+/][A-Za-z0-9+/_\-.~!@#%^&*?$]{5,}(?:={1,2}(?![A-Za-z0-9\[]))?"
)
# What may stand between a name and its value when the value is the name's: punctuation, an operator, a
# border, a tag's bracket, and a few linking words.
_ADJACENT_GAP = re.compile(
    r"(?:[\s\"'`:=<>\[\](){}|│┃║\u203a→*\\]|-(?=[ \t>])"
    r"|(?i:is|was|to|by|as|now|with|set|new|value|are)\b|[0-9]+\b(?=[ \t]*[:=]))*"
)
# Only an operator, a quote, a border or a tag's bracket between.
_TIGHT_GAP = re.compile(r"[\s\"'`:=<>\[\]|│┃║\\]*")
# Prose that gives a quoted name its quoted value, as a setting's: "`API_SECRET` is set to `...`", "I've set
# `API_SECRET` to `...`" (`_SET_BEFORE` before the name).
_PROSE_SETTING = re.compile(r"`[ \t]+(?:is|was)(?:[ \t]+(?:set[ \t]+to|now))?[ \t]+`")
_SET_TO = re.compile(r"`[ \t]+to[ \t]+`")
_SET_BEFORE = re.compile(r"(?<![A-Za-z])(?:[Ss]et|SET)[ \t]+`\Z")
# A name of its own right before a value: `user=alice`, `"client_id": "x"`, `--region x`, `<Name>x`.
_OWN_NAME = re.compile(
    r"(?:(?<![\w\-.+/~!@#%^&*?$])(?P<name>[A-Za-z_][A-Za-z0-9_\-.]{0,60})[\"'\]]?[ \t]*(?:=>|->|:=|[:=])[ \t]*[\"'`]?"
    r"|(?<![\w\-.+/~!@#%^&*?$])--?(?P<flag>[A-Za-z][A-Za-z0-9_\-.]{0,60})[ \t=][\"']?"
    r"|<(?P<tag>[A-Za-z][\w.\-:]{0,60})>)\Z"
)
# What ends a name's line when its value is on the next one: an operator, a block scalar's indicator, a tag.
_NAME_ENDS_LINE = re.compile(
    r"[\\\"'\]]*[ \t]*(?:=>|:)?[ \t]*(?:[|>][\-+]?)?[ \t]*(?:\\r)?\Z|[\"'\]]*[ \t]*>\Z"
)
# A line that holds a value and nothing else (its wrapper taken off): blanks, quotes, PHP's string(N).
_VALUE_LINE = re.compile(
    r"[ \t]*(?:string\([0-9]+\)[ \t]*)?\\?[\"'`]?"
    r"(?P<value>[^\s\"'`<>\\]{5,511}[^\s\"'`<>\\,;])\\?[\"'`]?[ \t]*,?[ \t]*\Z"
)
# Digests, fingerprints and encodings that say what follows is not a secret.
# (Each a word of its own: one glued to a value may be redacted with it, and a second scrub must read alike.)
_PUBLIC_KEY_BEFORE = re.compile(
    r"(?<![\w+/\-.~!@#%^&*?$])(?:ssh-[\w\-@.]+|ecdsa-sha2-[\w\-@.]+|sk-ssh-[\w\-@.]+)[ \t]+\Z"
)
_DIGEST_BEFORE = re.compile(r"(?<![\w+/\-.~!@#%^&*?$])(?i:sha[0-9]{1,3}|md5|h1|sha)[:\-]\Z")
_DIGEST_START = re.compile(r"(?i:sha[0-9]{1,3}|md5|h1)[:\-]")
_VERSION = re.compile(r"v?[0-9]+(?:[.\-_][0-9A-Za-z]+)+")
_EMAIL_OR_HOST = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+|[A-Za-z][\w\-]*(?:\.[A-Za-z][\w\-]*)+")
_WORDS_JOINED = re.compile(
    r"[A-Za-z][a-z]+(?:[A-Z][a-z]+)+[0-9]{0,3}|[a-z]+(?:[_\-.][a-z0-9]+)+|[A-Z][A-Z0-9]*(?:[_\-][A-Z0-9]+)+"
    # a short word and a number, or a word, a separator and a version: oauth2, sha256, ubuntu-22.04, node-18
    r"|(?i:[a-z]{1,5}[0-9]{1,3})|[A-Za-z]+[\-_.]?[0-9]+(?:[.\-_][0-9a-z]+)+|[A-Za-z]+[\-_][0-9]+"
)
_SYMBOL = re.compile(r"[^A-Za-z0-9]")
_LONG_LOWER = re.compile(r"[a-z]{9}")
# Names that hold something public or a reference, though they end in a sensitive word.
_PUBLIC = frozenset({"public", "pub", "publishable", "verify", "verification"})
# Names whose values other passes read with more knowledge (schemes, cookie attributes) or that hold no secret.
_OTHER_PASSES = frozenset(
    {"authorization", "proxy-authorization", "cookie", "cookies", "set-cookie", "sec-websocket-key"}
)
# After a value: an operator that makes it a name of its own (`"user_id": ...`, `autocomplete=...`).
_NAME_AHEAD = re.compile(r"\\?[\"']?[ \t]*(?:=(?!=)|:(?![/0-9])|=>)")


def is_generated(value: str, shortest: int = 20) -> bool:
    """Whether ``value`` has the shape of generated key material on its own: long, mixed, no words."""
    if (
        len(value) < shortest
        or not _CONTENT.fullmatch(value)
        or HEX.fullmatch(value)
        or UUID.fullmatch(value)
    ):
        return False
    if _WORDS_JOINED.fullmatch(value) or _DIGEST_START.match(value) or value.count(".") >= 2:
        return False
    if value.startswith("AAAA") or _LONG_LOWER.search(value) or _is_path(value):
        return False  # an SSH public key's body; a word or a lower-case identifier inside; a path
    upper = sum(c.isupper() for c in value)
    lower = sum(c.islower() for c in value)
    digits = sum(c.isdigit() for c in value)
    if not (upper and lower and digits) or min(upper, lower) < 3:
        return False
    if sum(len(word) for word in _WORDISH.findall(value)) * 5 >= len(value) * 2:
        return False  # words make up two fifths of it: MDLAnimatedMatrix4x4, userTokenStore2024
    changes = sum(1 for a, b in itertools.pairwise(value) if _class(a) != _class(b))
    return changes >= 0.4 * len(value) and shannon_bits(value) >= 3.5


_WORDISH = re.compile(r"[A-Z]?[a-z]{4,}")


_PATH_SEGMENT = re.compile(
    r"[a-z][a-z0-9_\-]{2,}(?:\.[a-z0-9]{1,8})?|[A-Z][a-z]{2,}|[a-z0-9_\-]+\.[a-z]{1,8}"
)


def _is_path(value: str) -> bool:
    """Whether ``value`` is a path (a segment of it a word or a file name), not base64 that holds a slash."""
    return "/" in value and any(_PATH_SEGMENT.fullmatch(segment) for segment in value.split("/"))


_CONTENT = re.compile(r"[A-Za-z0-9+/=_\-.~]+")
_PASSWORD_CHARS = re.compile(r"[A-Za-z0-9!@#$%^&*?+~_\-.]+")


def _class(char: str) -> int:
    return 0 if char.isupper() else 1 if char.islower() else 2 if char.isdigit() else 3


def is_password(value: str) -> bool:
    """Whether ``value`` may be a password given right after a name that always holds a secret."""
    if len(value) < 6 or not any(c.isalpha() for c in value):
        return False
    if not any(c.isdigit() for c in value) or "/" in value or not _PASSWORD_CHARS.fullmatch(value):
        return False  # a path, a word, markup
    return not (
        _VERSION.fullmatch(value) or _EMAIL_OR_HOST.fullmatch(value) or _WORDS_JOINED.fullmatch(value)
    )


def _ordinary(value: str) -> bool:
    """Values no shape makes a secret: placeholders, settings, references, paths, URLs, digests, UUIDs."""
    lowered = value.lower()
    if lowered in SETTING_WORDS or lowered in TYPE_WORDS or is_placeholder(value):
        return True
    if "/" in value and _PATH.fullmatch(value) and not is_generated(value):
        return True
    if value.endswith(("...", "\u2026")) or "EXAMPLE" in value:
        return True  # elided, or a documentation example (AWS's ...EXAMPLE keys)
    return bool(
        UUID.fullmatch(value) or _DIGEST_START.match(value) or "://" in value or value.startswith("$")
    )


_PATH = re.compile(r"[./~\w\-]*(?:/[\w.\-]+)+/?")


def _fits(value: str, sense: Sense, near: bool, tight: bool = False) -> bool:
    """Whether ``value`` is taken: ``near``, right after its name; ``tight``, with only an operator, a border
    or a line break between (where a hex value after a name that always holds a secret is that secret)."""
    if _LETTER_DIGIT.search(value) is None or _ordinary(value):
        return False
    if not near:
        return is_generated(value)
    if HEX.fullmatch(value):
        return tight and sense.strong and 32 <= len(value) <= 128
    if sense.strong:
        return is_password(value) or is_generated(value)
    return is_generated(value, 16)


def _line_end(text: str, at: int, reach: int = REACH) -> int:
    """Where the line at ``at`` ends (a line break, written or escaped), looking ``reach`` characters ahead."""
    newline, escaped = text.find("\n", at, at + reach), text.find("\\n", at, at + reach)
    ends = [end for end in (newline, escaped) if end >= 0]
    return min(ends) if ends else min(len(text), at + reach)


def _sense_at(text: str, start: int, end: int) -> tuple[int, int, Sense] | None:
    """The name the sensitive word at ``start:end`` belongs to, where it is, and what it says."""
    name_start = run_start(text, start, _NAME_LEFT, 80)
    right = _NAME_RIGHT.match(text, end)
    name_end = right.end() if right else end
    if text[name_start - 1 : name_start] in ("$", "/", "{") or text.startswith("--", end):
        return None  # a variable, a path's segment, a template's name, PEM armour
    before = _WORD_BEFORE.search(text, max(0, name_start - 22), name_start)
    alone = name_start == start and name_end == end
    sense = name_sense(text[name_start:name_end], before.group(1) if before else "", alone)
    return None if sense is None else (name_start, name_end, sense)


@functools.lru_cache(maxsize=4096)
def name_sense(name: str, word_before: str, alone: bool) -> Sense | None:
    """What the name says about its value (`classify_name`), a lone keyword qualified by the word before it
    ("API key", "client secret"); none for a public thing or a name another pass reads with more knowledge."""
    name = name.strip("-.")
    lowered = name.lower()
    if not name or lowered in _OTHER_PASSES or "public" in lowered or "pubkey" in lowered:
        return None  # (`wg pubkey`, `ssh_pubkey`: a public key, one word)
    if word_before.lower() in _PUBLIC:
        return None
    if any(part in _PUBLIC for part in _NOT_LETTERS.split(lowered)):
        return None
    sense = classify_name(name)
    if word_before and alone:
        qualified = classify_name(word_before + "_" + name)
        if qualified is not None and (sense is None or (qualified.strong and not sense.strong)):
            sense = qualified
    return sense


_NOT_LETTERS = re.compile(r"[^a-z]+")


_IS_VALUE = re.compile(r"[=:][ \t]*(?:\\?[\"'])?\Z")


_MORE_ON_LINE = re.compile(r"[ \t]*[^\s=\\]")


class _Values:
    """The value candidates of one text, each read once however many names share its line.

    Every value on the rest of a name's line is read for that name, so a long line dense with sensitive words
    and values (`creds abcdefgh12 ` over and over) would have each value found, cut and judged again for every
    word before it. Here the candidates are found as one chain (the one after a candidate is always found from
    that candidate's end, whichever name the reading began at), and what a value's own text and surroundings
    say of it, with no name, is worked out once, as is its shape's verdict for a name's sense."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._after: dict[int, re.Match[str] | None] = {}  # a search's start: the first candidate from there
        self._cut: dict[int, tuple[int, int] | None] = {}  # a candidate's start: the value it holds, if any
        self._takeable: dict[int, bool] = {}
        self._owners: dict[int, re.Match[str] | None] = {}
        self._fitting: dict[tuple[int, int, Sense, bool, bool], bool] = {}

    def spans(self, start: int, end: int) -> Iterator[tuple[int, int]]:
        """The values that start in ``text[start:end]``, each whole (a value is never cut where a window ends,
        so that a scrub of what this one leaves finds nothing new)."""
        position = start
        while True:
            if position in self._after:
                match = self._after[position]
            else:
                match = self._after[position] = _CANDIDATE.search(self.text, position)
            if match is None or match.start() >= end:
                return
            first = match.start()
            if first in self._cut:
                span = self._cut[first]
            else:
                span = self._cut[first] = _cut(self.text, first, match.end())
            if span is not None:
                yield span
            position = match.end()

    def takeable(self, start: int, end: int) -> bool:
        """Whether the value may be a name's at all, by what it and its surroundings say: a letter beside a
        digit, no name of its own nor a call after it, no digest's prefix or public key's type before it."""
        if start not in self._takeable:
            text = self.text
            self._takeable[start] = not (
                _LETTER_DIGIT.search(text, start, end) is None
                or (_NAME_AHEAD.match(text, end) and text[end - 1] != "=")
                or text[end : end + 1] == "("
                or _DIGEST_BEFORE.search(text, max(0, start - 8), start)
                or _PUBLIC_KEY_BEFORE.search(text, max(0, start - 64), start)
            )
        return self._takeable[start]

    def own_name(self, start: int) -> re.Match[str] | None:
        """The name of its own right before the value, looked for in the 64 characters before it."""
        if start not in self._owners:
            self._owners[start] = _OWN_NAME.search(self.text, start - 64, start)
        return self._owners[start]

    def fits(self, start: int, end: int, sense: Sense, near: bool, tight: bool) -> bool:
        key = (start, end, sense, near, tight)
        if key not in self._fitting:
            self._fitting[key] = _fits(self.text[start:end], sense, near, tight)
        return self._fitting[key]


def _cut(text: str, first: int, last: int) -> tuple[int, int] | None:
    """The value a candidate found at ``text[first:last]`` holds, or None for one too long or too short."""
    if last - first > 512:
        return None  # longer than any credential: a blob
    if text[first - 1 : first] == "\\":
        if text[first] in "ntr":
            first += 1
        elif text[first] == "u" and re.fullmatch(r"u[0-9a-fA-F]{4}", text[first : first + 5]):
            first += 5
    while last > first and text[last - 1] in ".,:;" and text[last - 2 : last - 1] != text[last - 1]:
        last -= 1  # a sentence's punctuation
    if text[last - 1 : last] == "=" and (last - first) % 4 and _MORE_ON_LINE.match(text, last):
        last = (
            len(text[first:last].rstrip("=")) + first
        )  # no base64's padding but an operator: `name=  value`
    return (first, last) if last - first >= 6 else None


def find_shaped(text: str) -> list[Redaction]:
    """Return the redactions of values whose shape and neighbourhood say they are credentials."""
    return find_shaped_encoded(text, text.encode("utf-8", "surrogatepass"))


def find_shaped_encoded(text: str, raw: bytes) -> list[Redaction]:
    """`find_shaped`, given ``raw``, the UTF-8 encoding of ``text`` (the engine has it already)."""
    starts: list[int] = []
    for index, start, end in _FINDER.find_matches_as_indexes(raw):
        end -= _FOLLOW_SIZES[index]
        if _GATES[index](raw, end) is not None:
            starts += (start, end)
    if not starts:
        return []
    offsets = list(char_offsets(text, raw, starts))
    return _find_at(text, list(zip(offsets[::2], offsets[1::2], strict=True)))


def _find_at(text: str, hits: list[tuple[int, int]]) -> list[Redaction]:
    # No hit lies in a redaction token (a word there is followed by "]"), and no value taken holds "[" or
    # "]" (`_fits`); the engine drops what touches a token anyway.
    found: dict[int, Redaction] = {}
    values = _Values(text)
    for hit_start, hit_end in hits:
        named = _sense_at(text, hit_start, hit_end)
        if named is None:
            continue
        name_start, name_end, sense = named
        if _in_template(text, name_start):
            continue  # {{ .Values.db.password | b64enc }}: a template names the value, the rest is code
        if text[name_start - 1 : name_start] == "!":
            continue  # a YAML tag and what it names: Home Assistant's `!secret db_password`
        if text[name_end : name_end + 1] == ":" and in_arn(text, name_start):
            continue  # arn:aws:secretsmanager:...:secret:NAME names a secret, it holds none
        if _IS_VALUE.search(text, max(0, name_start - 4), name_start) and not _NAME_AHEAD.match(
            text, name_end
        ):
            continue  # the word is itself a value: response_type=token, "token_type": "bearer"
        line_end = _line_end(text, name_end)
        rest = text[name_end:line_end]
        ends = line_end == len(text) or text.startswith(("\n", "\\n"), line_end)
        if ends and (_NAME_ENDS_LINE.match(rest) or (rest.rstrip().endswith(":") and name_end < line_end)):
            _next_line(text, line_end, sense, bool(_NAME_ENDS_LINE.match(rest)), found)
        quoted = text[name_start - 1 : name_start] == "`"
        set_before = quoted and _SET_BEFORE.search(text, max(0, name_start - 8), name_start) is not None
        _same_line(values, name_end, line_end, sense, found, quoted, set_before)
    return disjoint(found.values())


def _same_line(
    values: _Values,
    name_end: int,
    line_end: int,
    sense: Sense,
    found: dict[int, Redaction],
    quoted: bool = False,
    set_before: bool = False,
) -> None:
    """``quoted``: the name stands in backticks, as prose quotes a setting's name; ``set_before``: "set" before
    it ("I've set `API_SECRET` to `...`")."""
    # Every value on the rest of the line is read, whatever sensitive word or redaction comes between (a
    # scrub of what this one leaves must read each the same way); the first word to take a value names it.
    text = values.text
    for start, end in values.spans(name_end, line_end):
        if start in found or not values.takeable(start, end):
            continue
        own = values.own_name(start) if name_end <= start - 64 else _OWN_NAME.search(text, name_end, start)
        near = (
            _ADJACENT_GAP.fullmatch(text, name_end, start) is not None
            or _SQL_ACCOUNT.fullmatch(text, name_end, start) is not None
        )
        tight = near and (
            _TIGHT_GAP.fullmatch(text, name_end, start) is not None
            or (
                quoted
                and text[end : end + 1] == "`"
                and (
                    _PROSE_SETTING.fullmatch(text, name_end, start) is not None
                    or (_SET_TO.fullmatch(text, name_end, start) is not None and set_before)
                )
            )
        )
        if own is not None and own.end() == start and own.start() > name_end and _is_owner(own):
            owner = own.group("name") or own.group("flag") or own.group("tag") or ""
            owned = classify_name(owner.rsplit(".", 1)[-1])
            if owned is None:
                continue  # the value is its own name's (user=alice, --region eu-west-1)
            sense, near, tight = owned, True, True
        if values.fits(start, end, sense, near, tight):
            found[start] = redact(start, end, sense.kind)


# `PASSWORD FOR 'app'@'host' = '...'`: an account between a password and what is given to it.
_SQL_ACCOUNT = re.compile(
    r"[ \t]+(?i:for|to)[ \t]+['\"]?[\w.\-]+['\"]?@['\"]?[\w.\-%]+['\"]?[ \t]*=[ \t]*['\"]?"
)
_VALUE_WORDS = frozenset({"value", "val", "content"})


def _is_owner(own: re.Match[str]) -> bool:
    """Whether the name before a value is one (an identifier, a flag, a tag, or a word given with "="), not a
    word of prose before a colon ("Your new password is: ...", "token created: ...")."""
    name = own.group("name")
    if name is None:
        return True
    if own.string.endswith("[REDACTED:", 0, own.start()):
        return False  # a redaction token's kind is no name
    if name.lower() in _VALUE_WORDS:
        return False  # <secret value="...">, {"name": "token", "value": ...}: the value of the name before
    if own.string[own.start() - 2 : own.start()] in ("@'", '@"'):
        return False  # SQL's 'user'@'host': an account, not a name (what is given to it is the name's before)
    return (
        "=" in own.group()
        or not name.isalpha()
        or not name.islower()
        or own.string[own.start() - 1 : own.start()] in "\"'"
    )


def _next_line(
    text: str,
    line_end: int,
    sense: Sense,
    name_ends: bool,
    found: dict[int, Redaction],
) -> None:
    at = line_end + (2 if text.startswith("\\n", line_end) else 1)
    for _ in range(2):  # one blank line may come between
        if at >= len(text):
            return
        end = _line_end(text, at, 1024)
        line = text[at:end]
        lead = LINE_LEAD.match(line)
        body_start = at + (lead.end() if lead else 0)
        match = _VALUE_LINE.fullmatch(text, body_start, end)
        if match is not None:
            start, stop = match.start("value"), match.end("value")
            value = text[start:stop]
            if text[start - 1 : start] == "\\" or start in found or _NAME_AHEAD.match(text, stop):
                return
            if _fits(value, sense, name_ends, name_ends):
                found[start] = redact(start, stop, sense.kind)
            return
        if text[body_start:end].strip():
            return
        at = end + (2 if text.startswith("\\n", end) else 1)


def _in_template(text: str, at: int) -> bool:
    opened = text.rfind("{{", max(0, at - 200), at)
    return opened >= 0 and text.find("}}", opened, at) < 0
