#include "filterpanel.h"

#include "canvas/colours.h"
#include "document/projectdocument.h"
#include "models/communitynames.h"
#include "models/untrustedtext.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QTabBar>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSlider>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
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
    , m_hiddenTitle(new QLabel(this))
    , m_showAgain(new QPushButton(tr("Show again"), this))
{
    setObjectName(u"filterPanel"_s);
    m_topN->setObjectName(u"topNSlider"_s);
    m_topN->setToolTip(tr("Show only the best-scored concepts"));
    m_minWeight->setRange(0, 100);
    m_minWeight->setToolTip(tr("Hide links weaker than this"));
    // The labels above the sliders say their values; these say what they set.
    m_topN->setAccessibleName(tr("Concepts to show"));
    m_topN->setAccessibleDescription(m_topN->toolTip());
    m_minWeight->setObjectName(u"minWeightSlider"_s);
    m_minWeight->setAccessibleName(tr("Minimum link weight"));
    m_minWeight->setAccessibleDescription(m_minWeight->toolTip());
    m_types->setAccessibleName(tr("Concept types"));
    m_communities->setAccessibleName(tr("Communities"));
    m_documents->setAccessibleName(tr("Documents"));
    for (QListWidget *list : {m_types, m_communities, m_documents})
        list->setAccessibleDescription(tr("Unchecked entries are hidden from the map"));
    m_hidden->setAccessibleName(tr("Hidden concepts"));

    auto *form = new QFormLayout;
    // Labels above their sliders: the dock stays narrow and the map keeps the width.
    form->setRowWrapPolicy(QFormLayout::WrapAllRows);
    form->addRow(m_topNLabel, m_topN);
    form->addRow(m_minWeightLabel, m_minWeight);

    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(u"filterTabs"_s);
    tabs->setAccessibleName(tr("Filter by"));
    tabs->addTab(m_types, tr("Types"));
    tabs->addTab(m_communities, tr("Communities"));
    tabs->addTab(m_documents, tr("Documents"));
    tabs->setDocumentMode(true);
    // Whole tab titles, no scroll arrows: the dock is sized to hold them.
    tabs->tabBar()->setUsesScrollButtons(false);
    tabs->tabBar()->setElideMode(Qt::ElideNone);

    // Hidden concepts stay in view under the tabs: a tab of their own was
    // scrolled out of sight in a narrow dock.
    auto *hideButton = new QPushButton(tr("Hide selected"), this);
    hideButton->setToolTip(tr("Hide the selected concepts (Delete)"));
    m_showAgain->setObjectName(u"showAgainButton"_s);
    m_showAgain->setToolTip(tr("Show the concepts selected in this list on the map again"));
    m_hidden->setObjectName(u"hiddenList"_s);
    m_hiddenTitle->setWordWrap(true); // a long hint must not widen the dock
    m_hidden->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_hidden->setMaximumHeight(110);
    auto *hiddenButtons = new QHBoxLayout;
    hiddenButtons->addWidget(hideButton);
    hiddenButtons->addWidget(m_showAgain);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(form);
    layout->addWidget(tabs, 1);
    layout->addWidget(m_hiddenTitle);
    layout->addWidget(m_hidden);
    layout->addLayout(hiddenButtons);

    connect(m_topN, &QSlider::valueChanged, this, &FilterPanel::apply);
    connect(m_minWeight, &QSlider::valueChanged, this, &FilterPanel::apply);
    for (QListWidget *list : {m_types, m_communities, m_documents})
        connect(list, &QListWidget::itemChanged, this, &FilterPanel::apply);
    connect(hideButton, &QPushButton::clicked, this, &FilterPanel::hideSelected);
    connect(m_showAgain, &QPushButton::clicked, this, [this] {
        for (QListWidgetItem *item : m_hidden->selectedItems())
            m_document->showConcept(item->text());
    });
    connect(m_hidden, &QListWidget::itemSelectionChanged, this,
            [this] { m_showAgain->setEnabled(!m_hidden->selectedItems().isEmpty()); });
    connect(document, &ProjectDocument::buildChanged, this, &FilterPanel::rebuild);
    connect(document, &ProjectDocument::visibilityChanged, this, &FilterPanel::refreshHidden);
    connect(document, &ProjectDocument::filterChanged, this, [this] {
        if (!m_applying && !m_rebuilding)
            syncFromDocument();
    });
    rebuild();
}

