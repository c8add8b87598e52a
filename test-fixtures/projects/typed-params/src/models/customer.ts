// Types only: what the parameters of other modules are annotated with.
export interface Customer {
  id: string;
  email: string;
  phone: string;
  plan: string;
}

export interface Order {
  id: string;
  total: number;
  currency: string;
}
