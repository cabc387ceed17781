"""The web app on a big store: start-up, memory, and the first byte of every page and API list.

    .venv/bin/python benchmarks/bench_web.py [--store /tmp/triangulate-scale/add10.db]
        [--baseline /tmp/tri-baseline] [--work /tmp/triangulate-web] [--json FILE]

The store is one ``bench_scale.py`` leaves (2,400 real articles, reconciled); it is copied first,
since the app writes to its store (the search index, a decision). For this tree, and beside it for
``--baseline`` (another checkout of the code, e.g. ``git worktree add --detach /tmp/tri-baseline
<commit>``), a fresh ``uvicorn`` process serves the copy; each page is asked for once, in order,
over a plain socket (``Connection: close``), and its time to first byte, time to last byte and
size are printed side by side. The copy is opened once first, by a process of its own, which
applies the tree's migrations (timed apart); start-up is the time from launching the server
until the overview has answered (whatever the app loads at start or on the first request
included); memory is the server's peak resident size (``VmHWM``) after every page. The last
rows time a decision (``POST /api/v1/adjudications``) and the first page read after it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
MIGRATE = "import sys; from triangulate.store import open_store; open_store(sys.argv[1]).close()"
SERVER = """
import sys, uvicorn
from triangulate.web.app import create_app
uvicorn.run(create_app(sys.argv[1]), host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
"""


def _ids(store: Path) -> dict[str, str]:
    """One id of each kind of record, the same for every tree measured."""
    db = sqlite3.connect(store)

    def first(sql: str) -> str:
        row = db.execute(sql).fetchone()
        return str(row[0]) if row else "none"

    ids = {
        "document": first("SELECT id FROM documents ORDER BY source, id LIMIT 1"),
        "entity": first("SELECT id FROM entities ORDER BY length(data) DESC LIMIT 1"),
        "event": first("SELECT id FROM events ORDER BY length(data) DESC LIMIT 1"),
        "comparison": first("SELECT id FROM comparisons ORDER BY length(data) DESC LIMIT 1"),
        "claim": first("SELECT id FROM claims ORDER BY rowid LIMIT 1"),
        "publisher": first("SELECT publisher FROM documents WHERE publisher != '' LIMIT 1"),
    }
    db.close()
    return ids


def urls(raw: dict[str, str]) -> list[str]:
    ids = {kind: quote(value, safe="") for kind, value in raw.items()}
    return [
        "/",
        f"/documents/{ids['document']}",
        "/timeline",
        "/comparisons",
        f"/comparisons/{ids['comparison']}",
        f"/events/{ids['event']}",
        "/entities",
        f"/entities/{ids['entity']}",
        "/map",
        "/search?q=police",
        "/disputes",
        "/disputes?page=3",
        "/sources",
        "/api/v1/docs",
        "/api/v1/documents",
        f"/api/v1/documents/{ids['document']}",
        "/api/v1/failures",
        "/api/v1/entities",
        f"/api/v1/entities/{ids['entity']}",
        "/api/v1/claims",
        f"/api/v1/claims/{ids['claim']}",
        "/api/v1/events",
        "/api/v1/comparisons",
        "/api/v1/timeline",
        "/api/v1/search?q=police",
        "/api/v1/disputes",
        "/api/v1/sources",
        "/api/v1/sources/speakers",
        "/api/v1/sources/lineage",
        "/api/v1/sources/single-origin",
        "/api/v1/graph",
        "/api/v1/places",
        "/api/v1/adjudications",
        f"/api/v1/comparisons?source={ids['publisher']}",
        "/api/v1/claims?stance=asserted&offset=1000",
    ]


def fetch(port: int, method: str, path: str, body: bytes = b"") -> tuple[float, float, int, int]:
    """(seconds to the first byte, seconds to the last, bytes, status) of one request."""
    head = (
        f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n"
        + (f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n" if body else "")
        + "\r\n"
    )
    with socket.create_connection(("127.0.0.1", port), timeout=900) as sock:
        started = time.perf_counter()
        sock.sendall(head.encode() + body)
        chunk = sock.recv(65536)
        first = time.perf_counter() - started
        received = [chunk]
        while chunk:
            chunk = sock.recv(1 << 20)
            received.append(chunk)
        last = time.perf_counter() - started
    data = b"".join(received)
    status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/") else 0
    return first, last, len(data), status


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def measure(tree: Path, store: Path, work: Path, label: str) -> dict[str, Any]:
    copy = work / f"{label}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(store, copy)
    ids = _ids(copy)
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(tree / "src")}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", MIGRATE, str(copy)], env=env, cwd=work, check=True)
    migrated = time.perf_counter() - started
    launched = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(copy), str(port)], env=env, cwd=work
    )
    try:
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None:
                    raise SystemExit(f"{label}: the server exited ({server.returncode})") from None
                time.sleep(0.05)
        listening = time.perf_counter() - launched
        fetch(port, "GET", "/")
        ready = time.perf_counter() - launched
        rows = []
        for url in urls(ids):
            first, last, size, status = fetch(port, "GET", url)
            rows.append({"url": url, "first": first, "last": last, "bytes": size, "status": status})
        decision = json.dumps(
            {"action": "confirm", "target": ids["comparison"], "reviewer": "bench"}
        ).encode()
        first, last, size, status = fetch(port, "POST", "/api/v1/adjudications", decision)
        rows.append(
            {
                "url": "POST /api/v1/adjudications",
                "first": first,
                "last": last,
                "bytes": size,
                "status": status,
            }
        )
        after = f"/comparisons/{quote(ids['comparison'], safe='')}"
        first, last, size, status = fetch(port, "GET", after)
        rows.append(
            {
                "url": f"{after} (after the decision)",
                "first": first,
                "last": last,
                "bytes": size,
                "status": status,
            }
        )
        return {
            "migration_s": migrated,
            "listening_s": listening,
            "ready_s": ready,
            "peak_mb": _peak_mb(server.pid),
            "rows": rows,
        }
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--store", type=Path, default=Path("/tmp/triangulate-scale/add10.db"))
    parser.add_argument("--baseline", type=Path, help="another checkout to measure beside this one")
    parser.add_argument("--work", type=Path, default=Path("/tmp/triangulate-web"))
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args()
    if not args.store.exists():
        print(f"no store at {args.store}: run benchmarks/bench_scale.py first")
        return 1
    args.work.mkdir(parents=True, exist_ok=True)
    documents = sqlite3.connect(args.store).execute("SELECT count(*) FROM documents").fetchone()
    trees = [("baseline", args.baseline)] if args.baseline else []
    results = {
        label: measure(tree, args.store, args.work, label)
        for label, tree in [*trees, ("now", ROOT)]
    }
    labels = list(results)
    print(f"\n{documents[0]} documents ({args.store}); seconds, first byte / last byte, and KB")
    print("| request | " + " | ".join(labels) + " |")
    print("|---|" + "---|" * len(labels))
    for index, row in enumerate(results[labels[-1]]["rows"]):
        cells = []
        for label in labels:
            r = results[label]["rows"][index]
            cells.append(
                f"{r['first']:.3f} / {r['last']:.3f} s, {r['bytes'] / 1024:.0f} KB"
                + ("" if r["status"] < 400 else f" ({r['status']})")
            )
        print(f"| {row['url']} | " + " | ".join(cells) + " |")
    for key, name in (
        ("migration_s", "opening the store once, with its migrations (s)"),
        ("listening_s", "listening (s)"),
        ("ready_s", "first page answered (s)"),
        ("peak_mb", "peak memory (MB)"),
    ):
        print(f"| {name} | " + " | ".join(f"{results[k][key]:.1f}" for k in labels) + " |")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
