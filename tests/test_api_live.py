"""The real server: ``rasd serve`` started on a free loopback port, spoken to over HTTP, then stopped."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

TOKEN = "live-token"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(*args: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    cmd = [sys.executable, "-c", "from rasd.cli import main; main()", "serve", "--port", str(port), *args]
    env = {**os.environ, "RASD_DB": "", "RASD_TOKEN": ""}
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {proc.stdout.read().decode(errors='replace')}")
        try:
            if httpx.get(base + "/api/health", timeout=1).status_code == 200:
                return proc, base
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("server did not start within 60 s")


def stop_server(proc: subprocess.Popen) -> str:
    proc.terminate()
    try:
        out, _ = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _ = proc.communicate()
    return out.decode(errors="replace")


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("live") / "live.db"
    proc, base = start_server("--db", f"sqlite:///{db}", "--token", TOKEN, "--log-level", "warning")
    try:
        yield base
    finally:
        log = stop_server(proc)
        assert proc.returncode is not None
        assert "Traceback" not in log, log


def test_analyze_the_seed_over_http(server: str, seed_text: str) -> None:
    r = httpx.post(server + "/api/analyze", json={"text": seed_text, "published": "2021-12-30"}, timeout=60)
    assert r.status_code == 200
    doc = r.json()
    assert doc["text"] == seed_text and doc["sentences"]
    assert r.headers["content-security-policy"].startswith("default-src 'self'")


def test_concurrent_clients_all_get_answers(server: str, seed_text: str) -> None:
    with httpx.Client(base_url=server, timeout=60) as client:

        def one(i: int) -> int:
            body = {"text": seed_text if i % 2 else f"{seed_text}\nفقرة {i}", "published": "2021-12-30"}
            return client.post("/api/analyze", json=body).status_code

        with ThreadPoolExecutor(8) as pool:
            assert set(pool.map(one, range(24))) == {200}


def test_413_over_a_real_socket(server: str) -> None:
    body = json.dumps({"text": "ا" * (3 * 1024 * 1024)}).encode()
    r = httpx.post(
        server + "/api/analyze", content=body, headers={"content-type": "application/json"}, timeout=60
    )
    assert r.status_code == 413 and r.json()["error"]["code"] == "payload_too_large"
    # The server is still fine afterwards.
    assert httpx.get(server + "/api/health", timeout=10).status_code == 200


def test_write_then_read_then_delete(server: str) -> None:
    article = {
        "text": "قال وزير الخارجية الروسي سيرغي لافروف إن موسكو مستعدة للحوار.",
        "published": "2022-01-10",
    }
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert httpx.post(server + "/api/documents", json={"documents": [article]}).status_code == 401
    r = httpx.post(server + "/api/documents", json={"documents": [article]}, headers=auth, timeout=60)
    assert r.status_code == 201
    doc_id = r.json()["ids"][0]
    listed = httpx.get(server + "/api/documents").json()["items"]
    assert [d["id"] for d in listed] == [doc_id]
    assert httpx.get(server + "/api/search", params={"q": "لافروف"}).json()["items"][0]["id"] == doc_id
    assert httpx.delete(server + f"/api/documents/{doc_id}", headers=auth).status_code == 200
    assert httpx.get(server + f"/api/documents/{doc_id}").status_code == 404


def test_pages_and_docs_are_served(server: str) -> None:
    home = httpx.get(server + "/")
    assert home.status_code == 200 and 'dir="rtl"' in home.text
    assert httpx.get(server + "/static/app.css").status_code == 200
    assert httpx.get(server + "/docs").status_code == 200
    assert httpx.get(server + "/openapi.json").json()["info"]["title"] == "rasd"


def test_two_workers_serve_too(tmp_path) -> None:
    proc, base = start_server("--workers", "2", "--log-level", "warning")
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            codes = {
                client.post("/api/analyze", json={"text": f"قال بوتين {i}"}).status_code for i in range(6)
            }
        assert codes == {200}
        assert httpx.get(base + "/api/search?q=x").status_code == 503  # no corpus given to the workers
    finally:
        stop_server(proc)
