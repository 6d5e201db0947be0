#include "samplecorpus.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace carto::app {

QString sampleCorpusFolder()
{
    const QString binDir = QCoreApplication::applicationDirPath();
    const QStringList candidates = {
        binDir + u"/../share/cartograph/samples"_s,
        binDir + u"/samples"_s,
        QStringLiteral(CARTO_SOURCE_SAMPLES_DIR),
    };
    for (const QString &candidate : candidates) {
        const QFileInfo info(candidate);
        if (info.isDir() && !QDir(candidate).isEmpty())
            return info.canonicalFilePath();
    }
    return {};
}

} // namespace carto::app
