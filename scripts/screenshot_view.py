"""Regenerate the README's screenshot: the seed network as `kg view` draws it, in headless Chromium, offline.

    .venv/bin/python scripts/screenshot_view.py                   # writes docs/partners.png
    .venv/bin/python scripts/screenshot_view.py OUT.png --select ""  # nothing selected

Uses Debian's /usr/bin/chromium through Playwright (as the browser tests do); every request that is not for
a file: URL is refused, so the picture shows what a user sees with no network. Korean labels need a Korean
font on the machine (Debian: fonts-nanum), or they show as boxes.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def screenshot(page_file: Path, select: str | None = None, size=(1600, 1000)) -> bytes:
    from playwright.sync_api import sync_playwright

    blocked: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": size[0], "height": size[1]})

        def route(r):
            if r.request.url.startswith("file:"):
                r.continue_()
            else:
                blocked.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.goto(page_file.as_uri())
        page.wait_for_function("window.kgView && window.kgView.ready", timeout=120_000)
        if select:
            # as a reader who found it with the search box: the view moves to it and its partners
            page.evaluate("id => kgView.select('node', id, true)", select)
            page.wait_for_timeout(800)
        png = page.screenshot()
        browser.close()
    if blocked:
        raise SystemExit(f"the page asked for network resources: {blocked}")
    return png


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from kg import api
    from kg.serialize import write_atomic

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", default=str(ROOT / "docs" / "partners.png"))
    parser.add_argument("--seeds", default=str(ROOT / "seeds"))
    parser.add_argument("--select", default="hyundai-motor-group",
                        help="node id to click first, for the highlight and details panel (default: %(default)s)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        page_file = api.write_view(api.partnership_network(args.seeds), Path(tmp) / "partners.html")
        png = screenshot(page_file, args.select)
    write_atomic(args.output, png)
    print(f"Wrote {args.output} ({len(png):,} bytes)")


if __name__ == "__main__":
    main()
