"""WARC and RSS/Atom readers, through rasd.inputs.iter_inputs."""

from __future__ import annotations

import gzip
import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from rasd.inputs import Article, InputError, iter_inputs
from rasd.inputs.feeds import html_fragment_text

PARAS = [
    "عقد وزير الخارجية المصري اجتماعا مع نظيره الأردني في القاهرة لبحث تطورات الأوضاع في المنطقة.",
    "وأكد الوزيران خلال مؤتمر صحفي مشترك أهمية تنسيق المواقف العربية في المرحلة المقبلة.",
    "وقال الوزير المصري إن بلاده ستواصل جهودها من أجل التوصل إلى تهدئة شاملة ودائمة.",
]
PAGE = (
    "<html><head><meta charset='utf-8'><title>لقاء في القاهرة</title></head><body>"
    "<nav>الرئيسية | أخبار | رياضة</nav><article><h1>لقاء في القاهرة</h1>"
    + "".join(f"<p>{p}</p>" for p in PARAS)
    + "</article><footer>جميع الحقوق محفوظة</footer></body></html>"
)


def _record(
    writer, url, payload: bytes, ctype: str, status: str = "200 OK", date: str = "2022-03-14T08:30:00Z"
):
    http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    rec = writer.create_warc_record(
        url, "response", payload=io.BytesIO(payload), http_headers=http, warc_headers_dict={"WARC-Date": date}
    )
    writer.write_record(rec)


def _warc(path, gz: bool):
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=gz)
        _record(w, "https://news.example/cairo", PAGE.encode("utf-8"), "text/html; charset=utf-8")
        _record(
            w, "https://news.example/missing", b"<html>not found</html>", "text/html", status="404 Not Found"
        )
        _record(w, "https://news.example/logo.png", b"\x89PNG....", "image/png")
        _record(
            w,
            "https://news.example/wire.txt",
            "\n".join(PARAS).encode("utf-8"),
            "text/plain",
            date="2022-03-15T01:00:00Z",
        )


@pytest.mark.parametrize("name, gz", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_warc_responses_become_articles(tmp_path, name, gz):
    path = tmp_path / name
    _warc(path, gz)
    items = list(iter_inputs([str(path)]))
    assert all(isinstance(i, Article) for i in items), items
    html, plain = items
    assert html.url == "https://news.example/cairo"
    assert PARAS[1] in html.text and "جميع الحقوق" not in html.text
    assert html.published == "2022-03-14" and html.published_source == "metadata"
    assert plain.url == "https://news.example/wire.txt" and plain.published == "2022-03-15"
    assert plain.text.split("\n") == PARAS
    assert html.origin != plain.origin and html.origin.startswith(str(path))


def test_damaged_warc_is_reported(tmp_path):
    bad = tmp_path / "broken.warc.gz"
    bad.write_bytes(gzip.compress(b"this is not a WARC file at all\r\n\r\n"))
    items = list(iter_inputs([str(bad)]))
    assert items and all(isinstance(i, InputError) for i in items)


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>صحيفة الخليج</title><link>https://gulf.example</link>
<item><title>قمة خليجية في الرياض</title><link>https://gulf.example/1</link><guid>gulf-1</guid>
<pubDate>Mon, 10 Jan 2022 09:15:00 +0000</pubDate>
<description>ملخص قصير</description>
<content:encoded><![CDATA[<p>افتتحت في الرياض أعمال القمة الخليجية بحضور القادة.</p><p>وناقش المشاركون ملفات الأمن الإقليمي.</p>]]></content:encoded>
</item>
<item><title>أسعار النفط</title><link>https://gulf.example/2</link>
<description>&lt;p&gt;ارتفعت أسعار النفط في التعاملات الآسيوية.&lt;/p&gt;</description>
</item>
<item><title>فارغ</title><link>https://gulf.example/3</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>وكالة المغرب</title><updated>2022-02-01T12:00:00Z</updated>
<id>urn:feed</id>
<entry><title>زيارة رسمية</title><link href="https://ma.example/a"/><id>urn:a</id>
<updated>2022-02-01T10:00:00Z</updated>
<content type="html">&lt;p&gt;وصل رئيس الحكومة إلى مدريد في زيارة رسمية.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_entries(tmp_path):
    p = tmp_path / "gulf.rss"
    p.write_text(RSS, encoding="utf-8")
    items = list(iter_inputs([str(p)]))
    a, b, empty = items
    assert isinstance(a, Article) and isinstance(b, Article) and isinstance(empty, InputError)
    assert (
        a.text == "افتتحت في الرياض أعمال القمة الخليجية بحضور القادة.\nوناقش المشاركون ملفات الأمن الإقليمي."
    )
    assert (a.title, a.url, a.id, a.source, a.published) == (
        "قمة خليجية في الرياض",
        "https://gulf.example/1",
        "gulf-1",
        "صحيفة الخليج",
        "2022-01-10",
    )
    assert b.text == "ارتفعت أسعار النفط في التعاملات الآسيوية." and b.published is None


@pytest.mark.parametrize("name", ["maroc.atom", "maroc.xml"])
def test_atom_entries(tmp_path, name):
    p = tmp_path / name
    p.write_text(ATOM, encoding="utf-8")
    (item,) = list(iter_inputs([str(p)]))
    assert item.text == "وصل رئيس الحكومة إلى مدريد في زيارة رسمية."
    assert (item.url, item.published, item.source) == ("https://ma.example/a", "2022-02-01", "وكالة المغرب")


def test_xml_that_is_not_a_feed(tmp_path):
    p = tmp_path / "sitemap.xml"
    p.write_text(
        "<?xml version='1.0'?><urlset><url><loc>https://x.example</loc></url></urlset>", encoding="utf-8"
    )
    (item,) = list(iter_inputs([str(p)]))
    assert isinstance(item, InputError) and "feed" in item.message


def test_html_fragment_text():
    assert html_fragment_text("<p>سطر أول</p><p>سطر <b>ثان</b></p><script>x()</script>") == "سطر أول\nسطر ثان"
    assert html_fragment_text("نص بلا وسوم") == "نص بلا وسوم"
