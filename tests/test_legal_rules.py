"""The legal-accuracy rules (lawmap/legal_rules.py), each on a copy of the minimal fixture broken in one place: what
staff would see, at the line they must fix, and that the correct form passes."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lawmap.loader import load_project

MINIMAL = Path(__file__).parent / "fixtures" / "minimal"
AREA = "areas/zuzhi.yaml"
LAW = "laws/shetuan-tiaoli.yaml"
CLERK = "由登记管理机关给予警告"
ART_28 = """      - no: 28
        paras:
          - id: k1
            text: "社会团体应当于每年3月31日前向业务主管单位报送上一年度的工作报告，经业务主管单位初审同意后，于5月31日前报送登记管理机关，接受年度检查。"
"""
DISCIPLINE_ART = """      - no: 34
        paras:
          - id: k1
            text: "登记管理机关、业务主管单位的工作人员滥用职权、徇私舞弊、玩忽职守的，依法给予处分。"
"""
LENIENT_ROW = """title: 三张清单
rows:
  - id: {id}
    list: {list}
    power: T-CF-001
    subitem: {subitem}
    conditions: [初次违法]
    measures: [责令改正]
    lenient_bases:
      - {{law: shetuan-tiaoli, version: "2016-02-06", at: 30/2}}
    source: 示例
"""


REPORT = """year: 2023
title: 测试报告
addressee: 市政府
signer: 测试市民政局
signed_on: "2023-12-18"
sections:
  - {id: 一, heading: 三张清单, text: 不予处罚9项，从轻处罚9项，减轻处罚9项。}
figures:
  - {id: a, means: 不予处罚清单事项数, label: 不予处罚, value: 9, unit: 项, section: 一, quote: 不予处罚9项}
  - {id: b, means: 从轻处罚清单事项数, label: 从轻处罚, value: 9, unit: 项, section: 一, quote: 从轻处罚9项}
  - {id: c, means: 减轻处罚清单事项数, label: 减轻处罚, value: 9, unit: 项, section: 一, quote: 减轻处罚9项}
