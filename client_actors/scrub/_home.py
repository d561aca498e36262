"""Home directories: ``/home/alice/x``, ``/Users/bob/x`` and ``C:\\Users\\carol\\x`` become ``~/x``.

The user name is personal, the rest of the path is what the data is about, so only the prefix
goes. A name seen in a home path is then also redacted where it appears on its own in the same
text (``ls -l`` owners, ``chown alice:staff``), except for generic account names.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from client_actors.scrub._core import WORD, Redaction, disjoint, ends_word, starts_word, token

NOT_USERS = frozenset({"Shared", "Public", "Default", "Guest", "All Users", "Default User"})
# Accounts that name a role or an image, not a person; echoing these would eat ordinary words.
GENERIC_ACCOUNTS = frozenset(
    {
        "root", "admin", "administrator", "user", "users", "ubuntu", "debian", "centos", "fedora",
        "ec2-user", "runner", "vagrant", "dev", "developer", "test", "tester", "app", "apps", "node",
        "www-data", "git", "guest", "shared", "public", "default", "circleci", "jenkins", "build",
        "builder", "docker", "vscode", "codespace", "codespaces", "gitpod", "coder", "home", "nobody",
        "me", "pi", "sandbox", "work", "workspace", "project", "projects", "src", "code", "opt", "tmp",
        "local", "bin", "lib", "redacted", "www", "web", "staging", "production", "dist", "node_modules",
        "deploy", "deployer", "ops", "devops", "ci", "service", "svc", "backup", "postgres", "mysql", "oracle",
        "ansible", "azureuser", "opc", "rocky", "alpine", "kali", "jovyan",
    }
)  # fmt: skip

_NAME = r"[\w.\-]{1,64}"  # Unicode: /home/josé is josé's
# A file right under /home (`/home/index.js`, `/home/.gitignore`, as module resolution lists them) is no home.
_FILE_NAME = r"(?!\.|[\w.\-]*\.(?:js|mjs|cjs|json|ts|py|md|txt|ya?ml|html|css|sh|log|gitignore)(?![\w.\-]))"
_POSIX_HOME = re.compile(rf"/(?:mnt/[a-z]/Users|home|Users)/{_FILE_NAME}(?P<user>{_NAME})(?![\w.\-])")
# A Windows user name may contain spaces ("C:\Users\Jane Doe\x"); it then runs to the next separator.
_WINDOWS_HOME = re.compile(
    rf":(?P<sep>\\+|/)(?:Users|users|USERS)(?P=sep)"
    rf"(?:(?P<user>{_NAME}(?: {_NAME}){{0,3}}?)(?P<tail>(?P=sep))|(?P<single>{_NAME})(?![\w.\-]))"
)
_POSIX_BEFORE = WORD | {".", "~", "-"}
# A whole-word echo of a user name; "[" and "]" keep names that are also token kinds out of tokens.
_ECHO_EDGE = WORD | {".", "-", "[", "]"}


# A shell's prompt names its user and host as bash's defaults write them: `alice@build-01:~/src$ ` (Debian's, a home
# or a path under it after the colon), `[alice@build-01 src]$ ` (Fedora's), at a line's start or after a blank, a
# quote or a wrapper's lead (never glued to a token, so a second scrub reads what the first did). The user goes, as a
# home path's does.
_USER = r"[a-z_][a-z0-9_\-]{0,31}"
_HOST = r"[A-Za-z0-9][A-Za-z0-9.\-]{0,62}"
# Found from the host after "@" (a literal: a pattern that starts with a class is tried at every character), then
# the user read back. Possessive: neither the host nor the tail gives back what it read, so an "@" costs one reading.
_PROMPT_HOST = re.compile(
    rf"@{_HOST}+(?P<tail>:~[^\s$#]{{0,200}}+|[ \t][^\]\[@\n]{{1,80}}+\])[$#](?=[ \t]|\r?\n|\\n|$)"
)
_PROMPT_USER = re.compile(rf"(?:(?<=\\n)|(?<![^\s\"'`+\u2192|>]))(?P<open>\[?)(?P<user>{_USER})\Z")
PROMPT_LITERALS = (":~", "]$", "]#")


def _prompts(text: str) -> list[tuple[Redaction, str]]:
    found = []
    host = _PROMPT_HOST.search(text)
    while host is not None:
        user = _PROMPT_USER.search(text, max(0, host.start() - 33), host.start())
        # A bracket before the user where the prompt closes one, none where it ends in its path; an "@" that is no
        # prompt's may stand before one that is.
        if user is None or bool(user.group("open")) == host.group("tail").startswith(":~"):
            host = _PROMPT_HOST.search(text, host.start() + 1)
            continue
        name = user.group("user")
        # (`root@db-01:~#`, `ubuntu@ip-10-0-1-5:~$`: a role's account, no one's)
        if name not in GENERIC_ACCOUNTS:
            found.append((Redaction(*user.span("user"), "username", token("username")), name))
        host = _PROMPT_HOST.search(text, host.end())
    return found


def _posix_homes(text: str) -> list[tuple[Redaction, str]]:
    found = []
    for match in _POSIX_HOME.finditer(text):
        user = match.group("user")
        if user not in NOT_USERS and starts_word(text, match.start(), _POSIX_BEFORE):
            found.append((Redaction(match.start(), match.end(), "home-path", "~"), user))
    return found


def _windows_homes(text: str) -> list[tuple[Redaction, str]]:
    found = []
    for match in _WINDOWS_HOME.finditer(text):
        drive = match.start() - 1
        user = match.group("user") or match.group("single")
        if drive < 0 or not text[drive].isascii() or not text[drive].isalpha() or user in NOT_USERS:
            continue
        if starts_word(text, drive, WORD):
            replacement = "~/" if match.group("tail") else "~"
            found.append((Redaction(drive, match.end(), "home-path", replacement), user))
    return found


def _echoes(text: str, name: str) -> list[Redaction]:
    # str.find rather than a regex compiled per name: names differ in every text.
    found = []
    index = text.find(name)
    while index >= 0:
        end = index + len(name)
        if starts_word(text, index, _ECHO_EDGE) and ends_word(text, end, _ECHO_EDGE):
            found.append(Redaction(index, end, "username", token("username")))
        index = text.find(name, end)
    return found


def find_homes(text: str) -> tuple[list[Redaction], set[str]]:
    """Return the home-directory prefixes in ``text`` (replaced by ``~``), in order and disjoint, and
    the user names they hold that are also redacted where they stand alone."""
    if "sers" not in text and "SERS" not in text and "/home/" not in text and "@" not in text:
        return [], set()  # every home path names one of these, and every prompt an "@"
    return find_homes_in(text)


def find_homes_in(text: str) -> tuple[list[Redaction], set[str]]:
    """`find_homes`, for a text already known to hold "sers", "SERS", "/home/" or a prompt's literal."""
    # Windows first: "C:/Users/bob" is also "/Users/bob" to the POSIX pattern. Both patterns start
    # with a literal (":" and "/"); a Windows home also needs ":\\" or ":/" (a drive), which most texts
    # lack, and two substring tests cost less than the scan for every ":".
    windows = _windows_homes(text) if ":\\" in text or ":/" in text else []
    posix = _posix_homes(text)
    # (a prompt's pattern finds its "@" at C speed: cheaper than testing the prompts' literals first)
    prompts = _prompts(text)
    if not windows and not prompts:  # the usual case: one pattern's matches, already in order and disjoint
        found, users = [item for item, _ in posix], {user for _, user in posix}
    else:
        candidates = [*windows, *posix, *prompts]
        found = disjoint(item for item, _ in candidates)
        kept = {(item.start, item.end) for item in found}
        users = {user for item, user in candidates if (item.start, item.end) in kept}
    return found, {name for name in users if len(name) >= 3 and name.lower() not in GENERIC_ACCOUNTS}


def with_echoes(text: str, homes: list[Redaction], names: Collection[str]) -> list[Redaction]:
    """Return ``homes`` (from `find_homes`) and the whole-word occurrences of ``names`` in ``text``
    (redacted), in order and disjoint."""
    found = homes
    # Longest name first, so that a name inside a longer one already redacted is not found again.
    for name in sorted(names, key=lambda name: (-len(name), name)):
        found = disjoint([*found, *_echoes(text, name)])
    return found


def find_home_paths(text: str) -> list[Redaction]:
    """Return the home-directory prefixes in ``text`` (replaced by ``~``) and the other whole-word
    occurrences of their users' names (redacted), in order and disjoint."""
    homes, names = find_homes(text)
    return with_echoes(text, homes, names) if names else homes
