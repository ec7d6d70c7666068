"""An HTTP API and a web page over the library (``pip install 'khuyencong[serve]'``).

``khuyencong serve`` runs it with uvicorn; :func:`create_app` builds the ASGI application for
any other ASGI server or for tests.  Nothing here is imported by ``import khuyencong``.
"""

from __future__ import annotations

from .app import app_from_env, create_app
from .settings import Settings, load_rulebooks

__all__ = ["Settings", "app_from_env", "create_app", "load_rulebooks"]
