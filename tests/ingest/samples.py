"""Sample inputs and small helpers shared by the ingest tests (our own sentences)."""

from __future__ import annotations

import re
from pathlib import Path

from marsad.document import Article
from marsad.ingest import read_articles

ARTICLE = ("سقطت قذيفة هاون على حي سكني في أطراف المدينة مساء أمس، ما أدى إلى إصابة طفلين بجروح.\n"
           "وقال شاهد عيان: \"سمعنا دوي انفجار قوي ثم رأينا الدخان يتصاعد\".\n")

PAGE = ("<html><head>{meta}<title>عنوان الصفحة</title></head><body><article>"
        "<p>أعلنت السلطات المحلية حظر التجول في ثلاث بلدات بعد مواجهات بين محتجين وقوات الأمن"
        " استمرت ساعات.</p>"
        "<p>وذكر بيان رسمي أن الحظر يبدأ عند الساعة الثامنة مساء ويستمر حتى إشعار آخر.</p>"
        "</article></body></html>")


def made_id(label: str, doc_id: str) -> bool:
    """Whether ``doc_id`` is an id marsad made for an input without one: ``<label>-<12 hex digits>``."""
    return re.fullmatch(re.escape(label) + r"-[0-9a-f]{12}", doc_id) is not None


def content_id_of(label: str, text: str, title: str | None = None, published: str | None = None) -> str:
    """The id made from an article's content (see marsad.ingest.ids)."""
    return f"{label}-{Article(id='', text=text, title=title, published=published).content_hash[:12]}"


def codes(article: Article) -> list[str]:
    return [w.code for w in article.warnings]


def read_one(path: Path) -> Article:
    articles = list(read_articles([str(path)]))
    assert len(articles) == 1
    return articles[0]
