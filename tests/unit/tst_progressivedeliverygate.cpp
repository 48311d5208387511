// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/PipelineValidator.h"

#include <QTest>

using namespace gatehouse::pipeline;
using namespace Qt::StringLiterals;

using Files = QHash<QString, QByteArray>; // path → content

namespace {

const QByteArray Pipeline = "stages: [deploy]\n"
                            ".deploy:\n  stage: deploy\n  script:\n"
                            "    - kubectl set image deployment/api api=$IMAGE --namespace $NS\n"
                            "staging:\n  extends: .deploy\n  variables: {NS: api-staging}\n  environment: staging\n"
                            "production:\n  extends: .deploy\n  variables: {NS: api-production}\n"
                            "  environment:\n    name: production\n  when: manual\n";

const QByteArray Canary = "apiVersion: flagger.app/v1beta1\nkind: Canary\nmetadata:\n  name: api\n"
                          "  namespace: api-production\nspec:\n  targetRef: {apiVersion: apps/v1, kind: Deployment, "
                          "name: api}\n  analysis:\n    interval: 1m\n    threshold: 5\n    maxWeight: 50\n"
                          "    stepWeight: 10\n    metrics:\n      - name: request-success-rate\n"
                          "        thresholdRange: {min: 99}\n        interval: 1m\n";

QByteArray canaryWithoutMetrics()
{
    QByteArray text = Canary;
    text.truncate(text.indexOf("    metrics:"));
    return text;
}

QStringList findings(const ValidationResult& result)
{
    QStringList out;
    for (const Diagnostic& d : result.diagnostics) {
        if (d.rule == u"gate.progressive-delivery")
            out << QStringLiteral("%1:%2:%3").arg(d.line).arg(d.column).arg(severityName(d.severity));
    }
    return out;
}

} // namespace

class TestProgressiveDeliveryGate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gate_data()
    {
        QTest::addColumn<QByteArray>("pipeline");
        QTest::addColumn<Files>("files");
        QTest::addColumn<QByteArray>("policy");
        QTest::addColumn<QStringList>("expected"); // line:column:severity
        QTest::addColumn<QString>("message"); // part of the finding's message

        const Files canary{{u"k8s/production/canary.yaml"_s, Canary}};
        QTest::newRow("rolling update only") << Pipeline << Files{} << QByteArray() << QStringList{u"14:11:warning"_s}
                                             << u"reached by a rolling deployment (.gitlab-ci.yml:10)"_s;
        // A deploy script that says nothing of how it rolls out: no "a unknown" strategy in the message.
        QTest::newRow("strategy not stated")
            << QByteArray("release:\n  stage: deploy\n  script: [./deploy.sh]\n  environment: production\n"
                          "  when: manual\n")
            << Files{} << QByteArray() << QStringList{u"4:16:warning"_s}
            << u"reached by a deployment (.gitlab-ci.yml:1) that states no rollout strategy"_s;
        QTest::newRow("flagger canary with a metric")
            << Pipeline << canary << QByteArray() << QStringList() << QString();
        QTest::newRow("canary without a metric")
            << Pipeline << Files{{u"k8s/production/canary.yaml"_s, canaryWithoutMetrics()}} << QByteArray()
            << QStringList{u"14:11:warning"_s} << u"watches no metric"_s;
        QTest::newRow("canary for staging only")
            << Pipeline
            << Files{{u"k8s/staging/canary.yaml"_s, QByteArray(Canary).replace("api-production", "api-staging")}}
            << QByteArray() << QStringList{u"14:11:warning"_s} << u"rolling"_s;
        QByteArray stagingOnly = Pipeline;
        stagingOnly.truncate(stagingOnly.indexOf("production:"));
        QTest::newRow("no production deploy in this pipeline")
            << stagingOnly << Files{} << QByteArray() << QStringList() << QString();
        QTest::newRow("severity from the policy")
            << Pipeline << Files{} << QByteArray("gates:\n  progressive-delivery: {severity: error}\n")
            << QStringList{u"14:11:error"_s} << u"rolling"_s;
        QTest::newRow("disabled") << Pipeline << Files{} << QByteArray("gates:\n  progressive-delivery: false\n")
                                  << QStringList() << QString();
        QTest::newRow("environments from the policy")
            << QByteArray(Pipeline).replace("name: production", "name: live-eu") << Files{}
            << QByteArray("gates:\n  progressive-delivery:\n    parameters: {environments: [live-eu]}\n")
            << QStringList{u"14:11:warning"_s} << u"live-eu"_s;
        // A canary run by the pipeline itself, rolled back by a job that only runs on failure, watching no metric.
        QTest::newRow("pipeline canary without a metric")
            << QByteArray("canary:\n  stage: deploy\n  script: [kubectl argo rollouts set image api api=$IMAGE]\n"
                          "  environment: production\n"
                          "rollback:\n  stage: .post\n  when: on_failure\n  script: [kubectl argo rollouts abort api]\n"
                          "  environment: production\n")
            << Files{} << QByteArray() << QStringList{u"4:16:warning"_s} << u"no metric"_s;
    }
    void gate()
    {
        QFETCH(QByteArray, pipeline);
        QFETCH(Files, files);
        QFETCH(QByteArray, policy);
        QFETCH(QStringList, expected);
        QFETCH(QString, message);
        const QString path = u".gitlab-ci.yml"_s;
        files.insert(path, pipeline);
        ValidationOptions options;
        options.files = FileSource::fromMap(files);
        if (!policy.isEmpty()) {
            QList<Diagnostic> problems;
            options.policy = GatePolicy::parse(policy, u".gatehouse/policy.yml"_s, &problems);
            QVERIFY(problems.isEmpty());
        }
        const ValidationResult result = validatePipeline(pipeline, path, options);
        QCOMPARE(findings(result), expected);
        for (const Diagnostic& d : result.diagnostics) {
            if (d.rule == u"gate.progressive-delivery") {
                QVERIFY2(d.message.contains(message), qPrintable(d.message));
                QVERIFY2(!d.message.contains(u"unknown"_s), qPrintable(d.message));
            }
        }
        // The production job carries the gate when it passes.
        if (expected.isEmpty() && pipeline.contains("production:") && !policy.contains("false")) {
            const PipelineJob* production = result.model.job(u"production"_s);
            QVERIFY(production);
            QVERIFY(production->gates.contains(u"progressive-delivery"_s));
        }
    }
};

QTEST_GUILESS_MAIN(TestProgressiveDeliveryGate)
#include "tst_progressivedeliverygate.moc"
