#pragma once
// Two stored runs side by side: their settings and wall times (with the ratio), a table of
// duration quantiles with differences, and the overlaid duration histograms.
#include "history/runcomparison.h"
#include <QWidget>

class QLabel;
class QTableWidget;

namespace sf::ui {

class ComparisonHistogram;

class ComparisonView : public QWidget {
    Q_OBJECT
public:
    explicit ComparisonView(QWidget *parent = nullptr);

    void setRuns(const sf::StoredRun &a, const sf::StoredRun &b);
    void clear();

    const sf::RunComparison &comparison() const { return m_comparison; }
    QLabel *summaryLabel() const { return m_summary; }
    QTableWidget *quantileTable() const { return m_table; }
    ComparisonHistogram *histogram() const { return m_histogram; }

private:
    QLabel *m_summary = nullptr;
    QTableWidget *m_table = nullptr;
    ComparisonHistogram *m_histogram = nullptr;
    sf::RunComparison m_comparison;
};

} // namespace sf::ui
