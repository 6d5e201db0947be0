#include "filterpanel.h"

#include "canvas/colours.h"
#include "commands/hideconceptcommand.h"
#include "document/projectdocument.h"

#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSlider>
#include <QTabWidget>
#include <QVBoxLayout>

#include <map>

using namespace Qt::StringLiterals;

namespace carto::app {

namespace {
constexpr int kDefaultTopN = 400;

QListWidgetItem *checkable(QListWidget *list, const QString &text, int value, const QColor &swatch = {})
{
    auto *item = new QListWidgetItem(text, list);
    item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
    item->setCheckState(Qt::Checked);
    item->setData(Qt::UserRole, value);
    if (swatch.isValid())
        item->setData(Qt::DecorationRole, swatch);
    return item;
}

QSet<int> unchecked(const QListWidget *list)
{
    QSet<int> out;
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->checkState() != Qt::Checked)
            out.insert(list->item(i)->data(Qt::UserRole).toInt());
    return out;
}
} // namespace

FilterPanel::FilterPanel(ProjectDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_topN(new QSlider(Qt::Horizontal, this))
    , m_topNLabel(new QLabel(this))
    , m_minWeight(new QSlider(Qt::Horizontal, this))
    , m_minWeightLabel(new QLabel(this))
    , m_types(new QListWidget(this))
    , m_communities(new QListWidget(this))
    , m_documents(new QListWidget(this))
    , m_hidden(new QListWidget(this))
{
    setObjectName(u"filterPanel"_s);
    m_topN->setObjectName(u"topNSlider"_s);
    m_topN->setToolTip(tr("Show only the best-scored concepts"));
    m_minWeight->setRange(0, 100);
    m_minWeight->setToolTip(tr("Hide links weaker than this"));

    auto *form = new QFormLayout;
    form->addRow(m_topNLabel, m_topN);
    form->addRow(m_minWeightLabel, m_minWeight);

    auto *tabs = new QTabWidget(this);
    tabs->addTab(m_types, tr("Types"));
    tabs->addTab(m_communities, tr("Communities"));
    tabs->addTab(m_documents, tr("Documents"));
    auto *hiddenPage = new QWidget;
    auto *hiddenLayout = new QVBoxLayout(hiddenPage);
    hiddenLayout->setContentsMargins(0, 0, 0, 0);
    auto *hideButton = new QPushButton(tr("Hide selected concept"), hiddenPage);
    auto *showButton = new QPushButton(tr("Show again"), hiddenPage);
    hiddenLayout->addWidget(hideButton);
    hiddenLayout->addWidget(m_hidden, 1);
    hiddenLayout->addWidget(showButton);
    tabs->addTab(hiddenPage, tr("Hidden"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(form);
    layout->addWidget(tabs, 1);

    connect(m_topN, &QSlider::valueChanged, this, &FilterPanel::apply);
    connect(m_minWeight, &QSlider::valueChanged, this, &FilterPanel::apply);
    for (QListWidget *list : {m_types, m_communities, m_documents})
        connect(list, &QListWidget::itemChanged, this, &FilterPanel::apply);
    connect(hideButton, &QPushButton::clicked, this, &FilterPanel::hideSelected);
    connect(showButton, &QPushButton::clicked, this, [this] {
        for (QListWidgetItem *item : m_hidden->selectedItems())
            m_document->undoStack()->push(
                new HideConceptCommand(m_document, ConceptId(item->data(Qt::UserRole).toString()), false));
    });
    connect(document, &ProjectDocument::buildChanged, this, &FilterPanel::rebuild);
    connect(document, &ProjectDocument::visibilityChanged, this, &FilterPanel::refreshHidden);
    rebuild();
}

void FilterPanel::hideSelected()
{
    const auto selected = m_document->selectedNodes();
    if (selected.isEmpty())
        return;
    m_document->undoStack()->beginMacro(tr("Hide %n concept(s)", nullptr, int(selected.size())));
    for (const int v : selected)
        m_document->undoStack()->push(new HideConceptCommand(m_document, m_document->graph().node(v).info.id, true));
    m_document->undoStack()->endMacro();
    m_document->clearSelection();
}

void FilterPanel::rebuild()
{
    m_rebuilding = true;
    const int n = m_document->nodeCount();
    m_topN->setRange(std::min(1, n), std::max(1, n));
    m_topN->setPageStep(std::max(1, n / 20));
    // Large maps open on their best concepts so the first view is not a hairball;
    // the slider brings the rest back.
    m_topN->setValue(n > kDefaultTopN ? kDefaultTopN : std::max(1, n));
    m_minWeight->setValue(0);
    m_types->clear();
    m_communities->clear();
    m_documents->clear();
    const graph::ConceptGraph &g = m_document->graph();
    std::map<int, int> types;
    for (int i = 0; i < n; ++i)
        ++types[int(g.node(i).info.type)];
    for (const auto &[t, count] : types)
        checkable(m_types, tr("%1 (%2)").arg(extract::conceptTypeName(extract::ConceptType(t))).arg(count), t,
                  colours::type(extract::ConceptType(t)));
    std::vector<QString> names(size_t(std::max(0, m_document->communityCount())));
    std::vector<int> sizes(names.size(), 0);
    for (const int v : m_document->nodesByScore()) {
        const int c = g.node(v).community;
        if (c < 0 || c >= int(names.size()))
            continue;
        if (names[size_t(c)].isEmpty())
            names[size_t(c)] = g.node(v).info.label;
        ++sizes[size_t(c)];
    }
    for (int c = 0; c < int(names.size()); ++c)
        checkable(m_communities, tr("%1 (%2)").arg(names[size_t(c)]).arg(sizes[size_t(c)]), c, colours::community(c));
    for (const ingest::Document &doc : m_document->corpus().documents)
        checkable(m_documents, doc.title, doc.id.value())->setToolTip(doc.path);
    m_rebuilding = false;
    apply();
    refreshHidden();
}

void FilterPanel::apply()
{
    const int n = m_document->nodeCount();
    const bool all = m_topN->value() >= n;
    m_topNLabel->setText(all ? tr("Concepts: all") : tr("Concepts: top %1").arg(m_topN->value()));
    const double fraction = m_minWeight->value() / 100.0;
    const double minWeight = fraction * fraction * m_document->maxEdgeWeight();
    m_minWeightLabel->setText(tr("Min link weight: %1").arg(minWeight, 0, 'g', 2));
    if (m_rebuilding)
        return;
    FilterState filter;
    filter.topN = all ? 0 : m_topN->value();
    filter.minWeight = minWeight;
    filter.hiddenTypes = unchecked(m_types);
    filter.hiddenCommunities = unchecked(m_communities);
    filter.hiddenDocuments = unchecked(m_documents);
    m_document->setFilter(filter);
}

void FilterPanel::refreshHidden()
{
    const auto hidden = m_document->hiddenConcepts();
    m_hidden->clear();
    for (const ConceptId &id : hidden) {
        const auto node = m_document->graph().find(id);
        auto *item = new QListWidgetItem(node ? m_document->graph().node(*node).info.label : id.value(), m_hidden);
        item->setData(Qt::UserRole, id.value());
    }
}

} // namespace carto::app
