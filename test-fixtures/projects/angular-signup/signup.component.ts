// Field kinds come from signup.component.html (templateUrl): its bindings name the inputs.
import { Component } from '@angular/core';
import { FormBuilder, Validators } from '@angular/forms';

@Component({
  selector: 'app-signup',
  templateUrl: './signup.component.html',
})
export class SignupComponent {
  user = { id: '', email: '', newsletter: true };
  form = this.fb.group({
    phone: ['', Validators.required],
    born: [''],
    plan: ['free'],
  });

  constructor(private fb: FormBuilder) {}

  submit() {
    analytics.identify(this.user.id, { email: this.user.email, newsletter: this.user.newsletter }); // expect: email segment
    gtag('event', 'sign_up', { method: 'form', dob: this.form.get('born')?.value }); // expect: birthdate google-tag
    posthog.capture('plan_selected', { plan: this.form.get('plan')?.value });
  }

  emailEntered(value: string) {
    fbq('track', 'Lead', { em: value }); // expect: email meta-pixel
  }

  phoneEntered() {
    const phone = this.form.get('phone')?.value;
    rdt('track', 'Lead', { phoneNumber: phone }); // expect: phone reddit-pixel
  }
}
