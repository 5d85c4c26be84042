"""Real-browser fixtures: the built site served on 127.0.0.1, Debian's Chromium driven by Playwright, every request kept.

No browser is ever downloaded: Playwright launches /usr/bin/chromium (the Debian package `.ci/run` installs).
Without it the browser tests skip with the reason — except in CI (env CI=true), where a missing browser fails.
"""
from __future__ import annotations

import functools
import os
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path(os.environ.get("LAWMAP_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium) to run the browser tests"
        if _in_ci():
            pytest.fail(f"CI=true but {reason}", pytrace=False)
        pytest.skip(reason)
    return CHROMIUM


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 — keep pytest output clean
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a page closed mid-download is no error
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def site_url(built_site):
    """The built site served by the standard library on a free port of 127.0.0.1; stopped after the session."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(chromium_path), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class RequestLog(list):
    """Every URL the page asked for (documents, scripts, styles, fonts, workers, fetches)."""

    def foreign(self) -> list[str]:
        return [url for url in self if urlsplit(url).scheme not in ("data", "blob", "about")
                and urlsplit(url).hostname not in LOCAL_HOSTS]


@pytest.fixture
def requests() -> RequestLog:
    return RequestLog()


@pytest.fixture
def context(browser, requests):
    """A fresh browser profile per test (own localStorage); every request it makes is recorded, none leaves the host."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN", service_workers="block")
    ctx.on("request", lambda request: requests.append(request.url))
    ctx.on("websocket", lambda socket: requests.append(socket.url))
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page
