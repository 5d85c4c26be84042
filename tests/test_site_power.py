"""事项卡片: every power has its card with its facts, the quoted text of each basis linked to its article, the staged
责任事项, 追责, the flow with its branches, the risk table, and banners for 示例 records and stale bases."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lawmap.loader import load_project
from lawmap.site import render
from site_html import content, page, squash, text

FIXTURE = Path(__file__).parent / "fixtures" / "adversarial"


@pytest.fixture(scope="module")
def model(site_data_dir):
    return load_project(site_data_dir).model


def test_every_power_has_a_card_with_its_facts(built_site, model):
    assert model.powers
    for power in model.powers:
        body = text(content(page(built_site, f"powers/{power.code}/")))
        for value in (power.name, power.code, power.type, power.subject, power.time_limit.legal, power.fee):
            assert value in body, f"{power.code}: {value!r} missing"


def test_each_basis_is_quoted_and_links_to_its_article(built_site, model):
    for power in model.powers:
        card = content(page(built_site, f"powers/{power.code}/"))
        bases = card.select(".lm-basis")
        assert len(bases) == len(power.bases)
        for ref, block in zip(power.bases, bases):
            link = block.select_one("a.lm-ref")
            assert link.get_text() == ref.citation()
            if ref.at.whole:  # a 规章 cited as a whole (民政部令第66号): its law page, and said to be unchecked
                assert link["href"].endswith(f"laws/{ref.law_id}/") and "未经核对" in text(block)
                continue
            assert link["href"].endswith(f"laws/{ref.law_id}/#{link['href'].split('#')[1]}")
            assert ref.anchor() in link["href"]
            assert squash(ref.quoted_text()) in squash(text(block)), f"{power.code}: quote of {ref.citation()}"


def test_responsibilities_accountability_flow_and_risks_are_shown(built_site, model):
    for power in model.powers:
        card = content(page(built_site, f"powers/{power.code}/"))
        stages = [row.th.get_text() for row in card.select("#responsibilities + .lm-table-wrap tbody tr")]
        assert stages == [r.stage for r in power.responsibilities]
        body = text(card)
        for case in power.accountability["cases"]:
            assert case in body
        steps = card.select("ol.lm-flow > li")
        assert [s["id"] for s in steps] == [f"step-{s.id}" for s in power.process]
        for step in power.process:
            for branch in step.branches or []:
                link = card.select_one(f"#step-{step.id} .lm-branches a[href='#step-{branch.to}']")
                assert link is not None and branch.when in text(card.select_one(f"#step-{step.id}"))
        risk_rows = card.select("table.lm-risks tbody tr")
        assert len(risk_rows) == len(power.risks)
        assert [th.get_text() for th in card.select("table.lm-risks thead th")][:4] == ["环节", "风险点", "等级", "防控措施"]


def test_example_records_say_so_on_the_card(built_site, model):
    for power in model.powers:
        banner = content(page(built_site, f"powers/{power.code}/")).select_one(".lm-example")
        assert (banner is not None) == power.is_example, power.code
        if banner is not None:
            assert "示例" in text(banner) and "公开来源" in text(banner)


def test_a_stale_basis_gets_a_banner(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    law = data / "laws" / "evil-law.yaml"
    law.write_text(law.read_text(encoding="utf-8").replace(
        "    articles: []\n", "    articles:\n      - no: 3\n        paras:\n          - {id: k1, text: 旧条文}\n", 1),
        encoding="utf-8")
    area = data / "areas" / "evil.yaml"
    area.write_text(area.read_text(encoding="utf-8").replace(
        "    responsibilities:\n",
        '      - {kind: 实施依据, law: evil-law, version: "2020-01-01", at: 3}\n    responsibilities:\n', 1),
        encoding="utf-8")
    model = load_project(data).model
    markdown = render(model, "power", "EV-CF-001")
    assert "依据需要核对" in markdown
    assert "依据已过时" in markdown and "现行版本为 2022-01-01" in markdown
    assert markdown.count("lm-stale-note") == 1  # only the stale basis is flagged


def test_a_step_with_empty_next_ends_the_flow(built_site, model):
    power = model.power("SNMZ-XK-001")
    ending = next(s for s in power.process if s.next == [])
    step = content(page(built_site, "powers/SNMZ-XK-001/")).select_one(f"#step-{ending.id}")
    assert "（办结）" in text(step)
    assert "lm-step-next" not in step.get("class", [])
