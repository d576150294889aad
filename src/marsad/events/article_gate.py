"""Article gate: does the article report an event ACLED would code at all?

Most articles of a news stream report no political violence, protest or strategic development; a
film's plot, a match's "attack", an accident or a crime ACLED does not code still hold cues, and the
sentence model judges each sentence without the article around it. A trained logistic model
(``data/models/article-gate.{tsv,json}``, built by ``scripts/train_article_gate.py`` from the events
the pipeline gives the train split and the extra gold out of fold, with a few articles of the
low-violence ANT sections as eventless; thresholds chosen by cross-validation grouped by article)
reads the article as a whole: the words of its title and lead, and what the events stage found (how
many drafts stand, how sure the sentence model is of the best sentence, which cues and types,
whether the events are only historical or recalled past acts, whether a toll is told).

In an article it judges eventless (P(event) below ``drop_weak``), the events that stand on the
weakest evidence are dropped: the recalled past acts (:mod:`~marsad.events.recalled`) and the
historical events; below ``drop_all`` every event is dropped.

Entry point: :func:`gate_drafts`; :func:`article_features` serves the training script.
"""

from __future__ import annotations

from bisect import bisect_right

from marsad.events.candidates import Candidates
from marsad.events.merge import Draft
from marsad.events.model import Detection, SentenceModel, sentence_model
from marsad.events.spans import WORD_RE

__all__ = ["FEATURES_VERSION", "MODEL", "article_features", "article_gate_model", "gate_drafts"]

MODEL = "article-gate"  # data/models/article-gate.{tsv,json}
FEATURES_VERSION = 1
LEAD_WORDS = 40  # the words of the title and the lead that describe what the article is about
# proclitics stripped from a word feature, so that وقتل، فقتل and قتل vote as one word
PROCLITICS = ("وال", "فال", "بال", "لل", "ال", "و", "ف")


def article_gate_model() -> SentenceModel:
    """The packaged model, loaded once."""
    return sentence_model(MODEL, FEATURES_VERSION, "scripts/train_article_gate.py")


def _stem(word: str) -> str:
    for clitic in PROCLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= 3:
            return word[len(clitic):]
    return word


def _bucket(n: int, top: int = 3) -> str:
    return str(n) if n < top else f"{top}+"


def article_features(cands: Candidates, detections: dict[int, Detection], drafts: list[Draft],
                     recalled: list[Draft]) -> list[str]:
    """What the gate reads of one article: its title and lead words and the events stage's findings.

    Args:
        cands: the candidates of the article.
        detections: the sentence model's verdict on each candidate sentence.
        drafts: the drafts the combination let stand (``needs_twin`` ones only fill an event).
        recalled: the recalled past acts (:func:`~marsad.events.recalled.recalled_drafts`).
    """
    text = cands.folded.text
    lead_end = max(cands.index.lead_end, cands.bounds[0][1] if cands.bounds else 0)
    words = [_stem(w) for w in WORD_RE.findall(text, 0, lead_end)[:LEAD_WORDS]]
    features = ["bias", *sorted({f"w={w}" for w in words if len(w) >= 2 and not w.isdigit()})]
    kept = [d for d in drafts if not d.needs_twin]
    starts = [b[0] for b in cands.bounds]
    sentences = {bisect_right(starts, cands.folded.to_folded(d.event.evidence.start)) - 1 for d in kept}
    features.append(f"kept={_bucket(len(kept))}")
    features.append(f"sentences={_bucket(len(sentences))}")
    features.append(f"recalled={_bucket(len(recalled), 2)}")
    best = max((det.p_event for det in detections.values()), default=0.0)
    features.append(f"best={min(4, int(best * 5))}")
    if kept and all(d.event.historical for d in kept):
        features.append("all_historical")
    if not kept and recalled:
        features.append("recalled_only")
    if any(i <= 1 for i in sentences):
        features.append("lead_event")  # the title or the first sentence tells the act
    if any(h.strength >= 2 for i in sentences for h in cands.hits.get(i, [])):
        features.append("told")
    if any(d.event.fatalities for d in kept):
        features.append("toll")
    home = cands.doc.cache.get("country")
    countries = {d.event.location.country for d in kept if d.event.location is not None}
    if isinstance(home, str) and home and home in countries:
        features.append("home_place")
    features.extend(sorted({f"type={d.event.sub_event_type}" for d in kept}))
    features.extend(sorted({f"cue={h.kind}" for i in sentences for h in cands.hits.get(i, [])}))
    return features


def gate_drafts(cands: Candidates, detections: dict[int, Detection], drafts: list[Draft], recalled: list[Draft],
                model: SentenceModel | None = None) -> list[Draft]:
    """The drafts and recalled acts of an article that stand after the article-level decision.

    Args:
        cands: the candidates of the article.
        detections: the sentence model's verdict on each candidate sentence.
        drafts: the drafts the combination let stand, in text order.
        recalled: the recalled past acts, in text order.
        model: the gate (default: the packaged one).

    Returns:
        ``drafts`` followed by ``recalled``, less those the gate drops.
    """
    if not (drafts or recalled):
        return []
    model = model or article_gate_model()
    p_event = model.detect(article_features(cands, detections, drafts, recalled)).p_event
    if p_event < model.threshold("drop_all"):
        return []
    if p_event < model.threshold("drop_weak"):
        return [d for d in drafts if not d.event.historical]
    return [*drafts, *recalled]
