"""Goals screen handlers, in-process: add goals, rate them, edit, the plan, and the Today prompt."""

from datetime import timedelta
from tests.ui.conftest import open_screen



def open_goals(ui):
    open_screen(ui, "goals")


def fill_levels(ui):
    for level, text in {-2: "No walks", -1: "10 min twice a week", 0: "30 min 3 times a week",
                        1: "40 min 3 times", 2: "40 min 4 times"}.items():
        ui.type(f"goal-level-{level}", text)


class TestGoalsScreen:
    def test_create_main_goal_with_steps_and_rate_twice(self, ui, diary, clock):
        open_goals(ui)
        ui.click("add-main-goal")
        ui.type("goal-title", "Walk to work again")
        ui.type("goal-target-date", (clock.now.date() + timedelta(days=60)).isoformat())
        fill_levels(ui)
        ui.click("goal-save")
        assert "Saved the goal" in ui.find("goals-message").value
        [tree] = diary.goals.overview()
        main = tree.main.goal
        assert main.levels[0] == "30 min 3 times a week" and main.baseline_level == -1

        for title in ("Walk 30 minutes", "Stretch every morning"):
            ui.click(f"add-step-{main.id}")
            ui.type("goal-title", title)
            ui.click("goal-save")
        [tree] = diary.goals.overview()
        step_a, step_b = (s.goal for s in tree.steps)

        for main_level, cat in ((-1, "not"), (0, "partially")):
            ui.click("rate-goals")
            ui.click(f"rate-{main.id}-{main_level}")
            ui.click(f"rate-{step_b.id}-{cat}")
            ui.click("save-ratings")
            assert ui.find("goals-message").value == "Saved 2 ratings."
            clock.now += timedelta(days=7)
        open_goals(ui)
        assert ui.find(f"goal-rating-{main.id}").value.startswith("Fully attained (level 0: 30 min 3 times a week)")
        assert ui.find(f"goal-progress-{main.id}").value.startswith("Achieved")
        assert ui.find(f"goal-progress-{step_b.id}").value.startswith("Improving")
        # issue 15 §3: the main goal's level apart; the one rated step at −1 alone: 50 + 10·(−1) = 40
        assert ui.find("t-score").value == ("From your ratings: main goal fully attained (level 0) · T-score of the "
                                            "steps 40.0 (50 = as expected; the main goal is not in it)")
        assert step_a.title == "Walk 30 minutes"

    def test_bad_input_is_explained_and_nothing_stored(self, ui, diary):
        open_goals(ui)
        ui.click("add-main-goal")
        ui.click("goal-save")
        assert ui.find("goal-status").value == "The goal's title is required."
        ui.type("goal-title", "Walk")
        ui.type("goal-target-date", "2020-01-01")
        ui.click("goal-save")
        assert "is before the start" in ui.find("goal-status").value
        ui.type("goal-target-date", "next week")
        ui.click("goal-save")
        assert "not a real date" in ui.find("goal-status").value
        ui.type("goal-target-date", "")
        ui.type("goal-level-0", "only one level")
        ui.click("goal-save")
        assert "Describe all five levels or none" in ui.find("goal-status").value
        assert diary.goals.overview() == []

    def test_rating_with_physiotherapist_is_recorded_as_theirs(self, ui, diary):
        g = diary.goals.add_goal(type="main", title="Walk")
        open_goals(ui)
        ui.click("rate-goals")
        ui.click(f"rate-{g.id}-fully")
        ui.change("with-physio", True)
        ui.click("save-ratings")
        [rating] = diary.goals._repo.ratings()
        assert rating.rater.value == "physiotherapist" and rating.category.value == "fully"

    def test_saving_without_a_choice_says_what_to_do(self, ui, diary):
        diary.goals.add_goal(type="main", title="Walk")
        open_goals(ui)
        ui.click("rate-goals")
        ui.click("save-ratings")
        assert ui.find("rate-status").value.startswith("Tap a level")
        assert diary.goals._repo.ratings() == []

    def test_edit_and_delete_goal(self, ui, diary):
        g = diary.goals.add_goal(type="main", title="Walk")
        open_goals(ui)
        ui.click(f"edit-goal-{g.id}")
        ui.type("goal-title", "Walk further")
        ui.click("goal-save")
        assert diary.goals.goal(g.id).title == "Walk further"
        ui.click(f"edit-goal-{g.id}")
        ui.click("delete-goal")
        assert diary.goals.overview() == []

    def test_plan_add_show_and_remove(self, ui, diary):
        open_goals(ui)
        ui.type("activity-name", "Walk")
        ui.type("activity-minutes", "30")
        ui.type("activity-times", "3")
        ui.click("add-activity")
        [activity] = diary.goals.activities()
        assert activity.dose == "30 min, 3 times a week"
        assert ui.find(f"activity-progress-{activity.id}").value == "0 of 3 this week"
        ui.click(f"remove-activity-{activity.id}")
        assert diary.goals.activities() == []

    def test_plan_bad_input(self, ui, diary):
        open_goals(ui)
        ui.type("activity-name", "Walk")
        ui.click("add-activity")
        assert ui.find("plan-status").value == "Give the minutes per session for an aerobic activity."
        assert diary.goals.activities() == []


