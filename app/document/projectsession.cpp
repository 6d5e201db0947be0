#include "projectsession.h"

#include "appsettings.h"
#include "document/corpuswatcher.h"
#include "document/projectdocument.h"
#include "jobs/buildjob.h"
#include "jobs/jobrunner.h"
#include "jobs/layoutjob.h"
#include "project/projectanalyses.h"
#include "project/projectfile.h"
#include "samplecorpus.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QStandardPaths>
#include <QTimer>

namespace carto::app {

namespace {

// Where Cartograph before recovery keys kept an untitled project's autosave.
QString legacyUntitledRecoveryPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("untitled") + project::ProjectFile::suffix() + QStringLiteral(".recovery"));
}

QString fileName(const QString &path)
{
    return QFileInfo(path).fileName();
}

} // namespace

ProjectSession::ProjectSession(ProjectDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_buildJob(new BuildJob(this))
    , m_layoutJob(new LayoutJob(this))
    , m_watcher(new CorpusWatcher(this))
    , m_autosave(new QTimer(this))
    , m_heartbeat(new QTimer(this))
    , m_rebuildTimer(new QTimer(this))
{
    connect(m_buildJob, &BuildJob::progressed, this, &ProjectSession::progressed);
    connect(m_buildJob, &BuildJob::finished, this, &ProjectSession::onBuildFinished);
    connect(m_buildJob, &BuildJob::failed, this,
            [this](const QString &error) { onBuildStopped(tr("Build failed: %1").arg(error)); });
    connect(m_buildJob, &BuildJob::cancelled, this, [this] { onBuildStopped(tr("Build cancelled")); });
    connect(m_layoutJob, &LayoutJob::progressed, this, &ProjectSession::progressed);
    connect(m_layoutJob, &LayoutJob::finished, this, [this](const std::vector<graph::Point> &positions) {
        Q_EMIT jobEnded();
        m_document->applyNewLayout(positions);
        Q_EMIT layoutFinished();
    });
    connect(m_layoutJob, &LayoutJob::cancelled, this, &ProjectSession::jobEnded);

    // Unsaved work goes to this session's recovery file every 30 s; the
    // project file is only written by Save.
    m_autosave->setInterval(30000);
    connect(m_autosave, &QTimer::timeout, this, &ProjectSession::autosave);
    m_autosave->start();
    // Other sessions see this one is alive while the lock keeps being touched.
    m_heartbeat->setInterval(60000);
    connect(m_heartbeat, &QTimer::timeout, this, [this] {
        if (m_slot.isValid() && !m_slot.refresh())
            Q_EMIT statusMessage(tr("Another session took over this project's lock; save with care."), 10000);
    });
    m_heartbeat->start();
    // Curation edits re-assemble on the event loop's next turn, so the changes
    // one command makes together cost one assembly. No longer pause: from the
    // kept concept draft an assembly takes tens to hundreds of ms, and a
    // later edit supersedes (cancels) a running one.
    m_rebuildTimer->setSingleShot(true);
    m_rebuildTimer->setInterval(0);
    connect(m_rebuildTimer, &QTimer::timeout, this, &ProjectSession::applyCuration);
    connect(m_document, &ProjectDocument::curationChanged, m_rebuildTimer, qOverload<>(&QTimer::start));
    connect(m_watcher, &CorpusWatcher::changed, this, [this] {
        if (isBuilding()) {
            m_watcher->retryLater(); // once the running build is done
            return;
        }
        Q_EMIT statusMessage(tr("The documents changed: rebuilding…"), 4000);
        rebuild();
    });
}

ProjectSession::~ProjectSession() = default;

void ProjectSession::setAutosaveInterval(int ms)
{
    m_autosave->start(ms);
}

bool ProjectSession::isBuilding() const
{
    return m_buildJob->isRunning();
}

bool ProjectSession::isLayingOut() const
{
    return m_layoutJob->isRunning();
}

QString ProjectSession::displayName() const
{
    const QString path = m_document->projectPath();
    if (!path.isEmpty()) {
        QString name = fileName(path);
        name.chop(project::ProjectFile::suffix().size());
        return name;
    }
    const QStringList folders = m_document->project().corpusFolders;
    return folders.isEmpty() ? tr("Untitled") : tr("Untitled (%1)").arg(QDir(folders.constFirst()).dirName());
}

void ProjectSession::openInitial(const QString &path)
{
    if (!path.isEmpty()) {
        if (project::ProjectFile::isProjectPath(path))
            openProject(path);
        else
            openFolder(path);
        return;
    }
    if (offerLegacyRecovery())
        return;
    const QString last = AppSettings().lastFolder();
    if (!last.isEmpty() && QFileInfo(last).isDir()) {
        openFolder(last);
        return;
    }
    const QString sample = sampleCorpusFolder();
    if (!sample.isEmpty())
        openFolder(sample);
    else
        Q_EMIT statusMessage(tr("Open a folder of documents with File ▸ Open Folder (Ctrl+Shift+O)."), 0);
}

bool ProjectSession::offerLegacyRecovery()
{
    // An untitled project's autosave from a Cartograph that kept one file for all folders.
    const QString legacy = legacyUntitledRecoveryPath();
    if (!QFileInfo::exists(legacy))
        return false;
    const auto answer = ask(tr("Restore Unsaved Work?"),
                            tr("Cartograph found unsaved changes to an untitled project from an earlier session. "
                               "Restore them?"),
                            QMessageBox::Yes | QMessageBox::No);
    if (answer != QMessageBox::Yes) {
        QFile::remove(legacy);
        return false;
    }
    QString error;
    std::optional<project::Project> recovered;
    QFile file(legacy);
    if (file.open(QIODevice::ReadOnly))
        recovered = project::ProjectFile::parse(file.readAll(), {}, fileName(legacy), &error);
    else
        error = file.errorString();
    if (!recovered || recovered->corpusFolders.isEmpty()) {
        reportError(tr("Could not restore the unsaved work: %1").arg(error.isEmpty() ? tr("no corpus folder") : error));
        return false; // left for another try
    }
    if (!adopt(std::move(*recovered), {}, {}, true))
        return false;
    QFile::remove(legacy); // now in this session's own recovery slot
    return true;
}

bool ProjectSession::openFolder(const QString &folder)
{
    project::Project untitled;
    untitled.corpusFolders = {QFileInfo(folder).absoluteFilePath()};
    return adopt(std::move(untitled), QString(), {});
}

bool ProjectSession::openProject(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QString error;
    project::FileStamp stamp;
    std::optional<project::Project> loaded = project::ProjectFile::load(absolute, &error, &stamp);
    if (!loaded) {
        // The file is left exactly as it is and the current map stays open.
        reportError(tr("Could not open the project: %1").arg(error));
        return false;
    }
    if (loaded->corpusFolders.isEmpty()) {
        reportError(tr("The project “%1” names no corpus folder.").arg(fileName(absolute)));
        return false;
    }
    return adopt(std::move(*loaded), absolute, stamp);
}

bool ProjectSession::adopt(project::Project project, const QString &projectPath, const project::FileStamp &stamp,
                           bool restored)
{
    const bool sameKey = m_slot.isFor(projectPath, project.corpusFolders);
    project::RecoverySlot slot;
    if (!sameKey) {
        QString error;
        slot = project::RecoverySlot::claim(projectPath, project.corpusFolders, &error);
        if (!slot.isValid())
            Q_EMIT statusMessage(tr("Unsaved work cannot be autosaved: %1").arg(error), 10000);
        if (!projectPath.isEmpty() && slot.firstSlotHolder()) {
            const auto answer =
                ask(tr("Project Open Elsewhere"),
                    tr("“%1” is already open: %2.\n\nOpen it here too? Before either window saves, it checks "
                       "that the other has not changed the file.")
                        .arg(fileName(projectPath), project::ProjectLock::describe(*slot.firstSlotHolder())),
                    QMessageBox::Yes | QMessageBox::No);
            if (answer != QMessageBox::Yes)
                return false;
        }
    }
    if (!maybeSave())
        return false;
    // Saved or discarded by maybeSave(); and when reopening what is open, this
    // session's own autosave is not "earlier work" to offer.
    if (m_slot.isValid())
        project::RecoveryFile::discard(m_slot.key());
    if (!sameKey)
        m_slot = std::move(slot);
    restored = restored || offerRecovery(m_slot, &project, projectPath);

    // The build started below supersedes a running one.
    m_document->setProject(std::move(project), projectPath);
    m_stamp = stamp;
    m_restoreView = !projectPath.isEmpty() || restored;
    m_dirtyAfterBuild = restored;
    if (restored && m_slot.isValid()) {
        QString error;
        if (!project::RecoveryFile::save(m_document->project(), m_slot.key(), &error))
            Q_EMIT statusMessage(tr("Autosave failed: %1").arg(error), 5000);
    }
    if (!projectPath.isEmpty()) {
        AppSettings().addRecentFolder(projectPath);
        Q_EMIT recentChanged();
    }
    Q_EMIT projectChanged();
    startBuild(m_document->project(), false);
    return true;
}

bool ProjectSession::offerRecovery(project::RecoverySlot &slot, project::Project *project, const QString &projectPath)
{
    const std::vector<project::RecoveryKey> orphans = slot.findOrphans();
    if (orphans.empty())
        return false;
    const QString when = QLocale().toString(QFileInfo(project::RecoveryFile::path(orphans.front())).lastModified(),
                                            QLocale::ShortFormat);
    const QString text = projectPath.isEmpty()
        ? tr("Cartograph found unsaved changes to an untitled project on “%1” from a session that did not end "
             "well (autosaved %2). Restore them?")
              .arg(QDir(project->corpusFolders.value(0)).dirName(), when)
        : tr("“%1” has unsaved changes from an earlier session (autosaved %2). Restore them?")
              .arg(fileName(projectPath), when);
    if (ask(tr("Restore Unsaved Work?"), text, QMessageBox::Yes | QMessageBox::No) != QMessageBox::Yes) {
        slot.discardOrphans();
        return false;
    }
    QString error;
    std::optional<project::Project> recovered = project::RecoveryFile::load(orphans.front(), &error);
    if (!recovered || recovered->corpusFolders.isEmpty()) {
        // Left where it is: unreadable now is not a reason to delete it.
        slot.releaseOrphans();
        reportError(tr("Could not restore the unsaved work: %1").arg(error.isEmpty() ? tr("no corpus folder") : error));
        return false;
    }
    *project = std::move(*recovered);
    // The restored file becomes this session's own (saved again at once);
    // other orphans, if several sessions died, are offered next time.
    project::RecoveryFile::discard(orphans.front());
    slot.releaseOrphans();
    return true;
}

bool ProjectSession::newProject()
{
    if (!maybeSave())
        return false;
    cancelJobs();
    if (m_slot.isValid())
        project::RecoveryFile::discard(m_slot.key());
    m_slot = project::RecoverySlot();
    m_stamp = {};
    m_document->setProject({}, QString());
    m_document->clear();
    JobRunner::releaseElsewhere(std::exchange(m_analyses, nullptr));
    m_fullBuildDue = true;
    m_watcher->stop();
    Q_EMIT projectChanged();
    Q_EMIT statusMessage(tr("New project: open a folder of documents with File ▸ Open Folder."), 5000);
    return true;
}

project::BuildOptions ProjectSession::buildOptions() const
{
    project::BuildOptions options;
    const AppSettings settings;
    if (settings.analysisCacheEnabled()) {
        const QString path = settings.analysisCachePath();
        options.analysisCache = path.isEmpty() ? project::defaultAnalysisCache() : path;
    }
    options.keepAnalyses = true;
    // User data is never changed: what has a place keeps it.
    options.holdSavedPositions = true;
    return options;
}

void ProjectSession::startBuild(const project::Project &project, bool replace)
{
    m_layoutJob->cancel();
    m_replaceOnFinish = replace && m_document->hasBuild();
    // Until this build lands the kept analyses may be another corpus's.
    m_fullBuildDue = true;
    Q_EMIT jobStarted(tr("Starting…"));
    Q_EMIT buildStarted(m_replaceOnFinish);
    m_buildJob->startProject(project, buildOptions());
}

void ProjectSession::applyCuration()
{
    const project::Project &open = m_document->project();
    if (open.corpusFolders.isEmpty())
        return;
    if (m_fullBuildDue || !m_analyses || !m_document->hasBuild() || m_analyses->folders != open.corpusFolders) {
        rebuild();
        return;
    }
    m_layoutJob->cancel();
    m_replaceOnFinish = true;
    Q_EMIT jobStarted(tr("Applying the curation…"));
    Q_EMIT buildStarted(true);
    // Current positions and pins go in, so the map stays where it was.
    m_buildJob->startAssembly(m_analyses, m_document->projectForSave(), buildOptions());
}

void ProjectSession::rebuild()
{
    if (m_document->project().corpusFolders.isEmpty())
        return;
    // Current positions and pins go in, so the rebuilt map stays where it was.
    startBuild(m_document->projectForSave(), true);
}

void ProjectSession::relayout()
{
    if (!m_document->hasBuild() || isLayingOut() || isBuilding())
        return;
    const std::vector<graph::Point> positions = m_document->layoutPositions();
    std::vector<std::optional<graph::Point>> previous(positions.begin(), positions.end());
    Q_EMIT jobStarted(tr("Layout"));
    m_layoutJob->start(layout::toLayoutGraph(m_document->graph()), std::move(previous), m_document->pinnedNodes(),
                       ++m_layoutSeed);
}

void ProjectSession::cancelJobs()
{
    m_buildJob->cancel();
    m_layoutJob->cancel();
}

void ProjectSession::onBuildStopped(const QString &message)
{
    m_replaceOnFinish = false;
    Q_EMIT jobEnded();
    Q_EMIT statusMessage(message, 8000);
    Q_EMIT projectChanged();
    Q_EMIT buildFinished(false, false);
}

void ProjectSession::onBuildFinished(const std::shared_ptr<project::BuildResult> &result, const QString &folder)
{
    Q_EMIT jobEnded();
    m_lastBuild = {result->analysesFromCache, result->documentsAnalysed, result->reassembled};
    if (!result->reassembled)
        m_fullBuildDue = false;
    // The old analyses are freed on a pool thread: it takes a while.
    if (m_analyses != result->analyses)
        JobRunner::releaseElsewhere(std::exchange(m_analyses, result->analyses));
    if (std::exchange(m_replaceOnFinish, false)) {
        m_document->replaceBuild(result);
        m_watcher->watch(m_document->project().corpusFolders);
        Q_EMIT projectChanged();
        Q_EMIT buildFinished(true, true);
        return;
    }
    m_document->setBuild(result, folder);
    if (std::exchange(m_restoreView, false))
        Q_EMIT viewRestoreRequested(m_document->project().view);
    if (std::exchange(m_dirtyAfterBuild, false)) {
        // Restored from a recovery file: unsaved until the user saves.
        Q_EMIT projectChanged(); // the title needs its [*] before the marker can show
        m_document->markUnsaved();
    }
    m_watcher->watch(m_document->project().corpusFolders);
    if (m_document->projectPath().isEmpty()) {
        AppSettings settings;
        settings.setLastFolder(folder);
        settings.addRecentFolder(folder);
    }
    Q_EMIT recentChanged();
    Q_EMIT projectChanged();
    Q_EMIT buildFinished(true, false);
}

project::Project ProjectSession::currentProject() const
{
    project::Project out = m_document->projectForSave();
    if (m_document->hasBuild() && m_viewState)
        m_viewState(out.view);
    return out;
}

bool ProjectSession::save()
{
    if (m_document->projectPath().isEmpty()) {
        const QString path = m_chooseSavePath ? m_chooseSavePath() : QString();
        return !path.isEmpty() && saveAs(path);
    }
    return saveAs(m_document->projectPath());
}

QMessageBox::StandardButton ProjectSession::askAboutChangedFile(const QString &path)
{
    if (!QFileInfo::exists(path))
        return ask(tr("Project Changed on Disk"),
                   tr("“%1” was moved or deleted since it was opened. Save it there again, or under another name?")
                       .arg(fileName(path)),
                   kOverwrite | kSaveAs | QMessageBox::Cancel);
    return ask(tr("Project Changed on Disk"),
               tr("“%1” was changed by another window or program since it was opened here.\n\nReload it (the "
                  "changes made here are lost), save the changes made here under another name, or overwrite it "
                  "(the other changes are lost; the file as it is now is kept as %2)?")
                   .arg(fileName(path), fileName(project::ProjectFile::backupPath(path))),
               kReload | kSaveAs | kOverwrite | QMessageBox::Cancel);
}

bool ProjectSession::saveAs(const QString &requested)
{
    QString path = QFileInfo(requested).absoluteFilePath();
    if (!project::ProjectFile::isProjectPath(path))
        path += project::ProjectFile::suffix();
    const bool samePath = path == m_document->projectPath();
    project::RecoverySlot claimed;
    if (samePath && !m_stamp.sameContent(project::FileStamp::of(path))) {
        const auto answer = askAboutChangedFile(path);
        if (answer == kReload) {
            reload(path);
            return false;
        }
        if (answer == kSaveAs) {
            const QString other = m_chooseSavePath ? m_chooseSavePath() : QString();
            return !other.isEmpty() && QFileInfo(other).absoluteFilePath() != path && saveAs(other);
        }
        if (answer != kOverwrite)
            return false;
    } else if (!samePath) {
        // Another project's file: take its slot, unless a live window has it open.
        QString error;
        claimed = project::RecoverySlot::claim(path, {}, &error);
        if (claimed.firstSlotHolder()) {
            reportError(tr("Could not save the project: “%1” is open in another window (%2).")
                            .arg(fileName(path), project::ProjectLock::describe(*claimed.firstSlotHolder())));
            return false;
        }
    }
    if (!writeTo(path))
        return false;
    if (m_slot.isValid())
        project::RecoveryFile::discard(m_slot.key());
    if (!samePath) {
        m_slot = std::move(claimed);
        if (m_slot.isValid())
            project::RecoveryFile::discard(m_slot.key());
    }
    m_document->setProjectPath(path);
    m_document->markSaved();
    AppSettings().addRecentFolder(path);
    Q_EMIT recentChanged();
    Q_EMIT projectChanged();
    Q_EMIT statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 4000);
    Q_EMIT saved(path);
    return true;
}

