"""The heat map draws every WPI region of the shared body layout (diary/domain/body_layout.py), named as
in the app."""

from diary.domain.regions import REGIONS
from diary.reports import body_heatmap as heat
from diary.ui import text as T


def test_every_region_is_drawn_once_and_named_as_in_the_app():
    assert set(heat.FRONT) | set(heat.BACK) == set(REGIONS) and not set(heat.FRONT) & set(heat.BACK)
    assert list(heat.REGION_NAMES) == list(REGIONS)
    assert T.__getattr__.messages["REGION_NAMES"] is heat.REGION_NAMES  # one list of (source) names


def test_most_frequent_leaves_out_regions_that_never_hurt():
    shares = {r: 0.0 for r in REGIONS} | {"neck": 0.5, "chest": 0.75, "abdomen": 0.5}
    assert heat.most_frequent(shares, k=5) == [("chest", 0.75), ("neck", 0.5), ("abdomen", 0.5)]
