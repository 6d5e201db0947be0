#include "document/projectdocument.h"
#include "panels/documentspanel.h"
#include "project/build.h"

#include <QApplication>
#include <QFile>
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
};

QTEST_MAIN(DocumentsPanelTest)
#include "documentspanel_test.moc"
