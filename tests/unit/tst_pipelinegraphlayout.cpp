// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/workspace/PipelineGraphLayout.h"

#include <QTest>

using namespace gatehouse::pipeline;

namespace {

// Jobs from a compact notation: "name@stage<need1,need2" (stage optional, needs optional; CircleCI: the workflow).
PipelineModel makeModel(PipelineKind kind, const QStringList& stages, const QStringList& jobs)
{
    PipelineModel model;
    model.kind = kind;
    model.stages = stages;
    model.file = QStringLiteral("ci.yml");
    int line = 1;
    for (const QString& spec : jobs) {
        PipelineJob job;
        QString rest = spec;
        const qsizetype lt = rest.indexOf(u'<');
        if (lt >= 0) {
            job.needs = rest.mid(lt + 1).split(u',', Qt::SkipEmptyParts);
            rest.truncate(lt);
        }
        const qsizetype at = rest.indexOf(u'@');
        if (at >= 0) {
            // CircleCI has no stages: "@" names the job's workflow there.
            (kind == PipelineKind::CircleCI ? job.workflow : job.stage) = rest.mid(at + 1);
            rest.truncate(at);
        }
        job.name = rest;
        job.baseName = rest.section(u' ', 0, 0);
        job.file = model.file;
        job.line = line;
        line += 5;
        model.jobs.append(job);
    }
    return model;
}

// "column title: card, card | column title: ..." for whole-layout comparisons.
QString describe(const GraphLayout& layout)
{
    QStringList columns;
    for (const GraphColumn& column : layout.columns) {
        QStringList names;
        for (int card : column.cards)
            names << layout.cards.at(card).name;
        columns << column.title % u": " % names.join(u", ");
    }
    return columns.join(u" | ");
}

QString describeEdges(const GraphLayout& layout)
{
    QStringList edges;
    for (const GraphEdge& e : layout.edges)
        edges << layout.cards.at(e.from).name % u"->" % layout.cards.at(e.to).name;
    return edges.join(u' ');
}

} // namespace

