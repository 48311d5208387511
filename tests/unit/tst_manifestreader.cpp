// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/strategy/ManifestReader.h"

#include <QFile>
#include <QtTest>

using namespace gatehouse::delivery;

namespace {

QString number(double value)
{
    return QLocale::c().toString(value, 'g', 10);
}

// One line per finding / template / diagnostic, so a whole scan compares as a QStringList.
QStringList print(const ManifestScan& scan)
{
    QStringList lines;
    for (const StrategyFinding& finding : scan.findings) {
        QStringList steps;
        for (const StrategyStep& step : finding.steps)
            steps.append(QString::fromUtf8(QJsonDocument(step.toJson()).toJson(QJsonDocument::Compact)));
        QStringList metrics;
        for (const MetricGate& gate : finding.metrics)
            metrics.append(QStringLiteral("%1[%2..%3/%4/%5]")
                               .arg(gate.name, gate.min ? number(*gate.min) : QString(),
                                    gate.max ? number(*gate.max) : QString(), gate.interval,
                                    gate.failureLimit ? QString::number(*gate.failureLimit) : QString()));
        lines.append(
            QStringLiteral("%1 %2 %3/%4@%5 rollback=%6 steps=%7 metrics=%8 templates=%9")
                .arg(finding.environment, strategyKindName(finding.strategy), finding.source.kind, finding.source.name)
                .arg(finding.source.line)
                .arg(rollbackModeName(finding.rollback), steps.join(QLatin1Char(',')), metrics.join(QLatin1Char(',')),
                     finding.analysisTemplates.join(QLatin1Char(','))));
    }
    for (auto it = scan.analysisTemplates.cbegin(); it != scan.analysisTemplates.cend(); ++it) {
        QStringList metrics;
        for (const MetricGate& gate : it.value())
            metrics.append(QStringLiteral("%1[%2..%3/%4/%5 \"%6\"]")
                               .arg(gate.name, gate.min ? number(*gate.min) : QString(),
                                    gate.max ? number(*gate.max) : QString(), gate.interval,
                                    gate.failureLimit ? QString::number(*gate.failureLimit) : QString(),
                                    gate.condition));
        lines.append(QStringLiteral("template %1 %2").arg(it.key(), metrics.join(QLatin1Char(','))));
    }
    for (const StrategyDiagnostic& diagnostic : scan.diagnostics)
        lines.append(
            QStringLiteral("diagnostic %1:%2 %3").arg(diagnostic.line).arg(diagnostic.column).arg(diagnostic.code));
    return lines;
}

QByteArray fixture(const QString& name)
{
    QFile file(QStringLiteral(GATEHOUSE_FIXTURES_DIR "/k8s/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestManifestReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtures_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("flagger podinfo canary (docs)")
            << QStringLiteral("flagger/podinfo-canary.yaml")
            << QStringList{
                   QStringLiteral(
                       "test canary Canary/podinfo@2 rollback=automatic steps={\"analysis\":\"acceptance-test\"},"
                       "{\"weight\":10},{\"pause\":\"1m\"},{\"weight\":20},{\"pause\":\"1m\"},{\"weight\":30},"
                       "{\"pause\":\"1m\"},{\"weight\":40},{\"pause\":\"1m\"},{\"weight\":50},{\"pause\":\"1m\"},"
                       "{\"promote\":\"automatic\"} metrics=request-success-rate[99../1m/10],"
                       "request-duration[..500/30s/10] templates="),
                   QStringLiteral("test rolling Deployment/podinfo@54 rollback=none steps= metrics= templates="),
               };
        QTest::newRow("flagger stepWeights with manual gates")
            << QStringLiteral("flagger/stepweights-gated.yaml")
            << QStringList{QStringLiteral(
                   "production canary Canary/checkout@2 rollback=automatic steps={\"pause\":\"manual\"},{\"weight\":1},"
                   "{\"pause\":\"2m\"},{\"weight\":5},{\"pause\":\"2m\"},{\"weight\":25},{\"pause\":\"2m\"},"
                   "{\"weight\":50},{\"pause\":\"2m\"},{\"promote\":\"manual\"} metrics=error-rate[..1/1m/5] "
                   "templates=")};
        QTest::newRow("flagger blue/green iterations")
            << QStringLiteral("flagger/bluegreen.yaml")
            << QStringList{
                   QStringLiteral("staging blue-green Canary/podinfo@2 rollback=automatic "
                                  "steps={\"iterations\":10},{\"pause\":\"30s\"},"
                                  "{\"promote\":\"automatic\"} metrics=request-success-rate[99../1m/2] templates=")};
        QTest::newRow("flagger A/B testing")
            << QStringLiteral("flagger/ab-testing.yaml")
            << QStringList{QStringLiteral(
                   "test canary Canary/abtest@2 rollback=automatic steps={\"iterations\":10},{\"pause\":\"1m\"},"
                   "{\"promote\":\"automatic\"} metrics=request-success-rate[99../1m/10] templates=")};
        QTest::newRow("argo canary steps (docs example)")
            << QStringLiteral("argo/rollout-canary.yaml")
            << QStringList{QStringLiteral(
                   "default canary Rollout/rollout-canary@2 rollback=manual "
                   "steps={\"weight\":20},{\"pause\":\"manual\"},"
                   "{\"weight\":40},{\"pause\":\"40s\"},{\"weight\":60},{\"pause\":\"20s\"},{\"weight\":80},"
                   "{\"pause\":\"20s\"},{\"promote\":\"automatic\"} metrics= templates=")};
        QTest::newRow("argo canary with analysis templates")
            << QStringLiteral("argo/rollout-analysis.yaml")
            << QStringList{
                   QStringLiteral("production canary Rollout/guestbook@41 rollback=automatic steps={\"weight\":20},"
                                  "{\"pause\":\"10m\"},{\"analysis\":\"latency\"},{\"analysis\":\"success-rate\"},"
                                  "{\"weight\":40},{\"pause\":\"1h\"},{\"promote\":\"automatic\"} metrics= "
                                  "templates=success-rate,latency"),
                   QStringLiteral("template latency p99-latency[..0.5/1m/2 \"result[0] > 0.5\"]"),
                   QStringLiteral("template success-rate success-rate[0.95../5m/3 \"result[0] >= 0.95\"]"),
               };
        QTest::newRow("argo blue-green, manual promotion")
            << QStringLiteral("argo/rollout-bluegreen.yaml")
            << QStringList{
                   QStringLiteral("staging blue-green Rollout/rollout-bluegreen@2 rollback=automatic "
                                  "steps={\"analysis\":\"smoke-tests\"},{\"promote\":\"manual\"} metrics= "
                                  "templates=smoke-tests"),
                   QStringLiteral("template smoke-tests smoke[..// \"\"]"),
               };
        QTest::newRow("deployments rolling and recreate")
            << QStringLiteral("plain/deployments.yaml")
            << QStringList{
                   QStringLiteral("staging rolling Deployment/web@1 rollback=none steps= metrics= templates="),
                   QStringLiteral("qa recreate Deployment/worker@23 rollback=none steps= metrics= templates="),
               };
        QTest::newRow("service switched by colour selector")
            << QStringLiteral("plain/bluegreen-service.yaml")
            << QStringList{
                   QStringLiteral("production blue-green Service/shop@2 rollback=manual steps={\"promote\":\"manual\"} "
                                  "metrics= templates="),
                   QStringLiteral("production blue-green Deployment/shop-blue@15 rollback=manual steps= metrics= "
                                  "templates="),
               };
        QTest::newRow("invalid YAML: error position, next document still read")
            << QStringLiteral("broken/invalid.yaml")
            << QStringList{
                   QStringLiteral("staging recreate Deployment/survivor@10 rollback=none steps= metrics= templates="),
                   QStringLiteral("diagnostic 8:15 strategy.yaml"),
               };
        QTest::newRow("unknown kinds and non-objects are ignored")
            << QStringLiteral("broken/unknown-kinds.yaml") << QStringList{};
        QTest::newRow("wrong shapes become diagnostics")
            << QStringLiteral("broken/bad-shapes.yaml")
            << QStringList{
                   QStringLiteral("staging canary Rollout/shapes@1 rollback=manual steps={\"pause\":\"1m\"},"
                                  "{\"promote\":\"automatic\"} metrics= templates="),
                   QStringLiteral(
                       "production canary Canary/odd@13 rollback=automatic steps={\"promote\":\"automatic\"} "
                       "metrics= templates="),
                   QStringLiteral("diagnostic 10:20 strategy.shape"),
                   QStringLiteral("diagnostic 19:13 strategy.shape"),
               };
    }
    void fixtures()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, expected);
        const QByteArray content = fixture(file);
        QVERIFY2(!content.isEmpty(), qPrintable(file));
        ManifestScan scan;
        ManifestReader::read(file, content, scan);
        const QStringList actual = print(scan);
        if (actual != expected)
            qWarning().noquote() << "actual:\n" << actual.join(QLatin1Char('\n'));
        QCOMPARE(actual, expected);
    }

