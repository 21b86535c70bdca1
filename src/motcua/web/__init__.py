"""The web service: JSON API, citizen chat page, officials' console (FastAPI)."""

from motcua.web.app import app_from_env, create_app

__all__ = ["app_from_env", "create_app"]
