// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRunner.h"
#include "ScratchRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using gatehouse::test::CliRun;
using gatehouse::test::ScratchRepository;

namespace {

const QByteArray good = R"(version: 2.1
orbs:
  node: circleci/node@5.1.0
jobs:
  test:
    parameters:
      v: {type: string}
    docker: [{image: "cimg/node:<< parameters.v >>"}]
    steps: [checkout, node/install-packages, {run: npm test}]
  deploy:
    docker: [{image: cimg/base:2024.01}]
    steps: [checkout, {run: ./deploy.sh}]
workflows:
  ci:
    jobs:
      - test: {matrix: {parameters: {v: ["20.11", "22.1"]}}}
      - hold: {type: approval, requires: [test]}
      - deploy: {name: deploy-production, requires: [hold]}
)";

const QByteArray bad = R"(version: 2.1
jobs:
  test:
    docker: [{image: cimg/base:2024.01}]
    steps: [checkout, {run: make}]
workflows:
  ci:
    jobs:
      - test
      - deploy: {requires: [tset]}
)";

} // namespace

class TestCliCircleCI : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void validateDiscovers();
    void validateErrors_data();
    void validateErrors();
    void pipelineJson();

private:
    ScratchRepository m_repo;
    QString m_bad;
};

void TestCliCircleCI::initTestCase()
{
    QVERIFY(m_repo.isValid());
    m_repo.commit(QStringLiteral("circleci"),
                  {{QStringLiteral(".circleci/config.yml"), good},
                   {QStringLiteral("bad.yml"), bad},
                   {QStringLiteral(".gatehouse/policy.yml"), "gates:\n  security-scanning: {enabled: false}\n"}});
    QVERIFY(m_repo.repo().checkoutHead().ok());
    m_bad = QDir(m_repo.path()).filePath(QStringLiteral("bad.yml"));
}

void TestCliCircleCI::validateDiscovers()
{
    const CliRun r = gatehouse::test::runCli({QStringLiteral("validate"), QStringLiteral("--repo"), m_repo.path(),
                                              QStringLiteral("--format"), QStringLiteral("json")},
                                             m_repo.path());
    QCOMPARE(r.exitCode, 0);
    const QJsonArray files = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("files")).toArray();
    QCOMPARE(files.size(), 1);
    const QJsonObject file = files.first().toObject();
    QCOMPARE(file.value(QStringLiteral("path")).toString(), QStringLiteral(".circleci/config.yml"));
    QCOMPARE(file.value(QStringLiteral("kind")).toString(), QStringLiteral("circleci"));
    QStringList rules;
    for (const QJsonValue& d : file.value(QStringLiteral("diagnostics")).toArray()) {
        QVERIFY(d[QStringLiteral("severity")].toString() != u"error");
        rules << d[QStringLiteral("rule")].toString();
    }
    QVERIFY2(rules.contains(QStringLiteral("circleci.orb-unresolved")), qPrintable(rules.join(u' ')));
}

void TestCliCircleCI::validateErrors_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("kind");
    QTest::newRow("detected by content") << QStringList() << QStringLiteral("circleci");
    QTest::newRow("given") << QStringList{QStringLiteral("--kind"), QStringLiteral("circleci")}
                           << QStringLiteral("circleci");
}

void TestCliCircleCI::validateErrors()
{
    QFETCH(QStringList, options);
    QFETCH(QString, kind);
    const CliRun r = gatehouse::test::runCli(QStringList{QStringLiteral("validate"), QStringLiteral("--format"),
                                                         QStringLiteral("json"), QStringLiteral("--no-gates")}
                                                 + options + QStringList{m_bad},
                                             m_repo.path());
    QCOMPARE(r.exitCode, 1);
    const QJsonObject file = QJsonDocument::fromJson(r.out).object()[QStringLiteral("files")][0].toObject();
    QCOMPARE(file.value(QStringLiteral("kind")).toString(), kind);
    QStringList rules;
    for (const QJsonValue& d : file.value(QStringLiteral("diagnostics")).toArray())
        rules << QStringLiteral("%1:%2:%3")
                     .arg(d[QStringLiteral("line")].toInt())
                     .arg(d[QStringLiteral("column")].toInt())
                     .arg(d[QStringLiteral("rule")].toString());
    QVERIFY2(rules.contains(QStringLiteral("10:9:circleci.unknown-job")), qPrintable(rules.join(u' ')));
    QVERIFY2(rules.contains(QStringLiteral("10:29:circleci.unknown-requires")), qPrintable(rules.join(u' ')));
}

void TestCliCircleCI::pipelineJson()
{
    const CliRun r = gatehouse::test::runCli({QStringLiteral("pipeline"), QStringLiteral("--format"),
                                              QStringLiteral("json"), QStringLiteral(".circleci/config.yml")},
                                             m_repo.path());
    QCOMPARE(r.exitCode, 0);
    const QJsonObject root = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(root.value(QStringLiteral("kind")).toString(), QStringLiteral("circleci"));
    QCOMPARE(root.value(QStringLiteral("errors")).toInt(), 0);
    QStringList jobs;
    for (const QJsonValue& job : root.value(QStringLiteral("jobs")).toArray()) {
        QStringList needs;
        for (const QJsonValue& n : job[QStringLiteral("needs")].toArray())
            needs << n.toString();
        jobs << QStringLiteral("%1[%2]%3")
                    .arg(job[QStringLiteral("name")].toString(), needs.join(u','),
                         job[QStringLiteral("when")].toString());
    }
    QCOMPARE(
        jobs,
        (QStringList{QStringLiteral("test-20.11[]"), QStringLiteral("test-22.1[]"),
                     QStringLiteral("hold[test-20.11,test-22.1]manual"), QStringLiteral("deploy-production[hold]")}));
}

QTEST_GUILESS_MAIN(TestCliCircleCI)
#include "tst_cli_circleci.moc"
