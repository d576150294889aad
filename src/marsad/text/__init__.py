"""The text layer: folding with an offset map, sentences and tokens as spans over the original text."""

from marsad.text.normalize import FoldedText, fold, fold_key, normalize_text
from marsad.text.segment import segment_text, sentence_spans, token_spans

__all__ = ["FoldedText", "fold", "fold_key", "normalize_text", "segment_text", "sentence_spans",
           "token_spans"]
