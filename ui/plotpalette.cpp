#include "plotpalette.h"

#include <QEvent>
#include <qcustomplot.h>

namespace sf::ui {

namespace {

void styleAxis(QCPAxis *axis, const QPalette &palette)
{
    const QColor text = palette.color(QPalette::WindowText);
    QColor grid = palette.color(QPalette::Mid);
    QColor subGrid = grid;
    subGrid.setAlpha(90);
    axis->setBasePen(QPen(text, 0));
    axis->setTickPen(QPen(text, 0));
    axis->setSubTickPen(QPen(text, 0));
    axis->setTickLabelColor(text);
    axis->setLabelColor(text);
    axis->grid()->setPen(QPen(grid, 0, Qt::DotLine));
    axis->grid()->setSubGridPen(QPen(subGrid, 0, Qt::DotLine));
    axis->grid()->setZeroLinePen(QPen(grid, 0));
}

} // namespace

void PlotPalette::follow(QCustomPlot *plot)
{
    plot->installEventFilter(new PlotPalette(plot));
    apply(plot);
}

void PlotPalette::apply(QCustomPlot *plot)
{
    const QPalette palette = plot->palette();
    const QColor text = palette.color(QPalette::WindowText);
    plot->setBackground(palette.brush(QPalette::Base));
    for (QCPAxisRect *rect : plot->axisRects()) {
        rect->setBackground(palette.brush(QPalette::Base));
        for (QCPAxis *axis : rect->axes())
            styleAxis(axis, palette);
    }
    for (int i = 0; i < plot->plotLayout()->elementCount(); ++i)
        if (auto *heading = qobject_cast<QCPTextElement *>(plot->plotLayout()->elementAt(i)))
            heading->setTextColor(text);
    if (plot->legend) {
        plot->legend->setBrush(palette.brush(QPalette::Base));
        plot->legend->setBorderPen(QPen(palette.color(QPalette::Mid)));
        plot->legend->setTextColor(text);
    }
}

bool PlotPalette::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::PaletteChange ||
        event->type() == QEvent::ApplicationPaletteChange) {
        auto *plot = static_cast<QCustomPlot *>(watched);
        apply(plot);
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
    return QObject::eventFilter(watched, event);
}

} // namespace sf::ui
