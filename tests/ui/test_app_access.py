"""The served app's access rules over HTTP (gradio_client): `/ingest` refuses
server paths outside the ingest roots (`/etc/passwd`, a link leading out),
a shared server without roots offers no folder box, and chat-only logins
cannot ingest, rebuild or load the demo archive while admins can.

Real server on a free loopback port, real fixture store, real MiniLM,
extractive answers.
"""

from __future__ import annotations

import os

import httpx
import pytest
from gradio_client import Client, handle_file

from ui.access import UPLOADS_ONLY
from ui.views import error_html

pytestmark = pytest.mark.slow

STORY = "Ferry strike halts crossings\n\nDate: 2017-03-20\nSource: RTÉ\n\nSeafarers walked out on Monday."
SECRET = "Salaries\n\nDate: 2017-03-01\n\nThe editor's salary is confidential."
READER, CHIEF = ("reader", "read-pw"), ("chief", "chief-pw")


def client(url: str, login: tuple[str, str]) -> Client:
    return Client(url, auth=login, verbose=False, analytics_enabled=False, download_files=False)


def titles(served) -> set[str]:
    return {row.title for row in served.services.indexer.store.manifest.articles()}


def component(served, login: tuple[str, str], elem_id: str) -> dict:
    """A component's props from the page config a logged-in browser receives."""
    with httpx.Client(base_url=served.url.rstrip("/"), timeout=30) as http:
        assert http.post("/login", data={"username": login[0], "password": login[1]}).status_code == 200
        config = http.get("/config").json()
    [props] = [c["props"] for c in config["components"] if c.get("props", {}).get("elem_id") == elem_id]
    return props


@pytest.fixture
def roots_app(real_embedder, tmp_path, kit):
    """A shared app (a chat login and an admin) that may read server files under root/ only."""
    root, outside = tmp_path / "root", tmp_path / "outside"
    root.mkdir()
    outside.mkdir()
    (root / "ferry.txt").write_text(STORY, encoding="utf-8")
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    os.symlink(outside / "secret.txt", root / "secret-link.txt")
    services = kit.live_services(tmp_path / "home", real_embedder, articles=kit.ARTICLES[:2],
                                 ingest_roots=[root])
    served = kit.LiveApp(services, users=[READER], admins=[CHIEF])
    yield served, root
    served.close()


def test_ingest_api_refuses_etc_passwd_and_links_out_of_the_roots(roots_app):
    served, root = roots_app
    before = titles(served)
    chief = client(served.url, CHIEF)
    refused = chief.predict([], "/etc/passwd", api_name="/ingest")
    assert refused == error_html(f"/etc/passwd is outside the folders this server may read ({root.resolve()}).")
    link = chief.predict([], str(root / "secret-link.txt"), api_name="/ingest")
    assert "is outside the folders this server may read" in link
    home = chief.predict([], "~", api_name="/ingest")
    assert "give the full path of a file or folder under" in home
    assert titles(served) == before
    # Inside the root: the story is read, the link leading out is a failure line, the secret is not read.
    report = chief.predict([], str(root), api_name="/ingest")
    assert "added <b>1</b>" in report and "secret-link.txt</code>: outside the folders that may be read" in report
    assert titles(served) == before | {"Ferry strike halts crossings"}


