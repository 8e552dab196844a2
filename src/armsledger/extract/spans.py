"""Character ranges: the gap between two, and a set of non-overlapping ones with fast overlap tests (bisect), so
that "is this stretch already taken?" stays cheap on long inputs."""
from __future__ import annotations

from bisect import bisect_left, insort


def distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    """The characters between two ranges (start, end); 0 when they touch or overlap."""
    if a[1] <= b[0]:
        return b[0] - a[1]
    if b[1] <= a[0]:
        return a[0] - b[1]
    return 0


class SpanSet:
    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: dict[int, int] = {}

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self._starts, start)
        if i < len(self._starts) and self._starts[i] < end:
            return True
        return i > 0 and self._ends[self._starts[i - 1]] > start

    def add(self, start: int, end: int) -> None:
        if start not in self._ends:
            insort(self._starts, start)
        self._ends[start] = max(end, self._ends.get(start, end))

    def remove(self, start: int) -> None:
        if start in self._ends:
            del self._ends[start]
            self._starts.pop(bisect_left(self._starts, start))
