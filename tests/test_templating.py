"""Page templates run with StrictUndefined: a misspelt name fails loudly instead of printing nothing."""
from __future__ import annotations

import pytest
from jinja2 import UndefinedError

from lawmap.site.templating import environment


def test_a_misspelt_field_fails_instead_of_rendering_empty():
    template = environment().from_string("{{ p.nmae }}")
    with pytest.raises(UndefinedError):
        template.render(p={"name": "事项"})
