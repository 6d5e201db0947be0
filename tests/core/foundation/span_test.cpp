#include "foundation/span.h"
#include "foundation/typedid.h"

#include <QTest>

using namespace carto;

class SpanTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void slice_returnsTheCoveredText()
    {
        const QString text = QStringLiteral("Hello, wide world");
        const TextRange range{7, 11};
        QCOMPARE(range.slice(text).toString(), QStringLiteral("wide"));
        QCOMPARE(range.length(), 4);
        QVERIFY(range.contains(7));
        QVERIFY(!range.contains(11));
    }

    void codePointOffset_countsSurrogatePairsOnce()
    {
        // U+1F525 (fire) is two UTF-16 code units but one code point.
        const QString text = QString::fromUtf8("a\xF0\x9F\x94\xA5" "b");
        QCOMPARE(text.size(), 4);
        QCOMPARE(codePointOffset(text, 0), 0);
        QCOMPARE(codePointOffset(text, 1), 1);
        QCOMPARE(codePointOffset(text, 3), 2);
        QCOMPARE(codePointOffset(text, 4), 3);
    }

    void typedIds_compareByValueWithinOneKind()
    {
        QCOMPARE(ConceptId(QStringLiteral("china")), ConceptId(QStringLiteral("china")));
        QVERIFY(ConceptId(QStringLiteral("a")) < ConceptId(QStringLiteral("b")));
        QCOMPARE(qHash(DocumentId(3)), qHash(DocumentId(3)));
    }
};

QTEST_GUILESS_MAIN(SpanTest)
#include "span_test.moc"
