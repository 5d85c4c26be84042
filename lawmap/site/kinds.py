"""Imports every page-kind module so each registers itself; add a line per new page kind."""
from . import home  # noqa: F401
