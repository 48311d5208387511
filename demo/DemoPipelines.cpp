// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The demo project's build and delivery files: Dockerfile, GitLab CI (the primary pipeline, which deploys) and the
// GitHub Actions workflows of the public mirror. All of them are valid for the real services; they evolve with the
// DemoState flags.
#include "DemoContent.h"

namespace gatehouse::demo {

using namespace Qt::StringLiterals;

namespace {

QString dockerfile(const DemoState& s)
{
    QString text = u"# syntax=docker/dockerfile:1\nFROM python:3.12-slim\n\n"_s;
    if (s.dockerCurl)
        text += s.dockerCurlNoRecommends
            ? u"RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n\n"_s
            : u"RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n\n"_s;
    text += uR"~(WORKDIR /srv/parcel-api
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
)~"_s;
    if (s.dockerUser)
        text += u"RUN useradd --system --uid 10001 --no-create-home parcel\nUSER parcel\n"_s;
    text += u"\nEXPOSE 8000\n"_s;
    if (s.healthcheck)
        text
            += u"HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD curl -fsS http://localhost:8000/health || exit 1\n"_s;
    if (s.migrationsOnStart)
        text += u"ENTRYPOINT [\"./docker-entrypoint.sh\"]\n"_s;
    text += s.gunicornTimeout
        ? u"CMD [\"gunicorn\", \"--bind\", \"0.0.0.0:8000\", \"--workers\", \"4\", \"--timeout\", \"30\", "
          u"\"--graceful-timeout\", \"30\", \"wsgi:app\"]\n"_s
        : u"CMD [\"gunicorn\", \"--bind\", \"0.0.0.0:8000\", \"--workers\", \"4\", \"wsgi:app\"]\n"_s;
    return text;
}

QString gitlabCi(const DemoState& s)
{
    QString text = uR"~(# parcel-api pipeline: validate → security → test → deploy.
# Merge requests run the checks; the default branch deploys to staging automatically
# and to production when a release engineer presses the button.
stages:
  - validate
)~"_s;
    if (s.ciSecurity)
        text += u"  - security\n"_s;
    text += uR"~(  - test
  - deploy

workflow:
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
    - if: $CI_COMMIT_TAG

variables:
  PIP_CACHE_DIR: "$CI_PROJECT_DIR/.cache/pip"
  IMAGE: "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA"

# Every Python job extends this hidden job.
.base:
  image: python:3.12-slim
  interruptible: true
  retry:
    max: 2
    when:
      - runner_system_failure
      - stuck_or_timeout_failure
  before_script:
    - pip install -r requirements-dev.txt
)~"_s;
    if (s.ciCache)
        text += uR"~(
# Shared pip cache, merged into jobs with `<<: *pip-cache`.
.pip-cache: &pip-cache
  cache:
    key:
      files:
        - requirements.txt
        - requirements-dev.txt
    paths:
      - .cache/pip
)~"_s;
    const QString cacheMerge = s.ciCache ? u"  <<: *pip-cache\n"_s : QString();
    text += uR"~(
