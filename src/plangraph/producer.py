"""A query's rows from a thread of their own, given up at a deadline (``--timeout``).

pyoxigraph evaluates lazily and releases the GIL while it works, so a producer thread
hands rows to the caller through a bounded queue (:class:`_Handoff`), and the caller gives
up when the deadline passes. Kept apart from :mod:`plangraph.store`, and on plain
``_thread`` locks: ``threading`` and ``queue`` cost a query command about 2 ms (issue 16).
"""

from __future__ import annotations

import time

from .errors import StoreError
from .results import RowStream

__all__ = ["with_deadline"]


def with_deadline(start, timeout: float, label: str = "") -> RowStream:
    """The stream ``start()`` gives (a :class:`RowStream`, or an ASK's answer), made in a
    producer thread and read from it, stopped after ``timeout`` seconds with
    :class:`StoreError`; ``label`` names the producer while it runs (the query's text)."""
    import _thread
    import _weakref

    deadline = time.monotonic() + timeout
    handoff = _Handoff(64)
    done = object()

    def produce() -> None:
        put = handoff.put
        _PRODUCING[id(handoff)] = label
        try:
            stream = start()
            if not put(("head", stream)):
                return
            batch = []
            for row in stream:  # in batches: a hand-off per row would cost more than the row
                batch.append(row)
                if len(batch) == 256:
                    if not put(("rows", batch)):
                        return
                    batch = []
            if put(("rows", batch)):
                put(("rows", done))
        except BaseException as error:  # handed to the caller's thread
            put(("error", error))
        finally:
            del _PRODUCING[id(handoff)]

    def take():
        item = handoff.take(deadline)
        if item is None:
            raise StoreError(f"query stopped after {timeout:g} s (--timeout)") from None
        return item

    _thread.start_new_thread(produce, ())
    kind, head = take()
    if kind == "error":
        raise head
    if head.boolean is not None:
        return head

    def rows():
        try:
            while True:
                kind, item = take()
                if kind == "error":
                    raise item
                if item is done:
                    return
                yield from item
        finally:  # read to the end, failed, or dropped half way: the producer may stop
            handoff.stop()

    answer = RowStream(head.variables, rows())
    # (also when its rows were never asked for); kept alive by the hand-off, which the
    # producer holds for as long as it runs
    handoff.watch = _weakref.ref(answer, handoff.stop)
    return answer


# the producers running now, by hand-off (what a test counts: a producer left waiting on a
# full hand-off holds its query's iterator for ever)
_PRODUCING: dict[int, str] = {}


class _Handoff:
    """A bounded queue from the producer thread to the caller, on plain ``_thread`` locks:
    what ``queue.Queue`` and ``threading.Event`` did, whose imports cost a query command
    about 2 ms (issue 16). ``ready`` and ``room`` are signals (released: "look again"),
    each given only by the other side and under ``mutex``."""

    def __init__(self, size: int):
        import _thread

        self.items: list = []
        self.size = size
        self.stopped = False
        self.watch = None
        self.mutex = _thread.allocate_lock()
        self.ready = _thread.allocate_lock()
        self.room = _thread.allocate_lock()
        self.ready.acquire()
        self.room.acquire()

    def stop(self, *_) -> None:
        """The caller stopped reading: the producer ends at its next hand-off."""
        self.stopped = True

    def put(self, item) -> bool:
        """Hand ``item`` over, waiting while the queue is full; False once the caller has
        stopped reading (looked at every 0.1 s)."""
        while not self.stopped:
            with self.mutex:
                if len(self.items) < self.size:
                    self.items.append(item)
                    if self.ready.locked():
                        self.ready.release()
                    return True
            self.room.acquire(timeout=0.1)
        return False

    def take(self, deadline: float):
        """The next item; None (and the producer told to stop) once ``deadline`` passes."""
        while True:
            with self.mutex:
                if self.items:
                    item = self.items.pop(0)
                    if self.room.locked():
                        self.room.release()
                    return item
            left = deadline - time.monotonic()
            if left <= 0:
                self.stop()
                return None
            self.ready.acquire(timeout=max(left, 0.001))


