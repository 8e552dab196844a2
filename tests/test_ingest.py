"""Reading inputs, and what a user sees when an input is bad."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from armsledger import IngestError, read
from armsledger.cli import app

runner = CliRunner()
GOOD = "TITLE: Test\nPUBLISHED: 2024-10-15\n\nOn Tuesday India signed a deal with the US to buy 31 MQ-9B drones for USD 4 billion.\n"
HTML = """<!doctype html><html><head><title>India buys drones</title>
<meta property="article:published_time" content="2024-10-15T10:00:00Z"><meta property="og:site_name" content="Example News"></head>
<body><nav>Home | World | Defence</nav><article><h1>India buys drones</h1>
<p>On Tuesday India signed a deal with the US to buy 31 MQ-9B drones from General Atomics for nearly USD 4 billion,
officials said, in a move to sharpen surveillance along the disputed border.</p>
<p>The Cabinet Committee on Security approved the purchase last week, and deliveries are expected to begin in 2029.</p>
</article><footer>Copyright Example News</footer></body></html>"""


@pytest.fixture
def files(tmp_path):
    def make(name: str, content: str | bytes) -> str:
        p = tmp_path / name
        p.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        return str(p)
    return make


def test_header_lines_become_metadata_and_offsets_index_the_body(files):
    art = next(read(files("a.txt", GOOD)))
    assert (art.title, art.published) == ("Test", "2024-10-15")
    assert art.text.startswith("On Tuesday India")


def test_header_keys_in_any_case(files):
    art = next(read(files("a.txt", "url: https://x.example/a\nPublisher: PTI\n\nBody text here.")))
    assert (art.url, art.publisher, art.text) == ("https://x.example/a", "PTI", "Body text here.")


def test_html_main_text_and_metadata(files):
    art = next(read(files("page.html", HTML)))
    assert "31 MQ-9B drones" in art.text and "Copyright" not in art.text and "Home | World" not in art.text
    assert art.published == "2024-10-15"


def test_json_lines_give_one_article_per_object(files):
    lines = "\n".join(json.dumps({"text": f"Article {i} about the S-400.", "title": f"T{i}", "published": "2024-01-0%d" % (i + 1)})
                      for i in range(3))
    arts = list(read(files("a.jsonl", lines)))
    assert [a.title for a in arts] == ["T0", "T1", "T2"] and arts[2].published == "2024-01-03"


def test_a_bad_line_in_json_lines_is_reported_and_the_rest_read(files):
    items = list(read(files("a.jsonl", '{"text": "one"}\n{not json\n{"text": "three"}\n')))
    assert [type(x).__name__ for x in items] == ["Article", "IngestError", "Article"]
    assert "a.jsonl:2" in str(items[1]) and "invalid JSON" in str(items[1])


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", "", "empty"),
    ("blank.txt", "\n  \n", "empty"),
    ("binary.bin", b"\x00\x01\x02\xff" * 100, "binary"),
    ("nothing.html", "<html><body><nav>menu</nav></body></html>", "no article text"),
    ("bad.json", '{"text": ', "invalid JSON"),
    ("notext.json", '{"title": "x"}', "no non-empty 'text'"),
])
def test_bad_input_gets_a_clear_error_naming_it(files, name, content, reason):
    path = files(name, content)
    with pytest.raises(IngestError) as err:
        for item in read(path):
            if isinstance(item, IngestError):
                raise item
    assert path in str(err.value) and reason.lower() in str(err.value).lower()


def test_text_that_is_not_utf8_is_detected_with_a_warning_or_refused_when_forced(files, caplog):
    path = files("latin1.txt", "Le ministère de la Défense a signé l'accord à Paris.".encode("latin-1"))
    art = next(read(path))
    assert art.text == "Le ministère de la Défense a signé l'accord à Paris."
    assert "not UTF-8" in caplog.text and "latin1.txt" in caplog.text
    with pytest.raises(IngestError, match="not valid utf-8 text"):
        list(read(path, encoding="utf-8"))
    assert next(read(path, encoding="latin-1")).text.startswith("Le ministère")


def test_huge_file_is_refused_before_it_is_read(files, tmp_path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:
        fh.seek(50 * 1024 * 1024)
        fh.write(b"x")
    with pytest.raises(IngestError, match="too large"):
        list(read(str(big)))


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(IngestError, match="no such file"):
        list(read(str(tmp_path / "nope.txt")))
    with pytest.raises(IngestError, match="is a directory"):
        list(read(str(tmp_path)))


def test_cli_reports_bad_inputs_and_still_extracts_the_good_ones(files):
    good = files("good.txt", GOOD)
    empty = files("empty.txt", "")
    binary = files("b.bin", b"\x00" * 64)
    result = runner.invoke(app, ["extract", empty, good, binary, "--format", "json"])
    assert result.exit_code == 1  # done, but some inputs failed
    lines = [json.loads(x) for x in result.stdout.splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0]["deals"][0]["platform"] == "MQ-9B"
    errors = [x for x in result.stderr.splitlines() if x.startswith("Error:")]
    assert len(errors) == 2 and any("empty.txt" in e for e in errors) and any("b.bin" in e and "binary" in e for e in errors)


def test_cli_exits_non_zero_when_nothing_could_be_extracted(files):
    result = runner.invoke(app, ["extract", files("empty.txt", ""), "--format", "json"])
    assert result.exit_code == 3 and result.stdout == ""  # nothing done
    assert "empty.txt" in result.stderr


def test_stdin(files):
    result = runner.invoke(app, ["extract", "-", "--format", "json"], input=GOOD)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["article"]["published"] == "2024-10-15"
