"""The mined speaker heads (quotes/heads_mined.tsv) are what scripts/build_quote_heads.py gives on the
train half of ../shared/data/train-ant and the extra ANT gold, and the lexicon reads them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from marsad.quotes.lexicon import lexicon

REPO = Path(__file__).resolve().parents[2]


def test_the_mined_heads_match_the_train_gold(shared_dir: Path) -> None:
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "build_quote_heads.py"), "--shared",
                           str(shared_dir), "--check"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_the_lexicon_reads_the_mined_heads() -> None:
    heads = lexicon().heads
    # محتجون and مجمع come from the train gold only (المحتجون، مجمع التنسيقيات الجهوية)
    assert "anon" in heads["محتجون"] and "body" in heads["مجمع"]
