"""The Gradio app: Chat, Archive and Evaluate tabs over one archive.

Layout and wiring only; what each button does lives in `ui.handlers` (plain,
unit-tested functions) and what it looks like in `ui.views` / `ui.theme`.
Concurrency: chats run in the "chat" group (CHAT_CONCURRENCY at once; the
embedded model itself generates one answer at a time behind its lock while
retrieval runs in parallel), index writes in the "writer" group (one at a
time, plus the store's own lock against other processes), evaluations in "eval".
Offline: analytics off (index.offline), system fonts, inline script only.
"""

from __future__ import annotations

import functools
from typing import Sequence

import gradio as gr

from index.readers.registry import supported_extensions
from ui import archive_list, article_view, feedback, handlers, theme, timeline_view, views, who_said_what
from ui.access import Access
from ui.export import export_file
from ui.handlers import AppServices, Conversation
from ui.turns import TurnSignals

# Sessions served at once. Tested: 4 simultaneous clients with extractive answers (all four in 2.7 s on
# 2 cores), 3 simultaneous with the embedded model (retrieval in parallel, answers one after another).
CHAT_CONCURRENCY = 4
MAX_UPLOAD = "200mb"     # per uploaded file
CACHE_CLEANUP = (3600, 86400)  # every hour, delete uploads/temp files older than a day (kept copies live in HOME)
PLACEHOLDER = ("<div class='nd-placeholder'><b>Ask the archive in plain language.</b><br>Every sentence of the "
               "answer cites the article it comes from; click a number to see the quote.{more}</div>")
EXAMPLES_HINT = "<br>Or start from one of the latest headlines below."


def _overview_updates(services: AppServices) -> tuple:
    """Header line, outlet choices, example questions and the empty-archive box, from the index as it is now."""
    o = handlers.overview(services)
    return (views.esc(o.line), gr.update(choices=o.outlets),
            gr.update(examples=o.examples or None, placeholder=PLACEHOLDER.format(more=EXAMPLES_HINT if o.examples
                                                                                  else "")),
            gr.update(visible=o.empty), gr.update(placeholder=f"e.g. {o.first_date or 'YYYY-MM-DD'}"),
            gr.update(placeholder=f"e.g. {o.last_date or 'YYYY-MM-DD'}"))


