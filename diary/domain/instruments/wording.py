"""Published English wording of the free-to-embed questionnaires (PHQ-15, PHQ-9, GAD-7, RAND-36).

Pure data. Every string was copied from a stored public source that was read, not typed from
memory; `Wording.sources` names them and `Wording.notes` records where the sources disagree and
which reading was kept. Items are in scoring order (shared/reference/instruments.md §2.1–2.3, §2.8)
and each item's option values are the raw values the scorer accepts (the registry's `Choice`
values; for RAND-36 the codes 1…k of rand36.py, so labels are listed in code order).

Presentation choices that are not wording changes: item numbers/letters printed on the forms
("1.", "a.") are left out, and RAND-36 group stems are kept apart in `item_stems`, so every item
text is verbatim. The PHQ-15 recall period is changed on purpose (7 days, see `PHQ15_RECALL_NOTE`).
"""

from __future__ import annotations

from dataclasses import dataclass

Option = tuple[int, str]


@dataclass(frozen=True)
class Wording:
    """The displayable wording of one instrument in one language."""

    instrument_id: str  # registry id (diary.domain.instruments.INSTRUMENTS)
    language: str  # "en"
    title: str
    instructions: str  # the stem shown above the items
    items: tuple[str, ...]  # in scoring order, verbatim
    options: tuple[tuple[Option, ...], ...]  # per item: (raw value the scorer expects, label)
    attribution: str  # notice to show with the questionnaire
    sources: tuple[str, ...]  # where the text was taken from (repository + path, or URL as stored)
    item_stems: tuple[str | None, ...] = ()  # per item: the printed group stem, None if none; () = no groups
    notes: tuple[str, ...] = ()  # source discrepancies, decisions and deliberate changes


# --- PHQ family (Pfizer; Kroenke, Spitzer, Williams) ------------------------------------------

# LOINC copyright field of the PHQ-15 (69728-4) and GAD-7 (69737-5) panels; its second and third
# sentences are the footer printed on the phqscreeners PHQ-9/GAD-7 form.
PFIZER_NOTICE = (
    "Copyright © Pfizer Inc. All rights reserved. Developed by Drs. Robert L. Spitzer, Janet B.W. "
    "Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission "
    "required to reproduce, translate, display or distribute."
)

_CAMCOPS = "ucam-department-of-psychiatry/camcops"
_MII = "medizininformatik-initiative/kerndatensatzmodul-proms"
_PHQ_PDF_OCR = ("https://www.scribd.com/document/724517444/Adult-Patient-Health-Questionnaire-PHQ9-GAD7 "
                "(OCR of the phqscreeners PHQ-9 + GAD-7 form, incl. footer)")
_LOINC_LHC_EXPORT = ("LHC-Forms FHIR export of LOINC panels 44249-1 (PHQ-9) and 69737-5 (GAD-7), stored in "
                     "the code index without a repository name (cross-check only)")

_FREQUENCY: tuple[Option, ...] = (
    (0, "Not at all"), (1, "Several days"), (2, "More than half the days"), (3, "Nearly every day"),
)
_BOTHER: tuple[Option, ...] = ((0, "Not bothered at all"), (1, "Bothered a little"), (2, "Bothered a lot"))

PHQ15_PUBLISHED_STEM = "During the past 4 weeks, how much have you been bothered by any of the following problems?"
PHQ15_RECALL_NOTE = ("Modified version: the recall period of the published PHQ-15 (4 weeks) is changed to 7 days "
                     "(PHQ-15, 7-day recall, modified). Item texts and answer options are unchanged.")

