"""Run the application with uvicorn (``khuyencong serve``)."""

from __future__ import annotations

import os
from pathlib import Path

from .settings import ENV_VAR, Settings, load_rulebooks

__all__ = ["serve"]


def serve(
    settings: Settings,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: int = 1,
    log_level: str = "info",
) -> None:
    """Serve until interrupted.  The rulebooks are loaded once here first, so that a bad file
    stops the command with its problems before any worker starts; each worker then builds the
    application from the settings passed in the environment."""
    import uvicorn

    settings = Settings(
        max_upload_bytes=settings.max_upload_bytes,
        max_rows=settings.max_rows,
        time_limit=settings.time_limit,
        cors_origins=settings.cors_origins,
        rulebooks=tuple(str(Path(p).resolve()) for p in settings.rulebooks),
    )
    load_rulebooks(settings.rulebooks)
    os.environ[ENV_VAR] = settings.to_env()
    uvicorn.run(
        "khuyencong.server.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
        server_header=False,
    )
