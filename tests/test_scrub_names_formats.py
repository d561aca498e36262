"""People's names in the common shapes of a record or a table that earlier rules did not read: a spreadsheet's CSV
whose cells ";" parts, an HTML table and an HTML form's field, a label's dot leader and Markdown's bold label, Go's
printed struct, an address in brackets beside a label's name; beside the look-alikes that stay (an example's row, a
thing's column, a statement's ";", prose). Every value is generated here."""

from __future__ import annotations

import random

import pytest

from tests.support.scrubbing import deliveries, scrubbed

RNG = random.Random(20261205)
FIRST = ["Marco", "Amelia", "Thandiwe", "Jovan", "Ines", "Kwame"]
LAST = ["Jensen", "Petrov", "Okonkwo", "Lindqvist", "Brennan", "Achterberg"]
WRAPS = deliveries("2026-12-05T01:12")


def _person() -> tuple[str, str]:
    first, last = RNG.choice(FIRST), RNG.choice(LAST)
    return f"{first} {last}", f"{first.lower()}.{last.lower()}{RNG.randrange(10, 99)}@larkspur-labs.io"


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_a_csv_whose_cells_semicolons_part_gives_its_names(wrap: str) -> None:
    name, address = _person()
    other, other_address = _person()
    text = (
        f'Name;E-Mail;Telefon\n{name};{address};+49 30 1234567\n"Name";"Email"\n"{other}";"{other_address}"\n'
    )
    out = scrubbed(WRAPS[wrap](text))
    assert name not in out and other not in out
    assert "Name;E-Mail;Telefon" in out


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_a_statement_s_semicolons_are_no_table(wrap: str) -> None:
    text = "let full_name;\nconsole.log(Marco Jensen);\n"
    assert scrubbed(WRAPS[wrap](text)) == WRAPS[wrap](text)


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_an_html_table_and_a_form_field_give_their_names(wrap: str) -> None:
    name, address = _person()
    field, _ = _person()
    text = (
        "<table><thead><tr><th>Name</th><th>Email</th></tr></thead>\n"
        f"<tbody><tr><td>{name}</td><td>{address}</td></tr>\n"
        "<tr><td>Jane Doe</td><td>jane.doe@example.com</td></tr></tbody></table>\n"
        f'<input type="text" name="user[full_name]" value="{field}">\n'
        "<table><tr><th>Hostname</th><th>Email</th></tr><tr><td>Cobalt Harbour</td><td>ops@acme.io</td></tr></table>\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    assert name not in out and field not in out
    assert "<td>Jane Doe</td>" in out and "Cobalt Harbour" in out and "user[full_name]" in out


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_labels_with_leaders_bold_or_go_s_struct_give_their_names(wrap: str) -> None:
    leader, leader_address = _person()
    bold, bold_address = _person()
    struct, struct_address = _person()
    text = (
        f"Name..........: {leader}\nEmail.........: {leader_address}\n"
        f"- **Name:** {bold}\n- **Email:** {bold_address}\n"
        f"{{ID:{RNG.randrange(1, 999)} Name:{struct} Email:{struct_address}}}\n"
        "{Name:Cobalt Harbour Kind:Service}\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    assert leader not in out and bold not in out and struct not in out
    assert "Cobalt Harbour" in out and "Kind:Service" in out


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_a_label_s_name_beside_an_address_in_brackets_goes(wrap: str) -> None:
    name, address = _person()
    text = (
        f"Contact: {name} ({address})\nOwner: Jane Doe (jane.doe@example.com)\n"
        "Thanks to Cobalt Harbour (ops@acme.io)\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    assert name not in out
    assert "Jane Doe" in out and "Cobalt Harbour" in out


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_a_password_column_of_a_csv_whose_cells_semicolons_part_goes(wrap: str) -> None:
    password = "Qv7" + "".join(RNG.choice("abcdefghKLMNOP") for _ in range(6)) + "!x2"
    text = f"site;user;password;notes\nvpn;admin;{password};main office\n"
    out = scrubbed(WRAPS[wrap](text))
    assert password not in out
    assert "site;user;password;notes" in out and "main office" in out
