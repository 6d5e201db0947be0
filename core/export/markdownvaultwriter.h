#pragma once

#include "foundation/progress.h"
#include "project/build.h"
#include "project/project.h"

#include <QString>
#include <QStringList>

namespace carto::exporter {

class ExportNotes;

// Writes a build as an Obsidian vault: one NAME.md per concept with YAML front
// matter (type, aliases, score, community), the user's note when the project
// has one, [[links]] to its neighbours (targets are the neighbours' file names,
// so every link resolves inside the vault) with the user's notes on those
// links, and evidence quotes, each with its document path and sentence number.
// Text from the corpus (labels, link labels, quotes, paths) is escaped so it
// stays text: no HTML, no image embeds, no links or headings it did not have
// (sanitize::markdownInline). Files in the folder that are not concept notes are
// left alone. Used by the CLI and the app (on a worker thread).
class MarkdownVaultWriter final
{
public:
    // File names without ".md", index = NodeIndex: safe on every common file
    // system (no / \ : * ? " < > | # ^ [ ], no reserved Windows names, at most
    // 100 characters) and unique ignoring case.
    [[nodiscard]] static QStringList fileNames(const graph::ConceptGraph &graph);
    // The Markdown of one concept's note.
    [[nodiscard]] static QString noteFor(const project::BuildResult &build, graph::NodeIndex node,
                                         const QStringList &fileNames, const project::Project *project = nullptr);
    [[nodiscard]] static QString noteFor(const project::BuildResult &build, graph::NodeIndex node,
                                         const QStringList &fileNames, const ExportNotes &notes);
    // Writes every note into folder (created if missing), each atomically and
    // never through a link, with one sync for the whole vault (ExportFileSet).
    // Reports "Writing notes" progress and stops when cancelled. Returns false
    // and sets *error on the first failure.
    static bool write(const project::BuildResult &build, const QString &folder, QString *error,
                      const project::Project *project = nullptr, ProgressSink *progress = nullptr,
                      const CancelToken *cancel = nullptr);
};

} // namespace carto::exporter
