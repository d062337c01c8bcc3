"""HTTP API and dashboard (FastAPI): ``create_app(db_path, token=None)``; served by ``detente serve``."""

from detente.api.app import create_app

__all__ = ["create_app"]
