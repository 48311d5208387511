// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/strategy/PipelineDeployScanner.h"
#include "pipeline/PipelineValidator.h"

#include "Corpus.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QtTest>

using namespace gatehouse::delivery;

namespace {

QStringList print(const QList<StrategyFinding>& findings, const QList<StrategyDiagnostic>& diagnostics)
{
    QStringList lines;
    for (const StrategyFinding& finding : findings) {
        QStringList steps;
        for (const StrategyStep& step : finding.steps)
            steps.append(QString::fromUtf8(QJsonDocument(step.toJson()).toJson(QJsonDocument::Compact)));
        lines.append(QStringLiteral("%1 %2 %3@%4 rollback=%5 steps=%6")
                         .arg(finding.environment, strategyKindName(finding.strategy), finding.source.name)
                         .arg(finding.source.line)
                         .arg(rollbackModeName(finding.rollback), steps.join(QLatin1Char(','))));
    }
    for (const StrategyDiagnostic& diagnostic : diagnostics)
        lines.append(
            QStringLiteral("diagnostic %1:%2 %3").arg(diagnostic.line).arg(diagnostic.column).arg(diagnostic.code));
    return lines;
}

} // namespace

class TestPipelineDeployScanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void flavour_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("flavour");
        QTest::newRow("gitlab root") << QStringLiteral(".gitlab-ci.yml") << int(PipelineDeployScanner::Flavour::GitLab);
        QTest::newRow("gitlab included") << QStringLiteral(".gitlab/ci/deploy.yml")
                                         << int(PipelineDeployScanner::Flavour::GitLab);
        QTest::newRow("gitlab named") << QStringLiteral("ci/deploy.gitlab-ci.yml")
                                      << int(PipelineDeployScanner::Flavour::GitLab);
        QTest::newRow("workflow") << QStringLiteral(".github/workflows/deploy.yaml")
                                  << int(PipelineDeployScanner::Flavour::GitHub);
        QTest::newRow("workflow subfolder")
            << QStringLiteral(".github/workflows/old/deploy.yaml") << int(PipelineDeployScanner::Flavour::None);
        QTest::newRow("manifest") << QStringLiteral("k8s/canary.yaml") << int(PipelineDeployScanner::Flavour::None);
        QTest::newRow("jenkinsfile") << QStringLiteral("Jenkinsfile") << int(PipelineDeployScanner::Flavour::Jenkins);
        QTest::newRow("named jenkinsfile")
            << QStringLiteral("ci/release.Jenkinsfile") << int(PipelineDeployScanner::Flavour::Jenkins);
        QTest::newRow("jenkins groovy") << QStringLiteral("jenkins/deploy/prod.groovy")
                                        << int(PipelineDeployScanner::Flavour::Jenkins);
        QTest::newRow("groovy elsewhere")
            << QStringLiteral("src/Deploy.groovy") << int(PipelineDeployScanner::Flavour::None);
        QTest::newRow("circleci") << QStringLiteral(".circleci/config.yml")
                                  << int(PipelineDeployScanner::Flavour::CircleCI);
        QTest::newRow("circleci other file")
            << QStringLiteral(".circleci/images.yml") << int(PipelineDeployScanner::Flavour::None);
    }
    void flavour()
    {
        QFETCH(QString, path);
        QFETCH(int, flavour);
        QCOMPARE(int(PipelineDeployScanner::flavourOf(path)), flavour);
    }

    void pipelines_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("gitlab auto devops style incremental rollout")
            << QStringLiteral(".gitlab-ci.yml")
            << QByteArray("stages: [build, canary, production]\n"
                          ".rollout: &rollout\n"
                          "  image: alpine/helm\n"
                          "  environment:\n"
                          "    name: production\n"
                          "  when: manual\n"
                          "build:\n"
                          "  script: make\n"
                          "canary:\n"
                          "  <<: *rollout\n"
                          "  script:\n"
                          "    - helm upgrade app chart --set canary.enabled=true --set canary.weight=5\n"
                          "rollout 25%:\n"
                          "  <<: *rollout\n"
                          "  script: helm upgrade app chart --set replicas=2\n"
                          "rollout 100%:\n"
                          "  extends: .rollout\n"
                          "  script: [helm upgrade --atomic app chart]\n"
                          "stop_production:\n"
                          "  script: helm uninstall app\n"
                          "  environment: {name: production, action: stop}\n")
            << QStringList{
                   QStringLiteral(
                       "production canary canary@9 rollback=none steps={\"job\":\"canary\",\"pause\":\"manual\"},"
                       "{\"job\":\"canary\",\"weight\":5}"),
                   QStringLiteral("production canary rollout 25%@13 rollback=none steps={\"job\":\"rollout 25%\","
                                  "\"pause\":\"manual\"},{\"job\":\"rollout 25%\",\"weight\":25}"),
                   QStringLiteral(
                       "production canary rollout 100%@16 rollback=automatic steps={\"job\":\"rollout 100%\","
                       "\"pause\":\"manual\"},{\"job\":\"rollout 100%\",\"weight\":100}"),
               };
        QTest::newRow("gitlab argo rollouts promote and abort")
            << QStringLiteral(".gitlab-ci.yml")
            << QByteArray("deploy-staging:\n"
                          "  environment: staging\n"
                          "  script:\n"
                          "    - kubectl apply -k overlays/staging\n"
                          "    - kubectl rollout status deployment/web -n staging\n"
                          "promote-production:\n"
                          "  environment: production\n"
                          "  when: manual\n"
                          "  script:\n"
                          "    - kubectl argo rollouts promote guestbook -n production\n"
                          "abort-production:\n"
                          "  environment: production\n"
                          "  when: on_failure\n"
                          "  script:\n"
                          "    - kubectl argo rollouts abort guestbook -n production\n")
            << QStringList{
                   QStringLiteral("staging rolling deploy-staging@1 rollback=none steps="),
                   QStringLiteral(
                       "production unknown promote-production@6 rollback=none steps={\"job\":\"promote-production\","
                       "\"pause\":\"manual\"},{\"job\":\"promote-production\",\"promote\":\"manual\"}"),
                   QStringLiteral("production unknown abort-production@11 rollback=automatic steps="),
               };
        QTest::newRow("gitlab blue-green selector switch, namespace environment")
            << QStringLiteral(".gitlab-ci.yml")
            << QByteArray("switch:\n"
                          "  script:\n"
                          "    - >\n"
                          "      kubectl -n shop-prod patch service shop\n"
                          "      -p '{\"spec\":{\"selector\":{\"version\":\"green\"}}}'\n"
                          "lint:\n"
                          "  script: yamllint .\n")
            << QStringList{QStringLiteral("production blue-green switch@1 rollback=none "
                                          "steps={\"job\":\"switch\",\"promote\":\"automatic\"}")};
        QTest::newRow("gitlab !reference and continuation lines")
            << QStringLiteral(".gitlab-ci.yml")
            << QByteArray(".helm:\n"
                          "  script:\n"
                          "    - |\n"
                          "      helm upgrade --install web chart \\\n"
                          "        --namespace staging \\\n"
                          "        --atomic\n"
                          "deploy:\n"
                          "  script:\n"
                          "    - !reference [.helm, script]\n")
            << QStringList{QStringLiteral("staging unknown deploy@7 rollback=automatic steps=")};
        QTest::newRow("github canary with k8s-deploy and reject on failure")
            << QStringLiteral(".github/workflows/deploy.yml")
            << QByteArray("on: push\n"
                          "jobs:\n"
                          "  build:\n"
                          "    runs-on: ubuntu-latest\n"
                          "    steps:\n"
                          "      - run: make\n"
                          "  deploy:\n"
                          "    runs-on: ubuntu-latest\n"
                          "    environment:\n"
                          "      name: Production\n"
                          "      url: https://example.com\n"
                          "    steps:\n"
                          "      - uses: Azure/k8s-deploy@v4\n"
                          "        with:\n"
                          "          namespace: prod\n"
                          "          strategy: canary\n"
                          "          percentage: 20\n"
                          "          manifests: k8s/production/deployment.yaml\n"
                          "      - uses: Azure/k8s-deploy@v4\n"
                          "        if: failure()\n"
                          "        with:\n"
                          "          strategy: canary\n"
                          "          action: reject\n")
            << QStringList{QStringLiteral(
                   "production canary deploy@7 rollback=automatic steps={\"job\":\"deploy\",\"weight\":20}")};
        QTest::newRow("github blue-green job name and manual rollback")
            << QStringLiteral(".github/workflows/release.yaml")
            << QByteArray("jobs:\n"
                          "  blue-green:\n"
                          "    environment: staging\n"
                          "    steps:\n"
                          "      - run: ./scripts/deploy.sh\n"
                          "  rollback:\n"
                          "    environment: staging\n"
                          "    steps:\n"
                          "      - run: helm rollback web -n staging\n")
            << QStringList{
                   QStringLiteral("staging blue-green blue-green@2 rollback=none steps="),
                   QStringLiteral("staging unknown rollback@6 rollback=manual steps="),
               };
        QTest::newRow("jobs that do not deploy are ignored") << QStringLiteral(".github/workflows/ci.yml")
                                                             << QByteArray("jobs:\n"
                                                                           "  test:\n"
                                                                           "    steps:\n"
                                                                           "      - run: ctest\n"
                                                                           "  canary-docs:\n"
                                                                           "    steps:\n"
                                                                           "      - run: echo canary\n")
                                                             << QStringList{};
        QTest::newRow("invalid yaml") << QStringLiteral(".gitlab-ci.yml")
                                      << QByteArray("deploy:\n  script: [kubectl apply\n  environment: x\n")
                                      << QStringList{QStringLiteral("diagnostic 3:14 strategy.yaml")};
        QTest::newRow("extends cycle does not hang")
            << QStringLiteral(".gitlab-ci.yml")
            << QByteArray(".a:\n  extends: .b\n.b:\n  extends: .a\n  environment: production\n"
                          "deploy:\n  extends: .a\n  script: kubectl apply -f k8s\n")
            << QStringList{QStringLiteral("production unknown deploy@6 rollback=none steps=")};
        {
            // Merge keys over aliases, eight levels deep with ten aliases each: 10^8 merges without a budget.
            QByteArray bomb = ".l0: &l0\n  environment: production\n  script: kubectl apply -f k8s\n";
            for (int level = 1; level <= 8; ++level) {
                bomb += ".l" + QByteArray::number(level) + ": &l" + QByteArray::number(level) + "\n  <<: [";
                for (int i = 0; i < 10; ++i)
                    bomb += (i ? ", *l" : "*l") + QByteArray::number(level - 1);
                bomb += "]\n";
            }
            bomb += "deploy:\n  <<: *l8\n";
            QTest::newRow("merge-key bomb stays cheap")
                << QStringLiteral(".gitlab-ci.yml") << bomb
                << QStringList{QStringLiteral("production unknown deploy@20 rollback=none steps=")};
        }
        QTest::newRow("extends a template from an include")
            << QStringLiteral(".gitlab-ci.yml")
            << QByteArray(
                   "include: {project: ops/ci, file: deploy.yml}\n"
                   "deploy:\n  extends: .from-include\n  environment: production\n  script: kubectl apply -f k8s\n")
            << QStringList{QStringLiteral("production unknown deploy@2 rollback=none steps=")};
        QTest::newRow("jenkins swarm update behind input, post failure rollback")
            << QStringLiteral("Jenkinsfile")
            << QByteArray("pipeline {\n"
                          "  agent any\n"
                          "  stages {\n"
                          "    stage('Test') { steps { sh 'make test' } }\n"
                          "    stage('Deploy production') {\n"
                          "      input { message 'Ship it?' }\n"
                          "      steps {\n"
                          "        sh 'docker service update --update-parallelism 1 --update-delay 10s "
                          "--update-monitor 30s --update-max-failure-ratio 0.2 --image web:2 web'\n"
                          "      }\n"
                          "      post { failure { sh 'docker service rollback web' } }\n"
                          "    }\n"
                          "  }\n"
                          "}\n")
            << QStringList{QStringLiteral(
                   "production rolling Deploy production@5 rollback=automatic steps={\"job\":\"Deploy "
                   "production\",\"pause\":\"manual\"},{\"job\":\"Deploy production\",\"pause\":\"10s\"}")};
        QTest::newRow("jenkins rollback in the steps is manual, nomad canary by name")
            << QStringLiteral("jenkins/release.groovy")
            << QByteArray("pipeline {\n"
                          "  agent any\n"
                          "  environment { CANARY_WEIGHT = '10' }\n"
                          "  stages {\n"
                          "    stage('Rollout staging') {\n"
                          "      steps {\n"
                          "        sh 'kubectl set image deployment/api api=api:2 -n staging'\n"
                          "        sh 'kubectl rollout undo deployment/api -n staging'\n"
                          "      }\n"
                          "    }\n"
                          "    stage('Canary production') {\n"
                          "      steps {\n"
                          "        sh '''\n"
                          "          nomad job run jobs/api.nomad\n"
                          "          nomad deployment promote $DEPLOYMENT\n"
                          "        '''\n"
                          "      }\n"
                          "    }\n"
                          "  }\n"
                          "}\n")
            << QStringList{
                   QStringLiteral("staging rolling Rollout staging@5 rollback=manual steps="),
                   QStringLiteral("production canary Canary production@11 rollback=none steps={\"job\":\"Canary "
                                  "production\",\"promote\":\"automatic\"}"),
               };
        QTest::newRow("jenkins groovy without a declarative pipeline is not read")
            << QStringLiteral("jenkins/lib.groovy")
            << QByteArray("def deploy() {\n  sh 'docker stack deploy -c stack.yml web'\n}\n") << QStringList{};
        QTest::newRow("jenkins syntax error")
            << QStringLiteral("Jenkinsfile")
            << QByteArray("pipeline {\n  agent any\n  stages {\n    stage('Deploy production') {\n"
                          "      steps { sh 'docker stack deploy -c stack.yml web' \n")
            << QStringList{QStringLiteral("diagnostic 1:10 strategy.syntax")};
        QTest::newRow("jenkins stage that deploys nothing")
            << QStringLiteral("Jenkinsfile")
            << QByteArray("pipeline {\n  agent any\n  stages {\n"
                          "    stage('Build') { steps { sh 'docker build -t web .' } }\n  }\n}\n")
            << QStringList{};
        QTest::newRow("circleci swarm stack, nomad behind an approval, revert on failure")
            << QStringLiteral(".circleci/config.yml")
            << QByteArray("version: 2.1\n"
                          "jobs:\n"
                          "  test:\n"
                          "    docker: [{image: cimg/base:current}]\n"
                          "    steps: [checkout, {run: make test}]\n"
                          "  deploy-staging:\n"
                          "    docker: [{image: cimg/base:current}]\n"
                          "    steps:\n"
                          "      - checkout\n"
                          "      - run:\n"
                          "          name: stack\n"
                          "          command: docker stack deploy -c stack.yml web\n"
                          "  deploy-production:\n"
                          "    docker: [{image: cimg/base:current}]\n"
                          "    environment: {NOMAD_ADDR: 'https://nomad.example'}\n"
                          "    steps:\n"
                          "      - run: nomad job run jobs/web.nomad\n"
                          "      - run:\n"
                          "          command: nomad job revert web 0\n"
                          "          when: on_fail\n"
                          "workflows:\n"
                          "  release:\n"
                          "    jobs:\n"
                          "      - test\n"
                          "      - deploy-staging: {requires: [test]}\n"
                          "      - hold-production: {type: approval, requires: [deploy-staging]}\n"
                          "      - deploy-production: {requires: [hold-production]}\n")
            << QStringList{
                   QStringLiteral("staging unknown deploy-staging@25 rollback=none steps="),
                   QStringLiteral("production unknown deploy-production@27 rollback=automatic "
                                  "steps={\"job\":\"deploy-production\",\"pause\":\"manual\"}"),
               };
        QTest::newRow("circleci kubectl in a when step, build job ignored")
            << QStringLiteral(".circleci/config.yml")
            << QByteArray("version: 2.1\n"
                          "parameters:\n  ship: {type: boolean, default: true}\n"
                          "jobs:\n"
                          "  build:\n"
                          "    docker: [{image: cimg/base:current}]\n"
                          "    steps: [checkout, {run: docker build -t web .}]\n"
                          "  rollout:\n"
                          "    docker: [{image: cimg/base:current}]\n"
                          "    steps:\n"
                          "      - when:\n"
                          "          condition: << pipeline.parameters.ship >>\n"
                          "          steps:\n"
                          "            - run: kubectl argo rollouts set image web web=web:2 --namespace production\n"
                          "            - run: kubectl argo rollouts promote web --namespace production\n"
                          "workflows:\n"
                          "  ship:\n"
                          "    jobs: [build, {rollout: {requires: [build]}}]\n")
            << QStringList{QStringLiteral("production unknown rollout@18 rollback=none "
                                          "steps={\"job\":\"rollout\",\"promote\":\"automatic\"}")};
        QTest::newRow("not a mapping") << QStringLiteral(".gitlab-ci.yml") << QByteArray("- a\n- b\n") << QStringList{};
    }
    // Real pipelines: read without diagnostics, every finding points at its job's key.
    void corpus_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("path");
        GATEHOUSE_REQUIRE_CORPUS();
        const QString root = gatehouse::test::corpusPath(QStringLiteral("pipelines"));
        for (const QString& kind : {QStringLiteral("github"), QStringLiteral("gitlab"), QStringLiteral("jenkins"),
                                    QStringLiteral("circleci")}) {
            const QStringList names = QDir(root + QLatin1Char('/') + kind).entryList(QDir::Files, QDir::Name);
            for (const QString& name : names)
                QTest::newRow(qPrintable(name))
                    << root + QLatin1Char('/') + kind + QLatin1Char('/') + name
                    << (kind == QLatin1String("github")         ? QStringLiteral(".github/workflows/") + name
                            : kind == QLatin1String("gitlab")   ? QStringLiteral(".gitlab/ci/") + name
                            : kind == QLatin1String("circleci") ? QStringLiteral(".circleci/config.yml")
                                                                : QStringLiteral("jenkins/") + name + u".groovy");
        }
    }
    void corpus()
    {
        QFETCH(QString, file);
        QFETCH(QString, path);
        QFile input(file);
        QVERIFY(input.open(QIODevice::ReadOnly));
        const QByteArray content = input.readAll();
        const QStringList lines = QString::fromUtf8(content).split(QLatin1Char('\n'));
        QList<StrategyFinding> findings;
        QList<StrategyDiagnostic> diagnostics;
        PipelineDeployScanner::read(path, content, PipelineDeployScanner::flavourOf(path), findings, diagnostics);
        QVERIFY2(diagnostics.isEmpty(), qPrintable(diagnostics.isEmpty() ? QString() : diagnostics.first().message));
        for (const StrategyFinding& finding : std::as_const(findings)) {
            QVERIFY(finding.source.line >= 1 && finding.source.line <= lines.size());
            QVERIFY2(lines.at(finding.source.line - 1).contains(finding.source.name),
                     qPrintable(finding.source.name + QStringLiteral(" @ ") + QString::number(finding.source.line)));
            QVERIFY(!finding.environment.isEmpty());
        }
    }

    void pipelines()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, content);
        QFETCH(QStringList, expected);
        QList<StrategyFinding> findings;
        QList<StrategyDiagnostic> diagnostics;
        QElapsedTimer clock;
        clock.start();
        PipelineDeployScanner::read(path, content, PipelineDeployScanner::flavourOf(path), findings, diagnostics);
        QVERIFY2(clock.elapsed() < 5000, "hostile input must stay cheap");
        const QStringList actual = print(findings, diagnostics);
        if (actual != expected)
            qWarning().noquote() << "actual:\n" << actual.join(QLatin1Char('\n'));
        QCOMPARE(actual, expected);
    }

    void jobOfFollowsTheResolvedConfiguration()
    {
        const QByteArray pipeline = "stages: [deploy]\n"
                                    ".deploy:\n  stage: deploy\n  script:\n"
                                    "    - kubectl set image deployment/api api=$IMAGE --namespace $NS\n"
                                    "production:\n  extends: .deploy\n  variables: {NS: api-production}\n"
                                    "  environment:\n    name: production\n  when: manual\n";
        const auto result = gatehouse::pipeline::validatePipeline(pipeline, QStringLiteral(".gitlab-ci.yml"));
        const gatehouse::pipeline::PipelineJob* production = result.model.job(QStringLiteral("production"));
        QVERIFY(production);
        const auto job = PipelineDeployScanner::jobOf(*production, gatehouse::pipeline::PipelineKind::GitLab);
        QCOMPARE(job.name, QStringLiteral("production"));
        QCOMPARE(job.environment, QStringLiteral("production"));
        QVERIFY(job.manual);
        QCOMPARE(job.commands.size(), 1); // from the template, through extends
        QVERIFY(job.commands.constFirst().text.startsWith(u"kubectl set image"));
        QCOMPARE(job.variables.value(QStringLiteral("NS")), QStringLiteral("api-production"));
    }
};

QTEST_GUILESS_MAIN(TestPipelineDeployScanner)
#include "tst_pipelinedeployscanner.moc"
