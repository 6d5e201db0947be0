#include "foundation/yamllimits.h"

#include <QTest>

using namespace carto;

// checkYamlLimits refuses what would expand past its budget, names where, and
// lets every alias-free or modest document through.
class YamlLimitsTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void check_withinLimits_accepted_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::newRow("no aliases") << QByteArray("a: 1\nb: [x, y, z]\nc: {d: e}\n");
        QTest::newRow("one alias") << QByteArray("base: &b {name: Acme, aliases: [ACME]}\ncopy: *b\n");
        QTest::newRow("star in a scalar") << QByteArray("note: \"5 * 3 = 15\"\n");
        QTest::newRow("syntax error") << QByteArray("a: [unclosed\n"); // left to YAML::Load to report
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("later documents") << QByteArray("a: 1\n---\nb: &x [1]\nc: [*x, *x, *x, *x, *x, *x, *x]\n");
    }

    void check_withinLimits_accepted()
    {
        QFETCH(QByteArray, yaml);
        YamlLimits limits;
        limits.maxAliasedNodes = 10;
        QCOMPARE(checkYamlLimits(yaml.toStdString(), limits).has_value(), false);
    }

    void check_expansionPastLimits_refusedWithPosition_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");
        QByteArray laughs = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
        for (char level = 'b'; level <= 'i'; ++level) {
            const char previous = char(level - 1);
            laughs += QByteArray(1, level) + ": &" + level + " [" + QByteArray("*").append(previous).append(", ").repeated(9)
                      + "*" + previous + "]\n";
        }
        QTest::newRow("billion laughs") << laughs << 2 << 39 << QStringLiteral("aliases expand to more than 1000 nodes");
        const QByteArray big(2000, 'A');
        QTest::newRow("one big scalar many times")
            << QByteArray("big: &a \"" + big + "\"\nignore: [*a, *a, *a]\n") << 1 << 17
            << QStringLiteral("aliases expand to more than 4 KB of text");
        QTest::newRow("cycle") << QByteArray("a: &x [1, *x]\n") << 0 << 10
                               << QStringLiteral("an alias refers to a node that contains it");
    }

    void check_expansionPastLimits_refusedWithPosition()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, message);
        YamlLimits limits;
        limits.maxAliasedNodes = 1000;
        limits.maxAliasedBytes = 4 * 1024;
        const auto refused = checkYamlLimits(yaml.toStdString(), limits);
        QVERIFY(refused);
        QCOMPARE(refused->message, message);
        QCOMPARE(refused->line, line);
        QCOMPARE(refused->column, column);
    }
};

QTEST_GUILESS_MAIN(YamlLimitsTest)
#include "yamllimits_test.moc"