bool ProjectSession::writeTo(const QString &path)
{
    const project::Project project = currentProject();
    QString error;
    project::FileStamp written;
    if (!project::ProjectFile::save(project, path, &error, &written)) {
        reportError(tr("Could not save the project: %1").arg(error));
        return false;
    }
    m_stamp = written;
    m_document->setViewState(project.view);
    return true;
}

bool ProjectSession::reload(const QString &path)
{
    QString error;
    project::FileStamp stamp;
    std::optional<project::Project> loaded = project::ProjectFile::load(path, &error, &stamp);
    if (!loaded || loaded->corpusFolders.isEmpty()) {
        reportError(tr("Could not reload the project: %1").arg(error.isEmpty() ? tr("no corpus folder") : error));
        return false;
    }
    // The user chose the file on disk over the changes made here.
    if (m_slot.isValid())
        project::RecoveryFile::discard(m_slot.key());
    m_document->setProject(std::move(*loaded), path);
    m_stamp = stamp;
    m_restoreView = true;
    m_dirtyAfterBuild = false;
    Q_EMIT projectChanged();
    startBuild(m_document->project(), false);
    return true;
}

void ProjectSession::autosave()
{
    if (!m_document->isModified() || !m_document->hasBuild() || !m_slot.isValid())
        return;
    QString error;
    if (!project::RecoveryFile::save(currentProject(), m_slot.key(), &error))
        Q_EMIT statusMessage(tr("Autosave failed: %1").arg(error), 5000);
}

bool ProjectSession::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer = ask(tr("Unsaved Changes"), tr("The project has unsaved changes. Save them?"),
                            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save)
        return save();
    if (answer == QMessageBox::Discard) {
        if (m_slot.isValid())
            project::RecoveryFile::discard(m_slot.key());
        return true;
    }
    return false;
}

bool ProjectSession::close()
{
    if (!maybeSave())
        return false;
    if (m_slot.isValid())
        project::RecoveryFile::discard(m_slot.key());
    m_slot = project::RecoverySlot();
    cancelJobs();
    return true;
}

QMessageBox::StandardButton ProjectSession::ask(const QString &title, const QString &text,
                                                QMessageBox::StandardButtons buttons)
{
    return m_prompt ? m_prompt(title, text, buttons) : QMessageBox::Cancel;
}

void ProjectSession::reportError(const QString &message)
{
    m_lastError = message;
    Q_EMIT errorReported(message);
}

} // namespace carto::app
