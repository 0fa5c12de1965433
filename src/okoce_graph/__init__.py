"""okoce-graph: knowledge graphs from Indonesian news articles."""

from .errors import OkoceError

__version__ = "0.1.0"
__all__ = ["OkoceError", "__version__"]
