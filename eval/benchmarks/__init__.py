"""External benchmarks: RealTimeQA and MultiHop-RAG."""
