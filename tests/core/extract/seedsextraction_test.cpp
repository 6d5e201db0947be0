#include "extract/conceptextractor.h"
#include "ingest/corpusreader.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace carto;
using namespace carto::extract;

namespace {

QStringList readList(const QString &path)
{
    QStringList out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return out;
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QString s = QString::fromUtf8(line).trimmed();
        if (!s.isEmpty() && !s.startsWith(u'#'))
            out.append(s);
    }
    return out;
}

bool containsWord(const QString &haystack, const QString &word)
{
    const QString h = haystack.toLower();
    const QString w = word.toLower();
    for (qsizetype i = h.indexOf(w); i >= 0; i = h.indexOf(w, i + 1)) {
        const bool left = i == 0 || !h[i - 1].isLetterOrNumber();
        const bool right = i + w.size() >= h.size() || !h[i + w.size()].isLetterOrNumber();
        if (left && right)
            return true;
    }
    return false;
}

} // namespace

// End-to-end quality checks on the shared seed corpus, read through CorpusReader.
class SeedsExtractionTest final : public QObject
{
    Q_OBJECT

private:
    std::optional<ingest::Corpus> m_corpus;
    Extraction m_extraction;

private Q_SLOTS:
    void initTestCase()
    {
        const QString seeds = QStringLiteral(CARTO_SHARED_DIR "/seeds");
        QVERIFY2(QDir(seeds).exists(), "shared seeds are missing");
        QString error;
        m_corpus = ingest::CorpusReader().read(seeds, &error);
        QVERIFY2(m_corpus, qPrintable(error));
        m_extraction = ConceptExtractor().extract(*m_corpus, {});
    }

    void seeds_requiredConcepts_areFound()
    {
        const QStringList required = readList(QStringLiteral(CARTO_TEST_DATA_DIR "/extract/seeds_required.txt"));
        QVERIFY(required.size() >= 20);
        for (QString name : required) {
            const bool inside = name.startsWith(u'~');
            if (inside)
                name.remove(0, 1);
            bool found = false;
            for (const Concept &c : m_extraction.concepts) {
                for (const QString &a : c.aliases) {
                    if (a.compare(name, Qt::CaseInsensitive) == 0 || (inside && containsWord(a, name)))
                        found = true;
                }
            }
            QVERIFY2(found, qPrintable(name));
        }
    }

    void seeds_top60_areMostlyWorthKeeping()
    {
        const QStringList rejects = readList(QStringLiteral(CARTO_TEST_DATA_DIR "/extract/seeds_rejects.txt"));
        QVERIFY(m_extraction.concepts.size() >= 60);
        int rejected = 0;
        QStringList names;
        for (size_t i = 0; i < 60; ++i) {
            const QString &label = m_extraction.concepts[i].label;
            if (rejects.contains(label, Qt::CaseInsensitive)) {
                ++rejected;
                names.append(label);
            }
        }
        QVERIFY2(60 - rejected >= 55, qPrintable(names.join(QStringLiteral(", "))));
    }

    void seeds_centralRareName_ranksWell()
    {
        for (size_t i = 0; i < m_extraction.concepts.size(); ++i) {
            if (m_extraction.concepts[i].id.value() == u"deepseek") {
                QVERIFY2(i < 30, qPrintable(QString::number(i)));
                return;
            }
        }
        QFAIL("DeepSeek not found");
    }

    // a quoted coinage named once is a concept the writer put forward
    void seeds_quotedCoinage_ranksWell()
    {
        for (size_t i = 0; i < m_extraction.concepts.size(); ++i) {
            if (m_extraction.concepts[i].id.value() == u"east data west compute") {
                QVERIFY2(i < 30, qPrintable(QString::number(i)));
                return;
            }
        }
        QFAIL("East Data, West Compute not found");
    }

