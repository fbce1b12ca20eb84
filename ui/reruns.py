"""Which part of the app a run draws: the whole app, or one fragment on its own (``st.fragment``).

A widget inside a fragment reruns only that fragment; what the rest of the page shows then stays as the
last run of the whole app left it.
"""

from __future__ import annotations

from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

__all__ = ["fragment_only"]


def fragment_only() -> bool:
    """Whether this run draws fragments on their own, not the whole app (False outside a run).

    >>> fragment_only()
    False
    """
    ctx = get_script_run_ctx(suppress_warning=True)
    return bool(ctx is not None and ctx.fragment_ids_this_run)
