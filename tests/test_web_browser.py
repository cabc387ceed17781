"""The web app in a real headless Chromium: follow the timeline to a comparison and on to the
sentence a claim came from; the entity graph and the map draw and link to entity pages. Skips
(with the reason) where Chromium or Selenium is missing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from .browser.harness import (
    ARTIFACTS,
    console_errors,
    missing_browser,
    page_errors,
    screenshot,
    serve_store,
    wait_until,
)
from .conftest import REPO
from .web_corpus import TEXT_A, analyses, build_store, reconciliation, store_story

reason = missing_browser()
pytestmark = pytest.mark.skipif(reason is not None, reason=reason or "")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve_store(build_store(tmp_path_factory.mktemp("browser") / "web.db")) as url:
        yield url


def _box(driver: Any, element: Any) -> dict[str, float]:
    return dict(
        driver.execute_script(
            "const r = arguments[0].getBoundingClientRect();"
            "return {x: r.x, y: r.y, width: r.width, height: r.height};",
            element,
        )
    )


def test_timeline_to_comparison_to_source_sentence(site: str, browser: Any) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{site}/timeline")
    circles = wait_until(
        browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#timeline-chart circle")
    )
    assert len(circles) == 2  # timeline.js ran under the CSP and read /api/v1/timeline
    assert browser.find_element(By.CSS_SELECTOR, "#t-e-rescue .status-disputed").text == "DISPUTED"
    # a disputed entry's lines keep the card's colours: status colours belong to the badge
    entry = browser.find_element(By.ID, "t-e-rescue")
    assert entry.value_of_css_property("background-color") == "rgba(255, 255, 255, 1)"
    for line in ("entry-sources", "entry-comparisons"):
        text = entry.find_element(By.CLASS_NAME, line)
        assert text.value_of_css_property("color") != "rgba(255, 255, 255, 1)", line
        assert text.text.startswith(("Reported by", "Compared"))
    screenshot(browser, ARTIFACTS / "browser-timeline.png")

    browser.find_element(By.CSS_SELECTOR, "#t-e-rescue a.comparison-link").click()
    wait_until(browser, lambda d: d.current_url.endswith("/comparisons/cmp-passengers"))
    cards = browser.find_elements(By.CSS_SELECTOR, ".claim-card")
    assert len(cards) == 2
    assert "41 passengers" in cards[0].text and "43 passengers" in cards[1].text
    assert cards[0].location["y"] == cards[1].location["y"]  # side by side
    screenshot(browser, ARTIFACTS / "browser-comparison.png")

    cards[0].find_element(By.CSS_SELECTOR, "a.source-link").click()
    wait_until(
        browser, lambda d: "/documents/tribune" in d.current_url and d.current_url.endswith("#s1")
    )
    sentence = browser.find_element(By.ID, "s1")
    assert "sent-target" in (sentence.get_attribute("class") or "")
    assert sentence.value_of_css_property("background-color") == "rgba(255, 243, 160, 1)"
    claim = "41 passengers were rescued from the vessel"
    marked = browser.execute_script(
        "return Array.from(document.querySelectorAll('#s1 .hit')).map(e => e.textContent).join('')"
    )
    assert marked == claim
    in_view = browser.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return r.top >= 0 && r.bottom <= window.innerHeight && r.width > 0;",
        sentence,
    )
    assert in_view
    screenshot(browser, ARTIFACTS / "browser-source-sentence.png")
    assert claim in TEXT_A


def test_article_markup_never_runs(site: str, browser: Any) -> None:
    from selenium.webdriver.common.by import By

    browser.get_log("browser")  # drop what earlier pages logged
    browser.get(f"{site}/documents/tribune")
    wait_until(browser, lambda d: d.find_element(By.ID, "s2"))
    assert browser.execute_script("return typeof window.__xss") == "undefined"
    assert browser.find_elements(By.CSS_SELECTOR, "#text img, #text script") == []
    assert "<script>window.__xss = 1</script>" in browser.find_element(By.ID, "s2").text
    assert console_errors(browser) == []


def test_search_box_finds_a_claim_and_opens_its_sentence(site: str, browser: Any) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{site}/")
    box = browser.find_element(By.CSS_SELECTOR, "header form.search input[name=q]")
    box.send_keys('"storm warning"')
    box.submit()
    wait_until(browser, lambda d: "/search?q=" in d.current_url)
    results = browser.find_elements(By.CSS_SELECTOR, ".results li")
    assert len(results) >= 2
    marks = {m.text for m in browser.find_elements(By.CSS_SELECTOR, ".results mark")}
    assert marks == {"storm warning"}  # the phrase, matched as one
    browser.find_element(By.CSS_SELECTOR, ".results li.result-claim a").click()
    wait_until(browser, lambda d: "#s" in d.current_url)
    assert browser.find_elements(By.CSS_SELECTOR, ".sent-target .hit")
    screenshot(browser, ARTIFACTS / "browser-search.png")
    assert console_errors(browser) == []


def test_graph_draws_entities_and_a_node_opens_its_entity(site: str, browser: Any) -> None:
    from selenium.webdriver.common.by import By

    browser.get_log("browser")
    browser.get(f"{site}/entities")
    nodes = wait_until(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#entity-graph a.node"))
    assert sorted(n.get_attribute("data-id") for n in nodes) == [
        "ent-brightwater",
        "ent-gannet",
        "ent-port",
        "ent-skerry",
        "ent-varnum",
    ]
    edges = browser.find_elements(By.CSS_SELECTOR, "#entity-graph line.edge")
    widths = {
        (e.get_attribute("data-source"), e.get_attribute("data-target")): float(
            e.get_attribute("stroke-width") or 0
        )
        for e in edges
    }
    assert len(widths) == 4
    assert widths[("ent-gannet", "ent-port")] > widths[("ent-port", "ent-skerry")]

    def circle(entity: str) -> Any:
        return browser.find_element(By.CSS_SELECTOR, f'a.node[data-id="{entity}"] circle')

    port, skerry = _box(browser, circle("ent-port")), _box(browser, circle("ent-skerry"))
    assert port["width"] > skerry["width"] > 0  # sized by mentions
    assert circle("ent-port").value_of_css_property("fill") != circle(
        "ent-varnum"
    ).value_of_css_property("fill")  # coloured by type
    legend = browser.find_element(By.ID, "graph-legend").text
    assert "LOCATION" in legend and "PERSON" in legend
    # the biggest hubs (here every node: fewer than ten) are always named, and the names show
    hubs = browser.find_elements(By.CSS_SELECTOR, "#entity-graph a.node text.hub-label")
    assert sorted(h.text for h in hubs) == [
        "Brightwater Lines",
        "Gannet",
        "Ilse Varnum",
        "Port Maddox",
        "Skerry Point",
    ]
    assert all(_box(browser, h)["width"] > 0 for h in hubs)
    screenshot(browser, ARTIFACTS / "browser-graph.png")
    assert page_errors(browser) == []

    circle("ent-varnum").click()
    wait_until(browser, lambda d: d.current_url.endswith("/entities/ent-varnum"))
    assert "Ilse Varnum" in browser.find_element(By.TAG_NAME, "h1").text


def test_map_draws_countries_and_places_and_a_marker_opens_its_entity(
    site: str, browser: Any
) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    browser.get_log("browser")
    browser.get(f"{site}/map")
    markers = wait_until(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#place-map a.marker"))
    assert [m.get_attribute("data-id") for m in markers] == ["ent-port", "ent-skerry"]
    countries = browser.find_elements(By.CSS_SELECTOR, "#place-map path.country")
    assert len(countries) > 170
    britain = browser.find_element(By.CSS_SELECTOR, '#place-map path.country[data-id="826"]')
    shape = _box(browser, britain)
    frame = _box(browser, browser.find_element(By.ID, "place-map"))
    assert shape["width"] > 20 and shape["height"] > 20  # the view opens on the places
    assert frame["x"] <= shape["x"] + shape["width"] / 2 <= frame["x"] + frame["width"]

    def circle(entity: str) -> Any:
        return browser.find_element(By.CSS_SELECTOR, f'a.marker[data-id="{entity}"] circle')

    port, skerry = _box(browser, circle("ent-port")), _box(browser, circle("ent-skerry"))
    assert port["width"] > skerry["width"] > 0  # sized by mentions
    assert port["x"] < skerry["x"] and port["y"] > skerry["y"]  # west and south of it
    # every dot is named beside it, at a readable size whatever the zoom
    for entity, name, dot in (
        ("ent-port", "Port Maddox", port),
        ("ent-skerry", "Skerry Point", skerry),
    ):
        label = browser.find_element(
            By.CSS_SELECTOR, f'a.marker[data-id="{entity}"] text.place-label'
        )
        assert label.text == name
        box = _box(browser, label)
        assert 8 < box["height"] < 30 and box["width"] > 30
        assert box["x"] >= dot["x"] + dot["width"] - 1  # to the right of its dot
    ActionChains(browser).move_to_element(circle("ent-port")).perform()
    tooltip = browser.find_element(By.ID, "map-tooltip")
    wait_until(browser, lambda d: tooltip.is_displayed())
    assert tooltip.text.startswith("Port Maddox · 4 mentions")
    screenshot(browser, ARTIFACTS / "browser-map.png")
    assert page_errors(browser) == []

    circle("ent-port").click()
    wait_until(browser, lambda d: d.current_url.endswith("/entities/ent-port"))
    assert "Port Maddox" in browser.find_element(By.TAG_NAME, "h1").text


def test_artifacts_folder_is_ignored_by_git() -> None:
    assert "test-artifacts/" in (REPO / ".gitignore").read_text().splitlines()
    assert isinstance(ARTIFACTS, Path)


def test_map_labels_of_places_at_one_spot_do_not_print_over_each_other(
    tmp_path: Path, browser: Any
) -> None:
    from selenium.webdriver.common.by import By

    def with_old_town(items: list[Any]) -> Any:
        story = reconciliation(items)
        port = next(e for e in story.entities if e.id == "ent-port")
        old_town = replace(port, id="ent-old-town", name="Old Town", mentions=port.mentions[:1])
        return replace(story, entities=(*story.entities, old_town))

    db = store_story(tmp_path / "crowded.db", analyses(), with_old_town)
    with serve_store(db) as url:
        browser.get(url + "/map")
        wait_until(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "text.place-label"))

        def label(entity: str) -> Any:
            return browser.find_element(
                By.CSS_SELECTOR, f'a.marker[data-id="{entity}"] text.place-label'
            )

        # the most mentioned of the two keeps its name; the other is named on hover
        assert label("ent-port").is_displayed() and not label("ent-old-town").is_displayed()
        assert label("ent-skerry").is_displayed()
        screenshot(browser, ARTIFACTS / "browser-map-crowded.png")
        assert page_errors(browser) == []
