#include "mainwindow.h"

#include "datasetpage.h"
#include "exportactions.h"
#include "finishedrun.h"
#include "historypage.h"
#include "historyservice.h"
#include "liverunpage.h"
#include "recentmenu.h"
#include "resultspage.h"
#include "runsession.h"
#include "runsetuppage.h"
#include "settings.h"
#include "settingsdialog.h"
#include "superflow/version.h"
#include "sweeppage.h"
#include "workbenchicon.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>
#include <QTabWidget>
#include <QThread>
#include <QTime>
#include <QToolBar>

namespace sf::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_session(new RunSession(this))
    , m_history(new HistoryService(this))
    , m_pages(new QTabWidget)
    , m_dataset(new DatasetPage)
    , m_setup(new RunSetupPage)
    , m_live(new LiveRunPage)
    , m_results(new ResultsPage)
    , m_sweep(new SweepPage)
    , m_historyPage(new HistoryPage(m_history))
    , m_runStatus(new QLabel)
{
    setWindowTitle(QStringLiteral("Superflow"));
    setWindowIcon(applicationIcon());
    setAcceptDrops(true);
    m_pages->setDocumentMode(true);
    m_pages->addTab(m_dataset, tr("Dataset"));
    m_pages->addTab(m_setup, tr("Run setup"));
    m_pages->addTab(m_live, tr("Live run"));
    m_pages->addTab(m_results, tr("Results"));
    m_pages->addTab(m_sweep, tr("Sweep"));
    m_pages->addTab(m_historyPage, tr("History"));
    setCentralWidget(m_pages);
    m_session->setHistory(m_history);
    statusBar()->addPermanentWidget(m_runStatus);

    createActions();
    createMenus();

    connect(m_dataset, &DatasetPage::datasetsChanged, this,
            [this] { m_setup->setDatasets(m_dataset->readyDatasets()); });
    connect(m_dataset, &DatasetPage::statusMessage, this,
            [this](const QString &m) { statusBar()->showMessage(m, 5000); });
    connect(m_dataset, &DatasetPage::datasetLoaded, this, [this](const QString &path, bool ok) {
        if (ok) setWindowTitle(tr("Superflow — %1").arg(QFileInfo(path).fileName()));
        if (m_runWhenLoaded.isEmpty() || QFileInfo(path) != QFileInfo(m_runWhenLoaded)) return;
        m_runWhenLoaded.clear();
        if (!ok) return;
        m_setup->selectDataset(path);
        startRun();
    });
    connect(m_setup, &RunSetupPage::runRequested, this, &MainWindow::startRun);
    m_sweep->setJobProvider(
        [this](SweepJob *job, QString *error) { return m_setup->buildSweepJob(job, error); });
    connect(m_sweep, &SweepPage::applyRequested, this, [this](const SweepSetting &s) {
        if (s.chunk > 0)
            m_setup->setChunk(s.chunkBytes ? PartitionSpec::Unit::Bytes : PartitionSpec::Unit::Rows,
                              s.chunk);
        m_setup->setWorkers(s.workers);
        m_setup->setPolicy(s.policy);
        m_pages->setCurrentWidget(m_setup);
        statusBar()->showMessage(tr("Run setup now uses %1").arg(s.describe()), 8000);
    });
    connect(m_history, &HistoryService::problem, this,
            [this](const QString &m) { statusBar()->showMessage(m, 10000); });

    connect(m_session, &RunSession::started, this, &MainWindow::onRunStarted);
    connect(m_session, &RunSession::snapshotReady, m_live, &LiveRunPage::applySnapshot);
    connect(m_session, &RunSession::snapshotReady, this, [this](const RunSnapshot &s) {
        const RunSummary &r = s.summary;
        m_runStatus->setText(tr("%1 · %2% · %3/%4 tasks · %5 rows/s%6")
                                 .arg(r.paused ? tr("Paused") : tr("Running"))
                                 .arg(r.progress * 100.0, 0, 'f', 0)
                                 .arg(r.tasksDone)
                                 .arg(r.tasksTotal)
                                 .arg(QLocale().toString(r.rowsPerSec, 'f', 0))
                                 .arg(r.etaMs >= 0
                                          ? tr(" · ETA %1 s").arg(r.etaMs / 1000.0, 0, 'f', 1)
                                          : QString()));
    });
    connect(m_session, &RunSession::finished, this, &MainWindow::onRunFinished);
    connect(m_live, &LiveRunPage::pauseRequested, this, [this] { setPaused(true); });
    connect(m_live, &LiveRunPage::resumeRequested, this, [this] { setPaused(false); });
    connect(m_live, &LiveRunPage::cancelRequested, m_session, &RunSession::cancel);
    connect(m_live, &LiveRunPage::workersChanged, m_session, &RunSession::setWorkers);
    connect(m_live, &LiveRunPage::chartExported, this, [this](const QString &path) {
        statusBar()->showMessage(tr("Wrote %1").arg(path), 8000);
    });
    connect(m_results->exportActions(), &ExportActions::exportStarted, this,
            [this](const QString &path) { statusBar()->showMessage(tr("Writing %1…").arg(path)); });
    connect(
        m_results->exportActions(), &ExportActions::exported, this,
        [this](const QString &path) { statusBar()->showMessage(tr("Wrote %1").arg(path), 8000); });
    connect(m_results->exportActions(), &ExportActions::exportFailed, this,
            [this](const QString &message) {
                QMessageBox::warning(this, tr("Export failed"), message);
            });

    resize(1400, 900);
    restoreGeometry(Settings::windowGeometry());
    restoreState(Settings::windowState());
    updateRunActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_openAction = new QAction(themedIcon("document-open", QStyle::SP_DialogOpenButton),
                               tr("&Open dataset…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, m_dataset, &DatasetPage::showOpenDialog);
    m_runAction =
        new QAction(themedIcon("media-playback-start", QStyle::SP_MediaPlay), tr("&Run"), this);
    m_runAction->setShortcut(QKeySequence(Qt::Key_F5));
    connect(m_runAction, &QAction::triggered, this, &MainWindow::startRun);
    m_pauseAction =
        new QAction(themedIcon("media-playback-pause", QStyle::SP_MediaPause), tr("&Pause"), this);
    m_pauseAction->setShortcut(QKeySequence(Qt::Key_F6));
    m_pauseAction->setCheckable(true);
    connect(m_pauseAction, &QAction::triggered, this, &MainWindow::setPaused);
    m_cancelAction =
        new QAction(themedIcon("process-stop", QStyle::SP_BrowserStop), tr("&Cancel run"), this);
    m_cancelAction->setShortcut(QKeySequence(Qt::Key_Escape));
    connect(m_cancelAction, &QAction::triggered, m_session, &RunSession::cancel);
    m_workersAction = new QAction(tr("&Workers…"), this);
    connect(m_workersAction, &QAction::triggered, this, &MainWindow::askWorkers);
    m_preferencesAction = new QAction(QIcon::fromTheme(QStringLiteral("preferences-system")),
                                      tr("&Preferences…"), this);
    m_preferencesAction->setObjectName(QStringLiteral("preferencesAction"));
    m_preferencesAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+,")));
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);
    connect(m_preferencesAction, &QAction::triggered, this, &MainWindow::showPreferences);
    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::createMenus()
{
    ExportActions *exports = m_results->exportActions();
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    file->addSeparator();
    QMenu *exportMenu = file->addMenu(tr("&Export"));
    exportMenu->addActions({exports->resultAction(), exports->timingsAction(),
                            exports->traceAction(), exports->rejectsAction()});
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *run = menuBar()->addMenu(tr("&Run"));
    run->addActions({m_runAction, m_pauseAction, m_cancelAction});
    run->addSeparator();
    run->addAction(m_workersAction);

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    tools->addAction(m_preferencesAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    const QStringList names = {tr("Dataset"), tr("Run setup"), tr("Live run"),
                               tr("Results"), tr("Sweep"),     tr("History")};
    for (int i = 0; i < names.size(); ++i) {
        QAction *a = view->addAction(names[i], this, [this, i] { m_pages->setCurrentIndex(i); });
        a->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)));
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Superflow"), this, [this] {
        QMessageBox::about(this, tr("About Superflow"),
                           tr("<b>Superflow %1</b><p>A workbench for partitioned, parallel data "
                              "analysis: partition, schedule, execute, monitor.</p>")
                               .arg(QStringLiteral(SUPERFLOW_VERSION)));
    });

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_openAction);
    bar->addSeparator();
    bar->addActions({m_runAction, m_pauseAction, m_cancelAction});
    bar->addSeparator();
    bar->addAction(exports->resultAction());
}

