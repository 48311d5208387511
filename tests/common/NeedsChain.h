// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/PipelineModel.h"

#include <QByteArray>

namespace gatehouse::test {

/// A pipeline of `jobs` jobs (at least 3) in one `needs` chain, GitLab or GitHub: job-0 … job-N, then a test job and
/// a deploy job after it. Valid (no error) and gate-clean for the ordering gates; for the linear-time checks.
QByteArray needsChainPipeline(pipeline::PipelineKind kind, int jobs);

} // namespace gatehouse::test
