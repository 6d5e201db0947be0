#include "extract/conceptextractor.h"

#include <QTest>

using namespace carto;
using namespace carto::extract;

namespace {

// One document; one paragraph block per non-empty line, sentences left to the extractor.
ingest::Document makeDocument(int id, const QString &text)
{
    ingest::Document doc;
    doc.id = DocumentId(id);
    doc.path = QStringLiteral("doc%1.txt").arg(id);
    doc.text = text;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf(u'\n', start);
        if (end < 0)
            end = text.size();
        if (end > start) {
            ingest::Block b;
            b.range = {start, end};
            doc.blocks.push_back(b);
        }
        start = end + 1;
    }
    return doc;
}

ingest::Corpus makeCorpus(const QStringList &texts)
{
    ingest::Corpus corpus;
    for (int i = 0; i < texts.size(); ++i)
        corpus.documents.push_back(makeDocument(i, texts[i]));
    return corpus;
}

const Concept *findByAlias(const Extraction &x, const QString &name)
{
    for (const Concept &c : x.concepts) {
        if (c.aliases.contains(name, Qt::CaseInsensitive) || c.label.compare(name, Qt::CaseInsensitive) == 0)
            return &c;
    }
    return nullptr;
}

const Concept *findById(const Extraction &x, const QString &id)
{
    for (const Concept &c : x.concepts) {
        if (c.id.value() == id)
            return &c;
    }
    return nullptr;
}

} // namespace

class ConceptExtractorTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void extract_variants_mergeIntoOneConceptWithAliases()
    {
        const auto corpus = makeCorpus({QStringLiteral(
            "Labs keep releasing open-source models for research. Many firms now prefer open source models.\n"
            "An open-source model is cheap to adapt, and open-source models spread fast.")});
        const Extraction x = ConceptExtractor().extract(corpus, {});
        const Concept *c = findById(x, QStringLiteral("open source model"));
        QVERIFY(c);
        QVERIFY(c->aliases.contains(QStringLiteral("open-source models")));
        QVERIFY(c->aliases.contains(QStringLiteral("open source models")));
        QVERIFY(c->aliases.contains(QStringLiteral("open-source model")));
        QCOMPARE(c->mentions.size(), size_t(4));
    }

    void extract_possessiveAndNationality_mergeWithCountry()
    {
        const auto corpus = makeCorpus({QStringLiteral(
            "China's factories grew quickly. Chinese firms export to Europe, and China buys chips.\n"
            "Analysts in China watch Chinese startups closely.")});
        const Extraction x = ConceptExtractor().extract(corpus, {});
        const Concept *c = findById(x, QStringLiteral("china"));
        QVERIFY(c);
        QCOMPARE(c->label, QStringLiteral("China"));
        QVERIFY(c->aliases.contains(QStringLiteral("China's")));
        QVERIFY(c->aliases.contains(QStringLiteral("Chinese")));
        QCOMPARE(c->type, ConceptType::Place);
    }

    void extract_acronymDefinition_mergesWithExpansion()
    {
        const auto corpus = makeCorpus({QStringLiteral(
            "Vendors sell Software as a Service (SaaS) to banks. SaaS adoption is low in some regions.\n"
            "Teams fine-tune large language models (LLMs) on their own data. LLMs need data.")});
        const Extraction x = ConceptExtractor().extract(corpus, {});
        const Concept *saas = findByAlias(x, QStringLiteral("SaaS"));
        QVERIFY(saas);
        QCOMPARE(saas->id.value(), QStringLiteral("software as a service"));
        QVERIFY(saas->aliases.contains(QStringLiteral("Software as a Service")));
        const Concept *llm = findByAlias(x, QStringLiteral("LLMs"));
        QVERIFY(llm);
        QCOMPARE(llm->id.value(), QStringLiteral("large language model"));
        QVERIFY(llm->aliases.contains(QStringLiteral("large language models")));
    }

    void extract_nestedName_isNotAnInnerMention()
    {
        const auto corpus = makeCorpus({QStringLiteral(
            "Two startups listed on the Hong Kong Stock Exchange this spring.\n"
            "Investors in Hong Kong cheered the listings.")});
        const Extraction x = ConceptExtractor().extract(corpus, {});
        const Concept *exchange = findById(x, QStringLiteral("hong kong stock exchange"));
        QVERIFY(exchange);
        QCOMPARE(exchange->type, ConceptType::Organization);
        const Concept *city = findById(x, QStringLiteral("hong kong"));
        QVERIFY(city);
        QCOMPARE(city->mentions.size(), size_t(1));
        QVERIFY(city->mentions.front().span.range.start > exchange->mentions.front().span.range.end);
    }

    void extract_sentenceInitialCapitals_areNotEntities()
    {
        const auto corpus = makeCorpus({QStringLiteral(
            "However, DeepSeek released a model. The model was small. However, the release mattered.\n"
            "The lab behind DeepSeek works in Hangzhou.")});
        const Extraction x = ConceptExtractor().extract(corpus, {});
        QVERIFY(findByAlias(x, QStringLiteral("DeepSeek")));
        QVERIFY(!findByAlias(x, QStringLiteral("However")));
        QVERIFY(!findByAlias(x, QStringLiteral("The")));
    }

    void extract_capitalisedFunctionWords_areNeverNames()
    {
        // Unsplit sentences and tables run together put capitals after dashes
        // and numbers; contractions, lone initials and numerals are no names.
        const auto corpus = makeCorpus({QStringLiteral(
            "The Senate declared that- The length of the session was fixed. I've got news for the Senate, "
            "and I'll say it again. Receipts were: From customs - 5 dollars From internal revenue - 3 dollars. "
            "John F. Kennedy met King George II in New York. New York welcomed the Senate.")});
        const Extraction x = ConceptExtractor().extract(corpus, {});
        for (const char *junk : {"The", "I've", "I'll", "From", "F", "II"})
            QVERIFY2(!findByAlias(x, QLatin1String(junk)), junk);
        QVERIFY(findByAlias(x, QStringLiteral("New York")));
        QVERIFY(findByAlias(x, QStringLiteral("Senate")));
    }

    void extract_quotedCoinage_isAConcept()
    {
        const auto corpus = makeCorpus({QStringLiteral(
            "Firms followed a \"rural encirclement\" strategy. The \"East Data, West Compute\" initiative moves "
            "computing inland.")});
        const Extraction x = ConceptExtractor().extract(corpus, {});
        QVERIFY(findByAlias(x, QStringLiteral("rural encirclement")));
        const Concept *plan = findByAlias(x, QStringLiteral("East Data, West Compute"));
        QVERIFY(plan);
        QCOMPARE(plan->id.value(), QStringLiteral("east data west compute"));
        QCOMPARE(plan->type, ConceptType::Policy);
    }

    void extract_wikiLink_isExplicitMention()
    {
        auto corpus = makeCorpus({QStringLiteral("Notes from lexfridman about chips.")});
        ingest::WikiLink link;
        link.range = {11, 21};
        link.target = QStringLiteral("lexfridman");
        corpus.documents[0].wikiLinks.push_back(link);
        const Extraction x = ConceptExtractor().extract(corpus, {});
        const Concept *c = findById(x, QStringLiteral("lexfridman"));
        QVERIFY(c);
        QVERIFY(c->mentions.front().explicitLink);
    }

    void extract_evaluativeDescription_ranksBelowClassifyingTerm()
    {
        const auto corpus = makeCorpus({QStringLiteral(
            "The widespread adoption of robots worried planners. National defense came first. "
            "Widespread adoption was slow, and national defense was costly. "
            "Critics doubted widespread adoption but praised national defense.\n")});
        const Extraction x = ConceptExtractor().extract(corpus, {});
        const Concept *evaluative = findById(x, QStringLiteral("widespread adoption"));
        const Concept *relational = findById(x, QStringLiteral("national defense"));
        QVERIFY(relational);
        QVERIFY(!evaluative || evaluative->score < relational->score);
    }

    void extract_verbLedPhrases_areNoTerms()
    {
        const auto corpus = makeCorpus({QStringLiteral(
            "Tyrants make war on their neighbours. Free peoples never make war lightly. "
            "We have lost sight of our aims, and they lost sight of theirs. "
            "Companies can leverage their users, and firms can leverage their data.\n")});
        const Extraction x = ConceptExtractor().extract(corpus, {});
        // "war" itself is a generic lone noun (see extract_genericLoneNoun_isNoConcept)
        for (const QString &junk : {QStringLiteral("make war"), QStringLiteral("lost sight"), QStringLiteral("leverage")})
            QVERIFY2(!findById(x, junk), qPrintable(junk));
    }

    void extract_loneVerbsAndAdjectives_areNoConcepts()
    {
        const auto corpus = makeCorpus({QStringLiteral(
            "Robotics poses the hardest questions. Robotics poses the oldest questions. "
            "Cooperation fosters an open culture. Cooperation fosters an honest culture. "
            "Labs help, and labs help again. The work is essential, and training is essential. "
            "Growth is potential, wealth is potential. The method is iterative, the plan is iterative.\n")});
        const Extraction x = ConceptExtractor().extract(corpus, {});
        QVERIFY(findById(x, QStringLiteral("robotics")));
        for (const QString &junk : {QStringLiteral("pose"), QStringLiteral("poses"), QStringLiteral("foster"),
                                    QStringLiteral("fosters"), QStringLiteral("help"), QStringLiteral("essential"),
                                    QStringLiteral("potential"), QStringLiteral("iterative")})
            QVERIFY2(!findById(x, junk), qPrintable(junk));
    }

    void extract_genericLoneNoun_ranksBelowSpecificTerm()
    {
        // kept until scored: the ranking, not a filter, puts the general words last
        const auto corpus = makeCorpus({QStringLiteral(
            "Companies build lithography tools. Many companies buy lithography tools. "
            "The companies grew, and the area around the companies grew. The area was poor; the area is rich.\n")});
        const Extraction x = ConceptExtractor().extract(corpus, {});
        const Concept *tools = findById(x, QStringLiteral("lithography tool"));
        QVERIFY(tools);
        for (const QString &generic : {QStringLiteral("company"), QStringLiteral("area")}) {
            const Concept *c = findById(x, generic);
            QVERIFY2(!c || c->score < tools->score, qPrintable(generic));
        }
    }

    void extract_singleMentionTerms_areKeptButDamped()
    {
        const auto corpus = makeCorpus({QStringLiteral(
            "Our priorities were set by the board. Budget priorities were set by the board. "
            "Budget priorities changed. Good governance matters to the board. Data governance matters to the board. "
            "Once the board named tribology.\n")});
        const Extraction x = ConceptExtractor().extract(corpus, {});
        const Concept *once = findById(x, QStringLiteral("tribology"));
        const Concept *twice = findById(x, QStringLiteral("governance"));
        QVERIFY(once);
        QVERIFY(twice);
        QVERIFY(once->score < twice->score);
    }

    void extract_demonymPlural_standsForItsPlace()
    {
        // a people named after its country is typed with the place (the
        // country itself does not occur here, so it is not put in)
        const auto corpus = makeCorpus({QStringLiteral(
            "Ships crossed the Pacific. Americans travelled, and many Americans stayed.\n")});
        const Extraction x = ConceptExtractor().extract(corpus, {});
        const Concept *americans = findById(x, QStringLiteral("americans"));
        QVERIFY(americans);
        QCOMPARE(americans->type, ConceptType::Place);
        QCOMPARE(americans->label, QStringLiteral("Americans"));
    }

    void extract_nameEndingInFunctionWord_isTrimmed()
    {
        const auto corpus = makeCorpus({QStringLiteral(
            "Veterans of the War Between the States marched. The War Between the States ended long ago.\n")});
        const Extraction x = ConceptExtractor().extract(corpus, {});
        QVERIFY(!findById(x, QStringLiteral("war between")));
    }

    void extract_undefinedAcronym_joinsItsExpansion()
    {
        const auto corpus = makeCorpus({QStringLiteral(
            "Labs pour money into artificial intelligence. Investors love AI. Regulators watch AI closely, "
            "and artificial intelligence keeps growing.\n")});
        const Extraction x = ConceptExtractor().extract(corpus, {});
        const Concept *ai = findByAlias(x, QStringLiteral("AI"));
        QVERIFY(ai);
        QVERIFY(ai->aliases.contains(QStringLiteral("artificial intelligence")));
        QCOMPARE(ai->type, ConceptType::Technology);
    }

    void extract_nationalityAdjective_joinsCountrySynonymButNamesNoAbsentPlace()
    {
        const auto corpus = makeCorpus({QStringLiteral(
            "The US economy grew, so American workers gained, and the US budget shrank. "
            "Firms partner with Asian suppliers.\n")});
        const Extraction x = ConceptExtractor().extract(corpus, {});
        const Concept *us = findById(x, QStringLiteral("us"));
        QVERIFY(us);
        QVERIFY(us->aliases.contains(QStringLiteral("American")));
        // the adjective stands for its place but keeps its own label: a place
        // the text never names is not put in ("Asia")
        const Concept *asian = findByAlias(x, QStringLiteral("Asian"));
        QVERIFY(asian);
        QCOMPARE(asian->label, QStringLiteral("Asian"));
        QCOMPARE(asian->type, ConceptType::Place);
        QVERIFY(!findByAlias(x, QStringLiteral("Asia")));
    }

    void extract_nameAndCommonNoun_stayApart()
    {
        // "States" (the union's members, a name) and "state" (any state) are
        // two concepts; "United States" stays whole
        const auto corpus = makeCorpus({QStringLiteral(
            "Each State sets its rules. The States disagree, and every state votes. "
            "The United States signed. The United States ratified. A state may object.\n")});
        const Extraction x = ConceptExtractor().extract(corpus, {});
        const Concept *state = findById(x, QStringLiteral("state"));
        QVERIFY(state);
        QVERIFY(!state->aliases.contains(QStringLiteral("States")));
        QVERIFY(findById(x, QStringLiteral("united states")));
        QVERIFY(!findById(x, QStringLiteral("united state")));
    }

    void extract_dominantCaseForm_absorbsTheOther()
    {
        // "navy" in lower case twelve times and once as "Navy" is one navy
        QString text;
        for (int i = 0; i < 12; ++i)
            text += QStringLiteral("The navy sailed on day %1. ").arg(i + 1);
        text += QStringLiteral("Then the Navy returned.\n");
        const Extraction x = ConceptExtractor().extract(makeCorpus({text}), {});
        const Concept *navy = findByAlias(x, QStringLiteral("navy"));
        QVERIFY(navy);
        QVERIFY(navy->aliases.contains(QStringLiteral("Navy")));
    }

    void extract_titledSurname_isAPerson()
    {
        // "Jones", "Smith" and "Franklin" are WordNet common nouns too (and
        // noun.person ones); after an honorific they are surnames, also at a
        // sentence start, and the honorific itself is no concept
        const auto corpus = makeCorpus({QStringLiteral(
            "Mr. Smith went to Washington. Later Mr. Jones went to Washington. Dr. Franklin spoke.\n")});
        const Extraction x = ConceptExtractor().extract(corpus, {});
        for (const QString &id : {QStringLiteral("smith"), QStringLiteral("jones"), QStringLiteral("franklin")}) {
            const Concept *c = findById(x, id);
            QVERIFY2(c, qPrintable(id));
            QCOMPARE(c->type, ConceptType::Person);
        }
        QVERIFY(!findById(x, QStringLiteral("mr")));
    }

    void extract_titleOfAddress_isNoPerson()
    {
        const auto corpus = makeCorpus({QStringLiteral("Thank you, Mr. Speaker. I ask you, Mr. President, to listen.\n")});
        const Extraction x = ConceptExtractor().extract(corpus, {});
        for (const Concept &c : x.concepts)
            QVERIFY2(c.type != ConceptType::Person, qPrintable(c.label));
    }

    void extract_quotedNickname_isNoCoinage()
    {
        const auto corpus = makeCorpus({QStringLiteral(
            "Another son of Texas, Sam Rayburn-\"Mr. Sam\"-sat in your chair. Sam Rayburn led the House.\n")});
        const Extraction x = ConceptExtractor().extract(corpus, {});
        const Concept *c = findById(x, QStringLiteral("sam rayburn"));
        QVERIFY(c);
        QCOMPARE(c->type, ConceptType::Person);
        QCOMPARE(c->mentions.size(), size_t(3)); // the nickname's "Sam" is a reference to him
        for (const Concept &other : x.concepts)
            QVERIFY2(!other.label.startsWith(QStringLiteral("Mr")), qPrintable(other.label));
    }

    void extract_compoundRestrictionHead_isPolicy()
    {
        // WordNet lists "tax cut" as one noun whose hypernyms say nothing of policy
        const auto corpus = makeCorpus({QStringLiteral(
            "Congress passed tax cuts for families. The tax cuts helped small firms. Tax cuts cost money.\n")});
        const Extraction x = ConceptExtractor().extract(corpus, {});
        const Concept *c = findById(x, QStringLiteral("tax cut"));
        QVERIFY(c);
        QCOMPARE(c->type, ConceptType::Policy);
    }

    void extract_properOnlyWordAtSentenceStart_staysAName()
    {
        // WordNet spells every sense of "Kansas" capitalised (its lower-case
        // look-alike "kansa" is another word): no common noun at a sentence start
        const auto corpus = makeCorpus({QStringLiteral("Kansas grew wheat. Farmers in the plains grew corn.\n")});
        const Extraction x = ConceptExtractor().extract(corpus, {});
        const Concept *c = findById(x, QStringLiteral("kansas"));
        QVERIFY(c);
        QCOMPARE(c->type, ConceptType::Place);
        QVERIFY(!findById(x, QStringLiteral("kansa")));
    }

    void extract_partyMembers_singularAndPluralAreOneConcept()
    {
        // a member noun that is no demonym joins its plural; its first WordNet
        // reading (a party member), not a later instance (the Republican
        // River), types it
        const auto corpus = makeCorpus({QStringLiteral(
            "The Republican leaders met. Then Republicans and Democrats agreed. The Republican in the room spoke.\n")});
        const Extraction x = ConceptExtractor().extract(corpus, {});
        const Concept *c = findById(x, QStringLiteral("republican"));
        QVERIFY(c);
        QVERIFY(c->aliases.contains(QStringLiteral("Republicans")));
        QVERIFY(c->type != ConceptType::Place);
    }

    void extract_collectiveHeadedName_isOrganization()
    {
        const auto corpus = makeCorpus({QStringLiteral(
            "The Federal Government spends. Critics say the Federal Government wastes money.\n")});
        const Extraction x = ConceptExtractor().extract(corpus, {});
        const Concept *c = findById(x, QStringLiteral("federal government"));
        QVERIFY(c);
        QCOMPARE(c->type, ConceptType::Organization);
    }

    void extract_compoundModifier_becomesConcept()
    {
        const auto corpus = makeCorpus({QStringLiteral(
            "Buyers lack lithography machines. A new lithography machine was built. "
            "Old lithography machines fail.\n")});
        const Extraction x = ConceptExtractor().extract(corpus, {});
        const Concept *c = findById(x, QStringLiteral("lithography"));
        QVERIFY(c);
        QCOMPARE(c->mentions.size(), size_t(3));
        QCOMPARE(c->mentions.front().surface, QStringLiteral("lithography"));
    }

    void extract_nounGerunds_openAndCloseTerms()
    {
        const auto corpus = makeCorpus({QStringLiteral(
            "Good training data matters. Teams curate training data for machine learning. "
            "Progress in machine learning depends on it.\n")});
        const Extraction x = ConceptExtractor().extract(corpus, {});
        QVERIFY(findById(x, QStringLiteral("training data")));
        QVERIFY(findById(x, QStringLiteral("machine learning")));
    }

    void extract_headingOnlyAcronym_isNoConcept()
    {
        const auto corpus = makeCorpus({QStringLiteral(
            "Chip makers expanded capacity this year, and chip tools remain scarce for every buyer.\n"
            "FAQ: Common Questions About Chip Supply\n"
            "Buyers wait for chip tools while makers expand capacity again this year.\n")});
        const Extraction x = ConceptExtractor().extract(corpus, {});
        QVERIFY(!findByAlias(x, QStringLiteral("FAQ")));
    }

    void extract_trailingRelatedList_isBoilerplate()
    {
        const auto corpus = makeCorpus({QStringLiteral(
            "Chip makers expanded lithography capacity this year, and lithography tools remain scarce for "
            "every buyer in the market.\n"
            "Related Reading\n"
            "- Quantum Widgets Explained: A Complete Beginner Guide\n"
            "- Ten Ways Zorblax Changed Everything Forever\n"
            "Up Next\n"
            "Frobnicator Launches New Gizmo Line\n"
            "Glimmerware Unveils Shiny Tablet Range\n")});
        const Extraction x = ConceptExtractor().extract(corpus, {});
        QVERIFY(findByAlias(x, QStringLiteral("lithography")));
        for (const QString &junk : {QStringLiteral("Zorblax"), QStringLiteral("Frobnicator"),
                                    QStringLiteral("Glimmerware"), QStringLiteral("Quantum Widgets"),
                                    QStringLiteral("Related Reading"), QStringLiteral("Up Next")}) {
            QVERIFY2(!findByAlias(x, junk), qPrintable(junk));
        }
    }

    void extract_relations_linkSentencePartnersWithLabel()
    {
        // Partners of one clause, labelled with the connective or the verb
        // that links them; a phrase never links to the mentions nested in it.
        const auto corpus = makeCorpus({QStringLiteral(
            "Platforms such as WeChat dominate messaging. Platforms such as WeChat also run payments.\n"
            "Regulators watch WeChat closely. Tencent invests in cloud computing. Tencent invests in cloud computing "
            "again. Cloud computing needs clean energy jobs, and Tencent hires lawyers.")});
        const Extraction x = ConceptExtractor().extract(corpus, {});
        const Concept *wechat = findByAlias(x, QStringLiteral("WeChat"));
        const Concept *cloud = findByAlias(x, QStringLiteral("cloud computing"));
        QVERIFY(wechat && cloud);
        QCOMPARE(wechat->type, ConceptType::Product);
        auto find = [&](const QString &a, const QString &b) -> const Relation * {
            for (const Relation &r : x.relations) {
                if ((r.source.value() == a && r.target.value() == b) || (r.source.value() == b && r.target.value() == a))
                    return &r;
            }
            return nullptr;
        };
        for (const Relation &r : x.relations)
            QVERIFY(r.source < r.target && r.weight > 0.0 && r.weight <= 1.0);
        const Relation *platform = find(wechat->id.value(), QStringLiteral("platform"));
        QVERIFY(platform);
        QCOMPARE(platform->count, 2);
        QCOMPARE(platform->label, QStringLiteral("such as"));
        QCOMPARE(platform->evidence.size(), size_t(2));
        const Relation *invests = find(cloud->id.value(), QStringLiteral("tencent"));
        QVERIFY(invests);
        QCOMPARE(invests->count, 3);
        QCOMPARE(invests->label, QStringLiteral("invest in")); // two of its three sentences say so
        const Relation *watch = find(wechat->id.value(), QStringLiteral("regulator"));
        QVERIFY(watch);
        QCOMPARE(watch->label, QStringLiteral("watch"));
        for (const Concept &c : x.concepts) {
            if (c.id != cloud->id && cloud->label.contains(c.label, Qt::CaseInsensitive))
                QVERIFY2(!find(cloud->id.value(), c.id.value()), qPrintable(c.label));
        }
    }

    void extract_spans_sliceToSurfaceAndSentences()
    {
        const auto corpus = makeCorpus({QStringLiteral("China's export controls hit Nvidia. Export controls matter."),
                                        QStringLiteral("Edge computing grows; edge computing needs chips from Nvidia.")});
        const Extraction x = ConceptExtractor().extract(corpus, {});
        QVERIFY(!x.concepts.empty());
        for (const Concept &c : x.concepts) {
            QVERIFY(c.aliases.contains(c.label));
            for (const Mention &m : c.mentions) {
                const QString &text = corpus.documents[static_cast<size_t>(m.span.document.value())].text;
                QCOMPARE(m.span.range.slice(text).toString(), m.surface);
            }
        }
        for (const Relation &r : x.relations) {
            for (const Evidence &e : r.evidence) {
                const QString &text = corpus.documents[static_cast<size_t>(e.sentence.document.value())].text;
                QVERIFY(!e.sentence.range.isEmpty());
                QVERIFY(e.sentence.range.end <= text.size());
            }
        }
    }

    void extract_sameCorpusTwice_givesSameIdsAndOrder()
    {
        const auto corpus = makeCorpus({QStringLiteral("Grace Shao writes about DeepSeek and MiniMax in Hangzhou."),
                                        QStringLiteral("Export controls slowed GPU sales; export controls tightened.")});
        const Extraction a = ConceptExtractor().extract(corpus, {});
        ConceptExtractor::Options one;
        one.threads = 1;
        const Extraction b = ConceptExtractor(one).extract(corpus, {});
        QCOMPARE(a.concepts.size(), b.concepts.size());
        for (size_t i = 0; i < a.concepts.size(); ++i) {
            QCOMPARE(a.concepts[i].id, b.concepts[i].id);
            QCOMPARE(a.concepts[i].score, b.concepts[i].score);
        }
    }

    void extract_options_capConceptsAndRelations()
    {
        const auto corpus = makeCorpus({QStringLiteral(
            "Apple, Google, Nvidia, OpenAI and Tencent met Baidu, Alibaba and Huawei in Shenzhen. "
            "Apple, Google, Nvidia and Huawei met again in Beijing.")});
        ConceptExtractor::Options options;
        options.maxConcepts = 5;
        options.maxRelationsPerConcept = 2;
        options.maxEvidencePerRelation = 1;
        const Extraction x = ConceptExtractor(options).extract(corpus, {});
        QCOMPARE(x.concepts.size(), size_t(5));
        std::map<QString, int> degree;
        for (const Relation &r : x.relations) {
            ++degree[r.source.value()];
            ++degree[r.target.value()];
            QVERIFY(r.evidence.size() <= 1);
        }
        for (const auto &[id, d] : degree)
            QVERIFY2(d <= 2, qPrintable(id));
    }

    void extract_relationCap_neverIsolatesAConceptTheTextsConnect()
    {
        // The hub's single slot goes to its strongest partner; the rare partner
        // still keeps its one link instead of floating alone on the map.
        const auto corpus = makeCorpus({QStringLiteral(
            "Zorblax Corp works with Quentor Labs. Zorblax Corp and Quentor Labs share a plant. "
            "Quentor Labs supplies Zorblax Corp. Zorblax Corp once hired Plinko Group.")});
        ConceptExtractor::Options options;
        options.maxRelationsPerConcept = 1;
        const Extraction x = ConceptExtractor(options).extract(corpus, {});
        const Concept *plinko = findByAlias(x, QStringLiteral("Plinko Group"));
        const Concept *quentor = findByAlias(x, QStringLiteral("Quentor Labs"));
        QVERIFY(plinko && quentor);
        auto linked = [&](const Concept *c) {
            return std::any_of(x.relations.begin(), x.relations.end(),
                               [&](const Relation &r) { return r.source == c->id || r.target == c->id; });
        };
        QVERIFY(linked(quentor));
        QVERIFY(linked(plinko));
    }

    void extract_cancelled_returnsEmpty()
    {
        const auto corpus = makeCorpus({QStringLiteral("DeepSeek and MiniMax build models.")});
        CancelToken cancel;
        cancel.cancel();
        const Extraction x = ConceptExtractor().extract(corpus, {}, nullptr, &cancel);
        QVERIFY(x.concepts.empty());
    }
};

QTEST_GUILESS_MAIN(ConceptExtractorTest)
#include "conceptextractor_test.moc"
