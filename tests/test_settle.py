"""`extract.settle`: what a process that keeps its extractor does to the cyclic collector."""
import gc

from armsledger.extract import GC_YOUNG, settle


def test_settle_freezes_what_is_alive_and_collects_the_youngest_generation_less_often():
    before = gc.get_threshold()
    try:
        settle()
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold() == (max(GC_YOUNG, before[0]), *before[1:])
        settle()  # twice (the bench settles after each extractor it builds): the same
        assert gc.get_threshold() == (max(GC_YOUNG, before[0]), *before[1:])
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()
