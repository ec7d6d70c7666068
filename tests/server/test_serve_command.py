"""``khuyencong serve``: its options, and a bad rulebook stopping it before it listens."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("uvicorn", reason="the server needs khuyencong[serve]")

from khuyencong.cli import main
from khuyencong.server.settings import Settings


def test_a_bad_rulebook_stops_the_command(tmp_path: Path) -> None:
    err = io.StringIO()
    code = main(["serve", "--rulebook", str(tmp_path / "missing.toml")], out=io.StringIO(), err=err)
    assert code == 2
    assert "missing.toml" in err.getvalue()
    assert "Traceback" not in err.getvalue()


def test_options_become_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}

    def fake_serve(settings: Settings, **kwargs: Any) -> None:
        seen.update(kwargs, settings=settings)

    monkeypatch.setattr("khuyencong.server.run.serve", fake_serve)
    argv = [
        "serve", "--port", "8123", "--workers", "2", "--max-upload-mb", "1.5",
        "--max-rows", "10", "--time-limit", "5", "--cors-origin", "https://a.invalid",
    ]  # fmt: skip
    assert main(argv, out=io.StringIO(), err=io.StringIO()) == 0
    assert seen["host"] == "127.0.0.1"  # the loopback address unless told otherwise
    assert (seen["port"], seen["workers"]) == (8123, 2)
    assert seen["settings"] == Settings(
        max_upload_bytes=1_572_864,  # 1.5 × 1024 × 1024
        max_rows=10,
        time_limit=5.0,
        cors_origins=("https://a.invalid",),
    )
