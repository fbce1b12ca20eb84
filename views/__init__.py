"""The app's pages, one module per address (``/explore``, ``/paths``, …).

Each module is run by ``st.navigation`` as a script, draws its page from the
shared context (:func:`ui.context.current`) and keeps what only that page
needs; what several pages share (state, words, widgets, the map component)
lives in ``ui/``.
"""
