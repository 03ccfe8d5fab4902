"""A throwaway PostgreSQL cluster of our own, so restarting it disturbs nobody else's tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

PG_BIN_CANDIDATES = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)


def _pg_bin(name: str) -> str:
    for folder in PG_BIN_CANDIDATES:
        if (folder / name).exists():
            return str(folder / name)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PostgreSQL (Debian: postgresql)")
    return found


class Cluster:
    """A PostgreSQL cluster in a temporary folder, on its own port, run as user ``postgres``."""

    def __init__(self, port: int = 55432) -> None:
        self.port = port
        self.folder = Path(tempfile.mkdtemp(prefix="quizapp-load-pg-"))
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self._as_postgres = os.geteuid() == 0

    def _run(self, *args: str) -> None:
        command = list(args)
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, text=True)

    @property
    def url(self) -> str:
        """SQLAlchemy URL of the benchmark database."""
        return f"postgresql://postgres@127.0.0.1:{self.port}/quizapp"

    def start(self) -> None:
        """initdb, start, and create the ``quizapp`` database."""
        if self._as_postgres:
            shutil.chown(self.folder, "postgres")
        self._run(_pg_bin("initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust")
        self._pg_ctl("start")
        self._run(
            _pg_bin("createdb"),
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
            "-U",
            "postgres",
            "quizapp",
        )

    def _pg_ctl(self, action: str, *extra: str) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories="
        options += f"{self.folder} -c max_connections=300 -c fsync=on"
        self._run(
            _pg_bin("pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.log),
            "-w",
            "-o",
            options,
            action,
            *extra,
        )

    def stop(self) -> None:
        """Stop the server (fast: running transactions are rolled back)."""
        self._pg_ctl("stop", "-m", "fast")

    def restart(self) -> None:
        """Stop and start again, cutting every connection."""
        self._pg_ctl("restart", "-m", "fast")

    def remove(self) -> None:
        """Stop if running and delete the folder."""
        try:
            self.stop()
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.folder, ignore_errors=True)