PHQ15 = Wording(
    instrument_id="phq15",
    language="en",
    title="PHQ-15 (7-day recall, modified)",
    instructions=PHQ15_PUBLISHED_STEM.replace("4 weeks", "7 days"),
    items=(
        "Stomach pain",
        "Back pain",
        "Pain in your arms, legs, or joints (knees, hips, etc.)",
        "Menstrual cramps or other problems with your periods",
        "Headaches",
        "Chest pain",
        "Dizziness",
        "Fainting spells",
        "Feeling your heart pound or race",
        "Shortness of breath",
        "Pain or problems during sexual intercourse",
        "Constipation, loose bowels, or diarrhea",
        "Nausea, gas, or indigestion",
        "Feeling tired or having low energy",
        "Trouble sleeping",
    ),
    options=(_BOTHER,) * 15,
    attribution=PFIZER_NOTICE,
    sources=(
        f"{_CAMCOPS}: server/camcops_server/extra_strings/phq15.xml (commit b7d36c87) — stem, items in "
        "standalone order a–o, option labels",
        f"{_MII}: input/fsh/definitions/phq-15/mii-qst-pro-phq-15.fsh — stem, items",
        f"{_MII}: input/fsh/definitions/phq-15/mii-cs-pro-phq-15-answers.fsh (commit c4853478) — option labels",
        "glow-mdsol/vulcan-soa-connectathon-37: igv4/VulcanSoAConnecthathon37/input/fsh/questionnaires/"
        "example-qs-phq-15.fsh (LHC-Forms export of LOINC 69728-4) — items, copyright notice",
    ),
    notes=(
        PHQ15_RECALL_NOTE,
        "Item 4 is for women only: the CamCOPS transcription prints it as '… periods (WOMEN ONLY)'; MII and "
        "LOINC give the text without the qualifier, which is kept here because the app applies the rule.",
        "Option 0: 'Not bothered at all' (CamCOPS, MII) kept; LOINC answer LA18334-5 reads 'Not bothered'.",
        "Order: the standalone English order (CamCOPS, instruments.md §2.1); MII and LOINC put 'Pain or problems "
        "during sexual intercourse' fifth.",
        "Stem 'During the past 4 weeks' (CamCOPS, MII); PHQ-SADS reproductions read 'During the last 4 weeks'.",
    ),
)

PHQ9 = Wording(
    instrument_id="phq9",
    language="en",
    title="Patient Health Questionnaire-9 (PHQ-9)",
    instructions="Over the last 2 weeks, how often have you been bothered by any of the following problems?",
    items=(
        "Little interest or pleasure in doing things",
        "Feeling down, depressed, or hopeless",
        "Trouble falling or staying asleep, or sleeping too much",
        "Feeling tired or having little energy",
        "Poor appetite or overeating",
        "Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
        "Trouble concentrating on things, such as reading the newspaper or watching television",
        "Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety "
        "or restless that you have been moving around a lot more than usual",
        "Thoughts that you would be better off dead or of hurting yourself in some way",
    ),
    options=(_FREQUENCY,) * 9,
    attribution=PFIZER_NOTICE,
    sources=(
        f"{_CAMCOPS}: server/camcops_server/extra_strings/phq9.xml (commit b7d36c87) — stem, items 1–9, options",
        _PHQ_PDF_OCR,
        "https://www.ementalhealth.ca/index.php?m=survey&ID=42 — items 8 and 9 punctuation",
        _LOINC_LHC_EXPORT,
    ),
    notes=(
        "Items 6 and 8 use em dashes as on the form (CamCOPS, form OCR); LOINC writes 'yourself-or' and "
        "'opposite-being' with hyphens.",
        "Item 8 'noticed? Or the opposite' (CamCOPS, form OCR, ementalhealth.ca); LOINC has 'noticed. Or'.",
        "Item 9 has no comma after 'dead' (CamCOPS, form OCR, ementalhealth.ca); LOINC has 'dead, or of'.",
        "Stem '2 weeks' (CamCOPS, form OCR); the HL7 SDC and MII examples spell 'two weeks'.",
        "The unscored difficulty question (item 10) is not included; the scorer takes 9 answers.",
    ),
)

