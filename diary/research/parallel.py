"""The research export spread over worker processes: each builds its patients' rows, the parent writes.

    summary = export_research_parallel(source, out, options=options, today=today, workers=2)

The patients (a PatientSource, in their export order) are cut into contiguous chunks. Each worker takes
the next chunk not yet taken (a shared counter), builds its PatientParts (PatientBuilder: the same rules,
tables and formatting as the serial export) and sends them down its own pipe with the chunk's number; the
parent writes the chunks in order through export.write_data_set, keeping the few that arrive early, so the
files are byte for byte the serial export's whatever the number of workers. Taking chunks as they come
lets a faster worker do more of them: with a fixed share each, a worker on a core that the machine slows
(another job, a slower core) held the other up, idle for up to a second of an 8-second export of
1,000 patients (its processes used 1.73-1.80 of the 2 cores, against 1.86-1.87 with chunks taken as they
come). A chunk is taken only while fewer than WINDOW_CHUNKS per worker are taken and not yet written, so
memory stays flat however many patients there are and however uneven the workers. Chunks are small: a few patients, one with FHIR
bundles.

Workers are forked (after the imports, so they start in milliseconds); they read their patients
themselves (PatientSource.records after PatientSource.in_worker, which opens their own read-only
connections) and never touch the data set's files. A worker's exception comes back to the parent with
its chunk's number and is raised there when the writer reaches that chunk, as the serial export would
raise it; on any error, Ctrl-C included, the parent abandons the folder and ends every worker before it
returns.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import pickle
import signal
from collections.abc import Iterator
from datetime import date
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Protocol

from diary.domain.errors import DiaryError, Sentence
from diary.domain.patient_record import PatientRecord
from diary.platform import collector_paused
from diary.research.export import ExportSummary, PatientBuilder, PatientParts, Progress, ResearchOptions, write_data_set
from diary.research.sinks import DataSetFolder

CHUNK_PATIENTS = 4  # patients a message (~0.6 MB of CSV)
CHUNK_PATIENTS_FHIR = 1  # a patient's FHIR bundle is ~2 MB
WINDOW_CHUNKS = 4  # chunks a worker taken and not yet written (at most ~5 MB kept with 2 workers)
_POLL_SECONDS = 0.5


class PatientSource(Protocol):
    """Patients to export, in order, readable by slices from a forked worker process."""

    def __len__(self) -> int: ...

    def records(self, start: int, stop: int) -> Iterator[PatientRecord]:
        """The records of patients start..stop-1 (in the export order), one at a time."""

    def in_worker(self) -> None:
        """Called once in each worker before it reads: drop the parent's connections, open its own."""


def can_fork() -> bool:
    """True where worker processes can be forked (not on Windows, nor in a browser)."""
    return "fork" in multiprocessing.get_all_start_methods()


def chunks_of(total: int, size: int) -> list[tuple[int, int]]:
    """Contiguous (start, stop) ranges of `size` patients (the last maybe fewer) covering 0..total."""
    return [(start, min(start + size, total)) for start in range(0, total, size)]


def export_research_parallel(source: PatientSource, out: Path, *, options: ResearchOptions, today: date,
                             workers: int, progress: Progress | None = None) -> ExportSummary:
    """export_research over `workers` forked processes (the same files, byte for byte; same errors).

    Raises:
        DiaryError: as export_research; also when a worker process ended without a word (killed).
    """
    with collector_paused():  # also paused in the workers, which inherit it
        PatientBuilder(options, today)  # the tables' self-check, before any folder or process is made
        folder = DataSetFolder(out, seal_to=options.seal_to)
        crew = _Crew(source, options, today, workers)
        try:
            return write_data_set(folder, crew.parts(), options=options, today=today, progress=progress)
        finally:
            crew.stop()


