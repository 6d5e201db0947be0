#pragma once

#include <QColor>
#include <QList>
#include <QWidget>

namespace carto::app {

class ProjectDocument;

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
    struct Entry
    {
        QColor colour;
        QString text;
    };
    QString m_title;
    QList<Entry> m_entries;
};

} // namespace carto::app
