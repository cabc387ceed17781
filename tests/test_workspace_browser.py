"""The disputes and sources pages in a real headless Chromium: rows, sorting, folded details,
answers side by side, and no console errors. Skips (with the reason) without Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from .browser.harness import (
    ARTIFACTS,
    missing_browser,
    page_errors,
    screenshot,
    serve_store,
    wait_until,
)
from .workspace_corpus import build_store

reason = missing_browser()
pytestmark = pytest.mark.skipif(reason is not None, reason=reason or "")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve_store(build_store(tmp_path_factory.mktemp("workspace-browser") / "web.db")) as url:
        yield url


def _questions(driver: Any) -> list[str]:
    from selenium.webdriver.common.by import By

    return [
        cell.text for cell in driver.find_elements(By.CSS_SELECTOR, "tr.dispute td.question strong")
    ]


def test_disputes_rows_sorting_and_details(site: str, browser: Any) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{site}/")
    browser.find_element(By.CSS_SELECTOR, "header.top nav a").click()  # first in the menu
    wait_until(browser, lambda d: d.current_url.endswith("/disputes"))
    assert _questions(browser)[0] == "How many passengers were rescued?"
    assert len(_questions(browser)) == 4

    row = browser.find_element(By.CSS_SELECTOR, "tr.dispute")
    answers = row.find_elements(By.CSS_SELECTOR, ".answer")
    assert [a.find_element(By.CSS_SELECTOR, ".value").text for a in answers] == [
        "41 passengers",
        "43 passengers",
    ]
    assert answers[0].location["y"] == answers[1].location["y"]  # side by side
    assert "Coast Daily" in answers[0].find_element(By.CSS_SELECTOR, ".copies").text
    explanation = row.find_element(By.CSS_SELECTOR, "details .explanation")
    assert not explanation.is_displayed()  # folded until asked for
    row.find_element(By.CSS_SELECTOR, "details summary").click()
    assert explanation.is_displayed() and "41 passengers" in explanation.text
    screenshot(browser, ARTIFACTS / "browser-disputes.png")

    browser.find_element(By.LINK_TEXT, "most answered").click()
    wait_until(browser, lambda d: d.current_url.endswith("sort=importance"))
    assert _questions(browser)[0] == "How many tugs stood by?"
    current = browser.find_element(By.CSS_SELECTOR, ".sort-by a.current")
    assert current.text == "most answered"
    assert page_errors(browser) == []


def test_sources_page(site: str, browser: Any) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{site}/sources")
    outlets = browser.find_elements(By.CSS_SELECTOR, "tr.outlet")
    assert len(outlets) == 5
    daily = next(o for o in outlets if o.text.startswith("Coast Daily"))
    assert "carries Harbour Herald" in daily.text
    single = browser.find_elements(By.CSS_SELECTOR, "#single-origin tr.single")
    assert len(single) == 1 and "Harbour Herald" in single[0].text
    lineage = browser.find_element(By.CSS_SELECTOR, "#lineage").text
    assert "copies" in lineage and "republishes Pilots' Gazette" in lineage
    screenshot(browser, ARTIFACTS / "browser-sources.png")
    single[0].find_element(By.CSS_SELECTOR, "a").click()
    assert "/documents/herald" in browser.current_url
    assert page_errors(browser) == []


def test_the_disputes_filter_form_narrows_and_sorting_keeps_it(site: str, browser: Any) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.get(f"{site}/disputes")
    form = browser.find_element(By.ID, "dispute-filters")
    Select(form.find_element(By.NAME, "verdict")).select_by_visible_text("agree")
    form.find_element(By.NAME, "q").send_keys("lifeboats")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_until(browser, lambda d: "q=lifeboats" in d.current_url)
    assert _questions(browser) == ["How many lifeboats were launched?"]
    browser.find_element(By.LINK_TEXT, "most answered").click()
    wait_until(browser, lambda d: "sort=importance" in d.current_url)
    assert _questions(browser) == ["How many lifeboats were launched?"]
    form = browser.find_element(By.ID, "dispute-filters")
    assert form.find_element(By.NAME, "q").get_attribute("value") == "lifeboats"
    assert page_errors(browser) == []


def test_the_single_origin_marker_is_not_an_error_colour(site: str, browser: Any) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{site}/sources?speaker=varnum")
    marker = browser.find_element(By.CSS_SELECTOR, "#single-origin .origin-mark")
    assert "Harbour Herald" in marker.text
    red, green, blue = (int(x) for x in marker.value_of_css_property("color")[5:].split(",")[:3])
    assert max(red, green, blue) - min(red, green, blue) < 40  # a grey, not the verdicts' red
    assert int(marker.value_of_css_property("font-weight")) < 600
    outlets = [o.text.split("\n")[0] for o in browser.find_elements(By.CSS_SELECTOR, "tr.outlet")]
    assert sorted(outlets) == ["Coast Daily", "Harbour Herald"]
    assert page_errors(browser) == []
