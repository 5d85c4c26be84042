"""mkdocs-macros entry point: exposes the model-backed renderers to every page (generated or hand-written)."""
from __future__ import annotations


def define_env(env):
    def lawmap():
        return env.conf.plugins["lawmap"]  # the LawmapPlugin of this build: its model and build facts

    @env.macro
    def render(kind: str, key: str = "") -> str:
        """Render one page kind (or page section) from the model: {{ render("power", "SN-XK-001") }}."""
        return lawmap().render(kind, key)

    @env.macro
    def powers_of_type(power_type: str) -> str:
        """A table of the powers of one type, links relative to the calling page: {{ powers_of_type("行政许可") }}."""
        from lawmap.site.power_list import render_type
        return render_type(lawmap().model, power_type, here=env.page.file.src_uri)
