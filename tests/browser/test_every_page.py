"""Every page of each role on a phone: nothing wider than the screen, no serious axe finding.

The pages come from ``app.url_map``: every GET route, its ids taken from the role matrix's world
(one teacher's quiz, article, review item, class, category; a student's finished attempt), plus
a quiz holding one question of every kind: the student has one attempt at it in progress, and the
teacher's editor and preview are opened for each of its questions. Each page is laid out at 390
and 360 px wide, where ``document.scrollingElement.scrollWidth`` must not pass ``innerWidth``
(wide tables scroll inside their own marked region), and axe-core, served from the installed
``axe-playwright-python`` package, must report no serious or critical violation. The Content
Security Policy stays on: a refused inline style or script is a failure too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from question_bank.kinds import KIND_NAMES, KINDS
from tests.browser.test_take_quiz import CHROMIUM, CHROMIUM_ARGS, live_server  # noqa: F401
from tests.quizapp.conftest import world  # noqa: F401 - fixture
from tests.quizapp.test_quiz_flow import start

pytestmark = pytest.mark.browser

#: Routes that answer with something other than a page.
NOT_PAGES = {"static", "health.health", "gradebook.download"}
WIDTHS = (390, 360)
PHONE = {"width": 390, "height": 844}
ROLES = (None, "sam", "tess")
BLOCKING = {"serious", "critical"}
NOT_FOUND = "/no-such-page"


@dataclass
class Findings:
    """What went wrong, page by page."""

    lines: list[str] = field(default_factory=list)
    checked: set[str] = field(default_factory=set)

    def add(self, role: str | None, path: str, problem: str) -> None:
        """Note one problem of one page."""
        self.lines.append(f"{role or 'anonymous'} {path}: {problem}")


def page_paths(app, params: dict, kind_quiz: dict) -> list[str]:
    """The path of every GET page, ids from the world, then the every-kind quiz's pages."""
    paths = []
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        if "GET" not in rule.methods or rule.endpoint in NOT_PAGES:
            continue
        kinds = KIND_NAMES if "kind" in rule.arguments else [None]
        for kind in kinds:
            values = {name: params[name] for name in rule.arguments} | (
                {"kind": kind} if kind else {}
            )
            paths.append(rule.build(values, append_unknown=False)[1])
    paths.append(f"/quizzes/attempts/{kind_quiz['attempt_id']}")
    for question_id in kind_quiz["question_ids"]:
        paths += [f"/teach/questions/{question_id}", f"/teach/questions/{question_id}/edit"]
    paths.append(NOT_FOUND)
    return paths


@pytest.fixture
def kind_quiz(app, client, auth, world, make_quiz):  # noqa: F811
    """A quiz of one question of every kind, with sam's attempt at it left open; it has as long
    a title as a quiz named by an article's first sentence."""
    title = "Relations between Azerbaijan and Belarus are far from any problems, the president said"
    quiz_id, question_ids = make_quiz([kind.example() for kind in KINDS.values()], title=title)
    auth.login("sam")
    attempt_id = start(client, quiz_id)
    auth.logout()
    return {"quiz_id": quiz_id, "question_ids": question_ids, "attempt_id": attempt_id}


@pytest.fixture
def browser():
    """One headless Debian Chromium for the whole walk; skipped when it is absent."""
    if not CHROMIUM.exists():
        pytest.skip("Chromium not found at /usr/bin/chromium (install Debian's chromium package)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield launched
        launched.close()


def log_in(page, base: str, username: str) -> None:
    """Log in through the form."""
    page.goto(f"{base}/auth/login")
    page.fill("#username", username)
    page.fill("#password", "password123")
    page.click("input[type=submit]")
    page.wait_for_load_state()
    assert urlsplit(page.url).path != "/auth/login", f"{username} could not log in"


def check_page(page, axe, role, path: str, findings: Findings) -> None:
    """Lay the page out at each phone width, menu unfolded, and run axe on it."""
    page.evaluate("document.querySelector('details.menu')?.setAttribute('open', '')")
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": PHONE["height"]})
        wide = page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")
        if wide > 0:
            culprits = page.evaluate(WIDEST_ELEMENTS)
            findings.add(role, path, f"{wide}px too wide at {width}px: {culprits}")
        small = page.evaluate(SMALLEST_CHART_TEXT)
        if small is not None and small < MIN_CHART_TEXT_PX:
            findings.add(role, path, f"chart text {small:.1f}px high at {width}px")
    page.set_viewport_size(PHONE)
    results = axe.run(page)
    for violation in results.response["violations"]:
        if violation["impact"] in BLOCKING:
            targets = [" ".join(node["target"]) for node in violation["nodes"][:3]]
            findings.add(role, path, f"axe {violation['id']} ({violation['impact']}) at {targets}")


#: Smallest size chart text may be drawn at on a phone, in CSS pixels.
MIN_CHART_TEXT_PX = 10.5
#: The smallest drawn font size of any text in an SVG chart (font size times the SVG's scale).
SMALLEST_CHART_TEXT = """() => {
  const sizes = [...document.querySelectorAll('svg text')].map(
    t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a);
  return sizes.length ? Math.min(...sizes) : null;
}"""

#: The elements whose right edge passes the screen's, innermost first (for the failure message).
WIDEST_ELEMENTS = """() => {
  const limit = window.innerWidth;
  const found = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('.table-scroll')) continue;
    const r = el.getBoundingClientRect();
    if (r.right > limit + 0.5 && r.width > 0) {
      const classes = typeof el.className === 'string' && el.className
        ? '.' + el.className.split(' ').join('.') : '';
      found.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + classes
                 + ' ' + Math.round(r.right));
    }
  }
  return found.slice(-4);
}"""


def test_every_page_fits_a_phone_and_passes_axe(app, live_server, world, kind_quiz, browser):  # noqa: F811
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    findings = Findings()
    paths = page_paths(app, world.params, kind_quiz)
    for role in ROLES:
        context = browser.new_context(viewport=PHONE)
        page = context.new_page()
        refused = []
        page.on(
            "console",
            lambda message, out=refused: (
                out.append(message.text) if "Content Security Policy" in message.text else None
            ),
        )
        if role:
            log_in(page, live_server, role)
        seen = set()
        for path in paths:
            response = page.goto(live_server + path)
            page.wait_for_load_state()
            final = urlsplit(page.url).path
            for message in refused:
                findings.add(role, final, f"refused by the CSP: {message}")
            refused.clear()
            if final in seen or response is None:
                continue
            if response.status != 200 and path != NOT_FOUND:
                continue  # refused or missing for this role: the error page is checked once
            if "text/html" not in response.headers.get("content-type", ""):
                continue
            seen.add(final)
            check_page(page, axe, role, final, findings)
        findings.checked |= {f"{role}:{path}" for path in seen}
        context.close()
    assert len(findings.checked) > 60, sorted(findings.checked)
    assert not findings.lines, "\n".join(findings.lines)
