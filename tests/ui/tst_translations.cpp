// Translations: the build's freshly lupdated copy of every .ts has a finished Chinese text for
// each message the sources use (and none the sources dropped), and the real widgets show
// Chinese once the zh_CN catalogue is installed.
#include "mainwindow.h"
#include "runsetuppage.h"
#include "settingsdialog.h"
#include "translations.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QXmlStreamReader>

using namespace sf::ui;
using sf::i18n::Translations;

namespace {

// One problem of a catalogue, named by where the source text is ("ui/mainwindow.cpp:42").
struct Gap {
    QString where;
    QString context;
    QString source;
    bool stale = false; // in the .ts, but no source uses it any more
};

// Reads a .ts written by lupdate with -locations absolute; `tsDir` resolves its file names.
QList<Gap> catalogueGaps(const QByteArray &ts, const QString &tsDir, int *messages)
{
    QList<Gap> gaps;
    QXmlStreamReader xml(ts);
    QString context;
    Gap current;
    QString type;
    bool translated = false;
    *messages = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("context")) {
                context.clear();
            } else if (name == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                current = Gap{};
                current.context = context;
                type.clear();
                translated = false;
            } else if (name == QLatin1String("location") && current.where.isEmpty()) {
                const QString file = xml.attributes().value(QLatin1String("filename")).toString();
                current.where = QDir::cleanPath(QDir(tsDir).absoluteFilePath(file)) +
                                QLatin1Char(':') +
                                xml.attributes().value(QLatin1String("line")).toString();
            } else if (name == QLatin1String("source")) {
                current.source = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                type = xml.attributes().value(QLatin1String("type")).toString();
                // Plural messages hold their forms in <numerusform>; every one must be set.
                bool allForms = true;
                bool anyForm = false;
                QString direct;
                while (!(xml.isEndElement() && xml.name() == QLatin1String("translation")) &&
                       !xml.atEnd()) {
                    xml.readNext();
                    if (xml.isCharacters()) direct += xml.text();
                    if (xml.isStartElement() && xml.name() == QLatin1String("numerusform")) {
                        anyForm = true;
                        allForms = allForms && !xml.readElementText().trimmed().isEmpty();
                    }
                }
                translated = anyForm ? allForms : !direct.trimmed().isEmpty();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            ++*messages;
            current.stale = type == QLatin1String("vanished") || type == QLatin1String("obsolete");
            if (current.stale || type == QLatin1String("unfinished") || !translated)
                gaps.append(current);
        }
    }
    if (xml.hasError()) gaps.append({QStringLiteral("(xml)"), QString(), xml.errorString(), false});
    return gaps;
}

QString describe(const QList<Gap> &gaps)
{
    QStringList lines;
    for (const Gap &g : gaps)
        lines << QStringLiteral("  %1: [%2] \"%3\"%4")
                     .arg(g.where.isEmpty() ? QStringLiteral("(no location)") : g.where, g.context,
                          g.source,
                          g.stale ? QStringLiteral(" — no longer in the sources") : QString());
    return lines.join(QLatin1Char('\n'));
}

QStringList menuTitles(const MainWindow &window)
{
    QStringList titles;
    for (const QAction *a : window.menuBar()->actions())
        titles << a->text();
    return titles;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void everyMessageIsTranslated();
    void checkerFindsGaps();
    void languageResolution();
    void widgetsShowChinese();
    void englishIsTheSource();
};

void TestTranslations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("SuperflowTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_translations"));
}

void TestTranslations::cleanup()
{
    Translations::install(qApp, QStringLiteral("en"), false);
}

void TestTranslations::everyMessageIsTranslated()
{
    const QStringList files = QString::fromUtf8(SF_I18N_CHECK_TS).split(QLatin1Char(';'));
    QVERIFY(!files.isEmpty());
    for (const QString &path : files) {
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        int messages = 0;
        const QList<Gap> gaps =
            catalogueGaps(file.readAll(), QFileInfo(path).absolutePath(), &messages);
        // The workbench and the CLI have hundreds of texts; a tiny count means lupdate saw no
        // sources.
        QVERIFY2(messages > 400,
                 qPrintable(QStringLiteral("%1: %2 messages").arg(path).arg(messages)));
        QVERIFY2(gaps.isEmpty(),
                 qPrintable(QStringLiteral("%1 of %2 messages need work in %3 (build target "
                                           "update_translations, then translate; see README):\n%4")
                                .arg(gaps.size())
                                .arg(messages)
                                .arg(QFileInfo(path).fileName(), describe(gaps))));
    }
}

