"""The research export over worker processes (diary/research/parallel.py) writes the serial export's very
bytes, gives the user the serial export's sentence when something fails in a worker, leaves no folder and
no process behind, and reports progress patient by patient in order."""

from __future__ import annotations

import errno
import os
import time
from datetime import date
from pathlib import Path

import pytest

from diary.cli import main
from diary.domain.errors import DiaryError, Sentence
from diary.domain.trial import Assessment
from diary.research import export as export_module
from diary.research import parallel
from diary.research.parallel import chunks_of, export_research_parallel
from diary.research.pseudonyms import load_or_create_salt
from diary.services.research_export import CaseloadSlices, export_data_set, worker_count
from tests.research.test_streaming import _files, caseload  # noqa: F401 - the edged caseload fixture

pytestmark = pytest.mark.skipif(not parallel.can_fork(), reason="worker processes are forked")


def _living_children() -> set[int]:
    """The process ids of this process's living children (Linux /proc)."""
    pids: set[int] = set()
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        try:
            pids.update(int(pid) for pid in (task / "children").read_text().split())
        except FileNotFoundError:  # a thread that ended meanwhile (e.g. an end-to-end test's timer)
            continue
    return pids


@pytest.fixture(autouse=True)
def _children():
    """The children this test started and left running (others' children, e.g. tests/crash's session
    fork server, were there before)."""
    before = _living_children()
    return lambda: _living_children() - before


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".partial-" in p.name or p.name == "out")


@pytest.fixture
def salt_file(tmp_path):
    path = tmp_path / "salt.txt"
    load_or_create_salt(path)
    return path


@pytest.mark.parametrize("options", [
    {},
    {"date_shift": True, "include_notes": True},
    {"include_notes": True, "fhir": False, "trial_rule": "physiotherapist",
     "trial_assessment": Assessment(at=date(2026, 3, 1), window_days=30)},
    {"trial_rule": "patient", "date_shift": True, "labels": "every other, last first"},
], ids=["plain", "shifted-notes-fhir", "notes-physio-at-window", "patient-rater-chosen-labels"])
def test_any_number_of_workers_writes_the_serial_exports_bytes(caseload, tmp_path, salt_file, options,  # noqa: F811
                                                               _children):
    if "labels" in options:
        options["labels"] = [p.label for p in caseload.caseload.patients_named(None)][::-2]
    serial = tmp_path / "serial"
    done: list[int] = []
    summary = export_data_set(caseload, serial, salt_file=salt_file, workers=1, **options)
    expected = _files(serial)
    assert len(expected) > 10
    for workers in (2, 3, 5):
        out = tmp_path / f"workers-{workers}"
        done.clear()
        if workers == 2:
            got = export_data_set(caseload, out, salt_file=salt_file, workers=2, progress=done.append, **options)
        else:  # past this machine's cores (the research layer takes any number), a patient a chunk
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(parallel, "CHUNK_PATIENTS", 1)
                got = _parallel(caseload, out, salt_file, workers, done, **options)
        assert _files(out) == expected, workers
        assert done == list(range(1, summary.patients + 1))
        assert (got.patients, got.rows, got.files) == (summary.patients, summary.rows, summary.files)
    assert not _children()


def _parallel(diary, out, salt_file, workers, done, *, labels=None, trial_rule=None, **options):
    from diary.domain.trial import DEFAULT_RATER_RULE, RaterRule
    from diary.research import ResearchOptions

    salt, _ = load_or_create_salt(salt_file)
    options = ResearchOptions(salt=salt, trial_rule=RaterRule(trial_rule or DEFAULT_RATER_RULE), **options)
    return export_research_parallel(CaseloadSlices(diary, labels), out, options=options,
                                    today=diary.clock().date(), workers=workers, progress=done.append)


def _failing_on(patient_key: str, error: BaseException, monkeypatch):
    """The daily rows of one patient raise `error` (in whichever process builds them)."""
    real = export_module.daily_rows

    def daily_rows(record, who, days):
        if record.key == patient_key:
            raise error
        return real(record, who, days)

    monkeypatch.setattr(export_module, "daily_rows", daily_rows)


