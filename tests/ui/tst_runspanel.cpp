// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "LocalHttpServer.h"
#include "ScratchRepository.h"
#include "charts/RunFailuresChart.h"
#include "charts/RunGanttChart.h"
#include "charts/RunTrendChart.h"
#include "demo/DemoRepository.h"
#include "pipelineview/RunSyncDialog.h"
#include "pipelineview/RunsPanel.h"
#include "runs/RunTableModel.h"
#include "runs/sync/RunSyncClient.h"
#include "runs/sync/TokenStore.h"

#include <QAbstractItemModelTester>
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeView>
#include <QTreeWidget>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::ui;

// The Runs tab on the demo repository, whose run history lives in refs/notes/gatehouse-runs (the local store is an
// empty temporary folder), and an import into a scratch repository.
class TestRunsPanel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_demoDir;
    QString m_demo;

    static QStringList column(QTreeView* view, int column)
    {
        QStringList values;
        for (int row = 0; row < view->model()->rowCount(); ++row)
            values << view->model()->index(row, column).data().toString();
        return values;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_demoDir.isValid());
        m_demo = m_demoDir.path() + QStringLiteral("/demo");
        QVERIFY(DemoRepository::create(m_demo).ok());
    }

    void demoHistoryFromNotes()
    {
        QTemporaryDir store;
        RunsPanel panel(m_demo);
        QAbstractItemModelTester tester(panel.runsView()->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel.setStoreDirectory(store.path());
        QSignalSpy analysed(&panel, &RunsPanel::analysisFinished);
        panel.reload();
        QVERIFY(analysed.wait(60000));
        panel.resize(1300, 850);
        panel.show();

        const int all = panel.runsView()->model()->rowCount();
        QVERIFY2(all > 200, qPrintable(QString::number(all)));
        // All pipelines in the table; the charts show the busiest one (GitLab's), a point per trend bucket.
        QCOMPARE(panel.pipelineFilter()->currentData().toString(), QString());
        QCOMPARE(panel.trendChart()->chart()->title(), QStringLiteral("gitlab-ci over time"));
        QVERIFY(panel.trendChart()->pointCount() >= 10);
        QVERIFY(panel.failuresChart()->categories().contains(QStringLiteral("trivy")));
        QVERIFY(!panel.suggestionsView()
                     ->findItems(QStringLiteral("retry-hides-flakiness"), Qt::MatchExactly, 0)
                     .isEmpty());

        // Filters: failed runs only, then on one branch, then a text.
        panel.statusFilter()->setCurrentIndex(panel.statusFilter()->findText(QStringLiteral("failed")));
        const QStringList statuses = column(panel.runsView(), runs::RunTableModel::StatusColumn);
        QVERIFY(!statuses.isEmpty());
        QVERIFY(statuses.size() < all);
        QCOMPARE(statuses.count(QStringLiteral("failed")), statuses.size());
        panel.statusFilter()->setCurrentIndex(0);
        panel.branchFilter()->setCurrentIndex(panel.branchFilter()->findData(QStringLiteral("feat/flask-3")));
        const QStringList branches = column(panel.runsView(), runs::RunTableModel::BranchColumn);
        QVERIFY(!branches.isEmpty());
        QCOMPARE(branches.count(QStringLiteral("feat/flask-3")), branches.size());
        panel.branchFilter()->setCurrentIndex(0);
        panel.textFilter()->setText(QStringLiteral("schedule"));
        const QStringList triggers = column(panel.runsView(), runs::RunTableModel::TriggerColumn);
        QVERIFY(triggers.size() > 50);
        QCOMPARE(triggers.count(QStringLiteral("schedule")), triggers.size());
        panel.textFilter()->clear();
        QCOMPARE(panel.runsView()->model()->rowCount(), all);
        panel.pipelineFilter()->setCurrentIndex(panel.pipelineFilter()->findData(QStringLiteral("CI")));
        const QStringList pipelines = column(panel.runsView(), runs::RunTableModel::PipelineColumn);
        QVERIFY(!pipelines.isEmpty() && pipelines.size() < all);
        QCOMPARE(pipelines.count(QStringLiteral("CI")), pipelines.size());
        QCOMPARE(panel.trendChart()->chart()->title(), QStringLiteral("CI over time"));
        QVERIFY(!panel.failuresChart()->categories().contains(QStringLiteral("trivy"))); // a GitLab job
        panel.pipelineFilter()->setCurrentIndex(0);

        // Selecting a run shows its jobs and its timeline with the critical path.
        panel.runsView()->setCurrentIndex(panel.runsView()->model()->index(0, 0));
        QVERIFY(panel.jobsView()->model()->rowCount() > 0);
        QCOMPARE(panel.ganttChart()->bars().size(), panel.jobsView()->model()->rowCount());
        const auto bars = panel.ganttChart()->bars();
        QVERIFY(std::any_of(bars.cbegin(), bars.cend(), [](const RunGanttChart::Bar& bar) { return bar.critical; }));

        QTemporaryDir out;
        const QString saved = out.path() + QStringLiteral("/suggestions.md");
        QVERIFY(panel.saveSuggestions(saved, true));
        QFile file(saved);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray markdown = file.readAll();
        QVERIFY(markdown.startsWith("# Pipeline suggestions"));
        QVERIFY(markdown.contains("**retry-hides-flakiness** `trivy`"));
        QVERIFY(!panel.saveSuggestions(out.path() + QStringLiteral("/missing/dir/x.md"), true));
    }

    void importReportsAddedAndSkipped()
    {
        test::ScratchRepository scratch;
        scratch.commit(QStringLiteral("feat: one"), {{QStringLiteral("a.txt"), "1"}});
        QTemporaryDir store;
        RunsPanel panel(scratch.path());
        panel.setStoreDirectory(store.path());
        QSignalSpy analysed(&panel, &RunsPanel::analysisFinished);
        panel.reload();
        QVERIFY(analysed.wait(30000));
        QCOMPARE(panel.runsView()->model()->rowCount(), 0);

        QTemporaryDir inputs;
        QFile broken(inputs.path() + QStringLiteral("/broken.json"));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\"workflow_runs\": [");
        broken.close();
        QSignalSpy imported(&panel, &RunsPanel::importFinished);
        panel.importFiles({QStringLiteral(GATEHOUSE_FIXTURES_DIR "/runs/github-runs.json"), broken.fileName()});
        QVERIFY(imported.wait(30000));
        const QString summary = imported.first().first().toString();
        QVERIFY2(summary.startsWith(QStringLiteral("Imported 3 runs from 2 files: 3 new, 0 updated, 0 already known")),
                 qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("1 file unreadable")), qPrintable(summary));
        QTRY_COMPARE_WITH_TIMEOUT(panel.runsView()->model()->rowCount(), 3, 30000);
        QVERIFY(!panel.isBusy());
        QCOMPARE(panel.statusText(), summary);
    }

    // "Sync from server…" against a local GitLab double: the runs land in the table, the token in the (in-memory)
    // keychain and not in the dialog; a second sync without typing the token reads it back from the keychain.
    void syncFromServer()
    {
        test::LocalHttpServer server([](const test::LocalHttpServer::Request& request) {
            const QByteArray path = request.target.left(request.target.indexOf('?'));
            if (request.headers.value("private-token") != "glpat-ui-token")
                return test::LocalHttpServer::Response{401, {}, R"({"message":"401 Unauthorized"})"};
            if (path == "/api/v4/projects/7/pipelines")
                return test::LocalHttpServer::Response{
                    200,
                    {},
                    R"([{"id":900,"iid":1,"project_id":7,"sha":"0123456789abcdef0123456789abcdef01234567",)"
                    R"("ref":"main","status":"success","source":"push","created_at":"2026-11-01T10:00:00Z",)"
                    R"("updated_at":"2026-11-01T10:06:00Z"}])"};
            return test::LocalHttpServer::Response{200, {}, "[]"};
        });
        QVERIFY(server.listen());
        test::ScratchRepository scratch;
        scratch.commit(QStringLiteral("feat: one"), {{QStringLiteral("a.txt"), "1"}});
        QTemporaryDir store;
        RunsPanel panel(scratch.path());
        panel.setStoreDirectory(store.path());
        auto tokens = std::make_unique<runs::InMemoryTokenStore>();
        runs::InMemoryTokenStore* keychain = tokens.get();
        panel.setTokenStore(std::move(tokens));
        QSignalSpy imported(&panel, &RunsPanel::importFinished);

        RunSyncDialog* dialog = panel.openSyncDialog();
        dialog->urlEdit()->setText(server.baseUrl());
        dialog->projectEdit()->setText(QStringLiteral("7"));
        dialog->tokenEdit()->setText(QStringLiteral("glpat-ui-token"));
        QVERIFY(dialog->rememberBox()->isChecked());
        dialog->syncButton()->click();
        QVERIFY(imported.wait(30000));
        QCOMPARE(imported.first().first().toString(),
                 QStringLiteral("Synced 1 run from 127.0.0.1: 1 new, 0 updated, 0 already known."));
        QTRY_COMPARE_WITH_TIMEOUT(panel.runsView()->model()->rowCount(), 1, 30000);
        QVERIFY(dialog->tokenEdit()->text().isEmpty());
        runs::SyncRequest request;
        request.baseUrl = QUrl(server.baseUrl());
        request.project = QStringLiteral("7");
        std::optional<Result<QString>> stored;
        keychain->readToken(runs::TokenStore::keyFor(request), [&stored](Result<QString> token) { stored = token; });
        QVERIFY(stored && stored->ok());
        QCOMPARE(stored->value(), QStringLiteral("glpat-ui-token"));

        // Again, token from the keychain: same run, already known.
        dialog->syncButton()->click();
        QVERIFY(imported.wait(30000));
        QCOMPARE(imported.last().first().toString(),
                 QStringLiteral("Synced 1 run from 127.0.0.1: 0 new, 0 updated, 1 already known."));

        // A wrong token is rejected with a clear message and nothing is imported.
        dialog->tokenEdit()->setText(QStringLiteral("wrong"));
        dialog->syncButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->statusText().startsWith(QStringLiteral("token rejected by 127.0.0.1")), 30000);
        QCOMPARE(imported.size(), 2);
    }
};

QTEST_MAIN(TestRunsPanel)
#include "tst_runspanel.moc"
