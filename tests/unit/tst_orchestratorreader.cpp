// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/strategy/StrategyDetector.h"
#include "delivery/strategy/orchestrators/OrchestratorReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace gatehouse::delivery;

namespace {

QString stepsText(const QList<StrategyStep>& steps)
{
    QJsonArray array;
    for (const StrategyStep& step : steps)
        array.append(step.toJson());
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QStringList metricNames(const QList<MetricGate>& metrics)
{
    QStringList names;
    for (const MetricGate& gate : metrics)
        names << gate.name;
    return names;
}

QStringList words(std::initializer_list<const char*> items)
{
    QStringList list;
    for (const char* item : items)
        list << QString::fromUtf8(item);
    return list;
}

} // namespace

class TestOrchestratorReader : public QObject
{
    Q_OBJECT

private slots:
    void candidates_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("candidate");
        QTest::newRow("nomad") << "deploy/web.nomad" << true;
        QTest::newRow("nomad hcl") << "nomad/web.nomad.hcl" << true;
        QTest::newRow("nomad json") << "nomad/web.nomad.json" << true;
        QTest::newRow("compose") << "docker-compose.prod.yml" << true;
        QTest::newRow("plain json") << "package.json" << false;
        QTest::newRow("workflow") << ".github/workflows/ci.yml" << false;
        QTest::newRow("terraform") << "main.tf" << false;
    }
    void candidates()
    {
        QFETCH(QString, path);
        QTEST(OrchestratorReader::isCandidatePath(path), "candidate");
    }

    void read_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("findings");
        QTest::addColumn<QString>("environment");
        QTest::addColumn<QString>("strategy");
        QTest::addColumn<QString>("rollback");
        QTest::addColumn<QString>("steps");
        QTest::addColumn<QStringList>("metrics");

        QTest::newRow("swarm rolling with automatic rollback")
            << "stacks/production/shop.yml"
            << QByteArray(
                   "version: '3.8'\nservices:\n  web:\n    image: shop:1\n    healthcheck:\n      test: [\"CMD\", "
                   "\"curl\", \"-f\", \"http://localhost/health\"]\n      interval: 10s\n      retries: 3\n"
                   "    deploy:\n      replicas: 4\n      update_config:\n        parallelism: 2\n"
                   "        delay: 10s\n        failure_action: rollback\n        monitor: 30s\n"
                   "        max_failure_ratio: 0.1\n        order: start-first\n      rollback_config:\n"
                   "        parallelism: 0\n")
            << 1 << "production"
            << "rolling"
            << "automatic"
            << R"([{"weight":50},{"pause":"10s"},{"weight":100}])" << words({"failure-ratio", "healthcheck"});
        QTest::newRow("swarm defaults: rolling one by one, pause on failure")
            << "docker-compose.staging.yml"
            << QByteArray("services:\n  api:\n    image: api\n    deploy:\n      replicas: 2\n") << 1 << "staging"
            << "rolling"
            << "none"
            << R"([{"weight":50},{"weight":100}])" << QStringList();
        QTest::newRow("swarm all at once stop-first is recreate")
            << "compose.yml"
            << QByteArray("services:\n  db:\n    deploy:\n      update_config:\n        parallelism: 0\n"
                          "      rollback_config:\n        parallelism: 1\n")
            << 1 << "default"
            << "recreate"
            << "manual"
            << "[]" << QStringList();
        QTest::newRow("swarm all at once start-first is blue-green")
            << "prod-stack.yml"
            << QByteArray("services:\n  web:\n    deploy:\n      replicas: 3\n      update_config:\n"
                          "        parallelism: 0\n        order: start-first\n")
            << 1 << "production"
            << "blue-green"
            << "none"
            << R"([{"promote":"automatic"}])" << QStringList();
        QTest::newRow("compose without deploy is not a rollout")
            << "docker-compose.yml" << QByteArray("services:\n  web:\n    image: x\n    ports: ['80:80']\n") << 0 << ""
            << ""
            << ""
            << "" << QStringList();
        QTest::newRow("kubernetes manifest is not compose")
            << "k8s/prod/app.yaml"
            << QByteArray("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  template:\n"
                          "    spec:\n      containers: []\n")
            << 0 << ""
            << ""
            << ""
            << "" << QStringList();

