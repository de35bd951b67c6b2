"""What a running server is configured with; passed to :func:`rasd.api.create_app`."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

MAX_BODY_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Settings:
    db_url: str | None = None  # the corpus store; corpus endpoints answer 503 without one
    token: str | None = None  # enables ingest and delete for requests bearing it
    cors_origins: tuple[str, ...] = ()  # closed by default: no cross-origin reads
    max_body_bytes: int = MAX_BODY_BYTES
    cache_size: int = 256  # analyzed documents kept per process, keyed by their input
    extra: dict = field(default_factory=dict)

    @classmethod
    def from_env(cls) -> Settings:
        """Used by worker processes started by ``rasd serve --workers N``, which cannot be handed objects."""
        origins = tuple(o for o in os.environ.get("RASD_CORS_ORIGINS", "").split(",") if o)
        return cls(
            db_url=os.environ.get("RASD_DB") or None,
            token=os.environ.get("RASD_TOKEN") or None,
            cors_origins=origins,
            max_body_bytes=int(os.environ.get("RASD_MAX_BODY", MAX_BODY_BYTES)),
        )
