"""``khuyencong serve``: the HTTP API (:mod:`khuyencong.server`)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    pass
from .common import EXIT_OK, EXIT_UNREADABLE


def _serve(args: argparse.Namespace, err: TextIO) -> int:
    try:
        from ..server.run import serve
        from ..server.settings import Settings
    except ImportError as exc:
        from ..l10n.catalog import render

        needs = render("cli.serve_needs", {"error": exc}, getattr(args, "lang", "vi"))
        err.write(f"khuyencong serve: {needs}\n")
        return EXIT_UNREADABLE
    settings = Settings(
        max_upload_bytes=int(args.max_upload_mb * 1024 * 1024),
        max_rows=args.max_rows,
        time_limit=args.time_limit,
        cors_origins=tuple(args.cors_origin),
        rulebooks=tuple(args.rulebook),
    )
    serve(settings, host=args.host, port=args.port, workers=args.workers)
    return EXIT_OK
