"""Plain text and Markdown: headline, repeated headlines, header lines, no date."""

from __future__ import annotations

import pytest
from readers_helpers import split

from index.readers import read_file
from index.readers.text import parse_text_article


def test_shared_sample_has_one_title_and_an_intact_body(sample_article):
    [article], failures = split(read_file(sample_article))
    assert failures == []
    assert article.title == "Anti-ISIL coalition slams Russia on Syria raids"
    assert article.body.startswith("Russia continued air strikes")
    assert "Anti-ISIL coalition slams Russia" not in article.body
    assert "Davutoğlu" in article.body
    assert article.published is None
    assert article.id.startswith("sha:")
    assert article.path == str(sample_article)


def test_headline_repeated_and_glued_to_first_paragraph(fixtures):
    [article], _ = split(read_file(fixtures / "repeated-headline.txt"))
    assert article.title == "Fishing quotas cut for a second year"
    assert article.body.startswith("Fisheries ministers agreed on Tuesday")
    assert article.body.count("Fishing quotas cut") == 0
    assert article.body.endswith("part of the season.")
    assert article.published is None and article.source is None and article.url is None


def test_markdown_heading_and_header_lines(fixtures):
    [article], _ = split(read_file(fixtures / "council-budget.md"))
    assert article.title == "Council passes a leaner budget for 2017"
    assert article.published == "2017-01-27"
    assert article.source == "Harbourside Times"
    assert article.author == "Jane Doe"
    assert article.body.startswith("The city council passed a budget")
    assert "Date:" not in article.body and "By Jane" not in article.body
    assert "\n\nCouncillors argued" in article.body


def test_extensionless_file_is_read_as_text(fixtures):
    [article], _ = split(read_file(fixtures / "bulletin"))
    assert article.title == "Road closed for bridge inspection"
    assert article.body.startswith("The coast road between Lindholm and Esker")


def test_front_matter_block():
    text = ("---\ntitle: Tram line extended to the airport\ndate: 2017-03-09\nsource: Metro Daily\n"
            "url: https://metro.example/trams\n---\n\nThe tram line now runs to the airport terminal.\n")
    article = parse_text_article(text, "tram.md")
    assert article.title == "Tram line extended to the airport"
    assert (article.published, article.source, article.url) == ("2017-03-09", "Metro Daily",
                                                                 "https://metro.example/trams")
    assert article.id == "https://metro.example/trams"
    assert article.body == "The tram line now runs to the airport terminal."


def test_url_header_gives_outlet_when_no_source():
    text = "Snow closes mountain pass\nURL: https://www.rte.ie/news/2017/0120/snow-pass/\n\nThe pass is shut."
    article = parse_text_article(text, "snow.txt")
    assert article.source == "RTÉ"
    assert article.body == "The pass is shut."


def test_setext_markdown_heading():
    article = parse_text_article("Harbour reopens\n===============\n\nShips are sailing again.", "h.md")
    assert article.title == "Harbour reopens"
    assert article.body == "Ships are sailing again."


def test_headline_only_is_a_failure(tmp_path):
    path = tmp_path / "only-title.txt"
    path.write_text("Just a headline\n\n", encoding="utf-8")
    [], [failure] = split(read_file(path))
    assert failure.path == str(path)
    assert "no article text after the headline" in failure.error


def test_body_line_starting_like_the_title_but_short_is_kept():
    article = parse_text_article("Rain\n\nRain fell all day.", "rain.txt")
    assert article.title == "Rain"
    assert article.body == "Rain fell all day."


def test_ids_are_stable_across_reads(fixtures):
    first = [a.id for a in split(read_file(fixtures / "repeated-headline.txt"))[0]]
    second = [a.id for a in split(read_file(fixtures / "repeated-headline.txt"))[0]]
    assert first == second and first[0].startswith("sha:")


@pytest.mark.parametrize("line", ["By Jane Doe", "By Jane Doe and Omar Haddad", "Author: Jane Doe"])
def test_bylines_are_recognised(line):
    article = parse_text_article(f"Title here\n{line}\n\nBody text of the story.", "b.txt")
    assert article.author.startswith("Jane Doe")
    assert article.body == "Body text of the story."