void FilterPanel::hideSelected()
{
    const auto selected = m_document->selectedNodes();
    if (selected.isEmpty())
        return;
    m_document->hideConcepts(selected);
    m_document->clearSelection();
}

void FilterPanel::rebuild()
{
    // A rebuild of the same project (a curation edit) keeps what the user
    // filtered: the document's filter, which outlives the build ("all" stays
    // "all" however many concepts the rebuilt map has).
    const bool keep = m_document->lastBuildReplaced();
    if (!keep)
        m_syncedWeightSlider = -1;
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
    // Named as in the map's legend.
    const std::vector<CommunityName> names = communityNames(*m_document);
    for (int c = 0; c < int(names.size()); ++c)
        checkable(m_communities, tr("%1 (%2)").arg(names[size_t(c)].name).arg(names[size_t(c)].size), c,
                  colours::community(c));
    for (const ingest::Document &doc : m_document->corpus().documents)
        checkable(m_documents, doc.title, doc.id.value())->setToolTip(plainToolTip(doc.path));
    m_rebuilding = false;
    if (keep)
        syncFromDocument();
    else
        apply();
    refreshHidden();
}

void FilterPanel::syncFromDocument()
{
    const FilterState &filter = m_document->filter();
    const int n = m_document->nodeCount();
    const bool wasRebuilding = std::exchange(m_rebuilding, true);
    m_topN->setValue(filter.topN <= 0 ? std::max(1, n) : std::min(filter.topN, std::max(1, n)));
    const double maxWeight = m_document->maxEdgeWeight();
    m_minWeight->setValue(
        maxWeight > 0 ? int(std::lround(100.0 * std::sqrt(std::max(0.0, filter.minWeight) / maxWeight))) : 0);
    m_syncedWeightSlider = m_minWeight->value();
    m_syncedMinWeight = filter.minWeight;
    auto check = [](QListWidget *list, const QSet<int> &hidden) {
        for (int i = 0; i < list->count(); ++i)
            list->item(i)->setCheckState(hidden.contains(list->item(i)->data(Qt::UserRole).toInt()) ? Qt::Unchecked
                                                                                                     : Qt::Checked);
    };
    check(m_types, filter.hiddenTypes);
    check(m_communities, filter.hiddenCommunities);
    check(m_documents, filter.hiddenDocuments);
    m_rebuilding = wasRebuilding;
    updateLabels();
}

double FilterPanel::sliderMinWeight() const
{
    const double fraction = m_minWeight->value() / 100.0;
    return m_minWeight->value() == m_syncedWeightSlider ? m_syncedMinWeight
                                                        : fraction * fraction * m_document->maxEdgeWeight();
}

void FilterPanel::updateLabels()
{
    const bool all = m_topN->value() >= m_document->nodeCount();
    m_topNLabel->setText(all ? tr("Concepts: all") : tr("Concepts: top %1").arg(m_topN->value()));
    m_minWeightLabel->setText(tr("Min link weight: %1").arg(sliderMinWeight(), 0, 'g', 2));
}

void FilterPanel::apply()
{
    updateLabels();
    if (m_rebuilding)
        return;
    const int n = m_document->nodeCount();
    const bool all = m_topN->value() >= n;
    const double minWeight = sliderMinWeight();
    FilterState filter;
    filter.topN = all ? 0 : m_topN->value();
    filter.minWeight = minWeight;
    filter.hiddenTypes = unchecked(m_types);
    filter.hiddenCommunities = unchecked(m_communities);
    filter.hiddenDocuments = unchecked(m_documents);
    m_applying = true;
    m_document->setFilter(filter);
    m_applying = false;
}

