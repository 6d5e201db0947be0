#pragma once

// Internal to carto_project: the item counts a schema-2 project file records in
// its trailing `end:` mapping, counted from a Project when writing and from the
// parsed YAML when reading (before any normalisation, so the two agree).

#include "project/project.h"

#include <yaml-cpp/yaml.h>

#include <array>
#include <utility>

namespace carto::project {

struct ProjectCounts
{
    int corpus = 0;
    int curation = 0; // entries over concepts, merge, rename, ignore, types and split
    int conceptNotes = 0;
    int linkNotes = 0;
    int positions = 0;
    int pinned = 0;

    [[nodiscard]] static ProjectCounts of(const Project &project);
    [[nodiscard]] static ProjectCounts of(const YAML::Node &root);
    // The keys of `end:` in the order they are written.
    [[nodiscard]] std::array<std::pair<const char *, int>, 6> entries() const
    {
        return {{{"corpus", corpus},
                 {"curation", curation},
                 {"concept_notes", conceptNotes},
                 {"link_notes", linkNotes},
                 {"positions", positions},
                 {"pinned", pinned}}};
    }
};

} // namespace carto::project
