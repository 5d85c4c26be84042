"""mkdocs-macros entry point: exposes the model-backed renderers to every page (generated or hand-written)."""
from __future__ import annotations

from lawmap.site import render as render_page
from lawmap_mkdocs import state


def define_env(env):
    def project():
        return state.project(env.conf)

    @env.macro
    def render(kind: str, key: str = "") -> str:
        """Render one page kind (or page section) from the model: {{ render("power", "SN-XK-001") }}."""
        return render_page(project().model, kind, key)
