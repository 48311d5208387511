// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "NeedsChain.h"

namespace gatehouse::test {

QByteArray needsChainPipeline(pipeline::PipelineKind kind, int jobs)
{
    const QByteArray last = QByteArray::number(jobs - 3);
    QByteArray text;
    if (kind == pipeline::PipelineKind::GitLab) {
        text = "stages: [build, test, deploy]\njob-0:\n  stage: build\n  script: make\n";
        for (int i = 1; i < jobs - 2; ++i)
            text += "job-" + QByteArray::number(i) + ":\n  stage: build\n  script: make part\n  needs: [job-"
                + QByteArray::number(i - 1) + "]\n";
        text += "unit-test:\n  stage: test\n  script: make check\n  needs: [job-" + last
            + "]\ndeploy:\n  stage: deploy\n  script: ./deploy.sh\n  needs: [unit-test]\n";
        return text;
    }
    text = "on: push\njobs:\n  job-0:\n    runs-on: ubuntu-24.04\n    steps: [{run: make}]\n";
    for (int i = 1; i < jobs - 2; ++i)
        text += "  job-" + QByteArray::number(i) + ":\n    runs-on: ubuntu-24.04\n    needs: job-"
            + QByteArray::number(i - 1) + "\n    steps: [{run: make}]\n";
    text += "  unit-test:\n    runs-on: ubuntu-24.04\n    needs: job-" + last
        + "\n    steps: [{run: make check}]\n  deploy:\n    runs-on: ubuntu-24.04\n    needs: unit-test\n"
          "    steps: [{run: ./deploy.sh}]\n";
    return text;
}

} // namespace gatehouse::test
