import { connection } from 'next/server';
import { type ReactNode, Suspense } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { StoreStatus, StoreStatusPending, StoreStatusUnavailable } from '@/components/shell/store-status';
import { getStore } from '@/lib/server/store';

/** Engine and schema version of this server's store. A store that fails to open degrades the label, not the shell. */
async function StoreInfo() {
  try {
    const store = await getStore();
    return <StoreStatus engine={store.engine} schemaVersion={store.schemaVersion} />;
  } catch (err) {
    console.error('flowdeck: the store could not be opened', err);
    return <StoreStatusUnavailable />;
  }
}

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // Request time only: the store is never opened while `next build` prerenders.
  await connection();
  return (
    <AppShell
      storeStatus={
        <Suspense fallback={<StoreStatusPending />}>
          <StoreInfo />
        </Suspense>
      }
    >
      {children}
    </AppShell>
  );
}
