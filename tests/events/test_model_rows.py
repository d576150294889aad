"""The sentence models' per-feature weight rows give the scores of the plain per-label sums, bit for bit."""

from __future__ import annotations

import random

from marsad.events import ARTICLE_MODEL
from marsad.events.model import sentence_model


def test_rows_sum_to_the_per_label_scores_in_feature_order() -> None:
    model = sentence_model(ARTICLE_MODEL)
    rng = random.Random(7)
    for _ in range(20):
        features = [*rng.sample(sorted(model.weights), 150), "no-such-feature"]
        scores = [0.0] * len(model.labels)
        for f in features:  # the reference: each weight added to its label, feature after feature
            for k, w in model.weights.get(f, ()):
                scores[k] += w
        rows = [model.rows[f] for f in features if f in model.rows]
        assert [*map(sum, zip(*rows, strict=True))] == scores
        detection = model.detect(features)
        assert 0.0 <= detection.p_event <= 1.0 and detection.sub_event_type in model.labels
