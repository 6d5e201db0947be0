#include "searchmodel.h"

#include "document/projectdocument.h"

namespace carto::app {

SearchModel::SearchModel(ProjectDocument *document, QObject *parent)
    : QStringListModel(parent)
    , m_document(document)
{
    connect(document, &ProjectDocument::buildChanged, this, &SearchModel::rebuild);
    rebuild();
}

void SearchModel::rebuild()
{
    m_nodes.clear();
    QStringList names;
    const graph::ConceptGraph &g = m_document->graph();
    // Best concepts first, so the completer lists them first; labels win over aliases.
    for (const int v : m_document->nodesByScore()) {
        const QString label = g.node(v).info.label;
        if (!m_nodes.contains(label.toLower())) {
            m_nodes.insert(label.toLower(), v);
            names.append(label);
        }
    }
    for (const int v : m_document->nodesByScore()) {
        for (const QString &alias : g.node(v).info.aliases) {
            if (!m_nodes.contains(alias.toLower())) {
                m_nodes.insert(alias.toLower(), v);
                names.append(alias);
            }
        }
    }
    setStringList(names);
}

graph::NodeIndex SearchModel::nodeFor(const QString &text) const
{
    const auto it = m_nodes.constFind(text.trimmed().toLower());
    if (it != m_nodes.constEnd())
        return *it;
    return m_document->findConcept(text);
}

} // namespace carto::app
