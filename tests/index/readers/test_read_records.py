"""JSON, JSON Lines and CSV/TSV records: common field names, field maps, bad records by line."""

from __future__ import annotations

import json

import pytest
from readers_helpers import split

from index.readers import read_file

CSV_MAP = {"title": "Hed", "body": "Copy", "published": "When", "url": "Permalink"}


def test_jsonl_fields_found_by_common_names(fixtures):
    articles, failures = split(read_file(fixtures / "wire.jsonl"))
    assert failures == []
    rail, hockey, museum = articles
    assert rail.title == "Desert rail link carries its first freight train"
    assert rail.body.startswith("The first freight train") and "\n\nThe line shortens" in rail.body
    assert rail.published == "2017-03-15"  # from "2017/3/15"
    assert rail.source == "Al Jazeera"  # no source field: derived from the link's host
    assert rail.author == "Omar Haddad"
    assert rail.id == rail.url == "https://www.aljazeera.com/news/2017/3/15/desert-rail-link-first-freight"
    # Keys in any case; the subtitle becomes the first paragraph.
    assert hockey.title == "Ice hockey league expands to twelve teams"
    assert hockey.body.startswith("Two new clubs join from the east.\n\nThe national ice hockey league")
    assert (hockey.published, hockey.source) == ("2017-02-06", "TASS")
    # Epoch seconds, an explicit source, a list of authors, no URL -> content-hash id.
    assert (museum.published, museum.source, museum.author) == ("2017-02-10", "Valley Gazette",
                                                                "Ana Petrov, Luis Mendes")
    assert museum.url is None and museum.id.startswith("sha:")
    assert all(a.path == str(fixtures / "wire.jsonl") for a in articles)


def test_json_array(fixtures):
    articles, failures = split(read_file(fixtures / "digest.json"))
    assert failures == []
    wind, library = articles
    assert (wind.title, wind.published, wind.source) == ("Wind farm approved off the northern cape", "2017-02-08",
                                                         "BBC")
    assert (library.published, library.source) == ("2017-05-02", "Campus Herald")


def test_json_single_object_and_wrapper(tmp_path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"headline": "Solo story", "article": "Only one article in this file."}))
    [article], _ = split(read_file(one))
    assert (article.title, article.body) == ("Solo story", "Only one article in this file.")
    wrapped = tmp_path / "wrapped.json"
    wrapped.write_text(json.dumps({"status": "ok", "articles": [{"title": "A", "text": "First text."},
                                                                {"title": "B", "text": "Second text."}]}))
    articles, failures = split(read_file(wrapped))
    assert [a.title for a in articles] == ["A", "B"] and failures == []


def test_json_lines_in_a_json_file(tmp_path):
    path = tmp_path / "export.json"
    path.write_text('{"title": "A", "text": "One."}\n{"title": "B", "text": "Two."}\n')
    articles, failures = split(read_file(path))
    assert [a.title for a in articles] == ["A", "B"] and failures == []


def test_bad_jsonl_lines_are_reported_by_line_and_the_rest_read(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"title": "Good one", "text": "Fine text."}\n'
                    '\n'
                    '{"title": "Broken", "text": "missing brace"\n'
                    '{"title": "No body at all"}\n'
                    '["not", "an", "object"]\n'
                    '{"title": "Good two", "body": "More fine text."}\n')
    articles, failures = split(read_file(path))
    assert [a.title for a in articles] == ["Good one", "Good two"]
    assert [f.path for f in failures] == [f"{path}:3", f"{path}:4", f"{path}:5"]
    assert failures[0].error.startswith("malformed JSON: Expecting ',' delimiter")
    assert "no article text" in failures[1].error
    assert "expected an object" in failures[2].error


