"""``marsad token create --name NAME [--scopes read,write] | list | revoke NAME``: API and desk tokens.

A token is shown once, when created; the store keeps only its SHA-256. API clients send it as
``Authorization: Bearer TOKEN``; reviewers sign in to the desk with it (writing needs the
``write`` scope). Tokens live in the store (``--db``, else ``$MARSAD_DB``, else ``./marsad.db``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from marsad.errors import ConfigError
from marsad.store.base import default_location, open_store


def add_parser(subparsers: Any) -> None:
    """Register ``token`` on the ``marsad`` command's subparsers."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "token", help="create, list or revoke API and desk tokens", description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("action", choices=("create", "list", "revoke"))
    p.add_argument("name", nargs="?", help="the token's name (revoke)")
    p.add_argument("--name", dest="name_opt", metavar="NAME", help="the token's name (create): who uses it")
    p.add_argument("--scopes", default="read,write", help="read, write or read,write (default)")
    p.add_argument("--db", metavar="URL", help="store (default: $MARSAD_DB or ./marsad.db)")
    p.set_defaults(func=run)


def _when(seconds: float | None) -> str:
    return dt.datetime.fromtimestamp(seconds, dt.UTC).strftime("%Y-%m-%d %H:%M") if seconds else "-"


def run(args: argparse.Namespace) -> int:
    """Carry out ``marsad token``; return the exit code."""
    name = args.name_opt or args.name
    with open_store(args.db or default_location(), create=args.action == "create") as store:
        if args.action == "create":
            if not name:
                raise ConfigError("marsad token create needs --name NAME")
            scopes = tuple(s.strip() for s in args.scopes.split(",") if s.strip())
            try:
                token = store.create_token(name, scopes)
            except ValueError as err:
                raise ConfigError(str(err)) from err
            print(token)
            print(f"marsad token: {name!r} ({', '.join(scopes)}) created; it is shown only now", file=sys.stderr)
        elif args.action == "list":
            for info in store.tokens():
                state = f"revoked {_when(info.revoked_at)}" if info.revoked_at else "live"
                print(f"{info.name}\t{','.join(info.scopes)}\tcreated {_when(info.created_at)}\t"
                      f"last used {_when(info.last_used_at)}\t{state}")
        else:
            if not name:
                raise ConfigError("marsad token revoke needs the token's NAME")
            if not store.revoke_token(name):
                raise ConfigError(f"no live token named {name!r}")
            print(f"marsad token: {name!r} revoked", file=sys.stderr)
    return 0