@pytest.mark.parametrize("error", [
    DiaryError(Sentence("The record of {who} is {what}; fix it.", who="a {patient}", what="odd")),
    OSError(errno.ENOSPC, "No space left on device"),
    ValueError("a bug"),
], ids=["diary-error", "disk-full", "a-bug"])
def test_a_workers_error_is_the_serial_exports_sentence_and_nothing_is_left(caseload, tmp_path, salt_file,  # noqa: F811
                                                                           monkeypatch, error, _children):
    last = caseload.caseload.patients_named(None)[-1]
    _failing_on(last.record_key, error, monkeypatch)
    sentences = []
    for workers in (1, 2):
        with pytest.raises(type(error) if not isinstance(error, OSError) else DiaryError) as raised:
            export_data_set(caseload, tmp_path / "out", salt_file=salt_file, workers=workers)
        sentences.append((type(raised.value), str(raised.value)))
        assert _leftovers(tmp_path) == []
        assert not _children()
    assert sentences[0] == sentences[1]


class _Unpicklable(Exception):
    def __reduce__(self):
        raise TypeError("no")


def test_an_exception_that_cannot_travel_is_named(caseload, tmp_path, salt_file, monkeypatch, _children):  # noqa: F811
    _failing_on(caseload.caseload.patients_named(None)[0].record_key, _Unpicklable("inside"), monkeypatch)
    with pytest.raises(RuntimeError, match="_Unpicklable: inside"):
        export_data_set(caseload, tmp_path / "out", salt_file=salt_file, workers=2)
    assert _leftovers(tmp_path) == [] and not _children()


def test_a_worker_that_dies_is_one_sentence_and_nothing_is_left(caseload, tmp_path, salt_file,  # noqa: F811
                                                                monkeypatch, _children):
    _failing_on(caseload.caseload.patients_named(None)[1].record_key, SystemExit(), monkeypatch)
    monkeypatch.setattr(parallel, "_sendable", lambda exc: os._exit(9))  # dies without a word
    with pytest.raises(DiaryError, match="A worker process of the research export stopped before it finished"):
        export_data_set(caseload, tmp_path / "out", salt_file=salt_file, workers=2)
    assert _leftovers(tmp_path) == [] and not _children()


@pytest.mark.parametrize("interrupt", [KeyboardInterrupt, DiaryError])
def test_ctrl_c_or_a_cancel_in_the_parent_ends_the_workers(caseload, tmp_path, salt_file, interrupt,  # noqa: F811
                                                           _children):
    def progress(done):
        if done == 2:
            raise interrupt("stop")

    with pytest.raises(interrupt):
        export_data_set(caseload, tmp_path / "out", salt_file=salt_file, workers=2, progress=progress)
    assert _leftovers(tmp_path) == [] and not _children()


def test_the_same_patient_twice_and_a_study_id_collision_are_caught_across_workers(caseload, tmp_path,  # noqa: F811
                                                                                   salt_file, monkeypatch, _children):
    first, second, *_ = (p.label for p in caseload.caseload.patients_named(None))
    with pytest.raises(DiaryError, match="The same patient came twice"):
        export_data_set(caseload, tmp_path / "out", salt_file=salt_file, workers=2, labels=[first, second, first])
    monkeypatch.setattr(export_module, "study_id", lambda salt, key: "S000000000000")
    with pytest.raises(DiaryError, match="Two patients got the same study id"):
        export_data_set(caseload, tmp_path / "out", salt_file=salt_file, workers=2)
    assert _leftovers(tmp_path) == [] and not _children()


def test_chunks_are_contiguous_and_cover_every_patient():
    for total in (1, 2, 7, 100, 1000):
        for size in (1, 4, 16):
            chunks = chunks_of(total, size)
            assert [i for start, stop in chunks for i in range(start, stop)] == list(range(total))
            assert max(stop - start for start, stop in chunks) == min(size, total)


def test_worker_count(monkeypatch):
    import threading

    monkeypatch.setattr(os, "cpu_count", lambda: 4)
    monkeypatch.setattr(threading, "active_count", lambda: 1)  # as in `diary research-export` (pytest may run more)
    assert worker_count(None, 1000) == 2  # the default
    assert worker_count(None, 15) == 1  # too few patients to be worth the processes
    assert worker_count(3, 15) == 3 and worker_count(8, 1000) == 4 and worker_count(5, 2) == 2
    assert worker_count(1, 1000) == 1
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert worker_count(None, 1000) == 1 and worker_count(2, 1000) == 1
    with pytest.raises(DiaryError, match="--workers takes a whole number of 1 or more"):
        worker_count(0, 1000)


def test_a_process_running_other_threads_does_not_fork(monkeypatch):
    import threading

    monkeypatch.setattr(os, "cpu_count", lambda: 4)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert worker_count(None, 1000) == 1 and worker_count(3, 1000) == 3
    finally:
        stop.set()
        other.join()


