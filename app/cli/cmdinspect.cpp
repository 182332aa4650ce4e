// `inspect DATASET`: the detected dialect and schema, the exact record count and the first
// rejected records with their line numbers. A counting run reads every record, so the answer
// covers the whole file, not a sample.
#include "cliio.h"
#include "clioptions.h"
#include "clitext.h"
#include "commands.h"
#include "countanalysis.h"
#include "export/exporters.h"
#include "interruptguard.h"
#include "jobrunner.h"
#include "runfiles.h"
#include <QFileInfo>
#include <QJsonArray>
#include <algorithm>

namespace sf::cli {

namespace {

constexpr int kShownRejects = 20;

QList<OptionDef> pick(const QList<OptionDef> &defs, const QStringList &names) {
    QList<OptionDef> out;
    for (const OptionDef &d : defs)
        if (names.contains(d.name)) out.append(d);
    return out;
}

QJsonObject rejectJson(const RejectedRecord &r) {
    QJsonObject o{{QStringLiteral("line"), qint64(r.line)},
                  {QStringLiteral("offset"), qint64(r.offset)},
                  {QStringLiteral("reason"), r.reason},
                  {QStringLiteral("raw"), QString::fromUtf8(r.raw)}};
    if (r.column > 0) o.insert(QStringLiteral("column"), qint64(r.column));
    if (r.row >= 0) o.insert(QStringLiteral("row"), qint64(r.row));
    return o;
}

QString delimiterText(char c) {
    return c == '\t' ? QStringLiteral("\\t") : QString(QLatin1Char(c));
}

} // namespace

int runInspectCommand(const QStringList &args) {
    QList<OptionDef> defs = options::input();
    defs += pick(options::badRecords(), {QStringLiteral("rejects")});
    defs +=
        pick(options::partition(), {QStringLiteral("chunk-rows"), QStringLiteral("chunk-bytes")});
    defs += pick(options::schedule(), {QStringLiteral("workers")});
    defs += pick(options::output(), {QStringLiteral("out"), QStringLiteral("progress"),
                                     QStringLiteral("no-progress"), QStringLiteral("quiet")});
    OptionParser parser(QStringLiteral("inspect"), QStringLiteral("inspect [options] DATASET"),
                        defs, 1, 1);
    QString error;
    if (!parser.parse(args, &error)) return usageError(parser, error);
    if (parser.helpRequested()) {
        printStdout(Cli::tr("Dialect, schema, row count and bad records of a dataset.") +
                    QStringLiteral("\n\n") + parser.usage());
        return ExitOk;
    }
    CliSettings settings;
    if (!readSettings(parser, &settings, &error)) return usageError(parser, error);
    if (!settings.outPath.isEmpty() &&
        QFileInfo(settings.outPath).suffix().toLower() != QLatin1String("json"))
        return usageError(parser,
                          Cli::tr("--out must end in .json, got '%1'").arg(settings.outPath));

    InterruptGuard interruptGuard;
    const QString path = parser.positional().value(0);
    int code = ExitOk;
    const std::shared_ptr<const DataSource> source = openDataset(path, settings.source, &code);
    if (!source) return code;

    auto counter = std::make_shared<CountAnalysis>();
    counter->prepare(source->schema(), &error);
    JobSpec job;
    job.name = QStringLiteral("inspect ") + QFileInfo(path).fileName();
    job.source = source;
    job.analysis = counter;
    job.partition = settings.partition;
    job.rejectPolicy = RejectPolicy{}; // inspect reports every bad record, it never stops on one
    const bool showProgress = settings.progress == ProgressMode::On ||
                              (settings.progress == ProgressMode::Auto && stderrIsTerminal());
    ProgressLine progress(stderr, showProgress, stderrIsTerminal());
    RunReport report = runJob(std::move(job), settings.run, &progress);
    if (report.interrupted && report.outcome.status != JobOutcome::Status::Done)
        return fail(ExitInterrupted, Cli::tr("interrupted"));
    if (report.outcome.status != JobOutcome::Status::Done)
        return fail(ExitInput, QStringLiteral("%1: %2").arg(path, report.outcome.error));

    // The run's rejects already hold the ones the index scan found, in file order.
    const QList<RejectedRecord> &rejects = report.outcome.rejects;
    const std::int64_t rejected = report.outcome.rejectedRows;

    const SourceInfo info = source->info();
    QJsonObject doc{
        {QStringLiteral("dataset"), path},
        {QStringLiteral("format"), sourceFormatName(info.format)},
        {QStringLiteral("header"), info.header},
        {QStringLiteral("encoding"), info.encoding},
        {QStringLiteral("bytes"), qint64(source->byteSize())},
        {QStringLiteral("rows"), qint64(std::max(report.outcome.rows, source->rowCount()))},
        {QStringLiteral("rejected_rows"), qint64(rejected)}};
    if (!info.compression.isEmpty()) doc.insert(QStringLiteral("compression"), info.compression);
    if (info.format == SourceFormat::Csv || info.format == SourceFormat::Tsv) {
        doc.insert(QStringLiteral("delimiter"), delimiterText(info.delimiter));
        doc.insert(QStringLiteral("quote"), QString(QLatin1Char(info.quote)));
        doc.insert(QStringLiteral("bom"), info.bom);
        doc.insert(QStringLiteral("line_ending"), info.lineEnding);
    }
    QJsonArray columns;
    for (const Column &c : source->schema().columns)
        columns.append(QJsonObject{{QStringLiteral("name"), c.name},
                                   {QStringLiteral("type"), columnTypeName(c.type)},
                                   {QStringLiteral("nullable"), c.nullable}});
    doc.insert(QStringLiteral("columns"), columns);
    QJsonArray shown;
    for (qsizetype i = 0; i < rejects.size() && i < kShownRejects; ++i)
        shown.append(rejectJson(rejects[i]));
    doc.insert(QStringLiteral("rejects"), shown);

    if (!writeRunFiles(report, settings, path, &error)) code = fail(ExitInput, error);
    if (!settings.outPath.isEmpty()) {
        if (!exportJson(doc, settings.outPath, &error)) return fail(ExitInput, error);
    } else {
        printJson(doc);
    }
    return code;
}

} // namespace sf::cli