class _Crew:
    """The worker processes, their pipes and the chunks they share (started on the first patient asked for)."""

    def __init__(self, source: PatientSource, options: ResearchOptions, today: date, workers: int):
        self._source, self._options, self._today = source, options, today
        self._chunks = chunks_of(len(source), CHUNK_PATIENTS_FHIR if options.fhir else CHUNK_PATIENTS)
        self._workers = max(1, min(workers, len(self._chunks)))
        self._processes: list[multiprocessing.process.BaseProcess] = []
        self._pipes: list[Connection] = []

    def parts(self) -> Iterator[PatientParts]:
        self._start()
        early: dict[int, tuple[str, object]] = {}  # chunk number -> ("ok", its parts) or ("error", exception)
        for index in range(len(self._chunks)):
            while index not in early:
                self._receive(early)
            kind, payload = early.pop(index)
            if kind == "error":
                raise payload
            self._taken.release()  # a chunk written: a worker may take one more
            yield from payload

    def _start(self) -> None:
        context = multiprocessing.get_context("fork")
        self._next = context.Value("l", 0)  # the next chunk to take
        self._taken = context.BoundedSemaphore(WINDOW_CHUNKS * self._workers)
        self._done: set[int] = set()
        for k in range(self._workers):
            mine, theirs = context.Pipe(duplex=False)
            process = context.Process(target=_work, name=f"diary-research-{k}", daemon=True,
                                      args=(self._source, self._chunks, self._next, self._taken, theirs,
                                            self._options, self._today))
            process.start()
            theirs.close()
            self._processes.append(process)
            self._pipes.append(mine)

    def _receive(self, early: dict[int, tuple[str, object]]) -> None:
        """Take every message waiting (a worker blocks on a full pipe), or notice a worker gone silent."""
        listening = [pipe for k, pipe in enumerate(self._pipes) if k not in self._done]
        if not listening:  # every worker has ended, and a chunk never came
            raise _worker_lost()
        ready = multiprocessing.connection.wait(listening, timeout=_POLL_SECONDS)
        if not ready and any(not self._processes[self._pipes.index(pipe)].is_alive() for pipe in listening):
            ready = multiprocessing.connection.wait(listening, timeout=0)  # its last words, if any
            if not ready:
                raise _worker_lost()
        for pipe in ready:
            k = self._pipes.index(pipe)
            try:
                kind, index, payload = pipe.recv()
            except (EOFError, OSError):
                raise _worker_lost() from None
            if kind != "ok":
                self._done.add(k)  # its last message: "done", or an error, after which it ends
            if kind == "error" and index is None:  # failed before taking a chunk (its connections, its builder)
                raise payload
            if kind != "done":
                early[index] = (kind, payload)

    def stop(self) -> None:
        """End every worker: at once if still working (an error, Ctrl-C), else wait for its exit."""
        for process in self._processes:
            if process.is_alive():
                process.join(timeout=0.05)
            if process.is_alive():
                process.terminate()
        for process in self._processes:
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
                process.join()
        for pipe in self._pipes:
            pipe.close()


def _worker_lost() -> DiaryError:
    return DiaryError(Sentence("A worker process of the research export stopped before it finished; nothing was "
                               "written. Run the export again, with --workers 1 if it happens again."))


def _work(source: PatientSource, chunks: list[tuple[int, int]], next_chunk, taken, pipe: Connection,
          options: ResearchOptions, today: date) -> None:
    """A worker: take the next chunk, build its parts and send them, until none is left; an exception is
    sent instead (with the chunk's number, None before the first), then the worker ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it ends the workers
    index = None
    try:
        source.in_worker()
        builder = PatientBuilder(options, today)
        while True:
            taken.acquire()  # fewer than the window's chunks taken and not yet written
            with next_chunk.get_lock():
                index = next_chunk.value
                next_chunk.value += 1
            if index >= len(chunks):
                break
            start, stop = chunks[index]
            pipe.send(("ok", index, [builder.build(record) for record in source.records(start, stop)]))
            index = None  # sent: a failure from here on belongs to no chunk
        pipe.send(("done", None, None))
    except BaseException as exc:  # noqa: BLE001 - every failure goes back to the parent to be raised there
        try:
            pipe.send(("error", index, _sendable(exc)))
        except (OSError, ValueError):
            pass  # the parent is gone or stopped listening
    finally:
        pipe.close()
        os._exit(0)  # nothing of the parent's (files, connections) is flushed or closed from here


def _sendable(exc: BaseException) -> BaseException:
    """The exception itself when it survives pickling unchanged in kind, else one that says what it was."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001 - an exception type that cannot be pickled
        return RuntimeError(f"{type(exc).__name__}: {exc}")
