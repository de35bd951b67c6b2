"""A bounded load test of the API on loopback, and the page's first view in headless Chromium.

    python bench/bench_load.py [--clients 32] [--seconds 60] [--workers 1] [--url http://127.0.0.1:PORT]

Starts ``rasd serve`` on a free loopback port (or uses ``--url``, which must be a loopback address) with a
corpus holding the reference article and our examples, then runs, one after another, each scenario with
``--clients`` concurrent keep-alive connections for ``--seconds`` seconds (and at most ``--max-requests``):

- ``health``    GET /api/health — the server's floor, the baseline the other rows are compared with;
- ``analyze``   POST /api/analyze with the seed — the same article again, answered from the analysis cache;
- ``analyze-new`` POST /api/analyze with the seed plus a unique line — every request runs the whole pipeline;
- ``search``    GET /api/search with a rotating query and a date filter.

It prints p50/p95/p99 latency, throughput and errors per scenario, and each p95 as a ratio to the baseline's
p95 measured in the same run. Then it times the analysis page in Chromium: paste the seed, submit, and wait for
the result page's load event (median of ``--views`` runs). Only 127.0.0.1 is ever contacted; every loop stops
by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared/seed/000_94f9661d6d9a40c9.txt"
CHROMIUM = os.environ.get("RASD_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
QUERIES = ["روسيا", "بوتين", "أوكرانيا", "العقوبات", "الولايات المتحدة", "جنيف", "الكرملين", "المحادثات"]
TOKEN = "bench-token"


# ---- the server --------------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def check_loopback(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    host = parts.hostname or ""
    ok = host == "localhost"
    try:
        ok = ok or ipaddress.ip_address(host).is_loopback
    except ValueError:
        pass
    if not ok or parts.scheme != "http":
        sys.exit(f"refusing {url!r}: this load test only targets http:// on a loopback address")
    return ("127.0.0.1" if host == "localhost" else host), parts.port or 80


def wait_ready(host: str, port: int, proc: subprocess.Popen | None, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            sys.exit("the server exited before it was ready")
        try:
            status, _ = asyncio.run(one_request(host, port, build("GET", "/api/health")))
            if status == 200:
                return
        except OSError:
            time.sleep(0.3)
    sys.exit("the server did not become ready")


def start_server(workers: int, db: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
    cmd = [sys.executable, "-c", "from rasd.cli import main; main()", "serve", "--port", str(port)]
    cmd += ["--workers", str(workers), "--db", f"sqlite:///{db}", "--token", TOKEN, "--log-level", "warning"]
    proc = subprocess.Popen(cmd, cwd=ROOT)
    wait_ready("127.0.0.1", port, proc)
    return proc, port


def fill_corpus(host: str, port: int, seed: str) -> None:
    docs = [{"text": seed, "published": "2021-12-30", "title": "seed"}]
    for i, path in enumerate(sorted((ROOT / "examples").glob("*.txt"))):
        docs.append({"text": path.read_text(encoding="utf-8"), "published": f"2022-01-{10 + i:02d}"})
    body = json.dumps({"documents": docs}).encode()
    req = build("POST", "/api/documents", body, extra={"Authorization": f"Bearer {TOKEN}"})
    status, _ = asyncio.run(one_request(host, port, req, timeout=300))
    if status not in (201, 403):  # 403: an existing server without our token; its own corpus is searched
        sys.exit(f"could not fill the corpus: HTTP {status}")


# ---- a small HTTP/1.1 keep-alive client (cheap, so the 2 cores go to the server) ---------------------------
def build(method: str, path: str, body: bytes = b"", extra: dict[str, str] | None = None) -> bytes:
    head = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: keep-alive"]
    if body or method == "POST":
        head += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
    head += [f"{k}: {v}" for k, v in (extra or {}).items()]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("connection closed")
    status = int(status_line.split()[1])
    length, chunked = 0, False
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b"\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        name = name.strip().lower()
        if name == "content-length":
            length = int(value.strip())
        elif name == "transfer-encoding" and "chunked" in value.lower():
            chunked = True
    if not chunked:
        return status, await reader.readexactly(length)
    parts = []
    while True:
        size = int((await reader.readline()).strip(), 16)
        if size == 0:
            await reader.readline()
            return status, b"".join(parts)
        parts.append(await reader.readexactly(size))
        await reader.readline()


async def one_request(host: str, port: int, req: bytes, timeout: float = 30) -> tuple[int, bytes]:
    reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), timeout)
    try:
        writer.write(req)
        await writer.drain()
        return await asyncio.wait_for(read_response(reader), timeout)
    finally:
        writer.close()


@dataclass
class Result:
    name: str
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    elapsed: float = 0.0

    def pct(self, p: float) -> float:
        if not self.latencies:
            return float("nan")
        xs = sorted(self.latencies)
        return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))] * 1000


async def client_loop(host, port, make, deadline, budget, result: Result, counter: list[int]) -> None:
    reader = writer = None
    while time.monotonic() < deadline and counter[0] < budget:
        counter[0] += 1
        req = make(counter[0])
        t0 = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(host, port)
            writer.write(req)
            await writer.drain()
            status, _ = await asyncio.wait_for(read_response(reader), 30)
            if status != 200:
                result.errors += 1
        except (TimeoutError, OSError, ConnectionError, asyncio.IncompleteReadError, ValueError):
            result.errors += 1
            if writer is not None:
                writer.close()
            reader = writer = None
            continue
        result.latencies.append(time.perf_counter() - t0)
    if writer is not None:
        writer.close()


async def run_scenario(host, port, name, make, clients: int, seconds: float, budget: int) -> Result:
    result = Result(name)
    counter = [0]
    t0 = time.monotonic()
    deadline = t0 + seconds
    await asyncio.gather(
        *(client_loop(host, port, make, deadline, budget, result, counter) for _ in range(clients))
    )
    result.elapsed = time.monotonic() - t0
    return result


def scenarios(seed: str) -> dict:
    analyze_body = json.dumps({"text": seed, "published": "2021-12-30"}).encode()
    analyze_req = build("POST", "/api/analyze", analyze_body)
    health_req = build("GET", "/api/health")
    run_id = time.time_ns()

    def analyze_new(i: int) -> bytes:
        body = json.dumps({"text": f"{seed}\nتحديث رقم {run_id}-{i}.", "published": "2021-12-30"}).encode()
        return build("POST", "/api/analyze", body)

    def search(i: int) -> bytes:
        q = quote(QUERIES[i % len(QUERIES)])
        return build("GET", f"/api/search?q={q}&since=2021-01-01&limit=10")

    return {
        "health": lambda i: health_req,
        "analyze": lambda i: analyze_req,
        "analyze-new": analyze_new,
        "search": search,
    }


# ---- the page in Chromium ------------------------------------------------------------------------------------
def first_view(base: str, seed: str, views: int) -> list[float] | str:
    """Seconds from submitting the seed to the result page's load event, per run."""
    if not Path(CHROMIUM).exists():
        return f"skipped: no chromium at {CHROMIUM}"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return "skipped: playwright is not installed"
    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        for _ in range(views + 1):
            page.goto(base + "/")
            # A new line each time: the page is measured with a real analysis, not a cached one.
            page.fill("#text", f"{seed}\nتحديث رقم {time.time_ns()}.")
            t0 = time.perf_counter()
            with page.expect_navigation(wait_until="load"):
                page.click("#analyze-btn")
            times.append(time.perf_counter() - t0)  # the first run is cold: nothing in the browser's cache
        browser.close()
    return times


