"""A name and a value that a structure pairs without an assignment's syntax, where the name says what the
value is: CloudFormation's parameters, Spring's logs of a form and of a resolved property, Django's settings
dump."""

from __future__ import annotations

import re

from client_actors.scrub._core import Redaction, Rule, run_start
from client_actors.scrub._names import classify_name, is_placeholder
from client_actors.scrub._tools import redact_value

# Names and values that a structure pairs, where the name says what the value is:
# CloudFormation's `{"ParameterKey": "MasterUserPassword", "ParameterValue": "..."}` (and the CLI's
# `ParameterKey=...,ParameterValue=...`), Spring's debug log of a form (`password=[...]`) and of a resolved
# property (`Property 'app.jwt.signing-secret' resolved to '...'`), Django's settings dump (`NAME<TAB>'...'`).
_CFN_PARAMETER = re.compile(
    r"ParameterKey\\?\"?[ \t]*[:=][ \t]*\\?\"?(?P<name>[A-Za-z0-9_]{1,128})\\?\"?[ \t]*,[ \t]*"
    r"\\?\"?ParameterValue\\?\"?[ \t]*[:=][ \t]*(?:\\?\"(?P<dq>[^\"\\\n]{1,4096})\\?\"|(?P<bare>[^\s,\"\\]{1,4096}))"
)
# Found from its "=[" (a pattern that starts with a class is tried at every position); the name before it is read
# back by the handler: a run of `_NAME_BACK`'s characters, up to 81, the first an ASCII letter or "_".
_BRACKETED = re.compile(r"=(?<=[\w.\-]=)\[(?P<value>[^\]\[\n,\\]{4,1024})\]")
_NAME_BACK = re.compile(r"[\w.\-]{1,82}")
_NAME_FIRST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")
_RESOLVED = re.compile(
    r"[Pp]roperty \\?'(?P<name>[\w.\-\[\]]{1,200})\\?' resolved to \\?'(?P<value>[^'\\\n]{1,4096})\\?'"
)
_SETTINGS_DUMP = re.compile(
    r"(?:(?<!\w)|(?<=\\n))(?P<name>[A-Z][A-Z0-9_]{2,80})(?:\t|\\t)+"
    r"(?:'(?P<sq>[^'\\\n]{4,4096})'|\\'(?P<esq>[^'\\\n]{4,4096})\\')"
)


def _last_part_sense(name: str) -> str | None:
    sense = classify_name(name.rpartition(".")[2])
    return None if sense is None else sense.kind


def _handle_cfn(match: re.Match[str]) -> Redaction | None:
    kind = _last_part_sense(match.group("name"))
    group = "dq" if match.group("dq") is not None else "bare"
    return None if kind is None else redact_value(match, kind, group)


def _handle_pair(match: re.Match[str]) -> Redaction | None:
    kind = _last_part_sense(match.group("name"))
    return None if kind is None else redact_value(match, kind)


def _handle_settings_dump(match: re.Match[str]) -> Redaction | None:
    kind = _last_part_sense(match.group("name"))
    group = "sq" if match.group("sq") is not None else "esq"
    return None if kind is None else redact_value(match, kind, group)


CFN_PARAMETER = Rule("cfn-parameter", _CFN_PARAMETER, _handle_cfn, "ParameterValue")


def _handle_bracketed(match: re.Match[str]) -> Redaction | None:
    equals = match.start()
    name = match.string[run_start(match.string, equals, _NAME_BACK, 82) : equals]
    if len(name) > 81 or name[0] not in _NAME_FIRST:
        return None  # a run too long for a name, or one that starts as no name does
    if is_placeholder(f"[{match.group('value')}]"):
        return None  # `CI_JOB_TOKEN=[MASKED]`: a CI's mask, not a value
    kind = _last_part_sense(name)
    return None if kind is None else redact_value(match, kind)


BRACKETED_PAIR = Rule("bracketed-pair", _BRACKETED, _handle_bracketed, "=[")
RESOLVED_PROPERTY = Rule("resolved-property", _RESOLVED, _handle_pair, " resolved to ")
SETTINGS_DUMP = Rule("settings-dump", _SETTINGS_DUMP, _handle_settings_dump)

PAIR_RULES = (CFN_PARAMETER, BRACKETED_PAIR, RESOLVED_PROPERTY, SETTINGS_DUMP)
PAIR_LITERALS: dict[str, tuple[str, ...]] = {
    "cfn-parameter": ("ParameterValue",),
    "bracketed-pair": ("=[",),
    "resolved-property": (" resolved to ",),
    "settings-dump": ("\t'", "\\t'", "\t\\'", "\\t\\'"),
}
