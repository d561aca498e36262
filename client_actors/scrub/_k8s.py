"""Kubernetes Secret manifests: every value under `data:` or `stringData:` goes, whatever its name.

A Secret's keys are free-form (`database-url`, `.dockerconfigjson`, `relay`), so no name says what is
secret: the manifest's `kind` does. The rule finds `kind: Secret` (YAML, or `"kind": "Secret"` in JSON),
takes the document around it (YAML documents end at `---`; `kubectl` prints `data:` before `kind:`), and
redacts the values of its `data` and `stringData` maps. A ConfigMap's `data:` is not touched.
Manifests often arrive inside JSON-escaped transcript text, where a line ends in a literal ``\\n``.
"""

from __future__ import annotations

import base64
import bisect
import re

import attrs

from client_actors.scrub._core import Redaction, Rule, redact
from client_actors.scrub._judge import STAMP_LEAD
from client_actors.scrub._names import is_placeholder

_KIND = re.compile(r"kind\\?[\"']?[ \t]*:[ \t]*\\?[\"']?Secret(?![A-Za-z0-9])")
_NEWLINE = re.compile(r"\r?\n|\\(?:r\\)?n")
WINDOW = 4096  # how far from `kind: Secret` a manifest's maps are looked for

# YAML: a `data:` or `stringData:` line (found from its "ata" by str.find), then its more-indented
# `key: value` lines.
_YAML_MAP = re.compile(r"(?P<indent>[ \t]*)(?:data|stringData)[ \t]*:[ \t]*(?=\r?\n|\\(?:r\\)?n)")
# A line starts after a newline, or where a JSON string that holds the manifest opens (`"content": "data:`);
# a numbered read's number (`  12→`, `12\t`), a diff's sign or a log's timestamp may come first, and is no indentation.
_LEAD = rf"(?:[ \t]*[0-9]{{1,7}}(?:→|\\u2192|\t|\\t)|[+\-](?![+\-])|{STAMP_LEAD})?"
_LINE_START = re.compile(r"(?:\n|\\n|[:\[,][ \t]?\"|\A)" + _LEAD + r"(?P<indent>[ \t]*)\Z")
_ENTRY_LEAD = re.compile(_LEAD)
_YAML_ENTRY = re.compile(
    r"(?P<indent>[ \t]+)(?P<key>[^\s:\"'][^:\n\\]{0,252}|\"[^\"\n\\]{1,253}\"|'[^'\n]{1,253}')[ \t]*:[ \t]*"
    r"(?:\\?\"(?P<dq>[^\"\n\\]{1,65536})\\?\"|'(?P<sq>[^'\n]{1,65536})'|(?P<bare>[^\s\"'#|>][^\s\\]{0,65535}))"
)
# A bare value's end that closes the JSON string holding the manifest (`...secret"}`).
_JSON_STRING_END = re.compile(r"\"[}\],]*\Z")
_BLANK_OR_COMMENT = re.compile(r"[ \t]*(?:#[^\n\\]*)?(?=\r?\n|\\(?:r\\)?n)")
# JSON: "data": { "key": "value", ... }
_JSON_MAP = re.compile(r"\\?\"(?:data|stringData)\\?\"[ \t]*:[ \t]*\{")
_JSON_ENTRY = re.compile(
    r"[ \t\r\n]*(?:\\[rn])*[ \t]*\\?\"(?P<key>[^\"\\]{1,253})\\?\"[ \t]*:[ \t]*"
    r"\\?\"(?P<value>[^\"\\]{1,65536})\\?\"[ \t]*,?"
)


def find_k8s_secrets(text: str) -> list[Redaction]:
    """Return the redactions of the values of every Secret manifest's data in ``text``, in order."""
    if "Secret" not in text:
        return []
    found: dict[int, Redaction] = {}
    done = -1  # the end of the last document looked at: each is looked at once
    for kind in _KIND.finditer(text):
        if kind.start() < done:
            continue
        start, done = _document(text, kind.start(), kind.end())
        for item in (*_yaml_values(text, start, done), *_json_values(text, start, done)):
            found.setdefault(item.start, item)
    return [found[key] for key in sorted(found)]


def _document(text: str, kind_start: int, kind_end: int) -> tuple[int, int]:
    """The span of the manifest around `kind: Secret`: up to the `---` lines around it, within WINDOW."""
    floor, ceiling = max(0, kind_start - WINDOW), min(len(text), kind_end + WINDOW)
    start = max(text.rfind("\n---", floor, kind_start), text.rfind("\\n---", floor, kind_start))
    ends = [
        at
        for at in (text.find("\n---", kind_end, ceiling), text.find("\\n---", kind_end, ceiling))
        if at >= 0
    ]
    return (start + 1 if start >= 0 else floor), (min(ends) if ends else ceiling)


