"""Mends of session 28's review: the start-up cache's patch of `re` (`cache.expressions`) falls back to the plain
compiler when the cache cannot compile a pattern, and overlapping contexts leave `re` as it was."""
from __future__ import annotations

import re
from re import _compiler

from armsledger import cache


def test_a_pattern_the_cache_cannot_make_is_compiled_by_re_itself(tmp_path, monkeypatch):
    monkeypatch.setenv("ARMSLEDGER_CACHE", str(tmp_path))

    def broken(pattern, flags):  # a Python whose regular-expression internals differ
        raise RuntimeError("no such internals")

    monkeypatch.setattr(cache, "_code", broken)
    with cache.expressions("review"):
        rx = re.compile(r"frigates? from (\w+) in (\d{4})")
        assert rx.search("two frigates from Italy in 2024").groups() == ("Italy", "2024")


def test_overlapping_contexts_leave_re_as_it_was(tmp_path, monkeypatch):
    monkeypatch.setenv("ARMSLEDGER_CACHE", str(tmp_path))
    plain = _compiler.compile
    a, b = cache.expressions("first"), cache.expressions("second")
    a.__enter__()
    b.__enter__()
    assert re.compile(r"corvettes? for (\w+)").match("corvettes for Peru").group(1) == "Peru"
    a.__exit__(None, None, None)
    b.__exit__(None, None, None)
    assert _compiler.compile is plain


def test_nested_contexts_leave_re_as_it_was(tmp_path, monkeypatch):
    monkeypatch.setenv("ARMSLEDGER_CACHE", str(tmp_path))
    plain = _compiler.compile
    with cache.expressions("outer"):
        with cache.expressions("inner"):
            assert re.compile(r"(\d+) tanks").search("bought 44 tanks").group(1) == "44"
        assert re.compile(r"(\d+) jets").search("ordered 12 jets").group(1) == "12"
    assert _compiler.compile is plain