GAD7 = Wording(
    instrument_id="gad7",
    language="en",
    title="GAD-7",
    instructions="Over the last 2 weeks, how often have you been bothered by the following problems?",
    items=(
        "Feeling nervous, anxious or on edge",
        "Not being able to stop or control worrying",
        "Worrying too much about different things",
        "Trouble relaxing",
        "Being so restless that it is hard to sit still",
        "Becoming easily annoyed or irritable",
        "Feeling afraid as if something awful might happen",
    ),
    options=(_FREQUENCY,) * 7,
    attribution=PFIZER_NOTICE,
    sources=(
        f"{_CAMCOPS}: server/camcops_server/extra_strings/gad7.xml (commit bf41776c) — items 1–7, options",
        _PHQ_PDF_OCR,
        "nivlab/jspsych-demos: tasks/self-report/surveys/gad7.js — stem",
        f"{_MII}: input/fsh/definitions/gad-7/mii-qst-pro-gad-7.fsh (commit 00b7d90a) — items, options",
        _LOINC_LHC_EXPORT,
    ),
    notes=(
        "Stem 'by the following problems?' (form OCR, nivlab); CamCOPS has 'by any of the following problems?' "
        "and MII 'Over the last two weeks'.",
        "Item 1 without a comma before 'or' (CamCOPS, form OCR, LOINC); MII has 'anxious, or on edge'.",
        "Item 7 without a comma (CamCOPS, form OCR); MII has 'Feeling afraid, as if'.",
        "LOINC item names differ from the form (e.g. item 2 'Over the past 2 weeks have you not been able to "
        "stop or control worrying', option 2 'More days than not') and were not used.",
    ),
)

# --- RAND-36 ---------------------------------------------------------------------------------

_RAND_ACTIVITIES = ("The following items are about activities you might do during a typical day. Does your health "
                    "now limit you in these activities? If so, how much?")
_RAND_PHYSICAL = ("During the past 4 weeks, have you had any of the following problems with your work or other "
                  "regular daily activities as a result of your physical health?")
_RAND_EMOTIONAL = ("During the past 4 weeks, have you had any of the following problems with your work or other "
                   "regular daily activities as a result of any emotional problems (such as feeling depressed or "
                   "anxious)?")
_RAND_FEELINGS = ("These questions are about how you feel and how things have been with you during the past 4 "
                  "weeks. For each question, please give the one answer that comes closest to the way you have "
                  "been feeling. How much of the time during the past 4 weeks...")
_RAND_TRUE_FALSE = "How TRUE or FALSE is each of the following statements for you?"


def _labels(*labels: str) -> tuple[Option, ...]:
    """Labels in raw-code order 1…k."""
    return tuple(enumerate(labels, start=1))


_LIMITED = _labels("Yes, limited a lot", "Yes, limited a little", "No, not limited at all")
_YES_NO = _labels("Yes", "No")
_TIME6 = _labels("All of the time", "Most of the time", "A good bit of the time", "Some of the time",
                 "A little of the time", "None of the time")
_TRUE_FALSE = _labels("Definitely true", "Mostly true", "Don't know", "Mostly false", "Definitely false")