def _yaml_values(text: str, start: int, end: int) -> list[Redaction]:
    found = []
    at = text.find("ata", start, end)
    while at >= 0:
        line = _map_line(text, at, start)
        if line is not None:
            found += _entries(text, line, end)
        at = text.find("ata", at + 3, end)
    return found


def _map_line(text: str, at: int, floor: int) -> re.Match[str] | None:
    """The `data:`/`stringData:` line whose "ata" is at ``at``, if that is what it is."""
    name_start = at - 1 if text[at - 1 : at] == "d" else at - 7
    if name_start < floor or text[name_start : at + 3] not in ("data", "stringData"):
        return None
    line_start = name_start
    while line_start > floor and text[line_start - 1] in " \t":
        line_start -= 1
    if line_start > floor:  # the line's lead (64 characters at most), then the map's indentation
        lead = _LINE_START.search(text, max(floor, line_start - 64), name_start)
        if lead is None:
            return None
        line_start = lead.start("indent")  # a timestamp's lead ends in a blank: the rest is indentation
    return _YAML_MAP.match(text, line_start)


def _entries(text: str, block: re.Match[str], end: int) -> list[Redaction]:
    found = []
    outer = len(block.group("indent"))
    position = block.end()
    while position < end:
        newline = _NEWLINE.match(text, position, end)
        if newline is None:
            break
        lead = _ENTRY_LEAD.match(text, newline.end(), end)
        line = lead.end() if lead is not None else newline.end()
        skipped = _BLANK_OR_COMMENT.match(text, line, end)
        if skipped is not None:  # a blank line or a comment inside the map
            position = skipped.end()
            continue
        entry = _YAML_ENTRY.match(text, line, end)
        if entry is None or len(entry.group("indent")) <= outer:
            break
        group = next(g for g in ("dq", "sq", "bare") if entry.group(g) is not None)
        value, value_end = entry.group(group), entry.end(group)
        if group == "bare" and (closing := _JSON_STRING_END.search(value)) is not None:
            value, value_end = (
                value[: closing.start()],
                value_end - len(closing.group()),
            )  # the JSON string ends
        if value and not is_placeholder(value) and not _says_no_secret(entry.group("key"), value):
            found.append(redact(entry.start(group), value_end, "secret"))
        position = entry.end()
    return found


# A service account token's Secret holds the namespace it was issued in beside the token (`namespace:
# ZGVmYXVsdA==`, "default"): a name, in base64 under `data` or as written under `stringData`. (And what
# `_DESCRIPTIVE_KEYS` say, as written.)
_NAMESPACE_NAME = re.compile(r"[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?")
# What an Argo CD repository's Secret says beside its credentials, in the clear: the repository's kind (`type: git`)
# and where it is (`url: git@github.com:acme/fleet.git`, a URL with no password in it).
_DESCRIPTIVE_KEYS = {
    "type": re.compile(r"[a-z]{2,16}"),
    "url": re.compile(
        r"(?:[a-z][a-z0-9+.\-]{0,20}://(?:[^\s:/@]{1,64}@)?|[\w.\-]{1,64}@)[A-Za-z0-9.\-]{1,253}(?::[0-9]{1,5})?"
        r"(?:[/:][^\s@]*)?"
    ),
}


def _says_no_secret(key: str, value: str) -> bool:
    key = key.strip("\"'")
    if key in _DESCRIPTIVE_KEYS:
        return _DESCRIPTIVE_KEYS[key].fullmatch(value) is not None
    if key != "namespace":
        return False
    if _NAMESPACE_NAME.fullmatch(value):
        return True
    try:
        plain = base64.b64decode(value, validate=True).decode("ascii")
    except ValueError:
        return False
    return _NAMESPACE_NAME.fullmatch(plain) is not None


def _json_values(text: str, start: int, end: int) -> list[Redaction]:
    found = []
    for block in _JSON_MAP.finditer(text, start, end):
        position = block.end()
        while position < end:
            entry = _JSON_ENTRY.match(text, position, end)
            if entry is None:
                break
            value = entry.group("value")
            if not is_placeholder(value) and not _says_no_secret(entry.group("key"), value):
                found.append(redact(entry.start("value"), entry.end("value"), "secret"))
            position = entry.end()
    return found


