// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The demo project beyond Kubernetes: the QA environment runs on Docker Swarm (a stack file whose update_config rolls
// two tasks at a time and rolls back by itself), the partner sandbox on Nomad (one canary promoted by hand, reverted
// automatically when unhealthy), and a SonarQube project whose issues the weekly scan archives next to the others.
// The SonarQube issues are derived from the tree's lines, so they come and go with the code.
#include "DemoContent.h"

#include <QCryptographicHash>

#include <nlohmann/json.hpp>

namespace gatehouse::demo {

using namespace Qt::StringLiterals;
using Json = nlohmann::ordered_json;

namespace {

const char* swarmStack
    = R"~(# The QA environment runs on a small Docker Swarm: `docker stack deploy -c deploy/swarm/qa-stack.yml parcel-qa`.
version: "3.8"
services:
  api:
    image: registry.example.com/parcel/api:latest
    healthcheck:
      test: ["CMD", "curl", "-fsS", "http://localhost:8000/health"]
      interval: 15s
      timeout: 3s
      retries: 3
    deploy:
      replicas: 4
      # Two tasks at a time, the new ones started before the old ones stop; a failed task rolls the service back.
      update_config:
        parallelism: 2
        delay: 20s
        order: start-first
        failure_action: rollback
        monitor: 60s
        max_failure_ratio: 0.25
      rollback_config:
        parallelism: 0
        order: stop-first
)~";

const char* nomadJob = R"~(# The partner sandbox runs on Nomad: `nomad job run deploy/nomad/parcel-sandbox.nomad`.
job "parcel-sandbox" {
  datacenters = ["eu-west"]
  type        = "service"

  # One canary next to three old allocations; a person promotes it, a failed deployment reverts by itself.
  update {
    max_parallel     = 1
    canary           = 1
    auto_promote     = false
    auto_revert      = true
    health_check     = "checks"
    min_healthy_time = "30s"
    healthy_deadline = "5m"
  }

  group "api" {
    count = 3

    network {
      port "http" { to = 8000 }
    }

    task "api" {
      driver = "docker"
      config {
        image = "registry.example.com/parcel/api:latest"
        ports = ["http"]
      }
    }
  }
}
)~";

const char* sonarProperties = R"~(# SonarQube analysis of the parcel API (sonar-scanner reads this file).
sonar.projectKey=parcel
sonar.projectName=Parcel API
sonar.sources=app
sonar.tests=tests
sonar.python.version=3.12
)~";

struct SonarRule
{
    const char* rule;
    const char* path;
    const char* needle; ///< the issue exists while a line of the file contains this
    const char* severity;
    const char* impact;
    const char* message;
    const char* resolution; ///< once triaged in SonarQube; empty = stays open
};

const SonarRule sonarRules[] = {
    {"python:S2068", "app/config.py", "API_TOKEN: str = \"\"", "MAJOR", "HIGH",
     "\"API_TOKEN\" detected here, make sure this is not a hard-coded credential.", "FALSE-POSITIVE"},
    {"python:S2068", "app/config.py", "API_TOKEN=os.environ.get(", "MAJOR", "HIGH",
     "\"API_TOKEN\" detected here, make sure this is not a hard-coded credential.", "FALSE-POSITIVE"},
    {"python:S2068", "tests/conftest.py", "return {\"Authorization\": f\"Bearer {TEST_API_TOKEN}\"}", "MAJOR", "HIGH",
     "\"TEST_API_TOKEN\" detected here, make sure this is not a hard-coded credential.", "FALSE-POSITIVE"},
    {"python:S2068", "tests/conftest.py", "TEST_API_TOKEN = \"tk_test_", "MAJOR", "HIGH",
     "\"TEST_API_TOKEN\" detected here, make sure this is not a hard-coded credential.", "WONTFIX"},
    {"python:S4790", "app/cache.py", "hashlib.md5(", "MINOR", "LOW",
     "Make sure this weak hash algorithm is not used in a sensitive context here.", ""},
};

} // namespace

FileMap renderPlatforms(const DemoState& s)
{
    FileMap files;
    if (s.swarmStack)
        files[u"deploy/swarm/qa-stack.yml"_s] = swarmStack;
    if (s.nomadJob)
        files[u"deploy/nomad/parcel-sandbox.nomad"_s] = nomadJob;
    if (s.sonarQube)
        files[u"sonar-project.properties"_s] = sonarProperties;
    return files;
}

QByteArray sonarQubeJson(const FileMap& tree, bool triaged)
{
    Json issues = Json::array();
    Json components = Json::array();
    QStringList seen;
    for (const SonarRule& rule : sonarRules) {
        const QString path = QString::fromLatin1(rule.path);
        const QList<QByteArray> lines = tree.value(path).split('\n');
        int number = 0;
        for (int i = 0; i < lines.size() && number == 0; ++i) {
            if (lines.at(i).contains(rule.needle))
                number = i + 1;
        }
        if (number == 0)
            continue;
        // SonarQube's issue keys stay with an issue across analyses.
        const QByteArray key
            = QCryptographicHash::hash(QByteArray(QByteArray(rule.rule) + '|' + rule.path + '|' + rule.needle),
                                       QCryptographicHash::Sha1)
                  .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)
                  .left(20);
        const bool resolved = triaged && *rule.resolution;
        Json issue{{"key", key.toStdString()},
                   {"rule", rule.rule},
                   {"severity", rule.severity},
                   {"component", "parcel:" + std::string(rule.path)},
                   {"project", "parcel"},
                   {"line", number},
                   {"textRange", {{"startLine", number}, {"endLine", number}, {"startOffset", 0}, {"endOffset", 40}}},
                   {"status", resolved ? "RESOLVED" : "OPEN"}};
        if (resolved)
            issue["resolution"] = rule.resolution;
        issue["issueStatus"]
            = resolved ? (std::string(rule.resolution) == "WONTFIX" ? "ACCEPTED" : "FALSE_POSITIVE") : "OPEN";
        issue["message"] = rule.message;
        issue["impacts"] = Json::array({{{"softwareQuality", "SECURITY"}, {"severity", rule.impact}}});
        issue["type"] = "VULNERABILITY";
        issues.push_back(issue);
        if (!seen.contains(path)) {
            seen << path;
            components.push_back({{"key", "parcel:" + std::string(rule.path)},
                                  {"enabled", true},
                                  {"qualifier", "FIL"},
                                  {"path", rule.path}});
        }
    }
    const int total = int(issues.size());
    Json page{{"total", total},
              {"p", 1},
              {"ps", 100},
              {"paging", {{"pageIndex", 1}, {"pageSize", 100}, {"total", total}}},
              {"issues", issues},
              {"components", components},
              {"facets", Json::array()}};
    return QByteArray::fromStdString(page.dump(2)) + '\n';
}

} // namespace gatehouse::demo
