"""The store on SQLite and (with RASD_TEST_PG_URL) PostgreSQL: ingest, identity, merge, near-duplicates,
search with filters, profiles, quotes, timelines and top lists, over hand-built documents."""

from __future__ import annotations

import pytest
from test_corpus_support import BACKENDS, backend_url, make_doc, open_backend

from rasd.corpus import open_store
from rasd.document import check_spans


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path):
    yield from backend_url(request.param, tmp_path)


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    yield from open_backend(request.param, tmp_path)


CALL = (
    "أجرى الرئيس الأميركي جو بايدن اتصالا هاتفيا مع نظيره الروسي فلاديمير بوتين مساء الخميس لبحث التوتر "
    "على الحدود مع أوكرانيا.\n"
    'وقال بايدن إن "الولايات المتحدة ستردّ بحزم إذا غزت روسيا أوكرانيا".\n'
    'من جهته قال بوتين إن "العقوبات الجديدة ستكون خطأً فادحاً".\n'
)
CALL_ENTITIES = [
    ("جو بايدن", "PER", "person/joe-biden", ["جو بايدن", "بايدن"], "person", "country/US"),
    ("فلاديمير بوتين", "PER", "person/vladimir-putin", ["فلاديمير بوتين", "بوتين"], "person", "country/RU"),
    ("أوكرانيا", "LOC", "country/UA", ["أوكرانيا"], "country"),
    ("روسيا", "LOC", "country/RU", ["روسيا"], "country"),
]


def call_doc(published="2021-12-30", source="وكالة الأنباء", body=CALL, events=None):
    return make_doc(
        body,
        published=published,
        source=source,
        title="اتصال بين بايدن وبوتين",
        entities=CALL_ENTITIES,
        roles={"جو بايدن": ["الرئيس الأميركي"]},
        quotes=[
            ("جو بايدن", "وقال", "الولايات المتحدة ستردّ بحزم إذا غزت روسيا أوكرانيا"),
            ("فلاديمير بوتين", "قال بوتين", "العقوبات الجديدة ستكون خطأً فادحاً"),
        ],
        events=events
        if events is not None
        else [
            {
                "type": "CONSULT",
                "trigger": "اتصالا",
                "source": ["جو بايدن", "فلاديمير بوتين"],
                "symmetric": True,
            },
            {
                "type": "THREATEN",
                "trigger": "ستردّ",
                "source": ["جو بايدن"],
                "target": ["روسيا"],
                "modality": "conditional",
            },
        ],
    )


SANCTIONS = (
    "أعلنت وزارة الخزانة الأميركية فرض عقوبات جديدة على مصارف روسية، وقال المتحدث باسم الكرملين دميتري "
    "بيسكوف إن موسكو سترد على هذه الخطوة.\n"
    'وأضاف بيسكوف أن "واشنطن تدفع العلاقات إلى طريق مسدود".\n'
)


def sanctions_doc(published="2022-01-04"):
    return make_doc(
        SANCTIONS,
        published=published,
        source="صحيفة المساء",
        entities=[
            ("وزارة الخزانة الأميركية", "ORG", None, ["وزارة الخزانة الأميركية"]),
            ("دميتري بيسكوف", "PER", "person/dmitry-peskov", ["دميتري بيسكوف", "بيسكوف"]),
            ("روسيا", "LOC", "country/RU", ["موسكو"]),
            ("الولايات المتحدة", "LOC", "country/US", ["واشنطن"]),
        ],
        quotes=[("دميتري بيسكوف", "وأضاف", "واشنطن تدفع العلاقات إلى طريق مسدود")],
        events=[
            {
                "type": "SANCTION",
                "trigger": "عقوبات",
                "source": ["وزارة الخزانة الأميركية"],
                "target": ["روسيا"],
            },
        ],
    )


def test_documents_round_trip_and_idempotent(store):
    d1, d2 = call_doc(), sanctions_doc()
    assert not check_spans(d1) and not check_spans(d2)
    r = store.ingest([d1, d2])
    assert (r.ingested, r.known, r.failed) == (2, 0, [])
    assert store.get_document(d1.id) == d1.to_dict()
    r = store.ingest([d1, d2, d1])
    assert (r.ingested, r.known) == (0, 3)
    assert store.count("documents") == 2
    assert store.get_document("no-such-id") is None
    with pytest.raises(ValueError):
        store.count("documents; DROP TABLE documents")
    listed = store.list_documents()
    assert [d["id"] for d in listed] == [d2.id, d1.id]  # newest first
    assert store.list_documents(limit=1, offset=1)[0]["id"] == d1.id