"""  # the report figures the 三张清单 rows are counted against (a missing one is an error of its own)


@pytest.fixture
def data(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(MINIMAL, tmp_path / "data")
    write(tmp_path / "data", "disclosure/reports/2023.yaml", REPORT)
    return tmp_path / "data"


def edit(data: Path, name: str, old: str, new: str) -> None:
    path = data / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture has no {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def write(data: Path, name: str, text: str) -> None:
    (data / name).parent.mkdir(parents=True, exist_ok=True)
    (data / name).write_text(text, encoding="utf-8")


def problems(data: Path, on: str = "2026-11-30") -> list[str]:
    return load_project(data, on=on).report.lines()


def synthetic_law(data: Path) -> None:
    """The tests below rewrite article texts: the law then no longer stands for its reference text (quote check)."""
    edit(data, LAW, 'reference: "社会团体登记管理条例(2016-02-06).md"', "unchecked: 测试用的改写文本，不与参考文本比对")


def add_article(data: Path, text: str) -> None:
    synthetic_law(data)
    edit(data, LAW, "    articles:\n", "    articles:\n" + text)


# ---- 行使层级 / 实施主体 ----------------------------------------------------------------------------------------

def test_a_county_power_the_city_bureau_decides_is_an_error(data):
    edit(data, AREA, "level: 市级", "level: 县级")
    assert problems(data) == [
        "data/areas/zuzhi.yaml:7:5: error: 事项 T-CF-001 行使层级为县级，实施主体却是“测试市民政局”：应写县级机关（如 县级人民政府民政部门），本局的指导、监督职责写在 supervision",
        "data/areas/zuzhi.yaml:7:5: error: 事项 T-CF-001 行使层级为县级：须在 supervision 写明本局（测试市民政局）的指导、监督职责"]


def test_a_county_power_given_to_the_county_bureau_with_the_city_role_stated_passes(data):
    edit(data, AREA, "level: 市级\n    subject: 测试市民政局\n",
         "level: 县级\n    subject: 县级人民政府民政部门\n    supervision: 测试市民政局指导、监督县级民政部门办理\n")
    assert problems(data) == []


def test_a_city_power_given_to_a_county_bureau_is_an_error(data):
    edit(data, AREA, "subject: 测试市民政局", "subject: 县级人民政府民政部门")
    assert problems(data) == ["data/areas/zuzhi.yaml:7:5: error: 事项 T-CF-001 行使层级为市级，实施主体却是县级机关“县级人民政府民政部门”"]


def test_a_power_of_both_levels_names_both_subjects(data):
    edit(data, AREA, "level: 市级", "level: 市级、县级")
    assert problems(data) == ["data/areas/zuzhi.yaml:7:5: error: 事项 T-CF-001 行使层级为市级、县级：实施主体须分别写明市级（测试市民政局）和县级的实施机关，现为“测试市民政局”"]
    edit(data, AREA, "subject: 测试市民政局", "subject: 测试市民政局（市本级）；县（市、区）民政局（本行政区域内）")
    assert problems(data) == []


def test_a_city_power_founded_on_an_article_giving_the_act_to_the_county_bureau_is_an_error(data):
    synthetic_law(data)
    edit(data, LAW, CLERK, "由县级人民政府民政部门给予警告")
    assert problems(data) == ["data/areas/zuzhi.yaml:17:9: error: 《社会团体登记管理条例》第三十条第一款第（四）项规定由县级人民政府民政部门实施，事项 T-CF-001 的行使层级却是市级"]


def test_a_decision_of_the_city_bureau_under_an_article_of_the_county_bureau_is_an_error(data):
    from disclosure_helpers import decision
    synthetic_law(data)
    edit(data, LAW, CLERK, "由县级人民政府民政部门给予警告")
    edit(data, AREA, "level: 市级\n    subject: 测试市民政局\n",
         "level: 市级、县级\n    subject: 测试市民政局（市本级）；县级人民政府民政部门（变更登记）\n")
    write(data, "disclosure/decisions/2023.yaml", "year: 2023\ndecisions:\n" + decision("d1"))
    assert problems(data) == ["data/disclosure/decisions/2023.yaml:7:13: error: 执法决定 d1：执法机关是测试市民政局，所适用的《社会团体登记管理条例》第三十条第一款第（四）项却规定由县级人民政府民政部门决定"]
    edit(data, "disclosure/decisions/2023.yaml", "agency: 测试市民政局", "agency: 测试县民政局")
    assert problems(data) == []


def test_a_decision_under_a_county_only_power_by_the_city_bureau_is_an_error(data):
    from disclosure_helpers import decision
    edit(data, AREA, "level: 市级\n    subject: 测试市民政局\n",
         "level: 县级\n    subject: 县级人民政府民政部门\n    supervision: 指导、监督\n")
    write(data, "disclosure/decisions/2023.yaml", "year: 2023\ndecisions:\n" + decision("d1"))
    assert "执法决定 d1：事项 T-CF-001 由县级实施，执法机关却是测试市民政局" in "\n".join(problems(data))


# ---- the version in force on the data's as-of date -------------------------------------------------------------

def test_a_version_not_yet_in_force_on_the_as_of_date_is_a_warning_unless_the_data_says_why(data):
    edit(data, "agency.yaml", 'as_of: "2023-12-18"', 'as_of: "2016-01-31"')
    lines = problems(data)
    assert len(lines) == 3 and all("数据截至 2016-01-31 时尚未施行" in line for line in lines)
    assert lines[0].startswith("data/areas/zuzhi.yaml:17:9: warning: 《社会团体登记管理条例》2016-02-06 版本自 2016-02-06 起施行")
    edit(data, "agency.yaml", "offices:", "as_of_exceptions:\n  - {law: shetuan-tiaoli, version: \"2016-02-06\", "
                                          "reason: 按即将施行的文本编制}\noffices:")
    assert problems(data) == []


def test_a_version_superseded_by_the_as_of_date_is_a_warning(data):
    edit(data, LAW, "    status: 现行有效\n", "    status: 已修改\n    superseded_by: \"2020-01-01\"\n")
    (data / LAW).write_text((data / LAW).read_text(encoding="utf-8") + """  - id: "2020-01-01"
    promulgated: "2020-01-01"
    effective: "2020-01-01"
    status: 现行有效
    unchecked: 测试用的新版本
    articles: []
