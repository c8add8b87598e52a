// @flow
// Flow-typed code whose tracker calls carry no personal data stays quiet.
declare var analytics;

type Job = {| id: number, title: string, rate: ?number |};

export function trackJobPosted(job: Job, source: ?string): void {
  analytics.track('Job Posted', { jobId: job.id, title: job.title, source });
}
