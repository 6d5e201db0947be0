#include "notespanel.h"

#include "document/projectdocument.h"
#include "models/untrustedtext.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace carto::app {

namespace {
QString firstLine(const QString &markdown)
{
    const QString line = markdown.section(u'\n', 0, 0).simplified();
    return line.size() > 80 ? line.left(78) + QChar(0x2026) : line;
}
} // namespace

NotesPanel::NotesPanel(ProjectDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_search(new QLineEdit(this))
    , m_view(new QTreeView(this))
    , m_model(new QStandardItemModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_reattach(new QPushButton(tr("Re-attach…"), this))
    , m_delete(new QPushButton(tr("Delete"), this))
{
    setObjectName(u"notesPanel"_s);
    m_search->setPlaceholderText(tr("Search notes"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search notes"));
    m_view->setAccessibleName(tr("Notes"));
    m_view->setAccessibleDescription(tr("Every note of the project; activate one to select its concept"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    // Search the whole note, not only the row's first line.
    m_proxy->setFilterRole(SearchTextRole);
    m_view->setModel(m_proxy);
    m_view->setHeaderHidden(true);
    m_view->setRootIsDecorated(false);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_reattach->setToolTip(tr("Attach the selected orphaned note to another concept"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_reattach);
    buttons->addWidget(m_delete);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_search);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_search, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_view, &QTreeView::clicked, this, [this](const QModelIndex &index) {
        activate(m_proxy->mapToSource(index).row());
    });
    connect(m_reattach, &QPushButton::clicked, this, [this] {
        const int row = currentRow();
        if (row < 0 || m_model->item(row)->data(KindRole).toInt() != OrphanNoteKind)
            return;
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Re-attach Note"), tr("Concept:"), QLineEdit::Normal,
                                                   QString(), &ok);
        if (ok)
            reattachOrphan(m_model->item(row)->data(NoteIndexRole).toULongLong(), name);
    });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        const int row = currentRow();
        if (row >= 0 && m_model->item(row)->data(KindRole).toInt() != LinkNoteKind)
            deleteNote(m_model->item(row)->data(NoteIndexRole).toULongLong());
    });
    connect(document, &ProjectDocument::notesChanged, this, &NotesPanel::refresh);
    connect(document, &ProjectDocument::buildChanged, this, &NotesPanel::refresh);
    refresh();
}

int NotesPanel::currentRow() const
{
    const QModelIndex index = m_view->currentIndex();
    return index.isValid() ? m_proxy->mapToSource(index).row() : -1;
}

void NotesPanel::refresh()
{
    m_model->clear();
    const project::Project &project = m_document->project();
    const graph::ConceptGraph &g = m_document->graph();
    std::vector<size_t> orphans = m_document->orphanedNotes();
    for (size_t i = 0; i < project.conceptNotes.size(); ++i) {
        const project::ConceptNote &note = project.conceptNotes[i];
        const bool orphan = std::find(orphans.begin(), orphans.end(), i) != orphans.end();
        const auto node = g.find(note.conceptId);
        const QString label = node ? g.node(*node).info.label : note.label;
        auto *item = new QStandardItem(orphan ? tr("⚠ %1 (not on the map) — %2").arg(label, firstLine(note.markdown))
                                              : tr("%1 — %2").arg(label, firstLine(note.markdown)));
        item->setData(orphan ? OrphanNoteKind : ConceptNoteKind, KindRole);
        item->setData(qulonglong(i), NoteIndexRole);
        item->setData(note.conceptId.value(), ConceptRole);
        item->setData(label + u"\n"_s + note.markdown, SearchTextRole);
        item->setToolTip(plainToolTip(label + u"\n"_s + note.markdown));
        m_model->appendRow(item);
    }
    for (size_t i = 0; i < project.linkNotes.size(); ++i) {
        const project::LinkNote &note = project.linkNotes[i];
        const auto a = g.find(note.source);
        const auto b = g.find(note.target);
        const QString la = a ? g.node(*a).info.label : note.source.value();
        const QString lb = b ? g.node(*b).info.label : note.target.value();
        auto *item = new QStandardItem(tr("%1 — %2: %3").arg(la, lb, firstLine(note.markdown)));
        item->setData(LinkNoteKind, KindRole);
        item->setData(qulonglong(i), NoteIndexRole);
        item->setData(la + u" — "_s + lb + u"\n"_s + note.markdown, SearchTextRole);
        item->setToolTip(plainToolTip(la + u" — "_s + lb + u"\n"_s + note.markdown));
        m_model->appendRow(item);
    }
}

void NotesPanel::activate(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    const QStandardItem *item = m_model->item(row);
    if (item->data(KindRole).toInt() != ConceptNoteKind)
        return;
    if (const auto node = m_document->graph().find(ConceptId(item->data(ConceptRole).toString())))
        Q_EMIT conceptActivated(*node);
}

bool NotesPanel::reattachOrphan(size_t noteIndex, const QString &conceptName)
{
    const graph::NodeIndex target = m_document->findConcept(conceptName);
    if (target < 0)
        return false;
    const extract::Concept &c = m_document->graph().node(target).info;
    return m_document->reattachNote(noteIndex, c.id, c.label);
}

bool NotesPanel::deleteNote(size_t noteIndex)
{
    return m_document->deleteNote(noteIndex);
}

} // namespace carto::app
