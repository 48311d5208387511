// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QRegularExpression>
#include <QString>

#include <optional>

namespace gatehouse::delivery {

/// A problem found in `.gatehouse/config.yml` while reading the deployment rules (1-based line and column; 0 when
/// unknown). Codes: "config.yaml" (not YAML), "config.deployments" (wrong shape), "config.regex" (bad pattern).
struct RuleDiagnostic
{
    int line = 0;
    int column = 0;
    QString code;
    QString message;
};

/// One tag pattern → environment rule.
struct TagRule
{
    enum class Syntax
    {
        Glob,
        Regex
    };
    Syntax syntax = Syntax::Glob;
    QString pattern; ///< as written
    QString environment;
    QRegularExpression regex; ///< compiled, anchored

    bool matches(const QString& tagName) const;
};

/// Which rule classified a tag.
enum class RuleSource
{
    Config, ///< a rule of `.gatehouse/config.yml`
    Message, ///< an annotated tag whose message starts with "<Env> deployment"
    Default, ///< one of the built-in patterns
    Platform, ///< not a tag: a deployment GitLab or GitHub recorded (synced)
    Release, ///< a plain semantic version (`2.84.1`, `v1.2.3`, `release-1.2`)
};

struct TagClassification
{
    QString environment; ///< lower case, e.g. "production", "staging", "release"
    RuleSource source = RuleSource::Default;
    QString rule; ///< the pattern that matched, or the message words ("Production deployment"), for explanations
};

/// Maps tag names (and annotated tag messages) to deployment environments.
///
/// Precedence when several rules match (first match wins):
///  1. the rules of `.gatehouse/config.yml`, in file order (a project's own words beat every guess);
///  2. the message rule: an annotated tag whose message starts with "<Env> deployment" → env (lower-cased), unless
///     the word describes the deployment instead ("Rollback deployment", "Emergency deployment", ...);
///  3. the built-in defaults, most specific first: `deploy/staging/*`, `staging-*`, `stage-*` → staging, then
///     `deploy-*`, `deploy/*`, `production-*`, `prod-*` → production (so `deploy/staging/x` is staging);
///  4. tags that are plain semantic versions → release: MAJOR.MINOR[.PATCH][-pre][+build] (semver.org's grammar,
///     PATCH optional), optionally prefixed by `v`, `V`, `release-`, `release/`, `release_`, `rel-`, `rel/` or
///     `rel_` (`2.84.1`, `1.0.0-rc1`, `release-1.2`, `v1.2.3`).
/// Defaults 3 and 4 can be switched off with `deployments: {defaults: false}`.
///
/// Globs: `*` matches any run of characters (including '/'), `?` one character, `[...]` a class; the whole tag name
/// must match. Regexes (`regex:`) are Perl-compatible and must match the whole name too.
///
/// Config shape:
/// ```yaml
/// deployments:
///   defaults: true            # optional
///   rules:                    # or `tags:`
///     - pattern: "release-*"  # glob
///       environment: production
///     - regex: "^canary/\\d+$"
///       environment: canary
///   releases: "v*"            # optional glob (or list): environment "release", after the rules
/// ```
/// Value type; thread-safe to copy and use from any thread.
class DeploymentRules
{
public:
    /// The built-in rules only.
    static DeploymentRules defaults();
    /// Rules from the text of `.gatehouse/config.yml` (empty text = defaults). Problems go to `diagnostics` and the
    /// faulty rules are skipped; the rest still apply. Never throws.
    static DeploymentRules fromConfig(const QByteArray& yamlText, QList<RuleDiagnostic>* diagnostics = nullptr);

    /// The environment of a tag, or nothing when the tag is not a deployment.
    std::optional<TagClassification> classify(const QString& tagName, const QString& annotatedMessage = {}) const;

    const QList<TagRule>& configRules() const { return m_configRules; }
    bool usesDefaults() const { return m_useDefaults; }

    /// A glob turned into an anchored regular expression (exposed for tests).
    static QRegularExpression globToRegex(const QString& glob);
    /// Default rule 4: a plain semantic version, with an optional `v`/`release-`/`rel-` prefix.
    static bool isSemanticVersionTag(const QString& tagName);

private:
    QList<TagRule> m_configRules;
    bool m_useDefaults = true;
};

QString ruleSourceName(RuleSource source);

} // namespace gatehouse::delivery
