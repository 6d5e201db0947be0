// The corpus vocabulary: surface forms and their shapes, lower-case words with
// what WordNet and the background say of them, and how the corpus writes them.
#include "core/extract/stagepipeline.h"

#include <QTest>

using namespace carto;
using namespace carto::extract;
using carto::extract::test::StagePipeline;
using namespace Qt::StringLiterals;

namespace {

// The word a surface form of document 0 maps to; null when the form is absent.
const WordInfo *wordOfForm(const StagePipeline &p, const QString &surface)
{
    for (int f = 0; f < p.vocabulary.formCount(); ++f) {
        if (p.vocabulary.formText(f) == surface)
            return &p.vocabulary.word(p.vocabulary.form(f).word);
    }
    return nullptr;
}

const FormInfo *form(const StagePipeline &p, const QString &surface)
{
    for (int f = 0; f < p.vocabulary.formCount(); ++f) {
        if (p.vocabulary.formText(f) == surface)
            return &p.vocabulary.form(f);
    }
    return nullptr;
}

const WordInfo &word(const StagePipeline &p, const QString &lower)
{
    const int id = p.vocabulary.find(lower);
    if (id < 0)
        qFatal("no word %s", qPrintable(lower));
    return p.vocabulary.word(id);
}

} // namespace

class VocabularyTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shapeOf_form_data()
    {
        QTest::addColumn<QString>("form");
        QTest::addColumn<int>("shape");
        QTest::newRow("lower") << u"models"_s << int(Lower);
        QTest::newRow("capitalised") << u"Models"_s << int(Capitalised);
        QTest::newRow("one capital") << u"A"_s << int(Capitalised);
        QTest::newRow("all capitals") << u"NASA"_s << int(AllCaps | Capitalised);
        QTest::newRow("abbreviation") << u"U.S."_s << int(AllCaps | Capitalised);
        QTest::newRow("lower then upper") << u"iPhone"_s << int(Mixed);
        QTest::newRow("capitalised, mixed") << u"McKinley"_s << int(Mixed | Capitalised);
        QTest::newRow("acronym plural") << u"LLMs"_s << int(Capitalised);
        QTest::newRow("digits") << u"2019"_s << int(NoLetter);
        QTest::newRow("non-ASCII") << u"\u00C9cole"_s << int(Capitalised);
    }

    void shapeOf_form()
    {
        QFETCH(QString, form);
        QFETCH(int, shape);
        QCOMPARE(int(shapeOf(form)), shape);
    }

    void build_surfaceForms_shareTheirLowerCaseWord()
    {
        StagePipeline p({u"Models grew. The models and MODELS grew. The U.S. and the US met. Teams tune LLMs."_s},
                        StagePipeline::Stage::Tagged);
        const WordInfo *a = wordOfForm(p, u"Models"_s);
        const WordInfo *b = wordOfForm(p, u"models"_s);
        const WordInfo *c = wordOfForm(p, u"MODELS"_s);
        QVERIFY(a && b && c);
        QVERIFY(a == b && b == c);
        QCOMPARE(a->lower, u"models"_s);
        QCOMPARE(p.vocabulary.word(a->lemma).lower, u"model"_s);
        // abbreviations key without their dots
        QVERIFY(wordOfForm(p, u"U.S."_s) == wordOfForm(p, u"US"_s));
        // "LLMs" is an acronym with a plural s
        const FormInfo *llms = form(p, u"LLMs"_s);
        QVERIFY(llms && llms->acronymBase >= 0);
        QCOMPARE(p.vocabulary.word(llms->acronymBase).lower, u"llm"_s);
        QCOMPARE(form(p, u"Models"_s)->acronymBase, -1);
    }

    void build_everyToken_pointsAtItsForm()
    {
        StagePipeline p({u"Firms fear export controls."_s, u"Export controls slowed sales."_s},
                        StagePipeline::Stage::Tagged, 2);
        for (size_t d = 0; d < p.docs.size(); ++d) {
            const QString &text = p.corpus.documents[d].text;
            for (const Token &t : p.docs[d].tokens) {
                if (!t.isWord())
                    continue;
                QVERIFY(t.form >= 0 && t.form < p.vocabulary.formCount());
                QCOMPARE(p.vocabulary.formText(t.form).toString(), text.mid(t.start, t.end - t.start));
            }
        }
    }

    void build_whichThreadTokenisedADocument_doesNotChangeTheWordIds()
    {
        // build's doc comment: "Word ids do not depend on the thread count".
        // Which thread tokenises which document is decided at run time
        // (parallelFor hands documents out as threads come free), so both
        // hand-outs of two documents to two threads are built here: the
        // tables of each document's own tokenisation, in either order.
        const ingest::Corpus first = test::readCorpus({u"Firms fear export controls."_s});
        const ingest::Corpus second = test::readCorpus({u"Models and mice grew."_s});
        std::vector<FormInterner> firstTable, secondTable;
        const std::vector<DocumentTokens> firstDocs = tokenizeCorpus(first, 1, firstTable, nullptr);
        const std::vector<DocumentTokens> secondDocs = tokenizeCorpus(second, 1, secondTable, nullptr);
        auto build = [&](bool firstOnThreadZero) {
            std::vector<FormInterner> tables{firstOnThreadZero ? firstTable[0] : secondTable[0],
                                             firstOnThreadZero ? secondTable[0] : firstTable[0]};
            std::vector<DocumentTokens> docs{firstDocs[0], secondDocs[0]};
            docs[0].thread = firstOnThreadZero ? 0 : 1;
            docs[1].thread = firstOnThreadZero ? 1 : 0;
            Vocabulary v;
            v.build(tables, docs, 2);
            QStringList out;
            for (int i = 0; i < v.wordCount(); ++i)
                out << v.word(i).lower;
            // the tokens are right either way: only the ids are in question
            for (const Token &t : docs[1].tokens) {
                if (t.isWord() && v.formText(t.form).toString() != second.documents[0].text.mid(t.start, t.end - t.start))
                    out << u"<wrong form>"_s;
            }
            return out;
        };
        const QStringList inOrder = build(true);
        QVERIFY(inOrder.contains(u"firms"_s) && inOrder.contains(u"mice"_s));
        QVERIFY(!inOrder.contains(u"<wrong form>"_s));
        QCOMPARE(build(false), inOrder);
    }

    void lookUp_word_hasWhatWordNetSays_data()
    {
        QTest::addColumn<QString>("lower");
        QTest::addColumn<QString>("property");
        QTest::addColumn<bool>("expected");
        auto row = [](const QString &lower, const QString &property, bool expected) {
            QTest::newRow(qPrintable(lower + u' ' + property + (expected ? u""_s : u" (not)"_s))) << lower << property << expected;
        };
        row(u"economic"_s, u"relational"_s, true);
        row(u"national"_s, u"relational"_s, true);
        row(u"widespread"_s, u"relational"_s, false);
        row(u"president"_s, u"person"_s, true);
        row(u"tariff"_s, u"person"_s, false);
        row(u"year"_s, u"time"_s, true);
        row(u"tonight"_s, u"time"_s, true);
        row(u"tariff"_s, u"time"_s, false);
        row(u"congress"_s, u"proper"_s, true);
        row(u"tariff"_s, u"proper"_s, false);
        row(u"the"_s, u"stop"_s, true);
        row(u"tariff"_s, u"stop"_s, false);
        row(u"mr"_s, u"honorific"_s, true);
        row(u"tariff"_s, u"known"_s, true);
        row(u"zorblatt"_s, u"known"_s, false);
        // indefinite pronouns and quantifiers open but never belong to a noun phrase
        row(u"everybody"_s, u"quantifier"_s, true);
        row(u"several"_s, u"quantifier"_s, true);
        row(u"tariff"_s, u"quantifier"_s, false);
        row(u"freedom"_s, u"abstract"_s, true);
        row(u"tariff"_s, u"abstract"_s, false);
        // the first capitalised WordNet sense: Kansas the state, Lincoln the president
        row(u"kansas"_s, u"proper place"_s, true);
        row(u"lincoln"_s, u"proper place"_s, false);
        row(u"lincoln"_s, u"proper person"_s, true);
        row(u"kansas"_s, u"proper person"_s, false);
    }

    void lookUp_word_hasWhatWordNetSays()
    {
        QFETCH(QString, lower);
        QFETCH(QString, property);
        QFETCH(bool, expected);
        StagePipeline p({u"Tonight Mr. Zorblatt said the economic and national news of the year was widespread: "
                         "the president and Congress raised a tariff. Everybody in Kansas praised several "
                         "words of Lincoln on freedom."_s},
                        StagePipeline::Stage::Tagged);
        const WordInfo &w = word(p, lower);
        const bool got = property == u"relational" ? w.relationalAdjective
            : property == u"person"                ? w.personNoun
            : property == u"time"                  ? w.timeNoun
            : property == u"proper"                ? w.properNoun
            : property == u"stop"                  ? w.stop
            : property == u"honorific"             ? w.honorific
            : property == u"quantifier"            ? w.quantifier
            : property == u"abstract"              ? w.abstractNoun
            : property == u"proper place"          ? w.properPlace
            : property == u"proper person"         ? w.properPerson
            : property == u"known"                 ? w.known()
                                                   : (qFatal("no property %s", qPrintable(property)), false);
        QCOMPARE(got, expected);
    }

    void lookUp_flags_surviveTheWordTableGrowing_data()
    {
        QTest::addColumn<QString>("lower");
        QTest::addColumn<QString>("property");
        // moved by WordInfo's move constructor: the rows that show the words
        // were looked up at all
        QTest::newRow("stop") << u"the"_s << u"stop"_s;
        QTest::newRow("person noun") << u"president"_s << u"person"_s;
        QTest::newRow("proper noun") << u"kansas"_s << u"proper"_s;
        // not moved
        QTest::newRow("quantifier") << u"everybody"_s << u"quantifier"_s;
        QTest::newRow("abstract noun") << u"freedom"_s << u"abstract"_s;
        QTest::newRow("proper place") << u"kansas"_s << u"proper place"_s;
        QTest::newRow("proper person") << u"lincoln"_s << u"proper person"_s;
    }

    void lookUp_flags_surviveTheWordTableGrowing()
    {
        // Forty plurals whose singulars the text never writes: interning the
        // forty lemmas after the first look-up batch grows the word table past
        // any capacity its first 46 words can have, so every word is moved.
        QFETCH(QString, lower);
        QFETCH(QString, property);
        QStringList plurals{u"farmers"_s, u"tariffs"_s, u"models"_s, u"cities"_s, u"rivers"_s, u"mountains"_s,
                            u"engines"_s, u"factories"_s, u"teachers"_s, u"doctors"_s, u"lawyers"_s, u"bankers"_s,
                            u"miners"_s, u"sailors"_s, u"soldiers"_s, u"painters"_s, u"writers"_s, u"singers"_s,
                            u"dancers"_s, u"builders"_s, u"bridges"_s, u"roads"_s, u"harbours"_s, u"markets"_s,
                            u"villages"_s, u"schools"_s, u"churches"_s, u"gardens"_s, u"forests"_s, u"islands"_s,
                            u"valleys"_s, u"lakes"_s, u"castles"_s, u"towers"_s, u"ships"_s, u"trains"_s,
                            u"wagons"_s, u"horses"_s, u"kettles"_s, u"ladders"_s};
        StagePipeline p({u"Everybody in Kansas and the president praised Lincoln on freedom, "_s + plurals.join(u", "_s)
                         + u"."_s},
                        StagePipeline::Stage::Tagged);
        QVERIFY(p.vocabulary.wordCount() >= 2 * plurals.size());
        const WordInfo &w = word(p, lower);
        QVERIFY(w.known() || w.stop || lower == u"everybody"_s);
        const bool got = property == u"stop"  ? w.stop
            : property == u"person"           ? w.personNoun
            : property == u"proper"           ? w.properNoun
            : property == u"quantifier"       ? w.quantifier
            : property == u"abstract"         ? w.abstractNoun
            : property == u"proper place"     ? w.properPlace
            : property == u"proper person"    ? w.properPerson
                                              : (qFatal("no property %s", qPrintable(property)), false);
        QVERIFY(got);
    }

    void lookUp_background_countsGeneralEnglish()
    {
        StagePipeline p({u"The people of the nation debated a tariff on zorblatts and models."_s},
                        StagePipeline::Stage::Tagged);
        QVERIFY(word(p, u"people"_s).background > word(p, u"tariff"_s).background);
        QVERIFY(word(p, u"tariff"_s).background > 0);
        QCOMPARE(word(p, u"zorblatts"_s).background, 0);
        // an inflection counts as its noun lemma
        QCOMPARE(word(p, u"models"_s).background, word(p, u"model"_s).background);
    }

    void countCapitalisation_runningText_countsCapitalsAwayFromStartsAndHeadings()
    {
        StagePipeline p({u"# Reform Now\n\nReform came slowly. The Reform Act passed, and reform followed, and more "
                         "reform came.\n"_s},
                        StagePipeline::Stage::Tagged);
        const QString lower = u"reform"_s; // a named string: GCC 14 warns of a dangling reference otherwise
        const WordInfo &reform = word(p, lower);
        QCOMPARE(reform.capMid.load(), 1); // "Reform Act"; not the heading or the sentence start
        QCOMPARE(reform.lowMid.load(), 2);
    }

    void countCapitalisation_nationalityAdjective_pointsAtItsCountry_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("lower");
        QTest::addColumn<QString>("country"); // empty: none
        QTest::newRow("capitalised adjective") << u"Many Chinese firms export."_s << u"chinese"_s << u"China"_s;
        QTest::newRow("demonym plural") << u"Many Americans travel, and American firms export."_s << u"americans"_s
                                        << sameAs(u"american"_s);
        QTest::newRow("never capitalised") << u"Many chinese firms export."_s << u"chinese"_s << QString();
        QTest::newRow("no pertainym") << u"Many Big firms export."_s << u"big"_s << QString();
    }

    void countCapitalisation_nationalityAdjective_pointsAtItsCountry()
    {
        QFETCH(QString, text);
        QFETCH(QString, lower);
        QFETCH(QString, country);
        StagePipeline p({text}, StagePipeline::Stage::Tagged);
        const WordInfo &w = word(p, lower);
        if (country.isEmpty()) {
            QCOMPARE(w.pertainym, -1);
            return;
        }
        if (country.startsWith(u"="))
            country = word(p, country.mid(1)).pertainymLabel;
        QVERIFY(w.pertainym >= 0);
        QCOMPARE(w.pertainymLabel, country);
        QCOMPARE(p.vocabulary.word(w.pertainym).lower, country.toLower());
    }

private:
    // the demonym row compares with its adjective's country, looked up in the run
    static QString sameAs(const QString &adjective) { return u"="_s + adjective; }
};

QTEST_GUILESS_MAIN(VocabularyTest)
#include "vocabulary_test.moc"
