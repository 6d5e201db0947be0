#include "linkpanel.h"

#include "document/projectdocument.h"
#include "models/untrustedtext.h"
#include "evidencepanellayout.h"
#include "models/snippets.h"
#include "noteeditor.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QTextBrowser>
#include <QStandardItemModel>
#include <QTreeView>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace carto::app {

QStandardItem *makeEvidenceItem(const ProjectDocument &document, const graph::EdgeData &edge,
                                const extract::Evidence &evidence)
{
    const int docId = evidence.sentence.document.value();
    const auto &docs = document.corpus().documents;
    if (docId < 0 || docId >= int(docs.size()))
        return nullptr;
    const ingest::Document &doc = docs[size_t(docId)];
    const TextRange sentence = evidence.sentence.range;
    std::vector<TextRange> highlights;
    const auto &mentions = document.mentionsInDocument(evidence.sentence.document);
    auto it = std::lower_bound(mentions.begin(), mentions.end(), sentence.start,
                               [](const DocumentMention &m, qsizetype pos) { return m.range.start < pos; });
    for (; it != mentions.end() && it->range.start < sentence.end; ++it)
        if (it->node == edge.source || it->node == edge.target)
            highlights.push_back(it->range);
    auto *item = new QStandardItem(sentence.slice(doc.text).toString().simplified());
    item->setData(u"<span style='color:gray'>%1:</span> "_s.arg(doc.title.toHtmlEscaped())
                      + snippets::highlighted(doc.text, sentence, highlights),
                  HtmlRole);
    item->setData(docId, DocumentRole);
    item->setData(qlonglong(sentence.start), StartRole);
    item->setData(qlonglong(sentence.end), EndRole);
    item->setToolTip(plainToolTip(doc.path));
    return item;
}

LinkPanel::LinkPanel(ProjectDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_header(new QLabel(this))
    , m_view(new QTreeView(this))
    , m_model(new QStandardItemModel(this))
    , m_note(new NoteEditor(tr("Write a note on this link in Markdown."), NoteEditor::CaretOnReplace::MoveToEnd, this))
{
    setObjectName(u"linkPanel"_s);
    m_note->editor()->setObjectName(u"linkNoteEdit"_s);
    m_note->setNoteName(tr("Link note"));
    m_view->setAccessibleName(tr("Evidence"));
    m_view->setAccessibleDescription(tr("Sentences that link the two concepts; activate one to show it in the "
                                        "document"));
    m_header->setAccessibleName(tr("Link details"));
    layOutEvidencePanel(this, m_header, m_note, m_view, m_model);
    m_view->setRootIsDecorated(false);
    connect(m_note, &NoteEditor::conceptLinkActivated, this, [this](const QString &name) {
        const graph::NodeIndex node = m_document->findConcept(name);
        if (node < 0)
            return;
        m_document->selectNodes({node});
        Q_EMIT conceptRequested(node);
    });
    connect(m_note, &NoteEditor::edited, this, [this](const QString &text) {
        if (m_edge < 0 || m_edge >= m_document->edgeCount())
            return;
        const graph::EdgeData &e = m_document->graph().edge(m_edge);
        const ConceptId a = m_document->graph().node(e.source).info.id;
        const ConceptId b = m_document->graph().node(e.target).info.id;
        m_document->editLinkNote(a, b, text);
    });
    connect(document, &ProjectDocument::notesChanged, this, &LinkPanel::refreshNote);
    connect(m_view, &QTreeView::clicked, this, [this](const QModelIndex &index) {
        Q_EMIT documentRequested(DocumentId(index.data(DocumentRole).toInt()),
                                 TextRange{index.data(StartRole).toLongLong(), index.data(EndRole).toLongLong()});
    });
    connect(document, &ProjectDocument::selectionChanged, this, [this] {
        if (m_document->selectedEdge() >= 0)
            showEdge(m_document->selectedEdge());
    });
    connect(document, &ProjectDocument::buildChanged, this, [this] { showEdge(-1); });
    showEdge(-1);
}

QPlainTextEdit *LinkPanel::noteEditor() const
{
    return m_note->editor();
}

QTextBrowser *LinkPanel::notePreview() const
{
    return m_note->preview();
}

void LinkPanel::refreshNote()
{
    const bool valid = m_edge >= 0 && m_edge < m_document->edgeCount();
    QString note;
    if (valid) {
        const graph::EdgeData &e = m_document->graph().edge(m_edge);
        note = m_document->linkNote(m_document->graph().node(e.source).info.id,
                                    m_document->graph().node(e.target).info.id);
    }
    m_note->setNote(note, valid);
}

void LinkPanel::showEdge(graph::EdgeIndex edge)
{
    m_model->clear();
    m_edge = edge;
    refreshNote();
    if (edge < 0 || edge >= m_document->edgeCount()) {
        m_header->setText(tr("<i>Click a link on the map to see the sentences behind it.</i>"));
        return;
    }
    const graph::ConceptGraph &g = m_document->graph();
    const graph::EdgeData &e = g.edge(edge);
    const QString a = g.node(e.source).info.label.toHtmlEscaped();
    const QString b = g.node(e.target).info.label.toHtmlEscaped();
    m_header->setText(tr("<h3 style='margin:0'>%1 — %2</h3><p style='margin:2px 0'>weight %3 · %4%5</p>")
                          .arg(a, b)
                          .arg(e.relation.weight, 0, 'g', 3)
                          .arg(tr("%n shared sentence(s)", nullptr, e.relation.count))
                          .arg(e.relation.label.isEmpty() ? QString()
                                                          : tr(" · “%1”").arg(e.relation.label.toHtmlEscaped())));
    for (const extract::Evidence &evidence : e.relation.evidence)
        if (QStandardItem *item = makeEvidenceItem(*m_document, e, evidence))
            m_model->appendRow(item);
}

} // namespace carto::app
