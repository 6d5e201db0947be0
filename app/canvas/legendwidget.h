#pragma once

#include <QColor>
#include <QList>
#include <QWidget>

namespace carto::app {

class ProjectDocument;

// One legend row: a swatch (invalid colour: no swatch) and its text.
struct LegendEntry
{
    QColor colour;
    QString text;
};

// The legend's title and rows for a document in a colour mode; shared by the
// on-screen legend and exported images so both say the same.
[[nodiscard]] QList<LegendEntry> legendEntries(const ProjectDocument *document, bool byType, QString *title);

// The map legend in the top-left corner: one swatch per community (named by
// its best concept) or per concept type, following the colour mode.
class LegendWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LegendWidget)

public:
    explicit LegendWidget(QWidget *parent);

    void rebuild(const ProjectDocument *document, bool byType);
    [[nodiscard]] int entryCount() const { return int(m_entries.size()); }
    [[nodiscard]] QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_title;
    QList<LegendEntry> m_entries;
};

} // namespace carto::app
