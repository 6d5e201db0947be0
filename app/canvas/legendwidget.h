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
// its best concept) or per concept type, following the colour mode. A click
// collapses it to its title row (and back), freeing the map beneath.
class LegendWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LegendWidget)

public:
    explicit LegendWidget(QWidget *parent);

    void rebuild(const ProjectDocument *document, bool byType);
    [[nodiscard]] int entryCount() const { return int(m_entries.size()); }
    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] bool isCollapsed() const { return m_collapsed; }
    void setCollapsed(bool collapsed);
    // True once the user folded or opened the legend by hand: fitting the map
    // then leaves it as the user set it.
    [[nodiscard]] bool isSetByUser() const { return m_setByUser; }

Q_SIGNALS:
    void collapsedChanged(bool collapsed);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    QString m_title;
    QList<LegendEntry> m_entries;
    bool m_collapsed = false;
    bool m_setByUser = false;
};

} // namespace carto::app