    void seeds_typedByRules()
    {
        auto typeOf = [&](const QString &id) -> std::optional<ConceptType> {
            for (const Concept &c : m_extraction.concepts) {
                if (c.id.value() == id)
                    return c.type;
            }
            return std::nullopt;
        };
        QCOMPARE(typeOf(QStringLiteral("china")), std::optional(ConceptType::Place));
        QCOMPARE(typeOf(QStringLiteral("grace shao")), std::optional(ConceptType::Person));
        QCOMPARE(typeOf(QStringLiteral("hong kong stock exchange")), std::optional(ConceptType::Organization));
        QCOMPARE(typeOf(QStringLiteral("export control")), std::optional(ConceptType::Policy));
        QCOMPARE(typeOf(QStringLiteral("next generation artificial intelligence development plan")),
                 std::optional(ConceptType::Policy));
        QCOMPARE(typeOf(QStringLiteral("edge computing")), std::optional(ConceptType::Technology));
    }

    void seeds_everySpan_slicesToItsText()
    {
        for (const Concept &c : m_extraction.concepts) {
            for (const Mention &m : c.mentions) {
                const QString &text = m_corpus->documents[static_cast<size_t>(m.span.document.value())].text;
                QCOMPARE(m.span.range.slice(text).toString(), m.surface);
            }
        }
        for (const Relation &r : m_extraction.relations) {
            QVERIFY(!r.evidence.empty());
            for (const Evidence &e : r.evidence) {
                const QString &text = m_corpus->documents[static_cast<size_t>(e.sentence.document.value())].text;
                QVERIFY(e.sentence.range.start >= 0 && e.sentence.range.end <= text.size());
                QVERIFY(!e.sentence.range.isEmpty());
            }
        }
    }

    // The phases run on several threads; each writes its own slice and the
    // slices merge in a fixed order, so one thread and two agree exactly.
    void seeds_oneThreadAndTwo_giveIdenticalExtraction()
    {
        ConceptExtractor::Options one;
        one.threads = 1;
        ConceptExtractor::Options two;
        two.threads = 2;
        const Extraction a = ConceptExtractor(one).extract(*m_corpus, {});
        const Extraction b = ConceptExtractor(two).extract(*m_corpus, {});
        QVERIFY(!a.concepts.empty());
        QVERIFY(!a.relations.empty());
        QCOMPARE(a.concepts.size(), b.concepts.size());
        for (size_t i = 0; i < a.concepts.size(); ++i) {
            const Concept &x = a.concepts[i];
            const Concept &y = b.concepts[i];
            QCOMPARE(x.id, y.id);
            QCOMPARE(x.label, y.label);
            QCOMPARE(x.type, y.type);
            QCOMPARE(x.aliases, y.aliases);
            QCOMPARE(x.score, y.score);
            QCOMPARE(x.documentCount, y.documentCount);
            QCOMPARE(x.mentions.size(), y.mentions.size());
            for (size_t m = 0; m < x.mentions.size(); ++m) {
                QVERIFY(x.mentions[m].span == y.mentions[m].span);
                QCOMPARE(x.mentions[m].surface, y.mentions[m].surface);
                QCOMPARE(x.mentions[m].explicitLink, y.mentions[m].explicitLink);
            }
        }
        QCOMPARE(a.relations.size(), b.relations.size());
        for (size_t i = 0; i < a.relations.size(); ++i) {
            const Relation &x = a.relations[i];
            const Relation &y = b.relations[i];
            QCOMPARE(x.source, y.source);
            QCOMPARE(x.target, y.target);
            QCOMPARE(x.count, y.count);
            QCOMPARE(x.weight, y.weight);
            QCOMPARE(x.label, y.label);
            QCOMPARE(x.evidence.size(), y.evidence.size());
            for (size_t e = 0; e < x.evidence.size(); ++e)
                QVERIFY(x.evidence[e].sentence == y.evidence[e].sentence);
        }
    }
};

QTEST_GUILESS_MAIN(SeedsExtractionTest)
#include "seedsextraction_test.moc"
