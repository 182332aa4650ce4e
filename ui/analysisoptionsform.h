#pragma once
// The options editor of the Run setup page: one panel per analysis (group-by keys and
// aggregates, filter expression, word count column, synthetic workload …) and a live check
// that builds and prepares the analysis against the dataset's schema on every edit.
#include "analysis/analysisoptions.h"
#include "data/schema.h"
#include <QMap>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;
class QStackedWidget;
class QTimer;

namespace sf::ui {

class AnalysisOptionsForm : public QWidget {
    Q_OBJECT
public:
    explicit AnalysisOptionsForm(QWidget *parent = nullptr);

    void setAnalysis(const QString &name);
    QString analysis() const { return m_analysis; }
    // The columns of the job's dataset; `hasDataset` false when none is chosen.
    void setSchema(const Schema &schema, bool hasDataset = true);
    AnalysisOptions options() const;

    // Builds and prepares the analysis now; empty when valid, else the engine's message.
    QString check() const;
    QString lastCheck() const { return m_lastCheck; }

    QLineEdit *whereEdit() const { return m_where; }
    QListWidget *groupByList() const { return m_groupBy; }
    QListWidget *aggregateList() const { return m_aggregates; }
    QSpinBox *syntheticTasksSpin() const { return m_synTasks; }
    QDoubleSpinBox *syntheticMeanSpin() const { return m_synMean; }

Q_SIGNALS:
    void changed(); // any option edited
    void checked(bool ok, const QString &message);

private:
    QWidget *buildGroupBy();
    QWidget *buildFilter();
    QWidget *buildWordCount();
    QWidget *buildConvert();
    QWidget *buildSynthetic();
    void edited();
    void runCheck();

    QString m_analysis;
    Schema m_schema;
    bool m_hasDataset = false;
    QString m_lastCheck;
    QStackedWidget *m_stack = nullptr;
    QMap<QString, QWidget *> m_panels;
    QWidget *m_emptyPanel = nullptr;
    QLabel *m_status = nullptr;
    QTimer *m_checkTimer = nullptr;
    // group-by
    QListWidget *m_groupBy = nullptr;
    QListWidget *m_aggregates = nullptr;
    QComboBox *m_aggFunction = nullptr;
    QComboBox *m_aggColumn = nullptr;
    // filter / convert
    QLineEdit *m_where = nullptr;
    QLineEdit *m_filterOutput = nullptr;
    QLineEdit *m_convertOutput = nullptr;
    // word count
    QComboBox *m_wordColumn = nullptr;
    QSpinBox *m_top = nullptr;
    // synthetic
    QSpinBox *m_synTasks = nullptr;
    QComboBox *m_synDuration = nullptr;
    QDoubleSpinBox *m_synMean = nullptr;
    QCheckBox *m_synCpu = nullptr;
    QDoubleSpinBox *m_synFail = nullptr;
    QLineEdit *m_synMemory = nullptr;
    QSpinBox *m_synSeed = nullptr;
};

} // namespace sf::ui
