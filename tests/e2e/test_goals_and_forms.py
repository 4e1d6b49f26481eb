"""Goals and a weekly questionnaire, in a real browser at phone size."""

import pytest

from tests.e2e.conftest import PHONE

pytestmark = pytest.mark.e2e


def test_phq15_at_phone_size(start_app, app_page):
    server = start_app()
    app = app_page(server.url, PHONE, "phq15-phone")
    app.see("Start-of-diary questionnaires (4, about 10 minutes)")  # day one: one item, not four
    app.screenshot("baseline-on-today")
    app.tab("Forms")
    app.page.get_by_role("button", name="Start").first.dispatch_event("click")  # PHQ-15 comes first
    app.see("Question 1 of 15")
    app.screenshot("first-question")
    for question in range(15):
        app.see(f"Question {question + 1} of 15")
        app.tap("Does not apply to me" if question == 3 else "Bothered a little")
    app.tap("Finish and see my score")
    app.see("Score 14 of 30")
    app.see("Medium (bands validated for the 4-week version)")
    app.screenshot("result")


def test_goals_at_phone_size(start_app, app_page):
    server = start_app()
    app = app_page(server.url, PHONE, "goals-phone")
    app.tab("Goals")
    app.tap("Add a main goal")
    app.fill("Goal", "Walk to work again")
    for label, text in (("−2 much less than expected", "Takes the bus"), ("−1 somewhat less", "Walks once a week"),
                        ("0 as expected", "Walks 3 days a week"), ("+1 somewhat more", "Walks 4 days a week"),
                        ("+2 much more than expected", "Walks every day")):
        app.fill(label, text)
    app.tap("Save")
    app.see("Saved the goal \"Walk to work again\".")
    for step in ("Walk 30 minutes", "Stretch every morning"):
        app.tap("Add a step")
        app.fill("Goal", step)
        app.tap("Save")
        app.see(f"Saved the goal \"{step}\".")
    app.screenshot("goals")
    for walk, stretch in (("Walk to work again: −1  Walks once a week", "Stretch every morning: Not attained"),
                          ("Walk to work again: 0  Walks 3 days a week", "Stretch every morning: Partially attained")):
        app.tap("Rate my goals")
        app.tap(walk)
        app.tap(stretch)
        app.tap("Save ratings")
        app.see("Saved 2 ratings.")
    app.see("T-score of the steps 40.0")
    app.scroll(300)
    app.see("Fully attained (level 0")
    app.screenshot("rated")
    app.fill("Activity", "Walk")
    app.fill("Minutes per session", "30")
    app.fill("Times a week", "3")
    app.tap("Add activity")
    app.see("Walk · 30 min, 3 times a week")
    app.screenshot("plan")
    app.check()
