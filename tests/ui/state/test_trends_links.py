"""The Trends screen's links: only clear ones listed, and how many of the pairs tested they are (issue 15 §5)."""

from diary.reports.correlations import Association
from diary.ui.state.trends import association_lines


def link(rho, low, high, x="stress"):
    return Association(x, "pain", 0, rho, 40, low, high, f"{x} and pain ({rho})", n_eff=20.0)


def test_clear_links_strongest_first_and_k_of_n_pairs_tested():
    found = [link(0.3, 0.05, 0.55), link(-0.6, -0.8, -0.3, "activity"), link(0.4, -0.1, 0.7), link(0.05, -0.2, 0.3)]
    sentences, summary = association_lines(found)
    assert sentences == ["activity and pain (-0.6)", "stress and pain (0.3)"]
    assert summary.startswith("2 of 4 pairs tested showed a clear link.") and "by chance" in summary


def test_nothing_to_test_yet():
    assert association_lines([]) == ([], "Links appear once there are at least 14 days with both things logged in "
                                         "this period.")
