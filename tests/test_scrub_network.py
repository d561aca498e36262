"""IP addresses (client_actors/scrub/_network.py): public ones go, infrastructure stays."""

from __future__ import annotations

import pytest

from client_actors.scrub import scrub_text
from client_actors.scrub._network import is_kept_v4


@pytest.mark.parametrize(
    "address",
    ["93.184.216.34", "52.94.236.248", "100.64.12.7", "1.2.3.4", "172.32.0.1", "8.8.8.9", "10.1.2.3",
     "172.16.0.1", "172.31.255.254", "192.168.1.1"],
)  # fmt: skip
def test_public_private_and_cgnat_ipv4_are_redacted(address: str) -> None:
    assert scrub_text(f"from {address}:22 ok").text == "from [REDACTED:ipv4]:22 ok"


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "0.0.0.0", "169.254.169.254", "192.0.2.10", "198.51.100.23", "203.0.113.7", "198.18.0.1",
     "224.0.0.251", "255.255.255.0", "255.255.255.255", "8.8.8.8", "1.1.1.1"],
)  # fmt: skip
def test_kept_ipv4(address: str) -> None:
    text = f"from {address}:22 ok"
    assert scrub_text(text).text == text
    assert is_kept_v4(address)


@pytest.mark.parametrize(
    "text",
    [
        "version 4.0.0.1",
        "pkg==1.2.3.4",
        "v1.2.3.4",
        "1.2.3.4.5",
        "01.02.03.04",
        "256.1.1.1",
        "1.2.3",
        "x1.2.3.4",
    ],
)
def test_versions_and_non_addresses_are_kept(text: str) -> None:
    assert scrub_text(text).text == text


@pytest.mark.parametrize(
    "address",
    ["2a03:2880:f12f:83:face:b00c::25de", "2606:4700::6810:85e5", "2a01:4f8:c0c:1234:5678:9abc:def0:1",
     "fd12:3456:789a::1"],
)  # fmt: skip
def test_public_and_unique_local_ipv6_are_redacted(address: str) -> None:
    assert scrub_text(f"from {address} port 22").text == "from [REDACTED:ipv6] port 22"
    assert scrub_text(f"http://[{address}]:8080/").text == "http://[[REDACTED:ipv6]]:8080/"


@pytest.mark.parametrize(
    "text",
    ["::1", "[::1]:8443", "fe80::1ff:fe23:4567:890a%eth0", "2001:db8::42", "ff02::1",
     "std::vector<int>", "a::b", "a::before", "li::marker", "dead::beef", "Foo::Bar::baz", "12:34:56",
     "00:1a:2b:3c:4d:5e", "HashMap::<String, u32>::new()", "2024-05-14T09:12:44", "ab:cd:ef"],
)  # fmt: skip
def test_kept_ipv6_and_ipv6_lookalikes(text: str) -> None:
    assert scrub_text(text).text == text
