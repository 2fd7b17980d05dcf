"""The app's look: a calm theme with system fonts only, its CSS and the small
script that makes [n] citations jump to their source card.

Nothing here loads from the network: the fonts are the reader's own system
fonts (no Google Fonts), and the script is inlined into the page head.
"""

from __future__ import annotations

import gradio as gr

SYSTEM_FONTS = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"]
MONO_FONTS = ["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"]
READING_FONTS = '"Iowan Old Style", "Palatino Linotype", Palatino, Georgia, "DejaVu Serif", serif'


def theme() -> gr.themes.Base:
    """Gradio's Soft theme in newsroom blue, with system fonts only."""
    return gr.themes.Soft(primary_hue="blue", secondary_hue="amber", neutral_hue="slate",
                          font=SYSTEM_FONTS, font_mono=MONO_FONTS).set(
        block_label_background_fill="transparent", block_label_text_weight="600",
        block_label_text_color="*neutral_600", block_title_text_color="*neutral_700",
        block_label_background_fill_dark="transparent", block_label_text_color_dark="*neutral_300",
        block_title_text_color_dark="*neutral_200", block_title_text_weight="600")


CSS = """
.gradio-container { max-width: 1400px !important; }
#nd-header h1 { margin: 0; font-size: 1.55rem; letter-spacing: -0.01em; }
#nd-header p { margin: 2px 0 0; color: var(--body-text-color-subdued); }
#nd-archive-line { color: var(--body-text-color-subdued); font-size: 0.9rem; text-align: right; }
#nd-filters { gap: 10px; align-items: end; }
#nd-chat .message { font-size: 0.98rem; line-height: 1.55; }
#nd-chat .message-row.bot-row .message { max-width: 100%; }
#nd-sources-box { max-height: 640px; overflow-y: auto; padding-right: 4px; }
.nd-panel-note { color: var(--body-text-color-subdued); font-size: 0.85rem; margin: 2px 0 8px; }
.nd-panel { text-align: left; }
#nd-ask-row { align-items: stretch; gap: 8px; }
#nd-ask-row button { min-height: 44px; white-space: nowrap; }
#nd-question textarea { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 10px 12px;
  background: var(--background-fill-primary); min-height: 44px; }
#nd-question textarea:focus { border-color: #60a5fa; box-shadow: 0 0 0 2px #dbeafe; }
.nd-sources { display: flex; flex-direction: column; gap: 10px; }
.nd-card { border: 1px solid var(--border-color-primary); border-radius: 10px; padding: 10px 12px 8px;
  background: var(--background-fill-primary); box-shadow: 0 1px 2px rgba(15, 23, 42, 0.05);
  scroll-margin: 12px; transition: box-shadow 0.2s; }
.nd-card-head { display: flex; align-items: center; gap: 8px; font-size: 0.8rem;
  color: var(--body-text-color-subdued); text-transform: uppercase; letter-spacing: 0.03em; }
.nd-num { display: inline-flex; align-items: center; justify-content: center; min-width: 1.7em; height: 1.7em;
  font-weight: 700; font-size: 0.8rem; background: #1d4e89; color: #fff; border-radius: 6px; letter-spacing: 0; }
.nd-outlet { font-weight: 700; color: var(--body-text-color); }
.nd-headline { display: block; text-align: left; margin: 4px 0 2px; padding: 0; font-weight: 650; font-size: 0.98rem; line-height: 1.3;
  color: var(--body-text-color) !important; text-decoration: none !important; }
a.nd-headline:hover { text-decoration: underline !important; color: #1d4e89 !important; }
a.nd-headline::after { content: " \\2197"; font-size: 0.8em; color: var(--body-text-color-subdued); }
.nd-passage { margin: 6px 0 2px; font-family: READING_FONTS; font-size: 0.93rem; line-height: 1.55;
  color: var(--body-text-color); }
.nd-also { margin: 4px 0 0; font-size: 0.82rem; color: var(--body-text-color-subdued); }
mark.nd-quote { background: #fde68a; color: inherit; padding: 1px 2px; border-radius: 3px;
  box-decoration-break: clone; -webkit-box-decoration-break: clone; }
.nd-card.nd-flash { box-shadow: 0 0 0 3px #f59e0b; }
.nd-card.nd-flash mark.nd-quote { animation: ndflash 1.6s ease-out; }
@keyframes ndflash { 0% { background: #f59e0b; } 100% { background: #fde68a; } }
.nd-card.nd-pending .nd-num, .nd-card.nd-retrieved .nd-num { background: #94a3b8; }
.nd-warn { color: #b42318; font-weight: 600; text-transform: none; letter-spacing: 0; }
.nd-more { border-top: 1px dashed var(--border-color-primary); padding-top: 6px; }
.nd-more summary, .nd-earlier summary { cursor: pointer; color: var(--body-text-color-subdued);
  font-size: 0.88rem; padding: 4px 0; }
.nd-more ul { margin: 4px 0 0 1.1em; padding: 0; font-size: 0.88rem; }
.nd-more li { margin: 3px 0; }
.nd-earlier { margin-top: 14px; border-top: 1px solid var(--border-color-primary); padding-top: 6px; }
.nd-earlier .nd-sources { margin-top: 6px; opacity: 0.92; }
a.nd-cite { display: inline-block; font-weight: 700; font-size: 0.78em; line-height: 1.3; vertical-align: 0.25em;
  padding: 0 0.35em; margin: 0 1px; border-radius: 5px; background: #dbeafe; color: #1d4e89 !important;
  text-decoration: none !important; cursor: pointer; }
a.nd-cite:hover { background: #1d4e89; color: #fff !important; }
.nd-marker { font-weight: 700; font-size: 0.78em; color: #64748b; vertical-align: 0.25em; }
.nd-unsupported { text-decoration: underline wavy #d92d20; text-decoration-thickness: 1px;
  text-underline-offset: 3px; }
.nd-unsupported-flag { color: #b42318; font-size: 0.8em; vertical-align: 0.25em; cursor: help; }
.nd-foot { margin-top: 8px; font-size: 0.8rem; color: var(--body-text-color-subdued); line-height: 1.5; }
.nd-foot .nd-warn { display: block; }
.nd-status { color: var(--body-text-color-subdued); font-style: italic; }
.nd-status::after { content: " \\2026"; }
.nd-short { font-size: 1.08em; margin-bottom: 4px; }
.nd-quoted { font-size: 0.85em; color: var(--body-text-color-subdued); font-style: italic; margin-bottom: 2px; }
.nd-abstain { border-left: 4px solid #94a3b8; padding: 2px 0 2px 10px; }
.nd-abstain b { display: block; margin-bottom: 2px; }
.nd-abstain ul { margin: 6px 0 0 1.1em; padding: 0; font-size: 0.92em; }
.nd-error { border-left: 4px solid #d92d20; padding: 2px 0 2px 10px; color: #7a271a; }
.nd-empty { padding: 16px 18px; border: 1px dashed var(--border-color-primary); border-radius: 10px;
  background: var(--background-fill-secondary); line-height: 1.55; }
.nd-empty code { font-size: 0.92em; }
.nd-placeholder { color: var(--body-text-color-subdued); text-align: center; padding: 1.5em 1em; }
.nd-stats { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 10px; }
.nd-stat { border: 1px solid var(--border-color-primary); border-radius: 10px; padding: 10px 14px;
  background: var(--background-fill-primary); }
.nd-stat b { display: block; font-size: 1.5rem; line-height: 1.2; }
.nd-stat span { color: var(--body-text-color-subdued); font-size: 0.85rem; }
.nd-stats-archive { grid-template-columns: repeat(3, minmax(0, 1fr)); }
.nd-stat.nd-wide { grid-column: 1 / -1; }
.nd-stat.nd-wide b { font-size: 1.15rem; }
.nd-outlets { margin-top: 12px; display: grid; grid-template-columns: max-content 1fr max-content; gap: 4px 10px;
  align-items: center; font-size: 0.9rem; }
.nd-bar { height: 8px; border-radius: 4px; background: #60a5fa; }
.nd-report-counts { display: flex; flex-wrap: wrap; gap: 8px; margin: 6px 0; }
.nd-chip { border-radius: 999px; padding: 2px 10px; font-size: 0.85rem; background: var(--background-fill-secondary);
  border: 1px solid var(--border-color-primary); }
.nd-chip.nd-bad { background: #fee4e2; border-color: #fda29b; color: #7a271a; }
.nd-chip.nd-good { background: #dcfae6; border-color: #75e0a7; color: #085d3a; }
.nd-failures { margin: 6px 0 0 1.1em; padding: 0; font-size: 0.88rem; }
.nd-failures code { word-break: break-all; }
.dark .nd-num { background: #3b82f6; }
.dark mark.nd-quote { background: #854d0e; }
.dark a.nd-cite { background: #1e3a5f; color: #bfdbfe !important; }
@media (max-width: 900px) { .nd-stats { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
#nd-filters-fold { padding: 4px 10px; }
/* The chat's clear (trash) icon gets its own strip above the messages instead of floating over them:
   a message's copy icon scrolled under it and the two overlapped. */
#nd-chat .wrapper { display: flex; flex-direction: column; }
#nd-chat .wrapper > .top-panel { position: static; align-self: flex-end; margin: 2px 6px 0 0; }
#nd-chat .wrapper > .bubble-wrap { flex: 1 1 auto; min-height: 0; height: auto; }
/* Question box on the first screen of a 1280x800 window: the chat takes what the header, filters and
   question row leave (410 px at 1280x800, measured), between 340 and 640 px. */
#nd-chat { height: clamp(340px, calc(100vh - 410px), 640px) !important; }
/* Phones (the issue measured 390x844): one page scroll, no scroll area inside it; the question row is fixed
   at the bottom of the screen; the filters are folded (theme.HEAD); the header is one short line. */
@media (max-width: 640px) {
  .gradio-container { padding-left: 8px !important; padding-right: 8px !important; }
  #nd-header { gap: 0 6px; flex-wrap: wrap; }
  #nd-header > * { flex: 1 1 100% !important; min-width: 0 !important; }
  #nd-header p { display: none; }
  #nd-header h1 { font-size: 1.2rem; }
  #nd-archive-line { text-align: left; font-size: 0.8rem; }
  #nd-chat { height: auto !important; min-height: 200px; max-height: none !important; overflow: visible !important; }
  #nd-chat .wrapper, #nd-chat .bubble-wrap { height: auto !important; max-height: none !important;
    overflow: visible !important; }
  #nd-chat .scroll-down-button-container { display: none !important; }
  .gradio-container { padding-bottom: 72px !important; }  /* room for the question row below */
  #nd-ask-row { position: fixed; left: 0; right: 0; bottom: 0; z-index: 20; flex-wrap: nowrap !important; gap: 6px;
    padding: 8px 12px calc(8px + env(safe-area-inset-bottom)); background: var(--background-fill-primary);
    border-top: 1px solid var(--border-color-primary); box-shadow: 0 -2px 6px rgba(15, 23, 42, 0.06); }
  #nd-ask-row > #nd-question { flex: 1 1 0 !important; min-width: 0 !important; }
  #nd-new { display: none !important; }  /* the chat's trash icon starts a new chat too */
  #nd-ask-row button { flex: 0 0 auto !important; min-width: 0 !important; width: auto !important; padding: 0 10px; }
  #nd-sources-box { max-height: none; overflow: visible; }
  /* the feedback hint and the export button stack: side by side the hint was squeezed to one word a line */
  #nd-feedback-bar { flex-wrap: wrap !important; }
  #nd-feedback-bar > * { flex: 1 1 100% !important; min-width: 0 !important; }
}
""".replace("READING_FONTS", READING_FONTS)

