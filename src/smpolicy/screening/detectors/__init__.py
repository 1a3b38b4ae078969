"""Built-in detectors. Each module holds one detector; all share the protocol in ``base``."""