lint:
  stage: validate
  extends: .base
)~"_s + cacheMerge
        + uR"~(  script:
    - ruff check .
    - ruff format --check .
)~"_s;
    if (s.ciSecurity) {
        text += uR"~(
# Security jobs share their artifact settings through the anchor below. Their JSON
# reports are kept 30 days and committed weekly under reports/ for Gatehouse.
.security:
  stage: security
  needs: []
  artifacts: &security-artifacts
    when: always
    expire_in: 30 days
    paths:
      - reports/

semgrep:
  extends: .security
  image: semgrep/semgrep:1.85.0
  script:
    - mkdir -p reports
    - semgrep scan --config p/python --config p/flask --gitlab-sast --output gl-sast-report.json --json-output=reports/semgrep.json
  artifacts:
    <<: *security-artifacts
    reports:
      sast: gl-sast-report.json

gitleaks:
  extends: .security
  image:
    name: zricethezav/gitleaks:v8.21.2
    entrypoint: [""]
  variables:
    GIT_DEPTH: 0
  script:
    - mkdir -p reports
    - gitleaks detect --source . --redact --report-format json --report-path reports/gitleaks.json --exit-code 0
    - gitleaks detect --source . --redact --report-format junit --report-path gitleaks-junit.xml
  artifacts:
    <<: *security-artifacts
    reports:
      junit: gitleaks-junit.xml
)~"_s;
    }
    if (s.ciTrivy) {
        text += uR"~(
trivy:
  extends: .security
  image:
    name: aquasec/trivy:0.55.2
    entrypoint: [""]
)~"_s;
        if (s.ciTrivyAllowFailure)
            text += u"  # Temporary: the vulnerability DB download keeps timing out; do not block deploys on it.\n"
                    u"  allow_failure: true\n"_s;
        if (s.ciTrivyDbMirror || s.ciTrivyCache)
            text += u"  variables:\n"_s;
        if (s.ciTrivyDbMirror)
            text += u"    TRIVY_DB_REPOSITORY: registry.example.com/mirror/trivy-db:2\n"_s;
        if (s.ciTrivyCache)
            text
                += u"    TRIVY_CACHE_DIR: .trivycache/\n  cache:\n    key: trivy-db\n    paths:\n      - .trivycache/\n"_s;
        text += uR"~(  script:
    - mkdir -p reports
    - trivy fs --scanners vuln --format json --output reports/trivy.json .
    - trivy fs --scanners vuln --format template --template "@/contrib/gitlab-codequality.tpl" --output gl-codequality.json .
    # The gate: any CRITICAL vulnerability fails the job (and so blocks the deploys).
    - trivy fs --scanners vuln --exit-code 1 --severity CRITICAL .
  artifacts:
    <<: *security-artifacts
    reports:
      codequality: gl-codequality.json
)~"_s;
    }
    text += uR"~(
unit-tests:
  stage: test
  extends: .base
)~"_s + cacheMerge
        + uR"~()~"_s;
    if (s.ciCoverage)
        text += uR"~(  needs:
    - lint
  script:
    - pytest --junitxml=junit.xml --cov=app --cov-report=term --cov-report=xml:coverage.xml
  coverage: '/^TOTAL.+?(\d+%)$/'
  artifacts:
    when: always
    reports:
      junit: junit.xml
      coverage_report:
        coverage_format: cobertura
        path: coverage.xml
)~"_s;
    else
        text += uR"~(  needs:
    - lint
  script:
    - pytest --junitxml=junit.xml
  artifacts:
    when: always
    reports:
      junit: junit.xml
)~"_s;
    text += uR"~(
build-image:
  stage: test
  image: docker:27
  services:
    - docker:27-dind
  variables:
    DOCKER_TLS_CERTDIR: "/certs"
  needs:
    - lint
  script:
    - echo "$CI_REGISTRY_PASSWORD" | docker login -u "$CI_REGISTRY_USER" --password-stdin "$CI_REGISTRY"
    - docker build -t "$IMAGE" .
    - docker push "$IMAGE"

.deploy:
  stage: deploy
  image:
    name: bitnami/kubectl:1.30
    entrypoint: [""]
  interruptible: false
)~"_s;
    if (s.ciMigrateJob)
        text += uR"~(  before_script:
    # Migrations are an admin process: one pod per release, never one per replica (INC-2026-044).
    - kubectl run "parcel-migrate-$CI_PIPELINE_ID" --rm -i --restart=Never --namespace "$KUBE_NAMESPACE" --image "$IMAGE" -- python scripts/migrate.py
)~"_s;
    text += uR"~(  script:
    - kubectl set image deployment/parcel-api parcel-api="$IMAGE" --namespace "$KUBE_NAMESPACE"
    - kubectl rollout status deployment/parcel-api --namespace "$KUBE_NAMESPACE" --timeout=5m