RAND36 = Wording(
    instrument_id="rand36",
    language="en",
    title="RAND 36-Item Health Survey 1.0",
    instructions="Choose one option for each questionnaire item.",
    items=(
        "In general, would you say your health is:",
        "Compared to one year ago, how would you rate your health in general now?",
        "Vigorous activities, such as running, lifting heavy objects, participating in strenuous sports",
        "Moderate activities, such as moving a table, pushing a vacuum cleaner, bowling, or playing golf",
        "Lifting or carrying groceries",
        "Climbing several flights of stairs",
        "Climbing one flight of stairs",
        "Bending, kneeling, or stooping",
        "Walking more than a mile",
        "Walking several blocks",
        "Walking one block",
        "Bathing or dressing yourself",
        "Cut down the amount of time you spent on work or other activities",
        "Accomplished less than you would like",
        "Were limited in the kind of work or other activities",
        "Had difficulty performing the work or other activities (for example, it took extra effort)",
        "Cut down the amount of time you spent on work or other activities",
        "Accomplished less than you would like",
        "Didn't do work or other activities as carefully as usual",
        "During the past 4 weeks, to what extent has your physical health or emotional problems interfered with "
        "your normal social activities with family, friends, neighbors, or groups?",
        "How much bodily pain have you had during the past 4 weeks?",
        "During the past 4 weeks, how much did pain interfere with your normal work (including both work outside "
        "the home and housework)?",
        "Did you feel full of pep?",
        "Have you been a very nervous person?",
        "Have you felt so down in the dumps that nothing could cheer you up?",
        "Have you felt calm and peaceful?",
        "Did you have a lot of energy?",
        "Have you felt downhearted and blue?",
        "Did you feel worn out?",
        "Have you been a happy person?",
        "Did you feel tired?",
        "During the past 4 weeks, how much of the time has your physical health or emotional problems interfered "
        "with your social activities (like visiting with friends, relatives, etc.)?",
        "I seem to get sick a little easier than other people",
        "I am as healthy as anybody I know",
        "I expect my health to get worse",
        "My health is excellent",
    ),
    options=(
        _labels("Excellent", "Very good", "Good", "Fair", "Poor"),
        _labels("Much better now than one year ago", "Somewhat better now than one year ago", "About the same",
                "Somewhat worse now than one year ago", "Much worse now than one year ago"),
        *(_LIMITED,) * 10,
        *(_YES_NO,) * 7,
        _labels("Not at all", "Slightly", "Moderately", "Quite a bit", "Extremely"),
        _labels("None", "Very mild", "Mild", "Moderate", "Severe", "Very severe"),
        _labels("Not at all", "A little bit", "Moderately", "Quite a bit", "Extremely"),
        *(_TIME6,) * 9,
        _labels("All of the time", "Most of the time", "Some of the time", "A little of the time",
                "None of the time"),
        *(_TRUE_FALSE,) * 4,
    ),
    item_stems=(
        None, None,
        *(_RAND_ACTIVITIES,) * 10,
        *(_RAND_PHYSICAL,) * 4,
        *(_RAND_EMOTIONAL,) * 3,
        None, None, None,
        *(_RAND_FEELINGS,) * 9,
        None,
        *(_RAND_TRUE_FALSE,) * 4,
    ),
    attribution=("RAND 36-Item Health Survey 1.0. This survey was developed at RAND as part of the Medical "
                 "Outcomes Study."),
    sources=(
        f"{_CAMCOPS}: server/camcops_server/extra_strings/rand36.xml (commit bf41776c) — all items, group stems, "
        "options (CamCOPS names RAND's 36-Item Short Form Survey web page as its source)",
        "SurveyJS how-to 'Create a RAND 36-Item Health Survey (SF-36) with Scoring in SurveyJS' (code index, "
        "repository not named) — all items, group stems, options with raw codes 1…k, instruction line",
        "bachnielsen/Thesis2016: Thesis2016/SF36All.swift — all items, group stems, options, instruction line",
        "https://melakarnets.com/proxy/index.php?q=https%3A%2F%2Fwww.scribd.com%2Fdocument%2F401211106%2FSF-36 "
        "(RAND print form, partial) — items 2, 13, 17, 20–22 and the options of 20–22 with codes",
        "PharmCat/SF36HealthSurvey.jl: docs/src/index.md — RAND terms: credit line 'developed at RAND as part of "
        "the Medical Outcomes Study', changes must be marked",
    ),
    notes=(
        "Item 2: 'how would you rate' (SurveyJS, Thesis2016, RAND print form); CamCOPS has the typo 'your rate'.",
        "Apostrophes in item 19 ('Didn't') and the option 'Don't know' are straight (SurveyJS, Thesis2016); "
        "CamCOPS uses curly apostrophes.",
        "The two stems of items 23–31 are joined with one space (as in Thesis2016); SurveyJS separates them with "
        "a blank line, CamCOPS stores them as two strings.",
        "Presentation only, no wording changed: item numbers dropped; group stems kept in item_stems.",
        "Do not call it SF-36 in the app (trademark; instruments.md §2.8).",
    ),
)

WORDINGS: dict[str, Wording] = {w.instrument_id: w for w in (PHQ15, PHQ9, GAD7, RAND36)}
