// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScratchRepository.h"
#include "delivery/strategy/StrategyDetector.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace gatehouse::delivery;
using gatehouse::test::ScratchRepository;

namespace {

QByteArray fixture(const QString& name)
{
    QFile file(QStringLiteral(GATEHOUSE_FIXTURES_DIR "/k8s/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString stepsOf(const EnvironmentStrategy& entry)
{
    QStringList steps;
    for (const StrategyStep& step : entry.steps)
        steps.append(QString::fromUtf8(QJsonDocument(step.toJson()).toJson(QJsonDocument::Compact)));
    return steps.join(QLatin1Char(','));
}

QStringList sourcesOf(const EnvironmentStrategy& entry)
{
    QStringList sources;
    for (const StrategySource& source : entry.sources)
        sources.append(QStringLiteral("%1:%2").arg(source.path).arg(source.line));
    return sources;
}

const QByteArray gitlabCi = "stages: [deploy]\n"
                            "deploy-staging:\n"
                            "  stage: deploy\n"
                            "  environment: staging\n"
                            "  script:\n"
                            "    - helm upgrade --install web chart -n staging --atomic\n"
                            "deploy-production:\n"
                            "  stage: deploy\n"
                            "  environment: production\n"
                            "  when: manual\n"
                            "  script:\n"
                            "    - kubectl apply -f k8s/production/\n";

} // namespace

class TestStrategyDetector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoLikeRepository()
    {
        ScratchRepository scratch;
        QVERIFY(scratch.isValid());
        scratch.commit(
            QStringLiteral("deploy: canary for production, rolling staging"),
            {{QStringLiteral("k8s/production/canary.yaml"), fixture(QStringLiteral("flagger/podinfo-canary.yaml"))},
             {QStringLiteral("k8s/staging/deployment.yaml"), fixture(QStringLiteral("plain/deployments.yaml"))},
             {QStringLiteral(".gitlab-ci.yml"), gitlabCi},
             {QStringLiteral("README.md"), "kind: not yaml\n"}});
        auto report = StrategyDetector::scanRepository(scratch.path(), QStringLiteral("HEAD"));
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().toString()));
        QCOMPARE(report->filesRead, 3);
        QCOMPARE(report->diagnostics.size(), 0);
        QCOMPARE(report->environments.size(), 2);

        const EnvironmentStrategy* production = report->environment(QStringLiteral("production"));
        QVERIFY(production);
        QCOMPARE(production->strategy, StrategyKind::Canary);
        QCOMPARE(production->rollback, RollbackMode::Automatic);
        // The Canary decides; neither the Deployment it drives nor the plain kubectl job says anything more.
        QCOMPARE(sourcesOf(*production), (QStringList{QStringLiteral("k8s/production/canary.yaml:2")}));
        QCOMPARE(production->metrics.size(), 2);
        QCOMPARE(production->metrics.at(0).name, QStringLiteral("request-success-rate"));
        QCOMPARE(production->metrics.at(0).min, std::optional<double>(99));
        QCOMPARE(production->metrics.at(1).max, std::optional<double>(500));
        QVERIFY(stepsOf(*production).startsWith(QStringLiteral("{\"analysis\":\"acceptance-test\"},{\"weight\":10},")));

        // The file in k8s/staging/ holds a rolling Deployment and a Recreate one: the path wins over their namespaces
        // (staging, qa), and among equals rolling beats recreate.
        const EnvironmentStrategy* staging = report->environment(QStringLiteral("staging"));
        QVERIFY(staging);
        QCOMPARE(staging->strategy, StrategyKind::Rolling);
        QCOMPARE(staging->rollback, RollbackMode::Automatic); // helm --atomic in the staging job
        QCOMPARE(sourcesOf(*staging),
                 (QStringList{QStringLiteral(".gitlab-ci.yml:2"), QStringLiteral("k8s/staging/deployment.yaml:1")}));

        const QJsonObject json = report->toJson();
        const QJsonArray environments = json.value(QStringLiteral("environments")).toArray();
        QCOMPARE(environments.size(), 2);
        const QJsonObject first = environments.at(0).toObject();
        QCOMPARE(first.keys(),
                 (QStringList{QStringLiteral("environment"), QStringLiteral("metrics"), QStringLiteral("rollback"),
                              QStringLiteral("sources"), QStringLiteral("steps"), QStringLiteral("strategy")}));
        QCOMPARE(first.value(QStringLiteral("environment")).toString(), QStringLiteral("production"));
        QCOMPARE(first.value(QStringLiteral("strategy")).toString(), QStringLiteral("canary"));
        const QJsonObject metric = first.value(QStringLiteral("metrics")).toArray().at(0).toObject();
        QCOMPARE(metric.value(QStringLiteral("min")).toDouble(), 99.0);
        QVERIFY(metric.value(QStringLiteral("max")).isNull());
        QCOMPARE(metric.value(QStringLiteral("interval")).toString(), QStringLiteral("1m"));
    }

