// An Angular service wrapping Intercom; components get it by injection.
import { Injectable } from '@angular/core';

declare global {
  interface Window {
    Intercom?: (command: string, options?: object) => void;
  }
}

@Injectable({ providedIn: 'root' })
export class IntercomService {
  private booted = false;

  public boot(options: { app_id: string; name?: string; email?: string }): void {
    if (this.booted) {
      return;
    }
    window.Intercom!('boot', options); // expect: email intercom, name intercom
    this.booted = true;
  }

  public trackPage(path: string): void {
    window.Intercom!('update', { last_request_at: Date.now(), path });
  }
}
