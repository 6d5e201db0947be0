#include "pathpanel.h"

#include "document/projectdocument.h"
#include "models/htmldelegate.h"
#include "models/snippets.h"
#include "panels/linkpanel.h"

#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <deque>

using namespace Qt::StringLiterals;

namespace carto::app {

namespace {
constexpr int kEvidencePerHop = 3;

QCompleter *makeCompleter(QAbstractItemModel *model, QObject *parent)
{
    auto *completer = new QCompleter(model, parent);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setMaxVisibleItems(12);
    return completer;
}
} // namespace

PathPanel::PathPanel(ProjectDocument *document, QAbstractItemModel *completions, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_from(new QLineEdit(this))
    , m_to(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_choice(new QComboBox(this))
    , m_view(new QTreeView(this))
    , m_model(new QStandardItemModel(this))
{
    setObjectName(u"pathPanel"_s);
    m_from->setPlaceholderText(tr("From concept"));
    m_to->setPlaceholderText(tr("To concept"));
    m_from->setAccessibleName(tr("From concept"));
    m_to->setAccessibleName(tr("To concept"));
    m_choice->setAccessibleName(tr("Paths found"));
    m_view->setAccessibleName(tr("Path steps"));
    m_view->setAccessibleDescription(tr("Each hop of the path with the sentences that link its concepts"));
    m_status->setAccessibleName(tr("Path finder status"));
    m_from->setCompleter(makeCompleter(completions, m_from));
    m_to->setCompleter(makeCompleter(completions, m_to));
    auto *find = new QPushButton(tr("Find path"), this);
    auto *clear = new QPushButton(tr("Clear"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(find);
    buttons->addWidget(clear);
    auto *form = new QFormLayout;
    form->addRow(tr("From"), m_from);
    form->addRow(tr("To"), m_to);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText); // it names concepts and what the user typed
    m_view->setModel(m_model);
    m_view->setItemDelegate(new HtmlDelegate(m_view));
    m_view->setHeaderHidden(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(m_choice);
    m_choice->setObjectName(u"pathChoice"_s);
    m_choice->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_choice->setMinimumContentsLength(12);
    m_choice->hide();
    connect(m_choice, &QComboBox::activated, this, [this](int index) { showPath(index); });
    layout->addWidget(m_view, 1);

    auto run = [this] { findPath(m_from->text(), m_to->text()); };
    connect(find, &QPushButton::clicked, this, run);
    connect(m_to, &QLineEdit::returnPressed, this, run);
    connect(clear, &QPushButton::clicked, this, [this] {
        m_model->clear();
        m_status->clear();
        m_paths.clear();
        m_choice->clear();
        m_choice->hide();
        m_document->setHighlightedPath({});
    });
    connect(m_view, &QTreeView::clicked, this, [this](const QModelIndex &index) {
        if (index.data(DocumentRole).isValid())
            Q_EMIT documentRequested(DocumentId(index.data(DocumentRole).toInt()),
                                     TextRange{index.data(StartRole).toLongLong(), index.data(EndRole).toLongLong()});
    });
    connect(document, &ProjectDocument::buildChanged, this, [this] {
        m_model->clear();
        m_status->clear();
        m_paths.clear();
        m_choice->clear();
        m_choice->hide();
    });
}

std::vector<graph::PathStep> PathPanel::pathWithUserLinks(graph::NodeIndex from, graph::NodeIndex to) const
{
    const auto &links = m_document->userLinks();
    if (links.empty() || from == to)
        return {};
    const graph::ConceptGraph &g = m_document->graph();
    const int n = g.nodeCount();
    std::vector<std::vector<std::pair<int, int>>> extra(static_cast<size_t>(n)); // (neighbour, -1)
    for (const UserLink &link : links) {
        extra[size_t(link.from)].push_back({link.to, -1});
        extra[size_t(link.to)].push_back({link.from, -1});
    }
    // Breadth-first over extracted and user links.
    std::vector<graph::PathStep> via(static_cast<size_t>(n));
    std::vector<char> seen(static_cast<size_t>(n), 0);
    std::deque<int> queue{from};
    seen[size_t(from)] = 1;
    while (!queue.empty() && !seen[size_t(to)]) {
        const int v = queue.front();
        queue.pop_front();
        for (const graph::EdgeIndex e : g.incidentEdges(v)) {
            const int w = g.edge(e).source == v ? g.edge(e).target : g.edge(e).source;
            if (!seen[size_t(w)]) {
                seen[size_t(w)] = 1;
                via[size_t(w)] = {v, w, e};
                queue.push_back(w);
            }
        }
        for (const auto &[w, e] : extra[size_t(v)]) {
            if (!seen[size_t(w)]) {
                seen[size_t(w)] = 1;
                via[size_t(w)] = {v, w, e};
                queue.push_back(w);
            }
        }
    }
    if (!seen[size_t(to)])
        return {};
    std::vector<graph::PathStep> path;
    for (int v = to; v != from; v = via[size_t(v)].from)
        path.push_back(via[size_t(v)]);
    std::reverse(path.begin(), path.end());
    return path;
}

void PathPanel::setEnds(const QString &from, const QString &to)
{
    if (!m_from->hasFocus() && !from.isEmpty())
        m_from->setText(from);
    if (!m_to->hasFocus() && !to.isEmpty())
        m_to->setText(to);
}

QString PathPanel::fromText() const
{
    return m_from->text();
}

QString PathPanel::toText() const
{
    return m_to->text();
}

int PathPanel::findPath(const QString &from, const QString &to)
{
    m_from->setText(from);
    m_to->setText(to);
    m_model->clear();
    m_paths.clear();
    m_choice->clear();
    m_choice->hide();
    const graph::NodeIndex a = m_document->findConcept(from);
    const graph::NodeIndex b = m_document->findConcept(to);
    if (a < 0 || b < 0) {
        m_status->setText(tr("Unknown concept: %1").arg(a < 0 ? from : to));
        m_document->setHighlightedPath({});
        return 0;
    }
    const graph::ConceptGraph &g = m_document->graph();
    for (graph::Path &path : g.bestPaths(a, b, 3))
        m_paths.push_back(std::move(path.steps));
    // User links ([[Concept]] in a note) are hops too; a path over them comes
    // first only when it is shorter, so extracted evidence is preferred.
    std::vector<graph::PathStep> viaNotes = pathWithUserLinks(a, b);
    const bool usesNote = std::any_of(viaNotes.begin(), viaNotes.end(), [](const auto &s) { return s.edge < 0; });
    if (usesNote && (m_paths.empty() || viaNotes.size() < m_paths.front().size()))
        m_paths.insert(m_paths.begin(), std::move(viaNotes));
    if (m_paths.empty()) {
        m_status->setText(tr("No path between %1 and %2.").arg(g.node(a).info.label, g.node(b).info.label));
        m_document->setHighlightedPath({});
        return 0;
    }
    for (size_t i = 0; i < m_paths.size(); ++i) {
        // "Path 2: 4 hops via A, B, C": the concepts it passes tell paths apart.
        QStringList via;
        for (size_t k = 0; k + 1 < m_paths[i].size(); ++k)
            via.append(g.node(m_paths[i][k].to).info.label);
        const QString hops = tr("%n hop(s)", nullptr, int(m_paths[i].size()));
        m_choice->addItem(via.isEmpty() ? tr("Path %1: %2, direct").arg(i + 1).arg(hops)
                                        : tr("Path %1: %2 via %3").arg(i + 1).arg(hops, via.join(u", "_s)));
    }
    m_choice->setVisible(m_paths.size() > 1);
    showPath(0);
    return m_model->rowCount();
}

bool PathPanel::showPath(int index)
{
    if (index < 0 || index >= int(m_paths.size()))
        return false;
    m_model->clear();
    m_choice->setCurrentIndex(index);
    const graph::ConceptGraph &g = m_document->graph();
    std::vector<graph::PathStep> path = m_paths[size_t(index)];
    m_status->setText(m_paths.size() > 1 ? tr("%n path(s) found; the best first.", nullptr, int(m_paths.size()))
                                         : tr("%n hop(s)", nullptr, int(path.size())));
    for (const graph::PathStep &step : path) {
        auto *hop = new QStandardItem;
        hop->setText(g.node(step.from).info.label + u" → "_s + g.node(step.to).info.label);
        if (step.edge < 0) {
            // A user link: its evidence is the note that draws it.
            hop->setData(u"<b>%1</b> ⇢ <b>%2</b> <i>(%3)</i>"_s.arg(g.node(step.from).info.label.toHtmlEscaped(),
                                                                   g.node(step.to).info.label.toHtmlEscaped(),
                                                                   tr("your note")),
                         HtmlRole);
            for (const UserLink &link : m_document->userLinks()) {
                if (!((link.from == step.from && link.to == step.to) || (link.from == step.to && link.to == step.from)))
                    continue;
                const QString note = m_document->conceptNote(link.noteOwner);
                auto *item = new QStandardItem(note.simplified());
                item->setData(u"<span style='color:gray'>%1</span> %2"_s.arg(tr("Note:"), note.toHtmlEscaped()),
                              HtmlRole);
                hop->appendRow(item);
                break;
            }
            m_model->appendRow(hop);
            continue;
        }
        const graph::EdgeData &edge = g.edge(step.edge);
        hop->setData(u"<b>%1</b> → <b>%2</b>%3"_s.arg(g.node(step.from).info.label.toHtmlEscaped(),
                                                     g.node(step.to).info.label.toHtmlEscaped(),
                                                     edge.relation.label.isEmpty()
                                                         ? QString()
                                                         : u" <i>(%1)</i>"_s.arg(edge.relation.label.toHtmlEscaped())),
                     HtmlRole);
        hop->setData(step.edge, EdgeRole);
        int shown = 0;
        for (const extract::Evidence &evidence : edge.relation.evidence) {
            if (shown >= kEvidencePerHop)
                break;
            if (QStandardItem *item = makeEvidenceItem(*m_document, edge, evidence)) {
                hop->appendRow(item);
                ++shown;
            }
        }
        m_model->appendRow(hop);
    }
    m_view->expandAll();
    m_document->setHighlightedPath(std::move(path));
    return true;
}

} // namespace carto::app
