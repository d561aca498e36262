"""IP addresses that can locate a machine, a person or an organisation's network.

Decision on private ranges: RFC 1918 (10/8, 172.16/12, 192.168/16) and IPv6 unique-local (fc00::/7)
host addresses are REDACTED, as public ones are. An internal address maps an organisation's network: which
host runs the database, the VPN endpoint, the CI runner, what sits in which subnet; the same lines read
from many records piece that map together. An address redacted costs a log little of its sense (the token
says an address stood there). Carrier-grade NAT space (100.64/10) is redacted too: overlay VPNs hand out
stable per-device addresses there. Host names made of an address (EC2's ``ip-10-0-1-23.ec2.internal``,
``ec2-52-94-12-7.compute-1.amazonaws.com``) lose the address and keep the rest of the name.

Kept, because they name no one's machine: loopback, the unspecified address (0.0.0.0, ::), link-local,
broadcast and netmasks (255.x), documentation, benchmarking, multicast and reserved ranges, the anycast
addresses of the big public DNS resolvers, addresses of four equal octets (what examples write), and a
private network rather than a host: a private block in CIDR notation whose host part is zero
(``10.0.0.0/8``, ``192.168.0.0/16``, ``fd00:1:2::/48``) or a private address ending in ``.0`` (a route
table's destination), since the same few such blocks are every network's defaults.
"""

from __future__ import annotations

import bisect
import functools
import ipaddress
import re

from client_actors.scrub._core import ALNUM, Redaction, Rule, redact, starts_word
from client_actors.scrub._judge import LINE_LEAD