deploy-staging:
  extends: .deploy
  needs:
    - unit-tests
    - build-image
)~"_s;
    if (s.ciSecurity)
        text += u"    - semgrep\n    - gitleaks\n"_s;
    if (s.ciTrivy)
        text += u"    - trivy\n"_s;
    text += uR"~(  variables:
    KUBE_NAMESPACE: parcel-staging
  environment:
    name: staging
    url: https://staging.parcel.example.com
)~"_s;
    if (s.ciResourceGroups)
        text += u"  resource_group: staging\n"_s;
    text += uR"~(  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
)~"_s;
    if (s.ciProduction)
        text += uR"~(
# Production is a manual step after staging; the release engineer tags the deployment.
deploy-production:
  extends: .deploy
  needs:
    - deploy-staging
  variables:
    KUBE_NAMESPACE: parcel-production
  environment:
    name: production
    url: https://parcel.example.com
)~"_s;
    if (s.ciProduction && s.ciResourceGroups)
        text += u"  resource_group: production\n"_s;
    if (s.ciProduction)
        text += uR"~(  when: manual
  allow_failure: false
  only:
    - main
)~"_s;
    return text;
}

QString githubCi(const DemoState& s)
{
    QString text = uR"~(# Checks for contributions on the GitHub mirror. GitLab runs the full pipeline and deploys.
name: CI

on:
  push:
    branches: [main]
  pull_request:
)~"_s;
    if (s.githubHardened)
        text += uR"~(
permissions:
  contents: read

concurrency:
  group: ci-${{ github.ref }}
  cancel-in-progress: true
)~"_s;
    const QString checkout = s.githubHardened
        ? u"      - uses: actions/checkout@v4\n        with:\n          persist-credentials: false\n"_s
        : u"      - uses: actions/checkout@v4\n"_s;
    const QString timeout = s.githubHardened ? u"    timeout-minutes: 15\n"_s : QString();
    text += uR"~(
jobs:
  test:
    runs-on: ubuntu-24.04
)~"_s + timeout
        + uR"~(    strategy:
      fail-fast: false
      matrix:
        python: ["3.11", "3.12"]
    steps:
)~"_s + checkout
        + uR"~(      - uses: actions/setup-python@v5
        with:
          python-version: ${{ matrix.python }}
          cache: pip
      - run: pip install -r requirements-dev.txt
      - run: ruff check .
      - run: pytest
)~"_s;
    if (s.githubSecurity)
        text += uR"~(
  semgrep:
    runs-on: ubuntu-24.04
)~"_s + timeout
            + uR"~(    container: semgrep/semgrep:1.85.0
    permissions:
      contents: read
      security-events: write
    steps:
)~"_s + checkout
            + uR"~(      - run: semgrep scan --config p/python --config p/flask --sarif --output semgrep.sarif
      - uses: github/codeql-action/upload-sarif@v3
        if: always()
        with:
          sarif_file: semgrep.sarif
          category: semgrep

  trivy-config:
    runs-on: ubuntu-24.04
)~"_s + timeout
            + uR"~(    permissions:
      contents: read
      security-events: write
    steps:
)~"_s + checkout
            + uR"~(      - uses: aquasecurity/trivy-action@0.28.0
        with:
          scan-type: config
          format: sarif
          output: trivy-config.sarif
      - uses: actions/upload-artifact@v4
        with:
          name: trivy-config-sarif
          path: trivy-config.sarif
      - uses: github/codeql-action/upload-sarif@v3
        if: always()
        with:
          sarif_file: trivy-config.sarif
          category: trivy-config
)~"_s;
    return text;
}

const char* releaseWorkflow
    = R"~(# Builds and publishes the container image for a version tag (vX.Y.Z) on the GitHub mirror.
name: Release

on:
  push:
    tags: ["v*"]

permissions:
  contents: write
  packages: write