    void workTreeAndRevisionDiffer()
    {
        ScratchRepository scratch;
        scratch.commit(QStringLiteral("staging rolling"),
                       {{QStringLiteral("overlays/staging/web.yaml"),
                         "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n"}});
        // Uncommitted: the team is switching staging to an Argo blue-green Rollout.
        scratch.writeWorkTreeFile(QStringLiteral("overlays/staging/rollout.yaml"),
                                  fixture(QStringLiteral("argo/rollout-bluegreen.yaml")));

        auto committed = StrategyDetector::scanRepository(scratch.path(), QStringLiteral("HEAD"));
        QVERIFY(committed.ok());
        QCOMPARE(committed->environments.size(), 1);
        QCOMPARE(committed->environments.first().strategy, StrategyKind::Rolling);
        QCOMPARE(committed->environments.first().rollback, RollbackMode::None);

        auto workTree = StrategyDetector::scanRepository(scratch.path());
        QVERIFY(workTree.ok());
        QCOMPARE(workTree->environments.size(), 1);
        const EnvironmentStrategy& staging = workTree->environments.first();
        QCOMPARE(staging.strategy, StrategyKind::BlueGreen);
        QCOMPARE(staging.rollback, RollbackMode::Automatic);
        QCOMPARE(staging.metrics.size(), 1);
        QCOMPARE(staging.metrics.first().name, QStringLiteral("smoke"));
        QCOMPARE(stepsOf(staging), QStringLiteral("{\"analysis\":\"smoke-tests\"},{\"promote\":\"manual\"}"));
    }

    void missingTemplateAndBrokenFiles()
    {
        ScratchRepository scratch;
        QByteArray huge = "kind: Deployment\n";
        huge += QByteArray(ManifestReader::MaxFileSize + 10, '#');
        scratch.commit(QStringLiteral("mixed"),
                       {{QStringLiteral("k8s/production/rollout.yaml"),
                         "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: api\nspec:\n  strategy:\n"
                         "    canary:\n      analysis:\n        templates:\n        - templateName: nowhere\n"},
                        {QStringLiteral("k8s/staging/broken.yaml"), fixture(QStringLiteral("broken/invalid.yaml"))},
                        {QStringLiteral("k8s/generated.yaml"), huge}});
        auto report = StrategyDetector::scanRepository(scratch.path(), QStringLiteral("HEAD"));
        QVERIFY(report.ok());
        QStringList codes;
        for (const StrategyDiagnostic& diagnostic : report->diagnostics)
            codes.append(QStringLiteral("%1:%2 %3").arg(diagnostic.path).arg(diagnostic.line).arg(diagnostic.code));
        QCOMPARE(codes,
                 (QStringList{QStringLiteral("k8s/generated.yaml:0 strategy.too-large"),
                              QStringLiteral("k8s/production/rollout.yaml:1 strategy.template"),
                              QStringLiteral("k8s/staging/broken.yaml:8 strategy.yaml")}));
        QCOMPARE(report->environment(QStringLiteral("production"))->strategy, StrategyKind::Canary);
        QCOMPARE(report->environment(QStringLiteral("production"))->rollback, RollbackMode::Automatic);
        QCOMPARE(report->environment(QStringLiteral("staging"))->strategy, StrategyKind::Recreate);
    }

    void unknownWhenOnlyAJobDeploys()
    {
        const QList<StrategyFinding> findings{
            StrategyFinding{
                QStringLiteral("production"),
                StrategyKind::Unknown,
                strength::PipelineDeploy,
                StrategySource{QStringLiteral(".gitlab-ci.yml"), 3, QStringLiteral("job"), QStringLiteral("deploy")},
                {},
                {},
                RollbackMode::None,
                {},
                {},
                {},
                false},
        };
        const QList<EnvironmentStrategy> merged = StrategyDetector::merge(findings, {});
        QCOMPARE(merged.size(), 1);
        QCOMPARE(merged.first().strategy, StrategyKind::Unknown);
        QCOMPARE(merged.first().sources.size(), 1);
    }

