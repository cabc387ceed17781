"""A verdict changed through the comparison page in a real headless Chromium outlives a new
reconciliation: one more document joins the comparison (its id changes, its claims remain)
and the page still shows the person's verdict. Skips where Chromium or Selenium is missing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from triangulate.corpus import Corpus
from triangulate.model import Analysis
from triangulate.store import open_store

from .browser.harness import ARTIFACTS, missing_browser, screenshot, serve_store, wait_until
from .conftest import make_document
from .web_corpus import _claim, _mention, analyses, paragraph_sentences

TEXT_D = (
    "Passengers of the Gannet said the crew had ignored a storm warning.\n\n"
    "Brightwater Lines did not answer questions."
)

reason = missing_browser()
pytestmark = pytest.mark.skipif(reason is not None, reason=reason or "")


def one_more_document() -> Analysis:
    return Analysis(
        document=make_document(
            TEXT_D, "gazette", publisher="Skerry Gazette", published="2023-03-06",
            published_basis="stated",
        ),
        sentences=paragraph_sentences(TEXT_D),
        mentions=(
            _mention(TEXT_D, "Gannet", "product"),
            _mention(TEXT_D, "Brightwater Lines", "organization"),
        ),
        claims=(_claim(TEXT_D, "the crew had ignored a storm warning", "Passengers"),),
    )


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "review.db"
    with open_store(path) as store:
        for analysis in analyses():
            store.put_analysis(analysis)
        Corpus(store).reconcile()
    return path


def _denial(path: Path) -> tuple[str, tuple[str, ...]]:
    with open_store(path) as store:
        (comparison,) = [c for c in store.reconciliation().comparisons if c.kind == "denial"]
    return comparison.id, comparison.claims


def test_a_verdict_changed_on_the_page_outlives_a_new_reconciliation(
    store_path: Path, browser: Any
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    first_id, first_claims = _denial(store_path)
    with serve_store(store_path) as site:
        browser.get(f"{site}/comparisons/{first_id}")
        form = browser.find_element(By.ID, "verdict-form")
        Select(form.find_element(By.NAME, "action")).select_by_value("set_verdict")
        Select(form.find_element(By.NAME, "verdict")).select_by_value("partial")
        form.find_element(By.NAME, "note").send_keys("the operator denies only the timing")
        form.find_element(By.NAME, "reviewer").send_keys("Ana Ruiz")
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        review = wait_until(browser, lambda d: d.find_elements(By.ID, "review"))[0]
        assert "Verdict set to" in review.text and "PARTIAL" in review.text.upper()
        assert "Ana Ruiz" in review.text and "the operator denies only the timing" in review.text

        with open_store(store_path) as store:  # one more document, and reconcile again
            store.put_analysis(one_more_document())
            Corpus(store).reconcile()
        second_id, second_claims = _denial(store_path)
        assert second_id != first_id and set(first_claims) < set(second_claims)

        browser.get(f"{site}/comparisons/{second_id}")
        heading = browser.find_element(By.CSS_SELECTOR, "h1 .verdict")
        assert heading.text.lower() == "partial"
        review = browser.find_element(By.ID, "review")
        assert "Ana Ruiz" in review.text and "conflict" in review.text.lower()
        history = browser.find_elements(By.CSS_SELECTOR, ".decisions .decision-applied")
        assert len(history) == 1
        screenshot(browser, ARTIFACTS / "browser-review.png")
