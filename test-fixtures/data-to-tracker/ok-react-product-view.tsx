import { useEffect } from 'react';

type Product = { sku: string; name: string; price: number };

export function ProductView({ product }: { product: Product }): JSX.Element {
  useEffect(() => {
    gtag('event', 'view_item', {
      currency: 'USD',
      value: product.price,
      items: [{ item_id: product.sku, item_name: product.name }],
    });
  }, [product]);
  return <h1 className="product-title">{product.name}</h1>;
}
