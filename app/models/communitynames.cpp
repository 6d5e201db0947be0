#include "communitynames.h"

#include "document/projectdocument.h"

#include <QStringList>

namespace carto::app {

std::vector<CommunityName> communityNames(const ProjectDocument &document)
{
    const int count = std::max(0, document.communityCount());
    std::vector<CommunityName> out(static_cast<size_t>(count));
    std::vector<QStringList> best(static_cast<size_t>(count));
    const graph::ConceptGraph &g = document.graph();
    for (const int v : document.nodesByScore()) {
        const int c = g.node(v).community;
        if (c < 0 || c >= count)
            continue;
        ++out[size_t(c)].size;
        if (best[size_t(c)].size() < 2)
            best[size_t(c)].append(g.node(v).info.label);
    }
    for (int c = 0; c < count; ++c)
        out[size_t(c)].name = best[size_t(c)].join(QStringLiteral(", "));
    return out;
}

} // namespace carto::app
