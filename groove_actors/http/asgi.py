"""The ASGI application Central Command serves: the edge, the ingest route, and the Quart app behind them."""

from __future__ import annotations

from hypercorn.typing import ASGIFramework
from quart_trio import QuartTrio
from werkzeug.exceptions import HTTPException

from groove_actors.http.app import create_app
from groove_actors.http.edge import Edge, RouteNames
from groove_actors.http.handles import AppHandles
from groove_actors.http.ingest import PATH as INGEST_PATH
from groove_actors.http.ingest import IngestRoute


def create_asgi_app(handles: AppHandles) -> ASGIFramework:
    app = create_app(handles)
    return Edge(
        app,
        handles.limiter,
        handles.trusted_proxies,
        fast_routes={INGEST_PATH: IngestRoute(handles)},
        metrics=handles.metrics,
        routes=route_names(app, (INGEST_PATH,)),
    )


def route_names(app: QuartTrio, fast_paths: tuple[str, ...]) -> RouteNames:
    """The app's routes by template: a set for those without arguments, the URL map's matching for the rest."""
    rules = list(app.url_map.iter_rules())
    static = frozenset((*fast_paths, *(rule.rule for rule in rules if not rule.arguments)))
    if all(not rule.arguments for rule in rules):
        return RouteNames(static)
    adapter = app.url_map.bind("")

    def template(path: str, method: str, websocket: bool) -> str | None:
        try:
            rule, _ = adapter.match(path, method, return_rule=True, websocket=websocket)
        except HTTPException:
            return None
        return str(rule.rule)

    return RouteNames(static, template)
