"""The Gradio app: Chat, Archive and Evaluate tabs over one archive.

Layout and wiring only; what each button does lives in `ui.handlers` (plain,
unit-tested functions). Fully offline: analytics are off (index.offline),
the theme uses system fonts only, nothing is loaded from a CDN.
"""

from __future__ import annotations

import functools

import gradio as gr

from ui import handlers, views
from ui.handlers import Services

CHAT_CONCURRENCY = 4  # sessions answered at once; the embedded model itself runs one generation at a time
MAX_UPLOAD = "200mb"

# Clicking an [n] marker scrolls to its source card and flashes the highlighted quote.
HEAD = """<script>
document.addEventListener('click', (event) => {
  const link = event.target.closest && event.target.closest('a.nd-cite');
  if (!link) return;
  event.preventDefault();
  const card = document.getElementById('nd-src-' + link.dataset.n);
  if (!card) return;
  card.scrollIntoView({behavior: 'smooth', block: 'center'});
  card.classList.remove('nd-flash'); void card.offsetWidth; card.classList.add('nd-flash');
});
</script>"""


def theme() -> gr.themes.Base:
    """A calm theme with system fonts only (no web-font downloads)."""
    return gr.themes.Soft(primary_hue="blue", neutral_hue="slate", font=views.SYSTEM_FONTS,
                          font_mono=views.MONO_FONTS)


def build_app(services: Services) -> gr.Blocks:
    """The Blocks app bound to shared `services`."""
    bind = functools.partial
    with gr.Blocks(title="Newsdesk", analytics_enabled=False) as app:
        gr.Markdown("## Newsdesk — ask your news archive\nEvery claim cites the passage, outlet and date it "
                    "comes from. Click a number like [1] to see the quote.")
        with gr.Tab("Chat"):
            with gr.Row():
                since = gr.Textbox(label="From (YYYY-MM-DD)", placeholder="any date", scale=1)
                until = gr.Textbox(label="To (YYYY-MM-DD)", placeholder="any date", scale=1)
                outlets = gr.Dropdown(label="Outlets", choices=handlers.outlet_choices(services), multiselect=True,
                                      scale=2, info="empty = all outlets")
                k = gr.Slider(2, 12, value=services.settings.k, step=1, label="Passages", scale=1)
            with gr.Row(equal_height=False):
                with gr.Column(scale=3):
                    chatbot = gr.Chatbot(label="Conversation", height=520, sanitize_html=False,
                                         elem_id="nd-chat", buttons=["copy"])
                    question = gr.Textbox(label="Question", placeholder="e.g. What did TASS report about Palmyra?",
                                          lines=1, max_lines=4, elem_id="nd-question", submit_btn=False)
                    with gr.Row():
                        send = gr.Button("Ask", variant="primary", elem_id="nd-ask")
                        stop = gr.Button("Stop", variant="stop", elem_id="nd-stop")
                        clear = gr.Button("New chat", elem_id="nd-new")
                    examples = handlers.example_questions(services)
                    empty = gr.HTML(views.empty_archive_html(), visible=not examples)
                    demo_btn = gr.Button("Load the demo archive", visible=not examples)
                    demo_out = gr.Markdown()
                    if examples:
                        gr.Examples(examples=examples, inputs=question, label="Try")
                with gr.Column(scale=2):
                    gr.Markdown("### Sources")
                    sources = gr.HTML(views.sources_html(), elem_id="nd-sources")
            convo = gr.State([])
            turn = bind(handlers.chat_turn, services)
            inputs = [question, chatbot, convo, since, until, outlets, k]
            outputs = [chatbot, sources, convo, question]
            ask_event = send.click(turn, inputs, outputs, concurrency_id="chat")
            submit_event = question.submit(turn, inputs, outputs, concurrency_id="chat")
            stop.click(None, None, None, cancels=[ask_event, submit_event])
            clear.click(handlers.new_chat, None, outputs, cancels=[ask_event, submit_event])
            demo_btn.click(bind(handlers.load_demo, services), None, demo_out, concurrency_id="writer",
                           concurrency_limit=1)

        with gr.Tab("Archive"):
            stats_md = gr.Markdown()
            months = gr.BarPlot(x="month", y="articles", title="Articles per month", height=260)
            refresh = gr.Button("Refresh stats")
            with gr.Row():
                uploads = gr.File(label="Upload articles or a zip", file_count="multiple",
                                  file_types=[".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".csv",
                                              ".tsv", ".xml", ".rss", ".atom", ".zip", ".gz"])
                with gr.Column():
                    folder = gr.Textbox(label="…or a folder on the server", placeholder="/data/articles")
                    ingest_btn = gr.Button("Ingest", variant="primary", elem_id="nd-ingest")
                    rebuild_btn = gr.Button("Rebuild index", elem_id="nd-rebuild")
            ingest_out = gr.Markdown(elem_id="nd-ingest-out")

            def ingest_job(files, path, progress=gr.Progress()):
                return handlers.ingest(services, files, path, progress)

            def rebuild_job(progress=gr.Progress()):
                return handlers.rebuild(services, progress)

            stats_fn = bind(handlers.archive_stats, services)
            ingest_btn.click(ingest_job, [uploads, folder], ingest_out, concurrency_id="writer",
                             concurrency_limit=1).then(stats_fn, None, [stats_md, months])
            rebuild_btn.click(rebuild_job, None, ingest_out, concurrency_id="writer",
                              concurrency_limit=1).then(stats_fn, None, [stats_md, months])
            refresh.click(stats_fn, None, [stats_md, months])
            app.load(stats_fn, None, [stats_md, months])

        try:
            from ui.eval_tab import build_eval_tab
        except ImportError:
            build_eval_tab = None
        if build_eval_tab is not None:
            with gr.Tab("Evaluate"):
                build_eval_tab(services)
    app.queue(default_concurrency_limit=CHAT_CONCURRENCY)
    return app


def launch(services: Services, *, host: str = "127.0.0.1", port: int = 7860,
           auth: tuple[str, str] | None = None, open_browser: bool = False, block: bool = True) -> gr.Blocks:
    """Build and serve the app on `host:port` (optionally behind a login)."""
    app = build_app(services)
    app.launch(server_name=host, server_port=port, auth=auth, inbrowser=open_browser, share=False,
               prevent_thread_lock=not block, theme=theme(), css=views.CSS, head=HEAD,
               max_file_size=MAX_UPLOAD, show_error=False, quiet=not block,
               footer_links=["api"] if auth is None else [])
    return app
