#include "analysisoptionsform.h"
#include "theme.h"

#include "analysis/analysisregistry.h"
#include "partition/partitionspec.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace sf::ui {

namespace {

QLineEdit *outputEdit(QWidget *parent, QFormLayout *form, const QString &label)
{
    auto *edit = new QLineEdit;
    edit->setPlaceholderText(QObject::tr("optional: .csv, .jsonl or .json"));
    auto *browse = new QPushButton(QObject::tr("…"));
    QObject::connect(browse, &QPushButton::clicked, parent, [parent, edit] {
        const QString path = QFileDialog::getSaveFileName(
            parent, QObject::tr("Write rows to"), edit->text(),
            QObject::tr("CSV (*.csv);;JSON Lines (*.jsonl);;JSON (*.json)"));
        if (!path.isEmpty()) {
            edit->setText(path);
            Q_EMIT edit->textEdited(path);
        }
    });
    auto *row = new QHBoxLayout;
    row->addWidget(edit, 1);
    row->addWidget(browse);
    form->addRow(label, row);
    return edit;
}

} // namespace

AnalysisOptionsForm::AnalysisOptionsForm(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget)
    , m_status(new QLabel)
    , m_checkTimer(new QTimer(this))
{
    m_emptyPanel = new QLabel(tr("No options."));
    m_stack->addWidget(m_emptyPanel);
    const auto addPanel = [this](const QString &name, QWidget *panel) {
        m_panels.insert(name, panel);
        m_stack->addWidget(panel);
    };
    addPanel(QStringLiteral("groupby"), buildGroupBy());
    addPanel(QStringLiteral("filter"), buildFilter());
    addPanel(QStringLiteral("wordcount"), buildWordCount());
    addPanel(QStringLiteral("convert"), buildConvert());
    addPanel(QStringLiteral("synthetic"), buildSynthetic());

    m_status->setObjectName(QStringLiteral("analysisCheck"));
    m_status->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    layout->addWidget(m_status);

    // Checking prepares the analysis (parses the expression): cheap, but not on every key.
    m_checkTimer->setSingleShot(true);
    m_checkTimer->setInterval(150);
    connect(m_checkTimer, &QTimer::timeout, this, &AnalysisOptionsForm::runCheck);
}

QWidget *AnalysisOptionsForm::buildGroupBy()
{
    m_groupBy = new QListWidget;
    m_groupBy->setObjectName(QStringLiteral("groupByKeys"));
    connect(m_groupBy, &QListWidget::itemChanged, this, &AnalysisOptionsForm::edited);
    m_aggregates = new QListWidget;
    m_aggregates->setObjectName(QStringLiteral("aggregates"));
    m_aggFunction = new QComboBox;
    m_aggFunction->addItems({QStringLiteral("count"), QStringLiteral("sum"), QStringLiteral("mean"),
                             QStringLiteral("min"), QStringLiteral("max"), QStringLiteral("std")});
    m_aggColumn = new QComboBox;
    auto *add = new QPushButton(tr("Add"));
    auto *remove = new QPushButton(tr("Remove"));
    connect(m_aggFunction, &QComboBox::currentTextChanged, this,
            [this](const QString &f) { m_aggColumn->setEnabled(f != QLatin1String("count")); });
    connect(add, &QPushButton::clicked, this, [this] {
        const QString f = m_aggFunction->currentText();
        const QString text =
            f == QLatin1String("count") ? f : f + QLatin1Char(':') + m_aggColumn->currentText();
        if (m_aggregates->findItems(text, Qt::MatchExactly).isEmpty()) m_aggregates->addItem(text);
        edited();
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        delete m_aggregates->currentItem();
        edited();
    });
    m_aggregates->addItem(QStringLiteral("count"));

    auto *panel = new QWidget;
    auto *grid = new QHBoxLayout(panel);
    grid->setContentsMargins(0, 0, 0, 0);
    auto *keys = new QVBoxLayout;
    keys->addWidget(new QLabel(tr("Group by")));
    keys->addWidget(m_groupBy);
    auto *aggs = new QVBoxLayout;
    aggs->addWidget(new QLabel(tr("Aggregates")));
    aggs->addWidget(m_aggregates);
    auto *editRow = new QHBoxLayout;
    editRow->addWidget(m_aggFunction);
    editRow->addWidget(m_aggColumn, 1);
    editRow->addWidget(add);
    editRow->addWidget(remove);
    aggs->addLayout(editRow);
    grid->addLayout(keys, 1);
    grid->addLayout(aggs, 1);
    return panel;
}

