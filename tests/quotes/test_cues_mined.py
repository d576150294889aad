"""The mined reporting verbs (quotes/cues_mined.tsv) are what scripts/build_quote_cues.py gives on the
train half of ../shared/data/train-ant and the extra ANT gold, and the lexicon reads them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from marsad.quotes.lexicon import lexicon
from marsad.resources import read_tsv

REPO = Path(__file__).resolve().parents[2]


def test_the_mined_cues_match_the_train_gold(shared_dir: Path) -> None:
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "build_quote_cues.py"), "--shared",
                           str(shared_dir), "--check"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_the_lexicon_reads_the_mined_cues_without_overruling_the_hand_frames() -> None:
    cues = lexicon().cues
    mined = read_tsv("quotes/cues_mined.tsv")
    assert mined
    for row in mined:
        form = next(f for f in row[3:6] if f != "-")
        assert cues[form].frame == row[1]
    # a hand-written form keeps its hand-written frame (قال needs a complementiser)
    assert cues["قال"].frame == "that"
