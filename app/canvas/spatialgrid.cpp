#include "spatialgrid.h"

#include <algorithm>
#include <cmath>

namespace carto::app {

void SpatialGrid::build(const std::vector<QPointF> &points, double cellSize)
{
    m_cells.clear();
    if (points.empty())
        return;
    double minX = points[0].x(), maxX = minX, minY = points[0].y(), maxY = minY;
    for (const QPointF &p : points) {
        minX = std::min(minX, p.x());
        maxX = std::max(maxX, p.x());
        minY = std::min(minY, p.y());
        maxY = std::max(maxY, p.y());
    }
    m_bounds = QRectF(QPointF(minX, minY), QPointF(maxX, maxY));
    m_cell = std::max(cellSize, 1e-6);
    // Cap the grid size so a degenerate cell size cannot allocate millions of cells.
    const double maxCells = 512.0;
    m_cell = std::max({m_cell, m_bounds.width() / maxCells, m_bounds.height() / maxCells});
    m_columns = int(m_bounds.width() / m_cell) + 1;
    m_rows = int(m_bounds.height() / m_cell) + 1;
    m_cells.assign(size_t(m_columns) * size_t(m_rows), {});
    for (int i = 0; i < int(points.size()); ++i)
        m_cells[size_t(cellY(points[size_t(i)].y())) * size_t(m_columns) + size_t(cellX(points[size_t(i)].x()))].push_back(i);
}

int SpatialGrid::cellX(double x) const
{
    return std::clamp(int(std::floor((x - m_bounds.left()) / m_cell)), 0, m_columns - 1);
}

int SpatialGrid::cellY(double y) const
{
    return std::clamp(int(std::floor((y - m_bounds.top()) / m_cell)), 0, m_rows - 1);
}

void SpatialGrid::candidates(const QRectF &rect, std::vector<int> &out) const
{
    out.clear();
    if (m_cells.empty())
        return;
    const QRectF grown = m_bounds.adjusted(-m_cell, -m_cell, m_cell, m_cell);
    if (!rect.intersects(grown))
        return;
    const int x0 = cellX(rect.left()), x1 = cellX(rect.right());
    const int y0 = cellY(rect.top()), y1 = cellY(rect.bottom());
    for (int y = y0; y <= y1; ++y) {
        for (int x = x0; x <= x1; ++x) {
            const auto &cell = m_cells[size_t(y) * size_t(m_columns) + size_t(x)];
            out.insert(out.end(), cell.begin(), cell.end());
        }
    }
}

} // namespace carto::app
