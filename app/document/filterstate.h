#pragma once

#include <QSet>

namespace carto::app {

// What the filter panel asks the map to show. Plain value; ProjectDocument
// turns it into per-node and per-edge visibility.
struct FilterState
{
    int topN = 0;            // keep the N best-scored concepts; 0 = all
    double minWeight = 0.0;  // links lighter than this are hidden
    QSet<int> hiddenTypes;   // extract::ConceptType values
    QSet<int> hiddenCommunities;
    QSet<int> hiddenDocuments; // DocumentId values; a concept only mentioned there is hidden

    friend bool operator==(const FilterState &, const FilterState &) = default;
};

} // namespace carto::app
