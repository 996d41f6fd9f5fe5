"""End to end: ``serve`` runs a real uvicorn server that screens over HTTP."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx2

from fullcourt.api.serve import DEFAULT_HOST

STARTUP_SECONDS = 30.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((DEFAULT_HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def wait_healthy(base: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        assert server.poll() is None, server.communicate()[1].decode()
        try:
            if httpx2.get(f"{base}/healthz", timeout=2).status_code == 200:
                return
        except httpx2.TransportError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"no healthy server at {base} after {STARTUP_SECONDS} s")


def test_served_match_over_http(store_path: Path) -> None:
    port = free_port()
    code = (
        "from pathlib import Path; from fullcourt.api.serve import serve; "
        f"serve({DEFAULT_HOST!r}, {port}, Path({str(store_path)!r}), log_level='warning')"
    )
    # the argument wins over the environment, as `fullcourt serve --db` needs
    env = {**os.environ, "FULLCOURT_DB": str(store_path.with_name("elsewhere.duckdb"))}
    server = subprocess.Popen(
        [sys.executable, "-c", code], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        base = f"http://{DEFAULT_HOST}:{port}"
        wait_healthy(base, server)
        query = {"schema": "Person", "properties": {"name": ["Kim Jong Un"]}}
        response = httpx2.post(f"{base}/match/default", json={"queries": {"q": query}}, timeout=10)
        assert response.status_code == 200
        assert response.headers["x-batch-size"] == "1"
        top = response.json()["responses"]["q"]["results"][0]
        assert top["match"] is True and top["score"] >= 0.8
    finally:
        server.terminate()  # the server this test started, by its own handle
        server.communicate(timeout=10)
