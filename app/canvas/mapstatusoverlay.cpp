#include "mapstatusoverlay.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace carto::app {

MapStatusOverlay::MapStatusOverlay(QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_openFolder(new QPushButton(tr("Open Folder…"), this))
{
    setObjectName(QStringLiteral("mapStatus"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    m_title->setFont(big);
    for (QLabel *label : {m_title, m_detail}) {
        label->setTextFormat(Qt::PlainText);
        label->setAlignment(Qt::AlignCenter);
        label->setWordWrap(true);
    }
    m_progress->setTextVisible(false);
    m_progress->setMinimumWidth(280);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 18, 24, 18);
    layout->setSpacing(10);
    layout->addWidget(m_title);
    layout->addWidget(m_detail);
    layout->addWidget(m_progress);
    layout->addWidget(m_openFolder, 0, Qt::AlignHCenter);
    connect(m_openFolder, &QPushButton::clicked, this, &MapStatusOverlay::openFolderRequested);
    hide();
}

void MapStatusOverlay::showProgress(const QString &title, const QString &detail, qint64 done, qint64 total)
{
    m_title->setText(title);
    m_detail->setText(detail);
    m_detail->setVisible(!detail.isEmpty());
    if (total > 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(1000 * std::min(done, total) / total));
    } else {
        m_progress->setRange(0, 0);
    }
    m_progress->show();
    m_openFolder->hide();
    place();
    show();
    raise();
}

void MapStatusOverlay::showProblem(const QString &title, const QString &detail)
{
    m_title->setText(title);
    m_detail->setText(detail);
    m_detail->setVisible(!detail.isEmpty());
    m_progress->hide();
    m_openFolder->show();
    place();
    show();
    raise();
}

QString MapStatusOverlay::title() const
{
    return m_title->text();
}

QString MapStatusOverlay::detail() const
{
    return m_detail->text();
}

void MapStatusOverlay::place()
{
    if (!parentWidget())
        return;
    const QRect area = parentWidget()->rect();
    const int width = std::min(std::max(360, sizeHint().width()), std::max(200, area.width() - 40));
    const QSize size(width, heightForWidth(width) > 0 ? heightForWidth(width) : sizeHint().height());
    setGeometry(QRect(area.center() - QPoint(size.width() / 2, size.height() / 2), size));
}

} // namespace carto::app
