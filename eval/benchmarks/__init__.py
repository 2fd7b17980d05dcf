"""External benchmarks: RealTimeQA, MultiHop-RAG and the prompt-injection set (see `table.py`)."""