# `kubectl get secret NAME -o jsonpath='{.data.password}'` (or a go-template reading `.data`) prints one
# value on the next line: base64, or the secret itself when piped through `base64 -d`. The line goes whole.
# The word-start check on `oc` comes after it, so that both branches start with a literal: `re` then skips
# to the next "k" or "o" instead of trying the whole pattern at every position.
_DATA_OUTPUT = re.compile(
    r"(?:kubectl|oc(?<![\w\-]oc))(?P<head>[^\n]{0,800}?)(?:\{\.data|\{\{[ \t]*(?:\.data|index[ \t]+\.data))"
    r"(?P<command>[^\n]{0,400}?)(?:\r?\n|\\(?:r\\)?n)(?:(?P<raw>[A-Za-z0-9+/]{4,65536}={0,2})(?=\r?\n|\\(?:r\\)?n|\\?\"|$)"
    r"|(?P<plain>(?![$#>][ \t])[^\s\\\"][^\n\\\"]{0,4095}))"
)


_READS_SECRET = re.compile(r"[ \t]secrets?[ \t/]")


def _handle_data_output(match: re.Match[str]) -> Redaction | None:
    if not _READS_SECRET.search(match.group("head")):
        return None
    if match.group("raw") is not None:
        value, start, end = match.group("raw"), match.start("raw"), match.end("raw")
    elif "base64" in match.group("command"):  # decoded: whatever the line holds
        value, start, end = match.group("plain"), match.start("plain"), match.end("plain")
    else:
        return None
    return None if is_placeholder(value) else redact(start, end, "secret")


K8S_DATA_OUTPUT = Rule("k8s-data-output", _DATA_OUTPUT, _handle_data_output, ".data")


# `kubectl get secret NAME -o yaml | grep password`, `kubectl describe`-like tools and scripts that print a
# Secret's data without its `kind:` line: a `key: value` line whose value is the base64 of printable text,
# below a command that read a Secret (and above the next prompt).
_OUTPUT_LINE = re.compile(
    r":[ \t]+(?P<quote>\\?\")?(?P<value>(?:[A-Za-z0-9+/]{4}){2,16384}"
    r"(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?)(?(quote)\\?\",?[ \t]*)(?=\r?\n|\\(?:r\\)?n|\\?\"|$)"
)
_SECRET_COMMAND = re.compile(r"kubectl[^\n]{0,200}?[ \t]secrets?\b")
_PROMPT = re.compile(r"(?:^|\n|\\n)[ \t]*(?:\$|#|>|PS [^>\n]{0,80}>)[ \t]")


def _decodes_to_text(value: str) -> bool:
    try:
        plain = base64.b64decode(value, validate=True).decode("utf-8")
    except ValueError:
        return False
    return plain.isprintable() or all(c.isprintable() or c in "\n\r\t" for c in plain)


@attrs.frozen
class _Commands:
    """Where a text's Secret-reading commands and prompts are, found once for all of its candidate lines."""

    text: str
    commands: tuple[int, ...]  # the end of each command's line
    prompts: tuple[int, ...]


_last: list[_Commands] = []  # the text the previous candidate came from (a memo: the result is the same)


def _commands_of(text: str) -> _Commands:
    if _last and _last[0].text is text:
        return _last[0]
    ends = []
    for command in _SECRET_COMMAND.finditer(text):
        line_end = _NEWLINE.search(text, command.end())
        ends.append(line_end.start() if line_end else len(text))
    found = _Commands(text, tuple(ends), tuple(m.end() for m in _PROMPT.finditer(text)))
    _last[:] = [found]
    return found


# (a key of `-o yaml`, or a quoted one of `-o json` and `jq .data`)
_KEY_BEFORE = re.compile(
    r"(?:\r?\n|\\(?:r\\)?n)" + _LEAD + r"[ \t]*(?:\\?\")?(?P<key>[A-Za-z0-9_.\-]{1,253})(?:\\?\")?\Z"
)


def _handle_output_line(match: re.Match[str]) -> Redaction | None:
    text, at = match.string, match.start()
    key = _KEY_BEFORE.search(text, max(0, at - 270), at)
    if key is None:
        return None  # the line is `key: value`, nothing before the key
    seen = _commands_of(text)
    index = bisect.bisect_right(seen.commands, at) - 1
    if index < 0 or at - seen.commands[index] > WINDOW:
        return None
    after = bisect.bisect_right(seen.prompts, seen.commands[index])
    if after < len(seen.prompts) and seen.prompts[after] <= at:
        return None  # another command ran since
    value = match.group("value")
    if is_placeholder(value) or not _decodes_to_text(value) or _says_no_secret(key.group("key"), value):
        return None
    return redact(match.start("value"), match.end("value"), "secret")


K8S_OUTPUT_LINE = Rule("k8s-output-line", _OUTPUT_LINE, _handle_output_line, "kubectl")
