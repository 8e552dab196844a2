"""`armsledger train`: fit the extractor's decisions on gold files (and a ledger's corrections)."""
from __future__ import annotations

import re
import statistics
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from .. import shell


def register(app: typer.Typer) -> None:
    @app.command("train")
    def train_cli(
        sets: Annotated[Optional[list[str]], typer.Option(
            "--set", help="A gold set of the project: seed, dev, holdout, holdout2, corpus-train (default: all "
                          "five). corpus-test is refused: it is read only to report figures.")] = None,
        gold: Annotated[Optional[list[Path]], typer.Option(
            "--gold", help="A folder of your own with articles/NAME.txt and gold/NAME.json (repeatable).")] = None,
        ledger: Annotated[Optional[str], typer.Option(
            "--ledger", help="Also learn from this ledger's corrections (a SQLite path or postgresql:// URL).")] = None,
        out: Annotated[Optional[Path], typer.Option(
            "--out", help="Where to write the model (default: the packaged model, replaced).")] = None,
        folds: Annotated[int, typer.Option("--folds", min=2, help="Cross-validation folds, by article.")] = 5,
        group: Annotated[str, typer.Option(
            "--group", help="What each fold holds whole: article (default: articles dealt one by one), set (whole "
                            "gold sets), batch (the corpus reports by annotation batch, the letters that begin "
                            "their ID, a-y and za-zh by region and kind; the other sets whole) or publisher. A "
                            "grouped dealing is the harsher estimate of how the model does on reports unlike those it learned from; "
                            "the thresholds are chosen on its out-of-fold scores too.")] = "article",
        repeats: Annotated[int, typer.Option(
            "--repeats", min=1, help="Repeat the cross-validation with N dealings of the articles to folds (each "
                                     "its own seed, deterministic) and print each figure's mean, standard deviation "
                                     "and range over them. The model and its thresholds are the first dealing's, "
                                     "as with 1.")] = 1,
        thresholds: Annotated[Optional[str], typer.Option(
            "--thresholds", help="How every threshold is chosen from out-of-fold scores: one (the dealing's own), "
                                 "poolN (the out-of-fold scores of N dealings, seeds 0..N-1, pooled: the same thresholds "
                                 "whatever --repeats' dealing) or medianN (the median of N dealings' own choices); "
                                 "default fit.THRESHOLDS (see there and learn.thresholdscreen for why).")] = None,
        c: Annotated[float, typer.Option("--C", min=1e-4, help="Inverse regularisation strength.")] = 0.1,
        trees: Annotated[bool, typer.Option(
            "--trees", help="Also fit boosted trees for the deal decision: its probability is then the average of the "
                            "regression's and the trees' (fit.DEAL_TREES; off by default: docs/accuracy.md, session "
                            "19, has what it gains and costs).")] = False,
        left_out: Annotated[Optional[str], typer.Option(
            "--leave-out", metavar="REGEX",
            help="Leave out of the project's sets every report whose ID matches this regular expression (e.g. "
                 "'^z[q-z]': a fresh set kept unread, to judge the model on it after).")] = None,
        catalogues: Annotated[Optional[Path], typer.Option(
            "--catalogues", envvar="ARMSLEDGER_CATALOGUES",
            help="A directory of catalogue files read over the packaged ones.")] = None,
    ) -> None:
        """Fit the learned decisions (deal or not, status, hedged) on gold files; print cross-validated figures.

        Example: armsledger train
        Example: armsledger train --repeats 3 --out /tmp/model.json   # figures less noisy to choose on
        Example: armsledger train --gold my-gold/ --ledger ledger.db --out my-model.json
        """
        try:
            import sklearn  # noqa: F401
        except ImportError:
            typer.echo("Error: armsledger train needs scikit-learn: pip install 'armsledger[train]'", err=True)
            raise typer.Exit(shell.NOTHING_DONE) from None
        from ..catalogue import load
        from ..extract import Extractor, learned
        from . import fit, goldsets
        from .corrections import rows_from_ledger

        if trees:
            fit.DEAL_TREES = True
        names = sets or ([] if gold else list(goldsets.TRAINING_SETS))
        if "corpus-test" in names:
            typer.echo("Error: corpus-test is the test split: it is read only to report figures, never to train.", err=True)
            raise typer.Exit(shell.USAGE)
        examples = []
        try:
            goldsets.leave_out(left_out)
        except re.error as err:
            typer.echo(f"Error: --leave-out {left_out!r}: not a regular expression: {err}", err=True)
            raise typer.Exit(shell.USAGE) from None
        try:
            for name in names:
                examples += goldsets.load(name)
        except ValueError as err:
            typer.echo(f"Error: {err}", err=True)
            raise typer.Exit(shell.USAGE) from None
        for folder in gold or []:
            if not (folder / "gold").is_dir() or not (folder / "articles").is_dir():
                typer.echo(f"Error: {folder}: needs articles/ and gold/ folders", err=True)
                raise typer.Exit(shell.USAGE)
            examples += goldsets.folder(folder / "articles", folder / "gold", folder.name)
        if not examples:
            typer.echo("Error: no gold articles found (the project's sets live in a checkout: tests/data, corpus/)",
                       err=True)
            raise typer.Exit(shell.NOTHING_DONE)
        extractor = Extractor(load(catalogues), model=False)
        extra = rows_from_ledger(ledger, extractor) if ledger else []
        try:
            fit.policy_dealings(thresholds or fit.THRESHOLDS)
        except ValueError as err:
            typer.echo(f"Error: {err}", err=True)
            raise typer.Exit(shell.USAGE) from None
        try:
            fit._folds([e.name for e in examples], folds, 0, fit.group_keys(examples, group))
        except ValueError as err:
            typer.echo(f"Error: --group {group}: {err}", err=True)
            raise typer.Exit(shell.USAGE) from None
        labelled = fit.label_all(extractor, examples, extra)
        model, cv = fit.train(examples, C=c, k=folds, extractor=extractor, labelled=labelled,
                              policy=thresholds, group=group)
        # the other dealings: each the whole fitting (thresholds chosen out of fold too), for its figures only
        runs = [cv] + [fit.train(examples, C=c, k=folds, extractor=extractor, seed=s, labelled=labelled,
                                 policy=thresholds, group=group)[1] for s in range(1, repeats)]
        path = out or learned.MODEL_PATH
        fit.write(model, path)
        learned._load.cache_clear()
        console = Console()
        console.print(f"{cv['articles']} articles, {cv['candidates']} candidates ({cv['positives']} deals), "
                      f"{len(extra)} from ledger corrections; {model['meta']['features']} features")
        console.print(f"deal threshold {cv['deal_threshold']} (best out-of-fold F1 {cv['candidate_f1']}), "
                      f"hedged threshold {cv['hedged_threshold']}")
        console.print("figure thresholds (new, the rules' own; out-of-fold F1): " + ", ".join(
            f"{f} {t[0]}/{t[1]} ({cv['figure_f1'][f]})" for f, t in cv["figure_thresholds"].items()))
        whole = "" if group == "article" else f" (folds by {group})"
        table = Table(title=f"{folds}-fold cross-validation{whole}, whole extraction (scorer F1)")
        for col in ("set", "deals", "deal fields", "events", "entities"):
            table.add_column(col)
        for name, figs in [("all", {k: v["f1"] for k, v in cv["extraction"].items()}), *cv["extraction_by_set"].items()]:
            table.add_row(name, *(f"{figs[k]:.3f}" for k in ("deals", "deal fields", "events", "entities")))
        console.print(table)
        console.print("deals precision/recall: " + ", ".join(
            f"{name} {pr['precision']:.3f}/{pr['recall']:.3f}" for name, pr in
            [("all", cv["extraction"]["deals"]), *cv.get("deals_by_set", {}).items()]))
        if repeats > 1:
            spread = fit.repeated(runs)
            for title, cell in ((f"mean ± standard deviation over {repeats} dealings to {folds} folds{whole} (seeds 0-"
                                 f"{repeats - 1}; the model is seed 0's, above)",
                                 lambda x: f"{x['mean']:.3f} ±{x['sd']:.3f}"),
                                (f"lowest-highest over the {repeats} dealings", lambda x: f"{x['min']:.3f}-{x['max']:.3f}")):
                table = Table(title=title)
                for col in ("set", "deals", "deal fields", "events", "entities"):
                    table.add_column(col)
                for name, figs in spread.items():
                    table.add_row(name, *(cell(figs[k]) for k in fit.FIGURES))
                console.print(table)
            figs = [{"all": r["extraction"]["deals"], **r.get("deals_by_set", {})} for r in runs]
            console.print("deals precision/recall, mean over the dealings: " + ", ".join(
                f"{name} {statistics.fmean(f[name]['precision'] for f in figs):.3f}/"
                f"{statistics.fmean(f[name]['recall'] for f in figs):.3f}" for name in figs[0]))
            console.print("deal thresholds (rule/new/rival) by dealing: " + "; ".join(
                f"{r['rule_threshold']}/{r['deal_threshold']}/{r['rival_threshold']}" for r in runs))
            console.print("event thresholds (new/the rules' own) by dealing: " + "; ".join(
                f"{r['event_threshold']}/{r['event_rule_threshold']}" for r in runs))
        console.print(f"model written to {path}")
