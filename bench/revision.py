"""Import an older git revision of the ``rasd`` package beside the working tree's, for A/B timing in one process.

``load_revision("HEAD~3")`` extracts that revision's ``rasd/`` with ``git archive`` into a temporary folder
(removed at exit) and imports it as the package ``rasd_base``; its modules are then ``rasd_base.pipeline``,
``rasd_base.quotes``… Used by the ``--base REV`` option of the layer benchmarks.
"""

from __future__ import annotations

import atexit
import importlib
import importlib.util
import io
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def load_revision(rev: str, *modules: str) -> list[ModuleType]:
    """Import revision ``rev`` of ``rasd`` as ``rasd_base`` and return its submodules named in ``modules``."""
    tmp = Path(tempfile.mkdtemp(prefix="rasd_base_"))
    atexit.register(shutil.rmtree, tmp, ignore_errors=True)
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev, "rasd"], check=True, capture_output=True
    )
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(tmp, filter="data")
    spec = importlib.util.spec_from_file_location(
        "rasd_base", tmp / "rasd" / "__init__.py", submodule_search_locations=[str(tmp / "rasd")]
    )
    mod = importlib.util.module_from_spec(spec)
    sys.modules["rasd_base"] = mod
    spec.loader.exec_module(mod)
    return [importlib.import_module(f"rasd_base.{m}") for m in modules]


def ab_ms(fn_a, fn_b, rounds: int = 40, per_round: int = 1, counts: bool = False) -> tuple[float, float]:
    """Best CPU ms per call of two functions timed in alternating short rounds (fair on a shared machine).
    With ``counts`` each call returns how many articles it did, and the time is per article."""
    fn_a(), fn_b()
    best = [float("inf"), float("inf")]
    for r in range(rounds):
        order = ((0, fn_a), (1, fn_b)) if r % 2 else ((1, fn_b), (0, fn_a))
        for k, fn in order:
            done = 0
            t0 = time.process_time()
            for _ in range(per_round):
                n = fn()
                done += n if counts else 1
            best[k] = min(best[k], (time.process_time() - t0) / done * 1000)
    return best[0], best[1]


def layer_pass(docs: list, layer: ModuleType, field: str, repeat: int):
    """A function that runs ``layer.annotate`` ``repeat`` times over ``docs``, emptying the layer's list
    (``field``: "entities", "quotes"…) first each time; it returns the number of documents annotated."""

    def run() -> int:
        for _ in range(repeat):
            for doc in docs:
                getattr(doc, field).clear()
                layer.annotate(doc)
        return repeat * len(docs)

    return run
