"""The dashboard in a real browser (Playwright driving Debian's Chromium): every page loads
under the Content-Security-Policy without errors, a reader can follow the S-400 deal from the
overview to its source and back, hostile article text runs nothing, and corrections work.

Skipped where no Chromium is installed; CI sets ARMSLEDGER_REQUIRE_BROWSER=1 to fail instead.
ARMSLEDGER_UPDATE_SCREENSHOTS=1 also rewrites docs/screenshots/*.png.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import sys
from pathlib import Path

import httpx
import pytest

from armsledger.serve import create_app
from armsledger.serve.background import serving

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
S400_SENTENCE = ("Signed in October 2018 for USD 5 billion despite US warnings over CAATSA sanctions, the deal has "
                 "delivered three squadrons, with the remaining two expected by mid-2026.")
SCREENSHOTS = Path(__file__).parent.parent / "docs" / "screenshots"


def _chromium_or_skip() -> None:
    reason = None
    if not Path(CHROMIUM).exists():
        reason = f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            reason = "the playwright package is not installed (pip install -e '.[test]')"
    if reason:
        if os.environ.get("ARMSLEDGER_REQUIRE_BROWSER") == "1":
            pytest.fail(reason + " but ARMSLEDGER_REQUIRE_BROWSER=1")
        pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    _chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def site(seeded_ledger_path):
    with serving(create_app(seeded_ledger_path)) as url:
        yield url


@pytest.fixture(scope="module")
def ids(site) -> dict:
    """Ids the page paths need: the S-400 first order, its seed article, an event."""
    items = httpx.get(f"{site}/api/deals", params={"recipient": "IND", "platform": "S-400"}).json()["items"]
    deal = next(d for d in items if not d["follow_on"])
    detail = httpx.get(f"{site}/api/deals/{deal['id']}").json()
    article = next(s["article_id"] for s in detail["evidence"]
                   if any(S400_SENTENCE in x["text"] for x in s["sentences"]))
    event = httpx.get(f"{site}/api/events", params={"limit": 1}).json()[0]["id"]
    return {"deal": deal["id"], "article": article, "event": event}


class Watched:
    """A page with what went wrong on it: console errors (CSP violations among them),
    uncaught script errors and dialogs (alert, confirm, prompt)."""

    def __init__(self, page) -> None:
        self.page = page
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", self._dialog)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


@pytest.fixture
def watched(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield Watched(context.new_page())
    context.close()


PAGES = ["/", "/deals", "/deals?recipient=IND&status=&supplier=", "/deals/{deal}", "/events", "/events/{event}",
         "/countries", "/countries/IND", "/countries/RUS/IND", "/platforms", "/platforms/S-400", "/articles",
         "/articles/{article}?deal={deal}", "/entities", "/entities?kind=organization", "/network",
         "/search?q=S-400", "/conflicts", "/api"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_loads_styled_and_without_errors(watched, site, ids, path):
    page = watched.page
    response = page.goto(site + path.format(**ids))
    assert response.status == 200
    assert page.locator("h1").first.is_visible()
    header = page.eval_on_selector("header.top", "e => getComputedStyle(e).backgroundColor")
    assert header == "rgb(22, 32, 46)", "the vendored stylesheet did not apply"
    assert watched.errors == [] and watched.dialogs == []


def test_from_the_overview_to_the_s400_deal_to_its_source_and_back(watched, site, ids):
    page = watched.page
    page.goto(site + "/")
    page.get_by_role("link", name="RUS → IND: S-400 (2018)").first.click()
    page.wait_for_url(re.compile(rf"/deals/{ids['deal']}$"))
    assert page.locator("#deal-status").inner_text().strip() == "in delivery"
    assert page.locator("ol.stages [aria-current=step]").inner_text() == "in delivery"
    assert page.locator("#delivered-text").inner_text() == "Delivered 3 of 5 squadrons"
    bar = page.locator("#delivery progress")
    assert (bar.get_attribute("value"), bar.get_attribute("max")) == ("3", "5")
    evidence = page.locator("blockquote.evidence", has_text="the deal has delivered three squadrons")
    assert evidence.is_visible() and evidence.locator("p").inner_text() == S400_SENTENCE
    assert evidence.locator("mark", has_text="three squadrons").is_visible()
    assert page.locator("#slippage tbody tr").count() == 3
    assert page.locator("svg.timeline circle").count() >= 10

    page.locator("article.source", has=evidence).locator("h3 a").click()
    page.wait_for_url(re.compile(rf"/articles/{ids['article']}\?deal={ids['deal']}$"))
    highlighted = "".join(page.locator("#article-body .ev").all_inner_texts())
    assert S400_SENTENCE in highlighted
    assert page.locator("#article-body mark.k-country", has_text="India").first.is_visible()
    assert page.locator("#article-body mark.k-money", has_text="USD 5 billion").is_visible()
    assert page.locator("#article-body mark.k-date", has_text="mid-2026").is_visible()

    page.locator("#back-to-deal").click()
    page.wait_for_url(re.compile(rf"/deals/{ids['deal']}$"))
    page.go_back()
    page.wait_for_url(re.compile(r"/articles/"))
    page.go_back()
    page.go_back()
    page.wait_for_url(site + "/")
    assert page.locator("h1").inner_text() == "Arms deals ledger"
    assert watched.errors == []


def test_the_legend_hides_one_kind_of_highlight(watched, site, ids):
    page = watched.page
    page.goto(f"{site}/articles/{ids['article']}")
    page.locator("#legend input[data-kind=country]").uncheck()
    assert "hide-k-country" in page.locator("#article-body").get_attribute("class")
    bg = page.eval_on_selector("#article-body mark.k-country", "e => getComputedStyle(e).backgroundColor")
    assert bg == "rgba(0, 0, 0, 0)"
    assert watched.errors == []


HOSTILE = {
    "title": "<script>window.__pwned = 1; alert('title')</script> S-400 report",
    "url": "javascript:window.__pwned=1;alert('url')",
    "publisher": "<img src=x onerror=\"window.__pwned=1;alert('publisher')\">",
    "published": "2025-11-02",
    "text": ("India and Russia <script>window.__pwned = 1; alert('text')</script> met in Moscow on Monday.\n\n"
             "Signed in October 2018 for USD 5 billion, the S-400 deal has delivered three squadrons to India, "
             "Russia said. <img src=x onerror=\"window.__pwned=1;alert('img')\"> "
             "<a href=\"javascript:window.__pwned=1;alert('link')\">click here</a> "
             "<svg onload=\"window.__pwned=1;alert('svg')\"></svg> "
             "<iframe src=\"javascript:alert('frame')\"></iframe> \"><script>alert('quote')</script>\n"),
}


def test_hostile_article_text_is_shown_as_text_and_runs_nothing(browser, tmp_path, extractor):
    from armsledger.ledger import Ledger

    source = tmp_path / "hostile.json"
    source.write_text(json.dumps(HOSTILE), encoding="utf-8")
    with Ledger(tmp_path / "hostile.db", extractor=extractor) as ledger:
        report = ledger.ingest([str(source)])
        assert len(report.added) == 1, report.summary()
        article_id = report.added[0].article_id
        deal_id = report.added[0].deals[0]
    context = browser.new_context()
    watched = Watched(context.new_page())
    page = watched.page
    with serving(create_app(tmp_path / "hostile.db")) as site:
        for path in [f"/articles/{article_id}?deal={deal_id}", f"/deals/{deal_id}", "/search?q=script+squadrons",
                     "/", "/articles", "/events"]:
            page.goto(site + path)
            page.wait_for_load_state("load")
            assert page.evaluate("typeof window.__pwned") == "undefined", path
            assert page.locator("img[src=x], iframe, a[href^=javascript], svg[onload]").count() == 0, path
        page.goto(f"{site}/articles/{article_id}")
        body = page.locator("#article-body").inner_text()
        assert "<script>window.__pwned = 1; alert('text')</script>" in body
        assert "<a href=\"javascript:window.__pwned=1;alert('link')\">click here</a>" in body
        assert page.locator("h1").inner_text().startswith("<script>")
        assert page.get_by_text("javascript:window.__pwned=1;alert('url')").is_visible()
        page.goto(f"{site}/deals/{deal_id}")
        assert "<img src=x onerror" in page.locator("#sources").inner_text()
    context.close()
    assert watched.dialogs == []
    assert not [e for e in watched.errors if "Content Security Policy" not in e], watched.errors


def test_a_logged_in_analyst_corrects_a_deal(browser, seeded_ledger_path, tmp_path, ids):
    path = str(tmp_path / "ledger.db")
    for suffix in ("", "-wal"):
        if Path(seeded_ledger_path + suffix).exists():
            shutil.copy(seeded_ledger_path + suffix, path + suffix)
    context = browser.new_context()
    watched = Watched(context.new_page())
    page = watched.page
    with serving(create_app(path, allow_writes=True, token="s3cret-token")) as site:
        page.goto(f"{site}/deals/{ids['deal']}")
        assert page.locator("form.correct").count() == 0
        page.get_by_role("link", name="log in to correct").click()
        page.get_by_label("Token").fill("s3cret-token")
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url(re.compile(rf"/deals/{ids['deal']}$"))
        form = page.locator("form.correct")
        form.get_by_label("Field").select_option("delivered")
        form.get_by_label("Value", exact=True).fill("4 squadrons")
        form.get_by_label("Who", exact=True).fill("ana")
        form.get_by_label("Why", exact=True).fill("MoD statement, 2026-01-10")
        form.get_by_role("button", name="Save correction").click()
        page.wait_for_url(re.compile(r"saved=1"))
        assert page.get_by_role("status").inner_text() == "Correction recorded."
        assert page.locator("#delivered-text").inner_text() == "Delivered 4 of 5 squadrons"
        assert "MoD statement" in page.locator("#corrections").inner_text()
    context.close()
    assert watched.errors == [] and watched.dialogs == []


SHOTS = {"overview": "/", "deal": "/deals/{deal}", "article": "/articles/{article}?deal={deal}",
         "country-pair": "/countries/RUS/IND", "platform": "/platforms/Rafale", "network": "/network",
         "search": "/search?q=S-400"}


@pytest.mark.skipif(os.environ.get("ARMSLEDGER_UPDATE_SCREENSHOTS") != "1",
                    reason="set ARMSLEDGER_UPDATE_SCREENSHOTS=1 to rewrite docs/screenshots")
def test_update_screenshots(browser, site, ids):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    for name, path in SHOTS.items():
        page.goto(site + path.format(**ids))
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=name not in ("article", "overview"))
    context.close()


def test_a_missing_chromium_skips_or_fails_as_ci_asks(monkeypatch):
    monkeypatch.setattr(sys.modules[__name__], "CHROMIUM", "/nonexistent/chromium")
    monkeypatch.delenv("ARMSLEDGER_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no Chromium"):
        _chromium_or_skip()
    monkeypatch.setenv("ARMSLEDGER_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="ARMSLEDGER_REQUIRE_BROWSER=1"):
        _chromium_or_skip()
