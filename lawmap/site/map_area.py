"""分图 as inline SVG, in the 总图's style: the area and its 职责 → each power (coloured by what it means to a person)
→ the steps of its 运行流程图. Every box is a link; wide and narrow (phone) variants as on the home page."""
from __future__ import annotations

from markupsafe import Markup

from . import links
from .map_overview import GROUPS, NARROW, person_group
from .svg import FONT, LINE, Canvas, text_width, wrap
from .views import flow_steps

WIDE = 680
_GROUP_NAMES = {g.key: g.name for g in GROUPS}


def _steps(c: Canvas, power, x0: float, y: float, width: float, url) -> float:
    """The power's flow as step boxes joined by arrows, wrapping onto further rows; returns the bottom y."""
    gap, placed, x, row_y, row_h = 20, [], x0, y, 0
    for s in flow_steps(power):
        label = s["step"].name
        lines = wrap(label, width - 14)
        w = min(max(text_width(line) for line in lines) + 14, width)
        h = len(lines) * LINE + 8
        if x > x0 and x + w > x0 + width:
            x, row_y, row_h = x0, row_y + row_h + 8, 0
        placed.append((s, lines, x, row_y, w, h))
        x, row_h = x + w + gap, max(row_h, h)
    for i, (s, lines, bx, by, w, h) in enumerate(placed):
        step = s["step"]
        c.link(url(links.power_url(power.code, f"step-{step.id}")), f"{power.name}：第 {s['no']} 步 {step.name}")
        c.rect(bx, by, w, h, "lm-svg-step")
        c.text(bx + 7, by + FONT + 5, lines, "lm-svg-link")
        c.end_link()
        following = placed[i + 1] if i + 1 < len(placed) else None
        if s["falls_through"] and following and following[3] == by:  # arrow to the next step on the same row
            c.arrow(bx + w + 2, by + 13, following[2] - 2, by + 13)
    return row_y + row_h


def _diagram(area, duties_url: str, width: int, url, uid: str) -> Markup:
    c = Canvas(width)
    c.rect(0, 0, width, 50, "lm-svg-head lm-g-other", rx=4)
    c.text(12, 22, [f"{area.name}（{len(area.powers)} 项事项）"], "lm-svg-head-text", size=16)
    c.link(duties_url, f"{area.name}的职责")
    c.text(12, 42, [f"职责 {len(area.duties)} 项 ↓ 事项 → 办理流程"], "lm-svg-head-sub")
    c.end_link()
    y, indent = 62, 14
    for power in area.powers:
        group = person_group(power)
        name_lines = wrap(f"{power.name}", width - indent - 20)
        tag = f"{power.type} · {_GROUP_NAMES[group]}"
        box_h = (len(name_lines) + 1) * LINE + 10
        c.line(6, y - 12, 6, y + box_h / 2)
        c.line(6, y + box_h / 2, indent, y + box_h / 2)
        c.rect(indent, y, 6, box_h, f"lm-g-{group}", rx=1)
        c.link(url(links.power_url(power.code)), power.name)
        c.rect(indent + 6, y, width - indent - 6, box_h, "lm-svg-power", rx=0)
        end = c.text(indent + 14, y + FONT + 6, name_lines, "lm-svg-link")
        c.end_link()
        c.text(indent + 14, end + LINE, [tag], "lm-svg-tag")
        y = _steps(c, power, indent + 20, y + box_h + 6, width - indent - 20, url) + 16
    desc = "；".join(f"{p.name}（{p.type}）：" + " → ".join(s.name for s in p.process) for p in area.powers)
    return c.svg(uid, f"分图：{area.name}，职责 {len(area.duties)} 项，事项 {len(area.powers)} 项", desc)


def area_diagram(area, here: str) -> Markup:
    url = links.linker(here)
    duties = "#duties"
    wide = _diagram(area, duties, WIDE, url, f"lm-area-{area.id}-w")
    narrow = _diagram(area, duties, NARROW, url, f"lm-area-{area.id}-n")
    return Markup(f'<div class="lm-svg-panel lm-svg-area-map" data-search-exclude><div class="lm-svg-wide">{wide}</div>'
                  f'<div class="lm-svg-narrow">{narrow}</div></div>')
