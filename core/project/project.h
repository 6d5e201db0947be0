#pragma once

#include "extract/curation.h"
#include "foundation/problem.h"
#include "foundation/typedid.h"
#include "graph/conceptgraph.h"

#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <set>
#include <vector>

namespace carto::project {

// A user's note on a concept. The label is kept beside the id so an orphaned note
// (its concept gone from the corpus) can still be shown and re-attached.
struct ConceptNote
{
    ConceptId conceptId;
    QString label;
    QString markdown;

    friend bool operator==(const ConceptNote &, const ConceptNote &) = default;
};

// A user's note on a link between two concepts.
struct LinkNote
{
    ConceptId source;
    ConceptId target;
    QString markdown;

    friend bool operator==(const LinkNote &, const LinkNote &) = default;
};

// How the map was being looked at, restored on open.
struct ViewState
{
    double zoom = 1.0;
    graph::Point centre;
    int topN = 0;                 // 0: all
    double minLinkWeight = 0.0;
    QStringList hiddenTypes;      // concept type names
    std::vector<int> hiddenCommunities;
    QStringList hiddenDocuments;  // document paths
    bool colourByType = false;

    friend bool operator==(const ViewState &, const ViewState &) = default;
};

// Everything a user keeps in a NAME.cartograph.yaml: what to read and what they
// did to the map. Re-derivable results (concepts, links, metrics) are never
// stored; they are rebuilt from the corpus and the curation.
struct Project
{
    static constexpr int kSchemaVersion = 2;

    QStringList corpusFolders;                 // absolute in memory; relative to the file on disk
    extract::Curation curation;
    std::vector<ConceptNote> conceptNotes;
    std::vector<LinkNote> linkNotes;
    std::map<ConceptId, graph::Point> positions; // user-placed or last laid-out positions
    std::set<ConceptId> pinned;
    ViewState view;
};

} // namespace carto::project
