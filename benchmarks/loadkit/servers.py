"""gunicorn processes serving quizapp or the yardstick, with the project's gunicorn settings."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))


class Server:
    """One gunicorn master and its workers."""

    def __init__(self, app: str, port: int, env: dict[str, str], workers: int | None = None):
        self.app, self.port = app, port
        self.env = {**os.environ, **env, "QUIZAPP_BIND": f"127.0.0.1:{port}"}
        if workers:
            self.env["WEB_CONCURRENCY"] = str(workers)
        self.process: subprocess.Popen | None = None
        self.log = Path(f"/tmp/quizapp-load-{port}.log")

    @property
    def base(self) -> str:
        """The server's address."""
        return f"http://127.0.0.1:{self.port}"

    def start(self, probe: str = "/health") -> Server:
        """Start and wait until ``probe`` answers."""
        self.process = subprocess.Popen(
            [
                GUNICORN,
                "-c",
                "python:quizapp.gunicorn_conf",
                "--access-logfile",
                "/dev/null",
                self.app,
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
        )
        for _ in range(120):
            try:
                if requests.get(self.base + probe, timeout=2).status_code < 500:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.25)
        raise RuntimeError(f"{self.app} on {self.port} did not start; see {self.log}")

    def worker_pids(self) -> list[int]:
        """The pids of the master's workers."""
        out = subprocess.run(
            ["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True
        ).stdout
        return [int(pid) for pid in out.split()]

    def kill_worker(self) -> int:
        """SIGKILL one worker (the master starts another); its pid."""
        pid = self.worker_pids()[0]
        os.kill(pid, signal.SIGKILL)
        return pid

    def stop(self) -> None:
        """Stop gracefully and wait."""
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=60)
