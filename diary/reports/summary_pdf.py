"""The one-page clinician summary: A4, readable in a minute, made with matplotlib's PDF backend.

Top to bottom: who and which period; goals with their latest rating, trend and the T-score; mini-charts
of pain, fatigue and stress (7-day means, flare days shaded) and of weekly activity against the plan;
questionnaire scores with bands and the change since the first (baseline) result; flags; the clearest
associations; and the patient's notes, only when the patient chose to share them.

Text is real PDF text (TrueType, searchable and copyable), never pictures of text. Everything that came
from a person (goal titles, notes, labels) is drawn with maths parsing off, so "$" or "\\" print as they
are; a PDF has no markup to inject, and nothing is interpreted.
"""

from __future__ import annotations

import io
import textwrap
import threading
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import matplotlib
from matplotlib.backends.backend_pdf import FigureCanvasPdf
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from diary import __version__
from diary.domain.goal_progress import achievement_status, latest, trend
from diary.domain.goals import Goal, GoalType
from diary.domain.instruments import INSTRUMENTS, SEVEN_DAY_BAND_CAVEAT, Score, band_caveat
from diary.domain.patient_record import PatientRecord
from diary.domain.regions import generalized_pain
from diary.domain.weeks import weeks_of
from diary.reports.chart_data import activity_data, score_text
from diary.reports.charts import draw_activity
from diary.domain.numbers import round_half_up, round_half_up_int
from diary.reports.correlations import Association, associations, clear_count
from diary.reports.overview import first_day, period_days
from diary.reports.pdf_goals import outcome_line, rating_words, standing_line
from diary.reports.series import (
    completed, day_label, flare_runs, n_days, one_decimal, plan_dose, rolling_mean, span_words, values_of,
)
from diary.reports.style import LIGHT, style_axes, set_date_axis

A4_IN = (8.27, 11.69)
LEFT, RIGHT, TOP = 0.55, 0.55, 0.5  # inches
BODY_PT, SMALL_PT, HEAD_PT, TITLE_PT = 8.5, 7.5, 10.5, 15
LINE_IN = 0.165  # one 8.5 pt line with leading
WRAP_CHARS = 118  # about a full line of 8.5 pt DejaVu Sans across the text width
MAX_NOTES = 8
MAX_GOALS = 10
TREND_WORDS = {"improving": "improving", "worsening": "worse", "no_change": "no change"}
FLAG_WORDS = {
    "item9_positive": "PHQ-9 item 9 (thoughts of death or self-harm) answered above 0 on {day}: follow the risk pathway.",
    "screen_positive": "{name} {score} on {day}: at or above the usual screening cut-off of 10.",
    "three_or_more_a_lot": "PHQ-15 on {day}: 3 or more symptoms 'bothered a lot'.",
}
# matplotlib reads the PDF font type from the global rcParams while saving; TrueType (42) keeps text
# searchable as whole words. The lock keeps two threads from interleaving their temporary settings.
_SAVE_LOCK = threading.Lock()


@dataclass
class _Page:
    """A cursor down the page, in inches from the top."""

    fig: Figure
    y: float = TOP

    def fy(self, y_in: float) -> float:
        return 1 - y_in / A4_IN[1]

    def text(self, text: str, *, x_in: float = LEFT, size: float = BODY_PT, weight: str = "normal",
             color: str = LIGHT.text, advance: float | None = None, **kwargs) -> None:
        self.fig.text(x_in / A4_IN[0], self.fy(self.y), text, fontsize=size, fontweight=weight, color=color,
                      va="top", ha="left", parse_math=False, **kwargs)
        if advance is not None:
            self.y += advance

    def heading(self, text: str) -> None:
        self.y += 0.08
        self.text(text, size=HEAD_PT, weight="bold", advance=0.21)
        self.fig.add_artist(Line2D([LEFT / A4_IN[0], 1 - RIGHT / A4_IN[0]], [self.fy(self.y - 0.03)] * 2,
                                   color=LIGHT.grid, linewidth=0.8))
        self.y += 0.03

    def lines(self, lines: list[str], *, size: float = BODY_PT, indent: float = 0.0, color: str = LIGHT.text) -> None:
        for line in lines:
            self.text(line, x_in=LEFT + indent, size=size, color=color, advance=LINE_IN * size / BODY_PT)

    def wrapped(self, text: str, *, prefix: str = "", width: int = WRAP_CHARS, **kwargs) -> None:
        parts = textwrap.wrap(text, width=width - len(prefix)) or [""]
        self.lines([prefix + parts[0], *(" " * len(prefix) + p for p in parts[1:])], **kwargs)

    def columns(self, cells: list[str], x_in: list[float], *, weight: str = "normal", size: float = BODY_PT,
                color: str = LIGHT.text) -> None:
        for cell, x in zip(cells, x_in):
            self.text(cell, x_in=x, size=size, weight=weight, color=color)
        self.y += LINE_IN * size / BODY_PT


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _ordered_goals(goals: list[Goal]) -> list[Goal]:
    """Each main goal followed by its steps; steps of a missing main goal at the end."""
    mains = [g for g in goals if g.type is GoalType.MAIN]
    out = []
    for main in mains:
        out += [main, *(g for g in goals if g.main_goal_id == main.id)]
    return out + [g for g in goals if g not in out]


