"""Secrets and social security numbers in rows, placed by the column or the key beside them.

- SQL ``INSERT`` rows (`find_inserted`): ``INSERT INTO api_keys (owner, key, created_at) VALUES ('ci', '...',
  now())``. The column list says what each value is: a string under a column whose name names a credential
  (``password``, ``api_key``, ``token``...) is judged as that name's value is elsewhere; a lone ``key`` or
  ``value`` column takes its sense from a table named for credentials (``api_keys``, ``secrets``); a string
  under an ``ssn`` column goes when it has a social security number's shape, one under a phone column
  (``mobile``, ``phone_number``) when it has a phone number's; a row of a key-value table
  (``(name, value) VALUES ('stripe_secret', '...')``) is judged by the name it holds. Where the statement's
  values are ``?`` placeholders, the bindings an ORM logs after it (Hibernate's ``binding parameter [1] as
  [VARCHAR] - [...]``) are read the same way: parameter N is the Nth placeholder's column; so are the tuples
  Django's ``args=(...)`` and SQLAlchemy's engine log (``[generated in 0.0003s] (...)``, and each ``[cached
  since ...]`` line below it) bind to a row of placeholders.
- Tables that tools print (`find_printed_tables`): psql, MySQL and Markdown tables, found by their rule line
  (``---+---``, ``|---|---|``) under a header. In a table whose header has a key column and a value column
  (``key | value``, ``Variable | Value``, ``name | setting``, psql's expanded ``-[ RECORD 1 ]-+---``), a row's
  value goes when its key names a credential; under a column whose own name names one (``| user | password |``),
  a cell goes when it is no plain word. A cell of several words describes a value and stays. Every line may
  stand behind a wrapper's lead (a grep hit's ``path:LINE:``, a numbered read), the header's as the rows'.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from client_actors.scrub._columns import is_phone_value, phone_column
from client_actors.scrub._core import Redaction, literal_positions, redact
from client_actors.scrub._digits import is_ssn
from client_actors.scrub._judge import LINE_LEAD, judge_value
from client_actors.scrub._names import Sense, classify_name, split_words
from client_actors.scrub._personal import (
    LINE_BREAK,
    RULE_LINE,
    lead_end,
    line_at,
    line_cells,
    semicolon_separated,
)

_MAX_ROWS = 500
_SSN = re.compile(r"[0-9]{3}([ \-]?)[0-9]{2}\1[0-9]{4}")
_SSN_KIND = Sense("ssn", True)  # not a name's sense: what an ssn column's value is checked as
_PHONE_KIND = Sense("phone", True)  # nor is this: what a phone column's value is checked as


def _is_ssn_value(value: str) -> bool:
    return _SSN.fullmatch(value) is not None and is_ssn(value.replace(" ", "").replace("-", ""))


# A column's or a key's name, as a header or a column list writes it (quoted, bracketed, JSON-escaped).
_NAME_CELL = re.compile(r"[\s\"'`\[\]\\]*(?P<name>[A-Za-z_][A-Za-z0-9_ .\-]{0,60}?)[\s\"'`\[\]\\]*")
# Header names of the key and of the value in a key-value table.
KEY_HEADERS = frozenset(
    {
        "key", "name", "variable", "variable_name", "var", "param", "parameter", "property", "option", "field",
        "setting", "config", "config_key", "attribute", "env", "k",
    }
)  # fmt: skip
VALUE_HEADERS = frozenset({"value", "val", "setting", "current_value", "v"})
# (a taxpayer id column holds SSNs among others: only values of an SSN's shape go)
_SSN_COLUMNS = frozenset({"ssn", "socialsecuritynumber", "socialsecurityno", "taxid", "tin", "taxpayerid"})
# A column that holds what its table is named for: `key` in api_keys, `value` in secrets.
_GENERIC_COLUMNS = frozenset({"key", "value", "val", "secret_value"})


def _column_sense(name: str, table_sense: Sense | None) -> Sense | None:
    """What a column named ``name`` holds: a name's sense, `_SSN_KIND`, or None."""
    words = split_words(name)
    if words and (words[-1] == "ssn" or "".join(words) in _SSN_COLUMNS):
        return _SSN_KIND
    if phone_column(name):
        return _PHONE_KIND
    sense = classify_name(name)
    if (sense is None or not sense.strong) and table_sense is not None and name.lower() in _GENERIC_COLUMNS:
        return table_sense
    return sense


