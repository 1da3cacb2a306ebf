"""Safe publishing of the data folder: validated snapshots, atomic swaps, and live pick-up by every worker."""

from publishing.generations import load_published, publish, published_stamp, source_stamp
from publishing.live import init_app, publish_data
from publishing.removals import PublicationRefused

__all__ = [
    "PublicationRefused",
    "init_app",
    "load_published",
    "publish",
    "publish_data",
    "published_stamp",
    "source_stamp",
]
