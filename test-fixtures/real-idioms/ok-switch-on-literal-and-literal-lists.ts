// The other cases of a switch are not taken for a literal argument: asking for the campaign
// never reports the email case; lists of non-personal field names stay quiet.
class CampaignLayer {
  private dataLayer = (window as any).dataLayer || [];
  private campaignFields = ['utm_campaign', 'utm_source'];

  onLoad(): void {
    this.dataLayer.push({ event: 'campaign', value: this.value('campaign') });
    this.dataLayer.push({ event: 'other', value: this.value('unknown') });
    this.dataLayer.push({ event: 'fields', value: this.campaignFields.map((f) => fieldValue(f)) });
  }

  private value(kind: 'email' | 'campaign'): string {
    switch (kind) {
      case 'email':
        return fieldValue('email');
      case 'campaign':
        return fieldValue('utm_campaign');
      default:
        return '';
    }
  }
}

function fieldValue(name: string): string {
  return new FormData(document.forms[0]).get(name) as string;
}
