// Preferences dialog: every field round-trips through QSettings, invalid chunk sizes keep OK
// disabled, the theme applies at once (and Cancel undoes it), and the Run setup page starts
// from the stored defaults.
#include "runsetuppage.h"
#include "settings.h"
#include "settingsdialog.h"
#include "theme.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyle>
#include <QTest>
#include <QThread>

using namespace sf;
using namespace sf::ui;

namespace {

template <class T> T *field(const QWidget &parent, const char *name)
{
    T *w = parent.findChild<T *>(QLatin1String(name));
    if (!w) qFatal("no field %s", name);
    return w;
}

void choose(QComboBox *box, const QVariant &data)
{
    const int i = box->findData(data);
    if (i < 0) qFatal("no item %s", qPrintable(data.toString()));
    box->setCurrentIndex(i);
}

} // namespace

class TestSettingsDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void defaults();
    void valuesPersist();
    void invalidChunkRefused();
    void themeAppliesAndCancelReverts();
    void runSetupStartsFromDefaults();
};

void TestSettingsDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("SuperflowTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_settingsdialog"));
}

void TestSettingsDialog::init()
{
    QSettings().clear();
    applyTheme(Settings::Theme::System);
}

void TestSettingsDialog::defaults()
{
    QCOMPARE(Settings::theme(), Settings::Theme::System);
    QCOMPARE(Settings::language(), QString());
    QCOMPARE(Settings::defaultWorkers(), 0);
    QCOMPARE(Settings::defaultChunkUnit(), PartitionSpec::Unit::Rows);
    QCOMPARE(Settings::defaultChunkSize(), PartitionSpec{}.size);
    QCOMPARE(Settings::historyMaxRuns(), 1000);
    QVERIFY(Settings::historyPath().endsWith(QStringLiteral("/history.sqlite")));
    QCOMPARE(Settings::historyPath(), Settings::defaultHistoryPath());

    SettingsDialog dialog;
    QCOMPARE(field<QComboBox>(dialog, "theme")->currentData().toInt(),
             int(Settings::Theme::System));
    QCOMPARE(field<QComboBox>(dialog, "language")->currentData().toString(), QString());
    QCOMPARE(field<QSpinBox>(dialog, "workers")->value(), 0);
    QVERIFY(
        field<QSpinBox>(dialog, "workers")->specialValueText().contains(QStringLiteral("core")));
    QCOMPARE(field<QLineEdit>(dialog, "chunkSize")->text(), QStringLiteral("50000"));
    QCOMPARE(field<QLineEdit>(dialog, "historyPath")->text(), QString());
    QCOMPARE(field<QLineEdit>(dialog, "historyPath")->placeholderText(),
             Settings::defaultHistoryPath());
    QCOMPARE(field<QSpinBox>(dialog, "historyMaxRuns")->value(), 1000);
}

void TestSettingsDialog::valuesPersist()
{
    {
        SettingsDialog dialog;
        choose(field<QComboBox>(dialog, "theme"), int(Settings::Theme::Dark));
        choose(field<QComboBox>(dialog, "language"), QStringLiteral("zh_CN"));
        field<QSpinBox>(dialog, "workers")->setValue(3);
        choose(field<QComboBox>(dialog, "chunkUnit"), int(PartitionSpec::Unit::Bytes));
        field<QLineEdit>(dialog, "chunkSize")->setText(QStringLiteral("8MiB"));
        field<QLineEdit>(dialog, "historyPath")->setText(QStringLiteral("/tmp/sf-runs.sqlite"));
        field<QSpinBox>(dialog, "historyMaxRuns")->setValue(250);
        QVERIFY(field<QLabel>(dialog, "languageNote")->text().contains(QStringLiteral("restart")));
        QVERIFY(dialog.save());
    }
    // Stored under the documented keys, so other parts (the run history) read the same values.
    QSettings raw;
    QCOMPARE(raw.value(QStringLiteral("appearance/theme")).toString(), QStringLiteral("dark"));
    QCOMPARE(raw.value(QStringLiteral("appearance/language")).toString(), QStringLiteral("zh_CN"));
    QCOMPARE(raw.value(QStringLiteral("run/workers")).toInt(), 3);
    QCOMPARE(raw.value(QStringLiteral("run/chunkUnit")).toString(), QStringLiteral("bytes"));
    QCOMPARE(raw.value(QStringLiteral("run/chunkSize")).toLongLong(), 8LL << 20);
    QCOMPARE(raw.value(QStringLiteral("history/path")).toString(),
             QStringLiteral("/tmp/sf-runs.sqlite"));
    QCOMPARE(raw.value(QStringLiteral("history/maxRuns")).toInt(), 250);
    QCOMPARE(Settings::historyPath(), QStringLiteral("/tmp/sf-runs.sqlite"));
    QCOMPARE(Settings::historyMaxRuns(), 250);

    // A new dialog shows what was stored.
    SettingsDialog again;
    QCOMPARE(field<QComboBox>(again, "theme")->currentData().toInt(), int(Settings::Theme::Dark));
    QCOMPARE(field<QComboBox>(again, "language")->currentData().toString(),
             QStringLiteral("zh_CN"));
    QCOMPARE(field<QSpinBox>(again, "workers")->value(), 3);
    QCOMPARE(field<QComboBox>(again, "chunkUnit")->currentData().toInt(),
             int(PartitionSpec::Unit::Bytes));
    QCOMPARE(field<QLineEdit>(again, "chunkSize")->text(), QStringLiteral("8MiB"));
    QCOMPARE(field<QSpinBox>(again, "historyMaxRuns")->value(), 250);

    // Restore defaults, saved: the history path goes back to empty (the default location).
    again.restoreDefaults();
    QVERIFY(again.save());
    QVERIFY(!raw.contains(QStringLiteral("history/path")));
    QCOMPARE(Settings::historyPath(), Settings::defaultHistoryPath());
    QCOMPARE(Settings::theme(), Settings::Theme::System);
    QCOMPARE(Settings::defaultChunkSize(), PartitionSpec{}.size);
}

