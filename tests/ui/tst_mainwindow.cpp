// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Dashboard.h"
#include "IsolatedSettings.h"
#include "MainWindow.h"
#include "RevisionSelector.h"
#include "ScratchRepository.h"
#include "Theme.h"
#include "delivery/DeliveryLoader.h"
#include "deliveryview/DeploymentDetailPanel.h"
#include "deliveryview/DeploymentsView.h"
#include "deliveryview/IncidentDetailPanel.h"
#include "deliveryview/IncidentsView.h"
#include "demo/DemoLocation.h"
#include "demo/DemoRepository.h"
#include "editorview/PipelineEditor.h"
#include "pages/DeploymentsPage.h"
#include "pages/IncidentsPage.h"
#include "pages/OverviewPage.h"
#include "pages/PipelinesPage.h"
#include "pages/SecurityPage.h"
#include "pages/WelcomePage.h"
#include "pipelineview/PipelineDocumentView.h"
#include "pipelineview/PipelineWorkspace.h"
#include "repo/RecentRepositories.h"
#include "repo/RepositoryFileModel.h"
#include "repo/RepositoryLoader.h"
#include "widgets/ActivityBars.h"
#include "widgets/KpiTile.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeView>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::ui;

// Smoke test of the whole window (offscreen): open the demo repository, visit every page, check each shows data,
// and check that bad repositories give a message instead of a crash.
class TestMainWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_demoDir;
    QString m_demo;

    // Set GATEHOUSE_SCREENSHOTS=DIR to keep a picture of every page (handy when changing the layout).
    static void snap(QWidget& window, const QString& name)
    {
        const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOTS");
        if (!dir.isEmpty())
            window.grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
    }

    static KpiTile* tile(OverviewPage* page, const QString& caption)
    {
        const QList<KpiTile*> tiles = page->tiles();
        for (KpiTile* tile : tiles) {
            if (tile->caption() == caption.toUpper())
                return tile;
        }
        return nullptr;
    }

    static void goTo(MainWindow& window, int page)
    {
        QTest::keyClick(&window, Qt::Key(Qt::Key_1 + page), Qt::ControlModifier);
        QCOMPARE(window.dashboard()->currentPage(), page);
    }