def _table_sense(table: str) -> Sense | None:
    """The sense of a table named for credentials (api_keys, secrets, user_passwords), strong ones only."""
    name = table.strip("\"'`[]\\").rsplit(".", 1)[-1].strip("\"'`[]\\")
    sense = classify_name(name[:-1] if name.lower().endswith("s") else name)
    return sense if sense is not None and sense.strong else None


def _judged(value: str, name: str, sense: Sense, start: int, *, quoted: bool) -> Redaction | None:
    """The redaction of ``value`` (at ``start``) under ``name``, if it goes."""
    if sense is _SSN_KIND:
        return redact(start, start + len(value), "ssn") if _is_ssn_value(value) else None
    if sense is _PHONE_KIND:
        return redact(start, start + len(value), "phone") if is_phone_value(value) else None
    if not value or judge_value(value, name, sense, quoted=quoted, env_style=False) == "keep":
        return None
    return redact(start, start + len(value), sense.kind)


# --- SQL INSERT rows ----------------------------------------------------------------------------------------

# `INSERT INTO t (a, b, c) VALUES (...), (...)`; VALUES may start the next line. The pass is gated on "nsert" and
# "NSERT": the regex takes no other case of the word.
_INSERT = re.compile(
    r"(?:[Ii]nsert|INSERT)[ \t]+(?i:INTO)[ \t]+(?P<table>[\w.\"`\[\]\\]{1,120})[ \t]*\((?P<columns>[^()]{1,600})\)"
    r"[ \t]*(?:(?:\r?\n|\\n)(?:" + LINE_LEAD.pattern + r")[ \t]*)?(?i:VALUES)[ \t]*"
    r"(?:(?:\r?\n|\\n)(?:" + LINE_LEAD.pattern + r")[ \t]*)?(?=\()"
)
# A row's value: a string, or anything else, a call's parentheses included (`now()`, `md5('x')`).
SQL_ITEM = re.compile(
    r"[ \t]*(?:'(?P<string>(?:[^'\\\n]|'')*)'|(?P<other>(?:[^,()'\n]|\((?:[^()'\n]|'[^'\n]*')*\))*))[ \t]*"
)
# Between rows: a comma, and a line break behind which the next line's lead may stand.
ROW_GAP = re.compile(r"[ \t]*,[ \t]*(?:(?:\r?\n|\\n)(?:" + LINE_LEAD.pattern + r"))?[ \t]*")


def sql_row(text: str, at: int) -> tuple[list[re.Match[str]] | None, int]:
    """The values of the row whose "(" ends before ``at``, and where its ")" ends; None if it is no row."""
    values: list[re.Match[str]] = []
    while True:
        item = SQL_ITEM.match(text, at)
        if item is None:
            return None, at
        values.append(item)
        at = item.end()
        if not text.startswith(",", at):
            break
        at += 1
    return (values, at + 1) if text.startswith(")", at) else (None, at)


# What an ORM's log prints after a statement whose values are placeholders: the values bound to them, as a
# tuple. Django's `VALUES (%s, %s); args=('Jane', 'pro')`; SQLAlchemy's next line, `INFO sqlalchemy.engine.Engine
# [generated in 0.00031s] ('Jane', 'pro')` (or `[cached since 12.5s ago]`, `[no key 0.0001s]`, `[raw sql]`).
_LOGGED_ARGS = re.compile(r"[ \t]*;?[ \t]*args=\(")
_ENGINE_LOG_ARGS = re.compile(
    r"[ \t]*;?[ \t]*(?:\r?\n|\\n)(?:[^\n\\]|\\(?!n)){0,200}?"
    r"\[(?:generated in [0-9.]{1,12}s|cached since [0-9.]{1,12}s(?: ago)?|no key [0-9.]{1,12}s|raw sql)\][ \t]+\["
    r"?\("
)
_PLACEHOLDER = re.compile(r"[ \t]*(?:%s|\?|\$[0-9]{1,4}|:[A-Za-z_][\w]{0,40})[ \t]*")


