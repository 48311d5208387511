// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/workspace/QuickFix.h"

#include <QTest>

using namespace gatehouse::pipeline;

namespace {
const GateStatus* gateOf(const BufferValidation& result, const QString& id)
{
    for (const GateStatus& gate : result.gates) {
        if (gate.id == id)
            return &gate;
    }
    return nullptr;
}
} // namespace

class TestQuickFix : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fixes_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("gate");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("fixed");
        const QString gitlab = QStringLiteral(".gitlab-ci.yml");
        const QString github = QStringLiteral(".github/workflows/ci.yml");
        QTest::newRow("security job allowed to fail")
            << gitlab << u"security-blocking"_qs
            << u"stages: [test]\nsemgrep-sast:\n  stage: test\n  script: semgrep ci\n  allow_failure: true  # noisy\n"_qs
            << u"stages: [test]\nsemgrep-sast:\n  stage: test\n  script: semgrep ci\n  allow_failure: false  # noisy\n"_qs;
        QTest::newRow("production deploy without a human")
            << gitlab << u"production-approval"_qs
            << u"stages: [deploy]\ndeploy-prod:\n  stage: deploy\n  environment: production\n  script: ./deploy\n"_qs
            << u"stages: [deploy]\ndeploy-prod:\n  when: manual\n  stage: deploy\n  environment: production\n  script: ./deploy\n"_qs;
        QTest::newRow("timeout above the policy")
            << gitlab << u"job-timeouts"_qs << u"build:\n  script: make\n  timeout: 5h\n"_qs
            << u"build:\n  script: make\n  timeout: 1h\n"_qs;
        QTest::newRow("workflow without permissions")
            << github << u"restricted-permissions"_qs
            << u"on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    timeout-minutes: 10\n    steps:\n      - run: make\n"_qs
            << u"on: push\npermissions:\n  contents: read\n\njobs:\n  build:\n    runs-on: ubuntu-latest\n    timeout-minutes: 10\n    steps:\n      - run: make\n"_qs;
        QTest::newRow("write-all permissions")
            << github << u"restricted-permissions"_qs
            << u"on: push\npermissions: write-all\njobs:\n  build:\n    runs-on: ubuntu-latest\n    timeout-minutes: 10\n    steps:\n      - run: make\n"_qs
            << u"on: push\npermissions:\n  contents: read\njobs:\n  build:\n    runs-on: ubuntu-latest\n    timeout-minutes: 10\n    steps:\n      - run: make\n"_qs;
        QTest::newRow("github job without timeout")
            << github << u"job-timeouts"_qs
            << u"on: push\npermissions:\n  contents: read\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n"_qs
            << u"on: push\npermissions:\n  contents: read\njobs:\n  build:\n    timeout-minutes: 60\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n"_qs;
    }
    void fixes()
    {
        QFETCH(QString, path);
        QFETCH(QString, gate);
        QFETCH(QString, text);
        QFETCH(QString, fixed);
        const BufferValidation before = validateBuffer(text.toUtf8(), path, FileSource{});
        const GateStatus* status = gateOf(before, gate);
        QVERIFY(status);
        QCOMPARE(int(status->state), int(GateState::Fail));
        const auto fix = quickFixForGate(gate, before, text);
        QVERIFY(fix);
        QVERIFY(!fix->title.isEmpty());
        QCOMPARE(applyEdit(text, fix->edit), fixed);

        // The fix really makes the gate pass.
        const BufferValidation after = validateBuffer(fixed.toUtf8(), path, FileSource{});
        QVERIFY(after.parsed);
        QCOMPARE(int(gateOf(after, gate)->state), int(GateState::Pass));
        QCOMPARE(after.gatesFailing, before.gatesFailing - 1);
    }

    void noFixWhenNotMechanical_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("gate");
        // `when` decided per rule: the fix would need to know which rule is production.
        QTest::newRow("rules decide when")
            << u"stages: [deploy]\ndeploy-prod:\n  stage: deploy\n  environment: production\n  rules:\n    - if: $CI_COMMIT_TAG\n  script: ./deploy\n"_qs
            << u"production-approval"_qs;
        // Flow-style job: no block key can be inserted.
        QTest::newRow("flow job") << u"build: {script: make, timeout: 5h}\n"_qs << u"job-timeouts"_qs;
    }
    void noFixWhenNotMechanical()
    {
        QFETCH(QString, text);
        QFETCH(QString, gate);
        const BufferValidation result = validateBuffer(text.toUtf8(), u".gitlab-ci.yml"_qs, FileSource{});
        QCOMPARE(int(gateOf(result, gate)->state), int(GateState::Fail));
        QVERIFY(!quickFixForGate(gate, result, text));
    }

    void applyEditBounds()
    {
        QCOMPARE(applyEdit(u"a\nb\nc"_qs, {2, 1, {u"x"_qs, u"y"_qs}}), u"a\nx\ny\nc"_qs);
        QCOMPARE(applyEdit(u"a"_qs, {10, 3, {u"z"_qs}}), u"a\nz"_qs);
        QCOMPARE(applyEdit(u"a\nb"_qs, {1, 0, {}}), u"a\nb"_qs);
    }
};

QTEST_GUILESS_MAIN(TestQuickFix)
#include "tst_quickfix.moc"