    // An environment given by an expression: one card per value the file lets it take, else the expression as
    // written, chosen at run time.
    void expressionEnvironments()
    {
        ScratchRepository scratch;
        const QByteArray deployment = "on:\n  workflow_dispatch:\n    inputs:\n"
                                      "      environment: {type: environment, default: production}\n"
                                      "      target: {type: choice, options: [staging, qa]}\n"
                                      "jobs:\n"
                                      "  linux:\n    runs-on: x\n    environment: ${{ inputs.environment }}\n"
                                      "    steps: [{run: script/release}]\n"
                                      "  preview:\n    runs-on: x\n    environment: ${{ inputs.target }}\n"
                                      "    steps: [{run: kubectl rollout status deployment/web}]\n"
                                      "  regions:\n    runs-on: x\n    strategy: {matrix: {env: [eu, us]}}\n"
                                      "    environment: {name: '${{ matrix.env }}'}\n    steps: [{run: deploy}]\n"
                                      "  ref:\n    runs-on: x\n    environment: ${{ github.ref_name }}\n"
                                      "    steps: [{run: deploy}]\n";
        const QByteArray gitlab = "variables:\n  DEPLOY_ENV: {value: staging, options: [staging, production]}\n"
                                  "  TARGET: sandbox\n"
                                  "deploy:\n  environment: $DEPLOY_ENV\n  script: helm upgrade --install web chart\n"
                                  "sandbox:\n  environment: {name: '${TARGET}'}\n  script: make deploy\n"
                                  "review:\n  environment: review/$CI_COMMIT_REF_SLUG\n  script: make review\n";
        scratch.commit(QStringLiteral("ci"),
                       {{QStringLiteral(".github/workflows/deployment.yml"), deployment},
                        {QStringLiteral(".gitlab-ci.yml"), gitlab}});
        const auto report = StrategyDetector::scanRepository(scratch.path(), QStringLiteral("HEAD"));
        QVERIFY(report.ok());
        QStringList names;
        for (const EnvironmentStrategy& entry : report->environments)
            names << entry.environment;
        QCOMPARE(
            names,
            QStringList({QStringLiteral("${{ github.ref_name }}"), QStringLiteral("eu"), QStringLiteral("production"),
                         QStringLiteral("qa"), QStringLiteral("review/$CI_COMMIT_REF_SLUG"), QStringLiteral("sandbox"),
                         QStringLiteral("staging"), QStringLiteral("us")}));
        const EnvironmentStrategy* production = report->environment(QStringLiteral("production"));
        QVERIFY(production);
        QVERIFY(!production->chosenAtRunTime);
        // Two jobs resolve to production: the input's default and one of the GitLab variable's options.
        QCOMPARE(production->sources.size(), 2);
        QVERIFY(!production->expression.isEmpty());
        const EnvironmentStrategy* qa = report->environment(QStringLiteral("qa"));
        QVERIFY(qa);
        QCOMPARE(qa->expression, QStringLiteral("${{ inputs.target }}"));
        QCOMPARE(qa->resolvedFrom, QStringLiteral("choice"));
        QCOMPARE(qa->strategy, StrategyKind::Rolling);
        QCOMPARE(report->environment(QStringLiteral("eu"))->resolvedFrom, QStringLiteral("matrix"));
        QCOMPARE(report->environment(QStringLiteral("sandbox"))->resolvedFrom, QStringLiteral("variable"));
        const EnvironmentStrategy* runTime = report->environment(QStringLiteral("${{ github.ref_name }}"));
        QVERIFY(runTime);
        QVERIFY(runTime->chosenAtRunTime);
        const QJsonObject json = runTime->toJson();
        QCOMPARE(json.value(QStringLiteral("chosenAtRunTime")).toBool(), true);
        QCOMPARE(json.value(QStringLiteral("expression")).toString(), QStringLiteral("${{ github.ref_name }}"));
        QVERIFY(report->environment(QStringLiteral("review/$CI_COMMIT_REF_SLUG"))->chosenAtRunTime);
        // No expression is ever upper-cased or otherwise re-written.
        for (const QString& name : std::as_const(names))
            QVERIFY2(!name.contains(QStringLiteral("INPUTS")), qPrintable(name));
    }

    void errors()
    {
        QTemporaryDir notARepository;
        QVERIFY(!StrategyDetector::scanRepository(notARepository.path()).ok());
        ScratchRepository scratch;
        scratch.commit(QStringLiteral("one"), {{QStringLiteral("a.txt"), "a"}});
        QVERIFY(!StrategyDetector::scanRepository(scratch.path(), QStringLiteral("no-such-branch")).ok());
        gatehouse::ProgressSink sink;
        sink.cancel();
        const auto cancelled = StrategyDetector::scanRepository(scratch.path(), QStringLiteral("HEAD"), &sink);
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().code, QStringLiteral("cancelled"));
    }
};

QTEST_GUILESS_MAIN(TestStrategyDetector)
#include "tst_strategydetector.moc"