def bound_rows(text: str, at: int, values: list[re.Match[str]]) -> list[list[re.Match[str]]]:
    """The rows of values an ORM's log binds to a row of placeholders (``values``) ending at ``at``: Django's
    one, or SQLAlchemy's, each execution of a statement cached its own line below the last."""
    if not all(
        value.group("string") is None and _PLACEHOLDER.fullmatch(value.group("other") or "")
        for value in values
    ):
        return []
    rows: list[list[re.Match[str]]] = []
    bound = _LOGGED_ARGS.match(text, at) or _ENGINE_LOG_ARGS.match(text, at)
    while bound is not None and len(rows) < _MAX_ROWS:
        row, at = sql_row(text, bound.end())
        if row is None:
            break
        rows.append(row)
        bound = _ENGINE_LOG_ARGS.match(text, at + (text[at : at + 1] == "]"))
    return rows


def _column_names(text: str, start: int, end: int) -> list[str] | None:
    names = []
    for a, b in line_cells(text, start, end, ","):
        cell = _NAME_CELL.fullmatch(text, a, b)
        if cell is None:
            return None
        names.append(cell.group("name"))
    return names


def _statement_columns(text: str, statement: re.Match[str]) -> tuple[list[str], list[Sense | None]]:
    """The column names a statement (its ``table`` and ``columns`` groups) lists, and what each column's values
    are by its name and its table's (none of either when the list is no list of names)."""
    names = _column_names(text, *statement.span("columns")) or []
    table_sense = _table_sense(statement.group("table"))
    return names, [_column_sense(name, table_sense) for name in names]


def find_inserted(text: str) -> list[Redaction]:
    """Secrets and social security numbers in SQL `INSERT ... VALUES` rows and their logged bindings."""
    found: list[Redaction] = []
    for match in _INSERT.finditer(text):
        names, senses = _statement_columns(text, match)
        if not names:
            continue
        keyed = _key_value_columns([name.lower() for name in names])
        if not any(senses) and keyed is None:
            continue
        at, rows, placeholders = match.end(), 0, []
        while rows < _MAX_ROWS and text.startswith("(", at):
            values, at = sql_row(text, at + 1)
            if values is None:
                break
            rows += 1
            for row in bound_rows(text, at, values) or [values]:
                found += _row_secrets(names, senses, keyed, row)
            placeholders = [
                i for i, value in enumerate(values) if (value.group("other") or "").strip() == "?"
            ]
            gap = ROW_GAP.match(text, at)
            if gap is None:
                break
            at = gap.end()
        if placeholders and any(senses[i] for i in placeholders if i < len(senses)):
            found += _bindings(
                text, at, [(names[i], senses[i]) if i < len(names) else None for i in placeholders]
            )
    return sorted(found, key=lambda item: item.start)


# pg_dump's `COPY t (a, b) FROM stdin;`: its rows follow, one a line, their values apart by tabs (written or
# escaped), up to a line `\.`; `\N` is no value (NULL).
COPY = re.compile(
    r"COPY[ \t]+(?P<table>[\w.\"]{1,120})[ \t]*\((?P<columns>[^()]{1,600})\)[ \t]+FROM[ \t]+stdin;"
)
_COPY_TAB = re.compile(r"\t|\\t")
_COPY_END = re.compile(r"\\{1,2}\.")
_NO_VALUE = ("\\N", "\\\\N")


def lines_after(text: str, end: int) -> Iterator[tuple[int, int]]:
    """The lines after the one ending at ``end`` (as `line_at` reads them, escaped breaks too), a table's worth."""
    for _ in range(_MAX_ROWS):
        following = LINE_BREAK.match(text, end)
        if following is None:
            return
        start, end = line_at(text, following.end())
        yield start, end


