"""The chat's Timeline view and its offer, over a real on-disk store of the fixture story (fake embedder)."""

from __future__ import annotations

import re
from datetime import date

from ui import timeline_view

AS_OF = date(2017, 4, 1)


def test_events_in_date_order_each_cited_and_opening_its_article(story_services):
    html, points = timeline_view.show_timeline(story_services, "Old Mill bridge", as_of=AS_OF)
    dated = html.split("nd-undated-head")[0]
    days = re.findall(r'data-day="([\d-]+)"', dated)
    assert days == ["2017-02-20", "2017-02-28", "2017-03-13", "2017-03-16"]
    assert dated.count('<details class="nd-read">') == 4  # every line opens its article
    assert "Riverside Gazette" in dated and "Council votes to shut Old Mill bridge" in dated
    # the quoted sentence is highlighted in the reader
    assert '<mark class="nd-read-quote">Engineers found cracks in the Old Mill bridge piers on Feb. 20' in dated
    assert "Also reported by" in dated  # the syndicated pair is one event
    assert "Undated (1)" in html and "The long life of the Old Mill bridge" in html.split("nd-undated-head")[1]
    assert "storm" not in html.lower()
    assert list(points["outlet"])[0] == "Valley Times" and len(points) == 4
    assert [d.date() for d in points["date"]] == [date(2017, 2, 20), date(2017, 2, 28), date(2017, 3, 13),
                                                  date(2017, 3, 16)]
    assert set(points["dated by"]) == {"day named in the text"}


def test_the_chats_filters_apply_and_bad_ones_are_one_line(story_services):
    html, points = timeline_view.show_timeline(story_services, "Old Mill bridge", "2017-03-01", "2017-03-14",
                                               [], as_of=AS_OF)
    assert re.findall(r'data-day="([\d-]+)"', html.split("nd-undated-head")[0]) == ["2017-03-13"]
    assert "1 Mar 2017 – 14 Mar 2017" in html
    html, points = timeline_view.show_timeline(story_services, "Old Mill bridge", "March", None, [])
    assert "nd-error" in html and "From" in html and points.empty
    html, _ = timeline_view.show_timeline(story_services, "Old Mill bridge", "2017-03-10", "2017-03-01", [])
    assert "impossible date range" in html


def test_nothing_about_the_topic_and_no_topic(story_services):
    html, points = timeline_view.show_timeline(story_services, "Samsung heir arrested", as_of=AS_OF)
    assert "No article in the archive is about" in html and points.empty
    assert "nd-error" in timeline_view.show_timeline(story_services, "  ")[0]


def test_article_text_is_escaped(story_services, tmp_path):
    hostile = tmp_path / "hostile" / "bridge-markup.txt"
    hostile.parent.mkdir()
    hostile.write_text("Old Mill bridge <b>markup</b>\nDate: 2017-03-20\nSource: Valley Times\n\nThe Old Mill bridge "
                       "reopened <script>alert(1)</script> to traffic yesterday.\n", encoding="utf-8")
    story_services.indexer.ingest([hostile])
    html, _ = timeline_view.show_timeline(story_services, "Old Mill bridge", as_of=AS_OF)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>" not in html
    assert "<b>markup</b>" not in html


def test_the_offer_follows_the_last_question():
    chat = [{"role": "user", "content": [{"type": "text", "text": "How did the Old Mill bridge story develop?"}]},
            {"role": "assistant", "content": "…"}]
    button, topic = timeline_view.timeline_offer(timeline_view.last_question(chat))
    assert button["visible"] is True and topic == "Old Mill bridge story"
    assert button["value"] == "Show as timeline: Old Mill bridge story"
    button, topic = timeline_view.timeline_offer(timeline_view.last_question(
        chat + [{"role": "user", "content": "When did the bridge close?"}]))
    assert button["visible"] is False and topic is None
    assert timeline_view.last_question([]) == ""


def test_the_chart_leaves_room_at_both_ends(story_services):
    _, points = timeline_view.show_timeline(story_services, "Old Mill bridge", as_of=AS_OF)
    low, high = timeline_view.chart_x_lim(points)
    day = 86_400  # seconds: Gradio multiplies a date axis's limits by 1000 (found when they were given in ms)
    assert low <= points["date"].min().timestamp() - day and high >= points["date"].max().timestamp() + day
    assert high - low < 60 * day
    assert timeline_view.chart_x_lim(points.iloc[0:0]) is None


def test_a_month_or_week_event_shows_its_period_not_a_made_up_day():
    from dataclasses import replace

    from qa.timeline import EVENT, TimelineEvent

    event = TimelineEvent(date(2016, 12, 1), EVENT, "In December", "Amri drove a truck into the market.",
                          citation=None, date_precision="month")  # type: ignore[arg-type]
    assert timeline_view._period(event) == "Dec 2016"
    assert timeline_view._period(replace(event, date_precision="week")).startswith("week of ")
    assert timeline_view._period(replace(event, date_precision="day")) == "1 Dec 2016"
