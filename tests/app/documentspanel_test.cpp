#include "document/projectdocument.h"
#include "panels/documentspanel.h"
#include "project/build.h"

#include <QApplication>
#include <QFile>
#include <QHeaderView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace Qt::StringLiterals;
using namespace carto;
using namespace carto::app;

namespace {

bool copyFixture(const QString &name, const QString &to)
{
    return QFile::copy(QStringLiteral(CARTO_TEST_DATA_DIR "/ingest/") + name, to);
}

QTreeWidgetItem *rowFor(QTreeWidget *list, const QString &path)
{
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        if (list->topLevelItem(i)->text(4) == path)
            return list->topLevelItem(i);
    }
    return nullptr;
}

} // namespace

// The Documents panel says when each document was written and what reading
// kept in the document but left out of the map.
class DocumentsPanelTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rows_showDateAndWhatWasSetAside()
    {
        QTemporaryDir dir;
        QVERIFY(copyFixture(u"loom.pdf"_s, dir.filePath(u"loom.pdf"_s)));
        QVERIFY(copyFixture(u"mail/reply.eml"_s, dir.filePath(u"reply.eml"_s)));
        QFile plain(dir.filePath(u"1790-weavers.txt"_s));
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.write("The weavers of Lyon met in the hall and talked about the new looms.\n");
        plain.close();
        QString error;
        auto build = project::buildCorpus(dir.path(), {}, &error);
        QVERIFY2(build, qPrintable(error));
        ProjectDocument document;
        DocumentsPanel panel(&document);
        document.setBuild(std::make_shared<project::BuildResult>(std::move(*build)), dir.path());
        QTreeWidget *list = panel.documentList();
        QCOMPARE(list->topLevelItemCount(), 3);

        QTreeWidgetItem *pdf = rowFor(list, u"loom.pdf"_s);
        QVERIFY(pdf);
        QCOMPARE(pdf->text(2), u"2023-11-14"_s); // the PDF's creation date
        for (const QString &kind : {u"table of contents"_s, u"appendix"_s, u"bibliography"_s, u"index"_s})
            QVERIFY2(pdf->text(3).contains(kind), qPrintable(pdf->text(3)));
        QVERIFY(pdf->toolTip(3).contains(u"left out of the map"_s));
        QVERIFY2(pdf->toolTip(3).contains(u"References"_s), qPrintable(pdf->toolTip(3)));

        QTreeWidgetItem *mail = rowFor(list, u"reply.eml"_s);
        QVERIFY(mail);
        QCOMPARE(mail->text(2), u"2023-04-04"_s); // the Date header
        QVERIFY2(mail->text(3).contains(u"quoted reply"_s) && mail->text(3).contains(u"signature"_s), qPrintable(mail->text(3)));

        QTreeWidgetItem *text = rowFor(list, u"1790-weavers.txt"_s);
        QVERIFY(text);
        QCOMPARE(text->text(2), u"1790 (file name)"_s); // inferred, and it says so
        QVERIFY(text->text(3).isEmpty());
        QVERIFY(text->toolTip(3).isEmpty());

        // Sorting by date puts the oldest first.
        list->sortByColumn(2, Qt::AscendingOrder);
        QCOMPARE(list->topLevelItem(0)->text(4), u"1790-weavers.txt"_s);
        QCOMPARE(list->topLevelItem(2)->text(4), u"loom.pdf"_s);
    }

    void keyConcepts_areWhatEachDocumentTalksAboutMore()
    {
        // Both documents talk about trade; each also has a subject of its own,
        // which its own ranking puts first and the other's never lists.
        QTemporaryDir dir;
        const auto write = [&](const QString &name, const QByteArray &text) {
            QFile f(dir.filePath(name));
            return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
        };
        QVERIFY(write(u"harbour.txt"_s,
                      "Trade grew again this year. The harbour dredging let larger ships in, and the harbour dredging "
                      "was finished early. Trade with the islands doubled after the harbour dredging.\n"));
        QVERIFY(write(u"railway.txt"_s,
                      "Trade grew again this year. The railway tunnel opened in May, and the railway tunnel cut the "
                      "journey to the coast. Trade inland rose once the railway tunnel carried freight.\n"));
        QString error;
        auto build = project::buildCorpus(dir.path(), {}, &error);
        QVERIFY2(build, qPrintable(error));
        ProjectDocument document;
        DocumentsPanel panel(&document);
        document.setBuild(std::make_shared<project::BuildResult>(std::move(*build)), dir.path());
        QTreeWidget *list = panel.documentList();
        QTreeWidgetItem *harbour = rowFor(list, u"harbour.txt"_s);
        QTreeWidgetItem *railway = rowFor(list, u"railway.txt"_s);
        QVERIFY(harbour && railway);
        const QStringList h = harbour->text(5).split(u", "_s, Qt::SkipEmptyParts);
        const QStringList r = railway->text(5).split(u", "_s, Qt::SkipEmptyParts);
        QVERIFY2(!h.isEmpty() && h.first().contains(u"harbour"_s, Qt::CaseInsensitive), qPrintable(h.join(u'|')));
        QVERIFY2(!r.isEmpty() && r.first().contains(u"railway"_s, Qt::CaseInsensitive), qPrintable(r.join(u'|')));
        for (const QString &label : h)
            QVERIFY2(!label.contains(u"railway"_s, Qt::CaseInsensitive), qPrintable(label));
        for (const QString &label : r)
            QVERIFY2(!label.contains(u"harbour"_s, Qt::CaseInsensitive), qPrintable(label));
        QVERIFY(harbour->toolTip(5).contains(h.first()));
        // shown beside the concept count
        QCOMPARE(list->header()->visualIndex(5), 2);
    }
};

QTEST_MAIN(DocumentsPanelTest)
#include "documentspanel_test.moc"
