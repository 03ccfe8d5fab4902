"""A browser-like client: log in through the form, carry the session, send CSRF tokens."""

from __future__ import annotations

import re

import requests

CSRF_META = re.compile(r'<meta name="csrf-token" content="([^"]+)"')
FIELD = re.compile(r"<(input|textarea|select)\b([^>]*)>", re.I)
ATTRIBUTE = re.compile(r'(\w[\w-]*)="([^"]*)"')


class LoginRefused(RuntimeError):
    """The log-in form did not let the user in."""

    def __init__(self, username: str, status: int) -> None:
        super().__init__(f"log-in of {username} refused ({status})")
        self.status = status


class Student:
    """One logged-in user of one server."""

    def __init__(self, base: str, timeout: float = 30) -> None:
        self.base, self.timeout = base, timeout
        self.http = requests.Session()
        self.token = ""

    def get(self, path: str) -> requests.Response:
        """GET a page and remember its CSRF token."""
        response = self.http.get(self.base + path, timeout=self.timeout, allow_redirects=False)
        found = CSRF_META.search(response.text)
        if found:
            self.token = found.group(1)
        return response

    def post(self, path: str, data: dict | list | None = None) -> requests.Response:
        """POST a form with the CSRF token, not following the redirect."""
        if not self.token:
            self.get("/auth/login")
        fields = list(data.items()) if isinstance(data, dict) else list(data or [])
        return self.http.post(
            self.base + path,
            data=[("csrf_token", self.token), *fields],
            timeout=self.timeout,
            allow_redirects=False,
        )

    def login(self, username: str, password: str) -> None:
        """Log in through the form; raises if refused."""
        self.get("/auth/login")
        response = self.post("/auth/login", {"username": username, "password": password})
        if response.status_code != 302:
            raise LoginRefused(username, response.status_code)
        self.get("/quizzes/")

    @property
    def cookie(self) -> str:
        """The Cookie header a copy of this session sends."""
        return "; ".join(f"{c.name}={c.value}" for c in self.http.cookies)


def answer_form(page: str) -> list[tuple[str, str]]:
    """Answers for every question on a take page: first option of choices, text elsewhere."""
    answers, chosen = [], set()
    for _, attributes in FIELD.findall(page):
        attrs = dict(ATTRIBUTE.findall(attributes))
        name = attrs.get("name", "")
        if not name.startswith("q") or name in chosen:
            continue
        kind = attrs.get("type", "text")
        if kind in ("radio", "checkbox"):
            answers.append((name, attrs.get("value", "0")))
            chosen.add(name)
        elif kind in ("text", "number", ""):
            answers.append((name, "answer 1"))
            chosen.add(name)
    return answers
