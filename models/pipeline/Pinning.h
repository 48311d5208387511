// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace gatehouse::pipeline {

/// How firmly a container image or an action reference is fixed. The one rule used by `validate`'s pinned-images
/// and pinned-actions gates and by the scorecard's factor V.
///
/// - Pinned: only an immutable reference — an image digest (`@sha256:…`), an image built from this very commit
///   (`$CI_COMMIT_SHA`, `${{ github.sha }}`), an action at a full 40-hex commit SHA, or a local action (`./…`).
/// - VersionTag: an exact version tag (`node:20.11.1`, `@v4.1.1`, `python:3.12-slim`: a tag with MAJOR.MINOR) or a
///   variable the pipeline sets elsewhere. A tag is NOT pinned: its owner can move it.
/// - Floating: no tag (`:latest` implied), `:latest`, or a tag that moves by design (`node:lts`, `docker:27`,
///   `alpine:edge`, `@v4`, `@main`).
enum class PinLevel
{
    Pinned,
    VersionTag,
    Floating
};

/// An image name as written (`image:`, `container:`, `services:`, or `docker://…`).
PinLevel imagePinLevel(const QString& image);
/// A `uses:` value (`owner/repo[/path]@ref`, `./local`, `docker://image`).
PinLevel actionPinLevel(const QString& uses);
/// "pinned", "version-tag", "floating".
QString pinLevelName(PinLevel level);

} // namespace gatehouse::pipeline
