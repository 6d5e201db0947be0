// cartograph-cli as a user and a script meet it: the real binary, run with
// QProcess. Exit codes, --version, usage and errors on stderr, "-" for stdout,
// the problems list on stderr in every mode, progress only on a terminal,
// --quiet, and the hostile-curation corpus exported in every format.
#include "support/exporttestsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <QElapsedTimer>

#include <fcntl.h>
#include <pty.h>
#include <unistd.h>

using namespace carto;
namespace ts = exporter::testsupport;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class CliTest final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_work;   // working directory of every run: a stray "-" file would land here
    QString m_corpus;       // the sample corpus plus one unreadable file
    QString m_hostile;      // the export-injection reproducer as a corpus

    Run cli(const QStringList &arguments, int timeoutMs = 120000) const
    {
        QProcess process;
        process.setWorkingDirectory(m_work.path());
        process.start(QStringLiteral(CARTO_CLI), arguments);
        Run run;
        if (!process.waitForStarted(10000) || !process.waitForFinished(timeoutMs)) {
            process.kill();
            process.waitForFinished();
            return run;
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }

    static bool parsesAsXml(const QByteArray &bytes, QString *error)
    {
        QXmlStreamReader xml(bytes);
        int elements = 0;
        while (!xml.atEnd())
            elements += xml.readNext() == QXmlStreamReader::StartElement ? 1 : 0;
        *error = xml.errorString();
        return !xml.hasError() && elements > 10;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(QStringLiteral(CARTO_CLI)).isExecutable(), CARTO_CLI);
        m_corpus = m_work.filePath(QStringLiteral("corpus"));
        QVERIFY(QDir().mkpath(m_corpus));
        for (const QFileInfo &f : QDir(QStringLiteral(CARTO_SAMPLES_DIR)).entryInfoList(QDir::Files))
            QVERIFY(QFile::copy(f.filePath(), QDir(m_corpus).filePath(f.fileName())));
        // Front matter that does not parse: reported as a problem, skipped.
        QFile broken(QDir(m_corpus).filePath(QStringLiteral("broken-front-matter.md")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("---\ntitle: [unclosed\n---\nSome text about beavers.\n");
        broken.close();

        m_hostile = m_work.filePath(QStringLiteral("hostile"));
        QVERIFY(QDir().mkpath(m_hostile));
        QVERIFY(QFile::copy(ts::sharedPath(QStringLiteral("hostile/export-injection.cartograph.yaml")),
                            QDir(m_hostile).filePath(QStringLiteral("cartograph.yaml"))));
        QVERIFY(QFile::copy(ts::sharedPath(QStringLiteral("hostile/export-injection-pixel.txt")),
                            QDir(m_hostile).filePath(QStringLiteral("pixel.txt"))));
    }

    void version_printsNameAndVersionOnStdout()
    {
        const Run run = cli({QStringLiteral("--version")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray("cartograph-cli " CARTO_VERSION "\n"));
        QCOMPARE(run.err, QByteArray());
    }

    void help_goesToStdoutWithZeroExit()
    {
        const Run run = cli({QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("usage: cartograph-cli"));
        QCOMPARE(run.err, QByteArray());
        const Run build = cli({QStringLiteral("build"), QStringLiteral("--help")});
        QCOMPARE(build.exitCode, 0);
        QVERIFY(build.out.contains("--quiet"));
    }

    void usageAndErrors_goToStderrWithNonZeroExit_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("says");
        QTest::newRow("no arguments") << QStringList() << 2 << QStringLiteral("usage:");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << 2
                                         << QStringLiteral("unknown command");
        QTest::newRow("build without folder") << QStringList{QStringLiteral("build")} << 2 << QStringLiteral("usage:");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("build"), QStringLiteral("."),
                                                       QStringLiteral("--frobnicate")}
                                        << 2 << QStringLiteral("frobnicate");
        QTest::newRow("bad --top") << QStringList{QStringLiteral("build"), QStringLiteral("."), QStringLiteral("--top"),
                                                  QStringLiteral("many")}
                                   << 2 << QStringLiteral("--top");
        QTest::newRow("bad --page") << QStringList{QStringLiteral("build"), QStringLiteral("."), QStringLiteral("--pdf"),
                                                   QStringLiteral("m.pdf"), QStringLiteral("--page"), QStringLiteral("B9")}
                                    << 2 << QStringLiteral("--page");
        QTest::newRow("text without file") << QStringList{QStringLiteral("text")} << 2 << QStringLiteral("usage:");
        QTest::newRow("missing folder") << QStringList{QStringLiteral("build"), QStringLiteral("/nonexistent/corpus")}
                                        << 1 << QStringLiteral("/nonexistent/corpus");
        QTest::newRow("missing file") << QStringList{QStringLiteral("text"), QStringLiteral("/nonexistent/a.md")} << 1
                                      << QStringLiteral("no such file");
    }

    void usageAndErrors_goToStderrWithNonZeroExit()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        const Run run = cli(arguments);
        QCOMPARE(run.exitCode, exitCode);
        QCOMPARE(run.out, QByteArray());
        QVERIFY2(QString::fromUtf8(run.err).contains(says), run.err.constData());
    }

    void dash_writesTheOneExportToStdout_data()
    {
        QTest::addColumn<QString>("flag");
        QTest::newRow("json") << QStringLiteral("--json");
        QTest::newRow("graphml") << QStringLiteral("--graphml");
        QTest::newRow("gexf") << QStringLiteral("--gexf");
        QTest::newRow("svg") << QStringLiteral("--svg");
        QTest::newRow("png") << QStringLiteral("--png");
        QTest::newRow("pdf") << QStringLiteral("--pdf");
    }

    void dash_writesTheOneExportToStdout()
    {
        QFETCH(QString, flag);
        const Run run = cli({QStringLiteral("build"), m_corpus, flag, QStringLiteral("-")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(!QFileInfo::exists(m_work.filePath(QStringLiteral("-"))), "wrote a file named '-'");
        QString error;
        if (flag == u"--json") {
            QJsonParseError parse{};
            const QJsonDocument doc = QJsonDocument::fromJson(run.out, &parse);
            QVERIFY2(parse.error == QJsonParseError::NoError, qPrintable(parse.errorString()));
            QVERIFY(doc.object().value(QStringLiteral("graph")).toObject().value(QStringLiteral("nodes")).toObject().size()
                    > 5);
        } else if (flag == u"--png") {
            QVERIFY(run.out.startsWith("\x89PNG\r\n\x1a\n"));
        } else if (flag == u"--pdf") {
            QVERIFY(run.out.startsWith("%PDF-"));
            QVERIFY(run.out.trimmed().endsWith("%%EOF"));
        } else {
            QVERIFY2(parsesAsXml(run.out, &error), qPrintable(error));
        }
        // stdout held the export only; the closing line went to stderr.
        QVERIFY2(run.err.contains("built "), run.err.constData());
    }

    void dash_refusedForTwoExportsOrAFolder_data()
    {
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<QString>("says");
        QTest::newRow("two to stdout") << QStringList{QStringLiteral("--json"), QStringLiteral("-"),
                                                      QStringLiteral("--gexf"), QStringLiteral("-")}
                                       << QStringLiteral("only one export");
        QTest::newRow("csv") << QStringList{QStringLiteral("--csv"), QStringLiteral("-")} << QStringLiteral("--csv");
        QTest::newRow("markdown") << QStringList{QStringLiteral("--markdown"), QStringLiteral("-")}
                                  << QStringLiteral("--markdown");
    }

    void dash_refusedForTwoExportsOrAFolder()
    {
        QFETCH(QStringList, flags);
        QFETCH(QString, says);
        const Run run = cli(QStringList{QStringLiteral("build"), m_corpus} + flags);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.out, QByteArray());
        QVERIFY2(QString::fromUtf8(run.err).contains(says), run.err.constData());
        QVERIFY(!QFileInfo::exists(m_work.filePath(QStringLiteral("-"))));
    }

    void problems_goToStderrInEveryMode_data()
    {
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<bool>("closingLine");
        QTest::newRow("summary") << QStringList() << false;
        QTest::newRow("export to a file") << QStringList{QStringLiteral("--json"), QStringLiteral("map.json")} << true;
        QTest::newRow("export to stdout") << QStringList{QStringLiteral("--json"), QStringLiteral("-")} << true;
        QTest::newRow("quiet export") << QStringList{QStringLiteral("--gexf"), QStringLiteral("map.gexf"),
                                                     QStringLiteral("--quiet")}
                                      << false;
    }

    void problems_goToStderrInEveryMode()
    {
        QFETCH(QStringList, flags);
        QFETCH(bool, closingLine);
        const Run run = cli(QStringList{QStringLiteral("build"), m_corpus} + flags);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains("cartograph-cli: ") && run.err.contains("broken-front-matter.md"),
                 run.err.constData());
        QVERIFY(!run.out.contains("cartograph-cli: "));
        if (!flags.contains(QStringLiteral("-"))) // the JSON lists the document itself
            QVERIFY(!run.out.contains("broken-front-matter.md"));
        QCOMPARE(run.err.contains("built "), closingLine);
        if (flags.isEmpty())
            QVERIFY(run.out.contains("Top concepts"));
        // Not a terminal: no progress line.
        QVERIFY(!run.err.contains('\r'));
    }

    void progress_showsOnATerminalOnly_data()
    {
        QTest::addColumn<bool>("quiet");
        QTest::newRow("terminal") << false;
        QTest::newRow("terminal, --quiet") << true;
    }

    void progress_showsOnATerminalOnly()
    {
        QFETCH(bool, quiet);
        int master = -1;
        int slave = -1;
        QVERIFY(::openpty(&master, &slave, nullptr, nullptr, nullptr) == 0);
        QProcess process;
        process.setWorkingDirectory(m_work.path());
        // stderr is the terminal; stdout stays a pipe.
        process.setChildProcessModifier([slave] { ::dup2(slave, STDERR_FILENO); });
        QStringList arguments{QStringLiteral("build"), ts::sharedPath(QStringLiteral("seeds")), QStringLiteral("--json"),
                              QStringLiteral("seeds.json")};
        if (quiet)
            arguments << QStringLiteral("--quiet");
        process.start(QStringLiteral(CARTO_CLI), arguments);
        QVERIFY(process.waitForStarted(10000));
        ::close(slave);
        // Drain the terminal while the build runs, so a full buffer never blocks it.
        ::fcntl(master, F_SETFL, ::fcntl(master, F_GETFL) | O_NONBLOCK);
        QByteArray terminal;
        auto drain = [&] {
            char buffer[4096];
            for (ssize_t n; (n = ::read(master, buffer, sizeof buffer)) > 0;)
                terminal.append(buffer, n);
        };
        QElapsedTimer timer;
        timer.start();
        while (!process.waitForFinished(50) && timer.elapsed() < 120000)
            drain();
        drain();
        ::close(master);
        QCOMPARE(process.exitCode(), 0);
        if (quiet) {
            QVERIFY2(!terminal.contains("Reading"), terminal.constData());
            QVERIFY(!terminal.contains("built "));
        } else {
            QVERIFY2(terminal.contains("\rReading") || terminal.contains("\rExtracting"), terminal.constData());
            QVERIFY(terminal.contains("built "));
        }
    }

    // The shared export-injection reproducer through every flag at once.
    void hostileCorpus_exportsEverythingSafely()
    {
        QTemporaryDir out;
        auto at = [&](const char *name) { return out.filePath(QString::fromLatin1(name)); };
        const Run run = cli({QStringLiteral("build"), m_hostile, QStringLiteral("--json"), at("m.json"),
                             QStringLiteral("--graphml"), at("m.graphml"), QStringLiteral("--gexf"), at("m.gexf"),
                             QStringLiteral("--csv"), at("csv"), QStringLiteral("--markdown"), at("vault"),
                             QStringLiteral("--png"), at("m.png"), QStringLiteral("--svg"), at("m.svg"),
                             QStringLiteral("--pdf"), at("m.pdf")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QString message;
        QVERIFY2(ts::jgfValidates(at("m.json"), &message), qPrintable(message));
        QVERIFY2(ts::graphMlValidates(at("m.graphml"), &message), qPrintable(message));
        QVERIFY2(ts::gexfValidates(at("m.gexf"), &message), qPrintable(message));
        const QByteArray svg = ts::readAll(at("m.svg"));
        QVERIFY2(parsesAsXml(svg, &message), qPrintable(message));
        QVERIFY(svg.contains("sans-serif"));
        QVERIFY(ts::readAll(at("m.pdf")).startsWith("%PDF-"));
        QVERIFY(ts::readAll(at("m.png")).startsWith("\x89PNG"));
        const QByteArray nodes = ts::readAll(at("csv/nodes.csv"));
        QVERIFY2(nodes.contains("'=HYPERLINK("), nodes.constData());
        QVERIFY(!nodes.contains(",=HYPERLINK(") && !nodes.contains(",\"=HYPERLINK("));
        const QStringList notes = QDir(at("vault")).entryList({QStringLiteral("*.md")}, QDir::Files);
        QVERIFY(!notes.isEmpty());
        for (const QString &note : notes) {
            const QByteArray text = ts::readAll(QDir(at("vault")).filePath(note));
            // No raw HTML, and no Markdown link or image: "](" only ever escaped.
            QVERIFY2(!text.contains("<img") && !text.contains("<script"), text.constData());
            QVERIFY2(!QRegularExpression(QStringLiteral(R"((?<!\\)\]\()")).match(QString::fromUtf8(text)).hasMatch(),
                     text.constData());
        }
    }

    void symlinkInExportFolder_failsWithMessageAndTargetUntouched()
    {
        QTemporaryDir outside;
        QTemporaryDir exportDir;
        const QString victim = outside.filePath(QStringLiteral("victim.txt"));
        {
            QFile f(victim);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("keep me");
        }
        QVERIFY(QFile::link(victim, exportDir.filePath(QStringLiteral("nodes.csv"))));
        const Run run = cli({QStringLiteral("build"), m_corpus, QStringLiteral("--csv"), exportDir.path()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("symbolic link") && run.err.contains("nodes.csv"), run.err.constData());
        QCOMPARE(ts::readAll(victim), QByteArray("keep me"));
    }
};

QTEST_GUILESS_MAIN(CliTest)

#include "cli_test.moc"
