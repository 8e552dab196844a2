"""The `armsledger` command: a thin layer over the library."""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.markup import escape

from . import __version__, shell
from .errors import ArmsLedgerError, IngestError
from .ingest.files import describe_size
from .model import MAX_BYTES
from .shell import fail, parse_size

HELP = {"help_option_names": ["-h", "--help"]}
app = typer.Typer(no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False, context_settings=HELP)
catalogue_app = typer.Typer(help="Inspect and check the catalogues.", no_args_is_help=True, context_settings=HELP)
app.add_typer(catalogue_app, name="catalogue")


class Format(str, Enum):
    text = "text"
    json = "json"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"armsledger {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option("--version", is_eager=True, callback=_version,
                                                help="Print the version and exit.")] = False) -> None:
    """Turn defence news into a source-linked ledger of arms deals.

    Exit codes, the same for every command: 0 all well, 1 some inputs failed, 2 usage, 3 nothing done.
    """


@app.command("extract")
def extract_cli(
    paths: Annotated[list[str], typer.Argument(help="Text, HTML or JSON/JSON Lines files; '-' reads standard input.")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="json: the contract record (JSON Lines for several "
                                                               "articles); text: a readable view.")] = Format.text,
    with_text: Annotated[bool, typer.Option("--with-text", help="Add article.text, the body the offsets index.")] = False,
    catalogues: Annotated[Optional[Path], typer.Option("--catalogues", envvar="ARMSLEDGER_CATALOGUES",
                                                       help="A directory of catalogue files read over the packaged ones.")] = None,
    max_size: Annotated[int, typer.Option("--max-size", parser=parse_size, metavar="SIZE",
                                          help="Largest input (file, page, archive record), e.g. 10MB.")] = describe_size(MAX_BYTES),
    encoding: Annotated[Optional[str], typer.Option("--encoding", help="Read every input in this encoding (default: HTML "
                                                    "as browsers do, text as UTF-8 else detected).")] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Print the traceback of every unexpected failure.")] = False,
    explain: Annotated[bool, typer.Option("--explain", help="Say why each deal is there: the model's probability and "
                                          "the features that weighed most, for the deal and its status.")] = False,
    model: Annotated[Optional[Path], typer.Option("--model", envvar="ARMSLEDGER_MODEL",
                                                  help="A model written by 'armsledger train' (default: the packaged one).")] = None,
) -> None:
    """Extract entities, events and deals from articles; nothing is stored.

    Example: armsledger extract report.txt --format json
    Example: armsledger extract report.txt --explain
    """
    from . import logs

    tracebacks = logs.setup(debug)  # before the imports below, which may log (the start-up cache)
    from .catalogue import load
    from .extract import Extractor
    from .ingest import read_all

    try:
        extractor = Extractor(load(catalogues), model=str(model) if model else None)
    except ArmsLedgerError as err:
        raise fail(str(err)) from None
    console = shell.console()
    err_console = shell.console(stderr=True)
    ok = failed = 0
    for item in read_all(paths, max_bytes=max_size, encoding=encoding):
        if isinstance(item, IngestError):
            failed += 1
            err_console.print(f"[red]Error:[/red] {escape(str(item))}", highlight=False, soft_wrap=True)
            continue
        try:
            record = extractor(item, with_text=with_text, explain=explain)
        except Exception as err:  # one bad article never stops the batch
            failed += 1
            err_console.print(f"[red]Error:[/red] {escape(str(logs.failed(item.source, 'extraction', err)))}",
                              highlight=False, soft_wrap=True)
            continue
        ok += 1
        if fmt is Format.json:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            from .render import render, render_why
            render(record, console)
            if explain:
                render_why(record, console)
    if tracebacks.hint(debug):
        err_console.print(tracebacks.hint(debug), highlight=False, soft_wrap=True, markup=False)
    raise typer.Exit(shell.outcome(ok, failed))


@catalogue_app.command("check")
def catalogue_check_cli(
    catalogues: Annotated[Optional[Path], typer.Option("--catalogues", envvar="ARMSLEDGER_CATALOGUES",
                                                       help="A directory of catalogue files read over the packaged ones.")] = None,
) -> None:
    """Check the catalogues: aliases claimed twice, unknown categories, dangling parents.

    Example: armsledger catalogue check --catalogues my-catalogues/
    """
    from .catalogue import load

    try:
        cat = load(catalogues)
    except ArmsLedgerError as err:
        raise fail(str(err)) from None
    problems = cat.check()
    counts = ", ".join(f"{len(v)} {k}" for k, v in sorted(cat.entries.items()))
    typer.echo(f"{counts}; {len(cat.rates)} exchange rates")
    for p in problems:
        typer.echo(p)
    if problems:
        typer.echo(shell.plural(len(problems), "problem"))
        raise typer.Exit(shell.SOME_FAILED)
    typer.echo("no problems")


def _register_stages() -> None:
    """The later stages add their own commands: ledger, serve, backfill."""
    from .backfill.cli import register as register_backfill
    from .learn.cli import register as register_learn
    from .ledger.analyst_cli import register as register_analyst
    from .ledger.cli import register as register_ledger
    from .serve.cli import register as register_serve

    register_ledger(app)
    register_analyst(app)
    register_learn(app)
    register_serve(app)
    register_backfill(app)


_register_stages()


def main() -> None:
    app()
