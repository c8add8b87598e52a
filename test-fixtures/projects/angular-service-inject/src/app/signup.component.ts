import { Component } from '@angular/core';
import { IntercomService } from './shared/services/intercom.service';

@Component({ selector: 'app-signup', template: '<form (ngSubmit)="submit($event.target)"></form>' })
export class SignupComponent {
  constructor(private readonly intercom: IntercomService) {}

  submit(form: HTMLFormElement) {
    const email = (form.elements.namedItem('email') as HTMLInputElement).value;
    this.intercom.boot({ app_id: 'abc123', email });
  }
}
