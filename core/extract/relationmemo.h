#pragma once

#include "extraction.h"
#include "relations.h"

#include "foundation/span.h"

#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace carto::extract {

// The relations of the last concept list linked from one concept draft, and
// what they were computed from: the relation stage reads only the concepts'
// order, ids, scores and mention spans (never labels, aliases or types), so a
// later list equal in those (a rename, a type change) has the same relations.
// ConceptExtractor::finish asks it before running the stage and tells it the
// result after. Thread-safe: assemblies of one draft may overlap (a
// superseded one still finishing). Holds one entry; a memo, never a source of
// truth: a list that differs in anything the stage reads is linked afresh.
// Two entries, the last used first: the map before an edit and after it, so
// undoing or redoing the edit finds its relations too. Beside them it keeps
// the sentence links of the last list linked (SentenceLinks), from which a
// list that differs (a hide, a merge) is linked again only where it differs.
class RelationMemo final
{
public:
    struct Key
    {
        std::vector<ConceptId> ids;
        std::vector<double> scores;
        std::vector<size_t> mentionEnds; // ids[i]'s mentions are spans[mentionEnds[i-1] .. mentionEnds[i])
        std::vector<Span> spans;
        int maxRelationsPerConcept = 0;
        int maxEvidencePerRelation = 0;

        friend bool operator==(const Key &, const Key &) = default;
    };

    [[nodiscard]] static Key keyOf(const std::vector<Concept> &concepts, int maxRelationsPerConcept,
                                   int maxEvidencePerRelation);

    // The relations stored for `key`, if it is the one stored.
    [[nodiscard]] std::optional<std::vector<Relation>> find(const Key &key) const;
    void store(Key key, std::vector<Relation> relations);
    // The sentence links of the last list linked, or null.
    [[nodiscard]] std::shared_ptr<const SentenceLinks> links() const;
    void storeLinks(std::shared_ptr<const SentenceLinks> links);

private:
    struct Entry
    {
        Key key;
        std::vector<Relation> relations;
    };

    static constexpr size_t kEntries = 2;

    mutable std::mutex m_mutex;
    mutable std::vector<std::shared_ptr<const Entry>> m_entries; // the last used first
    std::shared_ptr<const SentenceLinks> m_links;
};

} // namespace carto::extract
