// Person references: first names, surnames and titled forms become mentions
// of the one full name of their document (issue 7, item 6, first rule).
#include "core/extract/stagepipeline.h"

#include <QTest>

using namespace carto;
using namespace carto::extract;
using carto::extract::test::StagePipeline;
using namespace Qt::StringLiterals;

namespace {

// The mention reading surface after the surface's first occurrence as a
// full mention elsewhere; the n-th one with that text.
const Occurrence *nthMention(const StagePipeline &p, int doc, const QString &surface, int n)
{
    for (const Occurrence &o : p.mentions[static_cast<size_t>(doc)]) {
        if (p.text(doc, o) == surface && n-- == 0)
            return &o;
    }
    return nullptr;
}

} // namespace

class ReferencesTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void looksLikeFullName_words_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("full");
        QTest::newRow("given name + surname") << u"Ian Murdock"_s << true;
        QTest::newRow("given name + common-noun surname") << u"Laura Bush"_s << true;
        QTest::newRow("three words") << u"John Fitzgerald Kennedy"_s << true;
        QTest::newRow("one word") << u"Murdock"_s << false;
        QTest::newRow("four words") << u"Martin Luther King Junior"_s << false;
        QTest::newRow("adjective first") << u"Federal Reserve"_s << false;
        QTest::newRow("common noun first") << u"Post Office"_s << false;
        QTest::newRow("unknown words") << u"Zorblatt Quux"_s << false;
        QTest::newRow("function word first") << u"The Beatles"_s << false;
    }

    void looksLikeFullName_words()
    {
        QFETCH(QString, name);
        QFETCH(bool, full);
        StagePipeline p({u"We heard "_s + name + u" today."_s}, StagePipeline::Stage::Tagged);
        std::vector<int> ids;
        for (const QString &w : name.toLower().split(u' '))
            ids.push_back(p.vocabulary.find(w));
        QVERIFY(std::find(ids.begin(), ids.end(), -1) == ids.end());
        QCOMPARE(looksLikeFullName(ids, p.vocabulary), full);
    }

    void resolvePersonReferences_shortForm_joinsTheFullName_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("full");
        QTest::addColumn<QString>("reference");
        QTest::addColumn<bool>("joined");
        QTest::newRow("first name") << u"We met Ian Murdock in spring. Later Ian wrote the manifesto."_s
                                    << u"Ian Murdock"_s << u"Ian"_s << true;
        QTest::newRow("surname") << u"We met Ian Murdock in spring. Later Murdock wrote the manifesto."_s
                                 << u"Ian Murdock"_s << u"Murdock"_s << true;
        QTest::newRow("titled surname") << u"We heard Ian Murdock speak. Then Senator Murdock left the chamber."_s
                                        << u"Ian Murdock"_s << u"Murdock"_s << true;
        QTest::newRow("titled surname after a WordNet given name")
            << u"We heard Robert Byrd speak. Then Senator Byrd left the chamber."_s << u"Robert Byrd"_s << u"Byrd"_s
            << true;
        QTest::newRow("full name seen with a person cue")
            << u"We met Dr. Zorblatt Quux in spring. Later Quux wrote the manifesto."_s << u"Zorblatt Quux"_s
            << u"Quux"_s << true;
        QTest::newRow("two full names share the word")
            << u"We met Ian Murdock and Ian Jackson. Later Ian spoke."_s << u"Ian Murdock"_s << u"Ian"_s << false;
        QTest::newRow("a surname before another's given name")
            << u"Franklin Roosevelt spoke. Then Benjamin Franklin arrived, and Franklin observed the sun."_s
            << u"Benjamin Franklin"_s << u"Franklin"_s << true;
        QTest::newRow("a surname before the full name")
            << u"Senator Murdock opened the session. Later Lynn Murdock spoke."_s << u"Lynn Murdock"_s
            << u"Murdock"_s << false;
        QTest::newRow("a name after a dash-hyphen")
            << u"Benjamin Franklin-the oldest delegate-looked over. Franklin observed the sun."_s
            << u"Benjamin Franklin"_s << u"Franklin"_s << true;
        QTest::newRow("a place word without a cue")
            << u"We honour Martha Washington in spring. Later the people of Washington voted."_s
            << u"Martha Washington"_s << u"Washington"_s << false;
        QTest::newRow("a place word with its own cue")
            << u"We honour Martha Washington in spring. Later President Washington spoke."_s << u"Martha Washington"_s
            << u"Washington"_s << true;
        QTest::newRow("no full name of a person")
            << u"We visited the Bank of England. Later England voted."_s << u"Bank of England"_s << u"England"_s
            << false;
    }

    void resolvePersonReferences_shortForm_joinsTheFullName()
    {
        QFETCH(QString, text);
        QFETCH(QString, full);
        QFETCH(QString, reference);
        QFETCH(bool, joined);
        StagePipeline p({text}, StagePipeline::Stage::References);
        const Occurrence *f = nthMention(p, 0, full, 0);
        // the last mention reading the reference stands alone
        const Occurrence *r = nullptr;
        for (int n = 0; const Occurrence *o = nthMention(p, 0, reference, n); ++n)
            r = o;
        QVERIFY2(f && r, qPrintable(p.render(p.mentions)));
        QCOMPARE(r->key == f->key, joined);
        if (joined)
            QVERIFY(r->kinds & KPersonCue);
        else
            QCOMPARE(p.words(p.key(*r)), reference.toLower());
    }

    void resolvePersonReferences_otherDocument_isNotJoined()
    {
        StagePipeline p({u"We met Ian Murdock in spring."_s, u"Later Ian wrote the manifesto with Murdock."_s},
                        StagePipeline::Stage::References);
        const Occurrence *full = nthMention(p, 0, u"Ian Murdock"_s, 0);
        const Occurrence *surname = nthMention(p, 1, u"Murdock"_s, 0);
        QVERIFY2(full && surname, qPrintable(p.render(p.mentions)));
        QVERIFY(surname->key != full->key);
        QVERIFY(!(surname->kinds & KPersonCue));
    }

    void resolvePersonReferences_threadCount_changesNothing()
    {
        const QStringList texts{u"We met Ian Murdock in spring. Later Ian wrote the manifesto."_s,
                                u"We heard Robert Byrd speak. Then Senator Byrd left the chamber."_s,
                                u"We met George Washington and George Bush. Later George spoke."_s};
        StagePipeline one(texts, StagePipeline::Stage::References, 1);
        StagePipeline three(texts, StagePipeline::Stage::References, 3);
        for (size_t d = 0; d < one.mentions.size(); ++d) {
            QCOMPARE(one.mentions[d].size(), three.mentions[d].size());
            for (size_t i = 0; i < one.mentions[d].size(); ++i)
                QCOMPARE(one.words(one.key(one.mentions[d][i])), three.words(three.key(three.mentions[d][i])));
        }
    }
};

QTEST_GUILESS_MAIN(ReferencesTest)
#include "references_test.moc"
