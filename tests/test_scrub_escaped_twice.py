"""A person's name in a record that JSON escapes twice: a tool's JSON output inside a transcript's JSON string
(`"output":"{\\"output\\":\\"User.create!(name: \\\\\\"Jane Doe\\\\\\", ...`), where a quote stands behind three
backslashes. Read as the same record escaped once or not at all is read, beside the look-alikes that stay."""

from __future__ import annotations

import json

import pytest

from tests.support.scrubbing import scrubbed

RECORDS = [
    'User.find_or_create_by!(name: "Ilse Marchetti", email: "ilse.marchetti@harbor-mail.net")',
    '{"full_name": "Ilse Marchetti", "email": "ilse.marchetti@harbor-mail.net"}',
    "{'customer_name': 'Ilse Marchetti', 'plan': 'pro'}",
    'contact = {"name": "Ilse Marchetti", "phone": "+1 415 555 0187"}',
]
KEPT = [
    '{"name": "Release Pipeline", "stage": "deploy"}',
    'Project.create!(name: "Northwind Portal", slug: "northwind")',
    "interface User { name: string; email: string }",
]


def _escaped(text: str, times: int) -> str:
    """``text`` inside a tool's JSON output (times >= 1), itself inside a transcript's JSON line (times 2)."""
    for _ in range(times):
        text = json.dumps({"output": text})
    return text


@pytest.mark.parametrize("times", [0, 1, 2])
@pytest.mark.parametrize("record", RECORDS)
def test_a_name_in_a_record_goes_however_often_it_is_escaped(record: str, times: int) -> None:
    out = scrubbed(_escaped(f"# db/seeds.rb\n{record}\n", times))
    assert "Ilse Marchetti" not in out
    assert "[REDACTED:person-name]" in out


@pytest.mark.parametrize("times", [0, 1, 2])
@pytest.mark.parametrize("record", KEPT)
def test_what_names_no_person_stays_however_often_it_is_escaped(record: str, times: int) -> None:
    text = _escaped(record, times)
    assert scrubbed(text) == text
