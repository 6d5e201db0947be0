#include "documentspanel.h"

#include "document/projectdocument.h"
#include "models/untrustedtext.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QSet>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace carto::app {

namespace {
// Sorts the concept column numerically.
class NumericItem final : public QTreeWidgetItem
{
public:
    using QTreeWidgetItem::QTreeWidgetItem;
    bool operator<(const QTreeWidgetItem &other) const override
    {
        const int column = treeWidget() ? treeWidget()->sortColumn() : 0;
        if (column == 1)
            return data(1, Qt::UserRole).toInt() < other.data(1, Qt::UserRole).toInt();
        if (column == 2) // ISO dates sort as text; undated documents last
            return data(2, Qt::UserRole).toString() < other.data(2, Qt::UserRole).toString();
        return QTreeWidgetItem::operator<(other);
    }
};
QString dateText(const ingest::DocumentDate &date)
{
    if (!date.isValid())
        return {};
    return date.isInferred() ? QCoreApplication::translate("DocumentsPanel", "%1 (file name)").arg(date.date.toIsoString())
                             : date.date.toIsoString();
}

// "bibliography, index, 2 × quoted reply": what reading left out of the map.
QString setAsideSummary(const ingest::Document &doc)
{
    QStringList parts;
    QList<ingest::SetAside::Kind> kinds;
    for (const ingest::SetAside &a : doc.setAside) {
        if (!kinds.contains(a.kind))
            kinds.append(a.kind);
    }
    for (const ingest::SetAside::Kind kind : kinds) {
        const auto n = std::count_if(doc.setAside.begin(), doc.setAside.end(),
                                     [kind](const ingest::SetAside &a) { return a.kind == kind; });
        const QString name = ingest::setAsideKindName(kind);
        parts << (n > 1 ? u"%1 \u00D7 %2"_s.arg(n).arg(name) : name);
    }
    return parts.join(u", "_s);
}

QString setAsideDetails(const ingest::Document &doc)
{
    QStringList lines;
    for (const ingest::SetAside &a : doc.setAside) {
        QString line = ingest::setAsideKindName(a.kind);
        if (!a.label.isEmpty())
            line += u": "_s + a.label;
        if (!a.range.isEmpty())
            line += QCoreApplication::translate("DocumentsPanel", " (%n characters)", nullptr, int(a.range.length()));
        lines << line;
    }
    return lines.join(u'\n');
}

constexpr int kKeyConceptsColumn = 5;
constexpr int kKeyConcepts = 5;

} // namespace

// The concepts a document talks about more than the rest of the corpus does
// (its own keyness ranking, Concept::documentScores), best first.
QStringList DocumentsPanel::keyConcepts(DocumentId id, int count) const
{
    const graph::ConceptGraph &g = m_document->graph();
    std::vector<std::pair<double, int>> ranked;
    QSet<int> seen;
    for (const DocumentMention &m : m_document->mentionsInDocument(id)) {
        if (seen.contains(m.node))
            continue;
        seen.insert(m.node);
        for (const extract::DocumentScore &d : g.node(static_cast<graph::NodeIndex>(m.node)).info.documentScores) {
            if (d.document == id && d.score > 0)
                ranked.emplace_back(d.score, m.node);
        }
    }
    const auto n = std::min(ranked.size(), static_cast<size_t>(std::max(0, count)));
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(n), ranked.end(),
                      [](const auto &a, const auto &b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    QStringList labels;
    for (size_t i = 0; i < n; ++i)
        labels << g.node(static_cast<graph::NodeIndex>(ranked[i].second)).info.label;
    return labels;
}

DocumentsPanel::DocumentsPanel(ProjectDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_documents(new QTreeWidget(this))
    , m_problems(new QTreeWidget(this))
{
    setObjectName(u"documentsPanel"_s);
    m_documents->setHeaderLabels(
        {tr("Document"), tr("Concepts"), tr("Date"), tr("Set aside"), tr("Path"), tr("Key concepts")});
    // shown beside the concept count; the column keeps its index for the code
    m_documents->header()->moveSection(kKeyConceptsColumn, 2);
    m_documents->setRootIsDecorated(false);
    m_documents->setSortingEnabled(true);
    m_documents->setAlternatingRowColors(true);
    m_problems->setHeaderLabels({tr("Problem"), tr("File")});
    m_documents->setAccessibleName(tr("Documents"));
    m_documents->setAccessibleDescription(tr("The documents of the corpus; activate one to read it"));
    m_problems->setAccessibleName(tr("Problems"));
    m_problems->setAccessibleDescription(tr("Files that could not be read, or only in part; activate one to open it"));
    m_problems->setRootIsDecorated(false);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_documents);
    split->addWidget(m_problems);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(split);
    connect(m_documents, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) {
        Q_EMIT documentActivated(DocumentId(item->data(0, Qt::UserRole).toInt()));
    });
    connect(m_problems, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString path = item->data(1, Qt::UserRole).toString();
        if (!path.isEmpty())
            Q_EMIT problemFileRequested(path);
    });
    connect(document, &ProjectDocument::buildChanged, this, &DocumentsPanel::rebuild);
}

void DocumentsPanel::rebuild()
{
    m_documents->clear();
    m_problems->clear();
    const auto &docs = m_document->corpus().documents;
    QList<QTreeWidgetItem *> items;
    for (const ingest::Document &doc : docs) {
        QSet<int> concepts;
        for (const DocumentMention &m : m_document->mentionsInDocument(doc.id))
            concepts.insert(m.node);
        const QStringList key = keyConcepts(doc.id, kKeyConcepts);
        auto *item = new NumericItem(QStringList{doc.title, QString::number(concepts.size()), dateText(doc.date),
                                                 setAsideSummary(doc), doc.path, key.join(u", "_s)});
        if (!key.isEmpty())
            item->setToolTip(kKeyConceptsColumn,
                             plainToolTip(tr("What this document talks about more than the others do:\n") + key.join(u'\n')));
        item->setData(0, Qt::UserRole, doc.id.value());
        item->setData(1, Qt::UserRole, int(concepts.size()));
        item->setData(2, Qt::UserRole, doc.date.isValid() ? doc.date.date.toIsoString() : u"~"_s);
        item->setToolTip(0, plainToolTip(doc.absolutePath));
        if (!doc.setAside.empty())
            item->setToolTip(3, plainToolTip(tr("Kept in the document, left out of the map:\n") + setAsideDetails(doc)));
        items.append(item);
    }
    m_documents->addTopLevelItems(items);
    m_documents->sortByColumn(4, Qt::AscendingOrder);
    m_documents->resizeColumnToContents(1);
    for (const Problem &p : m_document->problems()) {
        auto *item = new QTreeWidgetItem(QStringList{p.message, p.path});
        item->setToolTip(0, plainToolTip(p.message));
        // Problem paths are relative to the corpus folder when known.
        const QString absolute = p.path.isEmpty() || QFileInfo(p.path).isAbsolute()
            ? p.path
            : QDir(m_document->folder()).filePath(p.path);
        if (!absolute.isEmpty() && QFileInfo::exists(absolute)) {
            item->setData(1, Qt::UserRole, QFileInfo(absolute).absoluteFilePath());
            item->setToolTip(1, plainToolTip(tr("Double-click to open %1").arg(absolute)));
        }
        item->setForeground(0, p.severity == Problem::Severity::Error ? QColor(200, 40, 40) : QColor(180, 120, 0));
        m_problems->addTopLevelItem(item);
    }
    m_problems->setVisible(m_problems->topLevelItemCount() > 0);
}

} // namespace carto::app