jobs:
  image:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - uses: docker/login-action@v3
        with:
          registry: ghcr.io
          username: ${{ github.actor }}
          password: ${{ secrets.GITHUB_TOKEN }}
      - id: meta
        uses: docker/metadata-action@v5
        with:
          images: ghcr.io/${{ github.repository }}
          tags: type=semver,pattern={{version}}
      - uses: docker/build-push-action@v6
        with:
          push: true
          tags: ${{ steps.meta.outputs.tags }}
          labels: ${{ steps.meta.outputs.labels }}
      - name: GitHub release
        env:
          GH_TOKEN: ${{ github.token }}
        run: gh release create "$GITHUB_REF_NAME" --generate-notes --verify-tag
)~";

const char* renovateJson = R"~({
  "$schema": "https://docs.renovatebot.com/renovate-schema.json",
  "extends": ["config:recommended"],
  "labels": ["dependencies"],
  "schedule": ["before 9am on monday", "before 9am on thursday"],
  "packageRules": [
    {
      "matchManagers": ["pip_requirements"],
      "commitMessageTopic": "{{depName}}",
      "semanticCommitType": "chore",
      "semanticCommitScope": "deps"
    }
  ]
}
)~";

/// The partner mirror builds on CircleCI: an orb, a command with parameters, a matrix, the security scan, the
/// partner sandbox rolled on Nomad, the production deployment behind an approval job after staging, and the scans
/// again every night.
const char* circleciConfig = R"~(version: 2.1

orbs:
  python: circleci/python@2.1.1

parameters:
  run-scans:
    type: boolean
    default: true

executors:
  py:
    parameters:
      tag:
        type: string
        default: "3.12"
    docker:
      - image: cimg/python:<< parameters.tag >>
    resource_class: small

commands:
  install:
    description: Install the pinned requirements, with the development tools when asked
    parameters:
      dev:
        type: boolean
        default: false
    steps:
      - restore_cache:
          keys:
            - pip-v1-{{ checksum "requirements.txt" }}
      - run:
          name: Install requirements
          command: |
            pip install -r requirements.txt
            <<# parameters.dev >>pip install -r requirements-dev.txt<</ parameters.dev >>
      - save_cache:
          key: pip-v1-{{ checksum "requirements.txt" }}
          paths: [~/.cache/pip]

jobs:
  test:
    parameters:
      python:
        type: string
    executor:
      name: py
      tag: << parameters.python >>
    steps:
      - checkout
      - install:
          dev: true
      - run:
          name: Tests
          command: pytest --junitxml=reports/junit.xml
      - store_test_results:
          path: reports
  security-scan:
    executor: py
    steps:
      - checkout
      - python/install-packages:
          pkg-manager: pip
      - run:
          name: semgrep, pip-audit and gitleaks
          command: |
            pip install semgrep pip-audit
            semgrep scan --config auto --error
            pip-audit -r requirements.txt
            gitleaks detect --no-banner --redact
  deploy:
    parameters:
      target:
        type: enum
        enum: [staging, production]
    executor: py
    steps:
      - checkout
      - run:
          name: Deploy to << parameters.target >>
          command: ./scripts/deploy.sh "<< parameters.target >>"
  deploy-sandbox:
    docker:
      - image: hashicorp/nomad:1.8
    steps:
      - checkout
      - run:
          name: Roll the partner sandbox on Nomad
          command: nomad job run deploy/nomad/parcel-sandbox.nomad
      - run:
          name: Smoke test
          command: curl -fsS --retry 5 --retry-delay 10 https://sandbox.parcel.example.com/health
      - run:
          name: Revert the sandbox when the smoke test fails
          command: nomad job revert parcel-sandbox 0
          when: on_fail

workflows:
  build-and-deploy:
    jobs:
      - test:
          matrix:
            parameters:
              python: ["3.11", "3.12"]
      - security-scan:
          filters:
            branches:
              ignore: /^docs\/.*/
      - deploy:
          name: deploy-staging
          target: staging
          requires: [test, security-scan]
          context: parcel-staging
      - deploy-sandbox:
          requires: [test, security-scan]
          context: parcel-sandbox
      - hold-production:
          type: approval
          requires: [deploy-staging]
      - deploy:
          name: deploy-production
          target: production
          requires: [hold-production]
          context: parcel-production
          filters:
            branches:
              only: main
  # The scans again every night, for the advisories published since the last change.
  nightly-scan:
    triggers:
      - schedule:
          cron: "0 3 * * *"
          filters:
            branches:
              only: main
    jobs:
      - security-scan
)~";

