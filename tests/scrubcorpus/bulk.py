"""Bulk technical text: the ordinary code, logs, diffs and lockfiles most agent output consists of.

`benign` packs an edge case into nearly every line, which is right for the keep-rate but is not
what a day of agent output looks like; the throughput figure is taken on this bulk text with the
edge-case and secret documents mixed in.
"""

from __future__ import annotations

import base64
import random
from collections.abc import Callable

from tests.scrubcorpus.fakes import HEX, chars

NOUNS = [
    "user",
    "order",
    "item",
    "cache",
    "request",
    "session",
    "config",
    "result",
    "buffer",
    "node",
    "batch",
]
VERBS = ["load", "parse", "build", "fetch", "update", "render", "validate", "merge", "flush", "resolve"]
MODULES = [
    "os",
    "re",
    "json",
    "time",
    "typing",
    "pathlib",
    "logging",
    "itertools",
    "functools",
    "dataclasses",
]


def _name(rng: random.Random) -> str:
    return f"{rng.choice(VERBS)}_{rng.choice(NOUNS)}"


def _function(rng: random.Random) -> str:
    name, noun = _name(rng), rng.choice(NOUNS)
    body = [
        f"def {name}({noun}s: list[dict[str, object]], limit: int = {rng.randrange(1, 500)}) -> list[str]:",
        f'    """{rng.choice(VERBS).capitalize()} the {noun}s and return their ids."""',
        "    out: list[str] = []",
        f"    for index, {noun} in enumerate({noun}s):",
        "        if index >= limit:",
        "            break",
        f"        key = str({noun}.get('id', index))",
        f"        if {noun}.get('{rng.choice(NOUNS)}') is None:",
        f"            logger.debug('skipping %s (%d of %d)', key, index, len({noun}s))",
        "            continue",
        "        out.append(key)",
        "    return sorted(out, key=len)",
        "",
    ]
    return "\n".join(body)


def python_module(rng: random.Random) -> str:
    header = [f"import {module}" for module in rng.sample(MODULES, 4)]
    functions = [_function(rng) for _ in range(rng.randrange(6, 12))]
    return "\n".join([*header, "", "logger = logging.getLogger(__name__)", "", *functions]) + "\n"


def application_log(rng: random.Random) -> str:
    lines = []
    for _ in range(rng.randrange(60, 120)):
        stamp = f"2024-05-{rng.randrange(1, 29):02d} {rng.randrange(24):02d}:{rng.randrange(60):02d}:"
        stamp += f"{rng.randrange(60):02d},{rng.randrange(1000):03d}"
        level = rng.choice(["INFO", "INFO", "INFO", "DEBUG", "WARNING"])
        lines.append(
            f"{stamp} {level:7s} {rng.choice(MODULES)}.{rng.choice(NOUNS)}: {rng.choice(VERBS)}ed "
            f"{rng.randrange(1, 5000)} {rng.choice(NOUNS)}s in {rng.random() * 400:.1f} ms "
            f"(GET /api/v2/{rng.choice(NOUNS)}s/{rng.randrange(10**5)} -> {rng.choice([200, 200, 201, 404])})"
        )
    return "\n".join(lines) + "\n"


def unified_diff(rng: random.Random) -> str:
    path = f"src/{rng.choice(NOUNS)}/{_name(rng)}.py"
    lines = [f"diff --git a/{path} b/{path}", f"index {chars(rng, HEX, 7)}..{chars(rng, HEX, 7)} 100644"]
    lines += [
        f"--- a/{path}",
        f"+++ b/{path}",
        f"@@ -{rng.randrange(1, 400)},12 +{rng.randrange(1, 400)},14 @@",
    ]
    for line in _function(rng).splitlines():
        lines.append(rng.choice([" ", " ", " ", "+", "-"]) + line)
    return "\n".join(lines) + "\n"


def lockfile(rng: random.Random) -> str:
    entries = []
    for _ in range(rng.randrange(15, 30)):
        name = f"{rng.choice(NOUNS)}-{rng.choice(VERBS)}"
        version = f"{rng.randrange(10)}.{rng.randrange(30)}.{rng.randrange(20)}"
        digest = base64.b64encode(rng.randbytes(64)).decode()
        entries.append(
            f'    "node_modules/{name}": {{\n      "version": "{version}",\n'
            f'      "resolved": "https://registry.npmjs.org/{name}/-/{name}-{version}.tgz",\n'
            f'      "integrity": "sha512-{digest}",\n      "dev": {rng.choice(["true", "false"])}\n    }},'
        )
    return '{\n  "lockfileVersion": 3,\n  "packages": {\n' + "\n".join(entries) + "\n  }\n}\n"


def pytest_output(rng: random.Random) -> str:
    lines = []
    for _ in range(rng.randrange(40, 90)):
        test = f"tests/test_{rng.choice(NOUNS)}.py::test_{_name(rng)}[{rng.randrange(100)}]"
        lines.append(
            f"{test} {rng.choice(['PASSED', 'PASSED', 'PASSED', 'SKIPPED'])}  [{rng.randrange(100):3d}%]"
        )
    return "\n".join(lines) + "\n"


GENERATORS: tuple[Callable[[random.Random], str], ...] = (
    python_module,
    application_log,
    unified_diff,
    lockfile,
    pytest_output,
)


def build_bulk(rng: random.Random, megabytes: float) -> list[str]:
    """Return bulk documents, cycling through the generators, until they hold ``megabytes``."""
    documents: list[str] = []
    size = 0
    while size < megabytes * 1e6:
        documents.append(GENERATORS[len(documents) % len(GENERATORS)](rng))
        size += len(documents[-1])
    return documents