def copied_rows(text: str, statement: re.Match[str]) -> Iterator[list[tuple[int, int]]]:
    """The cells of each row a `COPY ... FROM stdin` statement gives (`COPY`'s match), as spans of ``text``."""
    for row_start, row_end in lines_after(text, statement.end()):
        if row_start == row_end or _COPY_END.fullmatch(text, row_start, row_end):
            return
        cells, at = [], row_start
        for tab in _COPY_TAB.finditer(text, row_start, row_end):
            cells.append((at, tab.start()))
            at = tab.end()
        cells.append((at, row_end))
        yield cells


def find_copied(text: str) -> list[Redaction]:
    """Secrets in the rows a `COPY ... FROM stdin` statement gives, by their columns."""
    found: list[Redaction] = []
    for statement in COPY.finditer(text):
        names, senses = _statement_columns(text, statement)
        if not any(senses):
            continue
        for cells in copied_rows(text, statement):
            if len(cells) != len(names):
                break
            for (start, end), name, sense in zip(cells, names, senses, strict=True):
                value = text[start:end]
                if sense is not None and value not in _NO_VALUE:
                    item = _judged(value, name, sense, start, quoted=True)
                    if item is not None:
                        found.append(item)
    return found


def _row_secrets(
    names: list[str], senses: list[Sense | None], keyed: tuple[int, int] | None, values: list[re.Match[str]]
) -> list[Redaction]:
    found = []
    for index, sense in enumerate(senses):
        value = values[index] if index < len(values) else None
        if sense is None or value is None or value.group("string") is None:
            continue
        item = _judged(value.group("string"), names[index], sense, value.start("string"), quoted=True)
        if item is not None:
            found.append(item)
    if keyed is not None and max(keyed) < len(values):
        key, value = values[keyed[0]].group("string"), values[keyed[1]]
        sense = classify_name(key.strip()) if key else None
        if sense is not None and key is not None and value.group("string") is not None:
            item = _judged(value.group("string"), key.strip(), sense, value.start("string"), quoted=True)
            if item is not None:
                found.append(item)
    return found


# Hibernate's bound parameters: `binding parameter [1] as [VARCHAR] - [value]` (5), `(1:VARCHAR) <- [value]` (6).
_BINDING = re.compile(
    r"binding parameter (?:\[(?P<old>[0-9]{1,4})\] as \[[A-Za-z_]{1,40}\] - "
    r"|\((?P<new>[0-9]{1,4}):[A-Za-z_]{1,40}\) <- )"
    r"\[(?P<value>[^\]\n\\]{0,512})\]"
)
# The next statement logged: its own bindings follow it.
_NEXT_STATEMENT = re.compile(
    r"(?i:insert[ \t]+into|update[ \t]+[\w.\"`]+[ \t]+set|select[ \t]|delete[ \t]+from)"
)
_BINDINGS_REACH = 8192


def _bindings(text: str, at: int, parameters: list[tuple[str, Sense | None] | None]) -> list[Redaction]:
    """The bound values that follow a statement ending at ``at``, judged by their placeholders' columns."""
    following = _NEXT_STATEMENT.search(text, at, at + _BINDINGS_REACH)
    end = following.start() if following else min(len(text), at + _BINDINGS_REACH)
    found = []
    for binding in _BINDING.finditer(text, at, end):
        number = int(binding.group("old") or binding.group("new")) - 1
        parameter = parameters[number] if 0 <= number < len(parameters) else None
        if parameter is None or parameter[1] is None:
            continue
        item = _judged(
            binding.group("value"), parameter[0], parameter[1], binding.start("value"), quoted=True
        )
        if item is not None:
            found.append(item)
    return found


def _key_value_columns(names: list[str]) -> tuple[int, int] | None:
    """The key column and the value column after it, if the header names both."""
    key = next((i for i, name in enumerate(names) if name in KEY_HEADERS), None)
    if key is None:
        return None
    value = next((i for i in range(key + 1, len(names)) if names[i] in VALUE_HEADERS), None)
    return None if value is None else (key, value)


# --- Printed tables -----------------------------------------------------------------------------------------

