"""CI systems' own words that a value is a secret: GitHub Actions' `::add-mask::VALUE`, Azure Pipelines'
`##vso[task.setvariable ...]` (a secret-named variable, or `issecret=true`) and its debug log of an expression's
result, TeamCity's `##teamcity[setParameter ...]` of a secret-named parameter.
"""

from __future__ import annotations

import re

from client_actors.scrub._core import Redaction, Rule
from client_actors.scrub._names import classify_name
from client_actors.scrub._tools import redact_value

# GitHub Actions' `::add-mask::VALUE` asks the runner to hide a value in the log from then on: it is a secret by
# the workflow's own word (the command's line itself is printed when debug logging is on).
ADD_MASK = Rule(
    "actions-add-mask",
    re.compile(r"::add-mask::(?P<value>[^\s\\\"']{4,4096})"),
    lambda m: redact_value(m, "secret"),
    "::add-mask::",
)

# CI systems' logging commands that set a variable, and their debug logs that print one: the variable's name
# says what the value is (`issecret=true` says it outright).
# Azure Pipelines: `##vso[task.setvariable variable=registryPassword;isoutput=true]VALUE`.
_VSO_SET = re.compile(
    r"##vso\[task\.setvariable[ \t]+(?P<props>[^\]\n]{1,400})\](?P<value>[^\s\\\"']{4,4096})"
)


def _handle_vso_set(match: re.Match[str]) -> Redaction | None:
    props = dict(
        (key.strip().lower(), value.strip())
        for key, _, value in (part.partition("=") for part in match.group("props").split(";"))
    )
    name = props.get("variable", "")
    if props.get("issecret", "").lower() != "true" and classify_name(name) is None:
        return None
    return redact_value(match, "secret")


VSO_SET_VARIABLE = Rule("vso-set-variable", _VSO_SET, _handle_vso_set, "##vso[task.setvariable")

# Azure Pipelines' debug log of an expression: `##[debug]Evaluating: variables['registry.password']`, then
# `##[debug]Result: 'VALUE'` (up to a few lines later).
_VSO_RESULT = re.compile(
    r"##\[debug\]Evaluating:[^\n]{0,200}?variables\[\\?'(?P<name>[^'\\\n]{1,128})\\?'\][^\n]{0,80}"
    r"(?:(?:\r?\n|\\r\\n|\\n)[^\n]{0,200}?){1,4}?##\[debug\]Result:[ \t]*\\?'(?P<value>[^'\\\n]{4,4096})\\?'"
)


def _handle_vso_result(match: re.Match[str]) -> Redaction | None:
    return redact_value(match, "secret") if classify_name(match.group("name")) is not None else None


VSO_DEBUG_RESULT = Rule("vso-debug-result", _VSO_RESULT, _handle_vso_result, "##[debug]Evaluating")

# TeamCity: `##teamcity[setParameter name='env.SONAR_TOKEN' value='VALUE']`.
_TEAMCITY_SET = re.compile(
    r"##teamcity\[setParameter[ \t]+name=\\?'(?P<name>[^'\\\n]{1,128})\\?'"
    r"[ \t]+value=\\?'(?P<value>[^'\\\n]{4,4096})\\?'"
)


def _handle_teamcity(match: re.Match[str]) -> Redaction | None:
    name = match.group("name").rpartition(".")[2]
    return redact_value(match, "secret") if classify_name(name) is not None else None


TEAMCITY_SET_PARAMETER = Rule(
    "teamcity-set-parameter", _TEAMCITY_SET, _handle_teamcity, "##teamcity[setParameter"
)

CI_RULES = (ADD_MASK, VSO_SET_VARIABLE, VSO_DEBUG_RESULT, TEAMCITY_SET_PARAMETER)
CI_LITERALS: dict[str, tuple[str, ...]] = {
    "actions-add-mask": ("::add-mask::",),
    "vso-set-variable": ("##vso[task.setvariable",),
    "vso-debug-result": ("##[debug]Evaluating",),
    "teamcity-set-parameter": ("##teamcity[setParameter",),
}
