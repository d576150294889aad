"""``marsad serve [--db URL] [--host 127.0.0.1] [--port 8000] [--read-token]``: the HTTP API and the review desk.

Serves the store (``--db``, else ``$MARSAD_DB`` / ``$MARSAD_DATABASE_URL``, else ``./marsad.db``):
the ACLED-style API (``/events``, ``/incidents``, ``/documents/ID``, ``/deleted``, ``POST /extract``;
OpenAPI docs at ``/docs``) and the review desk at ``/desk``. Writes need a bearer token and
reviewers sign in with theirs: ``marsad token create --name NAME``. Reads are open unless
``--read-token``. Session cookies are signed with ``$MARSAD_SECRET_KEY`` when set (so that a
restart or several servers keep sessions), else with a key drawn at start.

Needs the ``serve`` extra: ``pip install 'marsad[serve]'``.

  marsad serve --db examples/example.db            # then open http://127.0.0.1:8000/desk
  marsad serve --db postgresql://marsad@db/marsad --host 0.0.0.0 --read-token
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from marsad.errors import ConfigError
from marsad.store.base import default_location, open_store

SECRET_ENV = "MARSAD_SECRET_KEY"


def add_parser(subparsers: Any) -> None:
    """Register ``serve`` on the ``marsad`` command's subparsers."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "serve", help="the HTTP API and the review desk (needs marsad[serve])",
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--db", metavar="URL", help="store (default: $MARSAD_DB, $MARSAD_DATABASE_URL or ./marsad.db)")
    p.add_argument("--host", default="127.0.0.1", help="interface to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--read-token", action="store_true", help="reads need a bearer token too")
    p.add_argument("--max-body", type=int, default=2_000_000, metavar="BYTES",
                   help="largest request body accepted (default 2,000,000)")
    p.add_argument("--secure-cookies", action="store_true", help="session cookies only over HTTPS")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Carry out ``marsad serve``; return the exit code."""
    try:
        import uvicorn

        from marsad.serve.app import ServeSettings, create_app
    except ModuleNotFoundError as err:
        print(f"marsad serve needs the serve extra ({err.name} is missing): pip install 'marsad[serve]'",
              file=sys.stderr)
        return 2
    from marsad.serve.storecatalog import StoreCatalog

    if not 0 < args.port < 65536:
        raise ConfigError(f"--port {args.port} is not a port number")
    if args.max_body < 1000:
        raise ConfigError("--max-body must be at least 1000 bytes")
    secret = os.environ.get(SECRET_ENV, "").encode()
    if secret and len(secret) < 16:
        raise ConfigError(f"${SECRET_ENV} must hold at least 16 characters")
    store = open_store(args.db or default_location(), create=False)
    settings = ServeSettings(read_token_required=args.read_token, max_body_bytes=args.max_body,
                             secure_cookies=args.secure_cookies, secret_key=secret or None)
    app = create_app(StoreCatalog(store), settings)
    print(f"marsad serve: {store.label} on http://{args.host}:{args.port} (desk: /desk, API docs: /docs)",
          file=sys.stderr)
    try:
        uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    finally:
        store.close()
    return 0