# What a rule line under a header holds (psql's `---+---`, Markdown's `|---|---|`), the pass's literals.
RULE_LITERALS = ("-+-", "-|-", "-|:", "- | -")
_RULE_MARK = re.compile(r"-\+-|-\|[\-:]|- \| -")
# psql's \x display: each row a key | value table under this line (found anywhere: behind a lead, a diff's sign)
EXPANDED_RECORD = re.compile(r"-\[ RECORD [0-9]{1,9} \][-+]")  # (`]+` where the names fill the width)
_EXPANDED = re.compile(r"[ \t]*" + EXPANDED_RECORD.pattern)


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A table line's cells between bars, the borders' empty ends left out (`| a | b |`)."""
    cells = line_cells(text, start, end, "|")
    if len(cells) > 1 and not text[cells[0][0] : cells[0][1]].strip():
        cells = cells[1:]
    if len(cells) > 1 and not text[cells[-1][0] : cells[-1][1]].strip():
        cells = cells[:-1]
    return cells


def previous_line(text: str, start: int) -> tuple[int, int] | None:
    """The line before the one starting at ``start``, if any: its start and end (a line break written or escaped)."""
    if text[start - 1 : start] == "\n":
        end = start - 1 - (text[start - 2 : start - 1] == "\r")
    elif text.endswith("\\n", 0, start):
        end = start - 2
    else:
        return None
    return line_at(text, end)[0], end


def find_printed_tables(text: str) -> list[Redaction]:
    """Secrets in the rows of key-value tables and under secret-named columns of printed tables."""
    found: list[Redaction] = []
    done = -1
    for mark in _RULE_MARK.finditer(text):
        if mark.start() < done:
            continue
        start, end = line_at(text, mark.start())
        done = end
        body = lead_end(text, start, end)
        if text[body : body + 1] in ("+", "-") and _EXPANDED.match(text, body + 1, end):
            body += 1  # a diff's sign before psql's record line
        if not RULE_LINE.fullmatch(text, body, end) and not _EXPANDED.match(text, body, end):
            continue
        found += _table_rows(text, start, body, end)
    return found


def line_body(text: str, start: int, end: int) -> int:
    """Where a table's line starts behind its wrapper's lead, a diff's sign included."""
    at = lead_end(text, start, end)
    if (
        at == start
        and text[start : start + 1] in ("+", "-")
        and text[start + 1 : start + 2] not in ("+", "-")
    ):
        return start + 1
    return at


def _header(
    text: str, rule_start: int, rule_body: int, rule_end: int
) -> tuple[bool, int, list[str], dict[int, Sense], tuple[int, int] | None] | None:
    """What the table's header says: whether its lines have a lead, its cell count, names, secret-named
    columns and key-value columns."""
    if _EXPANDED.match(text, rule_body, rule_end):
        return rule_body > rule_start, 2, ["key", "value"], {}, (0, 1)
    line = previous_line(text, rule_start)
    if line is None:
        return None
    body = line_body(text, *line)
    if "|" not in text[body : line[1]]:
        return None
    names = []
    for a, b in _cells(text, body, line[1]):
        cell = _NAME_CELL.fullmatch(text, a, b)
        if cell is None:
            return None
        names.append(cell.group("name"))
    lowered = [name.lower().replace(" ", "_") for name in names]
    keyed = _key_value_columns(lowered)
    senses = {}
    for index, name in enumerate(names):
        sense = classify_name(name)
        if sense is not None and sense.strong and (keyed is None or index not in keyed):
            senses[index] = sense
    if keyed is None and not senses:
        return None
    return body > line[0], len(names), names, senses, keyed


# The end of the JSON string that holds a JSON-escaped table: a quote no backslash escapes, then what follows a
# value in JSON.
_STRING_END = re.compile(r"(?<!\\)\"(?=[ \t]*(?:[,}\]]|$))")


