// The candidate stage: what findCandidates emits for the chunks of each
// sentence and for the explicit cues (acronym definitions, quotes, wiki links,
// identifiers, nationality adjectives), and the keys it files them under.
#include "core/extract/stagepipeline.h"

#include <QTest>

#include <set>
#include <tuple>

using namespace carto;
using namespace carto::extract;
using carto::extract::test::StagePipeline;
using namespace Qt::StringLiterals;

namespace {

// The occurrences of the first document that read surface.
std::vector<const Occurrence *> occurrencesOf(const StagePipeline &p, const QString &surface)
{
    std::vector<const Occurrence *> out;
    for (const Occurrence &o : p.candidates.occurrences[0]) {
        if (p.text(0, o) == surface)
            out.push_back(&o);
    }
    return out;
}

} // namespace

class CandidatesTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findCandidates_nounPhrase_givesEverySubPhraseEndingInANoun()
    {
        // the example of emitTerms' doc comment
        StagePipeline p({u"They promised new clean energy jobs."_s}, StagePipeline::Stage::Candidates);
        std::set<QString> terms;
        for (const Occurrence &o : p.candidates.occurrences[0]) {
            if (!p.key(o).named)
                terms.insert(p.text(0, o));
        }
        const std::set<QString> expected{u"new clean energy jobs"_s, u"clean energy jobs"_s, u"energy jobs"_s,
                                         u"jobs"_s, u"new clean energy"_s, u"clean energy"_s, u"energy"_s};
        QCOMPARE(terms, expected);
    }

    void findCandidates_cues_giveTheirKinds_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("surface");
        QTest::addColumn<int>("named"); // 1 a name, 0 a term, -1 either
        QTest::addColumn<int>("kinds"); // all of these kinds on one occurrence
        QTest::addColumn<bool>("found");
        auto row = [](const char *name, const QString &text, const QString &surface, int named, int kinds, bool found = true) {
            QTest::newRow(name) << text << surface << named << kinds << found;
        };
        row("lone capital in running text is a name", u"We asked Congress for money."_s, u"Congress"_s, 1, KName);
        row("... and no term", u"We asked Congress for money."_s, u"Congress"_s, 0, KTerm, false);
        row("name + common noun is a term", u"They installed a Linux distribution."_s, u"Linux distribution"_s, 0, KTerm);
        row("... and its name a name", u"They installed a Linux distribution."_s, u"Linux"_s, 1, KName);
        row("honorific is a person cue", u"We thanked Dr. Ada Lovelace today."_s, u"Ada Lovelace"_s, 1, KName | KPersonCue);
        row("title noun is a person cue", u"We thanked Commodore Perry warmly."_s, u"Perry"_s, 1, KName | KPersonCue);
        row("nationality adjective", u"Many Chinese firms export chips."_s, u"Chinese"_s, 1, KName | KNationality);
        row("identifier", u"Then edit package.json by hand."_s, u"package.json"_s, 1, KName | KIdentifier);
        row("acronym", u"We trust NATO today."_s, u"NATO"_s, 1, KName | KAcronym);
        row("mixed-case word", u"Vendors sell SaaS to banks."_s, u"SaaS"_s, 1, KName | KAcronym);
        row("quoted coinage", u"Firms followed a \"rural encirclement\" strategy."_s, u"rural encirclement"_s, 0,
            KTerm | KQuoted);
        row("quoted name", u"The \"East Data, West Compute\" initiative grew."_s, u"East Data, West Compute"_s, 1,
            KName | KQuoted);
        row("quoted dictionary word is emphasis", u"It was the \"best\" plan."_s, u"best"_s, -1, KQuoted, false);
        row("wiki link to a name", u"Notes on [[Hangzhou]] and chips."_s, u"Hangzhou"_s, 1, KName | KLink);
        row("wiki link to a term", u"Notes on [[export controls]] and chips."_s, u"export controls"_s, 0, KTerm | KLink);
        row("prepositional phrase", u"They declared a war on terror."_s, u"war on terror"_s, 0, KTerm | KPrepPhrase);
        row("coordination", u"Congress passed the energy and climate bill."_s, u"energy and climate bill"_s, 0,
            KTerm | KCoordination);
        row("heading", u"# Export Controls\n\nFirms fear export controls."_s, u"Export Controls"_s, -1, KHeading);
        row("running text is no heading", u"# Export Controls\n\nFirms fear export controls."_s, u"export controls"_s, -1,
            KHeading, false);
        row("place inside a name", u"Investors trust the Bank of England."_s, u"England"_s, 1, KName);
        row("name with a connector", u"They hired the Army Corps of Engineers."_s, u"Army Corps of Engineers"_s, 1, KName);
        row("common plural inside a name is no name of its own", u"They hired the Army Corps of Engineers."_s,
            u"Engineers"_s, 1, KName, false);
        row("defined acronym", u"Vendors sell Software as a Service (SaaS) to banks."_s, u"SaaS"_s, 1,
            KName | KAcronym | KExpansion);
        row("capitalised expansion is a name", u"Vendors sell Software as a Service (SaaS) to banks."_s,
            u"Software as a Service"_s, 1, KName | KExpansion);
        row("lower-case expansion is a term", u"Teams tune large language models (LLMs) daily."_s,
            u"large language models"_s, 0, KTerm | KExpansion);
        row("one letter is no term", u"We plotted the value of x against time."_s, u"x"_s, -1, 0, false);
    }

    void findCandidates_cues_giveTheirKinds()
    {
        QFETCH(QString, text);
        QFETCH(QString, surface);
        QFETCH(int, named);
        QFETCH(int, kinds);
        QFETCH(bool, found);
        StagePipeline p({text}, StagePipeline::Stage::Candidates);
        bool match = false;
        for (const Occurrence *o : occurrencesOf(p, surface)) {
            const bool nameOk = named < 0 || p.key(*o).named == (named == 1);
            match = match || (nameOk && (o->kinds & kinds) == kinds);
        }
        QVERIFY2(match == found, qPrintable(p.render(p.candidates.occurrences)));
    }

    void findCandidates_keys_fileVariantsTogetherAndNamesApart_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("a");
        QTest::addColumn<bool>("aNamed");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("bNamed");
        QTest::addColumn<bool>("same");
        QTest::newRow("a term by its head's lemma") << u"Firms promised energy jobs, and each energy job pays."_s
                                                    << u"energy jobs"_s << false << u"energy job"_s << false << true;
        QTest::newRow("name and common noun of one word")
            << u"We love the Union, and a union formed."_s << u"Union"_s << true << u"union"_s << false << false;
        QTest::newRow("abbreviation dots") << u"Both the U.S. and the US signed it."_s << u"U.S."_s << true << u"US"_s
                                           << true << true;
        QTest::newRow("acronym plural") << u"Teams tune an LLM, and others tune LLMs."_s << u"LLM"_s << true << u"LLMs"_s
                                        << true << true;
        QTest::newRow("determiner inside a prepositional phrase")
            << u"They fear the spread of the new virus, and the spread of new virus kills."_s
            << u"spread of the new virus"_s << false << u"spread of new virus"_s << false << true;
    }

    void findCandidates_keys_fileVariantsTogetherAndNamesApart()
    {
        QFETCH(QString, text);
        QFETCH(QString, a);
        QFETCH(bool, aNamed);
        QFETCH(QString, b);
        QFETCH(bool, bNamed);
        QFETCH(bool, same);
        StagePipeline p({text}, StagePipeline::Stage::Candidates);
        const Occurrence *oa = p.candidate(a, aNamed);
        const Occurrence *ob = p.candidate(b, bNamed);
        QVERIFY2(oa && ob, qPrintable(p.render(p.candidates.occurrences)));
        QCOMPARE(oa->key == ob->key, same);
        QCOMPARE(p.key(*oa).named, aNamed);
    }

    void findCandidates_titleBeforeName_isKeptAsAlias()
    {
        StagePipeline p({u"We thanked Commodore Perry warmly."_s}, StagePipeline::Stage::Candidates);
        const Occurrence *o = p.candidate(u"Perry"_s, true);
        QVERIFY2(o, qPrintable(p.render(p.candidates.occurrences)));
        QVERIFY(o->aliasBegin >= 0);
        QCOMPARE(p.text(0, o->aliasBegin, o->e), u"Commodore Perry"_s);
    }

    void findCandidates_acronymDefinition_pairsAcronymWithExpansion()
    {
        StagePipeline p({u"Vendors sell Software as a Service (SaaS) to banks. Teams tune large language models (LLMs)."_s},
                        StagePipeline::Stage::Candidates);
        const Occurrence *saas = p.candidate(u"SaaS"_s, true);
        const Occurrence *service = p.candidate(u"Software as a Service"_s, true);
        const Occurrence *llms = p.candidate(u"LLMs"_s, true);
        const Occurrence *models = p.candidate(u"large language models"_s, false);
        QVERIFY2(saas && service && llms && models, qPrintable(p.render(p.candidates.occurrences)));
        const auto &pairs = p.candidates.acronyms;
        QCOMPARE(pairs.size(), size_t(2));
        QVERIFY(std::find(pairs.begin(), pairs.end(), std::make_pair(saas->key, service->key)) != pairs.end());
        QVERIFY(std::find(pairs.begin(), pairs.end(), std::make_pair(llms->key, models->key)) != pairs.end());
        QCOMPARE(p.words(p.key(*llms)), u"llm"_s);
    }

    void findCandidates_unmatchedBracketWord_isNoDefinition()
    {
        // the letters must match word starts before the bracket
        StagePipeline p({u"Vendors sell cheap software (NATO) to banks."_s}, StagePipeline::Stage::Candidates);
        QVERIFY(p.candidates.acronyms.empty());
    }

    void findCandidates_keyInfo_countsOccurrencesAndDocuments()
    {
        StagePipeline p({u"Firms fear export controls. Exporters hate the export controls."_s,
                         u"Nobody likes export controls."_s, u"Nothing here is relevant."_s},
                        StagePipeline::Stage::Candidates);
        const Occurrence *o = p.candidate(u"export controls"_s, false);
        QVERIFY(o);
        const KeyInfo &k = p.key(*o);
        QVERIFY2(k.count == 3, qPrintable(p.render(p.candidates.occurrences)));
        QCOMPARE(k.documents, 2);
        QCOMPARE(p.words(k), u"export control"_s);
        QVERIFY(!k.named);
    }

    void findCandidates_threadCount_changesNothing()
    {
        const QStringList texts{u"Firms fear export controls. Chinese firms export chips to Europe."_s,
                                u"The Bank of England raised rates. Investors trust the Bank of England."_s,
                                u"Vendors sell Software as a Service (SaaS) to banks. SaaS grows."_s,
                                u"Nobody likes export controls, and Europe buys chips."_s};
        StagePipeline one(texts, StagePipeline::Stage::Candidates, 1);
        StagePipeline three(texts, StagePipeline::Stage::Candidates, 3);
        auto table = [](const StagePipeline &p) {
            std::set<std::tuple<QString, bool, int, int, int>> rows;
            for (const KeyInfo &k : p.candidates.keys)
                rows.emplace(p.words(k), k.named, k.count, k.documents, k.kinds);
            return rows;
        };
        QVERIFY(!one.candidates.keys.empty());
        QVERIFY(table(one) == table(three));
        QCOMPARE(one.render(one.candidates.occurrences), three.render(three.candidates.occurrences));
        QCOMPARE(one.candidates.acronyms.size(), three.candidates.acronyms.size());
    }

    void findCandidates_keys_numberedInTheOrderTheDocumentsFirstUseThem()
    {
        // candidates.h: the keys are numbered so the numbers do not depend on
        // which thread met them; three threads share four documents here
        const QStringList texts{u"Firms fear export controls. Chinese firms export chips to Europe."_s,
                                u"The Bank of England raised rates. Investors trust the Bank of England."_s,
                                u"Vendors sell Software as a Service (SaaS) to banks. SaaS grows."_s,
                                u"Nobody likes export controls, and Europe buys chips."_s};
        StagePipeline p(texts, StagePipeline::Stage::Candidates, 3);
        std::vector<bool> seen(p.candidates.keys.size(), false);
        std::int32_t next = 0;
        for (const auto &doc : p.candidates.occurrences) {
            for (const Occurrence &o : doc) {
                QVERIFY(o.key >= 0 && o.key < static_cast<std::int32_t>(seen.size()));
                if (seen[static_cast<size_t>(o.key)])
                    continue;
                QCOMPARE(o.key, next);
                seen[static_cast<size_t>(o.key)] = true;
                ++next;
            }
        }
        QVERIFY(next > 10);
        QCOMPARE(static_cast<size_t>(next), p.candidates.keys.size()); // no key without an occurrence
        QCOMPARE(p.candidates.acronyms.size(), size_t(1));
        const auto &[acronym, expansion] = p.candidates.acronyms.front();
        QCOMPARE(p.words(p.candidates.key(acronym)), u"saas"_s);
        QCOMPARE(p.words(p.candidates.key(expansion)), u"software as a service"_s);
    }
};

QTEST_GUILESS_MAIN(CandidatesTest)
#include "candidates_test.moc"