""", encoding="utf-8")
    lines = problems(data)
    assert "data/areas/zuzhi.yaml:17:9: warning: 数据截至 2023-12-18 时《社会团体登记管理条例》现行版本为 2020-01-01，所引 2016-02-06 版本已被取代" in lines


# ---- a basis sets the act it is cited for -----------------------------------------------------------------------

def test_a_penalty_basis_whose_article_sets_no_sanction_is_a_warning_naming_it(data):
    add_article(data, ART_28)
    edit(data, AREA, "at: 第三十条第一款第（四）项}", "at: 第二十八条}")
    assert problems(data) == ["data/areas/zuzhi.yaml:17:9: warning: 事项 T-CF-001 的处罚依据《社会团体登记管理条例》第二十八条的条文中"
                              "没有设定处罚的内容（未见“罚款、警告、没收、吊销、责令、取缔”等字样），请核对是否引错条文"]


def test_an_item_is_read_with_its_paragraphs_lead_in(data):
    # 30/1/4 itself says only “不按照规定办理变更登记的”: the sanction is in 款 1's lead-in, so the basis passes
    assert problems(data) == []
    synthetic_law(data)
    edit(data, LAW, "给予警告，责令改正，可以限期停止活动，并可以责令撤换直接负责的主管人员；情节严重的，予以撤销登记；", "")
    assert "没有设定处罚的内容" in "\n".join(problems(data))


def test_a_coercion_basis_must_set_a_coercive_measure(data):
    edit(data, AREA, "type: 行政处罚", "type: 行政强制")
    edit(data, AREA, "kind: 处罚依据", "kind: 强制依据")
    assert problems(data) == ["data/areas/zuzhi.yaml:17:9: warning: 事项 T-CF-001 的强制依据《社会团体登记管理条例》第三十条第一款第（四）项"
                              "的条文中没有设定强制措施的内容（未见“封存、查封、扣押、冻结、扣留、强制”等字样），请核对是否引错条文"]


def test_a_licence_setting_basis_must_set_a_licence(data):
    # 登记 inside “登记管理机关” (the authority's name) does not count: 第二十八条 (年检) sets no licence
    add_article(data, ART_28)
    edit(data, AREA, "type: 行政处罚", "type: 行政许可")
    edit(data, AREA, "{kind: 处罚依据, law: shetuan-tiaoli, version: \"2016-02-06\", at: 第三十条第一款第（四）项}",
         "{kind: 设定依据, law: shetuan-tiaoli, version: \"2016-02-06\", at: 第二十八条}")
    assert problems(data) == ["data/areas/zuzhi.yaml:17:9: warning: 事项 T-CF-001 的设定依据《社会团体登记管理条例》第二十八条的条文中"
                              "没有设定许可的内容（未见“许可、登记、批准、审批、核准、准予”等字样），请核对是否引错条文"]
    edit(data, LAW, "接受年度检查。", "接受年度检查；年度检查不合格的，不予核准。")
    assert problems(data) == []


# ---- 全文: a 规章 cited as a whole because its text cannot be checked --------------------------------------------

GUIZHANG = """id: guizhang
title: 测试管理办法
short: 测试办法
level: 部门规章
issuer: 民政部
versions:
  - id: "2020-09-01"
    doc_no: 民政部令第1号
    promulgated: "2020-09-01"
    effective: "2020-11-01"
    status: 现行有效
    unchecked: 文本不在参考文本库中，未经核对
    articles: []
