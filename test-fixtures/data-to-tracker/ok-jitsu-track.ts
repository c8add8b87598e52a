// API route: Jitsu told about a document view by ids and counts only.
import { jitsuAnalytics } from '@jitsu/js';

const analytics = jitsuAnalytics({ host: process.env.JITSU_HOST, writeKey: process.env.JITSU_WRITE_KEY });

export async function onView(view: { id: string; documentId: string; pages: number }) {
  await analytics.identify(view.id);
  await analytics.track('Document Viewed', { documentId: view.documentId, pages: view.pages });
  await analytics.page('viewer', { documentId: view.documentId });
}
