// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RunReader.h"

namespace gatehouse::runs {

/// Reads a JUnit XML test report (<testsuites> or a single <testsuite>) as one run: the report is the run
/// (source "junit", id = a hash of the content, so re-importing is idempotent), each suite a job and each test case
/// a step. Stateless, callable from any thread. Errors: runs.xml (with line and column), runs.unknown-format,
/// runs.too-many.
class JUnitReader
{
public:
    static Result<RunReadResult> read(const QByteArray& data, const RunReaderLimits& limits = {});
};

} // namespace gatehouse::runs