def test_reopen_runs_no_migration_twice(store_url):
    s1 = open_store(store_url)
    s1.ingest([call_doc()])
    s1.close()
    s2 = open_store(store_url)
    assert s2.count("documents") == 1
    s2.close()


def test_entities_merge_by_kb_id_else_name_and_type(store):
    store.ingest([call_doc(), sanctions_doc()])
    # Russia is mentioned as روسيا and as موسكو in the two documents, linked to one KB id: one corpus entity
    assert store.count("entities") == 7
    prof = store.entity_profile("country/RU")
    assert prof["entity"]["documents"] == 2
    # unlinked: merged by normalized name and type, so hamza and diacritic variants are one entity
    a = make_doc(
        "زار وفد من الإتحاد الأفريقي العاصمة.",
        published="2022-01-05",
        entities=[("الإتحاد الأفريقي", "ORG", None, ["الإتحاد الأفريقي"])],
    )
    b = make_doc(
        "قال الاتحاد الافريقي إنه يتابع الوضع.",
        published="2022-01-06",
        entities=[("الاتحاد الافريقي", "ORG", None, ["الاتحاد الافريقي"])],
    )
    c = make_doc(
        "يقع الاتحاد الافريقي في أديس أبابا.",
        published="2022-01-06",
        entities=[("الاتحاد الافريقي", "LOC", None, ["الاتحاد الافريقي"])],
    )
    store.ingest([a, b, c])
    assert store.entity_profile("الاتحاد الافريقي")["entity"]["documents"] == 2
    assert store.count("entities") == 9  # ORG and LOC readings stay apart


def test_near_duplicates_grouped(store):
    base = call_doc(source="موقع أ")
    # the same wire story on another site: a different dateline and one word changed
    copy = call_doc(source="موقع ب", body="موسكو (رويترز) - " + CALL.replace("مساء الخميس", "ليل الخميس"))
    other = sanctions_doc()
    r = store.ingest([base, other, copy])
    assert (r.ingested, r.near_duplicates) == (3, 1)
    assert store.stats() == {"documents": 3, "stories": 2}
    hits = {h["id"]: h for h in store.search("بايدن")}
    assert hits[copy.id]["near_duplicate_of"] == base.id
    assert hits[base.id]["near_duplicate_of"] is None
    # events counted once per story in the timeline
    tl = store.timeline("بايدن", "بوتين")
    assert tl["rows"][0]["events"] == 2 and tl["rows"][0]["stories"] == 1


def test_delete_document(store):
    d1, d2 = call_doc(), sanctions_doc()
    store.ingest([d1, d2])
    assert store.delete_document(d1.id) is True
    assert store.delete_document(d1.id) is False
    assert store.get_document(d1.id) is None
    assert store.search("بايدن") == []
    assert [h["id"] for h in store.search("عقوبات")] == [d2.id]
    assert store.quotes(speaker="بايدن") == []
    n_mentions = sum(len(e.mentions) for e in d2.entities)
    counts = {t: store.count(t) for t in ("quotes", "events", "doc_entities", "mentions", "timexes")}
    assert counts == {"quotes": 1, "events": 1, "doc_entities": 4, "mentions": n_mentions, "timexes": 0}
    assert store.ingest([d1]).ingested == 1  # can come back


@pytest.mark.parametrize(
    "query, found",
    [
        ("اوكرانيا", True),  # أوكرانيا: hamza folded
        ("أوكرانيا", True),
        ("فادحا", True),  # written فادحاً with tanween
        ("ستَرُدّ", True),  # a diacritized query finds the word however it is written
        ("سترد", True),  # written ستردّ with shadda
        ("العقوبات الجديدة", True),
        ("العقوبات الصين", False),  # every word must match
        ("بكين", False),
    ],
)
def test_search_arabic(store, query, found):
    d = call_doc()
    store.ingest([d])
    hits = store.search(query)
    assert bool(hits) == found, hits
    if found:
        h = hits[0]
        assert set(h) >= {"id", "title", "published", "source", "snippet", "score"}
        assert h["hit"] is not None
        s, e = h["hit"]
        assert h["snippet"][s:e].strip()


def test_search_clitics(store):
    body = "وأكدت الوزارة دعمها لأوكرانيا وللشعب الأوكراني، وبالأخص للمدنيين.\n"
    d = make_doc(body, published="2022-02-01")
    store.ingest([d])
    for q in ("اوكرانيا", "لأوكرانيا", "الشعب", "المدنيين", "الوزاره", "اكدت"):
        assert [h["id"] for h in store.search(q)] == [d.id], q
    hit = store.search("اوكرانيا")[0]
    s, e = hit["hit"]
    assert hit["snippet"][s:e] == "لأوكرانيا"