def test_malformed_json_names_the_line(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('[\n  {"title": "A", "text": "x"},\n  {"title": "B" "text": "y"}\n]\n')
    [], [failure] = split(read_file(path))
    assert failure.path == str(path)
    assert failure.error == "malformed JSON at line 3: Expecting ',' delimiter"


def test_bad_item_in_json_array_is_reported_at_its_line(tmp_path):
    path = tmp_path / "items.json"
    path.write_text('[\n  {"title": "A", "text": "Fine."},\n  {\n    "title": "B"\n  },\n'
                    '  {"title": "C", "text": "Also fine."}\n]\n')
    articles, [failure] = split(read_file(path))
    assert [a.title for a in articles] == ["A", "C"]
    assert failure.path == f"{path}:3"


def test_csv_with_odd_columns_needs_a_field_map(fixtures):
    path = fixtures / "newsroom-export.csv"
    [], [failure] = split(read_file(path))
    assert failure.path == str(path)
    assert "no article text" in failure.error and "--map body=COLUMN" in failure.error and "Copy" in failure.error

    articles, failures = split(read_file(path, CSV_MAP))
    assert failures == []
    ferry, orchard = articles
    assert ferry.title == "Ferry fares to rise in April"
    # "Dek" is a known summary name: it leads the body; the multi-line quoted cell stays whole.
    assert ferry.body == ("Operators cite fuel costs.\n\nFerry operators will raise fares by five percent from "
                          "April, citing higher fuel costs.\n\nSeason tickets are exempt.")
    assert (ferry.published, ferry.source) == ("2017-03-01", "CNN")
    assert (orchard.published, orchard.source) == ("2017-03-02", "DW")
    assert orchard.body.startswith("Orchard growers in the river valley")


def test_field_map_columns_match_case_insensitively(fixtures):
    lower = {k: v.lower() for k, v in CSV_MAP.items()}
    articles, failures = split(read_file(fixtures / "newsroom-export.csv", lower))
    assert len(articles) == 2 and failures == []


def test_field_map_naming_a_missing_column(fixtures):
    [], [failure] = split(read_file(fixtures / "newsroom-export.csv", {"body": "Story"}))
    assert "column 'Story'" in failure.error


def test_csv_bad_rows_reported_by_line(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text('title,text,date\n'
                    'First,"A body\nover two lines",2017-01-05\n'
                    'Second,too,many,values,here\n'
                    'Third,,2017-01-07\n'
                    'Fourth,"Unterminated quote,2017-01-08\n', encoding="utf-8")
    articles, failures = split(read_file(path))
    assert [a.title for a in articles] == ["First"]
    assert articles[0].body == "A body\nover two lines" and articles[0].published == "2017-01-05"
    assert [f.path for f in failures] == [f"{path}:4", f"{path}:5", f"{path}:6"]
    assert failures[0].error == "malformed CSV row: 5 values for 3 columns"
    assert "no article text" in failures[1].error
    assert failures[2].error.startswith("malformed CSV: ")


def test_csv_with_huge_field(tmp_path):
    body = "word " * 60_000  # 300 KB: over the csv module's default 128 KB field limit
    path = tmp_path / "big.csv"
    path.write_text(f'title,body\nLong one,"{body}"\n', encoding="utf-8")
    [article], failures = split(read_file(path))
    assert failures == [] and len(article.body) == len(body.strip())


@pytest.mark.parametrize("name, delimiter", [("data.tsv", "\t"), ("semi.csv", ";")])
def test_other_delimiters(tmp_path, name, delimiter):
    path = tmp_path / name
    path.write_text(delimiter.join(["headline", "content", "outlet"]) + "\n"
                    + delimiter.join(["Port strike ends", "Dock workers returned, after a deal.", "Quay News"])
                    + "\n", encoding="utf-8")
    [article], failures = split(read_file(path))
    assert failures == []
    assert (article.title, article.body, article.source) == ("Port strike ends", "Dock workers returned, after a deal.",
                                                             "Quay News")


def test_csv_with_byte_order_mark_and_crlf(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes("\ufefftitle,text\r\nCafé reopens,\"Le café a rouvert.\r\nSecond line.\"\r\n".encode("utf-8"))
    [article], failures = split(read_file(path))
    assert failures == []
    assert article.title == "Café reopens"
    assert article.body == "Le café a rouvert.\nSecond line."


def test_large_jsonl_is_streamed(tmp_path):
    path = tmp_path / "many.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i in range(3000):
            out.write(json.dumps({"title": f"Story {i}", "text": f"Body number {i} " + "é" * (i % 50)}) + "\n")
    articles, failures = split(read_file(path))
    assert failures == [] and len(articles) == 3000
    assert articles[2999].title == "Story 2999"


def test_csv_line_in_another_encoding_after_a_utf8_start(tmp_path):
    """The encoding is chosen from the first 64 KB; a later cp1252 line still decodes."""
    path = tmp_path / "mixed.csv"
    rows = "".join(f"Story {i},Plain text number {i} about the über-long río.\n" for i in range(2000))
    data = ("title,text\n" + rows).encode("utf-8") + "Late row,Ein Café in Köln.\n".encode("cp1252")
    assert len(data) > 70_000
    path.write_bytes(data)
    articles, failures = split(read_file(path))
    assert failures == [] and len(articles) == 2001
    assert articles[0].body == "Plain text number 0 about the über-long río."
    assert articles[-1].body == "Ein Café in Köln."


def test_csv_with_leading_blank_lines_keeps_true_line_numbers(tmp_path):
    path = tmp_path / "padded.csv"
    path.write_text("\n\ntitle,text\nGood,Fine text.\nBad,\n", encoding="utf-8")
    [article], [failure] = split(read_file(path))
    assert article.title == "Good" and failure.path == f"{path}:5"


def test_csv_header_without_records(tmp_path):
    path = tmp_path / "header-only.csv"
    path.write_text("title,text\n\n", encoding="utf-8")
    [], [failure] = split(read_file(path))
    assert (failure.path, failure.error) == (str(path), "CSV has a header row but no records")


DEEP = "[" * 200_000 + "]" * 200_000  # past the json parser's recursion limit


def test_deeply_nested_json_file_is_one_failure(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text(DEEP)
    [], [failure] = split(read_file(path))
    assert (failure.path, failure.error) == (str(path), "malformed JSON: arrays or objects nested too deeply")


def test_deeply_nested_jsonl_line_is_reported_and_the_good_lines_kept(tmp_path):
    path = tmp_path / "mixed.jsonl"
    nested_field = json.dumps({"title": "Nested text", "text": json.loads("[" * 700 + '"x"' + "]" * 700)})
    path.write_text('{"title": "Good one", "text": "Fine text."}\n'
                    + DEEP + "\n"
                    + '{"title": "Good two", "text": "More fine text."}\n'
                    + nested_field + "\n", encoding="utf-8")
    articles, failures = split(read_file(path))
    assert [a.title for a in articles] == ["Good one", "Good two"]
    assert [(f.path, f.error) for f in failures] == [
        (f"{path}:2", "malformed JSON: arrays or objects nested too deeply"),
        (f"{path}:4", "record has arrays or objects nested too deeply")]


def test_csv_row_with_a_nul_byte_is_reported_and_the_other_rows_kept(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_bytes(b"title,text\n"
                     b"First,The first body.\n"
                     b"Second,A body with a \x00 byte in it.\n"
                     b"Third,The third body.\n")
    articles, [failure] = split(read_file(path))
    assert [a.title for a in articles] == ["First", "Third"]
    assert (failure.path, failure.error) == (f"{path}:3", "malformed CSV row: holds a NUL byte")


def test_jsonl_line_with_a_nul_byte_is_reported_and_the_other_lines_kept(tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_bytes(b'{"title": "A", "text": "x\x00y"}\n{"title": "B", "text": "Fine."}\n')
    articles, [failure] = split(read_file(path))
    assert [a.title for a in articles] == ["B"]
    assert failure.path == f"{path}:1" and failure.error.startswith("malformed JSON: Invalid control character")
