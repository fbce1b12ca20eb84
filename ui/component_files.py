"""A component's script served as a file by the app itself, so a rerun does not send it again.

An ``st.components.v2`` component given its JavaScript as text carries that
text in every message that draws it: for the map, vis-network and our drawing
code, about 500 KB on every rerun, parsed again by the page each time. Given a
file name instead, the page is sent the file's address
(``/_stcore/bidi-components/<name>/<file>``, same origin, nothing from
outside) and loads the file once. Streamlit serves such files only for
components declared with an ``asset_dir`` by an installed package's
``pyproject.toml``; :func:`file_backed` declares ours in code, on the app's own
runtime, with the files written to a private temporary folder named by their
contents (a new version gets a new address, so no page keeps an old one).

>>> name = "snx_doc.example"
>>> js = file_backed(name, "example.js", "export default function () {}")
>>> js.startswith("example-") and js.endswith(".js")
True
"""

from __future__ import annotations

import atexit
import hashlib
import shutil
import tempfile
import threading
from pathlib import Path

from streamlit.components.v2.component_manager import BidiComponentManager
from streamlit.components.v2.get_bidi_component_manager import get_bidi_component_manager
from streamlit.components.v2.manifest_scanner import ComponentConfig, ComponentManifest

__all__ = ["file_backed", "declare_on_runtime", "served_folder"]

_FOLDERS: dict[str, Path] = {}
_LOCK = threading.Lock()


def file_backed(name: str, file: str, text: str) -> str:
    """Write ``text`` as ``file`` (its stem and a digest of ``text``) for component ``name`` and declare
    the folder on the current component manager; return the file name to pass as ``js=``.

    ``name`` must be ``"<package>.<component>"``, as Streamlit names declared components.
    """
    stem, _, suffix = file.rpartition(".")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    served = f"{stem}-{digest}.{suffix}"
    with _LOCK:
        folder = _FOLDERS.get(name)
        if folder is None:
            folder = Path(tempfile.mkdtemp(prefix="snx-component-"))
            atexit.register(shutil.rmtree, folder, True)
            _FOLDERS[name] = folder
        target = folder / served
        if not target.exists():
            partial = folder / f".{served}.part"
            partial.write_text(text, encoding="utf-8")
            partial.replace(target)
    _declare(get_bidi_component_manager(), name)
    return served


def declare_on_runtime(name: str) -> None:
    """Declare ``name``'s folder on the running app's component manager when it does not know it yet.

    A module is imported once per process, but each ``AppTest`` (and a
    restarted runtime) brings a new manager: call this before mounting.
    """
    from streamlit.runtime import Runtime

    if Runtime.exists():
        _declare(Runtime.instance().bidi_component_registry, name)


def served_folder(name: str) -> Path | None:
    """The folder component ``name``'s files are served from, ``None`` before :func:`file_backed`."""
    return _FOLDERS.get(name)


def _declare(manager: BidiComponentManager, name: str) -> None:
    folder = _FOLDERS.get(name)
    if folder is None or manager.get_component_asset_root(name) == folder.resolve():
        return  # unknown, or declared already (a module imported again, say on a code change, declares anew)
    package, _, component = name.partition(".")
    manifest = ComponentManifest(name=package, version="1",
                                 components=[ComponentConfig(name=component, asset_dir=".")])
    manager.register_from_manifest(manifest, folder)