void FilterPanel::refreshHidden()
{
    // Hidden concepts are the curation's ignore list: by name, because an ignored
    // concept is no longer extracted once the map is rebuilt.
    const QStringList &ignored = m_document->curation().ignored;
    QStringList shown;
    for (int i = 0; i < m_hidden->count(); ++i)
        shown.append(m_hidden->item(i)->text());
    if (shown != ignored) {
        m_hidden->clear();
        m_hidden->addItems(ignored);
    }
    m_hiddenTitle->setText(ignored.isEmpty() ? tr("Hidden concepts: none (select one and press Delete)")
                                             : tr("Hidden concepts: %1").arg(ignored.size()));
    m_showAgain->setEnabled(!m_hidden->selectedItems().isEmpty());
}

void FilterPanel::storeViewState(project::ViewState &view) const
{
    const int n = m_document->nodeCount();
    view.topN = m_topN->value() >= n ? 0 : m_topN->value();
    view.minLinkWeight = m_document->filter().minWeight;
    view.hiddenTypes.clear();
    for (const int t : unchecked(m_types))
        view.hiddenTypes.append(extract::conceptTypeName(extract::ConceptType(t)));
    const QSet<int> communities = unchecked(m_communities);
    view.hiddenCommunities.assign(communities.begin(), communities.end());
    std::sort(view.hiddenCommunities.begin(), view.hiddenCommunities.end());
    view.hiddenDocuments.clear();
    const auto &docs = m_document->corpus().documents;
    for (const int d : unchecked(m_documents))
        if (d >= 0 && d < int(docs.size()))
            view.hiddenDocuments.append(docs[size_t(d)].path);
    view.hiddenDocuments.sort();
}

void FilterPanel::restoreViewState(const project::ViewState &view)
{
    m_rebuilding = true;
    const int n = m_document->nodeCount();
    m_topN->setValue(view.topN <= 0 ? std::max(1, n) : std::min(view.topN, std::max(1, n)));
    const double maxWeight = m_document->maxEdgeWeight();
    m_minWeight->setValue(maxWeight > 0 ? int(std::lround(100.0 * std::sqrt(std::max(0.0, view.minLinkWeight) / maxWeight)))
                                        : 0);
    m_syncedWeightSlider = m_minWeight->value();
    m_syncedMinWeight = view.minLinkWeight;
    for (int i = 0; i < m_types->count(); ++i) {
        const auto type = extract::ConceptType(m_types->item(i)->data(Qt::UserRole).toInt());
        m_types->item(i)->setCheckState(view.hiddenTypes.contains(extract::conceptTypeName(type)) ? Qt::Unchecked
                                                                                                 : Qt::Checked);
    }
    for (int i = 0; i < m_communities->count(); ++i) {
        const int c = m_communities->item(i)->data(Qt::UserRole).toInt();
        const bool hidden = std::find(view.hiddenCommunities.begin(), view.hiddenCommunities.end(), c)
            != view.hiddenCommunities.end();
        m_communities->item(i)->setCheckState(hidden ? Qt::Unchecked : Qt::Checked);
    }
    const auto &docs = m_document->corpus().documents;
    for (int i = 0; i < m_documents->count(); ++i) {
        const int d = m_documents->item(i)->data(Qt::UserRole).toInt();
        const bool hidden = d >= 0 && d < int(docs.size()) && view.hiddenDocuments.contains(docs[size_t(d)].path);
        m_documents->item(i)->setCheckState(hidden ? Qt::Unchecked : Qt::Checked);
    }
    m_rebuilding = false;
    apply();
}

} // namespace carto::app
