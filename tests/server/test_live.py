"""The real server process over HTTP on 127.0.0.1: answers, a client that goes away in the middle
of an upload, and an oversized upload refused before it is read."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("uvicorn", reason="the server needs khuyencong[serve]")

import contextlib

import httpx

from khuyencong.datasets import example_path

from .helpers import CLEAN_CSV, proposal
from .live import HOST, running_server

LIMIT_MB = 1


@pytest.fixture(scope="module")
def server_tmp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("server-tmp")


@pytest.fixture(scope="module")
def base(server_tmp: Path) -> Iterator[str]:
    with running_server("--max-upload-mb", str(LIMIT_MB), tmpdir=server_tmp) as url:
        yield url


def _port(base: str) -> int:
    return int(base.rsplit(":", 1)[1])


def test_the_server_answers_over_http(base: str) -> None:
    assert base.startswith("http://127.0.0.1:")
    health = httpx.get(f"{base}/health").json()
    assert health["status"] == "ok"
    assessed = httpx.post(f"{base}/assess", json={"proposal": proposal(), "as_of": "2016-06-01"})
    assert assessed.json()["support"] == "200000000"  # 50 % of 1.2 bn, capped at 200 m
    report = httpx.post(
        f"{base}/check",
        params={"as_of": "2016-06-01"},
        files={"file": ("a.csv", CLEAN_CSV.encode())},
    ).json()
    assert report["rows"][0]["allowed"] == "35000000"
    page = httpx.get(f"{base}/")
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert "server" not in page.headers


def _headers(length: int | None, path: str = "/check") -> bytes:
    lines = [
        f"POST {path} HTTP/1.1",
        f"Host: {HOST}",
        "Content-Type: text/csv",
        "Connection: close",
    ]
    lines.append(
        f"Content-Length: {length}" if length is not None else "Transfer-Encoding: chunked"
    )
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def test_a_client_that_disconnects_mid_upload_leaves_the_server_serving(
    base: str, server_tmp: Path
) -> None:
    for _ in range(3):
        with socket.create_connection((HOST, _port(base)), timeout=10) as raw:
            raw.sendall(_headers(900_000))
            raw.sendall(b"a,b\n" * 25_000)  # 100 kB of the 900 kB announced, then gone
    # A whole upload, and gone before the answer.
    plan = example_path().read_bytes()
    with socket.create_connection((HOST, _port(base)), timeout=10) as raw:
        raw.sendall(_headers(len(plan)) + plan)
    response = httpx.post(f"{base}/check", files={"file": ("plan.csv", plan)})
    assert response.status_code == 200
    assert response.json()["summary"]["rows"] == 14
    # Nothing is kept after a response or a disconnect (an abandoned check may still be
    # finishing on a loaded machine: wait for it, up to a minute).
    deadline = time.monotonic() + 60
    while list(server_tmp.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert list(server_tmp.iterdir()) == []


def _answer(raw: socket.socket) -> bytes:
    raw.settimeout(10)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = raw.recv(65536)
        if not chunk:
            break
        data += chunk
    return data


def test_an_oversized_upload_is_refused_before_it_is_read(base: str) -> None:
    # Content-Length says 10 GB: the answer comes before a single byte of the body is sent.
    with socket.create_connection((HOST, _port(base)), timeout=10) as raw:
        raw.sendall(_headers(10 * 1024**3))
        answer = _answer(raw)
    assert answer.startswith(b"HTTP/1.1 413")
    assert b"application/problem+json" in answer


def test_a_chunked_upload_is_refused_at_the_limit(base: str) -> None:
    # No Content-Length: the server counts while reading and answers once past 1 MB; this
    # client offers 64 MB and stops sending when the answer has come.
    chunk = b"a,b\n" * 16_384  # 64 kB
    framed = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
    sent = 0
    with socket.create_connection((HOST, _port(base)), timeout=10) as raw:
        raw.sendall(_headers(None))
        raw.setblocking(False)
        answer, pending = b"", b""
        try:
            while sent < 64 * 1024 * 1024 and b"\r\n\r\n" not in answer:
                if not pending:
                    pending = framed
                    sent += len(chunk)
                try:
                    pending = pending[raw.send(pending) :]
                except BlockingIOError:
                    time.sleep(0.01)
                with contextlib.suppress(BlockingIOError):
                    answer += raw.recv(65536)
        except (BrokenPipeError, ConnectionResetError):
            pass
        raw.setblocking(True)
        if b"\r\n\r\n" not in answer:
            answer += _answer(raw)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert sent < 8 * 1024 * 1024, f"the client sent {sent} bytes before the answer"
