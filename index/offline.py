"""Newsdesk never reaches the network at run time: every library switch that
would phone home or fetch from a hub is turned off here, in one place.

`index/__init__.py` calls `enforce_offline()` on import, so every entry point
(CLI, Gradio app, tests) is covered before any of those libraries load.
"""

from __future__ import annotations

import os

OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_DATASETS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "ANONYMIZED_TELEMETRY": "False",
    "TOKENIZERS_PARALLELISM": "false",
    "DO_NOT_TRACK": "1",
}


def enforce_offline() -> None:
    """Set the offline/telemetry switches (overriding anything the user set)."""
    os.environ.update(OFFLINE_ENV)
    # llama-index only uses its bundled tiktoken/NLTK data when these are unset.
    for var in ("TIKTOKEN_CACHE_DIR", "NLTK_DATA"):
        os.environ.pop(var, None)
