"""No input answers 500: random, unicode, huge and malformed values in every form field and query
parameter of every route, for each role (anonymous, a student, the owning teacher, another
teacher).

The field names come from the pages themselves: every page each role can open is read and its
forms' fields (and the query parameters its links and GET forms use) are gathered per endpoint;
``EXTRA_FIELDS`` adds those only scripts send. Hypothesis then draws a route, values for a subset
of its fields, and sometimes an id in the URL that names nothing or lies beyond 64 bits. Set
``QUIZAPP_FUZZ_EXAMPLES`` for a longer run.
"""

from __future__ import annotations

import io
import os
from collections import defaultdict
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.exceptions import HTTPException

from question_bank.kinds import KIND_NAMES, KINDS
from tests.conftest import csrf_token

EXAMPLES = int(os.environ.get("QUIZAPP_FUZZ_EXAMPLES", "12"))
ROLES = (None, "sam", "tess", "other")
#: Fields only scripts send (no page shows them as form fields).
EXTRA_FIELDS = {
    "quiz.save": {"question"},
    "quiz.take": {"page", "action"},
    "bank.export": {"leave_out"},
    "review.edit": {"fragment"},
}
#: Endpoints that run the article generator (slow): drawn, but rarely.
SLOW = {"teach.new_article", "review.regenerate", "review.bulk"}

NASTY_TEXT = st.sampled_from(
    [
        "",
        " ",
        "²",
        "٣٤",
        "9" * 40,
        str(2**63),
        "-1",
        "0",
        "sNaN",
        "nan",
        "-inf",
        "1e999",
        "3,5",
        "\x00",
        "../../etc/passwd",
        "<script>alert(1)</script>",
        "{{1}}",
        "{1:SHORTANSWER:=x}",
        "quiz-²",
        "quiz-" + "9" * 30,
        "article-0",
        "x" * 20000,
        "[1, 2",
        "🙂" * 50,
    ]
)
PREFIXED = st.tuples(st.sampled_from(["quiz-", "article-", "all-", ""]), NASTY_TEXT).map("".join)
VALUES = st.one_of(NASTY_TEXT, PREFIXED, st.text(max_size=60), st.integers().map(str))


class FormFields(HTMLParser):
    """Collects (form action, method, field names) and link query parameters from a page."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[tuple[str, str, set[str]]] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag == "form":
            self.forms.append(
                (found.get("action") or "", found.get("method", "get").lower(), set())
            )
        elif tag in ("input", "select", "textarea", "button") and found.get("name") and self.forms:
            self.forms[-1][2].add(found["name"])
        elif tag == "a" and found.get("href"):
            self.links.append(found["href"])


def _login(client, username):
    if username:
        client.post(
            "/auth/login",
            data={
                "csrf_token": csrf_token(client),
                "username": username,
                "password": "password123",
            },
        )


def _routes(app, params):
    adapter = app.url_map.bind("localhost")
    routes = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static" or rule.endpoint == "auth.logout":
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            routes.append((rule, method))
    return adapter, routes


def _pages(routes, params):
    """Every GET page to read: each route with the world's ids, and a new question of each kind."""
    for rule, method in routes:
        if method != "GET":
            continue
        kinds = KIND_NAMES if "kind" in rule.arguments else [params.get("kind")]
        for kind in kinds:
            values = {k: params[k] for k in rule.arguments} | ({"kind": kind} if kind else {})
            yield rule.build(values, append_unknown=False)[1]


def _gather(app, params) -> dict[str, set[str]]:
    """Endpoint -> every field name and query parameter the pages show for it."""
    adapter, routes = _routes(app, params)
    fields: dict[str, set[str]] = defaultdict(set)
    for role in ROLES:
        client = app.test_client()
        _login(client, role)
        for url in _pages(routes, params):
            page = client.get(url)
            if page.status_code != 200 or "html" not in page.content_type:
                continue
            parser = FormFields()
            parser.feed(page.get_data(as_text=True))
            for action, _, names in parser.forms:
                target = urlsplit(action or url).path
                try:
                    endpoint, _ = adapter.match(target, method="POST" if action else "GET")
                except HTTPException:
                    continue
                fields[endpoint] |= names - {"csrf_token"}
            for link in parser.links:
                parts = urlsplit(link)
                try:
                    endpoint, _ = adapter.match(parts.path, method="GET")
                except HTTPException:
                    continue
                fields[endpoint] |= {name for name, _ in parse_qsl(parts.query)}
    for endpoint, extra in EXTRA_FIELDS.items():
        fields[endpoint] |= extra
    return fields


@pytest.fixture
def matrix(app, world, make_quiz):
    """The world of the role matrix with sam's open attempt at a quiz of every kind, and the
    fields of every page."""
    quiz_id, _ = make_quiz([kind.example() for kind in KINDS.values()], title="Every kind")
    client = app.test_client()
    _login(client, "sam")
    started = client.post(f"/quizzes/{quiz_id}/start", data={"csrf_token": csrf_token(client)})
    params = dict(world.params, attempt_id=int(started.headers["Location"].rsplit("/", 1)[1]))
    return params, _gather(app, params)


def _request(client, token, params, fields, rule, method, data) -> None:
    """One request of ``rule`` with drawn values; asserts it is not a server error."""
    if rule.endpoint in SLOW and data.draw(st.integers(0, 9), label="slow"):
        return
    values = {k: params[k] for k in rule.arguments}
    if "kind" in values:
        values["kind"] = data.draw(st.sampled_from([*KIND_NAMES, "banana"]))
    for name in rule.arguments:
        if name.endswith("_id") and data.draw(st.integers(0, 5)) == 0:
            values[name] = data.draw(st.sampled_from([0, 999999, 2**31, 2**63, 2**70]))
    url = rule.build(values, append_unknown=False)[1]
    names = sorted(fields.get(rule.endpoint, set()))
    chosen = data.draw(st.lists(st.sampled_from(names), unique=True) if names else st.just([]))
    form = {name: data.draw(st.lists(VALUES, min_size=1, max_size=3)) for name in chosen}
    if method == "GET":
        response = client.get(url, query_string=form)
    else:
        if "upload" in form:
            content = data.draw(st.binary(max_size=300))
            suffix = data.draw(st.sampled_from([".gift", ".xml", ".txt", ".csv", ".zip", ""]))
            form["upload"] = (io.BytesIO(content), f"upload{suffix}")
        response = client.post(url, data={**form, "csrf_token": token})
    assert response.status_code < 500, (method, url, form)
    response.close()


@pytest.mark.parametrize("role", ROLES)
def test_no_input_answers_a_server_error(app, matrix, role):
    params, fields = matrix
    _, routes = _routes(app, params)
    client = app.test_client()
    _login(client, role)
    token = csrf_token(client)
    destructive = ("delete", "remove", "unassign")
    routes.sort(key=lambda rm: (any(w in rm[0].rule for w in destructive), rm[0].rule, rm[1]))
    for rule, method in routes:
        _fuzz_route(client, token, params, fields, rule, method)


def _fuzz_route(client, token, params, fields, rule, method) -> None:
    """``EXAMPLES`` requests of one route."""

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        database=None,
    )
    @given(data=st.data())
    def request_route(data):
        _request(client, token, params, fields, rule, method, data)

    request_route()
