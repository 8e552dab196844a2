"""The command line, as a user meets it."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from armsledger.cli import app
from conftest import ARTICLES

runner = CliRunner()


@pytest.mark.parametrize("command", [["extract"], ["catalogue", "check"]])
def test_every_command_has_help_with_an_example(command):
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0 and "Example" in result.stdout


def test_several_paths_give_json_lines_one_record_each():
    paths = [str(ARTICLES / "seed.txt"), str(ARTICLES / "22.txt")]
    result = runner.invoke(app, ["extract", *paths, "--format", "json"])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["article"]["source"] for r in records] == paths
    assert all(r["schema"] == "armsledger.extract/1" for r in records)


def test_with_text_adds_the_body_the_offsets_index():
    result = runner.invoke(app, ["extract", str(ARTICLES / "seed.txt"), "--format", "json", "--with-text"])
    rec = json.loads(result.stdout)
    body = rec["article"]["text"]
    value = rec["deals"][0]["value"]
    assert body[value["start"]:value["end"]] == value["text"] == "USD 5 billion"


def test_readable_output_shows_deals_with_their_evidence():
    result = runner.invoke(app, ["extract", str(ARTICLES / "seed.txt")], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "S-400" in result.stdout and "in_delivery" in result.stdout and "USD 5 bn" in result.stdout


def test_catalogue_check_passes_on_the_packaged_catalogues():
    result = runner.invoke(app, ["catalogue", "check"])
    assert result.exit_code == 0, result.stdout
    assert "no problems" in result.stdout
