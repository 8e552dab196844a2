"""The analyst's pages in a real browser (Playwright driving Debian's Chromium, as in
test_serve_browser.py): ten review items cleared with the keyboard alone, each decision then shown
on its deal with who, when and why; the change and register pages load under the CSP.

ARMSLEDGER_UPDATE_SCREENSHOTS=1 also rewrites docs/screenshots/review.png, changes.png and register.png.
"""
from __future__ import annotations

import os
import re

import pytest
from handmade import report
from test_serve_browser import CHROMIUM_ARGS, SCREENSHOTS, Watched, _chromium_or_skip
from test_register import SAMPLE

from armsledger.ledger import Ledger
from armsledger.ledger.register import import_register
from armsledger.ledger.review import queue
from armsledger.ledger.store import now
from armsledger.serve import create_app
from armsledger.serve.background import serving

TOKEN = "review-token"
# twelve doubtful deals: one hedged report each (supplier, recipient, platform)
DOUBTFUL = [("SWE", "VNM", "Gripen"), ("FRA", "IDN", "Rafale"), ("USA", "PHL", "F-16"), ("KOR", "ROU", "K9"),
            ("DEU", "EGY", "MEKO A-200"), ("ITA", "PER", "C-27J"), ("TUR", "IDN", "Bayraktar TB2"),
            ("ISR", "SVK", "Barak MX"), ("RUS", "DZA", "Su-57"), ("CHN", "SRB", "FK-3"), ("USA", "CHE", "F-35"),
            ("FRA", "SRB", "Rafale")]


@pytest.fixture(scope="module")
def browser():
    _chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield b
        b.close()


def doubtful_ledger(path) -> None:
    with Ledger(path) as ledger:
        for n, (supplier, recipient, platform) in enumerate(DOUBTFUL):
            report(ledger, f"Officials said {recipient} may buy {platform} from {supplier}, sources said.",
                   f"2025-03-{n + 1:02d}", f"Outlet {n}", supplier=supplier, recipient=recipient, platform=platform,
                   status="considered", hedged=True)


def log_in(page, site: str, next_path: str) -> None:
    page.goto(f"{site}{next_path}")
    page.wait_for_url(re.compile(r"/login"))
    page.get_by_label("Token").fill(TOKEN)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(re.escape(next_path.split("?")[0]) + r"(\?|$)"))


def test_an_analyst_clears_ten_items_with_the_keyboard(browser, tmp_path):
    db = str(tmp_path / "ledger.db")
    doubtful_ledger(db)
    with Ledger(db, readonly=True) as ledger:
        before = [i["deal_id"] for i in queue(ledger)]
    assert len(before) == 12
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watched = Watched(context.new_page())
    page = watched.page
    # each decision as keys: the action, then (for c) the field and value, then why and Enter
    plan = [("a", None, "confirmed by the MoD")] * 4 + [("r", None, "no such talks")] * 3 + \
           [("c", "negotiating", "talks reported by the ministry")] * 2 + [("j", None, None), ("a", None, "seen it")]
    with serving(create_app(db, allow_writes=True, token=TOKEN)) as site:
        log_in(page, site, "/review")
        page.get_by_label("Who").fill("ana")
        page.locator("#reviewer").press("Escape")
        decided = []
        for key, value, why in plan:
            current = page.locator(".review-item.current")
            deal_id = int(current.get_attribute("data-deal"))
            page.keyboard.press(key)
            if key == "j":  # skip the first item, decide the second
                continue
            if key == "c":  # the cursor is on the field: the deal's status is the next one down
                page.keyboard.press("ArrowDown")
                page.keyboard.press("Tab")
                page.keyboard.type(value)
                page.keyboard.press("Tab")
            page.keyboard.type(why)
            with page.expect_navigation():
                page.keyboard.press("Enter")
            decided.append((deal_id, {"a": "accept", "r": "reject", "c": "set"}[key], why))
            assert page.locator(f"#item-{deal_id}").count() == 0
        assert len(decided) == 10
        assert page.locator(".review-item").count() == 2
        assert page.locator("#reviewer").input_value() == "ana"  # the name stays for the next decision

        for deal_id, action, why in decided:
            page.goto(f"{site}/deals/{deal_id}")
            shown = page.locator("#corrections").inner_text()
            assert "ana" in shown and why in shown
        with Ledger(db, readonly=True) as ledger:
            for deal_id, action, why in decided:
                fix = ledger.deal(deal_id)["corrections"][-1]
                assert (fix["who"], fix["why"], fix["action"]) == ("ana", why, action)
                assert re.match(r"\d{4}-\d\d-\d\dT", fix["at"])
            assert ledger.deal(decided[-2][0])["status"] == "negotiating"
            assert len(queue(ledger)) == 2
    context.close()
    assert watched.errors == [] and watched.dialogs == []


