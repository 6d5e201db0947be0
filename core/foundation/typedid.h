#pragma once

#include <QHashFunctions>
#include <QString>

#include <functional>

namespace carto {

// A value wrapped with a tag type so that ids of different kinds (documents,
// concepts, relations, notes) cannot be mixed up at module boundaries.
template <typename Tag, typename Value>
class TypedId final
{
public:
    using ValueType = Value;

    constexpr TypedId() = default;
    constexpr explicit TypedId(Value value)
        : m_value(std::move(value))
    {
    }

    [[nodiscard]] constexpr const Value &value() const { return m_value; }

    friend bool operator==(const TypedId &, const TypedId &) = default;
    // QString has no operator<=> in Qt 6.4, so order with < explicitly.
    friend bool operator<(const TypedId &a, const TypedId &b) { return a.m_value < b.m_value; }
    friend bool operator>(const TypedId &a, const TypedId &b) { return b.m_value < a.m_value; }

    friend size_t qHash(const TypedId &id, size_t seed = 0) noexcept { return ::qHash(id.m_value, seed); }

private:
    Value m_value{};
};

struct DocumentTag;
struct ConceptTag;
struct RelationTag;
struct NoteTag;

// Index of a document in its corpus, in scan order (sorted relative paths).
using DocumentId = TypedId<DocumentTag, int>;
// Stable key of a concept, derived from its normalised canonical form, so the
// same corpus rebuilt gives the same ids and notes and positions stay attached.
using ConceptId = TypedId<ConceptTag, QString>;
using RelationId = TypedId<RelationTag, int>;
using NoteId = TypedId<NoteTag, int>;

} // namespace carto

template <typename Tag, typename Value>
struct std::hash<carto::TypedId<Tag, Value>>
{
    size_t operator()(const carto::TypedId<Tag, Value> &id) const noexcept { return qHash(id); }
};
