"""Take the README's screenshots of the web app on a store (run from the repository root):

.venv/bin/triangulate analyze examples --db /tmp/demo.db
.venv/bin/python -m tests.browser.take_screenshots /tmp/demo.db docs/screenshots
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from .harness import chromium, missing_browser, screenshot, serve

VERDICT_ORDER = ("update", "conflict", "partial", "omission", "agree")


def take(db: Path, folder: Path) -> list[Path]:
    from fastapi.testclient import TestClient

    from triangulate.web import create_app

    app = create_app(db)
    client = TestClient(app, base_url="http://127.0.0.1")
    comparisons = client.get("/api/v1/comparisons?limit=500").json()["items"]
    comparisons.sort(key=lambda c: (VERDICT_ORDER.index(c["verdict"]), c["id"]))
    saved = []
    with serve(app) as site, chromium(1280, 1000) as driver:
        driver.get(f"{site}/timeline")
        for status in ("disputed", "superseded", "consensus"):
            entries = driver.find_elements("css selector", f".entry.status-{status}")
            if entries:  # the chart stays on top (sticky); bring a contested entry under it
                driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", entries[0])
                break
        saved.append(screenshot(driver, folder / "timeline.png"))
        if comparisons:
            driver.get(f"{site}/comparisons/{comparisons[0]['id']}")
            saved.append(screenshot(driver, folder / "comparison.png"))
        driver.get(f"{site}/entities")
        wait_for(driver, "#entity-graph .node circle")
        scroll_to(driver, "#entity-graph")
        saved.append(screenshot(driver, folder / "graph.png"))
        driver.get(f"{site}/map")
        wait_for(driver, "#place-map .marker circle")
        saved.append(screenshot(driver, folder / "map.png"))
        saved.extend(take_workspace(driver, site, folder))
    return saved


def take_workspace(driver: Any, site: str, folder: Path) -> list[Path]:
    """The disputes view, most contested first, and the sources view."""
    driver.get(f"{site}/disputes")
    saved = [screenshot(driver, folder / "disputes.png")]
    driver.get(f"{site}/sources")
    scroll_to(driver, "#outlets")
    saved.append(screenshot(driver, folder / "sources.png"))
    return saved


def wait_for(driver: Any, selector: str, timeout: float = 15) -> None:
    """Wait until the page's script has drawn ``selector``."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, timeout).until(lambda d: d.find_elements("css selector", selector))


def scroll_to(driver: Any, selector: str) -> None:
    driver.execute_script(
        "document.querySelector(arguments[0]).closest('section').scrollIntoView({block: 'start'})",
        selector,
    )


def main() -> None:
    reason = missing_browser()
    if reason:
        sys.exit(reason)
    db, folder = Path(sys.argv[1]), Path(sys.argv[2] if len(sys.argv) > 2 else "docs/screenshots")
    for path in take(db, folder):
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
