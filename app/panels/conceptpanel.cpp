#include "conceptpanel.h"

#include "document/projectdocument.h"
#include "models/untrustedtext.h"
#include "evidencepanellayout.h"
#include "models/snippets.h"
#include "noteeditor.h"

#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTextBrowser>
#include <QStandardItemModel>
#include <QTreeView>

#include <map>

using namespace Qt::StringLiterals;

namespace carto::app {

namespace {
constexpr int kMaxMentionRows = 1500;
}

ConceptPanel::ConceptPanel(ProjectDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_header(new QLabel(this))
    , m_view(new QTreeView(this))
    , m_model(new QStandardItemModel(this))
    , m_note(new NoteEditor(tr("Write a note in Markdown. [[Concept name]] links to another concept."),
                            NoteEditor::CaretOnReplace::KeepPosition, this))
{
    setObjectName(u"conceptPanel"_s);
    m_note->editor()->setObjectName(u"conceptNoteEdit"_s);
    m_note->preview()->setObjectName(u"conceptNotePreview"_s);
    m_note->setNoteName(tr("Concept note"));
    m_view->setAccessibleName(tr("Mentions"));
    m_view->setAccessibleDescription(tr("Sentences that mention the concept, by document; activate one to show it "
                                        "in the document"));
    m_header->setAccessibleName(tr("Concept details"));
    layOutEvidencePanel(this, m_header, m_note, m_view, m_model);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_header->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_view->setUniformRowHeights(false);
    m_view->setWordWrap(true);

    connect(m_view, &QTreeView::clicked, this, &ConceptPanel::openMention);
    connect(m_note, &NoteEditor::conceptLinkActivated, this, [this](const QString &name) {
        const graph::NodeIndex node = m_document->findConcept(name);
        if (node < 0)
            return;
        m_document->selectNodes({node});
        Q_EMIT conceptRequested(node);
    });
    connect(m_note, &NoteEditor::edited, this, &ConceptPanel::onNoteEdited);
    connect(document, &ProjectDocument::notesChanged, this, &ConceptPanel::refreshNote);
    connect(document, &ProjectDocument::selectionChanged, this, &ConceptPanel::onSelectionChanged);
    connect(document, &ProjectDocument::buildChanged, this, [this] { showConcept(-1); });
    showConcept(-1);
}

void ConceptPanel::onSelectionChanged()
{
    const auto &selected = m_document->selectedNodes();
    if (!selected.isEmpty())
        showConcept(selected.constLast());
}

QPlainTextEdit *ConceptPanel::noteEditor() const
{
    return m_note->editor();
}

QTextBrowser *ConceptPanel::notePreview() const
{
    return m_note->preview();
}

void ConceptPanel::focusNote()
{
    m_note->focusEditor();
}

void ConceptPanel::onNoteEdited(const QString &text)
{
    if (m_node < 0 || m_node >= m_document->nodeCount())
        return;
    const extract::Concept &c = m_document->graph().node(m_node).info;
    m_document->editConceptNote(c.id, c.label, text);
}

void ConceptPanel::refreshNote()
{
    const bool valid = m_node >= 0 && m_node < m_document->nodeCount();
    const QString note = valid ? m_document->conceptNote(m_document->graph().node(m_node).info.id) : QString();
    m_note->setNote(note, valid);
}

void ConceptPanel::openMention(const QModelIndex &index)
{
    if (!index.parent().isValid())
        return;
    Q_EMIT documentRequested(DocumentId(index.data(DocumentRole).toInt()),
                             TextRange{index.data(StartRole).toLongLong(), index.data(EndRole).toLongLong()});
}

QString ConceptPanel::headerText() const
{
    return m_header->text();
}

void ConceptPanel::showConcept(graph::NodeIndex node)
{
    m_model->clear();
    m_node = node;
    refreshNote();
    if (node < 0 || node >= m_document->nodeCount()) {
        m_header->setText(tr("<i>Click a concept on the map to see where the documents mention it.</i>"));
        return;
    }
    const graph::NodeData &data = m_document->graph().node(node);
    const extract::Concept &c = data.info;
    const ingest::Corpus &corpus = m_document->corpus();

    QStringList aliases;
    for (const QString &a : c.aliases)
        if (a != c.label && aliases.size() < 15)
            aliases.append(a.toHtmlEscaped());
    m_header->setText(
        tr("<h3 style='margin:0'>%1</h3><p style='margin:2px 0'><b>%2</b> · score %3 · %4 · betweenness %5"
           " · community %6 · %7 · %8</p>%9")
            .arg(c.label.toHtmlEscaped(), extract::conceptTypeName(c.type))
            .arg(c.score, 0, 'g', 3)
            .arg(tr("%n link(s)", nullptr, data.degree))
            .arg(data.betweenness, 0, 'f', 3)
            .arg(data.community)
            .arg(tr("%n document(s)", nullptr, c.documentCount))
            .arg(tr("%n mention(s)", nullptr, int(c.mentions.size())))
            .arg(aliases.isEmpty() ? QString() : tr("<p style='margin:2px 0'>Also: %1</p>").arg(aliases.join(u", "))));

    // Group mentions by document, then by sentence (several mentions in one sentence share a row).
    std::map<int, std::vector<const extract::Mention *>> byDocument;
    for (const extract::Mention &m : c.mentions)
        byDocument[m.span.document.value()].push_back(&m);
    int rows = 0;
    for (const auto &[docId, mentions] : byDocument) {
        if (docId < 0 || docId >= int(corpus.documents.size()))
            continue;
        const ingest::Document &doc = corpus.documents[size_t(docId)];
        auto *docItem = new QStandardItem(tr("%1 (%n mention(s))", nullptr, int(mentions.size())).arg(doc.title));
        docItem->setData(docId, DocumentRole);
        docItem->setToolTip(plainToolTip(doc.path));
        QFont bold = docItem->font();
        bold.setBold(true);
        docItem->setFont(bold);
        size_t i = 0;
        while (i < mentions.size() && rows < kMaxMentionRows) {
            const TextRange sentence = snippets::sentenceAround(doc, mentions[i]->span.range);
            std::vector<TextRange> highlights;
            while (i < mentions.size() && sentence.contains(mentions[i]->span.range)) {
                highlights.push_back(mentions[i]->span.range);
                ++i;
            }
            if (highlights.empty()) {
                highlights.push_back(mentions[i]->span.range);
                ++i;
            }
            auto *row = new QStandardItem(sentence.slice(doc.text).toString().simplified());
            row->setData(snippets::highlighted(doc.text, sentence, highlights), HtmlRole);
            row->setData(docId, DocumentRole);
            row->setData(qlonglong(sentence.start), StartRole);
            row->setData(qlonglong(sentence.end), EndRole);
            docItem->appendRow(row);
            ++rows;
        }
        m_model->appendRow(docItem);
    }
    m_view->expandAll();
}

} // namespace carto::app
