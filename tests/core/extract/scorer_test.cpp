// The scorer: keyness against the general-English background, with the
// damping, boosts and halving scorer.h documents, and end to end the rankings
// issue 7 asks for ("the Union" surviving one lower-case "union", a frequent
// generic noun below a specific term).
#include "core/extract/stagepipeline.h"

#include "extract/conceptextractor.h"
#include "extract/scorer.h"

#include <QTest>

#include <cmath>

using namespace carto;
using namespace carto::extract;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(carto::extract::SalienceFeatures)

namespace {

// A rare word of a 10,000-word corpus against a 1.2 M-word background.
SalienceFeatures features(double mentions, double background = 5)
{
    SalienceFeatures f;
    f.mentions = mentions;
    f.documents = 1;
    f.corpusTokens = 10000;
    f.backgroundCount = background;
    f.backgroundTokens = 1.2e6;
    return f;
}

template<typename F>
SalienceFeatures with(SalienceFeatures f, F change)
{
    change(f);
    return f;
}

bool near(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
}

Extraction extractFrom(const QStringList &texts)
{
    return ConceptExtractor().extract(test::readCorpus(texts), {});
}

const Concept *byLabel(const Extraction &x, const QString &label)
{
    for (const Concept &c : x.concepts) {
        if (c.label == label)
            return &c;
    }
    return nullptr;
}

QString ranking(const Extraction &x)
{
    QStringList out;
    for (const Concept &c : x.concepts)
        out << QStringLiteral("%1 %2").arg(c.label).arg(c.score, 0, 'f', 2);
    return out.join(u", "_s);
}

QString repeated(const QString &sentence, int times)
{
    QString out;
    for (int i = 0; i < times; ++i)
        out += sentence + u' ';
    return out;
}

} // namespace

class ScorerTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void conceptScore_moreMentions_scoresHigher_data()
    {
        QTest::addColumn<double>("background");
        QTest::newRow("unknown to the background") << 0.0;
        QTest::newRow("rare") << 20.0;
        QTest::newRow("common") << 300.0;
    }

    void conceptScore_moreMentions_scoresHigher()
    {
        QFETCH(double, background);
        // strictly once above zero (a word no commoner than usual scores 0)
        double previous = 0;
        for (double m : {1.0, 2.0, 3.0, 5.0, 10.0, 20.0, 50.0}) {
            const double s = conceptScore(features(m, background));
            QVERIFY2(previous > 0 ? s > previous : s >= previous,
                     qPrintable(QStringLiteral("%1 mentions: %2 after %3").arg(m).arg(s).arg(previous)));
            previous = s;
        }
        QVERIFY(previous > 0);
    }

    void conceptScore_commonerInTheBackground_scoresLower()
    {
        double previous = conceptScore(features(10, 0));
        QVERIFY(previous > 0);
        for (double bg : {1.0, 10.0, 100.0, 1000.0, 10000.0}) {
            const double s = conceptScore(features(10, bg));
            QVERIFY2(s < previous, qPrintable(QStringLiteral("background %1: %2 after %3").arg(bg).arg(s).arg(previous)));
            previous = s;
        }
    }

    void conceptScore_noCommonerThanInGeneralEnglish_scoresZero()
    {
        // 10 in 10,000 words is the background's own rate (1,200 in 1.2 M)
        QCOMPARE(conceptScore(features(10, 1200 - kBackgroundFloor)), 0.0);
        QCOMPARE(conceptScore(features(10, 50000)), 0.0);
    }

    void conceptScore_modifiers_scaleAsDocumented_data()
    {
        QTest::addColumn<SalienceFeatures>("plain");
        QTest::addColumn<SalienceFeatures>("marked");
        QTest::addColumn<double>("ratio"); // marked / plain
        const SalienceFeatures once = features(1);
        const SalienceFeatures thrice = features(3);
        QTest::newRow("quoted once: no damping, boost 2") << once << with(once, [](auto &f) { f.quoted = true; }) << 4.0;
        QTest::newRow("linked once: no damping, boost 2") << once << with(once, [](auto &f) { f.linked = true; }) << 4.0;
        QTest::newRow("named once: damped, boost 2") << once << with(once, [](auto &f) { f.named = true; }) << 2.0;
        QTest::newRow("quoted") << thrice << with(thrice, [](auto &f) { f.quoted = true; }) << 2.0;
        QTest::newRow("name boost") << thrice << with(thrice, [](auto &f) { f.named = true; }) << 1.0 + kNameBoost;
        QTest::newRow("common word as a name, half boost")
            << thrice << with(thrice, [](auto &f) { f.named = true; f.commonWordName = true; }) << 1.0 + kNameBoost / 2;
        QTest::newRow("acronym pair") << thrice << with(thrice, [](auto &f) { f.acronymPair = true; }) << 1.3;
        QTest::newRow("heading") << thrice << with(thrice, [](auto &f) { f.heading = true; }) << 1.1;
        QTest::newRow("evaluative description halves")
            << thrice << with(thrice, [](auto &f) { f.evaluative = true; }) << 0.5;
        QTest::newRow("evaluative but quoted is not halved")
            << with(thrice, [](auto &f) { f.quoted = true; })
            << with(thrice, [](auto &f) { f.quoted = true; f.evaluative = true; }) << 1.0;
        QTest::newRow("evaluative name is not halved") << with(thrice, [](auto &f) { f.named = true; })
                                                       << with(thrice, [](auto &f) { f.named = true; f.evaluative = true; })
                                                       << 1.0;
    }

    void conceptScore_modifiers_scaleAsDocumented()
    {
        QFETCH(SalienceFeatures, plain);
        QFETCH(SalienceFeatures, marked);
        QFETCH(double, ratio);
        const double p = conceptScore(plain);
        QVERIFY(p > 0);
        QVERIFY2(near(conceptScore(marked) / p, ratio), qPrintable(QString::number(conceptScore(marked) / p)));
    }

    void conceptScore_oneMentionName_isDampedNotBoostedByRarity()
    {
        // a name met once and unknown to the background ranks below a rare
        // term the text uses five times
        SalienceFeatures once = features(1, 0);
        once.named = true;
        once.words = 4;
        const SalienceFeatures term = features(5, 20);
        QVERIFY(conceptScore(once) < conceptScore(term));
    }

    void documentScore_ownTopic_scoresHigherThereThanElsewhere()
    {
        SalienceFeatures f = features(10, 5);
        f.corpusTokens = 3000;
        f.documents = 2;
        const double own = documentScore(f, 8, 1000);
        const double elsewhere = documentScore(f, 2, 1000);
        QVERIFY(own > elsewhere);
        QVERIFY(elsewhere >= 0);
        QCOMPARE(documentScore(f, 0, 1000), 0.0);
        // the same share of a shorter document is no less salient there
        QVERIFY(documentScore(f, 4, 500) >= documentScore(f, 4, 1000));
    }

    void phraseBackgroundRate_wordRates_data()
    {
        QTest::addColumn<QList<double>>("rates");
        QTest::newRow("rare words") << QList<double>{1e-5, 1e-4};
        QTest::newRow("rare and common word") << QList<double>{1e-6, 8e-4};
        QTest::newRow("three words") << QList<double>{2e-5, 3e-4, 1e-4};
        QTest::newRow("two common words") << QList<double>{2e-3, 2e-3};
    }

    void phraseBackgroundRate_wordRates()
    {
        QFETCH(QList<double>, rates);
        const std::vector<double> r(rates.begin(), rates.end());
        const double rarest = *std::min_element(r.begin(), r.end());
        const double rate = phraseBackgroundRate(r);
        // at least kPhraseShare of its rarest word's uses
        QVERIFY(rate >= kPhraseShare * rarest);
        // the commoner its words, the commoner the phrase
        std::vector<double> commoner = r;
        commoner.back() *= 2;
        QVERIFY(phraseBackgroundRate(commoner) >= rate);
        // and never commoner than its rarest word
        QEXPECT_FAIL("two common words",
                     "KNOWN: the collocation term kCollocationLift x product is not capped by the rarest word "
                     "(scorer.cpp:45): two words at 2,000 per million give a phrase of 4,000 per million, "
                     "against scorer.h's \"a phrase is at most as common as its rarest word\"",
                     Continue);
        QVERIFY2(rate <= rarest, qPrintable(QStringLiteral("%1 > %2").arg(rate).arg(rarest)));
    }

    void phraseBackgroundRate_oneOrNoWord()
    {
        QCOMPARE(phraseBackgroundRate({}), 0.0);
        QCOMPARE(phraseBackgroundRate({3e-4}), 3e-4);
    }

    void extract_nameWithOneLowerCaseUse_survivesAndOutranksIt()
    {
        const Extraction x = extractFrom({u"Lincoln spoke of the Union. He would save the Union. The Union must hold, "
                                          "and the Union will endure. Workers formed a union. Congress defended the Union."_s});
        const Concept *name = byLabel(x, u"Union"_s);
        QVERIFY2(name, qPrintable(ranking(x)));
        QVERIFY(name->mentions.size() >= 5);
        const Concept *common = byLabel(x, u"union"_s);
        QVERIFY2(!common || common->score < name->score, qPrintable(ranking(x)));
    }

    void extract_genericNoun_ranksBelowSpecificTermOfSimilarFrequency()
    {
        const Extraction x = extractFrom({repeated(u"The people debated the tariff."_s, 3)
                                          + u"Many people feared a tariff, and other people praised the tariff."_s});
        const Concept *tariff = byLabel(x, u"tariff"_s);
        const Concept *people = byLabel(x, u"people"_s);
        QVERIFY2(tariff, qPrintable(ranking(x)));
        QVERIFY2(!people || people->score < tariff->score, qPrintable(ranking(x)));
    }

    void extract_oneMentionName_ranksBelowAFrequentTopic()
    {
        // issue 7: a one-mention "Commissioner of Indian Affairs" ranked far above "slavery"
        const Extraction x = extractFrom({repeated(u"Congress debated slavery again."_s, 6)
                                          + u"The Commissioner of Indian Affairs wrote a report."_s});
        const Concept *slavery = byLabel(x, u"slavery"_s);
        const Concept *commissioner = byLabel(x, u"Commissioner of Indian Affairs"_s);
        QVERIFY2(slavery && commissioner, qPrintable(ranking(x)));
        QVERIFY2(commissioner->score < slavery->score, qPrintable(ranking(x)));
    }

    void extract_documentScores_favourTheDocumentAboutIt()
    {
        const Extraction x = extractFrom({repeated(u"Congress raised the tariff on steel."_s, 5),
                                          u"Farmers planted wheat, and the tariff was mentioned once. Rain fell on the "
                                          "fields, and farmers sold the wheat in town."_s});
        const Concept *tariff = byLabel(x, u"tariff"_s);
        QVERIFY2(tariff, qPrintable(ranking(x)));
        QCOMPARE(tariff->documentScores.size(), size_t(2));
        QCOMPARE(tariff->documentCount, 2);
        QVERIFY(tariff->documentScores[0].document == DocumentId(0));
        QVERIFY(tariff->documentScores[0].score > tariff->documentScores[1].score);
    }
};

QTEST_GUILESS_MAIN(ScorerTest)
#include "scorer_test.moc"
