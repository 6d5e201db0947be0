#include "document/projectdocument.h"
#include "models/inerttextdocument.h"
#include "models/snippets.h"
#include "panels/conceptpanel.h"
#include "panels/documentspanel.h"
#include "panels/documentviewpanel.h"
#include "panels/filterpanel.h"
#include "panels/linkpanel.h"
#include "panels/noteeditor.h"
#include "panels/notespanel.h"
#include "panels/pathpanel.h"
#include "panels/statspanel.h"
#include "project/build.h"
#include "project/projectfile.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#ifndef CARTO_STATS_QTGRAPHS // Qt Graphs draws plain text: only Qt Charts needs escaping
#include <QBarCategoryAxis>
#include <QChart>
#include <QChartView>
#endif
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>

#include <memory>

using namespace Qt::StringLiterals;
using namespace carto;
using namespace carto::app;

namespace {

// Records every resource a rich-text rendering asks for, and loads none.
class ObservingDocument final : public QTextDocument
{
public:
    QList<QUrl> requested;

protected:
    QVariant loadResource(int, const QUrl &name) override
    {
        requested.append(name);
        return {};
    }
};

// What Qt does with a tooltip or an AutoText label: rich text when it "might
// be", plain otherwise. Returns the resources that rendering asked for and
// sets *shown to the text a reader sees.
QList<QUrl> renderAsQtWould(const QString &text, Qt::TextFormat format, QString *shown)
{
    ObservingDocument doc;
    const bool rich = format == Qt::RichText || (format == Qt::AutoText && Qt::mightBeRichText(text));
    if (rich)
        doc.setHtml(text);
    else
        doc.setPlainText(text);
    doc.setTextWidth(400);
    (void)doc.documentLayout()->documentSize(); // lays out, which loads images
    *shown = doc.toPlainText();
    return doc.requested;
}

const QString kHostileLabel = u"<img src='../probe.png'>Environment Agency"_s;

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// Every string of a role in a model, depth first.
void collect(const QAbstractItemModel *model, int role, const QModelIndex &parent, QStringList &out)
{
    for (int r = 0; r < model->rowCount(parent); ++r) {
        for (int c = 0; c < model->columnCount(parent); ++c) {
            const QModelIndex index = model->index(r, c, parent);
            const QString text = index.data(role).toString();
            if (!text.isEmpty())
                out << text;
            collect(model, role, index, out);
        }
    }
}

} // namespace

// Document paths, concept labels, snippets and notes come from files anyone
// may have written. Wherever the app shows them, Qt must not read them as
// markup: a file named <img src="..."> made a tooltip open that path, and a
// note's Markdown image made the preview read a local file.
class UntrustedTextTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void observer_rawMarkup_wouldLoadTheResource();
    void panels_tooltipsAndRichTextNeverLoadAndShowTheTextVerbatim();
    void labels_withUntrustedText_plainOrEscaped();
#ifndef CARTO_STATS_QTGRAPHS
    void statsChart_labelsEscapedForQtCharts();
#endif
    void notePreview_imagesLocalAndRemote_neverLoaded();
    void notePreview_sharedReproducer_neverLoaded();

private:
    // An edge with evidence from the hostile document, so the link panel lists it.
    [[nodiscard]] graph::EdgeIndex edgeFromHostileDocument() const
    {
        const auto &docs = m_document->corpus().documents;
        const auto hostile = std::find_if(docs.begin(), docs.end(), [&](const auto &d) { return d.path == m_hostileName; });
        const graph::ConceptGraph &g = m_document->graph();
        for (graph::EdgeIndex e = 0; hostile != docs.end() && e < g.edgeCount(); ++e) {
            for (const extract::Evidence &evidence : g.edge(e).relation.evidence) {
                if (evidence.sentence.document == hostile->id)
                    return e;
            }
        }
        return -1;
    }

    // The hostile file's name, markup for an image.
    QString m_hostileName;
    QString m_image;
    QTemporaryDir m_dir;
    std::unique_ptr<ProjectDocument> m_document;
};

void UntrustedTextTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_image = m_dir.filePath(u"probe.png"_s);
    QImage image(8, 8, QImage::Format_RGB32);
    image.fill(Qt::red);
    QVERIFY(image.save(m_image));
    // A '/' cannot be in a file name: the hostile name points at an image by a relative path.
    m_hostileName = u"<img src=\"probe.png\">.txt"_s;
    const QString corpus = m_dir.filePath(u"corpus"_s);
    QVERIFY(QDir().mkpath(corpus));
    // The sample corpus, with one document under the hostile name.
    const QDir samples(QStringLiteral(CARTO_SAMPLES_DIR));
    for (const QString &name : samples.entryList(QDir::Files)) {
        const QString target = name == u"natural-flood-management.md" ? m_hostileName : name;
        QVERIFY(QFile::copy(samples.filePath(name), corpus + u'/' + target));
    }
    // Curation is untrusted too: it renames a concept into markup.
    QVERIFY(writeFile(corpus + u"/cartograph.yaml"_s,
                      "rename: {Environment Agency: \"<img src='../probe.png'>Environment Agency\"}\n"));
    QString error;
    project::BuildOptions options;
    options.computeLayout = false;
    auto build = project::buildCorpus(corpus, options, &error);
    QVERIFY2(build, qPrintable(error));
    m_document = std::make_unique<ProjectDocument>();
    m_document->setBuild(std::make_shared<project::BuildResult>(std::move(*build)), corpus);
    QVERIFY(m_document->findConcept(kHostileLabel) >= 0);
}

void UntrustedTextTest::observer_rawMarkup_wouldLoadTheResource()
{
    // The check below can fail: rendered as Qt would, the raw name asks for the image.
    QString shown;
    QCOMPARE(renderAsQtWould(m_hostileName, Qt::AutoText, &shown).size(), 1);
    QVERIFY(!shown.contains(u"<img"));
}

void UntrustedTextTest::panels_tooltipsAndRichTextNeverLoadAndShowTheTextVerbatim()
{
    FilterPanel filters(m_document.get());
    DocumentsPanel documents(m_document.get());
    ConceptPanel conceptPanel(m_document.get());
    LinkPanel link(m_document.get());
    const graph::NodeIndex acme = m_document->findConcept(kHostileLabel);
    conceptPanel.showConcept(acme);
    const graph::EdgeIndex edge = edgeFromHostileDocument();
    QVERIFY(edge >= 0);
    link.showEdge(edge);
    QStringList toolTips;
    QStringList richText;
    for (QWidget *panel : std::initializer_list<QWidget *>{&filters, &documents, &conceptPanel, &link}) {
        for (const QAbstractItemView *view : panel->findChildren<QAbstractItemView *>()) {
            if (!view->model())
                continue;
            collect(view->model(), Qt::ToolTipRole, {}, toolTips);
            collect(view->model(), HtmlRole, {}, richText);
        }
    }
    const QString hostilePath = m_hostileName;
    int namesShown = 0;
    for (const QString &tip : std::as_const(toolTips)) {
        QString shown;
        QVERIFY2(renderAsQtWould(tip, Qt::AutoText, &shown).isEmpty(), qPrintable(tip));
        namesShown += shown.contains(hostilePath) ? 1 : 0;
    }
    // Filters, documents (absolute path), concept and link views each name the file.
    QVERIFY2(namesShown >= 4, qPrintable(QString::number(namesShown)));
    // Highlighted sentences and document titles, drawn by HtmlDelegate.
    QVERIFY(!richText.isEmpty());
    for (const QString &html : std::as_const(richText)) {
        QString shown;
        QVERIFY2(renderAsQtWould(html, Qt::RichText, &shown).isEmpty(), qPrintable(html));
    }
}

