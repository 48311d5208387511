// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AutomationHooks.h"

#include "Dashboard.h"
#include "MainWindow.h"
#include "delivery/DeliveryLoader.h"
#include "pages/OverviewPage.h"
#include "pages/PipelinesPage.h"
#include "pages/SecurityPage.h"
#include "security/PostureLoader.h"

#include <QApplication>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QPixmap>
#include <QTabBar>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

namespace gatehouse::ui {

namespace {

void say(const QString& line, FILE* stream = stdout)
{
    QTextStream(stream) << line << '\n';
}

int envInt(const char* name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value >= 0 ? value : fallback;
}

} // namespace

AutomationHooks::AutomationHooks(MainWindow* window, const QElapsedTimer& clock, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_clock(clock)
    , m_page(qEnvironmentVariable("GATEHOUSE_PAGE").trimmed())
    , m_open(qEnvironmentVariable("GATEHOUSE_OPEN").trimmed())
    , m_tab(qEnvironmentVariable("GATEHOUSE_TAB").trimmed())
    , m_screenshot(qEnvironmentVariable("GATEHOUSE_SCREENSHOT"))
    , m_delayMs(envInt("GATEHOUSE_SCREENSHOT_DELAY", 1200))
    , m_measure(qEnvironmentVariableIntValue("GATEHOUSE_MEASURE_STARTUP") != 0)
    , m_firstTilesScreenshot(qEnvironmentVariable("GATEHOUSE_SCREENSHOT_FIRST_TILES"))
{
    connect(window, &MainWindow::snapshotShown, this, &AutomationHooks::onSnapshotShown);
    connect(window, &MainWindow::partialSnapshotShown, this, [this] {
        if (m_measure && !m_done)
            say(QStringLiteral("partial-shown-ms %1").arg(m_clock.elapsed()));
    });
    OverviewPage* overview = window->dashboard()->overviewPage();
    connect(overview, &OverviewPage::firstStageAvailable, this, [this] { onOverviewStage(false); });
    connect(overview, &OverviewPage::summaryAvailable, this, [this] { onOverviewStage(true); });
    connect(overview, &OverviewPage::computeFailed, this, [this](const QString& message) {
        if (!m_measure || m_done)
            return;
        say(QStringLiteral("overview-failed-ms %1 %2").arg(m_clock.elapsed()).arg(message));
        m_waitingForOverviewComplete = false;
        m_overviewCompleteReported = true;
        onPageReady(Dashboard::Overview, false);
        maybeFinishMeasure();
    });
    // Each page's data, once applied (the pages connected to these before the hooks did).
    Dashboard* dashboard = window->dashboard();
    connect(dashboard->deliveryLoader(), &delivery::DeliveryLoader::loadFinished, this, [this] {
        onPageReady(Dashboard::Deployments, true);
        onPageReady(Dashboard::Incidents, true);
    });
    connect(dashboard->deliveryLoader(), &delivery::DeliveryLoader::loadFailed, this, [this] {
        onPageReady(Dashboard::Deployments, false);
        onPageReady(Dashboard::Incidents, false);
    });
    connect(dashboard->securityPage()->loader(), &PostureLoader::postureAvailable, this,
            [this] { onPageReady(Dashboard::Security, true); });
    connect(dashboard->securityPage()->loader(), &PostureLoader::loadFailed, this,
            [this] { onPageReady(Dashboard::Security, false); });
    if (m_measure || !m_firstTilesScreenshot.isEmpty())
        qApp->installEventFilter(this);
    QTimer::singleShot(envInt("GATEHOUSE_AUTOMATION_TIMEOUT", 120000), this, [this] {
        if (m_done)
            return;
        say(QStringLiteral("gatehouse: automation timed out (no repository shown; see GATEHOUSE_AUTOMATION_TIMEOUT)"),
            stderr);
        finish(1);
    });
    // Without a page to go to, the screenshot is of whatever the window shows at start (the welcome page, or the
    // repository given on the command line once loaded).
    if (!m_screenshot.isEmpty() && m_page.isEmpty())
        QTimer::singleShot(0, this, &AutomationHooks::takeScreenshotWhenIdle);
}

bool AutomationHooks::requested()
{
    return !qEnvironmentVariableIsEmpty("GATEHOUSE_PAGE") || !qEnvironmentVariableIsEmpty("GATEHOUSE_SCREENSHOT")
        || !qEnvironmentVariableIsEmpty("GATEHOUSE_SCREENSHOT_FIRST_TILES")
        || qEnvironmentVariableIntValue("GATEHOUSE_MEASURE_STARTUP") != 0;
}

void AutomationHooks::onOverviewStage(bool complete)
{
    if (m_done || !m_window)
        return;
    if (m_measure && !complete && !m_firstTilesReported)
        say(QStringLiteral("first-stage-ms %1").arg(m_clock.elapsed())); // delivered, not yet painted
    // Timed at the next paint of the Overview (it is asked to repaint in case its page is not the current one).
    if (complete)
        m_waitingForOverviewComplete = m_measure && !m_overviewCompleteReported;
    else
        m_waitingForFirstTiles = !m_firstTilesReported;
    m_window->dashboard()->overviewPage()->update();
}

void AutomationHooks::onPageReady(int page, bool loaded)
{
    // The Overview can complete before the complete snapshot (its stages start from the partial one); the other
    // pages load only once the complete snapshot is set.
    if (!m_measure || m_done || m_pagesReady.contains(page))
        return;
    m_pagesReady.insert(page);
    say(QStringLiteral("%1 %2 %3")
            .arg(loaded ? QStringLiteral("page-ready-ms") : QStringLiteral("page-failed-ms"), Dashboard::pageName(page))
            .arg(m_clock.elapsed()));
    maybeFinishMeasure();
}

void AutomationHooks::maybeFinishMeasure()
{
    if (m_measure && m_dashboardPaintReported && m_overviewCompleteReported
        && m_pagesReady.size() == Dashboard::PageCount && m_screenshot.isEmpty() && !m_done)
        finish(0);
}

bool AutomationHooks::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::Paint || m_done || !m_window || !watched->isWidgetType())
        return false;
    auto* widget = static_cast<QWidget*>(watched);
    if (widget->window() != m_window)
        return false;
    // Timed once the paint pass (and the flush that follows it in the same event) is over.
    if (m_measure && !m_painted) {
        m_painted = true;
        QTimer::singleShot(0, this, [this] { say(QStringLiteral("first-paint-ms %1").arg(m_clock.elapsed())); });
    }
    if (m_waitingForDashboardPaint && m_window->dashboard()->isAncestorOf(widget)) {
        m_waitingForDashboardPaint = false;
        QTimer::singleShot(0, this, [this] {
            say(QStringLiteral("dashboard-paint-ms %1").arg(m_clock.elapsed()));
            m_dashboardPaintReported = true;
            maybeFinishMeasure();
        });
    }
    OverviewPage* overview = m_window->dashboard()->overviewPage();
    const bool onOverview = widget == overview || overview->isAncestorOf(widget);
    if (m_waitingForFirstTiles && onOverview) {
        m_waitingForFirstTiles = false;
        m_firstTilesReported = true;
        QTimer::singleShot(0, this, [this] {
            if (m_measure)
                say(QStringLiteral("first-tiles-ms %1").arg(m_clock.elapsed()));
            if (!m_firstTilesScreenshot.isEmpty() && m_window) {
                const QPixmap image = m_window->grab();
                if (image.save(m_firstTilesScreenshot))
                    say(QStringLiteral("screenshot %1 %2x%3")
                            .arg(m_firstTilesScreenshot)
                            .arg(image.width())
                            .arg(image.height()));
                else
                    say(QStringLiteral("gatehouse: cannot write the screenshot %1").arg(m_firstTilesScreenshot),
                        stderr);
            }
        });
    }
    if (m_waitingForOverviewComplete && onOverview) {
        m_waitingForOverviewComplete = false;
        QTimer::singleShot(0, this, [this] {
            say(QStringLiteral("overview-complete-ms %1").arg(m_clock.elapsed()));
            m_overviewCompleteReported = true;
            onPageReady(Dashboard::Overview, true);
            maybeFinishMeasure();
        });
    }
    return false;
}