def _table_rows(text: str, rule_start: int, rule_body: int, rule_end: int) -> list[Redaction]:
    header = _header(text, rule_start, rule_body, rule_end)
    if header is None:
        return []
    led, width, names, senses, keyed = header
    found: list[Redaction] = []
    row_end = rule_end
    for _ in range(_MAX_ROWS):
        following = LINE_BREAK.match(text, row_end)
        if following is None:
            break
        row_start, row_end = line_at(text, following.end())
        closing = _STRING_END.search(text, row_start, row_end)
        if closing is not None:  # the last line of a JSON-escaped text ends where its string does
            row_end = closing.start()
        if led:
            row_start = line_body(text, row_start, row_end)
        if RULE_LINE.fullmatch(text, row_start, row_end) and "-" in text[row_start:row_end]:
            continue  # a border between rows
        cells = _cells(text, row_start, row_end)
        if len(cells) != width or "|" not in text[row_start:row_end]:
            break
        found += _row_cells(text, cells, names, senses, keyed)
    return found


# A cell's value: what its blanks and quotes (written, JSON-escaped, or Markdown's backticks) hold.
_CELL_VALUE = re.compile(r"[ \t]*(?P<q>\\?[\"'`]|)(?P<value>[^ \t](?:[^|]*[^ \t|])?)?(?P=q)[ \t]*")
# A file named as a value (`ssl_key | certs/server.key`): a path with an extension, or all lower case.
_FILE = re.compile(r"[\w.\-~]*(?:/[\w.\-]+)+/?")
_FILE_NAME = re.compile(r".*\.[A-Za-z0-9]{1,8}|[a-z0-9_.\-/]+")
# A cell of words (`The user's password`, `see the vault`, a comparison's `Stateless design`) describes a value;
# a passphrase of words in a table is left (a known limit).
_PROSE = re.compile(r"[^ \t][ \t]+[^ \t]")


def _row_cells(
    text: str,
    cells: list[tuple[int, int]],
    names: list[str],
    senses: dict[int, Sense],
    keyed: tuple[int, int] | None,
) -> list[Redaction]:
    found = []
    for index, sense in senses.items():
        cell = _CELL_VALUE.fullmatch(text, *cells[index])
        if cell is None or cell.group("value") is None:
            continue
        value = cell.group("value")
        if (
            not _PROSE.search(value)
            and judge_value(value, names[index], sense, quoted=False, env_style=False) == "redact"
        ):
            found.append(redact(cell.start("value"), cell.end("value"), sense.kind))
    item = _keyed_cell(text, cells, keyed) if keyed is not None else None
    if item is not None:
        found.append(item)
    return sorted(found, key=lambda item: item.start)


def _keyed_cell(text: str, cells: list[tuple[int, int]], keyed: tuple[int, int]) -> Redaction | None:
    """The redaction of a key-value row's value, when its key names a credential."""
    key, cell = _CELL_VALUE.fullmatch(text, *cells[keyed[0]]), _CELL_VALUE.fullmatch(text, *cells[keyed[1]])
    if key is None or cell is None or key.group("value") is None or cell.group("value") is None:
        return None
    name, value = key.group("value"), cell.group("value")
    sense = classify_name(name)
    if sense is None or (_FILE.fullmatch(value) and _FILE_NAME.fullmatch(value)) or _PROSE.search(value):
        return None
    return _judged(value, name, sense, cell.start("value"), quoted=False)


# --- Key and value columns aligned by blanks --------------------------------------------------------------------

# A table a CLI prints with its columns aligned by blanks and no rule line: `pulumi config --show-secrets`,
# `az ... -o table`, a settings listing. Its header names a key column and then a value column; each row's value
# starts where the header's VALUE does (every line behind a lead of the same width), and goes when its key names a
# credential. A key namespaced by a project (`platform:secretKeyBase`) is judged by its last part.
ALIGNED_LITERALS = ("VALUE", "Value")
# (found by its VALUE, a literal searched for at C speed, then read back to its key column's name)
_ALIGNED_VALUE_WORD = re.compile(r"(?:VALUE|Value)[ \t]*\r?(?=\n|\\n|$)")
_ALIGNED_KEY_WORD = re.compile(r"(?:(?<![A-Za-z])|(?<=\\n))(?:KEY|NAME|Key|Name)[ \t]{2,}\Z")
_ALIGNED_KEY = re.compile(r"[ \t]*(?P<key>[^\s]{1,120})[ \t]+")
# (matched up to the row's end, which `line_at` sets before its line break: the value is all of the row's content)
_ALIGNED_VALUE = re.compile(r"[^ \t\r\n\\][^\r\n\\]{0,1024}?(?=[ \t]*$)")


