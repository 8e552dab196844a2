"""Run the app with uvicorn in a background thread, on a free loopback port: for tests,
screenshots and scripts that need a real server.

    with serving(create_app("ledger.db")) as base_url:
        httpx.get(base_url + "/api/stats")
"""
from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


@contextmanager
def serving(app, host: str = "127.0.0.1", port: int | None = None, timeout: float = 20.0) -> Iterator[str]:
    """Serve `app` until the block ends; yields the base URL (no trailing slash)."""
    port = port or free_port(host)
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, name=f"armsledger-serve-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the server on {host}:{port} did not start")
        time.sleep(0.02)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout)
