#include "documentspanel.h"

#include "document/projectdocument.h"
#include "models/untrustedtext.h"

#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QSet>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

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
        return QTreeWidgetItem::operator<(other);
    }
};
} // namespace

DocumentsPanel::DocumentsPanel(ProjectDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_documents(new QTreeWidget(this))
    , m_problems(new QTreeWidget(this))
{
    setObjectName(u"documentsPanel"_s);
    m_documents->setHeaderLabels({tr("Document"), tr("Concepts"), tr("Path")});
    m_documents->setRootIsDecorated(false);
    m_documents->setSortingEnabled(true);
    m_documents->setAlternatingRowColors(true);
    m_problems->setHeaderLabels({tr("Problem"), tr("File")});
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
        auto *item = new NumericItem(QStringList{doc.title, QString::number(concepts.size()), doc.path});
        item->setData(0, Qt::UserRole, doc.id.value());
        item->setData(1, Qt::UserRole, int(concepts.size()));
        item->setToolTip(0, plainToolTip(doc.absolutePath));
        items.append(item);
    }
    m_documents->addTopLevelItems(items);
    m_documents->sortByColumn(2, Qt::AscendingOrder);
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