"""


def test_a_whole_regulation_citation_of_an_unchecked_version_passes_and_is_not_text_checked(data):
    write(data, "laws/guizhang.yaml", GUIZHANG)
    edit(data, AREA, "      - {kind: 处罚依据, law: shetuan-tiaoli",
         "      - {kind: 处罚依据, law: guizhang, version: \"2020-09-01\", at: 全文, note: 罚则条文未经核对}\n"
         "      - {kind: 处罚依据, law: shetuan-tiaoli")
    project = load_project(data, on="2026-11-30")
    assert project.report.lines() == []
    ref = project.model.powers[0].bases[0]
    assert ref.citation() == "《测试管理办法》（民政部令第1号）（整部引用，未引具体条文）" and not ref.resolved


def test_a_whole_regulation_citation_where_the_text_is_carried_is_an_error(data):
    edit(data, AREA, "at: 第三十条第一款第（四）项}", "at: 全文}")
    assert problems(data) == ["data/areas/zuzhi.yaml:17:9: error: 《社会团体登记管理条例》（2016-02-06）有参考文本，请引用具体条文，不要写“全文”"]


# ---- 三张清单 ----------------------------------------------------------------------------------------------------

def with_fine_subitem(data: Path) -> None:
    edit(data, AREA, "      - {id: biangeng, name: 不按照规定办理变更登记}\n",
         "      - {id: biangeng, name: 不按照规定办理变更登记}\n"
         "      - id: yingli\n        name: 有违法所得\n        bases:\n"
         "          - {kind: 处罚依据, law: shetuan-tiaoli, version: \"2016-02-06\", at: 30/2}\n")


def test_jianqing_for_a_sanction_without_a_lower_limit_is_an_error(data):
    with_fine_subitem(data)
    write(data, "disclosure/lenient.yaml", LENIENT_ROW.format(id="j1", list="减轻处罚", subitem="biangeng"))
    assert problems(data) == ["data/disclosure/lenient.yaml:6:14: error: j1（减轻处罚）：《社会团体登记管理条例》第三十条第一款第（四）项"
                              "规定的处罚没有下限（无“×倍以上”“×元以上”），减轻处罚（在法定最低限度以下）无从适用"]


def test_jianqing_for_a_fine_with_a_floor_passes(data):
    with_fine_subitem(data)
    write(data, "disclosure/lenient.yaml", LENIENT_ROW.format(id="j1", list="减轻处罚", subitem="yingli"))
    assert problems(data) == []


def test_jianqing_on_an_unchecked_whole_regulation_cannot_show_a_floor(data):
    write(data, "laws/guizhang.yaml", GUIZHANG)
    edit(data, AREA, "      - {id: biangeng, name: 不按照规定办理变更登记}\n",
         "      - id: biangeng\n        name: 不按照规定办理变更登记\n        bases:\n"
         "          - {kind: 处罚依据, law: guizhang, version: \"2020-09-01\", at: 全文}\n")
    write(data, "disclosure/lenient.yaml", LENIENT_ROW.format(id="j1", list="减轻处罚", subitem="biangeng"))
    assert problems(data) == ["data/disclosure/lenient.yaml:6:14: error: j1（减轻处罚）：《测试管理办法》（民政部令第1号）（整部引用，"
                              "未引具体条文）没有可核对的条文，看不出法定最低限度，不能列入减轻处罚清单"]


@pytest.mark.parametrize("name", ["不予处罚", "从轻处罚"])
def test_buyu_and_congqing_rows_point_at_a_subitem_that_exists(data, name):
    write(data, "disclosure/lenient.yaml", LENIENT_ROW.format(id="r1", list=name, subitem="biangeng"))
    assert problems(data) == []
    edit(data, "disclosure/lenient.yaml", "subitem: biangeng", "subitem: bianegng")
    assert problems(data) == ["data/disclosure/lenient.yaml:6:14: error: r1：事项 T-CF-001 没有子项 'bianegng'（已有：biangeng）"]


def test_a_row_whose_subitem_has_no_penalty_basis_is_an_error(data):
    edit(data, AREA, "kind: 处罚依据", "kind: 实施依据")
    edit(data, AREA, "type: 行政处罚", "type: 行政处罚\n    note: 测试")
    write(data, "disclosure/lenient.yaml", LENIENT_ROW.format(id="r1", list="从轻处罚", subitem="biangeng"))
    lines = problems(data)
    assert "data/disclosure/lenient.yaml:6:14: error: r1（从轻处罚）：所对应的子项（违法情形）没有处罚依据" in lines


# ---- repealed national laws -------------------------------------------------------------------------------------

REGISTRY = """laws:
  - title: 中华人民共和国婚姻法
    repealed_on: "2021-01-01"
    repealed_by: 民法典第一千二百六十条
    source: 测试
  - title: 社会团体登记管理条例
    promulgated: "1989-10-25"
    repealed_on: "1998-10-25"
    repealed_by: 测试
    source: 测试