void UntrustedTextTest::labels_withUntrustedText_plainOrEscaped()
{
    ConceptPanel conceptPanel(m_document.get());
    LinkPanel link(m_document.get());
    DocumentViewPanel view(m_document.get());
    QStandardItemModel completions;
    PathPanel path(m_document.get(), &completions);
    conceptPanel.showConcept(m_document->findConcept(kHostileLabel));
    link.showEdge(edgeFromHostileDocument());
    view.showDocument(DocumentId(0));
    QCOMPARE(path.findPath(kHostileLabel, u"<img src='../nowhere.png'>"_s), 0);
    int checked = 0;
    for (QWidget *panel : std::initializer_list<QWidget *>{&conceptPanel, &link, &view, &path}) {
        for (const QLabel *label : panel->findChildren<QLabel *>()) {
            QString shown;
            QVERIFY2(renderAsQtWould(label->text(), label->textFormat(), &shown).isEmpty(), qPrintable(label->text()));
            checked += shown.contains(u"<img src='../") || shown.contains(m_hostileName) ? 1 : 0;
        }
    }
    // The concept header, the document view's path and the path finder's status name them.
    QVERIFY2(checked >= 3, qPrintable(QString::number(checked)));
    // The document view itself renders into a document that loads nothing.
    const auto *browser = view.findChild<QTextBrowser *>();
    QVERIFY(qobject_cast<const InertTextDocument *>(browser->document()));
}

#ifndef CARTO_STATS_QTGRAPHS
void UntrustedTextTest::statsChart_labelsEscapedForQtCharts()
{
    StatsPanel stats(m_document.get());
    stats.showChart(StatsPanel::Chart::TopConcepts);
    const auto *chartView = stats.findChild<QChartView *>();
    QVERIFY(chartView);
    QStringList categories;
    for (QAbstractAxis *axis : chartView->chart()->axes()) {
        if (auto *bars = qobject_cast<QBarCategoryAxis *>(axis))
            categories << bars->categories();
    }
    QVERIFY(!categories.isEmpty());
    bool found = false;
    for (const QString &category : std::as_const(categories)) {
        QString shown;
        // Qt Charts draws categories through QGraphicsTextItem::setHtml.
        QVERIFY2(renderAsQtWould(category, Qt::RichText, &shown).isEmpty(), qPrintable(category));
        found = found || shown.startsWith(u"<img src='../probe.png'>");
    }
    QVERIFY(found);
}
#endif

void UntrustedTextTest::notePreview_imagesLocalAndRemote_neverLoaded()
{
    NoteEditor editor(u"note"_s, NoteEditor::CaretOnReplace::MoveToEnd);
    const QUrl local = QUrl::fromLocalFile(m_image);
    editor.setNote(u"A picture: ![x](%1) and ![y](%2) and <img src=\"%1\"> and ![z](https://example.invalid/z.png)"_s.arg(
                       local.toString(), m_image),
                   true);
    editor.resize(400, 300);
    QTextDocument *doc = editor.preview()->document();
    (void)doc->documentLayout()->documentSize();
    (void)editor.preview()->grab();
    const auto *inert = qobject_cast<const InertTextDocument *>(doc);
    QVERIFY(inert);
    QVERIFY2(inert->refusedResources().size() >= 3, qPrintable(QString::number(inert->refusedResources().size())));
    // The image exists and is valid, yet the preview's document cannot produce it.
    QVERIFY(!doc->resource(QTextDocument::ImageResource, local).isValid());
    QVERIFY(!doc->resource(QTextDocument::ImageResource, QUrl(u"https://example.invalid/z.png"_s)).isValid());
    // Replacing the note keeps the inert document.
    editor.setNote(u"![again](%1)"_s.arg(local.toString()), true);
    QCOMPARE(editor.preview()->document(), doc);
}

void UntrustedTextTest::notePreview_sharedReproducer_neverLoaded()
{
    QString error;
    const auto project = project::ProjectFile::load(
        QStringLiteral(CARTO_SHARED_DIR "/hostile/note-preview-reads-local-file.cartograph.yaml"), &error);
    QVERIFY2(project, qPrintable(error));
    QCOMPARE(project->conceptNotes.size(), size_t(1));
    NoteEditor editor(u"note"_s, NoteEditor::CaretOnReplace::MoveToEnd);
    editor.setNote(project->conceptNotes[0].markdown, true);
    QTextDocument *doc = editor.preview()->document();
    (void)doc->documentLayout()->documentSize();
    const auto *inert = qobject_cast<const InertTextDocument *>(doc);
    QVERIFY(inert);
    QVERIFY(!inert->refusedResources().isEmpty());
    for (const QUrl &url : inert->refusedResources())
        QCOMPARE(url, QUrl(u"/tmp/fifo"_s));
    QVERIFY(doc->toPlainText().contains(u"Image here:"));
}

QTEST_MAIN(UntrustedTextTest)
#include "untrustedtext_test.moc"
