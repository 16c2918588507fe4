"""The workbench in a real browser: Debian's Chromium driven by Playwright (never a
downloaded browser). Skips with one line where no Chromium can be had.

Set REALPOLITIK_SCREENSHOTS=DIR to keep the screenshots (docs/ holds the README's)."""

from __future__ import annotations

import csv
import io
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import LiveServer, WebStore, make_app

pytestmark = pytest.mark.e2e

LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
               "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("REALPOLITIK_CHROMIUM"), shutil.which("chromium"),
                      "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="playwright is not installed: browser tests skipped")
    path = chromium_path()
    if path is None:
        pytest.skip("no Chromium (apt-get install chromium): browser tests skipped")
    with sync_api.sync_playwright() as p:
        try:
            browser = p.chromium.launch(executable_path=path, args=LAUNCH_ARGS)
        except Exception as exc:  # any launch failure means no browser here, not a bug
            pytest.skip(f"Chromium at {path} does not start ({str(exc).splitlines()[0]}): "
                        "browser tests skipped")
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def server(web_store: WebStore, pipeline: Any) -> Iterator[LiveServer]:
    with LiveServer(make_app(web_store.path, pipeline)) as live:
        yield live


class Watched:
    """A page that records console errors, uncaught exceptions, dialogs and requests."""

    def __init__(self, page: Any, base: str) -> None:
        self.page = page
        self.base = base
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.foreign: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))

        def dialog(d: Any) -> None:
            self.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)
        page.on("request", lambda r: None if r.url.startswith((base, "data:"))
                else self.foreign.append(r.url))

    def go(self, path: str) -> Any:
        response = self.page.goto(self.base + path)
        self.page.wait_for_load_state("load")
        return response

    def clean(self) -> None:
        assert self.errors == [], self.errors
        assert self.dialogs == [], self.dialogs
        assert self.foreign == [], f"requests off 127.0.0.1: {self.foreign}"


@pytest.fixture
def page(browser: Any, server: LiveServer) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1360, "height": 900},
                                  accept_downloads=True)
    try:
        yield Watched(context.new_page(), server.url)
    finally:
        context.close()


def shots_dir(tmp_path: Path) -> Path:
    out = Path(os.environ.get("REALPOLITIK_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    return out


PAGES = [
    "/", "/events", "/events?country=IRN&quad_class=4", "/documents", "/dyad?a=IND&b=PAK",
    "/allies-lost?actor=RUS&within=15m&as_of=2026-03-05", "/responses?attack_on=IRN",
    "/profile?actor=IRN&on=2026-03-05", "/network?as_of=2026-03-05", "/map", "/map?in=Kenya",
    "/analyze",
    "/docs",
]


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_without_console_errors(page: Watched, path: str) -> None:
    response = page.go(path)
    assert response.status == 200
    assert page.page.locator("h1, .swagger-ui").first.is_visible()
    if path == "/docs":
        page.page.wait_for_selector(".opblock", timeout=10_000)
    page.clean()


def test_charts_are_drawn(page: Watched) -> None:
    page.go("/")
    page.page.wait_for_selector("#per-month .main-svg")
    page.go("/dyad?a=IND&b=PAK&by=year")
    page.page.wait_for_selector("#dyad-goldstein .main-svg")
    page.page.wait_for_selector("#dyad-quads .main-svg")
    page.clean()


def test_filter_open_document_and_back(page: Watched) -> None:
    p = page.page
    page.go("/events")
    p.fill("input[name=country]", "IRN")
    p.select_option("select[name=quad_class]", "4")
    p.click("#event-filters button[type=submit]")
    p.wait_for_url("**/events?*country=IRN*")
    rows = p.locator("#events-table tr").all()[1:]
    assert rows
    for row in rows:
        cells = row.locator("td").all_inner_texts()
        assert "IRN" in (cells[1] + cells[3]) or "IRN" in p.url
    link = p.locator("a.open-doc").first
    evidence = link.inner_text()
    link.click()
    p.wait_for_url("**/documents/**")
    focus = p.locator(".sentence.evidence-focus")
    assert focus.count() == 1
    assert " ".join(focus.inner_text().split())[:40] in " ".join(evidence.split())
    assert p.locator(".mk.chosen").count() == 1
    assert p.locator("#record .rec.k-event").count() == 1
    assert "date basis" in p.locator("#record").inner_text()
    p.locator(".mk.k-mention").first.click()
    p.wait_for_selector("#record .rec.k-mention")
    assert p.locator("#record .rec.k-mention").count() >= 1
    p.click("#back-link")
    p.wait_for_url("**/events?*")
    assert p.input_value("input[name=country]") == "IRN"
    assert p.input_value("select[name=quad_class]") == "4"
    page.clean()


def test_download_csv_of_the_current_filter(page: Watched) -> None:
    p = page.page
    page.go("/events?country=IND")
    total = int(p.inner_text("#event-total").replace(",", ""))
    with p.expect_download() as info:
        p.click("#download-csv")
    content = Path(info.value.path()).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(content)))
    assert len(rows) == total > 0
    assert all("IND" in (r["source_country"], r["target_country"]) for r in rows)
    page.clean()


