#pragma once

#include "project/build.h"

#include <QObject>

#include <memory>

namespace carto::app {

class JobRunner;

// Runs project::buildProject (or buildCorpus) in the background on a
// JobRunner, or project::assembleProject from the analyses an earlier build
// kept (a curation edit: nothing is read or tagged again). ProjectSession
// starts one per open, rebuild or curation edit; a new start supersedes the
// running build without waiting for it. Progress arrives as signals; the
// result lands on the GUI thread through finished().
class BuildJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BuildJob)

public:
    explicit BuildJob(QObject *parent = nullptr);
    ~BuildJob() override;

    void start(const QString &folder, const project::BuildOptions &options = {});
    // Builds a project (its folders, curation and saved positions) with project::buildProject.
    void startProject(const project::Project &project, const project::BuildOptions &options = {});
    // Assembles `project` (its curation and saved positions) from `analyses`
    // (BuildResult::analyses of an earlier build of the same folders).
    void startAssembly(std::shared_ptr<const project::ProjectAnalyses> analyses, const project::Project &project,
                       const project::BuildOptions &options = {});
    // Abandons the running build: cancelled() at once, its result never lands.
    void cancel();
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] QString folder() const { return m_folder; }

Q_SIGNALS:
    void progressed(const QString &stage, qint64 done, qint64 total);
    void finished(std::shared_ptr<carto::project::BuildResult> result, const QString &folder);
    void failed(const QString &error);
    void cancelled();

private:
    struct Outcome
    {
        std::shared_ptr<project::BuildResult> result;
        QString error;
    };
    void run(std::function<std::optional<project::BuildResult>(QString *, ProgressSink *, const CancelToken *)> work,
             const QString &folder);

    JobRunner *m_runner;
    QString m_folder;
};

} // namespace carto::app
