"""Instruments whose item wording may be embedded (FREE-TO-EMBED in instruments.md §0).

Wording is shipped only where instruments.md gives it verbatim: it gives the PHQ-15 and PHQ-9 option
labels and the project's own pain-NRS wording (§4 D1), but no verbatim item texts for PHQ-15, PHQ-9,
GAD-7 or RAND-36, so their `items_text` stays None (never typed from memory). The PHQ-15 `item_labels`
are short keys from instruments.md, not the official wording, which must not be altered.
"""

from __future__ import annotations

from diary.domain.instruments.definitions import Band, Choice, Instrument, Licence, Range, max_missing_doc, same
from diary.domain.regions import REGIONS

_0_3 = Choice((0, 1, 2, 3))
_PHQ_LICENCE = ("No permission is required to reproduce, translate, display or distribute (phqscreeners "
                "statement, quoted in CamCOPS). Show the Pfizer/author attribution (text to be copied from "
                "phqscreeners.com) and do not alter the items; use the official Swedish translation.")

FREE_INSTRUMENTS: tuple[Instrument, ...] = (
    Instrument(
        id="phq15", name="PHQ-15", version="PHQ-15 (English standalone order, 4-week recall)", n_items=15,
        items=same(15, Choice((0, 1, 2))), answer_format="15 answers 0–2 in the standalone English order",
        recall="past 4 weeks (SOMEX1 used a modified 7-day recall)",
        source="Kroenke K, Spitzer RL, Williams JBW. Psychosom Med 2002",
        licence=Licence.FREE_TO_EMBED, licence_note=_PHQ_LICENCE, score_range=(0, 30), higher_is="worse",
        scoring_rule="[DEV] sum 0–30; for men item 4 is scored 0 (max 28) [DEV, Kroenke/CamCOPS]",
        missing_rule="[PROJECT DEFAULT] prorate if ≤3 items missing ([PUB] DC/TMD allows 5)", max_missing=3,
        bands=(Band(0, "minimal"), Band(5, "low"), Band(10, "medium"), Band(15, "high")),
        options={
            "sex": "'male' makes item 4 (menstrual problems) not applicable; 'female' or None: it applies",
            "exclude_item4": "True: item 4 does not apply (same as sex='male', for anyone who does not menstruate)",
            "item4_rule": "when item 4 does not apply: 'zero' (default, [DEV] Kroenke/CamCOPS) or 'missing' "
                          "(treated as missing and prorated)",
            "recall_days": "7 labels the version 'PHQ-15 (7-day recall, modified)' (SOMEX1 weekly use); "
                           "28 or None: the native 4 weeks",
            "max_missing": max_missing_doc(3),
        },
        flags={"three_or_more_a_lot": "3 or more items at 2 'bothered a lot' (suggests somatoform "
                                      "disorder; Kroenke et al. 2010)"},
        item_labels=("stomach_pain", "back_pain", "arm_leg_joint_pain", "menstrual_problems", "headaches",
                     "chest_pain", "dizziness", "fainting", "heart_pounding", "shortness_of_breath",
                     "sexual_pain_or_problems", "bowel_problems", "nausea_or_indigestion", "tiredness",
                     "trouble_sleeping"),
        option_labels={0: "not bothered at all", 1: "bothered a little", 2: "bothered a lot"},
    ),
    Instrument(
        id="phq9", name="PHQ-9", version="PHQ-9 (2-week recall)", n_items=9, items=same(9, _0_3),
        answer_format="9 answers 0–3 (the unscored difficulty item 10 is not part of the answers)",
        recall="last 2 weeks", source="Kroenke K, Spitzer RL, Williams JBW. J Gen Intern Med 2001",
        licence=Licence.FREE_TO_EMBED, licence_note=_PHQ_LICENCE, score_range=(0, 27), higher_is="worse",
        scoring_rule="[DEV] sum 0–27; ≥10 is the usual screening cut-off",
        missing_rule="[PROJECT DEFAULT] prorate if ≤2 items missing ([PUB] DC/TMD allows 3)", max_missing=2,
        bands=(Band(0, "minimal"), Band(5, "mild"), Band(10, "moderate"), Band(15, "moderately_severe"),
               Band(20, "severe")),
        options={"max_missing": max_missing_doc(2)},
        flags={"item9_positive": "item 9 (thoughts of death or self-harm) is above 0: start the risk "
                                 "pathway; raised even when the total is invalid",
               "screen_positive": "total (rounded) ≥10, the usual screening cut-off"},
        option_labels={0: "not at all", 1: "several days", 2: "more than half the days", 3: "nearly every day"},
    ),
    Instrument(
        id="gad7", name="GAD-7", version="GAD-7 (2-week recall)", n_items=7, items=same(7, _0_3),
        answer_format="7 answers 0–3 (the unscored difficulty item 8 is not part of the answers)",
        recall="last 2 weeks", source="Spitzer RL et al. Arch Intern Med 2006",
        licence=Licence.FREE_TO_EMBED, licence_note=_PHQ_LICENCE, score_range=(0, 21), higher_is="worse",
        scoring_rule="[DEV] sum 0–21; ≥10 is the usual screening cut-off",
        missing_rule="[PUB] DC/TMD and [PROJECT DEFAULT]: prorate if ≤2 items missing", max_missing=2,
        bands=(Band(0, "minimal"), Band(5, "mild"), Band(10, "moderate"), Band(15, "severe")),
        options={"max_missing": max_missing_doc(2)},
        flags={"screen_positive": "total (rounded) ≥10, the usual screening cut-off"},
    ),
    Instrument(
        id="rand36", name="RAND-36", version="RAND 36-Item Health Survey 1.0 (RAND scoring)", n_items=36,
        items=(*same(2, Choice((1, 2, 3, 4, 5))), *same(10, Choice((1, 2, 3))), *same(7, Choice((1, 2))),
               Choice((1, 2, 3, 4, 5)), Choice((1, 2, 3, 4, 5, 6)), Choice((1, 2, 3, 4, 5)),
               *same(9, Choice((1, 2, 3, 4, 5, 6))), *same(5, Choice((1, 2, 3, 4, 5)))),
        answer_format="36 answers coded 1…k as printed (k = 2, 3, 5 or 6 by item)", recall="past 4 weeks",
        source="Hays RD, Sherbourne CD, Mazel RM. Health Econ 1993; items: Ware & Sherbourne 1992",
        licence=Licence.FREE_TO_EMBED,
        licence_note="RAND terms: no further written permission needed; credit RAND, mark any changes as "
                     "yours, hold RAND harmless for translations. Do not call it SF-36 (trademark).",
        score_range=(0, 100), has_total=False, integer_scored=False, subscale_range=(0, 100), higher_is="better",
        scoring_rule="[DEV, RAND] recode items to 0–100, each scale = mean of its answered items",
        missing_rule="[DEV, RAND] a scale is missing only when none of its items is answered",
        subscales={
            "physical_functioning": tuple(range(3, 13)), "role_physical": (13, 14, 15, 16),
            "role_emotional": (17, 18, 19), "energy_fatigue": (23, 27, 29, 31),
            "emotional_wellbeing": (24, 25, 26, 28, 30), "social_functioning": (20, 32), "pain": (21, 22),
            "general_health": (1, 33, 34, 35, 36),
        },
        attribution="RAND 36-Item Health Survey 1.0, developed at RAND as part of the Medical Outcomes Study.",
    ),
    Instrument(
        id="pain_nrs", name="Pain NRS 0–10", version="11-point NRS (diary: last 24 hours)", n_items=1,
        items=(Choice(tuple(range(11))),), answer_format="one whole number 0–10 (or a one-item list)",
        recall="own choice (diary: last 24 hours)", source="IMMPACT recommendation; bands as in Hawker et al. 2011",
        licence=Licence.FREE_TO_EMBED, licence_note="Generic scale; own wording (instruments.md §4 D1).",
        score_range=(0, 10), scoring_rule="[PUB] the answer itself; bands are context-dependent, not for "
                                          "clinical decisions", missing_rule="no answer → invalid",
        bands=(Band(0, "none"), Band(1, "mild"), Band(4, "moderate"), Band(7, "severe")),
        items_text=("Thinking about the last 24 hours, how strong was your pain on average?",),
        option_labels={0: "no pain", 10: "pain as bad as it could possibly be"},
    ),
    Instrument(
        id="vas_0_100", name="Pain VAS 0–100 mm", version="VAS 0–100 mm", n_items=1, items=(Range(0, 100),),
        answer_format="one number 0–100 mm (or a one-item list)", recall="own choice",
        source="Jensen MP et al. 2003; summarised in Hawker GA et al. 2011", licence=Licence.FREE_TO_EMBED,
        licence_note="Generic scale; write own anchors, do not copy the FIQ wording.", score_range=(0, 100),
        scoring_rule="[PUB] the reading in mm; band from the half-up rounded mm",
        missing_rule="no answer → invalid",
        bands=(Band(0, "none"), Band(5, "mild"), Band(45, "moderate"), Band(75, "severe")),
    ),
    Instrument(
        id="wpi19", name="Pain locations (WPI 19 regions)", version="ACR 2010/2016 WPI regions",
        n_items=19, items=None,
        answer_format="19 booleans (or 0/1) in the fixed WPI region order, or None when the map was not filled in",
        recall="diary: last 24 hours (WPI: last week)",
        source="Wolfe F et al. Arthritis Care Res 2010; Wolfe F et al. Semin Arthritis Rheum 2016; "
               "ACR 1990 criteria: Wolfe F et al. 1990",
        licence=Licence.FREE_TO_EMBED, licence_note="Region list is a published classification; use own wording.",
        score_range=(0, 19), scoring_rule="[DEV] count of painful regions",
        missing_rule="an unfilled map (None) is missing; an explicit 'no pain' is 19 × False",
        flags={"generalized_pain_2016": "pain in ≥4 of the 5 areas (Wolfe et al. 2016)",
               "acr1990_pattern": "left and right, above and below the waist, and axial (approximation)"},
        item_labels=REGIONS,
    ),
    Instrument(
        id="gas", name="Goal Attainment Scaling", version="Kiresuk-Sherman T-score (rho 0.3)", n_items=None,
        items=None, answer_format="one [level, weight] pair per goal; level −2…+2, weight > 0 (default 1); "
                                  "None or [None, w] for an unrated goal",
        recall="per review", source="Kiresuk TJ, Sherman RE. Community Ment Health J 1968",
        licence=Licence.FREE_TO_EMBED, licence_note="A method; there is no item wording.",
        score_range=None, integer_scored=False,
        scoring_rule="[DEV] T = 50 + 10·Σwx / √((1−ρ)Σw² + ρ(Σw)²), ρ = 0.3",
        missing_rule="[DEV] unrated goals are left out; no rated goal → invalid",
        options={"rho": "the assumed correlation between goal scores (default 0.3)"},
    ),
)
