#include "extract/conceptextractor.h"
#include "extract/curation.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace carto;
using namespace carto::extract;

namespace {

ingest::Corpus makeCorpus(const QString &text)
{
    ingest::Corpus corpus;
    ingest::Document doc;
    doc.id = DocumentId(0);
    doc.text = text;
    ingest::Block b;
    b.range = {0, text.size()};
    doc.blocks.push_back(b);
    corpus.documents.push_back(doc);
    return corpus;
}

const Concept *find(const Extraction &x, const QString &name)
{
    for (const Concept &c : x.concepts) {
        if (c.label.compare(name, Qt::CaseInsensitive) == 0 || c.aliases.contains(name, Qt::CaseInsensitive))
            return &c;
    }
    return nullptr;
}

const QString kText = QStringLiteral(
    "DeepSeek and MiniMax build models in Hangzhou. DeepSeek released weights, and MiniMax followed. "
    "The great firewall shapes the market; the great firewall is old. Nvidia sells GPUs to Tencent. "
    "Tencent runs WeChat. Weixin is the Chinese name of WeChat. Nvidia ships GPUs.");

} // namespace

class CurationTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_everyKey_fillsCuration()
    {
        std::vector<Problem> problems;
        const Curation c = parseCuration(QByteArrayLiteral(
                                             "concepts:\n"
                                             "  - name: Great Firewall\n"
                                             "    aliases: [GFW]\n"
                                             "    type: policy\n"
                                             "merge:\n"
                                             "  - into: DeepSeek\n"
                                             "    from: [MiniMax]\n"
                                             "rename:\n"
                                             "  Nvidia: NVIDIA Corporation\n"
                                             "ignore: [Hangzhou]\n"
                                             "types:\n"
                                             "  Tencent: organization\n"
                                             "split: [Weixin]\n"),
                                         QStringLiteral("cartograph.yaml"), problems);
        QVERIFY(problems.empty());
        QCOMPARE(c.added.size(), size_t(1));
        QCOMPARE(c.added[0].aliases, QStringList{QStringLiteral("GFW")});
        QCOMPARE(c.added[0].type, std::optional<ConceptType>(ConceptType::Policy));
        QCOMPARE(c.merges.size(), size_t(1));
        QCOMPARE(c.renames.at(QStringLiteral("Nvidia")), QStringLiteral("NVIDIA Corporation"));
        QCOMPARE(c.ignored, QStringList{QStringLiteral("Hangzhou")});
        QCOMPARE(c.typeOverrides.at(QStringLiteral("Tencent")), ConceptType::Organization);
        QCOMPARE(c.splits, QStringList{QStringLiteral("Weixin")});
    }

    void parse_brokenYaml_reportsLineAndColumn()
    {
        std::vector<Problem> problems;
        const Curation c = parseCuration(QByteArrayLiteral("ignore: [a, b\nrename:\n  x: y\n"),
                                         QStringLiteral("cartograph.yaml"), problems);
        QVERIFY(c.isEmpty());
        QCOMPARE(problems.size(), size_t(1));
        QCOMPARE(problems[0].path, QStringLiteral("cartograph.yaml"));
        QVERIFY2(problems[0].message.contains(QStringLiteral("line ")), qPrintable(problems[0].message));
        QVERIFY2(problems[0].message.contains(QStringLiteral("column ")), qPrintable(problems[0].message));
    }

    void readFile_missing_isEmptyWithoutProblem()
    {
        QTemporaryDir dir;
        std::vector<Problem> problems;
        QVERIFY(readCurationFile(dir.filePath(QStringLiteral("cartograph.yaml")), problems).isEmpty());
        QVERIFY(problems.empty());
    }

    void readFile_present_isParsed()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("cartograph.yaml")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("ignore:\n  - Hangzhou\n");
        f.close();
        std::vector<Problem> problems;
        const Curation c = readCurationFile(f.fileName(), problems);
        QVERIFY(problems.empty());
        QCOMPARE(c.ignored, QStringList{QStringLiteral("Hangzhou")});
    }

    void apply_eachOperation_changesOutput()
    {
        const ingest::Corpus corpus = makeCorpus(kText);
        const Extraction before = ConceptExtractor().extract(corpus, {});
        QVERIFY(find(before, QStringLiteral("Hangzhou")));
        QVERIFY(find(before, QStringLiteral("MiniMax")));
        const Concept *nvidiaBefore = find(before, QStringLiteral("Nvidia"));
        QVERIFY(nvidiaBefore);

        std::vector<Problem> problems;
        const Curation curation = parseCuration(QByteArrayLiteral(
                                                    "concepts:\n"
                                                    "  - name: Great Firewall\n"
                                                    "    type: policy\n"
                                                    "merge:\n"
                                                    "  - into: DeepSeek\n"
                                                    "    from: [MiniMax]\n"
                                                    "rename:\n"
                                                    "  Nvidia: NVIDIA Corporation\n"
                                                    "ignore: [Hangzhou]\n"
                                                    "types:\n"
                                                    "  Tencent: person\n"),
                                                QStringLiteral("cartograph.yaml"), problems);
        QVERIFY(problems.empty());
        const Extraction after = ConceptExtractor().extract(corpus, curation);

        // added: found in the text, case-insensitive, as an explicit mention
        const Concept *firewall = find(after, QStringLiteral("Great Firewall"));
        QVERIFY(firewall);
        QCOMPARE(firewall->type, ConceptType::Policy);
        QCOMPARE(firewall->mentions.size(), size_t(2));
        for (const Mention &m : firewall->mentions)
            QCOMPARE(m.span.range.slice(kText).toString().toLower(), QStringLiteral("great firewall"));
        // merged: MiniMax folds into DeepSeek
        const Concept *deepseek = find(after, QStringLiteral("DeepSeek"));
        QVERIFY(deepseek);
        QVERIFY(deepseek->aliases.contains(QStringLiteral("MiniMax")));
        QCOMPARE(deepseek->mentions.size(), size_t(4));
        for (const Concept &c : after.concepts)
            QVERIFY(c.id.value() != u"minimax");
        // renamed: new label, same id
        const Concept *nvidia = find(after, QStringLiteral("NVIDIA Corporation"));
        QVERIFY(nvidia);
        QCOMPARE(nvidia->label, QStringLiteral("NVIDIA Corporation"));
        QCOMPARE(nvidia->id, nvidiaBefore->id);
        // ignored
        QVERIFY(!find(after, QStringLiteral("Hangzhou")));
        // typed
        QCOMPARE(find(after, QStringLiteral("Tencent"))->type, ConceptType::Person);
    }

    void apply_split_makesAliasItsOwnConcept()
    {
        const ingest::Corpus corpus = makeCorpus(kText);
        std::vector<Problem> problems;
        const Curation merge = parseCuration(QByteArrayLiteral("merge:\n  - into: WeChat\n    from: [Weixin]\n"),
                                             QString(), problems);
        const Extraction merged = ConceptExtractor().extract(corpus, merge);
        QVERIFY(find(merged, QStringLiteral("WeChat"))->aliases.contains(QStringLiteral("Weixin")));

        Curation both = merge;
        both.splits.append(QStringLiteral("Weixin"));
        const Extraction split = ConceptExtractor().extract(corpus, both);
        const Concept *wechat = find(split, QStringLiteral("WeChat"));
        const Concept *weixin = find(split, QStringLiteral("Weixin"));
        QVERIFY(wechat && weixin && wechat != weixin);
        QVERIFY(!wechat->aliases.contains(QStringLiteral("Weixin")));
        QCOMPARE(weixin->mentions.size(), size_t(1));
        QCOMPARE(weixin->mentions.front().surface, QStringLiteral("Weixin"));
    }
};

QTEST_GUILESS_MAIN(CurationTest)
#include "curation_test.moc"
