"""Builds the physiotherapist-loop services of an open Diary (called by its lazy properties).

Kept out of bootstrap.py so that opening a home imports none of this (PyNaCl, pydantic wire models)
until a screen or command needs it. Each builder imports its own service, so that reading the caseload (a
research export, the caseload screen) does not load the cryptography and the wire models either.
"""

from __future__ import annotations

from diary.storage.export_log import ExportLogRepository
from diary.storage.import_log import ImportLogRepository
from diary.storage.pairing_repository import PatientRepository, RecipientRepository
from diary.storage.snapshot_repository import SnapshotRepository


def pairing_service(diary):
    from diary.services.pairing import PairingService

    return PairingService(home=diary.home, role=diary.role, keys=diary.keys, recipients=RecipientRepository(diary.engine),
                          patients=PatientRepository(diary.engine), clock=diary.clock)


def export_service(diary):
    from diary.services.export import ExportService

    return ExportService(home=diary.home, role=diary.role, keys=diary.keys, recipients=RecipientRepository(diary.engine),
                         log=ExportLogRepository(diary.engine), meta=diary.meta, record=diary.record, clock=diary.clock)


def import_service(diary):
    from diary.services.importing import ImportService

    return ImportService(home=diary.home, role=diary.role, engine=diary.engine, keys=diary.keys,
                         patients=PatientRepository(diary.engine), snapshots=SnapshotRepository(diary.engine),
                         log=ImportLogRepository(diary.engine), clock=diary.clock)


def caseload_service(diary):
    from diary.services.caseload import CaseloadService

    return CaseloadService(home=diary.home, role=diary.role, engine=diary.engine,
                           patients=PatientRepository(diary.engine), snapshots=SnapshotRepository(diary.engine),
                           clock=diary.clock)
