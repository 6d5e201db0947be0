#include "legendentries.h"

#include "canvas/colours.h"
#include "document/projectdocument.h"
#include "models/communitynames.h"

#include <QCoreApplication>

#include <algorithm>
#include <map>

namespace carto::app {

// The strings keep LegendWidget's translation context: they were its own, and
// the legend on screen still shows them.
QList<LegendEntry> legendEntries(const ProjectDocument *document, bool byType, QString *title)
{
    QList<LegendEntry> entries;
    const graph::ConceptGraph &g = document->graph();
    if (byType) {
        *title = QCoreApplication::translate("carto::app::LegendWidget", "Concept types");
        std::map<int, int> counts;
        for (int i = 0; i < g.nodeCount(); ++i)
            ++counts[int(g.node(i).info.type)];
        for (const auto &[type, count] : counts) {
            const auto t = extract::ConceptType(type);
            const QString text = QCoreApplication::translate("carto::app::LegendWidget", "%1 (%2)");
            entries.append({colours::type(t), text.arg(extract::conceptTypeName(t)).arg(count), type});
        }
    } else {
        *title = QCoreApplication::translate("carto::app::LegendWidget", "Communities");
        // Eight swatches are enough to read the map; the rest are listed in the filter panel.
        const int shown = std::min({document->communityCount(), colours::communityColourCount, 8});
        const std::vector<CommunityName> names = communityNames(*document);
        const QString text = QCoreApplication::translate("carto::app::LegendWidget", "%1 (%2)");
        for (int c = 0; c < shown; ++c)
            entries.append({colours::community(c), text.arg(names[size_t(c)].name).arg(names[size_t(c)].size), c});
        if (document->communityCount() > shown)
            entries.append({QColor(), QCoreApplication::translate("carto::app::LegendWidget", "%n more communities",
                                                                  nullptr, document->communityCount() - shown)});
    }
    return entries;
}

} // namespace carto::app
