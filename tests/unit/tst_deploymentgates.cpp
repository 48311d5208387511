// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "GateFindings.h"
#include "NeedsChain.h"
#include "pipeline/DeploymentGates.h"
#include "pipeline/PipelineValidator.h"

#include <QElapsedTimer>
#include <QTest>

using namespace gatehouse::pipeline;
using gatehouse::test::gateFindings;

namespace {

const QString gl = QStringLiteral(".gitlab-ci.yml");
const QString gh = QStringLiteral(".github/workflows/ci.yml");

/// A GitHub job: `needs` as a flow list (may be empty), then one run step.
QByteArray ghJob(const char* id, const char* needs, const char* run, const char* extra = "")
{
    QByteArray job = QByteArray("  ") + id + ":\n    runs-on: ubuntu-24.04\n";
    if (*needs)
        job += QByteArray("    needs: [") + needs + "]\n";
    job += extra;
    job += QByteArray("    steps:\n      - run: ") + run + "\n";
    return job;
}

} // namespace

class TestDeploymentGates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gates_data();
    void gates();
    void productionEvidence_data();
    void productionEvidence();
    void jobGates();
    void longChain_data();
    void longChain();
};

void TestDeploymentGates::gates_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("gate");
    QTest::addColumn<QStringList>("expected"); // line:column:severity

    const QString order = QStringLiteral("deploy-after-validation");
    const QString production = QStringLiteral("production-approval");
    const QByteArray on = "on: push\njobs:\n";

    // deploy-after-validation, GitHub: needs followed transitively.
    QTest::newRow("github needs chain skips tests and scans") << gh
                                                              << on + ghJob("test", "", "pytest")
            + ghJob("scan", "", "semgrep ci") + ghJob("lint", "", "ruff check .") + ghJob("build", "lint", "make")
            + ghJob("deploy", "build", "./deploy.sh") << order << QStringList{QStringLiteral("22:12:warning")};
    QTest::newRow("github needs chain through tests and scans") << gh
                                                                << on + ghJob("test", "", "pytest")
            + ghJob("scan", "", "semgrep ci") + ghJob("build", "test, scan", "make")
            + ghJob("deploy", "build", "./deploy.sh") << order << QStringList();
    QTest::newRow("github deploy skips the scan only") << gh
                                                       << on + ghJob("test", "", "pytest")
            + ghJob("scan", "", "gitleaks detect") + ghJob("deploy", "test", "./deploy.sh")
                                                       << order << QStringList{QStringLiteral("13:12:warning")};
    QTest::newRow("github scan after the deploy is not asked for")
        << gh
        << on + ghJob("test", "", "pytest") + ghJob("deploy", "test", "./deploy.sh")
            + ghJob("dast-scan", "deploy", "zap-baseline.py -t https://staging")
        << order << QStringList();
    QTest::newRow("github without validation jobs")
        << gh << on + ghJob("deploy", "", "./deploy.sh") << order << QStringList();
    // A needs cycle (an error of its own) is walked once: the deploy is not seen after the tests it loops with.
    QTest::newRow("github needs cycle terminates")
        << gh << on + ghJob("test", "deploy", "pytest") + ghJob("deploy", "test", "./deploy.sh") << order
        << QStringList{QStringLiteral("10:12:warning")};
    // deploy-after-validation, GitLab: needs transitively, stages for jobs without needs.
    QTest::newRow("gitlab needs only the linter")
        << gl
        << QByteArray("stages: [lint, test, deploy]\nlint:\n  stage: lint\n  script: ruff check .\nunit:\n  stage: "
                      "test\n  script: pytest\ndeploy:\n  stage: deploy\n  script: ./deploy.sh\n  needs: [lint]\n")
        << order << QStringList{QStringLiteral("11:10:warning")};
    QTest::newRow("gitlab needs chain through the tests")
        << gl
        << QByteArray("stages: [lint, test, build, deploy]\nlint:\n  stage: lint\n  script: ruff check .\nunit:\n  "
                      "stage: test\n  script: pytest\n  needs: [lint]\nbuild:\n  stage: build\n  script: make\n  "
                      "needs: [unit]\ndeploy:\n  stage: deploy\n  script: ./deploy.sh\n  needs: [build]\n")
        << order << QStringList();
    QTest::newRow("gitlab stage after a needs job")
        << gl
        << QByteArray("stages: [test, deploy]\nunit:\n  stage: test\n  script: pytest\n  needs: []\ndeploy:\n  "
                      "stage: deploy\n  script: ./deploy.sh\n")
        << order << QStringList();
    QTest::newRow("gitlab linter only, deploy after it")
        << gl << QByteArray("lint:\n  stage: test\n  script: ruff check .\ndeploy:\n  stage: deploy\n  script: x\n")
        << order << QStringList();

    // production-approval: production deploys without an environment.
    QTest::newRow("gitlab production by name")
        << gl << QByteArray("deploy-prod:\n  stage: deploy\n  script: ./deploy.sh\n") << production
        << QStringList{QStringLiteral("1:1:warning")};
    QTest::newRow("gitlab production by variable")
        << gl << QByteArray("ship:\n  stage: deploy\n  variables:\n    DEPLOY_ENV: production\n  script: ./ship.sh\n")
        << production << QStringList{QStringLiteral("1:1:warning")};
    QTest::newRow("github production by command")
        << gh << on + ghJob("ship", "", "helm upgrade app ./chart --namespace production") << production
        << QStringList{QStringLiteral("3:3:warning")};
    QTest::newRow("github production by name") << gh << on + ghJob("release-production", "", "./release.sh")
                                               << production << QStringList{QStringLiteral("3:3:warning")};
    QTest::newRow("production build is not a deploy")
        << gl << QByteArray("build:\n  script: NODE_ENV=production npm run build\n") << production << QStringList();
    QTest::newRow("production word in an echo")
        << gl << QByteArray("notify:\n  script: echo \"deploy to production done\"\n") << production << QStringList();
    QTest::newRow("product is not prod") << gl
                                         << QByteArray("deploy-product-docs:\n  stage: deploy\n  script: ./deploy.sh\n")
                                         << production << QStringList();
    QTest::newRow("production with its environment")
        << gh << on + ghJob("deploy-prod", "", "./deploy.sh", "    environment: staging\n") << production
        << QStringList();
    QTest::newRow("github reusable workflow caller")
        << gh << QByteArray("on: push\njobs:\n  deploy-production:\n    uses: ./.github/workflows/deploy.yml\n")
        << production << QStringList();
    QTest::newRow("gitlab downstream trigger")
        << gl << QByteArray("deploy-prod:\n  stage: deploy\n  trigger: {project: ops/deploy}\n") << production
        << QStringList();
    // production-approval: staging first, followed through needs.
    QTest::newRow("github production after staging, transitively")
        << gh
        << on + ghJob("staging", "", "./deploy.sh", "    environment: staging\n")
            + ghJob("smoke", "staging", "./smoke.sh")
            + ghJob("prod", "smoke", "./deploy.sh", "    environment: production\n")
        << production << QStringList{QStringLiteral("16:18:info")};
    QTest::newRow("github production not after staging")
        << gh
        << on + ghJob("staging", "", "./deploy.sh", "    environment: staging\n")
            + ghJob("prod", "", "./deploy.sh", "    environment: production\n")
        << production << QStringList{QStringLiteral("10:18:info"), QStringLiteral("10:18:warning")};
}

