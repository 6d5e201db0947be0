#include "support/hostileinputs.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <functional>

using namespace Qt::StringLiterals;

namespace {

const QByteArray kBody = "Acme Corporation met Globex Corporation in Berlin.\n";

// The rows that catch quadratic time are sized so the old code ran out of time
// in a release build; the sanitizers' Debug build is some 20 times slower at
// linear work too, so there they are a tenth of the size.
#ifdef CARTO_SANITIZED
constexpr int kScale = 10;
#else
constexpr int kScale = 1;
#endif

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

bool copyShared(const QString &name, const QString &folder)
{
    return QFile::copy(QStringLiteral(CARTO_SHARED_DIR "/hostile/") + name, folder + u'/' + name);
}

// Folders nested deeper than PATH_MAX allows to name: made and removed
// relative to directory descriptors, as the shared generator does with chdir.
bool makeDeepFolders(const QString &root, int depth, const char *fileName, const QByteArray &text)
{
    int fd = ::open(QFile::encodeName(root).constData(), O_RDONLY | O_DIRECTORY);
    for (int i = 0; fd >= 0 && i < depth; ++i) {
        if (::mkdirat(fd, "d", 0700) != 0) {
            ::close(fd);
            return false;
        }
        const int next = ::openat(fd, "d", O_RDONLY | O_DIRECTORY);
        ::close(fd);
        fd = next;
    }
    if (fd < 0)
        return false;
    const int file = ::openat(fd, fileName, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const bool ok = file >= 0 && ::write(file, text.constData(), size_t(text.size())) == text.size();
    if (file >= 0)
        ::close(file);
    ::close(fd);
    return ok;
}

void removeDeepFolders(int parent, const char *name)
{
    const int fd = ::openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
    if (fd < 0)
        return;
    ::unlinkat(fd, "deep.txt", 0);
    removeDeepFolders(fd, "d"); // 2,100 frames of a few bytes: fine for a test's stack
    ::close(fd);
    ::unlinkat(parent, name, AT_REMOVEDIR);
}

// One corpus folder per case, beside a good ok.txt (ported from
// ../shared/hostile/make-hostile-corpora.sh; nothing big is committed).
struct Case
{
    const char *name;
    std::function<bool(const QString &folder, const QString &outside)> make;
    QList<QPair<QString, QString>> problems; // path, message fragment: each on one line of the output
    int documents;                           // documents read
};

const QList<Case> &cases()
{
    using hostilehtml::repeat;
    static const QList<Case> list = {
        {"html-deep-spans", [](const QString &f, const QString &) { return writeFile(f + u"/deep.html"_s, hostilehtml::deepSpans()); },
         {{u"deep.html"_s, u"HTML nests more than 512 elements deep"_s}}, 2},
        {"html-deep-timestamp-anchor",
         [](const QString &f, const QString &) { return writeFile(f + u"/ts.html"_s, hostilehtml::timestampAnchorAroundDeepSpans()); },
         {{u"ts.html"_s, u"HTML nests more than 512 elements deep"_s}}, 2},
        {"html-deep-divs", [](const QString &f, const QString &) { return writeFile(f + u"/deep.html"_s, hostilehtml::deepDivs()); },
         {{u"deep.html"_s, u"HTML nests more than 512 elements deep"_s}}, 2},
        {"html-deep-tables", [](const QString &f, const QString &) { return writeFile(f + u"/t.html"_s, hostilehtml::deepTables()); },
         {{u"t.html"_s, u"HTML nests more than 512 elements deep"_s}}, 2},
        {"html-many-attributes",
         [](const QString &f, const QString &) { return writeFile(f + u"/a.html"_s, hostilehtml::manyAttributes()); },
         {{u"a.html"_s, u"more than 256 attributes"_s}}, 2},
        {"html-timestamp-int-overflow",
         [](const QString &f, const QString &) { return copyShared(u"html-timestamp-int-overflow.html"_s, f); }, {}, 2},
        {"frontmatter-billion-laughs",
         [](const QString &f, const QString &) { return copyShared(u"frontmatter-billion-laughs.md"_s, f); },
         {{u"frontmatter-billion-laughs.md"_s, u"front matter refused at line 5, column 29: aliases expand"_s}}, 2},
        {"frontmatter-alias-cycle",
         [](const QString &f, const QString &) {
             return writeFile(f + u"/cycle.md"_s, "---\nloop: &a [x, *a]\n---\n\n" + kBody);
         },
         {{u"cycle.md"_s, u"an alias refers to a node that contains it"_s}}, 2},
        {"curation-alias-bomb",
         [](const QString &f, const QString &) {
             QByteArray aliases = "*a";
             for (int i = 1; i < 3000; ++i)
                 aliases += ", *a";
             return writeFile(f + u"/cartograph.yaml"_s,
                              "big: &a \"" + QByteArray(1'000'000, 'A') + "\"\nignore: [" + aliases + "]\n");
         },
         {{u"cartograph.yaml"_s, u"aliases expand to more than 4096 KB of text; curation ignored"_s}}, 1},
        {"deep-folders",
         [](const QString &f, const QString &) { return makeDeepFolders(f, 2100, "deep.txt", "Deep file.\n"); },
         {{u"d/d/d/d"_s, u"folder nested more than 64 levels deep, skipped"_s}}, 1},
        {"symlink-escape",
         [](const QString &f, const QString &outside) {
             return writeFile(outside + u"/secret.txt"_s, "Private diary: Acme Corporation and DeepSeek share the password hunter2.\n")
                    && QFile::link(outside + u"/secret.txt"_s, f + u"/innocent.txt"_s) && QFile::link(outside, f + u"/docs"_s);
         },
         {{u"innocent.txt"_s, u"symbolic link to outside the corpus folder, not followed"_s},
          {u"docs"_s, u"symbolic link to outside the corpus folder, not followed"_s}},
         1},
        {"pdf-shared-content-bomb",
         [](const QString &f, const QString &) {
             const QByteArray unit = "(Acme Globex) Tj\n";
             const QByteArray content = "BT /F1 11 Tf 50 750 Td\n" + unit.repeated(1024 * 1024 / int(unit.size())) + "ET\n";
             // qCompress writes a 4-byte length, then a zlib stream: what /FlateDecode reads.
             return writeFile(f + u"/bomb.pdf"_s, hostilepdf::sharedContent(3000, qCompress(content, 9).mid(4), "/FlateDecode"));
         },
         {{u"bomb.pdf"_s, u"took longer than 10 s to read (stopped at page"_s}}, 1},
        {"pdf-javascript-launch-uri",
         [](const QString &f, const QString &) { return copyShared(u"pdf-javascript-launch-uri.pdf"_s, f); }, {}, -1},
        {"tooltip-richtext",
         [](const QString &f, const QString &) { return writeFile(f + u"/<img src=\"/tmp/carto-fifo\">.txt"_s, kBody); }, {}, 2},
        {"invalid-utf8-name",
         [](const QString &f, const QString &) {
             const QByteArray raw = QFile::encodeName(f) + "/bad\xff\xfe.txt";
             const int fd = ::open(raw.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
             const bool ok = fd >= 0 && ::write(fd, kBody.constData(), size_t(kBody.size())) == kBody.size();
             if (fd >= 0)
                 ::close(fd);
             return ok;
         },
         {{u"bad\uFFFD\uFFFD.txt"_s, u"file name is not valid UTF-8"_s}}, 1},
        {"fifo-in-corpus",
         [](const QString &f, const QString &) {
             return ::mkfifo(QFile::encodeName(f + u"/pipe.txt"_s).constData(), 0600) == 0;
         },
         {{u"pipe.txt"_s, u"not a regular file"_s}}, 1},
        // Found probing large inputs by hand (the fuzzers' inputs are small):
        // quadratic in the markdown reader's block kinds, the link-only test,
        // entity decoding and empty links.
        {"markdown-nested-quotes",
         [](const QString &f, const QString &) { return writeFile(f + u"/quotes.md"_s, repeat(">", 100000 / kScale) + " " + kBody); },
         {}, 2},
        {"html-linked-paragraphs",
         [](const QString &f, const QString &) {
             return writeFile(f + u"/links.html"_s, "<html><body>" + repeat("<p><a href=x>link</a> text</p>", 300000 / kScale) + "</body></html>");
         },
         {}, 2},
        {"markdown-ampersands",
         [](const QString &f, const QString &) {
             return writeFile(f + u"/amps.md"_s, "<div>\n" + QByteArray(2'000'000 / kScale, '&') + "\n</div>\n\n" + kBody);
         },
         {}, 2},
        {"markdown-empty-links",
         [](const QString &f, const QString &) {
             return writeFile(f + u"/links.md"_s, "x " + repeat("<a href=\"u\">", 1000000 / kScale) + repeat("</a>", 1000000 / kScale) + " " + kBody);
         },
         {}, 2},
        {"utf16le-without-bom",
         [](const QString &f, const QString &) { return copyShared(u"utf16le-without-bom.txt"_s, f); }, {}, 2},
    };
    return list;
}

const Case *findCase(const QString &name)
{
    for (const Case &c : cases()) {
        if (name == QLatin1String(c.name))
            return &c;
    }
    return nullptr;
}

} // namespace

// Every hostile case from ../shared/hostile builds through cartograph-cli under
// a memory cap, names the bad file in its problems and exits 0. Each row is
// its own CTest entry, so the time limit is CTest's TIMEOUT for that case.
class HostileCorpusTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void build_hostileCase_reportsTheFileAndExitsZero_data();
    void build_hostileCase_reportsTheFileAndExitsZero();
    void everyCase_isRegisteredWithCTest();
};

void HostileCorpusTest::build_hostileCase_reportsTheFileAndExitsZero_data()
{
    QTest::addColumn<QString>("name");
    for (const Case &c : cases())
        QTest::newRow(c.name) << QString::fromLatin1(c.name);
}

void HostileCorpusTest::build_hostileCase_reportsTheFileAndExitsZero()
{
    QFETCH(QString, name);
    const Case *c = findCase(name);
    QVERIFY(c);
    QTemporaryDir dir;
    const QString corpus = dir.filePath(name);
    const QString outside = dir.filePath(u"outside"_s);
    QVERIFY(QDir().mkpath(corpus) && QDir().mkpath(outside));
    QVERIFY(writeFile(corpus + u"/ok.txt"_s, kBody));
    QVERIFY2(c->make(corpus, outside), "could not generate the case");

    QProcess cli;
    cli.setProcessChannelMode(QProcess::MergedChannels);
#ifndef CARTO_SANITIZED
    // AddressSanitizer reserves terabytes of address space, so the cap is for normal builds.
    cli.setChildProcessModifier([] {
        const rlim_t cap = rlim_t(4) * 1024 * 1024 * 1024;
        const rlimit limit{cap, cap};
        ::setrlimit(RLIMIT_AS, &limit);
    });
#endif
    cli.start(QStringLiteral(CARTO_CLI_PATH), {u"build"_s, corpus});
    QVERIFY(cli.waitForStarted());
    QVERIFY(cli.waitForFinished(-1)); // CTest's TIMEOUT bounds the case
    const QString output = QString::fromUtf8(cli.readAll());
    if (name == u"deep-folders")
        removeDeepFolders(AT_FDCWD, QFile::encodeName(corpus + u"/d"_s).constData());
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QVERIFY2(cli.exitCode() == 0, qPrintable(output));
    if (c->documents >= 0)
        QVERIFY2(output.contains(u"Documents   %1 read"_s.arg(c->documents)), qPrintable(output));
    const QStringList lines = output.split(u'\n');
    for (const auto &[path, message] : c->problems) {
        const bool reported = std::any_of(lines.begin(), lines.end(), [&](const QString &line) {
            return line.contains(path) && line.contains(message);
        });
        QVERIFY2(reported, qPrintable(path + u" / "_s + message + u" not in:\n"_s + output));
    }
    // Nothing from outside the corpus folder reaches the map (symlink-escape's secret).
    QVERIFY(!output.contains(u"hunter2"));
    QVERIFY(!output.contains(u"Private diary"));
}

void HostileCorpusTest::everyCase_isRegisteredWithCTest()
{
    const QStringList registered = QStringLiteral(CARTO_HOSTILE_CASES).split(u',');
    QStringList names;
    for (const Case &c : cases())
        names << QString::fromLatin1(c.name);
    QCOMPARE(registered, names);
}

QTEST_GUILESS_MAIN(HostileCorpusTest)
#include "hostilecorpus_test.moc"
