"""The store's commands: ``python -m graph import|get|apply|history|undo``.

Exit 0 when done, 1 with one line per problem when the input is invalid (nothing
written), 3 when a change is based on a version someone else has changed since.

>>> from graph.cli import main
>>> main(["get", "sqlite:///no/such/folder/map.db", "actors", "x"])
1
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from graph.model import TABLES, DataError, Problem
from graph.sources import open_dataset
from graph.users import ROLES

__all__ = ["add_store_commands", "EXIT_CONFLICT"]

EXIT_OK, EXIT_PROBLEMS, EXIT_CONFLICT = 0, 1, 3


def _problem(file: str, reason: str) -> DataError:
    return DataError(Problem.of(file, None, None, "unreadable", reason=reason))


def cmd_import(args: argparse.Namespace) -> int:
    from graph import store  # SQLAlchemy: imported by the store's commands only

    ds = open_dataset(args.data)
    engine = store.create(args.db)
    author = args.author or _user()
    summary = store.import_dataset(engine, ds, mode=args.mode, author=author, message=args.message or "")
    for table in TABLES:
        c = summary[table]
        print(f"{table:<15} {c['added']} added, {c['changed']} changed, {c['unchanged']} left alone"
              + (f", {c['deleted']} deleted" if args.mode == "replace" else ""))
    rev = summary["revision"]
    print(f"revision {rev}" if rev else "nothing to change: no new revision")
    return EXIT_OK


def _user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "command line"


def cmd_get(args: argparse.Namespace) -> int:
    from graph import store  # SQLAlchemy: imported by the store's commands only

    engine = store.open_store(args.url)
    row = store.get_row(engine, args.table, args.id)
    if row is None:
        print(f"error: no {args.table} with id {args.id!r}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(json.dumps(row, ensure_ascii=False, indent=1))
    return EXIT_OK


def _read_changes(path: str) -> dict:
    try:
        batch = json.loads(Path(path).read_text("utf-8-sig"))
    except OSError as exc:
        raise _problem(path, exc.strerror or str(exc)) from None
    except (UnicodeError, json.JSONDecodeError) as exc:
        raise _problem(path, f"not JSON: {exc}") from None
    if not isinstance(batch, dict) or not isinstance(batch.get("changes"), list):
        raise _problem(path, 'expected {"author": …, "message": …, "changes": [...]}')
    return batch


def cmd_apply(args: argparse.Namespace) -> int:
    from graph import store  # SQLAlchemy: imported by the store's commands only

    batch = _read_changes(args.changes)
    engine = store.open_store(args.url)
    number = store.apply_changes(engine, batch["changes"], author=str(batch.get("author") or _user()),
                                 message=str(batch.get("message") or ""))
    print(number)
    return EXIT_OK


def cmd_history(args: argparse.Namespace) -> int:
    from graph import store  # SQLAlchemy: imported by the store's commands only

    engine = store.open_store(args.url)
    revisions = store.history(engine, limit=args.limit)
    if args.format == "json":
        full = [store.revision(engine, r["number"]) for r in revisions]
        print(json.dumps(full, ensure_ascii=False, indent=1))
        return EXIT_OK
    for r in revisions:
        undoes = f" (undoes {r['undoes']})" if r["undoes"] else ""
        print(f"{r['number']:>5}  {r['time']}  {r['author']}: {r['message'] or '—'}{undoes}  [{r['changes']} change(s)]")
        for c in store.revision(engine, r["number"], limit=args.changes)["changes"]:
            print(f"       {c['op']:<6} {c['table']} {c['id']}: {store.describe_change(c)}")
    return EXIT_OK


def cmd_undo(args: argparse.Namespace) -> int:
    from graph import store  # SQLAlchemy: imported by the store's commands only

    engine = store.open_store(args.url)
    print(store.undo(engine, args.revision, author=args.author or _user()))
    return EXIT_OK


def cmd_user(args: argparse.Namespace) -> int:
    from graph.users import add_user

    password = sys.stdin.readline().rstrip("\n") if not sys.stdin.isatty() else __import__("getpass").getpass()
    try:
        add_user(args.file, args.name, args.role, password)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"{args.file}: {args.name} ({args.role})")
    return EXIT_OK


def add_store_commands(sub: argparse._SubParsersAction, data_help: str) -> None:
    """Add import, get, apply, history and undo to the parser of ``python -m graph``."""
    url_help = "the map's database: sqlite:///FILE or postgresql+psycopg://USER@HOST/NAME"
    p = sub.add_parser("import", help="validate DATA, then import it into the map in one transaction")
    p.add_argument("data", help=data_help + ", or a database URL")
    p.add_argument("--db", required=True, help=url_help + " (created when missing)")
    p.add_argument("--mode", choices=("replace", "merge"), default="merge",
                   help="merge: add and change rows (default); replace: also delete rows DATA lacks")
    p.add_argument("--author", help="who imports (default: the login name)")
    p.add_argument("--message", help="what the import is (shown in the history)")
    p.set_defaults(run=cmd_import)

    p = sub.add_parser("get", help="one row as JSON, with its version")
    p.add_argument("url", help=url_help)
    p.add_argument("table", choices=("actors", "collaborations", "themes", "documents"))
    p.add_argument("id")
    p.set_defaults(run=cmd_get)

    p = sub.add_parser("apply", help="a batch of changes (CHANGES.json) in one revision; exit 3 on a conflict")
    p.add_argument("url", help=url_help)
    p.add_argument("changes", help='JSON: {"author": …, "message": …, "changes": [{"op": "add"|"update"|"delete", …}]}')
    p.set_defaults(run=cmd_apply)

    p = sub.add_parser("history", help="revisions, newest first: who, when, what")
    p.add_argument("url", help=url_help)
    p.add_argument("--limit", type=int, default=None, help="at most this many revisions")
    p.add_argument("--changes", type=int, default=20, help="changes shown per revision in text (default 20)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(run=cmd_history)

    p = sub.add_parser("undo", help="undo a revision as a new one; exit 3 when a later change conflicts")
    p.add_argument("url", help=url_help)
    p.add_argument("revision", type=int)
    p.add_argument("--author", help="who undoes (default: the login name)")
    p.set_defaults(run=cmd_undo)

    p = sub.add_parser("user", help="add a user to a users file (the password read from stdin, stored as a hash)")
    p.add_argument("file", help="the users file (JSON) given to the app with --users")
    p.add_argument("name")
    p.add_argument("--role", choices=ROLES, default="editor")
    p.set_defaults(run=cmd_user)


def handle(exc: Exception) -> int | None:
    """The exit code for a store error (its sentence printed), or None when ``exc`` is not one."""
    store = sys.modules.get("graph.store")
    if store is None:  # never imported: ``exc`` cannot be one of its errors
        return None
    if isinstance(exc, store.Conflict):
        print(exc.text("en"), file=sys.stderr)
        return EXIT_CONFLICT
    if isinstance(exc, store.StoreError):
        print(f"error: {exc.text('en')}", file=sys.stderr)
        return EXIT_PROBLEMS
    return None


__all__ += ["handle"]