void TestTranslations::checkerFindsGaps()
{
    const QByteArray ts = R"(<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>sf::ui::Demo</name>
    <message>
        <location filename="../ui/demo.cpp" line="12"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../ui/demo.cpp" line="20"/>
        <source>New text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gone</source>
        <translation type="vanished">已删除</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/demo.cpp" line="31"/>
        <source>%n file(s)</source>
        <translation><numerusform></numerusform></translation>
    </message>
</context>
</TS>
)";
    int messages = 0;
    const QList<Gap> gaps = catalogueGaps(ts, QStringLiteral("/src/build"), &messages);
    QCOMPARE(messages, 4);
    QCOMPARE(gaps.size(), 3);
    QCOMPARE(gaps[0].where, QStringLiteral("/src/ui/demo.cpp:20"));
    QCOMPARE(gaps[0].source, QStringLiteral("New text"));
    QCOMPARE(gaps[0].context, QStringLiteral("sf::ui::Demo"));
    QVERIFY(!gaps[0].stale);
    QCOMPARE(gaps[1].source, QStringLiteral("Gone"));
    QVERIFY(gaps[1].stale);
    QCOMPARE(gaps[2].where, QStringLiteral("/src/ui/demo.cpp:31"));
    QVERIFY(describe(gaps).contains(
        QStringLiteral("/src/ui/demo.cpp:20: [sf::ui::Demo] \"New text\"")));
}

void TestTranslations::languageResolution()
{
    QCOMPARE(Translations::available(), QStringList{QStringLiteral("zh_CN")});
    QCOMPARE(Translations::resolve(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    QCOMPARE(Translations::resolve(QStringLiteral("zh-Hans-CN")), QStringLiteral("zh_CN"));
    QCOMPARE(Translations::resolve(QStringLiteral("zh_SG")), QStringLiteral("zh_CN"));
    // Traditional Chinese readers get English rather than the Simplified catalogue.
    QCOMPARE(Translations::resolve(QStringLiteral("zh_TW")), QStringLiteral("en"));
    QCOMPARE(Translations::resolve(QStringLiteral("de_DE")), QStringLiteral("en"));
    QCOMPARE(Translations::resolve(QStringLiteral("en")), QStringLiteral("en"));
    QCOMPARE(Translations::nativeName(QStringLiteral("zh_CN")), QStringLiteral("简体中文"));
    QCOMPARE(Translations::nativeName(QStringLiteral("en")), QStringLiteral("English"));
}

void TestTranslations::widgetsShowChinese()
{
    QCOMPARE(Translations::install(qApp, QStringLiteral("zh_CN"), false), QStringLiteral("zh_CN"));
    MainWindow window;
    QCOMPARE(menuTitles(window),
             (QStringList{QStringLiteral("文件(&F)"), QStringLiteral("运行(&R)"),
                          QStringLiteral("工具(&T)"), QStringLiteral("视图(&V)"),
                          QStringLiteral("帮助(&H)")}));
    QCOMPARE(window.pages()->tabText(MainWindow::DatasetTab), QStringLiteral("数据集"));
    QCOMPARE(window.pages()->tabText(MainWindow::RunSetupTab), QStringLiteral("运行设置"));
    QCOMPARE(window.pages()->tabText(MainWindow::ResultsTab), QStringLiteral("结果"));
    QCOMPARE(window.preferencesAction()->text(), QStringLiteral("首选项(&P)…"));
    // A label on the Run setup page, and an analysis description from the engine's registry.
    bool sawChineseLabel = false;
    for (const QLabel *label : window.runSetupPage()->findChildren<QLabel *>())
        sawChineseLabel = sawChineseLabel || label->text().contains(QStringLiteral("逐列统计"));
    QVERIFY(sawChineseLabel);

    SettingsDialog dialog;
    QCOMPARE(dialog.windowTitle(), QStringLiteral("首选项"));
    const QStringList boxes = [&] {
        QStringList titles;
        for (const QWidget *w : dialog.findChildren<QWidget *>())
            if (w->inherits("QGroupBox")) titles << w->property("title").toString();
        return titles;
    }();
    QCOMPARE(boxes, (QStringList{QStringLiteral("外观"), QStringLiteral("运行默认值"),
                                 QStringLiteral("运行历史")}));
}

void TestTranslations::englishIsTheSource()
{
    QCOMPARE(Translations::install(qApp, QStringLiteral("en"), false), QStringLiteral("en"));
    MainWindow window;
    QCOMPARE(menuTitles(window).first(), QStringLiteral("&File"));
    QCOMPARE(window.pages()->tabText(MainWindow::RunSetupTab), QStringLiteral("Run setup"));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
