#include "extract/relationlabel.h"
#include "extract/tagger.h"

#include <QTest>

using namespace carto;
using namespace carto::extract;

namespace {

// The label between the first occurrence of `first` and the first occurrence
// of `second` after it, in one tagged sentence.
QString labelBetween(const QString &sentence, const QString &first, const QString &second)
{
    const Tagger::Tagged t = Tagger::instance().tagText(sentence);
    const qsizetype from = sentence.indexOf(first) + first.size();
    const qsizetype to = sentence.indexOf(second, from);
    if (sentence.indexOf(first) < 0 || to < 0)
        return QStringLiteral("mention not found");
    std::int32_t gapBegin = -1;
    std::int32_t gapEnd = -1;
    for (size_t i = 0; i < t.tokens.size(); ++i) {
        if (gapBegin < 0 && t.tokens[i].start >= from)
            gapBegin = static_cast<std::int32_t>(i);
        if (gapEnd < 0 && t.tokens[i].start >= to)
            gapEnd = static_cast<std::int32_t>(i);
    }
    RelationLabeller labeller;
    return labeller.label(t.tokens, t.tags, sentence, gapBegin, gapEnd, from, to);
}

} // namespace

class RelationLabelTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(Tagger::instance().isLoaded(), qPrintable(Tagger::instance().errorString())); }

    void label_mentionsOfOneClause_sayWhatLinksThem_data()
    {
        QTest::addColumn<QString>("sentence");
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("second");
        QTest::addColumn<QString>("label");
        QTest::newRow("verb and preposition") << QStringLiteral("China invests in solar energy.") << QStringLiteral("China")
                                              << QStringLiteral("solar energy") << QStringLiteral("invest in");
        QTest::newRow("verb lemma") << QStringLiteral("Solar energy depends on subsidies.") << QStringLiteral("Solar energy")
                                    << QStringLiteral("subsidies") << QStringLiteral("depend on");
        QTest::newRow("direct object") << QStringLiteral("Nvidia supplies Tencent.") << QStringLiteral("Nvidia")
                                       << QStringLiteral("Tencent") << QStringLiteral("supply");
        QTest::newRow("object before the preposition")
            << QStringLiteral("China invests billions in solar power.") << QStringLiteral("China")
            << QStringLiteral("solar power") << QStringLiteral("invest in");
        QTest::newRow("passive") << QStringLiteral("The plant is owned by Quentor Labs.") << QStringLiteral("plant")
                                 << QStringLiteral("Quentor Labs") << QStringLiteral("owned by");
        QTest::newRow("reduced relative") << QStringLiteral("They visited the plant owned by Quentor Labs.")
                                          << QStringLiteral("plant") << QStringLiteral("Quentor Labs")
                                          << QStringLiteral("owned by");
        QTest::newRow("perfect is active") << QStringLiteral("China has invested in solar power.")
                                           << QStringLiteral("China") << QStringLiteral("solar power")
                                           << QStringLiteral("invest in");
        QTest::newRow("negation") << QStringLiteral("The spending freeze does not affect Medicare.")
                                  << QStringLiteral("spending freeze") << QStringLiteral("Medicare")
                                  << QStringLiteral("not affect");
        QTest::newRow("particle") << QStringLiteral("The ministry set up a fund.") << QStringLiteral("ministry")
                                  << QStringLiteral("fund") << QStringLiteral("set up");
        QTest::newRow("relative pronoun") << QStringLiteral("We fight the terrorists who threaten our nation.")
                                          << QStringLiteral("terrorists") << QStringLiteral("nation")
                                          << QStringLiteral("threaten");
        QTest::newRow("apposition") << QStringLiteral("Nvidia, the chip maker, supplies Tencent.")
                                    << QStringLiteral("Nvidia") << QStringLiteral("Tencent") << QStringLiteral("supply");
        QTest::newRow("preposition alone") << QStringLiteral("Jobs in clean energy grow.") << QStringLiteral("Jobs")
                                           << QStringLiteral("clean energy") << QStringLiteral("in");
        QTest::newRow("copula and preposition") << QStringLiteral("Hangzhou is in China.") << QStringLiteral("Hangzhou")
                                                << QStringLiteral("China") << QStringLiteral("in");
        QTest::newRow("connective") << QStringLiteral("Platforms such as WeChat dominate.") << QStringLiteral("Platforms")
                                    << QStringLiteral("WeChat") << QStringLiteral("such as");
    }

    void label_mentionsOfOneClause_sayWhatLinksThem()
    {
        QFETCH(QString, sentence);
        QFETCH(QString, first);
        QFETCH(QString, second);
        QFETCH(QString, label);
        QCOMPARE(labelBetween(sentence, first, second), label);
    }

    void label_indirectLinks_giveNoLabel_data()
    {
        QTest::addColumn<QString>("sentence");
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("second");
        QTest::newRow("two verbs") << QStringLiteral("China said India invests in solar power.")
                                   << QStringLiteral("China") << QStringLiteral("solar power");
        QTest::newRow("another subject") << QStringLiteral("China's firms invest in solar power.")
                                         << QStringLiteral("China") << QStringLiteral("solar power");
        QTest::newRow("object with its own preposition")
            << QStringLiteral("China invests in projects with India.") << QStringLiteral("China")
            << QStringLiteral("India");
        QTest::newRow("copula and noun") << QStringLiteral("Beijing is the capital of China.")
                                         << QStringLiteral("Beijing") << QStringLiteral("China");
        QTest::newRow("list") << QStringLiteral("Apple, Google and Nvidia met.") << QStringLiteral("Apple")
                              << QStringLiteral("Nvidia");
        QTest::newRow("adjacent") << QStringLiteral("Beaver dams slow floods.") << QStringLiteral("Beaver")
                                  << QStringLiteral("dams");
        QTest::newRow("negated auxiliary alone") << QStringLiteral("The ministry doesn't the fund.")
                                                 << QStringLiteral("ministry") << QStringLiteral("fund");
        QTest::newRow("long gap")
            << QStringLiteral("China invests, after many long and careful years of hesitant planning and study, in solar.")
            << QStringLiteral("China") << QStringLiteral("solar");
    }

    void label_indirectLinks_giveNoLabel()
    {
        QFETCH(QString, sentence);
        QFETCH(QString, first);
        QFETCH(QString, second);
        QCOMPARE(labelBetween(sentence, first, second), QString());
    }

    void connectiveLabel_gapText_matchesWrittenConnectives_data()
    {
        QTest::addColumn<QString>("gap");
        QTest::addColumn<QString>("label");
        QTest::newRow("such as") << QStringLiteral(" such as ") << QStringLiteral("such as");
        QTest::newRow("articles and punctuation") << QStringLiteral(", including the ") << QStringLiteral("including");
        QTest::newRow("case") << QStringLiteral(" Powered By ") << QStringLiteral("powered by");
        QTest::newRow("and") << QStringLiteral(" and ") << QString();
        QTest::newRow("article only") << QStringLiteral(" the ") << QString();
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("too long") << QStringLiteral(" and, as the papers of the committee show at length, such as ")
                                  << QString();
    }

    void connectiveLabel_gapText_matchesWrittenConnectives()
    {
        QFETCH(QString, gap);
        QFETCH(QString, label);
        QCOMPARE(connectiveLabel(gap), label);
    }
};

QTEST_GUILESS_MAIN(RelationLabelTest)
#include "relationlabel_test.moc"
