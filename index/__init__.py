"""Everything on disk: reading articles, chunking, embedding, the stores, models."""

from index.offline import enforce_offline

enforce_offline()