class TestPipelineGraphLayout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void columns_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QStringList>("stages");
        QTest::addColumn<QStringList>("jobs");
        QTest::addColumn<QString>("expectedColumns");
        QTest::addColumn<QString>("expectedEdges");
        const int gitlab = int(PipelineKind::GitLab);
        const int github = int(PipelineKind::GitHub);
        QTest::newRow("gitlab stages in order, empty ones omitted")
            << gitlab << QStringList{u".pre"_qs, u"build"_qs, u"test"_qs, u"deploy"_qs, u".post"_qs}
            << QStringList{u"unit@test"_qs, u"compile@build"_qs, u"lint@test"_qs, u"ship@deploy<unit"_qs}
            << u"build: compile | test: unit, lint | deploy: ship"_qs << u"unit->ship"_qs;
        QTest::newRow("gitlab undefined stage shown last")
            << gitlab << QStringList{u"build"_qs} << QStringList{u"a@build"_qs, u"b@tset"_qs}
            << u"build: a | tset: b"_qs << QString();
        QTest::newRow("gitlab needs on parallel base name links every instance")
            << gitlab << QStringList{u"test"_qs, u"deploy"_qs}
            << QStringList{u"rspec 1/2@test"_qs, u"rspec 2/2@test"_qs, u"ship@deploy<rspec"_qs}
            << u"test: rspec 1/2, rspec 2/2 | deploy: ship"_qs << u"rspec 1/2->ship rspec 2/2->ship"_qs;
        QTest::newRow("gitlab unknown need makes no edge")
            << gitlab << QStringList{u"test"_qs} << QStringList{u"a@test<ghost"_qs} << u"test: a"_qs << QString();
        QTest::newRow("github levels by needs")
            << github << QStringList{} << QStringList{u"deploy<test,lint"_qs, u"build"_qs, u"test<build"_qs, u"lint"_qs}
            << u"Level 1: build, lint | Level 2: test | Level 3: deploy"_qs
            << u"test->deploy lint->deploy build->test"_qs;
        QTest::newRow("github cycle terminates") << github << QStringList{} << QStringList{u"a<b"_qs, u"b<a"_qs}
                                                 << u"Level 3: b | Level 4: a"_qs << u"b->a a->b"_qs;
        const int circleci = int(PipelineKind::CircleCI);
        QTest::newRow("circleci workflows side by side, levels within each")
            << circleci << QStringList{}
            << QStringList{u"build@release"_qs, u"test@release<build"_qs, u"deploy@release<test"_qs, u"scan@nightly"_qs,
                           u"lint@release"_qs}
            << u"release: build, lint | release: test | release: deploy | nightly: scan"_qs
            << u"build->test test->deploy"_qs;
        QTest::newRow("circleci names qualified by their workflow")
            << circleci << QStringList{}
            << QStringList{u"ci/scan@ci"_qs, u"nightly/scan@nightly"_qs, u"deploy@ci<ci/scan"_qs}
            << u"ci: ci/scan | ci: deploy | nightly: nightly/scan"_qs << u"ci/scan->deploy"_qs;
        QTest::newRow("circleci job without a workflow")
            << circleci << QStringList{} << QStringList{u"build"_qs} << u"Level 1: build"_qs << QString();
        QTest::newRow("empty") << gitlab << QStringList{u"build"_qs} << QStringList{} << QString() << QString();
    }
    void columns()
    {
        QFETCH(int, kind);
        QFETCH(QStringList, stages);
        QFETCH(QStringList, jobs);
        QFETCH(QString, expectedColumns);
        QFETCH(QString, expectedEdges);
        const GraphLayout layout = layoutPipeline(makeModel(PipelineKind(kind), stages, jobs));
        if (QByteArrayView(QTest::currentDataTag()) == "github cycle terminates") {
            // Only termination and both cards placed matter for a cycle.
            QCOMPARE(layout.cards.size(), 2);
            QCOMPARE(describeEdges(layout), expectedEdges);
            return;
        }
        QCOMPARE(describe(layout), expectedColumns);
        QCOMPARE(describeEdges(layout), expectedEdges);
        // A card shows its name, less the workflow its column already names.
        for (const GraphCard& card : layout.cards)
            QCOMPARE(card.label, card.workflow.isEmpty() ? card.name : card.name.section(u'/', -1));
    }

    void geometry()
    {
        GraphMetrics metrics;
        metrics.maxRowsPerColumn = 3;
        QStringList jobs;
        for (int i = 0; i < 7; ++i)
            jobs << u"t%1@test"_qs.arg(i);
        jobs << u"d@deploy"_qs;
        const GraphLayout layout
            = layoutPipeline(makeModel(PipelineKind::GitLab, {u"test"_qs, u"deploy"_qs}, jobs), metrics);
        QCOMPARE(layout.columns.size(), 2);
        // 7 jobs with at most 3 rows: three sub-columns.
        const GraphColumn& test = layout.columns.at(0);
        QCOMPARE(test.rect.width(), 3 * metrics.cardWidth + 2 * metrics.subColumnGap);
        QCOMPARE(layout.cards.at(3).rect.left(),
                 layout.cards.at(0).rect.left() + metrics.cardWidth + metrics.subColumnGap);
        QCOMPARE(layout.cards.at(3).rect.top(), layout.cards.at(0).rect.top());
        QCOMPARE(layout.cards.at(7).rect.left(), test.rect.right() + metrics.columnGap);
        // No two cards overlap and everything fits in the scene.
        const QRectF scene(QPointF(0, 0), layout.size);
        for (int i = 0; i < layout.cards.size(); ++i) {
            QVERIFY(scene.contains(layout.cards.at(i).rect));
            for (int j = i + 1; j < layout.cards.size(); ++j)
                QVERIFY(!layout.cards.at(i).rect.intersects(layout.cards.at(j).rect));
        }
    }

    void needsChain()
    {
        const GraphLayout layout = layoutPipeline(
            makeModel(PipelineKind::GitHub, {},
                      {u"build"_qs, u"test<build"_qs, u"lint<build"_qs, u"deploy<test"_qs, u"docs"_qs}));
        auto names = [&layout](const QList<int>& cards) {
            QStringList result;
            for (int c : cards)
                result << layout.cards.at(c).name;
            return result.join(u',');
        };
        // Upstream build and downstream deploy; not the sibling lint, not the unrelated docs.
        QCOMPARE(names(layout.needsChain(layout.cardForJob(u"test"_qs))), u"build,test,deploy"_qs);
        QCOMPARE(names(layout.needsChain(layout.cardForJob(u"build"_qs))), u"build,test,lint,deploy"_qs);
        QCOMPARE(names(layout.needsChain(layout.cardForJob(u"docs"_qs))), u"docs"_qs);
        QVERIFY(layout.needsChain(-1).isEmpty());
    }

    void roles_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("stage");
        QTest::addColumn<QString>("environment");
        QTest::addColumn<int>("role");
        QTest::newRow("sast") << u"semgrep-sast"_qs << u"test"_qs << QString() << int(JobRole::Security);
        QTest::newRow("deploy by environment") << u"ship"_qs << u"ship"_qs << u"production"_qs << int(JobRole::Deploy);
        QTest::newRow("test") << u"unit tests"_qs << u"check"_qs << QString() << int(JobRole::Test);
        QTest::newRow("build") << u"compile"_qs << u"build"_qs << QString() << int(JobRole::Build);
        QTest::newRow("other") << u"notify"_qs << u"misc"_qs << QString() << int(JobRole::Other);
    }
    void roles()
    {
        QFETCH(QString, name);
        QFETCH(QString, stage);
        QFETCH(QString, environment);
        QFETCH(int, role);
        PipelineJob job;
        job.name = name;
        job.baseName = name;
        job.stage = stage;
        job.environment = environment;
        QCOMPARE(int(classifyJob(job)), role);
    }

    void jobAtLine()
    {
        const QByteArray text = "stages: [build]\n" // 1
                                "\n" // 2
                                "compile:\n" // 3
                                "  stage: build\n" // 4
                                "  script:\n" // 5
                                "    - make\n" // 6
                                ".template:\n" // 7
                                "  image: x\n" // 8
                                "lint:\n" // 9
                                "  script: [x]\n"; // 10
        const QList<int> keys = topLevelKeyLines(text);
        QCOMPARE(keys, (QList<int>{1, 3, 7, 9}));
        PipelineModel model = makeModel(PipelineKind::GitLab, {u"build"_qs}, {u"compile@build"_qs, u"lint@build"_qs});
        model.jobs[0].line = 3;
        model.jobs[1].line = 9;
        QCOMPARE(gatehouse::pipeline::jobAtLine(model, keys, u"ci.yml"_qs, 1), -1);
        QCOMPARE(gatehouse::pipeline::jobAtLine(model, keys, u"ci.yml"_qs, 5), 0);
        QCOMPARE(gatehouse::pipeline::jobAtLine(model, keys, u"ci.yml"_qs, 8), -1); // inside the hidden template
        QCOMPARE(gatehouse::pipeline::jobAtLine(model, keys, u"ci.yml"_qs, 10), 1);
        QCOMPARE(gatehouse::pipeline::jobAtLine(model, keys, u"other.yml"_qs, 10), -1);
    }
};

QTEST_GUILESS_MAIN(TestPipelineGraphLayout)
#include "tst_pipelinegraphlayout.moc"