def build_app(services: AppServices, access: Access) -> gr.Blocks:
    """The Blocks app bound to the shared `services` and `access` rules; per-user state lives in gr.State.

    Controls that write the index are shown to writers only; the handlers check again on every call
    (an API caller can reach any event, hidden or not).
    """
    bind = functools.partial
    everyone_writes = access.admins is None
    first = handlers.overview(services)
    with gr.Blocks(title="Newsdesk", analytics_enabled=False, delete_cache=CACHE_CLEANUP) as app:
        with gr.Row(elem_id="nd-header", equal_height=True):
            gr.HTML("<h1>Newsdesk</h1><p>Ask your news archive — every claim cites its outlet, date and "
                    "passage.</p>", scale=3)
            archive_line = gr.HTML(views.esc(first.line), elem_id="nd-archive-line", scale=2)
        with gr.Tab("Chat", id="chat"):
            # Open on wide screens; the page script (theme.HEAD) folds it on phones, where it filled the first screen.
            with gr.Accordion("Filters", open=True, elem_id="nd-filters-fold"):
                with gr.Row(elem_id="nd-filters"):
                    since = gr.Textbox(label="From", placeholder="YYYY-MM-DD", max_lines=1, scale=1,
                                       elem_id="nd-since")
                    until = gr.Textbox(label="To", placeholder="YYYY-MM-DD", max_lines=1, scale=1,
                                       elem_id="nd-until")
                    outlets = gr.Dropdown(label="Outlets", choices=first.outlets, multiselect=True, scale=3,
                                          info="empty = all outlets", elem_id="nd-outlets")
                    k = gr.Slider(2, 12, value=services.settings.k, step=1, label="Passages", scale=1,
                                  elem_id="nd-k")
            with gr.Row(equal_height=False):
                with gr.Column(scale=3):
                    with gr.Column(visible=first.empty, elem_id="nd-empty") as empty_box:
                        gr.HTML(views.empty_archive_html())
                        demo_btn = gr.Button("Load the demo archive", variant="primary", elem_id="nd-demo",
                                             visible=everyone_writes)
                        demo_out = gr.HTML()
                    chatbot = gr.Chatbot(show_label=False, height=600, elem_id="nd-chat", buttons=["copy"],
                                         placeholder=PLACEHOLDER.format(more=EXAMPLES_HINT if first.examples else ""),
                                         examples=first.examples or None,
                                         feedback_options=("Like", "Dislike"), group_consecutive_messages=False)
                    # Offered under the answer when the question asks how a story developed (qa.intent).
                    offer = gr.Button("Show as timeline", visible=False, size="sm", variant="secondary",
                                      elem_id="nd-timeline-offer")
                    with gr.Row(elem_id="nd-ask-row"):
                        question = gr.Textbox(show_label=False, placeholder="Ask a question about the archive",
                                              max_lines=4, scale=6, container=False,
                                              elem_id="nd-question", autofocus=True)
                        ask = gr.Button("Ask", variant="primary", scale=0, size="md", min_width=80, elem_id="nd-ask")
                        stop = gr.Button("Stop", scale=0, size="md", min_width=70, elem_id="nd-stop")
                        new = gr.Button("New chat", scale=0, size="md", min_width=100, elem_id="nd-new")
                with gr.Column(scale=2, min_width=340):
                    gr.HTML("<h3 style='margin:0'>Sources</h3>")
                    sources = gr.HTML(views.sources_panel(), elem_id="nd-sources-box")
            convo = gr.State(Conversation())

            # Stop, New chat and a newer question end a running turn through `turns` (ui/turns.py),
            # never through Gradio's cancels=: a late /cancel killed the next question too.
            turns = TurnSignals()

            def ask_turn(message, chat, state, since_, until_, outlets_, k_, request: gr.Request):
                # A question about statements is answered with the Who said what form when the archive has any.
                quoted = who_said_what.quotes_turn(services, message, chat, state, since_, until_, outlets_,
                                                   turns=turns, session=request.session_hash or "")
                if quoted is not None:
                    yield quoted
                    return
                yield from handlers.chat_turn(services, message, chat, state, since_, until_, outlets_, k_,
                                              turns=turns, session=request.session_hash or "")
            chat_in = [question, chatbot, convo, since, until, outlets, k]
            chat_out = [chatbot, sources, convo, question]
            # "multiple": Ask is never ignored while an earlier turn is still winding down.
            asked = gr.on([ask.click, question.submit], ask_turn, chat_in, chat_out, api_name="ask",
                          concurrency_id="chat", concurrency_limit=CHAT_CONCURRENCY, show_progress="hidden",
                          trigger_mode="multiple")

            def example_turn(chat, state, since_, until_, outlets_, k_, evt: gr.SelectData, request: gr.Request):
                yield from ask_turn(handlers.fill_example(evt.value), chat, state, since_, until_, outlets_, k_,
                                    request)
            example_asked = chatbot.example_select(example_turn, chat_in[1:], chat_out, concurrency_id="chat",
                                                   api_visibility="private", show_progress="hidden",
                                                   trigger_mode="multiple")

            def stop_job(request: gr.Request) -> None:
                handlers.stop_turn(turns, request.session_hash or "")

            def new_job(request: gr.Request) -> tuple:
                return handlers.new_chat(turns, request.session_hash or "")
            stop.click(stop_job, None, None, queue=False, api_visibility="private")
            new.click(new_job, None, chat_out, queue=False, api_name="new_chat").then(
                lambda: gr.update(visible=False), None, offer, api_visibility="private", queue=False)
            chatbot.clear(new_job, None, chat_out, queue=False, api_visibility="private").then(
                lambda: gr.update(visible=False), None, offer, api_visibility="private", queue=False)

            # -- 👍/👎 on answers (saved for evaluation) and the conversation as Markdown: ui.feedback, ui.export --
            with gr.Row(elem_id="nd-feedback-bar", equal_height=True):
                gr.HTML("<p class='nd-panel-note'>Mark an answer good or wrong with the thumbs under it: marks are "
                        "saved for evaluation (Evaluate tab, “feedback”).</p>", elem_id="nd-feedback-hint")
                export = gr.DownloadButton("Export conversation (.md)", value=None, interactive=False, size="sm",
                                           scale=0, min_width=220, elem_id="nd-export")
            with gr.Group(visible=False, elem_id="nd-feedback") as feedback_box:
                feedback_note = gr.HTML(elem_id="nd-feedback-note")
                with gr.Row(equal_height=True):
                    feedback_turn = gr.Number(label="Answer", precision=0, minimum=1, scale=0, min_width=90,
                                              elem_id="nd-feedback-turn")
                    feedback_verdict = gr.Radio([(label, value) for value, label in feedback.LABELS.items()], value="down", label="Verdict",
                                                scale=0, min_width=140, elem_id="nd-feedback-verdict")
                    feedback_expected = gr.Textbox(label="Expected answer (optional)", max_lines=2, scale=4,
                                                   placeholder="what the archive should have answered",
                                                   elem_id="nd-feedback-expected")
                    feedback_save = gr.Button("Save", scale=0, min_width=80, elem_id="nd-feedback-save")

            def marked_in_chat(state: Conversation, evt: gr.LikeData) -> tuple:
                if evt.liked == "":  # the mark was clicked off: nothing to save
                    return gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
                try:
                    index = evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index
                    item = feedback.find_answer(state.answered, message=int(index))
                    marked = feedback.save_feedback(services.settings.home, state.answered, item.turn, evt.liked)
                except (feedback.FeedbackError, OSError) as exc:
                    return gr.update(visible=True), views.error_html(str(exc)), gr.skip(), gr.skip(), gr.skip()
                return gr.update(visible=True), marked.status, marked.turn, marked.verdict, ""

            def feedback_api(turn: float, verdict: str, expected: str, state: Conversation) -> str:
                """Mark answer `turn` of this session 👍 or 👎, optionally with the expected answer."""
                try:
                    return feedback.save_feedback(services.settings.home, state.answered, turn, verdict,
                                                  expected).status
                except (feedback.FeedbackError, OSError) as exc:
                    return views.error_html(str(exc))
            chatbot.like(marked_in_chat, convo, [feedback_box, feedback_note, feedback_turn, feedback_verdict,
                                                 feedback_expected], api_visibility="private", queue=False)
            feedback_save.click(feedback_api, [feedback_turn, feedback_verdict, feedback_expected, convo],
                                feedback_note, api_name="feedback", queue=False)

            def exported(state: Conversation) -> tuple:
                path = export_file(state.answered)
                return (gr.update(value=str(path) if path else None, interactive=path is not None),
                        gr.skip() if path else gr.update(visible=False))  # a new chat hides the feedback row
            convo.change(exported, convo, [export, feedback_box], api_visibility="private", queue=False)

            # -- the Timeline view (ui.timeline_view): offered after a timeline question, or opened directly --
            with gr.Accordion("Timeline", open=False, elem_id="nd-timeline-fold") as timeline_fold:
                with gr.Row(equal_height=True):
                    timeline_topic = gr.Textbox(label="Story", placeholder="e.g. Old Mill bridge", max_lines=1,
                                                scale=5, elem_id="nd-timeline-topic")
                    timeline_go = gr.Button("Show timeline", variant="primary", scale=0, min_width=150,
                                            elem_id="nd-timeline-go")
                gr.HTML("<p class='nd-panel-note'>The story's events in date order, one quoted sentence per "
                        "article, under the chat's From/To/Outlets filters. Hover a dot for its line.</p>")
                timeline_chart = gr.ScatterPlot(x="date", y="outlet", color="dated by", height=260,
                                                tooltip=["event", "headline", "outlet", "date"], visible=False,
                                                show_label=False, elem_id="nd-timeline-chart")
                timeline_events = gr.HTML(elem_id="nd-timeline-events")

            def timeline_job(topic, since_, until_, outlets_):
                html, points = timeline_view.show_timeline(services, topic, since_, until_, outlets_)
                return html, gr.update(value=points, visible=not points.empty,
                                       x_lim=timeline_view.chart_x_lim(points))
            timeline_in, timeline_out = [timeline_topic, since, until, outlets], [timeline_events, timeline_chart]
            gr.on([timeline_go.click, timeline_topic.submit], timeline_job, timeline_in, timeline_out,
                  api_name="timeline", concurrency_id="chat")

            def offered(chat) -> tuple:
                button, topic = timeline_view.timeline_offer(timeline_view.last_question(chat))
                return button, gr.skip() if topic is None else topic
            for event in (asked, example_asked):
                event.then(offered, chatbot, [offer, timeline_topic], api_visibility="private", queue=False)
            offer.click(lambda: gr.update(open=True), None, timeline_fold, api_visibility="private", queue=False,
                        js="() => { setTimeout(() => document.getElementById('nd-timeline-fold')"
                           ".scrollIntoView({behavior: 'smooth'}), 300); }").then(
                timeline_job, timeline_in, timeline_out, api_visibility="private", concurrency_id="chat")

            def demo_job(request: gr.Request, progress=gr.Progress()):
                return handlers.load_demo(services, progress, access=access, user=request.username)
            overview_out = [archive_line, outlets, chatbot, empty_box, since, until]
            demo_btn.click(demo_job, None, demo_out, concurrency_id="writer", concurrency_limit=1,
                           api_visibility="private").then(bind(_overview_updates, services), None, overview_out,
                                                           api_visibility="private")

        with gr.Tab("Archive", id="archive"):
            with gr.Row(equal_height=False):
                stats = gr.HTML(elem_id="nd-stats")
                months = gr.BarPlot(x="month", y="articles", title="Articles per month", height=280,
                                    y_lim=[0, None], elem_id="nd-months")
            chat_only = gr.HTML("<p class='nd-panel-note'>This login may ask questions; adding articles and "
                                "rebuilding the index are for administrators.</p>", visible=False,
                                elem_id="nd-chat-only")
            with gr.Column(visible=everyone_writes, elem_id="nd-writer") as writer_box:
                gr.HTML("<h3>Add articles</h3>")
                with gr.Row(equal_height=False):
                    uploads = gr.File(label="Upload articles or a zip", file_count="multiple",
                                      file_types=supported_extensions(), type="filepath", elem_id="nd-uploads", height=180)
                    with gr.Column():
                        folder = gr.Textbox(label=f"…or a file or folder under {access.roots_text()}" if access.roots
                                            else "…or a file or folder on the server", max_lines=1,
                                            placeholder=str(access.roots[0]) if access.roots else "/srv/news/2017",
                                            visible=access.folder_box, elem_id="nd-folder")
                        with gr.Row(elem_id="nd-meta"):
                            meta_source = gr.Textbox("", label="Outlet", placeholder="e.g. Hürriyet Daily News",
                                                     max_lines=1, elem_id="nd-meta-source", scale=2)
                            meta_date = gr.Textbox("", label="Published", placeholder="YYYY-MM-DD", max_lines=1,
                                                   elem_id="nd-meta-date", scale=1)
                            meta_author = gr.Textbox("", label="Author", max_lines=1, elem_id="nd-meta-author", scale=1)
                        gr.HTML("<p class='nd-panel-note'>Outlet, date and author are optional: they fill in "
                                "articles that do not give their own (a plain .txt usually gives none).</p>")
                        ingest_btn = gr.Button("Ingest", variant="primary", elem_id="nd-ingest")
                        with gr.Row():
                            rebuild_btn = gr.Button("Rebuild index", elem_id="nd-rebuild")
                            drop_missing = gr.Checkbox(label="leave out source files that have gone", value=False)
                gr.HTML(f"<p class='nd-panel-note'>Up to {MAX_UPLOAD.upper()} per file. Uploaded files are kept in "
                        f"<code>{views.esc(services.settings.home / 'uploads')}</code> so the index can be rebuilt; "
                        "one ingest or rebuild runs at a time, and chatting carries on meanwhile.</p>")
            ingest_out = gr.HTML(elem_id="nd-ingest-out")

            gr.HTML("<h3>Articles</h3>")
            with gr.Row(elem_id="nd-archive-tools", equal_height=False):
                search = gr.Textbox(label="Search headlines, outlets and text", max_lines=1, scale=4,
                                    elem_id="nd-archive-search")
                newer = gr.Button("‹ Newer", scale=0, min_width=110, size="md", elem_id="nd-page-newer")
                older = gr.Button("Older ›", scale=0, min_width=110, size="md", elem_id="nd-page-older")
            caption = gr.HTML(elem_id="nd-archive-caption")
            table = gr.Dataframe(headers=list(archive_list.COLUMNS), interactive=False, wrap=True,
                                 elem_id="nd-archive-table", column_widths=["52%", "18%", "12%", "9%", "9%"],
                                 show_search="none", label="Choose an article to read it")
            with gr.Row(equal_height=True):
                remove_btn = gr.Button("Remove this article", variant="stop", scale=0, min_width=220, size="md",
                                       visible=everyone_writes, elem_id="nd-remove")
                remove_out = gr.HTML(elem_id="nd-remove-out")
            viewer = gr.HTML(archive_list.PICK, elem_id="nd-article-view")
            page_no, page_ids, chosen = gr.State(1), gr.State([]), gr.State(None)
            store = services.indexer.store

            def show_page(query, page):
                return archive_list.page_view(store, query, page)
            list_out = [caption, table, page_no, page_ids]
            search.change(lambda q: show_page(q, 1), search, list_out, trigger_mode="always_last",
                          api_visibility="private", show_progress="hidden")
            newer.click(lambda q, p: show_page(q, p - 1), [search, page_no], list_out, api_visibility="private")
            older.click(lambda q, p: show_page(q, p + 1), [search, page_no], list_out, api_visibility="private")

            def read_row(ids, evt: gr.SelectData):
                row = evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index
                return archive_list.open_article(store, ids, row)
            table.select(read_row, page_ids, [viewer, chosen], api_visibility="private", show_progress="hidden")

            def remove_job(article_id, request: gr.Request):
                return archive_list.remove_article(services, article_id, access=access, user=request.username)
            refresh_list = show_page
            remove_btn.click(remove_job, chosen, remove_out, api_visibility="private", concurrency_id="writer",
                             concurrency_limit=1).then(
                refresh_list, [search, page_no], list_out, api_visibility="private").then(
                lambda: (archive_list.PICK, None), None, [viewer, chosen], api_visibility="private").then(
                bind(handlers.archive_stats, services), None, [stats, months], api_visibility="private").then(
                bind(_overview_updates, services), None, overview_out, api_visibility="private")

            def ingest_job(files, path, source_, date_, author_, request: gr.Request, progress=gr.Progress()):
                return handlers.ingest(services, files, path, progress, access=access, user=request.username,
                                       source=source_, published=date_, author=author_)

            def rebuild_job(drop, request: gr.Request, progress=gr.Progress()):
                return handlers.rebuild(services, drop, progress, access=access, user=request.username)
            show_stats = bind(handlers.archive_stats, services)
            refresh_overview = bind(_overview_updates, services)
            for event in (ingest_btn.click(ingest_job, [uploads, folder, meta_source, meta_date, meta_author],
                                           ingest_out, api_name="ingest", concurrency_id="writer", concurrency_limit=1),
                          rebuild_btn.click(rebuild_job, drop_missing, ingest_out, api_name="rebuild",
                                            concurrency_id="writer", concurrency_limit=1)):
                event.then(show_stats, None, [stats, months], api_visibility="private").then(
                    refresh_overview, None, overview_out, api_visibility="private").then(
                    refresh_list, [search, page_no], list_out, api_visibility="private")

        with gr.Tab("Evaluate", id="evaluate", elem_id="nd-evaluate-panel") as evaluate_tab:
            gr.HTML("<p class='nd-panel-note'>Run a question set with known answers against this archive: how often "
                    "the right article is retrieved, the answer is right, citations are right, and the archive "
                    "abstains when it should. With the embedded model an answer takes 10–30 s; retrieval-only "
                    "runs take well under a second per question.</p>")
            with gr.Row(equal_height=False):
                with gr.Column():
                    sets = handlers.eval_choices(services.settings.home)
                    question_set = gr.Dropdown(sets, value=sets[0][1] if sets else None,
                                               label="Bundled question set, your marked answers, or a benchmark",
                                               elem_id="nd-eval-set")
                    limit = gr.Number(value=10, precision=0, minimum=1, elem_id="nd-eval-limit",
                                      label="Questions to run, spread over the question types (empty = all)")
                    retrieval_only = gr.Checkbox(label="Retrieval only (no answers written)", value=False)
                set_upload = gr.File(label="…or upload a question set (.jsonl; used instead of the bundled one)",
                                     file_types=[".jsonl"], type="filepath", height=150, elem_id="nd-eval-upload")
            run_btn = gr.Button("Run evaluation", variant="primary", elem_id="nd-run-eval")
            eval_summary = gr.HTML(elem_id="nd-eval-summary")
            eval_rows = gr.Dataframe(headers=list(handlers.EVAL_COLUMNS), wrap=True, interactive=False,
                                     label="Every question", elem_id="nd-eval-table", max_height=600,
                                     column_widths=["26%", "13%", "37%", "7%", "17%"])
            by_type = gr.Image(show_label=False, height=380, visible=False, buttons=["download"])
            latency = gr.Image(show_label=False, height=300, visible=False, buttons=["download"])
            run_files = gr.File(label="Download the run", file_count="multiple", interactive=False, visible=False,
                                elem_id="nd-eval-files")

            def eval_job(name, upload, n, fast, progress=gr.Progress()):
                summary, rows, charts, files = handlers.evaluate(services, name, upload, n, fast, progress)
                images = [image for image, _ in charts] + [None, None]
                return (summary, rows, *(gr.update(value=image, visible=image is not None) for image in images[:2]),
                        gr.update(value=[str(p) for p in files] or None, visible=bool(files)))
            # One progress bar, on the summary (on every output Gradio drew one per component, overlapping).
            run_btn.click(eval_job, [question_set, set_upload, limit, retrieval_only],
                          [eval_summary, eval_rows, by_type, latency, run_files], api_name="evaluate",
                          concurrency_id="eval", concurrency_limit=1, show_progress_on=[eval_summary])

            def set_choices(current: str | None) -> dict:
                choices = handlers.eval_choices(services.settings.home)
                values = [value for _, value in choices]
                return gr.update(choices=choices, value=current if current in values else values[0])
            evaluate_tab.select(set_choices, question_set, question_set, api_visibility="private", queue=False)

        app.load(refresh_overview, None, overview_out, api_visibility="private")

        def role_view(request: gr.Request) -> tuple:
            writer = access.may_write(request.username)
            return gr.update(visible=writer), gr.update(visible=writer), gr.update(visible=not writer)
        app.load(role_view, None, [writer_box, demo_btn, chat_only], api_visibility="private")
        app.load(show_stats, None, [stats, months], api_name="stats")
        app.load(lambda: show_page("", 1), None, list_out, api_visibility="private")

        def remover_view(request: gr.Request) -> dict:
            return gr.update(visible=access.may_write(request.username))
        app.load(remover_view, None, remove_btn, api_visibility="private")
    app.queue(default_concurrency_limit=CHAT_CONCURRENCY)
    return app


