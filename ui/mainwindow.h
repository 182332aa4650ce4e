#pragma once
// The workbench frame: a tab of pages (Dataset, Run setup, Live run, Results, Sweep,
// History), the menus, toolbar and status bar, and the RunSession and HistoryService they
// share. Pages wire their own widgets; the
// frame only routes between them and restores the window layout.
#include <QMainWindow>
#include <memory>

class QAction;
class QLabel;
class QMenu;
class QTabWidget;

namespace sf::ui {

class DatasetPage;
class HistoryPage;
class HistoryService;
class LiveRunPage;
class ResultsPage;
class RunSession;
class RunSetupPage;
class SweepPage;
struct FinishedRun;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum Page {
        DatasetTab,
        RunSetupTab,
        LiveRunTab,
        ResultsTab,
        SweepTab,
        HistoryTab
    };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void openDataset(const QString &path);
    // Starts a run as soon as `path` has opened (command line --run).
    void runWhenLoaded(const QString &path);
    bool startRun(); // F5: false (reason on the Run setup page) when the setup is invalid

    DatasetPage *datasetPage() const { return m_dataset; }
    RunSetupPage *runSetupPage() const { return m_setup; }
    LiveRunPage *liveRunPage() const { return m_live; }
    ResultsPage *resultsPage() const { return m_results; }
    SweepPage *sweepPage() const { return m_sweep; }
    HistoryPage *historyPage() const { return m_historyPage; }
    HistoryService *historyService() const { return m_history; }
    RunSession *session() const { return m_session; }
    QTabWidget *pages() const { return m_pages; }
    QAction *runAction() const { return m_runAction; }
    QAction *pauseAction() const { return m_pauseAction; }
    QAction *cancelAction() const { return m_cancelAction; }
    QAction *preferencesAction() const { return m_preferencesAction; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    void rebuildRecentMenu();
    void onRunStarted();
    void onRunFinished();
    void askWorkers();
    void showPreferences();
    void setPaused(bool paused);
    void updateRunActions();

    RunSession *m_session;
    HistoryService *m_history;
    QTabWidget *m_pages;
    DatasetPage *m_dataset;
    RunSetupPage *m_setup;
    LiveRunPage *m_live;
    ResultsPage *m_results;
    SweepPage *m_sweep;
    HistoryPage *m_historyPage;
    QLabel *m_runStatus;
    QMenu *m_recentMenu = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_runAction = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_workersAction = nullptr;
    QAction *m_preferencesAction = nullptr;
    QAction *m_quitAction = nullptr;
    QString m_runWhenLoaded;
    int m_runNumber = 0;
};

} // namespace sf::ui
