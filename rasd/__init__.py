"""rasd — Arabic news into structured, source-grounded records, offline.

>>> import rasd
>>> doc = rasd.analyze("قال الرئيس ...", published="2021-12-30")
>>> doc.to_dict()["schema"]
'rasd.document/1'
"""

from .document import SCHEMA_ID, Document
from .pipeline import analyze

__version__ = "0.1.0"
__all__ = ["analyze", "Document", "SCHEMA_ID", "load_kb"]


def load_kb(*extra_paths, entries=None):
    """The shipped knowledge base, extended with users' files (CSV/JSONL) and/or entry dicts."""
    from .entities.kb import load_kb as _load

    return _load(*extra_paths, entries=entries)
