"""The demo corpus (examples/, the seed articles) browsed end to end in headless Chromium:
every page reachable from the overview opens without an error, and the path timeline →
comparison → source sentence lands on the highlighted sentence."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urldefrag, urlparse

import pytest

from triangulate import Corpus

from .browser.harness import ARTIFACTS, missing_browser, screenshot, serve_store, wait_until
from .conftest import REPO

# Every kind of page is reached within the first pages of a breadth-first walk from the overview;
# the API tests open every page over HTTP, so the browser need not visit them all.
PAGE_LIMIT = 30

reason = missing_browser()
pytestmark = pytest.mark.skipif(reason is not None, reason=reason or "")


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("demo-browser") / "demo.db"
    with Corpus.open(db) as corpus:
        assert corpus.analyze([str(REPO / "examples")], executor="serial").ok
    with serve_store(db) as url:
        yield url


def _links(driver: Any, site: str) -> list[str]:
    from selenium.webdriver.common.by import By

    found = []
    for anchor in driver.find_elements(By.CSS_SELECTOR, "a[href]"):
        href = urldefrag(anchor.get_attribute("href") or "")[0]
        if href.startswith(site) and "/api/" not in href and "/static/" not in href:
            found.append(href)
    return found


def test_every_page_of_the_demo_corpus_opens(demo_site: str, browser: Any) -> None:
    from selenium.webdriver.common.by import By

    queue, seen, broken = [f"{demo_site}/"], set(), []
    while queue and len(seen) < PAGE_LIMIT:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        browser.get(url)
        if browser.find_elements(By.CSS_SELECTOR, ".error-page"):
            broken.append(url)
            continue
        queue.extend(link for link in _links(browser, demo_site) if link not in seen)
    assert not broken, broken
    paths = {urlparse(url).path.split("/")[1] for url in seen}
    assert {"timeline", "comparisons", "documents", "entities", "map"} <= paths


def test_timeline_to_comparison_to_source_sentence_on_the_demo(
    demo_site: str, browser: Any
) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{demo_site}/timeline")
    links = browser.find_elements(By.CSS_SELECTOR, "a.comparison-link")
    assert links, "no timeline entry links to a comparison"
    links[0].click()
    wait_until(browser, lambda d: "/comparisons/" in d.current_url)
    cards = browser.find_elements(By.CSS_SELECTOR, ".claim-card")
    assert len(cards) >= 2
    screenshot(browser, ARTIFACTS / "demo-comparison.png")
    cards[0].find_element(By.CSS_SELECTOR, "a.source-link").click()
    wait_until(browser, lambda d: "/documents/" in d.current_url)
    target = browser.find_elements(By.CSS_SELECTOR, ".sent-target")
    assert len(target) == 1
    box = browser.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return [r.top, r.bottom, r.width, window.innerHeight];",
        target[0],
    )
    top, bottom, width, height = box
    assert width > 0 and bottom > 0 and top < height, box  # the sentence is on screen
    screenshot(browser, ARTIFACTS / "demo-source-sentence.png")