def test_search_filters(store):
    d1, d2 = call_doc(), sanctions_doc()
    store.ingest([d1, d2])
    both = {d1.id, d2.id}
    assert {h["id"] for h in store.search("روسيا")} <= both
    assert [h["id"] for h in store.search("", since="2022-01-01")] == [d2.id]
    assert [h["id"] for h in store.search("", until="2021-12-31")] == [d1.id]
    assert [h["id"] for h in store.search("", entity="بوتين")] == [d1.id]
    assert [h["id"] for h in store.search("", entity="country/RU", since="2022-01-01")] == [d2.id]
    assert [h["id"] for h in store.search("", speaker="بيسكوف")] == [d2.id]
    assert [h["id"] for h in store.search("", event_type="sanction")] == [d2.id]
    assert [h["id"] for h in store.search("", source="وكالة الأنباء")] == [d1.id]
    assert store.search("", entity="لا أحد بهذا الاسم") == []
    assert store.search("", limit=1, offset=1)[0]["id"] == d1.id


@pytest.mark.parametrize(
    "query", ['"', "AND", "OR NOT", "(", "*", "بايدن*", "NEAR(a b)", "' OR 1=1 --", "\x00", "  "]
)
def test_search_odd_queries_do_not_crash(store, query):
    store.ingest([call_doc()])
    assert isinstance(store.search(query), list)


def test_entity_profile(store):
    store.ingest(
        [
            call_doc(),
            sanctions_doc(),
            call_doc(published="2022-01-02", body=CALL + "وتابع الجانبان المشاورات.\n"),
        ]
    )
    p = store.entity_profile("بايدن")
    assert p["entity"]["kb_id"] == "person/joe-biden"
    assert [d["day"] for d in p["mentions_per_day"]] == ["2021-12-30", "2022-01-02"]
    assert p["mentions_per_day"][0]["mentions"] == 3  # جو بايدن and بايدن twice (once inside جو بايدن)
    assert p["roles"][0]["text"] == "الرئيس الأميركي" and p["roles"][0]["documents"] == 2
    assert len(p["quotes_by"]) == 2 and p["quotes_by"][0]["speaker"] == "جو بايدن"
    about_putin = store.entity_profile("بوتين")["quotes_about"]
    assert about_putin == []  # no quote mentions Putin
    about_ru = store.entity_profile("روسيا")["quotes_about"]
    assert {q["speaker"] for q in about_ru} == {"جو بايدن"}
    co = {c["name"]: c["documents"] for c in p["co_mentions"]}
    assert co["فلاديمير بوتين"] == 2 and "دميتري بيسكوف" not in co
    assert store.entity_profile("شخص غير موجود") is None
    assert store.entity_profile(str(p["entity"]["id"]))["entity"]["name"] == "جو بايدن"


def test_quotes_in_time_order(store):
    later = call_doc(published="2022-01-10", body=CALL + "وجدد المسؤولون الدعوة إلى الحوار.\n")
    store.ingest([later, call_doc(), sanctions_doc()])
    qs = store.quotes(speaker="بايدن")
    assert [q["published"] for q in qs] == ["2021-12-30", "2022-01-10"]
    assert qs[0]["content"].startswith("الولايات المتحدة") and qs[0]["source"] == "وكالة الأنباء"
    assert qs[0]["about"] == ["أوكرانيا", "روسيا"] or set(qs[0]["about"]) == {"أوكرانيا", "روسيا"}
    assert [q["speaker"] for q in store.quotes(about="الولايات المتحدة")] == ["دميتري بيسكوف"]
    assert store.quotes(speaker="بايدن", about="الولايات المتحدة") == []
    assert len(store.quotes()) == 5
    assert store.quotes(speaker="لا أحد") == []


