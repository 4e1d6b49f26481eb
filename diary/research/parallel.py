"""The research export spread over worker processes: each builds its patients' rows, the parent writes.

    summary = export_research_parallel(source, out, options=options, today=today, workers=2)

The patients (a PatientSource, in their export order) are cut into contiguous chunks; worker k of N
builds chunks k, k+N, k+2N, … (PatientBuilder: the same rules, tables and formatting as the serial
export) and sends each chunk's PatientParts down its own pipe as one message; the parent takes the
chunks in order, round the workers, and writes them through export.write_data_set, so the files are
byte for byte the serial export's whatever the number of workers. A pipe holds one chunk: a worker
waits until the parent has taken it, building the next meanwhile, so memory stays flat however many
patients there are, and a worker is a whole chunk ahead of the writer (with less, the workers would
take turns rather than work side by side). Chunks are small: a few patients, one with FHIR bundles.

Workers are forked (after the imports, so they start in milliseconds); they read their patients
themselves (PatientSource.records after PatientSource.in_worker, which opens their own read-only
connections) and never touch the data set's files. A worker's exception comes back to the parent and
is raised there, as the serial export would raise it; on any error, Ctrl-C included, the parent
abandons the folder and ends every worker before it returns.
"""

from __future__ import annotations

import multiprocessing
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
    """The worker processes and their pipes (started on the first patient asked for)."""

    def __init__(self, source: PatientSource, options: ResearchOptions, today: date, workers: int):
        self._source, self._options, self._today = source, options, today
        self._chunks = chunks_of(len(source), CHUNK_PATIENTS_FHIR if options.fhir else CHUNK_PATIENTS)
        self._workers = max(1, min(workers, len(self._chunks)))
        self._processes: list[multiprocessing.process.BaseProcess] = []
        self._pipes: list[Connection] = []

    def parts(self) -> Iterator[PatientParts]:
        self._start()
        for index in range(len(self._chunks)):
            yield from self._receive(index % self._workers)

    def _start(self) -> None:
        context = multiprocessing.get_context("fork")
        for k in range(self._workers):
            mine, theirs = context.Pipe(duplex=False)
            process = context.Process(target=_work, name=f"diary-research-{k}", daemon=True,
                                      args=(self._source, self._chunks[k::self._workers], theirs, self._options,
                                            self._today))
            process.start()
            theirs.close()
            self._processes.append(process)
            self._pipes.append(mine)

    def _receive(self, k: int) -> list[PatientParts]:
        pipe, process = self._pipes[k], self._processes[k]
        while not pipe.poll(_POLL_SECONDS):
            if not process.is_alive() and not pipe.poll():
                raise _worker_lost()
        try:
            kind, payload = pipe.recv()
        except (EOFError, OSError):
            raise _worker_lost() from None
        if kind == "error":
            raise payload
        return payload

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


def _work(source: PatientSource, chunks: list[tuple[int, int]], pipe: Connection, options: ResearchOptions,
          today: date) -> None:
    """A worker: build each of its chunks' parts and send them; an exception is sent instead."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it ends the workers
    try:
        source.in_worker()
        builder = PatientBuilder(options, today)
        for start, stop in chunks:
            pipe.send(("ok", [builder.build(record) for record in source.records(start, stop)]))
    except BaseException as exc:  # noqa: BLE001 - every failure goes back to the parent to be raised there
        try:
            pipe.send(("error", _sendable(exc)))
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