    void environmentFromPath_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("environment");
        QTest::newRow("k8s/production") << QStringLiteral("k8s/production/canary.yaml") << QStringLiteral("production");
        QTest::newRow("overlays/staging")
            << QStringLiteral("deploy/overlays/staging/patch.yaml") << QStringLiteral("staging");
        QTest::newRow("overlays/eu-west kept")
            << QStringLiteral("overlays/eu-west/rollout.yaml") << QStringLiteral("eu-west");
        QTest::newRow("prod alias") << QStringLiteral("k8s/prod/canary.yaml") << QStringLiteral("production");
        QTest::newRow("file name") << QStringLiteral("k8s/canary-stg.yaml") << QStringLiteral("staging");
        QTest::newRow("namespace fallback") << QStringLiteral("k8s/canary.yaml") << QStringLiteral("payments-live");
    }
    void environmentFromPath()
    {
        QFETCH(QString, path);
        QFETCH(QString, environment);
        const QByteArray manifest = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n"
                                    "  namespace: payments-live\n";
        ManifestScan scan;
        ManifestReader::read(path, manifest, scan);
        QCOMPARE(scan.findings.size(), 1);
        // A namespace with an environment word is folded ("payments-live" → production) unless the path says more.
        const QString expected
            = environment == QLatin1String("payments-live") ? QStringLiteral("production") : environment;
        QCOMPARE(scan.findings.first().environment, expected);
    }

    void helmTemplate()
    {
        const QByteArray chart = "{{- if .Values.canary.enabled }}\n"
                                 "apiVersion: flagger.app/v1beta1\n"
                                 "kind: Canary\n"
                                 "metadata:\n"
                                 "  name: {{ include \"app.fullname\" . }}\n"
                                 "spec:\n"
                                 "  analysis:\n"
                                 "    interval: {{ .Values.canary.interval }}\n"
                                 "    stepWeight: 25\n"
                                 "    maxWeight: 50\n"
                                 "{{- end }}\n";
        ManifestScan scan;
        ManifestReader::read(QStringLiteral("charts/app/templates/production/canary.yaml"), chart, scan);
        QCOMPARE(scan.diagnostics.size(), 0);
        QCOMPARE(scan.findings.size(), 1);
        QCOMPARE(scan.findings.first().strategy, StrategyKind::Canary);
        QCOMPARE(scan.findings.first().environment, QStringLiteral("production"));
        QCOMPARE(scan.findings.first().source.line, 2);
        QCOMPARE(scan.findings.first().steps.size(), 5); // 25, pause, 50, pause, promote
    }

    void hostileInput_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("code");
        QByteArray huge = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: huge\ndata:\n";
        while (huge.size() <= ManifestReader::MaxFileSize)
            huge += "  key: " + QByteArray(100, 'x') + '\n';
        QTest::newRow("huge") << huge << QStringLiteral("strategy.too-large");
        QTest::newRow("binary") << QByteArray("kind: Canary\n\0\1\2", 16) << QStringLiteral("strategy.binary");
        QTest::newRow("deep flow nesting")
            << (QByteArray("kind: ") + QByteArray(100000, '[')) << QStringLiteral("strategy.yaml");
        QTest::newRow("unclosed flow mapping")
            << QByteArray("kind: Canary\nspec: {analysis: 1\n") << QStringLiteral("strategy.yaml");
        QTest::newRow("tabs") << QByteArray("kind: Canary\n\tapiVersion: flagger.app/v1beta1\n")
                              << QStringLiteral("strategy.yaml");
    }
    void hostileInput()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, code);
        ManifestScan scan;
        QElapsedTimer timer;
        timer.start();
        ManifestReader::read(QStringLiteral("k8s/bad.yaml"), content, scan);
        QVERIFY2(timer.elapsed() < 5000, "hostile input must be rejected quickly");
        QCOMPARE(scan.findings.size(), 0);
        QCOMPARE(scan.diagnostics.size(), 1);
        QCOMPARE(scan.diagnostics.first().code, code);
    }

    void manyDocuments()
    {
        // 2000 Deployments in one stream: every one is read, with its own line.
        QByteArray stream;
        for (int i = 0; i < 2000; ++i)
            stream += "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d" + QByteArray::number(i)
                + "\n  namespace: staging\n";
        ManifestScan scan;
        ManifestReader::read(QStringLiteral("all.yaml"), stream, scan);
        QCOMPARE(scan.findings.size(), 2000);
        QCOMPARE(scan.findings.at(1999).source.line, 1999 * 6 + 2);
        QCOMPARE(scan.findings.at(1999).source.name, QStringLiteral("d1999"));
    }
};

QTEST_GUILESS_MAIN(TestManifestReader)
#include "tst_manifestreader.moc"
