"""运行流程图 on power pages: the diagram is visible, and every step of the data is there as text, in order."""
from __future__ import annotations

import pytest

from lawmap.loader import load_project
from site_pages import FLOW_POWERS


@pytest.fixture(scope="module")
def model(site_data_dir):
    return load_project(site_data_dir).model


@pytest.mark.parametrize("code", FLOW_POWERS)
def test_flow_diagram_shows_every_step_as_text(page, site_url, model, code):
    steps = [step.name for step in model.power(code).process]
    assert steps, f"{code} has no process in the data"
    page.goto(f"{site_url}/powers/{code}/")
    flow = page.locator("ol.lm-flow")
    flow.scroll_into_view_if_needed()
    assert flow.is_visible()
    names = flow.locator(".lm-step-name")
    assert names.all_inner_texts() == steps
    assert all(name.is_visible() for name in names.all())
    box = flow.bounding_box()
    assert box["width"] > 200 and box["height"] > 40 * len(steps)


@pytest.mark.parametrize("code", FLOW_POWERS[:1])
def test_flow_diagram_prints(page, site_url, model, code):
    page.goto(f"{site_url}/powers/{code}/")
    page.emulate_media(media="print")
    assert page.locator("ol.lm-flow .lm-step-name").first.is_visible()