// The partners' on-premises Jenkins builds the same service: the checks of GitLab CI in parallel, QA on the Docker
// Swarm and staging from the default branch, production behind an input step.
const char* jenkinsfile
    = R"~(// parcel-api on the partners' on-premises Jenkins: the checks of GitLab CI, then staging and production.
pipeline {
    agent { docker { image 'python:3.12-slim' } }
    options {
        timeout(time: 30, unit: 'MINUTES')
        buildDiscarder(logRotator(numToKeepStr: '20'))
    }
    environment {
        PIP_CACHE_DIR = "${WORKSPACE}/.cache/pip"
        REGISTRY_TOKEN = credentials('registry-token')
    }
    stages {
        stage('Install') {
            steps {
                sh 'pip install -r requirements-dev.txt'
            }
        }
        stage('Checks') {
            parallel {
                stage('Unit tests') {
                    steps {
                        sh 'pytest -q --junitxml=reports/junit.xml'
                    }
                }
                stage('Lint') {
                    steps {
                        sh 'ruff check app tests'
                    }
                }
                stage('Security scan') {
                    steps {
                        sh '''
                            semgrep scan --config p/python --error app
                            gitleaks detect --no-banner --redact
                            pip-audit -r requirements.txt
                        '''
                    }
                }
            }
        }
        stage('Deploy to QA') {
            when { branch 'main' }
            steps {
                // The QA environment is the Docker Swarm stack; its update_config rolls it and rolls it back.
                sh 'docker stack deploy --with-registry-auth -c deploy/swarm/qa-stack.yml parcel-qa'
                sh 'curl -fsS --retry 5 --retry-delay 10 https://qa.parcel.example.com/health'
            }
            post {
                // A QA stack that answers badly after the update goes back to the previous image.
                failure {
                    sh 'docker service rollback parcel-qa_api'
                }
            }
        }
        stage('Deploy to staging') {
            when { branch 'main' }
            steps {
                sh './scripts/deploy.sh staging'
            }
        }
        stage('Deploy to production') {
            when { branch 'main' }
            input {
                message 'Deploy parcel-api to production?'
                ok 'Deploy'
                submitter 'release-engineers'
            }
            steps {
                sh './scripts/deploy.sh production'
            }
        }
    }
    post {
        always {
            junit 'reports/junit.xml'
        }
    }
}
)~";

} // namespace

FileMap renderBuild(const DemoState& s)
{
    FileMap files;
    files[u"Dockerfile"_s] = dockerfile(s).toUtf8();
    files[u".dockerignore"_s] = ".git\n.venv\n__pycache__\n*.db\nreports/\npostmortems/\n";
    files[u".gitlab-ci.yml"_s] = gitlabCi(s).toUtf8();
    if (s.migrationsOnStart)
        files[u"docker-entrypoint.sh"_s] = R"~(#!/bin/sh
# Applies pending migrations, then starts the server.
set -eu
python scripts/migrate.py
exec "$@"
)~";
    if (s.githubWorkflow)
        files[u".github/workflows/ci.yml"_s] = githubCi(s).toUtf8();
    if (s.githubRelease)
        files[u".github/workflows/release.yml"_s] = releaseWorkflow;
    if (s.jenkinsfile)
        files[u"Jenkinsfile"_s] = jenkinsfile;
    if (s.renovate)
        files[u"renovate.json"_s] = renovateJson;
    if (s.circleci)
        files[u".circleci/config.yml"_s] = circleciConfig;
    if (!s.gitleaksIgnore.isEmpty())
        files[u".gitleaksignore"_s] = (u"# Rotated secrets that stay in history (fingerprints from gitleaks).\n"_s
                                       + s.gitleaksIgnore.join(u'\n') + u'\n')
                                          .toUtf8();
    return files;
}

} // namespace gatehouse::demo
