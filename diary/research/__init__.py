"""De-identified research exports: tidy CSV files with a codebook, and FHIR R4 bundles, per patient.

De-identification happens here, at the source: patients appear only as study ids derived with a keyed
hash whose salt stays with the clinic; labels and names are never written; dates can be shifted by
whole weeks per patient; free-text notes are left out unless asked for. Records are read and written
one patient at a time, so memory stays flat however many patients there are.
Public API: `export_research`, `ResearchOptions`, `load_or_create_salt`; the sealed file format is in
`sealing.py` (and docs/research-export.md).
"""

from diary.research.export import ExportSummary, ResearchOptions, export_research
from diary.research.pseudonyms import load_or_create_salt

__all__ = ["ExportSummary", "ResearchOptions", "export_research", "load_or_create_salt"]
