#pragma once

#include "concepttype.h"
#include "foundation/problem.h"

#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <vector>

namespace YAML {
class Node;
}

namespace carto::extract {

// The user's corrections to extraction, read from `cartograph.yaml` in the corpus
// folder (and later kept in project files). Applied on every build. Names are
// matched case-insensitively against concept labels and aliases.
struct Curation
{
    struct AddedConcept
    {
        QString name;
        QStringList aliases;
        std::optional<ConceptType> type;
    };
    struct Merge
    {
        QString into;       // surviving concept
        QStringList from;   // concepts folded into it
    };

    std::vector<AddedConcept> added;
    std::vector<Merge> merges;
    std::map<QString, QString> renames;         // old name -> new label
    QStringList ignored;                        // names never shown as concepts
    std::map<QString, ConceptType> typeOverrides;
    QStringList splits;                         // aliases split off into concepts of their own

    [[nodiscard]] bool isEmpty() const
    {
        return added.empty() && merges.empty() && renames.empty() && ignored.isEmpty()
            && typeOverrides.empty() && splits.isEmpty();
    }
};

// Reads a curation YAML file. A missing file gives an empty curation; a broken
// one gives an empty curation and a Problem naming the line and column.
[[nodiscard]] Curation readCurationFile(const QString &path, std::vector<Problem> &problems);
[[nodiscard]] Curation parseCuration(const QByteArray &yaml, const QString &pathForMessages,
                                     std::vector<Problem> &problems);
// Parses an already loaded node of the same shape (a project file's `curation:`
// key). Problems name lines and columns of the enclosing document.
[[nodiscard]] Curation parseCurationNode(const YAML::Node &node, const QString &pathForMessages,
                                         std::vector<Problem> &problems);

} // namespace carto::extract
