// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

namespace gatehouse::ui {

class MainWindow;

/// Scripted runs of the window, driven by environment variables (read once, at construction):
/// - GATEHOUSE_PAGE=NAME|INDEX: once the repository is shown, switch to that page (exit 3 if there is none);
/// - GATEHOUSE_OPEN=PATH: on the Pipelines page, open that pipeline file (exit 3 if it is not listed);
/// - GATEHOUSE_TAB=TITLE: on the page, bring the tab titled TITLE (case-insensitive, without its shortcut mark) to
///   the front in every tab bar that has one (exit 3 if none has);
/// - GATEHOUSE_SCREENSHOT=FILE.png: when the window is idle (and on the page), wait GATEHOUSE_SCREENSHOT_DELAY ms
///   (default 1200), save the window's image to FILE ("%page%" becomes the page's name in lower case) and quit;
/// - GATEHOUSE_MEASURE_STARTUP=1: print the milliseconds from `clock`'s start to the first painted window
///   (first-paint-ms), the partial snapshot shown (partial-shown-ms), the Overview's first stage delivered
///   (first-stage-ms) and its tiles painted (first-tiles-ms), the complete snapshot shown (repository-shown-ms) and
///   painted (dashboard-paint-ms), the Overview complete and painted (overview-complete-ms), and each page's data
///   applied (`page-ready-ms NAME`: Pipelines with the snapshot, Security with the posture, Deployments and
///   Incidents with the delivery analysis, Overview when complete; `page-failed-ms NAME` when its load failed),
///   then quit;
/// - GATEHOUSE_SCREENSHOT_FIRST_TILES=FILE.png: save the window's image as soon as the Overview's first tiles are
///   painted (the Overview mid-load), without quitting.
/// Prints one line per event on stdout; done with 1 when nothing was shown within GATEHOUSE_AUTOMATION_TIMEOUT ms
/// (default 120000), or 3 for an unknown page, through finished(). Lives on the GUI thread; the window must outlive
/// it.
class AutomationHooks : public QObject
{
    Q_OBJECT
public:
    AutomationHooks(MainWindow* window, const QElapsedTimer& clock, QObject* parent = nullptr);

    /// Whether any hook is requested by the environment.
    static bool requested();

Q_SIGNALS:
    /// The hooks are done: the application should quit with `exitCode` (0 ok, 1 failed or timed out, 3 no such
    /// page).
    void finished(int exitCode);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onSnapshotShown();
    void onOverviewStage(bool complete);
    void onPageReady(int page, bool loaded);
    void maybeFinishMeasure();
    /// GATEHOUSE_OPEN and GATEHOUSE_TAB on the current page; false when one names nothing there.
    bool applySelection();
    void takeScreenshotWhenIdle();
    void finish(int exitCode);

    QPointer<MainWindow> m_window;
    QElapsedTimer m_clock;
    QString m_page;
    QString m_open;
    QString m_tab;
    QString m_screenshot;
    int m_delayMs = 1200;
    bool m_measure = false;
    bool m_painted = false;
    bool m_snapshotShown = false;
    bool m_waitingForDashboardPaint = false;
    bool m_waitingForFirstTiles = false;
    bool m_waitingForOverviewComplete = false;
    bool m_dashboardPaintReported = false;
    bool m_overviewCompleteReported = false;
    bool m_firstTilesReported = false;
    QSet<int> m_pagesReady;
    QString m_firstTilesScreenshot;
    bool m_done = false;
};

} // namespace gatehouse::ui