def test_network_date_slider(page: Watched) -> None:
    p = page.page
    page.go("/network")
    p.wait_for_selector("#network-graph .main-svg")
    p.eval_on_selector("#date-slider", "el => { el.value = '0'; "
                       "el.dispatchEvent(new Event('change')); }")
    p.wait_for_url("**/network?*as_of=*")
    assert p.input_value("#as-of")
    page.clean()


def test_map_draws_places_and_lists_their_events(page: Watched) -> None:
    p = page.page
    page.go("/map")
    p.wait_for_selector("#place-map .scattergeo path.point")
    assert p.locator("#place-map .scattergeo path.point").count() == int(
        p.inner_text("#map-place-count"))
    assert p.locator("#place-map .geo .countries path").count() > 0  # the offline base map
    # choosing a place in the list
    p.locator("#place-table tr", has_text="Mombasa").locator("button.show-place").click()
    p.wait_for_selector("#place-event-table")
    assert "Mombasa" in p.inner_text("#place-events h2")
    assert p.locator("#place-event-table a.open-doc").count() >= 1
    # clicking a marker on the map
    p.locator("#place-events").evaluate("el => el.replaceChildren()")
    point = p.locator("#place-map .scattergeo path.point").first
    point.scroll_into_view_if_needed()
    box = point.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    p.mouse.move(x - 3, y)
    p.mouse.move(x, y)
    p.wait_for_selector("#place-map .hoverlayer .hovertext")
    p.mouse.click(x, y)
    p.wait_for_selector("#place-event-table")
    # the evidence opens the document view at the event, with a way back to the map
    p.locator("#place-event-table a.open-doc").first.click()
    p.wait_for_selector(".mk.chosen")
    assert p.locator("#record .rec.k-event").count() == 1
    assert "/map" in (p.get_attribute("#back-link", "href") or "")
    page.clean()


def test_map_filters_and_unknown_place(page: Watched) -> None:
    p = page.page
    page.go("/map")
    p.fill("#map-filters input[name=in]", "Kenya")
    p.click("#map-filters button[type=submit]")
    p.wait_for_url("**/map?*in=Kenya*")
    p.wait_for_selector("#place-map .scattergeo path.point")
    rows = p.locator("#place-table tr[data-key]")
    assert rows.count() >= 1 and all("KEN" in rows.nth(i).inner_text()
                                     for i in range(rows.count()))
    response = page.go("/map?near=Nowhereville+Atlantis")
    assert response.status == 400
    assert "no such place" in p.inner_text(".error")
    page.errors.clear()  # the 400 itself is logged by the browser
    page.clean()


def assert_nothing_injected(page: Watched) -> None:
    p = page.page
    assert p.evaluate("window.__pwned === undefined")
    assert p.locator("img[src=x]").count() == 0
    scripts = p.eval_on_selector_all(
        "script", "els => els.map(s => [s.getAttribute('src'), s.type, s.textContent])")
    for src, kind, text in scripts:
        assert src or kind == "application/json", (src, kind, text[:80])
    assert page.dialogs == []


