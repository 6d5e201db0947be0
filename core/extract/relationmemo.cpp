#include "relationmemo.h"

namespace carto::extract {

RelationMemo::Key RelationMemo::keyOf(const std::vector<Concept> &concepts, int maxRelationsPerConcept,
                                      int maxEvidencePerRelation)
{
    Key key;
    key.maxRelationsPerConcept = maxRelationsPerConcept;
    key.maxEvidencePerRelation = maxEvidencePerRelation;
    key.ids.reserve(concepts.size());
    key.scores.reserve(concepts.size());
    key.mentionEnds.reserve(concepts.size());
    size_t spans = 0;
    for (const Concept &c : concepts)
        spans += c.mentions.size();
    key.spans.reserve(spans);
    for (const Concept &c : concepts) {
        key.ids.push_back(c.id);
        key.scores.push_back(c.score);
        for (const Mention &m : c.mentions)
            key.spans.push_back(m.span);
        key.mentionEnds.push_back(key.spans.size());
    }
    return key;
}

std::optional<std::vector<Relation>> RelationMemo::find(const Key &key) const
{
    std::shared_ptr<const Entry> entry;
    {
        const std::lock_guard lock(m_mutex);
        entry = m_entry;
    }
    // Compared outside the lock: the entry is immutable once stored.
    if (!entry || !(entry->key == key))
        return std::nullopt;
    return entry->relations;
}

void RelationMemo::store(Key key, std::vector<Relation> relations)
{
    auto entry = std::make_shared<const Entry>(Entry{std::move(key), std::move(relations)});
    const std::lock_guard lock(m_mutex);
    m_entry = std::move(entry);
}

} // namespace carto::extract
