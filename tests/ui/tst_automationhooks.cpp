// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AutomationHooks.h"
#include "Dashboard.h"
#include "IsolatedSettings.h"
#include "MainWindow.h"
#include "Theme.h"
#include "demo/DemoRepository.h"
#include "pages/OverviewPage.h"
#include "pages/PipelinesPage.h"

#include <QApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QImage>
#include <QSettings>
#include <QStandardPaths>
#include <QTabBar>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::ui;

// The environment-driven hooks the screenshot script and `make bench` use.
class TestAutomationHooks : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_demo;

    // Runs the window with the hooks until they quit; returns the exit code.
    int run(MainWindow& window, const QString& repository)
    {
        QElapsedTimer clock;
        clock.start();
        AutomationHooks hooks(&window, clock);
        window.resize(1200, 800);
        window.show();
        if (!repository.isEmpty())
            window.openRepository(repository);
        QEventLoop loop;
        connect(&hooks, &AutomationHooks::finished, &loop, &QEventLoop::exit, Qt::QueuedConnection);
        return loop.exec();
    }

private Q_SLOTS:
    void initTestCase()
    {
        gatehouse::test::isolateSettings(QStringLiteral("automationhooks"));
        applyTheme(*qApp);
        QVERIFY(m_dir.isValid());
        m_demo = m_dir.path() + QStringLiteral("/demo");
        auto created = DemoRepository::create(m_demo);
        QVERIFY(created.ok());
        qputenv("GATEHOUSE_AUTOMATION_TIMEOUT", "180000");
        qputenv("GATEHOUSE_SCREENSHOT_DELAY", "0");
    }

    void cleanupTestCase() { gatehouse::test::removeIsolatedSettings(); }

    void init() { QSettings().clear(); }

    void cleanup()
    {
        for (const char* name : {"GATEHOUSE_PAGE", "GATEHOUSE_SCREENSHOT", "GATEHOUSE_MEASURE_STARTUP",
                                 "GATEHOUSE_SCREENSHOT_FIRST_TILES", "GATEHOUSE_OPEN", "GATEHOUSE_TAB"})
            qunsetenv(name);
    }

    void requestedOnlyByTheEnvironment()
    {
        QVERIFY(!AutomationHooks::requested());
        qputenv("GATEHOUSE_MEASURE_STARTUP", "1");
        QVERIFY(AutomationHooks::requested());
    }

    void screenshotOfAPage_data()
    {
        QTest::addColumn<QString>("page");
        QTest::addColumn<int>("expected");
        QTest::newRow("by name") << QStringLiteral("security") << int(Dashboard::Security);
        QTest::newRow("by name, any case") << QStringLiteral("DEPLOYMENTS") << int(Dashboard::Deployments);
        QTest::newRow("by index") << QStringLiteral("1") << int(Dashboard::Pipelines);
    }

    void screenshotOfAPage()
    {
        QFETCH(QString, page);
        QFETCH(int, expected);
        const QString pattern = m_dir.path() + QStringLiteral("/shots/%page%.png");
        qputenv("GATEHOUSE_PAGE", page.toUtf8());
        qputenv("GATEHOUSE_SCREENSHOT", pattern.toUtf8());
        MainWindow window;
        QCOMPARE(run(window, m_demo), 0);
        QCOMPARE(window.dashboard()->currentPage(), expected);
        const QString file = QString(pattern).replace(QLatin1String("%page%"), Dashboard::pageName(expected).toLower());
        const QImage image(file);
        QVERIFY2(!image.isNull(), qPrintable(file));
        QCOMPARE(image.size(), window.size() * window.devicePixelRatio());
    }

    void welcomeScreenshotWithoutRepository()
    {
        const QString file = m_dir.path() + QStringLiteral("/shots/start-%page%.png");
        qputenv("GATEHOUSE_SCREENSHOT", file.toUtf8());
        MainWindow window;
        QCOMPARE(run(window, {}), 0);
        QVERIFY(!QImage(m_dir.path() + QStringLiteral("/shots/start-welcome.png")).isNull());
    }

    void unknownPageExitsWith3()
    {
        qputenv("GATEHOUSE_PAGE", "no-such-page");
        MainWindow window;
        QCOMPARE(run(window, m_demo), 3);
        qputenv("GATEHOUSE_PAGE", QByteArray::number(int(Dashboard::PageCount)));
        MainWindow second;
        QCOMPARE(run(second, m_demo), 3);
    }

    void opensAPipelineAndATab()
    {
        const QString file = m_dir.path() + QStringLiteral("/shots/jenkins.png");
        qputenv("GATEHOUSE_PAGE", "pipelines");
        qputenv("GATEHOUSE_OPEN", "Jenkinsfile");
        qputenv("GATEHOUSE_SCREENSHOT", file.toUtf8());
        MainWindow window;
        QCOMPARE(run(window, m_demo), 0);
        QCOMPARE(window.dashboard()->pipelinesPage()->currentPath(), QStringLiteral("Jenkinsfile"));
        QVERIFY(!QImage(file).isNull());

        qputenv("GATEHOUSE_PAGE", "security");
        qunsetenv("GATEHOUSE_OPEN");
        qputenv("GATEHOUSE_TAB", "noise");
        MainWindow security;
        QCOMPARE(run(security, m_demo), 0);
        bool shown = false;
        const QList<QTabBar*> bars = security.dashboard()->currentPageWidget()->findChildren<QTabBar*>();
        for (const QTabBar* bar : bars)
            shown = shown || bar->tabText(bar->currentIndex()).remove(u'&') == QStringLiteral("Noise");
        QVERIFY(shown);
    }

    void unknownFileOrTabExitsWith3()
    {
        qputenv("GATEHOUSE_PAGE", "pipelines");
        qputenv("GATEHOUSE_OPEN", "no/such/Jenkinsfile");
        MainWindow window;
        QCOMPARE(run(window, m_demo), 3);
        qunsetenv("GATEHOUSE_OPEN");
        qputenv("GATEHOUSE_PAGE", "security");
        qputenv("GATEHOUSE_TAB", "no such tab");
        MainWindow second;
        QCOMPARE(run(second, m_demo), 3);
    }

    // The measurement ends once the Overview is complete (its stages done), not at the first painted dashboard;
    // the Overview mid-load is saved on request when its first tiles are painted.
    void measuresStartUpUntilTheOverviewIsComplete()
    {
        qputenv("GATEHOUSE_MEASURE_STARTUP", "1");
        const QString midLoad = m_dir.path() + QStringLiteral("/first-tiles.png");
        qputenv("GATEHOUSE_SCREENSHOT_FIRST_TILES", midLoad.toLocal8Bit());
        MainWindow window;
        QCOMPARE(run(window, m_demo), 0);
        QVERIFY(window.hasSnapshot());
        QVERIFY(window.dashboard()->overviewPage()->summary().has_value());
        QVERIFY(window.dashboard()->overviewPage()->firstStage().has_value());
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(midLoad), 10000);
        QVERIFY(!QImage(midLoad).isNull());
    }
};

QTEST_MAIN(TestAutomationHooks)
#include "tst_automationhooks.moc"