KEPT_V4_NETS = (
    "0.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16", "192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24",
    "198.18.0.0/15", "224.0.0.0/4", "240.0.0.0/4",
)  # fmt: skip
# RFC 1918, as (network, mask) integers.
PRIVATE_V4_NETS = tuple(
    (int(net.network_address), int(net.netmask))
    for net in map(ipaddress.IPv4Network, ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"))
)


def _kept_by_first_octet() -> dict[int, tuple[tuple[int, int], ...]]:
    """Index the kept networks by the first octets they cover, as (network, mask) integers."""
    index: dict[int, list[tuple[int, int]]] = {}
    for net in map(ipaddress.IPv4Network, KEPT_V4_NETS):
        first = int(net.network_address) >> 24
        for octet in range(first, first + max(1, net.num_addresses >> 24)):
            index.setdefault(octet, []).append((int(net.network_address), int(net.netmask)))
    return {octet: tuple(nets) for octet, nets in index.items()}


_KEPT_V4 = _kept_by_first_octet()
PUBLIC_RESOLVERS = frozenset(
    {"8.8.8.8", "8.8.4.4", "1.1.1.1", "1.0.0.1", "9.9.9.9", "149.112.112.112", "208.67.222.222"}
)
KEPT_V6 = tuple(
    ipaddress.IPv6Network(net) for net in ("::1/128", "::/128", "fe80::/10", "2001:db8::/32", "ff00::/8")
)
UNIQUE_LOCAL_V6 = ipaddress.IPv6Network("fc00::/7")
# The same resolvers' IPv6 addresses (Google, Cloudflare, Quad9).
PUBLIC_RESOLVERS_V6 = frozenset(
    ipaddress.IPv6Address(address)
    for address in (
        "2001:4860:4860::8888",
        "2001:4860:4860::8844",
        "2606:4700:4700::1111",
        "2606:4700:4700::1001",
        "2620:fe::fe",
    )
)
_DIGITS = frozenset("0123456789")
_V4_BEFORE = ALNUM | {"_", "."}
_HEX = frozenset("0123456789abcdefABCDEF")

# Anchored on the first dot, with a digit before it; the first octet is read back in the handler.
# The lookahead checks the other three octets, and the lookarounds then drop the commonest kept
# addresses (loopback, link-local, multicast and reserved, documentation, Google DNS)
# before they cost a handler call; the handler's range check remains the authority.
_OCTET = r"(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])"
_IPV4 = re.compile(
    rf"\.(?<=[0-9]\.)(?={_OCTET}\.{_OCTET}\.{_OCTET}(?![0-9A-Za-z_]|\.[0-9A-Za-z]))"
    r"(?<![^0-9]127\.)(?<![^0-9]0\.)(?<![^0-9]2[2-5][0-9]\.)"
    r"(?!(?<=[^0-9]169\.)254\.|(?<=[^0-9]198\.)51\.100\.|(?<=[^0-9]203\.)0\.113\.|(?<=[^0-9]8\.)8\.[48]\.8(?![0-9]))"
    r"[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}"
)
# Versions written in the same four-part shape: "version 4.0.0.1", "firmware 4.2.0.17", "build 10.0.19041.1",
# "pkg==1.2.3.4", "gem ~> 1.2.3.4".
# Known limit: an address written right after "name==" is read as a version and kept.
# Also a release named after its package ("V8 to 9.8.177.9", "v8@3.14.5.9", "Git 1.7.12.2"), and the
# numbers of a standard's sections and object identifiers ("section 4.2.2.13", "§4.2.3.2", "RFC 7540 8.1.2.4",
# "OID 1.3.101.110", `ObjectIdentifier("2.5.29.9")`), and what a change log says of a release ("fixed in 1.5.4.1").
_VERSION_BEFORE = re.compile(
    r"(?i:version(?:_?id)?|(?<![A-Za-z])ver\.?|release|firmware|\bfw|\bbuild|\bbios|\bkernel"
    r"|generator\\?[\"']?(?:>|[ \t]*[:=][ \t]*\\?[\"']|[ \t]+content=\\?[\"'])[\w.\-]{1,30}[ \t]+"  # (a generator's)
    r"|version\\?[\"'][ \t]+value=|\bVERS[ \t]+"  # (a property element's `name="ui.version" value=`; GEDCOM's)
    r"|(?:updated?|upgraded?|patch(?:ed)?|merged)(?:[ \t][\w.\-]{1,20})? to"
    r"|\bv8|\bgit|section|\bsec\.?|\boid|identifier|\bper|(?:fixed|broken|introduced) in|\bsince"
    r"|(?<!link )(?<!session )(?<!tunnel )\bup to"  # (a link's peer is an address: `FIAS link up to 10.1.2.3`)
    r"|(?:exported|generated|created|produced|written)[ \t]+(?:by|with)[ \t]+[\w.\-]{1,30}[ \t]+"  # (a tool's)
    r"|\brfc[ \t]?[0-9]{3,5})[ :=\"'>@(_\-.\\]*\Z|§[ \t]?\Z|[\w.\-][ \t]*(?:(?:[=<>~!]=|~>)[ \t]*|\^)\Z"
)
# What a `version()` call or query gives, on the line after it (`SELECT version()`, then `[('24.9.8.21',)]`), behind
# that line's lead; and what the line after a command that names a version prints (`cat firmware/VERSION`), or after
# a program's `--version`, behind the program's name (`acars-gw --version`, then `acars-gw 3.5.3.86`).
_VERSION_CALL_BEFORE = re.compile(
    r"(?:[Vv]ersion|VERSION)(?:\(\)[^\n]{0,24}|[^\n\\]{0,40})(?:\r?\n|\\n)(?:"
    + LINE_LEAD.pattern
    + r")[^\w\n]{0,12}\Z"
    + r"|(?<![\w.\-])(?P<program>[\w.\-]{1,40})[ \t]+--?version[ \t]*(?:\r?\n|\\n)(?:"
    + LINE_LEAD.pattern
    + r")(?P=program)[ \t]+(?:(?i:version)[ \t]+|v)?\Z"
)
# A broadcast address, as `ip addr` and ifconfig print it beside the interface's own (`brd 192.168.50.255`).
_BROADCAST_BEFORE = re.compile(r"(?:\bbrd|\bbroadcast|Bcast:)[ \t]*\Z")
# A key/value list's value under a version's key (ROS diagnostics: `- key: firmware_version` / `value: ...`), looked
# for only where a "value" key is right before the address.
_VERSION_VALUE = re.compile(
    r"(?i:version)\\?[\"']?[ \t]*(?:\r?\n|\\n)[^\n]{0,48}?(?i:value)\\?[\"']?[ \t]*[:=][ \t]*\\?[\"']?\Z"
)
# After a version: a pre-release or build suffix ("12.4.254.14-node.11", "1.2.3.4-rc.1"), or "release" or "export" (a
# tool's comment line: `# pospro 1.3.0.102 export`).
_VERSION_AFTER = re.compile(r"-[A-Za-z]|[ \t]+(?i:release|export)\b")
# Decimals on both sides, as in an SVG path's or a table's numbers.
_DECIMAL_BEFORE = re.compile(r"(?<![0-9.])[0-9]*\.[0-9]+[ ,]\Z")  # one decimal, not an address's end
_DECIMAL_AFTER = re.compile(r"[ ,]-?[0-9]*\.[0-9]")
# A numbered heading in HTML: right after a tag, and followed by its title (`<h4>7.1.1.1 SHA256</h4>`,
# `href="#MD5">7.1.3.1 <acronym>`).
_HEADING_AFTER = re.compile(r"\.?[ \t\xa0]+(?:[A-Za-z]|<acronym)")


def is_kept_v4(address: str) -> bool:
    """Tell whether a valid dotted-quad IPv4 address is infrastructure, or an example, that identifies no one."""
    a, b, c, d = map(int, address.split("."))
    value = a << 24 | b << 16 | c << 8 | d
    if a == b == c == d:
        return True  # 2.2.2.2, 123.123.123.123: what examples and tests write for "some address"
    return address in PUBLIC_RESOLVERS or any(value & mask == net for net, mask in _KEPT_V4.get(a, ()))


# What an interface's own address follows (Junos's `family inet address`, IOS's `ip address`, `ip addr`'s `inet`):
# a host's address, whatever its host bits (`address 10.106.179.204/30` names one end of a link).
_INTERFACE_BEFORE = re.compile(r"(?:\binet6?(?:[ \t]+address)?|\bip[ \t]+address)[ \t]+\Z")
# A prefix length after an address: CIDR notation.
_PREFIX = re.compile(r"/([0-9]{1,3})(?![0-9])")


def _prefix_at(text: str, end: int, bits: int) -> int | None:
    """The CIDR prefix length written right after an address ending at ``end``, if one is."""
    prefix = _PREFIX.match(text, end)
    return int(prefix.group(1)) if prefix is not None and int(prefix.group(1)) <= bits else None


def is_private_network_v4(address: str, prefix: int | None) -> bool:
    """Tell whether a private address names a network, not a host: its host part under ``prefix`` is zero
    (``10.0.0.0/8``), or with no prefix its last octet is (a route table's ``192.168.1.0``). A /31 or /32
    is one or two hosts (a firewall rule's ``10.0.1.23/32``)."""
    if prefix is not None and prefix > 30:
        return False
    a, b, c, d = map(int, address.split("."))
    value = a << 24 | b << 16 | c << 8 | d
    if not any(value & mask == net for net, mask in PRIVATE_V4_NETS):
        return False
    host_bits = 8 if prefix is None else 32 - prefix
    return value & ((1 << host_bits) - 1) == 0


# How far from an address the same four numbers are looked for as a version (a release's URL beside its version's
# line): a window, so that a long log of addresses costs each one the window, not the whole text.
_ELSEWHERE = 2000


def _is_version_at(text: str, start: int) -> bool:
    """Whether what stands before ``start`` says the four numbers there are a version."""
    if _VERSION_BEFORE.search(text, max(0, start - 40), start):
        return True
    window = text[max(0, start - 120) : start]
    if ("ersion" in window or "ERSION" in window) and _VERSION_CALL_BEFORE.search(
        text, max(0, start - 120), start
    ):
        return True
    return (
        "alue" in text[max(0, start - 12) : start]
        and _VERSION_VALUE.search(text, max(0, start - 80), start) is not None
    )


def _a_version_elsewhere(text: str, candidate: str, start: int) -> bool:
    """Whether ``candidate`` stands whole near it in the text where what is before it says it is a version."""
    floor, ceiling = max(0, start - _ELSEWHERE), start + _ELSEWHERE - len(candidate)
    versions = _versions_of(text, candidate)
    for at in versions[bisect.bisect_left(versions, floor) :]:
        if at > ceiling:
            return False
        if at != start:
            return True
    return False


@functools.lru_cache(maxsize=4)  # the texts of one scrub: each address's window would read the others' again
def _versions_of(text: str, candidate: str) -> tuple[int, ...]:
    """Where ``candidate`` stands whole in ``text`` as a version (what is before it says so), in order. Read once
    per text and address, so that a log of one address repeated costs each occurrence once, not each window."""
    found = []
    at = text.find(candidate)
    while at >= 0:
        end = at + len(candidate)
        if not text[at - 1 : at].isdigit() and not text[end : end + 1].isdigit() and _is_version_at(text, at):
            found.append(at)
        at = text.find(candidate, at + 1)
    return tuple(found)


def _handle_v4(match: re.Match[str]) -> Redaction | None:
    text, start, end = match.string, match.start(), match.end()
    floor = max(0, start - 4)
    while start > floor and text[start - 1] in _DIGITS:
        start -= 1
    first = text[start : match.start()]
    if len(first) > 3 or (len(first) > 1 and first[0] == "0") or int(first) > 255:
        return None  # zero-padded or out-of-range groups are serial numbers or versions
    candidate = text[start:end]
    if is_kept_v4(candidate) or not starts_word(text, start, _V4_BEFORE):
        return None
    if is_private_network_v4(candidate, _prefix_at(text, end, 32)) and not _INTERFACE_BEFORE.search(
        text, max(0, start - 24), start
    ):
        return None
    if _is_version_at(text, start) or _VERSION_AFTER.match(text, end):
        return None
    if _BROADCAST_BEFORE.search(text, max(0, start - 12), start):
        return None
    if _a_version_elsewhere(text, candidate, start):
        return None  # the same four numbers named a version near it (`version: 3.5.4.202`, then its release's URL)
    if text[start - 1 : start] == ">" and _HEADING_AFTER.match(text, end):
        return None
    if _DECIMAL_AFTER.match(text, end) and _DECIMAL_BEFORE.search(text, max(0, start - 24), start):
        return None  # among decimals, as an SVG path runs them together: `2.83-2.12 3.51.98.32 2.03.5`
    return redact(start, end, "ipv4")


IPV4 = Rule("ipv4", _IPV4, _handle_v4)

# Anchored on the first colon, which must close a group of 1-4 hex digits that starts a word
# (so "std::" and "Foo::bar" are rejected inside the regex), and followed by "::" somewhere or by
# seven more groups (so "12:34:56" and MAC addresses are rejected too).
_GROUP_BEFORE = "|".join(f"(?<=[^\\w:.][0-9A-Fa-f]{{{n}}}:)|(?<=\\A[0-9A-Fa-f]{{{n}}}:)" for n in range(1, 5))
_IPV6 = re.compile(
    rf":(?<=[0-9A-Fa-f]:)(?=:|[0-9A-Fa-f:]{{0,39}}::|(?:[0-9A-Fa-f]{{1,4}}:){{6}}[0-9A-Fa-f]{{1,4}})(?:{_GROUP_BEFORE})"
    # kept ranges dropped early: link-local fe80::/10, documentation 2001:db8::/32
    r"(?<![^\w:.][fF][eE][89abAB][0-9a-fA-F]:)"
    r"(?!(?<=[^\w:.]2001:)[dD][bB]8:)"
    r"[0-9A-Fa-f:]{0,44}[0-9A-Fa-f](?:\.[0-9]{1,3}){0,3}(?![\w:]|\.\w)"
)


def _handle_v6(match: re.Match[str]) -> Redaction | None:
    text, start = match.string, match.start()
    while start > 0 and text[start - 1] in _HEX:
        start -= 1
    candidate = text[start : match.end()]
    groups = [group for group in candidate.split(":") if group]
    if len(groups) < 3 or not any(c in _DIGITS for c in candidate):
        return None  # "a::b", "dead::beef": valid addresses, but in text they are code
    try:
        address = ipaddress.IPv6Address(candidate)
    except ValueError:
        return None
    if address.ipv4_mapped is not None:
        return None if is_kept_v4(str(address.ipv4_mapped)) else redact(start, match.end(), "ipv6")
    if address in PUBLIC_RESOLVERS_V6 or any(address in net for net in KEPT_V6):
        return None
    if address in UNIQUE_LOCAL_V6:
        # A unique-local network, not a host: its host part under the prefix is zero (``fd00:1:2::/48``),
        # or with no prefix its interface identifier (the low 64 bits) is.
        prefix = _prefix_at(text, match.end(), 128)
        if (prefix is None or prefix <= 126) and int(address) & (
            (1 << (64 if prefix is None else 128 - prefix)) - 1
        ) == 0:
            return None
    return redact(start, match.end(), "ipv6")


IPV6 = Rule("ipv6", _IPV6, _handle_v6)

# A host name made of an address, dashes for dots: EC2's private ``ip-10-0-1-23`` (``.ec2.internal``,
# ``.us-west-2.compute.internal``, Kubernetes node names) and public ``ec2-52-94-12-7`` names. The address
# goes, the name's shape stays (``ip-[REDACTED:ipv4].ec2.internal``), as the same address dotted would.
# (Found by its dash, a literal searched for at C speed; an alternation first would be tried everywhere.)
_DASHED_HOST = re.compile(
    rf"-(?<=ip-|c2-)(?P<quad>{_OCTET}-{_OCTET}-{_OCTET}-{_OCTET})(?![0-9A-Za-z_])", re.ASCII
)


def _handle_dashed_host(match: re.Match[str]) -> Redaction | None:
    text, dash = match.string, match.start()
    begin = dash - 2 if text[dash - 2 : dash] == "ip" else dash - 3
    if text[begin:dash] not in ("ip", "ec2") or not starts_word(text, begin, _V4_BEFORE | {"-"}):
        return None
    address = match.group("quad").replace("-", ".")
    if any(len(octet) > 1 and octet[0] == "0" for octet in address.split(".")) or is_kept_v4(address):
        return None
    return redact(match.start("quad"), match.end("quad"), "ipv4")


DASHED_HOSTS = Rule("ipv4-host-name", _DASHED_HOST, _handle_dashed_host)
NETWORK_RULES = (IPV4, IPV6, DASHED_HOSTS)
