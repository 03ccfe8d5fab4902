"""``pip install .`` gives a working app: the wheel, a fresh venv, gunicorn, a page and its CSS.

Builds the wheel and installs it (with its dependencies, from the package index) into a new
virtual environment made by this interpreter's ``venv``, so with the pip that Python bundles;
then serves it from an empty folder, where only the installed package can provide templates,
static files and migrations.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(*args, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(args, capture_output=True, text=True, timeout=600, **kwargs)
    assert result.returncode == 0, f"{args}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str, attempts: int = 60) -> tuple[int, dict, str]:
    for _ in range(attempts):
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.status, dict(response.headers), response.read().decode()
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"{url} never answered")


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv with the project's wheel installed; its bin folder."""
    where = tmp_path_factory.mktemp("packaging")
    base_python = getattr(sys, "_base_executable", sys.executable)
    _run(base_python, "-m", "venv", str(where / "venv"))
    python = where / "venv" / "bin" / "python"
    _run(str(python), "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(where), str(ROOT))
    wheel = next(where.glob("quizapp-*.whl"))
    _run(str(python), "-m", "pip", "install", "--quiet", str(wheel))
    return python.parent


def test_wheel_installs_and_serves_pages_and_styles_under_gunicorn(installed, tmp_path):
    site = tmp_path / "site"
    site.mkdir()  # an empty working folder: nothing of the checkout is reachable from here
    env = {
        "PATH": f"{installed}:{os.environ['PATH']}",
        "HOME": str(tmp_path),
        "QUIZAPP_SECRET_KEY": "packaging-test-secret",
        "QUIZAPP_DATABASE_URL": f"sqlite:///{tmp_path / 'quizapp.sqlite'}",
        "QUIZAPP_INSTANCE_PATH": str(tmp_path / "instance"),
        "QUIZAPP_BIND": f"127.0.0.1:{_free_port()}",
        "WEB_CONCURRENCY": "1",
    }
    located = _run(
        str(installed / "python"),
        "-c",
        "import quizapp, trafilatura; from quizapp import create_app; "
        "print(quizapp.__file__); print(create_app().instance_path)",
        cwd=site,
        env=env,
    ).stdout.split()
    assert located[0].startswith(str(installed.parent)), "the installed package is imported"
    assert located[1] == str(tmp_path / "instance")
    _run(str(installed / "flask"), "--app", "quizapp", "db", "upgrade", "heads", cwd=site, env=env)
    _run(
        str(installed / "flask"),
        "--app",
        "quizapp",
        "create-user",
        "alice",
        "--role",
        "teacher",
        cwd=site,
        env=env,
    )
    server = subprocess.Popen(
        [str(installed / "gunicorn"), "-c", "python:quizapp.gunicorn_conf", "quizapp:create_app()"],
        cwd=site,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        base = f"http://{env['QUIZAPP_BIND']}"
        status, _, page = _get(f"{base}/auth/login")
        assert status == 200 and "<h1>Log in</h1>" in page
        stylesheet = re.search(r'<link rel="stylesheet" href="([^"]+)"', page).group(1)
        status, headers, css = _get(base + stylesheet)
        assert status == 200 and headers["Content-Type"].startswith("text/css")
        assert ".site-header" in css
        status, _, health = _get(f"{base}/health")
        assert status == 200 and '"database":"ok"' in health.replace(" ", "")
    finally:
        server.terminate()
        output = server.communicate(timeout=60)[0]
    assert "TemplateNotFound" not in output
    assert re.search(r'"GET /auth/login HTTP/1.1" 200 .* id=[0-9a-f]{32}', output), output
    assert not (site / "instance").exists()  # the instance folder is where it was told to be
