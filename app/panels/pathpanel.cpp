#include "pathpanel.h"

#include "document/projectdocument.h"
#include "models/htmldelegate.h"
#include "models/snippets.h"
#include "panels/linkpanel.h"

#include <QCompleter>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

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
    , m_view(new QTreeView(this))
    , m_model(new QStandardItemModel(this))
{
    setObjectName(u"pathPanel"_s);
    m_from->setPlaceholderText(tr("From concept"));
    m_to->setPlaceholderText(tr("To concept"));
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
    layout->addWidget(m_view, 1);

    auto run = [this] { findPath(m_from->text(), m_to->text()); };
    connect(find, &QPushButton::clicked, this, run);
    connect(m_to, &QLineEdit::returnPressed, this, run);
    connect(clear, &QPushButton::clicked, this, [this] {
        m_model->clear();
        m_status->clear();
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
    });
}

int PathPanel::findPath(const QString &from, const QString &to)
{
    m_from->setText(from);
    m_to->setText(to);
    m_model->clear();
    const graph::NodeIndex a = m_document->findConcept(from);
    const graph::NodeIndex b = m_document->findConcept(to);
    if (a < 0 || b < 0) {
        m_status->setText(tr("Unknown concept: %1").arg(a < 0 ? from : to));
        m_document->setHighlightedPath({});
        return 0;
    }
    const graph::ConceptGraph &g = m_document->graph();
    std::vector<graph::PathStep> path = g.shortestPath(a, b);
    if (path.empty()) {
        m_status->setText(tr("No path between %1 and %2.").arg(g.node(a).info.label, g.node(b).info.label));
        m_document->setHighlightedPath({});
        return 0;
    }
    m_status->setText(tr("%n hop(s)", nullptr, int(path.size())));
    for (const graph::PathStep &step : path) {
        const graph::EdgeData &edge = g.edge(step.edge);
        auto *hop = new QStandardItem;
        hop->setData(u"<b>%1</b> → <b>%2</b>%3"_s.arg(g.node(step.from).info.label.toHtmlEscaped(),
                                                     g.node(step.to).info.label.toHtmlEscaped(),
                                                     edge.relation.label.isEmpty()
                                                         ? QString()
                                                         : u" <i>(%1)</i>"_s.arg(edge.relation.label.toHtmlEscaped())),
                     HtmlRole);
        hop->setText(g.node(step.from).info.label + u" → "_s + g.node(step.to).info.label);
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
    return m_model->rowCount();
}

} // namespace carto::app