# Clicking an [n] marker in an answer opens (if needed) and scrolls to that
# answer's source card, then flashes its highlighted quote. Capture phase, so
# it runs before the chat's own link handling.
HEAD = """<script>
document.addEventListener('click', function (event) {
  var link = event.target.closest ? event.target.closest('a.nd-cite') : null;
  if (!link) return;
  event.preventDefault();
  event.stopPropagation();
  var card = document.getElementById((link.getAttribute('href') || '').slice(1));
  if (!card) return;
  var fold = card.closest('details');
  if (fold) fold.open = true;
  card.scrollIntoView({behavior: 'smooth', block: 'nearest'});
  card.classList.remove('nd-flash');
  void card.offsetWidth;
  card.classList.add('nd-flash');
  setTimeout(function () { card.classList.remove('nd-flash'); }, 1800);
}, true);
</script>
<script>
// Phones: fold the filters once at load (they filled the first screen), and bring each new
// question to the top of the screen so its answer is seen as it is written.
(function () {
  var narrow = window.matchMedia('(max-width: 640px)');
  var users = 0, folded = false;
  function tick() {
    if (!narrow.matches) return;
    if (!folded) {
      var toggle = document.querySelector('#nd-filters-fold > button, #nd-filters-fold .label-wrap');
      if (toggle && document.querySelector('#nd-filters')) {
        folded = true;
        if (document.querySelector('#nd-filters').offsetParent !== null) toggle.click();
      }
    }
    var rows = document.querySelectorAll('#nd-chat .user-row');
    if (rows.length > users) rows[rows.length - 1].scrollIntoView({block: 'start', behavior: 'smooth'});
    users = rows.length;
  }
  new MutationObserver(tick).observe(document.documentElement, {childList: true, subtree: true});
})();
</script>"""
