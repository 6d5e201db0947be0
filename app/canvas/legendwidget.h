#pragma once

#include "canvas/legendentries.h"

#include <QList>
#include <QWidget>

namespace carto::app {

class ProjectDocument;

// The map legend in the top-left corner: one swatch per community (named by
// its two best concepts, as in Filters ▸ Communities) or per concept type,
// following the colour mode. A click on the title folds it to its title row
// (and back), freeing the map beneath; a click on an entry highlights that
// community or type on the map (entryClicked), a double-click shows only it.
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
    [[nodiscard]] const QList<LegendEntry> &entries() const { return m_entries; }
    // Where entry i is drawn (widget coordinates); empty when folded.
    [[nodiscard]] QRect entryRect(int i) const;
    // The entry drawn as highlighted (its key; -1 for none).
    void setHighlighted(int key);
    [[nodiscard]] int highlighted() const { return m_highlighted; }
    // An entry's whole text when the legend's width cuts it short (shown as
    // its tooltip), else empty.
    [[nodiscard]] QString entryToolTip(int i) const;

Q_SIGNALS:
    void collapsedChanged(bool collapsed);
    void entryClicked(int key);
    void entryDoubleClicked(int key);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;

private:
    [[nodiscard]] int entryAt(QPoint pos) const;

    QString m_title;
    QList<LegendEntry> m_entries;
    bool m_collapsed = false;
    bool m_setByUser = false;
    int m_highlighted = -1;
};

} // namespace carto::app
