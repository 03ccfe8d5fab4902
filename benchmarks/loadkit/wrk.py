"""Running wrk and reading its figures."""

from __future__ import annotations

import re
import subprocess
import tempfile
from dataclasses import dataclass


@dataclass(frozen=True)
class WrkResult:
    """Requests per second, 99th percentile latency (ms), responses that were not 2xx/3xx,
    requests made and median latency (ms)."""

    rps: float
    p99_ms: float
    errors: int
    requests: int
    p50_ms: float = float("nan")


def _ms(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[unit]


def run_wrk(
    url: str, cookie: str, seconds: int, connections: int = 50, script: str = ""
) -> WrkResult:
    """wrk -t2 -c``connections`` for ``seconds`` with the session cookie (and a Lua script)."""
    command = [
        "wrk",
        "-t2",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "--latency",
        "-H",
        f"Cookie: {cookie}",
    ]
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as lua:
        if script:
            lua.write(script)
            lua.flush()
            command += ["-s", lua.name]
        output = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s|m)\b", output)
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s|m)\b", output)
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    failed = int(errors.group(1)) if errors else 0
    if socket_errors:
        failed += sum(int(n) for n in socket_errors.groups())
    total = int(re.search(r"(\d+) requests in", output).group(1))
    nan = float("nan")
    return WrkResult(
        rps,
        _ms(*p99.groups()) if p99 else nan,
        failed,
        total,
        _ms(*p50.groups()) if p50 else nan,
    )


def _lua(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def post_script(body: str, each: list[tuple[str, str, str]] | None = None) -> str:
    """A wrk Lua script that POSTs ``body`` (form-encoded); with ``each``, every request takes
    the next (path, cookie, body) of the list instead, once, split between wrk's two threads
    (then it repeats the last)."""
    lua = [
        'wrk.method = "POST"',
        f"wrk.body = {_lua(body)}",
        'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"',
    ]
    if each:
        listed = ",\n".join(
            f"{{{_lua(path)}, {_lua(cookie)}, {_lua(form)}}}" for path, cookie, form in each
        )
        lua += [
            f"local each = {{{listed}}}",
            "local threads = 0",
            'function setup(thread) thread:set("tid", threads); threads = threads + 1 end',
            "local n = 0",
            "function request()",
            "  n = n + 1",
            "  local one = each[(n - 1) * 2 + tid + 1] or each[#each]",
            "  local headers = {}",
            "  for name, value in pairs(wrk.headers) do headers[name] = value end",
            '  headers["Cookie"] = one[2]',
            '  return wrk.format("POST", one[1], headers, one[3])',
            "end",
        ]
    return "\n".join(lua) + "\n"
