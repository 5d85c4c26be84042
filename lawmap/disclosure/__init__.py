"""政务公开 / 行政执法公示 records: their kinds (listed by lawmap.record_kinds), builders and validation rules."""
from .records import Disclosure, Record, records

__all__ = ["Disclosure", "Record", "records"]
