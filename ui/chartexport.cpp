#include "chartexport.h"
#include "export/atomicwrite.h"
#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <qcustomplot.h>

namespace sf::ui {

bool ChartExport::formatForPath(const QString &path, Format *format)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        *format = Format::Png;
    else if (suffix == QLatin1String("svg"))
        *format = Format::Svg;
    else if (suffix == QLatin1String("pdf"))
        *format = Format::Pdf;
    else
        return false;
    return true;
}

bool ChartExport::save(QCustomPlot *plot, const QString &path, int width, int height,
                       QString *error)
{
    Format format;
    if (!formatForPath(path, &format)) {
        if (error)
            *error = QObject::tr("%1: unknown chart format (use .png, .svg or .pdf)").arg(path);
        return false;
    }
    return save(plot, path, format, width, height, error);
}

bool ChartExport::save(QCustomPlot *plot, const QString &path, Format format, int width, int height,
                       QString *error)
{
    const int w = width > 0 ? width : plot->width();
    const int h = height > 0 ? height : plot->height();
    return render({Tile{plot, QRect(0, 0, w, h)}}, path, format, w, h, error);
}

bool ChartExport::saveTiles(const QList<Tile> &tiles, const QString &path, int width, int height,
                            QString *error)
{
    Format format;
    if (!formatForPath(path, &format)) {
        if (error)
            *error = QObject::tr("%1: unknown chart format (use .png, .svg or .pdf)").arg(path);
        return false;
    }
    return render(tiles, path, format, width, height, error);
}

namespace {

void paintTiles(QCPPainter &painter, const QList<ChartExport::Tile> &tiles)
{
    for (const ChartExport::Tile &t : tiles) {
        painter.save();
        painter.translate(t.rect.topLeft());
        t.plot->toPainter(&painter, t.rect.width(), t.rect.height());
        painter.restore();
    }
}

} // namespace

bool ChartExport::render(const QList<Tile> &tiles, const QString &path, Format format, int w, int h,
                         QString *error)
{
    if (w <= 0 || h <= 0 || tiles.isEmpty()) {
        if (error) *error = QObject::tr("%1: chart size %2×%3 is empty").arg(path).arg(w).arg(h);
        return false;
    }
    // Rendered into memory first: QCustomPlot's own savePng/savePdf write the target file
    // directly and would leave a torn file behind on failure.
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    bool rendered = false;
    switch (format) {
    case Format::Png: {
        if (tiles.size() == 1 && tiles.front().rect == QRect(0, 0, w, h)) {
            rendered = tiles.front().plot->toPixmap(w, h).save(&buffer, "PNG");
            break;
        }
        QImage image(w, h, QImage::Format_ARGB32_Premultiplied);
        image.fill(tiles.front().plot->palette().color(QPalette::Window));
        QCPPainter painter;
        rendered = painter.begin(&image);
        if (rendered) {
            paintTiles(painter, tiles);
            rendered = painter.end() && image.save(&buffer, "PNG");
        }
        break;
    }
    case Format::Svg: {
        QSvgGenerator generator;
        generator.setOutputDevice(&buffer);
        generator.setSize(QSize(w, h));
        generator.setViewBox(QRect(0, 0, w, h));
        generator.setTitle(QFileInfo(path).completeBaseName());
        QCPPainter painter;
        rendered = painter.begin(&generator);
        if (rendered) {
            painter.setMode(QCPPainter::pmVectorized);
            paintTiles(painter, tiles);
            rendered = painter.end();
        }
        break;
    }
    case Format::Pdf: {
        // What QCustomPlot::savePdf does (a page of exactly w×h points, vectorised painter),
        // but onto our buffer instead of a file name.
        QPdfWriter writer(&buffer);
        writer.setCreator(QStringLiteral("Superflow"));
        writer.setTitle(QFileInfo(path).completeBaseName());
        writer.setPageLayout(QPageLayout(QPageSize(QSize(w, h), QPageSize::Point),
                                         QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
        QCPPainter painter;
        rendered = painter.begin(&writer);
        if (rendered) {
            painter.setMode(QCPPainter::pmVectorized);
            painter.setMode(QCPPainter::pmNoCaching);
            painter.setWindow(0, 0, w, h);
            paintTiles(painter, tiles);
            rendered = painter.end();
        }
        break;
    }
    }
    buffer.close();
    if (!rendered || bytes.isEmpty()) {
        if (error) *error = QObject::tr("%1: could not render the chart").arg(path);
        return false;
    }
    return writeFileAtomically(path, bytes, error);
}

} // namespace sf::ui
