// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The demo project's Kubernetes manifests: staging takes a new image with a plain rolling update,
// production through a Flagger canary that shifts traffic step by step while two metrics hold and rolls back by
// itself when they do not. The pipeline's `kubectl set image deployment/parcel-api` is what starts either.
#include "DemoContent.h"

namespace gatehouse::demo {

using namespace Qt::StringLiterals;

namespace {

QString deployment(const QString& environment, bool rolling)
{
    QString text = uR"~(apiVersion: apps/v1
kind: Deployment
metadata:
  name: parcel-api
  namespace: parcel-%1
  labels:
    app: parcel-api
spec:
  replicas: %2
)~"_s.arg(environment, environment == u"production" ? u"4"_s : u"2"_s);
    if (rolling)
        text
            += uR"~(  # One extra pod at a time and never fewer than the desired count: staging stays up during a rollout.
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
)~"_s;
    text += uR"~(  selector:
    matchLabels:
      app: parcel-api
  template:
    metadata:
      labels:
        app: parcel-api
    spec:
      containers:
        - name: parcel-api
          image: registry.gitlab.example.com/parcel/parcel-api:latest
          ports:
            - name: http
              containerPort: 8000
          readinessProbe:
            httpGet:
              path: /health
              port: http
            periodSeconds: 5
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              memory: 256Mi
)~"_s;
    return text;
}

QString productionCanary()
{
    return uR"~(# Production releases go to 10 % of the traffic, then 10 % more every minute up to 50 %, while the
# success rate stays at or above 99 % and p99 latency at or below 500 ms; five failed checks roll back.
apiVersion: flagger.app/v1beta1
kind: Canary
metadata:
  name: parcel-api
  namespace: parcel-production
spec:
  targetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: parcel-api
  progressDeadlineSeconds: 600
  service:
    port: 80
    targetPort: 8000
  analysis:
    interval: 1m
    threshold: 5
    maxWeight: 50
    stepWeight: 10
    metrics:
      - name: request-success-rate
        thresholdRange:
          min: 99
        interval: 1m
      - name: request-duration
        thresholdRange:
          max: 500
        interval: 30s
    webhooks:
      - name: smoke-test
        type: pre-rollout
        url: http://flagger-loadtester.test/
        timeout: 30s
        metadata:
          type: bash
          cmd: "curl -fsS http://parcel-api-canary.parcel-production/health"
)~"_s;
}

} // namespace

FileMap renderDeploy(const DemoState& s)
{
    FileMap files;
    if (!s.k8sManifests)
        return files;
    files.insert(u"deploy/k8s/staging/deployment.yaml"_s, deployment(u"staging"_s, true).toUtf8());
    files.insert(u"deploy/k8s/production/deployment.yaml"_s, deployment(u"production"_s, false).toUtf8());
    files.insert(u"deploy/k8s/production/canary.yaml"_s, productionCanary().toUtf8());
    return files;
}

} // namespace gatehouse::demo
