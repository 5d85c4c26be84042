"""总图 as inline SVG: the bureau's powers grouped by what they mean to a person (申请 / 发放 / 检查 / 处罚强制 / 其他).

Each group is one SVG panel (area → its powers in that group, every area and power a link, counts by type) drawn
twice: a wide variant for desktops and print, a narrow one (340 px) for phones, so text never shrinks below 12 px.
Above the page limit (paging.py) a panel shows each area with its counts only (the area links to its 分图), so the
map stays the same size whatever the number of powers.
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from . import links
from .svg import FONT, LINE, Canvas, wrap
from .views import type_counts


@dataclass(frozen=True)
class Group:
    key: str
    name: str
    hint: str


GROUPS = [
    Group("apply", "我可以申请", "许可、确认、备案等：您提出申请，本局依法审查决定"),
    Group("give", "给我发放", "救助、补贴、奖励：符合条件的，本局给予"),
    Group("check", "会检查我", "对单位和活动的检查"),
    Group("punish", "可能处罚或强制我", "违法的，依法处罚或者采取强制措施"),
    Group("other", "其他", "监护、名录管理等其他权力"),
]
FOR_ME = ("apply", "give")  # what the bureau does for a person
TO_ME = ("check", "punish")  # what it may do to a person
_BY_TYPE = {"行政许可": "apply", "行政确认": "apply", "行政裁决": "apply", "行政给付": "give", "行政奖励": "give",
            "公共服务": "give", "行政检查": "check", "行政处罚": "punish", "行政强制": "punish", "行政征收": "punish"}

WIDE, NARROW = 460, 340
COMPACT_AREAS = 20  # compact panels draw this many areas, then one "另 N 个业务领域" row linking to the list of areas


def person_group(power) -> str:
    """The group a power belongs to for the person it touches; other powers on application are things one applies for."""
    group = _BY_TYPE.get(power.type)
    if group is None:
        group = "apply" if power.on_application else "other"
    return group


def grouped(model) -> list[tuple[Group, list[tuple[object, list]]]]:
    """Each group with its (area, powers) rows in area order; groups without powers are left out."""
    result = []
    for group in GROUPS:
        rows = [(a, [p for p in a.powers if person_group(p) == group.key]) for a in model.areas]
        rows = [(a, ps) for a, ps in rows if ps]
        if rows:
            result.append((group, rows))
    return result


def _area_rows(c: Canvas, group: Group, rows, width: int, url, compact: bool) -> float:
    """Each area box with, beside it, its powers as links (or, compact, one line of its counts); returns the next y."""
    area_w = 112 if width <= NARROW else 140
    power_x = area_w + 26
    y = 68
    for area, ps in rows[:COMPACT_AREAS] if compact else rows:
        lines = wrap(area.name, area_w - 16)
        if compact:
            power_lines = [wrap(f"{len(ps)} 项：" + "、".join(f"{t} {n}" for t, n in type_counts(ps)), width - power_x - 8)]
        else:
            power_lines = [wrap(p.name, width - power_x - 8) for p in ps]
        height = max(len(lines), sum(len(p) for p in power_lines) + (len(power_lines) - 1) * 0.35) * LINE + 12
        c.link(url(links.area_url(area.id)), f"分图：{area.name}")
        c.rect(0, y, area_w, height, "lm-svg-area")
        c.text(8, y + 6 + FONT, lines, "lm-svg-area-text")
        c.end_link()
        py = y + 6 + FONT
        if compact:
            c.line(area_w, py - 4, power_x - 6, py - 4, f"lm-svg-edge lm-g-{group.key}-edge")
            c.text(power_x, py, power_lines[0], "lm-svg-head-sub")
        for p, plines in zip([] if compact else ps, power_lines):
            c.line(area_w, py - 4, power_x - 6, py - 4, f"lm-svg-edge lm-g-{group.key}-edge")
            c.link(url(links.power_url(p.code)), p.name)
            py = c.text(power_x, py, plines, "lm-svg-link") + LINE * 1.35
            c.end_link()
        y += height + 8
    return y


def _more_row(c: Canvas, rows, width: int, url, y: float) -> None:
    """Compact panels: the areas beyond COMPACT_AREAS as one row linking to the list of every area."""
    rest = rows[COMPACT_AREAS:]
    if rest:
        c.link(url(links.list_url() + "#by-area"), "全部业务领域")
        c.text(8, y + 6 + FONT, wrap(f"另 {len(rest)} 个业务领域 {sum(len(ps) for _, ps in rest)} 项：见全部业务领域",
                                     width - 16), "lm-svg-link")
        c.end_link()


def _panel(group: Group, rows, width: int, url, uid: str, compact: bool = False) -> Markup:
    c = Canvas(width)
    powers = [p for _, ps in rows for p in ps]
    counts = "、".join(f"{t} {n}" for t, n in type_counts(powers))
    c.rect(0, 0, width, 56, f"lm-svg-head lm-g-{group.key}", rx=4)
    c.text(12, 23, [f"{group.name}（{len(powers)} 项）"], "lm-svg-head-text", size=16)
    c.text(12, 45, wrap(counts, width - 24)[:1], "lm-svg-head-sub")
    y = _area_rows(c, group, rows, width, url, compact)
    if compact:
        _more_row(c, rows, width, url, y)
    shown = rows[:COMPACT_AREAS] if compact else rows
    desc = "；".join(f"{a.name}：" + (f"{len(ps)} 项" if compact else "、".join(p.name for p in ps)) for a, ps in shown)
    return c.svg(uid, f"{group.name}：{len(powers)} 项（{counts}）", desc, f"lm-svg-{group.key}")


def _panels(group, rows, url, compact: bool) -> Markup:
    wide = _panel(group, rows, WIDE, url, f"lm-map-{group.key}-w", compact)
    narrow = _panel(group, rows, NARROW, url, f"lm-map-{group.key}-n", compact)
    return Markup(f'<div class="lm-svg-panel"><div class="lm-svg-wide">{wide}</div>'
                  f'<div class="lm-svg-narrow">{narrow}</div></div>')


def overview(model, url, compact: bool = False) -> dict:
    """The map for the home template: for_me / to_me / other, each {count, groups: [{group, count, svg}]};
    `compact`: areas with counts, no power names (for data above the page limit)."""
    groups = grouped(model)

    def half(keys):
        chosen = [(g, rows) for g, rows in groups if g.key in keys]
        return {"count": sum(len(ps) for _, rows in chosen for _, ps in rows),
                "groups": [{"group": g, "count": sum(len(ps) for _, ps in rows), "svg": _panels(g, rows, url, compact)}
                           for g, rows in chosen]}
    return {"for_me": half(FOR_ME), "to_me": half(TO_ME), "other": half(("other",))}
