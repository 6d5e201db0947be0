#pragma once

#include <QPointF>
#include <QRectF>

#include <vector>

namespace carto::app {

// Uniform grid over node positions for hit-testing and rubber-band selection
// without a QGraphicsScene index. MapRenderer rebuilds it lazily after moves.
class SpatialGrid final
{
public:
    void build(const std::vector<QPointF> &points, double cellSize);
    // Indices of points in the cells touched by rect (a superset; callers test exactly).
    void candidates(const QRectF &rect, std::vector<int> &out) const;
    [[nodiscard]] bool isEmpty() const { return m_cells.empty(); }

private:
    [[nodiscard]] int cellX(double x) const;
    [[nodiscard]] int cellY(double y) const;

    QRectF m_bounds;
    double m_cell = 1.0;
    int m_columns = 0;
    int m_rows = 0;
    std::vector<std::vector<int>> m_cells;
};

} // namespace carto::app
