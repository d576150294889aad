"""Sample inputs and small helpers shared by the ingest tests (our own sentences)."""

from __future__ import annotations

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


def codes(article: Article) -> list[str]:
    return [w.code for w in article.warnings]


def read_one(path: Path) -> Article:
    articles = list(read_articles([str(path)]))
    assert len(articles) == 1
    return articles[0]
