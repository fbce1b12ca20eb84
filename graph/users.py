"""Who may use a shared map: a users file with names, roles and argon2 password hashes.

The file is JSON, ``{"users": [{"name": "anna", "role": "editor", "hash": "$argon2id$…"}]}``;
roles are ``viewer`` (looks), ``editor`` (changes the map) and ``admin``.
Passwords are never stored, shown or logged, only their hashes.

>>> import tempfile, pathlib
>>> file = pathlib.Path(tempfile.mkdtemp()) / "users.json"
>>> add_user(file, "anna", "editor", "a long secret")
>>> login(load_users(file), "anna", "a long secret")
'editor'
>>> login(load_users(file), "anna", "wrong") is None
True
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path

from graph.model import DataError, Problem

__all__ = ["ROLES", "load_users", "login", "add_user", "may_write"]

ROLES = ("viewer", "editor", "admin")
#: Who may change the map (None: local use without a users file).
WRITERS = (None, "editor", "admin")


def _bad(path: Path, reason: str) -> DataError:
    return DataError(Problem.of(str(path), None, None, "unreadable", reason=reason))


def load_users(path: str | Path) -> dict[str, dict]:
    """name -> {"role", "hash"} from a users file; a sentence naming the file when it is wrong."""
    path = Path(path)
    try:
        data = json.loads(path.read_text("utf-8"))
    except OSError as exc:
        raise _bad(path, exc.strerror or str(exc)) from None
    except (UnicodeError, json.JSONDecodeError) as exc:
        raise _bad(path, f"not JSON: {exc}") from None
    users = data.get("users") if isinstance(data, dict) else None
    if not isinstance(users, list):
        raise _bad(path, 'expected {"users": [{"name": …, "role": …, "hash": …}]}')
    out = {}
    for i, user in enumerate(users, start=1):
        if not isinstance(user, dict) or not user.get("name") or user.get("role") not in ROLES \
                or not str(user.get("hash", "")).startswith("$argon2"):
            raise _bad(path, f"user {i} needs a name, a role ({', '.join(ROLES)}) and an argon2 hash")
        out[str(user["name"])] = {"role": user["role"], "hash": user["hash"]}
    return out


def login(users: dict[str, dict], name: str, password: str) -> str | None:
    """The role of ``name`` when ``password`` is theirs, else None (same answer for unknown names)."""
    from argon2 import PasswordHasher
    from argon2.exceptions import InvalidHashError, VerificationError

    user = users.get(name)
    hasher = PasswordHasher()
    try:
        if user is None:  # one verify, as for a real user: the time does not tell which names exist
            hasher.verify(_dummy_hash(), password + "\0")
            return None
        hasher.verify(user["hash"], password)
    except (VerificationError, InvalidHashError):
        return None
    return user["role"]


@cache
def _dummy_hash() -> str:
    """A hash no password matches, made once, to verify against for names that are not users."""
    from argon2 import PasswordHasher

    return PasswordHasher().hash(os.urandom(16).hex())


def add_user(path: str | Path, name: str, role: str, password: str) -> None:
    """Add or replace ``name`` in the users file (created when missing), storing only the password's hash."""
    from argon2 import PasswordHasher

    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    if len(password) < 8:
        raise ValueError("a password needs at least 8 characters")
    path = Path(path)
    users = load_users(path) if path.exists() else {}
    users[name] = {"role": role, "hash": PasswordHasher().hash(password)}
    rows = [{"name": n, **u} for n, u in sorted(users.items())]
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps({"users": rows}, indent=1), "utf-8")
    os.chmod(tmp, 0o600)  # password hashes: readable by their owner only
    tmp.replace(path)


def may_write(role: str | None) -> bool:
    """Whether ``role`` may change the map (None: local use without a users file)."""
    return role in WRITERS
