"""The heat map draws the same body as the app's body map (reports may not import Flet, so the
rectangles are copied; this test keeps the copies equal)."""

from diary.domain.regions import REGIONS
from diary.reports import body_heatmap as heat
from diary.ui import text as T
from diary.ui.components import body_map


def test_rectangles_match_the_body_map():
    assert heat.FRONT == body_map.FRONT
    assert heat.BACK == body_map.BACK
    assert heat.BACK_OUTLINE == body_map.BACK_OUTLINE
    assert heat.HEAD == body_map.HEAD
    assert (heat.FIGURE_W, heat.FIGURE_H) == (body_map.FIGURE_W, body_map.FIGURE_H)


def test_every_region_is_drawn_and_named_as_in_the_app():
    assert set(heat.FRONT) | set(heat.BACK) == set(REGIONS)
    assert heat.REGION_NAMES == T.REGION_NAMES


def test_most_frequent_leaves_out_regions_that_never_hurt():
    shares = {r: 0.0 for r in REGIONS} | {"neck": 0.5, "chest": 0.75, "abdomen": 0.5}
    assert heat.most_frequent(shares, k=5) == [("chest", 0.75), ("neck", 0.5), ("abdomen", 0.5)]
