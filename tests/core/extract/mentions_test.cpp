// Mention assignment: which candidate each stretch of text is a mention of
// (primary mentions, the phrase layer, nested mentions), on real candidates.
#include "core/extract/stagepipeline.h"

#include <QTest>

using namespace carto;
using namespace carto::extract;
using carto::extract::test::StagePipeline;
using namespace Qt::StringLiterals;

namespace {

// The mentions of document doc in order: "surface" for a primary mention,
// "surface~" for a nested one, "surface~head" for one sharing its outer head.
QStringList mentionList(const StagePipeline &p, int doc = 0)
{
    QStringList out;
    for (const Occurrence &o : p.mentions[static_cast<size_t>(doc)]) {
        QString s = p.text(doc, o);
        if (o.kinds & KNested)
            s += (o.kinds & KNestedHead) ? u"~head"_s : u"~"_s;
        out << s;
    }
    return out;
}

} // namespace

class MentionsTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void assignMentions_text_givesTheseMentions_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("present"); // each as often as listed
        QTest::addColumn<QStringList>("absent");
        QTest::newRow("whole phrase, however rare")
            << u"They feared a severe recession in the spring."_s << QStringList{u"severe recession"_s}
            << QStringList{u"recession"_s, u"recession~head"_s};
        QTest::newRow("head standing elsewhere is nested")
            << u"They feared a severe recession. Then the recession ended."_s
            << QStringList{u"severe recession"_s, u"recession~head"_s, u"recession"_s} << QStringList{};
        QTest::newRow("sub-phrase used once is not nested")
            << u"They promised new clean energy jobs."_s << QStringList{u"new clean energy jobs"_s}
            << QStringList{u"clean energy~"_s, u"energy~"_s, u"jobs~head"_s, u"clean energy jobs~head"_s};
        QTest::newRow("sub-phrase used twice is nested")
            << u"They promised new clean energy jobs and clean energy research."_s
            << QStringList{u"new clean energy jobs"_s, u"clean energy~"_s, u"clean energy research"_s}
            << QStringList{u"clean energy"_s};
        QTest::newRow("repeated modifier is nested in each compound")
            << u"Buyers lack steel machines. A new steel tool was built."_s
            << QStringList{u"steel machines"_s, u"new steel tool"_s, u"steel~"_s, u"steel~"_s} << QStringList{u"steel"_s};
        QTest::newRow("phrase layer beside its noun phrases")
            << u"They declared a war on terror."_s << QStringList{u"war on terror"_s, u"war"_s, u"terror"_s}
            << QStringList{};
        QTest::newRow("explicit link before a longer phrase")
            << u"We studied [[lithography]] machines closely."_s << QStringList{u"lithography"_s, u"machines"_s}
            << QStringList{u"lithography machines"_s};
        QTest::newRow("name before a time noun")
            << u"We honour George Washington today."_s << QStringList{u"George Washington"_s}
            << QStringList{u"George Washington today"_s};
        QTest::newRow("name inside a name, standing elsewhere")
            << u"Investors trust the Bank of England. England is rich."_s
            << QStringList{u"Bank of England"_s, u"England~head"_s, u"England"_s} << QStringList{};
    }

    void assignMentions_text_givesTheseMentions()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, present);
        QFETCH(QStringList, absent);
        StagePipeline p({text}, StagePipeline::Stage::Mentions);
        const QStringList got = mentionList(p);
        QStringList problems;
        for (const QString &m : present) { // as often as listed
            if (got.count(m) < present.count(m) && !problems.contains(u"missing "_s + m))
                problems << u"missing "_s + m;
        }
        for (const QString &m : absent) {
            if (got.contains(m))
                problems << u"unexpected "_s + m;
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u", "_s) + u" in ["_s + got.join(u"; "_s) + u"]; candidates: "_s
                                                + p.render(p.candidates.occurrences)));
    }

    void assignMentions_primaryMentions_neverOverlapWithinALayer()
    {
        StagePipeline p({u"The Federal Reserve Board raised rates. Chinese firms export chips to Europe, and the war on "
                         "terror goes on. They promised new clean energy jobs and clean energy research for the energy "
                         "and climate bill."_s},
                        StagePipeline::Stage::Mentions);
        std::vector<int> words(p.docs[0].tokens.size(), 0);
        std::vector<int> phrases(p.docs[0].tokens.size(), 0);
        int primaries = 0;
        for (const Occurrence &o : p.mentions[0]) {
            if (o.kinds & KNested)
                continue;
            ++primaries;
            for (std::int32_t k = o.b; k < o.e; ++k)
                ++((o.kinds & kPhraseKinds) ? phrases : words)[static_cast<size_t>(k)];
        }
        QVERIFY(primaries >= 8);
        QVERIFY(std::all_of(words.begin(), words.end(), [](int n) { return n <= 1; }));
        QVERIFY(std::all_of(phrases.begin(), phrases.end(), [](int n) { return n <= 1; }));
    }

    void assignMentions_order_isByStartPrimaryFirst()
    {
        StagePipeline p({u"They feared a severe recession. Then the recession ended. Buyers lack lithography machines "
                         "and lithography tools, and the war on terror goes on."_s},
                        StagePipeline::Stage::Mentions);
        const auto &m = p.mentions[0];
        QVERIFY(m.size() >= 6);
        for (size_t i = 1; i < m.size(); ++i) {
            QVERIFY(m[i - 1].b <= m[i].b);
            if (m[i - 1].b == m[i].b)
                QVERIFY(!(m[i - 1].kinds & KNested) || (m[i].kinds & KNested));
        }
        // one nested mention per key and place
        for (size_t i = 0; i < m.size(); ++i) {
            for (size_t j = i + 1; j < m.size(); ++j)
                QVERIFY(!(m[i].b == m[j].b && m[i].e == m[j].e && m[i].key == m[j].key));
        }
    }

    void assignMentions_nestedMention_liesInsideAPrimaryOne()
    {
        StagePipeline p({u"Buyers lack lithography machines. A new lithography tool was built, and old lithography "
                         "machines fail."_s},
                        StagePipeline::Stage::Mentions);
        int nested = 0;
        for (const Occurrence &n : p.mentions[0]) {
            if (!(n.kinds & KNested))
                continue;
            ++nested;
            const bool inside = std::any_of(p.mentions[0].begin(), p.mentions[0].end(), [&](const Occurrence &o) {
                return !(o.kinds & KNested) && o.b <= n.b && n.e <= o.e && (o.b != n.b || o.e != n.e);
            });
            QVERIFY2(inside, qPrintable(p.text(0, n)));
            QCOMPARE(bool(n.kinds & KNestedHead), std::any_of(p.mentions[0].begin(), p.mentions[0].end(), [&](const Occurrence &o) {
                         return !(o.kinds & KNested) && o.b < n.b && n.e == o.e;
                     }));
        }
        QVERIFY(nested >= 3);
    }

    void assignMentions_threadCount_changesNothing()
    {
        const QStringList texts{u"They feared a severe recession. Then the recession ended."_s,
                                u"Buyers lack lithography machines. A new lithography tool was built."_s,
                                u"They declared a war on terror, and the recession deepened."_s,
                                u"Investors trust the Bank of England. England is rich."_s};
        StagePipeline one(texts, StagePipeline::Stage::Mentions, 1);
        StagePipeline four(texts, StagePipeline::Stage::Mentions, 4);
        for (int d = 0; d < texts.size(); ++d)
            QCOMPARE(mentionList(one, d), mentionList(four, d));
    }
};

QTEST_GUILESS_MAIN(MentionsTest)
#include "mentions_test.moc"