void TestDeploymentGates::gates()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, text);
    QFETCH(QString, gate);
    QFETCH(QStringList, expected);
    const ValidationResult result = validatePipeline(text, path);
    const QStringList actual = gateFindings(result, gate);
    if (actual != expected) {
        for (const Diagnostic& d : result.diagnostics)
            qWarning().noquote() << d.line << d.column << d.rule << d.message;
    }
    QCOMPARE(actual, expected);
}

void TestDeploymentGates::productionEvidence_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("evidence"); // start of the reason, empty for none
    QTest::newRow("name") << gl << QByteArray("deploy_production:\n  script: x\n") << QStringLiteral("its name");
    QTest::newRow("command kubectl") << gl << QByteArray("roll:\n  script:\n    - kubectl apply -f k8s/production/\n")
                                     << QStringLiteral("the command 'kubectl apply -f k8s/production/'");
    QTest::newRow("command vercel") << gh
                                    << QByteArray("on: push\njobs:\n  web:\n    runs-on: x\n    steps:\n"
                                                  "      - run: npx vercel deploy --prod\n")
                                    << QStringLiteral("the command");
    QTest::newRow("variable needs a deploy job")
        << gl << QByteArray("assets:\n  variables:\n    RAILS_ENV: production\n  script: rake assets:precompile\n")
        << QString();
    QTest::newRow("comment") << gl
                             << QByteArray("a:\n  script:\n    - |\n      # deploy to production later\n"
                                           "      make\n")
                             << QString();
    QTest::newRow("staging name") << gl << QByteArray("deploy-staging:\n  script: ./deploy.sh staging\n") << QString();
}