void AutomationHooks::onSnapshotShown()
{
    if (m_snapshotShown || m_done || !m_window)
        return;
    m_snapshotShown = true;
    say(QStringLiteral("repository-shown-ms %1").arg(m_clock.elapsed()));
    // The Pipelines page lists the snapshot's files as it is set: ready now.
    onPageReady(Dashboard::Pipelines, true);
    if (!m_page.isEmpty()) {
        int page = -1;
        bool numeric = false;
        const int index = m_page.toInt(&numeric);
        QStringList names;
        for (int i = 0; i < Dashboard::PageCount; ++i) {
            names << Dashboard::pageName(i);
            if ((numeric && index == i)
                || (!numeric && Dashboard::pageName(i).compare(m_page, Qt::CaseInsensitive) == 0))
                page = i;
        }
        if (page < 0) {
            say(QStringLiteral("gatehouse: no page “%1” (pages 0–%2: %3)")
                    .arg(m_page)
                    .arg(Dashboard::PageCount - 1)
                    .arg(names.join(QStringLiteral(", "))),
                stderr);
            finish(3);
            return;
        }
        m_window->dashboard()->setCurrentPage(page);
        say(QStringLiteral("page %1 %2").arg(page).arg(Dashboard::pageName(page)));
        if (!applySelection()) {
            finish(3);
            return;
        }
    }
    if (m_measure) {
        m_waitingForDashboardPaint = true;
        m_window->dashboard()->update();
    }
    if (!m_screenshot.isEmpty() && !m_page.isEmpty())
        takeScreenshotWhenIdle();
}

