"""The one settings object users load: the index's settings plus qa's answering knobs.

Every field can be set as `NEWSDESK_<FIELD>` in the environment or by a CLI
flag, as before; index code receives the same object typed as
`IndexSettings` and reads only its own fields.
"""

from __future__ import annotations


from pydantic import Field

from index.settings import IndexSettings


class Settings(IndexSettings):
    """Where Newsdesk keeps things and how it chunks (`IndexSettings`), retrieves and answers.

    `k` is how many passages the answer model reads; `llm` picks the answer
    model (`llm_url`/`llm_model` for an OpenAI-compatible server,
    `llm_threads`/`llm_context` for the embedded one).
    """

    k: int = Field(6, ge=1, le=50, description="passages given to the answer model")
    # A name from the backends table (`qa/backends.py`), checked there when the model is built, so
    # the table stays the one place that lists the backends and `config` can show a wrong value.
    llm: str = "embedded"
    llm_url: str | None = None
    llm_model: str | None = None
    llm_threads: int | None = None
    llm_context: int = Field(4096, ge=1024)
