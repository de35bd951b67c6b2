"""rasd over HTTP: a FastAPI app with the REST API (``/api``), the pages (``/``) and the docs (``/docs``)."""

from .app import create_app

__all__ = ["create_app"]
