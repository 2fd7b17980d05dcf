"""The chat handler's final sources panel over a real store: one card per article, and each card opens
the stored article (the real extractive answerer, the fake embedder)."""

from __future__ import annotations

import re

from ui import handlers


def final_panel(services, question: str) -> str:
    *_, last = handlers.chat_turn(services, question, None, None)
    return last[1]


def test_the_answered_panel_opens_the_whole_cited_article(fake_services, kit):
    panel = final_panel(fake_services, "What did the Syrian army regain near Palmyra?")
    assert "nd-cited" in panel and '<details class="nd-read">' in panel
    palmyra = next(a for a in kit.ARTICLES if "Palmyra" in a["title"])
    reader = panel.split('<details class="nd-read">')[1].split("</details>")[0]
    assert "Lieutenant-General Sergey Rudskoy said." in reader  # the body's last sentence: the whole article
    assert '<mark class="nd-read-quote" data-n=' in reader and "TASS" in reader and palmyra["title"] in reader
    cards = re.findall(r'<div class="nd-card nd-(?:cited|retrieved)"', panel)
    read = re.search(r"(\d+) passage\(s\) read from (\d+) article\(s\): (\d+) cited, (\d+) not cited", panel)
    assert read and int(read[2]) == int(read[3]) + int(read[4]) == len(cards)
