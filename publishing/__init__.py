"""Safe publishing of the data folder: validated snapshots, atomic swaps, and live pick-up by every worker."""

from publishing.generations import load_published, publish, published_stamp, source_stamp
from publishing.live import init_app

__all__ = ["init_app", "load_published", "publish", "published_stamp", "source_stamp"]
