"""The first screen's weight (issue 17, P1): what Today sends first, what follows, and the warm-up."""

import asyncio

import flet as ft
import pytest

from diary.ui.app import RAIL, warm_up_first_screen
from diary.ui.components.display import Display
from tests.flet_harness import FletHarness
from tests.platform.test_seams import run


def keys_in(body) -> set[str]:
    """Every control key in a message body."""
    found: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("key"), str):
                found.add(node["key"])
            for value in node.values():
                walk(value)
        elif isinstance(node, (list, tuple)):
            for value in node:
                walk(value)

    walk(body)
    return found


def screen_messages(ui: FletHarness) -> list[set[str]]:
    return [keys_in(body) for action, body in ui.messages if "PATCH_CONTROL" in str(action)]


def test_on_a_phone_the_items_below_the_fold_follow_the_first_screen(open_ui):
    ui = open_ui(390, 844)
    first, *later = screen_messages(ui)
    assert {"editor-heading", "pain-0", "region-neck", "save"} <= first
    assert not {"stress-0", "note", "moderate_min"} & first
    assert {"stress-0", "note", "moderate_min"} <= set().union(*later)
    ui.click("stress-4")  # and they work as before
    assert ui.find("stress-answer").value == "4 / 10"


def test_on_a_wide_screen_everything_comes_at_once(open_ui):
    ui = open_ui(1280, 800)
    first = screen_messages(ui)[0]
    assert {"editor-heading", "pain-0", "region-neck", "stress-0", "note", "worry-10", "save"} <= first


def test_the_rail_s_destinations_are_sent_only_where_the_rail_shows(open_ui):
    ui = open_ui(390, 844)
    assert ui.find("nav-rail").destinations == []  # invisible on a phone: not in its first message
    ui.resize(1280, 800)
    assert len(ui.find("nav-rail").destinations) == len(RAIL)
    ui.change("nav-rail", 2)
    assert ui.find("nav-rail").selected_index == 2 and ui.find("nav-bar").selected_index == 2
    ui.resize(390, 844)
    assert ui.find("nav-rail").destinations == [] and ui.find("nav-bar").visible


def test_what_was_chosen_before_the_rest_came_is_kept(open_ui, diary):
    ui = open_ui(390, 844)
    ui.click("pain-3")
    ui.click("stress-5")
    ui.click("save")
    [saved] = diary.log.checkins_on(diary.log.today())
    assert (saved.pain, saved.stress) == (3, 5)


def test_a_scale_cell_is_one_tappable_container_named_by_its_semantics(ui):
    cell = ui.find("pain-6")
    assert isinstance(cell, ft.Container) and cell.on_click is not None
    assert isinstance(cell.parent, ft.Semantics) and cell.parent.button
    assert cell.content.semantics_label == "Pain 6"


class FakePage:
    web = True


def test_a_browser_is_waited_for_until_it_has_drawn_the_page_once():
    async def scenario():
        display, page = Display(), FakePage()
        waiting = asyncio.ensure_future(display.laid_out(page, timeout=5))
        await asyncio.sleep(0.01)
        assert not waiting.done()
        display.measured.set()  # what the text-size probe's first report does
        await asyncio.wait_for(waiting, 1)

    run(scenario())  # on a loop of its own thread: an end-to-end run keeps Playwright's loop on this one


def test_a_browser_that_never_reports_is_waited_for_only_a_moment():
    async def scenario():
        await asyncio.wait_for(Display().laid_out(FakePage(), timeout=0.05), 1)

    run(scenario())  # on a loop of its own thread: an end-to-end run keeps Playwright's loop on this one


@pytest.mark.english_only
def test_the_warm_up_builds_today_and_writes_nothing(diary):
    diary.finish_welcome()
    before = diary.log.checkins_on(diary.log.today())
    warm_up_first_screen(diary)
    assert diary.log.checkins_on(diary.log.today()) == before
