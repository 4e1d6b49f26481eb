"""Python's cyclic garbage collector paused around work that makes many short-lived objects at once."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the block. An export makes thousands to millions of
    short-lived objects (records, rows) that reference counting frees as before, but each one also
    counts toward the collector's next pass, and its full passes re-scan every live object: a third of
    the time of reading 1,000 records for the research export, a tenth of a patient's export of five
    years (benchmarks/README.md, P3 and P5). Turned back on (if it was on) however the block ends; cyclic
    garbage made meanwhile goes at the collector's next pass."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
