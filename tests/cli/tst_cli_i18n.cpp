// superflow-cli in Chinese: under a zh_CN locale the help, the errors and the notes are
// translated, while the machine-readable output (JSON keys and values, exit codes) is the same
// as in English.
#include "clirunner.h"
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

QProcessEnvironment localeEnvironment(const QString &locale)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LANGUAGE"), QString());
    env.insert(QStringLiteral("LC_ALL"), locale);
    env.insert(QStringLiteral("LANG"), locale);
    return env;
}

QString text(const QByteArray &utf8)
{
    return QString::fromUtf8(utf8);
}

// The result document without the one field that differs between two runs.
QJsonObject withoutTiming(QJsonObject doc)
{
    QJsonObject run = doc.value(QStringLiteral("run")).toObject();
    run.remove(QStringLiteral("wall_ms"));
    doc.insert(QStringLiteral("run"), run);
    return doc;
}

const QString kSample = QStringLiteral(SF_SAMPLES_DIR "/weather.csv");

} // namespace

class TestCliI18n : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void helpIsChinese();
    void errorsAreChinese();
    void englishLocaleIsUnchanged();
    void jsonIsTheSameInEveryLanguage();
};

void TestCliI18n::helpIsChinese()
{
    const CliResult top =
        runCli({QStringLiteral("--help")}, 30000, localeEnvironment(QStringLiteral("zh_CN.UTF-8")));
    QCOMPARE(top.exitCode, 0);
    const QString help = text(top.out);
    QVERIFY2(help.startsWith(QStringLiteral("用法： superflow-cli ANALYSIS")), qPrintable(help));
    QVERIFY(help.contains(QStringLiteral("\n命令：\n")));
    // Analysis descriptions come from the engine's registry, translated there.
    QVERIFY(help.contains(QStringLiteral("逐列统计")));
    QVERIFY(help.contains(QStringLiteral("退出码：0 完成")));

    const CliResult profile = runCli({QStringLiteral("profile"), QStringLiteral("--help")}, 30000,
                                     localeEnvironment(QStringLiteral("zh_CN.UTF-8")));
    QCOMPARE(profile.exitCode, 0);
    const QString options = text(profile.out);
    // Group headings and option help are translated; option names are not.
    QVERIFY2(options.contains(QStringLiteral("\n分区：\n")), qPrintable(options));
    QVERIFY(options.contains(QStringLiteral("  --chunk-rows N")));
    QVERIFY(options.contains(QStringLiteral("每块记录数（默认 50000）")));
}

void TestCliI18n::errorsAreChinese()
{
    const QProcessEnvironment zh = localeEnvironment(QStringLiteral("zh_CN.UTF-8"));
    const CliResult unknown = runCli({QStringLiteral("frobnicate")}, 30000, zh);
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(text(unknown.err).startsWith(QStringLiteral("superflow-cli: 未知的命令“frobnicate”")),
             unknown.err.constData());

    const CliResult badWorkers = runCli(
        {QStringLiteral("profile"), QStringLiteral("--workers"), QStringLiteral("zero"), kSample},
        30000, zh);
    QCOMPARE(badWorkers.exitCode, 2);
    QVERIFY2(text(badWorkers.err)
                 .startsWith(QStringLiteral(
                     "superflow-cli profile: --workers 需要大于等于 1 的整数，实际为“zero”")),
             badWorkers.err.constData());
}

void TestCliI18n::englishLocaleIsUnchanged()
{
    // An English system locale, and a C one, get the source texts.
    for (const QString &locale : {QStringLiteral("en_GB.UTF-8"), QStringLiteral("C.UTF-8")}) {
        const CliResult r =
            runCli({QStringLiteral("frobnicate")}, 30000, localeEnvironment(locale));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith("superflow-cli: unknown command 'frobnicate'\nusage: "),
                 r.err.constData());
    }
}

void TestCliI18n::jsonIsTheSameInEveryLanguage()
{
    const QStringList args{QStringLiteral("profile"), QStringLiteral("--workers"),
                           QStringLiteral("2"), QStringLiteral("--no-progress"), kSample};
    const CliResult en = runCli(args, 60000, localeEnvironment(QStringLiteral("C.UTF-8")));
    const CliResult zh = runCli(args, 60000, localeEnvironment(QStringLiteral("zh_CN.UTF-8")));
    QCOMPARE(en.exitCode, 0);
    QCOMPARE(zh.exitCode, 0);
    const QJsonObject enDoc = QJsonDocument::fromJson(en.out).object();
    const QJsonObject zhDoc = QJsonDocument::fromJson(zh.out).object();
    QVERIFY(enDoc.contains(QStringLiteral("columns")));
    QCOMPARE(withoutTiming(zhDoc), withoutTiming(enDoc));
}

QTEST_GUILESS_MAIN(TestCliI18n)
#include "tst_cli_i18n.moc"