        QTest::newRow("nomad canary with manual promotion")
            << "nomad/web.nomad"
            << QByteArray(
                   "job \"web-production\" {\n  update {\n    max_parallel = 1\n    canary = 1\n"
                   "    health_check = \"checks\"\n    min_healthy_time = \"30s\"\n    healthy_deadline = \"5m\"\n"
                   "    auto_revert = true\n  }\n  group \"web\" {\n    count = 4\n  }\n}\n")
            << 1 << "production"
            << "canary"
            << "automatic"
            << R"([{"weight":25},{"pause":"manual"},{"promote":"manual"}])" << words({"checks"});
        QTest::newRow("nomad blue-green: canary equals count, group overrides job")
            << "jobs/staging/api.nomad.hcl"
            << QByteArray("job \"api\" {\n  update { canary = 1 }\n  group \"api\" {\n    count = 3\n"
                          "    update {\n      canary = 3\n      auto_promote = true\n    }\n  }\n}\n")
            << 1 << "staging"
            << "blue-green"
            << "manual"
            << R"([{"promote":"automatic"}])" << words({"checks"});
        QTest::newRow("nomad without update block rolls one by one")
            << "web.nomad" << QByteArray("job \"web\" {\n  group \"g\" {\n    count = 2\n  }\n}\n") << 1 << "default"
            << "rolling"
            << "none"
            << R"([{"weight":50},{"weight":100}])" << QStringList();
        QTest::newRow("nomad batch job is not a rollout")
            << "report.nomad" << QByteArray("job \"report\" {\n  type = \"batch\"\n  group \"g\" {}\n}\n") << 0 << ""
            << ""
            << ""
            << "" << QStringList();
        QTest::newRow("nomad json api form, durations in nanoseconds")
            << "nomad/prod.nomad.json"
            << QByteArray(R"({"Job":{"ID":"shop","Name":"shop","Datacenters":["prod-eu"],"TaskGroups":[{"Name":"web",
                "Count":2,"Update":{"Canary":1,"MaxParallel":1,"AutoPromote":true,"AutoRevert":true,
                "HealthCheck":"task_states","MinHealthyTime":10000000000,"HealthyDeadline":300000000000}}]}})")
            << 1 << "production"
            << "canary"
            << "automatic"
            << R"([{"weight":50},{"promote":"automatic"}])" << words({"task_states"});
        QTest::newRow("terraform hcl is not nomad")
            << "infra/main.hcl" << QByteArray("resource \"x\" \"y\" {\n  a = 1\n}\n") << 0 << ""
            << ""
            << ""
            << "" << QStringList();
    }
    void read()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, content);
        QFETCH(int, findings);
        ManifestScan scan;
        OrchestratorReader::read(path, content, scan);
        QVERIFY2(scan.diagnostics.isEmpty(),
                 qPrintable(scan.diagnostics.isEmpty() ? QString() : scan.diagnostics.first().message));
        QCOMPARE(scan.findings.size(), findings);
        if (findings == 0)
            return;
        const StrategyFinding& f = scan.findings.first();
        QTEST(f.environment, "environment");
        QTEST(strategyKindName(f.strategy), "strategy");
        QTEST(rollbackModeName(f.rollback), "rollback");
        QTEST(stepsText(f.steps), "steps");
        QTEST(metricNames(f.metrics), "metrics");
        QVERIFY(f.source.line > 0);
    }

    void metricsDetail()
    {
        ManifestScan scan;
        OrchestratorReader::read(QStringLiteral("nomad/web.nomad"),
                                 "job \"web\" {\n  update {\n    canary = 1\n    min_healthy_time = \"30s\"\n"
                                 "    healthy_deadline = \"5m\"\n  }\n  group \"g\" { count = 2 }\n}\n",
                                 scan);
        QCOMPARE(scan.findings.size(), 1);
        const MetricGate gate = scan.findings.first().metrics.first();
        QCOMPARE(gate.interval, QStringLiteral("30s"));
        QCOMPARE(gate.condition, QStringLiteral("healthy within 5m"));
        QCOMPARE(scan.findings.first().source.line, 2);
        QCOMPARE(scan.findings.first().source.kind, QStringLiteral("NomadJob"));
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("line");
        QTest::newRow("broken hcl") << "web.nomad"
                                    << QByteArray("job \"web\" {\n  group \"g\" {\n    count = \n  }\n}\n")
                                    << "strategy.hcl" << 3;
        QTest::newRow("unclosed job") << "web.nomad" << QByteArray("job \"web\" {\n  update { canary = 1 }\n")
                                      << "strategy.hcl" << 3;
        QTest::newRow("broken json") << "web.nomad.json" << QByteArray("{\"Job\": {\n\"TaskGroups\": [}\n")
                                     << "strategy.json" << 2;
        QTest::newRow("json without job") << "web.nomad.json" << QByteArray("{\"name\": 1}") << "strategy.shape" << 1;
        QTest::newRow("broken compose") << "docker-compose.yml"
                                        << QByteArray("services:\n  web:\n    deploy: [unclosed\n") << "strategy.yaml"
                                        << 4;
        QTest::newRow("binary") << "x.nomad" << QByteArray("job\0", 4) << "strategy.binary" << 0;
    }
    void badInput()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, content);
        ManifestScan scan;
        OrchestratorReader::read(path, content, scan);
        QVERIFY(scan.findings.isEmpty());
        QCOMPARE(scan.diagnostics.size(), 1);
        QTEST(scan.diagnostics.first().code, "code");
        QTEST(scan.diagnostics.first().line, "line");
        QVERIFY(!scan.diagnostics.first().message.isEmpty());
    }

    void commands_data()
    {
        QTest::addColumn<QStringList>("commands");
        QTest::addColumn<bool>("manual");
        QTest::addColumn<QString>("strategy");
        QTest::addColumn<QString>("rollback");
        QTest::addColumn<QString>("steps");
        QTest::newRow("docker service update with rollback on failure")
            << words({"docker service update --image shop:$TAG --update-parallelism 1 --update-delay 20s "
                      "--update-failure-action rollback shop_web"})
            << false << "rolling"
            << "automatic"
            << R"([{"job":"deploy-production","pause":"20s"}])";
        QTest::newRow("docker stack deploy alone says nothing of how")
            << words({"docker stack deploy -c stack.yml shop"}) << false << "unknown"
            << "none"
            << "[]";
        QTest::newRow("manual nomad promote")
            << words({"nomad job run web.nomad", "nomad job promote web"}) << true << "unknown"
            << "none"
            << R"([{"job":"deploy-production","pause":"manual"},{"job":"deploy-production","promote":"manual"}])";
        QTest::newRow("nomad revert by hand") << words({"nomad job revert web 3"}) << false << "unknown"
                                              << "manual"
                                              << "[]";
        QTest::newRow("docker build is not a deploy") << words({"docker build -t x ."}) << false << ""
                                                      << ""
                                                      << "";
    }
    void commands()
    {
        QFETCH(QStringList, commands);
        QFETCH(bool, manual);
        QFETCH(QString, strategy);
        PipelineDeployScanner::Job job;
        job.name = QStringLiteral("deploy-production");
        job.line = 3;
        job.manual = manual;
        for (const QString& c : commands)
            job.commands << PipelineDeployScanner::Command{c, false};
        const auto finding = PipelineDeployScanner::evaluate(QStringLiteral(".gitlab-ci.yml"), job);
        if (strategy.isEmpty()) {
            QVERIFY(!finding);
            return;
        }
        QVERIFY(finding);
        QCOMPARE(strategyKindName(finding->strategy), strategy);
        QTEST(rollbackModeName(finding->rollback), "rollback");
        QTEST(stepsText(finding->steps), "steps");
    }

    void detectorMerges()
    {
        StrategyDetector detector;
        QVERIFY(StrategyDetector::isCandidate(QStringLiteral("nomad/web.nomad")));
        detector.addFile(QStringLiteral("nomad/web.nomad"),
                         "job \"web\" {\n  update {\n    canary = 1\n    auto_revert = true\n  }\n"
                         "  group \"g\" { count = 4 }\n}\n");
        detector.addFile(QStringLiteral("stacks/staging.yml"),
                         "services:\n  web:\n    deploy:\n      update_config:\n        failure_action: rollback\n");
        const StrategyReport report = detector.report();
        QVERIFY(report.diagnostics.isEmpty());
        const EnvironmentStrategy* nomad = report.environment(QStringLiteral("default"));
        QVERIFY(nomad);
        QCOMPARE(nomad->strategy, StrategyKind::Canary);
        QCOMPARE(nomad->rollback, RollbackMode::Automatic);
        const EnvironmentStrategy* swarm = report.environment(QStringLiteral("staging"));
        QVERIFY(swarm);
        QCOMPARE(swarm->strategy, StrategyKind::Rolling);
        QCOMPARE(swarm->toJson().value(QStringLiteral("rollback")).toString(), QStringLiteral("automatic"));
    }
};

QTEST_GUILESS_MAIN(TestOrchestratorReader)
#include "tst_orchestratorreader.moc"