void TestSettingsDialog::invalidChunkRefused()
{
    SettingsDialog dialog;
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    QVERIFY(buttons);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());
    field<QLineEdit>(dialog, "chunkSize")->setText(QStringLiteral("lots"));
    QVERIFY(!ok->isEnabled());
    QCOMPARE(dialog.validationError(),
             QStringLiteral("The chunk size must be a positive number of rows."));
    QVERIFY(field<QLabel>(dialog, "error")->isVisibleTo(&dialog));
    QVERIFY(!dialog.save());
    QVERIFY(!QSettings().contains(QStringLiteral("run/chunkSize")));
    choose(field<QComboBox>(dialog, "chunkUnit"), int(PartitionSpec::Unit::Bytes));
    field<QLineEdit>(dialog, "chunkSize")->setText(QStringLiteral("0"));
    QCOMPARE(dialog.validationError(),
             QStringLiteral("The chunk size must be a size such as 4MiB, 512k or 100000."));
    field<QLineEdit>(dialog, "chunkSize")->setText(QStringLiteral("512k"));
    QVERIFY(ok->isEnabled());
    field<QLineEdit>(dialog, "historyPath")->setText(QDir::tempPath());
    QCOMPARE(dialog.validationError(),
             QStringLiteral("The history location must be a file, not a folder."));
}

void TestSettingsDialog::themeAppliesAndCancelReverts()
{
    const QColor systemWindow = QApplication::palette().color(QPalette::Window);
    SettingsDialog dialog;
    choose(field<QComboBox>(dialog, "theme"), int(Settings::Theme::Dark));
    // Applied while the dialog is open, before OK.
    QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
    QCOMPARE(QApplication::palette().color(QPalette::Window),
             themePalette(Settings::Theme::Dark).color(QPalette::Window));
    QCOMPARE(errorTextStyle(), QStringLiteral("color: #ff8a80"));
    choose(field<QComboBox>(dialog, "theme"), int(Settings::Theme::Light));
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 200);
    dialog.reject();
    QCOMPARE(QApplication::palette().color(QPalette::Window), systemWindow);
    QCOMPARE(Settings::theme(), Settings::Theme::System);
}

void TestSettingsDialog::runSetupStartsFromDefaults()
{
    Settings::setDefaultWorkers(2);
    Settings::setDefaultChunk(PartitionSpec::Unit::Bytes, 4LL << 20);
    RunSetupPage page;
    QCOMPARE(field<QSpinBox>(page, "workers")->value(), 2);
    QCOMPARE(field<QComboBox>(page, "chunkUnit")->currentData().toInt(),
             int(PartitionSpec::Unit::Bytes));
    QCOMPARE(field<QLineEdit>(page, "chunkSize")->text(), QStringLiteral("4MiB"));
    Settings::setDefaultChunk(PartitionSpec::Unit::Rows, 1234);
    Settings::setDefaultWorkers(0);
    page.applyDefaults();
    QCOMPARE(field<QLineEdit>(page, "chunkSize")->text(), QStringLiteral("1234"));
    QCOMPARE(field<QSpinBox>(page, "workers")->value(), qMax(1, QThread::idealThreadCount()));
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