void TestDeploymentGates::productionEvidence()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, text);
    QFETCH(QString, evidence);
    ValidationOptions options;
    options.gates = false;
    const ValidationResult result = validatePipeline(text, path, options);
    QVERIFY(!result.model.jobs.isEmpty());
    const QString actual = DeploymentGates::productionEvidence(result.model, result.model.jobs.constFirst());
    if (evidence.isEmpty())
        QVERIFY2(actual.isEmpty(), qPrintable(actual));
    else
        QVERIFY2(actual.startsWith(evidence), qPrintable(actual));
}

void TestDeploymentGates::jobGates()
{
    const ValidationResult result
        = validatePipeline("on: push\njobs:\n" + ghJob("test", "", "pytest") + ghJob("build", "test", "make")
                               + ghJob("deploy", "build", "./deploy.sh") + ghJob("early-deploy", "", "./deploy.sh"),
                           gh);
    const PipelineJob* deploy = result.model.job(QStringLiteral("deploy"));
    const PipelineJob* early = result.model.job(QStringLiteral("early-deploy"));
    QVERIFY(deploy && early);
    QVERIFY(deploy->gates.contains(QStringLiteral("deploy-after-validation")));
    QVERIFY(!early->gates.contains(QStringLiteral("deploy-after-validation")));
}

void TestDeploymentGates::longChain_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("gitlab") << int(PipelineKind::GitLab);
    QTest::newRow("github") << int(PipelineKind::GitHub);
}

// Every check is linear or n·log n: 10,000 jobs in one needs chain validate in about the time of 10,000 separate
// jobs (a quadratic step would take minutes here; the 40,000-job figure is in bench_pipelinevalidation).
void TestDeploymentGates::longChain()
{
    QFETCH(int, kind);
    const QString path = kind == int(PipelineKind::GitLab) ? gl : gh;
    QElapsedTimer timer;
    timer.start();
    const ValidationResult result
        = validatePipeline(gatehouse::test::needsChainPipeline(PipelineKind(kind), 10000), path);
    const qint64 elapsed = timer.elapsed();
    QCOMPARE(result.model.jobs.size(), 10000);
    QCOMPARE(gateFindings(result, QStringLiteral("deploy-after-validation")), QStringList());
    QCOMPARE(result.count(Severity::Error), 0);
    QVERIFY2(elapsed < 20000, qPrintable(QStringLiteral("%1 ms").arg(elapsed)));
}

QTEST_GUILESS_MAIN(TestDeploymentGates)
#include "tst_deploymentgates.moc"
