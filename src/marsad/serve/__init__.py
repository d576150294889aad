"""``marsad serve``: the HTTP API and the review desk (needs the ``serve`` extra: FastAPI, uvicorn, Jinja2).

Importing this package pulls in nothing heavy; :func:`marsad.serve.app.create_app` needs FastAPI.
"""
