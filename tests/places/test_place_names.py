"""A table of place names across the region, resolved out of context: country and admin1 expected.

The table mixes cities, governorates, facilities and regions, written as the news writes them:
with attached proclitics (وبغداد، بالموصل), with ه for ة and ي for ى, with head nouns (محافظة،
مدينة، ولاية) and direction words. The whole table must resolve at 95% or better; the failures
are listed so that a regression names its places.
"""

from __future__ import annotations

import pytest

from marsad.places import resolve_place_name

# (name as written, expected country ISO2, expected admin1 in ACLED's spelling or None)
NAMES: list[tuple[str, str, str | None]] = [
    # Iraq: governorates, cities, facilities
    ("الأنبار", "IQ", "Anbar"), ("محافظة الأنبار", "IQ", "Anbar"), ("بالأنبار", "IQ", "Anbar"),
    ("بغداد", "IQ", "Baghdad"), ("وبغداد", "IQ", "Baghdad"), ("لبغداد", "IQ", "Baghdad"),
    ("البصرة", "IQ", "Basrah"), ("البصره", "IQ", "Basrah"), ("بالبصرة", "IQ", "Basrah"),
    ("الموصل", "IQ", "Ninewa"), ("بالموصل", "IQ", "Ninewa"), ("نينوى", "IQ", "Ninewa"),
    ("نينوي", "IQ", "Ninewa"), ("كركوك", "IQ", "Kirkuk"), ("أربيل", "IQ", "Erbil"),
    ("اربيل", "IQ", "Erbil"), ("السليمانية", "IQ", "Sulaymaniyah"), ("دهوك", "IQ", "Duhok"),
    ("الفلوجة", "IQ", "Anbar"), ("الرمادي", "IQ", "Anbar"), ("هيت", "IQ", "Anbar"),
    ("حديثة", "IQ", "Anbar"), ("القائم", "IQ", "Anbar"), ("الرطبة", "IQ", "Anbar"),
    ("تكريت", "IQ", "Salah al-Din"), ("سامراء", "IQ", "Salah al-Din"), ("بيجي", "IQ", "Salah al-Din"),
    ("صلاح الدين", "IQ", "Salah al-Din"), ("ديالى", "IQ", "Diyala"), ("بعقوبة", "IQ", "Diyala"),
    ("الحلة", "IQ", "Babil"), ("بابل", "IQ", "Babil"), ("كربلاء", "IQ", "Kerbala"),
    ("النجف", "IQ", "Najaf"), ("الكوت", "IQ", "Wassit"), ("واسط", "IQ", "Wassit"),
    ("الناصرية", "IQ", "Dhi-Qar"), ("ذي قار", "IQ", "Dhi-Qar"), ("العمارة", "IQ", "Maysan"),
    ("ميسان", "IQ", "Maysan"), ("السماوة", "IQ", "Muthanna"), ("المثنى", "IQ", "Muthanna"),
    ("الديوانية", "IQ", "Qadissiya"), ("القادسية", "IQ", "Qadissiya"), ("تلعفر", "IQ", "Ninewa"),
    ("سنجار", "IQ", "Ninewa"), ("عين الأسد", "IQ", "Anbar"), ("قاعدة عين الأسد", "IQ", "Anbar"),
    ("قاعدة عين الاسد الجوية", "IQ", "Anbar"), ("قاعدة فكتوريا", "IQ", "Baghdad"),
    ("مطار بغداد الدولي", "IQ", "Baghdad"), ("مطار أربيل الدولي", "IQ", "Erbil"),
    ("قاعدة الحرير", "IQ", "Erbil"), ("قاعدة بلد الجوية", "IQ", "Salah al-Din"),
    ("معسكر التاجي", "IQ", "Baghdad"), ("قاعدة كي وان", "IQ", "Kirkuk"), ("K1", "IQ", "Kirkuk"),
    ("المنطقة الخضراء", "IQ", "Baghdad"), ("منفذ القائم", "IQ", "Anbar"), ("ميناء أم قصر", "IQ", "Basrah"),
    ("جرف الصخر", "IQ", "Babil"), ("مدينة الصدر", "IQ", "Baghdad"), ("أبو غريب", "IQ", "Baghdad"),
    # Syria
    ("حلب", "SY", "Aleppo"), ("بحلب", "SY", "Aleppo"), ("دمشق", "SY", "Damascus"),
    ("ريف دمشق", "SY", "Rural Damascus"), ("حمص", "SY", "Homs"), ("حماة", "SY", "Hama"),
    ("حماه", "SY", "Hama"), ("إدلب", "SY", "Idleb"), ("ادلب", "SY", "Idleb"),
    ("اللاذقية", "SY", "Lattakia"), ("طرطوس", "SY", "Tartous"), ("درعا", "SY", "Dar'a"),
    ("السويداء", "SY", "As-Sweida"), ("القنيطرة", "SY", "Quneitra"), ("الرقة", "SY", "Ar-Raqqa"),
    ("دير الزور", "SY", "Deir-ez-Zor"), ("الحسكة", "SY", "Al-Hasakeh"), ("القامشلي", "SY", "Al-Hasakeh"),
    ("منبج", "SY", "Aleppo"), ("عفرين", "SY", "Aleppo"), ("الباب", "SY", "Aleppo"),
    ("تدمر", "SY", "Homs"), ("البوكمال", "SY", "Deir-ez-Zor"), ("الميادين", "SY", "Deir-ez-Zor"),
    ("قاعدة التنف", "SY", "Homs"), ("التنف", "SY", "Homs"), ("قاعدة حميميم", "SY", "Lattakia"),
    ("مطار الشعيرات", "SY", "Homs"), ("معبر باب الهوى", "SY", "Idleb"),
    ("الغوطة الشرقية", "SY", "Rural Damascus"),
    ("الجولان", "SY", "Quneitra"), ("مخيم الهول", "SY", "Al-Hasakeh"),
    # Yemen
    ("صنعاء", "YE", "Amanat al Asimah"), ("عدن", "YE", "Aden"), ("تعز", "YE", "Taizz"),
    ("الحديدة", "YE", "Al Hudaydah"), ("ميناء الحديدة", "YE", "Al Hudaydah"), ("مأرب", "YE", "Marib"),
    ("مارب", "YE", "Marib"), ("صعدة", "YE", "Sadah"), ("حضرموت", "YE", "Hadramawt"),
    ("المكلا", "YE", "Hadramawt"), ("إب", "YE", "Ibb"), ("ذمار", "YE", "Dhamar"), ("لحج", "YE", "Lahj"),
    ("أبين", "YE", "Abyan"), ("شبوة", "YE", "Shabwah"), ("حجة", "YE", "Hajjah"),
    ("قاعدة العند", "YE", "Lahj"),
    ("مطار صنعاء الدولي", "YE", "Amanat al Asimah"),
    # Libya
    ("طرابلس", "LY", "Tripoli"), ("بنغازي", "LY", "Benghazi"), ("مصراتة", "LY", "Misrata"),
    ("سرت", "LY", "Sirt"), ("درنة", "LY", "Darnah"), ("سبها", "LY", "Sabha"),
    ("الزاوية", "LY", "Az Zawiyah"),
    ("مطار معيتيقة", "LY", "Tripoli"), ("قاعدة الوطية", "LY", "An Nuqat al Khams"),
    ("ميناء سرت", "LY", "Sirt"),
    ("أجدابيا", "LY", "Al Wahat"), ("طبرق", "LY", "Al Butnan"),
    # Tunisia
    ("تونس العاصمة", "TN", "Tunis"), ("صفاقس", "TN", "Sfax"), ("بصفاقس", "TN", "Sfax"),
    ("سوسة", "TN", "Sousse"),
    ("سوسه", "TN", "Sousse"), ("القيروان", "TN", "Kairouan"), ("القصرين", "TN", "Kasserine"),
    ("سيدي بوزيد", "TN", "Sidi Bouzid"), ("قفصة", "TN", "Gafsa"), ("قفصه", "TN", "Gafsa"),
    ("توزر", "TN", "Tozeur"), ("قبلي", "TN", "Kebili"), ("قابس", "TN", "Gabes"),
    ("مدنين", "TN", "Medenine"),
    ("تطاوين", "TN", "Tataouine"), ("بنزرت", "TN", "Bizerte"), ("نابل", "TN", "Nabeul"),
    ("المنستير", "TN", "Monastir"), ("المهدية", "TN", "Mahdia"), ("الكاف", "TN", "Kef"),
    ("جندوبة", "TN", "Jendouba"), ("باجة", "TN", "Beja"), ("سليانة", "TN", "Siliana"),
    ("زغوان", "TN", "Zaghouan"), ("منوبة", "TN", "Manouba"), ("أريانة", "TN", "Ariana"),
    ("بن عروس", "TN", "Ben Arous"), ("ولاية صفاقس", "TN", "Sfax"), ("بن قردان", "TN", "Medenine"),
    ("جرجيس", "TN", "Medenine"), ("جربة", "TN", "Medenine"), ("الجم", "TN", "Mahdia"),
    ("رمادة", "TN", "Tataouine"),
    ("الذهيبة", "TN", "Tataouine"), ("معبر رأس جدير", "TN", "Medenine"), ("رأس جدير", "TN", "Medenine"),
    ("جبل الشعانبي", "TN", "Kasserine"), ("الشعانبي", "TN", "Kasserine"),
    ("مطار تونس قرطاج", "TN", "Tunis"),
    ("مطار قرطاج", "TN", "Tunis"), ("سبيطلة", "TN", "Kasserine"), ("المتلوي", "TN", "Gafsa"),
    ("الحمامات", "TN", "Nabeul"), ("المرسى", "TN", "Tunis"), ("دوز", "TN", "Kebili"),
    ("المنطقة العسكرية العازلة", "TN", "Tataouine"), ("سجن المرناقية", "TN", "Manouba"),
    # Egypt
    ("القاهرة", "EG", "Cairo"), ("بالقاهرة", "EG", "Cairo"), ("الإسكندرية", "EG", "Alexandria"),
    ("الجيزة", "EG", "Giza"), ("العريش", "EG", "North Sinai"), ("الشيخ زويد", "EG", "North Sinai"),
    ("رفح المصرية", "EG", "North Sinai"), ("شمال سيناء", "EG", "North Sinai"), ("أسيوط", "EG", "Asyut"),
    ("المنيا", "EG", "Minya"), ("أسوان", "EG", "Aswan"), ("الأقصر", "EG", "Luxor"),
    ("بورسعيد", "EG", "Port Said"),
    ("السويس", "EG", "Suez"), ("الإسماعيلية", "EG", "Ismailia"), ("طنطا", "EG", "Gharbia"),
    ("المنصورة", "EG", "Dakahlia"), ("معبر رفح", "EG", "North Sinai"), ("ميدان التحرير", "EG", "Cairo"),
    # Lebanon, Jordan, Palestine, Israel
    ("بيروت", "LB", "Beirut"), ("صيدا", "LB", "South"), ("صور", "LB", "South"),
    ("النبطية", "LB", "Nabatieh"),
    ("بعلبك", "LB", "Baalbek-Hermel"), ("مرفأ بيروت", "LB", "Beirut"), ("عمان", "JO", "Amman"),
    ("الزرقاء", "JO", "Zarqa"), ("إربد", "JO", "Irbid"), ("المفرق", "JO", "Mafraq"),
    ("العقبة", "JO", "Aqaba"),
    ("الكرك", "JO", "Karak"), ("مخيم الزعتري", "JO", "Mafraq"), ("القدس", "PS", "West Bank"),
    ("غزة", "PS", "Gaza Strip"), ("قطاع غزة", "PS", "Gaza Strip"), ("خان يونس", "PS", "Gaza Strip"),
    ("رفح", "PS", "Gaza Strip"), ("جنين", "PS", "West Bank"), ("نابلس", "PS", "West Bank"),
    ("الخليل", "PS", "West Bank"), ("رام الله", "PS", "West Bank"), ("الضفة الغربية", "PS", "West Bank"),
    ("المسجد الأقصى", "PS", "West Bank"), ("تل أبيب", "IL", "Tel Aviv"), ("حيفا", "IL", "Haifa"),
    # Gulf
    ("الرياض", "SA", "Riyadh"), ("جدة", "SA", "Makkah"), ("مكة المكرمة", "SA", "Makkah"),
    ("الدمام", "SA", "Eastern Province"), ("نجران", "SA", "Najran"), ("جازان", "SA", "Jazan"),
    ("أبها", "SA", "Asir"), ("الدوحة", "QA", "Doha"), ("قاعدة العديد", "QA", "Al Rayyan"),
    ("دبي", "AE", "Dubai"), ("أبوظبي", "AE", "Abu Dhabi"),
    # Maghreb and Sahel
    ("الجزائر العاصمة", "DZ", "Alger"), ("وهران", "DZ", "Oran"), ("قسنطينة", "DZ", "Constantine"),
    ("تمنراست", "DZ", "Tamanrasset"), ("ورقلة", "DZ", "Ouargla"), ("تبسة", "DZ", "Tebessa"),
    ("الرباط", "MA", "Rabat-Sale-Kenitra"), ("الدار البيضاء", "MA", "Casablanca-Settat"),
    ("مراكش", "MA", "Marrakech-Safi"), ("فاس", "MA", "Fes-Meknes"),
    ("طنجة", "MA", "Tanger-Tetouan-Al Hoceima"),
    ("الخرطوم", "SD", "Khartoum"), ("الفاشر", "SD", "North Darfur"), ("نيالا", "SD", "South Darfur"),
    ("الجنينة", "SD", "West Darfur"), ("بورتسودان", "SD", "Red Sea"), ("كسلا", "SD", "Kassala"),
    ("مقديشو", "SO", "Banadir"), ("كيسمايو", "SO", "Lower Juba"), ("باماكو", "ML", "Bamako"),
    ("تمبكتو", "ML", "Tombouctou"), ("غاو", "ML", "Gao"), ("كيدال", "ML", "Kidal"),
    # Turkey and Iran
    ("إسطنبول", "TR", "Istanbul"), ("اسطنبول", "TR", "Istanbul"), ("أنقرة", "TR", "Ankara"),
    ("غازي عنتاب", "TR", "Gaziantep"), ("قاعدة إنجرليك", "TR", "Adana"), ("طهران", "IR", "Tehran"),
    ("أصفهان", "IR", "Isfahan"), ("مشهد", "IR", "Razavi Khorasan"), ("الأحواز", "IR", "Khuzestan"),
    ("منشأة نطنز", "IR", "Isfahan"), ("كرمانشاه", "IR", "Kermanshah"),
    # world news
    ("باريس", "FR", "Ile-de-France"), ("مطار باريس أورلي", "FR", "Ile-de-France"),
    ("بروكسل", "BE", "Brussels Capital"),
    ("بروكسيل", "BE", "Brussels Capital"), ("كيبيك", "CA", "Quebec"),
    ("واشنطن", "US", "District of Columbia"),
    ("مبنى الكونغرس", "US", "District of Columbia"), ("لندن", "GB", "England"), ("برلين", "DE", "Berlin"),
    ("موسكو", "RU", "Moscow"), ("مدريد", "ES", "Madrid"),
    # countries
    ("العراق", "IQ", None), ("بالعراق", "IQ", None), ("سوريا", "SY", None), ("سورية", "SY", None),
    ("ليبيا", "LY", None), ("تونس", "TN", None), ("الجزائر", "DZ", None), ("المغرب", "MA", None),
    ("مصر", "EG", None), ("اليمن", "YE", None), ("لبنان", "LB", None), ("الأردن", "JO", None),
    ("فلسطين", "PS", None), ("السعودية", "SA", None), ("إيران", "IR", None), ("تركيا", "TR", None),
    ("الولايات المتحدة", "US", None), ("فرنسا", "FR", None), ("روسيا", "RU", None), ("للسودان", "SD", None),
]


