// The text rules every exporter applies to untrusted strings.
#include "export/sanitize.h"

#include <QTest>

using namespace carto;
using exporter::sanitize::csvText;
using exporter::sanitize::mapTitle;
using exporter::sanitize::markdownCode;
using exporter::sanitize::markdownInline;
using exporter::sanitize::xml;

class SanitizeTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void xml_dropsWhatXml10Forbids_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("River & <Otter>") << QStringLiteral("River & <Otter>");
        QTest::newRow("controls") << QStringLiteral("\x01\x02" "ctl\x1b[31mred") << QStringLiteral("ctl[31mred");
        QTest::newRow("nul") << QString::fromUtf16(u"zero\0width", 10) << QStringLiteral("zerowidth");
        QTest::newRow("tab, newline, CR kept") << QStringLiteral("a\tb\nc\rd") << QStringLiteral("a\tb\nc\rd");
        QTest::newRow("noncharacters") << QString::fromUtf16(u"\uFFFF\uFFFEx") << QStringLiteral("x");
        QTest::newRow("lone high surrogate") << (QStringLiteral("a") + QChar(0xD800) + QStringLiteral("b"))
                                             << QStringLiteral("ab");
        QTest::newRow("lone low surrogate") << (QStringLiteral("a") + QChar(0xDC00)) << QStringLiteral("a");
        QTest::newRow("astral kept") << QString::fromUtf8("fire \xF0\x9F\x94\xA5") << QString::fromUtf8("fire \xF0\x9F\x94\xA5");
        QTest::newRow("bidi override kept") << QString::fromUtf16(u"\u202Eexe.txt") << QString::fromUtf16(u"\u202Eexe.txt");
    }

    void xml_dropsWhatXml10Forbids()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(xml(input), expected);
    }

    void csvText_neutralisesFormulaStarts_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("equals") << QStringLiteral("=HYPERLINK(\"http://x\",\"click\")")
                                << QStringLiteral("'=HYPERLINK(\"http://x\",\"click\")");
        QTest::newRow("plus") << QStringLiteral("+1+cmd|' /C calc'!A0") << QStringLiteral("'+1+cmd|' /C calc'!A0");
        QTest::newRow("minus") << QStringLiteral("-2+3") << QStringLiteral("'-2+3");
        QTest::newRow("at") << QStringLiteral("@SUM(1+1)") << QStringLiteral("'@SUM(1+1)");
        QTest::newRow("tab") << QStringLiteral("\t\"tab\"") << QStringLiteral("'\t\"tab\"");
        QTest::newRow("carriage return") << QStringLiteral("\r=1") << QStringLiteral("'\r=1");
        QTest::newRow("control before formula") << QStringLiteral("\x01=1") << QStringLiteral("'=1");
        QTest::newRow("plain") << QStringLiteral("Beaver") << QStringLiteral("Beaver");
        QTest::newRow("inner equals") << QStringLiteral("a=b") << QStringLiteral("a=b");
        QTest::newRow("empty") << QString() << QString();
    }

    void csvText_neutralisesFormulaStarts()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(csvText(input), expected);
    }

    void markdownInline_leavesNoStructure_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("River Otter") << QStringLiteral("River Otter");
        QTest::newRow("html") << QStringLiteral("<img src=http://h/p.png>")
                              << QStringLiteral("&lt;img src\\=http://h/p.png&gt;");
        QTest::newRow("script and entities") << QStringLiteral("<script>alert('x')</script> & \"q\"")
                                             << QStringLiteral("&lt;script&gt;alert('x')&lt;/script&gt; &amp; \"q\"");
        QTest::newRow("image embed") << QStringLiteral("![x](http://h/md.png)")
                                     << QStringLiteral("\\!\\[x\\](http://h/md.png)");
        QTest::newRow("wiki link") << QStringLiteral("[[Evil Link]]") << QStringLiteral("\\[\\[Evil Link\\]\\]");
        QTest::newRow("newlines fold") << QStringLiteral("line1\nline2\r\n# injected heading\n[[Evil]]")
                                       << QStringLiteral("line1 line2 \\# injected heading \\[\\[Evil\\]\\]");
        QTest::newRow("front matter") << QStringLiteral("---\ntags: [pwned]\n---")
                                      << QStringLiteral("\\--- tags: \\[pwned\\] ---");
        QTest::newRow("pipes and code") << QStringLiteral("a|b `c`") << QStringLiteral("a\\|b \\`c\\`");
        QTest::newRow("controls and bidi") << QString::fromUtf16(u"\x01" u"ctl \u202Eexe") << QStringLiteral("ctl exe");
        QTest::newRow("comment and maths") << QStringLiteral("%%hide%% $x$") << QStringLiteral("\\%\\%hide\\%\\% \\$x\\$");
        QTest::newRow("tag") << QStringLiteral("#tag") << QStringLiteral("\\#tag");
    }

    void markdownInline_leavesNoStructure()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(markdownInline(input), expected);
        QVERIFY(!markdownInline(input).contains(u'\n'));
    }

    void markdownCode_fenceOutrunsBackticks_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("notes/a.md") << QStringLiteral("`notes/a.md`");
        QTest::newRow("one backtick") << QStringLiteral("a`b.md") << QStringLiteral("`` a`b.md ``");
        QTest::newRow("newline") << QStringLiteral("a\nb.md") << QStringLiteral("`a b.md`");
    }

    void markdownCode_fenceOutrunsBackticks()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(markdownCode(input), expected);
    }

    void mapTitle_namesOnlyTheFolder_data()
    {
        QTest::addColumn<QString>("root");
        QTest::addColumn<QString>("expected");
        QTest::newRow("absolute") << QStringLiteral("/home/ann/private/sotu") << QStringLiteral("Concept map of sotu");
        QTest::newRow("trailing slash") << QStringLiteral("/home/ann/sotu/") << QStringLiteral("Concept map of sotu");
        QTest::newRow("root") << QStringLiteral("/") << QStringLiteral("Concept map");
        QTest::newRow("empty") << QString() << QStringLiteral("Concept map");
    }

    void mapTitle_namesOnlyTheFolder()
    {
        QFETCH(QString, root);
        QFETCH(QString, expected);
        QCOMPARE(mapTitle(root), expected);
    }
};

QTEST_GUILESS_MAIN(SanitizeTest)

#include "sanitize_test.moc"
