"""Dash components of the page. ``page()`` builds it; ``ID`` names every component."""

from .ids import ID
from .page import page

__all__ = ["ID", "page"]
