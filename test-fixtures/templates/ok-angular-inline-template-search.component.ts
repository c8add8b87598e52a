import { Component } from '@angular/core';

@Component({
  selector: 'app-search-bar',
  template: `
    <input type="search" name="q" [(ngModel)]="query" (keyup.enter)="search(query)">
    <input type="number" name="qty" [(ngModel)]="qty" (change)="quantity(qty)">
    <p>Signed in as {{ user.email }}</p>
  `,
})
export class SearchBarComponent {
  query = '';
  qty = 1;
  user = { email: '' };

  search(term: string) {
    (window as any).gtag('event', 'search', { search_term: term });
  }

  quantity(n: number) {
    (window as any).gtag('event', 'quantity_changed', { quantity: n });
  }
}
