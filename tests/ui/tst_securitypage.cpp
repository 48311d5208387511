// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScratchRepository.h"
#include "Theme.h"
#include "charts/PostureWeeklyChart.h"
#include "charts/SecurityFixTimeChart.h"
#include "charts/SecurityToolChart.h"
#include "charts/SecurityTrendChart.h"
#include "demo/DemoRepository.h"
#include "pages/SecurityPage.h"
#include "repo/RepositoryLoader.h"
#include "security/FindingFilterModel.h"
#include "security/FindingTableModel.h"
#include "security/PostureLoader.h"
#include "security/PostureStatistics.h"
#include "security/tuning/NoiseTableModel.h"
#include "securityview/ArchiveReportDialog.h"
#include "securityview/FindingDetailsView.h"
#include "securityview/FindingsPanel.h"
#include "securityview/NoisePanel.h"
#include "securityview/ScanListPanel.h"
#include "securityview/SecurityChartsPanel.h"
#include "securityview/SecurityTiles.h"
#include "securityview/TriageDialog.h"
#include "widgets/KpiTile.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTreeView>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::ui;

// The Security page on the demo repository, whose story is known: trivy reports CRITICAL CVE-2020-14343 (PyYAML)
// on Tuesday 15 September 2026 (week 38) and it is gone the next morning; a high finding outlives its 7-day SLA.
class TestSecurityPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_demo;
    const QDateTime m_now = QDateTime(QDate(2026, 11, 21), QTime(0, 0), Qt::UTC);

    RepositorySnapshot snapshot(const QString& path)
    {
        auto s = loadRepositorySnapshot(path, {});
        if (!s)
            qFatal("cannot load %s: %s", qPrintable(path), qPrintable(s.error().toString()));
        return *s;
    }

    /// A page showing `path`, its posture loaded.
    bool load(SecurityPage& page, const QString& path)
    {
        QSignalSpy spy(page.loader(), &PostureLoader::postureAvailable);
        page.setCacheDir(m_dir.filePath(QStringLiteral("cache")));
        page.setNow(m_now);
        page.setSnapshot(snapshot(path));
        return spy.wait(120000);
    }

    static const FindingLifecycle* findBySeverity(const Posture& posture, Severity severity)
    {
        for (const FindingLifecycle& f : posture.findings) {
            if (f.finding.severity == severity)
                return &f;
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        applyTheme(*qApp);
        QVERIFY(m_dir.isValid());
        m_demo = m_dir.filePath(QStringLiteral("demo"));
        auto created = DemoRepository::create(m_demo);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));
    }

    // The Noise tab: the demo's SonarQube credential rule, mostly resolved as false positive, is to be disabled.
    void noiseTab()
    {
        SecurityPage page;
        page.setNow(QDateTime(QDate(2026, 12, 1), QTime(0, 0), Qt::UTC));
        QSignalSpy spy(page.loader(), &PostureLoader::postureAvailable);
        page.setCacheDir(m_dir.filePath(QStringLiteral("cache")));
        page.setSnapshot(snapshot(m_demo));
        QVERIFY(spy.wait(120000));
        NoisePanel* noise = page.noise();
        QCOMPARE(page.tabs()->indexOf(noise), int(SecurityPage::NoiseTab));
        QAbstractItemModelTester tester(noise->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const RuleNoise* first = noise->model()->rule(0);
        QVERIFY(first);
        QCOMPARE(first->rule, QStringLiteral("python:S2068"));
        QCOMPARE(first->advice, TuningAdvice::Disable);
        QVERIFY(noise->summary()->text().contains(QStringLiteral("90 days")));
        QVERIFY(!noise->applyButton()->isEnabled()); // nothing selected yet
        noise->view()->setCurrentIndex(noise->view()->model()->index(0, 0));
        QVERIFY(noise->applyButton()->isEnabled());
        // A shorter window recomputes from the same posture.
        const int rules = noise->model()->rowCount();
        noise->daysBox()->setValue(7);
        QVERIFY(noise->model()->rowCount() <= rules);
        QVERIFY(noise->summary()->text().contains(QStringLiteral("7 days")));
    }

    void weeklyReviewOfTheDemo()
    {
        SecurityPage page;
        QAbstractItemModelTester tester(page.findings()->filterModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.resize(1400, 900);
        page.show();
        QVERIFY(load(page, m_demo));
        QVERIFY(!page.isLoading());
        QCOMPARE(page.tabs()->isVisible(), true);
        QVERIFY(page.emptyState()->isHidden() || !page.emptyState()->isVisible());
        const Posture& posture = page.posture();
        QVERIFY(posture.scans.size() >= 12);

        // The current week is selected: its tiles are the posture's summary (one high overdue).
        QCOMPARE(page.week().week, IsoWeek::containing(m_now));
        SecurityTiles* tiles = page.tiles();
        QCOMPARE(tiles->tile(SecurityTiles::OpenCritical)->value(), QStringLiteral("0"));
        QCOMPARE(tiles->tile(SecurityTiles::OpenHigh)->value(),
                 QString::number(posture.openBySeverity().value(Severity::High)));
        QCOMPARE(tiles->tile(SecurityTiles::Overdue)->value(), QStringLiteral("1"));
        QCOMPARE(page.week().overdue.value(0).finding.severity, Severity::High);
        QVERIFY(tiles->tile(SecurityTiles::Coverage)->value().endsWith(QStringLiteral("of 5")));

        // Week 38: the critical arrives and is fixed within a day.
        page.selectWeek(IsoWeek{2026, 38});
        QCOMPARE(page.week().week, (IsoWeek{2026, 38}));
        const FindingLifecycle* critical = findBySeverity(posture, Severity::Critical);
        QVERIFY(critical);
        QCOMPARE(critical->state, FindingState::Fixed);
        QVERIFY(critical->ageDays < 1.0);
        QVERIFY(critical->finding.ids.contains(QStringLiteral("CVE-2020-14343")));
        QVERIFY(page.week().newFindings.size() >= 1);
        QVERIFY(page.week().fixedFindings.size() >= 1);
        QVERIFY(tiles->tile(SecurityTiles::NewThisWeek)->value().toInt() >= 1);
        QCOMPARE(tiles->tile(SecurityTiles::FixedThisWeek)->value(), QString::number(page.week().fixedFindings.size()));
        QVERIFY2(tiles->tile(SecurityTiles::TimeToFix)->value().endsWith(QStringLiteral("h critical")),
                 qPrintable(tiles->tile(SecurityTiles::TimeToFix)->value()));

        // A click on "Fixed this week" lists that week's fixes, the critical among them.
        QTest::mouseClick(tiles->tile(SecurityTiles::FixedThisWeek), Qt::LeftButton);
        QCOMPARE(page.tabs()->currentIndex(), int(SecurityPage::FindingsTab));
        FindingsPanel* findings = page.findings();
        QCOMPARE(findings->filterModel()->rowCount(), int(page.week().fixedFindings.size()));
        bool listed = false;
        for (int row = 0; row < findings->filterModel()->rowCount(); ++row)
            listed |= findings->filterModel()->index(row, 0).data(FindingTableModel::SeverityRole).toInt()
                == int(Severity::Critical);
        QVERIFY(listed);
    }

    void chartsFollowThePosture()
    {
        SecurityPage page;
        page.resize(1400, 900);
        page.show();
        QVERIFY(load(page, m_demo));
        const Posture& posture = page.posture();
        SecurityChartsPanel* charts = page.charts();

        SecurityTrendChart* trend = charts->trendChart();
        QCOMPARE(trend->seriesCount(), 5);
        QVERIFY(trend->emptyText().isEmpty());
        // The hover text of the scan that found the critical names it, and a click opens that scan.
        const ScanSummary* criticalScan = nullptr;
        for (const ScanSummary& s : posture.scans) {
            if (s.open.value(Severity::Critical) > 0) {
                criticalScan = &s;
                break;
            }
        }
        QVERIFY(criticalScan);
        const QDateTime inside = criticalScan->time.addSecs(60);
        QVERIFY(trend->scanText(trend->scanIndexAt(inside)).contains(QStringLiteral("1 critical")));
        trend->activateAt(inside);
        QCOMPARE(page.tabs()->currentIndex(), int(SecurityPage::ScansTab));
        QCOMPARE(page.scans()->currentCommit(), criticalScan->commit.toString());
        QVERIFY(page.scans()->detailsView()->toPlainText().contains(QStringLiteral("CVE-2020-14343"))
                || page.scans()->detailsView()->toPlainText().contains(QStringLiteral("PyYAML")));

        // Range: the last 4 weeks narrow the trend and the weekly bars.
        const QDateTime fullStart = trend->rangeStart();
        charts->setRangeWeeks(4);
        QVERIFY(trend->rangeStart() > fullStart);
        QVERIFY(qAbs(trend->rangeStart().secsTo(m_now.addDays(-28))) < 2);
        QCOMPARE(charts->weeklyChart()->visibleWeeks(), 4);
        charts->setRangeWeeks(0);
        QCOMPARE(trend->rangeStart(), fullStart);
        QCOMPARE(charts->weeklyChart()->visibleWeeks(), int(PostureStatistics::weeklyTrend(posture).size()));

        // A click on a week's bars reviews that week.
        const QStringList weeks = charts->weeklyChart()->categories();
        QVERIFY(weeks.size() > 3);
        QVERIFY(charts->weeklyChart()->weekText(0).contains(QStringLiteral("new")));
        charts->weeklyChart()->activate(0);
        QCOMPARE(page.week().week, PostureStatistics::weeklyTrend(posture).constFirst().week);

        // Tools and fix times.
        page.selectWeek(IsoWeek::containing(m_now));
        const QStringList tools = charts->toolChart()->tools();
        for (const char* tool : {"semgrep", "trivy", "gitleaks"})
            QVERIFY2(tools.contains(QLatin1String(tool)), qPrintable(tools.join(u',')));
        int open = 0;
        for (const QString& tool : tools) {
            for (Severity s : allSeverities())
                open += charts->toolChart()->count(tool, s);
        }
        int expected = 0;
        for (int n : page.week().open)
            expected += n;
        QCOMPARE(open, expected);
        QVERIFY(charts->fixTimeChart()->categories().contains(QStringLiteral("critical")));
        QVERIFY(charts->fixTimeChart()->severityText(0).contains(QStringLiteral("SLA 1 day")));
    }

    void findingsFiltersDetailsAndMarkdown()
    {
        SecurityPage page;
        page.resize(1400, 900);
        page.show();
        QVERIFY(load(page, m_demo));
        FindingsPanel* findings = page.findings();
        const int all = int(page.posture().findings.size());
        QCOMPARE(findings->filterModel()->rowCount(), all);
        QCOMPARE(findings->countLabel()->text(), QStringLiteral("%1 of %1 findings").arg(all));

        findings->severityFilter()->setCurrentIndex(findings->severityFilter()->findData(int(Severity::Critical)));
        QCOMPARE(findings->filterModel()->rowCount(), 1);
        findings->table()->setCurrentIndex(findings->filterModel()->index(0, 0));
        const QString details = findings->details()->toPlainText();
        QVERIFY2(details.contains(QStringLiteral("CVE-2020-14343")), qPrintable(details));
        QVERIFY(details.contains(QStringLiteral("Fixed version")));
        QVERIFY(details.contains(QStringLiteral("First seen")));
        QVERIFY(!findings->falsePositiveButton()->isEnabled()); // fixed: nothing to triage

        // The first-seen link jumps to the scan.
        QSignalSpy jumps(findings, &FindingsPanel::commitActivated);
        const QString commit = findings->currentFinding()->firstSeen.commit.toString();
        Q_EMIT findings->details()->anchorClicked(QUrl(QStringLiteral("commit:") + commit));
        QCOMPARE(jumps.size(), 1);
        QCOMPARE(page.tabs()->currentIndex(), int(SecurityPage::ScansTab));
        QCOMPARE(page.scans()->currentCommit(), commit);

        // Text and state filters; Markdown of what is listed.
        findings->clearFilters();
        findings->searchEdit()->setText(QStringLiteral("pyyaml"));
        QVERIFY(findings->filterModel()->rowCount() >= 1);
        findings->searchEdit()->clear();
        findings->stateFilter()->setCurrentIndex(findings->stateFilter()->findData(-1)); // overdue
        QCOMPARE(findings->filterModel()->rowCount(), 1);
        QTest::mouseClick(findings->copyButton(), Qt::LeftButton);
        const QString markdown = QApplication::clipboard()->text();
        QCOMPARE(markdown.count(QLatin1Char('\n')), 3);
        QVERIFY(markdown.contains(QStringLiteral("**overdue**")));
        QVERIFY(markdown.contains(QStringLiteral("| high |")));
    }

    void triageWritesTheWorkTreeAndReapplies()
    {
        QTemporaryDir dir;
        const QString demo = dir.filePath(QStringLiteral("demo"));
        QVERIFY(DemoRepository::create(demo).ok());
        SecurityPage page;
        page.resize(1400, 900);
        page.show();
        QVERIFY(load(page, demo));
        FindingsPanel* findings = page.findings();
        findings->stateFilter()->setCurrentIndex(findings->stateFilter()->findData(-1)); // the overdue high
        QCOMPARE(findings->filterModel()->rowCount(), 1);
        findings->table()->setCurrentIndex(findings->filterModel()->index(0, 0));
        const FindingLifecycle overdue = *findings->currentFinding();
        QVERIFY(findings->acceptRiskButton()->isEnabled());

        QTest::mouseClick(findings->acceptRiskButton(), Qt::LeftButton);
        auto* dialog = page.findChild<TriageDialog*>();
        QVERIFY(dialog);
        QVERIFY(dialog->acceptedButton()->isChecked());
        QVERIFY(!dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled()); // no reason yet
        dialog->reasonEdit()->setPlainText(QStringLiteral("Only reachable from the VPN: fix in the next sprint."));
        dialog->byEdit()->setText(QStringLiteral("priya.raman@example.com"));
        dialog->expiresEdit()->setDate(QDate::currentDate().addDays(30));
        QVERIFY(dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled());
        QSignalSpy reloaded(page.loader(), &PostureLoader::postureAvailable);
        QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QVERIFY(reloaded.wait(120000));

        QFile file(demo + QStringLiteral("/.gatehouse/triage.yml"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray yaml = file.readAll();
        QVERIFY2(yaml.contains("fingerprint: ") && yaml.contains(overdue.finding.fingerprint.toUtf8()),
                 yaml.constData());
        QVERIFY(yaml.contains("status: accepted_risk"));
        QVERIFY(yaml.contains("by: priya.raman@example.com"));

        // Re-applied: accepted now, no longer overdue, and the details show the decision.
        const FindingLifecycle* after = nullptr;
        for (const FindingLifecycle& f : page.posture().findings) {
            if (f.finding.fingerprint == overdue.finding.fingerprint && f.finding.tool == overdue.finding.tool)
                after = &f;
        }
        QVERIFY(after);
        QCOMPARE(after->state, FindingState::Accepted);
        QCOMPARE(page.posture().overdueCount(), 0);
        QCOMPARE(page.tiles()->tile(SecurityTiles::Overdue)->value(), QStringLiteral("0"));
        QVERIFY(findings->selectFinding(overdue.finding.tool, overdue.finding.fingerprint));
        QVERIFY(findings->details()->toPlainText().contains(QStringLiteral("Only reachable from the VPN")));
    }

    void archiveReportWithCommit()
    {
        QTemporaryDir dir;
        const QString demo = dir.filePath(QStringLiteral("demo"));
        QVERIFY(DemoRepository::create(demo).ok());
        {
            QFile config(demo + QStringLiteral("/.git/config"));
            QVERIFY(config.open(QIODevice::Append));
            config.write("[user]\n\tname = Alice Example\n\temail = alice@example.com\n");
        }
        SecurityPage page;
        page.resize(1400, 900);
        page.show();
        QVERIFY(load(page, demo));
        const int scansBefore = int(page.posture().scans.size());

        QTest::mouseClick(page.archiveButton(), Qt::LeftButton);
        auto* dialog = page.findChild<ArchiveReportDialog*>();
        QVERIFY(dialog);
        QCOMPARE(dialog->revisionEdit()->text(), QStringLiteral("HEAD"));
        QVERIFY(!dialog->archiveButton()->isEnabled());

        // A broken report is refused with the reader's message.
        const QString broken = dir.filePath(QStringLiteral("broken.json"));
        {
            QFile f(broken);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("{\"results\": [");
        }
        dialog->fileEdit()->setText(broken);
        dialog->archive();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->statusLabel()->text().startsWith(QStringLiteral("Not archived")), 30000);

        // bandit's report, archived with the first commit: a new scan appears in the history.
        dialog->fileEdit()->setText(QStringLiteral(GATEHOUSE_FIXTURES_DIR "/reports/bandit.json"));
        dialog->revisionEdit()->setText(QStringLiteral("HEAD~40"));
        QSignalSpy archived(dialog, &ArchiveReportDialog::archived);
        QSignalSpy reloaded(page.loader(), &PostureLoader::postureAvailable);
        dialog->archive();
        QVERIFY(archived.wait(30000));
        QVERIFY(dialog->statusLabel()->text().contains(QStringLiteral("bandit-json")));
        QVERIFY(reloaded.wait(120000));
        bool found = false;
        for (const ScanSummary& s : page.posture().scans) {
            for (const ScanSummary::Report& r : s.reports)
                found |= r.fromNote && r.path == QLatin1String("bandit.json") && r.tool == QLatin1String("bandit");
        }
        QVERIFY(found);
        QVERIFY(page.posture().scans.size() >= scansBefore);
        dialog->close();
    }

    void emptyRepositoryExplainsWhatToDo()
    {
        test::ScratchRepository scratch;
        QVERIFY(!scratch.commit(QStringLiteral("first"), {{QStringLiteral("README.md"), "hello\n"}}).isNull());
        SecurityPage page;
        page.resize(1400, 900);
        page.show();
        QVERIFY(load(page, scratch.path()));
        QVERIFY(page.emptyState()->isVisible());
        QVERIFY(page.emptyState()->text().contains(QStringLiteral("No security scans yet")));
        QVERIFY(page.emptyState()->text().contains(QStringLiteral("Run security scans")));
        QVERIFY(!page.tabs()->isVisible());
    }

    void cancelledLoadKeepsTheOldPosture()
    {
        SecurityPage page;
        page.show();
        QVERIFY(load(page, m_demo));
        const qsizetype findings = page.posture().findings.size();
        page.reloadPosture();
        QVERIFY(page.isLoading());
        auto* cancel = page.findChild<QPushButton*>(QStringLiteral("cancelPosture"));
        QVERIFY(cancel && cancel->isVisible());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(!page.isLoading());
        QVERIFY(page.message().contains(QStringLiteral("cancelled")));
        QCOMPARE(page.posture().findings.size(), findings);
        QVERIFY(page.tabs()->isVisible());
    }
};

QTEST_MAIN(TestSecurityPage)
#include "tst_securitypage.moc"
