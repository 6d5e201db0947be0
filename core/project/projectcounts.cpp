#include "projectcounts.h"

namespace carto::project {

namespace {

// A child of a mapping, or an undefined node (never inserts: the node is const).
YAML::Node child(const YAML::Node &node, const char *key)
{
    return node.IsDefined() && node.IsMap() ? node[key] : YAML::Node(YAML::NodeType::Undefined);
}

int size(const YAML::Node &node)
{
    if (!node.IsDefined())
        return 0; // a key looked up in a mapping that lacks it
    if (node.IsSequence() || node.IsMap())
        return int(node.size());
    return node.IsScalar() ? 1 : 0; // a lone scalar is a one-item list (curation.ignore: page)
}

} // namespace

ProjectCounts ProjectCounts::of(const Project &project)
{
    const extract::Curation &c = project.curation;
    ProjectCounts counts;
    counts.corpus = int(project.corpusFolders.size());
    counts.curation = int(c.added.size() + c.merges.size() + c.renames.size() + size_t(c.ignored.size())
                          + c.typeOverrides.size() + size_t(c.splits.size()));
    counts.conceptNotes = int(project.conceptNotes.size());
    counts.linkNotes = int(project.linkNotes.size());
    counts.positions = int(project.positions.size());
    counts.pinned = int(project.pinned.size());
    return counts;
}

ProjectCounts ProjectCounts::of(const YAML::Node &root)
{
    ProjectCounts counts;
    counts.corpus = size(child(root, "corpus"));
    const YAML::Node curation = child(root, "curation");
    for (const char *key : {"concepts", "merge", "rename", "ignore", "types", "split"})
        counts.curation += size(child(curation, key));
    const YAML::Node notes = child(root, "notes");
    counts.conceptNotes = size(child(notes, "concepts"));
    counts.linkNotes = size(child(notes, "links"));
    counts.positions = size(child(root, "positions"));
    counts.pinned = size(child(root, "pinned"));
    return counts;
}

} // namespace carto::project
