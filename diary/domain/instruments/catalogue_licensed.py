"""Instruments whose wording must not be shipped (UNCLEAR or NEEDS-LICENSE in instruments.md §0).

Scoring from item numbers carries no licence risk, so these are scored, but no item text, item label
or option label is kept here: answers are collected on licensed forms (or after written permission)
and entered as keyed item scores. A test checks that every definition in this file has no wording.
"""

from __future__ import annotations

from diary.domain.instruments.definitions import Band, Choice, Instrument, Licence, Range, max_missing_doc, same

_0_4 = Choice((0, 1, 2, 3, 4))
_VAS_0_10 = Range(0, 10)

LICENSED_INSTRUMENTS: tuple[Instrument, ...] = (
    Instrument(
        id="ssd12", name="SSD-12", version="SSD-12 (no fixed recall)", n_items=12, items=same(12, _0_4),
        answer_format="12 answers 0–4", recall="not fixed in the original (MII German version: last 7 days)",
        source="Toussaint A et al. Psychosom Med 2016; norms 2017; cut-off: Toussaint A et al. Psychol Med 2020",
        licence=Licence.UNCLEAR, licence_note="© Toussaint, Löwe et al.; ask UKE Hamburg (Prof. B. Löwe) in "
                                              "writing before embedding the wording.",
        score_range=(0, 48), subscale_range=(0, 16), higher_is="worse",
        scoring_rule="[DEV] total = sum 0–48; each subscale = sum 0–16",
        missing_rule="[PROJECT DEFAULT] total prorated if ≤2 missing; a subscale if ≤1 of its 4 missing",
        max_missing=2,
        subscales={"cognitive": (1, 4, 7, 10), "affective": (2, 5, 8, 11), "behavioural": (3, 6, 9, 12)},
        options={"max_missing": max_missing_doc(2),
                 "max_missing_subscale": max_missing_doc(1, "items per subscale"),
                 "cutoff": "the total (rounded) from which `probable_ssd` is raised (default 23; 29 was "
                           "optimal in a Korean sample)",
                 "recall_days": "the recall period administered, recorded in the version (e.g. 7)"},
        flags={"probable_ssd": "total (rounded) ≥ cutoff (Toussaint et al. 2020)"},
    ),
    Instrument(
        id="whiteley7", name="Whiteley-7", version="WI-7 (yes/no)", n_items=7, items=same(7, Choice((0, 1))),
        answer_format="7 answers 0 no / 1 yes (or 0–4 with response_format='five_point')", recall="none",
        source="Fink P et al. J Psychosom Res 1999 (WI-7); Pilowsky I. Br J Psychiatry 1967 (WI-14)",
        licence=Licence.UNCLEAR, licence_note="MII treats it as freely available; there is no formal grant.",
        score_range=(0, 7), scoring_rule="sum (0–7 yes/no, 0–28 five-point); also rescaled to 0–100",
        missing_rule="[PROJECT DEFAULT] prorate if ≤1 item missing", max_missing=1,
        options={"response_format": "'yes_no' (default, 0/1) or 'five_point' (0–4)",
                 "max_missing": max_missing_doc(1)},
    ),
    Instrument(
        id="wsas", name="WSAS", version="WSAS", n_items=5, items=same(5, Choice(tuple(range(9)))),
        answer_format="5 answers 0–8", recall="current state",
        source="Mundt JC, Marks IM, Shear MK, Greist JH. Br J Psychiatry 2002",
        licence=Licence.UNCLEAR, licence_note="© Isaac M. Marks; CamCOPS ships it without wording. Ask for "
                                              "permission to embed the wording.",
        score_range=(0, 40), scoring_rule="[DEV] sum 0–40 (0–32 when item 1, work, is not applicable)",
        missing_rule="[PROJECT DEFAULT] prorate if ≤1 item missing", max_missing=1,
        bands=(Band(0, "subclinical"), Band(10, "significant_impairment"), Band(21, "moderately_severe_or_worse")),
        options={"item1_not_applicable": "True when retired or not working for reasons unrelated to the "
                                         "problem: score out of 32 (item 1 must then be empty)",
                 "max_missing": max_missing_doc(1)},
    ),
    Instrument(
        id="hads", name="HADS", version="HADS (past week)", n_items=14, items=same(14, Choice((0, 1, 2, 3))),
        answer_format="14 keyed scores 0–3 (not option positions)", recall="past week",
        source="Zigmond AS, Snaith RP. Acta Psychiatr Scand 1983; missing data: Bell ML et al. BMC Res Notes 2016",
        licence=Licence.NEEDS_LICENSE, licence_note="GL Assessment; fees apply. Do not embed.",
        score_range=(0, 21), has_total=False, subscale_range=(0, 21), higher_is="worse",
        scoring_rule="[DEV] anxiety = sum of odd items, depression = "
                                                           "sum of even items, 0–21 each",
        missing_rule="[PROJECT DEFAULT, stricter than Bell et al.] ≤1 missing per subscale, prorated ×7/6",
        max_missing=1, bands=(Band(0, "normal"), Band(8, "borderline"), Band(11, "abnormal")),
        subscales={"anxiety": (1, 3, 5, 7, 9, 11, 13), "depression": (2, 4, 6, 8, 10, 12, 14)},
        options={"bands": "'standard' (default: normal/borderline/abnormal) or 'graded' (manual: "
                          "normal/mild/moderate/severe)",
                 "max_missing": max_missing_doc(1, "items per subscale")},
    ),
    Instrument(
        id="mfi20", name="MFI-20", version="MFI-20", n_items=20, items=same(20, Choice((1, 2, 3, 4, 5))),
        answer_format="20 answers 1 'yes, that is true' … 5 'no, that is not true' (raw, not reversed)",
        recall="lately", source="Smets EMA et al. J Psychosom Res 1995",
        licence=Licence.NEEDS_LICENSE, licence_note="Free for academic use only; request permission for an "
                                                    "open-source app.",
        score_range=(20, 100), subscale_range=(4, 20), higher_is="worse",
        scoring_rule="[DEV] reverse items 2, 5, 9, 10, 13, 14, 16–19 (6 − x); 5 "
                                            "subscales of 4 items (4–20); optional total 20–100",
        missing_rule="[PROJECT DEFAULT] a subscale is prorated with 1 of 4 missing; the total needs all 5",
        max_missing=1, reversed_items=(2, 5, 9, 10, 13, 14, 16, 17, 18, 19),
        subscales={"general_fatigue": (1, 5, 12, 16), "physical_fatigue": (2, 8, 14, 20),
                   "reduced_activity": (3, 6, 10, 17), "reduced_motivation": (4, 9, 15, 18),
                   "mental_fatigue": (7, 11, 13, 19)},
        options={"max_missing": max_missing_doc(1, "items per subscale")},
    ),
    Instrument(
        id="fiq", name="FIQ", version="FIQ 1997/2002 scoring", n_items=20,
        items=(*same(11, Choice((0, 1, 2, 3))), Range(0, 7, whole=True), Range(0, 7, whole=True),
               *same(7, _VAS_0_10)),
        answer_format="11 physical-function answers 0–3, days felt good 0–7, days of work missed 0–7, then "
                      "7 VAS 0–10 (job difficulty, pain, fatigue, morning tiredness, stiffness, anxiety, "
                      "depression); 1991 version: 10 physical-function answers and work missed 0–5",
        recall="past week", source="Burckhardt CS, Clark SR, Bennett RM. J Rheumatol 1991; Bennett R. Clin "
                                   "Exp Rheumatol 2005; bands: Bennett RM et al. J Rheumatol 2009",
        licence=Licence.UNCLEAR, licence_note="© 1991 Burckhardt, Clark and Bennett (OHSU); no open licence.",
        score_range=(0, 100.01), integer_scored=False,
        scoring_rule="[DEV] PF mean × 3.33, (7 − good days) × 1.43, missed days × 1.43, VAS as is; total = "
                     "sum, × 10/answered components when fewer than 10",
        missing_rule="[PROJECT DEFAULT] PF needs ≥6 sub-items answered; the total needs ≥7 of 10 components",
        bands=(Band(0, "mild"), Band(39, "moderate"), Band(59, "severe")),
        subscales={"physical_function": tuple(range(1, 12)), "feel_good": (12,), "work_missed": (13,),
                   "job_difficulty": (14,), "pain": (15,), "fatigue": (16,), "morning_tiredness": (17,),
                   "stiffness": (18,), "anxiety": (19,), "depression": (20,)},
        options={"version": "'1997' (default, 11 PF items, work missed 0–7 × 1.43) or '1991' (10 PF items, "
                            "work missed 0–5 × 2) [unverified, instruments.md §2.10]",
                 "min_pf_items": "physical-function sub-items needed (default 6, [PROJECT DEFAULT])",
                 "min_components": "components needed for a total (default 7, [PROJECT DEFAULT])"},
    ),
    Instrument(
        id="fiqr", name="FIQR", version="FIQR (2009)", n_items=21, items=same(21, Choice(tuple(range(11)))),
        answer_format="21 answers 0–10", recall="past 7 days",
        source="Bennett RM et al. Arthritis Res Ther 2009 (scoring: fiqr.info)",
        licence=Licence.NEEDS_LICENSE, licence_note="Probably; fiqr.info has a licence page (terms unread).",
        score_range=(0, 100), integer_scored=False,
        scoring_rule="[DEV] function sum ÷ 3 + overall impact sum + symptoms sum ÷ 2 (0–100)",
        missing_rule="[DEV] function sum × 9/answered; invalid with ≥2 function items or any other item "
                     "missing", max_missing=1,
        subscales={"function": tuple(range(1, 10)), "overall_impact": (10, 11), "symptoms": tuple(range(12, 22))},
    ),
    Instrument(
        id="sci93", name="SCI-93", version="SCI-93 (35 items 0–4, structure unverified)", n_items=35,
        items=same(35, _0_4), answer_format="35 answers 0–4 (to verify)", recall="not verified",
        source="Ericsson A, Nyström B, Mannerkorpi K. Nord J Psychiatry 2015",
        licence=Licence.UNCLEAR, licence_note="Swedish instrument; contact the authors (University of "
                                              "Gothenburg / Region Västra Götaland).",
        score_range=(0, 140), scoring_rule="sum 0–140 (structure from memory in instruments.md; verify)",
        missing_rule="[PROJECT DEFAULT] prorate if ≤3 items missing (about 10%)", max_missing=3,
        options={"max_missing": max_missing_doc(3)},
    ),
    Instrument(
        id="ltpai", name="LTPAI", version="LTPAI (A = 1 h, B = 3 h)", n_items=4, items=None,
        answer_format="[sedentary, light, moderate, vigorous]: sedentary True/None; each level 'A' "
                      "(0.5–1.5 h), 'B' (2–4 h), hours above 4, or None (not ticked)",
        recall="average week over the past month (NCI copy)",
        source="Mannerkorpi K, Hernelid C. Disabil Rehabil 2005", licence=Licence.UNCLEAR,
        licence_note="Published; the NCI database shows it for information only.", score_range=None,
        integer_scored=False,
        scoring_rule="[DEV] total hours = light + moderate + vigorous; [PROJECT DEFAULT, verify] A = 1 h, B = 3 h",
        missing_rule="an unticked level is 0 h; nothing ticked (not even sedentary) → invalid",
        subscales={"light": (2,), "moderate": (3,), "vigorous": (4,), "mvpa": (3, 4)},
        options={"a_hours": "hours coded for 0.5–1.5 h (default 1, [PROJECT DEFAULT])",
                 "b_hours": "hours coded for 2–4 h (default 3, [PROJECT DEFAULT])"},
        flags={"who_aerobic_met": "moderate + 2 × vigorous ≥ 150 min a week (WHO 2020)"},
    ),
)