def launch(services: AppServices, *, host: str = "127.0.0.1", port: int = 7860,
           auth: Sequence[tuple[str, str]] = (), admins: Sequence[tuple[str, str]] = (),
           open_browser: bool = False, block: bool = True) -> gr.Blocks:
    """Build and serve the app on `host:port`, optionally behind a login (page, API and files).

    `auth` logins may chat; `admins` may also write the index. With no admins,
    everyone let in may write (see `ui.access`); the folder box reads only
    inside `settings.ingest_roots`, or anywhere for a single local user.
    """
    access = Access.for_server(host, services.settings.ingest_roots, [user for user, _ in auth],
                               [user for user, _ in admins])
    logins = [*auth, *admins] or None
    app = build_app(services, access)
    app.launch(server_name=host, server_port=port, auth=logins, inbrowser=open_browser, share=False,
               prevent_thread_lock=not block, theme=theme.theme(),
               css=theme.CSS + article_view.CSS + timeline_view.CSS + who_said_what.CSS,
               head=theme.HEAD + article_view.HEAD,
               max_file_size=MAX_UPLOAD, show_error=False, quiet=not block, footer_links=["api"],
               auth_message="Newsdesk — log in to ask the archive." if logins else None,
               enable_monitoring=False, ssr_mode=False, mcp_server=False, pwa=False)
    return app