def test_the_command_takes_workers(tmp_path, capsys):
    home = tmp_path / "clinic"
    assert main(["--home", str(home), "--clinician", "demo", "--patients", "3", "--days", "20"]) == 0
    outs = []
    for workers in ("1", "2"):
        out = tmp_path / f"data-{workers}"
        assert main(["--home", str(home), "research-export", "--out", str(out), "--workers", workers]) == 0
        outs.append(_files(out))
    assert outs[0] == outs[1] and "Wrote the data set of 3 patients" in capsys.readouterr().out
    assert main(["--home", str(home), "research-export", "--out", str(tmp_path / "x"), "--workers", "0"]) == 2
    assert "--workers takes a whole number of 1 or more" in capsys.readouterr().err


def test_the_caseload_cards_export_runs_in_its_own_process_beside_other_threads(tmp_path, salt_file, monkeypatch,
                                                                               _children):
    """The card (ui/clinician/research_card.py) calls Diary.research.export with the automatic number of
    workers from the platform's background thread: with other threads running, a fork could copy a held lock
    into a worker that then never answers, so the card's export stays in its own process (same bytes)."""
    import threading

    from diary.services.bootstrap import open_diary
    from diary.services.demo_caseload import fill_demo_caseload

    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    diary = open_diary(tmp_path / "clinic", role="clinician")
    fill_demo_caseload(diary, patients=21, days=15, seed=4)
    started = []
    real_start = parallel._Crew._start
    monkeypatch.setattr(parallel._Crew, "_start", lambda crew: (started.append(crew._workers), real_start(crew)))
    done, result = [], {}
    thread = threading.Thread(target=lambda: result.update(summary=diary.research.export(
        tmp_path / "card", salt_file=salt_file, progress=done.append)))
    thread.start()
    thread.join(timeout=120)
    assert started == [] and result["summary"].patients == 21 and done == list(range(1, 22))
    export_data_set(diary, tmp_path / "serial", salt_file=salt_file, workers=1)
    assert _files(tmp_path / "card") == _files(tmp_path / "serial")
    assert not _children()
    diary.close()


def test_a_worker_reads_through_its_own_connections_that_refuse_to_write(caseload):  # noqa: F811
    from diary.storage.database import read_only_after_fork

    caseload.caseload.patients_named(None)  # the parent's pool holds a connection
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        try:
            read_only_after_fork(caseload.engine)
            with caseload.engine.connect() as conn:
                try:
                    conn.exec_driver_sql("CREATE TABLE scratch (a)")
                    answer = b"wrote"
                except Exception as exc:  # noqa: BLE001
                    answer = b"refused: " + str(exc).encode()
        finally:
            os.write(writer, locals().get("answer", b"crashed"))
            os._exit(0)
    os.close(writer)
    os.waitpid(pid, 0)
    assert os.read(reader, 1000).startswith(b"refused: (sqlite3.OperationalError) attempt to write a readonly database")
    os.close(reader)
    assert len(caseload.caseload.patients_named(None)) == 5  # the parent's connections still work


def test_a_worker_held_up_does_not_hold_the_others(caseload, tmp_path, salt_file, monkeypatch, _children):  # noqa: F811
    # Workers take the next chunk as they come free: while the worker that took the first patient is held
    # up, the other builds every later one. (With a fixed share each, the held-up worker's share would wait
    # for it: here it would wait for ever for the last patient, which is its own.) The files are the serial
    # export's all the same.
    patients = caseload.caseload.patients_named(None)
    first, last = patients[0].record_key, patients[-1].record_key
    marker, built_by = tmp_path / "last-patient-built", tmp_path / "built-by"
    built_by.mkdir()
    real = export_module.daily_rows

    def daily_rows(record, who, days):
        (built_by / record.key).write_text(str(os.getpid()))
        if record.key == last:
            marker.touch()
        if record.key == first:
            waited = 0.0
            while not marker.exists():  # held up until someone else has built the last patient
                if waited > 30:
                    raise AssertionError("the other worker never came to the last patient")
                time.sleep(0.05)
                waited += 0.05
        return real(record, who, days)

    serial = tmp_path / "serial"
    export_data_set(caseload, serial, salt_file=salt_file, workers=1)
    monkeypatch.setattr(export_module, "daily_rows", daily_rows)
    monkeypatch.setattr(parallel, "CHUNK_PATIENTS", 1)
    export_data_set(caseload, tmp_path / "out", salt_file=salt_file, workers=2)
    assert _files(tmp_path / "out") == _files(serial)
    builders = {p.name: p.read_text() for p in built_by.iterdir()}
    assert {builders[p.record_key] for p in patients[1:]} == {builders[last]} != {builders[first]}
    assert not _children()
