"""Streamlit views of the stakeholder network explorer."""

__all__: list[str] = []
