"""lawmap: the 法治账图 core — load, validate and model the bureau's YAML data, free of any site engine."""

__version__ = "0.1.0"
SCHEMA_VERSION = "1.0"
