// The look GEXF exports carry (core/export/nodestyle) is the look the map
// draws (app/canvas): same community and type colours, same radius by score.
#include "canvas/colours.h"
#include "canvas/maprenderer.h"
#include "document/projectdocument.h"
#include "export/nodestyle.h"
#include "project/build.h"

#include <QTest>

#include <algorithm>

using namespace carto;
namespace nodestyle = exporter::nodestyle;

class NodeStyleTest final : public QObject
{
    Q_OBJECT

private:
    static void compare(const nodestyle::Rgb &core, const QColor &app)
    {
        QCOMPARE(int(core.r), app.red());
        QCOMPARE(int(core.g), app.green());
        QCOMPARE(int(core.b), app.blue());
    }

private Q_SLOTS:
    void communityColours_matchTheMap()
    {
        QCOMPARE(nodestyle::communityColourCount, app::colours::communityColourCount);
        for (int c = -1; c <= app::colours::communityColourCount + 1; ++c)
            compare(nodestyle::community(c), app::colours::community(c));
    }

    void typeColours_matchTheMap()
    {
        for (const auto t : {extract::ConceptType::Organization, extract::ConceptType::Person,
                             extract::ConceptType::Place, extract::ConceptType::Product, extract::ConceptType::Policy,
                             extract::ConceptType::Technology, extract::ConceptType::Event,
                             extract::ConceptType::Theme})
            compare(nodestyle::type(t), app::colours::type(t));
    }

    void radius_matchesTheRenderer()
    {
        QString error;
        auto build = project::buildCorpus(QStringLiteral(CARTO_SAMPLES_DIR), {}, &error);
        QVERIFY2(build, qPrintable(error));
        app::ProjectDocument document;
        document.setBuild(std::make_shared<project::BuildResult>(std::move(*build)), QStringLiteral(CARTO_SAMPLES_DIR));
        app::MapRenderer renderer(&document);
        renderer.rebuild();
        const graph::ConceptGraph &g = document.graph();
        double maxScore = 0.0;
        for (graph::NodeIndex i = 0; i < g.nodeCount(); ++i)
            maxScore = std::max(maxScore, g.node(i).info.score);
        QVERIFY(g.nodeCount() > 10);
        for (graph::NodeIndex i = 0; i < g.nodeCount(); ++i)
            QCOMPARE(nodestyle::radius(g.node(i).info.score, maxScore), renderer.radius(i));
    }
};

QTEST_MAIN(NodeStyleTest)

#include "nodestyle_test.moc"
