#pragma once
// Shared by the export tests: every writer is checked against the map built
// from the bundled sample corpus, so they all start from the same build.
#include "project/build.h"

#include <QString>
#include <QTest>

#include <optional>

namespace carto::exporter::testsupport {

// Builds the sample corpus with default options into `build`. Fails the
// calling test (call it last in initTestCase) when the build fails or the map
// has too few links for a writer to be exercised.
inline void buildSampleMap(std::optional<project::BuildResult> &build)
{
    QString error;
    build = project::buildCorpus(QStringLiteral(CARTO_SAMPLES_DIR), {}, &error);
    QVERIFY2(build, qPrintable(error));
    QVERIFY(build->graph.edgeCount() > 5);
}

} // namespace carto::exporter::testsupport