private Q_SLOTS:
    void initTestCase()
    {
        gatehouse::test::isolateSettings(QStringLiteral("mainwindow"));
        applyTheme(*qApp);
        QVERIFY(m_demoDir.isValid());
        m_demo = m_demoDir.path() + QStringLiteral("/demo");
        auto created = DemoRepository::create(m_demo);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));
    }

    void cleanupTestCase()
    {
        gatehouse::test::waitForBackgroundJobs(); // before m_demoDir removes the demo a cancelled job may still read
        gatehouse::test::removeIsolatedSettings();
    }

    void init() { QSettings().clear(); }

    void showsTheWelcomePageWithoutRepository()
    {
        MainWindow window;
        window.openInitial({});
        QVERIFY(!window.hasSnapshot());
        QVERIFY(!window.isLoading());
        QCOMPARE(window.centralWidget()->findChild<WelcomePage*>()->isHidden(), false);
        QVERIFY(window.welcomePage()->findChild<QPushButton*>(QStringLiteral("demoButton")));
    }

    void welcomePageOpensTheDemo()
    {
        // QStandardPaths' test mode keeps this demo away from the user's cache.
        MainWindow window;
        window.show();
        auto* button = window.welcomePage()->findChild<QPushButton*>(QStringLiteral("demoButton"));
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window.hasSnapshot(), 120000);
        QCOMPARE(window.snapshot().path, demoRepositoryPath());
        QVERIFY(window.snapshot().deployTags.size() >= 10);
        QSettings settings;
        QCOMPARE(RecentRepositories(settings).last(), demoRepositoryPath());
    }

    void visitsEveryPageOfTheDemo()
    {
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        window.openRepository(m_demo);
        QTRY_VERIFY_WITH_TIMEOUT(window.hasSnapshot(), 60000);
        const RepositorySnapshot s = window.snapshot(); // a copy: the selector test below replaces it
        QVERIFY(window.lastError().isEmpty());
        QCOMPARE(window.findChild<QLabel*>(QStringLiteral("statusBranch"))->text(), QStringLiteral("Branch: main"));
        QVERIFY(window.findChild<QLabel*>(QStringLiteral("statusHead"))->text().contains(s.head.commit.shortString()));

        // Overview: the area tiles and the scorecard arrive from a background job (tst_overviewpage checks their
        // figures); the weekly activity comes with the snapshot.
        goTo(window, Dashboard::Overview);
        OverviewPage* overview = window.dashboard()->overviewPage();
        QCOMPARE(overview->tiles().size(), 5);
        QTRY_VERIFY_WITH_TIMEOUT(overview->summary().has_value(), 60000);
        QCOMPARE(overview->summary()->report.factors.size(), 12);
        QVERIFY(tile(overview, QStringLiteral("Last incident"))->value() != QStringLiteral("0"));
        QCOMPARE(overview->activityBars()->weeks().size(), qMin<qsizetype>(12, s.weeks.size()));
        snap(window, QStringLiteral("overview"));

        // A run metric's link opens the Runs tab of the Pipelines page.
        window.dashboard()->navigate(scorecard::SourceLink::toPage(QStringLiteral("runs")));
        QCOMPARE(window.dashboard()->currentPage(), int(Dashboard::Pipelines));
        PipelinesPage* pipelines = window.dashboard()->pipelinesPage();
        QCOMPARE(pipelines->tabs()->currentWidget()->objectName(), QStringLiteral("runsHolder"));
        pipelines->tabs()->setCurrentIndex(0);

        // Pipelines: the files, and the selected one's text read in the background.
        goTo(window, Dashboard::Pipelines);
        QVERIFY(s.pipelineFiles.size() >= 2);
        QCOMPARE(pipelines->fileView()->model()->rowCount(), int(s.pipelineFiles.size()));
        // The selected file opens in the pipeline workspace's editor.
        QTRY_VERIFY_WITH_TIMEOUT(!pipelines->currentPath().isEmpty(), 10000);
        QVERIFY(pipelines->workspace());
        QTRY_VERIFY_WITH_TIMEOUT(pipelines->workspace()->currentDocument(), 10000);
        const QString text = pipelines->workspace()->currentDocument()->editor()->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("jobs:")) || text.contains(QStringLiteral("stages:")),
                 qPrintable(text.left(200)));
        snap(window, QStringLiteral("pipelines"));
        // A reload (after a save or a commit from the workspace) keeps the user on the file they were editing.
        QTreeView* files = pipelines->fileView();
        const int last = files->model()->rowCount() - 1;
        files->setCurrentIndex(files->model()->index(last, 0));
        const QString chosen = files->model()->index(last, 0).data(RepositoryFileModel::PathRole).toString();
        QTRY_COMPARE_WITH_TIMEOUT(pipelines->currentPath(), chosen, 10000);
        pipelines->setSnapshot(s);
        QCOMPARE(pipelines->currentPath(), chosen);
        QCOMPARE(pipelines->workspace()->currentDocument()->relativePath(), chosen);

        // Security: report files and the scans per commit (demo has weekly reports and scan notes).
        goTo(window, Dashboard::Security);
        SecurityPage* security = window.dashboard()->securityPage();
        QVERIFY(s.reportFiles.size() >= 3);
        QCOMPARE(security->reportView()->model()->rowCount(), int(s.reportFiles.size()));
        QVERIFY(s.scanCommits.size() >= 12);
        QCOMPARE(security->scanView()->model()->rowCount(), int(s.scanCommits.size()));
        QVERIFY(security->reportsEmptyState()->isHidden());
        snap(window, QStringLiteral("security"));

        // Deployments: every deployment of the delivery analysis, with the DORA tiles and strategy cards.
        goTo(window, Dashboard::Deployments);
        delivery::DeliveryLoader* loader = window.dashboard()->deliveryLoader();
        QTRY_VERIFY_WITH_TIMEOUT(loader->hasResult() && !loader->isLoading(), 60000);
        const delivery::DeliverySnapshot& delivery = loader->result().delivery;
        DeploymentsView* deployments = window.dashboard()->deploymentsPage()->view();
        QVERIFY(delivery.history.deployments.size() >= 10);
        QCOMPARE(deployments->table()->model()->rowCount(), int(delivery.history.deployments.size()));
        QVERIFY(deployments->emptyState()->isHidden());
        QTRY_VERIFY_WITH_TIMEOUT(deployments->detail()->detail().has_value(), 30000);
        snap(window, QStringLiteral("deployments"));

        // Incidents: the newest first, its postmortem in the detail.
        goTo(window, Dashboard::Incidents);
        IncidentsView* incidents = window.dashboard()->incidentsPage()->view();
        QVERIFY(delivery.incidents.size() >= 2);
        QCOMPARE(incidents->table()->model()->rowCount(), int(delivery.incidents.size()));
        const QString newest = incidents->table()->currentIndex().siblingAtColumn(1).data().toString();
        QVERIFY(!newest.isEmpty());
        QCOMPARE(incidents->detail()->titleLabel()->text(), newest);
        QVERIFY(!incidents->detail()->postmortem()->document()->isEmpty());
        snap(window, QStringLiteral("incidents"));

        // Another revision through the selector: an older tag, files from the commit instead of the work tree.
        RevisionSelector* selector = window.revisionSelector();
        const QString tag = s.deployTags.last().tag;
        selector->lineEdit()->setText(tag);
        QTest::keyClick(selector->lineEdit(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!window.snapshot().workTree, 60000);
        QCOMPARE(window.snapshot().revision, tag);
        QCOMPARE(window.snapshot().commit, s.deployTags.last().commit);
        QVERIFY(window.snapshot().commitsWalked < s.commitsWalked);
    }

    void reportsWhatIsMissing()
    {
        test::ScratchRepository scratch;
        scratch.commit(QStringLiteral("feat: start"), {{QStringLiteral("README.md"), "hello\n"}});
        MainWindow window;
        window.openRepository(scratch.path(), QStringLiteral("HEAD"));
        QTRY_VERIFY_WITH_TIMEOUT(window.hasSnapshot(), 30000);
        SecurityPage* security = window.dashboard()->securityPage();
        QVERIFY(!security->reportsEmptyState()->isHidden());
        QVERIFY(security->reportsEmptyState()->text().contains(QStringLiteral("No scan reports found under")));
        QVERIFY(!window.dashboard()->findChild<QLabel*>(QStringLiteral("pipelinesEmpty"))->isHidden());
        QTRY_VERIFY_WITH_TIMEOUT(window.dashboard()->deliveryLoader()->hasResult(), 30000);
        QVERIFY(!window.dashboard()->findChild<QLabel*>(QStringLiteral("deploymentsEmpty"))->isHidden());
        QVERIFY(window.dashboard()
                    ->findChild<QLabel*>(QStringLiteral("deploymentsEmpty"))
                    ->text()
                    .contains(QStringLiteral("No deployment tags")));
        QVERIFY(!window.dashboard()->findChild<QLabel*>(QStringLiteral("incidentsEmpty"))->isHidden());
    }

    void badRepositoriesGiveAMessage_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not a repository") << QStringLiteral("plain") << QStringLiteral("not inside a git repository");
        QTest::newRow("missing") << QStringLiteral("missing") << QStringLiteral("does not exist");
        QTest::newRow("no commits") << QStringLiteral("empty") << QStringLiteral("no commits yet");
        QTest::newRow("corrupt") << QStringLiteral("corrupt") << QStringLiteral("Cannot open");
    }

    void badRepositoriesGiveAMessage()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        QTemporaryDir plain;
        test::ScratchRepository scratch;
        QString path = scratch.path();
        if (kind == QLatin1String("plain")) {
            path = plain.path();
        } else if (kind == QLatin1String("missing")) {
            path = plain.path() + QStringLiteral("/gone");
        } else if (kind == QLatin1String("corrupt")) {
            QDir(plain.path()).mkpath(QStringLiteral(".git/objects"));
            QFile head(plain.path() + QStringLiteral("/.git/HEAD"));
            QVERIFY(head.open(QIODevice::WriteOnly));
            head.write("garbage\n");
            head.close();
            path = plain.path();
        }
        MainWindow window;
        window.show();
        window.openRepository(path);
        QTRY_VERIFY_WITH_TIMEOUT(!window.lastError().isEmpty(), 30000);
        QVERIFY2(window.lastError().contains(expected), qPrintable(window.lastError()));
        QVERIFY(!window.hasSnapshot());
        QCOMPARE(window.welcomePage()->message(), window.lastError());
        QVERIFY(!window.welcomePage()->isHidden());
    }

    void cancelDropsTheLoad()
    {
        MainWindow window;
        window.show();
        auto* loader = window.findChild<RepositoryLoader*>();
        QVERIFY(loader);
        QSignalSpy snapshots(loader, &RepositoryLoader::snapshotAvailable);
        window.openRepository(m_demo);
        QVERIFY(window.isLoading());
        auto* cancel = window.findChild<QToolButton*>(QStringLiteral("cancelButton"));
        QVERIFY(!cancel->isHidden());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(!window.isLoading());
        QVERIFY(cancel->isHidden());
        // A cancelled load never delivers, even if its worker had already finished.
        QVERIFY(!snapshots.wait(1500));
        QVERIFY(!window.hasSnapshot());
    }

    void reloadsWhenRefsChange()
    {
        test::ScratchRepository scratch;
        scratch.commit(QStringLiteral("feat: start"), {{QStringLiteral("README.md"), "hello\n"}});
        MainWindow window;
        window.openRepository(scratch.path());
        QTRY_VERIFY_WITH_TIMEOUT(window.hasSnapshot(), 30000);
        QCOMPARE(window.snapshot().commitsWalked, 1);
        const auto second = scratch.commit(QStringLiteral("feat: more"), {{QStringLiteral("README.md"), "more\n"}});
        QTRY_COMPARE_WITH_TIMEOUT(window.snapshot().commit, second, 15000);
        QCOMPARE(window.snapshot().commitsWalked, 2);
    }

    void opensADroppedFolder()
    {
        test::ScratchRepository scratch;
        scratch.commit(QStringLiteral("feat: start"), {{QStringLiteral("docs/README.md"), "hello\n"}});
        QVERIFY(scratch.repo().checkoutHead(true).ok());
        MainWindow window;
        window.show();
        QMimeData data;
        data.setUrls({QUrl::fromLocalFile(scratch.path() + QStringLiteral("/docs/README.md"))});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        QTRY_VERIFY_WITH_TIMEOUT(window.hasSnapshot(), 30000);
        QCOMPARE(QFileInfo(window.snapshot().path).canonicalFilePath(), QFileInfo(scratch.path()).canonicalFilePath());
    }

    void errorKeepsTheLoadedRepository()
    {
        test::ScratchRepository scratch;
        scratch.commit(QStringLiteral("feat: start"), {{QStringLiteral("README.md"), "hello\n"}});
        MainWindow window;
        window.openRepository(scratch.path(), QStringLiteral("HEAD"));
        QTRY_VERIFY_WITH_TIMEOUT(window.hasSnapshot(), 30000);
        window.openRepository(scratch.path(), QStringLiteral("no-such-branch"));
        QTRY_VERIFY_WITH_TIMEOUT(!window.lastError().isEmpty(), 30000);
        QVERIFY(window.dashboard()->message().contains(QStringLiteral("no-such-branch")));
        QVERIFY(window.hasSnapshot());
        QCOMPARE(window.snapshot().revision, QStringLiteral("HEAD"));
    }

    void restoresSplittersAndPage()
    {
        // The Pipelines page's file list | workspace splitter; any page's splitter is kept the same way.
        const auto splitterOf
            = [](MainWindow& window) { return window.dashboard()->pipelinesPage()->findChild<QSplitter*>(); };
        QList<int> sizes;
        {
            MainWindow window;
            window.resize(1400, 900);
            window.show();
            window.openRepository(m_demo);
            QTRY_VERIFY_WITH_TIMEOUT(window.hasSnapshot(), 60000);
            goTo(window, Dashboard::Pipelines);
            QSplitter* splitter = splitterOf(window);
            QVERIFY(splitter);
            QVERIFY(splitter->count() >= 2);
            sizes = splitter->sizes();
            const int moved = sizes.at(1) / 3;
            sizes[0] += moved;
            sizes[1] -= moved;
            splitter->setSizes(sizes);
            sizes = splitter->sizes();
            QVERIFY(window.close());
        }
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        window.openRepository(m_demo);
        QTRY_VERIFY_WITH_TIMEOUT(window.hasSnapshot(), 60000);
        QCOMPARE(window.dashboard()->currentPage(), int(Dashboard::Pipelines));
        QCOMPARE(splitterOf(window)->sizes(), sizes);
    }

    void controlsHaveAccessibleNames()
    {
        MainWindow window;
        window.show();
        window.openRepository(m_demo);
        QTRY_VERIFY_WITH_TIMEOUT(window.hasSnapshot(), 60000);
        for (const char* name :
             {"navigation", "revisionSelector", "statusRepository", "statusBranch", "statusHead", "cancelButton"}) {
            auto* widget = window.findChild<QWidget*>(QLatin1String(name));
            QVERIFY2(widget, name);
            QVERIFY2(!widget->accessibleName().isEmpty(), name);
        }
        // The page list takes keyboard focus: Tab reaches it and the arrow keys switch pages.
        auto* navigation = window.findChild<QWidget*>(QStringLiteral("navigation"));
        QVERIFY(navigation->focusPolicy() & Qt::TabFocus);
        navigation->setFocus();
        goTo(window, Dashboard::Overview);
        QTest::keyClick(navigation, Qt::Key_Down);
        QCOMPARE(window.dashboard()->currentPage(), int(Dashboard::Pipelines));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
