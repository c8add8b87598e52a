import { Component, inject } from '@angular/core';
import { IntercomService } from './shared/services/intercom.service';
import { AuthService } from './shared/services/auth.service';

@Component({ selector: 'app-root', template: '<router-outlet></router-outlet>' })
export class AppComponent {
  private readonly intercomService = inject(IntercomService);

  constructor(private auth: AuthService) {}

  onUser(user: { name: string; email: string }) {
    this.intercomService.boot({ app_id: 'abc123', name: user.name, email: user.email });
    this.intercomService.trackPage('/home');
  }
}
