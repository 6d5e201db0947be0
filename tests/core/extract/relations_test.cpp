#include "extract/relations.h"
#include "extract/sentencelinks.h"
#include "extract/tagger.h"

#include <QStringList>
#include <QTest>

#include <map>

using namespace carto;
using namespace carto::extract;

namespace {

// Documents made of tagged sentences, and concepts whose mentions are every
// whole-word occurrence of their surfaces: the relation stage's input
// without the rest of the pipeline.
class Corpus
{
public:
    void addDocument(const QStringList &sentences)
    {
        DocumentTokens d;
        QString text;
        for (const QString &s : sentences) {
            if (!text.isEmpty())
                text += u' ';
            const auto offset = static_cast<std::int32_t>(text.size());
            text += s;
            const Tagger::Tagged t = Tagger::instance().tagText(s);
            Sentence sentence;
            sentence.tokBegin = static_cast<std::int32_t>(d.tokens.size());
            for (size_t i = 0; i < t.tokens.size(); ++i) {
                Token token = t.tokens[i];
                token.start += offset;
                token.end += offset;
                d.tokens.push_back(token);
                d.tags.push_back(static_cast<std::uint8_t>(t.tags[i]));
            }
            sentence.tokEnd = static_cast<std::int32_t>(d.tokens.size());
            sentence.range = TextRange{offset, offset + s.size()};
            d.sentences.push_back(sentence);
        }
        m_texts.push_back(text);
        m_documents.push_back(std::move(d));
    }

    void addConcept(const QString &id, double score, const QStringList &surfaces)
    {
        Concept c;
        c.id = ConceptId(id);
        c.label = surfaces.front();
        c.aliases = surfaces;
        c.score = score;
        for (size_t di = 0; di < m_texts.size(); ++di) {
            const QString &text = m_texts[di];
            for (const QString &s : surfaces) {
                for (qsizetype at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + 1)) {
                    const bool startsWord = at == 0 || !text[at - 1].isLetter();
                    const bool endsWord = at + s.size() == text.size() || !text[at + s.size()].isLetter();
                    if (startsWord && endsWord)
                        c.mentions.push_back({Span{DocumentId(static_cast<int>(di)), TextRange{at, at + s.size()}}, s});
                }
            }
        }
        std::sort(c.mentions.begin(), c.mentions.end(), [](const Mention &a, const Mention &b) {
            return std::pair(a.span.document.value(), a.span.range.start) < std::pair(b.span.document.value(), b.span.range.start);
        });
        m_concepts.push_back(std::move(c));
    }

    std::vector<Relation> relations(RelationOptions options = {}, const CancelToken *cancel = nullptr) const
    {
        std::vector<QStringView> texts(m_texts.begin(), m_texts.end());
        return extractRelations(m_concepts, m_documents, texts, options, cancel);
    }

    // The relations of `concepts` in these documents, linked reusing `previous`.
    std::vector<Relation> relations(const std::vector<Concept> &concepts, const SentenceLinks *previous,
                                    std::shared_ptr<const SentenceLinks> *linked, RelationOptions options = {}) const
    {
        std::vector<QStringView> texts(m_texts.begin(), m_texts.end());
        return extractRelations(concepts, m_documents, texts, options, previous, linked);
    }

    const QString &text(int document) const { return m_texts[static_cast<size_t>(document)]; }
    const std::vector<Concept> &concepts() const { return m_concepts; }

private:
    std::vector<QString> m_texts;
    std::vector<DocumentTokens> m_documents;
    std::vector<Concept> m_concepts;
};

const Relation *between(const std::vector<Relation> &relations, const QString &a, const QString &b)
{
    for (const Relation &r : relations) {
        if ((r.source.value() == a && r.target.value() == b) || (r.source.value() == b && r.target.value() == a))
            return &r;
    }
    return nullptr;
}

