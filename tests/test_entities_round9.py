"""Rules of the ninth entity round (the r/s/t development articles), each on sentences written by us."""

from __future__ import annotations

from rasd.entities.kb import load_kb
from rasd.entities.mention import Mention
from rasd.entities.mention_repairs import (
    headed_name_read_as_person,
    two_known_people,
    without_country_nisba_of_foreign_name,
)
from rasd.entities.organizations import org_head_word
from rasd.entities.places import place_part_head
from rasd.pipeline import analyze
from rasd.text.tokens import Token


def at(tokens: list[Token], word: str) -> int:
    return next(i for i, t in enumerate(tokens) if t.text == word)


def linked(text: str) -> dict[str, str | None]:
    """Each mention's text -> the kb id of its entity."""
    doc = analyze(text)
    return {m.text: e.kb_id for e in doc.entities for m in e.mentions}


def test_a_body_name_two_countries_share_is_the_article_countrys() -> None:
    # an Egyptian story: the Egyptian party of that name, not the Turkish one the KB names bare
    got = linked(
        "القاهرة - وحل رئيس حزب الشعب الجمهوري حازم عمر ثانيا في الانتخابات، وقال إن مصر تحتاج إلى إصلاح، "
        "وتوجه الناخبون في القاهرة والإسكندرية وأسوان إلى مراكز الاقتراع."
    )
    assert got["حزب الشعب الجمهوري"] == "org/republican-peoples-eg"
    # a Turkish story, and a linked Turkish holder right after the party, keep the Turkish one
    got = linked("أنقرة - وقال رئيس حزب الشعب الجمهوري أوزغور أوزيل إن تركيا تحتاج إلى انتخابات مبكرة.")
    assert got["حزب الشعب الجمهوري"] == "org/chp"
    got = linked(
        "القاهرة - والتقى الوفد المصري في القاهرة رئيس حزب الشعب الجمهوري أوزغور أوزيل لبحث العلاقات مع مصر."
    )
    assert got["حزب الشعب الجمهوري"] == "org/chp"


def test_a_namesake_named_otherwise_in_the_article_is_the_one_meant() -> None:
    # the Algerian daily's own name in the dateline, in a story mostly about Mali
    got = linked(
        'الجزائر - الشروق أونلاين: قال مصدر دبلوماسي لـ"الشروق" إن باماكو أخطأت، وإن مالي تحتاج إلى '
        "الحوار، وإن السلطات في باماكو مطالبة بالتهدئة مع مالي وجيرانها."
    )
    assert got["الشروق"] == "media/echorouk-dz"


def test_two_kb_people_side_by_side_stay_two() -> None:
    # subject and object: neither first word is a given name
    got = linked("وهاجم ترامب بايدن في خطابه أمس، ووصف حميدتي البرهان بأنه خصم.")
    assert got["ترامب"] == "person/donald-trump" and got["بايدن"] == "person/joe-biden"
    assert got["حميدتي"] == "person/mohamed-hamdan-dagalo"
    assert got["البرهان"] == "person/abdel-fattah-al-burhan"
    # a given name the KB knows bare and a surname it knows bare are one unknown person
    assert "هادي هيج" in linked("وقال هادي هيج إن الاجتماع انتهى.")


def test_a_model_name_made_of_two_kb_people_is_split() -> None:
    doc = analyze("ووصف حميدتي البرهان بأنه خصم.")
    toks = doc.tokens
    a = next(i for i, t in enumerate(toks) if t.text == "حميدتي")
    fused = Mention(a, a + 1, toks[a].start, toks[a + 1].end, "PER")
    got = two_known_people(toks, fused, load_kb())
    assert got is not None
    assert [(m.first, m.last, m.kb_ids) for m in got] == [
        (a, a, ("person/mohamed-hamdan-dagalo",)),
        (a + 1, a + 1, ("person/abdel-fattah-al-burhan",)),
    ]
    # a given name and a surname the KB knows together are one person
    doc = analyze("وقال عبد الفتاح البرهان إن الجيش صامد.")
    toks = doc.tokens
    a = next(i for i, t in enumerate(toks) if t.text == "عبد")
    assert two_known_people(toks, Mention(a, a + 2, toks[a].start, toks[a + 2].end, "PER"), load_kb()) is None


def test_a_person_that_opens_on_a_landmark_or_body_head_is_that() -> None:
    toks = analyze("واجتمع الوفدان في فندق قصر شتاينبرغ ثم في معهد لوي الأسترالي.").tokens
    a, b = at(toks, "فندق"), at(toks, "معهد")
    hotel = headed_name_read_as_person(
        toks, Mention(a, a + 2, toks[a].start, toks[a + 2].end, "PER"), org_head_word, place_part_head
    )
    assert hotel is not None and hotel.type == "LOC" and (hotel.first, hotel.last) == (a, a + 2)
    body = headed_name_read_as_person(
        toks, Mention(b, b + 2, toks[b].start, toks[b + 2].end, "PER"), org_head_word, place_part_head
    )
    assert body is not None and body.type == "ORG"
    # a person's name that opens on no head stays a person
    toks = analyze("وقال فيصل الشبول إن الحكومة ماضية.").tokens
    a = at(toks, "فيصل")
    person = Mention(a, a + 1, toks[a].start, toks[a + 1].end, "PER")
    assert headed_name_read_as_person(toks, person, org_head_word, place_part_head) is None


def test_a_foreign_one_word_body_leaves_its_countrys_nisba_out() -> None:
    kb = load_kb()
    toks = analyze("وقال معهد لوي الأسترالي إن الصين تراقب.").tokens
    a = at(toks, "معهد")
    got = without_country_nisba_of_foreign_name(
        toks, Mention(a, a + 2, toks[a].start, toks[a + 2].end, "ORG"), kb, org_head_word
    )
    assert got is not None and got.last == a + 1
    # the KB's own name keeps its nisba, and a definite Arabic name is no foreign name
    toks = analyze("وأعلنت أرامكو السعودية أرباحها، وقال معهد الديمقراطية الإسرائيلي إن الثقة تراجعت.").tokens
    a, b = at(toks, "أرامكو"), at(toks, "معهد")
    aramco = Mention(a, a + 1, toks[a].start, toks[a + 1].end, "ORG", ("org/aramco",))
    assert without_country_nisba_of_foreign_name(toks, aramco, kb, org_head_word) is None
    idi = Mention(b, b + 2, toks[b].start, toks[b + 2].end, "ORG")
    assert without_country_nisba_of_foreign_name(toks, idi, kb, org_head_word) is None


def test_a_body_named_by_a_common_noun_does_not_spread_to_that_noun_described() -> None:
    doc = analyze(
        'وستبني شركة "مصدر" الإماراتية محطة للطاقة الشمسية. وقال مصدر حكومي إن المشروع سيكتمل في 2026.'
    )
    texts = [(m.start, m.text) for e in doc.entities for m in e.mentions]
    second = doc.text.index("مصدر حكومي")
    assert (second, "مصدر") not in texts


def test_a_bare_ministry_is_the_country_its_clause_names_before_it() -> None:
    doc = analyze(
        "الكويت - وترأس وفد عمان وكيل وزارة الخارجية للشؤون الإدارية، بينما ترأس الوفد الأردني الأمين العام "
        "لوزارة الخارجية، في اجتماع عقد في الكويت برعاية كويتية."
    )
    ids = sorted((m.start, e.kb_id) for e in doc.entities for m in e.mentions if m.text == "وزارة الخارجية")
    assert [i for _, i in ids] == ["org/mfa-om", "org/mfa-jo"]
