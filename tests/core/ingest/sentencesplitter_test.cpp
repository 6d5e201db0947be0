#include "ingest/sentencesplitter.h"

#include <QTest>

using namespace carto;
using namespace carto::ingest;

class SentenceSplitterTest final : public QObject
{
    Q_OBJECT

private:
    static QStringList split(const QString &text)
    {
        std::vector<TextRange> ranges;
        SentenceSplitter::split(text, TextRange{0, text.size()}, ranges);
        QStringList out;
        qsizetype previousEnd = 0;
        for (const TextRange &r : ranges) {
            // Sorted, non-overlapping, trimmed.
            if (r.start < previousEnd || r.isEmpty())
                return {QStringLiteral("BAD RANGE")};
            previousEnd = r.end;
            out << r.slice(text).toString();
        }
        return out;
    }

private Q_SLOTS:
    void split_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("simple") << QStringLiteral("One thing. Another thing! A third? Yes.")
                                << QStringList{QStringLiteral("One thing."), QStringLiteral("Another thing!"),
                                               QStringLiteral("A third?"), QStringLiteral("Yes.")};
        QTest::newRow("titles") << QStringLiteral("Mr. Smith met Mrs. Jones and Dr. Who. They talked.")
                                << QStringList{QStringLiteral("Mr. Smith met Mrs. Jones and Dr. Who."), QStringLiteral("They talked.")};
        QTest::newRow("initials") << QStringLiteral("President J. F. Kennedy spoke. Crowds cheered.")
                                  << QStringList{QStringLiteral("President J. F. Kennedy spoke."), QStringLiteral("Crowds cheered.")};
        QTest::newRow("acronym mid") << QStringLiteral("The U.S. Government and the U.K. agreed. Talks ended.")
                                     << QStringList{QStringLiteral("The U.S. Government and the U.K. agreed."), QStringLiteral("Talks ended.")};
        QTest::newRow("acronym end") << QStringLiteral("Troops returned to the U.S. The war was over.")
                                     << QStringList{QStringLiteral("Troops returned to the U.S."), QStringLiteral("The war was over.")};
        QTest::newRow("eg ie") << QStringLiteral("Use tools, e.g. Hammers, i.e. Heavy ones. Fine.")
                               << QStringList{QStringLiteral("Use tools, e.g. Hammers, i.e. Heavy ones."), QStringLiteral("Fine.")};
        QTest::newRow("etc") << QStringLiteral("Apples, pears, etc. are fruit. Bread, milk, etc. The list goes on.")
                             << QStringList{QStringLiteral("Apples, pears, etc. are fruit."), QStringLiteral("Bread, milk, etc."),
                                            QStringLiteral("The list goes on.")};
        QTest::newRow("decimals") << QStringLiteral("Growth was 3.5 percent in 1999. It fell to 2.1.")
                                  << QStringList{QStringLiteral("Growth was 3.5 percent in 1999."), QStringLiteral("It fell to 2.1.")};
        QTest::newRow("dates and numbers") << QStringLiteral("It began on Jan. 5 at No. 10 Downing St. in London. Then it rained.")
                                           << QStringList{QStringLiteral("It began on Jan. 5 at No. 10 Downing St. in London."), QStringLiteral("Then it rained.")};
        QTest::newRow("ellipsis") << QStringLiteral("He paused... and went on. Then... Silence fell. Wait . . . No.")
                                  << QStringList{QStringLiteral("He paused... and went on."), QStringLiteral("Then..."),
                                                 QStringLiteral("Silence fell."), QStringLiteral("Wait . . ."), QStringLiteral("No.")};
        QTest::newRow("quotes") << QStringLiteral("He said \"Stop.\" She left. (It was late.) Done.")
                                << QStringList{QStringLiteral("He said \"Stop.\""), QStringLiteral("She left."),
                                               QStringLiteral("(It was late.)"), QStringLiteral("Done.")};
        QTest::newRow("enumerators") << QStringLiteral("1. The first point is long. II. Foreign affairs are calm. We won in 1945. Peace came.")
                                     << QStringList{QStringLiteral("1. The first point is long."), QStringLiteral("II. Foreign affairs are calm."),
                                                    QStringLiteral("We won in 1945."), QStringLiteral("Peace came.")};
        QTest::newRow("pronoun I") << QStringLiteral("So do I. The rest agree.")
                                   << QStringList{QStringLiteral("So do I."), QStringLiteral("The rest agree.")};
        QTest::newRow("urls") << QStringLiteral("See example.com for more. Bye.")
                              << QStringList{QStringLiteral("See example.com for more."), QStringLiteral("Bye.")};
        QTest::newRow("line break") << QStringLiteral("A line without stop\nNext line.")
                                    << QStringList{QStringLiteral("A line without stop"), QStringLiteral("Next line.")};
        QTest::newRow("no terminal") << QStringLiteral("  A heading without a period  ") << QStringList{QStringLiteral("A heading without a period")};
    }

    void split()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        QCOMPARE(split(text), expected);
    }

    void split_runOnAddressWithoutLineBreaks_givesManySentences()
    {
        // SOTU-like: one long line of many sentences.
        QString text;
        for (int i = 0; i < 2000; ++i)
            text += QStringLiteral("The Congress of the U.S. met on Dec. %1 and voted 3.5 million dollars for Mr. Adams. ").arg(i % 28 + 1);
        const QStringList sentences = split(text);
        QCOMPARE(sentences.size(), 2000);
        QVERIFY(sentences.front().startsWith(u"The Congress"));
        QVERIFY(sentences.front().endsWith(u"Mr. Adams."));
    }

    void split_subRange_staysInsideRange()
    {
        const QString text = QStringLiteral("Outside. Inside one. Inside two. Outside.");
        const TextRange block{9, 32};
        std::vector<TextRange> ranges;
        SentenceSplitter::split(text, block, ranges);
        QCOMPARE(ranges.size(), size_t(2));
        for (const TextRange &r : ranges)
            QVERIFY(block.contains(r));
        QCOMPARE(ranges[1].slice(text).toString(), QStringLiteral("Inside two."));
    }
};

QTEST_GUILESS_MAIN(SentenceSplitterTest)
#include "sentencesplitter_test.moc"