void MainWindow::rebuildRecentMenu()
{
    fillRecentMenu(m_recentMenu, [this](const QString &path) { openDataset(path); });
}

void MainWindow::openDataset(const QString &path)
{
    m_pages->setCurrentWidget(m_dataset);
    m_dataset->openDataset(path);
}

void MainWindow::runWhenLoaded(const QString &path)
{
    m_runWhenLoaded = QFileInfo(path).absoluteFilePath();
}

bool MainWindow::startRun()
{
    if (m_session->isRunning()) {
        statusBar()->showMessage(tr("A run is in progress; cancel it first (Esc)."), 5000);
        return false;
    }
    QString error;
    std::unique_ptr<Run> run = m_setup->createRun(&error);
    if (!run) {
        m_pages->setCurrentWidget(m_setup);
        statusBar()->showMessage(error, 8000);
        return false;
    }
    m_session->start(std::move(run));
    return true;
}

void MainWindow::onRunStarted()
{
    ++m_runNumber;
    const Run *run = m_session->run();
    QStringList names;
    for (int i = 0; i < run->jobCount(); ++i)
        names << run->job(i).name;
    const int workers =
        run->options().workers > 0 ? run->options().workers : QThread::idealThreadCount();
    m_live->reset(names, workers);
    m_pauseAction->setChecked(false);
    m_pages->setCurrentWidget(m_live);
    updateRunActions();
}

