// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "repo/RepositorySnapshot.h"
#include "security/WeeklySummary.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QToolButton;
class QTreeView;

namespace gatehouse {
class PostureLoader;
}

namespace gatehouse::ui {

class FindingsPanel;
class NoisePanel;
class ScanListPanel;
class SecurityChartsPanel;
class SecurityTiles;

/// The weekly security review: the posture of the snapshot's branch (computed in the background from the scan
/// reports and notes in its history), an ISO-week selector, the week's tiles, trend charts, the findings table with
/// triage, the scans, and the actions "Run security scans…" and "Archive report with commit…".
class SecurityPage : public QWidget
{
    Q_OBJECT
public:
    enum Tab
    {
        OverviewTab,
        FindingsTab,
        ScansTab,
        NoiseTab
    };

    explicit SecurityPage(QWidget* parent = nullptr);
    ~SecurityPage() override;

    void setSnapshot(const RepositorySnapshot& snapshot);
    /// Reads the posture again (after a triage decision, an archived report or a scan).
    void reloadPosture();
    /// Evaluates ages, SLAs and weeks at this time instead of the current time (tests, reproducible reviews).
    void setNow(const QDateTime& now) { m_now = now; }
    /// The report parse cache directory passed to PostureBuilder::compute (empty: the default).
    void setCacheDir(const QString& dir) { m_cacheDir = dir; }
    void selectWeek(const IsoWeek& week);
    /// Writes a triage decision to the work tree's .gatehouse/triage.yml and reads the posture again.
    bool writeTriage(const TriageEntry& entry, const QString& comment, QString* error = nullptr);

    bool hasPosture() const { return m_posture.has_value(); }
    const Posture& posture() const { return *m_posture; }
    const WeeklySummary& week() const { return m_week; }
    bool isLoading() const;
    QString message() const;

    PostureLoader* loader() const { return m_loader; }
    QComboBox* weekSelector() const { return m_weekBox; }
    SecurityTiles* tiles() const { return m_tiles; }
    SecurityChartsPanel* charts() const { return m_charts; }
    FindingsPanel* findings() const { return m_findings; }
    ScanListPanel* scans() const { return m_scans; }
    NoisePanel* noise() const { return m_noise; }
    QTabWidget* tabs() const { return m_tabs; }
    QLabel* emptyState() const { return m_empty; }
    QPushButton* scanButton() const { return m_scanButton; }
    QPushButton* archiveButton() const { return m_archiveButton; }
    QPushButton* syncButton() const { return m_syncButton; }
    QTreeView* reportView() const;
    QTreeView* scanView() const;
    QLabel* reportsEmptyState() const;
    QLabel* scansEmptyState() const;

public Q_SLOTS:
    void showRunScansDialog();
    void showArchiveDialog();
    void requestTriage(const gatehouse::FindingLifecycle& finding, gatehouse::TriageStatus status);

Q_SIGNALS:
    /// "Sync from server…": the dashboard opens the findings sync dialog.
    void syncRequested();

private:
    QWidget* createHeader();
    void onPosture(const Posture& posture);
    void onLoadFailed(const QString& message);
    void setLoading(bool loading);
    void applyWeek();
    void showFindings(int tile);
    void openScan(const QString& commit);
    void setMessage(const QString& text, bool error);

    std::optional<RepositorySnapshot> m_snapshot;
    std::optional<Posture> m_posture;
    QList<WeekTrendPoint> m_weeks;
    WeeklySummary m_week;
    QDateTime m_now;
    QString m_cacheDir;

    PostureLoader* m_loader;
    QLabel* m_subtitle;
    QComboBox* m_weekBox;
    QToolButton* m_previousWeek;
    QToolButton* m_nextWeek;
    QPushButton* m_scanButton;
    QPushButton* m_archiveButton;
    QPushButton* m_syncButton;
    QProgressBar* m_progress;
    QLabel* m_stage;
    QPushButton* m_cancel;
    QLabel* m_message;
    QStackedWidget* m_stack;
    QLabel* m_loading;
    QLabel* m_empty;
    QTabWidget* m_tabs;
    SecurityTiles* m_tiles;
    SecurityChartsPanel* m_charts;
    FindingsPanel* m_findings;
    ScanListPanel* m_scans;
    NoisePanel* m_noise;
};

} // namespace gatehouse::ui
