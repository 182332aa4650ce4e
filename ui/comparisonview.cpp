#include "comparisonview.h"
#include "comparisonhistogram.h"
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sf::ui {

namespace {

QString runLine(const StoredRun &r)
{
    QString settings = ComparisonView::tr("%1 worker(s), %2")
                           .arg(r.params.workers)
                           .arg(schedulePolicyName(r.params.policy));
    if (!r.params.datasetPath.isEmpty())
        settings = chunkText(r.params) + QStringLiteral(", ") + settings;
    return ComparisonView::tr("<b>Run %1</b> — %2, %3: <b>%4 ms</b>")
        .arg(r.id)
        .arg(r.params.analysis.toHtmlEscaped(), settings.toHtmlEscaped(),
             QLocale().toString(r.totals.wallMs, 'f', 1));
}

QTableWidgetItem *number(double v, int decimals = 3)
{
    auto *item = new QTableWidgetItem(QLocale().toString(v, 'f', decimals));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

ComparisonView::ComparisonView(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel)
    , m_table(new QTableWidget(0, 4))
    , m_histogram(new ComparisonHistogram)
{
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_table->setObjectName(QStringLiteral("quantiles"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setMinimumWidth(360);
    auto *row = new QHBoxLayout;
    row->addWidget(m_table, 0);
    row->addWidget(m_histogram, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addLayout(row, 1);
    clear();
}

void ComparisonView::clear()
{
    m_comparison = RunComparison{};
    m_summary->setText(tr("Select two runs and press Compare."));
    m_table->setRowCount(0);
}

void ComparisonView::setRuns(const StoredRun &a, const StoredRun &b)
{
    m_comparison = RunComparison::compare(a, b);
    const RunComparison &c = m_comparison;
    QString text = runLine(a) + QStringLiteral("<br>") + runLine(b) + QStringLiteral("<br>");
    if (c.wallMsA > 0) {
        text += c.wallRatio < 1 ? tr("Run %1 took %2× the wall time of run %3: %4% faster.")
                                      .arg(b.id)
                                      .arg(QLocale().toString(c.wallRatio, 'f', 2))
                                      .arg(a.id)
                                      .arg(QLocale().toString((1 - c.wallRatio) * 100, 'f', 0))
                                : tr("Run %1 took %2× the wall time of run %3: %4% slower.")
                                      .arg(b.id)
                                      .arg(QLocale().toString(c.wallRatio, 'f', 2))
                                      .arg(a.id)
                                      .arg(QLocale().toString((c.wallRatio - 1) * 100, 'f', 0));
    }
    if (a.params.fingerprint != b.params.fingerprint ||
        a.params.datasetPath != b.params.datasetPath)
        text += QStringLiteral("<br><i>") + tr("The runs read different data.") +
                QStringLiteral("</i>");
    m_summary->setText(text);

    m_table->setHorizontalHeaderLabels(
        {tr("Run %1").arg(a.id), tr("Run %1").arg(b.id), tr("Difference"), tr("Ratio")});
    const QStringList names = RunComparison::quantileNames();
    const std::vector<double> qa = RunComparison::quantileValues(c.a);
    const std::vector<double> qb = RunComparison::quantileValues(c.b);
    QStringList rows{tr("wall ms"), tr("tasks")};
    for (const QString &n : names)
        rows.append(tr("task %1 ms").arg(n));
    m_table->setRowCount(int(rows.size()));
    m_table->setVerticalHeaderLabels(rows);
    auto put = [this](int row, double va, double vb, int decimals) {
        m_table->setItem(row, 0, number(va, decimals));
        m_table->setItem(row, 1, number(vb, decimals));
        m_table->setItem(row, 2, number(vb - va, decimals));
        auto *ratio = new QTableWidgetItem(
            va > 0 ? QLocale().toString(vb / va, 'f', 2) + QChar(0x00d7) : QStringLiteral("—"));
        ratio->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(row, 3, ratio);
    };
    put(0, c.wallMsA, c.wallMsB, 1);
    put(1, double(c.tasksA), double(c.tasksB), 0);
    for (int i = 0; i < names.size(); ++i)
        put(2 + i, qa[std::size_t(i)], qb[std::size_t(i)], 3);
    if (!c.binEdgesMs.empty()) m_histogram->setComparison(c);
}

} // namespace sf::ui