class TestTodayPrompt:
    def test_weekly_prompt_opens_rating(self, open_ui, diary, clock):
        g = diary.goals.add_goal(type="main", title="Walk")
        clock.now += timedelta(days=7)
        ui = open_ui()
        ui.click("rate-goals-now")
        ui.click(f"rate-{g.id}-partially")
        ui.click("save-ratings")
        assert len(diary.goals._repo.ratings()) == 1

    def test_no_prompt_on_a_flare_day(self, open_ui, diary, clock):
        diary.goals.add_goal(type="main", title="Walk")
        clock.now += timedelta(days=7)
        diary.log.record(flare=True)
        ui = open_ui()
        assert not ui.find_all(lambda c: getattr(c, "key", None) == "rating-prompt")


def test_a_goal_without_levels_can_be_rated_worse_than_at_the_start(ui, diary):
    """Issue 15 §3: "not attained" is the baseline (−1: no change); "worse" is said apart and scores −2."""
    main = diary.goals.add_goal(type="main", title="Walk to work")
    step = diary.goals.add_goal(type="intermediate", title="Stretch", main_goal_id=main.id)
    open_goals(ui)
    ui.click("rate-goals")
    ui.click(f"rate-{step.id}--2")
    ui.click("save-ratings")
    [rating] = diary.goals.all_ratings()
    assert (rating.level, rating.category.value, rating.rated_worse) == (-2, "not", True)
    assert diary.goals.standing().t_score == 30.0  # one step at −2 (a plain "not attained" would be −1: 40)
    open_goals(ui)
    assert ui.find(f"goal-rating-{step.id}").value.startswith("Worse than at the start")


class TestNewcomersFaults:
    def test_the_chosen_answer_is_filled_outlined_and_ticked_not_only_bold(self, ui, diary):
        import flet as ft

        g = diary.goals.add_goal(type="main", title="Walk")
        open_goals(ui)
        ui.click("rate-goals")
        ui.click(f"rate-{g.id}-fully")
        chosen, other = ui.find(f"rate-{g.id}-fully"), ui.find(f"rate-{g.id}-partially")
        assert chosen.icon == ft.Icons.CHECK_CIRCLE and chosen.style.bgcolor == ft.Colors.PRIMARY_CONTAINER
        assert chosen.content.semantics_label.endswith(", selected")
        assert other.icon is None and other.style.bgcolor is None
        ui.click(f"rate-{g.id}-partially")
        assert ui.find(f"rate-{g.id}-fully").icon is None and ui.find(f"rate-{g.id}-partially").icon

    def test_a_goals_status_line_is_words_without_coloured_blocks(self, ui, diary):
        import flet as ft

        g = diary.goals.add_goal(type="main", title="Walk")
        diary.goals.rate(g.id, category="partially", rater="patient")
        open_goals(ui)
        tile = ui.find(f"goal-{g.id}")
        blocks = [c for c in ui.find_all(lambda c: isinstance(c, ft.Container) and c.bgcolor and (c.width or 99) < 10)]
        assert not blocks and ui.find(f"goal-progress-{g.id}").value and tile
