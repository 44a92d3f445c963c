"""Configuration read from environment variables (one place, typed, with defaults)."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

BUNDLED_DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Settings:
    """Everything the app needs to start.

    ``KHATLON_DATA_DIR``   data folder (default: the bundled ``data/``)
    ``KHATLON_SECRET_KEY`` Flask secret key; set it in production so that all workers agree
    ``KHATLON_DEBUG``      ``1`` turns on Dash dev tools (never in production)
    ``HOST`` / ``PORT``    where ``khatlon-dashboard serve`` listens (127.0.0.1:8050)
    ``KHATLON_TRUSTED_PROXIES`` how many reverse proxies in front set ``X-Forwarded-For``/``-Proto``
                           (``deploy/`` sets 1); 0 (default) trusts none, so a client cannot forge them
    ``KHATLON_DECK_AT_START`` ``1`` starts building the slide decks (``/deck.pptx``) when the app is
                           created; by default a process builds them on its first request for one
    """

    data_dir: Path = BUNDLED_DATA_DIR
    secret_key: str = ""
    debug: bool = False
    host: str = "127.0.0.1"
    port: int = 8050
    max_request_bytes: int = 64 * 1024  # the largest body a browser sends is a few kB
    trusted_proxies: int = 0
    deck_at_start: bool = False  # build /deck.pptx's decks in the background at start, not on first request

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        port = env.get("PORT", "8050")
        return cls(
            data_dir=Path(env.get("KHATLON_DATA_DIR") or BUNDLED_DATA_DIR),
            secret_key=env.get("KHATLON_SECRET_KEY") or secrets.token_hex(32),
            debug=_flag(env.get("KHATLON_DEBUG")),
            host=env.get("HOST", "127.0.0.1"),
            port=int(port) if port.isdigit() else 8050,
            trusted_proxies=int(proxies) if (proxies := env.get("KHATLON_TRUSTED_PROXIES", "0")).isdigit() else 0,
            deck_at_start=_flag(env.get("KHATLON_DECK_AT_START")),
        )
