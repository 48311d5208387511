// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/IncrementalYamlReader.h"
#include "pipeline/PipelineValidator.h"
#include "pipeline/YamlReader.h"
#include "pipeline/workspace/BufferValidation.h"

#include <QFile>
#include <QTest>

using namespace gatehouse::pipeline;

// What the workspace's worker spends per validation, split by step: the YAML read, the engine (resolution,
// checks and gates) and the graph layout. Inputs: GNOME glib's pipeline from the corpus and a generated
// 3,000-line one.
class BenchBufferValidation : public QObject
{
    Q_OBJECT

    static QByteArray generated(int lines)
    {
        QByteArray text = "stages: [build, test, scan, deploy]\n\n.template: &template\n  image: alpine:3.19\n"
                          "  before_script:\n    - echo setup\n\n";
        static const char* stages[] = {"build", "test", "scan", "deploy"};
        for (int job = 0; text.count('\n') < lines; ++job) {
            text += "job-" + QByteArray::number(job) + ":\n  <<: *template\n  stage: " + stages[job % 4] + "\n";
            if (job >= 4)
                text += "  needs: [job-" + QByteArray::number(job - 4) + "]\n";
            text += "  variables:\n    LEVEL: \"" + QByteArray::number(job) + "\"\n  script:\n";
            for (int i = 0; i < 6; ++i)
                text += "    - echo \"step " + QByteArray::number(i) + " of ${CI_JOB_NAME}\" # trace\n";
            text += "\n";
        }
        return text;
    }

    static void rows()
    {
        QTest::addColumn<QByteArray>("text");
        QFile glib(QStringLiteral(GATEHOUSE_CORPUS_DIR "/pipelines/gitlab/GNOME__glib__.gitlab-ci.yml"));
        if (glib.open(QIODevice::ReadOnly))
            QTest::newRow("glib") << glib.readAll();
        QTest::newRow("generated-3000") << generated(3000);
    }

private Q_SLOTS:
    void readOnly_data() { rows(); }
    void readOnly()
    {
        QFETCH(QByteArray, text);
        QBENCHMARK
        {
            const auto docs = readYaml(text, QStringLiteral(".gitlab-ci.yml"));
            QVERIFY(docs.ok);
        }
    }
    void engine_data() { rows(); }
    void engine()
    {
        QFETCH(QByteArray, text);
        QBENCHMARK
        {
            const auto result = validatePipeline(text, QStringLiteral(".gitlab-ci.yml"));
            QVERIFY(!result.model.jobs.isEmpty());
        }
    }
    void engineWithoutGates_data() { rows(); }
    void engineWithoutGates()
    {
        QFETCH(QByteArray, text);
        ValidationOptions options;
        options.gates = false;
        QBENCHMARK
        {
            const auto result = validatePipeline(text, QStringLiteral(".gitlab-ci.yml"), options);
            QVERIFY(!result.model.jobs.isEmpty());
        }
    }
    void layout_data() { rows(); }
    void layout()
    {
        QFETCH(QByteArray, text);
        const auto result = validatePipeline(text, QStringLiteral(".gitlab-ci.yml"));
        QBENCHMARK
        {
            const auto graph = layoutPipeline(result.model);
            QVERIFY(!graph.cards.isEmpty());
        }
    }
    void whole_data() { rows(); }
    void whole()
    {
        QFETCH(QByteArray, text);
        QBENCHMARK
        {
            const auto result = validateBuffer(text, QStringLiteral(".gitlab-ci.yml"), FileSource{});
            QVERIFY(result.parsed);
        }
    }
    /// What a keystroke costs in the editor: the worker keeps the buffer's tree (LiveValidator's reader) and the text
    /// differs from the last one by a character typed into a script line in the middle of the file.
    void keystroke_data() { rows(); }
    void keystroke()
    {
        QFETCH(QByteArray, text);
        const qsizetype middle = text.indexOf("- ", text.size() / 2);
        QVERIFY(middle > 0);
        const QByteArray typed = QByteArray(text).insert(middle + 2, 'x');
        IncrementalYamlReader reader;
        validateBuffer(text, QStringLiteral(".gitlab-ci.yml"), FileSource{}, &reader);
        bool odd = false;
        QBENCHMARK
        {
            odd = !odd;
            const auto result
                = validateBuffer(odd ? typed : text, QStringLiteral(".gitlab-ci.yml"), FileSource{}, &reader);
            QVERIFY(result.parsed);
        }
        QVERIFY(reader.lastStats().incremental);
    }
};

QTEST_GUILESS_MAIN(BenchBufferValidation)
#include "bench_buffervalidation.moc"