# ---- main ------------------------------------------------------------------------------------------------------
def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--seconds", type=float, default=60.0, help="per scenario")
    ap.add_argument("--max-requests", type=int, default=200_000, help="per scenario")
    ap.add_argument("--workers", type=int, default=1, help="server worker processes")
    ap.add_argument("--url", help="an already running server on loopback (default: start one)")
    ap.add_argument("--only", nargs="*", help="scenarios to run (default: all)")
    ap.add_argument("--views", type=int, default=5, help="page loads timed in Chromium (0: none)")
    args = ap.parse_args()
    if not 1 <= args.clients <= 256 or not 0 < args.seconds <= 600:
        sys.exit("keep it bounded: 1–256 clients, at most 600 s per scenario")
    seed = SEED.read_text(encoding="utf-8")

    proc = None
    with tempfile.TemporaryDirectory() as tmp:
        if args.url:
            host, port = check_loopback(args.url)
            wait_ready(host, port, None)
        else:
            host = "127.0.0.1"
            proc, port = start_server(args.workers, Path(tmp) / "bench.db")
        try:
            fill_corpus(host, port, seed)
            plan = scenarios(seed)
            names = args.only or list(plan)
            if "health" not in names:
                names = ["health", *names]
            results = []
            for name in names:
                # warm up: caches, connections, the models in every worker
                asyncio.run(run_scenario(host, port, name, plan[name], args.clients, 2.0, 4 * args.clients))
                results.append(
                    asyncio.run(
                        run_scenario(
                            host, port, name, plan[name], args.clients, args.seconds, args.max_requests
                        )
                    )
                )
            views = first_view(f"http://{host}:{port}", seed, args.views) if args.views else "not run"
        finally:
            if proc is not None:
                proc.terminate()
                proc.wait(timeout=30)
    report(results, views, args)


def report(results: list[Result], views, args) -> None:
    base = results[0].pct(95)
    print(f"\nload: {args.clients} clients × {args.seconds:g} s per scenario, server workers: {args.workers}")
    print(
        f"{'scenario':<12} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
        f"{'max ms':>8} {'errors':>7} {'p95/base':>9}"
    )
    for r in results:
        n = len(r.latencies)
        print(
            f"{r.name:<12} {n:>9} {n / r.elapsed:>8.0f} {r.pct(50):>8.1f} {r.pct(95):>8.1f} {r.pct(99):>8.1f} "
            f"{(max(r.latencies) * 1000 if r.latencies else float('nan')):>8.1f} {r.errors:>7} "
            f"{r.pct(95) / base:>9.2f}"
        )
    if isinstance(views, list) and len(views) > 1:
        warm = views[1:]
        print(
            f"\npage first view of an analyzed article (submit → load event, headless Chromium, idle server): "
            f"cold {views[0] * 1000:.0f} ms; warm median {statistics.median(warm) * 1000:.0f} ms, "
            f"max {max(warm) * 1000:.0f} ms over {len(warm)} runs"
        )
    else:
        print(f"\npage first view: {views}")


if __name__ == "__main__":
    main()