QWidget *AnalysisOptionsForm::buildFilter()
{
    auto *panel = new QWidget;
    auto *form = new QFormLayout(panel);
    m_where = new QLineEdit;
    m_where->setObjectName(QStringLiteral("whereExpression"));
    m_where->setPlaceholderText(QStringLiteral("temp_max > 30 and station == 'Reykjavik'"));
    connect(m_where, &QLineEdit::textChanged, this, &AnalysisOptionsForm::edited);
    form->addRow(tr("Where"), m_where);
    m_filterOutput = outputEdit(this, form, tr("Matching rows to"));
    connect(m_filterOutput, &QLineEdit::textEdited, this, &AnalysisOptionsForm::edited);
    return panel;
}

QWidget *AnalysisOptionsForm::buildWordCount()
{
    auto *panel = new QWidget;
    auto *form = new QFormLayout(panel);
    m_wordColumn = new QComboBox;
    m_top = new QSpinBox;
    m_top->setRange(1, 100000);
    m_top->setValue(20);
    connect(m_wordColumn, &QComboBox::currentIndexChanged, this, &AnalysisOptionsForm::edited);
    connect(m_top, &QSpinBox::valueChanged, this, &AnalysisOptionsForm::edited);
    form->addRow(tr("Text column"), m_wordColumn);
    form->addRow(tr("Top terms"), m_top);
    return panel;
}

QWidget *AnalysisOptionsForm::buildConvert()
{
    auto *panel = new QWidget;
    auto *form = new QFormLayout(panel);
    m_convertOutput = outputEdit(this, form, tr("Write to"));
    connect(m_convertOutput, &QLineEdit::textEdited, this, &AnalysisOptionsForm::edited);
    return panel;
}

QWidget *AnalysisOptionsForm::buildSynthetic()
{
    const SyntheticOptions defaults;
    auto *panel = new QWidget;
    auto *form = new QFormLayout(panel);
    m_synTasks = new QSpinBox;
    m_synTasks->setObjectName(QStringLiteral("syntheticTasks"));
    m_synTasks->setRange(1, 10000000);
    m_synTasks->setValue(int(defaults.tasks));
    m_synDuration = new QComboBox;
    m_synDuration->setObjectName(QStringLiteral("syntheticDuration"));
    m_synDuration->addItems({QStringLiteral("constant"), QStringLiteral("uniform"),
                             QStringLiteral("exponential"), QStringLiteral("lognormal"),
                             QStringLiteral("bimodal"), QStringLiteral("heavytail")});
    m_synMean = new QDoubleSpinBox;
    m_synMean->setObjectName(QStringLiteral("syntheticMeanMs"));
    m_synMean->setRange(0.0, 600000.0);
    m_synMean->setDecimals(2);
    m_synMean->setSuffix(QStringLiteral(" ms"));
    m_synMean->setValue(defaults.meanMs);
    m_synCpu = new QCheckBox(tr("CPU-bound (spin); otherwise sleep"));
    m_synCpu->setObjectName(QStringLiteral("syntheticCpuBound"));
    m_synCpu->setChecked(defaults.cpuBound);
    m_synFail = new QDoubleSpinBox;
    m_synFail->setObjectName(QStringLiteral("syntheticFailRate"));
    m_synFail->setRange(0.0, 1.0);
    m_synFail->setSingleStep(0.01);
    m_synFail->setDecimals(3);
    m_synMemory = new QLineEdit(QStringLiteral("0"));
    m_synMemory->setToolTip(tr("Memory demand per task, e.g. 64MiB"));
    m_synSeed = new QSpinBox;
    m_synSeed->setRange(0, 2147483647);
    m_synSeed->setValue(int(defaults.seed));
    form->addRow(tr("Tasks"), m_synTasks);
    form->addRow(tr("Durations"), m_synDuration);
    form->addRow(tr("Mean duration"), m_synMean);
    form->addRow(QString(), m_synCpu);
    form->addRow(tr("Failure rate"), m_synFail);
    form->addRow(tr("Memory per task"), m_synMemory);
    form->addRow(tr("Seed"), m_synSeed);
    connect(m_synTasks, &QSpinBox::valueChanged, this, &AnalysisOptionsForm::edited);
    connect(m_synDuration, &QComboBox::currentIndexChanged, this, &AnalysisOptionsForm::edited);
    connect(m_synMean, &QDoubleSpinBox::valueChanged, this, &AnalysisOptionsForm::edited);
    connect(m_synCpu, &QCheckBox::toggled, this, &AnalysisOptionsForm::edited);
    connect(m_synFail, &QDoubleSpinBox::valueChanged, this, &AnalysisOptionsForm::edited);
    connect(m_synMemory, &QLineEdit::textChanged, this, &AnalysisOptionsForm::edited);
    connect(m_synSeed, &QSpinBox::valueChanged, this, &AnalysisOptionsForm::edited);
    return panel;
}

void AnalysisOptionsForm::setAnalysis(const QString &name)
{
    m_analysis = name;
    m_stack->setCurrentWidget(m_panels.value(name, m_emptyPanel));
    edited();
}

