"""The dataset card: `DIR/README.md` and its charts, written by every export from every shard in DIR.

A `--resume` adds shards; the card is written again from all of them (the watermark lists them), so it always
describes the whole directory. The counts are pure (`facts_of`, `summarize`, `render`) over what the shards
hold, read back with the few columns they need (from Parquet, only those leaves: a step's type and source,
not its content). The schema section comes from export/schema.py, so it cannot drift from the shards.

Charts are PNG files in `DIR/_charts/`, drawn with matplotlib's Agg canvas under its default style, with no
version or date in the file: the same rows draw the same bytes. The shards are in `DIR/data/`, apart from the
card and charts, so loaders take that directory as it is; the card's front matter names it for the Hugging
Face loader, which then reads `load_dataset(DIR)` without being told more.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import attrs
import orjson

from groove_actors.protocol.policy import TIERS
from groove_actors.server.fingerprint import VERDICTS
from groove_actors.server.scoring import CORRECTIVE_TYPES, HANDOFF_TYPES

CARD_FILE: Final = "README.md"
DATA_DIR: Final = "data"  # the shards' directory in DIR, as Hugging Face dataset repositories have it
CHARTS_DIR: Final = "_charts"
STEP_TYPES_CHART: Final = "step-types.png"
TIERS_CHART: Final = "tiers.png"
DAYS_CHART: Final = "sessions-per-day.png"

# The five data types the product is made of (the seed's "what makes this dataset unique"): a name, the
# seed's words, and what makes a session carry it.
DATA_TYPES: Final = (
    ("coordination", "Multi-agent coordination trajectories",
     "a coordination, delegate or yield step, or a coordination link to another session"),
    ("role_reasoning", "Role-specific reasoning chains",
     "an agent role (other than the generic `agent`) and at least one thought"),
    ("context_rotation", "Context rotation recovery",
     "continues a predecessor's session from its handoff (`predecessor_session_id`)"),
    ("user_corrections", "User corrections in context",
     "a correction or clarification from the user (not the agent's own)"),
    ("error_recovery", "Error-recovery arcs", "an error later followed by a resolution"),
)  # fmt: skip

# The columns the card reads (besides the steps' types and sources, and whether a row has links).
_COLUMNS: Final = (
    "session_id", "revision", "provider", "model", "quality_tier", "eligible", "model_fingerprint",
    "credited_day", "agent_role", "predecessor_session_id",
)  # fmt: skip


@attrs.frozen
class Facts:
    """What the card counts of one row."""

    session_id: str
    revision: int
    provider: str
    model: str
    tier: str
    eligible: bool
    fingerprint: str
    day: str
    step_types: Mapping[str, int]
    data_types: frozenset[str]


@attrs.frozen
class CardStats:
    rows: int
    sessions: int
    steps: int
    eligible: int
    providers: Mapping[str, int]
    models: Mapping[str, int]
    tiers: Mapping[str, tuple[int, int]]  # tier -> (sessions, of which eligible)
    fingerprints: Mapping[str, int]
    step_types: Mapping[str, int]
    days: Mapping[str, int]
    data_types: Mapping[str, int]


def data_types_of(
    types: Sequence[str],
    sources: Sequence[str | None],
    *,
    agent_role: str | None,
    continues: bool,
    linked: bool,
) -> frozenset[str]:
    """The data types one session carries, from its steps' types and sources (DATA_TYPES says when)."""
    carried = set()
    if linked or any(t in HANDOFF_TYPES for t in types):
        carried.add("coordination")
    if agent_role and agent_role != "agent" and "thought" in types:
        carried.add("role_reasoning")
    if continues:
        carried.add("context_rotation")
    if any(t in CORRECTIVE_TYPES and s in (None, "user") for t, s in zip(types, sources, strict=True)):
        carried.add("user_corrections")
    last_resolution = max((i for i, t in enumerate(types) if t == "resolution"), default=-1)
    if any(t == "error" for t in types[:last_resolution]):
        carried.add("error_recovery")
    return frozenset(carried)