void MainWindow::onRunFinished()
{
    const Run *run = m_session->run();
    auto finished = std::make_shared<FinishedRun>(FinishedRun::capture(
        *run, tr("run %1 — %2")
                  .arg(m_runNumber)
                  .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")))));
    QList<RejectedRecord> rejects;
    for (const JobOutcome &o : finished->outcomes)
        rejects += o.rejects;
    m_live->runFinished();
    m_live->setRejects(rejects);
    m_results->setRun(finished);
    const RunSummary &s = finished->summary;
    m_runStatus->setText(tr("%1 · %2 tasks · %3 failed · %4 s")
                             .arg(s.cancelled ? tr("Cancelled") : tr("Finished"))
                             .arg(s.tasksDone)
                             .arg(s.tasksFailed)
                             .arg(s.elapsedMs / 1000.0, 0, 'f', 2));
    m_pages->setCurrentWidget(m_results);
    updateRunActions();
}

void MainWindow::setPaused(bool paused)
{
    paused ? m_session->pause() : m_session->resume();
    m_pauseAction->setChecked(paused && m_session->isRunning());
}

void MainWindow::askWorkers()
{
    const int cores = qMax(1, QThread::idealThreadCount());
    const int current = m_session->isRunning() ? m_session->lastSummary().workers : cores;
    bool ok = false;
    const int n =
        QInputDialog::getInt(this, tr("Workers"), tr("Worker threads (1 … %1):").arg(4 * cores),
                             qMax(1, current), 1, 4 * cores, 1, &ok);
    if (!ok) return;
    m_session->setWorkers(n);
    m_setup->setWorkers(n);
}

void MainWindow::showPreferences()
{
    SettingsDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted) return;
    // New defaults reach the Run setup page now, unless a run is using it.
    m_history->setLocation(Settings::historyPath(), Settings::historyMaxRuns());
    if (m_session->isRunning()) return;
    m_setup->applyDefaults();
}

void MainWindow::updateRunActions()
{
    const bool running = m_session->isRunning();
    m_runAction->setEnabled(!running);
    m_pauseAction->setEnabled(running);
    m_cancelAction->setEnabled(running);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    Settings::setWindowLayout(saveGeometry(), saveState());
    m_session->cancel();
    m_sweep->cancelSweep();
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile()) {
            event->acceptProposedAction();
            return;
        }
    }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile()) openDataset(url.toLocalFile());
    event->acceptProposedAction();
}

} // namespace sf::ui
