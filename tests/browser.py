"""Headless Chromium from Debian, driven by Playwright: the HTML report's browser tests and its benchmark.

Playwright never downloads a browser here: it starts the system's
`/usr/bin/chromium` (packages `chromium` and `chromium-driver`, installed by
`make browser`), with a fresh profile and every background service off (the
network is closed). `ENFORCER_CHROMIUM` names another binary.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext

CHROMIUM = Path(os.environ.get("ENFORCER_CHROMIUM", "/usr/bin/chromium"))
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: what a page's own script would try to fetch (an image, a fetch): ["blocked", "blocked"] when its policy forbids it
PROBE_REQUESTS = """async () => {
    const image = new Image();
    const loaded = new Promise((resolve) => {
        image.onload = () => resolve("loaded");
        image.onerror = () => resolve("blocked");
    });
    image.src = "/probe.png";
    let fetched;
    try { await fetch("/probe.json"); fetched = "fetched"; } catch (error) { fetched = "blocked"; }
    return [await loaded, fetched];
}"""


def missing() -> str | None:
    """Why the browser cannot be started here, or None when it can."""
    if not os.access(CHROMIUM, os.X_OK):
        return f"no Chromium at {CHROMIUM} (`make browser` installs Debian's chromium)"
    if importlib.util.find_spec("playwright") is None:
        return "the playwright package is not installed (`make dev`)"
    return None


@contextlib.contextmanager
def chromium(**options: Any) -> Iterator[BrowserContext]:
    """A browser context of headless Chromium with a fresh profile; closed (and the profile removed) at the end."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, tempfile.TemporaryDirectory(prefix="enforcer-chromium-") as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), headless=True, args=ARGS, **options
        )
        try:
            yield context
        finally:
            context.close()