def facts_of(row: Mapping[str, Any], steps: Sequence[Mapping[str, Any]], linked: bool) -> Facts:
    """The facts of one row (`steps` need only `type` and `source`)."""
    types = [str(s["type"]) for s in steps]
    sources = [s.get("source") for s in steps]
    return Facts(
        session_id=str(row["session_id"]),
        revision=int(row.get("revision") or 0),
        provider=str(row.get("provider")),
        model=str(row.get("model")),
        tier=str(row.get("quality_tier")),
        eligible=bool(row.get("eligible")),
        fingerprint=str(row.get("model_fingerprint") or "unknown"),
        day=str(row.get("credited_day")),
        step_types=dict(Counter(types)),
        data_types=data_types_of(
            types,
            sources,
            agent_role=row.get("agent_role"),
            continues=bool(row.get("predecessor_session_id")),
            linked=linked,
        ),
    )


def summarize(facts: Iterable[Facts]) -> CardStats:
    """Counts over sessions, each as its highest revision (the row consumers keep), and the rows read."""
    latest: dict[str, Facts] = {}
    rows = 0
    for fact in facts:
        rows += 1
        held = latest.get(fact.session_id)
        if held is None or fact.revision >= held.revision:
            latest[fact.session_id] = fact
    sessions = list(latest.values())
    steps: Counter[str] = Counter()
    for fact in sessions:
        steps.update(fact.step_types)
    tiers = {
        tier: (sum(f.tier == tier for f in sessions), sum(f.tier == tier and f.eligible for f in sessions))
        for tier in TIERS
    }
    return CardStats(
        rows=rows,
        sessions=len(sessions),
        steps=sum(steps.values()),
        eligible=sum(f.eligible for f in sessions),
        providers=_ranked(Counter(f.provider for f in sessions)),
        models=_ranked(Counter(f.model for f in sessions)),
        tiers=tiers,
        fingerprints={v: sum(f.fingerprint == v for f in sessions) for v in VERDICTS},
        step_types=_ranked(steps),
        days=dict(sorted(Counter(f.day for f in sessions).items())),
        data_types={name: sum(name in f.data_types for f in sessions) for name, _, _ in DATA_TYPES},
    )


