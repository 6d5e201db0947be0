// The Qt Graphs statistics chart: one bar series on a category and a value
// axis. Only the structure lives here; QtGraphsView (C++) fills the data.
import QtQuick
import QtGraphs

GraphsView {
    id: graph
    objectName: "graphsView"
    marginTop: 4
    marginBottom: 4
    marginLeft: 4
    marginRight: 12

    theme: GraphsTheme {
        objectName: "theme"
        colorScheme: GraphsTheme.ColorScheme.Light
        backgroundVisible: false
        plotAreaBackgroundVisible: false
    }
    axisX: BarCategoryAxis {
        objectName: "categoryAxis"
        gridVisible: false
    }
    axisY: ValueAxis {
        objectName: "valueAxis"
        subTickCount: 0
    }
    BarSeries {
        objectName: "bars"
        barWidth: 0.8
        BarSet {
            objectName: "barSet"
        }
    }
}
