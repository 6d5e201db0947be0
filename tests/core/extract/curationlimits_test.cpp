#include "extract/curation.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace carto;
using namespace carto::extract;

// A cartograph.yaml ships with a corpus, so anyone may have written it: an
// alias bomb or a huge file is refused with a Problem, never a crash.
class CurationLimitsTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readCurationFile_aliasBomb_refusedWithPosition()
    {
        // The shared reproducer's shape, scaled down: one large scalar aliased many times.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cartograph.yaml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray big(1'000'000, 'A');
        QByteArray aliases = "*a";
        for (int i = 1; i < 3000; ++i)
            aliases += ", *a";
        file.write("big: &a \"" + big + "\"\nignore: [" + aliases + "]\n");
        file.close();
        std::vector<Problem> problems;
        const Curation curation = readCurationFile(path, problems);
        QVERIFY(curation.isEmpty());
        QCOMPARE(problems.size(), size_t(1));
        QCOMPARE(problems[0].severity, Problem::Severity::Error);
        QCOMPARE(problems[0].path, path);
        QVERIFY2(problems[0].message.startsWith(u"line 2, column "), qPrintable(problems[0].message));
        QVERIFY(problems[0].message.endsWith(u"aliases expand to more than 4096 KB of text; curation ignored"));
    }

    void parseCuration_modestAliases_stillApplied()
    {
        std::vector<Problem> problems;
        const Curation curation =
            parseCuration("shared: &names [Acme, Globex]\nignore: *names\nsplit: *names\n", QStringLiteral("c.yaml"), problems);
        QVERIFY(problems.empty());
        QCOMPARE(curation.ignored, (QStringList{QStringLiteral("Acme"), QStringLiteral("Globex")}));
        QCOMPARE(curation.splits, curation.ignored);
    }

    void readCurationFile_overTwoMegabytes_refused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cartograph.yaml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray line = "  - Some concept name to ignore\n";
        file.write("ignore:\n");
        for (qint64 written = 0; written <= 2 * 1024 * 1024; written += line.size())
            file.write(line);
        file.close();
        std::vector<Problem> problems;
        QVERIFY(readCurationFile(path, problems).isEmpty());
        QCOMPARE(problems.size(), size_t(1));
        QCOMPARE(problems[0].message, QStringLiteral("curation file larger than 2 MB; ignored"));
    }
};

QTEST_GUILESS_MAIN(CurationLimitsTest)
#include "curationlimits_test.moc"