void compareRelations(const std::vector<Relation> &a, const std::vector<Relation> &b)
{
    QCOMPARE(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) {
        QCOMPARE(a[i].source, b[i].source);
        QCOMPARE(a[i].target, b[i].target);
        QCOMPARE(a[i].count, b[i].count);
        QCOMPARE(a[i].weight, b[i].weight);
        QCOMPARE(a[i].label, b[i].label);
        QCOMPARE(a[i].evidence.size(), b[i].evidence.size());
        for (size_t e = 0; e < a[i].evidence.size(); ++e)
            QCOMPARE(a[i].evidence[e].sentence, b[i].evidence[e].sentence);
    }
}

// A list as a curation edit leaves it: "hide" drops concept `a`, "merge"
// gives `a` the mentions of `b` too and drops `b`, "add" puts in a concept
// named `a` (with `b`'s surface) that was not there.
std::vector<Concept> edited(const std::vector<Concept> &concepts, const QString &edit, const QString &a, const QString &b)
{
    std::vector<Concept> out;
    const auto find = [&](const QString &id) {
        return std::find_if(concepts.begin(), concepts.end(), [&](const Concept &c) { return c.id.value() == id; });
    };
    for (const Concept &c : concepts) {
        if (c.id.value() == a && edit == QStringLiteral("hide"))
            continue;
        if (c.id.value() == b && edit == QStringLiteral("merge"))
            continue;
        out.push_back(c);
        if (c.id.value() == a && edit == QStringLiteral("merge")) {
            Concept &merged = out.back();
            const auto other = find(b);
            merged.mentions.insert(merged.mentions.end(), other->mentions.begin(), other->mentions.end());
            std::sort(merged.mentions.begin(), merged.mentions.end(), [](const Mention &x, const Mention &y) {
                return std::pair(x.span.document.value(), x.span.range.start)
                    < std::pair(y.span.document.value(), y.span.range.start);
            });
            merged.score += other->score;
        }
    }
    if (edit == QStringLiteral("add")) {
        Concept added = *find(b);
        added.id = ConceptId(a);
        added.score = 0.5;
        out.push_back(added);
    }
    return out;
}

// Sentences naming other concepts, so no concept is in every sentence.
QStringList filler(int count)
{
    QStringList out;
    for (int i = 0; i < count; ++i)
        out << QStringLiteral("Brazil grows coffee.");
    return out;
}

void addFillerConcepts(Corpus &corpus)
{
    corpus.addConcept(QStringLiteral("brazil"), 5.0, {QStringLiteral("Brazil")});
    corpus.addConcept(QStringLiteral("coffee"), 5.0, {QStringLiteral("coffee")});
}

} // namespace

class RelationsTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(Tagger::instance().isLoaded(), qPrintable(Tagger::instance().errorString())); }

    void extractRelations_mentionsOfOneClause_linkWithLabelAndEvidence()
    {
        Corpus corpus;
        corpus.addDocument(QStringList{QStringLiteral("China invests in solar energy."),
                                       QStringLiteral("Today China invests in solar energy again.")}
                           + filler(2));
        corpus.addConcept(QStringLiteral("china"), 8.0, {QStringLiteral("China")});
        corpus.addConcept(QStringLiteral("solar energy"), 8.0, {QStringLiteral("solar energy")});
        addFillerConcepts(corpus);

        const std::vector<Relation> relations = corpus.relations();

        const Relation *r = between(relations, QStringLiteral("china"), QStringLiteral("solar energy"));
        QVERIFY(r);
        QVERIFY(r->source < r->target);
        QCOMPARE(r->count, 2);
        QCOMPARE(r->label, QStringLiteral("invest in"));
        QVERIFY(r->weight > 0.0 && r->weight <= 1.0);
        QCOMPARE(r->evidence.size(), size_t(2));
        QCOMPARE(r->evidence[0].sentence.range.slice(corpus.text(0)).toString(), QStringLiteral("China invests in solar energy."));
        QCOMPARE(r->evidence[1].sentence.range.slice(corpus.text(0)).toString(),
                 QStringLiteral("Today China invests in solar energy again."));
        QVERIFY(!between(relations, QStringLiteral("china"), QStringLiteral("coffee")));
    }

    void extractRelations_nestedMentions_neverLinkToEachOther()
    {
        Corpus corpus;
        corpus.addDocument(QStringList{QStringLiteral("China creates clean energy jobs.")} + filler(2));
        corpus.addConcept(QStringLiteral("china"), 8.0, {QStringLiteral("China")});
        corpus.addConcept(QStringLiteral("clean energy jobs"), 8.0, {QStringLiteral("clean energy jobs")});
        corpus.addConcept(QStringLiteral("clean energy"), 8.0, {QStringLiteral("clean energy")});
        corpus.addConcept(QStringLiteral("energy jobs"), 8.0, {QStringLiteral("energy jobs")});
        corpus.addConcept(QStringLiteral("jobs"), 8.0, {QStringLiteral("jobs")});
        addFillerConcepts(corpus);

        const std::vector<Relation> relations = corpus.relations();

        const QStringList parts = {QStringLiteral("clean energy jobs"), QStringLiteral("clean energy"),
                                   QStringLiteral("energy jobs"), QStringLiteral("jobs")};
        for (const QString &part : parts) {
            QVERIFY2(between(relations, QStringLiteral("china"), part), qPrintable(part));
            for (const QString &other : parts)
                QVERIFY2(!between(relations, part, other), qPrintable(part + QStringLiteral(" / ") + other));
        }
    }

    void extractRelations_otherClause_linksWeakerThanOwnClause()
    {
        Corpus corpus;
        corpus.addDocument(QStringList{QStringLiteral("China invests in solar, and India builds dams.")} + filler(3));
        for (const char *name : {"China", "solar", "India", "dams"})
            corpus.addConcept(QString::fromLatin1(name).toLower(), 8.0, {QString::fromLatin1(name)});
        addFillerConcepts(corpus);

        const std::vector<Relation> relations = corpus.relations();

        const Relation *own = between(relations, QStringLiteral("china"), QStringLiteral("solar"));
        const Relation *ownToo = between(relations, QStringLiteral("india"), QStringLiteral("dams"));
        const Relation *other = between(relations, QStringLiteral("china"), QStringLiteral("dams"));
        QVERIFY(own && ownToo && other);
        QCOMPARE(own->count, 1);
        QCOMPARE(other->count, 1);
        QVERIFY(own->weight > other->weight);
        QVERIFY(other->weight > 0.0);
        QCOMPARE(own->label, QStringLiteral("invest in"));
        QCOMPARE(ownToo->label, QStringLiteral("build"));
        QVERIFY(other->label.isEmpty());
    }

    void extractRelations_relativeClause_includesItsAntecedent()
    {
        Corpus corpus;
        corpus.addDocument(QStringList{QStringLiteral("China builds the factories that make batteries.")} + filler(3));
        for (const char *name : {"China", "factories", "batteries"})
            corpus.addConcept(QString::fromLatin1(name).toLower(), 8.0, {QString::fromLatin1(name)});
        addFillerConcepts(corpus);

        const std::vector<Relation> relations = corpus.relations();

        const Relation *antecedent = between(relations, QStringLiteral("factories"), QStringLiteral("batteries"));
        const Relation *across = between(relations, QStringLiteral("china"), QStringLiteral("batteries"));
        QVERIFY(antecedent && across);
        QCOMPARE(antecedent->label, QStringLiteral("make"));
        QVERIFY(antecedent->weight > across->weight);
    }

    void extractRelations_label_keptWhenItHoldsForAShareOfTheSentences_data()
    {
        QTest::addColumn<int>("labelled");
        QTest::addColumn<int>("unlabelled");
        QTest::addColumn<bool>("kept");
        QTest::newRow("one sentence, labelled") << 1 << 0 << true;
        QTest::newRow("one of two") << 1 << 1 << false;
        QTest::newRow("two of two") << 2 << 0 << true;
        QTest::newRow("two of four") << 2 << 2 << true;
        QTest::newRow("two of ten") << 2 << 8 << false;
        QTest::newRow("three of ten") << 3 << 7 << true;
    }

    void extractRelations_label_keptWhenItHoldsForAShareOfTheSentences()
    {
        QFETCH(int, labelled);
        QFETCH(int, unlabelled);
        QFETCH(bool, kept);
        QStringList sentences;
        for (int i = 0; i < labelled; ++i)
            sentences << QStringLiteral("China invests in solar.");
        for (int i = 0; i < unlabelled; ++i)
            sentences << QStringLiteral("China and solar appear together.");
        Corpus corpus;
        corpus.addDocument(sentences + filler(labelled + unlabelled));
        corpus.addConcept(QStringLiteral("china"), 8.0, {QStringLiteral("China")});
        corpus.addConcept(QStringLiteral("solar"), 8.0, {QStringLiteral("solar")});
        addFillerConcepts(corpus);

        const std::vector<Relation> relations = corpus.relations();

        const Relation *r = between(relations, QStringLiteral("china"), QStringLiteral("solar"));
        QVERIFY(r);
        QCOMPARE(r->count, labelled + unlabelled);
        QCOMPARE(r->label, kept ? QStringLiteral("invest in") : QString());
    }

    void extractRelations_genericPartner_losesToSpecificOne()
    {
        // The same counts with China: only the partners' scores differ.
        Corpus corpus;
        corpus.addDocument(QStringList{QStringLiteral("China backs DeepSeek."), QStringLiteral("China backs DeepSeek."),
                                       QStringLiteral("China backs the sector."), QStringLiteral("China backs the sector."),
                                       QStringLiteral("The sector needs growth.")}
                           + filler(5));
        corpus.addConcept(QStringLiteral("china"), 10.0, {QStringLiteral("China")});
        corpus.addConcept(QStringLiteral("deepseek"), 9.0, {QStringLiteral("DeepSeek")});
        corpus.addConcept(QStringLiteral("sector"), 0.5, {QStringLiteral("sector")});
        corpus.addConcept(QStringLiteral("growth"), 6.0, {QStringLiteral("growth")});
        addFillerConcepts(corpus);

        const std::vector<Relation> all = corpus.relations();
        const Relation *specific = between(all, QStringLiteral("china"), QStringLiteral("deepseek"));
        const Relation *generic = between(all, QStringLiteral("china"), QStringLiteral("sector"));
        QVERIFY(specific && generic);
        QCOMPARE(specific->count, generic->count);
        QVERIFY(specific->weight > 1.5 * generic->weight);
        QVERIFY(generic->weight > 0.0);

        RelationOptions one;
        one.maxRelationsPerConcept = 1;
        const std::vector<Relation> capped = corpus.relations(one);
        QVERIFY(between(capped, QStringLiteral("china"), QStringLiteral("deepseek")));
        QVERIFY(!between(capped, QStringLiteral("china"), QStringLiteral("sector")));
        QVERIFY(between(capped, QStringLiteral("sector"), QStringLiteral("growth")));
    }

    void extractRelations_pairMetOnce_weighsLessThanOneMetOften()
    {
        // Both pairs are always named together (NPMI 1) and equally specific:
        // only the sentences behind them differ.
        Corpus corpus;
        corpus.addDocument(QStringList{QStringLiteral("Zorblat trades with Quaxton."),
                                       QStringLiteral("Plimsvik trades with Tavora."),
                                       QStringLiteral("Plimsvik trades with Tavora."),
                                       QStringLiteral("Plimsvik trades with Tavora.")}
                           + filler(6));
        for (const char *name : {"Zorblat", "Quaxton", "Plimsvik", "Tavora"})
            corpus.addConcept(QString::fromLatin1(name).toLower(), 8.0, {QString::fromLatin1(name)});
        addFillerConcepts(corpus);
        const std::vector<Relation> all = corpus.relations();
        const Relation *once = between(all, QStringLiteral("zorblat"), QStringLiteral("quaxton"));
        const Relation *often = between(all, QStringLiteral("plimsvik"), QStringLiteral("tavora"));
        QVERIFY(once && often);
        QCOMPARE(once->count, 1);
        QCOMPARE(often->count, 3);
        QVERIFY2(often->weight > 1.1 * once->weight, qPrintable(QString::number(often->weight) + QStringLiteral(" vs ")
                                                                 + QString::number(once->weight)));
    }

    void extractRelations_evidence_firstSentencesUpToTheCap()
    {
        Corpus corpus;
        QStringList sentences;
        for (int i = 0; i < 5; ++i)
            sentences << QStringLiteral("Item %1: China invests in solar.").arg(i);
        corpus.addDocument(sentences + filler(5));
        corpus.addConcept(QStringLiteral("china"), 8.0, {QStringLiteral("China")});
        corpus.addConcept(QStringLiteral("solar"), 8.0, {QStringLiteral("solar")});
        addFillerConcepts(corpus);
        RelationOptions options;
        options.maxEvidencePerRelation = 3;

        const std::vector<Relation> relations = corpus.relations(options);
        const Relation *r = between(relations, QStringLiteral("china"), QStringLiteral("solar"));

        QVERIFY(r);
        QCOMPARE(r->count, 5);
        QCOMPARE(r->evidence.size(), size_t(3));
        for (int i = 0; i < 3; ++i)
            QVERIFY(r->evidence[static_cast<size_t>(i)].sentence.range.slice(corpus.text(0)).startsWith(
                QStringLiteral("Item %1:").arg(i)));
    }

    void extractRelations_oneOrTwoThreads_giveTheSameRelations()
    {
        Corpus corpus;
        const QStringList names = {QStringLiteral("China"), QStringLiteral("India"), QStringLiteral("solar"),
                                   QStringLiteral("dams"), QStringLiteral("batteries"), QStringLiteral("Brazil")};
        for (int d = 0; d < 7; ++d) {
            QStringList sentences;
            for (int s = 0; s < 6; ++s) {
                const QString &a = names[(d + s) % names.size()];
                const QString &b = names[(d * 3 + s * 2 + 1) % names.size()];
                const QString &c = names[(s * 5 + 2) % names.size()];
                sentences << QStringLiteral("%1 invests in %2, and %3 builds roads.").arg(a, b, c);
            }
            corpus.addDocument(sentences);
        }
        double score = 9.0;
        for (const QString &n : names)
            corpus.addConcept(n.toLower(), score -= 1.0, {n});
        RelationOptions one;
        one.threads = 1;
        one.maxRelationsPerConcept = 3;
        RelationOptions two = one;
        two.threads = 2;

        const std::vector<Relation> a = corpus.relations(one);
        const std::vector<Relation> b = corpus.relations(two);

        QVERIFY(a.size() >= 3);
        compareRelations(a, b);
    }

    // The links of one list, reused for the next (as after a curation edit),
    // give the relations linking the next list afresh gives, and link again
    // only the sentences naming what the edit changed; going back reuses too.
    void extractRelations_reusingTheLastLinks_givesTheFreshResult_data()
    {
        QTest::addColumn<QString>("edit");
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::newRow("hide a phrase") << QStringLiteral("hide") << QStringLiteral("solar energy") << QString();
        QTest::newRow("hide a hub") << QStringLiteral("hide") << QStringLiteral("china") << QString();
        QTest::newRow("merge") << QStringLiteral("merge") << QStringLiteral("dams") << QStringLiteral("india");
        QTest::newRow("merge into a part") << QStringLiteral("merge") << QStringLiteral("solar")
                                           << QStringLiteral("solar energy");
        QTest::newRow("add") << QStringLiteral("add") << QStringLiteral("cells") << QStringLiteral("batteries");
    }

    void extractRelations_reusingTheLastLinks_givesTheFreshResult()
    {
        QFETCH(QString, edit);
        QFETCH(QString, a);
        QFETCH(QString, b);
        Corpus corpus;
        const QStringList names = {QStringLiteral("China"), QStringLiteral("India"), QStringLiteral("solar energy"),
                                   QStringLiteral("dams"), QStringLiteral("batteries"), QStringLiteral("Brazil")};
        for (int d = 0; d < 6; ++d) {
            QStringList sentences;
            for (int s = 0; s < 5; ++s) {
                const QString &x = names[(d + s) % names.size()];
                const QString &y = names[(d * 3 + s * 2 + 1) % names.size()];
                sentences << QStringLiteral("%1 invests in %2, which the firms build.").arg(x, y);
            }
            sentences << QStringLiteral("Rain fell.");
            corpus.addDocument(sentences);
        }
        double score = 9.0;
        for (const QString &n : names)
            corpus.addConcept(n.toLower(), score -= 1.0, {n});
        corpus.addConcept(QStringLiteral("solar"), 1.5, {QStringLiteral("solar")}); // nested in "solar energy"
        RelationOptions options;
        options.threads = 2;
        options.maxRelationsPerConcept = 4;

        std::shared_ptr<const SentenceLinks> before;
        const std::vector<Relation> first = corpus.relations(corpus.concepts(), nullptr, &before, options);
        QVERIFY(before && before->linked > 20);
        const std::vector<Concept> list = edited(corpus.concepts(), edit, a, b);

        std::shared_ptr<const SentenceLinks> after;
        const std::vector<Relation> reused = corpus.relations(list, before.get(), &after, options);
        const std::vector<Relation> fresh = corpus.relations(list, nullptr, nullptr, options);
        QVERIFY(fresh.size() >= 5);
        compareRelations(reused, fresh);
        QVERIFY(after && after->linked > 0 && after->linked < before->linked);
        QVERIFY(reused.size() != first.size() || !std::equal(reused.begin(), reused.end(), first.begin(),
                                                             [](const Relation &x, const Relation &y) {
                                                                 return x.source == y.source && x.target == y.target
                                                                     && x.weight == y.weight;
                                                             }));

        // and back to the list before (an undo), from the edited list's links
        std::shared_ptr<const SentenceLinks> undone;
        compareRelations(corpus.relations(corpus.concepts(), after.get(), &undone, options), first);
        QVERIFY(undone->linked < before->linked);
    }

    // Two concepts sharing an id break the contract; reusing links then
    // still gives what linking afresh gives.
    void extractRelations_reusingLinksWithADuplicateId_givesTheFreshResult()
    {
        Corpus corpus;
        corpus.addDocument({QStringLiteral("China invests in solar energy."), QStringLiteral("India builds dams."),
                            QStringLiteral("China and India trade.")});
        corpus.addConcept(QStringLiteral("china"), 8.0, {QStringLiteral("China")});
        corpus.addConcept(QStringLiteral("india"), 7.0, {QStringLiteral("India")});
        corpus.addConcept(QStringLiteral("solar energy"), 6.0, {QStringLiteral("solar energy")});
        corpus.addConcept(QStringLiteral("dams"), 5.0, {QStringLiteral("dams")});
        std::shared_ptr<const SentenceLinks> before;
        QVERIFY(!corpus.relations(corpus.concepts(), nullptr, &before).empty());
        std::vector<Concept> list = corpus.concepts();
        Concept twin = list[1];
        twin.id = list[3].id; // India's mentions under the id of "dams", which is as it was
        list.insert(list.begin(), twin);
        const std::vector<Relation> fresh = corpus.relations(list, nullptr, nullptr);
        QVERIFY(!fresh.empty());
        compareRelations(corpus.relations(list, before.get(), nullptr), fresh);
    }

    void extractRelations_cancelled_returnsNothing()
    {
        Corpus corpus;
        corpus.addDocument({QStringLiteral("China invests in solar.")});
        corpus.addConcept(QStringLiteral("china"), 8.0, {QStringLiteral("China")});
        corpus.addConcept(QStringLiteral("solar"), 8.0, {QStringLiteral("solar")});
        QCOMPARE(corpus.relations().size(), size_t(1));
        CancelToken cancel;
        cancel.cancel();
        QVERIFY(corpus.relations({}, &cancel).empty());
    }

    void extractRelations_mentionOutsideTheDocuments_isSkipped()
    {
        Corpus corpus;
        corpus.addDocument({QStringLiteral("China invests in solar.")});
        corpus.addConcept(QStringLiteral("china"), 8.0, {QStringLiteral("China")});
        corpus.addConcept(QStringLiteral("solar"), 8.0, {QStringLiteral("solar")});
        std::vector<Concept> concepts;
        Concept stray;
        stray.id = ConceptId(QStringLiteral("stray"));
        stray.mentions.push_back({Span{DocumentId(5), TextRange{0, 5}}, QStringLiteral("China")});
        concepts.push_back(stray);
        QVERIFY(extractRelations(concepts, {}, {}, {}).empty());
    }
};

QTEST_GUILESS_MAIN(RelationsTest)
#include "relations_test.moc"