def test_chat_only_logins_cannot_write_and_admins_can(roots_app, tmp_path):
    served, root = roots_app
    upload = tmp_path / "dublin.txt"
    upload.write_text("Dublin port dockers strike\n\nDate: 2017-03-21\n\nDockers stopped work.", encoding="utf-8")
    reader, chief = client(served.url, READER), client(served.url, CHIEF)
    store, before = served.services.indexer.store, titles(served)
    said = reader.predict([handle_file(str(upload))], "", api_name="/ingest")
    assert said == error_html("Ingest is for administrators; the login “reader” may ask questions only.")
    assert "Ingest is for administrators" in reader.predict([], str(root), api_name="/ingest")
    rebuilt = reader.predict(False, api_name="/rebuild")
    assert rebuilt == error_html("Rebuilding the index is for administrators; the login “reader” may ask questions "
                                 "only.")
    generation = served.services.indexer.store.generation
    assert served.services.indexer.store is store and titles(served) == before
    chat, panel, _ = reader.predict("What did the Syrian army regain?", [], "", "", [], 6, api_name="/ask")
    assert "nd-card" in panel  # chatting works
    # The page a reader gets hides the write controls until its login is known to be an admin's.
    assert component(served, READER, "nd-writer")["visible"] is False
    assert "added <b>1</b>" in chief.predict([handle_file(str(upload))], "", api_name="/ingest")
    assert "Rebuild finished" in chief.predict(False, api_name="/rebuild")
    # A rebuild swaps a new folder in under the same store object (index/swap.py): a new generation.
    assert served.services.indexer.store.generation != generation and "Dublin port dockers strike" in titles(served)


def test_shared_server_without_roots_takes_uploads_only(real_embedder, tmp_path, kit):
    """--auth without --admin and without --ingest-root: the login may upload; no folder box, no server paths."""
    editor = ("editor", "s3cret")
    served = kit.LiveApp(kit.live_services(tmp_path / "home", real_embedder, articles=kit.ARTICLES[:2]), auth=editor)
    try:
        assert component(served, editor, "nd-folder")["visible"] is False
        assert component(served, editor, "nd-writer")["visible"] is True
        c = client(served.url, editor)
        before = titles(served)
        for path in ("/etc/passwd", "~", str(tmp_path / "home-docs")):
            assert c.predict([], path, api_name="/ingest") == error_html(UPLOADS_ONLY)
        assert titles(served) == before
        upload = tmp_path / "ferry.txt"
        upload.write_text(STORY, encoding="utf-8")
        assert "added <b>1</b>" in c.predict([handle_file(str(upload))], "", api_name="/ingest")
    finally:
        served.close()


def test_hidden_demo_button_event_is_refused_to_a_chat_login(roots_app):
    """The browser calls the demo button's event by number; a chat login calling it directly is refused."""
    import json

    served, _ = roots_app
    before = titles(served)
    with httpx.Client(base_url=served.url.rstrip("/"), timeout=60) as http:
        assert http.post("/login", data={"username": READER[0], "password": READER[1]}).status_code == 200
        config = http.get("/config").json()
        [button] = [c["id"] for c in config["components"] if c.get("props", {}).get("elem_id") == "nd-demo"]
        [event] = [d["id"] for d in config["dependencies"] if [button, "click"] in d["targets"]]
        joined = http.post("/gradio_api/queue/join", json={"data": [], "fn_index": event, "trigger_id": button,
                                                           "session_hash": "reader-session", "event_data": None})
        assert joined.status_code == 200, joined.text
        done = None
        with http.stream("GET", "/gradio_api/queue/data", params={"session_hash": "reader-session"}) as stream:
            for line in stream.iter_lines():
                message = json.loads(line[5:]) if line.startswith("data:") else {}
                if message.get("msg") == "process_completed":
                    done = message
                    break
    assert done is not None and done["success"], done
    assert done["output"]["data"][0] == error_html(
        "Loading the demo archive is for administrators; the login “reader” may ask questions only.")
    assert titles(served) == before


def test_the_api_offers_no_other_write_endpoints(roots_app):
    """The named endpoints a client can call: the two that write (ingest, rebuild) are checked above; there is
    no remove endpoint (removing is `newsdesk remove`). A new endpoint must be added here with its role decided."""
    served, _ = roots_app
    endpoints = client(served.url, READER).view_api(print_info=False, return_format="dict")["named_endpoints"]
    # /feedback is for every login that may chat: it appends the caller's marks on its own answers to
    # HOME/feedback.jsonl and writes nothing of the index. /timeline reads the archive like /ask (ui/timeline_view.py).
    assert set(endpoints) == {"/ask", "/new_chat", "/ingest", "/rebuild", "/stats", "/evaluate", "/feedback",
                              "/timeline"}