bool AutomationHooks::applySelection()
{
    Dashboard* dashboard = m_window->dashboard();
    if (!m_open.isEmpty()) {
        if (!dashboard->pipelinesPage()->showPath(m_open)) {
            say(QStringLiteral("gatehouse: “%1” is not a pipeline file of the repository").arg(m_open), stderr);
            return false;
        }
        say(QStringLiteral("opened %1").arg(m_open));
    }
    if (!m_tab.isEmpty()) {
        QWidget* page = dashboard->currentPageWidget();
        int found = 0;
        const QList<QTabBar*> bars = page ? page->findChildren<QTabBar*>() : QList<QTabBar*>();
        for (QTabBar* bar : bars) {
            for (int i = 0; i < bar->count(); ++i) {
                if (bar->tabText(i).remove(u'&').compare(m_tab, Qt::CaseInsensitive) == 0) {
                    bar->setCurrentIndex(i);
                    ++found;
                }
            }
        }
        if (found == 0) {
            say(QStringLiteral("gatehouse: no tab “%1” on this page").arg(m_tab), stderr);
            return false;
        }
        say(QStringLiteral("tab %1").arg(m_tab));
    }
    return true;
}

void AutomationHooks::takeScreenshotWhenIdle()
{
    if (m_done || !m_window)
        return;
    // Idle: the repository loaded and the Overview's stages done.
    if (m_window->isLoading() || m_window->dashboard()->overviewPage()->isComputing()) {
        QTimer::singleShot(100, this, &AutomationHooks::takeScreenshotWhenIdle);
        return;
    }
    // Pages compute some of their content in the background after the snapshot arrives: let them settle.
    QTimer::singleShot(m_delayMs, this, [this] {
        if (m_done || !m_window)
            return;
        if (m_window->isLoading() || m_window->dashboard()->overviewPage()->isComputing()) {
            takeScreenshotWhenIdle();
            return;
        }
        QString file = m_screenshot;
        const QString page = m_window->hasSnapshot() && m_window->dashboard()->isVisible()
            ? Dashboard::pageName(m_window->dashboard()->currentPage()).toLower()
            : QStringLiteral("welcome");
        file.replace(QLatin1String("%page%"), page);
        QDir().mkpath(QFileInfo(file).absolutePath());
        const QPixmap image = m_window->grab();
        if (!image.save(file)) {
            say(QStringLiteral("gatehouse: cannot write the screenshot %1").arg(file), stderr);
            finish(1);
            return;
        }
        say(QStringLiteral("screenshot %1 %2x%3").arg(file).arg(image.width()).arg(image.height()));
        finish(0);
    });
}

void AutomationHooks::finish(int exitCode)
{
    m_done = true;
    qApp->removeEventFilter(this);
    Q_EMIT finished(exitCode);
}

} // namespace gatehouse::ui
