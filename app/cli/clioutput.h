#pragma once

#include "foundation/progress.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QString>
#include <QTextStream>

#include <mutex>

namespace carto::cli {

// cartograph-cli's two streams. stdout carries only what was asked for (the
// summary, `text`'s output, or one export written to "-"); usage, errors,
// problems and progress go to stderr.
QTextStream &out();
QTextStream &err();

// Prints "cartograph-cli: message" on stderr and returns code (for `return fail(...)`).
int fail(const QString &message, int code = 1);

// Writes an export's bytes to stdout and flushes. False with *error when the
// stream fails (a closed pipe, a full disk).
bool writeStdout(const QByteArray &bytes, QString *error);

[[nodiscard]] bool stderrIsTerminal();

// One line of progress on a terminal's stderr ("Reading 120/400"), rewritten
// in place at most ten times a second and erased by finish(). Workers report
// from several threads.
class TerminalProgress final : public ProgressSink
{
public:
    TerminalProgress();
    void report(const QString &stage, qint64 done, qint64 total) override;
    void finish();

private:
    std::mutex m_mutex;
    QElapsedTimer m_sinceLast;
    QString m_lastStage;
    bool m_shown = false;
};

} // namespace carto::cli
