"""Take the README's picture of an HTML page: headless Chromium (tests/browser.py), a row expanded.

    .venv/bin/python scripts/screenshot.py PAGE.html OUT.png [--click SELECTOR]... [--width PX] [--height PX]

Each --click is clicked in order (the first element it selects) before the
picture is taken of the top of the page (--height pixels of it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests import browser  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--click", action="append", default=[], metavar="SELECTOR")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=900)
    arguments = parser.parse_args()
    reason = browser.missing()
    if reason is not None:
        print(f"screenshot: {reason}", file=sys.stderr)
        return 1
    if arguments.out.resolve() == arguments.page.resolve():
        print("screenshot: the picture would replace the page", file=sys.stderr)
        return 2
    with browser.chromium(viewport={"width": arguments.width, "height": arguments.height}) as context:
        page = context.new_page()
        page.goto(arguments.page.resolve().as_uri())
        for selector in arguments.click:
            page.locator(selector).first.click()
        page.screenshot(path=str(arguments.out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
