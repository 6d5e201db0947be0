#pragma once

#include <QColor>
#include <QList>
#include <QString>

namespace carto::app {

class ProjectDocument;

// One legend row: a swatch (invalid colour: no swatch), its text and what it
// stands for (a community number or a concept type; -1 for "n more").
struct LegendEntry
{
    QColor colour;
    QString text;
    int key = -1;
};

// The legend's title and rows for a document in a colour mode; shared by the
// on-screen legend (LegendWidget) and exported images (MapImageExporter) so
// both say the same. Widget-free: cartograph-cli draws legends too.
[[nodiscard]] QList<LegendEntry> legendEntries(const ProjectDocument *document, bool byType, QString *title);

} // namespace carto::app
