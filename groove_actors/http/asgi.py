"""The ASGI application Central Command serves: the edge, the ingest route, and the Quart app behind them."""

from __future__ import annotations

from hypercorn.typing import ASGIFramework

from groove_actors.http.app import AppHandles, create_app
from groove_actors.http.edge import Edge
from groove_actors.http.ingest import PATH as INGEST_PATH
from groove_actors.http.ingest import IngestRoute


def create_asgi_app(handles: AppHandles) -> ASGIFramework:
    return Edge(
        create_app(handles),
        handles.limiter,
        handles.trusted_proxies,
        fast_routes={INGEST_PATH: IngestRoute(handles)},
    )
