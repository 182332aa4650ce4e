// Opening a dataset the same way for every command: Ctrl-C stops the indexing, and the
// message always names the file.
#include "cliio.h"
#include "clitext.h"
#include "commands.h"
#include "interruptguard.h"

#include <QThread>

namespace sf::cli {

std::shared_ptr<const DataSource> openDataset(const QString &path, const SourceOptions &options,
                                              int *exitCode, int threads) {
    OpenControl control;
    control.cancel = InterruptGuard::flag();
    control.threads = threads > 0 ? threads : QThread::idealThreadCount();
    QString error;
    std::shared_ptr<const DataSource> source = openDataSource(path, options, control, &error);
    if (source) return source;
    if (InterruptGuard::interrupted()) {
        *exitCode = fail(ExitInterrupted, Cli::tr("interrupted while reading %1").arg(path));
        return nullptr;
    }
    if (error.isEmpty()) error = Cli::tr("cannot be read");
    if (!error.contains(path)) error = path + QStringLiteral(": ") + error;
    *exitCode = fail(ExitInput, error);
    return nullptr;
}

} // namespace sf::cli
