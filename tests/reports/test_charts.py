"""Charts: PNG bytes at phone size, light and dark, deterministic, each with a one-sentence summary."""

import struct
import subprocess
import sys
from datetime import timedelta

import pytest

from diary.domain.days import DayValues
from diary.reports.body_heatmap import body_heatmap
from diary.reports.charts import activity_chart, goal_chart, phq15_chart, symptom_chart, symptom_summary
from diary.reports.overview import CHART_ORDER, PERIODS, trend_view
from diary.reports.series import PlanDose
from diary.domain.plans import Intensity
from tests.reports.sample_data import TODAY, goals_and_ratings, questionnaire_responses, year_of_days

START = TODAY - timedelta(days=83)


def png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", png[16:24])


@pytest.fixture(scope="module")
def days():
    return year_of_days()


class TestSymptomChart:
    def test_phone_sized_png_with_summary(self, days):
        chart = symptom_chart(days, measure="pain", start=START, end=TODAY)
        assert png_size(chart.png) == (720, 440)
        assert chart.summary.startswith("Pain averaged ") and "over the last 12 weeks" in chart.summary
        assert chart.summary.endswith(".")

    def test_light_and_dark_differ_and_are_deterministic(self, days):
        light = symptom_chart(days, measure="fatigue", start=START, end=TODAY)
        again = symptom_chart(days, measure="fatigue", start=START, end=TODAY)
        dark = symptom_chart(days, measure="fatigue", start=START, end=TODAY, dark=True)
        assert light.png == again.png
        assert dark.png != light.png and dark.summary == light.summary

    def test_summary_compares_with_the_period_before(self):
        def d(offset, pain):
            return DayValues(day=TODAY - timedelta(days=offset), n_checkins=1, pain=pain)

        days = [d(i, 5.0 if i % 2 else 5.4) for i in range(28)] + [d(i, 6.1) for i in range(28, 56)]
        text = symptom_summary(days, "pain", TODAY - timedelta(days=27), TODAY)
        assert text == "Pain averaged 5.2 over the last 4 weeks (28 days rated), down from 6.1 in the 4 weeks before."

    def test_no_comparison_with_too_few_days_before(self):
        days = [DayValues(day=TODAY - timedelta(days=i), n_checkins=1, pain=4.0) for i in range(30)]
        assert "before" not in symptom_summary(days, "pain", TODAY - timedelta(days=27), TODAY)

    def test_flare_days_are_counted(self, days):
        assert "flare day" in symptom_chart(days, measure="pain", start=START, end=TODAY).summary

    def test_empty_period(self):
        chart = symptom_chart([], measure="stress", start=START, end=TODAY)
        assert chart.summary == "No stress ratings in this period."
        assert png_size(chart.png) == (720, 440)

    def test_unknown_measure(self, days):
        with pytest.raises(ValueError, match="pain, fatigue or stress"):
            symptom_chart(days, measure="joy", start=START, end=TODAY)


class TestOtherCharts:
    def test_activity_against_the_plan(self, days):
        chart = activity_chart(days, start=START, end=TODAY, dose=PlanDose(130, Intensity.LIGHT))
        assert chart.summary.startswith("You were active ") and "reached the plan's 130 minutes of activity" \
            in chart.summary

    def test_phq15_weekly_with_bands(self):
        chart = phq15_chart(questionnaire_responses(), start=START, end=TODAY)
        assert chart.summary == "PHQ-15 was 7 (low) on 14 Mar 2026, down 7 from 14 on 27 Dec 2025."

    def test_goals_with_t_score(self):
        goals, ratings = goals_and_ratings()
        chart = goal_chart(goals, ratings, start=START, end=TODAY)
        # One rater (the physiotherapist, who rated the main goal); the two steps they rated at +1 and 0:
        # T = 50 + 10·1/√(0.7·2 + 0.3·4) = 56.20; at the start both at −2: 50 − 40/√2.6 = 25.19.
        assert chart.summary.startswith("From the physiotherapist's ratings: T-score of the intermediate goals 56.2 "
                                        "on 10 Mar 2026, up from 25.2 on 28 Dec 2025")
        assert chart.summary.endswith("3 of 4 goals rated in this period.")  # the patient's rating is not drawn
        assert chart.data.rater == "physiotherapist"

    def test_no_goals(self):
        assert goal_chart([], [], start=START, end=TODAY).summary == "No goal ratings in this period."

    def test_body_heatmap_names_the_commonest_regions(self, days):
        chart = body_heatmap(days, start=START, end=TODAY)
        assert chart.summary.startswith("Over ") and "pain was most often in the lower back" in chart.summary
        assert body_heatmap([], start=START, end=TODAY).summary == "No body map entries in this period."


class TestTrendView:
    @pytest.mark.parametrize("period", list(PERIODS))
    def test_every_period_gives_every_chart(self, record, today, period):
        view = trend_view(record, today=today, period=period, only=("pain", "activity"))
        assert list(view.charts) == ["pain", "activity"]
        assert view.end == today
        assert all(c.summary.endswith(".") for c in view.charts.values())

    def test_all_charts_in_order(self, record, today):
        view = trend_view(record, today=today, period="4w")
        assert tuple(view.charts) == CHART_ORDER
        assert "90 minutes of moderate or harder activity" in view.charts["activity"].summary
        assert view.associations and all("(n = " in a.sentence for a in view.associations)

    def test_unknown_chart(self, record, today):
        with pytest.raises(ValueError, match="Unknown chart"):
            trend_view(record, today=today, period="4w", only=("mood",))


def test_charts_never_load_pyplot_or_change_the_backend():
    code = ("import sys, matplotlib; before = dict.__getitem__(matplotlib.rcParams, 'backend'); "
            "from tests.reports.sample_data import year_of_days, TODAY; "
            "from diary.reports.charts import symptom_chart; from datetime import timedelta; "
            "symptom_chart(year_of_days(), measure='pain', start=TODAY - timedelta(days=27), end=TODAY); "
            "import diary.reports.summary_pdf; "
            "assert 'matplotlib.pyplot' not in sys.modules, 'pyplot was imported'; "
            "assert dict.__getitem__(matplotlib.rcParams, 'backend') == before")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=".")
    assert result.returncode == 0, result.stderr
