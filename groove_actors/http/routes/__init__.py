"""The Quart routes as Blueprints, one module per part of the API; http/app.py registers them.

Each module's `blueprint(handles)` makes its Blueprint around the handles it is given, so that no route
reaches for anything global. The ingest route is not here: it runs before Quart, behind the edge
(http/ingest.py).
"""