def _goals(page: _Page, record: PatientRecord, start: date, end: date) -> None:
    page.heading("Goals")
    goals, ratings = list(record.goals), [r for r in record.ratings if r.rated_on <= end]
    if not goals:
        page.lines(["No goals agreed yet."])
        return
    xs = [LEFT, LEFT + 3.65, LEFT + 5.75, LEFT + 6.6]
    page.columns(["Goal", "Latest rating (rater)", "Trend", "Status"], xs, weight="bold", size=SMALL_PT)
    ordered = _ordered_goals(goals)
    for goal in ordered[:MAX_GOALS]:
        last = latest(goal, ratings)
        rating = "not rated yet" if last is None else rating_words(goal, last)
        direction = trend(goal, ratings, rater=last.rater) if last else None  # never across raters
        title = _clip(goal.title, 46) if goal.type is GoalType.MAIN else "   ↳ " + _clip(goal.title, 48)
        page.columns([title, rating, TREND_WORDS[direction.value] if direction else "–",
                      achievement_status(goal, ratings, today=end)], xs,
                     weight="bold" if goal.type is GoalType.MAIN else "normal")
    if len(ordered) > MAX_GOALS:
        page.lines([f"… and {len(ordered) - MAX_GOALS} more goals."], size=SMALL_PT)
    page.y += 0.04
    page.wrapped(standing_line(record, end))
    page.wrapped(outcome_line(record, end))


def _draw_symptoms(ax, days, start: date, end: date) -> None:
    th = LIGHT
    style_axes(ax, th, size=SMALL_PT)
    runs = flare_runs(days, start, end)
    if runs:
        ax.broken_barh([(d.toordinal() - 0.5, n) for d, n in runs], (0, 10), facecolors=th.flare, linewidth=0)
    handles, labels = [], []
    for measure, style in (("pain", "-"), ("fatigue", (0, (4, 1.5))), ("stress", (0, (1, 1.2)))):
        line = rolling_mean(values_of(days, measure), start, end)
        (h,) = ax.plot([d.toordinal() for d, _ in line], [float("nan") if v is None else v for _, v in line],
                       color=th.measure[measure], linewidth=1.6, linestyle=style)
        handles.append(h)
        labels.append(measure.capitalize())
    if runs:
        handles.append(Patch(facecolor=th.flare))
        labels.append("Flare")
    ax.set_ylim(0, 10)
    ax.set_yticks(range(0, 11, 2))
    set_date_axis(ax, start, end)
    ax.set_title("Pain (24-hour rating), fatigue, stress (0–10, 7-day mean)", fontsize=SMALL_PT + 0.5, color=th.text,
                 loc="left",
                 pad=16)
    leg = ax.legend(handles, labels, ncol=len(handles), frameon=False, fontsize=SMALL_PT, loc="lower left",
                    bbox_to_anchor=(-0.02, 0.98), handlelength=1.8, columnspacing=0.8, handletextpad=0.4)
    for t in leg.get_texts():
        t.set_parse_math(False)


def _charts(page: _Page, record: PatientRecord, days, start: date, end: date) -> None:
    height = 2.05
    top = page.y + 0.1
    width = (A4_IN[0] - LEFT - RIGHT - 0.55) / 2
    bottom = top + height
    rect = lambda x: (x / A4_IN[0], 1 - bottom / A4_IN[1], width / A4_IN[0], (height - 0.45) / A4_IN[1])
    left_ax = page.fig.add_axes(rect(LEFT + 0.25))
    _draw_symptoms(left_ax, days, start, end)
    for label in left_ax.get_xticklabels() + left_ax.get_yticklabels():
        label.set_fontsize(SMALL_PT)
    right_ax = page.fig.add_axes(rect(LEFT + 0.55 + width + 0.2))
    dose = plan_dose(record.plan)
    handles, labels = draw_activity(right_ax, LIGHT, activity_data(days, start=start, end=end, dose=dose))
    right_ax.tick_params(labelsize=SMALL_PT)
    right_ax.set_title("Activity, minutes per week" + (f" (plan: {dose.short})" if dose else ""),
                       fontsize=SMALL_PT + 0.5, color=LIGHT.text, loc="left", pad=16)
    leg = right_ax.legend(handles, labels, ncol=len(handles), frameon=False, fontsize=SMALL_PT, loc="lower left",
                          bbox_to_anchor=(-0.02, 0.98), handlelength=1.4, columnspacing=0.8, handletextpad=0.4)
    for t in leg.get_texts():
        t.set_parse_math(False)
    page.y = bottom + 0.3


