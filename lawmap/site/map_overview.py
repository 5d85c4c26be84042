"""总图 as inline SVG: the bureau's powers grouped by what they mean to a person (申请 / 发放 / 检查 / 处罚强制 / 其他).

Each group is one SVG panel (area → its powers in that group, every area and power a link, counts by type) drawn
twice: a wide variant for desktops and print, a narrow one (340 px) for phones, so text never shrinks below 12 px.
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


def _panel(group: Group, rows, width: int, url, uid: str) -> Markup:
    c = Canvas(width)
    powers = [p for _, ps in rows for p in ps]
    counts = "、".join(f"{t} {n}" for t, n in type_counts(powers))
    c.rect(0, 0, width, 56, f"lm-svg-head lm-g-{group.key}", rx=4)
    c.text(12, 23, [f"{group.name}（{len(powers)} 项）"], "lm-svg-head-text", size=16)
    c.text(12, 45, wrap(counts, width - 24)[:1], "lm-svg-head-sub")
    area_w = 112 if width <= NARROW else 140
    power_x = area_w + 26
    y = 68
    for area, ps in rows:
        lines = wrap(area.name, area_w - 16)
        power_lines = [wrap(p.name, width - power_x - 8) for p in ps]
        height = max(len(lines), sum(len(p) for p in power_lines) + (len(ps) - 1) * 0.35) * LINE + 12
        c.link(url(links.area_url(area.id)), f"分图：{area.name}")
        c.rect(0, y, area_w, height, "lm-svg-area")
        c.text(8, y + 6 + FONT, lines, "lm-svg-area-text")
        c.end_link()
        py = y + 6 + FONT
        for p, plines in zip(ps, power_lines):
            c.line(area_w, py - 4, power_x - 6, py - 4, f"lm-svg-edge lm-g-{group.key}-edge")
            c.link(url(links.power_url(p.code)), p.name)
            py = c.text(power_x, py, plines, "lm-svg-link") + LINE * 1.35
            c.end_link()
        y += height + 8
    desc = "；".join(f"{a.name}：" + "、".join(p.name for p in ps) for a, ps in rows)
    return c.svg(uid, f"{group.name}：{len(powers)} 项（{counts}）", desc, f"lm-svg-{group.key}")


def _panels(group, rows, url) -> Markup:
    wide = _panel(group, rows, WIDE, url, f"lm-map-{group.key}-w")
    narrow = _panel(group, rows, NARROW, url, f"lm-map-{group.key}-n")
    return Markup(f'<div class="lm-svg-panel"><div class="lm-svg-wide">{wide}</div>'
                  f'<div class="lm-svg-narrow">{narrow}</div></div>')


def overview(model, url) -> dict:
    """The map for the home template: for_me / to_me / other, each {count, groups: [{group, count, svg}]}."""
    groups = grouped(model)

    def half(keys):
        chosen = [(g, rows) for g, rows in groups if g.key in keys]
        return {"count": sum(len(ps) for _, rows in chosen for _, ps in rows),
                "groups": [{"group": g, "count": sum(len(ps) for _, ps in rows), "svg": _panels(g, rows, url)}
                           for g, rows in chosen]}
    return {"for_me": half(FOR_ME), "to_me": half(TO_ME), "other": half(("other",))}