def test_the_review_queue_needs_writes_and_a_login(browser, tmp_path):
    db = str(tmp_path / "ledger.db")
    doubtful_ledger(db)
    context = browser.new_context()
    page = context.new_page()
    with serving(create_app(db)) as site:
        assert page.goto(f"{site}/review").status == 403
    with serving(create_app(db, allow_writes=True, token=TOKEN)) as site:
        page.goto(f"{site}/review")
        assert "/login" in page.url
    context.close()


def test_the_change_and_register_pages_load_without_errors(browser, seeded_ledger_path):
    context = browser.new_context()
    watched = Watched(context.new_page())
    with serving(create_app(seeded_ledger_path)) as site:
        for path in ("/changes", "/changes?since=30d&country=IND", "/register"):
            response = watched.page.goto(site + path)
            assert response.status == 200, path
            assert watched.page.locator("h1").first.is_visible()
    context.close()
    assert watched.errors == []


@pytest.mark.skipif(os.environ.get("ARMSLEDGER_UPDATE_SCREENSHOTS") != "1",
                    reason="set ARMSLEDGER_UPDATE_SCREENSHOTS=1 to rewrite docs/screenshots")
def test_update_screenshots(browser, seeded_ledger_path, tmp_path):
    """The bundled samples, a later report on the S-400 deal, an analyst's correction and the sample register."""
    import shutil

    db = str(tmp_path / "ledger.db")
    shutil.copyfile(seeded_ledger_path, db)
    with Ledger(db) as ledger:
        mark = now()
        s400 = next(d["id"] for d in ledger.deals(recipient="IND", platform="S-400") if d["order_year"] == 2018)
        report(ledger, "Russia has delivered the fourth S-400 squadron to India; the last is now due in 2027.",
               "2026-11-30", "The Hindu", supplier="RUS", recipient="IND", platform="S-400", status="in_delivery",
               signed="2018", delivered=4, delivered_text="fourth", expected="2027", expected_text="2027")
        report(ledger, "Only three S-400 squadrons are operational in India, Russia said.", "2026-12-01", "TASS",
               supplier="RUS", recipient="IND", platform="S-400", status="in_delivery", signed="2018", delivered=3,
               delivered_text="three")
        report(ledger, "Kenya ordered 3 C-27J aircraft from Italy.", "2026-12-01", "Nation", supplier="ITA",
               recipient="KEN", platform="C-27J", status="signed")
        ledger.correct(s400, "delivered", "4 squadron", who="ana", why="MoD reply in parliament, 1 Dec")
        import_register(ledger, SAMPLE)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    with serving(create_app(db, allow_writes=True, token=TOKEN)) as site:
        page.goto(f"{site}/changes?since={mark}")
        page.screenshot(path=str(SCREENSHOTS / "changes.png"), full_page=True)
        page.goto(f"{site}/register")
        page.screenshot(path=str(SCREENSHOTS / "register.png"), full_page=True)
        log_in(page, site, "/review?who=ana")
        page.keyboard.press("j")
        page.keyboard.press("k")
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(SCREENSHOTS / "review.png"))
    context.close()
