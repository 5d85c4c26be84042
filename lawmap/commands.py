"""Further CLI sub-commands, each a module with `register(subparsers)`; listed here so `lawmap --help` shows all."""
from .exports import offline
from .staff import fill_articles, law_update, new_power, xlsx_export, xlsx_import

REGISTER = [fill_articles.register, law_update.register, xlsx_export.register, xlsx_import.register, new_power.register, offline.register]
