// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Incident.h"

namespace gatehouse::delivery {

/// The Markdown the Incidents page renders for an incident. Pure; any thread.
///  - a postmortem document: its own Markdown, without a top `# heading` that repeats the title;
///  - a commit: the fields as a bold-labelled list (incident, severity, detected, duration, deployment, root cause,
///    fix), the `Factor …` lines as a "12-Factor" list, then the rest of the message with its line breaks kept
///    (commit messages are not Markdown, so single newlines must not melt into one paragraph). `Key: value`
///    trailers already shown as fields, and their indented continuations, are left out.
class PostmortemMarkdown
{
public:
    static QString render(const Incident& incident);
};

} // namespace gatehouse::delivery