@dataclass(frozen=True)
class _Row:
    name: str
    latest_day: date
    latest: Score
    baseline_day: date
    baseline: Score


def _questionnaire_rows(record: PatientRecord, end: date) -> list[_Row]:
    rows = []
    ids = sorted({r.instrument_id for r in record.questionnaires}, key=lambda i: INSTRUMENTS[i].name)
    for instrument_id in ids:
        results = completed(record.questionnaires, instrument_id, end=end)
        if results:
            (b_day, base), (l_day, last) = results[0], results[-1]
            rows.append(_Row(INSTRUMENTS[instrument_id].name, l_day, last, b_day, base))
    return rows


def _band(score: Score) -> str:
    caveat = "*" if score.band and band_caveat(score.instrument_id, score.version) else ""
    return (score.band or "–").replace("_", " ") + caveat


def _questionnaires(page: _Page, record: PatientRecord, end: date) -> None:
    page.heading("Questionnaires")
    rows = _questionnaire_rows(record, end)
    if not rows:
        page.lines(["No questionnaire results yet."])
        return
    xs = [LEFT, LEFT + 0.9, LEFT + 2.35, LEFT + 3.6, LEFT + 6.05]
    page.columns(["Instrument", "Latest", "Band", "Baseline (first)", "Change"], xs, weight="bold", size=SMALL_PT)
    for row in rows:
        same = row.latest_day == row.baseline_day
        change = round_half_up(row.latest.total - row.baseline.total, 2)
        change_text = "–" if same else ("no change" if change == 0 else f"{'+' if change > 0 else '−'}"
                                                                        f"{score_text(abs(change))}")
        page.columns([row.name, f"{score_text(row.latest.total)} ({day_label(row.latest_day, year=True)})",
                      _band(row.latest),
                      "–" if same else f"{score_text(row.baseline.total)} {_band(row.baseline)} "
                                       f"({day_label(row.baseline_day, year=True)})",
                      change_text], xs)
    if any(band_caveat(r.latest.instrument_id, r.latest.version) for r in rows):
        page.lines([f"* PHQ-15 asked weekly with a 7-day recall (modified): {SEVEN_DAY_BAND_CAVEAT}."],
                   size=SMALL_PT, color=LIGHT.muted)


def _flags(record: PatientRecord, days, start: date, end: date) -> list[str]:
    flags = []
    for response in record.questionnaires:
        result = response.result
        if response.completed_at is None or result is None or not start <= response.completed_at.date() <= end:
            continue
        if "item9_positive" in result.flags:
            flags.append(FLAG_WORDS["item9_positive"].format(day=day_label(response.completed_at.date(), year=True)))
    for row in _questionnaire_rows(record, end):
        if row.latest_day < start:
            continue
        for flag in sorted(row.latest.flags - {"item9_positive"}):
            if flag in FLAG_WORDS:
                flags.append(FLAG_WORDS[flag].format(name=row.name, score=score_text(row.latest.total),
                                                     day=day_label(row.latest_day, year=True)))
    inside = [d for d in days if start <= d.day <= end]
    logged = sum(d.logged for d in inside)
    flare = sum(n for _, n in flare_runs(days, start, end))
    flags.append(f"Diary kept on {logged} of {n_days(start, end)} days; {flare} flare "
                 f"{'day' if flare == 1 else 'days'}.")
    momentary = [d.pain_now_max for d in inside if d.pain_now_max is not None]
    if momentary:
        flags.append(f"Momentary pain ('right now', extra check-ins) on {len(momentary)} "
                     f"{'day' if len(momentary) == 1 else 'days'}: the day's highest averaged "
                     f"{one_decimal(sum(momentary) / len(momentary))}; kept apart from the day's 24-hour pain.")
    weeks = [w.activity for w in weeks_of(days) if start <= w.monday and w.monday + timedelta(days=6) <= end]
    valid = [a for a in weeks if a.valid]
    if valid:
        met = sum(bool(a.who_aerobic_met) for a in valid)
        flags.append(f"WHO aerobic target (150 moderate-equivalent minutes, leisure-time activity only) reached in "
                     f"{met} of the {len(valid)} whole weeks with activity logged on at least 4 days.")
    maps = [d.regions for d in inside if d.regions is not None]
    if maps:
        share = sum(generalized_pain(m) for m in maps) / len(maps)
        wpi = sum(len(m) for m in maps) / len(maps)
        flags.append(f"Pain locations: on average {one_decimal(wpi)} of 19 regions; generalized pain (2016 rule) "
                     f"on {round_half_up_int(share * 100)}% of the {len(maps)} days with a body map.")
    return flags


