// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Cli.h"

// Every subcommand's entry point, each defined in its own cli/<Name>Command.cpp.
namespace gatehouse::cli {

int runDemo(const QStringList& arguments, Io io);
int runInfo(const QStringList& arguments, Io io);
int runRuns(const QStringList& arguments, Io io);
int runValidate(const QStringList& arguments, Io io);
int runPipeline(const QStringList& arguments, Io io);
int runFindings(const QStringList& arguments, Io io);
int runPosture(const QStringList& arguments, Io io);
int runTuning(const QStringList& arguments, Io io);
int runReport(const QStringList& arguments, Io io);
int runScan(const QStringList& arguments, Io io);
int runStrategies(const QStringList& arguments, Io io);
int runDeployments(const QStringList& arguments, Io io);
int runIncidents(const QStringList& arguments, Io io);
int runScorecard(const QStringList& arguments, Io io);

} // namespace gatehouse::cli
