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
        // Qt Graphs 6.8 gives axis labels a fixed width, too narrow for concept
        // names: each label is right-aligned against the bars and may run into
        // the left margin, which QtGraphsView widens to the longest name. Plain
        // text, because the names come from the documents.
        labelDelegate: Component {
            Item {
                property string text
                readonly property bool horizontal: graph.orientation === Qt.Horizontal
                Text {
                    text: parent.text
                    textFormat: Text.PlainText
                    color: graph.theme.labelTextColor
                    font: graph.theme.axisXLabelFont
                    elide: parent.horizontal ? Text.ElideNone : Text.ElideRight
                    horizontalAlignment: parent.horizontal ? Text.AlignRight : Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                    x: parent.horizontal ? parent.width - implicitWidth - 6 : 0
                    y: parent.horizontal ? (parent.height - implicitHeight) / 2 : 2
                    width: parent.horizontal ? implicitWidth : parent.width
                }
            }
        }
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