void AnalysisOptionsForm::setSchema(const Schema &schema, bool hasDataset)
{
    m_hasDataset = hasDataset;
    // Keep the user's choices for columns the new schema still has.
    const AnalysisOptions before = options();
    m_schema = schema;
    const QSignalBlocker blockKeys(m_groupBy);
    m_groupBy->clear();
    m_aggColumn->clear();
    const QString wordBefore = m_wordColumn->currentText();
    m_wordColumn->blockSignals(true);
    m_wordColumn->clear();
    m_wordColumn->addItem(tr("(whole lines)"), QString());
    for (const Column &c : schema.columns) {
        auto *item = new QListWidgetItem(c.name + QStringLiteral("  (") + columnTypeName(c.type) +
                                         QLatin1Char(')'));
        item->setData(Qt::UserRole, c.name);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(before.groupBy.contains(c.name) ? Qt::Checked : Qt::Unchecked);
        m_groupBy->addItem(item);
        if (c.type == ColumnType::Int64 || c.type == ColumnType::Double ||
            c.type == ColumnType::Bool)
            m_aggColumn->addItem(c.name);
        if (c.type == ColumnType::String) m_wordColumn->addItem(c.name, c.name);
    }
    const int word = m_wordColumn->findData(wordBefore);
    m_wordColumn->setCurrentIndex(qMax(0, word));
    m_wordColumn->blockSignals(false);
    edited();
}

AnalysisOptions AnalysisOptionsForm::options() const
{
    AnalysisOptions o;
    for (int i = 0; i < m_groupBy->count(); ++i)
        if (m_groupBy->item(i)->checkState() == Qt::Checked)
            o.groupBy << m_groupBy->item(i)->data(Qt::UserRole).toString();
    for (int i = 0; i < m_aggregates->count(); ++i)
        o.aggregates << m_aggregates->item(i)->text();
    o.where = m_where->text().trimmed();
    o.column = m_wordColumn->currentData().toString();
    o.top = m_top->value();
    if (m_analysis == QLatin1String("filter")) o.outputPath = m_filterOutput->text().trimmed();
    if (m_analysis == QLatin1String("convert")) o.outputPath = m_convertOutput->text().trimmed();
    o.synthetic.tasks = m_synTasks->value();
    o.synthetic.duration = m_synDuration->currentText();
    o.synthetic.meanMs = m_synMean->value();
    o.synthetic.cpuBound = m_synCpu->isChecked();
    o.synthetic.failRate = m_synFail->value();
    std::int64_t memory = 0;
    if (parseByteSize(m_synMemory->text().trimmed(), &memory)) o.synthetic.memoryPerTask = memory;
    o.synthetic.seed = std::uint64_t(m_synSeed->value());
    return o;
}

QString AnalysisOptionsForm::check() const
{
    if (m_analysis.isEmpty()) return tr("Choose an analysis.");
    std::int64_t memory = 0;
    if (m_analysis == QLatin1String("synthetic") &&
        !parseByteSize(m_synMemory->text().trimmed(), &memory))
        return tr("Memory per task: \"%1\" is not a size such as 64MiB.").arg(m_synMemory->text());
    // What is missing, said in terms of this form (the engine's messages name CLI options).
    const AnalysisOptions o = options();
    if (m_analysis == QLatin1String("groupby") && o.groupBy.isEmpty())
        return tr("Tick one or more Group by columns.");
    if (m_analysis == QLatin1String("filter") && o.where.trimmed().isEmpty())
        return tr("Type a filter expression, such as temp > 20.");
    if (m_analysis == QLatin1String("convert") && o.outputPath.isEmpty())
        return tr("Choose the file to write to.");
    QString error;
    std::unique_ptr<Analysis> analysis = createAnalysis(m_analysis, o, &error);
    if (!analysis) return error.isEmpty() ? tr("Unknown analysis %1.").arg(m_analysis) : error;
    if (analysis->needsDataset() && !m_hasDataset)
        return tr("Open a dataset for %1.").arg(m_analysis);
    if (!analysis->prepare(analysis->needsDataset() ? m_schema : Schema{}, &error))
        return error.isEmpty() ? tr("The options do not fit the dataset.") : error;
    return {};
}

void AnalysisOptionsForm::edited()
{
    m_checkTimer->start();
    Q_EMIT changed();
}

void AnalysisOptionsForm::runCheck()
{
    m_lastCheck = check();
    const bool ok = m_lastCheck.isEmpty();
    m_status->setText(ok ? tr("✓ Options are valid.") : QStringLiteral("✗ ") + m_lastCheck);
    m_status->setStyleSheet(ok ? okTextStyle() : errorTextStyle());
    Q_EMIT checked(ok, m_lastCheck);
}

} // namespace sf::ui
