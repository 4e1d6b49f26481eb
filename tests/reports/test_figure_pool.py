"""Symptom charts drawn on a used figure (diary.reports.figure_pool) are byte for byte the ones drawn on a new
figure, whatever chart that figure drew before; a failed render never gives its figure back."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from diary.i18n import use_language
from diary.reports import charts, figure_pool
from diary.reports.chart_data import symptom_data
from diary.reports.charts import render
from tests.reports.sample_data import TODAY, year_of_days

# Every part a symptom chart may have or not: momentary ratings (pain), flares (365 days), few days, none,
# and both themes, drawn one after the other on the same kept figures.
CASES = [("pain", 365, False), ("fatigue", 28, False), ("pain", 7, True), ("stress", 84, True), ("pain", 0, False),
         ("pain", 84, False), ("stress", 365, False), ("fatigue", 365, True), ("pain", 28, True)]


@pytest.fixture(scope="module")
def days():
    return year_of_days()


def data_for(days, measure: str, n: int):
    if n == 0:  # an empty period: the note in the middle, no dots, no legend entries for flares
        return symptom_data([], measure=measure, start=TODAY - timedelta(days=27), end=TODAY)
    return symptom_data(days, measure=measure, start=TODAY - timedelta(days=n - 1), end=TODAY)


def on_a_new_figure(data, dark: bool, **options) -> bytes:
    figure_pool.clear()
    try:
        return render(data, dark=dark, **options).png
    finally:
        figure_pool.clear()


@pytest.mark.parametrize("language", ["en", "sv"])
def test_a_used_figure_draws_the_same_bytes_as_a_new_one(days, language):
    use_language(language)
    figure_pool.clear()
    used = [render(data_for(days, m, n), dark=dark).png for m, n, dark in CASES]  # each on the last one's figure
    assert used == [on_a_new_figure(data_for(days, m, n), dark) for m, n, dark in CASES]


def test_a_chart_drawn_larger_gets_its_own_figure_and_leaves_the_kept_ones_alone(days):
    data = data_for(days, "pain", 84)
    figure_pool.clear()
    before = render(data).png
    larger = render(data, text_scale=1.5).png
    assert larger != before and larger == on_a_new_figure(data, False, text_scale=1.5)
    assert render(data).png == before


def test_a_render_that_fails_does_not_give_its_figure_back(days, monkeypatch):
    data = data_for(days, "pain", 365)
    expected = on_a_new_figure(data, False)
    real_legend = charts.legend

    def failing_legend(*args, **kwargs):
        real_legend(*args, **kwargs)  # the figure has the chart's artists and a legend
        raise RuntimeError("drawing failed")

    monkeypatch.setattr(charts, "legend", failing_legend)
    with pytest.raises(RuntimeError):
        render(data)
    monkeypatch.undo()
    assert render(data).png == expected


def test_charts_drawn_on_several_threads_at_once_are_the_ones_drawn_one_by_one(days):
    datas = [(data_for(days, m, n), dark) for m, n, dark in CASES]
    expected = [on_a_new_figure(data, dark) for data, dark in datas]
    results: dict[int, list[bytes]] = {}

    def draw(worker: int) -> None:
        results[worker] = [render(data, dark=dark).png for data, dark in datas]

    threads = [threading.Thread(target=draw, args=(worker,)) for worker in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(results[worker] == expected for worker in range(3))
