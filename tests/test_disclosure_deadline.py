"""Publication deadlines in working days (holidays and 调休 from chinesecalendar), and the warning staff see."""
from __future__ import annotations

import datetime as dt

from lawmap.disclosure.deadline import add_workdays, days_late, workdays_between
from lawmap.loader import load_project

from disclosure_helpers import decision, decisions_file, make_data, run_check


def test_seventh_working_day_after_28_september_2023_is_13_october():
    # 29 Sep – 6 Oct 2023 are holidays; Sat 7 and Sun 8 Oct are 调休 working days
    assert add_workdays(dt.date(2023, 9, 28), 7) == dt.date(2023, 10, 13)
    assert workdays_between(dt.date(2023, 9, 28), dt.date(2023, 10, 8)) == 2


def test_days_late_across_national_day_is_exact():
    assert days_late("2023-09-28", "2023-10-13", 7) == 0
    assert days_late("2023-09-28", "2023-10-16", 7) == 1  # Sat 14 and Sun 15 Oct are not working days
    assert days_late("2023-09-28", "2023-10-18", 7) == 3


def test_late_penalty_decision_is_a_warning_naming_record_and_days(tmp_path):
    data = make_data(tmp_path, {"disclosure/decisions/2023.yaml": decisions_file(
        decision("on-time", published="2023-10-13"), decision("late", published="2023-10-16"))})
    done = run_check(data)
    warnings = [line for line in done.stdout.splitlines() if ": warning: " in line]
    assert len(warnings) == 1, done.stdout
    assert "data/disclosure/decisions/2023.yaml:" in warnings[0]
    assert "执法决定 late" in warnings[0] and "2023-10-13 前" in warnings[0] and "逾期 1 个工作日" in warnings[0]


def test_inspection_results_get_twenty_working_days(tmp_path):
    inspection = decision("jc", published="2023-10-27").replace("T-CF-001", "T-JC-001").replace("    subitem: biangeng\n", "")
    data = make_data(tmp_path, {"disclosure/decisions/2023.yaml": decisions_file(inspection)})
    text = (data / "areas" / "zuzhi.yaml").read_text(encoding="utf-8")
    power = text[text.index("  - code: T-CF-001"):]
    extra = power.replace("T-CF-001", "T-JC-001").replace("行政处罚", "行政检查").replace("对社会团体违法行为的行政处罚", "社会团体监督检查")
    extra = extra.replace("kind: 处罚依据", "kind: 检查依据")
    (data / "areas" / "zuzhi.yaml").write_text(text + extra, encoding="utf-8")
    project = load_project(data)
    assert not project.report.errors, project.report.lines()
    assert project.report.warnings == []  # 27 Oct is the 17th working day after 28 Sep: within 20