def find_aligned_key_values(text: str) -> list[Redaction]:
    """The values of an aligned key-value table's rows whose keys name a credential."""
    found: list[Redaction] = []
    for header in _ALIGNED_VALUE_WORD.finditer(text):
        key_word = _ALIGNED_KEY_WORD.search(text, max(0, header.start() - 80), header.start())
        if key_word is None:
            continue
        line_start = line_at(text, header.start())[0]
        key_column, value_column = key_word.start() - line_start, header.start() - line_start
        for row_start, row_end in lines_after(text, header.end()):
            key = _ALIGNED_KEY.fullmatch(text, row_start + key_column, row_start + value_column)
            value = _ALIGNED_VALUE.match(text, row_start + value_column, row_end)
            if key is None or value is None:
                break
            name = key.group("key").rsplit(":", 1)[-1]
            sense = classify_name(name)
            cell = value.group()
            if sense is not None and not (cell.startswith("[") and cell.endswith("]")):  # pulumi's `[secret]`
                item = _judged(cell, name, sense, value.start(), quoted=True)  # data, as a string is: no code
                if item is not None:
                    found.append(item)
    return found


# A comma- or tab-separated header naming a password's column, as password managers export their vaults
# (Bitwarden's `login_password`, LastPass's `password`), or a domain's transfer code's as registrars export them
# (`auth_code`): each row's cell under it goes, as far as the rows keep the header's number of cells.
CSV_SECRET_LITERALS = ("password", "Password", "PASSWORD", "auth_code", "AUTH_CODE", "authCode")


_NOT_CSV_HEADER = re.compile(r"[=:(){}<>;'\[\]@/$]")
_NOT_SEMICOLON_CSV_HEADER = re.compile(r"[=:(){}<>'\[\]@/$]")
_CSV_CELL_VALUE = re.compile(r"[ \t]*(?P<q>\\?\"|)(?P<value>(?:[^\"\\\n]|\"\"|\\[^\"n])*?)(?P=q)[ \t]*")


def find_csv_secrets(text: str) -> list[Redaction]:
    """Passwords in the rows of a comma- or tab-separated table whose header names a password's column."""
    found: list[Redaction] = []
    done = -1
    for at in literal_positions(text, CSV_SECRET_LITERALS):
        if at < done:
            continue
        start, end = line_at(text, at)
        done = end
        body = line_body(text, start, end)
        header = text[body:end]
        separator = "\t" if "\t" in header else "\\t" if "\\t" in header else ","
        if separator == "," and "," not in header and semicolon_separated(header):
            separator = ";"  # (a spreadsheet's export in many locales)
        if header.count(separator) < 2 or (
            _NOT_SEMICOLON_CSV_HEADER if separator == ";" else _NOT_CSV_HEADER
        ).search(header):
            continue  # fewer than three cells, or what no header holds: most lines that say "password"
        cells = line_cells(text, body, end, separator)
        names = [_NAME_CELL.fullmatch(text, a, b) for a, b in cells]
        if any(name is None for name in names):
            continue  # a cell that names no column: no header
        columns = {
            index: sense
            for index, name in enumerate(names)
            if name is not None
            and (sense := classify_name(name.group("name"))) is not None
            and sense.kind == "password"
            and sense.strong
        }
        if not columns:
            continue
        for row_start, row_end in lines_after(text, end):
            row_body = line_body(text, row_start, row_end) if body > start else row_start
            row = line_cells(text, row_body, row_end, separator)
            if len(row) != len(cells):
                break
            done = row_end  # a row is no header of its own: each line is read once
            for index, sense in columns.items():
                cell = _CSV_CELL_VALUE.fullmatch(text, *row[index])
                value = cell.group("value") if cell is not None else ""
                if value and judge_value(value, "password", sense, quoted=True, env_style=False) == "redact":
                    found.append(redact(cell.start("value"), cell.end("value"), sense.kind))  # type: ignore[union-attr]
    return found
