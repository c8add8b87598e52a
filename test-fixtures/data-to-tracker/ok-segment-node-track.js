// Server: an anonymous count of exports, with no customer data.
import { Analytics } from '@segment/analytics-node';

const analytics = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY });

export function reportExported(format, rows) {
  analytics.track({ anonymousId: 'batch-job', event: 'Report Exported', properties: { format, rows } });
}
