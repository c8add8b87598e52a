@extends('layouts.app')

@section('content')
    <p>Your receipt was sent to {{ $order->email }}.</p>
    <p>Delivery to {{ $order->shipping_street }}, {{ $order->shipping_city }}</p>
@endsection

@push('scripts')
<script>
    @if ($order->isFirst())
    gtag('event', 'purchase', {
        transaction_id: @json($order->reference),
        value: {{ $order->total }},
        items: @json($order->items->map->only(['sku', 'quantity']))
    });
    @endif
    gtag('event', 'page_view', { page_title: @json($title) });
</script>
@endpush
