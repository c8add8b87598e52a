// A helper that switches on its argument returns, for a literal argument, what that case
// returns; lists of field names are followed name by name, also through a key parameter.
class FormDataLayer {
  private dataLayer = (window as any).dataLayer || [];
  private emailField = 'supporter.emailAddress';
  private addressFields = ['supporter.address1', 'supporter.address2'];
  private phoneFields = ['supporter.phone2', 'supporter.phone'];

  onChange(): void {
    this.dataLayer.push({ event: 'address', value: this.retained('address') }); // expect: address google-tag-manager
    this.dataLayer.push({ event: 'phone', value: this.retained('phone') }); // expect: phone google-tag-manager
    this.dataLayer.push({ event: 'email', value: this.retained('email') }); // expect: email google-tag-manager
  }

  private retained(kind: 'email' | 'address' | 'phone'): string {
    switch (kind) {
      case 'email':
        return fieldValue(this.emailField);
      case 'address':
        return this.addressFields.map((f) => fieldValue(f)).join(' ');
      case 'phone':
        for (const f of this.phoneFields) {
          const v = fieldValue(f);
          if (v !== '') return v;
        }
        return '';
      default:
        return '';
    }
  }
}

function fieldValue(name: string): string {
  const form = document.querySelector('form') as HTMLFormElement;
  return new FormData(form).getAll(name).join(',');
}
