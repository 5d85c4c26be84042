"""Imports every page-kind module so each registers itself; add a line per new page kind."""
from . import home  # noqa: F401
from . import area  # noqa: F401
from . import power  # noqa: F401
from . import power_list  # noqa: F401
from . import laws  # noqa: F401
from . import law  # noqa: F401
from . import basis  # noqa: F401
from . import report_errors  # noqa: F401
from . import staff_findings  # noqa: F401
from . import law_updates  # noqa: F401
from . import opendata_page  # noqa: F401
from . import opendata_changes  # noqa: F401
from . import disclosure_index, disclosure_before, disclosure_after, disclosure_lenient  # noqa: F401,E401
from . import disclosure_inspections, disclosure_normative, disclosure_certificates  # noqa: F401,E401
from . import disclosure_report, disclosure_figures, disclosure_guide, disclosure_catalog, disclosure_annual  # noqa: F401,E401
