#include "chartexportdialog.h"

#include "settings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <qcustomplot.h>

namespace sf::ui {

namespace {

const char *suffixOf(ChartExport::Format format)
{
    switch (format) {
    case ChartExport::Format::Png: return "png";
    case ChartExport::Format::Svg: return "svg";
    case ChartExport::Format::Pdf: return "pdf";
    }
    return "png";
}

constexpr int kMinSide = 100;
constexpr int kMaxSide = 10000;

} // namespace

ChartExportDialog::ChartExportDialog(const QString &title, const QSize &onScreen, QWidget *parent)
    : QDialog(parent)
    , m_format(new QComboBox(this))
    , m_preset(new QComboBox(this))
    , m_width(new QSpinBox(this))
    , m_height(new QSpinBox(this))
{
    setWindowTitle(tr("Export \"%1\"").arg(title));
    m_format->setObjectName(QStringLiteral("chartFormat"));
    m_format->addItem(tr("PNG image"), int(ChartExport::Format::Png));
    m_format->addItem(tr("SVG drawing"), int(ChartExport::Format::Svg));
    m_format->addItem(tr("PDF document"), int(ChartExport::Format::Pdf));
    m_preset->setObjectName(QStringLiteral("chartSizePreset"));
    const QSize own = onScreen.expandedTo(QSize(kMinSide, kMinSide));
    m_preset->addItem(tr("As on screen (%1 × %2)").arg(own.width()).arg(own.height()), own);
    for (const QSize &s : {QSize(1280, 720), QSize(1920, 1080), QSize(3840, 2160), QSize(800, 600)})
        m_preset->addItem(tr("%1 × %2").arg(s.width()).arg(s.height()), s);
    m_preset->addItem(tr("Custom"), QSize());
    for (QSpinBox *side : {m_width, m_height}) {
        side->setRange(kMinSide, kMaxSide);
        side->setSuffix(tr(" px"));
        side->setToolTip(tr("Pixels for PNG; points for SVG and PDF"));
    }
    m_width->setObjectName(QStringLiteral("chartWidth"));
    m_height->setObjectName(QStringLiteral("chartHeight"));
    setChartSize(own);
    connect(m_preset, &QComboBox::activated, this, &ChartExportDialog::presetChosen);
    for (QSpinBox *side : {m_width, m_height})
        connect(side, &QSpinBox::valueChanged, this, [this] {
            // A typed size that matches no preset is a custom one.
            const int match = m_preset->findData(chartSize());
            const QSignalBlocker block(m_preset);
            m_preset->setCurrentIndex(match >= 0 ? match : m_preset->count() - 1);
        });

    auto *form = new QFormLayout(this);
    form->addRow(tr("Format"), m_format);
    form->addRow(tr("Size"), m_preset);
    form->addRow(tr("Width"), m_width);
    form->addRow(tr("Height"), m_height);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Save as…"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

ChartExport::Format ChartExportDialog::format() const
{
    return ChartExport::Format(m_format->currentData().toInt());
}

void ChartExportDialog::setFormat(ChartExport::Format format)
{
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

QSize ChartExportDialog::chartSize() const
{
    return {m_width->value(), m_height->value()};
}

void ChartExportDialog::setChartSize(const QSize &size)
{
    m_width->setValue(size.width());
    m_height->setValue(size.height());
}

void ChartExportDialog::presetChosen(int index)
{
    const QSize size = m_preset->itemData(index).toSize();
    if (size.isValid()) setChartSize(size);
}

QString ChartExportDialog::suggestedFileName(const QString &title, ChartExport::Format format)
{
    return title + QLatin1Char('.') + QLatin1String(suffixOf(format));
}

QString ChartExportDialog::withSuffix(const QString &path, ChartExport::Format format)
{
    ChartExport::Format known;
    if (ChartExport::formatForPath(path, &known)) return path;
    return path + QLatin1Char('.') + QLatin1String(suffixOf(format));
}

QString ChartExportDialog::exportChart(QWidget *parent, QCustomPlot *plot, const QString &title)
{
    ChartExportDialog dialog(title, plot->size(), parent);
    if (dialog.exec() != QDialog::Accepted) return {};
    const ChartExport::Format format = dialog.format();
    const QString filters[] = {tr("PNG image (*.png)"), tr("SVG drawing (*.svg)"),
                               tr("PDF document (*.pdf)")};
    QString chosen = QFileDialog::getSaveFileName(
        parent, dialog.windowTitle(),
        QDir(Settings::exportDirectory()).filePath(suggestedFileName(title, format)),
        filters[int(format)]);
    if (chosen.isEmpty()) return {};
    chosen = withSuffix(chosen, format);
    Settings::setExportDirectory(QFileInfo(chosen).absolutePath());
    QString error;
    const QSize size = dialog.chartSize();
    ChartExport::Format written = format;
    ChartExport::formatForPath(chosen, &written); // a typed .svg wins over the combo
    if (!ChartExport::save(plot, chosen, written, size.width(), size.height(), &error)) {
        QMessageBox::warning(parent, tr("Export chart"), error);
        return {};
    }
    return chosen;
}

} // namespace sf::ui
