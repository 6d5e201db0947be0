#include "clioutput.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <unistd.h>

namespace carto::cli {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int fail(const QString &message, int code)
{
    err() << "cartograph-cli: " << message << Qt::endl;
    return code;
}

bool writeStdout(const QByteArray &bytes, QString *error)
{
    out().flush();
    if (std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout) != size_t(bytes.size())
        || std::fflush(stdout) != 0) {
        if (error)
            *error = QStringLiteral("cannot write to standard output: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    return true;
}

bool stderrIsTerminal()
{
    return ::isatty(STDERR_FILENO) == 1;
}

TerminalProgress::TerminalProgress()
{
    m_sinceLast.start();
}

void TerminalProgress::report(const QString &stage, qint64 done, qint64 total)
{
    const std::lock_guard lock(m_mutex);
    const bool last = total > 0 && done >= total;
    if (stage == m_lastStage && !last && m_sinceLast.elapsed() < 100)
        return;
    m_sinceLast.restart();
    m_lastStage = stage;
    QString line = stage;
    if (total > 0)
        line += QStringLiteral(" %1/%2").arg(done).arg(total);
    else if (done > 0)
        line += QStringLiteral(" %1").arg(done);
    // \r and erase-to-end-of-line: the line is rewritten, never scrolled.
    err() << '\r' << line.left(100) << "\x1b[K" << Qt::flush;
    m_shown = true;
}

void TerminalProgress::finish()
{
    const std::lock_guard lock(m_mutex);
    if (m_shown)
        err() << "\r\x1b[K" << Qt::flush;
    m_shown = false;
}

} // namespace carto::cli
