"""The nouns that continue an organisation's name after ل, learned from a corpus (build_complements.py)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

from marsad.document import Document
from marsad.pipeline import extract

REPO = Path(__file__).resolve().parents[2]


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_complements", REPO / "scripts" / "build_complements.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_complements"] = module
    spec.loader.exec_module(module)
    return module


def test_build_complements_keeps_nouns_written_after_adjectives(tmp_path: Path) -> None:
    corpus = tmp_path / "data" / "corpus"
    corpus.mkdir(parents=True)
    # written for this test: للكهرباء follows adjectives of names, للاحتجاج follows verbs and nouns
    lines = ["أعلنت الشركة التونسية للكهرباء عن انقطاع.", "دعت النقابة للاحتجاج أمام المقر.",
             "خرج السكان للاحتجاج على الانقطاع."] * 5
    (corpus / "ant-v1.1.jsonl").write_text(
        "".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in lines), encoding="utf-8")
    out = tmp_path / "complements.tsv"
    assert _script().main(["--shared", str(tmp_path), "--out", str(out)]) == 0
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert [r[0] for r in rows] == ["كهرباء"]


def _orgs(text: str) -> list[str]:
    doc: Document = extract(text, published="2017-01-10", id="t1")
    doc.check_offsets()
    return [m.text for m in doc.entities if m.type == "ORG"]


def test_an_organisation_keeps_the_complement_the_corpus_writes_after_adjectives() -> None:
    assert "الإدارة العامة للامتحانات" in _orgs("وأعلنت الإدارة العامة للامتحانات عن النتائج أمس.")
    assert "الشركة الوطنية للسكك الحديدية" in _orgs("وقالت الشركة الوطنية للسكك الحديدية إن القطار توقف.")


def test_a_purpose_after_an_organisation_stays_out_of_its_name() -> None:
    assert "النقابة الجهوية للاحتجاج" not in _orgs("دعت النقابة الجهوية للاحتجاج أمام مقر الولاية.")


def test_a_place_head_before_a_body_names_its_regional_branch() -> None:
    # إقليم and منطقة head places (إقليم كردستان) and, before a security body, its regional command
    assert "إقليم الحرس الوطني بجندوبة" in _orgs("وأفاد إقليم الحرس الوطني بجندوبة أن الوحدات حجزت البضاعة.")
    assert "منطقة الأمن الوطني" in _orgs("تقع منطقة الأمن الوطني بسوسة في وسط المدينة.")
    doc = extract("زار الوفد إقليم كردستان العراق.", published="2017-01-10", id="t2")
    assert [m.type for m in doc.entities if m.text.startswith("إقليم")] == ["LOC"]


def test_an_area_named_after_a_body_without_an_adjective_of_names_stays_a_place() -> None:
    # منطقة الشرطة الرابعة is a district of Baghdad: an ordinal is no adjective of names
    assert "منطقة الشرطة الرابعة" not in _orgs("انفجرت سيارة مفخخة في منطقة الشرطة الرابعة جنوب بغداد.")


def test_the_opposition_is_an_organisation() -> None:
    orgs = _orgs("وقصفت قوات النظام مواقع المعارضة السورية في ريف حلب، وقالت المعارضة إن المدنيين قتلوا.")
    assert "المعارضة السورية" in orgs and "المعارضة" in orgs


def test_an_organisation_keeps_the_continuation_the_corpus_writes_after_it() -> None:
    # الشركة التونسية للكهرباء is written with والغاز nearly every time in the ANT corpus, فرقة الأبحاث
    # with والتفتيش, and the grown name with للحرس الوطني: a local office then ends with its town
    assert "الشركة التونسية للكهرباء والغاز" in _orgs("وأعلنت الشركة التونسية للكهرباء والغاز عن انقطاع التيار.")
    orgs = _orgs("أوقفت فرقة الأبحاث والتفتيش للحرس الوطني بمنزل تميم شخصين.")
    assert "فرقة الأبحاث والتفتيش للحرس الوطني بمنزل تميم" in orgs
    assert "الحرس الوطني" not in orgs and "لحرس الوطني" not in orgs


def test_a_coordinated_word_that_names_nothing_continues_the_name() -> None:
    assert "المركز العربي للدراسات السياسية والاجتماعية" in _orgs(
        "وقال المركز العربي للدراسات السياسية والاجتماعية إن الوضع خطير.")


def test_a_ministry_with_a_coordinated_portfolio_is_not_vetoed() -> None:
    assert "وزارة الأوقاف والشؤون الإسلامية" in _orgs("أعلنت وزارة الأوقاف والشؤون الإسلامية غلق المسجد.")


def test_a_coordinated_body_stays_a_mention_of_its_own() -> None:
    # العدل is, after وزارة, a ministry the corpus names often; الجيش is a head of its own
    assert "وزارة الصحة والعدل" not in _orgs("اجتمع ممثلو وزارة الصحة والعدل أمس.")
    assert "وزارة الداخلية والجيش" not in _orgs("نسقت وزارة الداخلية والجيش العمليات.")


def test_build_continuations_keeps_what_follows_a_name_most_of_the_time(tmp_path: Path) -> None:
    corpus = tmp_path / "data" / "corpus"
    corpus.mkdir(parents=True)
    # written for this test: the name is followed by والغاز five times out of six
    lines = ["أعلنت الشركة التونسية للكهرباء والغاز عن انقطاع."] * 5 + ["أعلنت الشركة التونسية للكهرباء أمس."]
    (corpus / "ant-v1.1.jsonl").write_text(
        "".join(json.dumps({"id": f"a{k}", "text": t}, ensure_ascii=False) + "\n" for k, t in enumerate(lines)),
        encoding="utf-8")
    out = tmp_path / "continuations.tsv"
    assert _script().main(["--shared", str(tmp_path), "--out", str(tmp_path / "c.tsv"),
                           "--continuations-out", str(out)]) == 0
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert rows == [["الشركه التونسيه للكهرباء", "والغاز"]]
    names = (tmp_path / "org-names-corpus.tsv").read_text(encoding="utf-8")
    assert "الشركه التونسيه" not in names  # only two-word names seen at least five times


def test_a_branch_named_with_the_body_it_belongs_to_is_one_name() -> None:
    orgs = _orgs("وأعلنت الكتلة النيابية لحركة نداء تونس انسحابها من الجلسة.")
    assert "الكتلة النيابية لحركة نداء تونس" in orgs
    assert "القيادة العامة للجيش الليبي" in _orgs("وقالت القيادة العامة للجيش الليبي إن قواتها تقدمت.")


def test_a_description_the_annotations_never_name_is_no_organisation() -> None:
    # entities/unnamed-spans.tsv: learned from the training gold by build_complements.py
    assert _orgs("وتدخلت الوحدات الأمنية والعسكرية لتفريق المحتجين.") == []
    assert _orgs("وانقطع التيار الكهربائي عن المدينة ساعات.") == []
