"""Model fingerprint: does what a session shows about its model agree with the model its client claimed?

The claim is the record's provider and model (the first chunk's metadata, as stitched). The evidence is what
the session's own data says, each read as a `Signal` that agrees, disagrees or is silent:

- `model_ids` (identifying): the model ids the agent's stream named. A step may carry a `model` member (kept
  as an unknown extra field, PROTOCOL.md "Steps"): the id the stream reported for that step, as Claude Code's
  `message.model`, Gemini's `init` and session files, and the Codex config line and rollout do (see
  client_actors/parsers/). A client that resolves the model from the stream also changes `model_engine` in
  later chunks: chunks naming more than one model count too. Ids are compared after `normalize_model` (case,
  a date or `-latest` suffix, a vendor prefix, `4.6` for `4-6`). Silent when the claim names no model or the
  stream named none besides the claim.
- `provider`: the claimed model's vendor (by its id) against the vendor whose models the provider's CLI runs.
  A CLI can be pointed at another vendor's model through a proxy, so this only counts when no stream id agrees.
- `latency` (timestamps): the median rate, tokens per second, at which model-written steps arrive after the
  step before them. Faster than any served model writes is not a live session of the claimed model.
- `tokens` (usage): where the steps' token counts are the stream's own (not the clients' length/4 estimate),
  the characters per token of model-written text; far outside what any tokenizer gives, the counts do not
  belong to this text. Silent when the counts are estimates, as they are for most clients.

Verdict: `inconsistent` when a signal disagrees; else `consistent` when an identifying signal agrees; else
`unknown` (timing and token counts can contradict a claim, never prove one). The thresholds are
`FingerprintRules`, whose `version` every verdict records: a change of rules is a new version. Pure, so the
pipeline (through the judge, server/enrich.py) and the export (records credited before) call the same code.
A judge backed by a language model adds its own signal with `Fingerprint.with_signal`, under the same rule.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any, Final, Literal, TypeAlias

import attrs

from groove_actors.protocol import limits
from groove_actors.protocol.models import Step

Verdict: TypeAlias = Literal["consistent", "inconsistent", "unknown"]
Said: TypeAlias = Literal["agrees", "disagrees", "silent"]
VERDICTS: Final = ("consistent", "inconsistent", "unknown")

# Vendor of a model, by the start of its normalized id; and the vendor each provider's CLI runs.
_VENDORS: Final = (
    ("anthropic", re.compile(r"claude")),
    ("openai", re.compile(r"gpt|chatgpt|codex|o\d(?:$|-)")),
    ("google", re.compile(r"gemini|gemma")),
    ("xai", re.compile(r"grok")),
)
PROVIDER_VENDORS: Final[Mapping[str, str]] = MappingProxyType(
    {"claude-code": "anthropic", "codex": "openai", "gemini": "google", "grok": "xai"}
)
# Step types whose text the model wrote (their timing and token counts are the model's).
MODEL_WRITTEN: Final = frozenset({"thought", "resolution", "action", "edit", "delegate"})
NO_MODEL: Final = frozenset({"", "unknown", "auto"})
MAX_IDS_KEPT: Final = 8  # distinct ids listed in the evidence, most frequent first
MAX_ID_CHARS: Final = 100


@attrs.frozen
class FingerprintRules:
    version: str = "fingerprint-2026-12-03.1"
    max_tokens_per_second: float = 1000.0  # median output rate above this: not a live model
    min_gap_seconds: float = 0.1  # shorter gaps are lines read together, not generation time
    min_samples: int = 5  # timed or counted steps needed before latency or tokens may disagree
    chars_per_token: tuple[float, float] = (1.0, 12.0)  # a tokenizer's range, very widely
    min_reported_tokens: int = 200
    estimate_share: float = 0.8  # counts matching length/4 on this share of steps are the client's estimate


RULES: Final = FingerprintRules()


@attrs.frozen
class Signal:
    name: str
    said: Said
    detail: str  # one line a person reads: what was seen, against what
    identifying: bool = False  # can it confirm the claimed model (not only contradict it)?
    # What was counted: model ids and numbers, never step content. A plain dict so that `attrs.asdict` (the
    # trajectory record) takes it as JSON; nothing changes it after the signal is made.
    seen: dict[str, Any] = attrs.field(factory=dict, hash=False)


@attrs.frozen
class Fingerprint:
    verdict: Verdict
    policy_version: str
    provider: str
    model: str
    opened_as: str | None  # the model the session was opened with, when it named one
    signals: tuple[Signal, ...]

    def with_signal(self, signal: Signal) -> Fingerprint:
        """This fingerprint with one more signal (a judge's), its verdict derived again."""
        signals = (*self.signals, signal)
        return attrs.evolve(self, signals=signals, verdict=verdict_of(signals))

    def as_json(self) -> dict[str, Any]:
        """As the trajectory record keeps it (`enrichment.model_fingerprint`, by `attrs.asdict`)."""
        return attrs.asdict(self)


def verdict_of(signals: Sequence[Signal]) -> Verdict:
    if any(s.said == "disagrees" for s in signals):
        return "inconsistent"
    if any(s.said == "agrees" and s.identifying for s in signals):
        return "consistent"
    return "unknown"


def assess(
    steps: Sequence[Step],
    *,
    provider: str,
    model: str,
    chunk_models: Sequence[str] = (),
    opened_as: str | None = None,
    rules: FingerprintRules = RULES,
) -> Fingerprint:
    """The fingerprint of a trajectory whose client claimed `provider` and `model`.

    `chunk_models` are the distinct `model_engine`s of its chunks in order, `opened_as` the model its open
    named (both unknown for records written before the server kept them).
    """
    ids = model_ids(steps, model=model, chunk_models=chunk_models)
    signals = (
        ids,
        provider_signal(provider, model, ids),
        latency_signal(steps, rules),
        token_signal(steps, rules),
    )
    opened = opened_as if opened_as and opened_as.lower() not in NO_MODEL else None
    return Fingerprint(verdict_of(signals), rules.version, provider, model, opened, signals)


def normalize_model(model_id: str) -> str:
    """A model id in the one spelling clients and streams use differently: lower case, no vendor prefix
    (`models/`, `anthropic/`, Bedrock's `us.anthropic.`), no date, version or `-latest` suffix, `4.6` as `4-6`."""
    text = model_id.strip().lower().rsplit("/", 1)[-1]
    text = re.sub(r"^(?:(?:us|eu|apac|global)\.)?(?:anthropic|openai|google|xai)\.", "", text)
    text = text.replace("@", "-")
    text = re.sub(r"-v\d+(?::\d+)?$", "", text)
    text = re.sub(r"-(?:\d{8}|\d{4}-\d{2}-\d{2}|latest)$", "", text)
    return re.sub(r"(?<=\d)\.(?=\d)", "-", text)


def vendor_of(model_id: str) -> str | None:
    normalized = normalize_model(model_id)
    return next((vendor for vendor, start in _VENDORS if start.match(normalized)), None)


def model_ids(steps: Sequence[Step], *, model: str, chunk_models: Sequence[str] = ()) -> Signal:
    """What the stream named, against the claimed `model`."""
    seen: Counter[str] = Counter()
    for step in steps:
        named = step.extra.get("model") if step.extra else None
        if isinstance(named, str) and _names_a_model(named):
            seen[named.strip()[:MAX_ID_CHARS]] += 1
    # A client changes model_engine mid-session only when the stream names the model (or another one): then
    # every model its chunks named is evidence (`auto` before the stream resolved it names none).
    distinct_chunks = list(dict.fromkeys(m[:MAX_ID_CHARS] for m in chunk_models if m))
    switched = [m for m in distinct_chunks if _names_a_model(m)] if len(distinct_chunks) > 1 else []
    evidence = {"steps": dict(seen.most_common(MAX_IDS_KEPT)), "chunks": switched}
    if model.lower() in NO_MODEL:
        return Signal("model_ids", "silent", "the claim names no model", True, evidence)
    if not seen and not switched:
        return Signal("model_ids", "silent", "the stream named no model besides the claim", True, evidence)
    claimed = normalize_model(model)
    other_steps = sum(n for named, n in seen.items() if normalize_model(named) != claimed)
    other_chunks = [named for named in switched if normalize_model(named) != claimed]
    if not other_steps and not other_chunks:
        where = f"{sum(seen.values())} step(s)" if seen else f"{len(switched)} chunk model(s)"
        return Signal("model_ids", "agrees", f"the stream named {model} in {where}", True, evidence)
    others = sorted({n for n in seen if normalize_model(n) != claimed} | set(other_chunks))
    said = f"the stream named {', '.join(others[:MAX_IDS_KEPT])}"
    counted = f" in {other_steps} of {sum(seen.values())} step(s)" if other_steps else " in its chunks"
    return Signal("model_ids", "disagrees", f"{said}{counted}; the claim is {model}", True, evidence)


def _names_a_model(text: str) -> bool:
    """Not empty, `auto`, `unknown`, or a placeholder such as Claude Code's `<synthetic>`."""
    return text.strip().lower() not in NO_MODEL and not text.strip().startswith("<")


def provider_signal(provider: str, model: str, ids: Signal) -> Signal:
    """The claimed model's vendor against the provider's; a stream that names the claimed model wins."""
    expected = PROVIDER_VENDORS.get(provider)
    vendor = vendor_of(model) if model.lower() not in NO_MODEL else None
    seen = {"provider_vendor": expected, "model_vendor": vendor}
    if expected is None or vendor is None:
        return Signal("provider", "silent", "no known vendor to compare", seen=seen)
    if vendor == expected:
        return Signal("provider", "agrees", f"{model} is a {vendor} model, as {provider} runs", seen=seen)
    if ids.said == "agrees":
        detail = f"{provider} runs {expected} models, but its stream names {model} ({vendor}): a proxy"
        return Signal("provider", "silent", detail, seen=seen)
    return Signal(
        "provider", "disagrees", f"{provider} runs {expected} models, not {model} ({vendor})", seen=seen
    )


def _tokens(step: Step) -> float:
    if step.token_count:
        return float(step.token_count)
    return float(-(-len(step.content or "") // 4))


def latency_signal(steps: Sequence[Step], rules: FingerprintRules = RULES) -> Signal:
    """The median rate at which model-written steps arrive after the step before them."""
    rates: list[float] = []
    gaps: list[float] = []
    previous: float | None = None
    for step in steps:
        now = limits.timestamp_seconds(step.timestamp)
        gap = None if previous is None else now - previous
        previous = now
        if step.type in MODEL_WRITTEN and gap is not None and gap >= rules.min_gap_seconds:
            gaps.append(gap)
            rates.append(_tokens(step) / gap)
    seen: dict[str, Any] = {"samples": len(rates)}
    if len(rates) < rules.min_samples:
        return Signal("latency", "silent", f"{len(rates)} timed model step(s): too few to judge", seen=seen)
    rate = round(statistics.median(rates), 1)
    seen.update(median_tokens_per_s=rate, median_gap_s=round(statistics.median(gaps), 3))
    if rate > rules.max_tokens_per_second:
        detail = f"model steps arrive at {rate:g} tokens/s (median), faster than a model writes"
        return Signal("latency", "disagrees", detail, seen=seen)
    return Signal("latency", "agrees", f"model steps arrive at {rate:g} tokens/s (median)", seen=seen)


def token_signal(steps: Sequence[Step], rules: FingerprintRules = RULES) -> Signal:
    """Characters per token of model-written text, where the counts are the stream's own."""
    counted = [
        (len(s.content), float(s.token_count))
        for s in steps
        if s.type in MODEL_WRITTEN and s.content and s.token_count and not s.truncated
    ]
    estimated = sum(1 for chars, tokens in counted if abs(tokens - -(-chars // 4)) <= max(2.0, 0.1 * tokens))
    seen: dict[str, Any] = {"counted_steps": len(counted), "estimated_steps": estimated}
    if not counted or estimated >= rules.estimate_share * len(counted):
        return Signal("tokens", "silent", "token counts are length/4 estimates, or absent", seen=seen)
    chars, tokens = sum(c for c, _ in counted), sum(t for _, t in counted)
    ratio = round(chars / tokens, 2)
    seen["chars_per_token"] = ratio
    low, high = rules.chars_per_token
    if len(counted) < rules.min_samples or tokens < rules.min_reported_tokens:
        return Signal("tokens", "silent", f"{ratio:g} characters per token over too few steps", seen=seen)
    if not low <= ratio <= high:
        detail = f"{ratio:g} characters per reported token, outside any tokenizer's {low:g}-{high:g}"
        return Signal("tokens", "disagrees", detail, seen=seen)
    return Signal("tokens", "agrees", f"{ratio:g} characters per reported token", seen=seen)
