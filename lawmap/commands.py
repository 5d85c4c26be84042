"""Further CLI sub-commands, each a module with `register(subparsers)`; listed here so `lawmap --help` shows all."""
from . import fill_articles

REGISTER = [fill_articles.register]
