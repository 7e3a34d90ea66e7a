-- The tables Stockroom's reference Edge Functions write: one row per delivered webhook,
-- unique on its webhook-id (Stockroom sends the same one on every retry), the event's data
-- kept whole beside the columns apps query.

create table public.order_status_updates (
  id bigint generated always as identity primary key,
  webhook_id text not null unique,
  event_type text not null,
  occurred_at timestamptz,
  received_at timestamptz not null default now(),
  order_id bigint,
  order_number text,
  user_id bigint,
  old_status text,
  new_status text,
  payload jsonb not null
);
create index order_status_updates_order on public.order_status_updates (order_id, id);

create table public.cart_activity (
  id bigint generated always as identity primary key,
  webhook_id text not null unique,
  event_type text not null,
  occurred_at timestamptz,
  received_at timestamptz not null default now(),
  cart_id bigint,
  user_id bigint,
  item_id bigint,
  variant_id bigint,
  quantity integer,
  payload jsonb not null
);
create index cart_activity_cart on public.cart_activity (cart_id, id);

create table public.product_stock (
  id bigint generated always as identity primary key,
  webhook_id text not null unique,
  event_type text not null,
  occurred_at timestamptz,
  received_at timestamptz not null default now(),
  product_id bigint,
  variant_id bigint,
  sku text,
  available integer,
  payload jsonb not null
);
create index product_stock_variant on public.product_stock (variant_id, id);

create table public.notifications (
  id bigint generated always as identity primary key,
  webhook_id text not null unique,
  event_type text not null,
  occurred_at timestamptz,
  received_at timestamptz not null default now(),
  user_id bigint,
  kind text,
  order_id bigint,
  order_number text,
  read_at timestamptz,
  payload jsonb not null
);
create index notifications_user on public.notifications (user_id, id);

-- Written and read only with the service role key (which bypasses row level security):
-- with RLS on and no policy, the anon and authenticated keys see nothing. Add policies for
-- what your app's users may read (their own notifications, say).
alter table public.order_status_updates enable row level security;
alter table public.cart_activity enable row level security;
alter table public.product_stock enable row level security;
alter table public.notifications enable row level security;
