import { Component } from '@angular/core';

@Component({
  selector: 'app-newsletter',
  template: `
    <form (ngSubmit)="done()">
      <input type="email" name="email" [(ngModel)]="user.email" (blur)="track(user.email)">
      <select name="topic" [(ngModel)]="user.topic"><option>deals</option><option>news</option></select>
      <button type="submit">Subscribe</button>
    </form>
  `,
})
export class NewsletterComponent {
  user = { email: '', topic: 'deals' };

  track(value: string) {
    (window as any).fbq('track', 'Lead', { em: value }); // expect: email meta-pixel
  }

  done() {
    (window as any).fbq('trackCustom', 'NewsletterTopic', { topic: this.user.topic });
  }
}