def _ranked(counts: Counter[str]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


# Reading the shards back.


def read_facts(data: Path, shards: Sequence[str], fmt: str) -> Iterator[Facts]:
    """The facts of every row of `shards` in `data`, one shard in memory at a time."""
    for name in shards:
        path = data / name
        if fmt == "jsonl":
            with open(path, "rb") as file:
                for line in file:
                    row = orjson.loads(line)
                    yield facts_of(row, row.get("steps") or [], bool(row.get("coordination_links")))
        else:
            yield from _parquet_facts(path)


def _parquet_facts(path: Path) -> Iterator[Facts]:
    import pyarrow.parquet as pq

    shard = pq.ParquetFile(path)
    leaves = [shard.schema.column(i).path for i in range(len(shard.schema))]
    wanted = [p for p in leaves if p.split(".", 1)[0] in _COLUMNS]
    wanted += [p for p in leaves if p.startswith("steps.") and p.rsplit(".", 1)[-1] in ("type", "source")]
    wanted += [p for p in leaves if p.startswith("coordination_links.") and p.endswith(".partner_session")]
    for row in shard.read(columns=wanted).to_pylist():
        yield facts_of(row, row.get("steps") or [], bool(row.get("coordination_links")))


# The card.


def render(
    stats: CardStats,
    *,
    fmt: str,
    filters: Mapping[str, Any],
    shards: Sequence[str],
    schema_version: int,
) -> str:
    """The card's Markdown (README.md), front matter for the Hugging Face loader first."""
    pattern = f"{DATA_DIR}/part-*.{fmt}"
    days = list(stats.days)
    span = f", credited {days[0]} to {days[-1]} (UTC)" if days else ""
    lines = [
        "---",
        "configs:",
        "- config_name: default",
        "  data_files:",
        "  - split: train",
        f'    path: "{pattern}"',
        "---",
        "",
        "# Groove agent trajectories: dataset card",
        "",
        "Written by `groove-central export` with every run, from every shard in this directory "
        f"({len(shards)} {fmt} shard(s), `{pattern}`): it describes the whole export, earlier runs included.",
        "",
        "## What is in it",
        "",
        f"**{stats.sessions} session(s)** in {stats.rows} row(s), {stats.steps} step(s){span}; "
        f"{stats.eligible} fit for training. A session credited again (a later `revision`) has a row for each "
        "credit: keep the highest `revision` of each `session_id`, as every count here does.",
        "",
        *_table(("provider", "sessions"), stats.providers.items()),
        "",
        *_table(("model", "sessions"), stats.models.items()),
        "",
        *_table(
            ("quality tier", "sessions", "fit for training"),
            ((tier, n, eligible) for tier, (n, eligible) in stats.tiers.items()),
        ),
        "",
        *_table(
            ("step type", "steps", "share"),
            ((t, n, f"{100 * n / stats.steps:.1f}%") for t, n in stats.step_types.items()),
        ),
        "",
        *_table(("model fingerprint", "sessions"), stats.fingerprints.items()),
        "",
        "## The five data types",
        "",
        *_table(
            ("data type", "sessions", "a session carries it when it has"),
            ((title, stats.data_types[name], rule) for name, title, rule in DATA_TYPES),
        ),
        "",
        "## How it was filtered",
        "",
        filters_line(filters),
        "",
        "## Charts",
        "",
        f"![Step types]({CHARTS_DIR}/{STEP_TYPES_CHART})",
        "",
        f"![Quality tiers]({CHARTS_DIR}/{TIERS_CHART})",
        "",
        f"![Sessions per day]({CHARTS_DIR}/{DAYS_CHART})",
        "",
        "## Loading it",
        "",
        *_loading(fmt),
        "",
        f"## Schema (version {schema_version})",
        "",
        *schema_lines(),
        "",
        "Steps, messages and the rules behind each column: docs/EXPORT.md in the project.",
    ]
    return "\n".join(lines) + "\n"


def filters_line(filters: Mapping[str, Any]) -> str:
    """The export's filters as the command's options, or that there were none."""
    options = [
        f"`--{key.replace('_', '-')} {value}`" if value is not True else f"`--{key.replace('_', '-')}`"
        for key, value in filters.items()
        if value not in (None, False)
    ]
    if not options:
        return "No filters: every credited session the server held when each export ran."
    return "Credited sessions taken by " + ", ".join(options) + " (the same on every run of this export)."


def _loading(fmt: str) -> list[str]:
    """How to load the shards in `data/` (DIR stands for this directory)."""
    sides = [
        "",
        "`_coordination_links.jsonl` and `_rotation_chains.jsonl`, beside this README, hold every coordination",
        "pair and rotation chain the server held when the export last ran, both sides.",
    ]
    if fmt == "jsonl":
        return [
            f"The shards are in `{DATA_DIR}/`, one JSON object per line in each `part-*.jsonl`, the same columns",
            "as the schema below:",
            "",
            "```python",
            "import pandas as pd, glob",
            f'rows = pd.concat(pd.read_json(p, lines=True) for p in sorted(glob.glob("DIR/{DATA_DIR}/*.jsonl")))',
            "import polars as pl",
            f'rows = pl.scan_ndjson("DIR/{DATA_DIR}/*.jsonl").collect()',
            "from datasets import load_dataset",
            'rows = load_dataset("DIR")  # this README\'s front matter names the shards',
            "```",
            *sides,
        ]
    return [
        f"The shards are in `{DATA_DIR}/`, which holds nothing else:",
        "",
        "```python",
        "import pyarrow.dataset as ds",
        f'rows = ds.dataset("DIR/{DATA_DIR}", format="parquet").to_table()',
        "import pandas as pd",
        f'rows = pd.read_parquet("DIR/{DATA_DIR}")',
        "import polars as pl",
        f'rows = pl.scan_parquet("DIR/{DATA_DIR}/*.parquet").collect()',
        "from datasets import load_dataset",
        'rows = load_dataset("DIR")  # this README\'s front matter names the shards',
        "```",
        *sides,
    ]


def schema_lines() -> list[str]:
    """The schema's columns with their types and meanings, from export/schema.py."""
    from groove_actors.export.schema import COLUMN_MEANINGS, EXPORT_SCHEMA

    return _table(
        ("column", "type", "what"),
        ((f"`{f.name}`", _type_name(f.type), COLUMN_MEANINGS.get(f.name, "")) for f in EXPORT_SCHEMA),
    )


def _type_name(arrow_type: Any) -> str:
    """An Arrow type, short: a struct names its fields only."""
    import pyarrow as pa

    if pa.types.is_list(arrow_type):
        return f"list<{_type_name(arrow_type.value_type)}>"
    if pa.types.is_struct(arrow_type):
        return "struct<" + ", ".join(arrow_type.field(i).name for i in range(arrow_type.num_fields)) + ">"
    return str(arrow_type)


def _table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> list[str]:
    body = ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header), *body]


