#pragma once

#include <QString>

#include <vector>

namespace carto::app {

class ProjectDocument;

// One community as people see it named: by its two best-scored concepts
// ("Beaver, River Otter"), with its number of concepts.
struct CommunityName
{
    QString name;
    int size = 0;
};

// Every community of the current build, indexed by community number. The map
// legend and Filters ▸ Communities both name communities through this, so a
// community is called the same in both.
[[nodiscard]] std::vector<CommunityName> communityNames(const ProjectDocument &document);

} // namespace carto::app
