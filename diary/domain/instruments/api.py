"""`score()`: one entry point that finds an instrument's scorer and checks its options."""

from __future__ import annotations

from typing import Any, Callable

from diary.domain.errors import Sentence, ValidationFailed
from diary.domain.instruments.fiq import score_fiq
from diary.domain.instruments.fiqr import score_fiqr
from diary.domain.instruments.gad7 import score_gad7
from diary.domain.instruments.gas import score_gas
from diary.domain.instruments.hads import score_hads
from diary.domain.instruments.ltpai import score_ltpai
from diary.domain.instruments.mfi20 import score_mfi20
from diary.domain.instruments.pain_nrs import score_pain_nrs
from diary.domain.instruments.phq9 import score_phq9
from diary.domain.instruments.phq15 import score_phq15
from diary.domain.instruments.rand36 import score_rand36
from diary.domain.instruments.registry import get_instrument
from diary.domain.instruments.result import Score
from diary.domain.instruments.sci93 import score_sci93
from diary.domain.instruments.ssd12 import score_ssd12
from diary.domain.instruments.vas_0_100 import score_vas_0_100
from diary.domain.instruments.whiteley7 import score_whiteley7
from diary.domain.instruments.wpi19 import score_wpi19
from diary.domain.instruments.wsas import score_wsas

SCORERS: dict[str, Callable[..., Score]] = {
    "phq15": score_phq15, "phq9": score_phq9, "gad7": score_gad7, "ssd12": score_ssd12,
    "whiteley7": score_whiteley7, "wsas": score_wsas, "hads": score_hads, "mfi20": score_mfi20,
    "rand36": score_rand36, "fiq": score_fiq, "fiqr": score_fiqr, "sci93": score_sci93, "ltpai": score_ltpai,
    "pain_nrs": score_pain_nrs, "vas_0_100": score_vas_0_100, "wpi19": score_wpi19, "gas": score_gas,
}


def score(instrument_id: str, answers: Any, **options: Any) -> Score:
    """Score one administration of an instrument.

    Args:
        instrument_id: a registry id ("phq15", "phq9", "gad7", "ssd12", "whiteley7", "wsas", "hads",
            "mfi20", "rand36", "fiq", "fiqr", "sci93", "ltpai", "pain_nrs", "vas_0_100", "wpi19", "gas").
        answers: the answers in item order, None for a missing answer (formats: instruments.md §3 and
            each instrument's `answer_format`). None for the whole form means nothing was answered.
        **options: the instrument's documented choices (`INSTRUMENTS[id].options`), such as
            `sex="male"` for PHQ-15 or `item1_not_applicable=True` for WSAS.

    Returns:
        A Score; `valid` is False (and `total` None) when too much is missing.

    Raises:
        ValidationFailed: for an unknown instrument or option, a wrong number of answers, or an answer
            outside the allowed values; the message names the item and the allowed values.
    """
    inst = get_instrument(instrument_id)
    unknown = sorted(set(options) - set(inst.options))
    if unknown:
        known = ", ".join(sorted(inst.options)) if inst.options else "none"
        raise ValidationFailed(Sentence("{name} has no option {unknown!r}; its options are: {known}.", name=inst.name, unknown=unknown[0], known=known),
                               field=unknown[0])
    return SCORERS[inst.id](answers, **options)