def _resolved(name: str) -> tuple[str | None, str | None]:
    place = resolve_place_name(name)
    return (place.country, place.admin1) if place else (None, None)


def test_place_name_table_is_large_and_has_no_duplicates() -> None:
    assert len(NAMES) >= 200
    assert len({n for n, _, _ in NAMES}) == len(NAMES)


def test_place_name_table_resolves_at_95_percent() -> None:
    failures = [f"{name}: expected {(country, admin1)}, got {_resolved(name)}"
                for name, country, admin1 in NAMES if _resolved(name) != (country, admin1)]
    rate = 1 - len(failures) / len(NAMES)
    assert rate >= 0.95, f"{rate:.1%} resolved; failures:\n" + "\n".join(failures)


@pytest.mark.parametrize(("name", "country", "admin1"), [
    ("محافظة الأنبار", "IQ", "Anbar"),
    ("قاعدة عين الأسد", "IQ", "Anbar"),
    ("وبغداد", "IQ", "Baghdad"),
    ("قفصه", "TN", "Gafsa"),
    ("نينوي", "IQ", "Ninewa"),
    ("بروكسيل", "BE", "Brussels Capital"),
])
def test_place_name_core_cases_resolve(name: str, country: str, admin1: str) -> None:
    assert _resolved(name) == (country, admin1)