def test_timeline_scores_and_periods(store):
    d1 = call_doc()
    d2 = call_doc(
        published="2022-01-03",
        body=CALL.replace("مساء الخميس", "مجددا يوم الاثنين") + "وهدد بوتين بايدن بالرد.\n",
        events=[
            {
                "type": "CONSULT",
                "trigger": "اتصالا",
                "source": ["جو بايدن", "فلاديمير بوتين"],
                "symmetric": True,
            },
            {"type": "THREATEN", "trigger": "وهدد", "source": ["فلاديمير بوتين"], "target": ["جو بايدن"]},
            {"type": "ACCUSE", "trigger": "قال بوتين", "source": ["فلاديمير بوتين"], "target": ["روسيا"]},
        ],
    )
    store.ingest([d1, d2, sanctions_doc()])
    tl = store.timeline("بايدن", "person/vladimir-putin")
    rows = [(r["period"], r["type"], r["events"], r["score"]) for r in tl["rows"]]
    assert rows == [
        ("2021-12-30", "CONSULT", 1, 1.0),
        ("2022-01-03", "CONSULT", 1, 1.0),
        ("2022-01-03", "THREATEN", 1, -6.0),
    ]
    assert tl["rows"][2]["b_to_a"] == 1 and tl["rows"][2]["a_to_b"] == 0
    assert [p["score"] for p in tl["periods"]] == [1.0, -5.0]
    week = store.timeline("بايدن", "بوتين", by="week")
    assert [(p["period"], p["events"]) for p in week["periods"]] == [("2021-W52", 1), ("2022-W01", 2)]
    # the conditional threat against Russia counts only with all modalities
    assert store.timeline("بايدن", "روسيا", members=False)["rows"] == []
    assert (
        store.timeline("بايدن", "روسيا", all_modalities=True, members=False)["rows"][0]["type"] == "THREATEN"
    )
    # countries stand for their officials (KB country): Biden and Putin's call is between the US and Russia
    d3 = call_doc(published="2022-01-20", body=CALL + "وأكد الطرفان استمرار الاتصالات بين واشنطن وموسكو.\n")
    store.ingest([d3])
    countries = store.timeline("country/US", "روسيا")
    assert countries["a"]["kb_id"] == "country/US"
    assert [(r["period"], r["type"]) for r in countries["rows"]][-1] == ("2022-01-20", "CONSULT")
    assert store.timeline("country/US", "روسيا", members=False)["rows"] == []
    none = store.timeline("بايدن", "لا أحد")
    assert none["b"] is None and none["rows"] == []
    with pytest.raises(ValueError):
        store.timeline("بايدن", "بوتين", by="year")


def test_top(store):
    store.ingest(
        [call_doc(), sanctions_doc(), call_doc(published="2022-01-02", body=CALL + "وانتهى الاتصال.\n")]
    )
    t = store.top()
    assert t["entities"][0]["name"] == "روسيا" and t["entities"][0]["documents"] == 3
    assert t["speakers"][0]["name"] in ("جو بايدن", "فلاديمير بوتين") and t["speakers"][0]["quotes"] == 2
    types = {e["type"]: e for e in t["event_types"]}
    assert types["CONSULT"]["events"] == 2 and types["CONSULT"]["score"] == 1.0
    since = store.top(since="2022-01-01", limit=1)
    assert len(since["entities"]) == 1 and since["entities"][0]["documents"] == 2
    assert {e["type"] for e in since["event_types"]} == {"CONSULT"}
    # results are cached until the corpus changes, here or in another process
    assert store.top() == t
    store.ingest([call_doc(published="2022-03-03", body=CALL + "وجرى الاتصال الثالث.\n")])
    assert store.top()["entities"][0]["documents"] == 4
    other = open_store(store.url)
    other.ingest([call_doc(published="2022-03-04", body=CALL + "وجرى الاتصال الرابع.\n")])
    other.close()
    assert store.top()["entities"][0]["documents"] == 5


def test_a_batch_is_written_in_one_go(store):
    from rasd.corpus.prepare import job_from_item, prepare

    docs = [call_doc(), sanctions_doc(), call_doc(published="2022-02-02", body=CALL + "وانتهى الاتصال.\n")]
    prepared = [prepare(job_from_item(d)) for d in docs] + [prepare(job_from_item(docs[0]))]
    with store.engine.begin() as conn:  # no fallback to one document at a time: this must not raise
        outcomes = store.writer.write_batch(conn, prepared)
    assert outcomes == ["new", "new", "duplicate", "known"]
    assert store.count("entities") == 7 and store.count("documents") == 3
    assert [e["documents"] for e in store.top()["entities"]][:1] == [3]


def test_deleting_the_first_of_a_group_keeps_the_group(store):
    base = call_doc(source="موقع أ")
    copy1 = call_doc(source="موقع ب", body="موسكو (رويترز) - " + CALL)
    copy2 = call_doc(source="موقع ج", body="واشنطن (أ ف ب) - " + CALL)
    store.ingest([base, copy1, copy2])
    assert store.stats() == {"documents": 3, "stories": 1}
    assert store.delete_document(base.id)
    assert store.stats() == {"documents": 2, "stories": 1}
    dups = {d["id"]: d["near_duplicate_of"] for d in store.list_documents()}
    assert dups == {copy1.id: None, copy2.id: copy1.id}
    assert store.entity_profile("بايدن")["entity"]["stories"] == 1