def _signed(value: float) -> str:
    return f"{value:+.2f}".replace("-", "−")


def whose(label: str | None) -> str:
    """Whose diary the sentences speak of: the patient's own PDF says "your"; a clinician's names the patient
    ("Anna L.'s"), or says "their" when the label would not read as a name."""
    if label is None:
        return "your"
    label = label.strip()
    return f"{label}'s" if label and len(label) <= 40 else "their"


def _clear(associations: tuple[Association, ...]) -> list[Association]:
    """The associations worth a clinician's glance: at least small, and an interval (for the effective
    sample size) that excludes 0."""
    return sorted((a for a in associations if a.clear), key=lambda a: -abs(a.rho))[:3]


def _notes(record: PatientRecord, days, start: date, end: date) -> list[tuple[date, str]]:
    notes = [(d.day, note) for d in days if start <= d.day <= end for note in d.notes]
    return sorted(notes, reverse=True)[:MAX_NOTES]


def clinician_pdf(record: PatientRecord, *, today: date, start: date, end: date | None = None,
                  generated_at: datetime | None = None) -> bytes:
    """The one-page A4 summary of `record` for `start`…`end` (default: today) as PDF bytes.

    Args:
        record: the patient's record; its notes appear only if `record.notes_included`.
        today: the day the summary is made (achievement status is judged against it).
        start, end: the period, inclusive.
        generated_at: printed in the footer (None: the date only).
    """
    end = end or today
    days = period_days(record, start, end)
    fig = Figure(figsize=A4_IN, facecolor="white")
    FigureCanvasPdf(fig)
    page = _Page(fig)
    who = record.label or "Patient's own diary"
    page.text("Symptom diary summary", size=TITLE_PT, weight="bold", advance=0.3)
    page.text(f"{who}  ·  {day_label(start, year=True)} to {day_label(end, year=True)} "
              f"({span_words(start, end)})", size=HEAD_PT, advance=0.22)
    since = first_day(record)
    extra = f"Diary started {day_label(since, year=True)}. " if since else ""
    page.text(f"{extra}Self-reported data; associations below are not causes.", size=SMALL_PT,
              color=LIGHT.muted, advance=0.12)
    _goals(page, record, start, end)
    _charts(page, record, days, start, end)
    _questionnaires(page, record, end)
    page.heading("Flags")
    for flag in _flags(record, days, start, end):
        page.wrapped(flag, prefix="•  ")
    found = tuple(associations([d for d in days if start <= d.day <= end], whose=whose(record.label)))
    clear = _clear(found)
    if found:
        k, n = clear_count(found)
        page.heading("Associations in this period (exploratory; Spearman, 95% interval)")
        page.wrapped(f"{k} of {n} pairs tested showed a clear link (intervals for the effective number of days, "
                     "allowing for day-to-day carry-over); with this many tests some links appear by chance. "
                     "Associations, not causes.", size=SMALL_PT, width=int(WRAP_CHARS * BODY_PT / SMALL_PT))
        for a in clear:
            page.wrapped(f"{a.sentence[:-1]}; rho {_signed(a.rho)} ({_signed(a.ci_low)} to {_signed(a.ci_high)}; "
                         f"about {round_half_up_int(a.n_eff)} effective days).", prefix="•  ")
    if record.notes_included:
        notes = _notes(record, days, start, end)
        if notes:
            page.heading("Notes the patient shared (latest first)")
            for day, note in notes:
                if page.y > A4_IN[1] - 0.9:
                    break
                page.wrapped(_clip(" ".join(note.split()), 240), prefix=f"{day_label(day)}:  ", size=SMALL_PT,
                             width=int(WRAP_CHARS * BODY_PT / SMALL_PT))
    made = generated_at.strftime("%Y-%m-%d %H:%M") if generated_at else today.isoformat()
    fig.text(LEFT / A4_IN[0], 0.35 / A4_IN[1], f"Made {made} with diary {__version__}. One page; details in the app.",
             fontsize=SMALL_PT - 0.5, color=LIGHT.muted, parse_math=False)
    buffer = io.BytesIO()
    with _SAVE_LOCK, matplotlib.rc_context({"pdf.fonttype": 42}):
        fig.savefig(buffer, format="pdf", metadata={"Title": "Symptom diary summary", "Creator": f"diary {__version__}",
                                                    "Producer": None, "CreationDate": None})
    return buffer.getvalue()
