"""``rasd serve``: run the app with uvicorn, on loopback unless told otherwise."""

from __future__ import annotations

import ipaddress
import os

import typer

from .settings import MAX_BODY_BYTES


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(
    db: str = typer.Option(
        None, "--db", envvar="RASD_DB", help="corpus store URL (sqlite:///… or postgresql+psycopg://…)"
    ),
    host: str = typer.Option("127.0.0.1", help="address to bind; anything but loopback exposes the server"),
    port: int = typer.Option(8000, min=0, max=65535),
    token: str = typer.Option(
        None,
        envvar="RASD_TOKEN",
        help="enables ingest/delete for requests with 'Authorization: Bearer TOKEN'",
    ),
    workers: int = typer.Option(1, min=1, max=32, help="worker processes (each loads its own models)"),
    cors_origin: list[str] = typer.Option(
        [], "--cors-origin", help="allow cross-origin reads from this origin"
    ),
    max_body_mb: float = typer.Option(MAX_BODY_BYTES / 2**20, help="largest request body, in MB (413 above)"),
    log_level: str = typer.Option("info"),
) -> None:
    """Serve the web app and the REST API (docs at /docs)."""
    import uvicorn

    if not is_loopback(host):
        typer.secho(
            f"warning: binding to {host}: the server is reachable from other machines", fg="yellow", err=True
        )
    max_body = int(max_body_mb * 2**20)
    if workers > 1:
        # Workers are separate processes started by uvicorn: they read their settings from the environment.
        os.environ.update({"RASD_MAX_BODY": str(max_body), "RASD_CORS_ORIGINS": ",".join(cors_origin)})
        for name, value in (("RASD_DB", db), ("RASD_TOKEN", token)):
            if value:
                os.environ[name] = value
            else:
                os.environ.pop(name, None)
        uvicorn.run(
            "rasd.api.app:create_app_from_env",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level=log_level,
            access_log=False,
        )
        return
    from .app import create_app

    app = create_app(db, token, cors_origins=cors_origin, max_body_bytes=max_body)
    uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=False)