def test_hostile_text_is_shown_never_run(page: Watched, web_store: WebStore) -> None:
    p = page.page
    page.go(f"/documents/{web_store.hostile_id}")
    text = p.inner_text("#doc-text")
    assert "<script>window.__pwned=1;alert(1)</script>" in text
    assert '"><img src=x onerror=' in text
    assert "'); alert(3); //" in text
    assert p.title().startswith("<img src=x")
    for mark in p.locator(".mk").all()[:12]:
        mark.click()
    assert_nothing_injected(page)
    for path in ("/events?q=Geneva", "/documents", "/", "/network",
                 "/events?q=%3Cscript%3E"):
        page.go(path)
        assert_nothing_injected(page)
    # the map lists the hostile article's events by place: shown as text, never run
    page.go("/map?q=condemned")
    p.wait_for_selector("#place-map .scattergeo path.point")
    for button in p.locator("button.show-place").all()[:6]:
        button.click()
        p.wait_for_selector("#place-event-table")
    page.go("/map?q=%3Cscript%3E")
    buttons = p.locator("button.show-place")
    assert buttons.count() >= 1
    buttons.first.click()
    p.wait_for_selector("#place-event-table")
    assert "<script>" in p.inner_text("#place-event-table")
    assert_nothing_injected(page)
    page.errors.clear()  # nothing else may log: checked above element by element
    page.go("/events?q=Geneva")
    assert "<script>" in p.inner_text("#events-table")
    page.clean()


def test_analyze_page_with_hostile_text(page: Watched) -> None:
    from tests.web.conftest import HOSTILE_TEXT

    p = page.page
    page.go("/analyze")
    p.fill("textarea[name=text]", HOSTILE_TEXT.split("\n\n", 1)[1])
    p.fill("input[name=date]", "2024-03-04")
    p.click("#analyze-form button[type=submit]")
    p.wait_for_selector("#doc-text")
    # the marks answer clicks once document.js (at the end of the page) has run
    p.wait_for_load_state("load")
    assert "<script>" in p.inner_text("#doc-text")
    assert p.locator(".mk.k-event").count() >= 1
    p.locator(".mk.k-event").first.click()
    # the record is drawn after the click's handler runs: wait for it, as a reader would
    p.wait_for_selector("#record .rec.k-event")
    assert p.locator("#record .rec.k-event").count() >= 1
    assert_nothing_injected(page)
    page.clean()


def test_screenshots(page: Watched, web_store: WebStore, tmp_path: Path) -> None:
    out = shots_dir(tmp_path)
    p = page.page
    page.go("/")
    p.wait_for_selector("#per-month .main-svg")
    p.screenshot(path=str(out / "overview.png"))
    # an event of the demo article on the New START treaty's expiry
    page.go("/api/events?country=RUS&from=2026-02-01&q=warned&limit=1")
    event = p.evaluate("JSON.parse(document.body.innerText)[0]")
    page.go(f"/documents/{event['document_id']}?event={event['id']}")
    p.wait_for_selector(".mk.chosen")
    p.screenshot(path=str(out / "document.png"))
    page.go("/dyad?a=IND&b=PAK&by=year")
    p.wait_for_selector("#dyad-quads .main-svg")
    p.screenshot(path=str(out / "dyad.png"), full_page=True)
    page.go("/map")
    p.wait_for_selector("#place-map .scattergeo path.point")
    p.locator("#place-table tr", has_text="Mombasa").locator("button.show-place").click()
    p.wait_for_selector("#place-event-table")
    # the map and the chosen place's events beside the top of the list
    p.screenshot(path=str(out / "map.png"), full_page=True,
                 clip={"x": 0, "y": 0, "width": 1360, "height": 1150})
    for name in ("overview", "document", "dyad", "map"):
        assert (out / f"{name}.png").stat().st_size > 10_000
    page.clean()
