// A product page: only the product's id goes through the same helpers.
import { useAnalytics } from '@/lib/analytics';

export default function Product({ product }: { product: { id: string; price: number } }) {
  const analytics = useAnalytics();
  analytics.identify(product.id);
  analytics.capture('Product Viewed', { productId: product.id, price: product.price });
  return null;
}
