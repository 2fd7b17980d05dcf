"""RSS and Atom feeds: an article per entry, broken XML reported, salvageable entries kept."""

from __future__ import annotations

from readers_helpers import split

from index.readers import read_file


def test_rss_entries_become_articles(fixtures):
    articles, failures = split(read_file(fixtures / "world.rss"))
    assert failures == []
    assert [a.title for a in articles] == ["Glacier research station reopens after winter storms",
                                           "Island council votes to ban single-use plastic bags"]
    glacier, bags = articles
    # content:encoded wins over the short description; markup and scripts are gone.
    assert glacier.body.startswith("The Halvard glacier research station reopened")
    assert "ice-core samples" in glacier.body and "<b>" not in glacier.body and "alert" not in glacier.body
    assert "\n\nRepairs took six weeks." in glacier.body
    assert glacier.published == "2017-03-14"  # the date as written, not shifted to UTC
    assert glacier.author == "Priya Anand"
    assert glacier.url == glacier.id == "https://northwind.example/world/2017/03/14/glacier-station"
    assert glacier.source == "Northwind Wire - World"
    assert bags.body == ("The council of Marrow Island voted seven to two on Sunday to ban single-use plastic "
                         "bags from June.\n\nShops that break the rule face fines.")
    assert bags.published == "2017-03-12"


def test_atom_entries_become_articles(fixtures):
    articles, failures = split(read_file(fixtures / "science.atom"))
    assert failures == []
    comet, seeds = articles
    assert comet.title == "Amateur astronomers spot a new comet"
    assert comet.body == ("Two amateur astronomers in the hills above Valdera spotted a faint comet on Wednesday "
                          "night.\n\nObservatories have since confirmed the sighting.")
    assert (comet.published, comet.author, comet.source) == ("2017-01-19", "Tomas Reyes", "Meridian Science Desk")
    assert seeds.published == "2017-01-17"  # no <published>: falls back to <updated>
    assert seeds.body.startswith("A northern seed bank")


def test_feed_with_known_outlet_links_uses_the_outlet_name(tmp_path, fixtures):
    text = (fixtures / "world.rss").read_text(encoding="utf-8").replace("https://northwind.example/", "https://tass.com/")
    path = tmp_path / "tass.xml"
    path.write_text(text, encoding="utf-8")
    articles, _ = split(read_file(path))
    assert {a.source for a in articles} == {"TASS"}


def test_malformed_xml_without_entries_is_a_failure(tmp_path):
    path = tmp_path / "broken.rss"
    path.write_text('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>X</title>\n<item><title>A</ti',
                    encoding="utf-8")
    articles, failures = split(read_file(path))
    assert articles == []
    assert failures and all(f.path == str(path) for f in failures)
    assert failures[0].error.startswith("malformed feed XML: ")
    assert "line 3" in failures[0].error


def test_broken_feed_keeps_the_entries_it_could_parse(tmp_path, fixtures):
    text = (fixtures / "world.rss").read_text(encoding="utf-8").replace("</channel>", "<oops></channel>")
    path = tmp_path / "sloppy.rss"
    path.write_text(text, encoding="utf-8")
    articles, [failure] = split(read_file(path))
    assert len(articles) == 2
    assert failure.error.startswith("malformed feed XML: ") and failure.error.endswith("(2 entries recovered)")


def test_xml_that_is_not_a_feed(tmp_path):
    path = tmp_path / "config.xml"
    path.write_text('<?xml version="1.0"?><settings><colour>blue</colour></settings>', encoding="utf-8")
    [], [failure] = split(read_file(path))
    assert failure.error == "XML that is not an RSS or Atom feed"


def test_entry_without_text_is_reported_and_others_kept(tmp_path):
    path = tmp_path / "partial.rss"
    path.write_text('<rss version="2.0"><channel><title>T</title>'
                    '<item><title>Empty one</title><link>https://t.example/1</link></item>'
                    '<item><title>Full one</title><description>Real text here.</description></item>'
                    '</channel></rss>', encoding="utf-8")
    [article], [failure] = split(read_file(path))
    assert article.title == "Full one"
    assert failure.path == str(path) and "entry 1" in failure.error and "has no text" in failure.error


def test_feed_without_extension_is_sniffed(tmp_path, fixtures):
    path = tmp_path / "feed"
    path.write_bytes((fixtures / "science.atom").read_bytes())
    articles, failures = split(read_file(path))
    assert len(articles) == 2 and failures == []