"""
HUNYIN = """id: hunyin-fa
title: 中华人民共和国婚姻法
short: 婚姻法
level: 法律
issuer: 全国人民代表大会
versions:
  - id: "2001-04-28"
    promulgated: "2001-04-28"
    effective: "2001-04-28"
    status: 现行有效
    unchecked: 测试
    articles: []
"""


def test_a_repealed_law_entered_as_current_is_an_error(data):
    write(data, "laws-repealed.yaml", REGISTRY)
    write(data, "laws/hunyin-fa.yaml", HUNYIN)
    assert problems(data) == ["data/laws/hunyin-fa.yaml:7:5: error: 《中华人民共和国婚姻法》已于 2021-01-01 废止（民法典第一千二百六十条），"
                              "2001-04-28 版本不能录为“现行有效”"]
    edit(data, "laws/hunyin-fa.yaml", "status: 现行有效", "status: 已废止")
    assert problems(data) == []


def test_a_later_text_under_a_repealed_name_is_not_the_repealed_one(data):
    # the registry's 社会团体登记管理条例 is the 1989 text; the fixture cites the 2016 one
    write(data, "laws-repealed.yaml", REGISTRY)
    assert problems(data) == []


def test_the_registry_is_schema_checked(data):
    write(data, "laws-repealed.yaml", REGISTRY.replace('    repealed_on: "2021-01-01"\n', ""))
    assert problems(data) == ["data/laws-repealed.yaml:2:5: error: 缺少必填字段 'repealed_on'"]


def test_the_bundled_registry_lists_the_marriage_adoption_and_inheritance_laws():
    from lawmap.loader import load_project as load
    registry = {e["title"]: e["repealed_on"] for e in load(Path(__file__).parent.parent / "data").model.repealed}
    assert {registry[t] for t in ("中华人民共和国婚姻法", "中华人民共和国收养法", "中华人民共和国继承法")} == {"2021-01-01"}


# ---- a duty rests on the article that imposes it ----------------------------------------------------------------

def test_a_discipline_clause_as_the_basis_of_a_duty_is_a_warning(data):
    add_article(data, DISCIPLINE_ART)
    edit(data, AREA, "bases: [{law: shetuan-tiaoli, version: \"2016-02-06\", at: 30/2}]}",
         "bases: [{law: shetuan-tiaoli, version: \"2016-02-06\", at: 30/2}, {law: shetuan-tiaoli, version: \"2016-02-06\", at: 34}]}")
    assert problems(data) == ["data/areas/zuzhi.yaml:19:100: warning: 事项 T-CF-001 的责任事项（立案）以《社会团体登记管理条例》第三十四条为依据，"
                              "该条是处分（追责）条款，不设定这项职责：请改引设定职责的条文，追责条款写在追责依据"]
    edit(data, LAW, "依法给予处分。", "由上级机关责令改正，依法给予处分。")
    assert problems(data) == []


# ---- the bundled data: the review's findings are fixed -----------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def bundled():
    return load_project(ROOT / "data")


def test_the_six_county_powers_are_decided_by_the_county_bureau_under_the_citys_supervision(bundled):
    for code in ("SNMZ-QR-040", "SNMZ-QR-041", "SNMZ-JF-028", "SNMZ-JF-029", "SNMZ-JF-030", "SNMZ-JF-043"):
        power = bundled.model.power(code)
        assert power.level == "县级" and power.subject.startswith("县级人民政府民政部门"), code
        assert "遂宁市民政局" not in power.subject and "监督" in power.supervision, code


def test_the_bundled_data_judged_on_its_own_as_of_date_is_clean(bundled):
    as_of = bundled.model.agency.data["as_of"]
    assert load_project(ROOT / "data", on=as_of).report.lines() == []


def test_cf022_and_qt009_rest_on_the_regulations_that_set_them(bundled):
    def whole(code):
        return {(r.law.short, r.version.doc_no, r.kind) for r in bundled.model.power(code).bases if r.at.whole}
    assert whole("SNMZ-CF-022") == {("养老机构办法", "民政部令第66号", "处罚依据")}
    assert whole("SNMZ-QT-009") == {("社会组织信用办法", "民政部令第60号", "设定依据")}
    assert not any(r.kind == "处罚依据" and r.law_id == "laonianren-fa" for r in bundled.model.power("SNMZ-CF-022").all_refs())
