"""政务公开 / 行政执法公示 records: their kinds (registered into the loader), builders and validation rules."""
from .kinds import register
from .records import Disclosure, Record, records

register()

__all__ = ["Disclosure", "Record", "records"]
