"""The instrument registry: every instrument's definition by id (shared/reference/instruments.md §2).

Definitions are data and live in two catalogues, split by licence so that the one holding UNCLEAR and
NEEDS-LICENSE instruments can be checked to carry no wording at all. Scoring is code, one module per
instrument.
"""

from __future__ import annotations

from diary.domain.errors import Sentence, ValidationFailed
from diary.domain.instruments.catalogue_free import FREE_INSTRUMENTS
from diary.domain.instruments.catalogue_licensed import LICENSED_INSTRUMENTS
from diary.domain.instruments.definitions import Instrument

INSTRUMENTS: dict[str, Instrument] = {inst.id: inst for inst in (*FREE_INSTRUMENTS, *LICENSED_INSTRUMENTS)}


def get_instrument(instrument_id: str) -> Instrument:
    """The definition of one instrument.

    Args:
        instrument_id: a registry id such as "phq9".

    Raises:
        ValidationFailed: for an unknown id; the message lists the known ids.
    """
    if isinstance(instrument_id, str) and instrument_id in INSTRUMENTS:
        return INSTRUMENTS[instrument_id]
    known = ", ".join(sorted(INSTRUMENTS))
    raise ValidationFailed(Sentence("Unknown instrument {instrument_id!r}; known instruments are {known}.", instrument_id=instrument_id, known=known),
                           field="instrument_id")
