"""The log line an event makes: the same JSON object whether it is written directly or through logging."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from typing import Any

import orjson
import pytest

from groove_actors import logs


@pytest.fixture
def configured() -> Iterator[logging.Logger]:
    """The `groove` logger, put back as it was after the test (which sets it up as the CLI does)."""
    logger = logging.getLogger(logs.LOGGER_NAME)
    saved = (logger.handlers[:], logger.level, logger.propagate)
    yield logger
    logger.handlers[:], logger.level, logger.propagate = saved


def test_an_event_written_directly_is_the_line_the_formatter_makes(
    configured: logging.Logger, capsys: pytest.CaptureFixture[str]
) -> None:
    fields: dict[str, Any] = {
        "method": "POST",
        "status": 200,
        "ms": 1.5,
        "client": "127.0.0.1",
        "odd": "x\ud800y",
    }
    logs.configure("INFO")  # here, once stderr is the captured one
    listeners = [h for h in configured.handlers if not isinstance(h, logs.JsonLineHandler)]
    for listener in listeners:  # the test run's own capture: the direct path is taken only without it
        configured.removeHandler(listener)
    try:
        logs.event("request", **fields)
        logs.event("not.shown", level=logging.DEBUG, status=1)
    finally:
        for listener in listeners:
            configured.addHandler(listener)
    (direct,) = capsys.readouterr().err.splitlines()
    record = logging.LogRecord(logs.LOGGER_NAME, logging.INFO, "", 0, "request", None, None)
    record.fields = fields
    through_logging = orjson.loads(logs.JsonLineFormatter().format(record))
    line = orjson.loads(direct)
    assert line.pop("ts") == pytest.approx(through_logging.pop("ts"), abs=5)
    assert line == through_logging == {"level": "info", "event": "request", **fields, "odd": "x\\ud800y"}


def test_a_listener_added_to_the_logger_still_gets_every_event(
    configured: logging.Logger, caplog: pytest.LogCaptureFixture
) -> None:
    logs.configure("INFO")
    configured.addHandler(caplog.handler)
    try:
        logs.event("request", status=200)
    finally:
        configured.removeHandler(caplog.handler)
    assert [(r.getMessage(), r.fields) for r in caplog.records] == [("request", {"status": 200})]  # type: ignore[attr-defined]


def test_a_line_that_cannot_be_written_does_not_fail_the_event(configured: logging.Logger) -> None:
    logs.configure("INFO")
    gone = io.StringIO()
    gone.close()
    (handler,) = (h for h in configured.handlers if isinstance(h, logs.JsonLineHandler))
    handler.setStream(gone)
    listeners = [h for h in configured.handlers if h is not handler]
    for listener in listeners:
        configured.removeHandler(listener)
    try:
        logs.event("request", status=200)  # the handler reports the failure; the caller goes on
    finally:
        for listener in listeners:
            configured.addHandler(listener)
