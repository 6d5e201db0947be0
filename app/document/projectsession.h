#pragma once

#include "project/filestamp.h"
#include "project/project.h"
#include "project/recoveryslot.h"

#include <QMessageBox>
#include <QObject>

#include <functional>
#include <memory>

class QTimer;

namespace carto::project {
struct BuildOptions;
struct BuildResult;
struct ProjectAnalyses;
}

namespace carto::app {

class BuildJob;
class CorpusWatcher;
class LayoutJob;
class ProjectDocument;

// The life of the open project: open (a folder, a project file, the command
// line's choice), recover (unsaved work of a session that ended badly, keyed
// per project or per folder set), lock (a lock file beside the project; a
// second window is warned), save (after checking that nobody changed the file
// since it was loaded; a backup of the previous version is kept), autosave
// into this session's own recovery slot, background builds and re-layouts on
// one job runner, and the corpus watcher that rebuilds when documents change.
// MainWindow owns one and forwards its File menu here; ProjectDocument holds
// the state it fills. Every question goes through the prompt (tests answer it).
class ProjectSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectSession)

public:
    using Prompt = std::function<QMessageBox::StandardButton(const QString &title, const QString &text,
                                                             QMessageBox::StandardButtons buttons)>;
    using SavePathChooser = std::function<QString()>;
    using ViewStateProvider = std::function<void(project::ViewState &view)>;

    // The answers to "the file changed on disk" (the window labels them).
    static constexpr QMessageBox::StandardButton kReload = QMessageBox::Reset;
    static constexpr QMessageBox::StandardButton kSaveAs = QMessageBox::SaveAll;
    static constexpr QMessageBox::StandardButton kOverwrite = QMessageBox::Ignore;

    explicit ProjectSession(ProjectDocument *document, QObject *parent = nullptr);
    // Releases the lock and abandons running jobs; the recovery file stays,
    // as after a crash (close() is the orderly end).
    ~ProjectSession() override;

    void setPrompt(Prompt prompt) { m_prompt = std::move(prompt); }
    void setSavePathChooser(SavePathChooser chooser) { m_chooseSavePath = std::move(chooser); }
    // Fills in the view (zoom, centre, filters) as saved.
    void setViewStateProvider(ViewStateProvider provider) { m_viewState = std::move(provider); }
    void setAutosaveInterval(int ms);

    // Opens what the command line names (a NAME.cartograph.yaml or a folder),
    // else the last folder, else the bundled sample corpus.
    void openInitial(const QString &path);
    // Each open asks before replacing unsaved work, takes a slot on the new
    // project's key and offers its orphaned recovery files; false when the
    // user cancels or the project cannot be opened (the current one stays).
    bool openFolder(const QString &folder);
    bool openProject(const QString &path);
    bool newProject();
    // Save to the project file (Save As when untitled); false when cancelled or failed.
    bool save();
    bool saveAs(const QString &path);
    // Writes this session's recovery file now if there are unsaved changes.
    void autosave();
    // Rebuilds the open project in the background, keeping notes, curation, pins and positions.
    void rebuild();
    // Lays the map out again from where it is (pinned nodes stay): one undoable command.
    void relayout();
    void cancelJobs();
    // Save / Discard / Cancel when there are unsaved changes; true to go on.
    bool maybeSave();
    // The orderly end: asks to save, then removes this session's recovery
    // file and lock. False when the user cancels.
    bool close();

    // What the last build that landed did: how many documents it took from
    // the analysis cache and how many it read and analysed, and whether it
    // was a curation edit's assembly alone (from the analyses kept in memory).
    struct BuildStats
    {
        int analysesFromCache = 0;
        int documentsAnalysed = 0;
        bool reassembled = false;
    };
    [[nodiscard]] BuildStats lastBuildStats() const { return m_lastBuild; }

    [[nodiscard]] bool isBuilding() const;
    [[nodiscard]] bool isLayingOut() const;
    [[nodiscard]] QString lastError() const { return m_lastError; }
    // Where this session autosaves.
    [[nodiscard]] project::RecoveryKey recoveryKey() const { return m_slot.key(); }
    // "map", "Untitled (corpus)" or "Untitled".
    [[nodiscard]] QString displayName() const;

Q_SIGNALS:
    void jobStarted(const QString &stage);
    void jobEnded();
    void progressed(const QString &stage, qint64 done, qint64 total);
    void buildStarted(bool replacing);
    void buildFinished(bool ok, bool replaced);
    void layoutFinished();
    // An opened project's first build landed: show it as it was left.
    void viewRestoreRequested(const project::ViewState &view);
    void projectChanged();
    void recentChanged();
    void statusMessage(const QString &text, int timeoutMs);
    void errorReported(const QString &message);
    void saved(const QString &path);

private:
    // Takes `project` in as the open one: lock, save prompt, recovery offer.
    // `restored`: it comes from a recovery file already (unsaved until saved).
    bool adopt(project::Project project, const QString &projectPath, const project::FileStamp &stamp,
               bool restored = false);
    bool offerLegacyRecovery();
    // Asks about orphaned recovery files; replaces *project with the restored one.
    bool offerRecovery(project::RecoverySlot &slot, project::Project *project, const QString &projectPath);
    bool writeTo(const QString &path);
    // The file on disk changed since it was loaded: what the user wants.
    QMessageBox::StandardButton askAboutChangedFile(const QString &path);
    bool reload(const QString &path);
    void startBuild(const project::Project &project, bool replace);
    // A curation edit: assembles the open project again from the analyses the
    // last full build kept; a full rebuild when there are none to trust.
    void applyCuration();
    [[nodiscard]] project::BuildOptions buildOptions() const;
    void onBuildFinished(const std::shared_ptr<project::BuildResult> &result, const QString &folder);
    void onBuildStopped(const QString &message);
    [[nodiscard]] project::Project currentProject() const;
    QMessageBox::StandardButton ask(const QString &title, const QString &text, QMessageBox::StandardButtons buttons);
    void reportError(const QString &message);

    ProjectDocument *m_document;
    BuildJob *m_buildJob;
    LayoutJob *m_layoutJob;
    CorpusWatcher *m_watcher;
    QTimer *m_autosave;
    QTimer *m_heartbeat;
    QTimer *m_rebuildTimer;
    Prompt m_prompt;
    SavePathChooser m_chooseSavePath;
    ViewStateProvider m_viewState;
    project::RecoverySlot m_slot;
    project::FileStamp m_stamp; // the project file as loaded or last saved
    QString m_lastError;
    // The analyse stage of the last full build that landed, kept for curation
    // edits; stale while a full build is due (m_fullBuildDue).
    std::shared_ptr<const project::ProjectAnalyses> m_analyses;
    bool m_fullBuildDue = true;
    BuildStats m_lastBuild;
    bool m_replaceOnFinish = false;
    bool m_restoreView = false;
    bool m_dirtyAfterBuild = false;
    unsigned m_layoutSeed = 1;
};

} // namespace carto::app
