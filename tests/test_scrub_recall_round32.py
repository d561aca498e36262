"""The classes the thirty-second held-back part's misses showed, after its blind measurement (it had been blind since
rule set 2026.12.39): a semicolon-separated export behind a numbered read's tab, a lab's `pi_name`, an API record's
role (`planner_name`, `officer_name`) beside only a support desk's mailbox on example.com; OpenWrt's Wi-Fi key under
its encryption; beside what stays (an example's record whose own address is on example.com, a table's placeholder row
whose mailbox is a role's, a network's key where no encryption names it a passphrase). Every value is generated
here."""

from __future__ import annotations

import random
import string

import pytest

from tests.support.scrubbing import deliveries, pick, scrubbed

RNG = random.Random(20261232)
WRAPS = deliveries("2026-12-05T05:40")


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_people_in_exports_and_api_records_lose_their_names(wrap: str) -> None:
    text = (
        "$ head -n 4 exports/researchers_2026-03.csv\n"
        "researcher_id;pi_name;email;partition;status\n"
        "27636;Nikos Zielinski;nzielinski51@fernpoint.dev;B;cancelled\n"
        "99999;Jane Doe;jane.doe@example.com;sample;test\n"
        "GET /api/v2/citations/4508 -> 200\n"
        "{\n"
        '  "officer_name": "Kaia Zielinski",\n'
        '  "support_contact": "support@example.com"\n'
        "}\n"
        '{"name": "Lorcan Jablonski", "email": "lorcan@example.com"}\n'
        "import_id,name,email,created\n"
        "68f6579b,Pending Import,noreply@example.com,2026-06-01\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    for name in ("Nikos Zielinski", "Kaia Zielinski"):
        assert name not in out
    for kept in ("Jane Doe", "Lorcan Jablonski", "Pending Import", "support@example.com"):
        assert kept in out


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_a_wifi_networks_passphrase_goes_under_its_encryption(wrap: str) -> None:
    lower = string.ascii_lowercase
    passphrase = f"{pick(RNG, lower, 6)}.{pick(RNG, lower, 5)}{pick(RNG, string.digits, 4)}"
    other = pick(RNG, lower, 10)
    text = (
        "$ cat /etc/config/wireless\n"
        "config wifi-iface 'default_radio0'\n"
        "\toption device 'radio0'\n"
        "\toption ssid 'Home-5G'\n"
        "\toption encryption 'psk2'\n"
        f"\toption key '{passphrase}'\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    assert passphrase not in out and "option ssid 'Home-5G'" in out
    kept = f"config rule 'sync'\n\toption key '{other}'\n\toption interval '60'\n"
    assert other in scrubbed(WRAPS[wrap](kept))
