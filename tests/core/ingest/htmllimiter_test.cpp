#include "support/hostileinputs.h"
#include "ingest/htmllimiter.h"

#include <QFile>
#include <QTest>

#include <gumbo.h>

#include <vector>

using namespace carto::ingest;

namespace {

// The depth of gumbo's tree and its text, walked without recursion.
struct Parsed
{
    int depth = 0;
    QString text;
};

Parsed parse(const QByteArray &html)
{
    Parsed parsed;
    GumboOutput *output = gumbo_parse_with_options(&kGumboDefaultOptions, html.constData(), size_t(html.size()));
    std::vector<std::pair<const GumboNode *, int>> pending{{output->document, 0}};
    while (!pending.empty()) {
        const auto [node, depth] = pending.back();
        pending.pop_back();
        parsed.depth = std::max(parsed.depth, depth);
        if (node->type == GUMBO_NODE_TEXT) {
            parsed.text += QString::fromUtf8(node->v.text.text);
            continue;
        }
        const GumboVector *children = node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children
                                      : (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE)
                                          ? &node->v.element.children
                                          : nullptr;
        for (unsigned i = children ? children->length : 0; i-- > 0;)
            pending.emplace_back(static_cast<const GumboNode *>(children->data[i]), depth + 1);
    }
    // Bounded pages only reach here, so gumbo's recursive cleanup is safe.
    gumbo_destroy_output(&kGumboDefaultOptions, output);
    return parsed;
}

} // namespace

// HtmlLimiter must bound the depth of the tree gumbo really builds (not only
// its own estimate), keep every word of text, and leave ordinary pages alone.
class HtmlLimiterTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void limit_hostilePage_realTreeDepthBoundedAndTextKept_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < int(std::size(hostilehtml::cases)); ++i)
            QTest::newRow(hostilehtml::cases[i].name) << i;
    }

    void limit_hostilePage_realTreeDepthBoundedAndTextKept()
    {
        QFETCH(int, index);
        const QByteArray page = hostilehtml::cases[index].page();
        const HtmlLimiter::Limits limits;
        const HtmlLimiter::Result result = HtmlLimiter::limit(page, limits);
        QVERIFY(result.changed());
        const Parsed parsed = parse(result.html);
        // document > html > body (+ implied tbody, tr, p) above the limited elements.
        QVERIFY2(parsed.depth <= limits.maxDepth + 8, qPrintable(QString::number(parsed.depth)));
        QVERIFY(parsed.text.contains(u"Acme Corporation met Globex."));
    }

    void limit_ordinaryPages_unchanged_data()
    {
        QTest::addColumn<QByteArray>("page");
        QFile file(QStringLiteral(CARTO_TEST_DATA_DIR "/ingest/page.html"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QTest::newRow("fixture") << file.readAll();
        QByteArray nested;
        for (int i = 0; i < 200; ++i)
            nested += "<div class=\"level\"><span>";
        QTest::newRow("400 levels") << nested + "text" + QByteArray("</span></div>").repeated(200);
        QTest::newRow("script with tags") << QByteArray("<script>" + QByteArray("if (a<b) x = '<div>';").repeated(2000)
                                                        + "</script><p>text</p>");
        QTest::newRow("sloppy paragraphs") << QByteArray("<p><b>bold").repeated(5000);
        QTest::newRow("svg paths") << QByteArray("<svg>" + QByteArray("<path d=\"M0 0\"/>").repeated(5000) + "</svg>");
        QTest::newRow("100 attributes") << QByteArray("<p " + QByteArray("x=1 ").repeated(100) + ">text</p>");
        QTest::newRow("list items") << QByteArray("<ul>" + QByteArray("<li>item").repeated(5000) + "</ul>");
        QTest::newRow("table rows") << QByteArray("<table>" + QByteArray("<tr><td>a<td>b").repeated(5000) + "</table>");
        QTest::newRow("options") << QByteArray("<select>" + QByteArray("<option>o").repeated(5000) + "</select>");
        QTest::newRow("stray end tags") << QByteArray("<div>text</span></b></i></div>").repeated(1000);
    }

    void limit_ordinaryPages_unchanged()
    {
        QFETCH(QByteArray, page);
        const HtmlLimiter::Result result = HtmlLimiter::limit(page, {});
        QVERIFY(!result.changed());
        QVERIFY(result.html.isEmpty());
    }

    void limit_attributesPastLimit_droppedTagKept()
    {
        const QByteArray page = "<p " + QByteArray("x=1 ").repeated(10) + "title=\"last\">text</p>";
        HtmlLimiter::Limits limits;
        limits.maxAttributes = 4;
        const HtmlLimiter::Result result = HtmlLimiter::limit(page, limits);
        QCOMPARE(result.droppedAttributes, qsizetype(7));
        QCOMPARE(result.droppedTags, qsizetype(0));
        QCOMPARE(result.html, QByteArray("<p x=1 x=1 x=1 x=1 >text</p>"));
    }

    void limit_droppedScript_takesItsCodeAlong()
    {
        HtmlLimiter::Limits limits;
        limits.maxDepth = 2;
        const QByteArray page = "<div><div><script>var secret = 1;</script>Visible</div></div>";
        const HtmlLimiter::Result result = HtmlLimiter::limit(page, limits);
        QVERIFY(result.changed());
        QVERIFY(!result.html.contains("secret"));
        QVERIFY(result.html.contains("Visible"));
    }
};

QTEST_GUILESS_MAIN(HtmlLimiterTest)
#include "htmllimiter_test.moc"