def _cell(value: Any) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


# Charts.


def charts(stats: CardStats) -> dict[str, bytes]:
    """The card's PNG charts by file name: step-type mix, tiers, sessions per day."""
    from matplotlib import style
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    drawn: dict[str, bytes] = {}
    with style.context("default"):
        for name, draw in ((STEP_TYPES_CHART, _step_types), (TIERS_CHART, _tiers), (DAYS_CHART, _days)):
            figure = Figure(figsize=(7.0, 4.0), dpi=100)
            FigureCanvasAgg(figure)
            draw(figure, stats)
            figure.tight_layout()
            buffer = io.BytesIO()
            figure.savefig(buffer, format="png", metadata={"Software": None})
            drawn[name] = buffer.getvalue()
    return drawn


def _empty(axes: Any) -> None:
    axes.text(0.5, 0.5, "no sessions", ha="center", va="center", transform=axes.transAxes)


def _step_types(figure: Any, stats: CardStats) -> None:
    axes = figure.add_subplot()
    axes.set_title(f"Step types ({stats.steps} steps)")
    if not stats.step_types:
        return _empty(axes)
    names = list(stats.step_types)[::-1]  # most frequent on top
    axes.barh(names, [stats.step_types[n] for n in names], color="#4c72b0")
    axes.set_xlabel("steps")
    return None


def _tiers(figure: Any, stats: CardStats) -> None:
    axes = figure.add_subplot()
    axes.set_title(f"Quality tiers ({stats.sessions} sessions)")
    eligible = [stats.tiers[t][1] for t in TIERS]
    other = [stats.tiers[t][0] - stats.tiers[t][1] for t in TIERS]
    axes.bar(TIERS, eligible, color="#55a868", label="fit for training")
    axes.bar(TIERS, other, bottom=eligible, color="#c4c4c4", label="not fit")
    axes.set_ylabel("sessions")
    axes.legend()


def _days(figure: Any, stats: CardStats) -> None:
    axes = figure.add_subplot()
    axes.set_title("Sessions per day (credited, UTC)")
    if not stats.days:
        return _empty(axes)
    days = _every_day(list(stats.days))
    axes.bar(range(len(days)), [stats.days.get(day, 0) for day in days], color="#8172b2")
    step = max(1, len(days) // 10)  # at most about ten labels
    axes.set_xticks(range(0, len(days), step), days[::step], rotation=30, ha="right")
    axes.set_ylabel("sessions")
    return None


def _every_day(days: list[str]) -> list[str]:
    """The days from the first to the last, those without a session included (as they are, if not dates)."""
    try:
        first, last = dt.date.fromisoformat(days[0]), dt.date.fromisoformat(days[-1])
    except ValueError:
        return days
    return [(first + dt.timedelta(days=n)).isoformat() for n in range((last - first).days + 1)]


def write_card(
    out: Path, *, fmt: str, filters: Mapping[str, Any], shards: Sequence[str], schema_version: int
) -> None:
    """Write README.md and its charts in `out` from every shard listed (in `out/data/`); each file whole or
    not at all."""
    stats = summarize(read_facts(out / DATA_DIR, shards, fmt))
    (out / CHARTS_DIR).mkdir(exist_ok=True)
    for name, png in charts(stats).items():
        _write_whole(out / CHARTS_DIR / name, png)
    text = render(stats, fmt=fmt, filters=filters, shards=shards, schema_version=schema_version)
    _write_whole(out / CARD_FILE, text.encode())


def _write_whole(path: Path, data: bytes) -> None:
    """A temporary file, fsynced, renamed over `path`: a reader sees the old file or the new one."""
    temporary = path.with_name(f".{path.name}.tmp")
    with open(temporary, "wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())
    os.replace(temporary, path)
