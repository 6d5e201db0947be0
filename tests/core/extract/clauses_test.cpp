#include "extract/clauses.h"
#include "extract/tagger.h"

#include <QStringList>
#include <QTest>

using namespace carto;
using namespace carto::extract;

namespace {

// The clauses of one sentence as text, " | " between them; a relative clause
// is marked with a leading "R:". unbreakable: substrings no boundary may cut.
QString clausesOf(const QString &sentence, const QStringList &unbreakable = {})
{
    const Tagger::Tagged t = Tagger::instance().tagText(sentence);
    std::vector<std::pair<std::int32_t, std::int32_t>> ranges;
    for (const QString &u : unbreakable) {
        const qsizetype start = sentence.indexOf(u);
        const qsizetype end = start + u.size();
        std::int32_t first = -1;
        std::int32_t last = -1;
        for (size_t i = 0; i < t.tokens.size(); ++i) {
            if (first < 0 && t.tokens[i].start >= start)
                first = static_cast<std::int32_t>(i);
            if (t.tokens[i].end <= end)
                last = static_cast<std::int32_t>(i) + 1;
        }
        ranges.emplace_back(first, last);
    }
    std::vector<Clause> clauses;
    splitClauses(t.tokens, t.tags, sentence, ranges, clauses);
    QStringList parts;
    std::int32_t expectedBegin = 0;
    for (const Clause &c : clauses) {
        if (c.begin != expectedBegin || c.end <= c.begin)
            return QStringLiteral("clauses do not tile the sentence");
        expectedBegin = c.end;
        const qsizetype from = t.tokens[static_cast<size_t>(c.begin)].start;
        const qsizetype to = t.tokens[static_cast<size_t>(c.end - 1)].end;
        parts << (c.relative ? QStringLiteral("R:") : QString()) + sentence.mid(from, to - from);
    }
    if (expectedBegin != static_cast<std::int32_t>(t.tokens.size()))
        return QStringLiteral("clauses do not cover the sentence");
    return parts.join(QStringLiteral(" | "));
}

} // namespace

class ClausesTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(Tagger::instance().isLoaded(), qPrintable(Tagger::instance().errorString())); }

    void splitClauses_sentence_cutsWhereAClauseWithItsOwnSubjectBegins_data()
    {
        QTest::addColumn<QString>("sentence");
        QTest::addColumn<QString>("clauses");
        QTest::newRow("coordinated clauses") << QStringLiteral("China invests in solar energy, and India builds wind farms.")
                                             << QStringLiteral("China invests in solar energy, | and India builds wind farms.");
        QTest::newRow("semicolon") << QStringLiteral("China invests in solar; India builds wind farms.")
                                   << QStringLiteral("China invests in solar; | India builds wind farms.");
        QTest::newRow("subordinate clause first") << QStringLiteral("Because China invested in solar, prices fell.")
                                                  << QStringLiteral("Because China invested in solar, | prices fell.");
        QTest::newRow("complement clause") << QStringLiteral("The minister said that China invests in solar.")
                                           << QStringLiteral("The minister said | that China invests in solar.");
        QTest::newRow("relative clause") << QStringLiteral("China builds the factories that make batteries.")
                                         << QStringLiteral("China builds the factories | R:that make batteries.");
        QTest::newRow("list of subjects") << QStringLiteral("Apple, Google, Nvidia and Huawei met again in Beijing.")
                                          << QStringLiteral("Apple, Google, Nvidia and Huawei met again in Beijing.");
        QTest::newRow("apposition") << QStringLiteral("China, the largest emitter, invests billions in solar power.")
                                    << QStringLiteral("China, the largest emitter, invests billions in solar power.");
        QTest::newRow("shared subject") << QStringLiteral("China invests in solar and builds wind farms.")
                                        << QStringLiteral("China invests in solar and builds wind farms.");
        QTest::newRow("coordinated subject") << QStringLiteral("Prices of solar and wind fell sharply.")
                                             << QStringLiteral("Prices of solar and wind fell sharply.");
        QTest::newRow("prepositions do not cut") << QStringLiteral("The share of jobs in clean energy grew.")
                                                 << QStringLiteral("The share of jobs in clean energy grew.");
        QTest::newRow("no verb") << QStringLiteral("Solar, wind and water.") << QStringLiteral("Solar, wind and water.");
    }

    void splitClauses_sentence_cutsWhereAClauseWithItsOwnSubjectBegins()
    {
        QFETCH(QString, sentence);
        QFETCH(QString, clauses);
        QCOMPARE(clausesOf(sentence), clauses);
    }

    void splitClauses_boundaryInsideAMention_isNoBoundary()
    {
        const QString sentence = QStringLiteral("China supports research and India builds dams.");
        QCOMPARE(clausesOf(sentence), QStringLiteral("China supports research | and India builds dams."));
        QCOMPARE(clausesOf(sentence, {QStringLiteral("research and India")}),
                 QStringLiteral("China supports research and India builds dams."));
    }

    void splitClauses_untaggedSentence_isOneClause()
    {
        const QString sentence = QStringLiteral("China invests in solar, and India builds dams.");
        const Tagger::Tagged t = Tagger::instance().tagText(sentence);
        const std::vector<PosTag> none(t.tokens.size(), PosTag::None);
        std::vector<Clause> clauses;
        splitClauses(t.tokens, none, sentence, {}, clauses);
        QCOMPARE(clauses.size(), size_t(1));
        QCOMPARE(clauses[0].end, static_cast<std::int32_t>(t.tokens.size()));
        splitClauses({}, {}, sentence, {}, clauses);
        QVERIFY(clauses.empty());
    }

    void isSubordinator_closedClassOnly_data()
    {
        QTest::addColumn<QString>("word");
        QTest::addColumn<bool>("subordinator");
        QTest::newRow("because") << QStringLiteral("because") << true;
        QTest::newRow("Although") << QStringLiteral("Although") << true;
        QTest::newRow("whether") << QStringLiteral("whether") << true;
        QTest::newRow("that") << QStringLiteral("that") << true;
        QTest::newRow("in") << QStringLiteral("in") << false;
        QTest::newRow("of") << QStringLiteral("of") << false;
        QTest::newRow("for") << QStringLiteral("for") << false;
        QTest::newRow("empty") << QString() << false;
    }

    void isSubordinator_closedClassOnly()
    {
        QFETCH(QString, word);
        QFETCH(bool, subordinator);
        QCOMPARE(isSubordinator(word), subordinator);
    }
};

QTEST_GUILESS_MAIN(ClausesTest)
#include "clauses_test.moc"
