"""The `armsledger serve` command; `register(app)` adds it to the main Typer app."""
from __future__ import annotations

import ipaddress
import os
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape

from .. import shell
from ..errors import ArmsLedgerError

err = Console(stderr=True)


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve_cli(
        db: Annotated[Optional[str], typer.Option(
            "--db", envvar="ARMSLEDGER_DB", help="Ledger: a SQLite file path or a postgresql:// URL.")] = None,
        host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
        port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on.")] = 8000,
        allow_writes: Annotated[bool, typer.Option(
            "--allow-writes", help="Accept corrections (they need the token).")] = False,
        token: Annotated[Optional[str], typer.Option(
            "--token", envvar="ARMSLEDGER_TOKEN", help="Token for corrections; generated and printed when not given.",
            show_default=False)] = None,
    ) -> None:
        """Serve the dashboard and the JSON API of a ledger; read-only unless --allow-writes.

        Example: armsledger serve --db ledger.db --port 8000
        """
        import uvicorn

        from .app import create_app

        try:
            web = create_app(db, allow_writes=allow_writes, token=token)
        except ArmsLedgerError as e:
            raise shell.fail(str(e)) from None
        where = web.state.ledger.engine.url.render_as_string(hide_password=True)
        err.print(f"serving {escape(where)} on http://{host}:{port}/ "
                  f"({'corrections on' if allow_writes else 'read-only'})", highlight=False)
        if allow_writes:
            if not token:
                err.print(f"token for corrections: {web.state.token}", highlight=False, soft_wrap=True)
            if not _loopback(host):
                err.print("[yellow]Warning:[/yellow] corrections are on and the server listens beyond this "
                          "machine over plain HTTP; put it behind TLS.")
        elif token and not os.environ.get("ARMSLEDGER_TOKEN"):
            err.print("note: --token has no effect without --allow-writes")
        uvicorn.run(web, host=host, port=port, log_level="info", proxy_headers=False)


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"
